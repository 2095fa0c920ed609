"""The trained person CRF: where it lives, how it is loaded, how its marginals become spans.

The model file is written by ``scripts/train_ner.py`` (see ``data/ner/LICENSE-NOTE.md``). Loading
checks that the file exists, opens in crfsuite and was trained with the feature version this
code computes; anything else raises :class:`~assistant.errors.PrivacyError` (fail closed).
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

from assistant.errors import PrivacyError
from assistant.privacy.text.ner_features import FEATURE_VERSION

MODEL_DIR = Path(__file__).resolve().parents[1] / "data" / "ner"
MODEL_FILE = "person_crf.crfsuite"
META_FILE = "person_crf.json"
LABELS = ("B-PER", "I-PER")
DEFAULT_TOKEN_THRESHOLD = 0.3
_HINT = ("Installieren Sie Lotse neu (die Datei gehört zum Paket) oder trainieren Sie das Modell "
         "mit 'python scripts/train_ner.py'. Es wurde nichts an ein Sprachmodell gesendet.")
_lock = threading.Lock()
_cache: dict[Path, Any] = {}


class PersonModel:
    """A crfsuite tagger; one instance per process and model path, guarded by a lock."""

    def __init__(self, path: Path, token_threshold: float = DEFAULT_TOKEN_THRESHOLD) -> None:
        import pycrfsuite

        self.path = path
        #: Minimum P(person) of a token in a candidate span; chosen by cross-validation together
        #: with the model and stored beside it by ``scripts/train_ner.py``.
        self.token_threshold = token_threshold
        self._tagger = pycrfsuite.Tagger()
        self._tagger.open(str(path))
        labels = set(self._tagger.labels())
        self.labels = tuple(label for label in LABELS if label in labels)
        self._lock = threading.Lock()

    def spans(self, xseq: list[list[str]], threshold: float) -> list[tuple[int, int, float]]:
        """Token index ranges [i, j) with their mean person probability."""
        with self._lock:
            self._tagger.set(xseq)
            return decode_spans(self._tagger, len(xseq), threshold, self.labels)


def decode_spans(tagger: Any, n: int, threshold: float,
                 labels: tuple[str, ...] = LABELS) -> list[tuple[int, int, float]]:
    """Tokens whose P(B-PER)+P(I-PER) reaches ``threshold``; a span starts where B beats I."""
    if not labels:
        return []
    has_b, has_i = "B-PER" in labels, "I-PER" in labels
    spans: list[tuple[int, int, float]] = []
    start, probs = None, []
    for i in range(n):
        p_b = tagger.marginal("B-PER", i) if has_b else 0.0
        p_i = tagger.marginal("I-PER", i) if has_i else 0.0
        inside = p_b + p_i >= threshold
        if start is not None and (not inside or p_b > p_i):
            spans.append((start, i, sum(probs) / len(probs)))
            start, probs = None, []
        if inside:
            if start is None:
                start = i
            probs.append(p_b + p_i)
    if start is not None:
        spans.append((start, n, sum(probs) / len(probs)))
    return spans


def load_model(directory: Path = MODEL_DIR) -> PersonModel:
    path = directory / MODEL_FILE
    with _lock:
        if path in _cache:
            return _cache[path]
        if not path.is_file():
            raise PrivacyError(f"Das Personen-Erkennungsmodell fehlt ({path}).", _HINT)
        try:
            meta = json.loads((directory / META_FILE).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            raise PrivacyError(
                f"Die Beschreibung des Personen-Erkennungsmodells fehlt oder ist defekt "
                f"({directory / META_FILE}).", _HINT) from None
        if meta.get("feature_version") != FEATURE_VERSION:
            raise PrivacyError(
                f"Das Personen-Erkennungsmodell passt nicht zu dieser Lotse-Version "
                f"(Merkmale v{meta.get('feature_version')}, erwartet v{FEATURE_VERSION}).", _HINT)
        try:
            model = PersonModel(path, float(meta.get("token_threshold", DEFAULT_TOKEN_THRESHOLD)))
        except Exception as exc:  # noqa: BLE001 - a broken file must stop the gate
            raise PrivacyError(
                f"Das Personen-Erkennungsmodell konnte nicht geladen werden ({type(exc).__name__}).",
                _HINT) from exc
        _cache[path] = model
        return model
