"""D7.3 Förderquote – Referenzimplementierung (pandas).

Eingabe wie D7.3 bis D7.6 (Schüler Primar- und Sek. I, Förderbedarf an Regel- und Förderschulen).
Förderquote = Inklusionsquote + Exklusionsquote. Keine Rundung; Nenner 0 -> NaN.
Fehlt ein Summand (NaN), sind die Summe und alles, was daraus folgt, NaN (README.md).
"""

import pandas as pd


def compute(df: pd.DataFrame) -> pd.DataFrame:
    cols = ["schueler_primar_sek1", "foerder_regelschule", "foerder_foerderschule"]
    out = df.groupby(["region", "jahr"], as_index=False)[cols].agg(lambda s: s.sum(skipna=False))
    num = out["foerder_regelschule"] + out["foerder_foerderschule"]
    den = out["schueler_primar_sek1"]
    out["foerderquote"] = num / den.where(den != 0) * 100
    return out[["region", "jahr", "foerderquote"]]
