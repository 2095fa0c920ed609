"""Ordinary German nouns: the Wiktionary noun forms and a compound check both person recognizers use.

A capitalised word in no name list is still no name when it is an ordinary noun ("Masterarbeit",
"Handynummer") or a compound that ends in one ("Spätschicht", "Hausmeisterdienst",
"Kinderarzt-Termin"). Heads that are also name entries in Wiktionary ("Mann", "Berg") do not count,
because German surnames are built from them ("Hausmann", "Rosenberg").
"""

from __future__ import annotations

import bisect
import gzip
import re
from functools import lru_cache

from assistant.privacy.names import DATA_DIR

NOUNS = DATA_DIR / "wiktionary_nouns.tsv.gz"
ENGLISH = DATA_DIR / "english_words.txt.gz"
#: Word endings that make ordinary nouns ("Inobhutnahmen", "Wiederholerin"); names rarely end so.
NOUN_ENDINGS = ("ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "tion",
                "tionen", "ität", "itäten", "ismus", "nahme", "nahmen", "quote", "zahl", "anteil")
#: Feminine forms of role nouns ("Wiederholerin", "Antragstellerinnen"); short ones are names.
_FEMININE = ("erin", "erinnen")
#: Short heads that are compound heads often enough to count ("Schulverwaltungsamt").
_SHORT_HEADS = {"Amt", "Rat", "Bau", "Kurs", "Plan", "Zeit", "Geld", "Heft", "Buch", "Team", "Fall",
                "Jahr", "Antrag", "Kasse", "Name", "Wert"}
_MIN_HEAD = 5
_MIN_MODIFIER = 3


@lru_cache(maxsize=1)
def load_nouns() -> dict[str, str]:
    """Wiktionary noun forms -> tags (N noun, T place, P name entry), see build_noun_list.py."""
    table: dict[str, str] = {}
    with gzip.open(NOUNS, "rt", encoding="utf-8") as fh:
        for line in fh:
            if not line.startswith("#"):
                form, _, tags = line.rstrip("\n").partition("\t")
                table[form] = tags
    return table


def noun_tags(word: str, nouns: dict[str, str]) -> str:
    """Tags of ``word`` as written, or of its capitalised form when it is ALL CAPS or lower-case."""
    word = word.rstrip(".")
    tags = nouns.get(word)
    if tags is None and not word[:1].isupper():
        return ""
    if tags is None and word.isupper() and len(word) > 1:
        tags = nouns.get(word.capitalize())
    return tags or ""


def _plain(tags: str | None) -> bool:
    """An ordinary noun and nothing else: no name entry, no place."""
    return bool(tags) and "N" in tags and "P" not in tags and "T" not in tags


def _compound_head(word: str, nouns: dict[str, str]) -> bool:
    """``word`` ends in an ordinary noun after a modifier of at least three letters."""
    for k in range(_MIN_MODIFIER, len(word) - 2):
        head = word[k].upper() + word[k + 1:]
        if (len(head) >= _MIN_HEAD or head in _SHORT_HEADS) and _plain(nouns.get(head)):
            return True
    return False


@lru_cache(maxsize=65_536)
def ordinary_noun(word: str) -> bool:
    """Whether a capitalised (or ALL CAPS) ``word`` is an ordinary noun and no name.

    Covers listed forms, compounds ending in a plain noun, hyphenated compounds whose last part is
    one ("Kita-Besuch", "Autismus-Spektrum") and typical noun endings. Words that Wiktionary also
    lists as names or places ("Koch", "Sommer", "Berg") are left to the name lists.
    """
    word = word.rstrip(".")
    if len(word) < 3 or not word[:1].isupper():
        return False
    if word.isupper():
        word = word.capitalize()
    nouns = load_nouns()
    tags = nouns.get(word)
    if tags is not None:
        return _plain(tags)
    if "-" in word:
        last = word.rsplit("-", 1)[1]
        return bool(last[:1].isupper()) and ordinary_noun(last)
    low = word.lower()
    if low.endswith(NOUN_ENDINGS) or (len(word) >= 9 and low.endswith(_FEMININE)):
        return True
    return _compound_head(word, nouns)


#: Linking elements between the parts of a compound ("Schutz|plan", "Hausaufgaben|zeit",
#: "Arbeit|s|zeit", "Lese|pate").
_LINKS = ("", "s", "es", "n", "en", "e")
_MIN_COMPOUND_HEAD = 3
#: Compound heads that are also name entries but far more often nouns ("Geschwister|paar",
#: "Hilfe|art", "Kindes|mutter").
_NAME_LIKE_HEADS = _SHORT_HEADS | {"Paar", "Stelle", "Frage", "Liste", "Karte", "Stunde", "Art", "Mutter",
                                   "Vater"}
_MIN_COMPOUND_MODIFIER = 4


@lru_cache(maxsize=65_536)
def noun_compound(word: str) -> bool:
    """Whether a capitalised ``word`` in no noun list splits into two nouns ("Schutzplan",
    "Hausaufgabenzeit", "Lesepate"); unlike :func:`ordinary_noun`, a head that is also a place
    counts ("Plan"), because the modifier before it must be an ordinary noun too; heads that are
    also names ("Berg", "Mann") only when they are common compound heads ("Zeit").
    """
    word = word.rstrip(".")
    if not word[:1].isupper() or word.isupper() or "-" in word:
        return False
    nouns = load_nouns()
    if word in nouns:
        return False
    for k in range(_MIN_COMPOUND_MODIFIER, len(word) - _MIN_COMPOUND_HEAD + 1):
        head = word[k].upper() + word[k + 1:]
        tags = nouns.get(head, "")
        if "N" not in tags or ("P" in tags and head not in _NAME_LIKE_HEADS):
            continue  # "Rosen|berg", "Feld|mann": heads of surnames
        for link in _LINKS:
            if link and not word[:k].endswith(link):
                continue
            modifier = word[:k - len(link)] if link else word[:k]
            if len(modifier) >= _MIN_COMPOUND_MODIFIER and (
                    _plain(nouns.get(modifier)) or ordinary_noun(modifier)
                    or (not link and (head in _SHORT_HEADS or len(head) >= _MIN_HEAD)
                        and _plain(nouns.get(modifier + "ung")))):  # a verb stem: "Förder|plan", not "Schön|lein"
                return True  # "Elternbeirat|s|wahl": the modifier may be a compound itself
    return False


#: A number's label glued into one word: a lower-case letter, then "Nr"/"ID"/"Id"/"No" ("SchuelerNr",
#: "KundenID"), or "Id"/"ID" before "Nr"/"No" ("IdNr").
_NUMBER_LABEL = re.compile(r"(?:[A-ZÄÖÜ][a-zäöüß]+(?:Nr|ID|Id|No)|I[dD](?:Nr|No))\.?")


def number_label(word: str) -> bool:
    """``word`` is the label of a number written as one word ("IdNr", "SchülerID"): no name, nor
    a part of one ("Weber, Lisa KundenNr 4471")."""
    return _NUMBER_LABEL.fullmatch(word) is not None


@lru_cache(maxsize=1)
def _sorted_nouns() -> list[str]:
    return sorted(load_nouns())


def noun_prefix(word: str) -> bool:
    """Whether ``word`` is the cut-off start of a longer noun: an abbreviation before its period
    ("Schulpsych." for "Schulpsychologe", "Betr." for "Betreff", "Unterhaltspfl.")."""
    if len(word) < 3:
        return False
    keys = _sorted_nouns()
    i = bisect.bisect_right(keys, word)
    return i < len(keys) and keys[i].startswith(word)


#: Endings of adjectives and participles used as neuter nouns ("Verschiedenes", "Sonstiges",
#: "Festgesetztes", "Organisatorisches", "Folgendes"); a name in no list rarely ends so.
_NOMINALISED = ("tes", "iges", "iches", "isches", "endes", "eres", "ales", "ives")
_MIN_NOMINALISED = 7


def nominalised_adjective(word: str, common_lower: frozenset[str]) -> bool:
    """Whether a capitalised ``word`` is an adjective or participle used as a noun: its
    lower-case form without the "s" is an ordinary word ("Weiteres" <- "weitere") or it has an
    adjective's neuter ending and length. Callers check the name lists first ("Fuentes")."""
    if not word[:1].isupper() or word.isupper() or not word.endswith("es"):
        return False
    low = word.lower()
    return low[:-1] in common_lower or (len(word) >= _MIN_NOMINALISED and low.endswith(_NOMINALISED))


#: A word that ends in capitals after a lower-case letter: an abbreviation or a key, never a name
#: ("SuE", "SchülerID", "KiTaG", "BayEUG"; names like "McDonald" end in lower case).
_CAPITAL_END = re.compile(r"[^\W\d_]*[a-zß-ÿ][A-ZÀ-Þ]+")


def capital_end(word: str) -> bool:
    return _CAPITAL_END.fullmatch(word.rstrip(".")) is not None


#: Short English function words the word list leaves out (hunspell writes "I", "US", "A").
_SHORT_ENGLISH = frozenset({"a", "i", "us", "as", "is"})


@lru_cache(maxsize=1)
def load_english() -> frozenset[str]:
    """Ordinary English words, lower case (hunspell en_US, see build_english_words.py)."""
    with gzip.open(ENGLISH, "rt", encoding="utf-8") as fh:
        return frozenset(line.strip() for line in fh if not line.startswith("#")) | _SHORT_ENGLISH


@lru_cache(maxsize=1)
def _german_function_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS  # MIT, ships with spaCy

    return frozenset(STOP_WORDS)


_ALPHA_WORD = re.compile(r"[^\W\d_]{2,}")
#: Words read on each side of a span, inside its clause, to tell its language.
_CONTEXT_WORDS = 3
_CLAUSE_END = re.compile(r"[.!?:;|\n]")


def english_words(text: str, start: int, end: int, german: frozenset[str]) -> bool:
    """``text[start:end]`` is made of ordinary English words and stands among English ones: of
    the three words on each side inside its clause, more are English (and no German function
    word) than German (``german``: lower-case German words that are no English ones): "Please
    note", "Known issues: …", "The Parents' Evening findet". Callers check the name lists first."""
    english = load_english()
    if not all(w.lower() in english for w in _ALPHA_WORD.findall(text, start, end)):
        return False
    ends_before = [m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 80), start)]
    clause_start = ends_before[-1] if ends_before else max(0, start - 80)
    after_end = _CLAUSE_END.search(text, end, end + 80)
    before = _ALPHA_WORD.findall(text, clause_start, start)[-_CONTEXT_WORDS:]
    after = _ALPHA_WORD.findall(text, end, after_end.start() if after_end else end + 80)[:_CONTEXT_WORDS]
    function_words = _german_function_words()
    words = [w.lower() for w in before + after]
    en = sum(1 for w in words if w in english and w not in function_words)
    de = sum(1 for w in words if w in german and w not in english)
    return en > de
