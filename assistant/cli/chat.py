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
    from assistant.service import Lotse

    text = " ".join(question).strip()
    if not text:
        raise click.UsageError("Bitte eine Frage angeben, z. B. lotse chat \"Was ist ein Bildungsbericht?\"")
    lotse = Lotse(app.settings)
    if not lotse.backend.profile.is_instruct:
        click.echo(
            "Hinweis: Das eingebaute Basismodell formuliert nur einfache Sätze und kann Fakten "
            "erfinden. Für belastbare Antworten mit Quellen nutzen Sie die Katalog- und "
            "Suchfunktionen; ein größeres Modell richten Sie nach models/README.md ein.",
            err=True,
        )
    for piece in lotse.chat(text):
        click.echo(piece, nl=False)
    click.echo()
