"""The DKBM-Kompass as data (``knowledge/kompass.yaml``): 7 dimensions, Typ I–IV each.

The level descriptions paraphrase the Kompass; ``next_steps`` are Lotse's own advice toward the
next Typ and are marked as such by ``note_next_steps``. ``next_step_links`` says, for every next
step, where Lotse helps with it: a guide module (``modul``) or a Lotse command (``befehl``); the
two lists run in parallel and must have the same length.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator
from pydantic_core import ErrorDetails

from assistant.errors import ConfigError

TypId = Literal["I", "II", "III", "IV"]
TYPES: tuple[TypId, ...] = ("I", "II", "III", "IV")


class KompassTyp(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: TypId
    title: str


class StepLink(BaseModel):
    """Where Lotse helps with one next step: a guide module or a command (exactly one)."""

    model_config = ConfigDict(extra="forbid")
    modul: str | None = None
    befehl: str | None = None

    @model_validator(mode="after")
    def _one_target(self) -> "StepLink":
        if (self.modul is None) == (self.befehl is None):
            raise ValueError("jeder Verweis braucht genau eines von 'modul' oder 'befehl'")
        if self.befehl is not None and not self.befehl.startswith("lotse "):
            raise ValueError(f"'befehl' muss mit 'lotse ' beginnen, nicht '{self.befehl}'")
        return self


class Dimension(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    question: str
    levels: dict[TypId, str]
    next_steps: dict[TypId, list[str]]
    next_step_links: dict[TypId, list[StepLink]]

    @model_validator(mode="after")
    def _complete(self) -> "Dimension":
        for field in ("levels", "next_steps", "next_step_links"):
            missing = set(TYPES) - set(getattr(self, field))
            if missing:
                raise ValueError(f"{self.id}: {field} fehlt für Typ {sorted(missing)}")
        if any(not steps for steps in self.next_steps.values()):
            raise ValueError(f"{self.id}: next_steps darf nicht leer sein")
        for typ in TYPES:
            if len(self.next_step_links[typ]) != len(self.next_steps[typ]):
                raise ValueError(
                    f"{self.id}: next_step_links.{typ} hat {len(self.next_step_links[typ])} "
                    f"Verweise für {len(self.next_steps[typ])} nächste Schritte (je Schritt einer)")
        return self


class Kompass(BaseModel):
    model_config = ConfigDict(extra="forbid")
    source: str
    note_next_steps: str
    types: list[KompassTyp]
    dimensions: list[Dimension]

    def dimension(self, key: str) -> Dimension:
        for d in self.dimensions:
            if key in (d.id, d.name):
                return d
        raise KeyError(key)

    def typ(self, typ: TypId) -> KompassTyp:
        return next(t for t in self.types if t.id == typ)

    @model_validator(mode="after")
    def _all_types(self) -> "Kompass":
        if [t.id for t in self.types] != list(TYPES):
            raise ValueError("types muss genau die Typen I, II, III, IV in dieser Reihenfolge enthalten")
        return self


def _where(error: ErrorDetails) -> str:
    return ".".join(str(part) for part in error.get("loc", ())) or "(Datei)"


@lru_cache(maxsize=4)
def load_kompass(path: Path) -> Kompass:
    """Load and validate the Kompass; a broken file raises a German ``ConfigError`` naming the field."""
    hint = "Korrigieren Sie die Datei oder stellen Sie sie wieder her (git checkout knowledge/kompass.yaml)."
    try:
        return Kompass.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except ValidationError as exc:
        problems = "; ".join(f"Feld {_where(e)}: {str(e['msg']).removeprefix('Value error, ')}"
                             for e in exc.errors()[:5])
        raise ConfigError(f"Der DKBM-Kompass in '{path}' ist fehlerhaft: {problems}.", hint) from None
    except (OSError, yaml.YAMLError) as exc:
        raise ConfigError(f"Der DKBM-Kompass in '{path}' ist nicht lesbar: {exc}", hint) from None
