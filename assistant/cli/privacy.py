"""``lotse privacy``: the privacy gate for tables on the command line."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from assistant.privacy.tables.check import TableCheck


@click.group("privacy")
def privacy() -> None:
    """Datenschutzprüfung für Tabellen: Personenspalten, Geheimhaltung, k-Anonymität."""


@privacy.command("check-table")
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
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


def _print_report(result: TableCheck, out: Path | None) -> None:
    kind = "Aggregattabelle (Fallzahlen)" if result.table_kind == "aggregate" else "Einzeldaten"
    click.echo(f"Tabelle: {result.rows} Zeilen, {len(result.columns)} Spalten – {kind} "
               f"({result.table_kind_reason}).")
    for note in result.notes:
        click.echo(f"  {note}")
    direct = [c for c in result.columns if c.role == "direct"]
    click.echo("\nPersonenbezogene Spalten:" if direct else "\nKeine personenbezogenen Spalten "
               "gefunden.")
    for c in direct:
        share = f", {c.share:.0%} der geprüften Werte" if c.share is not None else ""
        click.echo(f"  - '{c.column}': {c.kind_text} (erkannt {c.evidence_text}"
                   f"{share}) -> {c.action_text}"
                   f"{f' (<{c.kind}_n>)' if c.action == 'pseudonymize' else ''}")
    quasi = [c for c in result.columns if c.role == "quasi"]
    if quasi:
        click.echo("\nQuasi-Identifikatoren (unverändert, nur gemeldet): " + ", ".join(
            f"'{c.column}' ({c.kind_text})" for c in quasi))
    if result.suppression is not None:
        s = result.suppression
        click.echo(f"\nGeheimhaltung: {s.primary} Felder primär gesperrt (1 bis {s.min_count - 1} "
                   f"Fälle), {s.secondary} Felder sekundär gesperrt, {s.zeros_visible} Nullen "
                   f"bleiben sichtbar; gesperrte Felder zeigen '.'.")
        click.echo(f"  Regel: {s.rule}")
    if result.table_kind == "microdata":
        if result.k_anonymity:
            click.echo(f"\nk-Anonymität (k = {result.k}): seltene Kombinationen gefunden.")
        elif any(c.role == "quasi" for c in result.columns):
            click.echo(f"\nk-Anonymität (k = {result.k}): jede Merkmalskombination umfasst "
                       f"mindestens {result.k} Zeilen.")
    if result.warnings:
        click.echo("\nHinweise:")
        for warning in result.warnings:
            click.echo(f"  - {warning}")
    if out is not None:
        click.echo(f"\nBereinigte Tabelle geschrieben: {out}")
    else:
        click.echo("\nMit --out DATEI.csv speichern Sie die bereinigte Tabelle.")
