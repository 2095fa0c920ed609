"""Dates in every notation a German office writes, and the words that give a date its role.

Notations: ``3.5.2011``, ``03.05.11``, ``03. 05. 2011``, ``3/5/2011``, ``03-05-2011``,
``2011-05-03``, ``2011/05/03``, ``3. Mai 2011``, ``03. Mär. 2011``, ``3.Mai 82``, ``3 May 2011``,
``May 3, 2011``, ``March 3rd 2011``. A weekday before the date ("Montag, 3. Mai 1982") is not part
of it.

Keys and column headers are split into words ("kind_geb", "GebDat", "birth-date", "Geb.-Dat.",
"k_gd") and tell a birth date (:func:`is_birth_key`) from a date with another role (:func:`is_role_key`:
"Datum", "Aufnahme", "betreuung_ab", "created_at").
"""

from __future__ import annotations

import datetime as dt
import re

import regex

MONTHS = {"januar": 1, "jan": 1, "jänner": 1, "jaenner": 1, "februar": 2, "feb": 2, "febr": 2,
          "märz": 3, "mär": 3, "maerz": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6,
          "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
          "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12,
          "dez": 12,
          # English, for "DOB: 3 May 2011" in forms of international families
          "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7,
          "october": 10, "oct": 10, "december": 12, "dec": 12}
_MONTH_RE = "|".join(sorted((re.escape(m) for m in MONTHS), key=len, reverse=True))
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_MON = r"(?:0?[1-9]|1[0-2])"
_YEAR4 = r"(?:19|20)\d{2}"
NUMERIC = rf"(?<!\d)(?<!\d\.)(?:0?[1-9]|[12]\d|3[01])\.\s?{_MON}\.\s?(?:19|20)?\d{{2}}(?![\d.]\d)"
SLASHED = rf"(?<![\d/])(?:{_DAY}/{_MON}/{_YEAR4}|(?:0[1-9]|[12]\d|3[01])/(?:0[1-9]|1[0-2])/\d{{2}})(?![\d/])"
DASHED = rf"(?<![\d-])(?:0?[1-9]|[12]\d|3[01])-{_MON}-{_YEAR4}(?![\d-])"
ISO = (rf"(?<![\d./-]){_YEAR4}(?:-{_MON}-|/{_MON}/|\.{_MON}\.)(?:0?[1-9]|[12]\d|3[01])"
       r"(?![\d./-]?\d)")
#: "3. Mai 2011", "03. Mär. 2011", "3.Mai 82", "3 May 2011", "3rd March 2011"; never "3. Mai 10 Uhr".
LONG = (rf"(?<![\d.])(?:0?[1-9]|[12]\d|3[01])(?:\.|st|nd|rd|th)?\s?(?:of\s)?(?:{_MONTH_RE})\b\.?,?\s?"
        rf"(?:{_YEAR4}|\d{{2}}(?!\s?(?:Uhr|h\b|:)))(?![\d.]\d)")
#: "May 3, 2011", "March 3rd 2011".
MONTH_FIRST = rf"(?<![\w])(?:{_MONTH_RE})\.?\s(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s{_YEAR4}(?!\d)"
ANY_DATE = f"(?:{NUMERIC}|{SLASHED}|{DASHED}|{ISO}|{LONG}|{MONTH_FIRST})"
DATE_RE = regex.compile(ANY_DATE, regex.IGNORECASE)

_NUM = re.compile(r"(\d{1,2})\s?[./-]\s?(\d{1,2})\s?[./-]\s?(\d{2,4})")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_WORDY = re.compile(r"(\d{1,2})(?:\.|st|nd|rd|th)?\s?(?:of\s)?([^\W\d]+)\.?,?\s?(\d{2,4})", re.IGNORECASE)
_WORDY_FIRST = re.compile(r"([^\W\d]+)\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})", re.IGNORECASE)


def parse_date(text: str) -> dt.date | None:
    """The calendar date a string in one of the notations above stands for (None if none)."""
    text = text.strip().rstrip(".")
    try:
        if m := _ISO.fullmatch(text):
            y, mo, d = (int(g) for g in m.groups())
        elif m := _NUM.fullmatch(text):
            d, mo, y = (int(g) for g in m.groups())
        elif m := _WORDY.fullmatch(text):
            d, y = int(m.group(1)), int(m.group(3))
            mo = MONTHS.get(m.group(2).lower(), 0)
        elif m := _WORDY_FIRST.fullmatch(text):
            d, y = int(m.group(2)), int(m.group(3))
            mo = MONTHS.get(m.group(1).lower(), 0)
        else:
            return None
        if y < 100:
            y += 2000 if y <= dt.date.today().year % 100 else 1900
        return dt.date(y, mo, d)
    except ValueError:
        return None


# -- keys and headers ------------------------------------------------------------------------------

_SPLIT = regex.compile(r"[^\p{L}\d]+|(?<=\p{Ll})(?=\p{Lu})")
#: Words of a key that make it a birth date's key ("geb", "gebdat", "k_gd", "DOB", "birth_date").
BIRTH_WORDS = frozenset({"geb", "gebdat", "gebdatum", "gebdt", "gebtag", "gebam", "geboren", "gd",
                         "gdat", "gebd", "dob", "birth", "birthdate", "birthday", "bday", "bdate",
                         "born", "geburt", "geburtsdatum", "geburtstag", "geburtsdat", "geburtsdt"})
#: The same after the words are joined ("geb" + "dat", "date" + "of" + "birth", "b" + "date").
_BIRTH_JOINED = ("gebdat", "gebdatum", "geburtsdat", "geburtstag", "dateofbirth", "birthdate",
                 "bdate", "bday", "gebtag")
#: Stems of keys and headers that give a date another role: a meeting, an entry, a deadline,
#: a record's own time stamp, a period ("betreuung_ab", "gueltig_bis").
ROLE_STEMS = (
    "datum", "date", "dat", "termin", "aufnahme", "eintritt", "austritt", "abgang", "zugang", "zuzug",
    "wegzug", "umzug", "einzug", "auszug", "einschul", "anmeld", "abmeld", "eingang", "eingeg",
    "stichtag", "frist", "sitzung", "stand", "erstellt", "created", "updated", "modified", "geänd",
    "geaend", "änder", "aender", "timestamp", "ts", "zeit", "time", "von", "bis", "ab", "seit",
    "start", "beginn", "ende", "end", "gültig", "gueltig", "valid", "vertrag", "antrag", "bescheid",
    "bewillig", "zahl", "bezahlt", "fällig", "faellig", "rückgabe", "rueckgabe", "gespr", "hpg",
    "besuch", "kontakt", "meld", "impf", "masern", "untersuch", "attest", "ausstell", "erteil",
    "entscheid", "beschluss", "konferenz", "prüf", "pruef", "test", "zeugnis", "ausflug", "fehl",
    "krank", "letzt", "last", "next", "nächst", "naechst", "unterschr", "sign", "versand", "versend",
    "sent", "receiv", "export", "import", "ausgabe", "kündig", "kuendig", "wechsel", "ankunft",
    "einreise", "arrival", "entry", "exit", "due", "deadline", "betreuung", "aufenth", "wunsch",
    "am", "tag", "day", "buch", "erfass", "erhoben", "abschluss", "schuljahr", "sj", "halbjahr",
    "quartal", "monat", "woche", "jahr", "zeitraum", "periode", "period", "kalender", "eintrag",
    "notiz", "vermerk", "verlauf", "protokoll", "bearbeit", "erledigt", "abgabe", "rückmeld",
    "rueckmeld", "einladung", "anwesen", "entschuldigt", "ausfall", "vertretung", "sprechtag",
    "eingewöhn", "eingewoehn", "storn", "mahn", "überweis", "ueberweis", "quittung", "beleg",
    "rechnung", "nachweis", "vorlage", "bescheinigung", "ablauf", "laufzeit", "verlänger",
    "verlaenger", "wv", "update", "visit", "meeting", "appointment", "issued", "expir")
_EXACT = 3


def key_words(key: str) -> list[str]:
    """The lower-cased words of a key or header: "kindGebDat" -> ["kind", "geb", "dat"]."""
    return [w.lower() for w in _SPLIT.split(key) if w]


def is_birth_key(key: str) -> bool:
    """Whether a key, column header or label names a birth date ("geb", "GebDat", "Geb.-Dat.",
    "kind_geb", "k_gd", "DOB", "date_of_birth", "b_date", "Geburtsdatum (TT.MM.JJJJ)")."""
    words = key_words(key)
    if any("jahrg" in w or w.startswith("geburtsjahr") for w in words):
        return False  # "Geburtsjahrgang", "Geburtsjahr": years and cohorts, no one's birth date
    if any(w in BIRTH_WORDS or w.startswith("geburt") for w in words):
        return True
    joined = "".join(words)
    return any(j in joined for j in _BIRTH_JOINED)


_SHORT_ROLES = frozenset(s for s in ROLE_STEMS if len(s) <= _EXACT)
_LONG_ROLES = tuple(s for s in ROLE_STEMS if len(s) > _EXACT)


def is_role_key(key: str) -> bool:
    """Whether a key or header gives its date another role than a birth date. Stems of four letters
    or more may stand anywhere in a word ("Aufnahmedatum", "Hausbesuch", "anmeldung_am"); shorter
    ones ("ab", "am", "bis") must be the whole word ("betreuung_ab", but not "Abdullah")."""
    if is_birth_key(key):
        return False
    return any(w in _SHORT_ROLES or any(stem in w for stem in _LONG_ROLES) for w in key_words(key))
