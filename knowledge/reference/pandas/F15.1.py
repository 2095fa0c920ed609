"""F15.1 Bestandene Prüfungen an Hochschulen – Referenzimplementierung (pandas).

Zählgröße: Summe über die Einheiten (z. B. Hochschulen) je Gruppe.
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    return df.groupby(["region", "jahr", "pruefungsgruppe"], as_index=False)["pruefungen"].agg(lambda s: s.sum(skipna=False))
