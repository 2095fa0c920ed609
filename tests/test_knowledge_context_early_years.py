"""Knowledge of indicators.md §0, A, B, C and Anhang 1 as a user meets it: a question on a fact of
these sections gets an answer that states the fact (on the real knowledge base, fake base model),
and the source audit (knowledge/eval/audit_sources.py) finds the phrases it should."""

from __future__ import annotations

import importlib.util
import re

import pytest

from assistant import PROJECT_ROOT
from tests.conftest import isolated_service

AUDIT = PROJECT_ROOT / "knowledge" / "eval" / "audit_sources.py"

#: question (own wording) -> patterns the answer must contain
FACTS = {
    "Was sagt ein Schrägstrich anstelle einer Zahl in einer Tabelle der Regionaldatenbank?":
        [r"nicht sicher genug"],
    "Wie viele Stunden Betreuung am Tag braucht ein Krippenkind, damit es als ganztags betreut zählt?":
        [r"mehr als 7 Stunden|> 7 Std"],
    "Durch welche Wochenstunden teilt man beim Kita-Personalschlüssel die Betreuungszeit und die Arbeitszeit?":
        [r"\b40\b", r"\b39\b"],
    "Welcher Stichtag gilt für die Zahl der Kitas und der genehmigten Plätze?":
        [r"1\.3\.|1\. März"],
    "Warum kann ich die Ausgaben je Schüler nicht für unseren Landkreis ausweisen?":
        [r"Landesebene"],
    "Wie rechne ich das verfügbare Einkommen je Einwohner aus der Tabelle in Tausend Euro um?":
        [r"82411-01-03-4", r"1\.000"],
}


@pytest.fixture(scope="module")
def lotse(tmp_path_factory):
    with isolated_service(tmp_path_factory, "knowledge-abc") as service:
        yield service


@pytest.mark.parametrize("question", list(FACTS))
def test_answer_states_the_fact_asked_for(lotse, question):
    answer = lotse.ask(question).result().answer
    for pattern in FACTS[question]:
        assert re.search(pattern, answer), (pattern, answer)


def _audit_module():
    spec = importlib.util.spec_from_file_location("audit_sources", AUDIT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


NOTES = """\
## C – Frühkindliche Bildung

### C7.9 Beispielquote
- **ID-Status:** abgeleitet · **Stufe:** Prozess
- **Formel:** Kinder / Bevölkerung (Stichtag 1.3.; Nenner 31.12. des Vorjahres) × 100
- **Tabellen:** 22543-03-01-4 (-B), „Betreute Kinder“; Wert 2023 36,4 %; Relation 1:4,6
- **Caveats:** **Doppelbetreuung** nicht doppelt zählen; Quelle https://www.nifbe.de/x

## D – Schulen

### D1.1 Anderes
- Tabelle 21111-02-06-4
"""


def test_audit_extracts_codes_dates_numbers_and_terms_but_no_field_labels():
    audit = _audit_module()
    (_, _, body), = [s for s in audit.sections(NOTES) if s[1].startswith("C7.9")]
    found = {phrase for _, phrase in audit.phrases(body)}
    assert {"22543-03-01-4", "1.3.", "31.12.", "36,4 %", "1:4,6", "Betreute Kinder",
            "Doppelbetreuung", "nifbe.de"} <= found
    assert not {"ID-Status", "Stufe", "Formel", "Caveats"} & found


def test_audit_reports_only_what_the_knowledge_lacks_in_the_chosen_sections():
    audit = _audit_module()
    corpus = audit.fold("Stichtag 1.3., Bevölkerung am 31.12. des Vorjahres; Tabelle 22543-03-01-4 "
                        "„Betreute Kinder“, 2023: 36,4 %; Doppelbetreuung; nifbe.de")
    missing = {phrase for _, _, phrase in audit.audit(NOTES, {"C"}, corpus)}
    assert missing == {"1:4,6"}
    # D is not among the chosen sections, so its table code is not reported
    assert "21111-02-06-4" not in missing
