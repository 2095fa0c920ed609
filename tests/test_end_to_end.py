"""End to end through the service layer with the real privacy gate, the real catalogue and the
real knowledge base; the model is the fake one with a base profile (extractive path)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import isolated_service


@pytest.fixture(scope="module")
def lotse(tmp_path_factory):
    """One service for the module, isolated like the ``settings`` fixture: no ./lotse.toml of the
    developer's (the working directory is a fresh temporary one) and no LOTSE_* variables."""
    with isolated_service(tmp_path_factory, "e2e-data") as service:
        yield service


def test_the_fixture_ignores_a_developers_configuration(lotse, tmp_path_factory):
    """A lotse.toml in the directory pytest was started from and LOTSE_* variables of the shell
    change nothing here (they leaked in before)."""
    assert lotse.settings.paths.data_dir.name.startswith("e2e-data")
    assert lotse.settings.llm.backend == "fake"
    assert lotse.settings.retrieval.top_k == type(lotse.settings.retrieval)().top_k


@pytest.mark.parametrize(("question", "indicator", "facts"), [
    ("Wie berechne ich die Betreuungsquote der unter Dreijährigen?", "C7.1",
     ["1.3.", "22543-03-01-4", "× 100"]),
    ("Wie rechne ich den Anteil der Schulabgänger ohne Hauptschulabschluss aus?", "D15.1",
     ["21111-02-06-4"]),
    ("Wie wird die Ausbildungsanfängerquote berechnet?", "E7.1", ["Quotensumme"]),
])
def test_indicator_question_is_answered_from_the_catalogue(lotse, question, indicator, facts):
    answer = lotse.ask(question).result()
    assert answer.citations[0].source == f"katalog:{indicator}"
    for fact in facts:
        assert fact in answer.answer
    cited = {int(n) for n in re.findall(r"\[(\d+)\]", answer.answer)}
    assert cited and cited <= {c.n for c in answer.citations}
    assert lotse.backend.prompts == []  # base profile: the model is not asked


def test_guidance_question_gets_cited_sentences(lotse):
    answer = lotse.ask("Ab wie vielen Fällen darf ich eine Zahl für eine Schule veröffentlichen?").result()
    # the threshold itself leads, in the words of either guidance text on confidentiality
    assert re.search(r"(Mindestfallzahl|Fallzahlen unter) 3", answer.answer.split(". [")[0]), answer.answer
    assert not any(c.source.startswith("katalog:") for c in answer.citations[:1])
    assert {c.source for c in answer.citations} & {
        "glossar.md", "statistische-geheimhaltung.md", "geheimhaltung-schwellen-rundung.md"}


def test_names_in_the_question_never_reach_retrieval(lotse, monkeypatch):
    from assistant.retrieval.hybrid import HybridRetriever

    searched: list[str] = []
    original = HybridRetriever.retrieve

    def spy(self, question, k=None, focus=None):  # noqa: ANN001, ANN202
        searched.append(question)
        return original(self, question, k, focus)

    monkeypatch.setattr(HybridRetriever, "retrieve", spy)
    answer = lotse.ask("Frau Aylin Demir fragt: Was ist der Stichtag der Kita-Statistik?").result()
    assert "Aylin" not in answer.question_anonymized and "Demir" not in answer.question_anonymized
    assert "<PERSON_1>" in answer.question_anonymized
    # What the search index and its vectors saw: the anonymised question only.
    assert searched and not any("Demir" in q or "Aylin" in q for q in searched)
