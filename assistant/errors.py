"""One error hierarchy. Messages are German and say what to do next.

Every error a user can act on derives from :class:`LotseError`; its class fixes the exit code of
the ``lotse`` command, and each code means one thing (the table is in README.md, section
"Exit-Codes"; ``EXIT_CODES`` below is the same table in code):
"""

from __future__ import annotations

#: Exit codes of ``lotse`` and what each means. tests/test_errors.py checks that the README's
#: table, this mapping and the error classes agree.
EXIT_CODES: dict[int, str] = {
    0: "Erfolg",
    1: "Unerwarteter Fehler (ein Programmfehler; LOTSE_DEBUG=1 zeigt die Einzelheiten)",
    2: "Aufruf falsch: unbekannte Option, fehlendes Argument (Befehlszeile)",
    3: "Sprachmodell nicht gefunden, nicht ladbar oder nicht erreichbar",
    4: "Netzwerkverbindung nach außen blockiert",
    5: "Datenschutzfilter konnte nicht laufen; nichts wurde weitergegeben",
    6: "Eingabe (Datei, Text, Tabelle) nicht verarbeitbar, auch teilweise",
    7: "Konfiguration unbrauchbar (lotse.toml oder LOTSE_*-Variable)",
    8: "Suchindex lässt sich nicht öffnen",
    9: "Indikatorenkatalog fehlerhaft",
    10: "Referenzrechnung (R oder pandas) fehlgeschlagen",
    11: "Mindestens eine Prüfung von 'lotse doctor' ist fehlgeschlagen",
    12: "R-Code konnte nicht geprüft werden (Rscript fehlt oder der R-Parser scheiterte)",
    13: "Keine Code-Vorlage und kein Indikator passt zur Aufgabe",
    130: "Abgebrochen (Strg+C)",
}


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

    exit_code = 7


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


class SearchIndexError(LotseError):
    """The search index cannot be opened."""

    exit_code = 8


class CatalogueError(LotseError):
    """A catalogue file is missing, unreadable or violates the schema."""

    exit_code = 9


class ReferenceRunError(LotseError):
    """A reference implementation is missing, failed, or R is not available."""

    exit_code = 10


class ChecksFailed(LotseError):
    """At least one check of ``lotse doctor`` failed (the report says which)."""

    exit_code = 11


class RPolicyError(LotseError):
    """R is missing or its parser failed, so an R snippet cannot be checked."""

    exit_code = 12


class NoTemplateError(LotseError):
    """Neither a catalogue indicator nor an analysis template fits the task or the table."""

    exit_code = 13


#: Click's own usage errors (unknown option, missing argument) and Ctrl+C.
USAGE_EXIT_CODE = 2
ABORT_EXIT_CODE = 130
