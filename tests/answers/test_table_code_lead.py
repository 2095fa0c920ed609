"""A question that names a GENESIS table code ("Was ist in 22541-01-04-4 drin?") is answered by
a sentence on that table first, not by the best sentence on another table; of the sentences on
it, one on it alone before one that lists it among other tables."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, code", [
    ("Was ist in der Tabelle 22541-01-04-4 drin?", "22541-01-04-4"),
    ("was zeigt 13211-02-05-4 genau", "13211-02-05-4"),
    ("Ich habe die Tabelle 22542-01-02-4 gefunden. Kann ich damit Kita-Plätze zählen?",
     "22542-01-02-4"),
    ("Was steht in 22543-03-01-4?", "22543-03-01-4"),
])
def test_the_table_asked_about_leads(first, question, code):
    lead = first(question)
    assert code in lead, lead
