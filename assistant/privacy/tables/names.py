"""The shared name lexicon as the table gate uses it to spot person-name columns.

The names are those of the text gate (:func:`assistant.privacy.names.load_names`, one lexicon for
both); this view drops particles and words that tables use as labels ("Insgesamt", "Berg").
Lookups fold case and diacritics (Çelik = Celik, Müller = Muller = Mueller).
"""

from __future__ import annotations

from functools import lru_cache

from assistant.privacy.names import fold, load_names

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


@lru_cache(maxsize=1)
def name_lexicon() -> frozenset[str]:
    """Folded name tokens (at least two letters) of the shared lexicon, minus particles and
    ordinary label words."""
    first, surnames = load_names()
    tokens = first | surnames
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
