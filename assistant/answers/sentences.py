"""German sentence splitting for extractive answers and citation checks.

A period ends a sentence unless it belongs to an abbreviation (``z. B.``, ``bzw.``, ``Nr.``), an
ordinal or date (``1. März``, ``1.3.``) or a single initial. Markdown list items and lines are
sentences of their own; bullets and quote markers are removed.
"""

from __future__ import annotations

import re

ABBREVIATIONS = {
    "z", "b", "d", "h", "u", "a", "bzw", "ca", "nr", "s", "vgl", "usw", "etc", "abs", "art", "dr",
    "inkl", "ggf", "evtl", "sog", "i", "o", "ä", "v", "m", "bspw", "zb", "max", "min", "mind",
    "insb", "jhd", "jh", "ff", "f", "str", "tel", "prof", "st", "e", "gem", "lt", "zzgl", "abb",
    "tab", "kap", "aufl", "hrsg", "bd", "jg", "ggü", "vs", "sek", "mio", "mrd", "rd", "geb",
}
_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-ZÄÖÜ0-9„\"(»§])")
_BULLET = re.compile(r"^\s*(?:[-*•]|\d{1,2}[.)]|>)\s+")
_TAIL_WORD = re.compile(r"(\S+)$")


ORDINAL_NOUNS = {
    "januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober",
    "november", "dezember", "klasse", "jahrgangsstufe", "jahrgang", "schuljahr", "lebensjahr",
    "stufe", "quartal", "halbjahr", "schuljahres", "lebensjahres", "klassen", "platz", "stelle",
}

#: Endings of compound nouns an ordinal counts ("1. Fachsemester", "10. Jahrgangsstufe").
ORDINAL_ENDINGS = ("semester", "semesters", "klasse", "stufe", "jahr", "jahres", "jahrgang",
                   "lebensjahr", "lebensjahres", "quartal", "halbjahr", "halbjahres", "monat",
                   "monats", "woche", "tag", "tages", "geburtstag", "auflage", "ausgabe", "welle")


def _joins_next(piece: str, following: str) -> bool:
    """Whether the period at the end of ``piece`` is not a sentence end."""
    match = _TAIL_WORD.search(piece)
    if not match:
        return False
    last = match.group(1)
    if not last.endswith("."):
        return False
    if last.endswith(("“.", "\".", "».")):  # a quoted term ends the sentence: „dar.“.
        return False
    core = last.rstrip(".").lstrip("(„\"")
    if re.match(r"\([a-zäöüß]", following):  # "… der 15.3. (belegt im …), 2002 …": a remark
        return True
    next_word = (following.split() or [""])[0].strip(",.;:").lower()
    if re.fullmatch(r"\d{1,2}", core):  # "1. März", "4. Klasse", "1. Hochschulsemester"
        return next_word in ORDINAL_NOUNS or next_word.endswith(ORDINAL_ENDINGS)
    if re.fullmatch(r"\d{1,2}\.\d{1,2}", core):  # "1.3. 2023"
        return next_word.isdigit()
    if "." in core and len(core) <= 6:  # "z.B." "u.a." "i.d.R."
        return True
    return core.lower() in ABBREVIATIONS


def split_sentences(text: str) -> list[str]:
    sentences: list[str] = []
    for line in text.replace("\r", "").split("\n"):
        line = _BULLET.sub("", line).strip()
        if not line:
            continue
        pieces = _SPLIT.split(line)
        current = ""
        for i, piece in enumerate(pieces):
            current = f"{current} {piece}".strip() if current else piece
            following = pieces[i + 1] if i + 1 < len(pieces) else ""
            if not following or not _joins_next(current, following):
                sentences.append(current)
                current = ""
        if current:
            sentences.append(current)
    return sentences


#: How a list item that continues its list ends ("…, etwa einen Beirat,"), not a sentence.
_ITEM_END = re.compile(r"[,;]\s*$")


def is_fragment(sentence: str) -> bool:
    """Whether ``sentence`` is an item of an enumeration rather than a whole sentence: it ends
    with a comma or semicolon ("passende Räume finden, etwa …,"), or it opens in lower case
    ("einen Termin festlegen.")."""
    first = next((ch for ch in sentence if ch.isalpha()), "")
    return bool(_ITEM_END.search(sentence)) or first.islower()

