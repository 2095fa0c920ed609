"""``lotse doctor``: check the installation; exit 1 when a check fails."""

from __future__ import annotations

import json
import sys

import click

SYMBOL = {"ok": "✔", "warn": "!", "fail": "✘"}


@click.command()
@click.option("--json", "as_json", is_flag=True, help="Ausgabe als JSON.")
@click.pass_obj
def doctor(app, as_json: bool) -> None:
    """Installation prüfen: Modell, Profil, Tempo, Datenordner, R, Netzwerkschutz."""
    from assistant.doctor import run_checks
    from assistant.service import Lotse

    lotse = Lotse(app.settings)
    checks = run_checks(lotse.settings, lambda: lotse.backend)
    failed = any(c.status == "fail" for c in checks)
    if as_json:
        click.echo(json.dumps({"ok": not failed, "checks": [c.as_dict() for c in checks]},
                              ensure_ascii=False, indent=2))
    else:
        for c in checks:
            click.echo(f"{SYMBOL[c.status]} {c.name}: {c.detail}")
        click.echo("\nAlles bereit." if not failed else "\nMindestens eine Prüfung ist fehlgeschlagen.")
    if failed:
        sys.exit(1)
