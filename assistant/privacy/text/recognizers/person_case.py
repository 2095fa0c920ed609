"""Case style of a line for the person recognizer: lower-case chat notes and ALL CAPS exports.

German capitalises nouns and names; a name word written lower-case ("hab mit mehmet gesprochen")
or ALL CAPS ("YILMAZ, AYLIN") counts only where that case is the line's style, beside another name
word of the same case, after a title, or in a "SURNAME, Given name" entry.
"""

from __future__ import annotations

import re
from dataclasses import replace

from assistant.privacy.text.recognizers.person_tokens import Kind, Token
from assistant.privacy.text.words import load_nouns

_GAP = re.compile(r"[ ]{1,3}")
#: Share of capitalised words in a line below which it is written all in lower case ("hab mit
#: mehmet gesprochen"); German prose has a noun in roughly every fourth word.
LOWER_CASE_LINE = 0.12
NAME_KINDS = {Kind.FIRST, Kind.WEAK_FIRST, Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN, Kind.INITIAL,
              Kind.PARTICLE}


def lower_case_names(text: str, tokens: list[Token]) -> list[Token]:
    """Name words in an unusual case count only where that case is the writing style.

    A lower-case name word counts in a line written all in lower case ("hab mit mehmet
    gesprochen") or beside another lower-case name word ("gehört zu lina haddad"); "wir bitten um
    Rückruf" is ordinary German. An ALL CAPS word alone in a mixed-case line is an acronym
    ("Lernstandserhebung VERA 3") unless a title precedes it or another name word stands beside it.
    """
    if not any((t.lowercase or _caps(t)) and t.kind in NAME_KINDS for t in tokens):
        return tokens
    out: list[Token] = []
    line_start = 0
    while line_start < len(tokens):
        nl = text.find("\n", tokens[line_start].start)
        line_end = line_start
        while line_end < len(tokens) and (nl < 0 or tokens[line_end].start < nl):
            line_end += 1
        line = tokens[line_start:line_end]
        said = _message_start(text, line[0].start)
        words = [t for t in line if not t.sentence_start and t.text[:1].isalpha() and t.start >= said]
        capitalised = [t for t in words if t.text[:1].isupper()]
        lower_line = (len(capitalised) <= LOWER_CASE_LINE * len(words)
                      or _nouns_written_lower(line))
        caps_line = sum(1 for t in capitalised if _caps(t)) * 2 >= len(capitalised)
        for k, t in enumerate(line):
            if t.kind in NAME_KINDS and t.kind is not Kind.PARTICLE:
                odd = ((t.lowercase and not lower_line and not _prefixed(t))
                       or (_caps(t) and not caps_line))
                if odd and not _beside_name(text, line, k, t.lowercase):
                    t = replace(t, kind=Kind.OTHER)
            out.append(t)
        line_start = line_end
    return out


#: The speaker in front of a chat message ("[08:07] Anna-Lena: ", "Thi Hương: "): its capitals
#: say nothing about how the message is written.
_SPEAKER = re.compile(r"[ \t]*(?:\[[^\]\n]{1,25}\][ ]*)?[^\n:]{1,30}:[ ]")


def _message_start(text: str, pos: int) -> int:
    """Where the message starts on the line at ``pos``: after a speaker, else ``pos``."""
    line_start = text.rfind("\n", 0, pos) + 1
    m = _SPEAKER.match(text, line_start)
    return m.end() if m else pos


#: Nouns a line needs before the case of its nouns tells its style.
_MIN_NOUNS = 3


def _nouns_written_lower(line: list[Token]) -> bool:
    """Most ordinary nouns of the line are written in lower case ("vater ruft an wegen kitaplatz
    für sofiia, neue nummer …"), or some and none capitalised ("minh kann mit, adresse ist
    Lindenweg 4"): a chat-style line, even with a capitalised name or street in it."""
    nouns = load_nouns()
    lower = upper = 0
    for t in line:
        tags = nouns.get(t.text[:1].upper() + t.text[1:].lower(), "")
        if "N" in tags and "P" not in tags:
            if t.lowercase:
                lower += 1
            elif not t.sentence_start:
                upper += 1
    return (lower >= _MIN_NOUNS and lower >= 2 * upper) or (lower >= 1 and upper == 0)


def _prefixed(t: Token) -> bool:
    """A lower-case prefix joined to a capitalised name: "el-Khoury", "al-Hassan" (its usual case)."""
    head, _, rest = t.text.partition("-")
    return bool(rest) and rest[:1].isupper() and len(head) <= 4


def _caps(t: Token) -> bool:
    return len(t.text) > 2 and t.text.isupper()


def _beside_name(text: str, line: list[Token], k: int, lowercase: bool) -> bool:
    """A title before ``line[k]``, or a name word of the same case right before or after it."""
    for n in (k - 1, k + 1):
        if not 0 <= n < len(line):
            continue
        other = line[n]
        a, b = (other, line[k]) if n < k else (line[k], other)
        gap = text[a.end:b.start]
        if gap == ", " and not lowercase and _surname_comma_given(a, b):
            return True  # "SCHMIDT, JUSTIN-KEVIN", "LEFEBVRE, Noé": an entry, surname first
        if _GAP.fullmatch(gap) is None and gap != ". ":
            continue
        if other.kind is Kind.TITLE and n < k:
            return True
        if other.kind in NAME_KINDS and other.kind is not Kind.PARTICLE and (
                other.lowercase if lowercase else _caps(other) or other.kind is Kind.INITIAL):
            return True
    return False


def _surname_comma_given(a: Token, b: Token) -> bool:
    """``a, b`` reads "SURNAME, Given name": a surname (or a word in no list) before a given name."""
    return (a.kind in (Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN) and b.kind in (Kind.FIRST, Kind.WEAK_FIRST)
            and not b.lowercase)
