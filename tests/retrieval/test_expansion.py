"""Field synonyms as query expansion for BM25: a question in everyday words meets the text that
uses the official term ("sitzen bleiben" -> "Nichtversetzung"), and unrelated questions stay as
they are."""

from __future__ import annotations

from assistant.retrieval.expansion import SYNONYMS, expansion_words, load_groups
from assistant.retrieval.german import words
from assistant.retrieval.hybrid import BM25Index
from assistant.retrieval.store import StoredChunk

TEXTS = {
    "versetzung": "Nichtversetzungen am Ende des Schuljahres werden von der Schulstatistik erfasst.",
    "freiwillig": "Freiwillige Rücktritte in eine niedrigere Jahrgangsstufe sind möglich.",
    "art22": "Eine Entscheidung mit Rechtswirkung darf nicht allein automatisiert fallen.",
    "werkzeuge": "Ein KI-Werkzeug kann Texte zusammenfassen und Tabellen beschreiben.",
    "kita": "Die Kindertageseinrichtungen melden ihre Plätze zum Stichtag 1. März.",
    "schule1": "Die Schule meldet Schülerzahlen.",
    "schule2": "Die Schule ist ein Lernort.",
    "schule3": "Jede Schule hat eine Leitung.",
}


def chunks() -> list[StoredChunk]:
    return [StoredChunk(id=f"{key}:0", text=text, source=f"{key}.md", title=key, section=None,
                        page=None, words=words(text)) for key, text in TEXTS.items()]


def best(index: BM25Index, question: str) -> str:
    scores = index.scores(question)
    return chunks()[int(scores.argmax())].id.split(":")[0] if scores.max() > 0 else ""


def test_everyday_words_meet_the_official_term():
    index = BM25Index(chunks())
    assert best(index, "Müssen Kinder in Hamburg oft sitzen bleiben?") == "versetzung"
    assert best(index, "Darf man eine Software über Förderplätze entscheiden lassen?") == "art22"
    assert best(BM25Index(chunks(), expand=False),
                "Müssen Kinder in Hamburg oft sitzen bleiben?") == ""


def test_expansion_only_for_a_whole_phrase_of_a_group():
    assert "nichtversetzung" in expansion_words("Wie viele bleiben sitzen?")
    assert expansion_words("Wo darf ich mein Fahrrad lassen?") == []
    assert expansion_words("Wie bleiben wir mit den Schulen in Kontakt?") == []


def test_the_question_s_own_words_are_not_repeated():
    extra = expansion_words("Wie viele Plätze haben die Kitas und Kindertageseinrichtungen?")
    assert "kindertageseinrichtung" not in extra
    assert "kindertagesstaette" in extra


def test_the_table_is_well_formed():
    groups = load_groups(SYNONYMS)
    assert len(groups) >= 10
    assert all(len(group) >= 2 for group in groups)
