"""Regions a free task names, resolved against the table's own region names and keys.

- Keys written in the task (``01001``, ``DG``) and names ("Leipzig", "Landkreis Göttingen",
  "Halle (Saale)", "Sachsen-Anhalt"), the longest name first, so "Sachsen" is not found inside
  "Sachsen-Anhalt"; a Land the table has no row for is known by its key (01..16).
- A name the table prints twice (an old and a new key, one line empty): the key with data, the
  latest year first. A bare city name that is also a Landkreis: the kreisfreie Stadt, unless the
  task says "Landkreis"/"Kreis". Each such choice is written down as an assumption.
- "Bund", "Deutschland", "bundesweit" = ``DG``; "Landeswert" = the Land of the named regions.
- Level words ("Kreise", "kreisfreie Städte", "Landkreise", "Bundesländer", "Regierungsbezirke",
  "Gemeinden") select the keys of one level; a Land named beside a lower level word filters it
  ("Kreise in Sachsen").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.catalogue.search import normalize
from assistant.codegen.source import DataFile

LAENDER = {"01": "Schleswig-Holstein", "02": "Hamburg", "03": "Niedersachsen", "04": "Bremen",
           "05": "Nordrhein-Westfalen", "06": "Hessen", "07": "Rheinland-Pfalz", "08": "Baden-Württemberg",
           "09": "Bayern", "10": "Saarland", "11": "Berlin", "12": "Brandenburg",
           "13": "Mecklenburg-Vorpommern", "14": "Sachsen", "15": "Sachsen-Anhalt", "16": "Thüringen"}
#: Short forms and adjectives of Länder ("sächsische Städte" -> Sachsen).
LAND_ALIASES = {"nrw": "05", "bawue": "08", "mv": "13", "meck pomm": "13", "rlp": "07",
                "saechsisch": "14", "bayerisch": "09", "niedersaechsisch": "03", "hessisch": "06",
                "thueringisch": "16", "brandenburgisch": "12", "saarlaendisch": "10",
                "schleswig holsteinisch": "01", "berliner": "11", "hamburger": "02", "bremer": "04"}
_BUND = re.compile(r"\b(?:bund|bundes(?:weit|ebene|gebiet|wert|durchschnitt|schnitt|mittel|ergebnis)\w*|"
                   r"deutschland\w*|gesamtdeutsch\w*)\b")
_LAND_REF = re.compile(r"\blandes(?:wert|durchschnitt|schnitt|mittel|ergebnis|ebene)\w*|"
                       r"\b(?:ihr|sein|dem|zum|mit dem|des) (?:jeweiligen )?(?:bundes)?land(?:es)?\b|"
                       r"\bgegenueber (?:dem )?land\b")
_LAND_LEVEL = re.compile(r"\b(?:bundes)?laender[ns]?\b|\bbundeslaendern?\b|welche[srm]? (?:bundes)?land\b")
_BEZIRK_LEVEL = re.compile(r"regierungsbezirk\w*|statistische\w* regionen")
_GEMEINDE_LEVEL = re.compile(r"\bgemeinden\b|\bkommunen\b")
_KF_LEVEL = re.compile(r"kreisfreie\w* staedte|\bstaedte\b|grossstaedte|welche[rs]? (?:gross|kreisfreie )?stadt\b")
_LK_LEVEL = re.compile(r"\blandkreise[n]?\b")
_KREIS_LEVEL = re.compile(r"(?<!land)\bkreise[n]?\b|\bkreisebene\b|\bkreisen\b")
_STADT = re.compile(r"\bstadt\b|\bstaedte\b|kreisfrei|grossstadt|grossstaedte|\bstadtgebiet")
_BEZIRK = re.compile(r"regierungsbezirk|\bbezirk\b|statistische\w* region|\bregbez")
_LANDKREIS = re.compile(r"\b(?:land)?kreis(?:es)?\b|\blk\b")


def level_of(key: str) -> str:
    if key == "DG":
        return "bund"
    if not key.isdigit():
        return "andere"
    return {2: "land", 3: "bezirk", 5: "kreis"}.get(len(key), "gemeinde" if len(key) > 5 else "andere")


@dataclass
class Regions:
    named: list[str] = field(default_factory=list)  # in task order, any level
    upper: list[str] = field(default_factory=list)  # Länder/Bezirke named as a filter or region
    level: str | None = None
    bund: bool = False
    land_ref: bool = False
    notes: list[str] = field(default_factory=list)


def _kind(name: str, key: str = "") -> str:
    if level_of(key) in ("land", "bezirk", "bund"):
        return level_of(key)
    low = name.lower()
    if "kreisfreie stadt" in low or "stadtkreis" in low:
        return "stadt"
    if "landkreis" in low or low.rstrip().endswith(", kreis") or "kreis" in low.split(",")[0].lower():
        return "landkreis"
    return "andere"


def _filled(data: DataFile) -> dict[str, int]:
    """Key -> latest year with any value (0: no value at all), from Lotse's own reading."""
    from assistant.codegen.source import read_frame

    columns = {f"c{n}": c for n, c in enumerate(data.columns)}
    frame = read_frame(data, columns, data.path)
    has = frame[list(columns)].notna().any(axis=1)
    latest: dict[str, int] = {}
    for region, year, ok in zip(frame["region"], frame["jahr"], has):
        latest[str(region)] = max(latest.get(str(region), 0), int(year) if ok else 0)
    return latest


def _name_index(data: DataFile) -> dict[str, list[str]]:
    """Normalised short name ("halle saale") -> keys; Länder the table lacks by their names."""
    index: dict[str, list[str]] = {}
    for key, name in data.names.items():
        base = name.split(",")[0]
        # "Halle (Saale)", "Frankfurt am Main": the bare name finds them too.
        alias = re.split(r"\s*\(|\s+(?:am|an der|in der|ob der|a\.|i\.)\s", base)[0]
        for short in dict.fromkeys([normalize(base), normalize(alias)]):
            if len(short) >= 3 and key not in index.get(short, []):
                index.setdefault(short, []).append(key)
    have = set(data.regions)
    for key, name in LAENDER.items():
        index.setdefault(normalize(name), [] if key not in have else [key])
    return index


def resolve(data: DataFile, text: str) -> Regions:
    """The regions the task names (see module doc)."""
    norm = f" {normalize(text)} "
    found = Regions()
    have = set(data.regions)
    for key in re.findall(r"(?<![\d.])(\d{5}|\d{8,12}|\d{2,3})(?![\d.])", text):
        if key in have and not re.fullmatch(r"19\d\d|20\d\d", key):
            (found.upper if len(key) <= 3 else found.named).append(key)
    if data.layout != "genesis" and not data.names:
        for key in data.regions:  # a plain table: region names are its keys
            if len(key) >= 3 and f" {normalize(key)} " in norm:
                found.named.append(key)
    index = _name_index(data)
    cache: dict[str, dict[str, int]] = {}

    def filled() -> dict[str, int]:
        if "f" not in cache:
            cache["f"] = _filled(data)
        return cache["f"]

    rest = norm
    hits: list[tuple[int, str, list[str]]] = []
    for short in sorted(index, key=len, reverse=True):
        for match in re.finditer(rf"(?<= ){re.escape(short)}(?=s? )", rest):  # "Niedersachsens"
            hits.append((match.start(), short, index[short]))
            rest = rest[:match.start()] + "#" * len(short) + rest[match.end():]
    for alias, key in LAND_ALIASES.items():
        if re.search(rf" {alias}\w* ", rest) and key in have:
            hits.append((rest.find(alias), alias, [key]))
    for pos, short, keys in sorted(hits):
        if not keys:
            found.notes.append(f"'{short}' hat in der Tabelle keine eigene Zeile.")
            continue
        window = norm[max(0, pos - 25): pos + len(short) + 30]
        chosen, note = _choose(data, short, keys, window, norm, filled)
        if note:
            found.notes.append(note)
        if chosen and chosen not in found.named + found.upper:
            (found.upper if level_of(chosen) in ("land", "bezirk") else found.named).append(chosen)
    found.level = _level(norm)
    found.bund = bool(_BUND.search(norm)) and "DG" in have
    if found.bund and "DG" not in found.named:
        found.named.append("DG")
    found.land_ref = bool(_LAND_REF.search(norm))
    return found


def _level(norm: str) -> str | None:
    for pattern, level in ((_LAND_LEVEL, "land"), (_BEZIRK_LEVEL, "bezirk"), (_GEMEINDE_LEVEL, "gemeinde")):
        if pattern.search(norm):
            return level
    kf, lk, kreise = (bool(p.search(norm)) for p in (_KF_LEVEL, _LK_LEVEL, _KREIS_LEVEL))
    if kreise or (kf and lk):
        return "kreis"
    return "kreisfrei" if kf else "landkreis" if lk else None


def _choose(data: DataFile, short: str, keys: list[str], window: str, norm: str, filled) -> tuple[str | None, str]:
    if len(keys) == 1:
        return keys[0], ""
    kinds = {k: _kind(data.names.get(k, ""), k) for k in keys}
    wants = ("bezirk" if _BEZIRK.search(window) else "landkreis" if _LANDKREIS.search(window)
             else "stadt" if _STADT.search(window) else None)
    if wants is None and _STADT.search(norm) and not _LANDKREIS.search(norm):
        wants = "stadt"
    note = ""
    pool = [k for k in keys if kinds[k] == wants] if wants else []
    lands = [k for k in keys if level_of(k) == "land"]
    if not pool and lands:
        return lands[0], ""  # "Bremen", "Berlin": the Land unless the task says Stadt
    if not pool:
        stadt = [k for k in keys if kinds[k] == "stadt"]
        if stadt and len({kinds[k] for k in keys}) > 1:
            pool = stadt
            others = sorted({data.names.get(k, k) for k in keys if kinds[k] != "stadt"})
            note = f"'{short}' verstanden als kreisfreie Stadt (nicht: {'; '.join(others)})."
        else:
            pool = list(keys)
    if len(pool) > 1:
        latest = filled()
        best = max(pool, key=lambda k: (latest.get(k, 0), k))
        others = [k for k in pool if k != best]
        empty = [k for k in others if latest.get(k, 0) == 0]
        what = "ohne Werte" if len(empty) == len(others) else "mit älteren Werten"
        note = (note + " " if note else "") + (
            f"'{short}' steht mehrfach in der Tabelle; genommen wird {best} ({data.names.get(best, best)}), "
            f"die gleichnamige Zeile {', '.join(others)} ist {what} (alter Schlüssel).")
        return best, note
    return pool[0], note


def in_upper(data: DataFile, upper: list[str], level: str | None) -> list[str]:
    """Keys of ``level`` (default: Kreise) inside the named Länder/Bezirke."""
    return [r for r in of_level(data, level or "kreis") if any(r.startswith(u) for u in upper)]


def of_level(data: DataFile, level: str) -> list[str]:
    """All keys of a level; "kreisfrei"/"landkreis" narrow the Kreise by their printed names."""
    if level in ("kreisfrei", "landkreis"):
        want = "stadt" if level == "kreisfrei" else "landkreis"
        return [r for r in data.regions if level_of(r) == "kreis" and _kind(data.names.get(r, ""), r) == want]
    keys = [r for r in data.regions if level_of(r) == level]
    if level == "gemeinde" and not keys:
        return []
    return keys
