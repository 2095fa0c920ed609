"""`lotse indicator list|show|search` through click's CliRunner and the real entry point."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.cli.main import cli, main
from assistant.errors import InputError


@pytest.fixture
def run(settings):  # settings: no developer lotse.toml, no LOTSE_* variables
    def invoke(*args: str):
        return CliRunner().invoke(cli, ["indicator", *args])
    return invoke


def test_list_shows_all_areas_and_gaps(run):
    result = run("list")
    assert result.exit_code == 0, result.output
    assert "C7.1" in result.output and "G10.1" in result.output
    assert "Lücken" in result.output and "H:" in result.output


def test_list_filters_by_area_and_emits_json(run):
    result = run("list", "--area", "d", "--json")
    data = json.loads(result.output)
    assert data and {d["area"] for d in data} == {"D"}
    assert {"D15.1", "D12.1"} <= {d["id"] for d in data}


def test_list_rejects_unknown_area(run):
    result = run("list", "--area", "Z")
    assert result.exit_code != 0 and isinstance(result.exception, InputError)
    assert "kein Bereich" in result.exception.message


@pytest.mark.parametrize("indicator_id, formula, table", [
    ("C7.1", "Kinder unter 3 Jahren in Kindertageseinrichtungen", "22543-03-01-4"),
    ("D15.1", "Abgänger ohne Hauptschulabschluss", "21111-02-06-4"),
    ("E7.1", "Ausbildungsanfänger im Alter a", "12411-02-03-4"),
    ("G7.1", "Kursbelegungen an Volkshochschulen", "Volkshochschul-Statistik"),
])
def test_show_prints_formula_source_and_table(run, indicator_id, formula, table):
    result = run("show", indicator_id)
    assert result.exit_code == 0, result.output
    out = result.output
    assert out.startswith(indicator_id)
    assert "Formel:" in out and formula in out
    assert "Datenquellen:" in out and table in out
    assert "Quellen:" in out and "ID-Status: abgeleitet" in out


def test_show_is_deterministic_and_json_is_complete(run):
    assert run("show", "D15.1").output == run("show", "D15.1").output
    data = json.loads(run("show", "D15.1", "--json").output)
    assert data["id"] == "D15.1" and data["formula"]["method"] == "ratio"
    assert data["data_sources"][0]["tables"] == ["21111-02-06-4", "21111-02-06-4-B"]


def test_search_lists_matches(run):
    result = run("search", "Betreuungsquote")
    lines = result.output.splitlines()
    assert lines[0].startswith("C7.1") and lines[1].startswith("C7.2")
    assert json.loads(run("search", "AAQ", "--json").output)[0]["id"] == "E7.1"
    assert "Kein Indikator passt" in run("search", "Segelflug").output


def test_show_unknown_id_raises_german_error_with_closest_ids(run):
    result = run("show", "D15.9")
    assert result.exit_code != 0
    assert isinstance(result.exception, InputError)
    assert "D15.1" in result.exception.hint


def test_unknown_id_through_the_entry_point(settings, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["indicator", "show", "D15.9"])
    assert exit_.value.code == InputError.exit_code != 0
    err = capsys.readouterr().err
    assert "Den Indikator 'D15.9' gibt es im Katalog nicht" in err and "D15.1" in err
