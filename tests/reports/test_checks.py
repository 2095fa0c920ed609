"""Small-cell rule, series breaks, grounding check, German numbers and the CLI on small tables."""

from __future__ import annotations

import json

import pytest

from assistant.errors import InputError
from assistant.reports import ReportRequest, make_report
from assistant.reports.breaks import caveat_breaks, years_of
from assistant.reports.numbers import find_numbers, fmt, fmt_percent
from assistant.reports.text import Sentence
from tests.reports.conftest import genesis_file

ROWS_2023 = [(2023, "DG", "Deutschland", "782423", "55708"), (2023, "09", "  Bayern", "120000", "6000"),
             (2023, "09161", "      Ingolstadt, kreisfreie Stadt", "1000", "80"),
             (2023, "09162", "      München, kreisfreie Stadt", "9000", "540"),
             (2023, "09163", "      Rosenheim, kreisfreie Stadt", "400", "2")]


def test_german_numbers_written_and_read():
    assert fmt(1059) == "1.059" and fmt_percent(8.4986) == "8,5 %" and fmt(-0.04, 1) == "0,0"
    found = find_numbers("Im Jahr 2023: 1.059 (8,5 %), 12.5 und am 31.12.2002.")
    assert [(n.value, n.decimals, n.kind) for n in found if n.kind == "number"] == [
        (2023, 0, "number"), (1059, 0, "number"), (8.5, 1, "number"), (12.5, 1, "number")]
    assert [n.text for n in found if n.kind == "date"] == ["31.12.2002"]


def test_small_counts_are_not_published(base_settings, tmp_path):
    data = genesis_file(tmp_path / "t.csv", ROWS_2023)
    result = make_report(ReportRequest("D15.1", data, "09161", tmp_path / "b.md",
                                       compare=("09162", "09163")), base_settings)
    text = (tmp_path / "b.md").read_text(encoding="utf-8")
    rosenheim = next(line for line in text.splitlines() if line.startswith("| Rosenheim"))
    assert "gesperrt" in rosenheim and "0,5 %" not in text and "| 2 |" not in text
    assert "Rosenheim" not in result.text.split("Hinweise")[0]  # no sentence about the hidden row
    assert any("Gesperrt: Rosenheim 2023" in n for n in result.notes)


def test_all_values_suppressed_is_an_error(base_settings, tmp_path):
    data = genesis_file(tmp_path / "t.csv", ROWS_2023)
    with pytest.raises(InputError) as err:
        make_report(ReportRequest("D15.1", data, "09163", tmp_path / "b.docx"), base_settings)
    assert "gesperrt" in err.value.message
    assert not (tmp_path / "b.docx").exists()


def _two_years() -> list:
    rows = []
    for year, factor in ((2011, 1.0), (2013, 1.2)):
        rows += [(year, k, n, t, str(int(int(w) * factor))) for _, k, n, t, w in ROWS_2023[:4]]
    return rows


def test_change_is_stated_where_the_series_is_unbroken(base_settings, tmp_path):
    data = genesis_file(tmp_path / "t.csv", _two_years(),
                        footnote="Die Angabe bezieht sich auf das Schuljahr.")
    result = make_report(ReportRequest("D15.1", data, "09161", tmp_path / "b.md"), base_settings)
    change = [f for f in result.facts if f.kind == "change"]
    assert change and change[0].template == "change.up"
    assert "8,0 %" in result.text and "9,6 %" in result.text and "1,6 Prozentpunkte" in result.text


def test_no_change_sentence_across_a_footnoted_break(base_settings, tmp_path):
    data = genesis_file(tmp_path / "t.csv", _two_years(),
                        footnote="Ab 2012 mit Nichtschülerprüfungen (Externe).")
    result = make_report(ReportRequest("D15.1", data, "09161", tmp_path / "b.md", threshold=0.5),
                         base_settings)
    assert not [f for f in result.facts if f.kind == "change"]
    assert "nicht vergleichbar" in result.text and "Ab 2012 mit Nichtschülerprüfungen" in result.text
    assert "1,6 Prozentpunkte" not in result.text
    assert result.computation["breaks"][0]["year"] == 2012


def test_break_years_from_footnotes_and_catalogue():
    assert years_of("Berlin (1995 bis 2000): bezogen auf den Gebietsstand") == [1995, 2001]
    assert years_of("Schleswig-Holstein: ab 2018/19 sind die Ergebnisse gerundet") == [2019]
    assert years_of("Niedersachsen (2016): eingeschränkte Datenqualität") == [2016, 2017]
    years = {b.year for b in caveat_breaks(["Ab 2024 neue Tabelle 21111-02-06-4-B.",
                                            "Gezählt wird am Schulort."], "D15.1")}
    assert years == {2024}


def test_threshold_decides_what_counts_as_a_difference(base_settings, tmp_path):
    data = genesis_file(tmp_path / "t.csv", ROWS_2023)
    loose = make_report(ReportRequest("D15.1", data, "09161", tmp_path / "a.md", compare=("09162",),
                                      threshold=3.0), base_settings)
    strict = make_report(ReportRequest("D15.1", data, "09161", tmp_path / "b.md", compare=("09162",),
                                       threshold=1.0), base_settings)

    def kinds(r):  # noqa: ANN001, ANN202
        return [f.template for f in r.facts if f.kind == "comparison"]

    assert kinds(loose)[0] == "comparison.similar"  # 8,0 % vs 6,0 %: 2 points < 3
    assert kinds(strict)[0] == "comparison.higher"


def test_grounding_check_marks_each_number(base_settings, tmp_path):
    from assistant.reports.facts import Row
    from assistant.reports.grounding import Grounding, allowed_values

    rows = [Row("1", "A", "region", 2023, {"x": 11.786}), Row("2", "B", "compare", 2023, {"x": 7.877})]
    g = Grounding(allowed_values(rows, ["x"], {"x": 1}, 1.0, peers=2), evaluative_words=["leider"])
    ok = g.check(Sentence("A liegt mit 11,8 % um 3,9 Prozentpunkte über B (7,9 %).", "model", "Modell"))
    assert ok.kept and all(n.grounded for n in ok.numbers)
    assert "Differenz" in ok.numbers[1].source
    bad = g.check(Sentence("A liegt leider 4,5 Prozentpunkte über B.", "model", "Modell"))
    assert not bad.kept and bad.ungrounded == ["4,5"] and bad.evaluative == ("leider",)


def test_cli_json_and_german_error(base_settings, tmp_path, capsys, monkeypatch):
    from assistant.cli.main import main

    data = genesis_file(tmp_path / "t.csv", ROWS_2023)
    monkeypatch.setenv("LOTSE_LLM__BACKEND", "fake")
    monkeypatch.setenv("LOTSE_LLM__PROFILE", "base")
    with pytest.raises(SystemExit) as exit_:
        main(["report", "-i", "D15.1", "-d", str(data), "-r", "09161", "-c", "09162",
              "-o", str(tmp_path / "b.md"), "--json"])
    assert exit_.value.code == 0
    payload = json.loads(capsys.readouterr().out)
    level = next(f for f in payload["facts"] if f["kind"] == "level")
    assert level["figures"][0]["text"] == "8,0 %"
    assert level["figures"][0]["source"].startswith("Tabelle: 09161")
    assert all(c["kept"] for c in payload["checks"])
    with pytest.raises(SystemExit) as exit_:
        main(["report", "-i", "D15.1", "-d", str(data), "-r", "09999", "-o", str(tmp_path / "c.md")])
    assert exit_.value.code != 0
    err = capsys.readouterr().err
    assert "Regionalschlüssel '09999'" in err and "Am nächsten" in err
    assert not (tmp_path / "c.md").exists()
