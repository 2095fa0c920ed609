"""A "may I …?" question is decided by the section whose heading names what it asks about (the
action and the data: "Fotos von Kindern auf der Website zeigen"), even when that heading carries
none of the topic's words ("Datenschutz", "personenbezogen") that the general sections of the
topic carry. Small corpora written for these tests, a bag-of-words embedder for the dense side."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from assistant.answers.question import focus_for, understand
from assistant.retrieval.german import words
from assistant.retrieval.hybrid import HybridRetriever, _stem_in
from assistant.retrieval.store import StoredChunk

from .conftest import BagOfWordsEmbedder

#: General sections of the topic: their headings carry the topic's words, their texts mention
#: much of what the questions name.
GENERAL = [
    ("Datenschutz im Bildungsbüro", "Personenbezogene Daten von Kindern, Eltern und Lehrkräften "
     "verarbeitet das Bildungsbüro nur für seine Aufgaben. Fotos, Listen, Noten und Adressen sind "
     "personenbezogen, auch auf einem Laptop, einer Website oder in einer Zeitung."),
    ("Personenbezogene Daten in Befragungen", "Wer Eltern befragt, erhebt personenbezogene Daten. "
     "Namen, Noten und Fotos gehören nicht in den Fragebogen; Listen mit Adressen bleiben im Amt."),
    ("Schuldaten und Datenschutz nach Landesrecht", "Schuldaten wie Noten, Zeugnisse und "
     "Schülerlisten regelt das Schulgesetz. Eine Weitergabe an Presse oder Vereine ist damit "
     "nicht gedeckt."),
    ("DSGVO-Grundsätze für Kommunen", "Die DSGVO verlangt Zweckbindung und Datenminimierung. "
     "Daten auf privaten Geräten, auf Websites oder bei der Presse sind besonders zu schützen."),
    ("Anonymisierung von Tabellen", "Anonymisierte Tabellen enthalten keine Namen und keine "
     "Fotos; Zeugnisnoten erscheinen nur zusammengefasst."),
]

#: Sections that rule on one action with one kind of data, headed by what they rule on.
RULING = {
    "fotos": ("Fotos von Kindern auf der Website zeigen",
              "Fotos von Kindern darf die Kommune auf ihrer Website nur mit schriftlicher "
              "Einwilligung der Eltern zeigen."),
    "laptop": ("Elternlisten auf privaten Laptops speichern",
               "Elternlisten gehören nicht auf private Laptops; gespeichert werden sie nur auf "
               "dienstlichen Geräten."),
    "presse": ("Zeugnisnoten an die Presse weitergeben",
               "Zeugnisnoten einzelner Schüler an die Presse weiterzugeben, ist unzulässig."),
}

QUESTIONS = [
    ("Dürfen wir Fotos von Kindern auf unserer Website zeigen?", "fotos"),
    ("Ist es erlaubt, Elternlisten auf dem privaten Laptop zu speichern?", "laptop"),
    ("Darf das Amt Zeugnisnoten an die Presse weitergeben?", "presse"),
]


class Store:
    def __init__(self, chunks: list[StoredChunk], embedder: BagOfWordsEmbedder) -> None:
        self.ids = [c.id for c in chunks]
        self.vectors = embedder.embed_passages([f"{c.section}: {c.text}" for c in chunks])

    def dense(self, vector: np.ndarray, k: int) -> list[tuple[str, float]]:
        sims = self.vectors @ vector
        return [(self.ids[i], float(sims[i])) for i in np.argsort(-sims)[:k]]


class Index:
    def __init__(self, sections: list[tuple[str, str]]) -> None:
        self.embedder = BagOfWordsEmbedder()
        self._chunks = [StoredChunk(id=f"doc{i}:0", text=text, source=f"guidance/doc{i}.md",
                                    title="Leitfaden", section=heading, page=None,
                                    words=words(f"{heading} {text}"))
                        for i, (heading, text) in enumerate(sections)]
        self._store = Store(self._chunks, self.embedder)

    def chunks(self) -> list[StoredChunk]:
        return self._chunks

    @property
    def store(self) -> Store:
        return self._store


@pytest.fixture(scope="module")
def retriever() -> HybridRetriever:
    return HybridRetriever(Index(GENERAL + list(RULING.values())), k=3)


def _rank(retriever: HybridRetriever, question: str, heading: str, own_words: bool) -> int:
    focus = focus_for(understand(question))
    if not own_words:
        focus = replace(focus, heading_terms=())
    sections = [p.section for p in retriever.search(question, k=len(GENERAL) + len(RULING),
                                                    focus=focus)]
    return sections.index(heading)


@pytest.mark.parametrize("question, ruling", QUESTIONS)
def test_the_section_headed_by_the_action_and_the_data_is_among_the_first(retriever, question,
                                                                          ruling):
    assert focus_for(understand(question)).heading_terms
    assert _rank(retriever, question, RULING[ruling][0], own_words=True) <= 1


def test_the_question_s_own_words_bring_the_ruling_section_forward(retriever):
    # what the heading preference corrects: the topic's sections alone push the ruling back
    ranks = [(_rank(retriever, q, RULING[r][0], True), _rank(retriever, q, RULING[r][0], False))
             for q, r in QUESTIONS]
    assert all(with_ <= without for with_, without in ranks), ranks
    assert sum(with_ < without for with_, without in ranks) >= 2, ranks


@pytest.mark.parametrize("question", [
    "Darf man Noten in einer Cloud ablegen?",
    "Ist es zulässig, die Teilnehmerliste einem Verein zu überlassen?",
    "Was ist eine Mindestfallzahl?",
])
def test_only_may_i_questions_name_heading_words_and_never_their_frame(question):
    focus = focus_for(understand(question))
    if understand(question).kind != "darf_ich":
        assert focus.heading_terms == ()
        return
    assert focus.heading_terms
    assert not {"darf", "zulaessig", "ist", "man"} & set(focus.heading_terms)


@pytest.mark.parametrize("term, heading, named", [
    ("pseudonymisi", "Pseudonymisierung von Listen", True),   # another ending
    ("verarbeitungstaetigkei", "Verzeichnis der Verarbeitungstätigkeiten", True),
    ("auswertungsskrip", "Auswertung planen", False),          # a compound on something else
    ("daten", "Datenschutz", False),                           # short: whole words only
    ("cloud", "Cloud-Speicher", True),
])
def test_a_heading_names_a_word_with_another_ending_not_by_a_compound(term, heading, named):
    from assistant.retrieval.german import stem

    assert _stem_in(term, {stem(w) for w in words(heading)}) is named
