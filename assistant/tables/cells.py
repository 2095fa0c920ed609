"""One cell at a time: numbers, special symbols, time labels and region keys.

Special symbols (Zeichenerklärung of the Statistische Ämter, DIN 55301 style) become:

==========  ==========================================  ===============
symbol      meaning                                     ``value``
==========  ==========================================  ===============
``-``       nothing there (exactly zero)                0.0
``-`` all   every cell of a region is ``-``: the area   NaN
            did not exist then (e.g. 03152 Göttingen
            alt); decided per time and region
``.``       unknown or secret (Geheimhaltung)           NaN
``x``       cell locked, statement not meaningful       NaN
``/``       not reliable enough                         NaN
``...``     available later (also ``…``)                NaN
``(12)``    limited reliability                         12.0, ``()``
``12p``     provisional (also ``r`` revised,            12.0, ``p``
            ``s`` estimated)
other text  a symbol named in the footer, or unknown    NaN, the text
==========  ==========================================  ===============

The symbol stays in the ``symbol`` column of the tidy frame, so nothing is lost.
"""

from __future__ import annotations

import functools
import math
import re

#: Symbols that stand for a missing value, with their meaning (German, for messages).
MISSING: dict[str, str] = {
    ".": "Zahlenwert unbekannt oder geheim zu halten",
    "x": "Tabellenfach gesperrt, Aussage nicht sinnvoll",
    "/": "keine Angabe, Zahlenwert nicht sicher genug",
    "...": "Angabe fällt später an",
}
#: Symbols that keep (or are) a number.
FLAGS: dict[str, str] = {
    "-": "nichts vorhanden (genau null)",
    "()": "Aussagewert eingeschränkt",
    "p": "vorläufige Zahl",
    "r": "berichtigte Zahl",
    "s": "geschätzte Zahl",
}
_ALIASES = {"…": "...", "–": "-", "—": "-", "X": "x"}
_NUMBER = re.compile(r"^(\()?\s*([-+]?\d[\d.,]*)\s*(\))?\s*([prs])?$")
_THOUSANDS_DOT = re.compile(r"^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$")
_THOUSANDS_COMMA = re.compile(r"^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$")

#: Time labels: a year, a school year, a date, a semester or a month/quarter with its year.
_YEAR = re.compile(r"^(1[89]\d{2}|20\d{2}|21\d{2})$")
_SCHOOL_YEAR = re.compile(r"^(?:Schuljahr\s+)?((?:19|20)\d{2})\s*/\s*(\d{2}|\d{4})$")
_DATE = re.compile(r"^(\d{1,2})\.(\d{1,2})\.((?:19|20)\d{2})$")
_ISO_DATE = re.compile(r"^((?:19|20)\d{2})-(\d{2})-(\d{2})$")
_SEMESTER = re.compile(r"^(WS|SS|WiSe|SoSe|Wintersemester|Sommersemester)\s*((?:19|20)\d{2})"
                       r"(?:\s*/\s*(\d{2}|\d{4}))?$", re.IGNORECASE)
_PERIOD = re.compile(r"^(?:[A-Za-zÄÖÜäöü. ]+\s)?((?:19|20)\d{2})(?:\s*(?:Q[1-4]|\d\.\s*Quartal))?$")

KEY = re.compile(r"^(DG|\d{2,12})$")
LEVELS = {2: "Land", 3: "Regierungsbezirk", 5: "Kreis", 8: "Gemeinde", 9: "Gemeindeverband",
          12: "Gemeinde"}


def canonical_symbol(text: str) -> str:
    return _ALIASES.get(text, text)


def parse_value(cell: str, region_is_empty: bool = False, decimal: str = ",") -> tuple[float, str]:
    """One cell -> ``(value, symbol)``; ``symbol`` is ``""`` for a plain number.

    ``region_is_empty``: every cell of this region (and time) is ``-``, so ``-`` means the area did
    not exist and becomes NaN. ``decimal`` is the file's decimal separator (``","`` for German
    exports); a thousands separator of the other kind is removed (``1.234,5`` -> 1234.5).
    """
    text = canonical_symbol(cell.strip())
    if text == "-":
        return (math.nan if region_is_empty else 0.0), "-"
    if text == "" or text in MISSING:
        return math.nan, text
    match = _NUMBER.match(text)
    if not match or bool(match.group(1)) != bool(match.group(3)):
        return math.nan, text.lower() if text.lower() in MISSING else text
    number = match.group(2)
    if decimal == ",":
        number = number.replace(".", "") if _THOUSANDS_DOT.match(number) else number
        number = number.replace(",", ".")
    else:
        number = number.replace(",", "") if _THOUSANDS_COMMA.match(number) else number
    try:
        value = float(number)
    except ValueError:
        return math.nan, text
    return value, "()" if match.group(1) else (match.group(4) or "")


def is_value_cell(cell: str) -> bool:
    """A number or a special symbol, as found in the body of a statistical table."""
    text = canonical_symbol(cell.strip())
    if _DATE.match(text):
        return False
    return text in MISSING or text in ("-", "x", "X") or bool(_NUMBER.match(text))


def guess_decimal(cells: list[str], default: str = ",") -> str:
    """The decimal separator used in ``cells``: ``","`` or ``"."``."""
    comma = point = 0
    for cell in cells:
        if "," not in cell and "." not in cell:
            continue
        text = cell.strip().strip("()")
        if "," in text and re.fullmatch(r"[-+]?\d+,\d+", text):
            comma += 1
        elif "." in text and re.fullmatch(r"[-+]?\d+\.\d+", text) and not _THOUSANDS_DOT.match(text):
            point += 1
        elif _THOUSANDS_DOT.match(text) and "," in text:
            comma += 1
        elif _THOUSANDS_COMMA.match(text) and "." in text:
            point += 1
    if comma == point:
        return default
    return "," if comma > point else "."


@functools.lru_cache(maxsize=4096)
def time_label(cell: str) -> tuple[str, int] | None:
    """``(kind, year)`` for a time label, else None.

    ``kind`` is ``year``, ``school_year`` (``2023/24``, year = first year), ``date``
    (``31.12.2002``), ``semester`` (``WS 2023/24``, year = first year) or ``period``
    (``Jahresdurchschnitt 2023``).
    """
    text = " ".join(cell.split())
    if match := _YEAR.match(text):
        return "year", int(match.group(1))
    if match := _SCHOOL_YEAR.match(text):
        return "school_year", int(match.group(1))
    if match := _DATE.match(text):
        return "date", int(match.group(3))
    if match := _ISO_DATE.match(text):
        return "date", int(match.group(1))
    if match := _SEMESTER.match(text):
        return "semester", int(match.group(2))
    if match := _PERIOD.match(text):
        return "period", int(match.group(1))
    return None


def region_level(key: str | None) -> str:
    """Bund, Land, Regierungsbezirk, Kreis, Gemeinde(verband) from the key's length; else ""."""
    if not key:
        return ""
    if key == "DG":
        return "Bund"
    return LEVELS.get(len(key), "") if key.isdigit() else ""


def is_region_key(cell: str) -> bool:
    return bool(KEY.match(cell.strip()))
