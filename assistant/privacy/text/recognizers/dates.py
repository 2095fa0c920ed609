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
from pathlib import Path

import regex

MONTHS = {"januar": 1, "jan": 1, "jänner": 1, "jaenner": 1, "februar": 2, "feb": 2, "febr": 2,
          "märz": 3, "mär": 3, "maerz": 3, "mrz": 3, "april": 4, "apr": 4, "mai": 5, "juni": 6,
          "jun": 6, "juli": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sep": 9,
          "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "dezember": 12,
          "dez": 12,
          # English, for "DOB: 3 May 2011" in forms of international families
          "january": 1, "february": 2, "march": 3, "mar": 3, "may": 5, "june": 6, "july": 7,
          "october": 10, "oct": 10, "december": 12, "dec": 12}
#: Month names of other languages (Turkish, Polish, Russian and Arabic transliterated, French,
#: Italian, Spanish), a data list: "Doğum Tarihi: 12 Mart 2014", "ur. 3 marca 2011".
FOREIGN_MONTHS = Path(__file__).resolve().parents[2] / "data" / "curated" / "month_names.tsv"


def _read_months(path: Path) -> dict[str, int]:
    rows = (line.split("\t") for line in path.read_text(encoding="utf-8").splitlines()
            if line.strip() and not line.startswith("#"))
    return {word.strip().lower(): int(month) for word, month in rows}


MONTHS.update({w: m for w, m in _read_months(FOREIGN_MONTHS).items() if w not in MONTHS})
#: German ordinal words for the day: "am dreizehnten Mai 2015", "ersten März 2012".
_UNITS = ("ein", "zwei", "drei", "vier", "fünf", "sechs", "sieben", "acht", "neun")
ORDINAL_DAYS: dict[str, int] = {
    "erst": 1, "zweit": 2, "dritt": 3, "viert": 4, "fünft": 5, "fuenft": 5, "sechst": 6, "siebt": 7,
    "siebent": 7, "acht": 8, "neunt": 9, "zehnt": 10, "elft": 11, "zwölft": 12, "zwoelft": 12,
    "dreizehnt": 13, "vierzehnt": 14, "fünfzehnt": 15, "fuenfzehnt": 15, "sechzehnt": 16,
    "siebzehnt": 17, "achtzehnt": 18, "neunzehnt": 19, "zwanzigst": 20, "dreißigst": 30,
    "dreissigst": 30, "einunddreißigst": 31, "einunddreissigst": 31,
    **{f"{unit}undzwanzigst": 21 + i for i, unit in enumerate(_UNITS)}}
_ORD_RE = "|".join(sorted(ORDINAL_DAYS, key=len, reverse=True))
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
#: "dreizehnten Mai 2015", "am ersten März 2012" (the "am" is not part of the date).
WORDED = rf"(?<!\w)(?:{_ORD_RE})(?:e[nrsm]?)\s(?:{_MONTH_RE})\b\.?,?\s{_YEAR4}(?!\d)"
ANY_DATE = f"(?:{NUMERIC}|{SLASHED}|{DASHED}|{ISO}|{LONG}|{MONTH_FIRST}|{WORDED})"
#: Forms that are dates only where a birth label, key or column says so (a bare "20160914" may be
#: a file number, "03 05 2021" part of a list of numbers): "20160914" (yyyymmdd), "14092016"
#: (ddmmyyyy), "03 05 2021".
COMPACT = (rf"(?<![\w.,/-])(?:{_YEAR4}(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])"
           rf"|(?:0[1-9]|[12]\d|3[01])(?:0[1-9]|1[0-2]){_YEAR4})(?![\w.,/-]?\d)")
BLANKED = rf"(?<![\w.,/-])(?<!\d[ ])(?:0?[1-9]|[12]\d|3[01])[ ](?:0?[1-9]|1[0-2])[ ]{_YEAR4}(?![ ]?\d)"
#: A scan's misread separators: "03,05.2011", "07 . 08 . 2015", "03.05 2011" (a comma for a dot, a
#: blank before a dot, a dot lost); the year has four digits.
_ANY_SEP = r"(?:[ ]?[.,][ ]?)"
_BAD_SEP = r"(?:[ ][.,][ ]?|,[ ]?)"
OCR_NUMERIC = (rf"(?<![\w.,/-])(?<!\d[ ])(?:{_DAY}{_BAD_SEP}{_MON}(?:{_ANY_SEP}|[ ])|{_DAY}{_ANY_SEP}{_MON}"
               rf"(?:{_BAD_SEP}|[ ])){_YEAR4}(?![\w]|[.,]?\d)")
CONTEXT_ONLY_DATE = f"(?:{COMPACT}|{BLANKED}|{OCR_NUMERIC})"

_NUM = re.compile(r"(\d{1,2})\s?[./,-]\s?(\d{1,2})(?:\s?[./,-]\s?|\s)(\d{2,4})")
_ISO = re.compile(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})")
_WORDY = re.compile(r"(\d{1,2})(?:\.|st|nd|rd|th)?\s?(?:of\s)?([^\W\d]+)\.?,?\s?(\d{2,4})", re.IGNORECASE)
_WORDY_FIRST = re.compile(r"([^\W\d]+)\.?\s(\d{1,2})(?:st|nd|rd|th)?,?\s(\d{4})", re.IGNORECASE)
_ORDINAL = re.compile(rf"({_ORD_RE})(?:e[nrsm]?)\s([^\W\d]+)\.?,?\s(\d{{4}})", re.IGNORECASE)
_BLANKED = re.compile(r"(\d{1,2}) (\d{1,2}) (\d{4})")
_COMPACT = re.compile(r"\d{8}")


def _compact(text: str) -> dt.date | None:
    """"20160914" (yyyymmdd) or "14092016" (ddmmyyyy); the one that is a calendar date."""
    for y, mo, d in ((text[:4], text[4:6], text[6:]), (text[4:], text[2:4], text[:2])):
        if y[:2] in ("19", "20"):
            try:
                return dt.date(int(y), int(mo), int(d))
            except ValueError:
                continue
    return None


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
        elif m := _ORDINAL.fullmatch(text):
            d, y = ORDINAL_DAYS[m.group(1).lower()], int(m.group(3))
            mo = MONTHS.get(m.group(2).lower(), 0)
        elif m := _BLANKED.fullmatch(text):
            d, mo, y = (int(g) for g in m.groups())
        elif _COMPACT.fullmatch(text):
            return _compact(text)
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
                         "born", "geburt", "geburtsdatum", "geburtstag", "geburtsdat", "geburtsdt",
                         # column headers of other languages: "Doğum tarihi", "Data urodzenia",
                         # "Date de naissance", "Data di nascita", "Fecha de nacimiento",
                         # "Geboortedatum", "Дата рождения", "Дата народження", "تاريخ الميلاد"
                         "doğum", "dogum", "urodzenia", "naissance", "nascita", "nacimiento",
                         "nascimento", "geboortedatum", "fødselsdato", "födelsedatum",
                         "syntymäaika", "születési", "nașterii", "nasterii", "narození", "narodenia",
                         "rođenja", "rodjenja", "lindjes", "datëlindja", "datelindja", "γέννησης",
                         "рождения", "народження", "الميلاد", "الولادة", "تولد"})
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
#: Finds any of ``_LONG_ROLES`` in a word: one search instead of a test per stem.
_LONG_ROLE = re.compile("|".join(re.escape(s) for s in _LONG_ROLES) or r"(?!)")


def is_role_key(key: str) -> bool:
    """Whether a key or header gives its date another role than a birth date. Stems of four letters
    or more may stand anywhere in a word ("Aufnahmedatum", "Hausbesuch", "anmeldung_am"); shorter
    ones ("ab", "am", "bis") must be the whole word ("betreuung_ab", but not "Abdullah")."""
    if is_birth_key(key):
        return False
    return any(w in _SHORT_ROLES or _LONG_ROLE.search(w) is not None for w in key_words(key))


# -- scanned letters ---------------------------------------------------------------------------------

#: OCR reads a zero as the letter O and a one as l or I: "geb. 14.O3.2012", "Tel. O40 123456",
#: "Hafenstraße 1O", "geb. l2.03.2014". Such a letter next to a digit and not inside a word (not
#: "CO2", "O2-Shop") is read as the digit.
_OCR_ZERO = re.compile(r"(?<![^\W\d_])[OlI](?=\d)|(?<=\d)[OlI](?![^\W\d_])")
_OCR_DIGIT = str.maketrans("OlI", "011")


#: A letter for a digit touches a digit: the cheap test before the exact one.
_OCR_HINT = re.compile(r"[OlI]\d|\d[OlI]")
#: The last text asked for and its reading: four recognizers ask for the same text in a row.
_last_ocr: list[str] = ["", ""]


def ocr_digits(text: str) -> str:
    """The text with OCR's letters for digits read as digits: same length, same offsets."""
    if text is _last_ocr[0]:
        return _last_ocr[1]
    read = text if _OCR_HINT.search(text) is None else _OCR_ZERO.sub(
        lambda m: m.group().translate(_OCR_DIGIT), text)
    _last_ocr[0], _last_ocr[1] = text, read
    return read
