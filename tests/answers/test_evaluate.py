"""Scoring of ``lotse eval retrieval``: both question formats, facts per kind, deciding sentence."""

from __future__ import annotations

from pathlib import Path

from assistant.answers.evaluate import decides, evaluate, load_questions
from assistant.retrieval.models import Passage

INDEPENDENT = """
- id: a1
  kind: darf_ich
  question: "Darf ich die Klassenliste in einen Chatbot geben?"
  expected_facts: [["personenbezogen"], ["spaltennamen", "spalten"]]
  deciding: ["nein", "nicht"]
  source: "seed000"
- id: a2
  kind: schwelle
  question: "Ab wie vielen Fällen darf ich veröffentlichen?"
  expected_facts: [["mindestens 3", "drei fälle"], ["\\\\d{4};"]]
"""

OWN = """
- id: q1
  question: "Was ist der Stichtag?"
  source: daten.md
  section: "Stichtage"
  facts: ["1. März"]
"""


class Retriever:
    def __init__(self, passages: list[Passage]) -> None:
        self.passages = passages

    def retrieve(self, question, k=None, focus=None):
        return [Passage(**p.__dict__) for p in self.passages]

    def search(self, question, k=None):
        return self.retrieve(question)


class Answerer:
    def __init__(self, pieces: dict[str, list[str]]) -> None:
        self.pieces = pieces

    def compose(self, question, passages):
        return self.pieces[question]


def _passage(text: str, n: int = 1, section: str = "Stichtage") -> Passage:
    return Passage(text=text, source="guidance/daten.md", title="Daten", section=section, page=None, n=n)


def test_independent_format_scores_alternatives_per_kind_and_the_deciding_sentence(tmp_path: Path):
    path = tmp_path / "q.yaml"
    path.write_text(INDEPENDENT, encoding="utf-8")
    questions = load_questions(path)
    assert questions[0].facts == [["personenbezogen"], ["spaltennamen", "spalten"]]
    retriever = Retriever([_passage("Personenbezogene Daten gehören nicht in externe Dienste. "
                                    "In einem Feld müssen mindestens 3 Fälle stehen.")])
    answerer = Answerer({
        "Darf ich die Klassenliste in einen Chatbot geben?":
            ["Nein, **personenbezogene** Daten gehören nicht hinein. [1]", "Nur Spalten. [1]"],
        "Ab wie vielen Fällen darf ich veröffentlichen?": ["Ab drei Fälle im Jahr. [1]"],
    })
    report = evaluate(questions, retriever, answerer)
    assert report.hit_at_1 is None  # no expected sections in this format
    assert report.by_kind["darf_ich"].facts_in_answers == 1.0
    assert report.by_kind["darf_ich"].facts_in_passages == 0.5  # "spalten" is not in the passage
    assert report.by_kind["darf_ich"].deciding_share == 1.0
    assert report.by_kind["schwelle"].facts_in_answers == 0.5  # "\d{4};" is a literal, not a regex
    assert report.facts_in_answers == 3 / 4 and report.deciding_share == 1.0


def test_own_format_keeps_hit_at_k_and_reads_the_kind_from_the_question(tmp_path: Path):
    path = tmp_path / "q.yaml"
    path.write_text(OWN, encoding="utf-8")
    retriever = Retriever([_passage("Die Zählung erfolgt am 1. März.")])
    report = evaluate(load_questions(path), retriever,
                      Answerer({"Was ist der Stichtag?": ["Die Zählung erfolgt am 1. März. [1]"]}))
    assert report.hit_at_1 == 1.0 and report.facts_share == 1.0
    assert report.results[0].kind == "definition"


def test_deciding_word_rules():
    assert decides("[1] Nein, das geht nicht. Weiter.", ["nein"])
    assert not decides("Im Jahr 2020 galt das. Ja, so ist es.", ["ja"])  # Jahr is not ja
    assert decides("Es gilt eine Kompetenzpflicht. Mehr.", ["pflicht"])
    assert not decides("Die Regel lautet so. Sie gilt nicht.", ["nicht"])
    # the scoring rule of the independent set: the first ".", "!" or "?" before whitespace ends
    # the first sentence, also after an abbreviation
    assert not decides("Nach Art. 28 DSGVO ist das erlaubt, also ja. [1]", ["ja"])
    assert decides("**Nein:** so nicht. [2] Ja, sonst.", ["nein"])
