"""Coverage: supporting sentences chosen for the question words the answer does not have yet,
and for the top sections the answer does not quote yet.

The extractive answer first takes the sentences that score best on their own; the passage rank
weighs heavily there, so they tend to come from the best section. The rule for the case asked
about often stands in the second or third section ("zurückgerechnet" in the section on secondary
confidentiality, after a section on table symbols). This step adds, one at a time, the sentence
of any retrieved passage that brings the most question words not yet covered (idf-weighted, so
a rare word such as "Kreissumme" counts more than "Tabelle"), as long as it still scores well
enough on its own and repeats no chosen sentence. For a source question, :func:`complete` adds
the sentence with the table code or the Stichtag when the quoted sections hold one.
"""

from __future__ import annotations

import re
from typing import Callable, Protocol, Sequence, TypeVar

#: Weight of the newly covered share of the question (idf mass) against a sentence's own score.
COVER_WEIGHT = 1.5
#: Smallest newly covered share of the question's idf mass worth another sentence.
MIN_GAIN = 0.03
#: Extra value of a fact-bearing sentence (number, date, § reference, table code).
COVER_FACT = 0.3
#: Sentences coverage may add beyond the best-scored ones.
COVER_EXTRA = 3


class Scored(Protocol):
    terms: set[str]
    score: float
    lexical: float


C = TypeVar("C", bound=Scored)


def cover(chosen: list[C], ranked: Sequence[C], idf: dict[str, float], *, limit: int,
          floor: float, similar: Callable[[C, C], bool],
          bonus: Callable[[C], float] = lambda c: 0.0) -> list[C]:
    """``chosen`` plus sentences of ``ranked`` that cover question terms (keys of ``idf``) not yet
    covered, best ``score + COVER_WEIGHT * gain + bonus`` first, until ``limit`` sentences; a candidate
    must score at least ``floor`` and be unlike every chosen sentence."""
    total = sum(idf.values()) or 1.0
    out = list(chosen)
    covered = {t for c in out for t in c.terms if t in idf}
    pool = [c for c in ranked if c not in out and c.score >= floor and c.lexical > 0]
    while len(out) < limit and pool:
        best: C | None = None
        best_value = float("-inf")
        for c in pool:
            gain = sum(idf[t] for t in c.terms if t in idf and t not in covered) / total
            if gain < MIN_GAIN:
                continue
            value = c.score + COVER_WEIGHT * gain + bonus(c)
            if value > best_value and not any(similar(c, o) for o in out):
                best, best_value = c, value
        if best is None:
            break
        out.append(best)
        covered |= {t for t in best.terms if t in idf}
        pool.remove(best)
    return out


class Sectioned(Scored, Protocol):
    rank: int  # rank of the sentence's passage (0 = best)


S = TypeVar("S", bound=Sectioned)


def other_sections(chosen: list[S], ranked: Sequence[S], *, ranks: int, floor: float, limit: int,
                   similar: Callable[[S, S], bool]) -> list[S]:
    """``chosen`` plus, for each of the best ``ranks`` passages none of whose sentences is chosen,
    its best sentence (first in ``ranked``) that shares a question term, scores at least
    ``floor`` and repeats no chosen sentence; until ``limit`` sentences."""
    out = list(chosen)
    quoted = {c.rank for c in out}
    for r in range(ranks):
        if len(out) >= limit:
            break
        if r in quoted:
            continue
        best = next((c for c in ranked if c.rank == r and c.score >= floor and c.lexical > 0
                     and not any(similar(c, o) for o in out)), None)
        if best is not None:
            out.append(best)
    return out


class Cited(Protocol):
    n: int  # passage number
    text: str
    lexical: float


T = TypeVar("T", bound=Cited)


def complete(chosen: list[T], ranked: Sequence[T], wanted: Sequence[tuple[re.Pattern[str], float]], *,
             limit: int, similar: Callable[[T, T], bool]) -> list[T]:
    """``chosen`` plus, for each (pattern, least share of question terms) of ``wanted`` that no
    chosen sentence matches (a table code, a Stichtag), the best sentence of ``ranked`` from a
    passage already quoted that matches it, holds that share and repeats no chosen sentence;
    until ``limit`` sentences. A source answer names the statistic, its table and its Stichtag
    when the quoted sections hold them."""
    out = list(chosen)
    quoted = {c.n for c in out}
    for pattern, least in wanted:
        if len(out) >= limit:
            break
        if any(pattern.search(c.text) for c in out):
            continue
        best = next((c for c in ranked if c.n in quoted and c not in out and c.lexical >= least
                     and pattern.search(c.text) and not any(similar(c, o) for o in out)), None)
        if best is not None:
            out.append(best)
    return out


class Placed(Protocol):
    n: int  # passage number
    rank: int  # rank of the sentence's passage (0 = best)
    position: int  # place of the sentence in its passage
    terms: set[str]
    text: str
    score: float
    lexical: float


P = TypeVar("P", bound=Placed)

#: A sentence that goes on from the one before it (a reason, a consequence, a restriction).
GOES_ON = re.compile(r"^(?:Weil|Deshalb|Daher|Dadurch|Dabei|Damit|Dann|Das heißt|Allerdings|Aber|"
                     r"Bei|Für|Auch|Nur|Ausnahme)\b")
#: Passages (by rank) whose numbers get their qualification.
QUALIFIED_RANKS = 3


def qualifiers(chosen: list[P], ranked: Sequence[P], numbered: Callable[[P], bool], *, extra: int,
               similar: Callable[[P, P], bool]) -> list[P]:
    """``chosen`` plus, for its best sentences with a number (``numbered``) in the best
    ``QUALIFIED_RANKS`` passages, the sentence that follows each in its passage when it goes on
    from it (a shared term, a word of the question, or a connective such as "Weil", "Bei") and is
    not chosen yet: the number's qualification ("In der Regel mindestens 3 Fälle …" – "Bei sehr
    fein gegliederten Tabellen kann die Schwelle höher liegen."), at most ``extra``."""
    out = list(chosen)
    by_place = {(c.n, c.position): c for c in ranked}
    added = 0
    for c in sorted(chosen, key=lambda c: -c.score):
        if added >= extra:
            break
        if c.rank >= QUALIFIED_RANKS or not numbered(c):
            continue
        following = by_place.get((c.n, c.position + 1))
        if following is None or following in out or any(similar(following, o) for o in out):
            continue
        if not (following.terms & c.terms or following.lexical > 0 or GOES_ON.match(following.text)):
            continue
        out.append(following)
        added += 1
    return out
