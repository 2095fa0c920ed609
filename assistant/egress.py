"""No-egress guard: Lotse talks to loopback and explicitly allowed hosts only.

:func:`install` is called by every entry point (CLI, web UI, Python API). It

* switches telemetry off for every library in our stack that has any (environment variables are
  read by those libraries at import time, so this must run before they are imported), and
* adds a Python audit hook that refuses ``socket.connect``/``sendto``/``sendmsg``, DNS look-ups
  (``getaddrinfo``, ``gethostbyname``) and reverse look-ups (``gethostbyaddr``, ``getnameinfo``,
  hence ``getfqdn``) for any host that is not loopback or allowed. Python has no ``sendmmsg``;
  these are all of CPython's socket audit events that reach another machine.

``network.allowed_hosts`` holds names, addresses and CIDR ranges. A listed *name* is trusted only
as far as its addresses: ``socket.getaddrinfo`` is wrapped, and a name that resolves to anything
but loopback, the private ranges (RFC 1918, IPv6 ULA) or a listed address/range is refused;
addresses that passed are allowed for the connect that follows.

A refused attempt raises :class:`~assistant.errors.EgressBlocked`, naming the guard, the library
and the host; :func:`blocked_in` finds it behind the errors libraries wrap it in.
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
from types import FrameType
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
#: hosts: allowed names; networks: allowed addresses and CIDRs (listed explicitly);
#: resolved: addresses an allowed name resolved to and that passed :func:`address_ok`.
_state: dict[str, Any] = {"installed": False, "hosts": set(), "networks": set(), "resolved": set()}

#: Where an allowed *name* may point without its address being listed: this machine and the
#: private ranges of a municipal network (RFC 1918, IPv6 ULA). Not link-local (169.254/16 holds
#: cloud metadata services) and not Python's wider ``is_private`` (documentation ranges).
PRIVATE_NETWORKS = tuple(ipaddress.ip_network(n) for n in (
    "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "fc00::/7"))


def _ip(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _is_loopback(host: str) -> bool:
    if host in ("localhost", "localhost.localdomain", "ip6-localhost"):
        return True
    address = _ip(host)
    return bool(address and address.is_loopback)


def _listed(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return any(address in network for network in _state["networks"])


def address_ok(host: str) -> bool:
    """Whether an allowed *name* may resolve to ``host``: loopback, private, or listed."""
    address = _ip(host)
    if address is None:
        return False
    return address.is_loopback or _listed(address) or any(address in n for n in PRIVATE_NETWORKS)


def is_allowed(host: Any) -> bool:
    """Whether a connection to ``host`` (name or IP) is allowed by the current policy.

    An address is allowed if it is loopback, listed (address or CIDR), or an allowed name
    resolved to it (and passed :func:`address_ok`); a name if it is listed.
    """
    if host is None or host == "" or isinstance(host, (bytes, bytearray)):
        return True  # unix sockets, wildcard/local look-ups
    host = str(host).strip("[]").lower()
    if _is_loopback(host):
        return True
    address = _ip(host)
    if address is None:
        return host.rstrip(".") in _state["hosts"]
    return _listed(address) or str(address) in _state["resolved"]


def _culprit() -> str:
    """The top-level package that asked for the connection, as best as the stack tells."""
    stdlib = sys.stdlib_module_names
    frame: FrameType | None = sys._getframe(2)
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


def _address_of(sockaddr: Any) -> tuple[Any, Any] | None:
    if isinstance(sockaddr, tuple) and sockaddr:
        return sockaddr[0], sockaddr[1] if len(sockaddr) > 1 else None
    return None  # unix socket path, or no address (connected socket)


def _hook(event: str, args: tuple[Any, ...]) -> None:
    if not event.startswith("socket."):
        return
    check = globals()["_check"]  # looked up per call so tests can wrap it
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        address = _address_of(args[1])
        if address is not None:
            check(*address)
    elif event == "socket.getaddrinfo":
        check(args[0], args[1])
    elif event in ("socket.gethostbyname", "socket.gethostbyname_ex"):
        check(args[0], None)
    elif event in ("socket.gethostbyaddr", "socket.getnameinfo"):  # reverse look-ups ask DNS
        address = (args[0], None) if event == "socket.gethostbyaddr" else _address_of(args[0])
        if address is None:
            return
        try:
            check(*address)
        except EgressBlocked as exc:
            raise EgressBlocked(exc.host, exc.port, exc.library,
                                "Rückwärtsauflösung einer Adresse zu einem Namen") from None


_original_getaddrinfo = socket.getaddrinfo


def _getaddrinfo(host: Any, *args: Any, **kwargs: Any):  # noqa: ANN202 - mirrors socket.getaddrinfo
    name = host.decode("ascii", "replace") if isinstance(host, (bytes, bytearray)) else host
    if name is None or _ip(str(name).strip("[]")) is not None or _is_loopback(str(name).lower()):
        return globals()["_original_getaddrinfo"](host, *args, **kwargs)
    name = str(name).lower().rstrip(".")
    port = args[0] if args else kwargs.get("port")
    _check(name, port)  # not an allowed name: refused before any DNS query
    results = globals()["_original_getaddrinfo"](host, *args, **kwargs)
    # An allowed name is trusted only as far as the addresses it resolves to.
    addresses = sorted({str(r[4][0]) for r in results})
    bad = [a for a in addresses if not address_ok(a)]
    if bad:
        library = _culprit()
        _log(name, port, False, library)
        raise EgressBlocked(
            name, port, library,
            f"der erlaubte Name löst zu {', '.join(bad)} auf, einer öffentlichen Adresse, die "
            "nicht freigegeben ist")
    with _lock:
        _state["resolved"].update(str(_ip(a)) for a in addresses)
    return results


def allow(hosts: Iterable[str]) -> None:
    """Widen the policy by host names, IP addresses or CIDR ranges (``network.allowed_hosts``)."""
    with _lock:
        for entry in hosts:
            entry = (entry or "").strip().strip("[]").lower()
            if not entry:
                continue
            try:
                _state["networks"].add(ipaddress.ip_network(entry, strict=False))
            except ValueError:
                _state["hosts"].add(entry.rstrip("."))


def check_host(host: str, port: Any = None) -> None:
    """Raise :class:`EgressBlocked` now if ``host`` may not be contacted (resolving a name)."""
    if _ip(host.strip("[]")) is None and not _is_loopback(host.lower()):
        socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    else:
        _check(host.strip("[]"), port)


def allowed_hosts() -> list[str]:
    return sorted(_state["hosts"] | {str(n) for n in _state["networks"]})


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


def blocked_in(exc: BaseException | None) -> EgressBlocked | None:
    """The guard's refusal behind an exception a library wrapped it in (httpx, chromadb)."""
    seen: set[int] = set()
    while exc is not None and id(exc) not in seen:
        if isinstance(exc, EgressBlocked):
            return exc
        seen.add(id(exc))
        exc = exc.__cause__ or exc.__context__
    return None


def installed() -> bool:
    return bool(_state["installed"])
