"""``lotse anonymize``: personal data in German text replaced by placeholders, offline."""

from __future__ import annotations

import sys
from pathlib import Path

import click


def _read_source(source: str) -> bytes:
    from assistant.limits import read_regular

    if source == "-":
        return sys.stdin.buffer.read()
    # A regular file only (a pipe or /dev/zero is refused, not read forever), at most 50 MB.
    return read_regular(Path(source), MAX_FILE_MB, "Teilen Sie den Text auf mehrere Dateien auf.")


#: Largest file ``lotse anonymize`` reads (the gate accepts 12 million characters).
MAX_FILE_MB = 50.0


#: Texts longer than this (characters) show progress on stderr: 1 MB takes minutes.
PROGRESS_FROM = 100_000


def _progress():  # noqa: ANN202
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


def _entities(redaction) -> list[dict]:  # noqa: ANN001
    return [e.to_dict() for e in redaction.entities]


@click.command()
@click.argument("source", required=False, default="-", metavar="[DATEI|-]")
@click.option("--json", "as_json", is_flag=True, help="JSON mit anonymisiertem Text und Fundstellen ausgeben.")
@click.option("--jsonl", "jsonl", type=click.Path(dir_okay=False), default=None, metavar="EIN.jsonl",
              help="Stapelbetrieb: je Zeile {\"id\", \"text\"}; Ausgabe je Zeile {\"id\", \"anonymized\", \"entities\"}.")
@click.pass_obj
def anonymize(app, source: str, as_json: bool, jsonl: str | None) -> None:
    """Personenbezogene Daten in einem deutschen Text durch Platzhalter ersetzen.

    Liest DATEI (oder mit '-' bzw. ohne Angabe die Standardeingabe) und gibt den Text mit
    Platzhaltern wie <PERSON_1> aus. Nichts verlässt diesen Rechner.

    Beispiele: lotse anonymize brief.txt --json;  echo "Lea Schmidt fehlt" | lotse anonymize
    """
    import json

    from assistant.errors import InputError
    from assistant.privacy import PrivacyGate
    from assistant.privacy.textio import decode_input

    if jsonl is not None:
        _batch(app, jsonl)
        return
    decoded = decode_input(_read_source(source), "Die Eingabe" if source == "-" else f"Die Datei '{source}'")
    if decoded.note:
        click.echo(decoded.note, err=True)
    if not decoded.text.strip():
        raise InputError("Die Eingabe ist leer: es gibt nichts zu anonymisieren.",
                         "Geben Sie eine Textdatei an oder leiten Sie Text auf die Standardeingabe um.")
    gate = PrivacyGate.from_settings(app.settings)
    redaction = gate.redact(decoded.text, _progress() if len(decoded.text) > PROGRESS_FROM else None)
    if as_json:
        click.echo(json.dumps({"anonymized": redaction.text, "entities": _entities(redaction)},
                              ensure_ascii=False))
    else:
        click.echo(redaction.text, nl=not redaction.text.endswith("\n"))


def _batch(app, path: str) -> None:  # noqa: ANN001
    """One gate (session) per line, so placeholders restart at 1 for every record."""
    import json

    from assistant.privacy import PrivacyGate
    from assistant.privacy.textio import decode_input

    decoded = decode_input(_read_source(path), f"Die Datei '{path}'")
    if decoded.note:
        click.echo(decoded.note, err=True)
    lines = decoded.text.splitlines()
    gate = PrivacyGate.from_settings(app.settings)
    errors = 0
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
            if not isinstance(row, dict) or not isinstance(row.get("text"), str):
                raise ValueError("kein Objekt mit Textfeld 'text'")
        except ValueError as exc:
            errors += 1
            click.echo(f"Zeile {number} übersprungen: kein gültiges JSON-Objekt mit \"text\" ({exc}).",
                       err=True)
            continue
        redaction = gate.new_session().redact(row["text"])
        out = {"id": str(row.get("id", number)), "anonymized": redaction.text,
               "entities": _entities(redaction)}
        click.echo(json.dumps(out, ensure_ascii=False))
    if errors:
        click.echo(f"{errors} Zeile(n) übersprungen; sie wurden nicht ausgegeben. "
                   "Korrigieren Sie sie und starten Sie den Lauf für diese Zeilen erneut.", err=True)
        sys.exit(6)
