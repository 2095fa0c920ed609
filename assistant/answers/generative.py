"""Generative answers (instruct models): numbered passages, quoted as data, through ``prompts/ask.yaml``.

Retrieved text is data, never instructions: every passage sits inside a ``<quellen>`` block in
triple quotes, and delimiter look-alikes inside a passage are neutralised, so a document cannot
close the block and speak as the user or the system. The system prompt says the same in words.
"""

from __future__ import annotations

import re
from typing import Iterator, Sequence

from assistant.llm import GenerationOptions, LLMBackend, Message
from assistant.prompts import TemplateLibrary
from assistant.retrieval.models import Passage

QUOTE = '"""'
_DELIMS = re.compile(r'"{3,}|</?\s*quellen\s*>', re.IGNORECASE)


def _neutralise(text: str) -> str:
    return _DELIMS.sub(lambda m: "''" if m.group(0).startswith('"') else "(quellen)", text)


def format_passages(passages: Sequence[Passage]) -> str:
    blocks = []
    for p in passages:
        where = " – ".join(x for x in (p.title, p.section) if x)
        page = f", S. {p.page}" if p.page else ""
        blocks.append(f"[{p.n}] {_neutralise(where)} (Quelle: {_neutralise(p.source)}{page})\n"
                      f"{QUOTE}\n{_neutralise(p.text.strip())}\n{QUOTE}")
    return "\n\n".join(blocks)


class GenerativeAnswerer:
    def __init__(self, backend: LLMBackend, templates: TemplateLibrary, options: GenerationOptions,
                 template_id: str = "ask") -> None:
        self.backend = backend
        self.templates = templates
        self.options = options
        self.template_id = template_id

    def messages(self, question: str, passages: Sequence[Passage]) -> list[Message]:
        template = self.templates.get(self.template_id)
        return template.render(question=question.strip(), passages=format_passages(passages))

    def system_prompt(self) -> str:
        """The instructions the model gets (an answer must not repeat them)."""
        return self.templates.get(self.template_id).system or ""

    def stream(self, question: str, passages: Sequence[Passage]) -> Iterator[str]:
        template = self.templates.get(self.template_id)
        options = GenerationOptions(
            max_tokens=self.options.max_tokens, temperature=self.options.temperature,
            stop=tuple(template.stop) or self.options.stop, seed=self.options.seed)
        yield from self.backend.stream(self.messages(question, passages), options)
