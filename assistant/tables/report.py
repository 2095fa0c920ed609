"""What ``lotse data inspect`` and ``lotse data tidy`` report: typed results and their German text."""

from __future__ import annotations

import os
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from assistant.errors import InputError
from assistant.tables.cells import FLAGS, MISSING
from assistant.tables.model import TableData

LAYOUT_TEXT = {"genesis": "GENESIS/Regionaldatenbank-Tabelle",
               "genesis-flat": "GENESIS-Flat-Format (ein Wert je Zeile)",
               "plain": "Tabelle mit einer Kopfzeile"}


@dataclass(frozen=True)
class TableSummary:
    """The ``--json`` output of ``lotse data inspect``, plus a few fields for the text view."""

    table_code: str | None
    title: str | None
    columns: list[str]
    n_rows: int
    regions: int
    years: list[int]
    symbols: dict[str, int]
    layout: str
    stichtag: str | None = None
    encoding: str | None = None
    source_format: str = "csv"
    header_depth: int = 1
    licence: str | None = None
    row_dimensions: tuple[str, ...] = ()
    time_in_header: bool = False

    @classmethod
    def of(cls, table: TableData) -> TableSummary:
        meta = table.meta
        return cls(**table.summary(), stichtag=meta.stichtag, encoding=meta.encoding,
                   source_format=meta.source_format, header_depth=meta.header_depth,
                   licence=meta.licence, row_dimensions=meta.row_dimensions,
                   time_in_header=meta.time_in_header)

    def to_dict(self) -> dict:
        data = asdict(self)
        return {k: data[k] for k in ("table_code", "title", "columns", "n_rows", "regions",
                                     "years", "symbols", "layout")}

    def to_text(self) -> str:
        lines = []
        head = f"Tabelle {self.table_code}" if self.table_code else "Tabelle (ohne Tabellencode)"
        lines.append(f"{head}: {self.title}" if self.title else head)
        layout = LAYOUT_TEXT.get(self.layout, self.layout)
        if self.layout == "genesis":
            layout += f", {self.header_depth} Kopfzeile{'n' if self.header_depth != 1 else ''}"
        source = "Excel (.xlsx)" if self.source_format == "xlsx" else f"CSV, Kodierung {self.encoding}"
        lines.append(f"Aufbau: {layout}; {source}")
        if self.stichtag:
            lines.append(f"Zeitbezug: {self.stichtag}")
        if self.time_in_header:
            lines.append("Zeit: steht im Tabellenkopf (keine Zeitspalte)")
        dims = " × ".join(["Zeit", "Region", *self.row_dimensions])
        lines.append(f"Datenzeilen: {self.n_rows} (je {dims}); Regionen: {self.regions}; "
                     f"Jahre: {', '.join(map(str, self.years)) or 'keine'}")
        lines.append(f"Wertspalten ({len(self.columns)}):")
        lines.extend(f"  - {c}" for c in self.columns)
        if self.symbols:
            shown = "; ".join(f"'{s}' {n}-mal ({_meaning(s)})" for s, n in
                              sorted(self.symbols.items(), key=lambda x: -x[1]))
            lines.append(f"Sonderzeichen: {shown}")
        else:
            lines.append("Sonderzeichen: keine")
        if self.licence:
            lines.append(f"Lizenz: {self.licence}")
        return "\n".join(lines)


def _meaning(symbol: str) -> str:
    if symbol == "-":
        return "nichts vorhanden, als 0 gelesen"
    if symbol in MISSING:
        return f"{MISSING[symbol]}, als fehlend gelesen"
    if symbol in FLAGS:
        return f"{FLAGS[symbol]}, Zahl behalten"
    return "unbekanntes Zeichen, als fehlend gelesen"


@dataclass(frozen=True)
class TidyResult:
    """What ``lotse data tidy`` wrote."""

    source: str
    out: str
    n_values: int
    n_rows: int
    columns: list[str]

    def to_dict(self) -> dict:
        return asdict(self)

    def to_text(self) -> str:
        return (f"{self.n_values} Werte aus {self.n_rows} Datenzeilen in '{self.out}' geschrieben "
                f"(CSV, UTF-8, Komma-getrennt, Dezimalpunkt; Spalten: {', '.join(self.columns)}).")


def write_tidy(table: TableData, source: Path, out: Path) -> TidyResult:
    """Write the tidy frame as CSV; the file appears only when it was written completely."""
    out = Path(out)
    if out.is_dir():
        raise InputError(f"'{out}' ist ein Ordner.", "Geben Sie mit -o einen Dateinamen an, z. B. tidy.csv.")
    if not out.parent.exists():
        raise InputError(f"Der Ordner '{out.parent}' existiert nicht.",
                         "Legen Sie ihn an oder wählen Sie einen anderen Ausgabepfad.")
    if out.exists() and out.resolve() == Path(source).resolve():
        raise InputError("Die Ausgabedatei ist die Eingabedatei.",
                         "Wählen Sie mit -o einen anderen Dateinamen.")
    frame = table.tidy.drop(columns="line")
    fd, tmp = tempfile.mkstemp(prefix=".lotse-tidy-", suffix=".csv", dir=out.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            frame.to_csv(handle, index=False)
        os.replace(tmp, out)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return TidyResult(str(source), str(out), len(frame), int(table.tidy["line"].nunique()),
                      list(frame.columns))
