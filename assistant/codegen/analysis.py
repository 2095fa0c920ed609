"""Reference computations of the analysis templates, written independently of the templates.

The templates compute with pandas group-bys; these functions add up plain Python numbers in
dictionaries, so a shared mistake is unlikely. Each takes Lotse's own reading of the file (the
contract frame: ``region``, ``jahr`` and the slot columns) and the template's parameters and
returns the template's output contract. Missing values follow the templates' rule: a group
whose inputs are all missing is missing; otherwise missing cells count as absent.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

NAN = float("nan")


def _sums(df: pd.DataFrame, columns: list[str], by: tuple[str, ...] = ("region", "jahr")) -> dict[tuple, list[float]]:
    """Per group the sum of each column; NaN when every value of the group is missing."""
    sums: dict[tuple, list[float]] = {}
    seen: dict[tuple, list[bool]] = {}
    for rec in df.to_dict("records"):
        key = tuple(str(rec[b]) if b == "region" else rec[b] for b in by)
        acc = sums.setdefault(key, [0.0] * len(columns))
        has = seen.setdefault(key, [False] * len(columns))
        for n, col in enumerate(columns):
            value = rec[col]
            if value is not None and not (isinstance(value, float) and math.isnan(value)):
                acc[n] += float(value)
                has[n] = True
    return {k: [v if seen[k][n] else NAN for n, v in enumerate(vals)] for k, vals in sums.items()}


def _ratio(a: float, b: float, factor: float) -> float:
    if math.isnan(a) or math.isnan(b) or b == 0:
        return NAN
    return a / b * factor


def _value(sums: list[float], with_denominator: bool, factor: float) -> float:
    return _ratio(sums[0], sums[1], factor) if with_denominator else sums[0]


def _frame(rows: list[dict[str, Any]], columns: list[str]) -> pd.DataFrame:
    import pandas as pd

    return pd.DataFrame(rows, columns=columns)


def _keep(region: str, regions: list[str]) -> bool:
    return not regions or region in regions


def anteil_gruppe(df: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    rows = []
    for (region, year), (num, den) in _sums(df, ["zaehler", "nenner"]).items():
        if _keep(region, p["regionen"]):
            rows.append({"region": region, "jahr": year, "zaehler": num, "nenner": den,
                         "anteil": _ratio(num, den, p["faktor"])})
    return _frame(rows, ["region", "jahr", "zaehler", "nenner", "anteil"])


def anteil_gepoolt(df: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    per_year: dict[int, list[tuple[float, float]]] = defaultdict(list)
    for (region, year), (num, den) in _sums(df, ["zaehler", "nenner"]).items():
        if region in p["regionen"] and not math.isnan(num) and not math.isnan(den):
            per_year[year].append((num, den))
    rows = []
    for year, pairs in per_year.items():
        num = sum(a for a, _ in pairs)
        den = sum(b for _, b in pairs)
        shares = [_ratio(a, b, p["faktor"]) for a, b in pairs]
        shares = [s for s in shares if not math.isnan(s)]
        rows.append({"jahr": year, "regionen": len(pairs), "zaehler": num, "nenner": den,
                     "anteil_gepoolt": _ratio(num, den, p["faktor"]),
                     "mittelwert_der_anteile": sum(shares) / len(shares) if shares else NAN})
    return _frame(rows, ["jahr", "regionen", "zaehler", "nenner", "anteil_gepoolt",
                         "mittelwert_der_anteile"])


def _values(df: pd.DataFrame, p: dict[str, Any]) -> dict[tuple, float]:
    with_den = p.get("mit_nenner") == "ja"
    cols = ["zaehler", "nenner"] if with_den else ["zaehler"]
    return {k: _value(v, with_den, p["faktor"]) for k, v in _sums(df, cols).items()}


def rangfolge(df: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    by_year: dict[int, list[tuple[str, float]]] = defaultdict(list)
    for (region, year), value in _values(df, p).items():
        if region in p["regionen"] and not math.isnan(value):
            by_year[year].append((region, value))
    descending = p["absteigend"] == "ja"
    rows: list[dict[str, Any]] = []
    for year, items in by_year.items():
        for region, value in items:
            better = sum(1 for _, other in items if (other > value if descending else other < value))
            rows.append({"region": region, "jahr": year, "wert": value, "rang": better + 1})
    if p.get("anzahl"):
        rows = [r for r in rows if int(r["rang"]) <= int(p["anzahl"])]
    return _frame(rows, ["region", "jahr", "wert", "rang"])


def differenz(df: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    rows = []
    for (region, year), (a, b) in _sums(df, ["spalte_a", "spalte_b"]).items():
        if _keep(region, p["regionen"]):
            rows.append({"region": region, "jahr": year, "spalte_a": a, "spalte_b": b,
                         "differenz": a - b})
    return _frame(rows, ["region", "jahr", "spalte_a", "spalte_b", "differenz"])


def veraenderung(df: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    values = _values(df, p)
    regions = dict.fromkeys(region for region, _ in values)
    rows = []
    for region in regions:
        if not _keep(region, p["regionen"]):
            continue
        start = values.get((region, p["jahr_von"]), NAN)
        end = values.get((region, p["jahr_bis"]), NAN)
        change = end - start
        rows.append({"region": region, "wert_von": start, "wert_bis": end, "veraenderung": change,
                     "veraenderung_prozent": _ratio(change, start, 100.0)})
    return _frame(rows, ["region", "wert_von", "wert_bis", "veraenderung", "veraenderung_prozent"])


def vergleich_land_bund(df: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    values = _values(df, p)
    rows = []
    for (region, year), value in values.items():
        if region not in p["regionen"]:
            continue
        land = values.get((region[:2], year), NAN) if len(region) > 2 else NAN
        bund = values.get(("DG", year), NAN) if region != "DG" else NAN
        rows.append({"region": region, "jahr": year, "wert": value, "wert_land": land,
                     "wert_bund": bund, "abstand_land": value - land, "abstand_bund": value - bund})
    return _frame(rows, ["region", "jahr", "wert", "wert_land", "wert_bund", "abstand_land",
                         "abstand_bund"])


def gruppenvergleich(df: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    with_den = p.get("mit_nenner") == "ja"
    cols = ["zaehler_a", "nenner_a", "zaehler_b", "nenner_b"] if with_den else ["zaehler_a", "zaehler_b"]
    rows = []
    for (region, year), sums in _sums(df, cols).items():
        if not _keep(region, p["regionen"]):
            continue
        if with_den:
            a, b = _ratio(sums[0], sums[1], p["faktor"]), _ratio(sums[2], sums[3], p["faktor"])
        else:
            a, b = sums
        rows.append({"region": region, "jahr": year, "wert_a": a, "wert_b": b, "abstand": a - b})
    return _frame(rows, ["region", "jahr", "wert_a", "wert_b", "abstand"])


def quote_altersjahre(df: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    totals: dict[tuple, float] = {}
    for (region, year, _age), (num, den) in _sums(df, ["zaehler", "nenner"],
                                                  ("region", "jahr", "alter")).items():
        totals[(region, year)] = totals.get((region, year), 0.0) + _ratio(num, den, p["faktor"])
    rows = [{"region": r, "jahr": y, "quotensumme": q} for (r, y), q in totals.items()
            if _keep(r, p["regionen"])]
    return _frame(rows, ["region", "jahr", "quotensumme"])


def summe_gruppe(df: pd.DataFrame, p: dict[str, Any]) -> pd.DataFrame:
    rows = [{"region": r, "jahr": y, "wert": v} for (r, y), (v,) in _sums(df, ["zaehler"]).items()
            if _keep(r, p["regionen"])]
    return _frame(rows, ["region", "jahr", "wert"])


REFERENCES: dict[str, Callable[[pd.DataFrame, dict[str, Any]], pd.DataFrame]] = {
    "anteil_gruppe": anteil_gruppe,
    "summe_gruppe": summe_gruppe,
    "anteil_gepoolt": anteil_gepoolt,
    "rangfolge": rangfolge,
    "differenz": differenz,
    "veraenderung": veraenderung,
    "vergleich_land_bund": vergleich_land_bund,
    "quote_altersjahre": quote_altersjahre,
    "gruppenvergleich": gruppenvergleich,
}
