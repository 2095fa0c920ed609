"""E14.1 Vertragslösungsquote (Schichtenmodell) – Referenzimplementierung (pandas).

Für das Berichtsjahr t werden die Teilquoten (Lösungen im Jahr t von Verträgen mit Beginn im Jahr
b) / (Neuabschlüsse im Jahr b) für b = t, t-1, t-2, t-3 addiert; ältere Beginnjahre fallen weg.
Keine Rundung; fehlen die Neuabschlüsse eines Beginnjahres -> NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    d = df[(df["beginnjahr"] <= df["jahr"]) & (df["beginnjahr"] >= df["jahr"] - 3)]
    keys = ["region", "jahr", "beginnjahr"]
    # Neuabschlüsse gelten je Beginnjahr einmal; mehrere Zeilen (z. B. Berufe) werden summiert.
    layers = d.groupby(keys, as_index=False)[["loesungen", "neuabschluesse"]].agg(lambda s: s.sum(skipna=False))
    den = layers["neuabschluesse"].where(layers["neuabschluesse"] != 0)
    layers["quote"] = layers["loesungen"] / den * 100
    # Vier Teilquoten; fehlt ein Beginnjahr ganz oder ist eine Teilquote NaN, ist die Summe NaN.
    out = layers.groupby(["region", "jahr"])["quote"].agg(
        lambda q: q.sum(skipna=False) if len(q) == 4 else float("nan"))
    return out.rename("vertragsloesungsquote").reset_index()
