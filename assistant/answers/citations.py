"""``[n]`` citation markers: find, validate against the passages, renumber for display.

The model (or the extractive answerer) cites passages by their number in the prompt. The answer
shown to the user cites only the passages it uses, renumbered 1, 2, … in order of first use, and
each marker resolves to a :class:`Citation` with source, title, section, page and text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from assistant.retrieval.models import Citation, Passage

MARKER = re.compile(r"\[(\d{1,3}(?:\s*[,;]\s*\d{1,3})*)\]")


def cited_numbers(text: str) -> list[int]:
    """Passage numbers in order of appearance (with repeats)."""
    return [int(x) for m in MARKER.finditer(text) for x in re.split(r"[,;]", m.group(1))]


@dataclass(frozen=True)
class CitationCheck:
    valid: list[int]
    invalid: list[int]

    @property
    def ok(self) -> bool:
        return bool(self.valid) and not self.invalid


def check(text: str, passages: Sequence[Passage]) -> CitationCheck:
    known = {p.n for p in passages}
    numbers = cited_numbers(text)
    return CitationCheck(valid=[n for n in dict.fromkeys(numbers) if n in known],
                         invalid=[n for n in dict.fromkeys(numbers) if n not in known])


def resolve(text: str, passages: Sequence[Passage]) -> tuple[str, list[Citation]]:
    """Renumber the valid markers of ``text`` and return the citations they point to.

    Markers naming no passage are removed (the caller has already decided whether that is
    acceptable).
    """
    by_n = {p.n: p for p in passages}
    order: dict[int, int] = {}
    for n in cited_numbers(text):
        if n in by_n and n not in order:
            order[n] = len(order) + 1

    def renumber(match: re.Match[str]) -> str:
        numbers = [order[int(x)] for x in re.split(r"[,;]", match.group(1)) if int(x) in order]
        return f"[{', '.join(str(n) for n in dict.fromkeys(numbers))}]" if numbers else ""

    renumbered = MARKER.sub(renumber, text)
    renumbered = re.sub(r" +([.,;:])", r"\1", re.sub(r"[ \t]{2,}", " ", renumbered)).strip()
    citations = [by_n[old].citation(new) for old, new in order.items()]
    return renumbered, citations
