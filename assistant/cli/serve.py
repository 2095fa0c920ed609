"""``lotse serve``: the web interface and the OpenAI-compatible API in one process."""

from __future__ import annotations

import getpass

import click


@click.command()
@click.option("--host", default=None, help="Adresse (Voreinstellung 127.0.0.1: nur dieser Rechner).")
@click.option("--port", type=int, default=None, help="Port (Voreinstellung 7860).")
@click.option("--passwort-hash", "password_hash", is_flag=True,
              help="Nur einen Passwort-Hash für [ui] users erzeugen und ausgeben.")
@click.pass_obj
def serve(app, host: str | None, port: int | None, password_hash: bool) -> None:
    """Weboberfläche und OpenAI-kompatible Schnittstelle starten.

    Die Oberfläche liegt unter http://127.0.0.1:7860/, die Schnittstelle unter /v1
    (Modellname 'lotse'). Beenden mit Strg+C.
    """
    from assistant.web.server import hash_password, is_loopback, serve as run

    if password_hash:
        password = getpass.getpass("Passwort: ")
        if len(password) < 8:
            raise click.UsageError("Das Passwort braucht mindestens 8 Zeichen.")
        click.echo(hash_password(password))
        return
    lotse = app.service
    host = host or lotse.settings.ui.host
    port = port or lotse.settings.ui.port
    shown = host if is_loopback(host) or host not in ("0.0.0.0", "::") else "127.0.0.1"
    click.echo(f"Lotse startet: http://{shown}:{port}/ (Schnittstelle: http://{shown}:{port}/v1). "
               "Beenden mit Strg+C.", err=True)
    run(lotse, host, port, warn=lambda text: click.echo(text, err=True))
