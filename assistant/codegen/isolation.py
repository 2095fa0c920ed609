"""How the sandbox separates a snippet from the machine: namespaces, a private root, rlimits.

:func:`detect` finds once per process which ``unshare`` invocation works here (as root, or with a
user namespace otherwise). :func:`prepare_root` builds the skeleton of a private root in a temporary
directory; :func:`setup_script` is the shell script that runs as the first process of the new
namespaces: it binds read-only what the interpreters need onto the skeleton (``/usr``, the parts of
``/etc`` R and the loader need, the Python installation, ``/work`` with the inputs, the harness in
``/lotse``, five device files), adds a small writable ``/tmp`` and a fresh ``/proc``, makes the root
read-only, enters it with ``chroot`` and drops to an unprivileged user without capabilities
(``setpriv``) before the interpreter starts. :func:`limit_command` sets the rlimits on the way.
"""

from __future__ import annotations

import functools
import os
import shlex
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass
from pathlib import Path

NAMESPACE_FLAGS = ["--net", "--mount", "--pid", "--fork", "--kill-child"]
DEVICES = ("null", "zero", "full", "random", "urandom")
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
    """Try the namespaces the sandbox needs (a throwaway mount in a private mount namespace)."""
    unshare = shutil.which("unshare")
    tools = [shutil.which(t) for t in ("chroot", "setpriv", "mount", "prlimit")]
    if not unshare or not all(tools):
        return Mode((), "unshare, chroot, setpriv, prlimit oder mount fehlen (Pakete util-linux, coreutils)")
    candidates = [[unshare, *NAMESPACE_FLAGS]]
    if os.geteuid() != 0:
        candidates.insert(0, [unshare, "--user", "--map-root-user", *NAMESPACE_FLAGS])
    notes = []
    for prefix in candidates:
        probe = subprocess.run([*prefix, "sh", "-c", "mount --make-rprivate / && mount -t tmpfs none /tmp"],
                               capture_output=True,
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


def prepare_root(root: Path, work: Path, run: Path) -> list[tuple[str, str]]:
    """Build the skeleton of the private root in ``root`` (directories, symlinks, empty files as
    mount points) and return the (source, target) pairs to bind read-only onto it."""
    binds: list[tuple[str, str]] = []

    def mount_point(src: str, dst: str) -> None:
        target = root / dst.lstrip("/")
        if os.path.isdir(src):
            target.mkdir(parents=True, exist_ok=True)
        else:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.touch()
        binds.append((src, str(target)))

    for name in ("bin", "sbin", "lib", "lib32", "lib64", "libx32", *ROOT_DIRS):
        path = f"/{name}"
        if os.path.islink(path):
            (root / name).symlink_to(os.readlink(path))
        elif os.path.isdir(path):
            mount_point(path, path)
    for entry in ETC_ENTRIES:
        path = f"/etc/{entry}"
        if os.path.islink(path):
            (root / "etc").mkdir(exist_ok=True)
            (root / "etc" / entry).symlink_to(os.readlink(path))
        elif os.path.exists(path):
            mount_point(path, path)
    for path in python_dirs():
        mount_point(path, path)
    mount_point(str(work), "/work")
    mount_point(str(run), "/lotse")
    for dev in DEVICES:
        mount_point(f"/dev/{dev}", f"/dev/{dev}")
    for link, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1"),
                         ("stderr", "/proc/self/fd/2")):
        (root / "dev" / link).symlink_to(target)
    for name in ("tmp", "proc"):
        (root / name).mkdir()
    return binds


def setup_script(root: Path, binds: list[tuple[str, str]], argv: list[str], env: dict[str, str], *,
                 drop_to_uid: int | None = SANDBOX_UID, limits: list[str] | None = None,
                 cgroups: list[Path] | None = None) -> str:
    """Shell script for PID 1 of the new namespaces: mounts onto the skeleton from
    :func:`prepare_root`, then ``exec`` of the harness in it, without capabilities.

    ``drop_to_uid`` is the unprivileged user the harness runs as (when the sandbox starts as real
    root); in a user namespace the caller's own unprivileged uid is already the outside identity,
    so ``/proc`` and device files stay protected by their owners either way. ``limits`` is the
    :func:`limit_command` prefix; the script first moves itself into ``cgroups`` (writing 0 to
    ``cgroup.procs`` moves the writer), so everything it starts is counted there.
    """
    q = shlex.quote
    r = q(str(root))
    lines = ["set -e", *(f"echo 0 > {q(str(group / 'cgroup.procs'))}" for group in cgroups or ()),
             "mount --make-rprivate /", f"mount --bind {r} {r}"]
    lines += [f"mount -o bind,ro,nosuid,nodev {q(src)} {q(dst)}" for src, dst in binds if not src.startswith("/dev/")]
    lines += [f"mount --bind {q(src)} {q(dst)}" for src, dst in binds if src.startswith("/dev/")]
    lines += [f"mount -t tmpfs -o size={TMP_MB}m,mode=1777,nosuid,nodev lotse-tmp {r}/tmp",
              f"mount -t proc -o nosuid,nodev,noexec proc {r}/proc",
              f"mount -o remount,bind,ro,nosuid,nodev {r}"]
    env_args = " ".join(q(f"{k}={v}") for k, v in env.items())
    inner = " ".join(q(a) for a in argv)
    user = f"--reuid={drop_to_uid} --regid={drop_to_uid} --clear-groups " if drop_to_uid is not None else ""
    prefix = " ".join(q(a) for a in limits or ())
    lines.append(f"exec {prefix} chroot {r} /usr/bin/env -i -C /work {env_args} /usr/bin/setpriv --nnp {user}"
                 f"--inh-caps=-all --bounding-set=-all --securebits={SECUREBITS} -- {inner}")
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


def limit_command(timeout_s: float, memory_mb: int, uid: int, max_file_mb: int = 64) -> list[str]:
    """``prlimit`` prefix that sets the rlimits for the command it runs (and everything it starts).

    CPU seconds a little above the wall-clock timeout, address space ``memory_mb``, processes and
    threads of ``uid`` (counted system-wide by the kernel) at most the current count plus
    ``EXTRA_PROCESSES``, files up to ``max_file_mb``, 256 open files, no core dumps. prlimit, not a
    ``preexec_fn``: no Python code runs between fork and exec.
    """
    cpu = int(timeout_s) + 2
    nproc = _user_processes(uid) + EXTRA_PROCESSES
    memory = memory_mb * 1024 * 1024
    fsize = max_file_mb * 1024 * 1024
    return [shutil.which("prlimit") or "prlimit", f"--cpu={cpu}:{cpu + 1}", f"--as={memory}:{memory}",
            f"--nproc={nproc}:{nproc}", f"--fsize={fsize}:{fsize}", "--nofile=256:256", "--core=0:0", "--"]
