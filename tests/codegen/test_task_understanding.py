"""Free tasks of many forms, answered end to end on the base-model path and checked against
numbers read off the raw files here (csv module, no Lotse code): names resolved with the
old/new-key rule, Länder and Bund, level words and top N, groups without a column of their own
(männlich = Insgesamt − weiblich), listed or "höchstens" categories, per-unit ratios, the 2024
"-B" edition's new terms, and a task whose ratio the table cannot give.
"""

from __future__ import annotations

import csv
import io
import math
import re
from pathlib import Path

import pytest

from assistant import PROJECT_ROOT
from assistant.errors import NoTemplateError
from assistant.llm.fake import FakeBackend
from tests.codegen.test_generate import ABSCHLUESSE, KITA

B_EDITION = PROJECT_ROOT / "tests" / "data" / "tables" / "21111-02-06-4-B.excerpt.csv"
# Value columns (0-based field index in a data line).
# Abschlüsse: Insgesamt, ohne HSA, mit HSA, Mittlerer, dar. schul. Teil FHR, FHR, allg. HR;
# each as Insgesamt then weiblich.
ALL, ALL_W, OHNE, OHNE_W, HSA, HSA_W, FHR, HR, HR_W = 3, 4, 5, 6, 7, 8, 13, 15, 16
# Kita 2002: Einrichtungen insgesamt; Plätze insgesamt, Krippe, Kindergarten, Hort; Personen.
EINR, PLAETZE, KRIPPE, HORT, PERSONEN = 3, 8, 9, 11, 12


def raw(path: Path) -> dict[str, tuple[str, list[float | None]]]:
    """Region key -> (name, numbers of the data line): '-' is 0, '.' and 'x' are missing."""
    data = path.read_bytes()
    text = data.decode("utf-8-sig" if data.startswith(b"\xef\xbb\xbf") else "cp1252")
    out = {}
    for row in csv.reader(io.StringIO(text), delimiter=";"):
        cells = [c.strip() for c in row]
        if len(cells) < 5 or not re.fullmatch(r"\d{4}|\d\d\.\d\d\.\d{4}", cells[0]) \
                or not re.fullmatch(r"DG|\d{2,12}", cells[1]):
            continue
        numbers = [float(c) if c.isdigit() else 0.0 if c == "-" else None for c in cells[3:]]
        out[cells[1]] = (cells[2], [None, None, None] + numbers)
    return out


def share(line: list, num: int | list[int], den: int, factor: float = 100.0) -> float:
    nums = num if isinstance(num, list) else [num]
    return sum(line[n] for n in nums) / line[den] * factor


@pytest.fixture(scope="module")
def tables():
    return {"A": raw(ABSCHLUESSE), "K": raw(KITA), "B": raw(B_EDITION)}


@pytest.fixture
def lotse(settings):
    from assistant.service import Lotse

    return Lotse(settings, backend=FakeBackend(kind="base"), status=lambda _: None)


def rows(result, key: str = "region") -> dict[str, dict]:
    assert result.validated, [c.to_dict() for c in result.checks]
    return {r[key]: r for r in result.result}


@pytest.mark.slow
def test_compound_quote_word_and_a_city_name(lotse, sandbox, tables):
    result = lotse.generate_code(ABSCHLUESSE, task="Wie hoch ist die Abiturquote in Magdeburg?")
    line = tables["A"]["15003"][1]  # Magdeburg, kreisfreie Stadt (15303 is the empty old key)
    got = rows(result)
    assert list(got) == ["15003"]
    assert math.isclose(got["15003"]["anteil"], share(line, HR, ALL), rel_tol=1e-9)


@pytest.mark.slow
def test_bottom_five_landkreise_of_one_land(lotse, sandbox, tables):
    result = lotse.generate_code(ABSCHLUESSE, task="Welche fünf Landkreise in Bayern haben den "
                                 "niedrigsten Anteil an Abgängern ohne Abschluss?")
    landkreise = {k: share(v[1], OHNE, ALL) for k, v in tables["A"].items()
                  if k.startswith("09") and len(k) == 5 and "Landkreis" in v[0] and v[1][ALL]}
    expected = sorted(landkreise, key=landkreise.get)[:5]
    got = rows(result)
    assert sorted(got, key=lambda k: got[k]["rang"]) == expected
    for key in expected:
        assert math.isclose(got[key]["wert"], landkreise[key], rel_tol=1e-9)


@pytest.mark.slow
@pytest.mark.parametrize("language", ["pandas", "r"])
def test_girls_and_boys_with_their_own_denominators(lotse, sandbox, rscript, tables, language):
    result = lotse.generate_code(ABSCHLUESSE, language=language, task="Wie viel Prozent der Mädchen in "
                                 "Sachsen machen Abitur, im Vergleich zu den Jungen?")
    line = tables["A"]["14"][1]
    girls = share(line, HR_W, ALL_W)
    boys = (line[HR] - line[HR_W]) / (line[ALL] - line[ALL_W]) * 100
    got = rows(result)["14"]
    assert result.template.startswith("gruppenvergleich")
    assert math.isclose(got["wert_a"], girls, rel_tol=1e-9) and math.isclose(got["wert_b"], boys, rel_tol=1e-9)
    assert math.isclose(got["abstand"], girls - boys, rel_tol=1e-9)
    assert "Insgesamt minus weiblich" in result.message


@pytest.mark.slow
def test_pooled_share_of_three_named_cities(lotse, sandbox, tables):
    result = lotse.generate_code(ABSCHLUESSE, task="Berechne den gemeinsamen Anteil ohne "
                                 "Hauptschulabschluss für Kiel, Lübeck und Flensburg zusammen.")
    lines = [tables["A"][k][1] for k in ("01001", "01002", "01003")]
    pooled = sum(x[OHNE] for x in lines) / sum(x[ALL] for x in lines) * 100
    mean = sum(share(x, OHNE, ALL) for x in lines) / 3
    assert result.validated and len(result.result) == 1
    assert math.isclose(result.result[0]["anteil_gepoolt"], pooled, rel_tol=1e-9)
    assert math.isclose(result.result[0]["mittelwert_der_anteile"], mean, rel_tol=1e-9)


@pytest.mark.slow
def test_city_against_its_land_in_percentage_points(lotse, sandbox, tables):
    result = lotse.generate_code(ABSCHLUESSE, task="Um wie viele Prozentpunkte liegt Dortmund beim "
                                 "Anteil ohne Hauptschulabschluss über dem Wert von NRW?")
    city, land = share(tables["A"]["05913"][1], OHNE, ALL), share(tables["A"]["05"][1], OHNE, ALL)
    got = rows(result)
    assert math.isclose(got["05913"]["abstand_land"], city - land, rel_tol=1e-9)
    assert math.isclose(got["05"]["wert"], land, rel_tol=1e-9)  # the Land row stands in the result
    assert got["05"]["abstand_land"] is None


@pytest.mark.slow
def test_at_most_a_hauptschulabschluss_adds_two_columns(lotse, sandbox, tables):
    result = lotse.generate_code(ABSCHLUESSE, task="Anteil mit höchstens Hauptschulabschluss in Rostock")
    line = tables["A"]["13003"][1]  # the city, not "Landkreis Rostock"
    assert math.isclose(rows(result)["13003"]["anteil"], share(line, [OHNE, HSA], ALL), rel_tol=1e-9)
    assert " + " in result.mapping["zaehler"]


@pytest.mark.slow
def test_count_of_boys_is_total_minus_girls(lotse, sandbox, tables):
    result = lotse.generate_code(ABSCHLUESSE, task="Wie viele Jungen haben in Thüringen die allgemeine "
                                 "Hochschulreife erworben?")
    line = tables["A"]["16"][1]
    assert rows(result)["16"]["wert"] == line[HR] - line[HR_W]


@pytest.mark.slow
def test_land_with_the_lowest_share_ranks_laender_only(lotse, sandbox, tables):
    result = lotse.generate_code(ABSCHLUESSE, task="Welches Bundesland hat die niedrigste Quote ohne "
                                 "Hauptschulabschluss?")
    laender = {k: share(v[1], OHNE, ALL) for k, v in tables["A"].items() if len(k) == 2 and k != "DG"}
    got = rows(result)
    assert set(got) == set(laender)
    best = min(laender, key=laender.get)
    assert got[best]["rang"] == 1


@pytest.mark.slow
def test_kita_share_of_hort_places_in_two_laender(lotse, sandbox, tables):
    result = lotse.generate_code(KITA, task="Anteil der Hortplätze an allen Plätzen in Berlin und Brandenburg")
    got = rows(result)
    for key in ("11", "12"):
        assert math.isclose(got[key]["anteil"], share(tables["K"][key][1], HORT, PLAETZE), rel_tol=1e-9)


@pytest.mark.slow
def test_kita_top_three_kreise_by_krippe_places(lotse, sandbox, tables):
    result = lotse.generate_code(KITA, task="Welche drei Kreise in Sachsen hatten die meisten Krippenplätze?")
    kreise = {k: v[1][KRIPPE] for k, v in tables["K"].items()
              if k.startswith("14") and len(k) == 5 and v[1][KRIPPE] is not None and any(v[1][3:])}
    expected = sorted(kreise, key=lambda k: -kreise[k])[:3]
    got = rows(result)
    assert sorted(got, key=lambda k: got[k]["rang"]) == expected
    assert [got[k]["wert"] for k in expected] == [kreise[k] for k in expected]


@pytest.mark.slow
def test_kita_staff_per_facility_and_old_key_with_data(lotse, sandbox, tables):
    staff = lotse.generate_code(KITA, task="Personal je Einrichtung in Mecklenburg-Vorpommern")
    line = tables["K"]["13"][1]
    assert math.isclose(rows(staff)["13"]["anteil"], line[PERSONEN] / line[EINR], rel_tol=1e-9)
    # Chemnitz has two keys; in 2002 the old one (14161) carries the numbers.
    compared = lotse.generate_code(KITA, task="Wie viele Plätze pro Einrichtung gibt es in Chemnitz im "
                                   "Vergleich zum Land Sachsen?")
    got = rows(compared)
    city, land = tables["K"]["14161"][1], tables["K"]["14"][1]
    assert math.isclose(got["14161"]["wert"], city[PLAETZE] / city[EINR], rel_tol=1e-9)
    assert math.isclose(got["14161"]["abstand_land"], city[PLAETZE] / city[EINR] - land[PLAETZE] / land[EINR],
                        rel_tol=1e-9)
    assert "14511" in compared.message  # the assumption names the empty new key


@pytest.mark.slow
def test_b_edition_new_terms_and_groups(lotse, sandbox, tables):
    girls = lotse.generate_code(B_EDITION, task="Abiquote der Mädchen in Kiel")
    line = tables["B"]["01002"][1]
    assert math.isclose(rows(girls)["01002"]["anteil"], share(line, HR_W, ALL_W), rel_tol=1e-9)
    goettingen = lotse.generate_code(B_EDITION, task="Anteil ohne Ersten Schulabschluss in Göttingen")
    row = rows(goettingen)["03159"]  # D15.1 (indicator template) or the share template
    value = row.get("anteil_ohne_abschluss", row.get("anteil"))
    assert math.isclose(value, share(tables["B"]["03159"][1], OHNE, ALL), rel_tol=1e-9)
    gap = lotse.generate_code(B_EDITION, task="Unterschied zwischen Jungen und Mädchen beim Anteil ohne "
                              "Abschluss in Flensburg")
    fl = tables["B"]["01001"][1]
    boys = (fl[OHNE] - fl[OHNE_W]) / (fl[ALL] - fl[ALL_W]) * 100
    assert math.isclose(rows(gap)["01001"]["abstand"], boys - share(fl, OHNE_W, ALL_W), rel_tol=1e-9)


def test_a_ratio_the_table_cannot_give_is_refused_with_its_columns(lotse):
    with pytest.raises(NoTemplateError) as caught:
        lotse.generate_code(KITA, task="Wie viele Kinder kommen auf eine Fachkraft in Leipzig?")
    assert "Verfügbare Plätze | Insgesamt" in caught.value.message


def test_plans_state_their_assumptions(settings):
    from assistant.catalogue import load_catalogue
    from assistant.codegen.describe import describe_file
    from assistant.codegen.tasks import plan_task
    from assistant.codegen.templates import CodeTemplateLibrary

    library = CodeTemplateLibrary(PROJECT_ROOT / "prompts" / "code")
    catalogue = load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")
    data = describe_file(ABSCHLUESSE)
    plan = plan_task("Wie viel Prozent der Abgänger in Halle haben Fachabitur?", data, catalogue, library,
                     "pandas", [])
    assert plan.regions == ["15002"] and "15202" in " ".join(plan.assumptions)
    assert plan.mapping_text()["zaehler"] == "mit Fachhochschulreife | Insgesamt"
    bremen = plan_task("Anteil ohne HSA in der Stadt Bremen", data, catalogue, library, "pandas", [])
    assert bremen.regions == ["04011"]
    land = plan_task("Anteil ohne HSA in Bremen", data, catalogue, library, "pandas", [])
    assert land.regions[0] == "04" and all(r.startswith("04") for r in land.regions)  # the Land, then its Kreise
    kreis = plan_task("Anteil ohne HSA im Landkreis Leipzig", data, catalogue, library, "pandas", [])
    assert kreis.regions == ["14729"]


@pytest.mark.slow
def test_or_higher_and_a_genitive_land_name(lotse, sandbox, tables):
    higher = lotse.generate_code(ABSCHLUESSE, task="Anteil der Abgänger mit Mittlerem Abschluss oder höher "
                                 "in Bremerhaven")
    line = tables["A"]["04012"][1]
    assert math.isclose(rows(higher)["04012"]["anteil"], share(line, [9, FHR, HR], ALL), rel_tol=1e-9)
    ranked = lotse.generate_code(ABSCHLUESSE, task="In welchem Kreis Niedersachsens verlassen die meisten "
                                 "Jugendlichen die Schule ohne Abschluss (in Prozent)?")
    kreise = {k: share(v[1], OHNE, ALL) for k, v in tables["A"].items()
              if k.startswith("03") and len(k) == 5 and v[1][ALL]}
    got = rows(ranked)
    assert set(got) == set(kreise)
    assert got[max(kreise, key=kreise.get)]["rang"] == 1


@pytest.mark.slow
def test_compound_share_word_compared_with_land_and_bund(lotse, sandbox, tables):
    result = lotse.generate_code(KITA, task="Vergleich: Krippenplatzanteil in Rostock gegenüber "
                                 "Mecklenburg-Vorpommern und Deutschland")
    got = rows(result)
    city, land, bund = (share(tables["K"][k][1], KRIPPE, PLAETZE) for k in ("13003", "13", "DG"))
    assert math.isclose(got["13003"]["abstand_land"], city - land, rel_tol=1e-9)
    assert math.isclose(got["13003"]["abstand_bund"], city - bund, rel_tol=1e-9)
    assert math.isclose(got["DG"]["wert"], bund, rel_tol=1e-9)


def test_pairs_bezirke_and_whole_table_counts(settings):
    from assistant.catalogue import load_catalogue
    from assistant.codegen.describe import describe_file
    from assistant.codegen.tasks import plan_task
    from assistant.codegen.templates import CodeTemplateLibrary

    library = CodeTemplateLibrary(PROJECT_ROOT / "prompts" / "code")
    catalogue = load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")
    schools, kita = describe_file(ABSCHLUESSE), describe_file(KITA)
    both = plan_task("Wie groß ist in Köln der Anteil der Absolventinnen und Absolventen mit "
                     "Fachhochschulreife?", schools, catalogue, library, "pandas", [])
    assert both.mapping_text() == {"zaehler": "mit Fachhochschulreife | Insgesamt", "nenner": "Insgesamt | Insgesamt"}
    leavers = plan_task("Wie viele Schülerinnen und Schüler haben 2023 in Kiel die Schule verlassen?",
                        schools, catalogue, library, "pandas", [])
    assert leavers.template.id == "summe_gruppe" and leavers.mapping_text() == {"zaehler": "Insgesamt | Insgesamt"}
    assert leavers.regions == ["01002"] and leavers.assumptions
    bezirk = plan_task("Anteil der Kinderkrippen an allen Einrichtungen im Regierungsbezirk Dresden",
                       kita, catalogue, library, "pandas", [])
    assert bezirk.regions == ["142"]


@pytest.mark.slow
def test_change_in_percentage_points_on_a_two_year_genesis_table(lotse, sandbox, tables, tmp_path):
    # A made two-year edition: the 2023 lines plus 2022 lines with every count cut to 9/10.
    text = ABSCHLUESSE.read_bytes().decode("cp1252")
    lines = []
    for line in text.split("\n"):
        if line.startswith("2023;"):
            cells = line.split(";")
            lines.append(";".join(["2022", *cells[1:3]] + [str(int(c) * 9 // 10) if c.strip().isdigit() else c
                                                           for c in cells[3:]]))
        lines.append(line)
    path = tmp_path / ABSCHLUESSE.name
    path.write_bytes("\n".join(lines).encode("cp1252"))
    result = lotse.generate_code(path, task="Um wie viele Prozentpunkte hat sich der Anteil ohne "
                                 "Hauptschulabschluss in Kiel seit 2022 verändert?")
    now = tables["A"]["01002"][1]
    before = [None if v is None else float(int(v) * 9 // 10) for v in now]
    got = rows(result)["01002"]
    assert math.isclose(got["wert_von"], share(before, OHNE, ALL), rel_tol=1e-9)
    assert math.isclose(got["veraenderung"], share(now, OHNE, ALL) - share(before, OHNE, ALL), rel_tol=1e-9)


@pytest.mark.slow
def test_own_csv_children_per_facility(lotse, sandbox, tmp_path):
    path = tmp_path / "kita.csv"
    path.write_text("Kreis;Jahr;Plätze insgesamt;Einrichtungen;Kinder in Tagesbetreuung\n"
                    "Kiel;2023;9900;160;9300\nLübeck;2023;7300;118;7100\n", encoding="utf-8")
    result = lotse.generate_code(path, task="Wie viele Kinder kommen auf eine Einrichtung in Lübeck?")
    assert rows(result)["Lübeck"]["anteil"] == pytest.approx(7100 / 118)
    assert result.mapping == {"zaehler": "Kinder in Tagesbetreuung", "nenner": "Einrichtungen"}


def test_more_forms_of_the_same_questions(settings):
    from assistant.catalogue import load_catalogue
    from assistant.codegen.regions import of_level
    from assistant.codegen.describe import describe_file
    from assistant.codegen.tasks import plan_task
    from assistant.codegen.templates import CodeTemplateLibrary

    library = CodeTemplateLibrary(PROJECT_ROOT / "prompts" / "code")
    catalogue = load_catalogue(PROJECT_ROOT / "knowledge" / "indicators")
    schools, kita = describe_file(ABSCHLUESSE), describe_file(KITA)
    none = plan_task("Wie viele Prozent der Schulabgänger in Berlin-Mitte haben keinen Abschluss?", schools,
                     catalogue, library, "pandas", [])
    assert none.mapping_text()["zaehler"] == "ohne Hauptschulabschluss | Insgesamt" and none.regions == ["11001001"]
    city = plan_task("Welche Großstadt hat die höchste Abiturquote?", schools, catalogue, library, "pandas", [])
    assert city.template.id == "rangfolge" and city.regions == of_level(schools, "kreisfrei")
    assert "01001" in city.regions and "01051" not in city.regions  # Flensburg yes, Dithmarschen no
    pooled = plan_task("Plätze für Kindergartenkinder in Kiel, Lübeck, Flensburg und Neumünster zusammen als "
                       "Anteil aller Plätze", kita, catalogue, library, "pandas", [])
    assert pooled.template.id == "anteil_gepoolt"
    assert sorted(pooled.regions) == ["01001", "01002", "01003", "01004"]
    assert pooled.mapping_text() == {"zaehler": "Verfügbare Plätze | Plätze für Kindergartenkinder",
                                     "nenner": "Verfügbare Plätze | Insgesamt"}


STUDENTS = """Tabelle: 21311-01-01-4
Studierende nach Geschlecht und Nationalität;;;;;;;;;;;
Statistik der Studierenden;;;;;;;;;;;
;;;Insgesamt;Insgesamt;Insgesamt;männlich;männlich;männlich;weiblich;weiblich;weiblich
;;;Insgesamt;deutsch;ausländisch;Insgesamt;deutsch;ausländisch;Insgesamt;deutsch;ausländisch
2023;01001;Flensburg, kreisfreie Stadt;9129;8250;879;3990;3489;498;5139;4761;381
2023;01002;Kiel, kreisfreie Stadt;30000;27000;3000;14000;12500;1500;16000;14500;1500
2023;01004;Neumünster, kreisfreie Stadt;-;-;-;-;-;-;-;-;-
__________
(C) Statistische Ämter des Bundes und der Länder
"""


@pytest.mark.slow
def test_made_table_with_two_group_dimensions(lotse, sandbox, tmp_path):
    """Geschlecht and Nationalität as two header levels (values made up): comparing men and women
    keeps the other dimension's word ("Ausländeranteil") in the measure."""
    path = tmp_path / "studierende.csv"
    path.write_text(STUDENTS, encoding="cp1252")
    gap = lotse.generate_code(path, task="Unterschied zwischen Männern und Frauen beim Ausländeranteil in Kiel")
    got = rows(gap)["01002"]
    assert got["wert_a"] == pytest.approx(1500 / 14000 * 100) and got["wert_b"] == pytest.approx(1500 / 16000 * 100)
    women = lotse.generate_code(path, task="Wie viel Prozent der Studentinnen in Flensburg sind Ausländerinnen?")
    assert rows(women)["01001"]["anteil"] == pytest.approx(381 / 5139 * 100)
