"""Whether a short piece of text has the shape of a person name, for the context rules.

The context rules (signatures, notes, key-value pairs, substitutions) know from their context that
a name may follow; this module decides whether the words there can be one. A name here is one to
:data:`MAX_PARTS` parts, each an initial ("J.", "Th.", "Chr.", "Anne-K."), a particle ("von",
"de") or a word that no list calls an ordinary noun, a common word, a place or an institution.
"""

from __future__ import annotations

import re

from assistant.privacy.names import NameLexicon, fold
from assistant.privacy.text.recognizers.person_tokens import (
    INSTITUTION_WORDS, PARTICLES, Kind, classify)
from assistant.privacy.text.words import NOUN_ENDINGS as _ENDINGS, load_nouns, ordinary_noun

MAX_PARTS = 5
#: "J.", "Th.", "Chr.", "Hans-J.", "Anne-K.", "H.-J.": an initial or an abbreviated first name.
INITIAL = r"(?:[A-ZÄÖÜ]\.-[A-ZÄÖÜ]\.|[A-ZÄÖÜ][a-zäöü]{0,2}\.|[A-ZÄÖÜ][a-zäöüß]+-[A-ZÄÖÜ]\.)"
#: One word of a name: letters, inner hyphens and apostrophes ("Al-Khatib", "O'Brien").
WORD = r"[^\W\d_]+(?:['’\-][^\W\d_]+)*"
#: A name of one to five parts separated by single blanks (group "name").
NAME = rf"(?P<name>(?:{INITIAL}|{WORD})(?:[ ](?:{INITIAL}|{WORD})){{0,{MAX_PARTS - 1}}})"
_INITIAL_RE = re.compile(INITIAL)
_LOWER_INITIAL_RE = re.compile(r"[a-zäöü]\.")
NOUN_ENDINGS = "(?:" + "|".join(_ENDINGS) + r"|erin|erinnen)$"
#: Heads of compounds that name an office or a group, not a person ("Schulverwaltungsamt").
ORG_HEADS = ("amt", "ämter", "team", "büro", "dienst", "dienste", "stelle", "referat", "bereich",
             "sekretariat", "rat", "gruppe", "kollegium", "zentrum", "verband", "kreis", "ausschuss",
             "kasse", "verein", "haus", "heim", "platz", "straße", "strasse", "weg")
#: Particles that may open a surname written alone ("van der Linden", "de Jong", "von Bredow"),
#: lower case only; German articles and prepositions ("der", "zu", "da") never open a name.
LEADING_PARTICLES = frozenset(PARTICLES - {"der", "den", "zu", "vom", "da", "du", "la", "le", "bin"})
NAME_KINDS = (Kind.FIRST, Kind.WEAK_FIRST, Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN)
#: Verb prefixes: a lower-case word with one of them after "fr." is a verb ("der Bus fr. ausfällt").
_VERB_PREFIX = re.compile(r"(?:aus|an|ab|auf|ein|mit|vor|zu|nach|weg|zurück|be|ge|ver|er|ent|zer|"
                          r"über|um|durch|los|her|hin|dazu|vorbei|wieder)\w*(?:t|en|st|te|ten)|\w+ier(?:t|en|te)")


def word_kind(word: str, lexicon: NameLexicon) -> Kind:
    """The person recognizer's class of ``word`` as if written capitalised mid-sentence."""
    if word[:1].isupper():
        cap = word
    else:  # "lehmann-boateng" as "Lehmann-Boateng", when a part is a listed name and none a noun
        parts = [p[:1].upper() + p[1:] for p in word.split("-")]
        if len(parts) > 1 and not (
                any(fold(p) in lexicon.surnames or fold(p) in lexicon.first_names for p in parts)
                and not any(ordinary_noun(p) and fold(p) not in lexicon.surnames for p in parts)):
            return Kind.OTHER  # "sozial-pädagogin", "eltern-kind"
        cap = "-".join(parts)
    return classify(cap, 0, cap, lexicon, sentence_start=False).kind


def known_name(word: str, lexicon: NameLexicon) -> bool:
    """In a name list, or a name entry in Wiktionary ("Quandt")."""
    key = fold(word)
    if key in lexicon.first_names or key in lexicon.surnames:
        return True
    cap = word[:1].upper() + word[1:].lower()
    return "P" in load_nouns().get(cap, "") and "N" not in load_nouns().get(cap, "")


def name_word(word: str, lexicon: NameLexicon, *, lower_ok: bool = False,
              compounds_ok: bool = False) -> bool:
    """A word that can be part of a name: not an ordinary noun, common word, place or institution.

    ``compounds_ok``: a word that is a noun only as a compound ("Zwiebelhaupt", "Ahlbrecht") counts
    too; after a form of address many surnames read so.
    """
    if not lower_ok and not word[:1].isupper():
        return False
    if fold(word) in lexicon.never_names or word.lower().rstrip(".") in INSTITUTION_WORDS:
        return False
    if word[:1].islower() and lexicon.is_common(word):
        return False
    kind = word_kind(word, lexicon)
    if kind is Kind.NOUN and compounds_ok:
        cap = word[:1].upper() + word[1:]
        return (cap not in load_nouns() and not re.search(NOUN_ENDINGS, word.lower())
                and not word.lower().endswith(ORG_HEADS))
    return kind in NAME_KINDS


def name_parts(name: str) -> list[str]:
    return name.split(" ")


def looks_like_name(name: str, lexicon: NameLexicon, *, lower_ok: bool = False,
                    single_needs_list: bool = True, compounds_ok: bool = False) -> bool:
    """Whether ``name`` (parts separated by single blanks) has the shape of a person name.

    At least one part is a word (not only initials); a lone word must be in a name list when
    ``single_needs_list``; initials stand before the last word, except a trailing initial after a
    first name ("Mika R.", "tarek b.").
    """
    parts = name_parts(name)
    if not parts or len(parts) > MAX_PARTS:
        return False
    words = []
    for k, part in enumerate(parts):
        if _INITIAL_RE.fullmatch(part) or (lower_ok and _LOWER_INITIAL_RE.fullmatch(part)):
            if k == len(parts) - 1 and not (k > 0 and known_name(parts[k - 1], lexicon)):
                return False
            continue
        if part.lower() in PARTICLES and 0 < k < len(parts) - 1:
            continue
        if k == 0 and len(parts) > 1 and part in LEADING_PARTICLES:
            continue  # "van der Linden", "de Jong", "al Masri": the surname follows
        if not name_word(part, lexicon, lower_ok=lower_ok, compounds_ok=compounds_ok):
            return False
        words.append(part)
    if not words:
        return False
    if len(parts) == 1 and single_needs_list:
        return known_name(words[0], lexicon)
    return True


def verb_like(word: str) -> bool:
    """A lower-case word that reads as a verb form ("ausfällt", "angerufen")."""
    return word[:1].islower() and _VERB_PREFIX.fullmatch(word) is not None


#: What puts a place, not a person, right after it: a birth or home place ("geboren am 05.10.1987
#: in", "geboren am 3. Juni 1990 in", "wohnhaft in", "zog nach", "stammt aus", the place after the
#: date under a label of both: "Geburtsdatum/-ort: 01.02.1990 / "), a postal code opening the place ("…, 67000"), the
#: word for a town before its name ("Stadt Bergisch Gladbach").
_PLACE_CONTEXT = re.compile(
    r"(?:\b(?:geboren|geb\.)(?:[ ]am[ ](?:[\d./-]{6,10}|\d{1,2}\.[ ]?[A-ZÄÖÜ][a-zä]+\.?[ ]\d{4}))?|\bwohnhaft|\b(?:lebt|lebten?|wohnt|wohnten?|stammt|"
    r"stammen|zog|zogen|kommt|kam|kamen|umgezogen|geflüchtet|geflohen)(?:[ ][a-zäöüß]+){0,2})"
    r"[ ](?:in|aus|nach|von)[ ]\Z|(?:^|,[ ]|\n)\d{5}[ ]\Z|(?i:ort)[ \t]*:[ \t]*[\d./-]{6,10}[ \t]*/[ \t]*\Z|(?<![\w-])(?:Stadt|Gemeinde|Landkreis|Kreis|Markt)[ ]\Z")
#: "von … nach": the first of two places of a move ("zog von Strasbourg nach Köln").
_FROM_TO = re.compile(r"\bvon[ ]\Z")
_TO_AFTER = re.compile(r"[ ]nach[ ][A-ZÄÖÜ]")


def place_before(text: str, start: int, end: int) -> bool:
    """The words before ``text[start:end]`` make it a place: "geboren in Hải Phòng", "67000
    Strasbourg", "von Timișoara nach Köln"."""
    before = text[max(0, start - 48):start]
    return bool(_PLACE_CONTEXT.search(before)) or (
        bool(_FROM_TO.search(before)) and _TO_AFTER.match(text, end) is not None)
