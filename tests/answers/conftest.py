"""Shared fixtures of the answer tests: a Lotse on the embedded knowledge with the fake base model."""

from __future__ import annotations

import os
import re

import pytest

from assistant.answers.compose import first_sentence
from assistant.llm.fake import FakeBackend
from assistant.service import Lotse


@pytest.fixture(scope="module")
def lotse(tmp_path_factory):
    """One service per test module: a fresh data dir, no LOTSE_ settings from the environment."""
    from assistant.settings import load_settings

    data = tmp_path_factory.mktemp("answers-data")
    with pytest.MonkeyPatch.context() as mp:
        for key in list(os.environ):
            if key.startswith("LOTSE_") and key not in ("LOTSE_DEBUG", "LOTSE_SHARED_DIR"):
                mp.delenv(key)
        mp.chdir(data)
        settings = load_settings(paths={"data_dir": data}, llm={"backend": "fake", "profile": "base"})
        yield Lotse(settings, backend=FakeBackend(kind="base"), status=lambda _: None)


def first_of(answer_text: str) -> str:
    """The answer's first sentence without its citation marks."""
    return first_sentence(re.sub(r"\s*\[[\d, ]+\]", "", answer_text))
