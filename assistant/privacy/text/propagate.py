"""Later mentions of a known name: "Lea Schmidt ... Schmidt fehlte" -> both are PERSON.

Name words come from the persons found in this text and earlier in the session. A mention is
matched case-insensitively and accent-insensitively as a whole word; a capitalised ordinary word
after an article or before a genitive stays a noun ("Lea Koch ... der Koch", "Koch der Mensa"),
a word in the name of a Kita or school is no mention ("Kita „Astrid Lindgren“").
"""

from __future__ import annotations

import re
from typing import AbstractSet

from assistant.privacy.names import NameLexicon, fold
from assistant.privacy.text.recognizers.person_tokens import (
    ABBREVIATED_GIVEN, ACRONYMS, DETERMINERS, INSTITUTION_WORDS, NAMED_INSTITUTION_HEADS, TOKEN_RE)
from assistant.privacy.text.recognizers.name_shape import name_word, place_before
from assistant.privacy.text.spans import DisjointSpans
from assistant.privacy.text.words import load_nouns

PROPAGATED_SCORE = 0.8
#: Letters of a word in capitals that is an acronym as a later mention ("SSA", "KL"), never the name.
_MAX_ACRONYM = 3
#: The abbreviated given names ("Th.", "Chr.") of a name are no words to look for again: "Ch" and
#: "CH" are chemistry in a timetable, not the "Ch." of "Ch. Bergmann".
_ABBREVIATIONS = frozenset(fold(a.rstrip(".")) for a in ABBREVIATED_GIVEN)
#: An article, maybe adjectives and an opening quote, before a mention that is also a word: the
#: noun ("der Koch", "der böse Wolf", "vom „Wolf“", "ein kleiner Fischer").
_ARTICLE_BEFORE = re.compile(r"(?:^|\W)(" + "|".join(sorted(DETERMINERS))
                             + r")\s+(?-i:[a-zäöüß]+(?:e|en|er|es|em)\s+){0,2}[„\"“»‚'‘]?\Z", re.IGNORECASE)
#: An institution word, maybe a quote and one capitalised word, right before a mention: the name
#: of a Kita or school ("Kita „Astrid Lindgren“", "Grundschule Anne Frank"), not the person.
_INSTITUTION_BEFORE = re.compile(
    r"(?:^|\W)(?:\w{3,}(?:" + "|".join(h for h in NAMED_INSTITUTION_HEADS if h != "heim") + ")|"
    + "|".join(sorted(INSTITUTION_WORDS, key=len, reverse=True))
    + r")\.?[ ]+[„\"“»‚'‘]?(?:[A-ZÄÖÜ][\w'’-]*[ ])?\Z", re.IGNORECASE)
#: A preposition of time before, or a year after, a mention that is also a month ("ab Mai",
#: "Anfang Juni", "Mai 2025"): the month, not "Mai" the given name.
_MONTHS = {"januar", "februar", "märz", "april", "mai", "juni", "juli", "august", "september",
           "oktober", "november", "dezember"}
_TIME_BEFORE = re.compile(r"(?:^|\W)(?:ab|seit|bis|im|vom|zum|anfang|ende|mitte|bis[ ]zum|jeden)\s+\Z",
                          re.IGNORECASE)
_YEAR_AFTER = re.compile(r"[ ]+(?:\d{2}|\d{4})\b")
#: A letter with an accent German does not write ("Olá", "Bună"; not "Schäfer").
_FOREIGN_ACCENT = re.compile(r"[^\x00-\x7fäöüÄÖÜß]")
#: A preposition of place before a mention that is also a town ("nach Hagen", "in Essen").
_PLACE_PREPOSITION_BEFORE = re.compile(r"(?:^|\W)(?:nach|in|aus)[ ]\Z")
#: A period and a number or an amount after a lower-case mention: an abbreviation ("max. 3",
#: "min. 10", "mio. €").
_ABBREVIATION_AFTER = re.compile(r"\.[ ]?[\d€$]")
#: A genitive article and a noun after a mention: the ordinary noun ("Koch der Mensa").
_GENITIVE_AFTER = re.compile(r"[ ]+(?:der|des)[ ]+[A-ZÄÖÜ]")


def propagate(text: str, words: AbstractSet[str], covered: list[tuple[int, int]],
              lexicon: NameLexicon, more_words: AbstractSet[str] = frozenset()) -> list[tuple[int, int]]:
    """Spans of further mentions of ``words`` or ``more_words`` (folded name words, at least two
    letters) not inside ``covered``.

    One set look-up per word of the text: the cost does not grow with the session's name count.
    """
    if not words and not more_words:
        return []
    taken = DisjointSpans(covered)
    spans: list[tuple[int, int]] = []
    for match in TOKEN_RE.finditer(text):
        word = match.group().rstrip(".")
        key = fold(word)
        if len(key) < 2 or (key not in words and key not in more_words) or key in _ABBREVIATIONS:
            continue
        start, end = match.start(), match.start() + len(word)
        if not taken.free(start, end):
            continue
        if (word[:1].islower() and lexicon.is_common(word)) or word in ACRONYMS or (
                word.isupper() and len(word) <= _MAX_ACRONYM):
            continue  # "nur", "mit": never names in lower case; "VERA" after "Vera Schulz", "SSA" after "bilal_ssa"
        if word[:1].islower() and _ABBREVIATION_AFTER.match(text, end):
            continue  # "max. 3 Stunden" after "Enkel Max": an abbreviation before a number
        if lexicon.is_common(word) and _FOREIGN_ACCENT.search(word):
            continue  # "Olá" (a greeting) after "Ola Nowak": the accent makes it another word
        if lexicon.is_common(word) and (_ARTICLE_BEFORE.search(text[max(0, start - 36):start])
                                        or _GENITIVE_AFTER.match(text, end)):
            continue
        if key in _MONTHS and (_TIME_BEFORE.search(text[max(0, start - 12):start])
                               or _YEAR_AFTER.match(text, end)):
            continue
        if _INSTITUTION_BEFORE.search(text[max(0, start - 40):start]):
            continue
        if not lexicon.is_first_name(word) and (_PLACE_PREPOSITION_BEFORE.search(text[max(0, start - 8):start])
                                                or place_before(text, start, end)):
            continue  # "Dr. Lingen ... zieht nach Lingen": the town
        spans.append((start, end))
    if more_words and _COORDINATION_PRECHECK.search(text):
        spans += _coordinated(text, more_words, taken, lexicon)
    return spans


#: A word joined by "und"/"oder"/"sowie" to a word before it: "Kalina und Borislav".
_COORDINATED = re.compile(r"(?<![\w-])(?P<x>[^\W\d_]+)[ ](?:und|oder|sowie|u\.|&)[ ]"
                          r"(?P<y>[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜ][a-zäöüß]+)?)(?![\w-])")
_COORDINATION_PRECHECK = re.compile(r"[ ](?:und|oder|sowie|u\.|&)[ ][A-ZÄÖÜ]")


def _coordinated(text: str, more_words: AbstractSet[str], taken: DisjointSpans,
                 lexicon: NameLexicon) -> list[tuple[int, int]]:
    """A word in no list after a name of this text and "und"/"oder" ("Mutter von Kalina und
    Borislav"): a name too, when it is no common word, noun, place or institution."""
    spans = []
    for m in _COORDINATED.finditer(text):
        start, end = m.span("y")
        if (fold(m.group("x")) not in more_words or taken.free(*m.span("x"))
                or not taken.free(start, end)):
            continue
        word = m.group("y")
        if (fold(word) in more_words or lexicon.is_common(word) or lexicon.is_common(word.lower()) or fold(word) in lexicon.never_names
                or load_nouns().get(word) or not name_word(word, lexicon)):
            continue
        spans.append((start, end))
    return spans
