"""The sentences quoted after a curated FAQ answer are the best ones by score, wherever they
stand: a second section that holds what the question asks beyond the curated answer is not cut
behind every sentence of the best-ranked section. Passages and entries written for these tests."""

from __future__ import annotations

import pytest

from assistant.answers.compose import Gathered, extractive_pieces, join_pieces
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.faq import FaqEntry, FaqMatch, FaqSource
from assistant.answers.question import understand
from assistant.retrieval.models import Passage
from tests.retrieval.conftest import BagOfWordsEmbedder


def _passage(n: int, text: str, section: str) -> Passage:
    return Passage(text=text, source="leitfaden.md", title="Leitfaden", section=section,
                   page=None, n=n)


def _pieces(question: str, curated: str, broad: str, specific: str) -> str:
    entry = FaqEntry(id="x", kind=understand(question).kind, question=question, answer=curated,
                     sources=[FaqSource(file="leitfaden.md", section="Kurz")])
    cited = _passage(1, curated, "Kurz")
    ranked = [_passage(2, broad, "Allgemein"), _passage(3, specific, "Genauer")]
    gathered = Gathered(understand(question), [cited] + ranked, FaqMatch(entry, 0.95, question),
                        [1], ranked)
    return join_pieces(extractive_pieces(question, gathered, ExtractiveAnswerer(BagOfWordsEmbedder())))


CASES = [
    ("Darf ich die Teilnehmerliste des Sprachkurses mit Kürzeln statt Namen an einen "
     "Übersetzungsdienst im Netz schicken?",
     "Nein, Teilnehmerlisten gehören nicht in Dienste im Netz.",
     "Eine Teilnehmerliste des Sprachkurses mit Namen an einen Übersetzungsdienst im Netz zu "
     "schicken, ist nicht zulässig. "
     "Die Teilnehmerliste jedes Sprachkurses führt die Volkshochschule mit Namen. "
     "Übersetzungsdienste im Netz nutzt die Volkshochschule für Kursunterlagen des Sprachkurses. "
     "Die Teilnehmerliste des Sprachkurses liegt im Büro. Namen auf der Teilnehmerliste prüft "
     "die Kursleitung jede Woche. Der Sprachkurs schickt Unterlagen im Netz an die Teilnehmer.",
     "Kürzel statt Namen machen eine Teilnehmerliste nicht anonym: die Liste bleibt "
     "personenbezogen."),
    ("Ab wie vielen Meldungen gilt eine Stadtteilzahl im Jugendbericht als verlässlich?",
     "Eine Zahl gilt ab 10 Meldungen als verlässlich.",
     "Ab 10 Meldungen gilt eine Stadtteilzahl im Jugendbericht als verlässlich genug. "
     "Der Jugendbericht nennt jede Stadtteilzahl der Meldungen. Die Meldungen im Jugendbericht "
     "kommen aus jedem Stadtteil. Die Stadtteilzahl der Meldungen steht im Jugendbericht als "
     "Karte. Im Jugendbericht gilt jede Stadtteilzahl für ein Jahr. Verlässlich erscheint der "
     "Jugendbericht jedes Jahr im Herbst.",
     "Unter 10 Meldungen wird die Stadtteilzahl im Jugendbericht mit einem Stern als unsicher "
     "markiert, unter 3 Meldungen gar nicht gezeigt."),
    ("Dürfen wir Fotos vom Schulfest mit Gesichtern der Kinder auf die Website der Stadt stellen?",
     "Nein, erkennbare Kinderfotos gehören nicht ohne weiteres auf Websites.",
     "Fotos vom Schulfest mit Gesichtern der Kinder auf die Website der Stadt zu stellen, ist "
     "nicht erlaubt. Das Schulfest der Stadt findet jedes Jahr im Sommer statt. Fotos vom "
     "Schulfest macht der Förderverein. Die Website der Stadt zeigt Termine der Schulfeste. "
     "Gesichter auf Fotos der Website erkennt jeder Besucher.",
     "Mit schriftlicher Einwilligung der Eltern dürfen Fotos der Kinder vom Schulfest doch auf "
     "die Website."),
]


@pytest.mark.parametrize(("question", "curated", "broad", "specific"), CASES)
def test_the_second_sections_sentence_on_the_question_is_quoted(question, curated, broad, specific):
    answer = _pieces(question, curated, broad, specific)
    assert answer.startswith(curated)
    assert specific in answer, answer
