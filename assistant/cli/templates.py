"""``lotse templates``: list and show the code templates (built-in and your own folder)."""

from __future__ import annotations

import json

import click
import yaml


@click.group()
def templates() -> None:
    """Code-Vorlagen: Indikator-Code (pandas, R), Analysen, Lesecode, Modell-Prompts.

    Eigene Vorlagen: Ordner in lotse.toml unter [codegen] templates_dir (gleiches Schema)."""


@templates.command("list")
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.pass_obj
def list_(app, as_json: bool) -> None:
    """Alle Code-Vorlagen und Modell-Prompts auflisten."""
    from assistant.service import Lotse

    lotse = Lotse(app.settings)
    code = lotse.code_templates.all()
    prompts = lotse.templates.all()
    if as_json:
        click.echo(json.dumps(
            [{"id": t.id, "version": t.version, "kind": t.kind, "language": t.language, "purpose": t.purpose,
              "origin": t.origin} for t in code]
            + [{"id": p.id, "version": p.version, "kind": "prompt", "language": None,
                "purpose": p.description.strip(), "origin": "prompts"} for p in prompts],
            ensure_ascii=False, indent=2))
        return
    for kind, title in (("indicator", "Indikatoren"), ("analysis", "Analysen"), ("loader", "Datei lesen")):
        click.echo(f"\n{title}:")
        for t in (t for t in code if t.kind == kind):
            click.echo(f"  {t.id:<22} v{t.version} {t.language:<6} {t.purpose.strip()[:90]}")
    click.echo("\nModell-Prompts:")
    for p in prompts:
        click.echo(f"  {p.id:<22} v{p.version} {' '.join(p.description.split())[:90]}")
    click.echo("\nDetails: lotse templates show ID")


@templates.command()
@click.argument("template_id")
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.pass_obj
def show(app, template_id: str, as_json: bool) -> None:
    """Eine Vorlage vollständig zeigen: Zweck, Variablen, Ausgabevertrag, Code."""
    from assistant.errors import ConfigError
    from assistant.service import Lotse

    lotse = Lotse(app.settings)
    try:
        data = lotse.code_templates.get(template_id).to_dict()
    except ConfigError:
        try:
            data = lotse.templates.get(template_id).model_dump()
        except ConfigError:
            raise ConfigError(f"Die Vorlage '{template_id}' gibt es nicht.",
                              "Alle Vorlagen zeigt 'lotse templates list'.") from None
    if as_json:
        click.echo(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        click.echo(yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100))
