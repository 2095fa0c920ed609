"""Forms the independent corpus indep13 showed missing or wrongly taken, each with own examples
(never the corpus strings): birth dates in tables parted by a broken bar, after a scan's "geb ."
and before a note's "geb."."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans, unmark

FOUND = [
    # DATE_OF_BIRTH: a table parted by "¦" under a birth-date header
    "KindNr¦Name¦Geb.-Datum¦Gruppe\nK-17¦Roth, Ida¦[[DATE_OF_BIRTH:2021-03-02]]¦Igel\nK-18¦Arslan, Mert¦[[DATE_OF_BIRTH:2020-11-30]]¦Bären",
    "Nr ¦ Vorname ¦ Geburtsdatum\n1 ¦ Joris ¦ [[DATE_OF_BIRTH:14.05.2018]]\n2 ¦ Fenja ¦ [[DATE_OF_BIRTH:02.12.2017]]",
    "Schüler¦Klasse¦GebDat¦Bus\nTarek¦3b¦[[DATE_OF_BIRTH:2016-07-19]]¦ja",
    # DATE_OF_BIRTH: a scan's blank before the dot of "geb."
    "Pflegschaft für Yusuf Demir , geb .[[DATE_OF_BIRTH:17.06.2010]]\n",
    "Tochter Lea Brandt geb . [[DATE_OF_BIRTH:14.07.2013]] , wohnhaft in Soest",
    "Schüler: Tim Wolf (geb .[[DATE_OF_BIRTH:3.2.2014]])",
    # DATE_OF_BIRTH: "geb." after the date in a note
    "Vater will Unterhalt für Jonas ([[DATE_OF_BIRTH:2015-06-03]] geb.? bitte prüfen) neu berechnen.",
    "Kinder: Emma [[DATE_OF_BIRTH:12.04.2016]] geb., Paul [[DATE_OF_BIRTH:03.09.2018]] geb.",
    "Lina ([[DATE_OF_BIRTH:2014-02-11]] geb., laut Mutter) wechselt zum Halbjahr.",
]

NOT_FOUND = [
    # a column of another role in a "¦" table; "geb." before a maiden name after a date
    ("Nr¦Name¦Aufnahme¦Gruppe\n1¦Ole¦03.05.2023¦Bären\n2¦Ida¦01.08.2023¦Igel", "DATE_OF_BIRTH"),
    ("Frau Demir, seit 03.05.2024 geb. Schulz, hat angerufen", "DATE_OF_BIRTH"),
    ("Stichtag 01.10.2024 geb. Kinder werden gezählt", "DATE_OF_BIRTH"),
]


@pytest.mark.parametrize("marked", FOUND)
def test_indep13_forms_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("text", "kind"), NOT_FOUND)
def test_indep13_forms_not_taken(gate, text: str, kind: str) -> None:
    assert [s for s in spans(gate, text) if s[0] == kind] == []


def test_marks_parse() -> None:
    assert all(unmark(m)[1] for m in FOUND)
