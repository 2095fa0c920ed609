"""Runs one snippet inside the sandbox, once per input set, and writes each ``ergebnis`` to a pipe.

    python -I -B harness.py SNIPPET RESULT_FD WORK_BASE N

For set ``i`` the snippet runs in ``WORK_BASE/i`` with a fresh namespace (imported modules stay
loaded: pandas is imported once per batch). Before each set a line ``<<lotse-set i>>`` goes to
stdout and stderr. On the pipe, per set: a line ``i status nbytes``, then ``nbytes`` of payload: a
comma-separated mask (``1`` text column, ``0`` number) and the table as UTF-8 CSV. Status: 0 ok,
2 the snippet raised, 3 no ``ergebnis``, 4 ``ergebnis`` is not a DataFrame, 5 out of memory.
"""

import os
import sys
import traceback


def run_one(code, workdir):
    os.chdir(workdir)
    namespace = {"__name__": "__main__"}
    try:
        exec(code, namespace)  # noqa: S102 - running the snippet is the harness's job (inside the sandbox)
    except MemoryError:
        print("MemoryError", file=sys.stderr)
        return 5, b""
    except BaseException:  # noqa: BLE001 - the snippet's own failure, reported to the user
        lines = traceback.format_exc().splitlines()
        print("\n".join(lines[-8:]), file=sys.stderr)
        return 2, b""
    if "ergebnis" not in namespace:
        return 3, b""
    import pandas as pd

    result = namespace["ergebnis"]
    if not isinstance(result, pd.DataFrame):
        print(f"ergebnis ist {type(result).__name__}", file=sys.stderr)
        return 4, b""
    if not isinstance(result.index, pd.RangeIndex):
        result = result.reset_index()
    result.columns = [str(c) for c in result.columns]
    mask = ",".join("0" if pd.api.types.is_numeric_dtype(result[c]) else "1" for c in result.columns)
    try:
        return 0, (mask + "\n" + result.to_csv(index=False, lineterminator="\n")).encode("utf-8")
    except MemoryError:
        return 5, b""


def main(snippet_path, result_fd, work_base, count):
    with open(snippet_path, encoding="utf-8") as fh:
        source = fh.read()
    with open(result_fd, "wb") as out:
        code, syntax_error = None, ""
        try:
            code = compile(source, "snippet.py", "exec")
        except SyntaxError:
            syntax_error = "\n".join(traceback.format_exc().splitlines()[-4:])
        for i in range(count):
            for stream in (sys.stdout, sys.stderr):
                print(f"<<lotse-set {i}>>", file=stream, flush=True)
            if code is None:
                print(syntax_error, file=sys.stderr)
                status, payload = 2, b""
            else:
                status, payload = run_one(code, os.path.join(work_base, str(i)))
            sys.stdout.flush()
            sys.stderr.flush()
            out.write(f"{i} {status} {len(payload)}\n".encode("ascii") + payload)
            out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], int(sys.argv[2]), sys.argv[3], int(sys.argv[4])))
