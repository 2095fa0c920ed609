"""``lotse privacy``: the privacy gate for tables on the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import click


@click.group("privacy")
def privacy() -> None:
    """Datenschutzprüfung für Tabellen: Personenspalten, Geheimhaltung, k-Anonymität."""


@privacy.command("check-table")
@click.argument("file", type=click.Path(path_type=Path))  # checks (German) in read_table
@click.option("--json", "as_json", is_flag=True, help="Ergebnis als JSON ausgeben (ohne Zellwerte).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Bereinigte Tabelle als CSV (Semikolon, UTF-8) hierhin schreiben.")
@click.option("--pseudonymize", "mode", flag_value="pseudonymize", default=True,
              help="Personenspalten durch Platzhalter wie <PERSON_1> ersetzen (Standard).")
@click.option("--drop", "mode", flag_value="drop", help="Personenspalten entfernen.")
@click.option("--aggregate/--microdata", "aggregate", default=None,
              help="Tabellenart vorgeben: Fallzahltabelle oder Einzeldaten (sonst erkannt).")
@click.option("--birth-year/--no-birth-year", default=True, show_default=True,
              help="Geburtsdaten auf das Geburtsjahr verallgemeinern statt sie zu ersetzen.")
@click.pass_obj
def check_table(app, file: Path, as_json: bool, out: Path | None, mode: str,  # noqa: ANN001
                aggregate: bool | None, birth_year: bool) -> None:
    """Tabelle prüfen, bevor ein Sprachmodell sie sieht.

    Findet Spalten mit Namen, Geburtsdaten, Anschriften, Kontakt- und Kennnummern, ersetzt oder
    entfernt sie, sperrt kleine Fallzahlen (1 und 2) in Aggregattabellen samt sekundärer
    Geheimhaltung und meldet seltene Merkmalskombinationen (k-Anonymität).
    """
    kind = None if aggregate is None else ("aggregate" if aggregate else "microdata")
    result = app.service.check_table(file, mode=mode, table_kind=kind, birth_year=birth_year,
                                     out=out)
    if as_json:
        data = result.to_dict()
        data["written_to"] = str(out) if out else None
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_report(result, out)


def _print_report(result: Any, out: Path | None) -> None:
    for line in result.report_lines():
        click.echo(line)
    if out is not None:
        click.echo(f"\nBereinigte Tabelle geschrieben: {out}")
    else:
        click.echo("\nMit --out DATEI.csv speichern Sie die bereinigte Tabelle.")
