"""The trained person CRF: where it lives, how it is loaded, how its marginals become spans.

The model file is written by ``scripts/train_ner.py`` (see ``data/ner/LICENSE-NOTE.md``). Loading
checks that the file exists, opens in crfsuite and was trained with the feature version this
code computes; anything else raises :class:`~assistant.errors.PrivacyError` (fail closed).

Tagging reads the model's weights from the file once (:mod:`crf_weights`) and computes the
marginals here: per-word weight sums are cached, so a sentence needs no feature strings and no
crfsuite call, which took more than half of the person model's time (measured). crfsuite stays
the reference (:meth:`PersonModel.spans`); the tests compare both.
"""

from __future__ import annotations

import json
import math
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import PrivacyError
from assistant.privacy.text.ner_features import FEATURE_VERSION, feature_weights

if TYPE_CHECKING:
    from assistant.privacy.names import NameLexicon
    from assistant.privacy.text.ner_features import Tok, Weights

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
        self._weights = _three_label_weights(path)

    def spans(self, xseq: list[list[str]], threshold: float) -> list[tuple[int, int, float]]:
        """Token index ranges [i, j) with their mean person probability (crfsuite on features)."""
        with self._lock:
            self._tagger.set(xseq)
            return decode_spans(self._tagger, len(xseq), threshold, self.labels)

    def token_spans(self, tokens: "list[Tok]", lexicon: "NameLexicon",
                    threshold: float) -> list[tuple[int, int, float]]:
        """What :meth:`spans` gives for ``featurize(tokens, lexicon)``, computed from the weights."""
        if self._weights is None:  # not the O/B-PER/I-PER model the fast path is written for
            from assistant.privacy.text.ner_features import featurize

            return self.spans(featurize(tokens, lexicon), threshold)
        state, transitions = self._weights
        return _decode(marginals(feature_weights(tokens, lexicon, state), transitions), threshold)


def _three_label_weights(path: Path) -> "tuple[dict[str, Weights], list[list[float]]] | None":
    """The model's weights as (feature -> weights of O, B-PER, I-PER; e^transition), or None
    if its labels are others."""
    from assistant.privacy.text.crf_weights import read_crf_weights

    model = read_crf_weights(path)
    order = ("O", "B-PER", "I-PER")
    if sorted(model.labels) != sorted(order):
        return None
    index = [model.labels.index(label) for label in order]
    state = {feature: (w[index[0]], w[index[1]], w[index[2]]) for feature, w in model.state.items()}
    transitions = [[math.exp(model.transitions[i][j]) for j in index] for i in index]
    return state, transitions


def marginals(scores: "list[Weights]", transitions: list[list[float]]) -> list[tuple[float, float]]:
    """P(B-PER) and P(I-PER) per token of a linear-chain CRF with labels O, B-PER, I-PER, by the
    scaled forward-backward algorithm crfsuite uses (``scores``: summed state weights per
    token; ``transitions``: e^weight from label i to label j)."""
    n = len(scores)
    if not n:
        return []
    (t00, t01, t02), (t10, t11, t12), (t20, t21, t22) = transitions
    exp = math.exp
    states: list[tuple[float, float, float]] = []
    alphas: list[tuple[float, float, float]] = []
    scales: list[float] = []
    # the state factors are taken in the forward pass (one walk over the tokens, not two)
    s0, s1, s2 = scores[0]
    a0, a1, a2 = e = (exp(s0), exp(s1), exp(s2))
    states.append(e)
    for i, (s0, s1, s2) in enumerate(scores):
        if i:
            e0, e1, e2 = e = exp(s0), exp(s1), exp(s2)
            states.append(e)
            a0, a1, a2 = ((a0 * t00 + a1 * t10 + a2 * t20) * e0, (a0 * t01 + a1 * t11 + a2 * t21) * e1,
                          (a0 * t02 + a1 * t12 + a2 * t22) * e2)
        scale = 1.0 / (a0 + a1 + a2)
        a0, a1, a2 = a0 * scale, a1 * scale, a2 * scale
        alphas.append((a0, a1, a2))
        scales.append(scale)
    out: list[tuple[float, float]] = [(0.0, 0.0)] * n
    b0 = b1 = b2 = scales[-1]
    for i in range(n - 1, -1, -1):
        if i < n - 1:
            e0, e1, e2 = states[i + 1]
            x0, x1, x2 = b0 * e0, b1 * e1, b2 * e2
            scale = scales[i]
            b0, b1, b2 = ((t00 * x0 + t01 * x1 + t02 * x2) * scale, (t10 * x0 + t11 * x1 + t12 * x2) * scale,
                          (t20 * x0 + t21 * x1 + t22 * x2) * scale)
        _, a1, a2 = alphas[i]
        out[i] = (a1 * b1 / scales[i], a2 * b2 / scales[i])
    return out


def decode_spans(tagger: Any, n: int, threshold: float,
                 labels: tuple[str, ...] = LABELS) -> list[tuple[int, int, float]]:
    """Tokens whose P(B-PER)+P(I-PER) reaches ``threshold``; a span starts where B beats I."""
    if not labels:
        return []
    has_b, has_i = "B-PER" in labels, "I-PER" in labels
    return _decode([(tagger.marginal("B-PER", i) if has_b else 0.0,
                     tagger.marginal("I-PER", i) if has_i else 0.0) for i in range(n)], threshold)


def _decode(probabilities: list[tuple[float, float]], threshold: float) -> list[tuple[int, int, float]]:
    spans: list[tuple[int, int, float]] = []
    start, probs = None, []
    n = len(probabilities)
    for i, (p_b, p_i) in enumerate(probabilities):
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
