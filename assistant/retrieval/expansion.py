"""Query expansion for the lexical ranking from a small table of field synonyms (data, not code).

Questions and texts often name the same thing with different words: "sitzen bleiben" and
"Nichtversetzung", "ein KI-System entscheiden lassen" and "Rechtswirkung", "Zelle" and
"Tabellenfeld". ``synonyms.yaml`` holds groups of such phrases. A question containing every word
stem of one phrase gets the stems of the group's other phrases as extra BM25 terms (with less
weight than its own words). The dense ranking sees the question as asked.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from assistant.retrieval.german import stem, words

SYNONYMS = Path(__file__).with_name("synonyms.yaml")
#: Weight of an expansion term relative to a word of the question.
EXPANSION_WEIGHT = 0.5


@lru_cache(maxsize=4)
def load_groups(path: Path = SYNONYMS) -> tuple[tuple[tuple[str, ...], ...], ...]:
    """Each group's phrases as tuples of folded words (phrases of stopwords only are dropped)."""
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    groups = []
    for group in data.get("groups", []):
        phrases = tuple(tuple(words(str(p))) for p in group)
        groups.append(tuple(p for p in phrases if p))
    return tuple(groups)


def expansion_words(question: str, path: Path = SYNONYMS) -> list[str]:
    """Folded words to search besides the question's own: the words of the other phrases of each
    group one of whose phrases the question contains; each once, none the question already has."""
    own = {stem(w) for w in words(question)}
    out: list[str] = []
    for group in load_groups(path):
        if not any(all(stem(w) in own for w in phrase) for phrase in group):
            continue
        for phrase in group:
            out += [w for w in phrase if stem(w) not in own and w not in out]
    return out
