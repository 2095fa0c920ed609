"""Turning user input (bytes from a file or stdin) into text, or a German error: never a guess
that passes undecodable content on unchecked."""

from __future__ import annotations

from dataclasses import dataclass

from assistant.encoding import decode_text
from assistant.errors import InputError

_CONTROL_OK = {"\n", "\r", "\t", "\f", "\v"}


@dataclass(frozen=True)
class DecodedText:
    text: str
    encoding: str
    note: str | None = None


def decode_input(data: bytes, source: str = "Eingabe") -> DecodedText:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/latin-1 with a note."""
    text, encoding = decode_text(data)
    if encoding != "utf-16" and b"\x00" in data[:65536]:
        raise InputError(
            f"{source} enthält Binärdaten (Nullbytes) und ist kein Text.",
            "Geben Sie eine Textdatei (UTF-8) an; Word- oder PDF-Dateien bitte zuerst als Text speichern.")
    note = None
    if encoding.startswith("utf-8"):
        encoding = "utf-8"
    elif encoding != "utf-16":
        note = (f"Hinweis: {source} ist nicht UTF-8-kodiert und wurde als {encoding} gelesen. "
                "Prüfen Sie Umlaute in der Ausgabe.")
    controls = sum(1 for ch in text[:65536] if ord(ch) < 32 and ch not in _CONTROL_OK)
    if controls > max(8, len(text[:65536]) // 100):
        raise InputError(
            f"{source} sieht nicht nach Text aus (viele Steuerzeichen).",
            "Geben Sie eine Textdatei (UTF-8) an.")
    return DecodedText(text, encoding, note)
