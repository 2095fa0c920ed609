"""B8.1 Bildungsstand der Bevölkerung – Referenzimplementierung (pandas).

Anteil jeder Kategorie an der Summe aller Kategorien derselben Gruppe (ergibt 100 %).
Keine Rundung: Prozentwerte werden erst bei der Ausgabe gerundet. Nenner 0 ergibt NaN.
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    out = df.groupby(["region", "jahr", "altersgruppe", "abschluss"], as_index=False)["personen"].sum()
    total = out.groupby(["region", "jahr", "altersgruppe"])["personen"].transform("sum")
    out["anteil"] = out["personen"] / total.where(total != 0) * 100
    return out
