"""Bytes from a user's file to text: the encodings German office files really come in.

One decision for documents, text, tables and GENESIS exports: UTF-32 and UTF-16 with their BOM,
UTF-16 without BOM (recognised by its zero bytes), UTF-8 (BOM or not), then Windows-1252 (Excel's
CSV export), then Latin-1, which decodes anything. :func:`looks_binary` tells text from binary
data *after* decoding, so a UTF-16 file is text and random bytes are not; :func:`decode_document`
is the strict form every reader uses: it refuses binary data with a German message.
"""

from __future__ import annotations

import unicodedata

UTF8_BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
UTF32_BOMS = (b"\xff\xfe\x00\x00", b"\x00\x00\xfe\xff")
#: Control characters real text contains; any other (and NUL) marks binary data.
_CONTROL_OK = frozenset("\n\r\t\f\v")
#: Share of characters that are controls, unassigned, private-use or surrogates above which
#: decoded "text" is binary data. Real German text has none; random bytes decoded as Latin-1
#: have ~25 %, as UTF-16 ~40 %.
_BINARY_SHARE = 0.01
_SAMPLE = 65_536


def _bomless_utf16(data: bytes) -> str | None:
    """``utf-16-le``/``utf-16-be`` when every other byte of a sample is zero (Latin text)."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    even, odd = sample[0::2], sample[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.4 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.4 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def decode_text(data: bytes) -> tuple[str, str]:
    """(text, encoding): ``utf-32``, ``utf-16``, ``utf-16-le``/``-be`` (no BOM), ``utf-8-sig``
    (BOM removed), ``utf-8``, ``cp1252`` or ``latin-1``. Never raises; see :func:`looks_binary`."""
    if data.startswith(UTF32_BOMS):  # before UTF-16: FF FE 00 00 starts with FF FE
        try:
            return data.decode("utf-32"), "utf-32"
        except UnicodeDecodeError:
            pass
    if data.startswith(UTF16_BOMS):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            pass
    bomless = _bomless_utf16(data)
    if bomless:
        try:
            return data.decode(bomless), bomless
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


def looks_binary(text: str) -> bool:
    """Whether decoded ``text`` is really binary data (NUL, controls, unassigned code points)."""
    sample = text[:_SAMPLE]
    if "\x00" in sample:
        return True
    odd = 0
    for ch in sample:
        if ch.isprintable() or ch in _CONTROL_OK or ch == " ":
            continue
        category = unicodedata.category(ch)
        if category in ("Cc", "Cn", "Co", "Cs"):
            odd += 1
    return odd > max(2, len(sample) * _BINARY_SHARE)


def decode_document(data: bytes, name: str) -> tuple[str, str]:
    """:func:`decode_text`, refusing binary data with a German :class:`InputError` naming ``name``."""
    from assistant.errors import InputError

    text, encoding = decode_text(data)
    if looks_binary(text):
        raise InputError(
            f"'{name}' enthält Binärdaten und ist keine Textdatei.",
            "Geben Sie eine Textdatei (UTF-8 oder UTF-16) an; Word-, PDF- oder Bilddateien bitte "
            "mit passender Endung (.docx, .pdf) oder zuerst als Text speichern.")
    return text, encoding
