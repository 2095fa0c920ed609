"""Prompt templates are data: YAML files under ``prompts/``, validated on load.

A template has a system text, a user text with ``{placeholders}``, optional few-shot examples and
stop sequences. Rendering fails if a placeholder is missing, so a template change that breaks a
caller fails the tests instead of reaching a model.
"""

from __future__ import annotations

import string
from pathlib import Path

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError

from assistant.errors import ConfigError
from assistant.llm.base import Message


class Example(BaseModel):
    model_config = ConfigDict(extra="forbid")
    user: str
    assistant: str


class PromptTemplate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    #: Raised when the text changes in a way callers or evaluations should notice.
    version: int = 1
    description: str
    system: str = ""
    user: str
    examples: list[Example] = []
    stop: list[str] = []
    #: Which model profiles may use the template ("base", "instruct").
    profiles: list[str] = ["base", "instruct"]

    def variables(self) -> set[str]:
        names = set()
        for text in (self.system, self.user):
            names |= {f for _, f, _, _ in string.Formatter().parse(text) if f}
        return names

    def render(self, **values: str) -> list[Message]:
        missing = self.variables() - values.keys()
        if missing:
            raise ValueError(f"template {self.id!r} needs values for {sorted(missing)}")
        messages: list[Message] = []
        system = self.system.format(**values).strip()
        if system:
            messages.append(Message("system", system))
        for ex in self.examples:
            messages += [Message("user", ex.user.strip()), Message("assistant", ex.assistant.strip())]
        messages.append(Message("user", self.user.format(**values).strip()))
        return messages


class TemplateLibrary:
    def __init__(self, directory: Path) -> None:
        self.directory = directory
        self._loaded: dict[str, PromptTemplate] = {}  # per library, so it dies with it

    def get(self, template_id: str) -> PromptTemplate:
        if template_id in self._loaded:
            return self._loaded[template_id]
        path = self.directory / f"{template_id}.yaml"
        if not path.is_file():
            raise ConfigError(
                f"Die Prompt-Vorlage '{template_id}' fehlt ({path}).",
                "Prüfen Sie paths.prompts_dir oder stellen Sie den Ordner prompts/ wieder her.",
            )
        template = self._loaded[template_id] = load_template(path)
        return template

    def all(self) -> list[PromptTemplate]:
        return [load_template(p) for p in sorted(self.directory.glob("*.yaml"))]


def load_template(path: Path) -> PromptTemplate:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        template = PromptTemplate.model_validate(data)
    except (yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"Die Prompt-Vorlage '{path}' ist fehlerhaft: {exc}",
                          "Korrigieren Sie die Datei.") from None
    if template.id != path.stem:
        raise ConfigError(f"Die Prompt-Vorlage '{path}' trägt die id '{template.id}'.",
                          "id und Dateiname müssen gleich sein.")
    return template
