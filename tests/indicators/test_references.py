"""Reference implementations reproduce the hand-computed fixtures, in pandas and in R."""

from __future__ import annotations

import math
import shutil

import pytest

from assistant import PROJECT_ROOT
from assistant.catalogue import load_catalogue
from assistant.catalogue import references as refs
from assistant.tables import read_table

CAT = load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")
COMPUTABLE = [i.id for i in CAT.all() if i.computable]
HAS_R = shutil.which("Rscript") is not None


@pytest.mark.parametrize("indicator_id", COMPUTABLE)
def test_pandas_reference_matches_hand_computed_fixture(indicator_id):
    result = refs.check(CAT.get(indicator_id), "pandas")
    assert result.ok, f"{indicator_id}: {result}"


@pytest.mark.r
@pytest.mark.skipif(not HAS_R, reason="Rscript ist auf diesem Rechner nicht installiert")
@pytest.mark.parametrize("indicator_id", COMPUTABLE)
def test_r_reference_matches_hand_computed_fixture(indicator_id):
    result = refs.check(CAT.get(indicator_id), "r")
    assert result.ok, f"{indicator_id}: {result}"


def test_compare_reports_a_wrong_value_and_a_missing_row():
    ind = CAT.get("D15.1")
    src, exp = refs.fixture_paths("D15.1")
    expected = refs.read_table(exp, ind)
    result = refs.run_pandas("D15.1", refs.read_table(src, ind))
    result.loc[result["region"] == "01001", "anteil_ohne_abschluss"] = 8.6
    result = result[result["region"] != "DG"]
    comparison = refs.compare(result, expected, keys=ind.key_columns())
    assert not comparison.ok
    text = str(comparison)
    assert "anteil_ohne_abschluss in ('01001', '2023')" in text and "('DG', '2023') fehlt" in text


def test_ratio_of_sums_not_mean_of_rates():
    import pandas as pd

    df = pd.DataFrame({"region": ["K", "K"], "jahr": [2023, 2023],
                       "abgaenger_ohne_abschluss": [10, 30], "absolventen_abgaenger": [200, 100]})
    value = refs.run_pandas("D15.1", df)["anteil_ohne_abschluss"].iloc[0]
    assert value == pytest.approx(40 / 300 * 100)  # not (5 % + 30 %) / 2


def test_missing_rscript_gives_german_hint(monkeypatch):
    import pandas as pd

    monkeypatch.setattr(refs.shutil, "which", lambda name: None)
    with pytest.raises(refs.ReferenceRunError) as err:
        refs.run_r("D15.1", pd.DataFrame({"region": ["01001"], "jahr": [2023],
                                          "abgaenger_ohne_abschluss": [1], "absolventen_abgaenger": [2]}))
    assert "Rscript wurde nicht gefunden" in err.value.message
    assert "apt-get install r-base-core" in err.value.hint


def test_unknown_reference_is_reported():
    import pandas as pd

    with pytest.raises(refs.ReferenceRunError, match="keine pandas-Referenz"):
        refs.run_pandas("H7.1", pd.DataFrame())


@pytest.mark.r
@pytest.mark.skipif(not HAS_R, reason="Rscript ist auf diesem Rechner nicht installiert")
def test_r_failure_shows_the_r_error():
    import pandas as pd

    with pytest.raises(refs.ReferenceRunError, match="fehlgeschlagen"):
        refs.run_r("D15.1", pd.DataFrame({"region": ["01001"], "jahr": [2023]}))


def test_d15_1_from_the_real_regionaldatenbank_file(shared_dir):
    table = read_table(shared_dir / "data" / "regionalstatistik" / "21111-02-06-4.csv")
    wide = table.extract({
        "abgaenger_ohne_abschluss": {"header_2": "ohne Hauptschulabschluss", "header_3": "Insgesamt"},
        "absolventen_abgaenger": {"header_2": "Insgesamt", "header_3": "Insgesamt"},
    })
    result = refs.run_pandas("D15.1", wide.dropna()).set_index("region")["anteil_ohne_abschluss"]
    assert result["01001"] == pytest.approx(90 / 1059 * 100, abs=0.005)  # Flensburg 8,50 %
    assert round(result["01001"], 2) == 8.50
    assert round(result["DG"], 2) == 7.12  # Deutschland
    assert round(result["01002"], 2) == 10.72  # Kiel
    assert len(result) > 400  # all Kreise, Länder and Bund


@pytest.mark.r
@pytest.mark.skipif(not HAS_R, reason="Rscript ist auf diesem Rechner nicht installiert")
def test_d15_1_real_file_pandas_and_r_agree(shared_dir):
    table = read_table(shared_dir / "data" / "regionalstatistik" / "21111-02-06-4.csv")
    wide = table.extract({
        "abgaenger_ohne_abschluss": {"header_2": "ohne Hauptschulabschluss", "header_3": "Insgesamt"},
        "absolventen_abgaenger": {"header_2": "Insgesamt", "header_3": "Insgesamt"},
    }).dropna()
    comparison = refs.compare(refs.run_r("D15.1", wide), refs.run_pandas("D15.1", wide),
                              keys=["region", "jahr"])
    assert comparison.ok, str(comparison)
    assert not math.isnan(refs.run_r("D15.1", wide).set_index("region").loc["DG", "anteil_ohne_abschluss"])
