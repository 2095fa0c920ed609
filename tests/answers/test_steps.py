"""Numbered steps for "how do I …?" questions: parsed from a passage, kept in order, cited."""

from __future__ import annotations

from assistant.answers import steps
from assistant.retrieval.models import Passage

LIST = """Eine Umfrage an Schulen braucht Vorbereitung. So gehen Sie vor:

1. Die Genehmigung beim Schulamt beantragen.
2. Den Fragebogen ohne Namen entwerfen.
3. Die Einwilligung der Eltern einholen,
   bei Minderjährigen schriftlich.
4. Die Antworten erst ab 3 Fällen auswerten.

Danach folgt der Bericht."""


def _passage(text: str, section: str, n: int = 1) -> Passage:
    return Passage(text=text, source="anleitung.md", title="Anleitung", section=section, page=None,
                   score=1.0, n=n, chunk_id=f"c{n}")


def test_parse_keeps_the_intro_and_the_steps_in_order():
    intro, found = steps.parse(LIST)
    assert intro == ["Eine Umfrage an Schulen braucht Vorbereitung."]
    assert found[0] == "Die Genehmigung beim Schulamt beantragen."
    assert found[2] == "Die Einwilligung der Eltern einholen, bei Minderjährigen schriftlich."
    assert len(found) == 4  # the sentence after the list is no step


def test_steps_are_numbered_and_cited_on_lines_of_their_own():
    found = steps.find([_passage(LIST, "Schritt für Schritt: eine Schulumfrage vorbereiten", 2)],
                       question="Wie bereite ich eine Schulumfrage vor?")
    assert found is not None
    pieces = steps.pieces(found)
    assert pieces[0] == "Eine Umfrage an Schulen braucht Vorbereitung. [2]"
    assert pieces[1] == "\n1. Die Genehmigung beim Schulamt beantragen. [2]"
    assert pieces[-1].startswith("\n4. Die Antworten erst ab 3 Fällen")


def test_a_list_for_another_task_is_not_the_answer():
    passage = _passage(LIST, "Schritt für Schritt: eine Schulumfrage vorbereiten")
    assert steps.find([passage], question="Wie schreibe ich den Bericht verständlich?") is None
    assert not steps.fits("Wie mache ich den Bericht für Eltern verständlich?",
                          "Schritt für Schritt: den ersten Bildungsbericht schreiben")
    assert steps.fits("Wie schreibe ich unseren ersten Bildungsbericht?",
                      "Schritt für Schritt: den ersten Bildungsbericht schreiben")


def test_a_passage_without_a_list_gives_no_steps():
    plain = _passage("Erst beschreiben, dann bewerten. Dann folgt die Diskussion.", "Vorgehen")
    assert steps.find([plain]) is None
