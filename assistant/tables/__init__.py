"""One reader for every table Lotse gets: GENESIS/Regionaldatenbank exports, CSV and XLSX.

Public API (everything else in this package is internal)::

    from assistant.tables import read_table, TableData

    table = read_table("21111-02-06-4.csv")     # CSV (any layout/encoding) or .xlsx
    table.meta.table_code                        # "21111-02-06-4"
    table.meta.title, table.meta.stichtag        # title text, "Schuljahr" / "Stichtag 31.12."
    table.meta.footnotes, table.meta.licence     # footer texts, "© Statistische Ämter …"
    table.meta.layout                            # "genesis" | "genesis-flat" | "plain"
    table.meta.columns                           # value column names (as in the wide view)
    table.tidy                                   # long frame, see below
    table.wide()                                 # one row per body line, German key columns
    table.summary()                              # dict of ``lotse data inspect --json``
    TableSummary.of(table).to_text()             # the German text of ``lotse data inspect``
    table.extract({"n": {"header_2": "Insgesamt"}})  # region, jahr, n (catalogue contracts)

``read_text(text, name=...)`` reads decoded CSV text the same way; ``detect_layout(text)`` says
which layout a text has (``genesis``, ``genesis-flat``, ``plain``, None for prose) without reading
it; ``parse_value(cell)`` turns one cell into ``(value, symbol)``; ``region_level(key)`` names the
level of a region key.

The tidy frame (``TableData.tidy``) has one row per body line and value column:

==============  ==========================================================================
column          content
==============  ==========================================================================
``line``        number of the body line (= row of ``wide()``), from 0
``time``        time as printed: ``2023``, ``2023/24``, ``31.12.2002``, ``WS 2023/24``
``year``        Int64: the (first) year of ``time``
``region_key``  str, leading zeros kept; ``DG`` = Deutschland; None when the table has none
``region_name`` name without the indentation of the export
``level``       ``Bund`` (DG), ``Land`` (2 digits), ``Regierungsbezirk`` (3), ``Kreis`` (5),
                ``Gemeinde`` (8 or 12), ``Gemeindeverband`` (9), else ""
``row_1`` …     further row dimensions (e.g. Schulart, Fächergruppe); names in
                ``meta.row_dimensions``
``header_1`` …  the header labels of the value column, top to bottom (GENESIS: one per
                header row; plain tables: the column name)
``column``      the value column's name in ``wide()`` (labels joined with `` | ``)
``value``       float; NaN for missing values
``symbol``      ``""`` for a plain number, else ``-`` ``.`` ``x`` ``/`` ``...`` ``()`` ``p``
                ``r`` ``s`` or another symbol of the file (see :mod:`assistant.tables.cells`)
==============  ==========================================================================

Symbol semantics: ``-`` is exactly 0 (NaN when every cell of a region and time is ``-``: the area
did not exist), ``.`` ``x`` ``/`` ``...`` are missing, ``(12)`` is 12 with symbol ``()``, ``12p`` is
12 with symbol ``p``. Errors are :class:`assistant.errors.InputError` with a German message.
"""

from assistant.tables.cells import parse_value, region_level
from assistant.tables.model import TableData, TableMeta
from assistant.tables.reader import detect_layout, read_table, read_text
from assistant.tables.report import TableSummary, TidyResult

__all__ = ["TableData", "TableMeta", "TableSummary", "TidyResult", "detect_layout", "parse_value",
           "read_table", "read_text", "region_level"]
