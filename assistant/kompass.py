"""The DKBM-Kompass as data (``knowledge/kompass.yaml``): 7 dimensions, Typ I–IV each.

The level descriptions paraphrase the Kompass; ``next_steps`` are Lotse's own advice toward the
next Typ and are marked as such by ``note_next_steps``.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from assistant.errors import ConfigError

TypId = Literal["I", "II", "III", "IV"]
TYPES: tuple[TypId, ...] = ("I", "II", "III", "IV")


class KompassTyp(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: TypId
    title: str


class Dimension(BaseModel):
    model_config = ConfigDict(extra="forbid")
    id: str
    name: str
    question: str
    levels: dict[TypId, str]
    next_steps: dict[TypId, list[str]]

    @model_validator(mode="after")
    def _complete(self) -> "Dimension":
        for field in ("levels", "next_steps"):
            missing = set(TYPES) - set(getattr(self, field))
            if missing:
                raise ValueError(f"{self.id}: {field} fehlt für Typ {sorted(missing)}")
        if any(not steps for steps in self.next_steps.values()):
            raise ValueError(f"{self.id}: next_steps darf nicht leer sein")
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


@lru_cache(maxsize=4)
def load_kompass(path: Path) -> Kompass:
    try:
        return Kompass.model_validate(yaml.safe_load(path.read_text(encoding="utf-8")))
    except (OSError, yaml.YAMLError, ValidationError) as exc:
        raise ConfigError(f"Der DKBM-Kompass in '{path}' ist fehlerhaft: {exc}",
                          "Korrigieren Sie die Datei oder stellen Sie sie wieder her.") from None
