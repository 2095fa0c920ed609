import pytest

from assistant.errors import ModelError
from assistant.llm import GenerationOptions, Message, create_backend
from assistant.llm.fake import FakeBackend
from assistant.llm.openai_backend import check_server_url
from assistant.llm.profiles import profile_for_file
from assistant.prompts import TemplateLibrary
from assistant.service import Lotse


def test_fake_backend_replies_in_order_and_keeps_prompts():
    fake = FakeBackend(["Erste Antwort.", "Zweite Antwort."])
    opts = GenerationOptions()
    assert fake.complete([Message("user", "a")], opts).text == "Erste Antwort."
    assert "".join(fake.stream([Message("user", "b")], opts)) == "Zweite Antwort."
    assert [p[-1].content for p in fake.prompts] == ["a", "b"]


def test_fake_backend_honours_stop_sequences():
    fake = FakeBackend(["Antwort. ENDE und mehr"])
    assert fake.complete([], GenerationOptions(stop=("ENDE",))).text == "Antwort. "


def test_service_chat_uses_prompt_template(settings):
    fake = FakeBackend(["Ein Bildungsbericht beschreibt die Lage."])
    lotse = Lotse(settings, backend=fake)
    assert "".join(lotse.chat("Was ist ein Bildungsbericht?")) == "Ein Bildungsbericht beschreibt die Lage."
    prompt = fake.prompts[0]
    assert prompt[0].role == "system" and "Bildungsmonitoring" in prompt[0].content
    assert prompt[-1].content == "Was ist ein Bildungsbericht?"


def test_all_prompt_templates_are_valid(settings):
    templates = TemplateLibrary(settings.paths.prompts_dir).all()
    assert templates
    for t in templates:
        values = {name: "x" for name in t.variables()}
        assert t.render(**values)[-1].role == "user"


def test_profile_is_guessed_from_file_name(tmp_path):
    assert profile_for_file(tmp_path / "qwen2.5-7b-instruct-q4_k_m.gguf").kind == "instruct"
    assert profile_for_file(tmp_path / "gemma-3-12b-it-Q4_K_M.gguf").kind == "instruct"
    assert profile_for_file(tmp_path / "gemma-3-270m-q4_k_m.gguf").kind == "base"
    assert profile_for_file(tmp_path / "irgendwas.gguf", kind="instruct").kind == "instruct"


def test_server_url_must_be_loopback_or_allowed():
    assert check_server_url("http://127.0.0.1:8080/v1")
    assert check_server_url("http://localhost:8080/v1")
    with pytest.raises(ModelError, match="nicht freigegeben"):
        check_server_url("http://ki.example.org/v1")
    with pytest.raises(ModelError, match="fehlt"):
        check_server_url(None)


def test_openai_backend_needs_model_name(settings):
    s = settings.model_copy(update={"llm": settings.llm.model_copy(
        update={"backend": "openai_compat", "base_url": "http://127.0.0.1:1/v1"})})
    with pytest.raises(ModelError, match="Modellname"):
        create_backend(s)


def test_unreachable_server_gives_german_error(settings):
    from assistant.llm.openai_backend import OpenAICompatBackend
    from assistant.llm.profiles import profile_for_server

    backend = OpenAICompatBackend("http://127.0.0.1:9/v1", profile_for_server("m", None, 4096),
                                  timeout=2)
    with pytest.raises(ModelError, match="nicht erreichbar"):
        backend.complete([Message("user", "Hallo")], GenerationOptions(max_tokens=4))


def test_gemma_format_keeps_system_text_in_first_user_turn(tmp_path):
    from assistant.llm.llama_cpp_backend import LlamaCppBackend
    from assistant.llm.profiles import EMBEDDED

    gguf = tmp_path / "m.gguf"
    gguf.write_bytes(b"GGUF" + b"\0" * 16)
    backend = LlamaCppBackend(gguf, EMBEDDED, status=lambda _: None)
    out = backend._chat_messages([Message("system", "Antworte auf Deutsch."),
                                  Message("user", "Was ist eine Kita?")])
    assert out == [{"role": "user", "content": "Antworte auf Deutsch.\n\nWas ist eine Kita?"}]


def test_chat_sends_only_pseudonymised_text_and_restores_the_answer(settings):
    fake = FakeBackend(["<PERSON_1> kann die Kita ab August besuchen."])
    lotse = Lotse(settings, backend=fake)
    answer = "".join(lotse.chat("Darf Aylin Yılmaz (geb. 03.05.2021) ab August in die Kita?"))
    prompt = "\n".join(m.content for m in fake.prompts[0])
    assert "Aylin" not in prompt and "Yılmaz" not in prompt and "03.05.2021" not in prompt
    assert "<PERSON_1>" in prompt
    assert answer == "Aylin Yılmaz kann die Kita ab August besuchen."


def test_chat_fails_closed_when_the_gate_cannot_run(settings, monkeypatch):
    from assistant.errors import PrivacyError
    from assistant.privacy.text import gate as gate_module

    def broken(*args, **kwargs):
        raise PrivacyError("Der Datenschutzfilter konnte nicht gestartet werden.")

    monkeypatch.setattr(gate_module.PrivacyGate, "from_settings", classmethod(broken))
    fake = FakeBackend(["egal"])
    with pytest.raises(PrivacyError):
        "".join(Lotse(settings, backend=fake).chat("Frage von Anna Schmidt"))
    assert fake.prompts == []
