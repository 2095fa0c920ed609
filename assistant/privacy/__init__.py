"""The privacy gate: personal data in German text never reaches a model.

>>> from assistant.privacy import PrivacyGate, Redaction, Entity
>>> gate = PrivacyGate.from_settings(settings)   # one instance = one session
>>> red = gate.redact(text)                       # red.text, red.original_length, red.entities
>>> gate.restore(model_output)                    # placeholders of this session back to originals

Heavy imports (Presidio, spaCy) happen when a gate is built, not when this package is imported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["Entity", "PrivacyGate", "Redaction"]

if TYPE_CHECKING:
    from assistant.privacy.text.gate import Entity, PrivacyGate, Redaction


def __getattr__(name: str) -> Any:
    if name in __all__:
        from assistant.privacy.text import gate

        return getattr(gate, name)
    raise AttributeError(name)
