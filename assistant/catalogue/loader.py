"""Load and query the indicator catalogue: ``load_catalogue(dir) -> Catalogue``."""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import yaml
from pydantic import ValidationError

from assistant.catalogue.schema import AreaFile, CatalogueError, Indicator
from assistant.errors import InputError


def _describe(exc: ValidationError) -> str:
    parts = []
    for error in exc.errors()[:3]:
        where = ".".join(str(p) for p in error.get("loc", ())) or "(Eintrag)"
        if error.get("type") == "extra_forbidden":
            parts.append(f"Feld '{where}' ist unbekannt")
        elif error.get("type") == "missing":
            parts.append(f"Feld '{where}' fehlt")
        else:
            parts.append(f"Feld '{where}': {error.get('msg', '')}")
    return "; ".join(parts)


def load_area_file(path: Path) -> tuple[AreaFile, list[Indicator]]:
    """Read one area file; schema errors name the file, the entry id and the field."""
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise CatalogueError(
            f"Katalogdatei '{path.name}' ist nicht lesbar: {exc}",
            "Korrigieren Sie die Datei (gültiges YAML, UTF-8) und starten Sie den Befehl erneut.",
        ) from None
    try:
        area = AreaFile.model_validate(raw)
    except ValidationError as exc:
        raise CatalogueError(
            f"Katalogdatei '{path.name}': {_describe(exc)}.",
            "Korrigieren Sie den Dateikopf (area, title, gaps, indicators).",
        ) from None
    indicators = []
    for position, entry in enumerate(area.indicators, start=1):
        entry_id = entry.get("id", f"Nr. {position}") if isinstance(entry, dict) else f"Nr. {position}"
        try:
            indicator = Indicator.model_validate(entry)
        except ValidationError as exc:
            raise CatalogueError(
                f"Katalogdatei '{path.name}', Eintrag '{entry_id}': {_describe(exc)}.",
                "Korrigieren Sie das genannte Feld; das Schema steht in assistant/catalogue/schema.py.",
            ) from None
        if indicator.area != area.area:
            raise CatalogueError(
                f"Katalogdatei '{path.name}', Eintrag '{entry_id}': Feld 'area' ist "
                f"'{indicator.area}', die Datei gilt für Bereich '{area.area}'.",
                "Verschieben Sie den Eintrag in die Datei seines Bereichs.",
            )
        indicators.append(indicator)
    return area, indicators


@dataclass
class Catalogue:
    directory: Path
    indicators: list[Indicator]
    gaps: dict[str, list[str]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._by_id = {ind.id.upper(): ind for ind in self.indicators}

    def all(self) -> list[Indicator]:
        return list(self.indicators)

    def by_area(self, area: str) -> list[Indicator]:
        return [ind for ind in self.indicators if ind.area == area.upper()]

    def ids(self) -> list[str]:
        return [ind.id for ind in self.indicators]

    def get(self, indicator_id: str) -> Indicator:
        key = indicator_id.strip().upper()
        if key in self._by_id:
            return self._by_id[key]
        close = difflib.get_close_matches(key, list(self._by_id), n=5, cutoff=0.5)
        if not close:
            close = [i for i in self._by_id if i.startswith(key[:1])][:5]
        hint = (f"Meinten Sie: {', '.join(self._by_id[c].id for c in close)}? "
                if close else "")
        raise InputError(
            f"Den Indikator '{indicator_id}' gibt es im Katalog nicht.",
            f"{hint}Alle IDs zeigt 'lotse indicator list'; nach Begriffen suchen Sie mit "
            "'lotse indicator search'.",
        )

    def search(self, query: str, limit: int = 10) -> list[Indicator]:
        from assistant.catalogue.search import rank

        return rank(self.indicators, query)[:limit]

    def mentioned_in(self, question: str) -> list[Indicator]:
        from assistant.catalogue.search import mentions

        return mentions(self.indicators, question)

    def paraphrased_in(self, question: str) -> list[Indicator]:
        """Indicators the question paraphrases ("ganztags betreut") without naming any."""
        from assistant.catalogue.paraphrase import paraphrased

        return paraphrased(self.indicators, question)


def _signature(directory: Path) -> tuple:
    files = sorted(directory.glob("*.yaml"))
    return tuple((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in files)


def load_catalogue(directory: str | Path) -> Catalogue:
    """Load every ``*.yaml`` in ``directory``; cached per directory until a file changes."""
    path = Path(directory).resolve()
    if not path.is_dir():
        raise CatalogueError(
            f"Der Indikatorenkatalog '{path}' wurde nicht gefunden.",
            "Prüfen Sie paths.knowledge_dir in lotse.toml (erwartet wird der Ordner indicators/ darin).",
        )
    return _load_cached(path, _signature(path))


@lru_cache(maxsize=8)
def _load_cached(path: Path, signature: tuple) -> Catalogue:
    indicators: list[Indicator] = []
    gaps: dict[str, list[str]] = {}
    seen: dict[str, str] = {}
    for name, _, _ in signature:
        area, entries = load_area_file(path / name)
        gaps[area.area] = list(area.gaps)
        for ind in entries:
            if ind.id in seen:
                raise CatalogueError(
                    f"Katalogdatei '{name}', Eintrag '{ind.id}': Feld 'id' ist doppelt "
                    f"(schon in '{seen[ind.id]}').",
                    "Vergeben Sie jede ID nur einmal.",
                )
            seen[ind.id] = name
            indicators.append(ind)
    if not indicators:
        raise CatalogueError(
            f"Im Ordner '{path}' stehen keine Indikatoren.",
            "Legen Sie die YAML-Dateien des Katalogs (A-….yaml bis H-….yaml) dort ab.",
        )
    return Catalogue(directory=path, indicators=indicators, gaps=gaps)
