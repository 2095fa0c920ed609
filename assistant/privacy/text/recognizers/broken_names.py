"""Names broken by a hyphen at a line end (OCR, print layouts): "Frau Oster-\nkamp", "Ay-\naan".

A span cannot cross a line break, so the broken name is two spans: the part before the hyphen and
the rest at the start of the next line. The rest is a name where the part before it was found as
one and the parts joined are no ordinary noun ("Greta Lind-\nholm", "Frau Dr. Brand-\nstätter"),
or where the parts joined are a listed name that is no word ("Ma-\nlte"); "Kin-\nder" stays a word.
A rest that is a word of its own ("Leh-\nmann") is left out: the gate takes every word of a person
span as a name to look for again, in this text and later ones of the session.
"""

from __future__ import annotations

import re

from assistant.privacy.names import NameLexicon, fold
from assistant.privacy.text.words import load_nouns, ordinary_noun

#: A capitalised word's first part, a hyphen at the line end, the lower-case rest on the next line.
BROKEN = re.compile(r"(?<![\w-])(?P<head>[A-ZÄÖÜ][^\W\d_]*)-[ ]?\r?\n[ \t]*(?P<rest>[a-zäöüß]+)(?![\w-])")
#: Shortest rest read as a part of a name: one letter is a stray mark of a scan.
_MIN_REST = 2


def broken_name_parts(text: str, found: list[tuple[int, int]], lexicon: NameLexicon) -> list[tuple[int, int, int]]:
    """(start, end, index into ``found`` or -1) of each part to add: the rest of a name whose head
    ends a span of ``found`` (index of that span), or both parts of a listed name found nowhere."""
    if "-\n" not in text and "- \n" not in text and "-\r\n" not in text:
        return []
    ends = {end: k for k, (_, end) in enumerate(found)}
    starts = {start for start, _ in found}
    out: list[tuple[int, int, int]] = []
    for m in BROKEN.finditer(text):
        head, rest = m.group("head"), m.group("rest")
        if len(rest) < _MIN_REST or m.start("rest") in starts:
            continue
        joined = head + rest
        k = ends.get(m.end("head"), -1)
        if _word_alone(rest, lexicon):
            continue  # "Leh-\nmann": "mann" alone would be a name word for later mentions
        if k >= 0:
            if not ordinary_noun(joined) and not lexicon.is_common(joined.lower()):
                out.append((m.start("rest"), m.end("rest"), k))
        elif _listed_name(joined, lexicon) and m.start("head") not in starts:
            out.append((m.start("head"), m.end("head"), -1))
            out.append((m.start("rest"), m.end("rest"), -1))
    return out


def _word_alone(rest: str, lexicon: NameLexicon) -> bool:
    """The rest is a word of its own ("mann", "berg"): as a span it would stand for the name in
    later mentions of the word."""
    return lexicon.is_common(rest) or bool(load_nouns().get(rest.capitalize()))


def _listed_name(word: str, lexicon: NameLexicon) -> bool:
    """A listed name that is no common word and no noun of any kind ("Lehmann", not "Steuer")."""
    key = fold(word)
    return ((key in lexicon.first_names or key in lexicon.surnames) and not lexicon.is_common(word)
            and not lexicon.is_common(word.lower()) and "N" not in load_nouns().get(word, ""))
