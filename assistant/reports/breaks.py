"""Series breaks: years across which values of a region are not comparable.

Sources, each read the same way (a statement, the years it names, whom it concerns):

- the table's footnotes ("Sachsen: ab 2020/2021 werden …", "Ab 2012 mit Nichtschülerprüfungen",
  "Berlin (1995 bis 2000): bezogen auf den Gebietsstand …"): a statement naming a Land applies to
  that Land and its Kreise, one naming no Land to the whole table; a footnote block
  ``zu "…":`` applies only when its column shares a word with a column the indicator uses;
- the catalogue entry's caveats that name a change ("Ab 2024 neue Tabelle … -B", "Der Stichtag hat
  gewechselt (… bis 2002, … 2008 …)", Gebietsreform, Methode).

"ab 2012" and "(2016)" mark a break at that year; "bis 2000" and "(1995 bis 2000)" one at the year
after. A change from year a to year b is not comparable when a break year c has a < c <= b.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from assistant.catalogue.search import normalize

_SECTION = re.compile(r'^zu "+(.+?)"+:\s*$', re.MULTILINE | re.DOTALL)
_YEAR = r"(?:19|20)\d\d"
_AB = re.compile(rf"\bab\s+(?:dem\s+)?(?:Berichtsjahr\s+|Schuljahr\s+)?({_YEAR})(?:/(\d{{2,4}}))?", re.IGNORECASE)
_BIS = re.compile(rf"\bbis\s+(?:zum\s+)?(?:Berichtsjahr\s+|Schuljahr\s+)?({_YEAR})(?:/(\d{{2,4}}))?", re.IGNORECASE)
_RANGE = re.compile(rf"({_YEAR})\s*(?:bis|-|–)\s*({_YEAR})")
_IM_JAHR = re.compile(rf"\bim Jahr(?:e)?\s+({_YEAR})", re.IGNORECASE)
_PAREN = re.compile(rf"\(([^()]*{_YEAR}[^()]*)\)")
_CHANGE = re.compile(r"neue[nr]? Tabelle|gewechselt|brechen|bruch|Gebietsreform|Gebietsstand|"
                     r"Methode|methodisch|umgestellt|Umstellung|Abgrenzung|Definition|"
                     r"Rundungsverfahren|Doppelabitur|keine Ergebnisse|Datenqualität|"
                     r"nicht vollständig|kein vollständiger", re.IGNORECASE)


@dataclass(frozen=True)
class Break:
    year: int
    reason: str
    source: str

    def to_dict(self) -> dict:
        return {"year": self.year, "reason": self.reason, "source": self.source}


def _school_year(first: str, second: str | None) -> int:
    """'2018/19' is labelled with the year the school year ends (2019), '2012' stays 2012."""
    return int(first) + 1 if second else int(first)


def years_of(statement: str) -> list[int]:
    """Break years a statement names (see the module docstring)."""
    found: set[int] = set()
    for m in _AB.finditer(statement):
        found.add(_school_year(m.group(1), m.group(2)))
    for m in _BIS.finditer(statement):
        found.add(_school_year(m.group(1), m.group(2)) + 1)
    for m in _RANGE.finditer(statement):
        found.update({int(m.group(1)), int(m.group(2)) + 1})
    for m in _IM_JAHR.finditer(statement):
        found.update({int(m.group(1)), int(m.group(1)) + 1})
    for m in _PAREN.finditer(statement):
        inner = m.group(1)
        if re.search(r"\b(ab|bis|im Jahr)\b", inner, re.IGNORECASE) or _RANGE.search(inner):
            continue
        for year in re.findall(_YEAR, inner):  # one odd year: breaks before and after it
            found.update({int(year), int(year) + 1})
    return sorted(found)


def _statements(text: str) -> list[str]:
    """Footnote text -> statements: a new one starts at a line 'Name (…): …' or 'Ab …'."""
    lines = [line.strip() for line in text.splitlines()]
    out: list[str] = []
    for line in lines:
        if not line:
            continue
        starts = re.match(r"^([A-ZÄÖÜ][\w\-äöüß]*(?:[ ,\-]+[A-ZÄÖÜ][\w\-äöüß]*)*)\s*(\([^)]*\))?\s*:", line) \
            or re.match(r"^(Ab|Bis|Seit)\b", line)
        if starts or not out:
            out.append(line)
        else:
            out[-1] += " " + line
    return out


def footnote_breaks(footnotes: Iterable[str], lands: Mapping[str, str],
                    used_columns: Iterable[str]) -> list[tuple[str | None, Break]]:
    """(Land key or None for all, Break) for each dated statement of the footnotes."""
    labels = [set(normalize(label).split()) for label in used_columns]
    found: list[tuple[str | None, Break]] = []
    for block in footnotes:
        parts = _SECTION.split(block)
        # parts: [before, title1, body1, title2, body2, ...]
        sections = [("gesamte Tabelle", parts[0])] + list(zip(parts[1::2], parts[2::2]))
        generic = _generic_words([title for title, _ in sections[1:]])
        for title, body in sections:
            if not _concerns(title, labels, generic):
                continue
            for statement in _statements(body):
                years = years_of(statement)
                if not years:
                    continue
                head = statement.split(":", 1)[0] if ":" in statement else ""
                names = {n.strip() for n in re.sub(r"\([^)]*\)", "", head).split(",")}
                scope = [key for key, name in lands.items() if name in names]
                text = " ".join(statement.split())
                for year in years:
                    brk = Break(year, text, f"Fußnote der Tabelle zu „{' '.join(title.split())}“")
                    if scope:
                        found.extend((key, brk) for key in scope)
                    elif "Deutschland" in names:
                        found.append(("DG", brk))
                    else:
                        found.append((None, brk))
    return found


def _generic_words(titles: list[str]) -> set[str]:
    """Words in every footnote section title say nothing about the column."""
    sets = [set(normalize(re.sub(r"\([^)]*\)?", "", t)).split()) for t in titles]
    if len(sets) < 2:
        return set()
    words = {w for s in sets for w in s}
    return {w for w in words if all(w in s for s in sets)}


def _concerns(title: str, labels: list[set[str]], generic: set[str]) -> bool:
    """A section concerns the indicator when its distinguishing title words all occur in the
    labels of a column the indicator uses ("gesamte Tabelle" concerns every indicator)."""
    words = set(normalize(re.sub(r"\([^)]*\)?", "", title)).split()) - generic
    if "gesamte" in words or not words:
        return True
    return any(words <= label for label in labels)


def caveat_breaks(caveats: Iterable[str], indicator_id: str) -> list[Break]:
    found: list[Break] = []
    for caveat in caveats:
        if not _CHANGE.search(caveat):
            continue
        years = years_of(caveat) or []
        if not years:
            years = [y + (1 if re.search(rf"bis\s+{y}", caveat) else 0)
                     for y in map(int, re.findall(_YEAR, caveat))]
        found.extend(Break(y, caveat, f"Katalog {indicator_id}") for y in years)
    return found


def breaks_for(region: str, footnote_list: list[tuple[str | None, Break]],
               catalogue: list[Break]) -> list[Break]:
    """The breaks that concern ``region`` (a key: DG, Land, Kreis, …)."""
    land = "DG" if region == "DG" else region[:2]
    own = [b for scope, b in footnote_list if scope is None or scope == land]
    return sorted({*own, *catalogue}, key=lambda b: (b.year, b.reason))


def between(breaks: Iterable[Break], first: int, last: int) -> list[Break]:
    """Breaks that lie between two years (a < year <= b)."""
    low, high = min(first, last), max(first, last)
    return [b for b in breaks if low < b.year <= high]
