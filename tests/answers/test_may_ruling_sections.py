"""Through retrieval: a "may I …?" question is decided by the section whose heading names its
action and its data ("… in einer Cloud speichern …", "Einzeldaten an … Hochschulen …
weitergeben", "Pseudonymisierung", "Verzeichnis der Verarbeitungstätigkeiten"), also where the
general data protection sections carry more of the topic's words. Questions written for these
tests (not from an evaluation set): each names the words one of which must stand in the first
sentence as its verdict, and the words one of which must name the rule it rests on."""

from __future__ import annotations

import re

import pytest

from .conftest import extractive_run

# (question, verdict words, rule words); "ja"/"nein" count as whole words
CASES = [
    # storing personal data with a cloud provider
    ("Darf das Schulamt Schülerdaten mit Namen auf Servern eines Cloud-Dienstleisters speichern?",
     ["nur"], ["rechtsgrundlage", "art. 28"]),
    ("Dürfen wir die Anmeldelisten der Kitas mit Namen auf einem Cloud-Speicher ablegen?",
     ["nur"], ["rechtsgrundlage", "art. 28"]),
    ("Ist es erlaubt, Zeugnisdaten bei einem externen Dienstleister in der Cloud zu speichern?",
     ["nur"], ["rechtsgrundlage", "art. 28"]),
    # a language model on the municipality's own servers
    ("Dürfen wir personenbezogene Daten mit einem lokalen Sprachmodell auf eigenen Servern "
     "verarbeiten?", ["nur"], ["rechtsgrundlage"]),
    # Einzeldaten for research, anonymised results for a Träger
    ("Dürfen wir einer Fachhochschule Einzeldaten unserer Kitas für ein Forschungsprojekt geben?",
     ["nur", "nein", "nicht"], ["rechtsgrundlage", "einwillig"]),
    # open (reported, not hidden): the heading names one of its words only ("Einzeldaten")
    pytest.param("Ist es zulässig, Einzeldaten über Schulabgänger an ein Universitätsinstitut "
                 "weiterzugeben?", ["nur", "nein", "nicht"], ["rechtsgrundlage", "einwillig"],
                 marks=pytest.mark.xfail(reason="open, see comment")),
    ("Können wir anonymisierte Ergebnisse unserer Jugendbefragung an den Jugendverband "
     "weitergeben?", ["ja"], ["anonym"]),
    # the register of processing activities
    ("Muss die Kommune die Verarbeitung der Schülerdaten im Verzeichnis der "
     "Verarbeitungstätigkeiten eintragen?", ["ja", "muss", "pflicht"], ["art. 30"]),
    ("Sind wir verpflichtet, die Auswertung von Kita-Daten ins Verzeichnis der "
     "Verarbeitungstätigkeiten aufzunehmen?", ["ja", "muss", "pflicht"], ["art. 30"]),
    # pseudonymised data in an AI service
    ("Dürfen pseudonymisierte Teilnehmerlisten in ein Online-KI-Tool?", ["nein", "nicht"],
     ["pseudonym", "personenbez"]),
    ("Kann ich Förderdaten mit Pseudonymen statt Namen in einem KI-Dienst auswerten lassen?",
     ["nein", "nicht"], ["pseudonym", "personenbez"]),
]


def _has(text: str, words: list[str]) -> bool:
    low = text.lower()
    return any(re.search(rf"(?<![\wäöüß]){w}(?![\wäöüß])", low) if w in ("ja", "nein")
               else w in low for w in words)


@pytest.fixture(scope="module")
def run(lotse):
    return extractive_run(lotse)


@pytest.mark.parametrize("question, verdicts, rules", CASES, ids=range(len(CASES)))
def test_the_section_that_names_the_action_and_the_data_decides(run, question, verdicts, rules):
    from .conftest import first_of

    _, pieces = run(question)
    said = first_of(" ".join(pieces))
    assert _has(said, verdicts), said
    assert _has(said, rules), said


@pytest.mark.parametrize("question", [
    "Dürfen wir Hilfequoten nach dem SGB II je Wohnquartier veröffentlichen, obwohl manche "
    "Quartiere sehr klein sind?",
    "Ist es zulässig, SGB-II-Quoten für sehr kleine Ortsteile im Sozialbericht zu zeigen?",
    "Können wir die SGB-II-Quote je Schulbezirk veröffentlichen, auch wenn manche Bezirke nur "
    "wenige Familien haben?",
    # open (reported, not hidden): no heading names two of its words, the general sections on
    # small areas win
    pytest.param("Dürfen wir den Anteil der Kinder in SGB-II-Bedarfsgemeinschaften kleinräumig "
                 "je Stadtbezirk veröffentlichen, obwohl in einigen Bezirken nur wenige Kinder "
                 "leben?", marks=pytest.mark.xfail(reason="open, see comment")),
])
def test_small_area_rates_bring_the_thresholds_for_rates(run, question):
    # the limits for rates (persons and recipients per cell) stand in their own section
    gathered, _ = run(question)
    assert any("100 Personen" in p.text for p in gathered.passages[:5]), \
        [p.section for p in gathered.passages]
