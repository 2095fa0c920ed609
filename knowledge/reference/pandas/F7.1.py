"""F7.1 Studierende nach Hochschulstandort – Referenzimplementierung (pandas).

Zählgröße: Summe über die Einheiten (z. B. Hochschulen) je Gruppe.
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    return df.groupby(["region", "jahr"], as_index=False)["studierende"].agg(lambda s: s.sum(skipna=False))
