"""Curated questions and answers (``knowledge/faq/*.yaml``), matched question to question.

Each entry holds a question people in Bildungsbüros ask, a few ways to phrase it, a short answer
written from the guidance texts and seeds, and the guidance sections it rests on. A user's
question is compared with every phrasing by the embedding model (multilingual-e5 ``query:``
vectors; two questions with the same intent lie close together); above ``THRESHOLD`` the entry
answers, shown with its sources. ``match(question)`` is the entry point for other rooms (the
onboarding guide).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.answers.defining import content_terms, named_terms, named_words, same_term, strength
from assistant.answers.question import KINDS, kind_of
from assistant.answers.sentences import split_sentences
from assistant.errors import CatalogueError

log = logging.getLogger(__name__)
#: Cosine similarity of two e5 query vectors above which a question counts as the FAQ's question
#: (chosen on the FAQ's own phrasings against knowledge/eval/questions.yaml; see tests/answers).
THRESHOLD = 0.91
#: Share of the question's content words (stems; parts of compounds count) that the matched
#: phrasing must share: the dense score alone pairs "Wie hängen Bildungsmanagement und
#: Bildungsmonitoring zusammen?" with "Wie baue ich ein Bildungsmonitoring auf?".
MIN_OVERLAP = 0.55
#: A longer question that wraps a stored phrasing in context ("Kann mir jemand das
#: Prozess-Kontext-Modell aus dem Anwendungsleitfaden kurz erklären?" around "Was ist das
#: Prozess-Kontext-Modell?") shares few of its own words with it: then nearly all of the
#: phrasing's words must be in the question and the two must lie closer together.
CONTAINED = 0.8
CONTAINED_THRESHOLD = 0.93
#: Closest entries checked in turn: near-ties on one topic ("KI-Schulung" – "interne Regeln für
#: KI" – "KI überhaupt nutzen") must not hide the entry whose words fit.
CANDIDATES = 5


class FaqSource(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    file: str = Field(min_length=1, description="guidance file, e.g. statistische-geheimhaltung.md")
    section: str = Field(min_length=1, description="its ## heading, verbatim")


class FaqEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(pattern=r"^[a-z0-9-]+$")
    kind: str
    question: str = Field(min_length=10)
    variants: list[str] = Field(default_factory=list)
    answer: str = Field(min_length=20)
    sources: list[FaqSource] = Field(min_length=1)

    def phrasings(self) -> list[str]:
        return [self.question, *self.variants]


class FaqFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    entries: list[FaqEntry]


@dataclass(frozen=True)
class FaqMatch:
    entry: FaqEntry
    score: float
    phrasing: str


def _problem(path: Path, exc: ValidationError) -> str:
    lines = []
    for err in exc.errors()[:5]:
        where = ".".join(str(p) for p in err["loc"])
        lines.append(f"Feld '{where}': {err['msg']}")
    return f"Die FAQ-Datei '{path.name}' ist fehlerhaft: " + "; ".join(lines) + "."


def load_faq(folder: Path) -> list[FaqEntry]:
    """All entries of ``folder/*.yaml``; a broken file raises :class:`CatalogueError` in German."""
    entries: list[FaqEntry] = []
    for path in sorted(folder.glob("*.yaml")):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
        except yaml.YAMLError as exc:
            raise CatalogueError(f"Die FAQ-Datei '{path.name}' ist kein gültiges YAML ({exc}).",
                                 "Korrigieren Sie die Datei unter knowledge/faq/.") from None
        try:
            parsed = FaqFile.model_validate(data)
        except ValidationError as exc:
            raise CatalogueError(_problem(path, exc),
                                 "Korrigieren Sie die Datei unter knowledge/faq/.") from None
        for entry in parsed.entries:
            if entry.kind not in KINDS:
                raise CatalogueError(
                    f"Die FAQ-Datei '{path.name}' ist fehlerhaft: Feld 'kind' von '{entry.id}' ist "
                    f"'{entry.kind}', erlaubt sind {', '.join(KINDS)}.",
                    "Korrigieren Sie die Datei unter knowledge/faq/.")
        entries += parsed.entries
    seen: set[str] = set()
    for entry in entries:
        if entry.id in seen:
            raise CatalogueError(f"Die FAQ-ID '{entry.id}' kommt in knowledge/faq/ doppelt vor.",
                                 "Geben Sie jedem Eintrag eine eigene ID.")
        seen.add(entry.id)
    return entries


class FaqMatcher:
    def __init__(self, entries: Sequence[FaqEntry], embedder: Any, threshold: float = THRESHOLD) -> None:
        self.entries = list(entries)
        self.embedder = embedder
        self.threshold = threshold
        self._owners = [(e, p) for e in self.entries for p in e.phrasings()]
        self._vectors: np.ndarray | None = None

    def _matrix(self) -> np.ndarray:
        if self._vectors is None:
            vecs = self.embedder.embed_queries([p for _, p in self._owners])
            self._vectors = vecs / np.linalg.norm(vecs, axis=1, keepdims=True).clip(1e-9)
        return self._vectors

    def ranked(self, question: str, limit: int = 3) -> list[FaqMatch]:
        """The best entries for ``question`` (one score per entry: its closest phrasing)."""
        if not self._owners:
            return []
        q = self.embedder.embed_queries([question])[0]
        q = q / max(float(np.linalg.norm(q)), 1e-9)
        sims = self._matrix() @ q
        best: dict[str, FaqMatch] = {}
        for (entry, phrasing), sim in zip(self._owners, sims):
            if entry.id not in best or sim > best[entry.id].score:
                best[entry.id] = FaqMatch(entry, float(sim), phrasing)
        return sorted(best.values(), key=lambda m: -m.score)[:limit]

    def match(self, question: str) -> FaqMatch | None:
        kind = kind_of(question)
        asks_amount = kind == "schwelle"
        for found in self.ranked(question, CANDIDATES):
            if found.score < self.threshold:
                break
            # a question for a number or a date ("Wie lange dauert ...?") is not answered by a
            # yes/no entry ("Nein: ...") however close the two questions lie
            if asks_amount and found.entry.kind == "darf_ich":
                continue
            # nor a "may I …?" question by a "how do I …?" entry ("Ist es erlaubt, Tabellen …
            # abzudrucken?" – "Wie stellen wir Tabellen als offene Daten bereit?")
            if kind == "darf_ich" and found.entry.kind == "vorgehen":
                continue
            # "Was versteht man unter X?" is answered by an entry on what X is, not by one on
            # what X does ("Was bewirkt X?") however close the two questions lie
            if not defines_asked(question, found):
                continue
            if kind == "darf_ich" and not fits_form(question, found):
                continue
            if overlap(question, found.phrasing) >= MIN_OVERLAP:
                return found
            if found.score >= CONTAINED_THRESHOLD and overlap(found.phrasing, question) >= CONTAINED:
                return found
        return None


def defines_asked(question: str, found: FaqMatch) -> bool:
    """Whether a FAQ match answers a "what is X?" question on its term X: the matched phrasing
    asks what X (or a term it names) is, or the entry's answer begins by defining X. True for
    other kinds of question and for questions that name no term after "was ist", "unter" …"""
    if kind_of(question) != "definition":
        return True
    asked = named_terms(question)
    if not asked:  # a short name ("Was bedeutet ein x …?"): the entry must use it
        short = named_words(question)
        said = {w.lower() for w in re.findall(r"[\wÄÖÜäöüß-]+", f"{found.phrasing} {found.entry.answer}")}
        return not short or bool(short & said)
    theirs = named_terms(found.phrasing)
    if theirs and (same_term(asked, theirs) or same_term(asked, content_terms(found.phrasing))):
        return True
    first = split_sentences(" ".join(found.entry.answer.split()))[:1]
    return bool(first) and strength(first[0], asked) > 0


def fits_form(question: str, found: FaqMatch) -> bool:
    """Whether a curated "may I …?" answer fits the question's form: not for a claim asked in
    the negative ("X meint, das dürften wir nicht. Stimmt das?": the entry's "Ja" would confirm
    the claim it refutes), and not for a question stating a condition that changes the verdict
    ("…, wenn die Stadt einen Vertrag hat?") unless the entry speaks of that condition."""
    from assistant.answers.clauses import claim_of
    from assistant.answers.verdict import stated_conditions

    claim = claim_of(question)
    if claim is not None and re.search(r"\b(?:nicht|kein\w*|nie)\b", claim, re.IGNORECASE):
        return False
    said = f"{found.phrasing} {found.entry.answer}"
    return all(re.search(rule, said, re.IGNORECASE) for rule in stated_conditions(question))


def overlap(question: str, phrasing: str) -> float:
    """Share of the question's content stems found in the phrasing (either inside the other)."""
    from assistant.retrieval.german import stem, words

    mine = {stem(w) for w in words(question) if len(w) > 2}
    theirs = {stem(w) for w in words(phrasing) if len(w) > 2}
    if not mine:
        return 0.0
    hits = sum(any(a in b or (len(b) >= 4 and b in a) for b in theirs) for a in mine)
    return hits / len(mine)


@lru_cache(maxsize=1)
def _default_matcher() -> FaqMatcher:
    from assistant.retrieval.embedder import default_embedder
    from assistant.settings import Settings

    return FaqMatcher(load_faq(Settings().paths.knowledge_dir / "faq"), default_embedder())


def match(question: str) -> FaqMatch | None:
    """The curated answer to ``question``, if one fits (for the onboarding guide and others).

    Uses the shipped FAQ and the default embedder. The question must already be free of personal
    data (pass it through the privacy gate first, as ``Lotse.ask`` does).
    """
    return _default_matcher().match(question)
