"""``lotse eval retrieval``: hit@1, hit@5, MRR and fact coverage on the question set."""

from __future__ import annotations

import json

import click


@click.group("eval")
def eval_group() -> None:
    """Qualität messen (Fragensatz unter knowledge/eval/)."""


@eval_group.command("retrieval")
@click.option("--json", "as_json", is_flag=True, help="Kennzahlen als JSON.")
@click.option("--details", is_flag=True, help="Auch die Antworten je Frage ausgeben (mit --json).")
@click.pass_obj
def retrieval(app, as_json: bool, details: bool) -> None:  # noqa: ANN001
    """Suche und extraktive Antworten auf dem Fragensatz prüfen.

    Treffer = ein gefundener Abschnitt aus der erwarteten Datei mit der erwarteten Überschrift.
    Die Fragen enthalten keine Personendaten und gehen direkt an die Suche.
    """
    report = app.service.eval_retrieval()
    if as_json:
        click.echo(json.dumps(report.as_dict(details), ensure_ascii=False, indent=2))
        return
    click.echo(f"Fragen:              {report.n}")
    click.echo(f"hit@1:               {report.hit_at_1:.3f}")
    click.echo(f"hit@5:               {report.hit_at_5:.3f}")
    click.echo(f"MRR (Tiefe 10):      {report.mrr:.3f}")
    click.echo(f"Antworten mit allen erwarteten Fakten: {report.facts_share:.3f}")
    click.echo(f"Antworten mit gültigen Quellen [n]:    {report.cited_share:.3f}")
    click.echo(f"Zeit je Frage:       {report.seconds_per_question * 1000:.0f} ms")
    missed = [r.id for r in report.results if r.rank is None or r.rank > 5]
    if missed:
        click.echo(f"Nicht unter den ersten 5: {', '.join(missed)}")
