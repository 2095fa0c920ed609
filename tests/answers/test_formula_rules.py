"""A "how is it computed?" answer leads with the formula and quotes the counting rules that
follow it in its section, even when a section on the topic (a town's report) ranks higher; a
text's colophon ("Stand: … · Verfasst für …") is never quoted. Passages written for these tests."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from assistant.answers.candidates import candidates
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.formula import FORMULA, with_rules
from assistant.retrieval.german import CompoundSplitter
from assistant.retrieval.models import Passage
from tests.answers.conftest import first_of
from tests.retrieval.conftest import BagOfWordsEmbedder


def _passage(n: int, text: str, section: str) -> Passage:
    return Passage(text=text, source="leitfaden.md", title="Leitfaden", section=section,
                   page=None, n=n)


def _answer(question: str, passages: list[Passage]) -> str:
    return " ".join(ExtractiveAnswerer(BagOfWordsEmbedder()).compose(question, passages))


@pytest.mark.parametrize(("sentence", "states"), [
    ("Die Quote ist die Zahl der Pendler geteilt durch alle Beschäftigten, mal 100.", True),
    ("Im Zähler stehen die Leser mit Ausweis, im Nenner alle Einwohner über 6 Jahren.", True),
    ("Leserquote = Leser mit Ausweis / Einwohner × 100.", True),
    ("Man dividiert durch die Zahl der Plätze.", True),
    ("Der Preisindex 100 gilt für das Basisjahr 2020.", False),  # no formula: an index base
    ("Die Quote ist 2023 deutlich gestiegen.", False),
])
def test_formula_sentences(sentence, states):
    assert bool(FORMULA.search(sentence)) is states


TOWN_REPORT = ("Der Kulturbericht der Stadt Auenhain zeigte 2021 eine hohe Leserquote der "
               "Stadtbibliothek. Die Presse lobte die Quote der Bibliothek. Der Bürgermeister "
               "erklärte die Leserquote mit dem neuen Lesesaal. Viele Schulen besuchen die "
               "Bibliothek der Stadt.")
FORMULA_SECTION = ("Die Leserquote der Bibliothek ist ein Anteil. Die Formel lautet: aktive "
                   "Leser eines Jahres geteilt durch die Einwohner der Stadt, mal 100. "
                   "Gezählt wird jeder Ausweis nur einmal, auch bei mehreren Zweigstellen. "
                   "Eine andere Bezugsgröße sind die Einwohner ab 6 Jahren.")
PASSAGES = [_passage(1, TOWN_REPORT, "Der Kulturbericht der Stadt Auenhain"),
            _passage(2, FORMULA_SECTION, "Leserquote: Formel und Bezugsgröße")]


@pytest.mark.parametrize("question", [
    "Wie berechnet man die Leserquote der Bibliothek für unseren Kulturbericht?",
    "Wie kommt man auf die Leserquote der Stadtbibliothek?",
    "Wie wird die Leserquote einer Bibliothek gerechnet?",
])
def test_formula_leads_and_its_counting_rules_follow(question):
    answer = _answer(question, PASSAGES)
    assert "geteilt durch die Einwohner" in first_of(answer), answer
    assert "Gezählt wird jeder Ausweis nur einmal" in answer
    assert "Einwohner ab 6 Jahren" in answer


@dataclass
class _Sentence:
    text: str
    n: int
    position: int
    score: float


def _same(a: _Sentence, b: _Sentence) -> bool:
    return a.text == b.text


def test_rules_follow_the_formula_and_the_weakest_others_give_way():
    lead = _Sentence("A geteilt durch B, mal 100.", 2, 1, 0.9)
    rule1, rule2 = _Sentence("Gezählt wird einmal.", 2, 2, 0.3), _Sentence("Nicht B.", 2, 3, 0.2)
    far = _Sentence("Ganz anderes später.", 2, 9, 0.8)
    table = _Sentence("Tabelle 12345-01-01-4.", 3, 0, 0.4)
    strong, weak = _Sentence("Stark.", 1, 0, 0.95), _Sentence("Schwach.", 1, 1, 0.5)
    cands = [lead, rule1, rule2, far, table, strong, weak]
    chosen, rules = with_rules(lead, cands, [lead, strong, weak, table], limit=4, similar=_same,
                               keep=lambda c: "Tabelle" in c.text)
    assert rules == [rule1, rule2]  # the next sentences of its section, not a far one
    assert chosen == [lead, rule1, rule2, table]  # the table kept, the plain sentences give way


def test_no_rules_leave_the_selection_as_it_is():
    lead = _Sentence("A geteilt durch B.", 1, 5, 0.9)
    other = _Sentence("Anderes.", 2, 0, 0.5)
    assert with_rules(lead, [lead, other], [lead, other], limit=9, similar=_same) == ([lead, other], [])


@pytest.mark.parametrize(("colophon", "quoted"), [
    ("Stand: 2026-11 · Verfasst für das Handbuch; eigene Formulierungen.", False),
    ("Stand: 03/2025 · Redaktion Bildungsbüro, alle Angaben ohne Gewähr.", False),
    ("Stand: 1.4.2024, zusammengestellt vom Amt für Statistik der Stadt.", False),
    ("Stand der Technik ist die Pseudonymisierung mit einem geheimen Schlüssel.", True),
])
def test_a_colophon_is_not_quoted(colophon, quoted):
    passage = _passage(1, f"# Titel\n\n> {colophon}\n\nDie Quote wird jährlich berechnet.", "Titel")
    texts = [c.text for c in candidates([passage], CompoundSplitter(set()))]
    assert (colophon in texts) is quoted
