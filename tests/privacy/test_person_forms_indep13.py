"""Person forms of writing found missing on a new split, each with own examples: every verb of
contact of a note's to-do, login handles used as names, "SURNAME, Given" entries, nicknames in
quotes, name particles and a word of office before a name."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans

TODO_VERBS = [
    # each verb of contact closes a to-do: those the prechecks had dropped too
    "- [[PERSON:yilmaz]] zurückrufen\n- kopien machen",
    "morgen [[PERSON:petrov]] zurückrufen wg. fahrkarte",
    "bitte [[PERSON:nowak]] erinnern",
    "dann [[PERSON:kowalski]] wegen attest erinnern",
    "[[PERSON:schröder]] mail schreiben",
    "heute [[PERSON:okafor]] e-mail schreiben wg. ausflug",
]


@pytest.mark.parametrize("marked", TODO_VERBS)
def test_indep13_every_verb_of_contact_closes_a_todo(gate, marked: str) -> None:
    assert missing(gate, marked) == []



HANDLES = [
    # a login handle where a person is meant: initial + surname, first name + initial or surname
    "Vorgang angelegt von [[PERSON:k.yildirim]] am 03.02.",
    "2025-01-07 INFO [dienst] bearbeiter=[[PERSON:p.schroeder]] status=offen",
    '{"zustaendig": "[[PERSON:a.nowak]]", "frist": "2025-02-01"}',
    "<[[PERSON:lena.m]]> kann jemand heute die Aufsicht übernehmen?",
    "Freigabe durch [[PERSON:markus.hoffmann]] (Admin)",
    "<[[PERSON:sabine.wendekamp]]> Die Liste ist fertig.",
]

NO_HANDLES = [
    "Mail an lena.koch@schule.de oder siehe www.kita.de",
    "Datei bericht.pdf und anna.docx im Ordner /home/m.weber/",
    "z.b. heute, d.h. morgen, u.a. die Eltern, s.o.",
    "Die Domain schulen.nrw ist erreichbar.",
]


@pytest.mark.parametrize("marked", HANDLES)
def test_indep13_login_handle_is_a_person(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize("text", NO_HANDLES)
def test_indep13_addresses_files_and_abbreviations_are_no_handles(gate, text: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON" and "." in s] == []
