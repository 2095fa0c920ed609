"""Issue 11, finding 7: the egress guard checks where an allowed name points, sendmsg and reverse
look-ups, and every refusal names the guard.

No test here can send traffic off the machine, even with a broken guard: name resolution goes
through a fake resolver (``egress._original_getaddrinfo`` is what the guard's wrapper calls) and
``socket.connect`` is replaced by a recorder that never connects; events that would leave the machine
by themselves (``sendmsg``, reverse look-ups) are raised with ``sys.audit`` only, or run for real
inside ``unshare -n`` (a network namespace without interfaces) where nothing can leave.
"""

from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import textwrap

import pytest

from assistant import egress
from assistant.errors import EgressBlocked

PUBLIC = "93.184.216.34"
FAKE_DNS = {"ki.stadt.local": PUBLIC, "intern.stadt.local": "10.20.30.40",
            "dienst.stadt.local": "198.51.100.25", "chroma.stadt.local": PUBLIC}


@pytest.fixture
def offline(monkeypatch, _no_network):  # noqa: ANN001, ANN201
    """A fresh policy, a fake resolver and a connect that only records (never connects)."""
    monkeypatch.setattr(egress, "_state", {"installed": True, "hosts": set(), "ips": set(),
                                           "networks": set(), "resolved": set()})
    _no_network.expected = True
    connects: list[tuple] = []

    def resolve(host, port, *args, **kwargs):  # noqa: ANN001, ANN202
        host = host.decode() if isinstance(host, bytes) else host
        if host in ("127.0.0.1", "localhost"):
            address = "127.0.0.1"
        elif host in FAKE_DNS.values():
            address = host
        elif host in FAKE_DNS:
            address = FAKE_DNS[host]
        else:
            raise socket.gaierror(socket.EAI_NONAME, "unknown (fake resolver)")
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 0)))]

    def connect(self, address):  # noqa: ANN001, ANN202
        connects.append(address)
        raise ConnectionRefusedError("fake connect: nothing left this machine")

    monkeypatch.setattr(egress, "_original_getaddrinfo", resolve)
    monkeypatch.setattr(socket.socket, "connect", connect)
    return connects


def test_allowed_name_that_resolves_to_a_public_address_is_refused(offline):  # noqa: ANN001
    egress.allow(["ki.stadt.local"])
    with pytest.raises(EgressBlocked) as info:
        socket.create_connection(("ki.stadt.local", 8080), timeout=1)
    assert offline == []  # refused before any connect
    assert "Netzwerkschutz" in info.value.message and PUBLIC in info.value.message


def test_private_and_listed_addresses_of_allowed_names_pass(offline):  # noqa: ANN001
    egress.allow(["intern.stadt.local", "dienst.stadt.local", "198.51.100.0/24"])
    for name in ("intern.stadt.local", "dienst.stadt.local"):
        with pytest.raises(ConnectionRefusedError, match="fake connect"):
            socket.create_connection((name, 8080), timeout=1)
    assert offline == [("10.20.30.40", 8080), ("198.51.100.25", 8080)]
    assert egress.is_allowed("198.51.100.77") and not egress.is_allowed("198.51.101.1")
    assert not egress.is_allowed("10.20.30.41")  # private, but no allowed name points there


def test_chat_request_to_an_allowed_name_with_a_public_address_is_not_sent(offline):  # noqa: ANN001
    from assistant.llm import GenerationOptions, Message
    from assistant.llm.openai_backend import OpenAICompatBackend
    from assistant.llm.profiles import ModelProfile

    egress.allow(["ki.stadt.local"])
    backend = OpenAICompatBackend("http://ki.stadt.local:8080/v1",
                                  ModelProfile(id="m", kind="instruct", n_ctx=4096, chat_format=None))
    with pytest.raises(EgressBlocked) as info:
        list(backend.stream([Message("user", "Hallo")], GenerationOptions(max_tokens=5)))
    assert offline == []
    assert "Netzwerkschutz" in info.value.message and PUBLIC in info.value.message


def test_sendmsg_sendto_and_reverse_lookups_are_checked(offline):  # noqa: ANN001
    sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        for event, args in (("socket.sendmsg", (sock, (PUBLIC, 53))),
                            ("socket.sendto", (sock, (PUBLIC, 53))),
                            ("socket.gethostbyaddr", (PUBLIC,)),
                            ("socket.getnameinfo", ((PUBLIC, 443),))):
            with pytest.raises(EgressBlocked, match="Netzwerkschutz"):
                sys.audit(event, *args)
        sys.audit("socket.sendmsg", sock, None)  # a connected socket: checked at connect
        sys.audit("socket.gethostbyaddr", "127.0.0.1")
    finally:
        sock.close()


def test_blocked_chroma_server_names_the_guard(offline, settings):  # noqa: ANN001
    from assistant.retrieval.store import make_client

    settings.retrieval.chroma_mode = "http"
    for host in ("chroma.extern.example", "chroma.stadt.local"):
        egress.allow(["chroma.stadt.local"])
        settings.retrieval.chroma_host = host
        with pytest.raises(EgressBlocked) as info:
            make_client(settings)
        assert "Netzwerkschutz" in info.value.message and "nicht erreichbar" not in info.value.message
    assert offline == []


def _unshare_works() -> bool:
    if not shutil.which("unshare"):
        return False
    return subprocess.run(["unshare", "-n", "true"], capture_output=True).returncode == 0


@pytest.mark.skipif(not _unshare_works(), reason="needs 'unshare -n' (root, network namespaces)")
def test_real_socket_calls_are_refused_inside_an_empty_network_namespace():
    """The real calls, where even a broken guard cannot reach anything: no interfaces exist."""
    code = textwrap.dedent(f"""
        import socket
        from assistant import egress
        from assistant.errors import EgressBlocked
        egress.install()
        results = []
        sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        calls = [("sendmsg", lambda: sock.sendmsg([b"x"], [], 0, ("{PUBLIC}", 53))),
                 ("sendto", lambda: sock.sendto(b"x", ("{PUBLIC}", 53))),
                 ("gethostbyaddr", lambda: socket.gethostbyaddr("{PUBLIC}")),
                 ("getnameinfo", lambda: socket.getnameinfo(("{PUBLIC}", 443), 0)),
                 ("connect", lambda: socket.create_connection(("{PUBLIC}", 443), timeout=1))]
        for name, call in calls:
            try:
                call()
                results.append(name + ":passed")
            except EgressBlocked:
                results.append(name + ":blocked")
            except OSError as exc:
                results.append(name + ":oserror")
        print(" ".join(results))
    """)
    out = subprocess.run(["unshare", "-n", sys.executable, "-c", code], capture_output=True,
                         text=True, timeout=60)
    assert out.stdout.split() == ["sendmsg:blocked", "sendto:blocked", "gethostbyaddr:blocked",
                                  "getnameinfo:blocked", "connect:blocked"], out.stderr
