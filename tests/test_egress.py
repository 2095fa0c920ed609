import socket
import urllib.request

import pytest

from assistant import egress
from assistant.errors import EgressBlocked


def test_outside_address_is_refused_with_library_named(_no_network):
    _no_network.expected = True
    with pytest.raises(EgressBlocked) as info:
        socket.create_connection(("203.0.113.7", 443), timeout=1)
    assert info.value.host == "203.0.113.7"
    assert "blockiert" in info.value.message
    assert isinstance(info.value, ConnectionRefusedError)


def test_dns_lookup_of_outside_host_is_refused(_no_network):
    _no_network.expected = True
    with pytest.raises(OSError):
        urllib.request.urlopen("http://example.org/", timeout=2)
    assert any(a.host == "example.org" for a in _no_network)


def test_loopback_is_allowed():
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)
    port = server.getsockname()[1]
    client = socket.create_connection(("127.0.0.1", port), timeout=2)
    client.close()
    server.close()


def test_allowed_host_is_accepted():
    egress.allow(["10.99.0.1"])
    assert egress.is_allowed("10.99.0.1")
    assert not egress.is_allowed("10.99.0.2")


def test_telemetry_is_switched_off():
    import os

    assert os.environ["ANONYMIZED_TELEMETRY"] == "False"
    assert os.environ["GRADIO_ANALYTICS_ENABLED"] == "False"
    assert os.environ["HF_HUB_OFFLINE"] == "1"
