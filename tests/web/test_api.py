"""The OpenAI-compatible API, driven with the ``openai`` client as a real client would."""

from __future__ import annotations

import httpx
import openai
import pytest

from tests.web.conftest import start_server

NAME = "Leyla Yilmaz"


def client(server) -> openai.OpenAI:  # noqa: ANN001
    return openai.OpenAI(base_url=server.url + "/v1", api_key="lokal", max_retries=0, timeout=120)


@pytest.fixture(scope="module")
def generative(tmp_path_factory: pytest.TempPathFactory):
    """A server whose answers go through the (fake) model, to see what the model receives."""
    yield from start_server(tmp_path_factory.mktemp("serve-gen"), retrieval={"answer_mode": "generative"})


def spy_retriever(server, monkeypatch: pytest.MonkeyPatch) -> list[str]:  # noqa: ANN001
    queries: list[str] = []
    retriever = server.service._ask_pipeline().retriever
    original = retriever.retrieve

    def retrieve(question: str, *args, **kwargs):  # noqa: ANN002, ANN003
        queries.append(question)
        return original(question, *args, **kwargs)

    monkeypatch.setattr(retriever, "retrieve", retrieve)
    return queries


def test_models_lists_lotse(server) -> None:  # noqa: ANN001
    assert [m.id for m in client(server).models.list().data] == ["lotse"]


def test_answer_carries_citations_as_numbered_source_list(server) -> None:  # noqa: ANN001
    reply = client(server).chat.completions.create(
        model="lotse", messages=[{"role": "user", "content": "Wie berechne ich den Anteil der "
                                  "Schulabgänger ohne Hauptschulabschluss?"}])
    text = reply.choices[0].message.content
    body, _, sources = text.partition("\n\nQuellen:\n")
    assert "[1]" in body and "D15.1" in body
    assert sources.startswith("[1] ")


def test_streamed_answer_is_cited(server) -> None:  # noqa: ANN001
    stream = client(server).chat.completions.create(
        model="lotse", stream=True,
        messages=[{"role": "user", "content": "Was bedeutet der Punkt in einer Tabelle der "
                                              "Regionaldatenbank?"}])
    pieces = [c.choices[0].delta.content or "" for c in stream if c.choices]
    text = "".join(pieces)
    assert len([p for p in pieces if p]) > 1, "the answer should arrive in several pieces"
    assert "\n\nQuellen:\n[1] " in text


def test_name_never_reaches_retriever_or_model(generative, monkeypatch) -> None:  # noqa: ANN001
    queries = spy_retriever(generative, monkeypatch)
    generative.backend.prompts.clear()
    generative.backend.queue("Bitte wenden Sie sich an <PERSON_1>. [1]")
    reply = client(generative).chat.completions.create(
        model="lotse", messages=[{"role": "user", "content": f"Darf ich die Liste von {NAME} "
                                  "mit der Wiederholerquote in ein Online-Tool kopieren?"}])
    seen = " ".join(queries) + " ".join(m.content for p in generative.backend.prompts for m in p)
    assert queries and generative.backend.prompts
    assert "Yilmaz" not in seen and "Leyla" not in seen
    assert "<PERSON_1>" in queries[0]
    assert NAME in reply.choices[0].message.content  # the placeholder is restored for the user


def test_placeholder_kept_across_turns_and_not_shared(server, monkeypatch) -> None:  # noqa: ANN001
    queries = spy_retriever(server, monkeypatch)
    api = client(server)
    first = [{"role": "user", "content": f"Welche Daten hat {NAME} für den Bericht geliefert?"}]
    answer = api.chat.completions.create(model="lotse", messages=first).choices[0].message.content
    second = first + [{"role": "assistant", "content": answer},
                      {"role": "user", "content": f"Und was hat Jonas Berger mit {NAME} besprochen?"}]
    api.chat.completions.create(model="lotse", messages=second)
    other = [{"role": "user", "content": "Was hat Jonas Berger zum Übergang gesagt?"}]
    api.chat.completions.create(model="lotse", messages=other)
    assert "<PERSON_1>" in queries[0] and "Leyla" not in queries[0]
    # same conversation: Leyla keeps <PERSON_1>, Jonas gets the next number
    assert "<PERSON_2>" in queries[1] and queries[1].index("<PERSON_2>") < queries[1].index("<PERSON_1>")
    # another conversation starts its own vault: Jonas is <PERSON_1> there
    assert "<PERSON_1>" in queries[2] and "<PERSON_2>" not in queries[2]


def test_errors_come_in_openai_shape(server) -> None:  # noqa: ANN001
    with pytest.raises(openai.BadRequestError) as caught:
        client(server).chat.completions.create(model="lotse", messages=[])
    assert caught.value.body["type"] == "invalid_request_error"
    assert "Nachrichten" in caught.value.body["message"]


def test_gate_failure_refuses_the_request(server, monkeypatch) -> None:  # noqa: ANN001
    from assistant.privacy import PrivacyGate

    queries = spy_retriever(server, monkeypatch)

    def broken(self, text, progress=None):  # noqa: ANN001
        raise RuntimeError("kaputt")

    monkeypatch.setattr(PrivacyGate, "redact", broken)
    with pytest.raises(openai.APIStatusError) as caught:
        client(server).chat.completions.create(
            model="lotse", messages=[{"role": "user", "content": f"Was weiß {NAME}?"}])
    assert caught.value.status_code == 503
    assert caught.value.body["type"] == "privacy_gate_error"
    assert queries == []


def test_login_protects_the_api(tmp_path_factory) -> None:  # noqa: ANN001
    from assistant.web.server import hash_password

    users = [f"amt:{hash_password('geheim-genug')}"]
    for running in start_server(tmp_path_factory.mktemp("serve-login"), ui={"users": users}):
        denied = httpx.get(running.url + "/v1/models")
        assert denied.status_code == 401 and denied.json()["error"]["type"] == "authentication_error"
        ok = httpx.get(running.url + "/v1/models", headers={"Authorization": "Bearer amt:geheim-genug"})
        assert ok.status_code == 200
        # the page's app config is refused until the user logs in with the same account
        assert httpx.get(running.url + "/config").status_code in (401, 403)
        with httpx.Client(base_url=running.url) as browser:
            wrong = browser.post("/login", data={"username": "amt", "password": "falsch"})
            assert wrong.status_code >= 400
            right = browser.post("/login", data={"username": "amt", "password": "geheim-genug"})
            assert right.status_code == 200
            assert browser.get("/config").status_code == 200
