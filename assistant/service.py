"""The service layer: one object that the CLI, the web UI and the Python API all call.

>>> from assistant.service import Lotse
>>> lotse = Lotse()                      # defaults, ./lotse.toml, LOTSE_* variables
>>> for piece in lotse.chat("Was ist ein Bildungsbericht?"):
...     print(piece, end="")

Constructing it installs the no-egress guard, like every other entry point.
"""

from __future__ import annotations

import sys
from typing import Callable, Iterator

from assistant import egress
from assistant.llm import LLMBackend, create_backend, options_from
from assistant.prompts import TemplateLibrary
from assistant.settings import Settings, load_settings
from assistant.streaming import stop_on_foreign_script, stop_on_repetition


def _stderr(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


class Lotse:
    def __init__(self, settings: Settings | None = None, *, backend: LLMBackend | None = None,
                 status: Callable[[str], None] | None = None) -> None:
        egress.install()
        self.settings = settings or load_settings()
        egress.allow(self.settings.network.allowed_hosts)
        self.status = status or _stderr
        self._backend = backend
        self.templates = TemplateLibrary(self.settings.paths.prompts_dir)

    @property
    def backend(self) -> LLMBackend:
        if self._backend is None:
            self._backend = create_backend(self.settings, status=self.status)
        return self._backend

    def chat(self, question: str) -> Iterator[str]:
        """Stream the model's answer to ``question`` (free chat, no retrieval)."""
        template = self.templates.get("chat")
        messages = template.render(question=question.strip())
        options = options_from(self.settings, stop=tuple(template.stop),
                               repeat_penalty=None if self.backend.profile.is_instruct else 1.3)
        yield from stop_on_repetition(stop_on_foreign_script(self.backend.stream(messages, options)))
