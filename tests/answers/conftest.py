"""Shared fixtures of the answer tests: a Lotse on the embedded knowledge with the fake base model."""

from __future__ import annotations

import re

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
