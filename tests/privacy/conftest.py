from __future__ import annotations

import pytest


@pytest.fixture
def gate(settings):
    """A fresh gate (= one session) with the audit log in the test's data dir."""
    from assistant.privacy import PrivacyGate

    return PrivacyGate.from_settings(settings)


def spans(gate, text: str) -> list[tuple[str, str]]:
    return [(e.type, text[e.start:e.end]) for e in gate.redact(text).entities]
