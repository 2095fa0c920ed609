"""The service layer as a front end sees it: every operation of the CLI, typed results, German
errors, and the CLI running against an injected service (CliRunner, fake backend)."""

from __future__ import annotations

import json

import pandas as pd
import pytest
from click.testing import CliRunner

from assistant.cli.main import AppContext, cli
from assistant.errors import ChecksFailed, InputError
from assistant.llm.fake import FakeBackend
from assistant.results import Anonymized, BatchRecord, DoctorReport, ModelsInfo
from assistant.service import BASE_MODEL_NOTICE, Lotse


@pytest.fixture
def lotse(settings) -> Lotse:
    return Lotse(settings, backend=FakeBackend(kind="base"), status=lambda _: None)


def invoke(lotse: Lotse, *args: str, input: bytes | str | None = None):  # noqa: A002
    return CliRunner().invoke(cli, list(args), obj=AppContext.of(lotse), input=input)


def test_anonymize_decodes_bytes_and_returns_entities(lotse):
    result = lotse.anonymize("Grüße von Jürgen Müller, Tel. 0201 1234567".encode("cp1252"),
                             source="Die Datei 'brief.txt'")
    assert isinstance(result, Anonymized)
    assert result.text == "Grüße von <PERSON_1>, Tel. <PHONE_NUMBER_1>"
    assert [e.type for e in result.entities] == ["PERSON", "PHONE_NUMBER"]
    assert "brief.txt" in result.note and "cp1252" in result.note
    assert result.as_dict()["anonymized"] == result.text


def test_anonymize_refuses_empty_input_in_german(lotse):
    with pytest.raises(InputError, match="leer"):
        lotse.anonymize(b"  \n")


def test_batch_restarts_placeholders_per_line_and_reports_bad_lines(lotse):
    data = ('{"id": "a", "text": "Lea Schmidt fehlt."}\n{kaputt\n\n'
            '{"id": "b", "text": "Jonas Weber fehlt."}\n[1, 2]\n').encode()
    note, records = lotse.anonymize_batch(data)
    records = list(records)
    assert note is None
    assert [(r.line, r.id, r.anonymized) for r in records if r.error is None] == [
        (1, "a", "<PERSON_1> fehlt."), (4, "b", "<PERSON_1> fehlt.")]
    assert [r.line for r in records if r.error is not None] == [2, 5]
    assert all(isinstance(r, BatchRecord) for r in records)


def test_a_pupil_keeps_one_placeholder_in_text_and_table_of_a_session(lotse, tmp_path):
    letter = lotse.anonymize("Elif Yılmaz fehlt seit Montag, sagt Jonas Müller.")
    table = tmp_path / "klasse.csv"
    table.write_text("Name;Klasse;Fehltage\nJonas Müller;4a;1\nAnna Schmidt;4a;0\nElif Yılmaz;4a;5\n",
                     encoding="utf-8")
    cleaned = lotse.check_table(table).cleaned
    placeholders = {e.placeholder for e in letter.entities}
    assert cleaned["Name"][2] in placeholders and cleaned["Name"][0] in placeholders
    assert cleaned["Name"][1] not in placeholders
    assert lotse.gate.restore(cleaned["Name"][2]) == "Elif Yılmaz"
    # a new service object is a new session: numbering starts afresh
    fresh = Lotse(lotse.settings, backend=lotse.backend).check_table(table).cleaned
    assert fresh["Name"].tolist() == ["<PERSON_1>", "<PERSON_2>", "<PERSON_3>"]


def test_check_table_writes_the_cleaned_table_but_never_over_the_input(lotse, tmp_path):
    table = tmp_path / "kita.csv"
    table.write_text("Kita;Kinder\nPusteblume;2\nSonnenschein;41\nRegenbogen;37\n", encoding="utf-8")
    out = tmp_path / "aus" / "kita-sauber.csv"
    result = lotse.check_table(table, out=out)
    assert result.table_kind == "aggregate"
    written = pd.read_csv(out, sep=";", encoding="utf-8-sig", dtype=str)
    assert written["Kinder"].tolist() == result.cleaned["Kinder"].astype(str).tolist()
    assert "2" not in written["Kinder"].tolist()  # a count of 2 is suppressed
    with pytest.raises(InputError, match="überschreibt"):
        lotse.check_table(table, out=table)


def test_indicator_operations(lotse):
    listing = lotse.indicators("d")
    assert listing.indicators and {i.area for i in listing.indicators} == {"D"}
    assert set(listing.gaps) <= {"D"}
    assert lotse.indicator("D15.1").name
    assert "D15.1" in [i.id for i in lotse.search_indicators("Hauptschulabschluss")]
    with pytest.raises(InputError, match="kein Bereich"):
        lotse.indicators("Z")
    with pytest.raises(InputError) as unknown:
        lotse.indicator("D15.9")
    assert "D15.1" in unknown.value.hint


def test_models_describes_the_configured_model_without_loading_it(settings):
    settings.llm.backend = "openai_compat"
    settings.llm.model_name = "qwen"
    settings.llm.base_url = "http://127.0.0.1:9/v1"
    info = Lotse(settings).models()
    assert isinstance(info, ModelsInfo)
    assert info.as_dict()["active"] == {"backend": "openai_compat", "model": "qwen",
                                        "server": "http://127.0.0.1:9/v1", "profile": "instruct"}
    assert len(info.recommended) >= 3


def test_chat_notice_only_for_base_models(settings):
    assert Lotse(settings, backend=FakeBackend(kind="base")).chat_notice() == BASE_MODEL_NOTICE
    assert Lotse(settings, backend=FakeBackend(kind="instruct")).chat_notice() is None


def test_doctor_report_and_failed_check_exit(lotse, _no_network, monkeypatch):
    _no_network.expected = True  # the egress check provokes one refused connection
    report = lotse.doctor()
    assert isinstance(report, DoctorReport)
    names = [c.name for c in report.checks]
    assert "Suchindex" in names and "Netzwerkschutz" in names
    assert report.as_dict()["ok"] == report.ok

    from assistant import doctor
    from assistant.doctor import Check

    monkeypatch.setattr(doctor, "check_r", lambda: Check("R", "fail", "Rscript fehlt"))
    result = invoke(lotse, "doctor")
    assert "✘ R: Rscript fehlt" in result.stdout
    assert isinstance(result.exception, ChecksFailed) and "R" in result.exception.message


# -- the CLI against an injected service ---------------------------------------------------------

def test_cli_anonymize_uses_the_injected_service(lotse):
    result = invoke(lotse, "anonymize", "-", "--json", input="Lea Schmidt, Tel. 0201 1234567")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["anonymized"] == "<PERSON_1>, Tel. <PHONE_NUMBER_1>"
    # the same session: Lea Schmidt keeps her placeholder in the next call
    assert lotse.anonymize("Frau Schmidt ruft an.").text == "Frau <PERSON_1> ruft an."


def test_cli_chat_streams_from_the_fake_backend_with_the_base_model_notice(lotse):
    result = invoke(lotse, "chat", "Was ist ein Bildungsbericht?")
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "Das ist eine Testantwort."
    assert "Basismodell" in result.stderr


def test_cli_indicator_and_models(lotse):
    shown = invoke(lotse, "indicator", "show", "D15.1")
    assert shown.exit_code == 0 and "21111-02-06-4" in shown.stdout
    models = json.loads(invoke(lotse, "models", "--json").stdout)
    assert models["active"] == {"backend": "fake", "model": "fake", "profile": "instruct"}


def test_make_service_is_the_one_factory(settings, monkeypatch):
    """Without an injected service, the CLI builds one with make_service (config honoured)."""
    from assistant.cli import main as cli_main

    built: list[str | None] = []

    def factory(config):  # noqa: ANN001, ANN202
        built.append(config)
        return Lotse(settings, backend=FakeBackend(kind="instruct"))

    monkeypatch.setattr(cli_main, "make_service", factory)
    result = CliRunner().invoke(cli, ["--config", "x.toml", "chat", "Hallo"])
    assert result.exit_code == 0, result.output
    assert built == ["x.toml"] and "Basismodell" not in result.stderr
