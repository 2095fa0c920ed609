"""Name lexicons for the person recognizer: first names, surnames and words that only look like names.

One lexicon for the text gate and the table gate. Sources (licences in ``data/NAMES-LICENSES.md``):
Latin-script names extracted from Faker (MIT) by ``scripts/build_name_lists.py``, Faker's
Ukrainian, Russian and Bulgarian names transliterated to Latin here (passport and German
spelling), our own curated lists in ``data/curated/``, and a vocabulary of
ordinary German words seen outside any name in the training part of GermEval 2014 (CC BY 4.0),
written by ``scripts/build_common_words.py``. Look-ups are case- and accent-insensitive
(``Yilmaz`` finds ``Yılmaz``), see :func:`fold`.
"""

from __future__ import annotations

import gzip
import importlib
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data"
CURATED = DATA_DIR / "curated"

_SPECIAL = str.maketrans({"ı": "i", "ß": "ss", "ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o",
                          "Ø": "o", "æ": "ae", "œ": "oe", "ə": "e", "’": "'", "ʼ": "'", "`": "'"})


@lru_cache(maxsize=65_536)
def fold(word: str) -> str:
    """Lower-case, accent-free key: ``Yılmaz``, ``YILMAZ`` and ``yilmaz`` give ``yilmaz``.

    Cached: the recognizers fold the same few thousand words again and again (it was a tenth of
    the gate's time, profiled); plain ASCII words skip the Unicode decomposition.
    """
    if word.isascii() and "`" not in word:
        return word.lower()
    word = word.translate(_SPECIAL)
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).lower()


def _read_lines(path: Path) -> list[str]:
    opener = gzip.open if path.suffix == ".gz" else open
    with opener(path, "rt", encoding="utf-8") as fh:
        return [line.strip() for line in fh if line.strip() and not line.startswith("#")]


#: Faker locales in Cyrillic script: their names join the lexicon transliterated to Latin, in
#: passport (Ukrainian national) and German (Duden) spelling, as pupil lists and letters write them.
CYRILLIC_LOCALES = ("uk_UA", "ru_RU", "bg_BG")

UK_PASSPORT = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяэыё",
    ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "e", "y",
     "io"]))
DE_DUDEN = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяэыё",
    ["a", "b", "w", "g", "g", "d", "e", "je", "sch", "s", "i", "i", "ji", "j", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "ju", "ja", "e",
     "y", "jo"]))
_CYRILLIC = re.compile(r"^[\u0400-\u04FF'’ -]+$")
_SPLIT = re.compile(r"[\s\-'’.,]+")


def _transliterate(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in word.lower())


def _transliterated(attributes: tuple[str, ...]) -> set[str]:
    """Folded name words of the Cyrillic Faker locales (``attributes`` of their person provider)."""
    keys: set[str] = set()
    for locale in CYRILLIC_LOCALES:
        try:
            provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        except (ImportError, AttributeError):
            continue
        for attribute in attributes:
            for name in getattr(provider, attribute, ()) or ():
                if not _CYRILLIC.match(str(name)):
                    continue
                for table in (UK_PASSPORT, DE_DUDEN):
                    for part in _SPLIT.split(_transliterate(str(name), table)):
                        folded = fold(part)
                        if len(folded) >= 2:
                            keys.add(folded)
    return keys


def _names(paths: list[Path]) -> frozenset[str]:
    keys: set[str] = set()
    for path in paths:
        for name in _read_lines(path):
            for part in name.replace(" ", "-").split("-") if " " in name else [name]:
                if len(part) >= 2:
                    keys.add(fold(part))
            keys.add(fold(name))
    return frozenset(keys)


#: Words that open a message to a person, as a regex alternation ("Hallo Frank,", "hi jens"): the
#: note recognizer finds the person after one, the gate keeps one out of the name it precedes.
GREETING_WORDS = r"hallo|hi|hey|moin|servus|liebe[rs]?"


@lru_cache(maxsize=1)
def _fictional_pattern() -> "re.Pattern[str]":
    phrases = sorted(_read_lines(CURATED / "fictional_names.txt"), key=len, reverse=True)
    return re.compile(r"(?<!\w)(?:" + "|".join(re.escape(p) for p in phrases) + r")(?!\w)")


def fictional_spans(text: str) -> list[tuple[int, int]]:
    """Where well-known fictional characters stand in ``text`` ("Harry Potter", "Frau Holle",
    "Hänsel und Gretel"; list in ``data/curated/fictional_names.txt``): no persons."""
    return [m.span() for m in _fictional_pattern().finditer(text)]


#: Longest phrase of the list plus a margin: how far around a finding the list is looked for.
_FICTIONAL_REACH = 40


def outside_fictional(text: str, found: list) -> list:  # noqa: ANN001 - RecognizerResults
    """``found`` without the findings that lie inside a fictional character's name (searched
    only around the findings: the whole text would cost more than the recognizers' own work)."""
    pattern = _fictional_pattern()
    out = []
    for r in found:
        lo = max(0, r.start - _FICTIONAL_REACH)
        inside = any(m.start() <= r.start and r.end <= m.end()
                     for m in pattern.finditer(text, lo, min(len(text), r.end + _FICTIONAL_REACH)))
        if not inside:
            out.append(r)
    return out


#: English months that are also given names, after a preposition of time or before a day or
#: year ("until end of May", "in June 2025", "since April"): the month.
_ENGLISH_MONTH = re.compile(r"(?:April|May|June|August)")
_ENGLISH_TIME_BEFORE = re.compile(r"(?:\b(?:of|in|until|till|since|by|from|before|after|early|late|mid|"
                                  r"last|next|this)[ ]+|-)\Z", re.IGNORECASE)
_NUMBER_AFTER = re.compile(r"[ ]\d")


_WEEKDAYS = "Mon|Tue|Wed|Thu|Fri|Sat|Sun"
_MONTH_ABBR = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
               r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_YEAR = r"(?:19|20)\d\d\b"
#: An English date as mail headers write it: "Fri, 7 Mar 2025", "Tue, Jan 7, 2025", "7 Mar 2025",
#: "Mar 7, 2025", "Thu, 4 Sep", and as log lines write it, "Mar  7 06:12:03": a weekday before it, a
#: year or a time of day after it.
_ENGLISH_DATE = re.compile(
    rf"\b(?:(?P<wd>(?:{_WEEKDAYS})[a-z]{{0,6}},?[ ]+)?"
    rf"(?:{_DAY}[ ]+{_MONTH_ABBR}(?:[ ]+{_YEAR})?"
    rf"|{_MONTH_ABBR}[ ]+{_DAY}(?:,?[ ]+{_YEAR}|(?P<time>[ ]+[0-2]?\d:[0-5]\d\b))?)"
    rf"|{_MONTH_ABBR}[ ]+{_YEAR})")
#: The first three letters of every weekday and month in ``_ENGLISH_DATE``: a cheap test first.
_DATE_WORD = re.compile(f"{_WEEKDAYS}|Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
#: What may stand before an English date in a finding that runs into it ("On Tue, Jan 7, 2025").
_BEFORE_DATE = {"", "On", "on"}


def _outside_english_dates(text: str, found: list) -> list:  # noqa: ANN001 - RecognizerResults
    """``found`` without the words of English dates ("Fri, 7 Mar 2025": "Mar" is no given name)."""
    out = []
    for r in found:
        if _DATE_WORD.search(text, r.start, r.end):
            date = next((m for m in _ENGLISH_DATE.finditer(text, max(0, r.start - 14), min(len(text), r.end + 24))
                         if m.start() < r.end and r.start < m.end()
                         and (m.group("wd") or m.group("time") or re.search(_YEAR, m.group()))), None)
            if date is not None:
                if text[r.start:date.start()].rstrip(" ,") in _BEFORE_DATE:
                    continue
                r.end = r.start + len(text[r.start:date.start()].rstrip(" ,"))  # "Lea Koch, Fri 7 Mar 2025"
        out.append(r)
    return out


#: A time zone of the IANA database ("TZID=Europe/Berlin", "America/Sao_Paulo"): no person in it.
_TIME_ZONE = re.compile(r"\b(?:Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific|Etc)"
                        r"/[A-Za-z_-]+(?:/[A-Za-z_-]+)?")


def _outside_time_zones(text: str, found: list) -> list:  # noqa: ANN001 - RecognizerResults
    zones = [m.span() for m in _TIME_ZONE.finditer(text)]
    return [r for r in found if not any(s < r.end and r.start < e for s, e in zones)] if zones else found


def outside_english_months(text: str, found: list) -> list:  # noqa: ANN001 - RecognizerResults
    """``found`` without English month names read as given names ("end of May"), without the
    words of English dates ("Fri, 7 Mar 2025") and of time zones ("TZID=Europe/Berlin")."""
    if found and "/" in text:
        found = _outside_time_zones(text, found)
    return _outside_english_dates(text, [
        r for r in found
        if not (_ENGLISH_MONTH.fullmatch(text, r.start, r.end)
                and (_ENGLISH_TIME_BEFORE.search(text[max(0, r.start - 12):r.start])
                     or _NUMBER_AFTER.match(text, r.end)))])


@dataclass(frozen=True)
class NameLexicon:
    first_names: frozenset[str]
    surnames: frozenset[str]
    #: Ordinary lower-case words (incl. spaCy's German stop words): "nur", "mit", "fehlt".
    common_words: frozenset[str]
    #: Capitalised ordinary words seen mid-sentence, lower-cased: "koch", "mai", "völker".
    common_capitalised: frozenset[str]
    #: Words that are never (part of) a person name in our texts: places, institutions, months.
    never_names: frozenset[str]

    def is_first_name(self, word: str) -> bool:
        return fold(word) in self.first_names

    def is_surname(self, word: str) -> bool:
        return fold(word) in self.surnames

    def is_common(self, word: str) -> bool:
        """Whether ``word`` is also an ordinary German word in the case it is written in.

        ``Koch`` (noun) and ``nur`` (adverb) are common; ``koch`` and ``Nur`` are not, because
        German capitalises nouns only. ALL CAPS words are checked against both.
        """
        if fold(word) in self.never_names:
            return True
        key = word.lower()
        if word.isupper() and len(word) > 1:
            return key in self.common_capitalised or key in self.common_words
        if word[:1].isupper():
            return key in self.common_capitalised
        return key in self.common_words


def _stop_words() -> frozenset[str]:
    from spacy.lang.de.stop_words import STOP_WORDS  # MIT, ships with spaCy

    return frozenset(STOP_WORDS)


def _curated(prefix: str) -> list[Path]:
    return sorted(CURATED.glob(f"{prefix}*.txt"))


@lru_cache(maxsize=1)
def load_names() -> tuple[frozenset[str], frozenset[str]]:
    """(first names, surnames), folded; without the word lists (and without spaCy), for the
    table gate's column detection."""
    first = _names([DATA_DIR / "faker_first_names.txt.gz", *_curated("first_names")])
    first |= _transliterated(("first_names", "first_names_male", "first_names_female"))
    # Eritrean and Somali second names are the father's first name: usable as surnames too.
    surnames = _names([DATA_DIR / "faker_surnames.txt.gz", *_curated("surnames"),
                       *_curated("first_names_eritrean")])
    surnames |= _transliterated(("last_names", "last_names_male", "last_names_female"))
    return frozenset(first), frozenset(surnames)


@lru_cache(maxsize=1)
def load_lexicon() -> NameLexicon:
    """Read the lists once per process (~0.1 s)."""
    return build_lexicon(_read_lines(DATA_DIR / "common_words_germeval.txt.gz"))


def build_lexicon(corpus_words: list[str]) -> NameLexicon:
    """The lexicon with ``corpus_words`` as the corpus-derived ordinary words (cross-validation
    derives them from its training folds only; :func:`load_lexicon` reads the shipped list)."""
    first, surnames = load_names()
    common_raw = corpus_words + _read_lines(CURATED / "common_words.txt")
    never = frozenset(fold(w) for w in _read_lines(CURATED / "never_names.txt"))
    # Spelling matters here (Völker is a noun, Volker a name), so the keys are only lower-cased.
    capitalised = frozenset(w.lower() for w in common_raw if w[:1].isupper())
    lower = frozenset(w.lower() for w in common_raw if not w[:1].isupper()) | _stop_words()
    return NameLexicon(first, surnames, lower, capitalised, never)
