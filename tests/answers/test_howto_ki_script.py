"""Having an AI write an analysis script is a how-to with one rule first: the AI gets the column
names and an invented example, never the real data (FAQ ki-skript-schreiben-lassen)."""

from __future__ import annotations

import pytest

from tests.answers.conftest import first_of


@pytest.mark.parametrize("question", [
    "Wie lasse ich mir von einem Chatbot ein Auswertungsskript schreiben?",
    "Wie bekomme ich von einer KI ein R-Skript für meine Tabelle?",
    "Kann mir ChatGPT den Python-Code für die Auswertung schreiben, was gebe ich dem dafür?",
])
def test_the_rule_on_real_data_leads(lotse, question):
    lead = first_of(lotse.ask(question).result().answer)
    assert "Spaltennamen" in lead and "nicht die echten Daten" in lead, lead
