"""Entry point of the ``lotse`` command: a click group whose commands load on demand.

How a command gets its work done (for anyone adding one, e.g. ``lotse data`` in cli/data.py):

1. Add the operation as a method of :class:`assistant.service.Lotse` with typed inputs and a typed
   result (a frozen dataclass in :mod:`assistant.results` or the room's own value).
2. Write the click command in its own module under ``assistant/cli/``; take the click context
   object with ``@click.pass_obj`` and call ``app.service.<method>(...)``. Import nothing from
   the rooms (privacy, retrieval, answers, catalogue, llm) except for type hints under
   ``TYPE_CHECKING``; tests/test_architecture.py checks that.
3. Register it in :data:`COMMANDS` below ("module:attribute", German one-line help).
4. Raise errors from :mod:`assistant.errors`; :func:`main` turns them into a German message and
   the exit code of their class (the table is in README.md).

Tests run a command against their own service, e.g. with the fake backend:
``CliRunner().invoke(cli, ["ask", "..."], obj=AppContext.of(Lotse(settings)))``.
"""

from __future__ import annotations

import importlib
import os
import sys
from typing import TYPE_CHECKING, Callable

import click

from assistant import __version__
from assistant.errors import ABORT_EXIT_CODE, USAGE_EXIT_CODE, LotseError

if TYPE_CHECKING:
    from assistant.service import Lotse

#: name -> ("module:attribute", short help). Help lives here so ``--help`` imports no command.
COMMANDS: dict[str, tuple[str, str]] = {
    "anonymize": ("assistant.cli.anonymize:anonymize", "Personenbezogene Daten in Text durch Platzhalter ersetzen."),
    "ask": ("assistant.cli.ask:ask", "Frage aus Leitfäden und eigenen Dokumenten beantworten, mit Quellen."),
    "chat": ("assistant.cli.chat:chat", "Frage an das Sprachmodell stellen (Antwort wird gestreamt)."),
    "indicator": ("assistant.cli.indicator:indicator", "Indikatorenkatalog: Formeln, Stichtage, Quellen, Tabellencodes."),
    "code": ("assistant.cli.code:code", "Geprüften pandas- oder R-Code für einen Indikator oder eine Aufgabe erzeugen."),
    "data": ("assistant.cli.data:data", "Tabellen lesen: GENESIS/Regionaldatenbank, CSV, Excel (inspect, tidy)."),
    "doctor": ("assistant.cli.doctor:doctor", "Installation prüfen: Modell, Datenordner, R, Netzwerkschutz."),
    "einstieg": ("assistant.cli.guide:einstieg", "Leitfaden für den Einstieg: DKBM, Monitoring, Indikatoren, Datenschutz, KI."),
    "eval": ("assistant.cli.eval:eval_group", "Qualität messen: lotse eval retrieval (hit@k, MRR, Fakten)."),
    "ingest": ("assistant.cli.ingest:ingest", "Eigene Dokumente (PDF, DOCX, Markdown, HTML, Text) einlesen."),
    "kompass": ("assistant.cli.guide:kompass", "DKBM-Kompass: Selbsteinschätzung (Typ I–IV) mit nächsten Schritten."),
    "models": ("assistant.cli.models:models", "Aktives Modell und empfohlene größere Modelle anzeigen."),
    "privacy": ("assistant.cli.privacy:privacy", "Tabellen prüfen: Personenspalten, Geheimhaltung, k-Anonymität."),
    "report": ("assistant.cli.report:report", "Berichtsentwurf: Diagramm, geprüfter Text, Tabelle (DOCX/Markdown)."),
    "templates": ("assistant.cli.templates:templates", "Code-Vorlagen anzeigen (eingebaute und eigene)."),
    "serve": ("assistant.cli.serve:serve", "Weboberfläche und OpenAI-kompatible Schnittstelle starten."),
    "sources": ("assistant.cli.sources:sources", "Eingelesene Quellen anzeigen oder entfernen."),
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in COMMANDS:
            return None
        target, _ = COMMANDS[cmd_name]
        module_name, attr = target.split(":")
        return getattr(importlib.import_module(module_name), attr)

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        rows = [(name, COMMANDS[name][1]) for name in self.list_commands(ctx)]
        with formatter.section("Befehle"):
            formatter.write_dl(rows)


def make_service(config: str | None) -> "Lotse":
    """The one factory of the service behind every command: settings from defaults, the TOML
    file (``--config`` or ./lotse.toml) and ``LOTSE_*`` variables."""
    from assistant.service import Lotse
    from assistant.settings import load_settings

    return Lotse(load_settings(config))


class AppContext:
    """Per-invocation state (click's ``ctx.obj``): the service, built once when a command first
    needs it, by ``factory`` (default :func:`make_service`).

    Tests hand in their own service: ``CliRunner().invoke(cli, args, obj=AppContext.of(lotse))``.
    """

    def __init__(self, config: str | None = None,
                 factory: "Callable[[str | None], Lotse] | None" = None) -> None:
        self.config = config
        self.factory = factory or make_service
        self._service: "Lotse | None" = None

    @classmethod
    def of(cls, service: "Lotse") -> "AppContext":
        return cls(factory=lambda _config: service)

    @property
    def service(self) -> "Lotse":
        if self._service is None:
            self._service = self.factory(self.config)
        return self._service


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--config", "config", type=click.Path(dir_okay=True), default=None,
              help="TOML-Konfigurationsdatei (sonst ./lotse.toml, falls vorhanden).")
@click.version_option(__version__, prog_name="lotse")
@click.pass_context
def cli(ctx: click.Context, config: str | None) -> None:
    """Lotse – lokaler Assistent für das kommunale Bildungsmonitoring.

    Alles läuft auf diesem Rechner: Texte und Tabellen passieren zuerst den Datenschutzfilter,
    kein Inhalt verlässt das Gerät.
    """
    if isinstance(ctx.obj, AppContext):  # handed in (tests, embedding applications)
        ctx.obj.config = config if config is not None else ctx.obj.config
    else:
        ctx.obj = AppContext(config)


def main(argv: list[str] | None = None) -> None:
    from assistant import egress

    egress.install()
    debug = os.environ.get("LOTSE_DEBUG") == "1"
    try:
        cli.main(args=argv, prog_name="lotse", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Abgebrochen.", err=True)
        sys.exit(ABORT_EXIT_CODE)
    except click.ClickException as exc:
        exc.show()
        sys.exit(USAGE_EXIT_CODE)
    except KeyboardInterrupt:
        click.echo("\nAbgebrochen.", err=True)
        sys.exit(ABORT_EXIT_CODE)
    except LotseError as exc:
        if debug:
            raise
        click.echo(f"Fehler: {exc.message}", err=True)
        if exc.hint:
            click.echo(exc.hint, err=True)
        sys.exit(exc.exit_code)
    except Exception as exc:  # noqa: BLE001 - the one place that turns errors into messages
        if debug:
            raise
        click.echo(
            f"Unerwarteter Fehler ({type(exc).__name__}): {exc}. "
            "Mit LOTSE_DEBUG=1 sehen Sie die Einzelheiten.", err=True)
        sys.exit(LotseError.exit_code)
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
