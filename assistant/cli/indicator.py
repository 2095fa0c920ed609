"""``lotse indicator``: list, show and search the indicator catalogue (deterministic, no model)."""

from __future__ import annotations

import json
from typing import Any

import click


def _row(ind: Any) -> str:
    refs = "R+pandas" if ind.computable else "–"
    return f"{ind.id:<6} {ind.name}  [{ind.stage}, {ind.kind}, Referenz: {refs}]"


def _summary(ind: Any) -> dict:
    return {"id": ind.id, "name": ind.name, "area": ind.area, "topic": ind.topic,
            "stage": ind.stage, "kind": ind.kind, "id_status": ind.id_status,
            "computable": ind.computable}


@click.group()
def indicator() -> None:
    """Indikatorenkatalog: Definition, Formel, Stichtag, Datenquellen, Tabellencodes.

    Beispiele: lotse indicator show C7.1 · lotse indicator search "Betreuungsquote"
    """


@indicator.command("list")
@click.option("--area", "area", default=None, help="Nur ein Bildungsbereich (A–I), z. B. --area D.")
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.pass_obj
def list_(app, area: str | None, as_json: bool) -> None:
    """Alle Indikatoren (oder die eines Bereichs) auflisten."""
    listing = app.service.indicators(area)
    items = listing.indicators
    if as_json:
        click.echo(json.dumps([_summary(i) for i in items], ensure_ascii=False, indent=2))
        return
    current = None
    for ind in items:
        if ind.area != current:
            current = ind.area
            click.echo(f"\n{ind.area} – {ind.area_name}")
        click.echo("  " + _row(ind))
    if listing.gaps:
        click.echo("\nLücken (bewusst nicht belegt):")
        for a, gaps in listing.gaps.items():
            for gap in gaps:
                click.echo(f"  {a}: {gap}")
    click.echo(f"\n{len(items)} Indikatoren. Details: lotse indicator show <ID>")


@indicator.command()
@click.argument("indicator_id")
@click.option("--json", "as_json", is_flag=True, help="Vollständiger Eintrag als JSON.")
@click.pass_obj
def show(app, indicator_id: str, as_json: bool) -> None:
    """Einen Eintrag vollständig zeigen: Formel, Stichtag, Quellen, Tabellencodes, Vorsicht."""
    ind = app.service.indicator(indicator_id)
    if as_json:
        click.echo(json.dumps(ind.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(ind.to_text())


@indicator.command()
@click.argument("query", nargs=-1, required=True)
@click.option("--limit", default=10, show_default=True, help="Höchstens so viele Treffer.")
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.pass_obj
def search(app, query: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Im Katalog nach Namen, Synonymen und Definitionen suchen."""
    text = " ".join(query).strip()
    hits = app.service.search_indicators(text, limit=limit)
    if as_json:
        click.echo(json.dumps([_summary(i) for i in hits], ensure_ascii=False, indent=2))
        return
    if not hits:
        click.echo(f"Kein Indikator passt zu '{text}'. Versuchen Sie ein anderes Stichwort oder "
                   "'lotse indicator list'.")
        return
    for ind in hits:
        click.echo(_row(ind))
