"""Lotse.generate_code: free tasks on the base-model path, a model's wrong snippets, bad input."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.errors import NoTemplateError
from assistant.errors import InputError, PrivacyError
from assistant.llm.fake import FakeBackend
from tests.codegen.test_generate import ABSCHLUESSE, KITA, hand_shares

#: Plausible but wrong: the mean of the line shares per region instead of the pooled share. On
#: the original table (one line per Kreis and year) it gives the right numbers by coincidence.
MEAN_OF_SHARES = '''
import pandas as pd

roh = pd.read_csv("21111-02-06-4.csv", sep=";", encoding="cp1252", header=None, names=range(17),
                  skiprows=9, dtype=str, keep_default_na=False, on_bad_lines="skip")
roh = roh[roh[0].str.strip().str.match(r"^\\d{4}$", na=False)]
roh = roh[roh[1].str.strip() != ""]
leer = (roh[list(range(3, 17))].apply(lambda s: s.str.strip()) == "-").all(axis=1)


def zahl(spalte):
    return pd.to_numeric(roh[spalte].str.strip().replace({"-": "0"}), errors="coerce").mask(leer)


df = pd.DataFrame({"region": roh[1].str.strip(), "jahr": roh[0].str.strip().astype(int),
                   "ohne": zahl(5), "alle": zahl(3)})
df["anteil"] = df["ohne"] / df["alle"].where(df["alle"] != 0) * 100
gruppen = df.groupby(["region", "jahr"])
ergebnis = gruppen[["ohne", "alle"]].sum(min_count=1).rename(
    columns={"ohne": "abgaenger_ohne_abschluss", "alle": "absolventen_abgaenger"})
ergebnis["anteil_ohne_abschluss"] = gruppen["anteil"].mean()
ergebnis = ergebnis.reset_index()
'''
#: Wrong denominator: the female leavers instead of all leavers.
WRONG_DENOMINATOR = MEAN_OF_SHARES.replace('"alle": zahl(3)', '"alle": zahl(4)')


@pytest.fixture
def lotse(settings):
    from assistant.service import Lotse

    return Lotse(settings, backend=FakeBackend(kind="base"), status=lambda _: None)


def model_lotse(settings, *replies: str):
    from assistant.service import Lotse

    fake = FakeBackend(replies, kind="instruct")
    return Lotse(settings, backend=fake, status=lambda _: None), fake


# --- the comparison catches plausible wrong snippets ----------------------------------------------

@pytest.mark.slow
def test_mean_of_shares_passes_the_original_but_not_the_perturbed_copies(settings, sandbox):
    from assistant.catalogue import load_catalogue
    from assistant.codegen.generate import expectation
    from assistant.codegen.plan import plan_indicator
    from assistant.codegen.describe import describe_file
    from assistant.codegen.validate import validate
    from assistant.service import Lotse

    lotse = Lotse(settings, backend=FakeBackend(kind="base"))
    data = describe_file(ABSCHLUESSE)
    indicator = load_catalogue(settings.paths.knowledge_dir / "indicators").get("D15.1")
    plan = plan_indicator(data, indicator, lotse.code_templates.get("indikator_pandas"), [])
    outcome = validate(MEAN_OF_SHARES, "pandas", data, expectation(plan, "pandas", False), sandbox)
    assert not outcome.passed
    compared = next(c for c in outcome.checks if c.name == "vergleich_referenz")
    assert not compared.passed
    assert "original:" not in compared.detail  # right on the user's file by coincidence …
    assert "nenner_variiert_zeilen_geteilt:" in compared.detail  # … wrong once regions are split


@pytest.mark.slow
@pytest.mark.parametrize("wrong", [MEAN_OF_SHARES, WRONG_DENOMINATOR], ids=["mean_of_shares", "denominator"])
def test_model_snippet_that_stays_wrong_is_replaced_by_the_reference(settings, sandbox, wrong):
    lotse, fake = model_lotse(settings, f"```python\n{wrong}```", wrong, wrong)
    result = lotse.generate_code(ABSCHLUESSE, indicator="D15.1", draft="model")
    assert result.source == "reference"
    assert "anteil_ohne_abschluss=(\"anteil\", \"mean\")" not in result.code
    assert len(result.attempts) == 3  # draft + two repair rounds, all failed
    for attempt in result.attempts:
        assert not all(c.passed for c in attempt.checks)
        assert any(c.name == "vergleich_referenz" and not c.passed for c in attempt.checks)
    repair_prompts = [p for p in fake.prompts if "Die Prüfung ist fehlgeschlagen" in p[-1].content]
    assert len(repair_prompts) == 2
    assert "vergleich_referenz" in repair_prompts[0][-1].content
    assert result.validated is True  # the reference snippet itself passed every check
    assert "nicht bestanden" in result.message and "Referenz-Code" in result.message
    assert result.to_dict()["source"] == "reference"


@pytest.mark.slow
def test_model_snippet_repaired_in_one_round_is_shown_as_model_code(settings, sandbox):
    from assistant.catalogue import load_catalogue
    from assistant.codegen.plan import plan_indicator
    from assistant.codegen.snippet import render
    from assistant.codegen.describe import describe_file

    probe, _ = model_lotse(settings)
    plan = plan_indicator(describe_file(ABSCHLUESSE),
                          load_catalogue(settings.paths.knowledge_dir / "indicators").get("D15.1"),
                          probe.code_templates.get("indikator_pandas"), [])
    right = render(probe.code_templates, plan, "pandas")
    lotse, _ = model_lotse(settings, WRONG_DENOMINATOR, f"Hier:\n```python\n{right}```")
    result = lotse.generate_code(ABSCHLUESSE, indicator="D15.1", draft="model")
    assert result.source == "model" and result.validated
    assert len(result.attempts) == 1


# --- free tasks, deterministic (base model: never asked) -------------------------------------------

@pytest.mark.slow
def test_free_task_pooled_share_of_two_kreise(lotse, sandbox):
    result = lotse.generate_code(ABSCHLUESSE, task="Gemeinsamer Anteil der Abgänger ohne "
                                 "Hauptschulabschluss für Flensburg und Kiel zusammen")
    assert result.validated, result.checks
    assert result.template == "anteil_gepoolt" and result.source == "template"
    (row,) = result.result
    assert row["regionen"] == 2
    assert row["anteil_gepoolt"] == pytest.approx((90 + 210) / (1059 + 1959) * 100)
    assert row["mittelwert_der_anteile"] == pytest.approx((90 / 1059 + 210 / 1959) / 2 * 100)
    assert lotse.backend.prompts == []  # type: ignore[attr-defined]


@pytest.mark.slow
def test_free_task_ranking_names_the_kreis_with_the_highest_share(lotse, sandbox):
    result = lotse.generate_code(ABSCHLUESSE, task="Welcher Kreis hat den höchsten Anteil an "
                                 "Abgängern ohne Hauptschulabschluss?")
    assert result.validated and result.template == "rangfolge"
    shares = {k: v for k, v in hand_shares().items() if v is not None}
    best = max(shares, key=shares.get)
    assert result.result[0]["region"] == best and result.result[0]["rang"] == 1
    assert result.result[0]["wert"] == pytest.approx(shares[best])


@pytest.mark.slow
def test_free_task_per_unit_ratio_on_the_kita_table(lotse, sandbox):
    result = lotse.generate_code(KITA, task="Plätze je Einrichtung in jedem Kreis")
    assert result.validated and result.template == "anteil_gruppe"
    assert result.mapping == {"zaehler": "Verfügbare Plätze | Insgesamt",
                              "nenner": "Tageseinrichtungen für Kinder | Insgesamt"}
    flensburg = next(r for r in result.result if r["region"] == "01001")
    assert flensburg["anteil"] == pytest.approx(3013 / 57)  # factor 1 for "je"


@pytest.mark.slow
def test_free_task_with_a_qualifier_is_not_answered_with_the_plain_indicator(lotse, sandbox):
    result = lotse.generate_code(ABSCHLUESSE, task="Anteil der Schulabgängerinnen ohne "
                                 "Hauptschulabschluss in Schleswig-Holstein")
    assert result.validated and result.indicator is None and result.template == "anteil_gruppe"
    assert result.mapping == {"zaehler": "ohne Hauptschulabschluss | weiblich",
                              "nenner": "Insgesamt | weiblich"}
    rows = {r["region"]: r for r in result.result}
    assert set(rows) == {"01"} | {k for k in hand_shares() if k.startswith("01")}  # the Land and its Kreise
    assert rows["01001"]["anteil"] == pytest.approx(39 / 558 * 100)


@pytest.mark.slow
def test_free_task_count_per_kreis(lotse, sandbox):
    result = lotse.generate_code(KITA, task="Anzahl der Kinderkrippen je Kreis", regions=["01002"])
    assert result.validated and result.template == "summe_gruppe"
    assert result.result == ({"region": "01002", "jahr": 2002, "wert": 2.0},)


@pytest.mark.slow
@pytest.mark.r
def test_free_task_in_r_pooled_share(lotse, sandbox, rscript):
    result = lotse.generate_code(ABSCHLUESSE, language="r", task="Gemeinsamer Anteil der Abgänger "
                                 "ohne Hauptschulabschluss für Flensburg und Kiel zusammen")
    assert result.validated and result.template == "anteil_gepoolt_r" and result.language == "r"
    assert result.result[0]["anteil_gepoolt"] == pytest.approx(300 / 3018 * 100)
    assert "REGIONEN <- c(\"01001\", \"01002\")" in result.code
    assert result.explanation == ""  # base model: no text from a model


def test_task_that_nothing_fits_names_the_closest_and_shows_no_code(lotse):
    with pytest.raises(NoTemplateError) as err:
        lotse.generate_code(ABSCHLUESSE, task="Berechne den Median des Einkommens")
    assert "Am nächsten liegen" in err.value.message and "keinen Code" in err.value.message


@pytest.mark.slow
@pytest.mark.parametrize("language", ["pandas", pytest.param("r", marks=pytest.mark.r)])
def test_table_with_a_schulart_dimension_reads_only_the_total_lines(lotse, sandbox, language):
    made = Path(__file__).parent.parent / "data" / "codegen" / "schulart_made.csv"
    result = lotse.generate_code(made, indicator="D15.1", language=language)
    assert result.validated, result.checks
    shares = {r["region"]: r["anteil_ohne_abschluss"] for r in result.result}
    assert shares == pytest.approx({"01001": 90 / 1059 * 100, "01002": 210 / 1959 * 100})


def test_genesis_layout_without_time_column_or_header_time_is_refused_in_german(lotse, tmp_path):
    from assistant import PROJECT_ROOT

    excerpt = PROJECT_ROOT / "tests" / "data" / "tables" / "21311-01-01-4-B.excerpt.csv"
    lines = excerpt.read_text(encoding="utf-8-sig").splitlines()
    made = tmp_path / "ohne_zeit.csv"  # the excerpt without its 'WS 2023/24' header row
    made.write_text("\n".join(ln for ln in lines if "WS 2023/24" not in ln) + "\n", encoding="utf-8")
    with pytest.raises(InputError, match="weder eine Zeitspalte noch eine Zeitangabe"):
        lotse.generate_code(made, task="Studierende je Kreis")


@pytest.mark.slow
def test_instruct_model_code_for_a_task_no_template_covers_is_never_validated(settings, sandbox):
    median = ('import pandas as pd\n'
              'roh = pd.read_csv("21111-02-06-4.csv", sep=";", encoding="cp1252", header=None, '
              'names=range(17), skiprows=9, dtype=str, keep_default_na=False, on_bad_lines="skip")\n'
              'roh = roh[roh[0].str.strip().str.match(r"^\\d{4}$", na=False)]\n'
              'werte = pd.to_numeric(roh[3], errors="coerce")\n'
              'ergebnis = pd.DataFrame({"region": ["alle"], "median": [werte.median()]})\n')
    lotse, fake = model_lotse(settings, "0", f"```python\n{median}```")  # "0": no template fits
    result = lotse.generate_code(ABSCHLUESSE, task="Berechne den Median des Einkommens")
    assert result.source == "model" and result.validated is False
    assert "NICHT geprüft" in result.message
    assert any(c.name == "sandbox" and c.passed for c in result.checks)
    assert any(c.name == "vergleich_referenz" and not c.passed for c in result.checks)
    assert "rangfolge:" in fake.prompts[0][-1].content  # asked to pick an analysis first …
    assert "wert_1" in fake.prompts[-1][-1].content  # … then wrote code on the generic reader


@pytest.mark.slow
@pytest.mark.parametrize("language", ["pandas", pytest.param("r", marks=pytest.mark.r)])
def test_change_over_time_on_an_own_csv(lotse, sandbox, language, tmp_path):
    path = tmp_path / "zeitreihe.csv"
    path.write_text("Kreis;Jahr;ohne Abschluss;Abgänger insgesamt\n01001;2022;80;1000\n01001;2023;90;1059\n"
                    "01002;2022;200;2000\n01002;2023;210;1959\n", encoding="utf-8")
    result = lotse.generate_code(path, language=language, task="Wie hat sich der Anteil der Abgänger "
                                 "ohne Abschluss an allen Abgängern von 2022 bis 2023 entwickelt?")
    assert result.validated and result.template.startswith("veraenderung")
    kiel = next(r for r in result.result if r["region"] == "01002")
    assert kiel["wert_von"] == pytest.approx(10.0)
    assert kiel["veraenderung"] == pytest.approx(210 / 1959 * 100 - 10.0)


@pytest.mark.slow
def test_own_csv_with_german_number_format(lotse, sandbox, tmp_path):
    path = tmp_path / "schulen.csv"
    path.write_text('Kreis;Jahr;Schüler insgesamt;Schüler ausländisch\nFlensburg;2023;"10.234";"1.234,5"\n'
                    'Kiel;2023;"20.100";"3.015,0"\n', encoding="cp1252")
    result = lotse.generate_code(path, task="Anteil der ausländischen Schüler an allen Schülern je Kreis")
    assert result.validated and result.mapping == {"zaehler": "Schüler ausländisch", "nenner": "Schüler insgesamt"}
    assert {r["region"]: r["anteil"] for r in result.result} == pytest.approx(
        {"Flensburg": 1234.5 / 10234 * 100, "Kiel": 3015 / 20100 * 100})


# --- bad input ----------------------------------------------------------------------------------

def test_not_a_table(lotse, tmp_path):
    letter = tmp_path / "brief.txt"
    letter.write_bytes(b"\x00\x01PK binary")
    with pytest.raises(InputError, match="keine Tabelle"):
        lotse.generate_code(letter, indicator="D15.1")


def test_missing_inputs_are_named_with_the_columns_seen(lotse):
    with pytest.raises(InputError) as err:
        lotse.generate_code(KITA, indicator="D15.1")
    text = err.value.message
    assert "abgaenger_ohne_abschluss" in text and "Gesehene Spalten" in text
    assert "Verfügbare Plätze | Insgesamt" in text


def test_all_needed_values_suppressed(lotse, tmp_path):
    lines = ABSCHLUESSE.read_bytes().decode("cp1252").splitlines()
    body = [i for i, line in enumerate(lines) if line[:4].isdigit() and line[4:5] == ";"]
    for i in body:
        cells = lines[i].split(";")
        lines[i] = ";".join(cells[:3] + ["."] * (len(cells) - 3))
    path = tmp_path / "gesperrt.csv"
    path.write_bytes("\n".join(lines).encode("cp1252"))
    with pytest.raises(InputError, match="gesperrt oder leer"):
        lotse.generate_code(path, indicator="D15.1")


def test_unknown_region_key(lotse):
    with pytest.raises(InputError, match="99999 kommt in"):
        lotse.generate_code(ABSCHLUESSE, indicator="D15.1", regions=["99999"])


def test_empty_task(lotse):
    with pytest.raises(InputError, match="Aufgabe ist leer"):
        lotse.generate_code(ABSCHLUESSE, task="   ")


def test_table_with_personal_data_is_refused_before_anything_runs(lotse, tmp_path):
    path = tmp_path / "schueler.csv"
    path.write_text("Name;Geburtsdatum;Kreis;Anzahl\nElif Yılmaz;03.05.2014;01001;1\n"
                    "Jonas Müller;12.11.2013;01002;1\nAnna Schmidt;17.07.2014;01001;1\n", encoding="utf-8")
    with pytest.raises(PrivacyError, match="personenbezogene Spalten"):
        lotse.generate_code(path, task="Anzahl je Kreis")


def test_cli_bad_input_exits_nonzero_and_writes_nothing(settings, tmp_path, monkeypatch, capsys):
    from assistant.cli.main import main

    monkeypatch.setenv("LOTSE_PATHS__DATA_DIR", str(settings.paths.data_dir))
    out = tmp_path / "code.py"
    with pytest.raises(SystemExit) as exit_:
        main(["code", "--indicator", "D15.1", "--data", str(KITA), "--out", str(out)])
    assert exit_.value.code != 0
    assert "fehlt" in capsys.readouterr().err
    assert not out.exists()


# --- output formats -------------------------------------------------------------------------------

@pytest.mark.slow
def test_out_writes_notebook_and_r_script(lotse, sandbox, rscript, tmp_path):
    import nbformat

    from assistant.codegen.output import write_snippet

    result = lotse.generate_code(ABSCHLUESSE, indicator="D15.1", regions=["01001", "01002"])
    assert [r["region"] for r in result.result] == ["01001", "01002"]
    notebook = nbformat.read(write_snippet(result, tmp_path / "d15.ipynb"), as_version=4)
    assert "21111-02-06-4.csv" in notebook.cells[0].source and "ergebnis = compute(df)" in notebook.cells[1].source
    r_result = lotse.generate_code(ABSCHLUESSE, indicator="D15.1", language="r", regions=["01001"])
    script = write_snippet(r_result, tmp_path / "d15.R").read_text(encoding="utf-8")
    assert script.startswith("# Erzeugt von Lotse am") and "Prüfungen bestanden: richtlinie, sandbox" in script
    with pytest.raises(InputError, match="passt nicht"):
        write_snippet(r_result, tmp_path / "falsch.py")


def test_instruct_model_may_pick_the_analysis_but_a_base_model_is_never_asked(settings):
    from assistant import PROJECT_ROOT
    from assistant.catalogue import load_catalogue
    from assistant.codegen.describe import describe_file
    from assistant.codegen.tasks import plan_task
    from assistant.codegen.templates import CodeTemplateLibrary

    library = CodeTemplateLibrary(PROJECT_ROOT / "prompts" / "code")
    catalogue = load_catalogue(settings.paths.knowledge_dir / "indicators")
    data = describe_file(ABSCHLUESSE)
    task = "Abgänger ohne Hauptschulabschluss in den Kreisen"
    asked = []

    def pick_ranking(question, options, prompt=""):
        asked.append(prompt)
        return next(n for n, o in enumerate(options) if o.startswith("rangfolge:"))

    assert plan_task(task, data, catalogue, library, "pandas", []).indicator.id == "D15.1"
    plan = plan_task(task, data, catalogue, library, "pandas", [], choose=pick_ranking)
    assert asked == ["code_template"] and plan.template.id == "rangfolge"
    assert plan.mapping_text()["zaehler"] == "ohne Hauptschulabschluss | Insgesamt"
