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


def test_allowed_host_is_accepted(monkeypatch):
    # a copy of the policy for this test only: the host is not allowed for the rest of the run
    monkeypatch.setitem(egress._state, "hosts", set(egress._state["hosts"]))
    egress.allow(["10.99.0.1"])
    assert egress.is_allowed("10.99.0.1")
    assert not egress.is_allowed("10.99.0.2")


def test_telemetry_is_switched_off(tmp_path):
    """A user's environment that switches telemetry on is overridden by the entry point, and the
    libraries themselves (chromadb's settings, huggingface_hub's constants) then see it off."""
    import json
    import os
    import subprocess
    import sys

    code = (
        "import json, os\n"
        "from assistant.cli.main import main\n"
        "try:\n    main(['--version'])\nexcept SystemExit:\n    pass\n"
        "import chromadb.config\n"
        "seen = {'chromadb': chromadb.config.Settings().anonymized_telemetry,\n"
        "        'gradio': os.environ.get('GRADIO_ANALYTICS_ENABLED')}\n"
        "try:\n"
        "    import huggingface_hub.constants as hf\n"
        "    seen['hf_offline'] = hf.HF_HUB_OFFLINE\n"
        "except ImportError:\n"
        "    seen['hf_offline'] = None\n"
        "print(json.dumps(seen))\n"
    )
    env = {k: v for k, v in os.environ.items() if k not in egress.TELEMETRY_OFF}
    env.update({"ANONYMIZED_TELEMETRY": "True", "GRADIO_ANALYTICS_ENABLED": "True",
                "HF_HUB_OFFLINE": "0"})
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True,
                         text=True, timeout=120)
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["chromadb"] is False
    assert seen["gradio"] == "False"
    assert seen["hf_offline"] in (True, None)
