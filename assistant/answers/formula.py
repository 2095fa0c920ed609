"""After the formula of a "how is it computed?" answer: the rules that go with it.

A section that explains how a rate is computed states the formula ("Abgänger ohne Abschluss
geteilt durch alle Abgänger, mal 100") and right after it what counts: the denominator that is
not meant, the alternative reference population, what to state in the report. The retriever
often ranks a section on the topic (a town's report on the rate) above it, so its sentences
would fill the answer before the formula's section gets a word in. The formula sentence leads
(:mod:`assistant.answers.leading`), and the sentences that follow it in its section come right
behind it, taking the places of the weakest sentences of other sections.

Works on any candidate with ``text``, ``n`` (passage), ``position`` and ``score``.
"""

from __future__ import annotations

import re
from typing import Callable, Protocol, Sequence, TypeVar

#: A sentence that states a formula: numerator divided by denominator, times 100, or written
#: as an equation with a fraction bar.
FORMULA = re.compile(r"\b(?:geteilt|dividiert) durch\b|\bZähler\b[^.]{0,120}\bNenner\b|"
                     r"(?:\bmal|[×*]|\bx) ?100\b|=[^=.;]{2,80}/", re.IGNORECASE)
#: Sentences after the formula in its section quoted behind it (the counting rules).
FOLLOW = 3


class Sentence(Protocol):
    text: str
    n: int
    position: int
    score: float


S = TypeVar("S", bound=Sentence)


def with_rules(lead: S, cands: Sequence[S], chosen: list[S], *, limit: int,
               similar: Callable[[S, S], bool],
               keep: Callable[[S], bool] = lambda c: False) -> tuple[list[S], list[S]]:
    """``chosen`` (which holds ``lead``) with the up to ``FOLLOW`` sentences that follow the
    formula ``lead`` in its section, and those sentences (to be quoted right behind it); beyond
    ``limit`` sentences the weakest sentences of other sections give way, those for which
    ``keep`` holds (a table code, a Stichtag) last."""
    after = sorted((c for c in cands if c.n == lead.n and lead.position < c.position
                    <= lead.position + FOLLOW), key=lambda c: c.position)
    rules = [c for c in after if c not in chosen and not any(similar(c, o) for o in chosen)]
    if not rules:
        return chosen, []
    kept = [c for c in chosen if c is not lead]
    own = [c for c in kept if c.n == lead.n]
    others = sorted((c for c in kept if c.n != lead.n), key=lambda c: (not keep(c), -c.score))
    room = max(0, limit - 1 - len(own) - len(rules))
    return [lead] + rules + own + others[:room], rules
