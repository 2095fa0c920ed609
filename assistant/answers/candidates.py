"""Candidate sentences of an extractive answer: cut from the passages, compared, kept in lists.

Every sentence of a retrieved passage long enough to say something becomes a :class:`Candidate`
with its passage number and rank, its position, its terms (stems, compound parts) and the bullet
list it belongs to. The helpers here decide when one candidate repeats another (two files often
state one fact twice) and put the other items of a quoted bullet list back in.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

import numpy as np

from assistant.answers.sentences import split_sentences
from assistant.retrieval.german import CompoundSplitter, words
from assistant.retrieval.models import Passage

#: Shortest sentence worth quoting.
MIN_CHARS = 25
#: A number in a sentence ("2013", "8,5"): a sentence with one of its own is no repetition.
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: A sentence whose words are at least this share of a chosen sentence's words (and that brings
#: no number of its own) repeats it: two files often state one fact twice.
REPEAT_SHARE = 0.8
#: Fewest words for that test (short sentences share most of their words by chance).
REPEAT_MIN_TERMS = 4
#: A line that credits the text's own sources ("Quelle: …", "Quellen: IT.NRW …"); a sentence
#: that names where data come from ("Quelle ist die Schulstatistik …") is kept.
ATTRIBUTION = re.compile(r"^Quellen?\s*(?::|\(|https?:)")
#: The colophon of a text ("Stand: 2026-11 · Verfasst für …"): when and by whom it was written,
#: not what it says.
COLOPHON = re.compile(r"^Stand:\s*\d{1,4}")
#: A bullet item ("- …", "* …", "• …") of a Markdown list.
BULLET = re.compile(r"^\s*[-*•]\s+")
#: A list quoted whole when one of its items is chosen, at most this many items long.
LIST_MAX = 8
#: A sentence that opens an enumeration written out in prose ("Erstens …", "Zum einen …").
ORDINAL_FIRST = re.compile(r"^(?:Erstens|Zum einen)\b")
#: A sentence that continues it ("Zweitens …", "Drittens …", "Zum anderen …").
ORDINAL_NEXT = re.compile(r"^(?:Zweitens|Drittens|Viertens|Fünftens|Sechstens|Siebtens|Achtens|"
                          r"Zum anderen)\b")


@dataclass
class Candidate:
    text: str
    n: int  # passage number
    rank: int  # passage rank (0 = best)
    position: int
    terms: set[str]
    score: float = 0.0
    lexical: float = 0.0
    section: str | None = None
    #: The bullet list the sentence is an item of (its number in the passage), or None.
    group: int | None = None


def with_lists(text: str) -> list[tuple[str, int | None]]:
    """The sentences of a passage, each with the number of the list it is an item of: a bullet
    list, or an enumeration in prose ("Mehrere Eigenheiten … Erstens … Zweitens …") together
    with the sentence that announces it."""
    out: list[tuple[str, int | None]] = []
    group, in_list = 0, False
    lines = short_lists([line for line in text.replace("\r", "").split("\n") if line.strip()])
    for line in lines:
        bullet = bool(BULLET.match(line))
        if bullet and not in_list:
            group += 1
        in_list = bullet
        sentences = split_sentences(line)
        if bullet:
            out += [(sentence, group) for sentence in sentences]
            continue
        span = prose_enumeration(sentences)
        if span is not None:
            group += 1
        out += [(sentence, group if span is not None and span[0] <= i < span[1] else None)
                for i, sentence in enumerate(sentences)]
    return out


#: Longest item of a list of terms that its head and items are quoted as one sentence.
TERM_ITEM = 60


def short_lists(lines: list[str]) -> list[str]:
    """``lines`` with each list of terms joined to the line that announces it: a line ending
    with a colon followed by at most ``LIST_MAX`` short bullet items ("sieben Bausteine: - strategische
    Ziele, - Datenbasierung, …") becomes one line ("… Bausteine: strategische Ziele,
    Datenbasierung, …"), since no item alone is worth quoting and the head alone names none."""
    out: list[str] = []
    i = 0
    while i < len(lines):
        line = lines[i]
        j = i + 1
        while j < len(lines) and BULLET.match(lines[j]):
            j += 1
        items = [BULLET.sub("", x).strip() for x in lines[i + 1:j]]
        if (line.rstrip().endswith(":") and not BULLET.match(line) and 2 <= len(items) <= LIST_MAX
                and all(len(x) <= TERM_ITEM for x in items)):
            out.append(" ".join([line.rstrip()] + items))
            i = j
            continue
        out.append(line)
        i += 1
    return out


def prose_enumeration(sentences: list[str]) -> tuple[int, int] | None:
    """(start, end) of the enumeration in prose among ``sentences``: from the sentence before
    "Erstens …" (it announces the enumeration) to the last "Zweitens/Drittens …"; None without
    one of at least two items."""
    first = next((i for i, s in enumerate(sentences) if ORDINAL_FIRST.match(s)), None)
    if first is None:
        return None
    last = max((i for i, s in enumerate(sentences) if i > first and ORDINAL_NEXT.match(s)),
               default=None)
    if last is None:
        return None
    return max(0, first - 1), last + 1


def terms_of(text: str, splitter: CompoundSplitter) -> set[str]:
    return set(splitter.terms(words(text)))


def candidates(passages: Sequence[Passage], splitter: CompoundSplitter) -> list[Candidate]:
    """The quotable sentences of ``passages`` (not too short, no list heads, no credit lines,
    no colophons)."""
    out: list[Candidate] = []
    for rank, passage in enumerate(passages):
        for position, (sentence, group) in enumerate(with_lists(passage.text)):
            if (len(sentence) < MIN_CHARS or sentence.endswith(":") or ATTRIBUTION.match(sentence)
                    or COLOPHON.match(sentence)):
                continue
            out.append(Candidate(sentence, passage.n, rank, position, terms_of(sentence, splitter),
                                 section=passage.section, group=group))
    return out


#: Share of the question's terms (idf mass) one sentence of a passage must hold for the passage
#: to be on the question.
ON_PASSAGE = 0.1


def on_passage(cands: Sequence[Candidate], lexical: np.ndarray) -> np.ndarray:
    """For each candidate whether its passage is on the question: one of the passage's sentences
    holds at least ``ON_PASSAGE`` of the question's terms (``lexical``, one share per candidate)."""
    best: dict[int, float] = {}
    for c, lex in zip(cands, lexical):
        best[c.n] = max(best.get(c.n, 0.0), float(lex))
    return np.array([best[c.n] >= ON_PASSAGE for c in cands], dtype=bool)


def whole_lists(rest: list[Candidate], cands: Sequence[Candidate],
                lead: Candidate | None) -> list[Candidate]:
    """``rest`` with the other items of each list one of its sentences is an item of, in
    the list's order: an item alone loses the others ("Aufgaben: … Datenbasis, … Impulse").
    A list the lead belongs to follows the lead (the enumeration the lead announces)."""
    out: list[Candidate] = []
    done: set[tuple[int, int]] = set()
    led: list[Candidate] = []  # the other items of the lead's list
    if lead is not None and lead.group is not None:
        items = [o for o in cands if o.n == lead.n and o.group == lead.group and o is not lead]
        if len(items) + 1 <= LIST_MAX:
            done.add((lead.n, lead.group))
            led = sorted(items, key=lambda o: o.position)
            rest = [c for c in rest if c not in led]
    for c in rest:
        key = (c.n, c.group) if c.group is not None else None
        if key is None:
            out.append(c)
            continue
        if key in done:
            continue
        done.add(key)
        items = [o for o in cands if o.n == c.n and o.group == c.group]
        if len(items) > LIST_MAX:
            out += [o for o in rest if o.n == c.n and o.group == c.group]
            continue
        out += sorted((o for o in items if o is not lead), key=lambda o: o.position)
    for item in led:  # in reading order among the sentences of its passage
        at = next((i for i, o in enumerate(out) if o.n == item.n and o.position > item.position),
                  None)
        if at is None:
            same = [i for i, o in enumerate(out) if o.n == item.n]
            at = same[-1] + 1 if same else 0
        out.insert(at, item)
    return out


def share(weights: dict[str, float], terms: set[str]) -> float:
    """Weighted share of the terms in ``weights`` that ``terms`` contain; a longer form counts
    ("entscheid" in "entscheidung")."""
    total = sum(weights.values())
    if not total:
        return 0.0
    found = sum(w for t, w in weights.items()
                if t in terms or (len(t) >= 5 and any(s.startswith(t) for s in terms)))
    return found / total


def similar(a: Candidate, b: Candidate) -> bool:
    """Whether candidate ``a`` repeats the chosen sentence ``b``: nearly the same words (from
    overlapping chunks), or most of ``a``'s words are in ``b`` and ``a`` adds no number."""
    if a.text == b.text:
        return True
    union = a.terms | b.terms
    if not union:
        return False
    shared = len(a.terms & b.terms)
    if shared / len(union) > 0.7:
        return True
    if len(a.terms) < REPEAT_MIN_TERMS or shared / len(a.terms) < REPEAT_SHARE:
        return False
    # ``a`` says little that ``b`` does not: the same statement unless it brings a number
    return set(NUMBER.findall(a.text)) <= set(NUMBER.findall(b.text))
