"""Run a generated snippet (pandas or R) in a separate, locked-down process.

Never in-process: audit hooks and restricted interpreters are no security boundary. The snippet
runs in fresh namespaces (no network, own mounts, own PIDs) on a private read-only root that holds
only the interpreter, the input files (``/work``, read-only) and a small writable ``/tmp``; every
capability is dropped, rlimits cap CPU, memory, processes, file size and open files, a wall-clock
timeout kills the whole process group, and output is capped. The snippet defines ``ergebnis``; a
harness writes it to a pipe (fd 3) after the snippet ran, so prints cannot pass for the result.
"""

from __future__ import annotations

import functools
import io
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Callable, Literal, Protocol

from assistant.codegen import isolation
from assistant.codegen.cgroups import RunCgroup
from assistant.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

Language = Literal["python", "r"]
HARNESS_DIR = Path(__file__).resolve().parent / "harness"
MAX_STREAM_BYTES = 64 * 1024
MAX_RESULT_BYTES = 32 * 1024 * 1024
#: Output beyond this many bytes on stdout or stderr ends the run (a snippet printing in a loop).
KILL_AFTER_OUTPUT_BYTES = 8 * 1024 * 1024
#: Tasks (processes and threads) of one run, counted by the cgroup.
CGROUP_PIDS = 64
CLEAN_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
    "NUMEXPR_MAX_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0",
    "R_LIBS_USER": "/nonexistent", "R_ENVIRON_USER": "/nonexistent", "R_PROFILE_USER": "/nonexistent",
}
EXIT_MESSAGES = {
    3: "Das Programm hat keine Variable 'ergebnis' angelegt. Weisen Sie die Ergebnistabelle am Ende "
       "'ergebnis' zu.",
    4: "'ergebnis' ist keine Tabelle. Weisen Sie 'ergebnis' einen pandas-DataFrame bzw. einen "
       "R-data.frame zu.",
}


@dataclass(frozen=True)
class SandboxResult:
    ok: bool
    result: pd.DataFrame | None
    stdout: str
    stderr: str
    returncode: int | None
    duration_s: float
    isolation: list[str] = field(default_factory=list)
    error: str | None = None
    timed_out: bool = False


class Sandbox(Protocol):
    def run(self, code: str, language: Language, inputs: dict[str, Path], *, timeout_s: float = 10,
            memory_mb: int = 1024) -> SandboxResult: ...


class ProcessSandbox:
    """The snippet runs as its own process tree; see the module docstring for the walls.

    ``require_namespaces`` (default) refuses to run when this system allows no network namespace;
    with ``False`` the snippet runs with rlimits, a temporary directory and a clean environment only,
    and ``isolation`` says so.
    """

    def __init__(self, *, require_namespaces: bool = True, python: str | None = None) -> None:
        self.require_namespaces = require_namespaces
        self.python = python or os.path.realpath(sys.executable)
        self.last_pgid: int | None = None

    # public --------------------------------------------------------------------------------------
    def run(self, code: str, language: Language, inputs: dict[str, Path], *, timeout_s: float = 10,
            memory_mb: int = 1024) -> SandboxResult:
        if language not in ("python", "r"):
            raise InputError(f"Unbekannte Sprache '{language}'.", "Erlaubt sind 'python' und 'r'.")
        mode = isolation.detect()
        if not mode.namespaces and self.require_namespaces:
            return SandboxResult(False, None, "", "", None, 0.0, [], (
                "Der Code wurde nicht ausgeführt: Dieses System erlaubt keine abgeschottete Ausführung "
                f"ohne Netzwerk (unshare: {mode.note}). Bitten Sie die IT, Benutzer-Namensräume "
                "zu erlauben, oder prüfen Sie den Code selbst."))
        start = time.monotonic()
        with tempfile.TemporaryDirectory(prefix="lotse-sandbox-") as tmp:
            base = Path(tmp)
            work, run_dir, root = base / "work", base / "run", base / "root"
            for d in (work, run_dir, root):
                d.mkdir()
            self._stage(code, language, inputs, work, run_dir)
            outcome, layers = self._launch(language, mode, work, run_dir, root, timeout_s, memory_mb)
        return self._result(outcome, layers, time.monotonic() - start, timeout_s, memory_mb)

    def _launch(self, language: Language, mode: isolation.Mode, work: Path, run_dir: Path, root: Path,
                timeout_s: float, memory_mb: int) -> tuple[dict, list[str]]:
        read_fd, write_fd = os.pipe()
        try:
            try:
                argv, layers = self._command(language, mode, work, run_dir, root, write_fd)
                uid = isolation.run_uid(mode)
                if uid is not None:  # R reopens the pipe through /proc/self/fd as that user
                    os.fchown(write_fd, uid, uid)
                values = isolation.limits(timeout_s, memory_mb, os.getuid() if uid is None else uid)
            except BaseException:
                os.close(write_fd)
                raise
            with RunCgroup(memory_mb, CGROUP_PIDS) as group:
                outcome = self._execute(argv, values, timeout_s, work, read_fd, write_fd,
                                        group.join if group.active else None)
                outcome["oom"] = group.oom_killed()
                outcome["pids_exhausted"] = group.pids_exhausted()
                if group.active:
                    layers.insert(1, "cgroup")
                else:
                    layers.append(group.note)
        finally:
            os.close(read_fd)
        return outcome, layers

    # staging -------------------------------------------------------------------------------------
    def _stage(self, code: str, language: Language, inputs: dict[str, Path], work: Path, run_dir: Path) -> None:
        for name, src in inputs.items():
            if not name or "/" in name or "\\" in name or name in {".", ".."} or name.startswith("."):
                raise InputError(f"Ungültiger Dateiname für die Eingabe: '{name}'.",
                                 "Geben Sie nur einen Dateinamen ohne Ordner an.")
            src = Path(src)
            if not src.is_file():
                raise InputError(f"Die Eingabedatei '{src}' wurde nicht gefunden.",
                                 "Prüfen Sie den Pfad der Datendatei.")
            shutil.copyfile(src, work / name)
            os.chmod(work / name, 0o444)
        suffix = "py" if language == "python" else "R"
        (run_dir / f"snippet.{suffix}").write_text(code, encoding="utf-8")
        shutil.copyfile(HARNESS_DIR / f"harness.{suffix}", run_dir / f"harness.{suffix}")
        for path in run_dir.iterdir():
            os.chmod(path, 0o444)
        os.chmod(work, 0o555)
        os.chmod(run_dir, 0o555)

    def _command(self, language: Language, mode: isolation.Mode, work: Path, run_dir: Path, root: Path,
                 result_fd: int) -> tuple[list[str], list[str]]:
        inside = "/lotse" if mode.namespaces else str(run_dir)
        if language == "python":
            argv = [self.python, "-I", "-B", f"{inside}/harness.py", f"{inside}/snippet.py",
                    str(result_fd)]
        else:
            rscript = shutil.which("Rscript")
            if not rscript:
                raise InputError("R-Code kann nicht ausgeführt werden: Rscript wurde nicht gefunden.",
                                 "Installieren Sie R (apt-get install r-base-core r-cran-dplyr) oder "
                                 "wählen Sie --lang pandas.")
            argv = [rscript, "--vanilla", f"{inside}/harness.R", f"{inside}/snippet.R",
                    f"/proc/self/fd/{result_fd}"]
        layers = ["rlimits", "tmpdir", "clean-env", "timeout"]
        if not mode.namespaces:
            layers.append(f"no-namespaces ({mode.note})")
            return argv, layers
        uid = isolation.run_uid(mode)
        script = isolation.setup_script(root, work, run_dir, argv, CLEAN_ENV, drop_to_uid=uid)
        layers[1:1] = ["netns", "mountns", "pidns", "readonly-root", "no-capabilities"]
        if uid is not None:
            layers.insert(6, f"uid {uid}")
        return [*mode.prefix, "/bin/sh", "-c", script], layers

    # running -------------------------------------------------------------------------------------
    def _execute(self, argv: list[str], values: dict[int, tuple[int, int]], timeout_s: float, cwd: Path,
                 read_fd: int, write_fd: int, join: Callable[[], None] | None) -> dict:
        env = CLEAN_ENV | {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
        try:
            proc = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                pass_fds=(write_fd,), cwd=cwd, env=env, start_new_session=True,
                preexec_fn=functools.partial(_child_setup, values, join),
            )
        finally:
            os.close(write_fd)  # the child holds its own copy; EOF arrives when every holder is gone
        self.last_pgid = proc.pid
        assert proc.stdout is not None and proc.stderr is not None
        out, err, result = _Capped(MAX_STREAM_BYTES), _Capped(MAX_STREAM_BYTES), _Capped(MAX_RESULT_BYTES)
        streams = {proc.stdout.fileno(): out, proc.stderr.fileno(): err, read_fd: result}
        deadline = time.monotonic() + timeout_s
        stop = _pump(streams, deadline, watch=(out, err))
        if stop:
            _kill_group(proc.pid)
        try:
            returncode = proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            _kill_group(proc.pid)
            returncode = proc.wait()
        _kill_group(proc.pid)  # leftovers that closed their pipes and kept running
        _wait_group_gone(proc.pid)
        proc.stdout.close()
        proc.stderr.close()
        return {"returncode": returncode, "timed_out": stop == "timeout", "flooded": stop == "output",
                "stdout": out, "stderr": err, "result": result}

    # result --------------------------------------------------------------------------------------
    def _result(self, outcome: dict, layers: list[str], duration: float, timeout_s: float,
                memory_mb: int) -> SandboxResult:
        rc: int = outcome["returncode"]
        stdout, stderr, channel = outcome["stdout"], outcome["stderr"], outcome["result"]
        error: str | None = None
        frame = None
        if outcome.get("oom"):
            error = f"Das Programm brauchte zu viel Speicher (Grenze {memory_mb} MB)."
        elif outcome["timed_out"]:
            error = (f"Das Programm lief länger als {timeout_s:g} s und wurde abgebrochen. Prüfen Sie es "
                     "auf Endlosschleifen oder verkleinern Sie die Daten.")
        elif outcome["flooded"]:
            error = ("Das Programm gab zu viel Text aus (über 8 MB) und wurde abgebrochen. Entfernen Sie "
                     "print-Ausgaben in Schleifen.")
        elif rc == 5 or (rc != 0 and _looks_like_memory(stderr.text())):
            error = f"Das Programm brauchte zu viel Speicher (Grenze {memory_mb} MB)."
        elif rc in (-signal.SIGXCPU, 128 + signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGKILL):
            error = (f"Das Programm brauchte zu viel Rechenzeit (Grenze etwa {timeout_s:g} s) und wurde "
                     "beendet.")
        elif outcome.get("pids_exhausted") and rc != 0:
            error = "Das Programm wollte zu viele Prozesse starten und wurde beendet."
        elif rc in EXIT_MESSAGES:
            error = EXIT_MESSAGES[rc]
        elif rc != 0:
            error = f"Das Programm ist mit einem Fehler abgebrochen: {_last_line(stderr.text())}"
        elif channel.truncated:
            error = "Die Tabelle 'ergebnis' ist zu groß (über 32 MB); fassen Sie das Ergebnis zusammen."
        else:
            frame, error = _parse_result(channel.data)
        return SandboxResult(error is None, frame, stdout.text(), stderr.text(), rc, duration, layers, error,
                             outcome["timed_out"])


class _Capped:
    """Keeps the first ``limit`` bytes of a stream and counts the rest."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.buffer = bytearray()
        self.dropped = 0

    def feed(self, chunk: bytes) -> None:
        room = self.limit - len(self.buffer)
        self.buffer += chunk[:room]
        self.dropped += max(0, len(chunk) - room)

    @property
    def truncated(self) -> bool:
        return self.dropped > 0

    @property
    def data(self) -> bytes:
        return bytes(self.buffer)

    def text(self) -> str:
        text = self.buffer.decode("utf-8", "replace")
        return text + (f"\n[… {self.dropped} Bytes gekürzt]" if self.dropped else "")


def _child_setup(values: dict[int, tuple[int, int]], join: Callable[[], None] | None) -> None:
    """preexec_fn: join the run's cgroup, then set the rlimits (inherited by the whole tree)."""
    if join is not None:
        join()
    isolation.apply_limits(values)


def _pump(streams: dict[int, _Capped], deadline: float, watch: tuple[_Capped, ...]) -> str | None:
    """Read all pipes until they close; "timeout" or "output" (too much text in ``watch``) ends early."""
    selector = selectors.DefaultSelector()
    for fd in streams:
        os.set_blocking(fd, False)
        selector.register(fd, selectors.EVENT_READ)
    open_fds = set(streams)
    try:
        while open_fds:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                return "timeout"
            if any(len(s.buffer) + s.dropped > KILL_AFTER_OUTPUT_BYTES for s in watch):
                return "output"
            for key, _ in selector.select(timeout=min(remaining, 0.5)):
                try:
                    chunk = os.read(key.fd, 65536)
                except BlockingIOError:
                    continue
                if chunk:
                    streams[key.fd].feed(chunk)
                else:
                    selector.unregister(key.fd)
                    open_fds.discard(key.fd)
        return None
    finally:
        selector.close()


def _kill_group(pgid: int) -> None:
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def _wait_group_gone(pgid: int, timeout_s: float = 3.0) -> bool:
    """Wait until no process of the group is left (killed ones linger until their parent reaps them)."""
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return True
        except PermissionError:
            return False
        time.sleep(0.01)
    return False


def _looks_like_memory(stderr: str) -> bool:
    return any(s in stderr for s in ("MemoryError", "cannot allocate", "memory exhausted",
                                     "std::bad_alloc", "Cannot allocate memory"))


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "(keine Fehlermeldung)"


def _parse_result(data: bytes) -> tuple[pd.DataFrame | None, str | None]:
    import pandas as pd

    text = data.decode("utf-8", "replace")
    mask_line, _, body = text.partition("\n")
    if not body.strip():
        return None, "Das Programm hat kein lesbares 'ergebnis' geliefert (leere Tabelle ohne Spalten)."
    try:
        header = pd.read_csv(io.StringIO(body), nrows=0).columns
        mask = mask_line.split(",")
        dtypes = {col: str for col, flag in zip(header, mask) if flag == "1"}
        frame = pd.read_csv(io.StringIO(body), dtype=dtypes, keep_default_na=False, na_values=[""])
    except (ValueError, pd.errors.ParserError) as exc:
        return None, f"Das Ergebnis des Programms ließ sich nicht lesen: {exc}"
    return frame, None
