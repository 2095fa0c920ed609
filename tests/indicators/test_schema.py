"""The catalogue files load, follow the schema, and say where their facts come from."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import PROJECT_ROOT
from assistant.catalogue import CatalogueError, load_catalogue
from assistant.catalogue.loader import load_area_file
from assistant.catalogue.references import fixture_paths, pandas_path, r_path, read_table
from assistant.errors import InputError

INDICATORS = PROJECT_ROOT / "knowledge" / "indicators"
FILES = sorted(INDICATORS.glob("*.yaml"))


@pytest.fixture(scope="module")
def cat():
    return load_catalogue(INDICATORS)


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_every_catalogue_file_passes_the_schema(path: Path):
    # A broken file fails here with "Katalogdatei '<file>', Eintrag '<id>': Feld '<field>' …".
    area, _ = load_area_file(path)
    assert path.name.startswith(f"{area.area}-")


def test_one_file_per_area_a_to_h():
    assert [p.name[0] for p in FILES] == list("ABCDEFGH")


def test_catalogue_size_and_coverage(cat):
    entries = cat.all()
    assert len(entries) >= 40
    assert {i.area for i in entries} >= set("ABCDEFG")
    assert sum(i.computable for i in entries) >= 32
    assert len({i.id for i in entries}) == len(entries)


def test_gaps_are_said_not_invented(cat):
    # Area H: entries over real statistics, marked as derived, no invented table codes; the
    # topics without any source stay a gap note.
    h = cat.by_area("H")
    assert {i.id for i in h} >= {"H7.1", "H7.2", "H7.3"}
    assert all(i.id_status == "abgeleitet" and not i.computable for i in h)
    statistics = " ".join(s.statistic for i in h for s in i.data_sources)
    for name in ("Deutsche Bibliotheksstatistik", "Musikschulen", "Angebote der Jugendarbeit"):
        assert name in statistics
    assert all(not s.tables for i in h for s in i.data_sources if "Bevölkerung" not in s.statistic)
    assert any("keinen belegten Indikator" in g for g in cat.gaps["H"])
    assert cat.gaps["A"], "A4 gap note missing"


def test_every_entry_names_sources_and_id_status(cat):
    for ind in cat.all():
        assert ind.sources, ind.id
        assert ind.id_status in ("belegt", "abgeleitet"), ind.id
        assert ind.data_sources and all(s.statistic and s.holder for s in ind.data_sources), ind.id
        assert "ID-Status: " + ind.id_status in ind.to_text()


def test_computable_entries_have_both_references_and_fixtures(cat):
    for ind in cat.all():
        src, exp = fixture_paths(ind.id)
        has = [pandas_path(ind.id).is_file(), r_path(ind.id).is_file(), src.is_file(), exp.is_file()]
        assert all(has) if ind.computable else not any(has), ind.id


def test_fixture_headers_follow_the_contract(cat):
    for ind in (i for i in cat.all() if i.computable):
        src, exp = fixture_paths(ind.id)
        assert list(read_table(src).columns) == [c.name for c in ind.input], ind.id
        assert list(read_table(exp).columns) == [c.name for c in ind.output], ind.id


def _write_area(tmp_path: Path, entry_yaml: str) -> Path:
    folder = tmp_path / "indicators"
    folder.mkdir()
    text = (INDICATORS / "C-fruehkindliche-bildung.yaml").read_text(encoding="utf-8")
    (folder / "C-test.yaml").write_text(text.replace(*entry_yaml.split("|")), encoding="utf-8")
    return folder


def test_schema_error_names_file_entry_and_field(tmp_path: Path):
    folder = _write_area(tmp_path, '      unit: "%"\n      method: ratio\n      note: Über die Einzel'
                                   '|      unit: "%"\n      methode: ratio\n      note: Über die Einzel')
    with pytest.raises(CatalogueError) as err:
        load_catalogue(folder)
    msg = str(err.value)
    assert "C-test.yaml" in msg and "'C7.1'" in msg and "formula.methode" in msg


def test_wrong_value_is_reported_with_field(tmp_path: Path):
    folder = _write_area(tmp_path, "    stage: Input\n    kind: Ergänzung\n    definition: >-\n      Zahl der"
                                   "|    stage: Eingabe\n    kind: Ergänzung\n    definition: >-\n      Zahl der")
    with pytest.raises(CatalogueError, match=r"Eintrag 'C6.1'.*Feld 'stage'"):
        load_catalogue(folder)


def test_an_id_used_twice_is_refused_with_both_files(tmp_path: Path):
    folder = tmp_path / "indicators"
    folder.mkdir()
    text = (INDICATORS / "C-fruehkindliche-bildung.yaml").read_text(encoding="utf-8")
    (folder / "C-a.yaml").write_text(text, encoding="utf-8")
    (folder / "C-b.yaml").write_text(text, encoding="utf-8")
    with pytest.raises(CatalogueError, match=r"doppelt \(schon in 'C-a.yaml'\)"):
        load_catalogue(folder)


def test_unknown_id_lists_the_closest_ids(cat):
    with pytest.raises(InputError) as err:
        cat.get("C7.9")
    assert "gibt es im Katalog nicht" in err.value.message
    assert "C7.1" in err.value.hint


def test_get_is_case_insensitive(cat):
    assert cat.get("d15.1").id == "D15.1"


def test_catalogue_is_cached_per_directory_until_a_file_changes(tmp_path: Path):
    folder = _write_area(tmp_path, "x|x")
    first = load_catalogue(folder)
    assert load_catalogue(folder) is first
    path = folder / "C-test.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("Krippenquote", "Krippenrate"), encoding="utf-8")
    again = load_catalogue(folder)
    assert again is not first and "Krippenrate" in again.get("C7.1").synonyms


def test_to_text_has_formula_date_sources_tables_caveats(cat):
    text = cat.get("C7.1").to_text()
    for part in ("Formel:", "× 100", "Stichtag: Betreute Kinder am 1.3.", "22543-03-01-4",
                 "Quellen:", "nifbe.de", "Vorsicht:", "Durchschnitt der Jahrgangsquoten"):
        assert part in text
