"""F7.2 Studienanfängerquote – Referenzimplementierung (pandas).

Quotensumme: je Altersjahr Zähler / Bevölkerung, dann die Einzelquoten addieren.
Fehlt für ein Altersjahr die Bevölkerung (0), ist die Summe nicht bestimmbar (NaN).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    by_age = df.groupby(["region", "jahr", "alter"], as_index=False)[["studienanfaenger", "bevoelkerung"]].agg(lambda s: s.sum(skipna=False))
    den = by_age["bevoelkerung"].where(by_age["bevoelkerung"] != 0)  # Nenner 0 -> NaN
    by_age["quote"] = by_age["studienanfaenger"] / den * 100
    out = by_age.groupby(["region", "jahr"], as_index=False).agg(
        quote=("quote", lambda q: q.sum(skipna=False)),
        n=("alter", "size"), lo=("alter", "min"), hi=("alter", "max"))
    # Fehlt innerhalb der gelieferten Altersspanne ein Altersjahr, fehlt ein Summand: NaN.
    out["studienanfaengerquote"] = out["quote"].where(out["hi"] - out["lo"] + 1 == out["n"])
    return out[["region", "jahr", "studienanfaengerquote"]]
