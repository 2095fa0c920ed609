"""Turning user input (bytes from a file or stdin) into text, or a German error: never a guess
that passes undecodable content on unchecked."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.encoding import decode_text, looks_binary
from assistant.errors import InputError


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    note: str | None = None


def decode_input(data: bytes, source: str = "Eingabe") -> DecodedText:
    """UTF-8 (with or without BOM), UTF-16/32, else cp1252/latin-1 with a note; binary refused."""
    text, encoding = decode_text(data)
    if looks_binary(text):
        raise InputError(
            f"{source} enthält Binärdaten (Nullbytes oder Steuerzeichen) und ist kein Text.",
            "Geben Sie eine Textdatei (UTF-8) an; Word- oder PDF-Dateien bitte zuerst als Text speichern.")
    note = None
    if encoding.startswith("utf-8"):
        encoding = "utf-8"
    elif not encoding.startswith(("utf-16", "utf-32")):
        note = (f"Hinweis: {source} ist nicht UTF-8-kodiert und wurde als {encoding} gelesen. "
                "Prüfen Sie Umlaute in der Ausgabe.")
    return DecodedText(text, encoding, note)
