""""Seit wann …?", "Ab wann …?", "Bis wann …?": the sentence that leads gives the date of what
the question asks about, not a date of another subject that stands in a better-ranked section
("seit dem 1.2.2018" of the university statistics for the rounding of the school statistics)."""

from __future__ import annotations

import pytest


@pytest.mark.parametrize("question, date, subject", [
    ("Seit wann rundet NRW die Schulstatistik auf fünf?", "2019/20", "Schulstatistik"),
    ("Ab wann rundet Sachsen-Anhalt die Schulstatistik auf Vielfache von drei?", "2017/18",
     "Sachsen-Anhalt"),
    ("Seit wann weist das Statistische Bundesamt die Einwanderungsgeschichte aus?", "2023",
     "Einwanderungsgeschichte"),
    ("Seit wann gibt es den Rechtsanspruch auf einen Kindergartenplatz ab drei Jahren?", "1996",
     "Kindergartenplatz"),
    ("Bis wann reicht die alte Kita-Tabelle 22541-01-01-4?", "2002", "22541-01-01-4"),
    ("seit wann hat in nrw jede schule einen sozialindex?", "2021", "Sozialindex"),
    ("Seit wann rechnet das BIBB die Vertragslösungsquote im Schichtenmodell?", "2009",
     "Schichtenmodell"),
    ("Ab wann wird bei der Kita-Statistik die Betreuungszeit exakt erfasst?", "2012",
     "Betreuungszeit"),
])
def test_the_dated_lead_is_about_the_subject_asked(first, question, date, subject):
    lead = first(question)
    assert date in lead and subject in lead, lead
