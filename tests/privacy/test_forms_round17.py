"""Forms of round 17 (PERSON), each with own examples (never the corpus strings): an English
month abbreviation before a day and a time of day in a log line is no given name; a listed East
Asian surname of two capital letters before a comma and a given name in capitals; a "Surname,
Given" entry in a column of a table aligned with blanks, whose given name is also a word; a
surname that is also an adjective after a given name, before a middle dot or a CSV cell's quote."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans

FOUND = [
    # a two-letter East Asian surname in capitals, a comma, a given name in capitals
    "KOWALSKI, PIOTR         8B\n[[PERSON:WU, JIE]]                 8C\nBRANDT, OLE             8A",
    "Anmeldungen Kurs Chinesisch:\n[[PERSON:XU, MING]]\n[[PERSON:HAUSER, LENA]]",
    "Teilnehmende:\n- [[PERSON:WU, JING]]\n- [[PERSON:LI, HAO]]\n- [[PERSON:OKAFOR, CHIDI]]",
    # "Surname, Given" in a column after a wide gap; the given name is also an English word
    "Kind              Geb.          Elternteil\n"
    "[[PERSON:Brandt, Lio]]       02.02.2015    [[PERSON:Otieno, Faith]] (Mutter)",
    "Nr.   Kind            Abholberechtigt\n3     [[PERSON:Ilić, Mara]]      [[PERSON:Njoroge, Grace]] (Tante)",
    "[[PERSON:Sommer, Jakob]]     7b     [[PERSON:Achieng, Joy]] (Mutter)     0151 2345 6789",
    # a given name and a surname that is also an adjective, closing an entry before a middle dot
    # or the quote of a CSV cell
    "Ärztin: Dr. [[PERSON:Maren Fromm]] · Assistenz: [[PERSON:Jana Weber]]",
    "Leitung: Dr. [[PERSON:Birgit Große]] · Stellvertretung: [[PERSON:Jens Bauer]]",
    "Beratung: Frau Dr. [[PERSON:Hanne Fromm]] · Raum 12",
    '"Name";"Telefon"\n"[[PERSON:Klaus-Dieter Große]]";"0171 2233445"',
]


@pytest.mark.parametrize("marked", FOUND)
def test_round17_forms_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


NOT_TAKEN = [
    # an English month abbreviation before a day and a time of day: a log line's date
    ("Mar  4 06:12:03 mx01 postfix/smtpd[2211]: connect from unknown", "Mar"),
    ("Mar 17 23:59:01 fw01 kernel: DROP IN=eth0 SRC=10.0.0.4", "Mar"),
    ("Log der Nacht:\nMar  9 01:00:02 nas01 CRON[771]: (root) CMD (backup.sh)", "Mar"),
    # two capital letters before a comma that are subjects, no surname
    ("Fächer der Gruppe: MA, DE, EN", "MA, DE"),
]


@pytest.mark.parametrize(("text", "surface"), NOT_TAKEN)
def test_round17_not_taken(gate, text: str, surface: str) -> None:
    assert not any(surface in found for _, found in spans(gate, text))
