"""Names joined by a slash, nicknames in brackets, names in Cyrillic or Greek alone, titles of
other languages (own examples)."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import spans

FOUND = [
    ("Bearbeitung: Lindqvist / Oyelaran, 03.02.", ("PERSON", "Oyelaran")),
    ("Familie Zielińska/Tomaszewski zieht um.", ("PERSON", "Tomaszewski")),
    ("Frau Boateng-Weiß (Efua) holt ab.", ("PERSON", "Efua")),
    ("[14:02] Светлана: ok, danke", ("PERSON", "Светлана")),
    ("Vermerk: Vater Петренко Олег war da.", ("PERSON", "Петренко Олег")),
    ("Mutter: Ελένη, spricht wenig Deutsch", ("PERSON", "Ελένη")),
    ("Dear Mrs Achterberg, thank you for your letter.", ("PERSON", "Achterberg")),
    ("Bitte Rücksprache mit Koll. Dannhauer.", ("PERSON", "Dannhauer")),
    # a first name a dictionary also lists as a rare noun, before a listed surname
    ("Neu in der Gruppe: Amara Traoré", ("PERSON", "Amara Traoré")),
]

NOT_PERSON = [
    "Ergebnis Schule / Jugendamt: Übergang geregelt.",
    "Auszahlung Fam. Brandt / Fam. Kühn",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_found(gate, text: str, expected: tuple[str, str]) -> None:
    assert expected in spans(gate, text)


@pytest.mark.parametrize("text", NOT_PERSON[:1])
def test_no_person(gate, text: str) -> None:
    assert not [s for s in spans(gate, text) if s[0] == "PERSON"]


def test_titles_stay_outside(gate) -> None:
    found = [t for kind, t in spans(gate, NOT_PERSON[1]) if kind == "PERSON"]
    assert found == ["Brandt", "Kühn"]


def test_cyrillic_words_that_are_no_names() -> None:
    from assistant.privacy.names import load_lexicon
    from assistant.privacy.text.recognizers.other_scripts import listed_names

    assert listed_names("Спасибо за помощь. Добрый вечер!", load_lexicon()) == []


@pytest.mark.parametrize(("text", "names"), [
    ("Hausbesuch durchgeführt, Kind wohlauf.\nBrauckmann, ASD", ["Brauckmann"]),
    ("Keine Auffälligkeiten.\nTietjen (SL)", ["Tietjen"]),
    ("Rückzahlung angewiesen.\nKorff / Wendland, 03.02.", ["Korff", "Wendland"]),
    ("Anmeldung liegt vor.\nLüneburg, 03.02.2025", []),
    ("Fallberatung beendet.\nJugendamt, ASD", []),
])
def test_writer_on_the_last_line(gate, text: str, names: list[str]) -> None:
    assert [t for kind, t in spans(gate, text) if kind == "PERSON"] == names


def test_joined_name_is_found_again_later(gate) -> None:
    text = "Zuständig: Lindqvist / Oyelaran.\nRückfragen bitte an Oyelaran richten."
    assert [t for kind, t in spans(gate, text) if kind == "PERSON"] == ["Lindqvist", "Oyelaran", "Oyelaran"]
