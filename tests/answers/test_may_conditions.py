""""May I …?" answers give, after the deciding sentence, the norm the rule rests on (a cited
"§ 16 BStatG" before a merely named "Statistikgeheimnis") and the conditions under which the
action is allowed; questions opened by a filler or naming a duty in a compound are still
understood as may-I / must-I questions; linking the data of several offices, letting an AI work
on a document and offering tables for download are actions with their own rules. Questions
written for these tests (not from an evaluation set)."""

from __future__ import annotations

import re
import pytest

from assistant.answers.actions import actions_of
from assistant.answers.question import understand
from assistant.answers.ruling import with_rule
from tests.answers.conftest import Sentence


def _rule(lead, cands, chosen, law=True):
    return with_rule(lead, cands, chosen, floor=0.0, on_question=lambda c: True,
                     similar=lambda a, b: a.text == b.text, limit=9, law=law)


def test_a_cited_norm_follows_even_when_the_law_is_already_named():
    lead = Sentence("Einen gesperrten Wert zurückzurechnen und zu veröffentlichen, ist nicht zulässig.",
                    1, 0, 1.0)
    named = Sentence("Verstöße gegen das Statistikgeheimnis sind strafbar.", 1, 1, 0.9)
    cited = Sentence("Rechtsgrundlage ist § 16 BStatG: Einzelangaben sind geheim zu halten.", 2, 0, 0.5)
    out, _ = _rule(lead, [lead, named, cited], [lead, named])
    assert cited in out


def test_the_conditions_of_a_yes_follow_it():
    lead = Sentence("Die Sorge vor Datenschutzverstößen sollte nicht dazu führen, auf KI zu verzichten.",
                    1, 0, 1.0)
    other = Sentence("Generative KI erleichtert Routineaufgaben.", 1, 1, 0.8)
    condition = Sentence("Ein Team testet KI-generierte Skripte mit anonymisierten Testdatensätzen "
                         "in einer geschützten Umgebung.", 3, 2, 0.4)
    unrelated = Sentence("Die zweite Phase heißt Vertiefen.", 4, 0, 0.45)
    out, _ = _rule(lead, [lead, other, condition, unrelated], [lead, other], law=False)
    assert condition in out and unrelated not in out


@pytest.mark.parametrize("question, first", [
    ("Darf ich die Elternbriefe mit Adressen von einem Chatbot übersetzen lassen?", "ki_eingeben"),
    ("Dürfen wir die Kita-Daten des Jugendamts mit den Schuldaten verknüpfen?", "zusammenfuehren"),
    ("Darf der Kreis die Tabellen des Landesamts auf seiner Homepage zum Download anbieten?",
     "nachnutzen"),
])
def test_more_actions_are_understood(question, first):
    found = actions_of(question)
    assert found and found[0].name == first, [a.name for a in found]


@pytest.mark.parametrize("question", [
    "kurz gefragt, muss ich bei einer Grafik mit Zahlen vom Landesamt die Quelle nennen?",
    "Gilt die Meldepflicht für Schulen auch bei Befragungen durch das Bildungsbüro?",
])
def test_a_duty_question_is_understood_behind_an_opener_or_in_a_compound(question):
    understood = understand(question)
    assert understood.kind == "darf_ich" and understood.asks_duty


def test_an_opener_does_not_turn_a_definition_into_a_yes_no_question():
    assert understand("Kurz gefragt, was ist eine Betreuungsquote?").kind == "definition"


@pytest.mark.parametrize("question, verdict", [
    ("Darf unser Bildungsbüro Daten mehrerer Ämter für das Monitoring zu einem Datensatz "
     "zusammenführen?", r"^Nein\b.*\bnur\b"),
    ("Dürfen wir im Bildungsbüro überhaupt KI-Werkzeuge nutzen, obwohl der Datenschutz Bedenken "
     "hat?", r"^Ja\b"),
])
def test_curated_may_i_answers_decide_first_and_name_the_conditions(question, verdict):
    from assistant.answers.faq import match

    found = match(question)
    assert found is not None and found.entry.kind == "darf_ich"
    first = re.split(r"(?<=[.!?])\s", found.entry.answer.strip())[0]
    assert re.search(verdict, first), first

