"""Runs one snippet inside the sandbox and writes its ``ergebnis`` to a pipe.

Protocol on the pipe (file descriptor ``argv[2]``) (read by assistant.codegen.sandbox): line 1 is a comma-separated mask with one
``1`` (text column) or ``0`` (number) per column, then the table as UTF-8 CSV. Exit codes:
0 ok, 2 the snippet raised, 3 no ``ergebnis``, 4 ``ergebnis`` is not a DataFrame, 5 out of memory.
"""

import sys
import traceback


def main(snippet_path: str, result_fd: int) -> int:
    with open(snippet_path, encoding="utf-8") as fh:
        code = fh.read()
    namespace = {"__name__": "__main__"}
    try:
        exec(compile(code, "snippet.py", "exec"), namespace)
    except MemoryError:
        print("MemoryError", file=sys.stderr)
        return 5
    except BaseException:  # noqa: BLE001 - the snippet's own failure, reported to the user
        lines = traceback.format_exc().splitlines()
        print("\n".join(lines[-8:]), file=sys.stderr)
        return 2
    if "ergebnis" not in namespace:
        return 3
    import pandas as pd

    result = namespace["ergebnis"]
    if not isinstance(result, pd.DataFrame):
        print(f"ergebnis ist {type(result).__name__}", file=sys.stderr)
        return 4
    if not isinstance(result.index, pd.RangeIndex):
        result = result.reset_index()
    result.columns = [str(c) for c in result.columns]
    mask = ",".join("0" if pd.api.types.is_numeric_dtype(result[c]) else "1" for c in result.columns)
    with open(result_fd, "w", encoding="utf-8", newline="") as out:
        out.write(mask + "\n")
        result.to_csv(out, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2])))
