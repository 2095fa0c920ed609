"""Static policy for generated analysis code: what a snippet may do before it is ever run.

The policy is the first of two walls. It refuses code that writes files, reaches the network,
starts processes, imports outside a small allow-list or plays reflection tricks (dunder attributes,
``eval``, ``getattr`` on computed names). It is a deny-by-default filter for Python (AST) and a
deny-list for R (R's own parser, see :mod:`assistant.codegen.policy_r`). It is no security
boundary on its own: every snippet that passes still runs in the sandbox
(:mod:`assistant.codegen.sandbox`).
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass

#: Modules a snippet may import (top-level name).
ALLOWED_IMPORTS = frozenset({
    "pandas", "numpy", "math", "statistics", "re", "datetime", "json", "collections", "itertools",
    "decimal", "fractions", "typing", "warnings", "csv", "io", "pathlib", "functools",
})

#: Builtins that evaluate code, reach interpreter internals or leave the snippet.
FORBIDDEN_NAMES = frozenset({
    "eval", "exec", "compile", "__import__", "globals", "locals", "vars", "setattr", "delattr",
    "breakpoint", "input", "help", "exit", "quit", "memoryview",
})

#: Calls (as attribute or bare name) that write files, read pickles or evaluate strings.
ALWAYS_FORBIDDEN_CALLS = frozenset({
    "to_excel", "to_parquet", "to_pickle", "to_hdf", "to_feather", "to_stata", "to_sql",
    "to_clipboard", "to_orc", "to_gbq", "to_netcdf", "ExcelWriter", "HDFStore",
    "save", "savez", "savez_compressed", "savetxt", "tofile", "memmap", "dump", "load",
    "read_pickle", "read_sql", "read_sql_query", "read_sql_table", "read_html", "read_clipboard",
    "read_gbq", "read_hdf", "write_text", "write_bytes", "mkdir", "makedirs", "touch", "unlink",
    "rmdir", "chmod", "symlink_to", "hardlink_to", "eval", "FileIO", "open_code", "BufferedWriter",
    "BufferedRandom", "writer", "DictWriter", "write", "writelines", "home", "expanduser",
})

#: Writers that return a string when called without a target and write a file with one.
WRITERS_WITH_TARGET = frozenset({
    "to_csv", "to_json", "to_html", "to_latex", "to_markdown", "to_string", "to_xml",
})
TARGET_KEYWORDS = frozenset({"path_or_buf", "path", "buf", "excel_writer", "fname", "file"})

#: Attribute names that lead to native code, compilers or the interpreter.
FORBIDDEN_ATTRIBUTES = frozenset({
    "os", "sys", "subprocess", "ctypes", "ctypeslib", "f2py", "distutils", "testing", "builtins",
    "importlib", "system", "popen", "spawn", "fork", "execv", "gi_frame", "f_globals", "f_locals",
    "f_back", "cr_frame", "tb_frame", "func_globals", "mro",
})

_FORBIDDEN_ANY = FORBIDDEN_NAMES | ALWAYS_FORBIDDEN_CALLS | WRITERS_WITH_TARGET | FORBIDDEN_ATTRIBUTES | {"query"}
_READ_MODES = {"r", "rt", "tr", "rb", "br"}
_OUTSIDE_PATH = re.compile(r"^(?:/|~|\\\\|[A-Za-z]:[\\/])[\w.~-]")
_URL = re.compile(r"^[a-z][a-z0-9+.-]*://|^file:", re.IGNORECASE)
_DUNDER = re.compile(r"__\w+__")
_ALLOWED_DUNDER_NAMES = frozenset({"__name__"})


@dataclass(frozen=True)
class Violation:
    """One rule a snippet breaks: ``message`` is German and shown to the user."""

    line: int
    message: str
    rule: str

    def __str__(self) -> str:
        return f"Zeile {self.line}: {self.message}"


def check_python(code: str) -> list[Violation]:
    """Return every policy violation of a Python snippet (empty list: the snippet may run)."""
    try:
        tree = ast.parse(code, filename="snippet.py")
    except SyntaxError as exc:
        return [Violation(exc.lineno or 1, f"Der Code ist kein gültiges Python: {exc.msg}.", "syntax")]
    except ValueError as exc:  # null bytes
        return [Violation(1, f"Der Code ist kein gültiges Python: {exc}.", "syntax")]
    visitor = _PythonPolicy()
    visitor.visit(tree)
    return sorted(set(visitor.violations), key=lambda v: (v.line, v.rule, v.message))


def check_r(code: str) -> list[Violation]:
    """Return every policy violation of an R snippet (parsed by R itself, never evaluated)."""
    from assistant.codegen.policy_r import check_r as _check_r

    return _check_r(code)


def literal_path_problem(text: str) -> str | None:
    """German reason why a string literal names something outside the work directory, or None."""
    if _URL.match(text):
        return f"Adressen im Netz ('{_short(text)}') sind nicht erlaubt; der Code liest nur die übergebene Datei."
    parts = re.split(r"[\\/]", text)
    if _OUTSIDE_PATH.match(text) or (".." in parts and len(parts) > 1) or text == "..":
        return (f"Der Pfad '{_short(text)}' liegt außerhalb des Arbeitsordners; lesen Sie nur die "
                "Datei im Arbeitsordner (nur den Dateinamen angeben).")
    return None


def _short(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _PythonPolicy(ast.NodeVisitor):
    def __init__(self) -> None:
        self.violations: list[Violation] = []
        self._called: set[int] = set()

    def _add(self, node: ast.AST, message: str, rule: str) -> None:
        self.violations.append(Violation(getattr(node, "lineno", 1), message, rule))

    # imports -------------------------------------------------------------------------------------
    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self._check_module(node, alias.name)
        self.generic_visit(node)

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        if node.level:
            self._add(node, "Relative Importe sind nicht erlaubt.", "import")
            return
        module = node.module or ""
        self._check_module(node, module)
        for alias in node.names:
            if alias.name == "*":
                self._add(node, f"'from {module} import *' ist nicht erlaubt; importieren Sie einzelne Namen.",
                          "import")
            elif alias.name in ALWAYS_FORBIDDEN_CALLS or alias.name in FORBIDDEN_NAMES or \
                    alias.name.startswith("_") or alias.name in FORBIDDEN_ATTRIBUTES:
                self._add(node, f"'{alias.name}' aus '{module}' darf nicht importiert werden.", "import")
            elif module == "json" and alias.name not in {"loads", "dumps"}:
                self._add(node, "Aus 'json' sind nur loads und dumps erlaubt.", "import")

    def _check_module(self, node: ast.AST, name: str) -> None:
        top = name.split(".")[0]
        if top not in ALLOWED_IMPORTS:
            allowed = ", ".join(sorted(ALLOWED_IMPORTS))
            self._add(node, f"Das Modul '{name}' ist nicht erlaubt (erlaubt: {allowed}).", "import")
        elif any(part.startswith("_") or part in FORBIDDEN_ATTRIBUTES for part in name.split(".")[1:]):
            self._add(node, f"Das Modul '{name}' ist nicht erlaubt.", "import")

    # names and attributes ------------------------------------------------------------------------
    def visit_Name(self, node: ast.Name) -> None:
        name = node.id
        if name in FORBIDDEN_NAMES:
            self._add(node, f"'{name}' ist im generierten Code nicht erlaubt.", "builtin")
        elif name.startswith("__") and name not in _ALLOWED_DUNDER_NAMES:
            self._add(node, f"Der Name '{name}' greift auf Interna von Python zu und ist nicht erlaubt.",
                      "dunder")
        elif name in {"getattr", "hasattr", "open"} and id(node) not in self._called:
            self._add(node, f"'{name}' darf nur direkt aufgerufen werden.", "builtin")

    def visit_Attribute(self, node: ast.Attribute) -> None:
        attr = node.attr
        if attr.startswith("_"):
            self._add(node, f"Der Zugriff auf '.{attr}' (Interna) ist nicht erlaubt.", "dunder")
        elif attr in FORBIDDEN_ATTRIBUTES:
            self._add(node, f"Der Zugriff auf '.{attr}' ist nicht erlaubt.", "attribute")
        elif attr in ALWAYS_FORBIDDEN_CALLS:
            self._add(node, _writer_message(attr), "write")
        self.generic_visit(node)

    def visit_Constant(self, node: ast.Constant) -> None:
        if isinstance(node.value, str):
            if _DUNDER.search(node.value) and node.value != "__main__":
                self._add(node, "Zeichenketten mit '__…__' (Python-Interna) sind nicht erlaubt.", "dunder")
            problem = literal_path_problem(node.value)
            if problem:
                self._add(node, problem, "path")

    # calls ---------------------------------------------------------------------------------------
    def visit_Call(self, node: ast.Call) -> None:
        func = node.func
        name = func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else None
        if isinstance(func, ast.Name):
            self._called.add(id(func))
        if name == "open":  # open(...), io.open(...), Path(...).open(...)
            builtin_like = isinstance(func, ast.Name) or (isinstance(func, ast.Attribute) and _base_name(func) == "io")
            self._check_open(node, mode_position=1 if builtin_like else 0)
        elif name in {"getattr", "hasattr"} and isinstance(func, ast.Name):
            attr = node.args[1] if len(node.args) > 1 else None
            if not (isinstance(attr, ast.Constant) and isinstance(attr.value, str)
                    and not attr.value.startswith("_") and attr.value not in _FORBIDDEN_ANY):
                self._add(node, f"'{name}' ist nur mit einem festen, erlaubten Attributnamen ohne '_' erlaubt.",
                          "builtin")
        elif name in ALWAYS_FORBIDDEN_CALLS and isinstance(func, ast.Name):
            self._add(node, _writer_message(name), "write")
        elif name in WRITERS_WITH_TARGET and (node.args or any(k.arg in TARGET_KEYWORDS for k in node.keywords)):
            self._add(node, f"'{name}' mit Dateiziel schreibt eine Datei; geben Sie das Ergebnis als "
                            "Variable 'ergebnis' zurück.", "write")
        elif name == "query":
            self._check_query(node)
        elif name == "loads" and isinstance(func, ast.Attribute) and _base_name(func) not in {"json"}:
            self._add(node, "Nur json.loads ist erlaubt.", "builtin")
        self.generic_visit(node)

    def _check_open(self, node: ast.Call, mode_position: int) -> None:
        mode = node.args[mode_position] if len(node.args) > mode_position else next(
            (k.value for k in node.keywords if k.arg == "mode"), None)
        if mode is None:
            return
        if not (isinstance(mode, ast.Constant) and mode.value in _READ_MODES):
            self._add(node, "Dateien dürfen nur zum Lesen geöffnet werden (open(..., 'r')).", "write")

    def _check_query(self, node: ast.Call) -> None:
        expr = node.args[0] if node.args else next((k.value for k in node.keywords if k.arg == "expr"), None)
        if not (isinstance(expr, ast.Constant) and isinstance(expr.value, str)):
            self._add(node, "query() ist nur mit einem festen Ausdruck erlaubt.", "eval")
        elif re.search(r"__|@\w+\s*\.|\._", expr.value) or any(
                m.group(1) not in {"and", "or", "not", "in"} for m in re.finditer(r"(\w+)\s*\(", expr.value)):
            self._add(node, "query() darf keine Funktionen aufrufen und nicht auf Attribute zugreifen; "
                            "filtern Sie mit df[df['spalte'] == wert].", "eval")
        if any(k.arg in {"engine", "local_dict", "global_dict", "resolvers"} for k in node.keywords):
            self._add(node, "query() mit engine/local_dict/global_dict ist nicht erlaubt.", "eval")


def _base_name(node: ast.Attribute) -> str | None:
    value = node.value
    while isinstance(value, ast.Attribute):
        value = value.value
    return value.id if isinstance(value, ast.Name) else None


def _writer_message(name: str) -> str:
    if name == "eval":
        return "'eval' wertet Zeichenketten als Code aus und ist nicht erlaubt."
    if name.startswith("read_") or name == "load":
        return f"'{name}' kann beim Lesen Code ausführen oder Netzverbindungen öffnen und ist nicht erlaubt."
    return (f"'{name}' schreibt oder verändert Dateien; der Code darf nur lesen und gibt sein "
            "Ergebnis als Variable 'ergebnis' zurück.")
