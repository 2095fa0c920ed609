"""The facts of the seed documents (DKBM, Kompass, Chemnitz concept, REAB exchange, KI introduction)
reach a user: the guidance texts state them, the FAQ knows the common questions, and `ask` answers
with the fact."""

from __future__ import annotations

import subprocess
import sys

import pytest

from assistant import PROJECT_ROOT
from tests.conftest import isolated_service

EVAL = PROJECT_ROOT / "knowledge" / "eval"


def test_seed_audit_finds_every_curated_fact_in_the_guidance(tmp_path):
    # An empty --seeds folder: only the curated facts of seed_terms.yaml count, so the test does
    # not depend on the seed files being present on the machine.
    out = subprocess.run([sys.executable, str(EVAL / "audit_seeds.py"), "--seeds", str(tmp_path),
                          "--strict"], capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert "0 missing" in out.stdout


def test_seed_audit_reports_a_fact_the_guidance_does_not_state(tmp_path):
    terms = tmp_path / "terms.yaml"
    terms.write_text("seeds:\n  - id: probe\n    facts: [Kommunale Bildungslotterie 1887]\n",
                     encoding="utf-8")
    out = subprocess.run([sys.executable, str(EVAL / "audit_seeds.py"), "--seeds", str(tmp_path),
                          "--terms", str(terms), "--strict"], capture_output=True, text=True)
    assert out.returncode == 1
    assert "MISSING  Kommunale Bildungslotterie 1887" in out.stdout


@pytest.fixture(scope="module")
def lotse(tmp_path_factory):
    with isolated_service(tmp_path_factory, "seed-data") as service:
        yield service


@pytest.mark.parametrize(("question", "facts"), [
    # DKBM-Kompass: one cell of the table, asked in the user's words
    ("Welche Leitfrage stellt der Kompass in der Dimension Öffentlichkeit?",
     ["Inwiefern wird die Öffentlichkeit über bildungsbezogene Fragen informiert?"]),
    ("Was zeichnet bei der externen Kooperation den Typ IV aus?", ["auf Augenhöhe"]),
    # Chemnitz concept: the mandate, the programme, the first topic
    ("Welcher Beschluss des Stadtrats legt die Themen des Chemnitzer Bildungsmonitorings fest?",
     ["BA-055/2018"]),
    ("Aus welchem Fonds wurde Bildung integriert in Chemnitz finanziert?", ["Europäischen Sozialfonds"]),
    # REAB Brandenburg exchange and DKBM events
    ("Welche Probleme haben Kommunen beim Zugang zu sozialräumlichen Daten?",
     ["zeitverzögert", "kostenpflichtig"]),
    ("Wer sprach in der DKBM-Sprechstunde über Easy-to-ignore-Gruppen?", ["Kerstin Helmerdig"]),
    # Lotse itself (stack notes)
    ("Welches Embedding-Modell nutzt Lotse für die Suche?", ["multilingual-e5-small"]),
])
def test_ask_answers_a_seed_fact_with_the_fact(lotse, question, facts):
    answer = lotse.ask(question).result()
    for fact in facts:
        assert fact.lower() in answer.answer.lower(), answer.answer
    assert answer.citations


def test_how_to_question_on_the_chemnitz_process_gets_its_numbered_steps(lotse):
    answer = lotse.ask("Wie etabliere ich ein Bildungsmonitoring nach dem Chemnitzer Konzept?").result()
    assert "\n1. " in answer.answer and "\n8. " in answer.answer
    assert "keine Erklärungen oder Empfehlungen" in answer.answer
    assert "Jugendhilfeausschuss" in answer.answer


def test_faq_answers_the_duration_question_with_the_number_not_a_verdict(lotse):
    answer = lotse.ask("Wie lange würde eine vollständige Bestandsaufnahme aller Bildungsbereiche dauern?").result()
    assert answer.answer.startswith("Nach den Erfahrungen anderer Kommunen ca. 2 Jahre")
