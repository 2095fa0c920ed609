"""No-egress guard: Lotse talks to loopback and explicitly allowed hosts only.

:func:`install` is called by every entry point (CLI, web UI, Python API). It

* switches telemetry off for every library in our stack that has any (environment variables are
  read by those libraries at import time, so this must run before they are imported), and
* adds a Python audit hook that refuses ``socket.connect``/``sendto``, DNS look-ups and
  ``getaddrinfo`` for any host that is not loopback or in ``network.allowed_hosts``.

A refused attempt raises :class:`~assistant.errors.EgressBlocked`, naming the library and host.
Audit hooks cannot be removed, so the policy lives in module state and can be widened with
:func:`allow` after the settings are loaded. With ``LOTSE_EGRESS_LOG=/path`` every attempt
(host, port, allowed, library; never payload) is appended as a JSON line, which the tests use to
prove that a whole session stayed on loopback.
"""

from __future__ import annotations

import ipaddress
import json
import os
import socket
import sys
import threading
from typing import Any, Iterable

from assistant.errors import EgressBlocked

#: Environment switches that turn telemetry and hub downloads off.
TELEMETRY_OFF = {
    "ANONYMIZED_TELEMETRY": "False",  # chromadb (posthog)
    "GRADIO_ANALYTICS_ENABLED": "False",
    "HF_HUB_OFFLINE": "1",
    "HF_HUB_DISABLE_TELEMETRY": "1",
    "TRANSFORMERS_OFFLINE": "1",
    "HF_DATASETS_OFFLINE": "1",
    "TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS": "",  # presidio's e-mail recognizer: no suffix-list fetch
    "LANGCHAIN_TRACING_V2": "false",
    "LANGCHAIN_TRACING": "false",
    "LANGSMITH_TRACING": "false",
    "LANGCHAIN_CALLBACKS_BACKGROUND": "false",
    "DO_NOT_TRACK": "1",
    "SCARF_NO_ANALYTICS": "true",
    "OTEL_SDK_DISABLED": "true",
}

# Packages that open sockets on behalf of others: the culprit is whoever called them.
_TRANSPORT = {
    "urllib3", "requests", "httpx", "httpcore", "anyio", "h11", "h2",
    "aiohttp", "sniffio", "certifi", "websockets", "uvicorn", "backoff", "openai",
}

_lock = threading.Lock()
_state: dict[str, Any] = {"installed": False, "hosts": set(), "ips": set()}


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    try:
        return ipaddress.ip_address(host.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def is_allowed(host: Any) -> bool:
    """Whether a connection to ``host`` (name or IP) is allowed by the current policy."""
    if host is None or host == "" or isinstance(host, (bytes, bytearray)):
        return True  # unix sockets, wildcard/local look-ups
    host = str(host).strip("[]").lower()
    if _is_loopback(host):
        return True
    return host in _state["hosts"] or host in _state["ips"]


def _culprit() -> str:
    """The top-level package that asked for the connection, as best as the stack tells."""
    stdlib = sys.stdlib_module_names
    frame = sys._getframe(2)
    fallback = None
    while frame is not None:
        module = frame.f_globals.get("__name__", "") or ""
        top = module.split(".", 1)[0]
        if module == "assistant.egress":
            pass
        elif top and top not in stdlib and top != "__main__":
            if module not in _TRANSPORT and top not in _TRANSPORT:
                return top
            fallback = fallback or top
        frame = frame.f_back
    return fallback or "unbekannt (Hauptprogramm)"


def _log(host: Any, port: Any, allowed: bool, library: str) -> None:
    path = os.environ.get("LOTSE_EGRESS_LOG")
    if not path:
        return
    record = {"host": str(host), "port": port if isinstance(port, (int, str)) else None,
              "allowed": allowed, "library": library}
    with _lock, open(path, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")


def _check(host: Any, port: Any) -> None:
    if isinstance(host, (bytes, bytearray)):
        host = host.decode("ascii", "replace")
    allowed = is_allowed(host)
    if allowed and not os.environ.get("LOTSE_EGRESS_LOG"):
        return  # nothing to log: skip the stack walk of _culprit
    library = _culprit()
    _log(host, port, allowed, library)
    if not allowed:
        raise EgressBlocked(str(host), port, library)


def _hook(event: str, args: tuple[Any, ...]) -> None:
    _check = globals()["_check"]  # looked up per call so tests can wrap it
    if event in ("socket.connect", "socket.sendto"):
        address = args[1]
        if isinstance(address, tuple) and address:
            _check(address[0], address[1] if len(address) > 1 else None)
    elif event == "socket.getaddrinfo":
        _check(args[0], args[1])
    elif event in ("socket.gethostbyname", "socket.gethostbyname_ex"):
        _check(args[0], None)


_original_getaddrinfo = socket.getaddrinfo


def _getaddrinfo(host: Any, *args: Any, **kwargs: Any):  # noqa: ANN202 - mirrors socket.getaddrinfo
    results = _original_getaddrinfo(host, *args, **kwargs)
    # An allowed host name resolves to addresses that must be allowed as well.
    if host is not None and str(host).lower() in _state["hosts"]:
        _state["ips"].update(str(r[4][0]) for r in results)
    return results


def allow(hosts: Iterable[str]) -> None:
    """Widen the policy by host names or IP addresses (from ``network.allowed_hosts``)."""
    with _lock:
        _state["hosts"].update(h.strip().strip("[]").lower() for h in hosts if h and h.strip())


def allowed_hosts() -> list[str]:
    return sorted(_state["hosts"])


def install(hosts: Iterable[str] = ()) -> None:
    """Switch telemetry off and install the audit hook (idempotent)."""
    os.environ.update(TELEMETRY_OFF)
    allow(hosts)
    with _lock:
        if _state["installed"]:
            return
        _state["installed"] = True
        socket.getaddrinfo = _getaddrinfo
        sys.addaudithook(_hook)


def installed() -> bool:
    return bool(_state["installed"])
