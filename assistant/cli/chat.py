"""``lotse chat``: a question to the configured model, answer streamed."""

from __future__ import annotations

import click


@click.command()
@click.argument("question", nargs=-1, required=True)
@click.pass_obj
def chat(app, question: tuple[str, ...]) -> None:
    """Frage an das Sprachmodell stellen; die Antwort erscheint Wort für Wort.

    Beispiel: lotse chat "Was ist ein Bildungsbericht?"
    """
    text = " ".join(question).strip()
    if not text:
        raise click.UsageError("Bitte eine Frage angeben, z. B. lotse chat \"Was ist ein Bildungsbericht?\"")
    lotse = app.service
    notice = lotse.chat_notice()
    if notice:
        click.echo(notice, err=True)
    for piece in lotse.chat(text):
        click.echo(piece, nl=False)
    click.echo()
