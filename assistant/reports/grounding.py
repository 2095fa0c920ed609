"""Grounding check of the final text: every number must come from the computed table.

A number in a sentence is grounded when, at the precision it is written in, it equals

- a cell of the report's value table (a value of a region in a year; suppressed cells are not
  there), or a year of the table,
- a value derived from cells: the difference of two cells of one column (regions in one year, or
  one region across years), their ratio, a rank among the compared regions or their number,
- the user's threshold, or
- a number of the source text the sentence quotes (a catalogue caveat, a footnote).

Table codes, region keys, the indicator id and dates of the metadata are masked first. Sentences
with an ungrounded number are dropped; sentences with an evaluative word ("leider",
"besorgniserregend", …) are flagged, and dropped when a model wrote them.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from assistant.reports.facts import Row
from assistant.reports.numbers import find_numbers, matches
from assistant.reports.text import Sentence, split_sentences  # noqa: F401 - used by callers



@dataclass(frozen=True)
class Allowed:
    value: float
    source: str


@dataclass(frozen=True)
class NumberCheck:
    text: str
    grounded: bool
    source: str | None

    def to_dict(self) -> dict:
        return {"text": self.text, "grounded": self.grounded, "source": self.source}


@dataclass(frozen=True)
class SentenceCheck:
    sentence: Sentence
    numbers: tuple[NumberCheck, ...]
    evaluative: tuple[str, ...]
    kept: bool

    @property
    def ungrounded(self) -> list[str]:
        return [n.text for n in self.numbers if not n.grounded]

    def reason(self) -> str:
        parts = []
        if self.ungrounded:
            parts.append("nicht belegte Zahl " + ", ".join(self.ungrounded))
        if self.evaluative:
            parts.append("wertendes Wort " + ", ".join(f"'{w}'" for w in self.evaluative))
        return "; ".join(parts)

    def to_dict(self) -> dict:
        return {**self.sentence.to_dict(), "numbers": [n.to_dict() for n in self.numbers],
                "evaluative": list(self.evaluative), "kept": self.kept}


@dataclass
class Grounding:
    allowed: list[Allowed]
    masked: list[str] = field(default_factory=list)
    evaluative_words: Sequence[str] = ()

    def source_of(self, value: float, decimals: int) -> str | None:
        for item in self.allowed:
            if matches(value, decimals, item.value):
                return item.source
        return None

    def check(self, sentence: Sentence) -> SentenceCheck:
        text = sentence.text
        for literal in sorted(self.masked, key=len, reverse=True):
            if literal:
                text = text.replace(literal, " ")
        quoted = {n.text for n in find_numbers(sentence.quotes)}
        checks = []
        for number in find_numbers(text):
            if number.text in quoted:
                checks.append(NumberCheck(number.text, True, "zitierter Text"))
                continue
            if number.kind == "date":  # dates of the metadata are masked; any other is invented
                checks.append(NumberCheck(number.text, False, None))
                continue
            source = self.source_of(number.value, number.decimals)
            checks.append(NumberCheck(number.text, source is not None, source))
        words = evaluative_in(sentence.text, self.evaluative_words)
        kept = all(c.grounded for c in checks) and not (words and sentence.origin == "Modell")
        return SentenceCheck(sentence, tuple(checks), tuple(words), kept)


def evaluative_in(text: str, words: Iterable[str]) -> list[str]:
    found = []
    for word in words:
        if re.search(rf"(?<![\wäöüß]){re.escape(word)}(?![\wäöüß])", text, re.IGNORECASE):
            found.append(word)
    return found


def allowed_values(rows: Sequence[Row], columns: Sequence[str], decimals: dict[str, int],
                   threshold: float, peers: int) -> list[Allowed]:
    """Cells of the value table and what is derived from them (see the module docstring)."""
    cells: list[tuple[Row, str, float]] = [
        (r, c, r.values[c]) for r in rows if not r.suppressed for c in columns
        if c in r.values and not math.isnan(r.values[c])]
    out = [Allowed(v, f"Tabelle: {r.key} ({r.name}), {r.year}, {c}") for r, c, v in cells]
    out += [Allowed(y, "Tabelle: Jahr") for y in sorted({r.year for r in rows})]
    for (ra, ca, a), (rb, cb, b) in itertools.combinations(cells, 2):
        if ca != cb or not (ra.year == rb.year or ra.key == rb.key):
            continue
        where = f"{ca}: {ra.key} {ra.year} / {rb.key} {rb.year}"
        shown = decimals.get(ca, 0)
        out.append(Allowed(abs(a - b), f"abgeleitet: Differenz {where}"))
        out.append(Allowed(abs(round(a, shown) - round(b, shown)), f"abgeleitet: Differenz der gerundeten Werte {where}"))
        for x, y in ((a, b), (b, a)):
            if y:
                out.append(Allowed(x / y, f"abgeleitet: Verhältnis {where}"))
    out += [Allowed(k, "abgeleitet: Rang oder Zahl der verglichenen Regionen")
            for k in range(1, max(peers, 1) + 1)]
    out.append(Allowed(threshold, "Schwelle für bemerkenswerte Unterschiede (Einstellung)"))
    return out
