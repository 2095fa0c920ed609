"""F7.1 Studierende nach Hochschulstandort – Referenzimplementierung (pandas).

Zählgröße: Summe über die Einheiten (z. B. Hochschulen) je Gruppe.
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    return df.groupby(["region", "jahr"], as_index=False)["studierende"].sum()
