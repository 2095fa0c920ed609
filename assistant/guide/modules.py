"""The onboarding guide as data: ``knowledge/guide/*.yaml``, one module per file.

Every module follows one pattern: Einleitung -> Umsetzung -> Selbsteinschätzung. Each step is a
short German text, cites at least one section of the guidance texts (``knowledge/guidance/*.md``,
by file and ``##`` heading, shown like ``lotse ask`` citations) and may carry a multiple-choice
exercise, optionally with the Lotse command that helps to answer it. The whole guide is checked
when it is loaded (schema, links between modules, cited sections, Kompass links); a broken file
stops the command with a German message naming the file and the field.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator
from pydantic_core import ErrorDetails

from assistant.errors import ConfigError
from assistant.guide.kompass import Kompass, load_kompass

Phase = Literal["einleitung", "umsetzung", "selbsteinschaetzung"]
PHASES: tuple[Phase, ...] = ("einleitung", "umsetzung", "selbsteinschaetzung")
PHASE_NAMES: dict[str, str] = {"einleitung": "Einleitung", "umsetzung": "Umsetzung",
                               "selbsteinschaetzung": "Selbsteinschätzung"}
LETTERS = "ABCDE"
HINT = ("Korrigieren Sie die Datei (Aufbau: Schema in assistant/guide/modules.py) oder stellen "
        "Sie sie mit 'git checkout knowledge/guide' wieder her.")


class SourceRef(BaseModel):
    model_config = ConfigDict(extra="forbid")
    file: str = Field(pattern=r"^[\w.-]+\.md$")
    heading: str = Field(min_length=3)


class Exercise(BaseModel):
    """A multiple-choice check question; ``answer`` is the number (1 = first) of the right option."""

    model_config = ConfigDict(extra="forbid")
    question: str = Field(min_length=10)
    options: list[str] = Field(min_length=2, max_length=len(LETTERS))
    answer: int = Field(ge=1)
    explanation: str = Field(min_length=10)
    #: The Lotse command that shows the answer (the learner runs it in a second terminal).
    command: str | None = Field(default=None, pattern=r"^(echo .+ \| )?lotse [a-z]")
    #: Text the command's output contains when it supports the right answer (checked by a test).
    evidence: str | None = None

    @model_validator(mode="after")
    def _answer_in_range(self) -> "Exercise":
        if self.answer > len(self.options):
            raise ValueError(f"answer ist {self.answer}, es gibt aber nur {len(self.options)} Optionen")
        if len(set(self.options)) != len(self.options):
            raise ValueError("options enthält doppelte Antworten")
        if self.evidence is not None and self.command is None:
            raise ValueError("evidence ohne command: der Beleg muss aus einem Befehl stammen")
        return self


class Step(BaseModel):
    model_config = ConfigDict(extra="forbid")
    phase: Phase
    title: str = Field(min_length=3)
    text: str = Field(min_length=20)
    sources: list[SourceRef] = Field(min_length=1)
    exercise: Exercise | None = None


class Module(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str = Field(pattern=r"^[a-z0-9-]+$")
    number: int = Field(ge=1)
    title: str
    summary: str
    keywords: list[str] = Field(min_length=1)
    next: str | None = None
    steps: list[Step] = Field(min_length=3)

    @field_validator("steps")
    @classmethod
    def _pattern(cls, steps: list[Step]) -> list[Step]:
        order = [PHASES.index(s.phase) for s in steps]
        if order != sorted(order) or set(order) != {0, 1, 2}:
            raise ValueError("die Schritte müssen der Reihe nach Einleitung, Umsetzung und "
                             "Selbsteinschätzung enthalten (phase: einleitung, umsetzung, "
                             "selbsteinschaetzung)")
        if any(s.exercise is None for s in steps if s.phase == "selbsteinschaetzung"):
            raise ValueError("jeder Schritt der Selbsteinschätzung braucht eine exercise")
        return steps

    @property
    def exercises(self) -> list[int]:
        """Indices of the steps that carry an exercise."""
        return [i for i, s in enumerate(self.steps) if s.exercise is not None]

    def label(self) -> str:
        return f"Modul {self.number} „{self.title}“"


@dataclass(frozen=True)
class GuidanceFile:
    name: str
    title: str
    headings: tuple[str, ...]


def read_guidance(folder: Path) -> dict[str, GuidanceFile]:
    """File name -> title and ``##`` headings of every guidance text (what ``ask`` cites)."""
    out: dict[str, GuidanceFile] = {}
    for path in sorted(folder.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        title = re.search(r"^#\s+(.+?)\s*$", text, re.M)
        heads = tuple(h.strip() for h in re.findall(r"^##\s+(.+?)\s*$", text, re.M))
        out[path.name] = GuidanceFile(path.name, title.group(1) if title else path.stem, heads)
    return out


def source_label(n: int, ref: SourceRef, guidance: dict[str, GuidanceFile]) -> str:
    """``[n] Title, Abschnitt „Heading“ (file)`` like :meth:`Citation.label`."""
    title = guidance[ref.file].title if ref.file in guidance else ref.file
    return f"[{n}] {title}, Abschnitt „{ref.heading}“ ({ref.file})"


@dataclass(frozen=True)
class Guide:
    modules: tuple[Module, ...]
    kompass: Kompass
    guidance: dict[str, GuidanceFile]

    def module(self, key: str) -> Module:
        found = self.find(key)
        if found is None:
            raise KeyError(key)
        return found

    def by_id(self, module_id: str) -> Module:
        return next(m for m in self.modules if m.id == module_id)

    def find(self, text: str) -> Module | None:
        """The module ``text`` names exactly: number, "Modul 3", id, title or a keyword."""
        key = _norm(text)
        key = re.sub(r"^modul\s*", "", key).strip()
        if key.isdigit():
            return next((m for m in self.modules if m.number == int(key)), None)
        for m in self.modules:
            if key in {_norm(m.id), _norm(m.title)} | {_norm(k) for k in m.keywords}:
                return m
        return None

    def closest(self, text: str, n: int = 1) -> list[Module]:
        """Modules whose name, id or keywords come closest to ``text`` (for typos)."""
        key = re.sub(r"^modul\s*", "", _norm(text)).strip()
        names: dict[str, Module] = {}
        for m in self.modules:
            for name in [m.id, m.title, *m.keywords]:
                names[_norm(name)] = m
        ranked = difflib.get_close_matches(key, list(names), n=10, cutoff=0.5)
        ranked += [name for name in names if key and (key in name or name in key)]
        out: list[Module] = []
        for name in ranked:
            if names[name] not in out:
                out.append(names[name])
        return out[:n]

    def covering(self, refs: list[tuple[str, str | None]]) -> Module | None:
        """The module whose steps cite the most of ``refs`` ((file, heading) pairs), in order."""
        best: tuple[int, int] = (0, 0)
        chosen = None
        for m in self.modules:
            cited = {(s.file, s.heading) for step in m.steps for s in step.sources}
            files = {f for f, _ in cited}
            score = (sum((f, h) in cited for f, h in refs), sum(f in files for f, _ in refs))
            if score > best:
                best, chosen = score, m
        return chosen


def _norm(text: str) -> str:
    return " ".join(text.lower().replace("-", " ").split())


def _msg(error: ErrorDetails) -> str:
    return str(error["msg"]).removeprefix("Value error, ")


def _where(error: ErrorDetails) -> str:
    return ".".join(str(part) for part in error.get("loc", ())) or "(Datei)"


def _load_module(path: Path) -> Module:
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        return Module.model_validate(data)
    except ValidationError as exc:
        problems = "; ".join(f"Feld {_where(e)}: {_msg(e)}" for e in exc.errors()[:5])
        raise ConfigError(f"Das Leitfaden-Modul '{path.name}' ist fehlerhaft: {problems}.", HINT) from None
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise ConfigError(f"Das Leitfaden-Modul '{path.name}' ist nicht lesbar: {exc}", HINT) from None


def _check(modules: list[tuple[Path, Module]], guidance: dict[str, GuidanceFile],
           kompass: Kompass, kompass_path: Path) -> None:
    ids = {m.id for _, m in modules}
    numbers = sorted(m.number for _, m in modules)
    if numbers != list(range(1, len(modules) + 1)):
        raise ConfigError(f"Die Module in knowledge/guide sind nicht lückenlos nummeriert "
                          f"(Feld number: {numbers}).", HINT)
    if len(ids) != len(modules):
        raise ConfigError("Zwei Module in knowledge/guide haben dieselbe id.", HINT)
    for path, m in modules:
        if m.next is not None and m.next not in ids:
            raise ConfigError(f"Das Leitfaden-Modul '{path.name}' ist fehlerhaft: Feld next: "
                              f"ein Modul '{m.next}' gibt es nicht.", HINT)
        for i, step in enumerate(m.steps):
            for j, ref in enumerate(step.sources):
                gf = guidance.get(ref.file)
                if gf is None or ref.heading not in gf.headings:
                    what = (f"die Datei knowledge/guidance/{ref.file} gibt es nicht" if gf is None
                            else f"den Abschnitt „{ref.heading}“ gibt es in {ref.file} nicht")
                    raise ConfigError(f"Das Leitfaden-Modul '{path.name}' ist fehlerhaft: Feld "
                                      f"steps.{i}.sources.{j}: {what}.", HINT)
    for d in kompass.dimensions:
        for typ, links in d.next_step_links.items():
            for j, link in enumerate(links):
                if link.modul is not None and link.modul not in ids:
                    raise ConfigError(
                        f"Der DKBM-Kompass in '{kompass_path}' ist fehlerhaft: Feld dimensions."
                        f"{d.id}.next_step_links.{typ}.{j}: ein Leitfaden-Modul '{link.modul}' "
                        "gibt es nicht.", HINT)


@lru_cache(maxsize=4)
def load_guide(knowledge_dir: Path) -> Guide:
    """Load and check ``knowledge/guide``, ``knowledge/guidance`` and ``knowledge/kompass.yaml``."""
    folder = knowledge_dir / "guide"
    files = sorted(folder.glob("*.yaml"))
    if not files:
        raise ConfigError(f"Im Ordner '{folder}' liegen keine Leitfaden-Module (*.yaml).",
                          "Prüfen Sie paths.knowledge_dir in lotse.toml oder installieren Sie Lotse neu.")
    modules = [(path, _load_module(path)) for path in files]
    guidance = read_guidance(knowledge_dir / "guidance")
    kompass_path = knowledge_dir / "kompass.yaml"
    kompass = load_kompass(kompass_path)
    _check(modules, guidance, kompass, kompass_path)
    ordered = tuple(sorted((m for _, m in modules), key=lambda m: m.number))
    return Guide(ordered, kompass, guidance)
