"""Users type the notation of the sources ("5-stellig", "DSFA", "≥ 100 Personen"); the lexical
search over the guidance texts finds a section that states the fact in that notation, so the
answer can quote it (issue 14: facts the top passages paraphrased away)."""

from __future__ import annotations

import re

import pytest

from assistant import PROJECT_ROOT
from assistant.retrieval.german import words
from assistant.retrieval.hybrid import BM25Index
from assistant.retrieval.store import StoredChunk

GUIDANCE = sorted((PROJECT_ROOT / "knowledge" / "guidance").glob("*.md"))
TOP = 3


def _sections() -> list[StoredChunk]:
    out = []
    for path in GUIDANCE:
        parts = re.split(r"^## ", path.read_text(encoding="utf-8"), flags=re.M)[1:]
        for n, part in enumerate(parts):
            head, _, body = part.partition("\n")
            out.append(StoredChunk(f"{path.name}:{n}", body.strip(), path.name, path.stem, head,
                                   None, words(f"{head}\n{body}")))
    return out


SECTIONS = _sections()
INDEX = BM25Index(SECTIONS)

CASES = [
    ("Ist ein 5-stellig geschriebener Schlüssel in der Kreistabelle ein Landkreis?", "5-stellig"),
    ("Welche Gebiete haben 8-stellig kodierte Schlüssel in GENESIS?", "8-stellig"),
    ("Muss für den neuen Schulchatbot eine DSFA gemacht werden?", "DSFA"),
    ("Welche Daten führt die Förderstatistik BA in der Ausbildungsberichterstattung zusammen?",
     "Förderstatistik BA"),
    ("EXSTAT-Hilfequote im Raster: gilt die Grenze ≥ 100 Personen im Nenner?", "≥ 100 Personen"),
    ("Gibt es den Kitaanspruch ab vollendetem 1. Lebensjahr schon lange?",
     "vollendetem 1. Lebensjahr"),
    ("Zählt die Quote auch Lehrverträge, die vor Antritt gekündigt wurden?", "vor Antritt"),
    ("Taugen Kulturstrategie und Sportentwicklungsplan als Datenquelle für Bereich H?",
     "Kulturstrategie"),
]


@pytest.mark.parametrize(("question", "notation"), CASES, ids=[c[1] for c in CASES])
def test_the_notation_asked_for_is_in_a_top_section(question: str, notation: str) -> None:
    scores = INDEX.scores(question)
    best = sorted(range(len(SECTIONS)), key=lambda i: -scores[i])[:TOP]
    assert any(notation in SECTIONS[i].text for i in best), [SECTIONS[i].section for i in best]
