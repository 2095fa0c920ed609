"""``lotse ingest``: read own documents (PDF, DOCX, Markdown, HTML, text) into the search index."""

from __future__ import annotations

import json

import click


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--remove", "remove", multiple=True, metavar="QUELLE",
              help="Eine Quelle (Name oder Pfad) aus dem Index entfernen; mehrfach möglich.")
@click.option("--json", "as_json", is_flag=True, help="Ergebnis als JSON.")
@click.pass_obj
def ingest(app, paths: tuple[str, ...], remove: tuple[str, ...], as_json: bool) -> None:  # noqa: ANN001
    """Dateien oder Ordner einlesen, damit 'lotse ask' aus ihnen antwortet.

    Unveränderte Dateien werden übersprungen; eine geänderte Datei ersetzt ihre alte Fassung.

    Beispiel: lotse ingest Anwendungsleitfaden.pdf ~/Dokumente/Schulnetzplan.docx
    """
    from assistant.errors import InputError

    if not paths and not remove:
        raise click.UsageError("Bitte Dateien oder Ordner angeben, z. B. lotse ingest bericht.pdf")

    def done(source: str) -> None:
        if not as_json:
            click.echo(f"✔ eingelesen: {source}", err=True)

    result = app.service.ingest(paths, remove=remove, on_file=done)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
    else:
        if result.ingested:
            for source in result.unchanged:
                click.echo(f"= unverändert: {source}")
            click.echo(f"{len(result.added)} Datei(en) eingelesen ({result.chunks} Abschnitte), "
                       f"{len(result.unchanged)} unverändert.")
        for source in result.removed:
            click.echo(f"✔ entfernt: {source}")
        for error in result.errors:
            click.echo(f"✘ {error.message}", err=True)
    if result.errors:
        raise InputError(f"{len(result.errors)} Datei(en) oder Quelle(n) konnten nicht verarbeitet "
                         "werden (siehe ✘ oben).",
                         "Korrigieren Sie sie und rufen Sie 'lotse ingest' für diese erneut auf.")
