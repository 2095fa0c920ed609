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
    from assistant.service import Lotse

    index = Lotse(ctx.obj.settings).index
    index.ensure_knowledge()
    records = sorted(index.store.records().values(), key=lambda r: (r.origin != "user", r.source))
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
def remove(app, source: str) -> None:
    """Eine Quelle (Name wie in 'lotse sources' oder Pfad) aus dem Index entfernen."""
    from assistant.errors import InputError
    from assistant.service import Lotse

    index = Lotse(app.settings).index
    removed = index.remove(source)
    if removed is None:
        raise InputError(f"Die Quelle '{source}' ist nicht im Index.",
                         "Die vorhandenen Quellen zeigt 'lotse sources'.")
    click.echo(f"✔ entfernt: {removed}")
