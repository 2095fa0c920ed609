"""``lotse anonymize``: personal data in German text replaced by placeholders, offline."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Callable

import click


def _read_source(app, source: str) -> bytes:  # noqa: ANN001
    if source == "-":
        return sys.stdin.buffer.read()
    return app.service.read_input(Path(source), MAX_FILE_MB)


#: Largest file ``lotse anonymize`` reads (the gate accepts 12 million characters).
MAX_FILE_MB = 50.0


#: Texts longer than this (characters) show progress on stderr: 1 MB takes minutes.
PROGRESS_FROM = 100_000


def _progress() -> Callable[[int, int], None]:
    """A progress printer for the gate: a line per tenth, on stderr (stdout holds the result)."""
    shown = {"tenth": -1}

    def report(done: int, total: int) -> None:
        tenth = done * 10 // max(total, 1)
        if tenth > shown["tenth"]:
            shown["tenth"] = tenth
            size = (f"{total / 1_000_000:.1f} Mio.".replace(".", ",", 1) if total >= 1_000_000
                    else f"{total // 1000} Tsd.")
            click.echo(f"Datenschutzfilter: {tenth * 10} % von {size} Zeichen geprüft …", err=True)

    return report


@click.command()
@click.argument("source", required=False, default="-", metavar="[DATEI|-]")
@click.option("--json", "as_json", is_flag=True, help="JSON mit anonymisiertem Text und Fundstellen ausgeben.")
@click.option("--jsonl", "jsonl", type=click.Path(dir_okay=False), default=None, metavar="EIN.jsonl",
              help="Stapelbetrieb: je Zeile {\"id\", \"text\"}; Ausgabe je Zeile {\"id\", \"anonymized\", \"entities\"}.")
@click.pass_obj
def anonymize(app, source: str, as_json: bool, jsonl: str | None) -> None:  # noqa: ANN001
    """Personenbezogene Daten in einem deutschen Text durch Platzhalter ersetzen.

    Liest DATEI (oder mit '-' bzw. ohne Angabe die Standardeingabe) und gibt den Text mit
    Platzhaltern wie <PERSON_1> aus. Nichts verlässt diesen Rechner.

    Beispiele: lotse anonymize brief.txt --json;  echo "Lea Schmidt fehlt" | lotse anonymize
    """
    if jsonl is not None:
        _batch(app, jsonl)
        return
    data = _read_source(app, source)
    result = app.service.anonymize(
        data, source="Die Eingabe" if source == "-" else f"Die Datei '{source}'",
        progress=_progress() if len(data) > PROGRESS_FROM else None)
    if result.note:
        click.echo(result.note, err=True)
    if as_json:
        click.echo(json.dumps(result.as_dict(), ensure_ascii=False))
    else:
        click.echo(result.text, nl=not result.text.endswith("\n"))


def _batch(app, path: str) -> None:  # noqa: ANN001
    """One session per line, so placeholders restart at 1 for every record."""
    from assistant.errors import InputError

    note, records = app.service.anonymize_batch(_read_source(app, path), source=f"Die Datei '{path}'")
    if note:
        click.echo(note, err=True)
    skipped = 0
    for record in records:
        if record.error is not None:
            skipped += 1
            click.echo(f"Zeile {record.line} übersprungen: kein gültiges JSON-Objekt mit \"text\" "
                       f"({record.error}).", err=True)
            continue
        click.echo(json.dumps(record.as_dict(), ensure_ascii=False))
    if skipped:
        raise InputError(f"{skipped} Zeile(n) übersprungen; sie wurden nicht ausgegeben.",
                         "Korrigieren Sie sie und starten Sie den Lauf für diese Zeilen erneut.")
