"""Static policy for R snippets: R's own parser (``getParseData``) plus a deny-list.

R is parsed, never evaluated, by ``Rscript --vanilla`` in a child process with a clean environment
and a timeout. The deny-list catches the direct ways out (processes, sockets, URLs, file writes,
``eval(parse(...))``, ``:::``, ``.Internal``, environment tricks); R offers too many indirect ones
(``match.fun`` on a computed string, say) for any list to be complete, which is why every snippet
also runs in the sandbox.
"""

from __future__ import annotations

import csv
import io
import re
import shutil
import subprocess
from dataclasses import dataclass

from assistant.codegen.policy import Violation, literal_path_problem
from assistant.errors import RPolicyError

#: Packages a snippet may attach with library()/require() or name with ``pkg::fn``.
ALLOWED_PACKAGES = frozenset({"dplyr", "tidyr", "readr", "readxl", "stats", "utils"})
NAMESPACE_PACKAGES = ALLOWED_PACKAGES | {"base"}

DENIED_FUNCTIONS = frozenset({
    # processes and the network
    "system", "system2", "shell", "shell.exec", "pipe", "fifo", "socketConnection", "socketAccept",
    "serverSocket", "make.socket", "read.socket", "write.socket", "url", "download.file",
    "curlGetHeaders", "gzcon", "socketSelect", "nsl", "browseURL", "Sys.setenv", "Sys.unsetenv",
    "Sys.setlocale", "Sys.chmod", "Sys.umask", "Sys.setFileTime", "setwd", "q", "quit",
    # files written or removed
    "write", "write.csv", "write.csv2", "write.table", "writeLines", "writeBin", "writeChar", "sink",
    "saveRDS", "save", "save.image", "dump", "file.create", "file.remove", "file.rename",
    "file.copy", "file.append", "file.symlink", "file.link", "unlink", "dir.create", "file",
    "gzfile", "bzfile", "xzfile", "unz", "write_csv", "write_csv2", "write_delim", "write_tsv",
    "write_excel_csv", "write_excel_csv2", "write_rds", "write_file", "write_lines",
    # code from strings, files or serialized objects
    "eval", "evalq", "parse", "str2lang", "str2expression", "source", "sys.source", "load",
    "readRDS", "read_rds", "unserialize", "match.fun", "get", "get0", "mget", "getFunction",
    "do.call", "Recall", "body<-", "formals<-", "environment<-", "body", "formals",
    # environments and native code
    "environment", "sys.function", "sys.call", "sys.frame", "sys.frames", "parent.frame",
    "parent.env", "globalenv", "emptyenv", "baseenv", "topenv", "as.environment", "list2env",
    "attach", "assign", "delayedAssign", "makeActiveBinding", "lockBinding", "unlockBinding",
    "reg.finalizer", ".Internal", ".Primitive", ".Call", ".External", ".External2",
    ".C", ".Fortran", "dyn.load", "dyn.unload", "library.dynam", "loadNamespace", "attachNamespace",
    "getNamespace", "asNamespace", "getNativeSymbolInfo", "trace", "untrace",
    "Sys.setLanguage", "invokeRestart",
})
#: Denied even when only named (``f <- system``) or given as a string (``sapply(x, "system")``);
#: the other denied names are common words (``file``, ``get``, ``q``) and count only as calls.
DENIED_ANYWHERE = frozenset({
    "system", "system2", "shell", "shell.exec", "pipe", "socketConnection", "download.file",
    "eval", "evalq", "str2lang", "str2expression", "match.fun", "get0", "mget", "getFunction",
    "sys.function", "dyn.load", "writeLines", "writeBin", "saveRDS", "file.remove", "unlink",
    "Sys.setenv", "do.call", ".Internal", ".Primitive", ".Call", ".External", ".C",
})
#: Names starting with a dot are R internals (.GlobalEnv, .Internal, .C) except these pronouns and
#: constants used in ordinary dplyr/base code.
ALLOWED_DOT_NAMES = frozenset({".", ".x", ".y", ".data", ".env", ".by", ".groups", ".keep", ".before",
                               ".after", ".cols", ".names", ".fns", ".default", ".id", ".keep_all",
                               ".Machine", ".funs", ".vars", ".f", ".drop", ".ptype", ".missing"})
#: ``do.call`` is common with a plain function; these first arguments are fine.
SAFE_DO_CALL = frozenset({"rbind", "cbind", "c", "list", "data.frame", "merge", "paste", "paste0",
                          "sum", "mean", "bind_rows", "bind_cols", "pmin", "pmax", "rbind.data.frame"})
LIBRARY_CALLS = frozenset({"library", "require", "requireNamespace"})
#: Arguments that turn printing functions into file writers.
FILE_ARGUMENTS = {"cat": "file", "capture.output": "file", "dput": "file", "print": "file",
                  "message": "file", "format": "file"}

_PARSER = r"""
code <- readLines(file("stdin"), warn = FALSE, encoding = "UTF-8")
p <- tryCatch(parse(text = code, keep.source = TRUE), error = function(e) {
  cat(conditionMessage(e), file = stderr()); quit(status = 3)
})
d <- getParseData(p, includeText = TRUE)
write.csv(d[, c("id", "parent", "line1", "col1", "token", "terminal", "text")], stdout(), row.names = FALSE)
"""
PARSE_TIMEOUT_S = 20.0


@dataclass(frozen=True)
class _Token:
    id: int
    parent: int
    line: int
    col: int
    token: str
    text: str


def check_r(code: str) -> list[Violation]:
    tokens, error = _parse(code)
    if error is not None:
        return [error]
    return sorted(set(_Checker(tokens).run()), key=lambda v: (v.line, v.rule, v.message))


def _parse(code: str) -> tuple[list[_Token], Violation | None]:
    rscript = shutil.which("Rscript")
    if not rscript:
        raise RPolicyError("R-Code kann nicht geprüft werden: Rscript wurde nicht gefunden.",
                           "Installieren Sie R (Debian/Ubuntu: apt-get install r-base-core) oder "
                           "wählen Sie --lang pandas.")
    env = {"PATH": "/usr/bin:/bin", "LANG": "C.UTF-8", "HOME": "/nonexistent"}
    try:
        proc = subprocess.run([rscript, "--vanilla", "-e", _PARSER], input=code.encode("utf-8"),
                              capture_output=True, timeout=PARSE_TIMEOUT_S, env=env, check=False)
    except subprocess.TimeoutExpired:
        raise RPolicyError("Die Prüfung des R-Codes dauerte zu lange.",
                           "Kürzen Sie den Code oder versuchen Sie es erneut.") from None
    stderr = proc.stderr.decode("utf-8", "replace")
    if proc.returncode == 3:
        match = re.search(r"<text>:(\d+):", stderr)
        detail = next((line.split(": ", 1)[-1] for line in stderr.splitlines() if "<text>:" in line),
                      "Syntaxfehler")
        return [], Violation(int(match.group(1)) if match else 1,
                             f"Der Code ist kein gültiges R: {detail}", "syntax")
    if proc.returncode != 0:
        raise RPolicyError(f"Der R-Parser ist fehlgeschlagen (Exit {proc.returncode}): {stderr[-300:]}",
                           "Prüfen Sie die R-Installation ('lotse doctor').")
    rows = csv.DictReader(io.StringIO(proc.stdout.decode("utf-8", "replace")))
    tokens = [_Token(int(r["id"]), int(r["parent"]), int(r["line1"]), int(r["col1"]), r["token"], r["text"])
              for r in rows if r["terminal"] == "TRUE"]
    return tokens, None


def _name(token: _Token) -> str:
    text = token.text
    if token.token == "STR_CONST" or (len(text) > 1 and text[0] == text[-1] == "`"):
        return text[1:-1]
    return text


class _Checker:
    def __init__(self, tokens: list[_Token]) -> None:
        self.tokens = sorted(tokens, key=lambda t: (t.line, t.col))
        self.violations: list[Violation] = []
        self.parents = {t.id: t.parent for t in tokens}

    def _add(self, token: _Token, message: str, rule: str) -> None:
        self.violations.append(Violation(token.line, message, rule))

    def run(self) -> list[Violation]:
        for i, tok in enumerate(self.tokens):
            name = _name(tok)
            if tok.token == "NS_GET_INT":
                self._add(tok, "':::' greift auf interne Funktionen eines Pakets zu und ist nicht erlaubt.",
                          "namespace")
            elif tok.token == "SYMBOL_PACKAGE" and name not in NAMESPACE_PACKAGES:
                self._add(tok, f"Das Paket '{name}' ist nicht erlaubt (erlaubt: "
                               f"{', '.join(sorted(ALLOWED_PACKAGES))}).", "import")
            elif (tok.token == "SYMBOL_FUNCTION_CALL" and name in DENIED_FUNCTIONS) or \
                    (tok.token in {"SYMBOL", "STR_CONST"} and name in DENIED_ANYWHERE):
                if not (name == "do.call" and self._do_call_ok(i)):
                    self._add(tok, _denied_message(name), "denied")
            elif tok.token == "STR_CONST":
                if (problem := literal_path_problem(name)) is not None:
                    self._add(tok, problem, "path")
            elif tok.token == "SYMBOL_FUNCTION_CALL" and name in LIBRARY_CALLS:
                self._check_library(i)
            elif tok.token == "SYMBOL_SUB" and name in {"file", "append"} and self._call_of(i) in FILE_ARGUMENTS:
                self._add(tok, f"'{self._call_of(i)}(file = …)' schreibt eine Datei und ist nicht erlaubt; "
                               "geben Sie das Ergebnis als 'ergebnis' zurück.", "write")
            elif tok.token in {"SYMBOL", "SYMBOL_FUNCTION_CALL"} and name.startswith(".") and \
                    name not in ALLOWED_DOT_NAMES:
                self._add(tok, f"Der Name '{name}' (interne Funktion) ist nicht erlaubt.", "denied")
        return self.violations

    def _first_argument(self, i: int) -> _Token | None:
        """The first token after the '(' that opens the call whose function name is tokens[i]."""
        for tok in self.tokens[i + 1:]:
            if tok.token == "'('":
                continue
            return None if tok.token == "')'" else tok
        return None

    def _call_of(self, i: int) -> str | None:
        """Name of the function whose argument list contains the SYMBOL_SUB tokens[i]."""
        call_id = self.tokens[i].parent
        for tok in self.tokens[:i]:
            if tok.token == "SYMBOL_FUNCTION_CALL" and self.parents.get(tok.parent) == call_id:
                return _name(tok)
        return self._call_by_scan(i)

    def _call_by_scan(self, i: int) -> str | None:
        depth = 0
        for j in range(i - 1, -1, -1):
            tok = self.tokens[j]
            if tok.token == "')'":
                depth += 1
            elif tok.token == "'('":
                if depth == 0:
                    prev = self.tokens[j - 1] if j > 0 else None
                    return _name(prev) if prev and prev.token == "SYMBOL_FUNCTION_CALL" else None
                depth -= 1
        return None

    def _do_call_ok(self, i: int) -> bool:
        if self.tokens[i].token != "SYMBOL_FUNCTION_CALL":
            return False
        first = self._first_argument(i)
        return first is not None and first.token in {"SYMBOL", "STR_CONST"} and _name(first) in SAFE_DO_CALL

    def _check_library(self, i: int) -> None:
        first = self._first_argument(i)
        name = _name(first) if first is not None else ""
        if first is None or first.token not in {"SYMBOL", "STR_CONST"} or name not in ALLOWED_PACKAGES:
            self._add(self.tokens[i], f"Das Paket '{name or '?'}' ist nicht erlaubt (erlaubt: "
                                      f"{', '.join(sorted(ALLOWED_PACKAGES))}).", "import")


def _denied_message(name: str) -> str:
    if name in {"system", "system2", "shell", "shell.exec", "pipe"}:
        return f"'{name}' startet andere Programme und ist nicht erlaubt."
    if name in {"url", "download.file", "socketConnection", "curlGetHeaders", "make.socket", "browseURL"}:
        return f"'{name}' öffnet eine Netzverbindung und ist nicht erlaubt."
    if name.startswith(("write", "file", "save", "sink", "dir.", "unlink", "dump")):
        return (f"'{name}' schreibt oder verändert Dateien; der Code darf nur lesen und gibt sein "
                "Ergebnis als 'ergebnis' zurück.")
    if name in {"eval", "evalq", "parse", "str2lang", "str2expression", "source", "sys.source", "do.call",
                "match.fun", "get", "get0", "mget", "getFunction"}:
        return f"'{name}' führt Code aus Zeichenketten oder Dateien aus und ist nicht erlaubt."
    return f"'{name}' ist im generierten R-Code nicht erlaubt."

