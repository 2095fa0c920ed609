"""Values corrected after the expert audit (issue 17), recomputed from the inputs the entries name.

Figures come from public exports and publications named in the catalogue entries:
BIBB/BA Ausbildungsmarkt 2022 (E12.1), Regionaldatenbank 21121-02-02-4 and 21111-01-03-4, Flensburg
2023 (E15.1, D7.1).
"""

from __future__ import annotations

import shutil

import pandas as pd
import pytest

from assistant import PROJECT_ROOT
from assistant.catalogue import load_catalogue
from assistant.catalogue import references as refs

CAT = load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")
HAS_R = shutil.which("Rscript") is not None
GLOSSAR = PROJECT_ROOT / "knowledge" / "guidance" / "glossar.md"
ENGINES = [refs.run_pandas, pytest.param(refs.run_r, marks=[
    pytest.mark.r, pytest.mark.skipif(not HAS_R, reason="Rscript ist auf diesem Rechner nicht installiert")])]

# Ausbildungsmarkt 2022 (BIBB-Erhebung zum 30.9. und BA-Bilanz 2021/22)
ANR_2022 = pd.DataFrame({"region": ["DG"], "jahr": [2022], "neue_vertraege": [475_100],
                         "unbesetzte_stellen": [68_900], "unversorgte_bewerber": [22_700],
                         "bewerber_mit_alternative": [37_700]})

# 21111-01-03-4, Flensburg (01001), Schuljahr 2023/24: Schüler je Schulart-Zeile, wie exportiert
FLENSBURG_SCHULARTEN = {
    "Vorschulbereich": 0, "Grundschulen": 3372, "Schulartunabhängige Orientierungsstufe": 0,
    "Hauptschulen": 0, "Schularten mit mehreren Bildungsgängen": 0, "Realschulen": 0,
    "Gymnasien": 3537, "Integrierte Gesamtschulen": 4512, "Freie Waldorfschulen": 426,
    "Sonderschulen/Förderschulen": 411, "Abendschulen und Kollegs": 84, "Insgesamt": 12342,
}


@pytest.mark.parametrize("run", ENGINES)
def test_e12_1_2022_extended_anr_is_101_6_and_classic_anr_109_3(run):
    row = run("E12.1", ANR_2022).iloc[0]
    assert row["angebot"] == 544_000
    assert row["nachfrage"] == 497_800
    assert round(row["anr_erweitert"], 1) == 101.6  # 544.000 / 535.500
    assert round(row["anr"], 1) == 109.3  # 544.000 / 497.800


def test_e12_1_entry_and_glossary_name_the_variant_of_101_6():
    values = " ".join(CAT.get("E12.1").values)
    assert "erweiterte ANR: 101,6" in values and "klassische ANR" in values and "109,3" in values
    glossar = GLOSSAR.read_text(encoding="utf-8")
    section = glossar.split("## Angebots-Nachfrage-Relation", 1)[1].split("\n## ", 1)[0]
    assert "101,6" in section and "erweiterte" in section and "109,3" in section


@pytest.mark.parametrize("run", ENGINES)
def test_e15_1_flensburg_shares_add_up_to_the_tables_insgesamt(run):
    df = pd.DataFrame({"region": ["01001"] * 4, "jahr": [2023] * 4,
                       "abschlussart": ["Hauptschulabschluss", "Mittlerer Abschluss", "Fachhochschulreife",
                                        "Allgemeine Hochschulreife"],
                       "anzahl": [126, 222, 165, 177]})
    out = run("E15.1", df).set_index("abschlussart")
    assert out["anzahl"].sum() == 690  # the "Insgesamt" column of 21121-02-02-4
    assert round(out.loc["Hauptschulabschluss", "anteil"], 2) == 18.26
    assert out["anteil"].sum() == pytest.approx(100)


def test_e15_1_no_longer_claims_all_leavers_of_vocational_schools():
    ind = CAT.get("E15.1")
    assert "allgemeinbildenden Abschluss" in ind.formula.denominator
    assert "Abschlusszeugnis" not in set(refs.read_table(refs.fixture_paths("E15.1")[0], ind)["abschlussart"])
    check = ind.data_sources[0].table_checks[0]
    assert check.table == "21121-02-02-4" and check.verified and "690" in (check.note or "")


def test_d7_1_the_insgesamt_row_of_21111_01_03_4_halves_every_share():
    rows = pd.DataFrame({"region": "01001", "jahr": 2023, "schulart": list(FLENSBURG_SCHULARTEN),
                         "schueler": list(FLENSBURG_SCHULARTEN.values())})
    raw = refs.run_pandas("D7.1", rows).set_index("schulart")["anteil"]
    clean = refs.run_pandas("D7.1", rows[rows["schulart"] != "Insgesamt"]).set_index("schulart")["anteil"]
    assert round(clean["Grundschulen"], 2) == 27.32  # 3.372 / 12.342
    assert raw["Grundschulen"] == pytest.approx(clean["Grundschulen"] / 2)
    note = CAT.get("D7.1").data_sources[0].table_checks[0].note or ""
    assert "Insgesamt" in note and "halbieren" in note


def test_values_describing_another_quantity_are_not_offered_as_comparison():
    a41 = " ".join(CAT.get("A4.1").values)
    assert "3.509" in a41 and "Kein Vergleichswert" in a41 and "Extrahaushalte" in a41
    g71 = " ".join(CAT.get("G7.1").values)
    assert "193" in g71 and "Kein Vergleichswert" in g71 and "Einzelveranstaltungen" in g71
    # the fixtures no longer reproduce the mislabelled figures as if they were the indicator
    for indicator_id, col, wrong in (("A4.1", "schulden_je_einwohner", 3509.0),
                                     ("G7.1", "belegungen_je_1000_einwohner", 193.0)):
        expected = refs.read_table(refs.fixture_paths(indicator_id)[1], CAT.get(indicator_id))
        assert not (expected[col].round(0) == wrong).any(), indicator_id


def test_every_table_code_is_marked_verified_or_unverified():
    checked = {}
    for ind in CAT.all():
        for src in ind.data_sources:
            assert sorted(c.table for c in src.table_checks) == sorted(src.tables), ind.id
            for c in src.table_checks:
                checked[c.table] = c
                if c.verified:  # the export that was read is named, also in the entry's sources
                    assert "gelesen" in c.verified_by, (ind.id, c.table)
                    assert any(c.table in s for s in ind.sources), (ind.id, c.table)
    verified = {t for t, c in checked.items() if c.verified}
    assert {"21111-01-03-4", "21111-02-06-4", "21121-02-02-4", "13211-02-05-4", "82411-01-03-4",
            "22541-01-01-4", "21321-01-01-4"} <= verified
    assert not checked["12411-02-03-4"].verified  # only its title was seen, no export


def test_table_gaps_are_stated_in_the_entries():
    e71 = CAT.get("E7.1").data_sources[1].table_checks[0].note or ""
    assert "Einzelalter" in e71 and "12411-04-02-4" in e71
    assert CAT.get("A1.4").data_sources[0].tables == ["12411-03-03-4"]
    a21 = CAT.get("A2.1").data_sources[0].table_checks[0].note or ""
    assert "Nenner fehlt" in a21
    assert "22542-01-02-4" not in CAT.get("C6.1").data_sources[0].tables
    a15 = CAT.get("A1.5").data_sources[0].table_checks[0].note or ""
    assert "Gemeindegrenzen" in a15 and "Lücke" in a15
