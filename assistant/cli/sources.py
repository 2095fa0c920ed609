"""``lotse sources``: what the search index contains; ``lotse sources remove QUELLE``."""

from __future__ import annotations

import json

import click


@click.group(invoke_without_command=True)
@click.option("--json", "as_json", is_flag=True, help="Liste als JSON.")
@click.pass_context
def sources(ctx: click.Context, as_json: bool) -> None:
    """Eingelesene Quellen anzeigen (Leitfäden und eigene Dokumente)."""
    if ctx.invoked_subcommand is not None:
        return
    records = ctx.obj.service.sources()
    if as_json:
        click.echo(json.dumps([r.as_dict() for r in records], ensure_ascii=False, indent=2))
        return
    if not records:
        click.echo("Der Index ist leer. Dokumente einlesen mit: lotse ingest DATEI")
        return
    for r in records:
        kind = "eigenes Dokument" if r.origin == "user" else "Leitfaden"
        click.echo(f"{r.source}  ({kind}, {r.chunks} Abschnitte, {r.ingested_at[:10]})  {r.title}")


@sources.command("remove")
@click.argument("source")
@click.pass_obj
def remove(app, source: str) -> None:  # noqa: ANN001
    """Eine Quelle (Name wie in 'lotse sources' oder Pfad) aus dem Index entfernen."""
    click.echo(f"✔ entfernt: {app.service.remove_source(source)}")
