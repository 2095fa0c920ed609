"""Streets without a street word, addresses and e-mails under keys (own examples)."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import spans

FOUND = [
    ("Anschrift: Kröpeliner Meile 14", ("ADDRESS", "Kröpeliner Meile 14")),
    ("Die Familie wohnt Hinter den Gärten 9 bei den Großeltern.", ("ADDRESS", "Hinter den Gärten 9")),
    ("Anmeldung, Wohnanschrift Unter der Linde 22a, 37073 Göttingen",
     ("ADDRESS", "Unter der Linde 22a, 37073 Göttingen")),
    ("wohnhaft in Brühl 8, 04109 Leipzig", ("ADDRESS", "Brühl 8, 04109 Leipzig")),
    ('{"kind": "Ole", "strasse": "Zwischen den Toren 4", "plz": "99084"}', ("ADDRESS", "Zwischen den Toren 4")),
    ("kind_adresse=Schmiedeplatz 2, 23552 Lübeck", ("ADDRESS", "Schmiedeplatz 2, 23552 Lübeck")),
    ("mutter_mail=j.okafor@example.org;tel=0421 55 31 20", ("EMAIL_ADDRESS", "j.okafor@example.org")),
    ('{"email":"haas.familie@example.net"}', ("EMAIL_ADDRESS", "haas.familie@example.net")),
]

NOT_ADDRESS = [
    "Postanschrift: Postfach 30 02 11, 28307 Bremen",
    "Die Anschrift der Schule steht im Briefkopf, Klasse 5 hat 27 Kinder.",
    "Im Jahr 2023 stieg die Quote auf 12 Prozent.",
]


@pytest.mark.parametrize(("text", "expected"), FOUND)
def test_found(gate, text: str, expected: tuple[str, str]) -> None:
    assert expected in spans(gate, text)


@pytest.mark.parametrize("text", NOT_ADDRESS)
def test_no_address(gate, text: str) -> None:
    assert not [s for s in spans(gate, text) if s[0] == "ADDRESS"]


def test_key_is_no_part_of_the_mail(gate) -> None:
    found = spans(gate, "eb2_mail=l.haas@example.com")
    assert found == [("EMAIL_ADDRESS", "l.haas@example.com")]


def test_pupil_number_under_short_key(gate) -> None:
    found = spans(gate, '{"m_nn": "Tarhan", "m_sn": "00733019", "m_kl": "6c"}')
    assert ("STUDENT_ID", "00733019") in found


def test_room_column_is_no_pupil_number(gate) -> None:
    text = "Nachname | Raum | Schüler-ID\nOkafor | C114 | SN-30912\nBerisha | B021 | SN-30977"
    ids = [t for kind, t in spans(gate, text) if kind == "STUDENT_ID"]
    assert ids == ["SN-30912", "SN-30977"]
