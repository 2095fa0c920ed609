"""Numbers the German way (``8,5 %``, ``1.059``, ``+1,2 Prozentpunkte``) and back.

Every number Lotse writes into a report goes through :func:`fmt`; the grounding check reads the
text with :func:`find_numbers` and learns from each match how many decimals were shown.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass


def fmt(value: float, decimals: int = 0) -> str:
    """``1059`` -> ``1.059``; ``8.4986, 1`` -> ``8,5``; ``-0.04, 1`` -> ``0,0`` (no minus zero)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "–"
    rounded = round(float(value), decimals)
    if rounded == 0:
        rounded = 0.0
    text = f"{abs(rounded):,.{decimals}f}".replace(",", "\x00").replace(".", ",").replace("\x00", ".")
    return f"-{text}" if rounded < 0 else text


def fmt_percent(value: float, decimals: int = 1) -> str:
    return f"{fmt(value, decimals)} %"


def fmt_value(value: float, unit: str, decimals: int) -> str:
    """A value with its unit as a reader expects it (``8,5 %``, ``1.059``, ``80,0 je 100``)."""
    if unit == "%":
        return fmt_percent(value, decimals)
    return fmt(value, decimals)


#: A run of digits with dots and commas inside; read German first (``1.059``, ``8,5``).
TOKEN = re.compile(r"(?<![\w.,])([+\-−]?)(\d[\d.,]*\d|\d)(?![\w]|[.,]\d)")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")
_DATE = re.compile(r"^\d{1,2}\.\d{1,2}(?:\.\d{2,4})?$")


@dataclass(frozen=True)
class FoundNumber:
    text: str
    value: float
    decimals: int
    start: int
    end: int
    #: "number" or "date" (``31.12.2002``, ``1.3.``: checked as text, not as a value)
    kind: str = "number"


def find_numbers(text: str) -> list[FoundNumber]:
    """Every number in ``text`` with the precision it was written in.

    ``Abgänger 2023: 1.059 (8,5 %)`` gives 2023, 1059 and 8.5 (one decimal). ``12.5`` (English
    decimal point) is read as 12.5, ``31.12.2002`` as a date. A sign is part of the number;
    ``14511`` (a key) is a number too, callers mask what they know is not data.
    """
    found = []
    for match in TOKEN.finditer(text):
        sign, body = match.groups()
        follows_dot = text[match.end():match.end() + 1] == "."
        if _DATE.match(body) and (body.count(".") == 2 or follows_dot):
            found.append(FoundNumber(body + ("." if follows_dot and body.count(".") == 1 else ""),
                                     math.nan, 0, match.start(2), match.end(), "date"))
            continue
        if _THOUSANDS.match(body):
            whole, _, frac = body.partition(",")
            number = whole.replace(".", "") + ("." + frac if frac else "")
        elif body.count(",") == 1 and "." not in body:
            whole, _, frac = body.partition(",")
            number = whole + "." + frac
        elif body.count(".") == 1 and "," not in body:
            whole, _, frac = body.partition(".")
            number = body
        else:
            parts = re.split(r"[.,]", body)
            found.extend(FoundNumber(p, float(p), 0, match.start(), match.end()) for p in parts if p)
            continue
        value = float(number)
        if sign in ("-", "−"):
            value = -value
        found.append(FoundNumber(match.group(0), value, len(frac) if frac else 0,
                                 match.start(), match.end()))
    return found


def matches(shown: float, decimals: int, candidate: float) -> bool:
    """True when ``candidate`` rounds to ``shown`` at the precision shown (also ignoring sign)."""
    if candidate is None or math.isnan(candidate):
        return False
    tolerance = 0.5 * 10 ** (-decimals) + 1e-9
    return abs(abs(shown) - abs(candidate)) <= tolerance
