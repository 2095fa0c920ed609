"""The guide as data: every step cites a guidance section that exists, every module follows
Einleitung -> Umsetzung -> Selbsteinschätzung, every exercise is checkable, broken files stop
the guide with a German message naming file and field."""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from click.testing import CliRunner

from assistant import PROJECT_ROOT
from tests.guide.conftest import KNOWLEDGE

MODULE_FILES = sorted((KNOWLEDGE / "guide").glob("*.yaml"))


def _headings() -> dict[str, set[str]]:
    """File -> ## headings, read here independently of the code under test."""
    out = {}
    for path in (KNOWLEDGE / "guidance").glob("*.md"):
        out[path.name] = set(re.findall(r"^##\s+(.+?)\s*$", path.read_text(encoding="utf-8"), re.M))
    return out


def _steps():
    for path in MODULE_FILES:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, step in enumerate(data["steps"]):
            yield pytest.param(step, id=f"{path.stem}-{i + 1}")


def test_the_seven_required_modules_exist_in_order(guide):
    titles = [m.title for m in guide.modules]
    assert len(titles) == 7
    for needle, title in zip(["DKBM", "Bildungsmonitoring", "Prozess-Kontext-Modell", "Datenquellen",
                              "Bildungsbericht", "Datenschutz", "Generative KI"], titles):
        assert needle in title


@pytest.mark.parametrize("step", list(_steps()))
def test_every_step_cites_an_existing_guidance_section(step):
    headings = _headings()
    assert step["sources"], "a step without sources"
    for ref in step["sources"]:
        assert ref["file"] in headings, ref
        assert ref["heading"] in headings[ref["file"]], ref


def test_modules_follow_one_pattern_and_link_to_the_next(guide):
    for m in guide.modules:
        phases = [s.phase for s in m.steps]
        assert phases[0] == "einleitung" and phases[-1] == "selbsteinschaetzung", m.id
        assert "umsetzung" in phases
        assert m.steps[-1].exercise is not None
    chain, current = [], guide.modules[0]
    while current is not None:
        chain.append(current.number)
        current = guide.by_id(current.next) if current.next else None
    assert chain == list(range(1, 8))


def test_seed_000_phases_appear_in_order_in_the_ai_module(guide):
    titles = [s.title for s in guide.module("generative-ki").steps]
    order = [next(i for i, t in enumerate(titles) if phase in t)
             for phase in ("Ausprobieren", "Standardisieren", "Verankern")]
    assert order == sorted(order)


def test_every_exercise_is_checkable(guide):
    from assistant.cli.main import COMMANDS

    for m in guide.modules:
        assert m.exercises, m.id
        for i in m.exercises:
            ex = m.steps[i].exercise
            assert 1 <= ex.answer <= len(ex.options)
            if ex.command:
                name = shlex.split(ex.command.split("| ")[-1])[1]
                assert name in COMMANDS, f"{m.id} step {i + 1}: unknown command {ex.command}"


def _evidence_cases():
    from assistant.guide import load_guide

    for m in load_guide(KNOWLEDGE).modules:
        for i in m.exercises:
            ex = m.steps[i].exercise
            if ex.evidence:
                yield pytest.param(ex.command, ex.evidence, ex.options[ex.answer - 1],
                                   id=f"{m.id}-{i + 1}")


@pytest.mark.parametrize("command,evidence,right", list(_evidence_cases()))
def test_exercise_command_shows_the_evidence_for_the_right_answer(command, evidence, right, settings,
                                                                  monkeypatch):
    from assistant.cli.main import cli

    stdin = None
    if "| " in command:
        echo, command = command.split(" | ")
        stdin = shlex.split(echo)[1] + "\n"
    args = shlex.split(command)[1:]
    monkeypatch.setenv("LOTSE_PATHS__DATA_DIR", str(settings.paths.data_dir))
    monkeypatch.setenv("LOTSE_LLM__BACKEND", "fake")
    result = CliRunner().invoke(cli, args, input=stdin, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert evidence in result.output, (command, result.output[:500])


# broken files -----------------------------------------------------------------------------------
def _break(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("file,old,new,expected", [
    ("guide/03-indikatoren.yaml", "  - phase: umsetzung\n    title: Kürzel lesen",
     "  - phase: umsetzung\n    titel: Kürzel lesen", "Feld steps.1.titel"),
    ("guide/03-indikatoren.yaml", "Indikatorkürzel wie D15 lesen",
     "Indikatorkürzel wie X99 lesen", "Feld steps.1.sources.0"),
    ("guide/06-datenschutz.yaml", "      answer: 2\n", "      answer: 7\n", "Feld steps.1.exercise"),
    ("guide/02-management-monitoring.yaml", "next: indikatoren", "next: gibtsnicht", "Feld next"),
    ("guide/01-dkbm.yaml", "  - phase: einleitung", "  - phase: selbsteinschaetzung", "Feld steps"),
])
def test_a_broken_module_names_file_and_field(knowledge_copy, file, old, new, expected):
    from assistant.errors import ConfigError
    from assistant.guide import load_guide

    _break(knowledge_copy / file, old, new)
    with pytest.raises(ConfigError) as err:
        load_guide(knowledge_copy)
    assert Path(file).name in err.value.message
    assert expected in err.value.message


def test_a_kompass_link_to_a_missing_module_is_refused(knowledge_copy):
    from assistant.errors import ConfigError
    from assistant.guide import load_guide

    _break(knowledge_copy / "kompass.yaml", "I: [{modul: dkbm}", "I: [{modul: gibtsnicht}")
    with pytest.raises(ConfigError) as err:
        load_guide(knowledge_copy)
    assert "kompass.yaml" in err.value.message
    assert "next_step_links.I.0" in err.value.message


def test_a_kompass_step_without_link_is_refused(knowledge_copy):
    from assistant.errors import ConfigError
    from assistant.guide import load_kompass

    _break(knowledge_copy / "kompass.yaml", "IV: [{modul: bildungsbericht}, {modul: management-monitoring}]",
           "IV: [{modul: bildungsbericht}]")
    with pytest.raises(ConfigError) as err:
        load_kompass(knowledge_copy / "kompass.yaml")
    assert "next_step_links" in err.value.message


@pytest.mark.parametrize("command", [["einstieg"], ["kompass", "--antworten", "2,3,1,2,2,1,3"]])
def test_commands_refuse_to_start_with_a_broken_guide(knowledge_copy, tmp_path, command):
    _break(knowledge_copy / "guide/05-bildungsbericht.yaml", "id: bildungsbericht\n",
           "id: bildungsbericht\nfarbe: blau\n")
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    env.update(PYTHONPATH=str(PROJECT_ROOT), LOTSE_PATHS__KNOWLEDGE_DIR=str(knowledge_copy), LOTSE_PATHS__DATA_DIR=str(tmp_path),
               LOTSE_LLM__BACKEND="fake")
    out = subprocess.run([sys.executable, "-m", "assistant", *command], input="weiter\n",
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
    assert out.returncode != 0
    assert "05-bildungsbericht.yaml" in out.stderr and "Feld farbe" in out.stderr
    assert out.stdout == ""  # nothing of the guide was shown
