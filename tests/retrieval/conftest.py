"""Fixtures for the retrieval tests: small German guidance texts, test doubles for the privacy
gate, the catalogue and (where speed matters more than semantics) the embedder."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pytest

from assistant.errors import PrivacyError
from assistant.retrieval.german import tokens

from .docs import write_guidance


class BagOfWordsEmbedder:
    """Deterministic stand-in for the e5 model: hashed German stems, L2-normalised."""

    model_id = "test-bow"
    dim = 384

    def __init__(self) -> None:
        self.calls = 0

    def _vec(self, text: str) -> np.ndarray:
        v = np.zeros(self.dim, np.float32)
        for t in tokens(text):
            v[int(hashlib.md5(t.encode()).hexdigest(), 16) % self.dim] += 1.0
        n = np.linalg.norm(v)
        return v / n if n else v + 1.0 / np.sqrt(self.dim)

    def embed_passages(self, texts):  # noqa: ANN001, ANN201
        self.calls += len(texts)
        return np.stack([self._vec(t) for t in texts]) if texts else np.zeros((0, self.dim), np.float32)

    def embed_queries(self, texts):  # noqa: ANN001, ANN201
        return self.embed_passages(texts)


@dataclass
class FakeRedaction:
    text: str
    entities: list = field(default_factory=list)


class FakeGate:
    """Replaces the given names with placeholders and back; ``fail`` makes it fail closed."""

    NAMES = {"Frau Müller": "<PERSON_1>", "Kevin Schulz": "<PERSON_2>"}

    def __init__(self, fail: bool = False) -> None:
        self.fail = fail
        self.seen: list[str] = []

    def redact(self, text: str) -> FakeRedaction:
        if self.fail:
            raise PrivacyError("Datenschutzfilter nicht verfügbar.", "Bitte prüfen.")
        self.seen.append(text)
        for name, placeholder in self.NAMES.items():
            text = text.replace(name, placeholder)
        return FakeRedaction(text)

    def restore(self, text: str) -> str:
        for name, placeholder in self.NAMES.items():
            text = text.replace(placeholder, name)
        return text


@dataclass
class FakeIndicator:
    id: str
    name: str
    text: str

    def to_text(self) -> str:
        return self.text

    synonyms = ("Betreuungsquote",)

    def summary(self) -> list[str]:
        return [self.text]


class FakeCatalogue:
    ENTRY = FakeIndicator(
        "C7.1", "Betreuungsquote der unter Dreijährigen",
        "Die Betreuungsquote der unter Dreijährigen ist der Anteil der Kinder unter drei Jahren "
        "in Kindertagesbetreuung an allen Kindern dieses Alters. Stichtag der Zählung ist der "
        "1. März; der Nenner ist die Bevölkerung am 31. Dezember des Vorjahres.")

    def mentioned_in(self, question: str) -> list[FakeIndicator]:
        return [self.ENTRY] if re.search(r"betreuungsquote|c7\.1", question, re.I) else []


@pytest.fixture
def knowledge(tmp_path: Path) -> Path:
    return write_guidance(tmp_path / "knowledge")


@pytest.fixture
def rsettings(settings, knowledge: Path):
    """The shared ``settings`` fixture, pointed at the small test guidance texts."""
    settings.paths.knowledge_dir = knowledge
    return settings


@pytest.fixture(scope="session")
def e5(tmp_path_factory: pytest.TempPathFactory):
    """The real embedder with one vector cache for the whole test session."""
    from assistant.retrieval.embedder import E5Embedder, VectorCache

    return E5Embedder(VectorCache(tmp_path_factory.mktemp("vectors") / "v.sqlite"))


@pytest.fixture
def bow() -> BagOfWordsEmbedder:
    return BagOfWordsEmbedder()
