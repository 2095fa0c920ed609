"""knowledge/eval/audit_sources.py: key phrases of a source section that knowledge/ does not state."""

import subprocess
import sys

from assistant import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "knowledge" / "eval" / "audit_sources.py"

SOURCE = """# Notizen

## D – Schulen
- **Tabelle:** 21111-02-06-4 und 98765-43-21-0 · Stichtag 17.11.2031
- Sperrung bei n < 3; Rechtsgrundlage § 16 BStatG und § 999 XYZG; Begriff „Mondscheinquote“
- Wert 12,34 % und 1.234.567 Fälle

## E – Beruf
- ANR zum 30.9.
"""


def _run(tmp_path, *args):
    source = tmp_path / "notes.md"
    source.write_text(SOURCE, encoding="utf-8")
    return subprocess.run([sys.executable, str(SCRIPT), "--source", str(source), *args],
                          capture_output=True, text=True)


def test_lists_only_the_phrases_knowledge_does_not_state(tmp_path):
    out = _run(tmp_path, "D")
    assert out.returncode == 1
    missing = {line.split(None, 2)[2] for line in out.stdout.splitlines()
               if line.strip().startswith("MISSING")}
    # invented phrases are reported ...
    assert {"98765-43-21-0", "17.11.2031", "§ 999 XYZG", "Mondscheinquote", "12,34",
            "1.234.567"} <= missing
    # ... phrases the guidance texts state are not; the bold label "Tabelle:" is no phrase
    assert not {"21111-02-06-4", "< 3", "§ 16 BStatG", "Tabelle:"} & missing


def test_a_section_whose_phrases_are_all_stated_passes(tmp_path):
    out = _run(tmp_path, "E", "--list")
    assert out.returncode == 0, out.stdout
    assert "ok " in out.stdout and "30.9." in out.stdout
    assert "TOTAL: 1/1 stated, 0 missing" in out.stdout


def test_unknown_section_is_reported(tmp_path):
    out = _run(tmp_path, "Anhang 9")
    assert out.returncode == 1
    assert "no section starts with 'Anhang 9'" in out.stdout
