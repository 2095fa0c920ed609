"""``lotse ask``: an answer from the documents, with numbered sources."""

from __future__ import annotations

import json

import click


@click.command()
@click.argument("question", nargs=-1, required=True)
@click.option("--json", "as_json", is_flag=True, help="Antwort als JSON (Frage anonymisiert, Quellen).")
@click.option("--retrieve-only", is_flag=True, help="Nur die passenden Abschnitte zeigen, keine Antwort.")
@click.option("--k", "k", type=click.IntRange(1, 50), default=None,
              help="Wie viele Abschnitte gesucht werden (Voreinstellung: retrieval.top_k).")
@click.pass_obj
def ask(app, question: tuple[str, ...], as_json: bool, retrieve_only: bool, k: int | None) -> None:
    """Frage aus den Leitfäden und eigenen Dokumenten beantworten, mit Quellenangaben [n].

    Die Frage passiert zuerst den Datenschutzfilter; gesucht wird nur mit der anonymisierten Frage.

    Beispiel: lotse ask "Welcher Stichtag gilt für die Kita-Statistik?"
    """
    text = " ".join(question).strip()
    if not text:
        raise click.UsageError("Bitte eine Frage angeben, z. B. lotse ask \"Was ist ein Indikator?\"")
    stream = app.service.ask(text, k=k, retrieve_only=retrieve_only)
    if as_json:
        answer = stream.result()
        click.echo(json.dumps(answer.as_dict(), ensure_ascii=False, indent=2))
        return
    for piece in stream:
        click.echo(piece, nl=False)
    answer = stream.answer
    if answer.answer:
        click.echo()
    for warning in answer.warnings:
        click.echo(f"Hinweis: {warning}", err=True)
    if answer.citations:
        click.echo("\nQuellen:" if not retrieve_only else "Gefundene Abschnitte:")
        for c in answer.citations:
            click.echo(f"  {c.label()}")
            if retrieve_only:
                snippet = " ".join(c.text.split())
                click.echo(f"      {snippet[:240]}{'…' if len(snippet) > 240 else ''}")
