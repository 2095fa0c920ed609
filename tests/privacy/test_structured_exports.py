"""Personal data in exports and dumps (own examples): pupil numbers under short headers of
CSV/TSV/pipe/fixed-width exports, case-number columns that are no pupil numbers, SQL INSERT
statements, foreign street addresses, birth dates under short keys and headers.

Each text marks what must be found as ``[[TYPE:surface]]``; every mark must come back exactly.
The negatives list the types that must not be found at all."""

from __future__ import annotations

import re

import pytest

from tests.privacy.conftest import spans

_MARK = re.compile(r"\[\[([A-Z_]+):([^\[\]\n]+?)\]\]")


def _plain(marked: str) -> tuple[str, list[tuple[str, str]]]:
    return _MARK.sub(lambda m: m.group(2), marked), [(m.group(1), m.group(2)) for m in _MARK.finditer(marked)]


FOUND = {
    "quoted comma CSV under kind_nr": (
        '"kind_nr","vorname","nachname","gruppe"\n'
        '"[[STUDENT_ID:K-2024-0113]]","[[PERSON:Ole]]","[[PERSON:Brandt]]","Igel"\n'
        '"[[STUDENT_ID:K-2024-0127]]","[[PERSON:Selin]]","[[PERSON:Aydın]]","Igel"'),
    "unquoted header, quoted rows, a name with a comma": (
        "kind_nr,kind,gruppe,telefon\n"
        '"[[STUDENT_ID:KT-31-0412]]","[[PERSON:Haddad, Rami]]","Wald","[[PHONE_NUMBER:0231 7781230]]"\n'
        '"[[STUDENT_ID:KT-31-0419]]","[[PERSON:Nowak, Zofia]]","Wald","[[PHONE_NUMBER:0231 7781299]]"'),
    "semicolon CSV under sid": (
        '"sid";"name";"klasse"\n"[[STUDENT_ID:SID-204471]]";"[[PERSON:Lena Vogt]]";"7c"\n'
        '"[[STUDENT_ID:SID-204479]]";"[[PERSON:Kerem Aksoy]]";"7c"'),
    "TSV under schülerid": (
        "schülerid\tname\tklasse\n[[STUDENT_ID:4711-2023]]\t[[PERSON:Paul Reuter]]\t8a\n"
        "[[STUDENT_ID:4712-2023]]\t[[PERSON:Enes Kaya]]\t8a"),
    "pipe table under kind-id": (
        "kind-id | name | gruppe\n[[STUDENT_ID:KK-2023-0415]] | [[PERSON:Mila Horn]] | Bären\n"
        "[[STUDENT_ID:KK-2023-0420]] | [[PERSON:Finn Lutz]] | Bären"),
    "fixed width under KIND_NR": (
        "KIND_NR     NAME            GRUPPE\n[[STUDENT_ID:K-0411]]      [[PERSON:Jonas Krause]]    Igel\n"
        "[[STUDENT_ID:K-0412]]      [[PERSON:Lea Baumann]]     Igel"),
    "comma CSV under snr beside a file column": (
        "Akte,snr,name\nAK-2024-118,[[STUDENT_ID:20-1183]],[[PERSON:Nils Bauer]]\n"
        "AK-2024-121,[[STUDENT_ID:20-1190]],[[PERSON:Pia Kunz]]"),
    "fixed width: a case column before the pupil column": (
        "FALL-NR       SNR        NAME\nJA-2024-0071  [[STUDENT_ID:21-04411]]   [[PERSON:Kaan Demir]]\n"
        "JA-2024-0075  [[STUDENT_ID:21-04418]]   [[PERSON:Zoe Heller]]"),
    "a pupil number on the line under its label": "Schülernummer:\n[[STUDENT_ID:2023-04711]]",
}


@pytest.mark.parametrize("marked", FOUND.values(), ids=FOUND.keys())
def test_found(gate, marked: str) -> None:
    text, expected = _plain(marked)
    found = spans(gate, text)
    assert [e for e in expected if e not in found] == []


#: (types that must not be found, text)
NOT_FOUND = {
    "case numbers under Fall in a quoted CSV": (
        ("STUDENT_ID",),
        '"Fall","Kind","Eingang"\n"UV-2024-00123","Leon Hartmann","12.03.2024"\n'
        '"UV-2024-00131","Emma Schulz","14.03.2024"'),
    "case numbers under Fall beside names and tax IDs": (
        ("STUDENT_ID",),
        "Fall;Kind;geb.;Steuer-ID Kind\nEH-2025-00311;Malik Osei;2016-02-11;47036892816\n"
        "EH-2025-00318;Tilda Brink;2017-09-03;81872495633"),
    "Aktenzeichen in a pipe table": (
        ("STUDENT_ID",),
        "| Az | Kind | Frist |\n|---|---|---|\n| 2024-00123 | Noah Berg | 31.05.2025 |\n"
        "| 2024-00131 | Ida Roth | 30.06.2025 |"),
    "Vorgang and Akte columns in a TSV": (
        ("STUDENT_ID",),
        "Vorgang\tAkte\tName\nVG-2024-0117\tA-0412\tLea Wolf\nVG-2024-0120\tA-0415\tTom Ernst"),
    "case numbers under a fixed-width FALL header": (
        ("STUDENT_ID",),
        "FALL        NAME            EINGANG\n2024-00123  Jonas Krause    12.03.2024\n"
        "2024-00131  Mara Sommer     14.03.2024"),
}


@pytest.mark.parametrize(("kinds", "text"), NOT_FOUND.values(), ids=NOT_FOUND.keys())
def test_not_found(gate, kinds: tuple[str, ...], text: str) -> None:
    found = spans(gate, text)
    assert [f for f in found if f[0] in kinds] == []


def test_case_column_before_a_pupil_label_at_the_header_end(gate) -> None:
    """The label ending the header line does not take the first cell of the next row."""
    text = "Fall-Nr;Name;Schüler-Nr\n2024-0113;Nele Graf;2019-01123\n2024-0120;Ben Ott;2019-01130"
    ids = [t for kind, t in spans(gate, text) if kind == "STUDENT_ID"]
    assert ids == ["2019-01123", "2019-01130"]
