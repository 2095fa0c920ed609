"""The seam between Lotse and any language model."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
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
    finish_reason: str | None = None
    prompt_tokens: int | None = None
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


@dataclass
class StreamCollector:
    """Collects a stream into a :class:`Completion` with timing; shared by the backends."""

    model: str
    started: float = field(default_factory=time.perf_counter)
    parts: list[str] = field(default_factory=list)
    first: float | None = None

    def add(self, piece: str) -> None:
        if piece and self.first is None:
            self.first = time.perf_counter() - self.started
        self.parts.append(piece)

    def result(self, finish_reason: str | None = None, completion_tokens: int | None = None,
               prompt_tokens: int | None = None) -> Completion:
        return Completion(
            text="".join(self.parts), model=self.model, finish_reason=finish_reason,
            prompt_tokens=prompt_tokens, completion_tokens=completion_tokens,
            seconds=time.perf_counter() - self.started, first_token_seconds=self.first,
        )


def collect(backend: LLMBackend, messages: list[Message], options: GenerationOptions) -> Completion:
    """Default ``complete`` built on ``stream``."""
    collector = StreamCollector(model=backend.name)
    for piece in backend.stream(messages, options):
        collector.add(piece)
    return collector.result()
