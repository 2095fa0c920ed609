"""Name lexicon for spotting person-name columns in tables (Latin script only).

One source of names for text and tables: the text gate's lists (:mod:`assistant.privacy.names`:
Faker's Latin-script locales, MIT, and our curated lists of the pupil population's origins), plus
Faker's Ukrainian, Russian and Bulgarian names transliterated to Latin here (passport and German
spelling). Lookups fold case and diacritics (Çelik = Celik, Müller = Muller = Mueller).
"""

from __future__ import annotations

import importlib
import re
from functools import lru_cache

from assistant.privacy.names import fold, load_names

CYRILLIC_LOCALES = ("uk_UA", "ru_RU", "bg_BG")

_PARTICLES = {"al", "el", "abu", "bin", "ibn", "abd", "abdel", "von", "van", "de", "der", "den",
              "zu", "ter", "ten", "da", "di", "du", "le", "la", "dos", "das", "del", "vom"}

#: Words that Faker lists as surnames but that tables use as ordinary labels.
_STOPWORDS = {
    "insgesamt", "gesamt", "summe", "total", "kita", "schule", "stadt", "kreis", "land", "berg",
    "mitte", "nord", "sud", "ost", "west", "neu", "alt", "klein", "gross", "weiss", "schwarz",
    "jung", "lang", "kurz", "weiblich", "mannlich", "divers", "deutsch", "deutschland", "park",
    "see", "wald", "feld", "dorf", "hof", "bach", "grund", "ja", "nein", "keine", "sonstige",
    "andere", "unbekannt", "frei", "jahr", "klasse", "tag", "winter", "sommer", "fruhling",
    "herbst", "kind", "kinder", "haus", "markt", "kirch", "kirche", "brunnen", "garten",
}

_UK_PASSPORT = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяэыё",
    ["a", "b", "v", "h", "g", "d", "e", "ie", "zh", "z", "y", "i", "i", "i", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "iu", "ia", "e", "y",
     "io"]))
_DE_DUDEN = dict(zip(
    "абвгґдеєжзиіїйклмнопрстуфхцчшщьюяэыё",
    ["a", "b", "w", "g", "g", "d", "e", "je", "sch", "s", "i", "i", "ji", "j", "k", "l", "m", "n",
     "o", "p", "r", "s", "t", "u", "f", "ch", "z", "tsch", "sch", "schtsch", "", "ju", "ja", "e",
     "y", "jo"]))
_CYRILLIC = re.compile(r"^[\u0400-\u04FF'’ -]+$")
_SPLIT = re.compile(r"[\s\-'’.,]+")
def _transliterate(word: str, table: dict[str, str]) -> str:
    return "".join(table.get(c, c) for c in word.lower())


def _provider_names(locale: str) -> list[str]:
    try:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
    except (ImportError, AttributeError):
        return []
    names: list[str] = []
    for attr in ("first_names", "first_names_male", "first_names_female", "last_names"):
        names.extend(getattr(provider, attr, ()) or ())
    return [str(n) for n in names]


@lru_cache(maxsize=1)
def name_lexicon() -> frozenset[str]:
    """Folded name tokens (at least two letters), minus particles and ordinary label words.

    The text gate's lists (Faker's Latin-script locales and our curated lists, see
    :mod:`assistant.privacy.names`) plus Faker's Ukrainian, Russian and Bulgarian names
    transliterated to Latin in passport and German spelling.
    """
    first, surnames = load_names()
    tokens: set[str] = set(first | surnames)

    def add(name: str) -> None:
        for part in _SPLIT.split(name):
            folded = fold(part)
            if len(folded) >= 2:
                tokens.add(folded)

    for locale in CYRILLIC_LOCALES:
        for name in _provider_names(locale):
            if _CYRILLIC.match(name):
                add(_transliterate(name, _UK_PASSPORT))
                add(_transliterate(name, _DE_DUDEN))
    return frozenset(t for t in tokens if len(t) >= 2 and " " not in t) - _STOPWORDS - _PARTICLES


def is_particle(token: str) -> bool:
    return fold(token) in _PARTICLES


def token_in_lexicon(token: str) -> bool:
    """True if ``token`` (one word) is a known name; tries the ae/oe/ue spelling of umlauts too."""
    lexicon = name_lexicon()
    folded = fold(token)
    if folded in lexicon:
        return True
    if any(pair in folded for pair in ("ae", "oe", "ue")):
        return folded.replace("ae", "a").replace("oe", "o").replace("ue", "u") in lexicon
    return False
