"""Two rules on top of the recognizers for identifiers (pupil numbers, IBANs, tax IDs, …).

* Repeats: once a string is recognised as an identifier, every other occurrence of the same string
  in the text is one too ("Die Schüler-IDs SN-40127 und SN-40219 … Bitte SN-40219 löschen.").
* Record rows: in a delimited list (``;``, tab, ``|``) an ID-shaped cell in a row that also holds a
  recognised person name is that person's identifier, even without a header
  ("YILDIZ, İBRAHIM;7a;2021-03340").
"""

from __future__ import annotations

import regex

from assistant.privacy.recognizers.student_id import ID_SHAPED

REPEATED_TYPES = ("STUDENT_ID", "IBAN_CODE", "DE_TAX_ID", "PHONE_NUMBER", "EMAIL_ADDRESS")
ROW_SCORE = 0.6
_DELIMS = (";", "\t", "|")
_ID_SHAPED = regex.compile(ID_SHAPED)

Span = tuple[str, int, int, float]


def _free(start: int, end: int, taken: list[tuple[int, int]]) -> bool:
    return all(end <= s or start >= e for s, e in taken)


def repeated_identifiers(text: str, found: list[Span]) -> list[Span]:
    taken = [(s, e) for _, s, e, _ in found]
    extra: list[Span] = []
    for kind, start, end, score in found:
        if kind not in REPEATED_TYPES:
            continue
        for s, e in _occurrences(text, text[start:end]):
            if _free(s, e, taken):
                extra.append((kind, s, e, score))
                taken.append((s, e))
    return extra


def _word(ch: str) -> bool:
    return ch.isalnum() or ch == "_"


def _occurrences(text: str, value: str) -> list[tuple[int, int]]:
    """Whole occurrences of ``value``: not inside a longer word, number, address or domain.

    A plain ``str.find`` loop: compiling one regex per identifier was a sixth of the gate's time
    on texts with many identifiers (profiled).
    """
    found = []
    pos = text.find(value)
    while pos >= 0:
        end = pos + len(value)
        before = text[pos - 1] if pos else ""
        after, after2 = text[end:end + 1], text[end + 1:end + 2]
        if not (before and (_word(before) or before in "@.-")) and not (
                after and (_word(after) or after in "@-" or (after == "." and after2 and _word(after2)))):
            found.append((pos, end))
        pos = text.find(value, pos + 1)
    return found


def record_row_ids(text: str, found: list[Span]) -> list[Span]:
    people = [(s, e) for kind, s, e, _ in found if kind == "PERSON"]
    if not people:
        return []
    taken = [(s, e) for _, s, e, _ in found]
    extra: list[Span] = []
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        end = start + len(line)
        if not any(d in line for d in _DELIMS):
            continue
        if not any(start <= s < end for s, _ in people):
            continue
        for m in _ID_SHAPED.finditer(line):
            s, e = start + m.start(), start + m.end()
            if _free(s, e, taken):
                extra.append(("STUDENT_ID", s, e, ROW_SCORE))
                taken.append((s, e))
    return extra
