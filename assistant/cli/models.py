"""``lotse models``: the active model and recommended bigger open models."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.pass_obj
def models(app, as_json: bool) -> None:  # noqa: ANN001
    """Aktives Modell und empfohlene größere Modelle (selbst herunterladen, dann eintragen)."""
    info = app.service.models()
    if as_json:
        click.echo(json.dumps(info.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo("Aktives Modell:")
    for key, value in info.active.as_dict().items():
        click.echo(f"  {key:8} {value}")
    click.echo("\nEmpfohlene größere Modelle für Deutsch (GGUF, Q4_K_M; selbst herunterladen):")
    for r in info.recommended:
        click.echo(f"  {r.name:32} {r.size_gb:4.1f} GB Datei, ≥ {r.ram_gb:2d} GB RAM  – {r.note}")
    click.echo("\nEinrichten: llm.model_path = \"/pfad/modell.gguf\" und llm.profile = \"instruct\" "
               "in lotse.toml (siehe models/README.md).")
