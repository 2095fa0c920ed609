"""Code generation for XLSX exports and the GENESIS flat CSV format.

The files: the real export shared/data/regionalstatistik/21111-02-06-4.csv rewritten as a
Regionaldatenbank-style XLSX and as a GENESIS flat CSV (layouts described in
tests/codegen/formats.py), the real flat excerpt tests/data/tables/21321-01-01-4_flat.excerpt.csv,
and a user's own XLSX sheet (one header row) made here. Expected numbers are computed by hand from
the real CSV (:func:`tests.codegen.test_generate.hand_shares`) or written out below.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tests.codegen.formats import genesis_flat, genesis_xlsx
from tests.codegen.test_generate import ABSCHLUESSE, hand_shares, run_cli

EXCERPTS = Path(__file__).resolve().parents[1] / "data" / "tables"
FLAT_21321 = EXCERPTS / "21321-01-01-4_flat.excerpt.csv"


@pytest.fixture(scope="module")
def exports(tmp_path_factory) -> dict[str, Path]:
    if not ABSCHLUESSE.is_file():
        pytest.skip("shared/data not found beside the repository")
    folder = tmp_path_factory.mktemp("formats")
    return {"xlsx": genesis_xlsx(ABSCHLUESSE, folder / "21111-02-06-4.xlsx", numeric_key="01001"),
            "flat": genesis_flat(ABSCHLUESSE, folder / "21111-02-06-4_flat.csv")}


def own_sheet(path: Path) -> Path:
    """A user's own sheet: key as text, name, year as a number, numbers, one 'x'."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Abgänge"
    sheet.append(["Regionalschlüssel", "Kreis", "Jahr", "Abgänger ohne Hauptschulabschluss",
                  "Absolventen und Abgänger insgesamt"])
    for row in (("05111", "Düsseldorf", 2023, 312, 5100), ("05112", "Duisburg", 2023, "x", 4200),
                ("05113", "Essen", 2023, 401, 5600), ("05111", "Düsseldorf", 2022, 298, 5000),
                ("05112", "Duisburg", 2022, 350, 4150), ("05113", "Essen", 2022, 390, 5550)):
        sheet.append(list(row))
    book.save(path)
    return path


def check_shares(payload: dict, total_column: str) -> None:
    """Every Kreis of the real table: the snippet's share equals the hand computation."""
    assert payload["validated"] is True, payload["checks"]
    assert payload["source"] == "template" and payload["indicator"] == "D15.1"
    assert payload["mapping"] == {"abgaenger_ohne_abschluss": "ohne Hauptschulabschluss | Insgesamt",
                                  "absolventen_abgaenger": total_column}
    compared = next(c for c in payload["checks"] if c["name"] == "vergleich_referenz")
    assert compared["passed"] and "2 veränderte Kopien" in compared["detail"]
    got = {r["region"]: r["anteil_ohne_abschluss"] for r in payload["result"]}
    expected = hand_shares()
    assert len(expected) > 350
    for key, share in expected.items():
        if share is None:
            assert got.get(key) is None, key
        else:
            assert math.isclose(got[key], share, rel_tol=1e-9), (key, got.get(key), share)
    assert "01001" in got  # stored as the number 1001 in the XLSX: the leading zero is restored


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_d151_on_an_xlsx_export_is_validated_and_right_for_every_kreis(exports, language, sandbox,
                                                                        rscript, tmp_path):
    proc = run_cli("code", "--indicator", "D15.1", "--data", str(exports["xlsx"]), "--lang", language,
                   "--json", env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    check_shares(payload, "Insgesamt | Insgesamt")
    reads = "pd.read_excel(" if language == "pandas" else "read_excel(DATEI"
    assert reads in payload["code"] and '"21111-02-06-4"' in payload["code"]  # the sheet by name
    assert "Zuordnung: abgaenger_ohne_abschluss = ohne Hauptschulabschluss | Insgesamt" in payload["code"]


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_d151_on_a_flat_export_is_validated_and_right_for_every_kreis(exports, language, sandbox,
                                                                       rscript, tmp_path):
    proc = run_cli("code", "--indicator", "D15.1", "--data", str(exports["flat"]), "--lang", language,
                   "--json", env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    check_shares(payload, "Insgesamt")  # the flat header names the total once
    assert "2_variable_attribute_label" in payload["code"] and "value" in payload["code"]


@pytest.mark.parametrize("kind", ["export", "stichtag", "own"])
def test_the_reference_reads_an_xlsx_copy_exactly_as_parsing_it_would(kind, exports, tmp_path):
    """Lotse's reader takes the rows of a perturbed copy from the writer instead of parsing the
    workbook again; they must be cell for cell what openpyxl reads from the written file."""
    from assistant.codegen.perturb import VARIANTS, write_variant
    from assistant.codegen.describe import describe_file
    from assistant.tables import reader
    from tests.codegen.test_generate import KITA

    path = {"export": lambda: exports["xlsx"],
            "stichtag": lambda: genesis_xlsx(KITA, tmp_path / "22541-01-01-4.xlsx", sheet="22541-01-01-4"),
            "own": lambda: own_sheet(tmp_path / "eigene.xlsx")}[kind]()
    data = describe_file(path)
    for variant in VARIANTS:
        copy = write_variant(data, variant, tmp_path / variant)
        remembered = reader.xlsx_sheet(copy)
        parsed = reader._read_sheet(copy)
        assert remembered == parsed
        assert remembered[1] != reader.xlsx_sheet(path)[1]  # the copy really differs
        copy.write_bytes(path.read_bytes())  # changed on disk: read again, not taken from memory
        assert reader.xlsx_sheet(copy) == reader._read_sheet(path)


@pytest.mark.slow
def test_the_copies_of_an_xlsx_are_xlsx_so_a_hard_coded_snippet_fails(exports, settings, sandbox):
    """A snippet that reads the workbook but returns the original's numbers as constants is right
    on the user's file and wrong on every perturbed copy: the copies are real XLSX files with
    changed numbers that the snippet (and Lotse's reader) read."""
    from assistant.catalogue import load_catalogue
    from assistant.codegen.generate import expectation
    from assistant.codegen.perturb import VARIANTS, write_variant
    from assistant.codegen.plan import plan_indicator
    from assistant.codegen.describe import describe_file
    from assistant.codegen.validate import validate
    from assistant.service import Lotse
    from assistant.tables import read_table

    data = describe_file(exports["xlsx"])
    assert (data.file_format, data.sheet, data.lead, data.width) == ("xlsx", "21111-02-06-4", 3, 17)
    original = read_table(exports["xlsx"])
    for variant in VARIANTS:
        copy = write_variant(data, variant, Path(settings.paths.data_dir) / variant)
        assert copy.read_bytes()[:4] == b"PK\x03\x04" and copy.name == "21111-02-06-4.xlsx"
        changed = read_table(copy)
        assert changed.meta.table_code == "21111-02-06-4" and changed.meta.source_format == "xlsx"
        assert changed.meta.columns == original.meta.columns
        assert not changed.tidy["value"].equals(original.tidy["value"])

    lotse = Lotse(settings)
    indicator = load_catalogue(settings.paths.knowledge_dir / "indicators").get("D15.1")
    plan = plan_indicator(data, indicator, lotse.code_templates.get("indikator_pandas"), [])
    reference = plan.reference("pandas", data.path)
    rows = reference.to_dict("records")
    constants = (
        "import pandas as pd\n\n"
        'blatt = pd.read_excel("21111-02-06-4.xlsx", header=None, dtype=str)\n'
        f"ergebnis = pd.DataFrame({rows!r})\n").replace("nan", "float('nan')")
    outcome = validate(constants, "pandas", data, expectation(plan, "pandas", False), sandbox)
    compared = next(c for c in outcome.checks if c.name == "vergleich_referenz")
    assert not compared.passed
    assert "original:" not in compared.detail
    assert "nenner_variiert_zeilen_geteilt:" in compared.detail


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_d151_on_a_users_own_xlsx_sheet(language, sandbox, rscript, tmp_path):
    path = own_sheet(tmp_path / "abgaenge.xlsx")
    proc = run_cli("code", "--indicator", "D15.1", "--data", str(path), "--lang", language, "--json",
                   env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["validated"] is True, payload["checks"]
    got = {(r["region"], r["jahr"]): r["anteil_ohne_abschluss"] for r in payload["result"]}
    assert math.isclose(got[("05111", 2023)], 312 / 5100 * 100)
    assert math.isclose(got[("05113", 2022)], 390 / 5550 * 100)
    assert got[("05112", 2023)] is None  # 'x': no share
    assert '"Abgänge"' in payload["code"]


@pytest.mark.slow
def test_free_tasks_on_the_real_flat_excerpt(sandbox, tmp_path):
    proc = run_cli("code", "Welcher Kreis hat die meisten bestandenen Prüfungen insgesamt?", "--data",
                   str(FLAT_21321), "--json", env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["validated"] is True and payload["template"] == "rangfolge", payload["checks"]
    # By hand: the two lines "Insgesamt / Insgesamt" of the excerpt are Kaiserslautern (3172)
    # and Deggendorf (1144).
    assert [(r["region"], r["wert"], r["rang"]) for r in payload["result"]] == [
        ("07312", 3172.0, 1), ("09271", 1144.0, 2)]

    proc = run_cli("code", "Anteil der Frauen an allen bestandenen Prüfungen je Kreis", "--data",
                   str(FLAT_21321), "--lang", "pandas", "--json", env_dir=tmp_path)
    payload = json.loads(proc.stdout)
    assert payload["validated"] is True and payload["template"] == "anteil_gruppe", payload["checks"]
    assert payload["mapping"] == {"zaehler": "Insgesamt | weiblich", "nenner": "Insgesamt"}
    celle = next(r for r in payload["result"] if r["region"] == "03351")
    assert celle["zaehler"] == 3.0 and celle["nenner"] is None  # the excerpt has no total for Celle


@pytest.mark.slow
def test_free_task_on_an_xlsx_export(exports, sandbox, tmp_path):
    task = "Anteil der Mädchen an allen Absolventen mit allgemeiner Hochschulreife je Kreis in Schleswig-Holstein"
    proc = run_cli("code", task, "--data", str(exports["xlsx"]), "--json", env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["validated"] is True, payload["checks"]
    got = {r["region"]: r["anteil"] for r in payload["result"]}
    # By hand from the real CSV: Flensburg 288 of 504, Kiel (01002) read from the same line.
    assert math.isclose(got["01001"], 288 / 504 * 100)
    assert all(key.startswith("01") for key in got)


def _encrypted(path: Path) -> Path:
    """The start of a password-protected .xlsx: an OLE container with an EncryptionInfo stream
    (crafted: header signature and the stream's UTF-16 directory name, no real encryption)."""
    path.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504
                     + "EncryptionInfo".encode("utf-16-le") + b"\x00" * 512)
    return path


def _not_a_table(path: Path) -> Path:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Protokoll der Sitzung vom 3. Mai"])
    book.active.append(["Es wurde beschlossen, die Zahlen bis Juni zu prüfen."])
    book.save(path)
    return path


def _empty(path: Path) -> Path:
    import openpyxl

    openpyxl.Workbook().save(path)
    return path


def _corrupt(path: Path) -> Path:
    path.write_bytes(b"PK\x03\x04" + b"\x13" * 300)
    return path


@pytest.mark.parametrize("make, words", [
    (_encrypted, "mit Passwort geschützte Excel-Datei"),
    (_not_a_table, "Fließtext"),
    (_empty, "kein ausgefülltes Tabellenblatt"),
    (_corrupt, "keine gültige Excel-Datei"),
])
def test_bad_xlsx_german_message_exit_code_nothing_written(make, words, tmp_path):
    path = make(tmp_path / "daten.xlsx")
    out = tmp_path / "snippet.py"
    proc = run_cli("code", "--indicator", "D15.1", "--data", str(path), "--out", str(out),
                   env_dir=tmp_path / "home")
    assert proc.returncode == 6, proc.stderr
    assert words in proc.stderr and "Traceback" not in proc.stderr
    assert not out.exists()
    inspect = run_cli("data", "inspect", str(path), env_dir=tmp_path / "home")
    assert inspect.returncode == 6 and inspect.stderr.startswith("Fehler:"), inspect.stderr


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_stichtag_stored_as_an_excel_date(language, sandbox, rscript, tmp_path):
    """22541-01-01-4 (Stichtag 31.12.2002) as XLSX with the date as an Excel date cell: pandas
    reads it as '2002-12-31 00:00:00', readxl as the day number 37621; both give the year."""
    from tests.codegen.test_generate import KITA

    path = genesis_xlsx(KITA, tmp_path / "22541-01-01-4.xlsx", sheet="22541-01-01-4")
    proc = run_cli("code", "Plätze je Einrichtung in jedem Kreis", "--data", str(path), "--lang", language,
                   "--json", env_dir=tmp_path)
    assert proc.returncode == 0, proc.stderr
    payload = json.loads(proc.stdout)
    assert payload["validated"] is True, payload["checks"]
    flensburg = next(r for r in payload["result"] if r["region"] == "01001")
    assert flensburg["jahr"] == 2002 and math.isclose(flensburg["anteil"], 3013 / 57)  # from the CSV line
