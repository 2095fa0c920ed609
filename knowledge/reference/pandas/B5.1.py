"""B5.1 Ausgaben je Schülerin und Schüler – Referenzimplementierung (pandas).

Personalausgaben + Sachaufwand + Investitionen, geteilt durch die (bereits über die beiden
Schuljahre des Haushaltsjahres gewichtete) Schülerzahl. Keine Rundung. Nenner 0 ergibt NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    d = df.assign(ausgaben_eur=df["personalausgaben_eur"] + df["sachaufwand_eur"]
                  + df["investitionsausgaben_eur"])
    keys = ["region", "jahr", "schulart"]
    out = d.groupby(keys, as_index=False)[["ausgaben_eur", "schueler_gewichtet"]].agg(lambda s: s.sum(skipna=False))
    den = out["schueler_gewichtet"].where(out["schueler_gewichtet"] != 0)
    out["ausgaben_je_schueler"] = out["ausgaben_eur"] / den
    return out[keys + ["ausgaben_eur", "ausgaben_je_schueler"]]
