"""Time of the one table reader on a ~500 KB GENESIS table, against plain ``pandas.read_csv``.

    python benchmarks/bench_reader.py [--kb 500] [--repeat 5] [--source FILE] [--no-xlsx]

The table is made from the real 21111-02-06-4.csv (shared/data/regionalstatistik): title block,
header and footer kept, body lines repeated (with the year counted down so every line stays
distinct) until the file has about ``--kb`` kilobytes. Prints the median of ``--repeat`` runs for

* ``assistant.tables.read_table`` (detection, title/header/footer, symbols, tidy frame),
* ``.wide()`` on the result (the table gate's view),
* ``pandas.read_csv`` of the same file, as fast as pandas can go on it (``skiprows`` of the title
  block and header, ``nrows`` of the body lines, ``;``, cp1252, keys as text, the symbols as NA):
  a lower bound that already knows the layout the reader has to find out,
* then the same for an XLSX of about ``--kb`` KB against ``pandas.read_excel``.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # this checkout, not an installed copy
from timing import median_time  # noqa: E402 - benchmarks/timing.py, next to this script
SHARED = ROOT.parent / "shared"
if not SHARED.is_dir():  # worktrees live one level deeper; CI sets LOTSE_SHARED_DIR
    SHARED = Path(os.environ.get("LOTSE_SHARED_DIR", "/work/shared"))
SOURCE = SHARED / "data" / "regionalstatistik" / "21111-02-06-4.csv"


def make_table(source: Path, kb: int, target: Path) -> tuple[int, int]:
    """Write the enlarged table; returns (header lines above the body, body lines)."""
    lines = source.read_bytes().decode("cp1252").splitlines()
    first = next(i for i, ln in enumerate(lines) if ln[:4].isdigit() and ln[4:5] == ";")
    end = next(i for i in range(first, len(lines)) if not (lines[i][:4].isdigit() and lines[i][4:5] == ";"))
    head, body, foot = lines[:first], lines[first:end], lines[end:]
    out: list[str] = []
    size = sum(len(x) + 2 for x in head + foot)
    year = int(body[0][:4])
    while size < kb * 1024:
        for line in body:
            row = f"{year}{line[4:]}"
            out.append(row)
            size += len(row) + 2
        year -= 1
    target.write_bytes("\r\n".join(head + out + foot).encode("cp1252") + b"\r\n")
    return len(head), len(out)



def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--kb", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--source", type=Path, default=SOURCE)
    parser.add_argument("--no-xlsx", action="store_true", help="skip the XLSX comparison")
    args = parser.parse_args()

    import pandas as pd

    from assistant.tables import read_table

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "21111-02-06-4-big.csv"
        skip, n_body = make_table(args.source, args.kb, path)
        size_kb = path.stat().st_size / 1024
        read_table(path)  # warm up imports

        def plain():
            return pd.read_csv(path, sep=";", encoding="cp1252", skiprows=skip, nrows=n_body,
                               header=None, dtype={1: str}, na_values=[".", "x", "/", "...", "-"],
                               keep_default_na=False)

        t_reader = median_time(lambda: read_table(path), args.repeat)
        table = read_table(path)
        t_wide = median_time(lambda: _fresh_wide(table), args.repeat)
        t_pandas = median_time(plain, args.repeat)
        frame = plain()
        assert len(frame) == n_body == table.summary()["n_rows"], (len(frame), n_body)

    print(f"table: {size_kb:.0f} KB, {n_body} body lines, {len(table.tidy)} values "
          f"(source {args.source.name}, median of {args.repeat} runs)")
    print(f"assistant.tables.read_table : {t_reader * 1000:8.1f} ms")
    print(f"TableData.wide()            : {t_wide * 1000:8.1f} ms")
    print(f"pandas.read_csv (layout known): {t_pandas * 1000:6.1f} ms")
    print(f"reader / read_csv           : {t_reader / t_pandas:8.1f} x")
    if not args.no_xlsx:
        bench_xlsx(args)


def bench_xlsx(args: argparse.Namespace) -> None:
    """The same table as a Regionaldatenbank-style XLSX of about ``--kb`` KB (merged header cells,
    numbers as numbers, symbols as text; tests/codegen/formats.py), read by the reader and by
    ``pandas.read_excel`` (openpyxl; all cells as text, layout unknown, as the snippets read it)."""
    import pandas as pd

    from assistant.tables import read_table
    from tests.codegen.formats import genesis_xlsx

    with tempfile.TemporaryDirectory() as tmp:
        csv_path = Path(tmp) / "big.csv"
        kb = args.kb
        while True:  # XLSX compresses: grow the CSV until the workbook has the size asked for
            make_table(args.source, kb, csv_path)
            path = genesis_xlsx(csv_path, Path(tmp) / "21111-02-06-4-big.xlsx")
            if path.stat().st_size >= args.kb * 1024 * 0.95:
                break
            kb = int(kb * args.kb * 1024 / path.stat().st_size) + 1
        from assistant.tables import reader

        def uncached():
            reader._SHEETS.clear()  # the reader keeps parsed workbooks; time a first read
            return read_table(path)

        table = uncached()
        t_reader = median_time(uncached, args.repeat)
        t_cached = median_time(lambda: read_table(path), args.repeat)
        t_pandas = median_time(lambda: pd.read_excel(path, header=None, dtype=str), args.repeat)
        n = table.summary()["n_rows"]
        print(f"xlsx: {path.stat().st_size / 1024:.0f} KB, {n} body lines, {len(table.tidy)} values")
        print(f"assistant.tables.read_table (xlsx): {t_reader * 1000:8.1f} ms")
        print(f"  same file again (parsed sheet kept): {t_cached * 1000:6.1f} ms")
        print(f"pandas.read_excel (openpyxl)      : {t_pandas * 1000:8.1f} ms")
        print(f"reader / read_excel               : {t_reader / t_pandas:8.2f} x")


def _fresh_wide(table):
    from assistant.tables.model import _wide

    return _wide(table)


if __name__ == "__main__":
    main()
