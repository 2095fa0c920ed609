"""``lotse einstieg`` (the guide for newcomers) and ``lotse kompass`` (DKBM self-assessment)."""

from __future__ import annotations

import json

import click

PROMPT = "\n> "


def _read(prompt: str = PROMPT) -> str | None:
    """One line from the user, or None at end of input / Ctrl+C."""
    try:
        return input(prompt)
    except (EOFError, KeyboardInterrupt):
        return None


def _line_editing() -> None:
    try:
        import readline  # noqa: F401 - arrow keys and history for input()
    except ImportError:  # pragma: no cover - not on every platform
        pass


@click.command()
@click.option("--modul", "module", default=None, metavar="NAME",
              help="Direkt in ein Modul springen (Nummer oder Name, z. B. --modul 4 oder --modul datenschutz).")
@click.pass_obj
def einstieg(app, module: str | None) -> None:
    """Leitfaden für den Einstieg: DKBM, Bildungsmonitoring, Indikatoren, Datenquellen,
    Bildungsbericht, Datenschutz und generative KI – Schritt für Schritt, mit Prüffragen.

    Eingaben: weiter, zurück, Übersicht, Modul 3, A/B/C (Antwort), kompass, hilfe, ende oder
    eine eigene Frage (Antwort aus den Leitfäden, mit Quellen). Ihr Stand wird im Datenordner
    gespeichert; beim nächsten Aufruf geht es dort weiter.
    """
    session = app.service.guide_session()
    turn = session.start(module)
    click.echo(turn.text)
    _line_editing()
    while not turn.finished:
        text = _read()
        if text is None:
            click.echo("\nIhr Stand ist gespeichert; mit 'lotse einstieg' geht es weiter.")
            return
        turn = session.send(text)
        click.echo(turn.text)


@click.command()
@click.option("--antworten", "answers", default=None, metavar="2,3,1,2,2,1,3",
              help="Eine Antwort je Dimension (1–4 = Typ I–IV), durch Kommas getrennt; ohne "
                   "diese Angabe fragt Lotse interaktiv.")
@click.option("--json", "as_json", is_flag=True, help="Ergebnis als JSON (Typ je Dimension, nächste Schritte).")
@click.option("--neu", "new", is_flag=True, help="Interaktiv: gespeicherte Antworten verwerfen und neu beginnen.")
@click.pass_obj
def kompass(app, answers: str | None, as_json: bool, new: bool) -> None:
    """DKBM-Kompass: Selbsteinschätzung Ihrer Kommune in sieben Dimensionen (Typ I–IV),
    mit nächsten Schritten, die auf Module des Leitfadens oder Lotse-Befehle verweisen.

    Beispiel: lotse kompass --antworten 2,3,1,2,2,1,3 --json
    """
    lotse = app.service
    session = None
    if answers is None:
        session = lotse.guide_session()
        total = len(session.guide.kompass.dimensions)
        turn = session.start_kompass(new=new or len(session.state.kompass) >= total)
        click.echo(turn.text, err=as_json)
        _line_editing()
        while turn.kind != "kompass-result":
            text = _read()
            if text is None or turn.finished:
                click.echo("\nIhre bisherigen Antworten sind gespeichert; 'lotse kompass' fragt weiter.",
                           err=True)
                raise SystemExit(1)
            turn = session.send(text)
            if session.state.mode != "kompass" and turn.kind != "kompass-result":
                click.echo("Kompass unterbrochen; Ihre Antworten sind gespeichert.", err=True)
                raise SystemExit(1)
            if turn.kind != "kompass-result":
                click.echo(turn.text, err=as_json)
        answers = ",".join(str(a) for a in session.state.kompass)
    result = lotse.kompass(answers)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
        return
    click.echo(result.to_text())
    if session is not None:
        click.echo("\nIhre Antworten sind gespeichert. Neu einschätzen: lotse kompass --neu")
