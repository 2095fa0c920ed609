"""A fake chat model: a reply queue plus a prompt history. Used by tests and demos."""

from __future__ import annotations

import re
from collections import deque
from typing import Iterable, Iterator

from assistant.llm.base import Completion, GenerationOptions, Message, collect
from assistant.llm.profiles import ModelProfile


class FakeBackend:
    """Replies from a queue (then ``default``); remembers every prompt it was given.

    >>> fake = FakeBackend(["Hallo"])
    >>> fake.complete([Message("user", "Hi")], GenerationOptions()).text
    'Hallo'
    >>> fake.prompts[0][0].content
    'Hi'
    """

    def __init__(self, replies: Iterable[str] = (), *, default: str = "Das ist eine Testantwort.",
                 kind: str = "instruct") -> None:
        self.replies: deque[str] = deque(replies)
        self.default = default
        self.prompts: list[list[Message]] = []
        self._profile = ModelProfile(id="fake", kind=kind, n_ctx=8192, chat_format=None)  # type: ignore[arg-type]

    @property
    def name(self) -> str:
        return "fake"

    @property
    def profile(self) -> ModelProfile:
        return self._profile

    def queue(self, *replies: str) -> None:
        self.replies.extend(replies)

    def stream(self, messages: list[Message], options: GenerationOptions) -> Iterator[str]:
        self.prompts.append(list(messages))
        reply = self.replies.popleft() if self.replies else self.default
        for stop in options.stop:
            if stop in reply:
                reply = reply[: reply.index(stop)]
        # Word-sized pieces, like a real stream.
        yield from re.findall(r"\S+\s*|\s+", reply)

    def complete(self, messages: list[Message], options: GenerationOptions) -> Completion:
        return collect(self, messages, options)
