"""A cgroup (v1, ``pids`` and ``memory`` controllers) around one sandbox run, where the system allows it.

rlimits count per process (address space) or per user (processes); a cgroup caps the whole process
tree: at most ``pids`` tasks and ``memory_mb`` resident memory together, so a snippet that forks
and allocates in every child cannot take the machine down. Creating one needs write access to
``/sys/fs/cgroup/<controller>`` (root in most containers); without it the run goes on with rlimits
only and the result's ``isolation`` list has no ``cgroup`` entry.
"""

from __future__ import annotations

import itertools
import os
import signal
import time
from pathlib import Path
from typing import Self

V1_ROOT = Path("/sys/fs/cgroup")
_counter = itertools.count()


class RunCgroup:
    """Context manager: creates the groups (``dirs``; the sandbox's first process writes itself into
    their ``cgroup.procs``), exit kills what is left in them and removes them."""

    def __init__(self, memory_mb: int, pids: int, root: Path | None = None) -> None:
        self.memory_mb = memory_mb
        self.pids = pids
        self.root = root if root is not None else V1_ROOT
        self.dirs: list[Path] = []
        self.note = ""

    @property
    def active(self) -> bool:
        return bool(self.dirs)

    def __enter__(self) -> Self:
        name = f"lotse-sandbox-{os.getpid()}-{next(_counter)}"
        settings = {"pids": {"pids.max": str(self.pids)},
                    "memory": {"memory.limit_in_bytes": str(self.memory_mb * 1024 * 1024),
                               "memory.swappiness": "0"}}
        try:
            for controller, values in settings.items():
                path = self.root / controller / name
                path.mkdir()
                self.dirs.append(path)
                for key, value in values.items():
                    if key == "memory.swappiness" and not (path / key).exists():
                        continue
                    (path / key).write_text(value)
        except OSError as exc:
            self.note = f"cgroup nicht verfügbar: {exc.strerror or exc}"
            self._remove()
        return self


    def oom_killed(self) -> bool:
        """True if the memory limit was reached (the kernel then kills a process of the group)."""
        for path in self.dirs:
            control = path / "memory.oom_control"
            if control.exists():
                for line in control.read_text().splitlines():
                    if line.startswith("oom_kill ") and int(line.split()[1]) > 0:
                        return True
        return False

    def pids_exhausted(self) -> bool:
        for path in self.dirs:
            events = path / "pids.events"
            if events.exists() and any(int(line.split()[1]) > 0 for line in events.read_text().splitlines()
                                       if line.startswith("max ")):
                return True
        return False

    def alive(self) -> list[int]:
        pids: set[int] = set()
        for path in self.dirs:
            try:
                pids.update(int(p) for p in (path / "cgroup.procs").read_text().split())
            except OSError:
                continue
        return sorted(pids)

    def __exit__(self, *exc: object) -> None:
        deadline = time.monotonic() + 5
        while (pids := self.alive()) and time.monotonic() < deadline:
            for pid in pids:
                try:
                    os.kill(pid, signal.SIGKILL)
                except ProcessLookupError:
                    pass
            time.sleep(0.01)
        self._remove()

    def _remove(self) -> None:
        for path in reversed(self.dirs):
            for _ in range(100):
                try:
                    path.rmdir()
                    break
                except OSError:
                    time.sleep(0.01)
        self.dirs = []
