"""``lotse eval retrieval``: hit@1, hit@5, MRR and facts found, per question kind."""

from __future__ import annotations

import json
from pathlib import Path

import click


@click.group("eval")
def eval_group() -> None:
    """Qualität messen (Fragensatz unter knowledge/eval/)."""


@eval_group.command("retrieval")
@click.option("--json", "as_json", is_flag=True, help="Kennzahlen als JSON.")
@click.option("--details", is_flag=True, help="Auch die Antworten je Frage ausgeben (mit --json).")
@click.option("--questions", "questions", type=click.Path(dir_okay=False, path_type=Path),
              help="Anderer Fragensatz (YAML; facts oder expected_facts je Frage).")
@click.pass_obj
def retrieval(app, as_json: bool, details: bool, questions: Path | None) -> None:  # noqa: ANN001
    """Suche und extraktive Antworten auf dem Fragensatz prüfen.

    Treffer = ein gefundener Abschnitt aus der erwarteten Datei mit der erwarteten Überschrift.
    Die Fragen enthalten keine Personendaten und gehen direkt an die Suche.
    """
    report = app.service.eval_retrieval(questions)
    if as_json:
        click.echo(json.dumps(report.as_dict(details), ensure_ascii=False, indent=2))
        return
    click.echo(f"Fragen:              {report.n}")
    if report.hit_at_1 is not None:
        click.echo(f"hit@1:               {report.hit_at_1:.3f}")
        click.echo(f"hit@5:               {report.hit_at_5:.3f}")
        click.echo(f"MRR (Tiefe 10):      {report.mrr:.3f}")
    click.echo(f"Fakten in den ersten 5 Abschnitten:    {report.facts_in_passages:.3f}")
    click.echo(f"Fakten in den Antworten:               {report.facts_in_answers:.3f}")
    if report.deciding_share is not None:
        click.echo(f"Darf-ich-Antworten, die im ersten Satz entscheiden: {report.deciding_share:.3f}")
    click.echo(f"Antworten mit allen erwarteten Fakten: {report.facts_share:.3f}")
    click.echo(f"Antworten mit gültigen Quellen [n]:    {report.cited_share:.3f}")
    click.echo(f"Zeit je Frage:       {report.seconds_per_question * 1000:.0f} ms")
    click.echo("Je Fragetyp (Fragen: Fakten in Abschnitten / in Antworten):")
    for kind, k in report.by_kind.items():
        decided = f", entscheidet im 1. Satz {k.deciding_share:.2f}" if k.deciding_share is not None else ""
        click.echo(f"  {kind:<12} {k.n:>3}: {k.facts_in_passages:.3f} / {k.facts_in_answers:.3f}{decided}")
    missed = [r.id for r in report.results if r.has_target and (r.rank is None or r.rank > 5)]
    if missed:
        click.echo(f"Nicht unter den ersten 5: {', '.join(missed)}")
