"""``lotse privacy``: the privacy gate for tables on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import click

_KIND_TEXT = {
    "PERSON": "Personenname", "DATE_OF_BIRTH": "Geburtsdatum", "ADDRESS": "Anschrift",
    "EMAIL_ADDRESS": "E-Mail-Adresse", "PHONE_NUMBER": "Telefonnummer", "IBAN_CODE": "IBAN/Bankverbindung",
    "DE_TAX_ID": "Steuer-ID", "SOCIAL_ID": "Sozialversicherungs-/Ausweisnummer",
    "STUDENT_ID": "Schüler- oder Kindernummer", "ID_NUMBER": "Kennnummer einer Person", "FREE_TEXT": "Freitext",
    "BIRTH_YEAR": "Geburtsjahr", "AGE": "Alter", "GENDER": "Geschlecht",
    "NATIONALITY": "Staatsangehörigkeit/Herkunft", "SPECIAL_NEEDS": "Förderbedarf/Gesundheit",
    "RELIGION": "Religion", "SOCIAL_BENEFITS": "Sozialleistungen", "LANGUAGE": "Sprache",
    "GRADE": "Jahrgangsstufe", "CLASS": "Klasse", "SCHOOL": "Schule/Einrichtung",
    "POSTCODE": "Postleitzahl", "PLACE": "Wohnort/Gebiet", "DATE": "Datum",
}


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
    from assistant.errors import InputError
    from assistant.privacy.tables import check_table_file

    if out is not None and file.exists() and out.resolve() == file.resolve():
        raise InputError("--out zeigt auf die Eingabedatei; Lotse überschreibt Ihre Tabelle nicht.",
                         "Geben Sie für die bereinigte Tabelle einen anderen Dateinamen an.")
    kind = None if aggregate is None else ("aggregate" if aggregate else "microdata")
    result = check_table_file(file, app.settings, mode=mode, table_kind=kind,
                              birth_year=birth_year)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        result.cleaned.to_csv(out, sep=";", index=False, encoding="utf-8-sig")
    if as_json:
        data = result.to_dict()
        data["written_to"] = str(out) if out else None
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    _print_report(result, out)


def _print_report(result, out: Path | None) -> None:  # noqa: ANN001
    from assistant.privacy.tables import ACTION_TEXT

    kind = "Aggregattabelle (Fallzahlen)" if result.table_kind == "aggregate" else "Einzeldaten"
    click.echo(f"Tabelle: {result.rows} Zeilen, {len(result.columns)} Spalten – {kind} "
               f"({result.table_kind_reason}).")
    for note in result.notes:
        click.echo(f"  {note}")
    direct = [c for c in result.columns if c.role == "direct"]
    click.echo("\nPersonenbezogene Spalten:" if direct else "\nKeine personenbezogenen Spalten "
               "gefunden.")
    for c in direct:
        evidence = {"name": "am Spaltennamen", "values": "an den Werten",
                    "name+values": "an Spaltenname und Werten"}.get(c.evidence, c.evidence)
        share = f", {c.share:.0%} der geprüften Werte" if c.share is not None else ""
        click.echo(f"  - '{c.column}': {_KIND_TEXT.get(c.kind, c.kind)} (erkannt {evidence}"
                   f"{share}) -> {ACTION_TEXT.get(c.action, c.action)}"
                   f"{f' (<{c.kind}_n>)' if c.action == 'pseudonymize' else ''}")
    quasi = [c for c in result.columns if c.role == "quasi"]
    if quasi:
        click.echo("\nQuasi-Identifikatoren (unverändert, nur gemeldet): " + ", ".join(
            f"'{c.column}' ({_KIND_TEXT.get(c.kind, c.kind)})" for c in quasi))
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
