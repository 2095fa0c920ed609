"""``lotse ingest``: read own documents (PDF, DOCX, Markdown, HTML, text) into the search index."""

from __future__ import annotations

import json
import sys

import click


@click.command()
@click.argument("paths", nargs=-1, type=click.Path(path_type=str))
@click.option("--remove", "remove", multiple=True, metavar="QUELLE",
              help="Eine Quelle (Name oder Pfad) aus dem Index entfernen; mehrfach möglich.")
@click.option("--json", "as_json", is_flag=True, help="Ergebnis als JSON.")
@click.pass_obj
def ingest(app, paths: tuple[str, ...], remove: tuple[str, ...], as_json: bool) -> None:
    """Dateien oder Ordner einlesen, damit 'lotse ask' aus ihnen antwortet.

    Unveränderte Dateien werden übersprungen; eine geänderte Datei ersetzt ihre alte Fassung.

    Beispiel: lotse ingest Anwendungsleitfaden.pdf ~/Dokumente/Schulnetzplan.docx
    """
    from pathlib import Path

    from assistant.service import Lotse

    if not paths and not remove:
        raise click.UsageError("Bitte Dateien oder Ordner angeben, z. B. lotse ingest bericht.pdf")
    lotse = Lotse(app.settings)
    index = lotse.index
    index.ensure_knowledge()
    removed, missing = [], []
    for source in remove:
        (removed if index.remove(source) else missing).append(source)

    def done(source: str) -> None:
        if not as_json:
            click.echo(f"✔ eingelesen: {source}", err=True)

    report = index.ingest([Path(p) for p in paths], on_file=done) if paths else None
    errors = [{"path": p, "message": m} for p, m in (report.errors if report else [])]
    errors += [{"path": s, "message": f"Die Quelle '{s}' ist nicht im Index."} for s in missing]
    if as_json:
        click.echo(json.dumps({
            "added": report.added if report else [], "unchanged": report.unchanged if report else [],
            "removed": removed, "chunks": report.chunks if report else 0, "errors": errors,
        }, ensure_ascii=False, indent=2))
    else:
        if report:
            for source in report.unchanged:
                click.echo(f"= unverändert: {source}")
            click.echo(f"{len(report.added)} Datei(en) eingelesen ({report.chunks} Abschnitte), "
                       f"{len(report.unchanged)} unverändert.")
        for source in removed:
            click.echo(f"✔ entfernt: {source}")
        for error in errors:
            click.echo(f"✘ {error['message']}", err=True)
    if errors:
        sys.exit(6)
