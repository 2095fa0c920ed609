"""The German knowledge base: guidance texts name their sources, the question set matches the
texts, the DKBM-Kompass is complete."""

import re
import subprocess
import sys

import pytest

from assistant import PROJECT_ROOT
from assistant.guide.kompass import TYPES, load_kompass

KNOWLEDGE = PROJECT_ROOT / "knowledge"
GUIDANCE = sorted((KNOWLEDGE / "guidance").glob("*.md"))


def test_guidance_covers_the_required_topics():
    names = {p.stem for p in GUIDANCE}
    for required in ("prozess-kontext-modell", "monitoring-aufbauen", "dkbm", "generative-ki",
                     "datenquellen-stichtage", "statistische-geheimhaltung", "glossar"):
        assert required in names


@pytest.mark.parametrize("path", GUIDANCE, ids=lambda p: p.name)
def test_every_guidance_text_has_title_sources_and_sections(path):
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# ")
    assert re.search(r"^> Quelle\(n\): \S", text, re.M), "source attribution missing"
    assert len(re.findall(r"^## \S", text, re.M)) >= 5


def test_question_set_matches_the_texts():
    out = subprocess.run([sys.executable, str(KNOWLEDGE / "eval" / "check_questions.py")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert int(re.search(r"questions: (\d+)", out.stdout).group(1)) >= 40


def test_kompass_has_seven_dimensions_with_four_types_and_next_steps():
    kompass = load_kompass(KNOWLEDGE / "kompass.yaml")
    assert [t.id for t in kompass.types] == list(TYPES)
    assert len(kompass.dimensions) == 7
    assert kompass.dimension("Datenbasierung").question.endswith("?")
    assert "Empfehlungen von Lotse" in kompass.note_next_steps
    for d in kompass.dimensions:
        assert all(len(d.next_steps[t]) >= 2 for t in TYPES), d.id
