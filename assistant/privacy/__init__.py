"""The privacy gate: personal data in German text and tables never reaches a model.

``text/`` holds the text gate (recognizers, Presidio engine, person CRF), ``tables/`` the table
gate (personal columns, suppression, k-anonymity); this package holds what both share: the name
lists (:mod:`.names`), the placeholder map (:mod:`.pseudonyms`, one per session, handed to both
gates by :class:`assistant.service.Lotse`) and the audit log (:mod:`.audit`).

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
