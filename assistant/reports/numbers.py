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


#: A German number: thousands with dots, decimals with a comma; an optional sign.
NUMBER = re.compile(r"(?<![\w,.])([+\-−]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?(?![\w]|,\d|\.\d)")


@dataclass(frozen=True)
class FoundNumber:
    text: str
    value: float
    decimals: int
    start: int
    end: int


def find_numbers(text: str) -> list[FoundNumber]:
    """Every number in ``text`` with the precision it was written in.

    ``Abgänger 2023: 1.059 (8,5 %)`` gives 2023, 1059 and 8.5 (one decimal). A sign is part of
    the number; ``14511`` (a key) is a number too, callers mask what they know is not data.
    """
    found = []
    for match in NUMBER.finditer(text):
        sign, whole, frac = match.groups()
        value = float(whole.replace(".", "") + ("." + frac if frac else ""))
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
