"""``lotse serve``: one process (FastAPI + uvicorn) with the web UI at ``/`` and the API at ``/v1``.

Loopback by default. Another host only when set explicitly, and then with a warning. An optional
login (``[ui] users`` in the settings, passwords stored as scrypt hashes) protects both the page
and the API (``Authorization: Bearer name:passwort``). Gradio's analytics are off (the egress
module sets that before Gradio is imported), no share link, no asset from a CDN.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import ipaddress
import secrets
import threading
from typing import TYPE_CHECKING, Any, Callable

from assistant.errors import ConfigError

if TYPE_CHECKING:
    from fastapi import FastAPI

    from assistant.service import Lotse

_N, _R, _P = 2**14, 8, 1


def hash_password(password: str) -> str:
    """``scrypt$salt$hash`` (base64) for the ``[ui] users`` setting."""
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P)
    return "scrypt$" + base64.b64encode(salt).decode() + "$" + base64.b64encode(digest).decode()


def _verify(password: str, stored: str) -> bool:
    try:
        kind, salt_b64, digest_b64 = stored.split("$")
        if kind != "scrypt":
            return False
        digest = hashlib.scrypt(password.encode("utf-8"), salt=base64.b64decode(salt_b64),
                                n=_N, r=_R, p=_P)
        return hmac.compare_digest(digest, base64.b64decode(digest_b64))
    except (ValueError, TypeError):
        return False


def user_table(entries: list[str]) -> dict[str, str]:
    """``name -> hash`` from the ``[ui] users`` setting; a malformed entry is a German error."""
    users: dict[str, str] = {}
    for entry in entries:
        name, sep, stored = entry.partition(":")
        if not sep or not name.strip() or not stored.startswith("scrypt$"):
            raise ConfigError(f"Der Eintrag '{name or entry[:20]}' in [ui] users hat nicht die Form "
                              "'name:scrypt$…'.",
                              "Erzeugen Sie den Hash mit 'lotse serve --passwort-hash' und tragen "
                              "Sie 'name:HASH' ein.")
        users[name.strip()] = stored
    return users


def checker(users: dict[str, str]) -> Callable[[str, str], bool]:
    def check(name: str, password: str) -> bool:
        stored = users.get(name)
        return stored is not None and _verify(password, stored)

    return check


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def create_app(service: "Lotse") -> "FastAPI":
    """The FastAPI app: ``/v1`` API routes and the Gradio UI at ``/``, over one service."""
    import gradio as gr
    from fastapi import FastAPI, Request
    from fastapi.responses import JSONResponse

    from assistant.web.api import ChatAPI, error_response
    from assistant.web.common import CSS, theme
    from assistant.web.ui import build_ui

    users = user_table(service.settings.ui.users)
    check = checker(users)
    work_lock = threading.Lock()
    app = FastAPI(title="Lotse", docs_url=None, redoc_url=None, openapi_url=None)
    api = ChatAPI(service, work_lock)

    if users:
        @app.middleware("http")
        async def api_login(request: Request, call_next: Any) -> Any:
            if request.url.path.startswith("/v1"):
                token = request.headers.get("authorization", "")
                name, _, password = token.removeprefix("Bearer ").partition(":")
                if not token.startswith("Bearer ") or not check(name, password):
                    return error_response(401, "Anmeldung erforderlich: Bearer-Token 'name:passwort'.",
                                          "authentication_error", "invalid_api_key")
            return await call_next(request)

    app.include_router(api.router)

    @app.exception_handler(Exception)
    async def german_error(request: Request, exc: Exception) -> JSONResponse:  # noqa: ARG001
        return error_response(500, f"Unerwarteter Fehler ({type(exc).__name__}).", "lotse_error")

    demo = build_ui(service, work_lock)
    app = gr.mount_gradio_app(app, demo, path="", auth=check if users else None,
                              auth_message="Bitte mit Ihrem Lotse-Konto anmelden.",
                              footer_links=[], theme=theme(), css=CSS, ssr_mode=False,
                              pwa=False, mcp_server=False, enable_monitoring=False)
    app.state.chat_api = api
    app.state.ui = demo
    return app


def serve(service: "Lotse", host: str | None = None, port: int | None = None,
          warn: Callable[[str], None] | None = None) -> None:
    """Run the app until interrupted (blocking)."""
    import uvicorn

    host = host or service.settings.ui.host
    port = port or service.settings.ui.port
    if not is_loopback(host) and warn is not None:
        warn(f"Achtung: Lotse ist unter {host}:{port} auch von anderen Rechnern erreichbar. "
             "Richten Sie eine Anmeldung ([ui] users) oder einen Reverse-Proxy mit Anmeldung ein.")
    app = create_app(service)
    uvicorn.run(app, host=host, port=port, log_level="warning", access_log=False)
