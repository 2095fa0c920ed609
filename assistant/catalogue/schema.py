"""Pydantic schema of the indicator catalogue (``knowledge/indicators/*.yaml``).

One YAML file per Bildungsbereich (A–H). Every model forbids unknown keys, so a typo in a field
name fails the load with the file, the entry id and the field instead of being silently ignored.
"""

from __future__ import annotations

import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

from assistant.catalogue.render import render_text, summary_sentences
from assistant.errors import CatalogueError  # noqa: F401 - re-exported: catalogue.schema.CatalogueError

AREAS: dict[str, str] = {
    "A": "Rahmenbedingungen",
    "B": "Grundinformationen zu Bildung",
    "C": "Frühkindliche Bildung",
    "D": "Allgemeinbildende Schulen",
    "E": "Berufliche Bildung",
    "F": "Hochschulen",
    "G": "Weiterbildung",
    "H": "Non-formale und informelle Lernwelten",
    "I": "Netzwerke und Beratung",
}

TOPICS: dict[int, str] = {
    1: "Demographische Entwicklung",
    2: "Wirtschaftsstruktur und Arbeitsmarkt",
    3: "Soziale Rahmenbedingungen",
    4: "Finanzsituation der öffentlichen Haushalte",
    5: "Bildungsausgaben",
    6: "Bildungseinrichtungen",
    7: "Bildungsbeteiligung",
    8: "Bildungsstand",
    9: "Bildungspersonal",
    10: "Bildungszeit und Unterricht",
    11: "Einschulungen",
    12: "Übergänge",
    13: "Klassenwiederholungen",
    14: "Bildungsqualität und Evaluation",
    15: "Abschlüsse",
    16: "Kompetenzen",
    17: "Bildungserträge",
}

ID_PATTERN = re.compile(r"^([A-I])(\d{1,2})\.(\d{1,2})$")


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Column(Strict):
    """One column of a tidy (long-format) table."""

    name: str = Field(pattern=r"^[a-z][a-z0-9_]*$")
    type: Literal["str", "int", "float"]
    description: str = Field(min_length=3)
    #: Output only: ``key`` columns identify a row, ``value`` columns are compared with tolerance.
    role: Literal["key", "value"] | None = None


class Formula(Strict):
    numerator: str
    denominator: str | None = None
    factor: float = 1.0
    unit: str
    method: Literal[
        "ratio", "quotensumme", "distribution", "count", "ratio_1_to_x", "mean", "schichtenmodell"
    ]
    #: Free text for what the fields above cannot say (open margins, weights, Identitäten).
    note: str | None = None


class TableCheck(Strict):
    """Whether a table code was checked against a real export of that table."""

    table: str
    #: True only when an export of the table was read (header and rows), not just its title.
    verified: bool
    #: The export that was read (file, repository or Stand), or why none could be read.
    verified_by: str = Field(min_length=10)
    #: What the table can and cannot supply for this indicator (missing breakdown, rows to drop).
    note: str | None = None


class DataSource(Strict):
    statistic: str
    holder: str
    #: GENESIS/Regionaldatenbank codes; empty when no code is known.
    tables: list[str] = []
    #: One check per code in ``tables``: verified against an export or marked unverified.
    table_checks: list[TableCheck] = []

    @model_validator(mode="after")
    def _every_table_checked(self) -> DataSource:
        checked = [c.table for c in self.table_checks]
        if sorted(checked) != sorted(self.tables):
            raise ValueError(
                "jeder Tabellencode in 'tables' braucht genau einen Eintrag in 'table_checks' "
                f"(Tabellen: {self.tables}, geprüft: {checked})"
            )
        return self


class Indicator(Strict):
    id: str
    name: str
    synonyms: list[str] = []
    area: Literal["A", "B", "C", "D", "E", "F", "G", "H", "I"]
    topic: int = Field(ge=1, le=17)
    stage: Literal["Kontext", "Input", "Prozess", "Wirkungen"]
    kind: Literal["Kern", "Ergänzung"]
    definition: str = Field(min_length=20)
    formula: Formula
    reference_date: str
    disaggregations: list[str] = []
    data_sources: list[DataSource] = Field(min_length=1)
    caveats: list[str] = []
    id_status: Literal["belegt", "abgeleitet"]
    sources: list[str] = Field(min_length=1)
    #: True when knowledge/reference/{pandas,r}/<id> implementations exist and are tested.
    computable: bool
    input: list[Column] = []
    output: list[Column] = []
    #: Reference values quoted in the sources (for orientation, not for tests).
    values: list[str] = []

    @field_validator("id")
    @classmethod
    def _id_shape(cls, value: str) -> str:
        if not ID_PATTERN.match(value):
            raise ValueError("muss die Form Bereich+Thema.Nummer haben, z. B. 'C7.1'")
        return value

    @model_validator(mode="after")
    def _consistent(self) -> Indicator:
        match = ID_PATTERN.match(self.id)
        assert match is not None
        if match.group(1) != self.area:
            raise ValueError(f"Bereich '{self.area}' passt nicht zur ID '{self.id}'")
        if int(match.group(2)) != self.topic:
            raise ValueError(f"Thema {self.topic} passt nicht zur ID '{self.id}'")
        if self.computable:
            if not self.input or not self.output:
                raise ValueError("berechenbare Indikatoren brauchen 'input' und 'output'")
            if not any(c.role == "key" for c in self.output):
                raise ValueError("'output' braucht mindestens eine Spalte mit role: key")
            if not any(c.role == "value" for c in self.output):
                raise ValueError("'output' braucht mindestens eine Spalte mit role: value")
        return self

    @property
    def area_name(self) -> str:
        return AREAS[self.area]

    @property
    def topic_name(self) -> str:
        return TOPICS[self.topic]

    def key_columns(self) -> list[str]:
        return [c.name for c in self.output if c.role == "key"]

    def to_text(self) -> str:
        return render_text(self)

    def summary(self) -> list[str]:
        """A few self-contained German sentences: definition, formula, Stichtag, source, caveat."""
        return summary_sentences(self)

    def to_dict(self) -> dict:
        return self.model_dump(mode="json")


class AreaFile(Strict):
    """One YAML file: the indicators of one Bildungsbereich plus the gaps we know of."""

    area: Literal["A", "B", "C", "D", "E", "F", "G", "H", "I"]
    title: str
    #: Topics of the model grid without a sourced indicator, said plainly instead of invented.
    gaps: list[str] = []
    indicators: list[dict] = []
