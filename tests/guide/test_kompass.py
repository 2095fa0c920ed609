"""``lotse kompass``: Typ per dimension, description and next steps, checked against kompass.yaml."""

from __future__ import annotations

import json

import pytest
import yaml
from click.testing import CliRunner

from tests.guide.conftest import KNOWLEDGE

RAW = yaml.safe_load((KNOWLEDGE / "kompass.yaml").read_text(encoding="utf-8"))
TYPES = ["I", "II", "III", "IV"]


@pytest.fixture
def run(settings, monkeypatch):
    from assistant.cli.main import cli

    monkeypatch.setenv("LOTSE_PATHS__DATA_DIR", str(settings.paths.data_dir))
    monkeypatch.setenv("LOTSE_LLM__BACKEND", "fake")

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(cli, list(args), input=input)

    return invoke


def _json(run, answers: list[int]) -> dict:
    result = run("kompass", "--antworten", ",".join(map(str, answers)), "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


@pytest.mark.parametrize("dim_index", range(len(RAW["dimensions"])),
                         ids=[d["id"] for d in RAW["dimensions"]])
def test_every_answer_of_one_dimension_matches_kompass_yaml(run, guide, dim_index):
    dim = RAW["dimensions"][dim_index]
    for answer in (1, 2, 3, 4):
        answers = [2] * len(RAW["dimensions"])
        answers[dim_index] = answer
        out = _json(run, answers)["dimensions"][dim_index]
        typ = TYPES[answer - 1]
        assert out["dimension"] == dim["id"]
        assert out["typ"] == typ
        assert out["description"] == dim["levels"][typ]
        assert [s["text"] for s in out["next_steps"]] == dim["next_steps"][typ]
        for step, link in zip(out["next_steps"], dim["next_step_links"][typ]):
            if "modul" in link:
                assert step["module"] == link["modul"]
                assert guide.by_id(step["module"]).label() == step["module_label"]
            else:
                assert step["command"] == link["befehl"]


def test_profile_names_main_typ_strongest_and_weakest_dimensions(run):
    profile = _json(run, [2, 3, 1, 2, 2, 1, 3])["profile"]
    assert profile["counts"] == {"I": 2, "II": 3, "III": 2, "IV": 0}
    assert profile["main_typ"] == "II"
    assert profile["furthest"] == ["Datenbasierung", "Öffentlichkeit"]
    assert profile["start_here"] == ["Interne Kooperation (in der Verwaltung)", "Qualität"]
    assert "überwiegend bei Typ II" in profile["text"]
    same = _json(run, [4] * 7)["profile"]
    assert "in allen 7 Dimensionen bei Typ IV" in same["text"]


def test_text_output_shows_typ_description_and_where_to_continue(run):
    result = run("kompass", "--antworten", "I,II,III,IV,1,2,3")
    assert result.exit_code == 0, result.output
    assert "Strategische Zielsetzung: Typ I" in result.output
    assert RAW["dimensions"][1]["levels"]["II"] in result.output
    assert "lotse einstieg --modul" in result.output
    assert "Gesamtprofil:" in result.output


@pytest.mark.parametrize("answers,message", [
    ("2,3,1", "genau 7 Antworten"),
    ("2,3,1,2,2,1,3,4", "genau 7 Antworten"),
    ("2,3,1,2,2,1,5", "Antwort 7 ist '5'"),
    ("0,3,1,2,2,1,3", "Antwort 1 ist '0'"),
    ("a,b,c,d,a,b,c", "Antwort 1 ist 'a'"),
])
def test_bad_answers_get_a_german_message_and_exit_code(run, answers, message):
    result = run("kompass", "--antworten", answers, "--json")
    assert result.exit_code != 0
    assert message in str(result.exception)
    assert "1 bis 4" in str(result.exception)


def test_interactive_kompass_asks_one_question_per_dimension(run, settings):
    result = run("kompass", input="b\nc\nzurück\nc\na\nb\nb\na\nc\n")
    assert result.exit_code == 0, result.output
    # seven questions, and the second and third once more after 'zurück'
    assert result.output.count("Welche Beschreibung passt am besten") == 9
    assert "lotse kompass --neu" in result.output
    assert "Datenbasierung: Typ III" in result.output
    stored = json.loads((settings.paths.data_dir / "guide" / "lernstand.json").read_text())
    assert stored["kompass"] == [2, 3, 1, 2, 2, 1, 3]


def test_interactive_kompass_stopped_early_keeps_answers_and_fails(run, settings):
    result = run("kompass", input="b\nc\n")
    assert result.exit_code != 0
    stored = json.loads((settings.paths.data_dir / "guide" / "lernstand.json").read_text())
    assert stored["kompass"] == [2, 3]
    again = run("kompass", input="a\nb\nb\na\nc\n")
    assert again.exit_code == 0, again.output
    assert "Frage 3 von 7" in again.output and "Frage 1 von 7" not in again.output
