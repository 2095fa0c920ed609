"""Free tasks -> plans, deterministically (no model, no sandbox): template, columns, regions."""

from __future__ import annotations

import pytest

from assistant import PROJECT_ROOT
from assistant.catalogue import load_catalogue
from assistant.errors import NoTemplateError
from assistant.codegen.describe import describe_file
from assistant.codegen.tasks import factor_of, kind_of, plan_task
from assistant.codegen.templates import CodeTemplateLibrary
from tests.codegen.test_generate import ABSCHLUESSE, KITA

LIB = CodeTemplateLibrary(PROJECT_ROOT / "prompts" / "code")
OHNE, ALLE = "ohne Hauptschulabschluss | Insgesamt", "Insgesamt | Insgesamt"


@pytest.fixture(scope="module")
def catalogue():
    return load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")


@pytest.fixture(scope="module")
def tables():
    return {"A": describe_file(ABSCHLUESSE), "K": describe_file(KITA)}


CASES = [
    ("A", "Berechne für alle Kreise den Anteil der Abgänger ohne Hauptschulabschluss an allen Abgängern.",
     "anteil_gruppe", {"zaehler": OHNE, "nenner": ALLE}),
    ("A", "Schulabbrecherquote je Kreis", "indikator_pandas",
     {"abgaenger_ohne_abschluss": OHNE, "absolventen_abgaenger": ALLE}),
    ("A", "Welcher Kreis in Bayern hat die höchste Quote ohne Hauptschulabschluss?", "rangfolge",
     {"zaehler": OHNE, "nenner": ALLE}),
    ("A", "Liste die fünf Kreise mit dem niedrigsten Anteil an Abgängern mit allgemeiner Hochschulreife.",
     "rangfolge", {"zaehler": "mit allgemeiner Hochschulreife | Insgesamt", "nenner": ALLE}),
    ("A", "Gepoolter Anteil ohne Hauptschulabschluss über alle Kreise in Schleswig-Holstein",
     "anteil_gepoolt", {"zaehler": OHNE, "nenner": ALLE}),
    ("A", ("Vergleiche für jeden Kreis den Anteil der Abgänger ohne Hauptschulabschluss mit dem Wert des "
           "jeweiligen Bundeslandes und mit Deutschland."), "vergleich_land_bund", {"zaehler": OHNE, "nenner": ALLE}),
    ("A", "Wie groß ist die Differenz zwischen allen Absolventen und den weiblichen Absolventen je Kreis?",
     "differenz", {"spalte_a": ALLE, "spalte_b": "Insgesamt | weiblich"}),
    ("K", "Anteil der Horte an allen Tageseinrichtungen je Kreis", "anteil_gruppe",
     {"zaehler": "Tageseinrichtungen für Kinder | Horte", "nenner": "Tageseinrichtungen für Kinder | Insgesamt"}),
    ("K", "Welcher Kreis hat die meisten verfügbaren Plätze?", "rangfolge",
     {"zaehler": "Verfügbare Plätze | Insgesamt"}),
    ("K", "Anteil der Krippenplätze an allen Plätzen je Kreis", "anteil_gruppe",
     {"zaehler": "Verfügbare Plätze | Plätze für Krippenkinder", "nenner": "Verfügbare Plätze | Insgesamt"}),
    ("K", "Personal je Einrichtung", "anteil_gruppe",
     {"zaehler": "Tätige Personen | Insgesamt", "nenner": "Tageseinrichtungen für Kinder | Insgesamt"}),
    ("A", "Anteil der Mädchen an allen Abgängern ohne Hauptschulabschluss", "anteil_gruppe",
     {"zaehler": "ohne Hauptschulabschluss | weiblich", "nenner": OHNE}),
    ("A", "Abiturquote je Kreis: Anteil der Abiturienten an allen Absolventen", "anteil_gruppe",
     {"zaehler": "mit allgemeiner Hochschulreife | Insgesamt", "nenner": ALLE}),
    ("K", "Wie viele Plätze pro Einrichtung gibt es in Flensburg?", "anteil_gruppe",
     {"zaehler": "Verfügbare Plätze | Insgesamt", "nenner": "Tageseinrichtungen für Kinder | Insgesamt"}),
]


@pytest.mark.parametrize("table,task,template,mapping", CASES, ids=[c[1][:40] for c in CASES])
def test_task_to_plan(catalogue, tables, table, task, template, mapping):
    plan = plan_task(task, tables[table], catalogue, LIB, "pandas", [])
    assert plan.template.id == template
    assert plan.mapping_text() == mapping


def test_regions_from_the_task(catalogue, tables):
    bayern = plan_task("Welcher Kreis in Bayern hat die höchste Quote ohne Hauptschulabschluss?",
                       tables["A"], catalogue, LIB, "pandas", [])
    assert bayern.regions and all(r.startswith("09") and len(r) == 5 for r in bayern.regions)
    pooled = plan_task("Gepoolter Anteil ohne Hauptschulabschluss für die Kreise 01001, 01002 und 01003",
                       tables["A"], catalogue, LIB, "pandas", [])
    assert pooled.regions == ["01001", "01002", "01003"]
    compared = plan_task("Vergleiche Kiel mit dem Landeswert beim Anteil ohne Hauptschulabschluss",
                         tables["A"], catalogue, LIB, "pandas", [])
    # The Kreis, its Land and Deutschland: the comparison rows stand in the result too.
    assert compared.template.id == "vergleich_land_bund" and compared.regions == ["01002", "01", "DG"]


def test_kind_and_factor_words():
    assert kind_of("Entwicklung seit 2015") == "veraenderung"
    assert kind_of("Quotensumme über die Altersjahre") == "quote_altersjahre"
    assert kind_of("Anzahl der Einrichtungen je Kreis") == "summe_gruppe"
    assert factor_of("Plätze je Einrichtung") == 1.0
    assert factor_of("Ärzte je 1.000 Einwohner") == 1000.0
    assert factor_of("Anteil ohne Abschluss") == 100.0


def test_change_over_time_needs_two_years(catalogue, tables):
    from assistant.errors import InputError

    with pytest.raises(InputError, match="nur das Jahr 2023"):
        plan_task("Wie hat sich der Anteil ohne Hauptschulabschluss entwickelt?", tables["A"], catalogue,
                  LIB, "pandas", [])


def test_nothing_fits(catalogue, tables):
    with pytest.raises(NoTemplateError):
        plan_task("Berechne den Median des Einkommens", tables["A"], catalogue, LIB, "pandas", [])
