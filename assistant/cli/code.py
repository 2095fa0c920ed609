"""``lotse code``: validated pandas or R code for an indicator or a free task on the user's table."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.command()
@click.argument("task", required=False)
@click.option("--indicator", "indicator", default=None, help="Katalog-ID, z. B. D15.1.")
@click.option("--data", "data", required=True, type=click.Path(path_type=Path),
              help="Ihre Tabelle (Regionaldatenbank-Export oder CSV).")
@click.option("--lang", "language", type=click.Choice(["pandas", "r"]), default="pandas", show_default=True,
              help="Sprache des Codes.")
@click.option("--region", "regions", multiple=True,
              help="Regionalschlüssel (mehrfach oder durch Leerzeichen getrennt), z. B. --region 01001.")
@click.option("--entwurf", "draft", type=click.Choice(["vorlage", "modell"]), default="vorlage",
              show_default=True, help="Wer den ersten Entwurf schreibt (modell: nur Instruct-Modelle; "
              "geprüft wird immer gegen die Referenz).")
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.option("--out", "out", type=click.Path(path_type=Path), default=None,
              help="Code zusätzlich als .py, .ipynb oder .R speichern.")
@click.pass_obj
def code(app, task: str | None, indicator: str | None, data: Path, language: str, regions: tuple[str, ...],
         draft: str, as_json: bool, out: Path | None) -> None:
    """Code erzeugen und prüfen: lotse code --indicator D15.1 --data tabelle.csv [--lang r]
    oder lotse code "Welcher Kreis hat den höchsten Anteil …?" --data tabelle.csv"""
    from assistant.codegen.output import check_target, write_snippet
    from assistant.service import Lotse

    if out is not None:
        check_target(out, language)
    keys = [k for value in regions for k in value.replace(",", " ").split()]
    lotse = Lotse(app.settings)
    result = lotse.generate_code(data, indicator=indicator, task=task, language=language, regions=keys,
                                 draft="model" if draft == "modell" else "template")
    if out is not None:
        write_snippet(result, out)
    if as_json:
        click.echo(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
    else:
        click.echo(result.code)
        click.echo("# " + "-" * 70)
        for check in result.checks:
            click.echo(f"# [{'ok' if check.passed else 'FEHLER'}] {check.name}: {check.detail}")
        click.echo(result.message, err=True)
        if out is not None:
            click.echo(f"Gespeichert: {out}", err=True)
    if not result.validated:
        raise SystemExit(9)
