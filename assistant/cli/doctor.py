"""``lotse doctor``: check the installation; a failed check ends with its own exit code."""

from __future__ import annotations

import json

import click

SYMBOL = {"ok": "✔", "warn": "!", "fail": "✘"}


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.pass_obj
def doctor(app, as_json: bool) -> None:  # noqa: ANN001
    """Installation prüfen: Modell, Profil, Tempo, Datenordner, R, Netzwerkschutz."""
    from assistant.errors import ChecksFailed

    report = app.service.doctor()
    if as_json:
        click.echo(json.dumps(report.as_dict(), ensure_ascii=False, indent=2))
    else:
        for c in report.checks:
            click.echo(f"{SYMBOL[c.status]} {c.name}: {c.detail}")
        if report.ok:
            click.echo("\nAlles bereit.")
    if not report.ok:
        failed = [c.name for c in report.checks if c.status == "fail"]
        raise ChecksFailed(f"Mindestens eine Prüfung ist fehlgeschlagen ({', '.join(failed)}).",
                           "Die Zeilen mit ✘ sagen, was zu tun ist; danach 'lotse doctor' erneut.")
