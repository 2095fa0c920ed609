"""A set of disjoint character spans with an O(log n) overlap test.

The gate asks "does this span overlap anything kept so far?" for every finding: when resolving
overlaps, for repeated identifiers, ID cells and later name mentions. A 2 MB text has thousands
of findings; scanning a list for each made the gate quadratic (10 min for 2 MB, measured).
"""

from __future__ import annotations

import bisect
from typing import Iterable


class DisjointSpans:
    def __init__(self, spans: Iterable[tuple[int, int]] = ()) -> None:
        ordered = sorted(spans)
        self._starts = [s for s, _ in ordered]
        self._ends = [e for _, e in ordered]

    def free(self, start: int, end: int) -> bool:
        """No kept span overlaps [start, end)."""
        i = bisect.bisect_left(self._starts, end)  # kept spans starting before our end: 0 .. i-1
        return i == 0 or self._ends[i - 1] <= start  # sorted and disjoint: i-1 ends last

    def add(self, start: int, end: int) -> None:
        """Keep [start, end); the caller has checked that it is :meth:`free`."""
        i = bisect.bisect_left(self._starts, start)
        self._starts.insert(i, start)
        self._ends.insert(i, end)


Finding = tuple[str, int, int, float]  # (type, start, end, score)

#: Which type wins when findings of different types cover the same characters with the same score
#: (higher wins). Types with a strict syntax or a checksum come first: an e-mail address, an IBAN or
#: a tax ID is what it is wherever it stands; a phone number and an address next; a date is a birth
#: date only by its context, a pupil number only by its label; a name is the least certain reading
#: of a run of characters that one of the others explains.
TYPE_PRIORITY: dict[str, int] = {"EMAIL_ADDRESS": 7, "IBAN_CODE": 6, "DE_TAX_ID": 5, "PHONE_NUMBER": 4,
                                 "ADDRESS": 3, "DATE_OF_BIRTH": 2, "STUDENT_ID": 1, "PERSON": 0}


def drop_covered(found: list[Finding]) -> list[Finding]:
    """The findings :func:`split_covered` leaves uncovered."""
    return split_covered(found)[0]


def split_covered(found: list[Finding]) -> tuple[list[Finding], list[Finding]]:
    """Drop findings that lie inside a longer finding of another type: the longer one covers the
    whole run of characters, the shorter one read only a part of it. The area code of
    "(0221) 2719340" is no pupil number, the "03052011" in "Tel. 0511 03052011" no birth date,
    "Fechenbach" in "Felix-Fechenbach-Straße 5" no name. Findings of one type are left to the
    scores (the gate merges a person's given name and surname itself). O(n log n): a finding is
    covered when, of the findings that start at or before it, the one of another type reaching
    furthest reaches its end. Returns (the uncovered findings, the covered ones)."""
    reach: dict[str, tuple[int, int]] = {}  # type -> (start, end) of its finding reaching furthest
    kept: list[Finding] = []
    covered: list[Finding] = []
    for item in sorted(found, key=lambda f: (f[1], -f[2])):
        kind, start, end, _ = item
        if any(other != kind and e >= end and (s, e) != (start, end) for other, (s, e) in reach.items()):
            covered.append(item)
        else:
            kept.append(item)
        if end > reach.get(kind, (0, -1))[1]:
            reach[kind] = (start, end)
    return kept, covered


def glued_to_number(text: str, start: int, end: int) -> bool:
    """Whether a finding is part of a longer number: a digit touches it ("4711203.05.2011",
    "03.05.20119"); a letter does not ("geb03.05.2011" in a hasty note)."""
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())
