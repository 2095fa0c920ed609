"""D12.1 Übergangsquoten Grundschule – weiterführende Schulen – Referenzimplementierung (pandas).

Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "schulart_ziel"], as_index=False)["uebergaenge"].agg(lambda s: s.sum(skipna=False))
    total = out.groupby(["region", "jahr"])["uebergaenge"].transform(lambda s: s.sum(skipna=False))
    out["uebergangsquote"] = out["uebergaenge"] / total.where(total != 0) * 100
    return out
