"""Code templates are data: YAML files under ``prompts/code/`` (and a user folder), validated on load.

A code template has an id, a version, a purpose, typed variables (slots) and an output contract;
its ``code`` is Jinja2 text rendered in a sandboxed environment with ``StrictUndefined``, so a
missing variable fails the render instead of leaving a hole in the snippet. ``kind`` says what the
template is for: ``indicator`` (a catalogue indicator), ``analysis`` (an analysis besides the
catalogue), ``loader`` (the part of a snippet that reads the user's file).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from assistant.errors import ConfigError

Language = Literal["pandas", "r"]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Variable(Strict):
    """One variable of a template. ``column`` slots are filled with a column of the user's table."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: Literal["column", "str", "int", "float", "list", "code", "mapping"]
    description: str = Field(min_length=3)
    #: Words (German) that identify the column of a ``column`` slot in a header or a task.
    synonyms: list[str] = []
    required: bool = True


class OutputColumn(Strict):
    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: Literal["str", "int", "float"]
    role: Literal["key", "value"]
    description: str = Field(min_length=3)
    #: Shares lie in 0..100; ``plausibility`` checks them.
    percent: bool = False


class OutputContract(Strict):
    """What the snippet leaves in ``ergebnis``: a DataFrame (data.frame) with these columns."""

    #: Empty for indicator templates: the catalogue entry's ``output`` is the contract.
    columns: list[OutputColumn] = []
    note: str = ""


class CodeTemplate(Strict):
    id: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    version: int = Field(ge=1)
    kind: Literal["indicator", "analysis", "loader"]
    language: Language
    purpose: str = Field(min_length=10)
    #: Words of a task that select this analysis (deterministic matching).
    keywords: list[str] = []
    variables: list[Variable] = []
    output: OutputContract = OutputContract()
    code: str = Field(min_length=10)
    #: Where the template came from (filled on load, not in the file).
    origin: str = ""

    def slots(self) -> list[Variable]:
        return [v for v in self.variables if v.type == "column"]

    def key_columns(self) -> list[str]:
        return [c.name for c in self.output.columns if c.role == "key"]

    def render(self, **values: Any) -> str:
        missing = sorted(v.name for v in self.variables
                         if v.required and v.type != "column" and v.name not in values)
        if missing:
            raise ConfigError(f"Die Code-Vorlage '{self.id}' braucht Werte für {', '.join(missing)}.",
                              "Das ist ein Fehler im Programm oder in der Vorlage; bitte melden.")
        from jinja2 import TemplateError

        try:
            return _environment().from_string(self.code).render(**values).strip() + "\n"
        except TemplateError as exc:
            raise ConfigError(f"Die Code-Vorlage '{self.id}' ({self.origin}) lässt sich nicht "
                              f"füllen: {exc}", "Korrigieren Sie die Vorlage.") from None

    def to_dict(self) -> dict[str, Any]:
        return self.model_dump(mode="json")


def _py(value: Any) -> str:
    """A Python literal (strings with double quotes, like the rest of the snippet)."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(_py(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{_py(k)}: {_py(v)}" for k, v in value.items()) + "}"
    return repr(value)


def _r(value: Any) -> str:
    """An R literal: strings quoted, vectors as ``c(...)``."""
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (list, tuple)):
        return "c(" + ", ".join(_r(v) for v in value) + ")"
    return repr(value)


def _environment() -> Any:
    from jinja2 import StrictUndefined
    from jinja2.sandbox import SandboxedEnvironment

    env = SandboxedEnvironment(undefined=StrictUndefined, keep_trailing_newline=True,
                               trim_blocks=True, lstrip_blocks=True, autoescape=False)
    env.filters["py"] = _py
    env.filters["r"] = _r
    return env


def _describe(exc: ValidationError) -> str:
    parts = []
    for err in exc.errors()[:3]:
        where = ".".join(str(p) for p in err.get("loc", ())) or "(Datei)"
        if err.get("type") == "extra_forbidden":
            parts.append(f"Feld '{where}' ist unbekannt")
        elif err.get("type") == "missing":
            parts.append(f"Feld '{where}' fehlt")
        else:
            parts.append(f"Feld '{where}': {err.get('msg', '')}")
    return "; ".join(parts)


def load_code_template(path: Path) -> CodeTemplate:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"Die Code-Vorlage '{path}' ist nicht lesbar: {exc}",
                          "Korrigieren Sie die Datei (YAML, UTF-8).") from None
    if not isinstance(data, dict):
        raise ConfigError(f"Die Code-Vorlage '{path}' ist fehlerhaft: Feld '(Datei)' muss eine "
                          "Zuordnung (id, version, …) sein.", "Vergleichen Sie mit prompts/code/.")
    try:
        template = CodeTemplate.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(f"Die Code-Vorlage '{path}' ist fehlerhaft: {_describe(exc)}.",
                          "Korrigieren Sie die Datei; das Schema zeigen die Vorlagen in "
                          "prompts/code/ ('lotse templates show ID').") from None
    if template.id != path.stem:
        raise ConfigError(f"Die Code-Vorlage '{path}' ist fehlerhaft: Feld 'id' ('{template.id}') "
                          "muss dem Dateinamen entsprechen.", "Benennen Sie Datei oder id um.")
    from jinja2 import TemplateSyntaxError

    try:
        _environment().parse(template.code)
    except TemplateSyntaxError as exc:
        raise ConfigError(f"Die Code-Vorlage '{path}' ist fehlerhaft: Feld 'code', Zeile "
                          f"{exc.lineno}: {exc.message}", "Korrigieren Sie die Jinja-Syntax.") from None
    return template.model_copy(update={"origin": str(path)})


class CodeTemplateLibrary:
    """Built-in templates (``prompts/code``) plus the user's folder (``codegen.templates_dir``).

    A user template with the id of a built-in one replaces it (its file is named in ``origin``).
    """

    def __init__(self, builtin_dir: Path, user_dir: Path | None = None) -> None:
        self.builtin_dir = builtin_dir
        self.user_dir = user_dir
        self._templates: dict[str, CodeTemplate] | None = None

    def _load(self) -> dict[str, CodeTemplate]:
        if self._templates is None:
            found: dict[str, CodeTemplate] = {}
            for folder in (self.builtin_dir, self.user_dir):
                if folder is None:
                    continue
                if not folder.is_dir():
                    raise ConfigError(f"Der Vorlagenordner '{folder}' existiert nicht.",
                                      "Prüfen Sie codegen.templates_dir in lotse.toml.")
                for path in sorted(folder.glob("*.yaml")):
                    template = load_code_template(path)
                    found[template.id] = template
            self._templates = found
        return self._templates

    def all(self) -> list[CodeTemplate]:
        return list(self._load().values())

    def get(self, template_id: str) -> CodeTemplate:
        templates = self._load()
        if template_id not in templates:
            known = ", ".join(sorted(templates))
            raise ConfigError(f"Die Code-Vorlage '{template_id}' gibt es nicht.",
                              f"Vorhanden: {known}. Übersicht: lotse templates list.")
        return templates[template_id]

    def analyses(self, language: Language) -> list[CodeTemplate]:
        return [t for t in self.all() if t.kind == "analysis" and t.language == language]
