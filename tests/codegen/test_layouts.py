"""`lotse code` on the other layouts of real Regionaldatenbank/GENESIS exports: a table without a
time column (the semester in the header, one or two times), as CSV and as XLSX, and the GENESIS
flat format saved as .xlsx, comma-separated or with the German header. The files are the real
excerpts in tests/data/tables and variants of them (tests/codegen/layouts.py says how each is
made). Every run goes through the CLI with a private data folder, in pandas and in R, and must be
validated against the reference on the file and on perturbed copies.
"""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from assistant.codegen.describe import describe_file
from tests.codegen.layouts import (FLAT, STUDIERENDE, flat_variant, flat_xlsx, header_time_xlsx,
                                   two_times_csv)
from tests.codegen.test_generate import run_cli

SHARE_TASK = "Anteil der ausländischen Studierenden an allen Studierenden je Kreis"
SUM_TASK = "Summe der bestandenen Prüfungen insgesamt je Kreis"


def _payload(*args: str, env_dir: Path) -> dict:
    done = run_cli("code", *args, "--json", env_dir=env_dir)
    assert done.returncode == 0, done.stderr
    payload = json.loads(done.stdout)
    assert payload["validated"] is True, payload["checks"]
    names = [c["name"] for c in payload["checks"] if c["passed"]]
    assert "vergleich_referenz" in names and any(n.startswith("kreuzprobe") for n in names), names
    return payload


def _totals(rows: list[list[str]], column: int) -> dict[str, float | None]:
    """Hand reading of the 'Insgesamt' line (Fächergruppe) of each Kreis of a block export; a
    Kreis with only '-' did not report (None)."""
    out: dict[str, float | None] = {}
    for row in rows:
        if len(row) > 3 and row[0].isdigit() and row[2] == "Insgesamt":
            values = row[3:]
            out[row[0]] = None if all(v == "-" for v in values) else float(row[column].replace("-", "0"))
    return out


def _excerpt_rows() -> list[list[str]]:
    import csv
    import io

    return list(csv.reader(io.StringIO(STUDIERENDE.read_text(encoding="utf-8-sig")), delimiter=";"))


# -- reading the layouts (fast) ------------------------------------------------------------------


def test_a_table_without_time_column_takes_the_time_from_its_header():
    data = describe_file(STUDIERENDE)
    assert data.time_column is None and data.header_times == {"WS 2023/24": 2023}
    assert data.years == [2023] and data.regions == ["01001", "01004", "01051"]
    assert data.row_filter == {2: "Insgesamt"}  # Fächergruppe: only the total lines are read
    names = [c.name for c in data.columns]
    assert names[0] == "Insgesamt | Insgesamt" and "weiblich | ausländisch" in names and len(names) == 9
    assert all("WS" not in label for c in data.columns for label in c.labels)
    assert data.loader_id("r") == "lesen_genesis_kopfzeit_r"


def test_two_times_in_the_header_give_each_column_one_file_column_per_time(tmp_path):
    data = describe_file(two_times_csv(tmp_path / "21311-01-01-4-B.csv"))
    assert data.header_times == {"WS 2022/23": 2022, "WS 2023/24": 2023} and data.encoding == "cp1252"
    total = data.columns[0]
    assert total.name == "Insgesamt | Insgesamt" and dict(total.by_time) == {"WS 2022/23": 3, "WS 2023/24": 12}


def test_a_key_excel_stored_as_a_number_is_not_taken_for_a_year(tmp_path):
    # 02000 (Hamburg) stored as the number 2000 looks like a year; the header's time decides.
    data = describe_file(header_time_xlsx(tmp_path / "t.xlsx", numeric_key="01001"))
    assert data.time_column is None and data.file_format == "xlsx" and "01001" in data.regions


def test_the_reader_restores_leading_zeros_of_keys_in_a_flat_xlsx(tmp_path):
    from assistant.tables import read_table

    table = read_table(flat_xlsx(tmp_path / "flat.xlsx"))
    keys = set(table.tidy["region_key"])
    assert table.meta.layout == "genesis-flat" and table.meta.source_format == "xlsx"
    assert {"05754", "07312", "11010010"} <= keys and "5754" not in keys
    assert set(table.tidy.loc[table.tidy["region_key"] == "05754", "level"]) == {"Kreis"}


def test_a_block_export_with_no_time_anywhere_is_refused_in_german(tmp_path):
    rows = STUDIERENDE.read_text(encoding="utf-8-sig").splitlines()
    no_time = tmp_path / "ohne_zeit.csv"
    no_time.write_text("\n".join(r for r in rows if "WS 2023/24" not in r) + "\n", encoding="utf-8")
    target = tmp_path / "out.py"
    done = run_cli("code", SHARE_TASK, "--data", str(no_time), "--out", str(target), env_dir=tmp_path)
    assert done.returncode == 6
    assert "weder eine Zeitspalte noch eine Zeitangabe im Tabellenkopf" in done.stderr
    assert "herunter" in done.stderr and not target.exists()


# -- end to end through the CLI (sandbox, pandas and R) ------------------------------------------


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_f71_on_the_real_table_with_the_semester_in_the_header(language, sandbox, rscript, tmp_path):
    payload = _payload("--indicator", "F7.1", "--data", str(STUDIERENDE), "--lang", language, env_dir=tmp_path)
    assert payload["mapping"] == {"studierende": "Insgesamt | Insgesamt"}
    assert any("hochschule" in a for a in payload["assumptions"])
    got = {(r["region"], r["jahr"]): r["studierende"] for r in payload["result"]}
    expected = _totals(_excerpt_rows(), 3)
    assert expected == {"01001": 9129.0, "01004": None, "01051": 1455.0}
    assert got == {(key, 2023): value for key, value in expected.items()}


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_share_on_the_same_table_as_an_xlsx_export(language, sandbox, rscript, tmp_path):
    path = header_time_xlsx(tmp_path / "21311-01-01-4-B.xlsx", numeric_key="01001")
    payload = _payload(SHARE_TASK, "--data", str(path), "--lang", language, env_dir=tmp_path)
    assert payload["mapping"] == {"zaehler": "Insgesamt | ausländisch", "nenner": "Insgesamt | Insgesamt"}
    shares = {r["region"]: r["anteil"] for r in payload["result"]}
    assert shares["01001"] == pytest.approx(879 / 9129 * 100)  # the key stored as the number 1001
    assert shares["01051"] == pytest.approx(75 / 1455 * 100) and shares["01004"] is None


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_share_per_semester_when_the_header_holds_two_semesters(language, sandbox, rscript, tmp_path):
    path = two_times_csv(tmp_path / "21311-01-01-4-B.csv")
    payload = _payload(SHARE_TASK, "--data", str(path), "--lang", language, env_dir=tmp_path)
    got = {(r["region"], r["jahr"]): r["anteil"] for r in payload["result"]}
    assert len(got) == 6  # three Kreise, two semesters
    rows = _excerpt_rows()
    for year, shrink in ((2023, lambda v: v), (2022, lambda v: v - v // 3)):
        for key, total in _totals(rows, 3).items():
            foreign = _totals(rows, 5)[key]
            if total is None or foreign is None:
                assert got[(key, year)] is None
            else:
                want = shrink(int(foreign)) / shrink(int(total)) * 100
                assert math.isclose(got[(key, year)], want, rel_tol=1e-9), (key, year)


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize("kind", ["xlsx", "comma", "german"])
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_flat_format_saved_as_xlsx_comma_separated_or_with_german_header(kind, language, sandbox,
                                                                         rscript, tmp_path):
    path = flat_xlsx(tmp_path / "21321.xlsx") if kind == "xlsx" else flat_variant(tmp_path / "21321.csv", kind)
    payload = _payload(SUM_TASK, "--data", str(path), "--lang", language, env_dir=tmp_path)
    assert payload["template"].startswith("summe_gruppe") and payload["mapping"] == {"zaehler": "Insgesamt"}
    got = {r["region"]: r["wert"] for r in payload["result"]}
    keys = {line.split(";")[7] for line in FLAT.read_text(encoding="utf-8").splitlines()[1:]}
    assert set(got) == keys  # leading zeros kept (05754), Berlin's 8-digit Bezirk too
    assert got["07312"] == 3172 and got["09271"] == 1144
    assert got["11010010"] is None and got["05754"] is None  # '.' and a Kreis without that line


def resaved(target: Path, delimiter: str, encoding: str) -> Path:
    """The real block export saved again by a spreadsheet program: another delimiter (labels
    with that character quoted) and another encoding."""
    import csv
    import io

    from tests.codegen.test_generate import ABSCHLUESSE

    if not ABSCHLUESSE.is_file():
        pytest.skip("shared/data not found beside the repository")
    rows = list(csv.reader(io.StringIO(ABSCHLUESSE.read_bytes().decode("cp1252")), delimiter=";"))
    buf = io.StringIO()
    csv.writer(buf, delimiter=delimiter, lineterminator="\r\n").writerows(rows)
    target.write_bytes(buf.getvalue().encode(encoding))
    return target


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize(("delimiter", "encoding", "language"), [
    (",", "utf-8", "pandas"), (",", "utf-8", "r"), ("\t", "utf-16", "pandas")])
def test_d151_on_a_block_export_saved_with_another_delimiter(delimiter, encoding, language, sandbox,
                                                             rscript, tmp_path):
    from tests.codegen.test_generate import check_against_hand

    path = resaved(tmp_path / "21111-02-06-4.csv", delimiter, encoding)
    done = run_cli("code", "--indicator", "D15.1", "--data", str(path), "--lang", language, "--json",
                   env_dir=tmp_path)
    assert done.returncode == 0, done.stderr
    check_against_hand(json.loads(done.stdout))


def titled_sheet(path: Path) -> Path:
    """A user's own sheet as offices build it: a title line and a blank row above the header, a
    source note under the table (values invented)."""
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Abgänge"
    sheet.append(["Schulabgänge nach Abschluss, ausgewählte Kreise, Schuljahr 2022/23"])
    sheet.append([])
    sheet.append(["Regionalschlüssel", "Kreis", "Jahr", "Abgänger ohne Hauptschulabschluss",
                  "Absolventen und Abgänger insgesamt"])
    for row in (("05111", "Düsseldorf", 2023, 312, 5100), ("05112", "Duisburg", 2023, "x", 4200),
                ("05113", "Essen", 2023, 401, 5600)):
        sheet.append(list(row))
    sheet.append([])
    sheet.append(["Quelle: IT.NRW, eigene Berechnung des Bildungsbüros"])
    book.save(path)
    return path


def titled_csv(path: Path) -> Path:
    path.write_bytes(("Schulabgänge nach Abschluss; ausgewählte Kreise\r\n;;;;\r\n"
                      "AGS;Kreis;Jahr;Abgänger ohne Hauptschulabschluss;Absolventen und Abgänger insgesamt\r\n"
                      "05111;Düsseldorf;2023;312;5100\r\n05112;Duisburg;2023;x;4200\r\n"
                      "05113;Essen;2023;401;5600\r\nQuelle: IT.NRW\r\nStand: 01.03.2024\r\n").encode("cp1252"))
    return path


def test_title_and_source_lines_around_a_plain_table_are_not_data(tmp_path):
    from assistant.tables import read_table

    for path in (titled_sheet(tmp_path / "a.xlsx"), titled_csv(tmp_path / "a.csv")):
        data = describe_file(path)
        assert data.layout == "csv" and data.skip == 2 and data.notes_below, path
        assert data.regions == ["05111", "05112", "05113"] and data.years == [2023]
        table = read_table(path)
        assert table.tidy["region_key"].tolist()[::2] == ["05111", "05112", "05113"]
        assert any("Titelzeile" in n for n in table.meta.notes)


@pytest.mark.slow
@pytest.mark.r
@pytest.mark.parametrize("kind", ["xlsx", "csv"])
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_d151_on_a_users_table_with_title_and_source_lines(kind, language, sandbox, rscript, tmp_path):
    path = titled_sheet(tmp_path / "abg.xlsx") if kind == "xlsx" else titled_csv(tmp_path / "abg.csv")
    payload = _payload("--indicator", "D15.1", "--data", str(path), "--lang", language, env_dir=tmp_path)
    shares = {r["region"]: r["anteil_ohne_abschluss"] for r in payload["result"]}
    assert shares == {"05111": pytest.approx(312 / 5100 * 100), "05112": None,
                      "05113": pytest.approx(401 / 5600 * 100)}
