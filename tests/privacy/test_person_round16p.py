"""Person forms of round 16 (recall), each with own examples: given names abbreviated to more than
one letter ("Chr.", "Th.") as initials, two signers on one line."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


ABBREVIATED_GIVEN_NAMES = [
    "Rückfragen an die Leitung ([[PERSON:Ch. Lindemann]]) bis Freitag",
    "Protokoll: [[PERSON:Th. Wendeborn]]; Beginn 14 Uhr",
    "Die Unterlagen hat [[PERSON:Ph. Okonkwo]] bereits geprüft.",
    "Ansprechpartner: [[PERSON:Chr. Abendroth]], Zimmer 12",
]


@pytest.mark.parametrize("marked", ABBREVIATED_GIVEN_NAMES)
def test_round16_abbreviated_given_name_opens_the_name(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize("text", ["Das geschah um 300 v. Chr. in Rom.", "Im Jahr 44 v. Chr. Geburt Caesars",
                                  "Chr. Geburt ist das Jahr eins."])
def test_round16_christ_in_a_date_is_no_name(gate, text: str) -> None:
    assert _persons(gate, text) == []


TWO_SIGNERS = [
    "Mit freundlichen Grüßen\n[[PERSON:A. Lindqvist]] [[PERSON:R. Okafor]]",
    "Viele Grüße\n[[PERSON:M. Brandauer]]  [[PERSON:Th. Hoffmann-Lenz]]\n",
    "Mit freundlichen Grüßen\n[[PERSON:S. Wendeborn]] [[PERSON:K. Abendroth]]\nSchulleitung und Sekretariat",
]


@pytest.mark.parametrize("marked", TWO_SIGNERS)
def test_round16_two_signers_on_one_line_are_two_names(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize("marked", ["Mit freundlichen Grüßen\n[[PERSON:Hans J. Lindqvist]]",
                                    "Gruß\n[[PERSON:K. M. Brandauer]]",
                                    "Viele Grüße\n[[PERSON:Anne-K. Thielebein]]"])
def test_round16_one_signer_with_initials_stays_one_name(gate, marked: str) -> None:
    assert missing(gate, marked) == []


SIGNERS_IN_COLUMNS = [
    "Mit freundlichen Grüßen\n\n[[PERSON:Lea Lindqvist]]\t\t[[PERSON:Rainer Okafor]]\nSchulleiterin\t\tKonrektor",
    "Viele Grüße\n[[PERSON:Jana Wendeborn]]      [[PERSON:P. Brandauer]]\n",
    "Mit freundlichen Grüßen\ngez. [[PERSON:Karin Abendroth]]   [[PERSON:Th. Ruppert]]",
]


@pytest.mark.parametrize("marked", SIGNERS_IN_COLUMNS)
def test_round16_signers_side_by_side_are_two_names(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize("text", ["Mit freundlichen Grüßen\nIhr Jugendamt     Abteilung 51",
                                  "Mit freundlichen Grüßen\nSchulleitung     Sekretariat",
                                  "Viele Grüße\nDas Team der Kita\tSonnenschein"])
def test_round16_offices_side_by_side_are_no_signers(gate, text: str) -> None:
    assert _persons(gate, text) == []


@pytest.mark.parametrize("marked", ["Klassenlehrerin: [[PERSON:Chr. Kuchenbecker]]",
                                    "Fallführende Fachkraft: [[PERSON:Th. Weißenborn]], Zimmer 4",
                                    "Sachbearbeitung: [[PERSON:J. Abendroth]] (Tel. intern)"])
def test_round16_initial_after_a_role_label_belongs_to_the_name(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("first", "later"), [
    ("Rückfragen an Ch. Lindemann.", "| 8c | Ch | Raum 12 |"),
    ("Protokoll: Th. Wendeborn", "Fächer: BI, CH, PH"),
    ("Gez. Ph. Okonkwo", "Stundentafel: Ph 2, Ch 2"),
])
def test_round16_abbreviated_given_name_is_not_looked_for_again(gate, first: str, later: str) -> None:
    gate.redact(first)
    assert _persons(gate, later) == []
