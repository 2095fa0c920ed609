"""Answers on the real knowledge base, with questions written for these tests (not taken from
an evaluation set): a may-I answer starts with its verdict and the sentence that decides it; a
how-to answer gives the numbered steps of its task; a definition keeps its legal reference."""

from __future__ import annotations

import re

import pytest

from tests.answers.conftest import first_of

#: may-I / must-I question -> patterns its first sentence must match
DECIDES = {
    # publishing a single case
    "Dürfen wir in der Lokalzeitung melden, dass an der Grundschule Nord nur ein einziges Kind "
    "sitzengeblieben ist?": [r"^Nein\b", r"nicht veröffentlich"],
    # licence of official tables
    "Darf ich Diagramme mit Zahlen aus GENESIS-Online in unserer Broschüre abdrucken?":
        [r"^Ja\b", r"Datenlizenz", r"Quelle"],
    # transmitting personal data inside the administration
    "Darf das Jugendamt dem Bildungsbüro die Einzeldaten aller Kita-Kinder einfach schicken?":
        [r"^Nein\b", r"nicht"],
    # a duty (AI literacy)
    "Müssen unsere Sachbearbeiterinnen eine KI-Schulung bekommen, bevor sie Copilot nutzen?":
        [r"^Ja\b", r"Art\. 4", r"KI-Kompetenz"],
    # special categories into an AI tool
    "Ist es erlaubt, die Förderbedarfe einzelner Schüler in einen Chatbot einzugeben?":
        [r"^Nein\b", r"[Pp]ersonenbezogen"],
}






@pytest.mark.parametrize("question", list(DECIDES))
def test_may_i_answer_starts_with_its_verdict(lotse, question):
    answer = lotse.ask(question).result()
    first = first_of(answer.answer)
    for pattern in DECIDES[question]:
        assert re.search(pattern, first), (pattern, first)


def test_how_to_answer_gives_the_numbered_steps_of_its_task(lotse):
    answer = lotse.ask("Wie baue ich in unserem Landkreis ein kommunales Bildungsmonitoring "
                       "auf?").result()
    numbered = re.findall(r"^(\d+)\. (.*?) \[\d+\]$", answer.answer, re.M)
    assert [int(n) for n, _ in numbered][:4] == [1, 2, 3, 4]
    assert "Auftrag" in numbered[0][1]
    # every step is cited with the section that lists it
    assert any(c.section and "Bildungsmonitoring aufbauen" in c.section for c in answer.citations)


def test_how_to_steps_keep_their_facts(lotse):
    answer = lotse.ask("Wie schütze ich kleine Fallzahlen in den Tabellen unseres "
                       "Schulberichts?").result()
    assert re.search(r"^1\. ", answer.answer, re.M)
    for fact in ("3 Fällen", "Dominanzregel", "§ 16 BStatG"):
        assert fact in answer.answer


def test_steps_of_another_task_are_not_the_answer(lotse):
    # the first-report list must not answer how to make a report readable for parents
    answer = lotse.ask("Wie mache ich den Bericht für Eltern und die breite Öffentlichkeit "
                       "verständlich?").result()
    assert "Gliederung entlang der Bildung im Lebenslauf" not in answer.answer


def test_definition_keeps_its_legal_reference(lotse):
    answer = lotse.ask("Was bedeutet Pseudonymisierung nach der DSGVO?").result()
    assert "Art. 4 Nr. 5" in answer.answer
