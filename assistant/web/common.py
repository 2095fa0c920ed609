"""What every tab of the web UI shares: per-browser-session services, German errors, the theme."""

from __future__ import annotations

import functools
import re
import tempfile
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

import gradio as gr

from assistant.errors import LotseError
from assistant.web.vault import VaultStore

if TYPE_CHECKING:
    from assistant.service import Lotse

PLACEHOLDER = re.compile(r"<([A-Z_]+)_(\d+)>")
SYSTEM_FONTS = ["system-ui", "Segoe UI", "Helvetica", "Arial", "sans-serif"]
MONO_FONTS = ["ui-monospace", "Consolas", "monospace"]

CSS = """
.lotse-quellen details { border: 1px solid #d0d7de; border-radius: 6px; padding: 4px 10px; margin: 4px 0; }
.lotse-quellen summary { cursor: pointer; font-weight: 600; }
.lotse-quellen blockquote { margin: 6px 0; color: #333; white-space: pre-wrap; }
"""


def theme() -> gr.themes.Base:
    """The default look with system fonts (Gradio's default theme loads fonts from a CDN)."""
    return gr.themes.Default(font=SYSTEM_FONTS, font_mono=MONO_FONTS)


class WebState:
    """The service behind the page, one service session per browser session, one work lock."""

    def __init__(self, service: "Lotse", work_lock: threading.Lock) -> None:
        self.service = service
        self.work_lock = work_lock
        self.sessions: VaultStore[Any] = VaultStore(capacity=1000)
        self.files = Path(tempfile.mkdtemp(prefix="lotse-web-"))

    def per_session(self, request: gr.Request | None, kind: str, make: Callable[[], Any]) -> Any:
        """The browser session's object of ``kind`` (made on first use, kept while it is used)."""
        key = (getattr(request, "session_hash", None) or "anonymous") + "\x00" + kind
        found = self.sessions.get(key)
        if found is None:
            found = make()
            self.sessions.put(key, found)
        return found

    def session(self, request: gr.Request | None) -> "Lotse":
        """The browser session's service: its own privacy-gate session (see Lotse.session)."""
        return self.per_session(request, "service", self.service.session)

    def out_path(self, name: str) -> Path:
        folder = Path(tempfile.mkdtemp(dir=self.files))
        return folder / name


def german_error(exc: Exception) -> str:
    """The message a user sees: the service's German text, or a plain German fallback."""
    if isinstance(exc, LotseError):
        return str(exc)
    return ("Unerwarteter Fehler ({}). Versuchen Sie es erneut; bleibt der Fehler, hilft "
            "'lotse doctor' bei der Suche.".format(type(exc).__name__))


def guarded(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Turn any exception into a German ``gr.Error`` (shown as a notice, no traceback)."""

    @functools.wraps(fn)  # keeps the signature: Gradio injects gr.Request / gr.Progress by it
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except gr.Error:
            raise
        except Exception as exc:  # noqa: BLE001 - every failure becomes a German message
            raise gr.Error(german_error(exc)) from None

    return wrapper
