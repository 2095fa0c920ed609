"""Entry point of the ``lotse`` command: a click group whose commands load on demand."""

from __future__ import annotations

import importlib
import os
import sys
from typing import Any

import click

from assistant import __version__

#: name -> ("module:attribute", short help). Help lives here so ``--help`` imports no command.
COMMANDS: dict[str, tuple[str, str]] = {
    "anonymize": ("assistant.cli.anonymize:anonymize", "Personenbezogene Daten in Text durch Platzhalter ersetzen."),
    "ask": ("assistant.cli.ask:ask", "Frage aus Leitfäden und eigenen Dokumenten beantworten, mit Quellen."),
    "chat": ("assistant.cli.chat:chat", "Frage an das Sprachmodell stellen (Antwort wird gestreamt)."),
    "indicator": ("assistant.cli.indicator:indicator", "Indikatorenkatalog: Formeln, Stichtage, Quellen, Tabellencodes."),
    "code": ("assistant.cli.code:code", "Geprüften pandas- oder R-Code für einen Indikator oder eine Aufgabe erzeugen."),
    "data": ("assistant.cli.data:data", "Tabellen lesen: GENESIS/Regionaldatenbank, CSV, Excel (inspect, tidy)."),
    "doctor": ("assistant.cli.doctor:doctor", "Installation prüfen: Modell, Datenordner, R, Netzwerkschutz."),
    "eval": ("assistant.cli.eval:eval_group", "Qualität messen: lotse eval retrieval (hit@k, MRR, Fakten)."),
    "ingest": ("assistant.cli.ingest:ingest", "Eigene Dokumente (PDF, DOCX, Markdown, HTML, Text) einlesen."),
    "models": ("assistant.cli.models:models", "Aktives Modell und empfohlene größere Modelle anzeigen."),
    "privacy": ("assistant.cli.privacy:privacy", "Tabellen prüfen: Personenspalten, Geheimhaltung, k-Anonymität."),
    "report": ("assistant.cli.report:report", "Berichtsentwurf: Diagramm, geprüfter Text, Tabelle (DOCX/Markdown)."),
    "templates": ("assistant.cli.templates:templates", "Code-Vorlagen anzeigen (eingebaute und eigene)."),
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


class AppContext:
    """Per-invocation state: the settings are loaded once, when a command first needs them."""

    def __init__(self, config: str | None) -> None:
        self.config = config
        self._settings: Any = None

    @property
    def settings(self) -> Any:
        if self._settings is None:
            from assistant import egress
            from assistant.settings import load_settings

            self._settings = load_settings(self.config)
            egress.allow(self._settings.network.allowed_hosts)
        return self._settings


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
    ctx.obj = AppContext(config)


def main(argv: list[str] | None = None) -> None:
    from assistant import egress

    egress.install()
    debug = os.environ.get("LOTSE_DEBUG") == "1"
    try:
        cli.main(args=argv, prog_name="lotse", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Abgebrochen.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except KeyboardInterrupt:
        click.echo("\nAbgebrochen.", err=True)
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - the one place that turns errors into messages
        from assistant.errors import LotseError

        if debug:
            raise
        if isinstance(exc, LotseError):
            click.echo(f"Fehler: {exc.message}", err=True)
            if exc.hint:
                click.echo(exc.hint, err=True)
            sys.exit(exc.exit_code)
        click.echo(
            f"Unerwarteter Fehler ({type(exc).__name__}): {exc}. "
            "Mit LOTSE_DEBUG=1 sehen Sie die Einzelheiten.", err=True)
        sys.exit(1)
    sys.exit(0)


if __name__ == "__main__":  # pragma: no cover
    main()
