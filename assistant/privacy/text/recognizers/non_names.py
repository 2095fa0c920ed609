"""What makes a capitalised word no person whatever the name lists say: both person recognizers.

* A role noun in gender-fair writing: "Mentor*innen", "Lehrer:innen", "Erzieher_in" (the word
  before the mark is a role, even where a list has it as a name: "Mentor").
* One item of a list of ordinary nouns: "Bäcker, Koch, Maler, Zimmermann, Friseur" is a list of
  trades, "Hirte, Wirt, König, Engel, Müller" a cast; a surname among them is the noun.
* A place after a place label, alone or in a list: "Einzugsbereich: Buer, Erle, Resse",
  "in den Stadtteilen Ückendorf und Bismarck", "Sozialraum Nord (Hamborn, Marxloh, Walsum)"; a cell under a place header ("Stadtteil | …").
* A hyphenated compound whose last part is an ordinary noun and whose first part no name list
  has: "Robotik-Camp", "Lese-Club" (not "Müller-Lüdenscheidt", "Schmidt-Koch").
* The first part of a word broken at a hyphen (a line end, a copied PDF) whose two parts joined
  are an ordinary noun: "Beschei-\nnigung", "Anmel- dung" (not "Kowal-\nczyk").
* A label of a number written as one word: "IdNr", "SchuelerNr", "KundenID", "SchülerId".
* A town right after a postcode, ending its line or entry: "00-950 Warszawa", "9000 Gent".
* An English adjective of origin after a determiner: "an Italian company", "my Romanian account".
* A language cut off before its period, as in a column of languages or subjects: "Engl.",
  "Ital./Span.", "Griech." (no given name: not "Franz.", "Finn.").
* A lower-case English word among English words ("from our side", "she can stay", "call us."),
  a position in a quoted file ("File \"/srv/app.py\", line 12"), and an interjection before a
  comma or at a clause's end ("Okay, dann …", "geht nicht, sorry.").
* A surname that names a firm: after "Fa." or "Firma" ("Fa. Brandl & Sohn"), before a legal form
  ("Schulcatering Wolf GmbH", "Kanzlei Amberg & Partner").
"""

from __future__ import annotations

import bisect
import functools
import re

from assistant.privacy.names import NameLexicon, fold, load_names
from assistant.privacy.text.recognizers.cells import column_header
from assistant.privacy.text.recognizers.person_tokens import ROLES
from assistant.privacy.text.words import (
    english_words, load_english, load_nouns, number_label, ordinary_noun)

#: Right after a role noun: a gender star, colon, underscore or slash and the feminine ending.
_GENDER_AFTER = re.compile(r"(?:[*:_/][ ]?in(?:nen)?|Innen|In)\b")
#: Labels of places in a town: districts, quarters, catchment areas ("Stadtteile", "Sozialraum").
_PLACE_WORDS = (r"Stadtteil|Ortsteil|Stadtbezirk|Bezirk|Sozialraum|Sozialräume|Einzugsbereich|Einzugsgebiet|"
                r"Quartier|Wohngebiet|Ortschaft|Stadtviertel|Viertel|Gemarkung|Bezirksstelle|Bezirksamt|"
                r"Bezirksvertretung|Ortslage|Siedlung")
_PLACE_LABEL = re.compile(rf"(?<![\w-])(?:{_PLACE_WORDS})(?:e|en|es|s|n)?(?![\w-])", re.IGNORECASE)
#: A cheap look for the labels' stems before the full pattern.
_PLACE_HINT = re.compile(r"teil|bezirk|sozialr|einzug|quartier|gebiet|ortschaft|viertel|gemarkung|ortslage|siedlung")
#: What may stand between a place label and a place of its list: capitalised words, "und",
#: commas, a colon, brackets, dashes ("Sozialraum Nord (Hamborn, ").
_PLACE_LIST = re.compile(r"(?:[ ]*[:,()/&–-][ ]*|[ ]+(?:und|sowie|oder|bzw\.)[ ]+|[ ]+|"
                         r"[A-ZÄÖÜ][\w'’-]*(?![\w'’-]))*\Z")
#: Column headers of places: a cell under one is a place ("Stadtteil | Kinder U6", "Ort;Träger").
_PLACE_HEADER = re.compile(rf"(?:{_PLACE_WORDS}|Ort|Wohnort|Schulort|Standort|Stadt|Gemeinde)"
                           r"(?:e|en|es|s|n)?[ .:]*", re.IGNORECASE)
_CAPITALISED = re.compile(r"[A-ZÄÖÜ][\w'’-]*")
_SEPARATORS = re.compile(r"[ ]*(?:[,;]|[ ](?:und|oder|sowie)[ ])[ ]*")
_MIN_NOUN_ITEMS = 2
_CELL_DELIMITERS = (";", "\t", "|")


def gender_form(text: str, end: int) -> bool:
    """A gender mark and feminine ending follow right after ``end`` ("Mentor*innen")."""
    return _GENDER_AFTER.match(text, end) is not None


def after_place_label(text: str, start: int) -> bool:
    """``text[start:]`` stands in the list after a place label on its line."""
    line_start = text.rfind("\n", 0, start) + 1
    before = text[max(line_start, start - 120):start]
    labels = list(_PLACE_LABEL.finditer(before)) if _PLACE_HINT.search(before.lower()) else []
    if (labels and _PLACE_LIST.match(before, labels[-1].end()) is not None
            and not any(_person_noun(w) for w in _CAPITALISED.findall(before, labels[-1].end()))):
        return True  # not after a role: "Stadtteil Buer, Ansprechpartnerin Meyer"
    if not any(d in text[line_start:start] for d in _CELL_DELIMITERS):
        return False
    header = column_header(text, start)
    return header is not None and _PLACE_HEADER.fullmatch(header.strip()) is not None


#: Endings of nouns for persons and their roles ("Bezirkssozialarbeiterin", "Leitung", "Fachkraft").
_PERSON_ENDINGS = ("in", "innen", "leitung", "kraft", "kräfte", "person", "ter", "ner", "ger")


def _person_noun(word: str) -> bool:
    low = word.lower()
    return low in ROLES or (low.endswith(_PERSON_ENDINGS) and ordinary_noun(word))


def _plain_noun(word: str) -> bool:
    tags = load_nouns().get(word, "")
    return "N" in tags and "P" not in tags and "T" not in tags


def noun_list_item(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is one item of a comma list on its line whose other items are mostly
    single plain nouns (two at least)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    if text.count(",", line_start, line_end) + text.count(";", line_start, line_end) < _MIN_NOUN_ITEMS - 1:
        return False  # three items need a comma at least ("A, B und C")
    head = text.rfind(":", line_start, start)
    line = text[head + 1 if head >= 0 else line_start:line_end]
    items = [i.strip(" .()") for i in _SEPARATORS.split(line)]
    if text[start:end] not in items or len(items) < _MIN_NOUN_ITEMS + 1:
        return False
    others = [i for i in items if i and i != text[start:end]]
    nouns = sum(1 for i in others if " " not in i and _plain_noun(i))
    return nouns >= _MIN_NOUN_ITEMS and nouns * 2 >= len(others)


def noun_compound_with_hyphen(word: str, lexicon: NameLexicon) -> bool:
    """"Robotik-Camp": the last part an ordinary noun, the first no listed name."""
    if "-" not in word:
        return False
    first = word.split("-", 1)[0]
    return (ordinary_noun(word) and fold(first) not in lexicon.first_names
            and fold(first) not in lexicon.surnames)


#: After a word's first part: the hyphen (or a scan's "¬"), blanks or a line break, then the
#: rest in lower case ("Beschei-\nnigung", "Anmel- dung"); not a suspended compound ("Ein- und").
_BROKEN_REST = re.compile(r"[-¬][ \t]*\r?\n?[ \t]*(?!(?:und|oder|sowie|bis|bzw)\b)([a-zäöüß]+)")


def broken_word(text: str, end: int) -> bool:
    """``text[:end]`` ends in the first part of a word broken at a hyphen whose parts joined are an
    ordinary noun ("Beschei-\nnigung"), not a name broken at the line end ("Kowal-\nczyk")."""
    rest = _BROKEN_REST.match(text, end)
    if rest is None:
        return False
    start = end
    while start > 0 and text[start - 1].isalpha():
        start -= 1
    return ordinary_noun(text[start:end] + rest.group(1))


#: Interjections of chats and minutes, in German and English.
_INTERJECTION = re.compile(r"okay|ok|sorry|sorri|hallo|hi|hey|danke|genau|super|prima|naja|tja|achso|stimmt|"
                           r"thanks|cheers|yes|yeah|nope", re.IGNORECASE)
#: After an interjection: a comma, or the end of its clause.
_INTERJECTION_AFTER = re.compile(r"[ ]?(?:[,!?.…]|$)", re.MULTILINE)


def interjection(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is an interjection before a comma or its clause's end ("Okay, …", ", sorry.")."""
    return _INTERJECTION.fullmatch(text, start, end) is not None and _INTERJECTION_AFTER.match(text, end) is not None


#: A word of two letters at least, or the English "a" and "I" ("Thanks a lot").
_ALPHA = re.compile(r"[^\W\d_]{2,}|\b[aI]\b")
_CLAUSE_END = re.compile(r"[.!?:;|\n]")
#: Words read on each side of a lower-case word, inside its clause, and how many there must be.
_SIDE_WORDS = 3
_MIN_CONTEXT = 2


def english_lower_word(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a lower-case English word and every word around it in its clause
    (three on each side, two at least) is English too: "from our side, we will", not a German
    note's "jonte + mats streit um roller" ("Mats" a name, "jonte" no English word)."""
    word = text[start:end]
    english = load_english()
    if not word.islower() or word not in english:
        return False
    ends = [m.end() for m in _CLAUSE_END.finditer(text, max(0, start - 80), start)]
    clause_start = ends[-1] if ends else max(0, start - 80)
    after = _CLAUSE_END.search(text, end, end + 80)
    words = (_ALPHA.findall(text, clause_start, start)[-_SIDE_WORDS:]
             + _ALPHA.findall(text, end, after.start() if after else end + 80)[:_SIDE_WORDS])
    return len(words) >= _MIN_CONTEXT and all(w.lower() in english for w in words)


#: A quoted file name and a comma before a position in it: 'File "/srv/app.py", line 12'.
_QUOTED_FILE_BEFORE = re.compile(r"[\w/\\.-]+\.\w{1,5}[\"'],[ ]\Z")
_NUMBER_AFTER = re.compile(r"[ ]\d+\b")


def position_in_file(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a lower-case English word before a number after a quoted file name and
    a comma, as a traceback or a parser's message writes them ('File "/srv/app.py", line 12', "'liste.csv', row 4")."""
    word = text[start:end]
    return (word.islower() and word in load_english() and _NUMBER_AFTER.match(text, end) is not None
            and _QUOTED_FILE_BEFORE.search(text, max(0, start - 80), start) is not None)


#: "Fa." or "Firma" before a firm's name, which may join two surnames ("Fa. Brandl & Koch").
_FIRM_BEFORE = re.compile(r"(?<![\w-])(?:Fa\.|Firma)[ ](?:[A-ZÄÖÜ][\w-]*[ ](?:&|und)[ ])?\Z")
#: A legal form after a firm's name, perhaps after a second name or a trade ("Wolf GmbH", "Krüger &
#: Söhne KG", "Petersen Gebäudeservice GmbH", "Amberg & Partner").
_FIRM_AFTER = re.compile(r"(?:[ ](?:&|und)[ ][A-ZÄÖÜ][\w-]*|[ ][A-ZÄÖÜ][\w-]*){0,2}[ ]"
                         r"(?:g?GmbH|AG|KG|OHG|GbR|UG|mbH|e\.[ ]?K\.|e\.[ ]?V\.)"
                         r"(?![\w-])|[ ]&[ ](?:Partner|Söhne|Sohn|Co\.?)(?![\w-])")
_FIRM_REACH = 32


def firm_name(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is (part of) a firm's name: after "Fa."/"Firma" or before a legal form
    ("Fa. Brandl & Koch Sanitär", "Schulcatering Wolf GmbH", "Kanzlei Amberg & Partner")."""
    return (_FIRM_BEFORE.search(text, max(0, start - _FIRM_REACH), start) is not None
            or _FIRM_AFTER.match(text, end) is not None)


#: A house number ending the line or entry before, then a postcode (German, Austrian, Swiss,
#: Belgian, Dutch, Polish, Romanian) and the town; not a list of numbers and names ("2014 Weber").
_POSTCODE_BEFORE = re.compile(r"\d[a-zA-Z]?(?:[ \t]*\n[ \t]*|,[ ]?)(?:[A-Z]{1,2}-)?(?:\d{4,6}|\d{2}-\d{3})[ ]+\Z")
_TOWN_END = re.compile(r"[ \t]*(?:$|[,;(\n])", re.MULTILINE)
_POSTCODE_REACH = 24


def town_after_postcode(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is the town after a street's house number and a postcode, the town ending
    its line or entry ("Nowak\nul. Długa 5\n00-950 Warszawa", "Marktplein 1, 9000 Gent")."""
    return (_POSTCODE_BEFORE.search(text, max(0, start - _POSTCODE_REACH), start) is not None
            and _TOWN_END.match(text, end) is not None)


#: An English determiner, a capitalised adjective of origin, a lower-case English word: "an Italian
#: company", "my Romanian account", "the Turkish embassy" (not "Julian said": no determiner).
_DETERMINER_BEFORE = re.compile(r"\b(?:a|an|the|my|our|your|his|her|their|this|that)[ ]\Z")
_ORIGIN = re.compile(r"[A-Z][a-z]+(?:ian|ish|ese|ean|an|ic)")
_LOWER_AFTER = re.compile(r"[ ]([a-z]+)\b")


def english_origin_adjective(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is an English adjective of origin between a determiner and an English word."""
    after = _LOWER_AFTER.match(text, end)
    return (_ORIGIN.fullmatch(text, start, end) is not None and after is not None
            and after.group(1) in load_english()
            and _DETERMINER_BEFORE.search(text, max(0, start - 6), start) is not None)


#: The shortest cut-off language ("Dt." is too short to tell).
_MIN_LANGUAGE_CUT = 3


@functools.lru_cache(maxsize=1)
def load_languages() -> list[str]:
    """Nouns ending in "isch" (languages: "Englisch", "Rumänisch"), sorted."""
    return sorted(w for w in load_nouns() if w.endswith("isch"))


def language_abbreviation(text: str, start: int, end: int) -> bool:
    """``text[start:end]`` is a language cut off before its period ("Engl." for "Englisch", "Ital./Span.",
    "Dän."): a noun ending in "isch" starts so, and neither a dictionary entry nor the given names
    call the word a name ("Finn." ends a sentence)."""
    word = text[start:end]
    if not text.startswith(".", end) or len(word) < _MIN_LANGUAGE_CUT or not word.isalpha() \
            or "P" in load_nouns().get(word, "") or fold(word) in load_names()[0]:
        return False
    keys = load_languages()
    i = bisect.bisect_right(keys, word)
    return i < len(keys) and keys[i].startswith(word)


def no_name_by_form(text: str, start: int, end: int, common: frozenset[str]) -> bool:
    """``text[start:end]`` is a number's label, the first part of a broken ordinary noun, an
    interjection, a town after a postcode, a firm's name, a position in a file or a lower-case English word among English ones (``common``: the lexicon's
    lower-case German words)."""
    word = text[start:end]
    return (number_label(word) or broken_word(text, end) or interjection(text, start, end)
            or town_after_postcode(text, start, end) or english_origin_adjective(text, start, end)
            or language_abbreviation(text, start, end) or position_in_file(text, start, end)
            or firm_name(text, start, end)
            or (english_lower_word(text, start, end) and english_words(text, start, end, common)))
