"""D15.3 Studienberechtigtenquote – Referenzimplementierung (pandas).

Quotensumme: je Altersjahr Zähler / Bevölkerung, dann die Einzelquoten addieren.
Fehlt für ein Altersjahr die Bevölkerung (0), ist die Summe nicht bestimmbar (NaN).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    by_age = df.groupby(["region", "jahr", "alter"], as_index=False)[["studienberechtigte", "bevoelkerung"]].sum()
    den = by_age["bevoelkerung"].where(by_age["bevoelkerung"] != 0)  # Nenner 0 -> NaN
    by_age["quote"] = by_age["studienberechtigte"] / den * 100
    out = by_age.groupby(["region", "jahr"])["quote"].agg(lambda q: q.sum(skipna=False))  # NaN bleibt NaN
    return out.rename("studienberechtigtenquote").reset_index()
