"""``lotse einstieg`` in a real terminal (pexpect): a whole module, a free question in between
answered with citations from the guidance, then stop and resume in a new process.

Runs with a private data dir and the fake model backend: the guide answers free questions with
``ask`` in its extractive mode, which needs no language model.
"""

from __future__ import annotations

import os
import re
import sys

import pytest

from assistant import PROJECT_ROOT

pexpect = pytest.importorskip("pexpect")

PROMPT = "\n> "
CITATION = re.compile(r"\[1\] [^\n]+, Abschnitt „[^“]+“ \([\w.-]+\.md\)")


def spawn(tmp_path, *args: str):
    env = {k: v for k, v in os.environ.items() if not k.startswith("LOTSE_")}
    env.update(PYTHONPATH=str(PROJECT_ROOT), LOTSE_PATHS__DATA_DIR=str(tmp_path / "daten"),
               LOTSE_LLM__BACKEND="fake", LANG="C.UTF-8", PYTHONIOENCODING="utf-8")
    child = pexpect.spawn(sys.executable, ["-m", "assistant", "einstieg", *args], cwd=str(tmp_path),
                          env=env, encoding="utf-8", timeout=240, dimensions=(50, 200))
    return child


def say(child, text: str) -> str:
    """Type ``text`` and return what the guide answered (up to the next prompt)."""
    child.sendline(text)
    child.expect_exact(PROMPT)
    return child.before


@pytest.mark.slow
def test_whole_module_with_a_free_question_then_resume(tmp_path, guide):
    module = guide.module("dkbm")
    child = spawn(tmp_path, "--modul", "DKBM")
    child.expect_exact(PROMPT)
    assert "Modul 1 „DKBM und seine Ziele“ · Schritt 1 von 5 · Einleitung" in child.before
    assert "dkbm.md" in child.before

    for i, step in enumerate(module.steps):
        if i == 1:  # a free question in the middle of the module
            out = say(child, "Welcher Stichtag gilt für die Kita-Statistik?")
            assert "Antwort aus dem Leitfaden:" in out
            assert "1. März" in out
            assert CITATION.search(out), out
            assert "Sie sind weiterhin in Modul 1 „DKBM und seine Ziele“, Schritt 2" in out
            assert "Schritt 2 von 5" in say(child, "nochmal")
        if step.exercise is not None:
            wrong = next(n for n in range(1, len(step.exercise.options) + 1) if n != step.exercise.answer)
            assert "stimmt nicht" in say(child, "ABCDE"[wrong - 1])
            assert "Richtig!" in say(child, "ABCDE"[step.exercise.answer - 1])
        out = say(child, "weiter")
        if i + 1 < len(module.steps):
            assert f"Schritt {i + 2} von {len(module.steps)}" in out
            assert "Quellen:" in out
    assert "3 von 3 Übungen gelöst" in out and "Modul abgeschlossen ✓" in out
    assert "Weiter mit Modul 2" in out

    out = say(child, "weiter")
    assert "Modul 2 „Bildungsmanagement und Bildungsmonitoring“ · Schritt 1" in out
    child.sendline("ende")
    child.expect("Ihr Stand ist gespeichert")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0

    again = spawn(tmp_path)
    again.expect_exact(PROMPT)
    assert "Willkommen zurück!" in again.before
    assert "Modul 2 „Bildungsmanagement und Bildungsmonitoring“ · Schritt 1" in again.before
    overview = say(again, "Übersicht")
    assert re.search(r"1\. DKBM und seine Ziele\s+\[3/3 Übungen ✓\]", overview), overview
    again.sendeof()
    again.expect(pexpect.EOF)
    again.close()
    assert again.exitstatus == 0


def test_unknown_module_suggests_the_closest_and_fails(tmp_path):
    child = spawn(tmp_path, "--modul", "Datenshutz")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus != 0
    assert "Meinten Sie Modul 6 „Datenschutz und statistische Geheimhaltung“?" in child.before
