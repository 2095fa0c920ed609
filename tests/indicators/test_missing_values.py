"""Missing values: pandas and R references follow one rule and give the same hand-computed results.

The rule (knowledge/reference/README.md): a group with a missing numerator or denominator part is
undefined (NaN/NA), a Quotensumme with a missing term is undefined, results that do not depend on the
missing value stay defined. Fixtures: knowledge/reference/fixtures/<ID>.fehlend.*.csv (fehlwerte.py).
"""

from __future__ import annotations

import math
import shutil

import pytest

from assistant import PROJECT_ROOT
from assistant.catalogue import load_catalogue
from assistant.catalogue import references as refs

CAT = load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")
COMPUTABLE = [i.id for i in CAT.all() if i.computable]
HAS_R = shutil.which("Rscript") is not None
FIXTURES = PROJECT_ROOT / "knowledge" / "reference" / "fixtures"


def _load(indicator_id: str):
    ind = CAT.get(indicator_id)
    src = FIXTURES / f"{indicator_id}.fehlend.input.csv"
    exp = FIXTURES / f"{indicator_id}.fehlend.expected.csv"
    return ind, refs.read_table(src, ind), refs.read_table(exp, ind)


def test_every_computable_entry_has_a_fixture_with_missing_values():
    for indicator_id in COMPUTABLE:
        ind, df, expected = _load(indicator_id)
        value_cols = [c.name for c in ind.input if c.name not in {"region", "jahr"} and c.type != "str"]
        assert df[value_cols].isna().any().any(), f"{indicator_id}: keine fehlenden Werte in der Eingabe"
        values = [c.name for c in ind.output if c.role == "value"]
        assert expected[values].isna().any().any(), f"{indicator_id}: kein unbestimmtes Ergebnis erwartet"


@pytest.mark.parametrize("indicator_id", COMPUTABLE)
def test_pandas_reference_with_missing_values(indicator_id):
    ind, df, expected = _load(indicator_id)
    comparison = refs.compare(refs.run_pandas(indicator_id, df), expected, keys=ind.key_columns())
    assert comparison.ok, f"{indicator_id}: {comparison}"


@pytest.mark.r
@pytest.mark.skipif(not HAS_R, reason="Rscript ist auf diesem Rechner nicht installiert")
@pytest.mark.parametrize("indicator_id", COMPUTABLE)
def test_r_reference_with_missing_values(indicator_id):
    ind, df, expected = _load(indicator_id)
    comparison = refs.compare(refs.run_r(indicator_id, df), expected, keys=ind.key_columns())
    assert comparison.ok, f"{indicator_id}: {comparison}"


def test_d15_1_a_missing_numerator_part_is_not_read_as_zero():
    """The audit's case: 10 of 200 plus an unknown part of 100 is neither 5 % nor 3.33 %."""
    import pandas as pd

    df = pd.DataFrame({"region": ["K", "K"], "jahr": [2023, 2023],
                       "abgaenger_ohne_abschluss": [10, float("nan")], "absolventen_abgaenger": [200, 100]})
    row = refs.run_pandas("D15.1", df).iloc[0]
    assert math.isnan(row["anteil_ohne_abschluss"])
    assert row["absolventen_abgaenger"] == 300  # the complete denominator stays known


@pytest.mark.r
@pytest.mark.skipif(not HAS_R, reason="Rscript ist auf diesem Rechner nicht installiert")
def test_d15_3_r_keeps_the_age_with_missing_population():
    """R's aggregate() used to drop the row and sum three of four ages (17 instead of NA)."""
    import pandas as pd

    df = pd.DataFrame({"region": ["L"] * 3, "jahr": [2022] * 3, "alter": [17, 18, 19],
                       "studienberechtigte": [100, 150, 60], "bevoelkerung": [1000, float("nan"), 1200]})
    for run in (refs.run_pandas, refs.run_r):
        assert math.isnan(run("D15.3", df).iloc[0]["studienberechtigtenquote"]), run.__name__


def test_no_reference_sums_missing_values_away():
    """The idioms that treat NaN as 0 (pandas) or drop NA rows (R formula aggregate) are not used."""
    ref = PROJECT_ROOT / "knowledge" / "reference"
    for path in sorted((ref / "pandas").glob("*.py")):
        code = path.read_text(encoding="utf-8")
        assert ".sum()" not in code and 'transform("sum")' not in code, path.name
    for path in sorted((ref / "r").glob("*.R")):
        code = "\n".join(line for line in path.read_text(encoding="utf-8").splitlines()
                         if not line.lstrip().startswith("#"))
        assert code.count("aggregate(") == code.count("na.action = na.pass"), path.name
