"""How the sandbox separates a snippet from the machine: namespaces, a private root, rlimits.

:func:`detect` finds once per process which ``unshare`` invocation works here (as root, or with a
user namespace otherwise). :func:`setup_script` writes the shell script that runs as the first
process of the new namespaces: it builds a private read-only root on a tmpfs (``/usr``, the parts of
``/etc`` R and the loader need, the Python installation, ``/work`` with the inputs, a small writable
``/tmp``, a minimal ``/dev`` and a masked ``/proc``), enters it with ``chroot`` and drops every
capability with ``setpriv`` before the interpreter starts. :func:`limit` sets the rlimits in the
child before ``exec``.
"""

from __future__ import annotations

import functools
import os
import resource
import shlex
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

NAMESPACE_FLAGS = ["--net", "--mount", "--pid", "--fork", "--kill-child"]
DEVICES = ("null", "zero", "full", "random", "urandom")
PROC_MASKED = ("sysrq-trigger", "kcore", "keys", "timer_list", "sched_debug", "kmsg", "latency_stats")
PROC_READ_ONLY = ("sys", "bus", "fs", "irq")
ETC_ENTRIES = ("ld.so.cache", "ld.so.conf", "ld.so.conf.d", "localtime", "R", "alternatives",
               "nsswitch.conf")
ROOT_DIRS = ("usr",)
SECUREBITS = "+noroot,+noroot_locked,+no_setuid_fixup,+no_setuid_fixup_locked,+keep_caps_locked"
TMP_MB = 64
#: Processes and threads the snippet may add to those its user already runs (RLIMIT_NPROC counts per
#: user, and not at all for real root: hence the drop to an unprivileged uid).
EXTRA_PROCESSES = 32
#: The unprivileged user (``nobody``) snippets run as when the sandbox is started by root.
SANDBOX_UID = 65534


@dataclass(frozen=True)
class Mode:
    """The ``unshare`` prefix that works on this machine (empty when none does) and why."""

    prefix: tuple[str, ...]
    note: str

    @property
    def namespaces(self) -> bool:
        return bool(self.prefix)


@functools.lru_cache(maxsize=1)
def detect() -> Mode:
    unshare = shutil.which("unshare")
    tools = [shutil.which(t) for t in ("chroot", "setpriv", "mount")]
    if not unshare or not all(tools):
        return Mode((), "unshare, chroot, setpriv oder mount fehlen (Paket util-linux)")
    candidates = [[unshare, *NAMESPACE_FLAGS]]
    if os.geteuid() != 0:
        candidates.insert(0, [unshare, "--user", "--map-root-user", *NAMESPACE_FLAGS])
    notes = []
    for prefix in candidates:
        probe = subprocess.run([*prefix, "sh", "-c", "mount -t tmpfs none /mnt"], capture_output=True,
                               text=True, timeout=10, check=False, env={"PATH": "/usr/sbin:/usr/bin:/sbin:/bin"})
        if probe.returncode == 0:
            return Mode(tuple(prefix), "")
        notes.append(probe.stderr.strip().splitlines()[-1] if probe.stderr.strip() else f"exit {probe.returncode}")
    return Mode((), "; ".join(notes))


def python_dirs() -> list[str]:
    """Directories outside /usr that the interpreter and its packages need (bound read-only)."""
    paths = {sys.base_prefix, sys.prefix, sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"],
             str(Path(sys.executable).resolve().parent.parent)}
    found: list[str] = []
    for raw in sorted(paths):
        path = os.path.realpath(raw)
        if not os.path.isdir(path) or path.startswith("/usr/"):
            continue
        if not any(path == f or path.startswith(f + "/") for f in found):
            found = [f for f in found if not f.startswith(path + "/")] + [path]
    return sorted(found)


def setup_script(root: Path, work: Path, run: Path, argv: list[str], env: dict[str, str], *,
                 drop_to_uid: int | None = SANDBOX_UID) -> str:
    """Shell script for PID 1 of the new namespaces; ends in ``exec`` of the harness.

    ``drop_to_uid`` is the unprivileged user the harness runs as (when the sandbox starts as real
    root); in a user namespace the caller's own unprivileged uid is already the outside identity.
    """
    q = shlex.quote
    r = q(str(root))
    lines = ["set -e", "mount --make-rprivate /", f"mount -t tmpfs -o size=1m,mode=0755 lotse-root {r}"]

    def bind(src: str, dst: str, *, is_dir: bool = True) -> None:
        target = q(f"{root}{dst}")
        lines.append(f"mkdir -p {target}" if is_dir else f"mkdir -p {q(os.path.dirname(f'{root}{dst}'))} && : > {target}")
        lines.append(f"mount -o bind,ro,nosuid,nodev {q(src)} {target}")

    for name in ROOT_DIRS:
        if os.path.isdir(f"/{name}"):
            bind(f"/{name}", f"/{name}")
    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32"):
        path = f"/{name}"
        if os.path.islink(path):
            lines.append(f"ln -s {q(os.readlink(path))} {r}/{name}")
        elif os.path.isdir(path):
            bind(path, path)
    for entry in ETC_ENTRIES:
        path = f"/etc/{entry}"
        if os.path.exists(path):
            bind(path, path, is_dir=os.path.isdir(path))
    for path in python_dirs():
        bind(path, path)
    bind(str(work), "/work")
    bind(str(run), "/lotse")
    lines += [
        f"mkdir -p {r}/tmp {r}/dev {r}/proc",
        f"mount -t tmpfs -o size={TMP_MB}m,mode=1777,nosuid,nodev lotse-tmp {r}/tmp",
        f"mount -t tmpfs -o size=64k,mode=0755,nosuid lotse-dev {r}/dev",
    ]
    for dev in DEVICES:
        lines.append(f": > {r}/dev/{dev} && mount --bind /dev/{dev} {r}/dev/{dev}")
    lines += [f"ln -s /proc/self/fd {r}/dev/fd", f"ln -s /proc/self/fd/0 {r}/dev/stdin",
              f"ln -s /proc/self/fd/1 {r}/dev/stdout", f"ln -s /proc/self/fd/2 {r}/dev/stderr",
              f"mount -t proc -o nosuid,nodev,noexec proc {r}/proc"]
    for name in PROC_MASKED:
        lines.append(f"if [ -e {r}/proc/{name} ]; then mount --bind /dev/null {r}/proc/{name}; fi")
    for name in PROC_READ_ONLY:
        p = f"{r}/proc/{name}"
        lines.append(f"if [ -d {p} ]; then mount --bind {p} {p} && mount -o remount,bind,ro {p}; fi")
    lines.append(f"mount -o remount,bind,ro,nosuid,nodev {r}")
    env_args = " ".join(q(f"{k}={v}") for k, v in env.items())
    inner = " ".join(q(a) for a in argv)
    user = f"--reuid={drop_to_uid} --regid={drop_to_uid} --clear-groups " if drop_to_uid is not None else ""
    lines.append(f"exec chroot {r} /usr/bin/env -i {env_args} /usr/bin/setpriv --nnp {user}--inh-caps=-all "
                 f"--bounding-set=-all --securebits={SECUREBITS} -- /bin/sh -c 'cd /work && exec \"$@\"' sh {inner}")
    return "\n".join(lines) + "\n"


def _user_processes(uid: int) -> int:
    count = 0
    for entry in os.scandir("/proc"):
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    count += len(os.listdir(f"/proc/{entry.name}/task"))
            except OSError:
                continue
    return count


def run_uid(mode: Mode) -> int | None:
    """The uid the snippet runs as, if the sandbox changes it (root starting namespaces)."""
    return SANDBOX_UID if mode.namespaces and os.geteuid() == 0 and "--user" not in mode.prefix else None


def limits(timeout_s: float, memory_mb: int, uid: int, max_output_mb: int = 64) -> dict[int, tuple[int, int]]:
    cpu = int(timeout_s) + 2
    nproc = _user_processes(uid) + EXTRA_PROCESSES
    return {
        resource.RLIMIT_CPU: (cpu, cpu + 1),
        resource.RLIMIT_AS: (memory_mb * 1024 * 1024,) * 2,
        resource.RLIMIT_NPROC: (nproc, nproc),
        resource.RLIMIT_FSIZE: (max_output_mb * 1024 * 1024,) * 2,
        resource.RLIMIT_NOFILE: (256, 256),
        resource.RLIMIT_CORE: (0, 0),
    }


def apply_limits(values: dict[int, tuple[int, int]]) -> None:
    """preexec_fn: runs in the forked child before exec; only async-signal-safe-ish calls."""
    for which, value in values.items():
        resource.setrlimit(which, value)
