"""``lotse data``: read a statistical table (GENESIS/Regionaldatenbank, CSV, XLSX) and show or tidy it."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group("data")
def data() -> None:
    """Tabellen lesen: GENESIS/Regionaldatenbank-Exporte (CSV, XLSX, Flat), eigene CSV/Excel.

    Beispiele: lotse data inspect 21111-02-06-4.csv · lotse data tidy 21111-02-06-4.csv -o lang.csv
    """


@data.command("inspect")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.pass_obj
def inspect(app, file: Path, as_json: bool) -> None:
    """Aufbau einer Tabelle zeigen: Tabellencode, Titel, Spalten, Zeilen, Regionen, Jahre, Sonderzeichen."""
    summary = app.service.inspect_table(file)
    if as_json:
        click.echo(json.dumps(summary.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(summary.to_text())


@data.command("tidy")
@click.argument("file", type=click.Path(path_type=Path))
@click.option("-o", "--out", "out", type=click.Path(path_type=Path), required=True,
              help="Ausgabedatei (CSV im Langformat: eine Zeile je Wert).")
@click.option("--json", "as_json", is_flag=True, help="Ergebnis als JSON.")
@click.pass_obj
def tidy(app, file: Path, out: Path, as_json: bool) -> None:
    """Tabelle ins Langformat bringen (Zeit, Regionalschlüssel, Region, Ebene, Merkmale, Wert, Zeichen)."""
    result = app.service.tidy_table(file, out)
    click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2) if as_json else result.to_text())
