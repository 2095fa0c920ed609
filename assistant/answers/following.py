"""The sentence that follows an answer's lead in its section, when the lead leads up to it.

A lead that says what something is ("„X“ ist ein Online-Format …") is often followed by the
fact a reader asks for next ("Das erste Treffen fand am 3. Mai 2030 statt."): that sentence
comes right behind the lead, whatever else the answer quotes.
"""

from __future__ import annotations

from typing import Sequence

from assistant.answers import steps
from assistant.answers.question import is_how_to
from assistant.answers.sentences import split_sentences
from assistant.answers.shapes import FACT
from assistant.retrieval.models import Passage


def with_next(chosen: list[tuple[str, int]], passages: Sequence[Passage]) -> list[tuple[str, int]]:
    """``chosen`` with the sentence after the lead in its section right behind it, when that
    one holds a fact the lead leads up to ("„X“ ist ein Online-Format …" – "Das erste Treffen
    fand am 3. Mai 2030 statt."); not from a step list, and not a second time."""
    if not chosen:
        return chosen
    text, n = chosen[0]
    passage = next((p for p in passages if p.n == n and not p.summary), None)
    if passage is None or is_how_to(passage.section):
        return chosen
    sentences = split_sentences(passage.text)
    if text not in sentences[:-1]:
        return chosen
    following = sentences[sentences.index(text) + 1]
    if (following, n) in chosen or following.endswith(":") or steps.STEP_LINE.match(following) \
            or not FACT.search(following):
        return chosen
    return [chosen[0], (following, n)] + chosen[1:]
