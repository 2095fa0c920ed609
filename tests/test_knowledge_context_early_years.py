"""Knowledge of indicators.md §0, A, B, C and Anhang 1 as a user meets it: a question on a fact of
these sections gets an answer that states the fact (on the real knowledge base, fake base model).
The source audit knowledge/eval/audit_sources.py is tested in tests/test_knowledge_audit.py."""

from __future__ import annotations

import re

import pytest

from tests.conftest import isolated_service

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
