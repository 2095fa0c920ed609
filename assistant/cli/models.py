"""``lotse models``: the active model and recommended bigger open models."""

from __future__ import annotations

import json

import click


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.pass_obj
def models(app, as_json: bool) -> None:
    """Aktives Modell und empfohlene größere Modelle (selbst herunterladen, dann eintragen)."""
    from assistant.llm import local_profile
    from assistant.llm.profiles import RECOMMENDED

    llm = app.settings.llm
    if llm.backend == "openai_compat":
        active = {"backend": llm.backend, "model": llm.model_name, "server": llm.base_url,
                  "profile": llm.profile or "instruct"}
    elif llm.backend == "fake":
        active = {"backend": "fake", "model": "fake", "profile": llm.profile or "instruct"}
    else:
        profile = local_profile(app.settings)
        active = {"backend": llm.backend, "model": profile.id,
                  "path": str(llm.model_path) if llm.model_path else "eingebaut (pip-Paket)",
                  "profile": profile.kind}
    recommended = [
        {"name": r.name, "file": r.gguf, "size_gb": r.size_gb, "ram_gb": r.ram_gb, "note": r.note}
        for r in RECOMMENDED
    ]
    if as_json:
        click.echo(json.dumps({"active": active, "recommended": recommended}, ensure_ascii=False,
                              indent=2))
        return
    click.echo("Aktives Modell:")
    for key, value in active.items():
        click.echo(f"  {key:8} {value}")
    click.echo("\nEmpfohlene größere Modelle für Deutsch (GGUF, Q4_K_M; selbst herunterladen):")
    for r in RECOMMENDED:
        click.echo(f"  {r.name:32} {r.size_gb:4.1f} GB Datei, ≥ {r.ram_gb:2d} GB RAM  – {r.note}")
    click.echo("\nEinrichten: llm.model_path = \"/pfad/modell.gguf\" und llm.profile = \"instruct\" "
               "in lotse.toml (siehe models/README.md).")
