"""Run a generated snippet (pandas or R) in a separate, locked-down process.

Never in-process: audit hooks and restricted interpreters are no security boundary. The snippet
runs in fresh namespaces (no network, own mounts, own PIDs) on a private read-only root that holds
only the interpreter, the input files (``/work``, read-only) and a small writable ``/tmp``
(:mod:`assistant.codegen.isolation`); it runs as an unprivileged user without capabilities, rlimits
and a cgroup cap CPU, memory, processes, file size and open files, a wall-clock timeout kills the
whole process group, and output is capped. The snippet defines ``ergebnis``; a harness writes it to
a pipe after the snippet ran (:mod:`assistant.codegen.channel`), so prints cannot pass for the result.

``run_batch`` runs one snippet on several input sets in one sandbox (one interpreter start, one
``import pandas``): the way to check a snippet on the data and on perturbed copies of it.
"""

from __future__ import annotations

import os
import selectors
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol

from assistant.codegen import isolation
from assistant.codegen.cgroups import RunCgroup
from assistant.codegen.channel import Capped, parse_table, read_frames, split_sets
from assistant.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

Language = Literal["python", "r"]
HARNESS_DIR = Path(__file__).resolve().parent / "harness"
MAX_STREAM_BYTES = 64 * 1024
MAX_RESULT_BYTES = 32 * 1024 * 1024
#: Output beyond this many bytes on stdout or stderr ends the run (a snippet printing in a loop).
KILL_AFTER_OUTPUT_BYTES = 8 * 1024 * 1024
SHM = "/dev/shm"
SHM_RESERVE_BYTES = 256 * 1024 * 1024
#: Tasks (processes and threads) of one run, counted by the cgroup.
CGROUP_PIDS = 64
CLEAN_ENV = {
    "PATH": "/usr/local/bin:/usr/bin:/bin", "HOME": "/tmp", "TMPDIR": "/tmp", "LANG": "C.UTF-8",
    "LC_ALL": "C.UTF-8", "OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
    "NUMEXPR_MAX_THREADS": "1", "PYTHONDONTWRITEBYTECODE": "1", "PYTHONHASHSEED": "0",
    "R_LIBS_USER": "/nonexistent", "R_ENVIRON_USER": "/nonexistent", "R_PROFILE_USER": "/nonexistent",
}
STATUS_MESSAGES = {
    3: "Das Programm hat keine Variable 'ergebnis' angelegt. Weisen Sie die Ergebnistabelle am Ende "
       "'ergebnis' zu.",
    4: "'ergebnis' ist keine Tabelle. Weisen Sie 'ergebnis' einen pandas-DataFrame bzw. einen "
       "R-data.frame zu.",
}


@dataclass(frozen=True)
class SandboxResult:
    """One run of a snippet on one input set. ``duration_s`` is the wall time of the whole sandbox
    process (for ``run_batch``: of the batch); ``isolation`` names the walls that were in force."""

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

    def run_batch(self, code: str, language: Language, input_sets: Sequence[dict[str, Path]], *,
                  timeout_s: float = 10, memory_mb: int = 1024) -> list[SandboxResult]: ...


@dataclass
class _Outcome:
    returncode: int | None
    stop: str | None  # "timeout" | "output" | None
    stdout: Capped
    stderr: Capped
    channel: Capped
    oom: bool = False
    pids_exhausted: bool = False


class ProcessSandbox:
    """The snippet runs as its own process tree; see the module docstring for the walls.

    ``require_namespaces`` (default) refuses to run when this system allows no network namespace;
    with ``False`` the snippet runs with rlimits, a temporary directory and a clean environment only,
    and ``isolation`` says so.
    """

    def __init__(self, *, require_namespaces: bool = True) -> None:
        self.require_namespaces = require_namespaces
        #: this interpreter: its installation is what the private root exposes
        self.python = os.path.realpath(sys.executable)
        #: process group of the last run (gone once ``run`` returns; tests check that)
        self.last_pgid: int | None = None

    def run(self, code: str, language: Language, inputs: dict[str, Path], *, timeout_s: float = 10,
            memory_mb: int = 1024) -> SandboxResult:
        return self.run_batch(code, language, [inputs], timeout_s=timeout_s, memory_mb=memory_mb)[0]

    def run_batch(self, code: str, language: Language, input_sets: Sequence[dict[str, Path]], *,
                  timeout_s: float = 10, memory_mb: int = 1024) -> list[SandboxResult]:
        """Run ``code`` once per input set (each in its own working directory, fresh variables)
        in one sandbox; ``timeout_s`` and ``memory_mb`` hold for the whole batch."""
        if language not in ("python", "r"):
            raise InputError(f"Unbekannte Sprache '{language}'.", "Erlaubt sind 'python' und 'r'.")
        if not input_sets:
            return []
        mode = isolation.detect()
        if not mode.namespaces and self.require_namespaces:
            error = ("Der Code wurde nicht ausgeführt: Dieses System erlaubt keine abgeschottete Ausführung "
                     f"ohne Netzwerk (unshare: {mode.note}). Bitten Sie die IT, Benutzer-Namensräume zu "
                     "erlauben, oder prüfen Sie den Code selbst.")
            return [SandboxResult(False, None, "", "", None, 0.0, [], error) for _ in input_sets]
        start = time.monotonic()
        needed = sum(Path(src).stat().st_size for inputs in input_sets for src in inputs.values() if Path(src).is_file())
        with tempfile.TemporaryDirectory(prefix="lotse-sandbox-", dir=_scratch_parent(needed)) as tmp:
            base = Path(tmp)
            work, run_dir, root = base / "work", base / "run", base / "root"
            for d in (work, run_dir, root):
                d.mkdir()
            _stage(code, language, input_sets, work, run_dir)
            outcome, layers = self._launch(language, mode, work, run_dir, root, len(input_sets),
                                           timeout_s, memory_mb)
        duration = time.monotonic() - start
        return _results(outcome, len(input_sets), layers, duration, timeout_s, memory_mb)

    # launching -----------------------------------------------------------------------------------
    def _launch(self, language: Language, mode: isolation.Mode, work: Path, run_dir: Path, root: Path,
                count: int, timeout_s: float, memory_mb: int) -> tuple[_Outcome, list[str]]:
        read_fd, write_fd = os.pipe()
        try:
            with RunCgroup(memory_mb, CGROUP_PIDS) as group:
                try:
                    uid = isolation.run_uid(mode)
                    if uid is not None:  # R reopens the pipe through /proc/self/fd as that user
                        os.fchown(write_fd, uid, uid)
                    limits = isolation.limit_command(timeout_s, memory_mb, os.getuid() if uid is None else uid)
                    argv, layers = self._command(language, mode, work, run_dir, root, write_fd, count, limits,
                                                 group.dirs)
                except BaseException:
                    os.close(write_fd)
                    raise
                outcome = self._execute(argv, timeout_s, work, read_fd, write_fd)
                outcome.oom = group.oom_killed()
                outcome.pids_exhausted = group.pids_exhausted()
                if group.active:
                    layers.insert(1, "cgroup")
                else:
                    layers.append(group.note)
        finally:
            os.close(read_fd)
        return outcome, layers

    def _command(self, language: Language, mode: isolation.Mode, work: Path, run_dir: Path, root: Path,
                 result_fd: int, count: int, limits: list[str], cgroups: list[Path]) -> tuple[list[str], list[str]]:
        inside, work_inside = ("/lotse", "/work") if mode.namespaces else (str(run_dir), str(work))
        if language == "python":
            argv = [self.python, "-I", "-B", f"{inside}/harness.py", f"{inside}/snippet.py", str(result_fd),
                    work_inside, str(count)]
        else:
            rscript = shutil.which("Rscript")
            if not rscript:
                raise InputError("R-Code kann nicht ausgeführt werden: Rscript wurde nicht gefunden.",
                                 "Installieren Sie R (apt-get install r-base-core r-cran-dplyr) oder "
                                 "wählen Sie --lang pandas.")
            argv = [rscript, "--vanilla", f"{inside}/harness.R", f"{inside}/snippet.R",
                    f"/proc/self/fd/{result_fd}", work_inside, str(count)]
        layers = ["rlimits", "tmpdir", "clean-env", "timeout"]
        if not mode.namespaces:
            layers.append(f"no-namespaces ({mode.note})")
            joins = "".join(f"echo 0 > {shlex.quote(str(g / 'cgroup.procs'))}; " for g in cgroups)
            return ["/bin/sh", "-c", f'{joins}exec "$@"', "sh", *limits, *argv], layers
        uid = isolation.run_uid(mode)
        binds = isolation.prepare_root(root, work, run_dir)
        script = isolation.setup_script(root, binds, argv, CLEAN_ENV, drop_to_uid=uid, limits=limits,
                                        cgroups=cgroups)
        layers[1:1] = ["netns", "mountns", "pidns", "readonly-root", "no-capabilities"]
        if uid is not None:
            layers.insert(6, f"uid {uid}")
        return [*mode.prefix, "/bin/sh", "-c", script], layers

    def _execute(self, argv: list[str], timeout_s: float, cwd: Path, read_fd: int, write_fd: int) -> _Outcome:
        env = CLEAN_ENV | {"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"}
        try:
            proc = subprocess.Popen(
                argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                pass_fds=(write_fd,), cwd=cwd, env=env, start_new_session=True,
            )
        finally:
            os.close(write_fd)  # the child holds its own copy; EOF arrives when every holder is gone
        self.last_pgid = proc.pid
        assert proc.stdout is not None and proc.stderr is not None
        out, err, channel = Capped(MAX_STREAM_BYTES), Capped(MAX_STREAM_BYTES), Capped(MAX_RESULT_BYTES)
        streams = {proc.stdout.fileno(): out, proc.stderr.fileno(): err, read_fd: channel}
        deadline = time.monotonic() + timeout_s
        stop = _pump(streams, deadline, watch=(out, err))
        if stop:
            _kill_members(proc.pid)
        try:  # pipes closed: the process may still run (it closed them itself), the deadline holds
            returncode = proc.wait(timeout=max(0.0, deadline - time.monotonic()) + (5 if stop else 0.05))
        except subprocess.TimeoutExpired:
            stop = stop or "timeout"
            _kill_members(proc.pid)
            try:
                returncode = proc.wait(timeout=5)
            except subprocess.TimeoutExpired:
                _kill_group(proc.pid)
                returncode = proc.wait()
        _kill_group(proc.pid)  # leftovers that closed their pipes and kept running
        _wait_group_gone(proc.pid)
        proc.stdout.close()
        proc.stderr.close()
        return _Outcome(returncode, stop, out, err, channel)


# staging and results -----------------------------------------------------------------------------
def _stage(code: str, language: Language, input_sets: Sequence[dict[str, Path]], work: Path,
           run_dir: Path) -> None:
    for index, inputs in enumerate(input_sets):
        target = work / str(index)
        target.mkdir()
        for name, src in inputs.items():
            if not name or "/" in name or "\\" in name or name in {".", ".."} or name.startswith("."):
                raise InputError(f"Ungültiger Dateiname für die Eingabe: '{name}'.",
                                 "Geben Sie nur einen Dateinamen ohne Ordner an.")
            if not Path(src).is_file():
                raise InputError(f"Die Eingabedatei '{src}' wurde nicht gefunden.",
                                 "Prüfen Sie den Pfad der Datendatei.")
            shutil.copyfile(src, target / name)
            os.chmod(target / name, 0o444)
        os.chmod(target, 0o555)
    suffix = "py" if language == "python" else "R"
    (run_dir / f"snippet.{suffix}").write_text(code, encoding="utf-8")
    shutil.copyfile(HARNESS_DIR / f"harness.{suffix}", run_dir / f"harness.{suffix}")
    for path in run_dir.iterdir():
        os.chmod(path, 0o444)
    os.chmod(work, 0o555)
    os.chmod(run_dir, 0o555)


def _scratch_parent(needed_bytes: int) -> str | None:
    """/dev/shm (memory) when it has room: staging and removing the private root there takes ~1 ms
    instead of ~60 ms on a busy disk. None: the system's temporary directory."""
    try:
        stat = os.statvfs(SHM)
    except OSError:
        return None
    free = stat.f_bavail * stat.f_frsize
    return SHM if os.access(SHM, os.W_OK) and free > needed_bytes + SHM_RESERVE_BYTES else None


def _results(outcome: _Outcome, count: int, layers: list[str], duration: float, timeout_s: float,
             memory_mb: int) -> list[SandboxResult]:
    frames = read_frames(bytes(outcome.channel.buffer))
    stdouts = split_sets(outcome.stdout.text(), count)
    stderrs = split_sets(outcome.stderr.text(), count)
    results = []
    for i in range(count):
        frame = frames.get(i)
        table = None
        error: str | None
        if frame is None:
            error = _process_error(outcome, stderrs[i], timeout_s, memory_mb)
        elif frame.status == 0:
            table, error = parse_table(frame.payload)
        elif frame.status == 5:
            error = _memory_message(memory_mb)
        elif frame.status in STATUS_MESSAGES:
            error = STATUS_MESSAGES[frame.status]
        else:
            error = f"Das Programm ist mit einem Fehler abgebrochen: {_last_line(stderrs[i])}"
        results.append(SandboxResult(error is None, table, stdouts[i], stderrs[i], outcome.returncode, duration,
                                     list(layers), error, outcome.stop == "timeout"))
    return results


def _process_error(outcome: _Outcome, stderr: str, timeout_s: float, memory_mb: int) -> str:
    """Why a set has no result: the process ended (or was ended) before the harness wrote it."""
    rc = outcome.returncode
    if outcome.oom:
        return _memory_message(memory_mb)
    if outcome.stop == "timeout":
        return (f"Das Programm lief länger als {timeout_s:g} s und wurde abgebrochen. Prüfen Sie es auf "
                "Endlosschleifen oder verkleinern Sie die Daten.")
    if outcome.stop == "output":
        return ("Das Programm gab zu viel Text aus (über 8 MB) und wurde abgebrochen. Entfernen Sie "
                "print-Ausgaben in Schleifen.")
    if outcome.channel.truncated:
        return "Die Tabelle 'ergebnis' ist zu groß (über 32 MB); fassen Sie das Ergebnis zusammen."
    if rc != 0 and _looks_like_memory(stderr):
        return _memory_message(memory_mb)
    if rc in (-signal.SIGXCPU, 128 + signal.SIGXCPU, -signal.SIGKILL, 128 + signal.SIGKILL):
        return f"Das Programm brauchte zu viel Rechenzeit (Grenze etwa {timeout_s:g} s) und wurde beendet."
    if outcome.pids_exhausted:
        return "Das Programm wollte zu viele Prozesse starten und wurde beendet."
    return f"Das Programm ist mit einem Fehler abgebrochen: {_last_line(stderr)}"


def _memory_message(memory_mb: int) -> str:
    return f"Das Programm brauchte zu viel Speicher (Grenze {memory_mb} MB)."


def _looks_like_memory(stderr: str) -> bool:
    return any(s in stderr for s in ("MemoryError", "cannot allocate", "memory exhausted",
                                     "std::bad_alloc", "Cannot allocate memory"))


def _last_line(text: str) -> str:
    lines = [line for line in text.strip().splitlines() if line.strip()]
    return lines[-1][:300] if lines else "(keine Fehlermeldung)"


# process plumbing --------------------------------------------------------------------------------
def _pump(streams: dict[int, Capped], deadline: float, watch: tuple[Capped, ...]) -> str | None:
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
            if any(s.seen > KILL_AFTER_OUTPUT_BYTES for s in watch):
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


def _kill_members(leader: int) -> None:
    """SIGKILL every process of the leader's group but the leader (``unshare``), which then reaps
    its child and exits by itself; killing it first would leave the reaping to the system's init."""
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit() or int(entry.name) == leader:
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as fh:
                fields = fh.read().rsplit(b")", 1)[1].split()
        except OSError:
            continue
        if int(fields[2]) == leader:  # pgrp
            try:
                os.kill(int(entry.name), signal.SIGKILL)
            except ProcessLookupError:
                pass


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
