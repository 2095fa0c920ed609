"""``lotse report``: a report draft with chart, German text and value table (DOCX or Markdown)."""

from __future__ import annotations

import json
import re
from pathlib import Path

import click


def _split(values: tuple[str, ...]) -> list[str]:
    return [v for value in values for v in re.split(r"[,;\s]+", value.strip()) if v]


def _years(values: tuple[str, ...]) -> tuple[int, ...]:
    years: list[int] = []
    for item in _split(values):
        match = re.fullmatch(r"(\d{4})(?:[-–](\d{4}))?", item)
        if not match:
            raise click.BadParameter(f"'{item}' ist kein Jahr; erlaubt sind z. B. 2023, 2019-2023.",
                                     param_hint="--years")
        first, last = int(match.group(1)), int(match.group(2) or match.group(1))
        years.extend(range(min(first, last), max(first, last) + 1))
    return tuple(sorted(set(years)))


def _columns(values: tuple[str, ...]) -> dict[str, str]:
    out = {}
    for item in values:
        name, sep, label = item.partition("=")
        if not sep or not name.strip() or not label.strip():
            raise click.BadParameter(f"'{item}' hat nicht die Form NAME=SPALTE, z. B. "
                                     "plaetze=\"Verfügbare Plätze\".", param_hint="--spalte")
        out[name.strip()] = label.strip()
    return out


def _threshold(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value.replace(",", "."))
    except ValueError:
        raise click.BadParameter(f"'{value}' ist keine Zahl (z. B. 1,5).", param_hint="--schwelle") from None


@click.command("report")
@click.option("--indicator", "-i", required=True, help="Indikator-ID aus dem Katalog, z. B. D15.1.")
@click.option("--data", "-d", required=True, type=click.Path(dir_okay=False, path_type=Path),
              help="Tabelle (Regionaldatenbank-Export als CSV/XLSX).")
@click.option("--region", "-r", required=True, help="Regionalschlüssel der Berichtsregion, z. B. 14511.")
@click.option("--compare", "-c", multiple=True,
              help="Vergleichsregionen (Schlüssel; mehrfach oder mit Komma: 14713,14612).")
@click.option("--years", "--jahre", "years", multiple=True, help="Jahre, z. B. 2023 oder 2019-2023.")
@click.option("--out", "-o", required=True, type=click.Path(path_type=Path),
              help="Ausgabe: bericht.docx oder bericht.md (Diagramm als PNG daneben).")
@click.option("--wert", "value", default=None,
              help="Ausgabespalte des Indikators, wenn nicht der Hauptwert (z. B. einrichtungen).")
@click.option("--spalte", "columns", multiple=True,
              help="Eingabe einer Tabellenspalte zuordnen: NAME=SPALTE (mehrfach möglich).")
@click.option("--schwelle", default=None,
              help="Ab diesem Unterschied gilt ein Vergleich als bemerkenswert (Prozentpunkte bei "
                   "Anteilen; Standard 1, sonst 5 % des Werts).")
@click.option("--nur-vorlagen", "templates_only", is_flag=True,
              help="Text nur aus den Vorlagen, auch wenn ein Instruct-Modell eingestellt ist.")
@click.option("--json", "as_json", is_flag=True,
              help="Text, Fakten mit Herkunft jeder Zahl und Prüfergebnisse als JSON.")
@click.pass_obj
def report(app, indicator: str, data: Path, region: str, compare: tuple[str, ...],
           years: tuple[str, ...], out: Path, value: str | None, columns: tuple[str, ...],
           schwelle: str | None, templates_only: bool, as_json: bool) -> None:
    """Berichtsentwurf: Diagramm, deutscher Text (jede Zahl geprüft), Wertetabelle, Quelle.

    Beispiel: lotse report --indicator D15.1 --data 21111-02-06-4.csv --region 14511
    --compare 14713,14612 --out bericht.docx
    """
    result = app.service.draft_report(
        indicator, data, region, out, compare=_split(compare), years=_years(years), value=value,
        columns=_columns(columns), threshold=_threshold(schwelle), use_model=not templates_only)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(f"Bericht geschrieben: {result.path}")
    if result.chart:
        click.echo(f"Diagramm: {result.chart}")
    numbers = sum(len(c.numbers) for c in result.checks if c.kept)
    click.echo(f"Text aus: {result.text_origin}; {numbers} Zahlen im Text, jede in der berechneten "
               f"Tabelle belegt; {len(result.dropped)} Satz/Sätze weggelassen.")
    for note in result.notes:
        click.echo(f"Hinweis: {note}")
