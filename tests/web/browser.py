"""Headless Chromium (Debian's chromium + chromium-driver) driven by Selenium, kept off the network.

Chromium resolves every host name except the loopback to nothing
(``--host-resolver-rules``), so even a page that tried to load a CDN asset could not send
anything off this machine; the performance log records every request the page made, so tests can
assert that there were none beyond the loopback.
"""

from __future__ import annotations

import json
import os
import shutil
import time
from pathlib import Path
from typing import Callable
from urllib.parse import urlparse

os.environ.setdefault("SE_AVOID_STATS", "true")  # Selenium Manager's usage statistics: off

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
DRIVER = shutil.which("chromedriver") or "/usr/bin/chromedriver"
LOOPBACK = {"127.0.0.1", "localhost", "[::1]", "::1"}


def make_driver(download_dir: Path):  # noqa: ANN201
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--window-size=1400,1000", "--lang=de-DE",
                "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
                "--disable-background-networking", "--disable-component-update",
                "--disable-domain-reliability", "--disable-sync", "--no-first-run",
                "--metrics-recording-only", "--disable-default-apps"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL"})
    options.add_experimental_option("prefs", {"download.default_directory": str(download_dir),
                                              "download.prompt_for_download": False})
    return webdriver.Chrome(service=Service(executable_path=DRIVER), options=options)


def requested_hosts(driver) -> set[str]:  # noqa: ANN001
    """Hosts of every request the page made so far (from Chromium's performance log)."""
    hosts = set()
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message.get("method") == "Network.requestWillBeSent":
            url = message["params"]["request"]["url"]
            parsed = urlparse(url)
            if parsed.scheme in ("http", "https", "ws", "wss"):
                hosts.add(parsed.hostname or "")
    return hosts


def wait_for(condition: Callable[[], object], timeout: float = 60, what: str = "") -> object:
    deadline = time.monotonic() + timeout
    last: Exception | None = None
    while time.monotonic() < deadline:
        try:
            value = condition()
            if value:
                return value
        except Exception as exc:  # noqa: BLE001 - element not there yet
            last = exc
        time.sleep(0.25)
    raise AssertionError(f"Zeitüberschreitung beim Warten auf {what or condition}: {last}")
