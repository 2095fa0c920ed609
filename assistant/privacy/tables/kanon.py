"""k-anonymity report for microdata: which quasi-identifier combinations single people out.

Nothing is changed here; the report names the columns, how many rows sit in groups smaller than
``k`` and suggests how to coarsen. Only minimal combinations are listed (a superset of a listed
combination is at least as risky), plus the combination of all quasi-identifiers.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

import numpy as np
import pandas as pd

MAX_SUBSET = 3
MAX_FINDINGS = 12

SUGGESTIONS = {
    "BIRTH_YEAR": "Geburtsjahre zu Gruppen zusammenfassen (z. B. 3-Jahres-Gruppen)",
    "AGE": "Alter in Altersgruppen zusammenfassen",
    "DATE": "Datum auf Monat oder Jahr vergröbern",
    "CLASS": "Klasse auf die Jahrgangsstufe vergröbern (5a -> 5)",
    "GRADE": "Jahrgangsstufen zu Stufen zusammenfassen (z. B. Sek I / Sek II)",
    "SCHOOL": "Schulen/Einrichtungen zu Schulformen oder Sozialräumen zusammenfassen",
    "NATIONALITY": "Staatsangehörigkeit/Herkunft zu Gruppen zusammenfassen (z. B. deutsch / EU / "
                   "Nicht-EU)",
    "POSTCODE": "Postleitzahl auf die ersten drei Stellen kürzen oder Stadtteile verwenden",
    "PLACE": "Wohnorte zu größeren Gebieten zusammenfassen",
    "SPECIAL_NEEDS": "Förderschwerpunkte zu 'mit / ohne Förderbedarf' zusammenfassen",
    "GENDER": "seltene Ausprägungen (z. B. divers) mit anderen zusammenfassen oder weglassen",
    "LANGUAGE": "Sprachen zu Gruppen zusammenfassen (z. B. deutsch / nicht deutsch)",
    "RELIGION": "Religionszugehörigkeit weglassen oder grob zusammenfassen",
    "SOCIAL_BENEFITS": "Leistungsbezug nur als ja/nein führen",
}


@dataclass
class KAnonFinding:
    columns: list[str]
    k: int
    rows_at_risk: int
    groups_below_k: int
    smallest_group: int
    suggestion: str
    all_quasi: bool = False

    def to_dict(self) -> dict:
        return {"columns": self.columns, "k": self.k, "rows_at_risk": self.rows_at_risk,
                "groups_below_k": self.groups_below_k, "smallest_group": self.smallest_group,
                "suggestion": self.suggestion, "all_quasi_identifiers": self.all_quasi}

    def message(self) -> str:
        cols = ", ".join(f"'{c}'" for c in self.columns)
        return (f"Kombination {cols}: {self.rows_at_risk} Zeilen liegen in {self.groups_below_k} "
                f"Gruppen mit weniger als {self.k} Personen (kleinste Gruppe: "
                f"{self.smallest_group}). Vorschlag: {self.suggestion}.")


def _codes(frame: pd.DataFrame, columns: list[str]) -> dict[str, tuple[np.ndarray, int]]:
    out = {}
    for col in columns:
        codes, uniques = pd.factorize(frame[col].astype(object).where(frame[col].notna(), "\x00"))
        out[col] = (codes.astype(np.int64), max(len(uniques), 1))
    return out


def _group_sizes(codes: dict[str, tuple[np.ndarray, int]], combo: tuple[str, ...]) -> np.ndarray:
    """Size of each row's group under ``combo`` (per row)."""
    key = np.zeros(len(next(iter(codes.values()))[0]), dtype=np.int64)
    span = 1
    for col in combo:
        arr, card = codes[col]
        if span > (2**62) // card:  # would overflow: renumber the groups found so far
            _, key = np.unique(key, return_inverse=True)
            key = key.astype(np.int64)
            span = int(key.max()) + 1
        key = key * card + arr
        span *= card
    _, inverse, counts = np.unique(key, return_inverse=True, return_counts=True)
    return counts[inverse]


def k_anonymity(frame: pd.DataFrame, quasi: dict[str, str], k: int) -> list[KAnonFinding]:
    """Report combinations of ``quasi`` (column -> kind) whose groups are smaller than ``k``."""
    columns = [c for c in quasi if c in frame.columns]
    if not columns or frame.empty:
        return []
    codes = _codes(frame, columns)
    findings: list[KAnonFinding] = []
    minimal: list[frozenset[str]] = []

    def check(combo: tuple[str, ...], all_quasi: bool = False) -> None:
        sizes = _group_sizes(codes, combo)
        risky = sizes < k
        if not risky.any():
            return
        small = sizes[risky]
        groups = int(np.sum(1.0 / small).round())
        coarsen = max(combo, key=lambda c: codes[c][1])
        suggestion = SUGGESTIONS.get(quasi[coarsen], "Ausprägungen zusammenfassen")
        findings.append(KAnonFinding(list(combo), k, int(risky.sum()), groups, int(small.min()),
                                     f"'{coarsen}': {suggestion}", all_quasi))
        minimal.append(frozenset(combo))

    for size in range(1, min(MAX_SUBSET, len(columns)) + 1):
        for combo in combinations(columns, size):
            if not any(m <= set(combo) for m in minimal):
                check(combo)
    full = next((f for f in findings if set(f.columns) == set(columns)), None)
    if full is not None:
        full.all_quasi = True
    elif len(columns) > 1:
        check(tuple(columns), all_quasi=True)  # always report all quasi-identifiers together
    findings.sort(key=lambda f: (not f.all_quasi, len(f.columns), -f.rows_at_risk))
    return findings[:MAX_FINDINGS]
