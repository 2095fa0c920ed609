"""E7.2 Neuzugänge nach Sektoren der iABE – Referenzimplementierung (pandas).

Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "sektor"], as_index=False)["anfaenger"].sum()
    total = out.groupby(["region", "jahr"])["anfaenger"].transform("sum")
    out["anteil"] = out["anfaenger"] / total.where(total != 0) * 100
    return out
