"""The user's data file as code generation sees it: its layout (for the snippet that reads it) and
Lotse's own reading of it (for the independent reference computation).

Two layouts: a Regionaldatenbank/GENESIS export (title block, multi-line header, data lines
``Zeit;Schlüssel;Name;Wert;…``, footnotes) and a plain table with one header line (CSV with any
delimiter, decimal comma or point). Three file formats (``DataFile.file_format``): ``csv``,
``xlsx`` (either layout on an Excel sheet; the block layout as the Regionaldatenbank's XLSX export
has it, with merged header cells, numbers as numbers and symbols as text) and ``flat`` (the GENESIS
flat CSV, one value per line, read into the GENESIS layout: a column per combination of labels).
``DataFile.loader_id`` names the loader template for each. Lotse's own reading uses
:mod:`assistant.tables` (GENESIS) and :mod:`assistant.privacy.tables.io` (plain tables); the
snippet parses the file on its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal


if TYPE_CHECKING:
    import pandas as pd

TIME = re.compile(r"^(\d{4})(?:/\d{2,4})?$|^\d{2}\.\d{2}\.(\d{4})$")
KEY_VALUE = re.compile(r"^(DG|\d{2,12})$")
TOTAL_LABELS = {"insgesamt", "zusammen", "gesamt", "summe", "alle", "allen", "total"}


@dataclass(frozen=True)
class ValueColumn:
    """A numeric column of the user's table. ``index`` is its position in a GENESIS data line;
    ``name`` is the header text (CSV) or the header labels joined with `` | `` (GENESIS).
    GENESIS flat files: ``index`` numbers the columns, ``value_column`` is the file's column with
    the numbers and ``where`` the (column, label) pairs that pick this column's lines
    (``3_variable_attribute_label = weiblich``)."""

    index: int
    name: str
    labels: tuple[str, ...]
    where: tuple[tuple[str, str], ...] = ()
    value_column: str = ""
    #: Tables whose time stands in the header: (time label, column index) for each time.
    by_time: tuple[tuple[str, int], ...] = ()

    def describe(self) -> str:
        return self.name


@dataclass
class DataFile:
    path: Path
    #: ``genesis``: columns named by header labels (block export as CSV or XLSX, flat export);
    #: ``csv``: a plain table with one header row (CSV or XLSX).
    layout: Literal["genesis", "csv"]
    encoding: str
    columns: list[ValueColumn]
    #: How the file is stored: ``csv`` (text), ``xlsx`` (Excel) or ``flat`` (GENESIS flat CSV).
    file_format: Literal["csv", "xlsx", "flat"] = "csv"
    #: XLSX: the sheet the table is on (also for a GENESIS flat table saved as .xlsx).
    sheet: str = ""
    #: GENESIS flat: the header of the file and the columns with time, region key and values.
    flat_header: list[str] = field(default_factory=list)
    flat_time: str = ""
    flat_key: str = ""
    flat_values: list[str] = field(default_factory=list)
    table_code: str = ""
    title: str = ""
    # GENESIS layout
    skip: int = 0
    width: int = 0
    lead: int = 0
    has_key: bool = True
    #: The column with the time (0 in the standard export); None when the time stands in a
    #: header row (``WS 2023/24`` over the value columns) and ``header_times`` gives it.
    time_column: int | None = 0
    #: Time label in the header -> its year (tables without a time column).
    header_times: dict[str, int] = field(default_factory=dict)
    #: Further row dimensions (e.g. Schulart) with a total line: column index -> that label.
    #: Only those lines are read, so the categories are not counted twice.
    row_filter: dict[int, str] = field(default_factory=dict)
    # CSV layout (``skip``: lines or sheet rows above the header, e.g. a title)
    sep: str = ";"
    #: Lines under the table with only the first cell filled (``Quelle: …``): not data.
    notes_below: bool = False
    decimal: str = "."
    region_column: str | None = None
    year_column: str | None = None
    regions: list[str] = field(default_factory=list)
    years: list[int] = field(default_factory=list)
    #: Region key -> name as printed (GENESIS), for regions named in a task.
    names: dict[str, str] = field(default_factory=dict)

    @property
    def file_name(self) -> str:
        return self.path.name

    @property
    def key_column(self) -> int:
        """The column with the region key (or the name, for a table without keys)."""
        return 0 if self.time_column is None else self.time_column + 1

    @property
    def first_dimension(self) -> int:
        """The first column of the further row dimensions (after time, key and name)."""
        return self.key_column + (2 if self.has_key else 1)

    def is_body_row(self, cells: list[str]) -> bool:
        """A data line of the block layout: it starts with a time, or (time in the header)
        with a region key."""
        if self.time_column is not None:
            return len(cells) > self.time_column and bool(TIME.match(cells[self.time_column].strip()))
        return len(cells) > self.key_column + 1 and bool(KEY_VALUE.match(cells[self.key_column].strip())) \
            and bool(cells[self.key_column + 1].strip())

    def loader_id(self, language: str) -> str:
        """The loader template that reads this file (``lesen_genesis_xlsx_pandas`` …)."""
        if self.layout == "genesis" and self.time_column is None:
            return f"lesen_genesis_kopfzeit_{language}"  # CSV or XLSX, time in the header
        part = {("genesis", "csv"): "genesis", ("genesis", "xlsx"): "genesis_xlsx",
                ("genesis", "flat"): "flat", ("genesis", "flat_xlsx"): "flat",
                ("csv", "xlsx"): "xlsx"}.get((self.layout, self.file_format), "csv")
        return f"lesen_{part}_{language}"

    def varying_levels(self) -> list[int]:
        """Header levels whose labels differ between value columns (the others say nothing)."""
        depth = max((len(c.labels) for c in self.columns), default=0)
        return [lvl for lvl in range(depth)
                if len({c.labels[lvl] if lvl < len(c.labels) else "" for c in self.columns}) > 1]

    def frame(self, mapping: dict[str, ValueColumn], path: Path | None = None) -> pd.DataFrame:
        """Lotse's own reading of ``path`` (default: this file) as the contract frame: ``region``
        (key as text), ``jahr`` and one column per slot of ``mapping``; one row per data line."""
        return read_frame(self, mapping, path or self.path)


def year_of(text: str) -> int:
    match = TIME.match(text)
    if match:
        return int(match.group(1) or match.group(2))
    digits = re.findall(r"\d{4}", text)
    return int(digits[0]) if digits else 0


def text_columns(data: DataFile) -> list[str]:
    """CSV columns that are neither region, year nor numeric (e.g. ``alter``, ``schulart``)."""
    if data.layout != "csv":
        return []
    from assistant.privacy.tables.io import read_table

    numeric = {c.name for c in data.columns}
    return [str(c) for c in read_table(data.path).frame.columns
            if str(c) not in numeric and str(c) not in (data.region_column, data.year_column)]


def read_frame(data: DataFile, mapping: dict[str, ValueColumn], path: Path,
               extra: dict[str, str] | None = None) -> pd.DataFrame:
    import pandas as pd

    if data.layout == "genesis":
        from assistant.tables import read_table as read_any

        tidy = read_any(path).tidy
        for dim, label in data.row_filter.items():
            column = f"row_{dim - data.first_dimension + 1}"
            tidy = tidy[tidy[column].fillna("").astype(str).str.strip() == label]
        heads = [c for c in tidy.columns if c.startswith("header_")]
        lines = tidy.drop_duplicates("line").set_index("line")
        key = lines["region_key"] if data.has_key else lines["region_name"]
        out = pd.DataFrame({"region": key.astype(str), "jahr": lines["year"].astype(int)})
        stripped = {h: tidy[h].fillna("").astype(str).str.strip() for h in heads}
        for slot, value_column in mapping.items():
            want = tuple(value_column.labels) + ("",) * (len(heads) - len(value_column.labels))
            mask = pd.Series(True, index=tidy.index)
            for head, label in zip(heads, want):
                mask &= stripped[head] == label
            values = tidy[mask].set_index("line")["value"]
            out[slot] = values.reindex(out.index).astype(float).to_numpy()
        return out.reset_index(drop=True)
    from assistant.privacy.tables.io import read_table

    raw = read_table(path).frame
    out = pd.DataFrame({"region": raw[data.region_column].astype(str).str.strip()} if data.region_column
                       else {"region": pd.Series(["gesamt"] * len(raw))})
    out["jahr"] = ([year_of(str(v).strip()) for v in raw[data.year_column]] if data.year_column else 0)
    for slot, value_column in mapping.items():
        text = raw[value_column.name].astype(str).str.strip()
        if data.file_format == "xlsx":
            text = text.str.replace(",", ".", regex=False)  # numbers are numbers; typed text may use a comma
        elif data.decimal == ",":
            text = text.str.replace(".", "", regex=False).str.replace(",", ".", regex=False)
        out[slot] = pd.to_numeric(text.str.strip("()").str.rstrip("prs ").replace({"-": "0"}),
                                  errors="coerce")
    for slot, name in (extra or {}).items():
        out[slot] = raw[name].astype(str).str.strip()
    return out
