"""lotse report end to end: DOCX and Markdown for Chemnitz, the Kita table, the model behind the
check, bad input."""

from __future__ import annotations

import itertools
import re
import shutil
import subprocess

import pytest

from assistant.errors import InputError
from assistant.llm.fake import FakeBackend
from assistant.reports import ReportRequest, make_report
from assistant.service import Lotse

NUMBER = re.compile(r"(?<![\w.,])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w]|[.,]\d)")


def numbers(text: str) -> list[tuple[float, int]]:
    """German numbers in ``text`` as (value, decimals shown); dates are left out."""
    text = re.sub(r"\b\d{1,2}\.\d{1,2}\.\d{4}\b", " ", text)
    out = []
    for match in NUMBER.finditer(text):
        token = match.group(1)
        whole, _, frac = token.partition(",")
        out.append((float(whole.replace(".", "") + ("." + frac if frac else "")), len(frac)))
    return out


def table_values(rows: list[list[str]]) -> list[list[float]]:
    """Numeric cells per column of a value table (header row excluded)."""
    columns = []
    for col in range(3, len(rows[0])):
        values = []
        for row in rows[1:]:
            found = numbers(row[col])
            if found:
                values.append(found[0][0])
        columns.append(values)
    return columns


def grounded_in_table(text: str, rows: list[list[str]]) -> list[float]:
    """Numbers of ``text`` that are neither a table cell, nor the difference of two cells of one
    column, nor a year, nor a rank/count of the table's regions (returned: the ungrounded ones)."""
    columns = table_values(rows)
    years = {float(r[2]) for r in rows[1:]}
    candidates = set(years) | {float(k) for k in range(1, len(rows))}
    for values in columns:
        candidates |= set(values)
        candidates |= {abs(a - b) for a, b in itertools.combinations(values, 2)}
    bad = []
    for value, decimals in numbers(text):
        tolerance = 0.5 * 10 ** -decimals + 0.051  # differences of rounded shares may differ by 0.1
        if not any(abs(value - c) <= tolerance for c in candidates):
            bad.append(value)
    return bad


def test_docx_report_for_chemnitz_with_leipzig_and_dresden(base_settings, schools, tmp_path):
    from docx import Document

    out = tmp_path / "bericht.docx"
    result = Lotse(base_settings).report(ReportRequest(
        "D15.1", schools, "14511", out, compare=("14713", "14612")))
    assert result.path == out and out.is_file()
    assert result.computation["validated"] is True  # reference + validated code path agree
    doc = Document(str(out))
    headings = [p.text for p in doc.paragraphs if p.style.name.startswith(("Heading", "Title"))]
    assert headings[0] == "Anteil der Schulabgänger ohne Hauptschulabschluss: Chemnitz"
    assert {"Was gemessen wird", "Befund", "Werte", "Datenquelle", "Einordnung"} <= set(headings)
    assert headings[-1] == "Einordnung"
    assert doc.paragraphs[-1].text == "Einordnung"  # the section is left empty for the office
    assert len(doc.inline_shapes) == 1  # the chart
    table = [[c.text for c in row.cells] for row in doc.tables[0].rows]
    assert table[1][:4] == ["Chemnitz, kreisfreie Stadt", "14511", "2023", "11,8 %"]
    assert [r[1] for r in table[1:]] == ["14511", "14713", "14612", "14", "DG"]
    texts = [p.text for p in doc.paragraphs]
    assert any("Datenlizenz Deutschland – Namensnennung – Version 2.0" in t for t in texts)
    assert any("Tabelle 21111-02-06-4" in t and "Stand 13.03.2025" in t for t in texts)
    findings = texts[texts.index("Befund") + 1]
    assert "11,8 %" in findings and "1.646" in findings and "3,9 Prozentpunkte" in findings
    assert grounded_in_table(findings, table) == []
    assert all(c.kept for c in result.checks)


def test_markdown_report_has_the_chart_beside_it(base_settings, schools, tmp_path):
    out = tmp_path / "bericht.md"
    result = make_report(ReportRequest("D15.1", schools, "14511", out, compare=("14713", "14612")),
                         base_settings)
    png = tmp_path / "bericht.png"
    assert result.chart == png and png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    text = out.read_text(encoding="utf-8")
    assert "![" in text and "](bericht.png)" in text
    assert "Datenlizenz Deutschland – Namensnennung – Version 2.0" in text
    table = [[c.strip() for c in line.strip("|").split("|")] for line in text.splitlines()
             if line.startswith("| ") and "---" not in line]
    findings = text.split("## Befund")[1].split("![")[0]
    assert grounded_in_table(findings, table) == []
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bericht.md", "bericht.png", "lotse-data"]


@pytest.mark.skipif(not shutil.which("soffice"), reason="LibreOffice ist nicht installiert")
def test_docx_converts_to_pdf_with_libreoffice(base_settings, schools, tmp_path):
    out = tmp_path / "bericht.docx"
    make_report(ReportRequest("D15.1", schools, "14511", out, compare=("14713",)), base_settings)
    subprocess.run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(out)],
                   check=True, capture_output=True, timeout=180)
    assert (tmp_path / "bericht.pdf").read_bytes()[:4] == b"%PDF"


def test_model_inventing_a_number_or_judging_is_caught(base_settings, schools, tmp_path):
    reply = ("Im Jahr 2023 lag der Anteil in Chemnitz bei 11,8 %. Das ist leider besorgniserregend. "
             "Leipzig kam auf 7,9 %, Dresden auf 8,1 %. Chemnitz liegt damit 12,3 Prozentpunkte über "
             "dem Bund.")
    fake = FakeBackend([reply], kind="instruct")
    out = tmp_path / "bericht.md"
    result = make_report(ReportRequest("D15.1", schools, "14511", out, compare=("14713", "14612")),
                         base_settings, backend=fake, templates=Lotse(base_settings).templates)
    assert result.text_origin == "Modell"
    assert "11,8 %" in fake.prompts[0][-1].content  # the model phrases the computed facts
    final = out.read_text(encoding="utf-8")
    assert "Im Jahr 2023 lag der Anteil in Chemnitz bei 11,8 %." in final
    assert "12,3" not in final
    assert "leider" not in final and "besorgniserregend" not in final
    reasons = " ".join(c.reason() for c in result.dropped)
    assert "12,3" in reasons and "besorgniserregend" in reasons
    assert any("weggelassen" in n and "12,3" in n for n in result.notes)


def test_model_text_without_the_regions_value_falls_back_to_templates(base_settings, schools, tmp_path):
    fake = FakeBackend(["Die Daten zeigen Unterschiede zwischen den Städten."], kind="instruct")
    result = make_report(ReportRequest("D15.1", schools, "14511", tmp_path / "b.md",
                                       compare=("14713",)), base_settings, backend=fake,
                         templates=Lotse(base_settings).templates)
    assert result.text_origin == "Vorlagen"
    assert "11,8 %" in result.text
    assert any("Vorlagen" in n for n in result.notes)


def test_kita_table_reports_the_number_of_facilities(base_settings, kita, tmp_path):
    """22541-01-01-4 has no population: C6.1's Plätze je 100 Kinder cannot be computed from it,
    the number of Kindertageseinrichtungen can (the closest honest indicator)."""
    out = tmp_path / "kita.docx"
    with pytest.raises(InputError) as err:
        make_report(ReportRequest("C6.1", kita, "14161", out, compare=("14365", "14262")), base_settings)
    assert "kinder_bevoelkerung" in err.value.message and "einrichtungen" in err.value.hint
    assert not out.exists()
    result = make_report(ReportRequest("C6.1", kita, "14161", out, compare=("14365", "14262"),
                                       value="einrichtungen"), base_settings)
    assert "137" in result.text and "31.12.2002" in result.text
    assert "nicht berechenbar" in result.text
    assert "Sachsen insgesamt" not in result.text  # absolute counts are not compared with the Land
    from docx import Document

    rows = [[c.text for c in r.cells] for r in Document(str(out)).tables[0].rows]
    assert rows[1][:4] == ["Chemnitz, kreisfreie Stadt", "14161", "2002", "137"]


def test_region_without_values_names_the_region_to_use(base_settings, kita, tmp_path):
    """The Kita table (2002) has Chemnitz under its old key 14161; 14511 is a row of '-'."""
    with pytest.raises(InputError) as err:
        make_report(ReportRequest("C6.1", kita, "14511", tmp_path / "k.md", value="einrichtungen"),
                    base_settings)
    assert "14511" in err.value.message and "Gebietsreform" in err.value.message
    assert "14161 Chemnitz, kreisfreie Stadt" in err.value.hint
    assert list(tmp_path.glob("k.*")) == []


def test_region_not_in_table_names_the_closest_keys(base_settings, schools, tmp_path):
    with pytest.raises(InputError) as err:
        make_report(ReportRequest("D15.1", schools, "14512", tmp_path / "k.md"), base_settings)
    assert "'14512'" in err.value.message and "14511 Chemnitz, kreisfreie Stadt" in err.value.hint


@pytest.mark.parametrize("name", ["fehlt/bericht.docx", "INPUT"])
def test_bad_output_paths_write_nothing(base_settings, schools, tmp_path, name):
    data = tmp_path / "tabelle.csv"
    data.write_bytes(schools.read_bytes())
    out = data if name == "INPUT" else tmp_path / name
    with pytest.raises(InputError) as err:
        make_report(ReportRequest("D15.1", data, "14511", out), base_settings)
    assert ("Ordner" in err.value.message) if name != "INPUT" else ("überschreiben" in err.value.message)
    assert data.read_bytes() == schools.read_bytes()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lotse-data", "tabelle.csv"]


def test_a_failing_writer_leaves_no_files(base_settings, schools, tmp_path, monkeypatch):
    from assistant.reports import writers

    def broken(*args, **kwargs):
        raise RuntimeError("Platte voll")

    monkeypatch.setattr(writers, "markdown_text", broken)
    with pytest.raises(RuntimeError):
        make_report(ReportRequest("D15.1", schools, "14511", tmp_path / "b.md"), base_settings)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lotse-data"]


def test_indicator_the_table_cannot_feed_names_the_missing_inputs(base_settings, kita, tmp_path):
    with pytest.raises(InputError) as err:
        make_report(ReportRequest("D15.1", kita, "14161", tmp_path / "b.docx"), base_settings)
    assert "abgaenger_ohne_abschluss" in err.value.message
    assert "absolventen_abgaenger" in err.value.message
    assert not (tmp_path / "b.docx").exists()


def test_table_with_personal_columns_gets_no_report(base_settings, tmp_path):
    from assistant.errors import PrivacyError

    data = tmp_path / "liste.csv"
    data.write_text("region;jahr;Schülername;abgaenger_ohne_abschluss;absolventen_abgaenger\n"
                    "09161;2023;Anna Müller;80;1000\n09162;2023;Jonas Schmidt;540;9000\n"
                    "09163;2023;Elif Yılmaz;40;400\n", encoding="utf-8")
    with pytest.raises(PrivacyError) as err:
        Lotse(base_settings).report(ReportRequest("D15.1", data, "09161", tmp_path / "b.md"))
    assert "nicht geschrieben" in err.value.message and "Schülername" in err.value.message
    assert not (tmp_path / "b.md").exists() and not (tmp_path / "b.png").exists()
