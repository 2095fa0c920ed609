"""Bytes from a user's file to text: the encodings German office files really come in.

One decision for text, tables and GENESIS exports: UTF-16 with its BOM, UTF-8 (BOM or not), then
Windows-1252 (Excel's CSV export), then Latin-1, which decodes anything. Callers decide what a
fallback means for them (a note, a refusal of binary data).
"""

from __future__ import annotations

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): ``utf-16``, ``utf-8-sig`` (BOM removed), ``utf-8``, ``cp1252`` or
    ``latin-1``."""
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    try:
        return data.decode("utf-8-sig"), "utf-8-sig" if data.startswith(UTF8_BOM) else "utf-8"
    except UnicodeDecodeError:
        pass
    body = data[len(UTF8_BOM):] if data.startswith(UTF8_BOM) else data  # a BOM, then no UTF-8
    try:
        return body.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return body.decode("latin-1"), "latin-1"
