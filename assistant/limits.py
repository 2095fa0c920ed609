"""Limits every reader of user files works under, so a hostile file cannot hang or exhaust Lotse.

* :func:`read_regular` opens without blocking, checks on the *open* descriptor that it is a regular
  file (a named pipe, ``/dev/zero`` or a folder is refused before a byte is read) and reads at most
  the size limit. Readers parse these bytes, never the path, so nothing can swap the file between
  the check and the parse.
* :func:`check_zip` checks the member sizes a DOCX/XLSX declares (total unpacked size and
  compression ratio) before any XML is parsed. Python's :mod:`zipfile` never returns more bytes than
  a member declares (and fails on a CRC mismatch), so the declared sizes bound what a parser sees.
* :class:`TextBudget` caps the extracted text and the time spent (checked between pages,
  paragraphs and sections; on the main thread a timer also interrupts a long single step).

All refusals are :class:`~assistant.errors.InputError` with a German message naming the file.
"""

from __future__ import annotations

import contextlib
import io
import os
import signal
import stat
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from assistant.errors import InputError

MB = 1024 * 1024


@dataclass(frozen=True)
class ReadLimits:
    """What one file may cost. Defaults fit real municipal reports with a wide margin."""

    max_file_mb: float = 50.0
    #: Sum of the unpacked sizes of all members of a DOCX/XLSX (images are stored, ~1:1).
    max_unpacked_mb: float = 150.0
    #: Sum of the unpacked XML parts: parsers hold them as a tree, ~16x the XML in memory
    #: (measured: 46 MB of small paragraphs peaked at 880 MB in ``lotse ingest``). A 300-page
    #: report's ``word/document.xml`` has 5-15 MB.
    max_xml_mb: float = 20.0
    #: Highest compression ratio of a member larger than 1 MB (XML compresses 5-20x; bombs ~1000x).
    max_ratio: float = 100.0
    #: Characters of text one document may yield (a 500-page report has ~1.5 million).
    max_text_chars: int = 4_000_000
    #: Seconds for reading and parsing one file.
    seconds: float = 60.0


_TOO_BIG_HINT = "Teilen Sie das Dokument auf oder erhöhen Sie retrieval.max_file_mb in lotse.toml."


def _too_big(name: str, size: int, limit_mb: float, hint: str) -> InputError:
    return InputError(f"'{name}' ist {size / MB:.0f} MB groß; erlaubt sind {limit_mb:.0f} MB.", hint)


def read_regular(path: Path, max_mb: float, too_big_hint: str = _TOO_BIG_HINT) -> bytes:
    """The bytes of ``path`` if it is a regular file of at most ``max_mb``; else a German error."""
    path = Path(path)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(f"'{path}' gibt es nicht (mehr): die Datei wurde nicht gefunden.",
                         "Prüfen Sie den Pfad; wurde die Datei verschoben oder gelöscht?") from None
    except PermissionError:
        raise InputError(f"'{path.name}' ist nicht lesbar (keine Berechtigung).",
                         "Prüfen Sie die Dateirechte.") from None
    except OSError as exc:
        raise InputError(f"'{path}' lässt sich nicht öffnen ({exc.strerror}).",
                         "Prüfen Sie den Pfad und die Dateirechte.") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"'{path}' ist ein Ordner, keine Datei.",
                             "Geben Sie eine Datei an (lotse ingest nimmt auch ganze Ordner).")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"'{path}' ist keine gewöhnliche Datei (sondern ein Gerät, eine Pipe oder ein "
                "Socket) und wird nicht gelesen.",
                "Speichern Sie den Inhalt als Datei und geben Sie diese an.")
        limit = int(max_mb * MB)
        if info.st_size > limit:
            raise _too_big(path.name, info.st_size, max_mb, too_big_hint)
        chunks: list[bytes] = []
        total = 0
        while True:  # in blocks: a read(limit) would reserve the whole limit up front
            block = os.read(fd, 1 << 20)
            if not block:
                return b"".join(chunks)
            total += len(block)
            if total > limit:  # grew while we read
                raise _too_big(path.name, total, max_mb, too_big_hint)
            chunks.append(block)
    except IsADirectoryError:
        raise InputError(f"'{path}' ist ein Ordner, keine Datei.", "Geben Sie eine Datei an.") from None
    finally:
        os.close(fd)


def ensure_regular(path: Path) -> None:
    """Refuse early (by ``stat``) what is not a regular file, before its name is even judged;
    :func:`read_regular` checks again on the open descriptor."""
    try:
        mode = os.stat(path).st_mode
    except OSError:
        return  # read_regular words the error
    if not stat.S_ISREG(mode) and not stat.S_ISDIR(mode):
        raise InputError(
            f"'{path}' ist keine gewöhnliche Datei (sondern ein Gerät, eine Pipe oder ein "
            "Socket) und wird nicht gelesen.",
            "Speichern Sie den Inhalt als Datei und geben Sie diese an.")


def check_zip(data: bytes, name: str, limits: ReadLimits, kind: str = "Word-Datei") -> None:
    """Refuse a ZIP container whose declared unpacked size or compression ratio is excessive."""
    try:
        members = zipfile.ZipFile(io.BytesIO(data)).infolist()
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise InputError(f"'{name}' ist keine gültige {kind} (beschädigtes ZIP-Archiv: {exc}).",
                         "Öffnen und speichern Sie die Datei erneut.") from None
    total = sum(m.file_size for m in members)
    if total > limits.max_unpacked_mb * MB:
        raise InputError(
            f"'{name}' würde entpackt {total / MB:,.0f} MB groß; erlaubt sind "
            f"{limits.max_unpacked_mb:.0f} MB. Die Datei wird nicht gelesen (Schutz vor "
            "sogenannten ZIP-Bomben).".replace(",", "."),
            "Teilen Sie das Dokument auf oder speichern Sie es ohne eingebettete Objekte neu.")
    xml = sum(m.file_size for m in members if m.filename.lower().endswith((".xml", ".rels")))
    if xml > limits.max_xml_mb * MB:
        raise InputError(
            f"'{name}' enthält {xml / MB:,.0f} MB XML-Text (entpackt); erlaubt sind "
            f"{limits.max_xml_mb:.0f} MB. Die Datei wird nicht gelesen (Schutz vor "
            "übergroßen oder präparierten Dokumenten).".replace(",", "."),
            "Teilen Sie das Dokument in kleinere Dateien auf.")
    for m in members:
        if m.file_size > MB and m.file_size > limits.max_ratio * max(m.compress_size, 1):
            raise InputError(
                f"'{name}' enthält den Teil '{m.filename}', der sich auf das "
                f"{m.file_size / max(m.compress_size, 1):.0f}-fache entpackt (erlaubt: "
                f"{limits.max_ratio:.0f}-fach). Die Datei wird nicht gelesen (Schutz vor "
                "ZIP-Bomben).",
                "Speichern Sie das Dokument in Word/LibreOffice neu; echte Dokumente entpacken "
                "sich nicht so stark.")


class TextBudget:
    """Counts extracted characters and elapsed time for one file."""

    def __init__(self, name: str, limits: ReadLimits) -> None:
        self.name = name
        self.limits = limits
        self.chars = 0
        self.started = time.monotonic()

    def timeout(self) -> InputError:
        return InputError(
            f"Das Einlesen von '{self.name}' dauerte länger als {self.limits.seconds:.0f} s "
            "und wurde abgebrochen.",
            "Teilen Sie das Dokument auf oder speichern Sie es neu (z. B. als PDF aus Word).")

    def check_time(self) -> None:
        if time.monotonic() - self.started > self.limits.seconds:
            raise self.timeout()

    def add(self, text: str) -> str:
        """Count ``text``; raise once the document yields more than ``max_text_chars``."""
        self.chars += len(text)
        if self.chars > self.limits.max_text_chars:
            raise InputError(
                f"'{self.name}' enthält mehr als {self.limits.max_text_chars:,} Zeichen Text "
                "und wird nicht gelesen.".replace(",", "."),
                "Teilen Sie das Dokument in kleinere Dateien auf.")
        self.check_time()
        return text

    @contextlib.contextmanager
    def deadline(self) -> Iterator[None]:
        """Interrupt a single long step (main thread only: signals need it) after the budget."""
        if threading.current_thread() is not threading.main_thread() \
                or not hasattr(signal, "setitimer"):
            yield
            return

        def expired(signum: int, frame: object) -> None:  # noqa: ARG001
            raise self.timeout()

        previous = signal.signal(signal.SIGALRM, expired)
        signal.setitimer(signal.ITIMER_REAL, self.limits.seconds)
        try:
            yield
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
