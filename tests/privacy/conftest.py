from __future__ import annotations

import re

import pytest


@pytest.fixture
def gate(settings):
    """A fresh gate (= one session) with the audit log in the test's data dir."""
    from assistant.privacy import PrivacyGate

    return PrivacyGate.from_settings(settings)


def spans(gate, text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start:e.end]) for e in gate.redact(text).entities]


#: A span a test text marks as expected: ``[[TYPE:surface]]``.
_MARK = re.compile(r"\[\[([A-Z_]+):([^\[\]\n]+?)\]\]")


def unmark(marked: str) -> tuple[str, list[tuple[str, str]]]:
    """The plain text of a marked test text and its expected (type, surface) spans."""
    return _MARK.sub(lambda m: m.group(2), marked), [(m.group(1), m.group(2)) for m in _MARK.finditer(marked)]


def missing(gate, marked: str) -> list[tuple[str, str]]:
    """The marked spans the gate does not find exactly in the plain text."""
    text, expected = unmark(marked)
    found = spans(gate, text)
    return [e for e in expected if e not in found]
