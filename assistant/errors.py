"""One error hierarchy. Messages are German and say what to do next."""

from __future__ import annotations


class LotseError(Exception):
    """An error the user can act on.

    ``message`` says what is wrong, ``hint`` what to do next; both are German and end up on the
    user's screen as one or two sentences (no traceback unless ``LOTSE_DEBUG=1``).
    """

    exit_code = 1

    def __init__(self, message: str, hint: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        return f"{self.message} {self.hint}" if self.hint else self.message


class ConfigError(LotseError):
    """The configuration file or an environment variable is unusable."""

    exit_code = 2


class ModelError(LotseError):
    """The language model cannot be found, loaded or reached."""

    exit_code = 3


class EgressBlocked(LotseError, ConnectionRefusedError):
    """A network connection to a host outside the allowed list was refused.

    It is a ``ConnectionRefusedError`` too, so libraries that handle refused connections
    (telemetry clients, retry loops) treat it as one instead of crashing.
    """

    exit_code = 4

    def __init__(self, host: str, port: object, library: str, reason: str | None = None) -> None:
        why = f"; {reason}" if reason else ""
        super().__init__(
            f"Lotses Netzwerkschutz hat die Verbindung zu {host}:{port} blockiert (ausgelöst "
            f"durch '{library}'{why}): Lotse sendet nichts an Rechner außerhalb dieses Geräts "
            "oder der erlaubten Hosts.",
            "Falls das ein eigener Server Ihrer Kommune ist, tragen Sie ihn unter "
            "[network] allowed_hosts in lotse.toml ein.",
        )
        self.host = host
        self.port = port
        self.library = library
        self.reason = reason


class PrivacyError(LotseError):
    """The privacy gate could not run; nothing was sent to a model (fail closed)."""

    exit_code = 5


class InputError(LotseError):
    """The user's input (file, text, table) cannot be processed."""

    exit_code = 6
