"""E12.1 Angebots-Nachfrage-Relation (ANR) – Referenzimplementierung (pandas).

Angebot = neue Verträge + unbesetzte Stellen; Nachfrage = neue Verträge + unversorgte Bewerber;
erweiterte Nachfrage zusätzlich + Bewerber mit Alternative. Je 100 Nachfragende, keine Rundung.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["neue_vertraege", "unbesetzte_stellen", "unversorgte_bewerber",
            "bewerber_mit_alternative"]
    out = df.groupby(["region", "jahr"], as_index=False)[cols].agg(lambda s: s.sum(skipna=False))
    out["angebot"] = out["neue_vertraege"] + out["unbesetzte_stellen"]
    out["nachfrage"] = out["neue_vertraege"] + out["unversorgte_bewerber"]
    erweitert = out["nachfrage"] + out["bewerber_mit_alternative"]
    out["anr"] = out["angebot"] / out["nachfrage"].where(out["nachfrage"] != 0) * 100
    out["anr_erweitert"] = out["angebot"] / erweitert.where(erweitert != 0) * 100
    return out[["region", "jahr", "angebot", "nachfrage", "anr", "anr_erweitert"]]
