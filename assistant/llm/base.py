"""The seam between Lotse and any language model."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any, Iterator, Literal, Protocol, runtime_checkable

from assistant.llm.profiles import ModelProfile

Role = Literal["system", "user", "assistant"]


@dataclass(frozen=True)
class Message:
    role: Role
    content: str


@dataclass(frozen=True)
class GenerationOptions:
    max_tokens: int = 256
    temperature: float = 0.3
    stop: tuple[str, ...] = ()
    #: A JSON schema the output must satisfy (grammar-constrained where the backend supports it).
    json_schema: dict[str, Any] | None = None
    seed: int | None = None
    #: Penalty on repeated tokens (llama.cpp); small base models loop without one.
    repeat_penalty: float | None = None


@dataclass
class Completion:
    text: str
    model: str
    completion_tokens: int | None = None
    seconds: float = 0.0
    first_token_seconds: float | None = None


@runtime_checkable
class LLMBackend(Protocol):
    """A chat model. ``stream`` yields text pieces as they are generated."""

    @property
    def name(self) -> str: ...

    @property
    def profile(self) -> ModelProfile: ...

    def stream(self, messages: list[Message], options: GenerationOptions) -> Iterator[str]: ...

    def complete(self, messages: list[Message], options: GenerationOptions) -> Completion: ...


def collect(backend: LLMBackend, messages: list[Message], options: GenerationOptions) -> Completion:
    """``complete`` for every backend: the stream collected, with timing. Backends stream one
    token per piece, so the number of non-empty pieces is the number of generated tokens."""
    started = time.perf_counter()
    first: float | None = None
    parts: list[str] = []
    for piece in backend.stream(messages, options):
        if piece and first is None:
            first = time.perf_counter() - started
        parts.append(piece)
    return Completion(text="".join(parts), model=backend.name,
                      completion_tokens=sum(1 for p in parts if p),
                      seconds=time.perf_counter() - started, first_token_seconds=first)
