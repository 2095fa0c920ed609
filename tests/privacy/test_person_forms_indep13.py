"""Person forms of writing found missing on a new split, each with own examples: every verb of
contact of a note's to-do, login handles used as names, "SURNAME, Given" entries, nicknames in
quotes, name particles and a word of office before a name."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing

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
