"""Shared fixtures of the answer tests: a Lotse on the embedded knowledge with the fake base model."""

from __future__ import annotations

import re
from dataclasses import dataclass

import pytest

from assistant.answers.compose import first_sentence
from tests.conftest import isolated_service


@pytest.fixture(scope="module")
def lotse(tmp_path_factory):
    """One service per test module (see tests.conftest.isolated_service)."""
    with isolated_service(tmp_path_factory, "answers-data") as service:
        yield service


def first_of(answer_text: str) -> str:
    """The answer's first sentence without its citation marks."""
    return first_sentence(re.sub(r"\s*\[[\d, ]+\]", "", answer_text))


def extractive_run(service):
    """question -> (what was gathered for it, the extractive answer's pieces), over the embedded
    knowledge without the FAQ layer (the deterministic path the first-sentence tests check)."""
    from assistant.answers.compose import extractive_pieces, gather
    from assistant.answers.extractive import ExtractiveAnswerer
    from assistant.answers.factory import build_retriever, load_catalogue_or_none

    index = service.index
    index.ensure_knowledge()
    retriever = build_retriever(service.settings, index, load_catalogue_or_none(service.settings))
    answerer = ExtractiveAnswerer(index.embedder)

    def run(question: str):
        gathered = gather(question, retriever, faq=None)
        return gathered, extractive_pieces(question, gathered, answerer)

    return run


@pytest.fixture(scope="module")
def first(lotse):
    """question -> the first sentence of its extractive answer (without citation marks)."""
    run = extractive_run(lotse)

    def first_sentence(question: str) -> str:
        _, pieces = run(question)
        return first_of(" ".join(pieces))

    return first_sentence


@dataclass
class Sentence:
    """A candidate sentence as the answer composers see it (passage, position, score)."""

    text: str
    n: int
    position: int
    score: float
