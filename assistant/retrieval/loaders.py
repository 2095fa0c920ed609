"""Read user and guidance documents (PDF, DOCX, Markdown, HTML, text) into sections.

Each reader returns a :class:`Document` whose sections carry the heading (Markdown, DOCX, HTML)
or the page number (PDF). Problems become an :class:`InputError` with a German message naming the
file, so an ingest of many files can report it and carry on.
"""

from __future__ import annotations

import io
import logging
import re
import warnings
from pathlib import Path
from typing import Callable

from assistant.encoding import decode_document
from assistant.errors import InputError
from assistant.limits import ReadLimits, TextBudget, check_zip, read_regular
from assistant.retrieval.models import Document, Section

log = logging.getLogger(__name__)

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".txt": "text", ".text": "text"}


_KIND_TEXT = {"pdf": "PDF", "docx": "Word-Dokument (DOCX)", "markdown": "Markdown",
              "html": "HTML", "text": "Text"}


def supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def load_document(path: Path, max_mb: float = 50.0, limits: ReadLimits | None = None) -> Document:
    """Load ``path``; raises :class:`InputError` (German) when it cannot or may not be read."""
    limits = limits or ReadLimits(max_file_mb=max_mb)
    kind = kind_of(path)
    return parse_document(read_regular(path, limits.max_file_mb), path, limits, kind)


def kind_of(path: Path) -> str:
    """The reader for ``path`` by its suffix, or a German refusal of an unsupported type."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"'{path.name}': Dateityp {path.suffix or '(ohne Endung)'} wird nicht unterstützt.",
            "Unterstützt sind PDF, DOCX, Markdown (.md), HTML und Text (.txt).")
    return kind


def parse_document(data: bytes, path: Path, limits: ReadLimits | None = None,
                   kind: str | None = None) -> Document:
    """Parse the bytes of ``path`` (read by :func:`~assistant.limits.read_regular`) under ``limits``.

    Whatever a reader raises becomes an :class:`InputError` naming the file, so one bad file in a
    batch is reported and the others are still read.
    """
    limits = limits or ReadLimits()
    kind = kind or kind_of(path)
    budget = TextBudget(path.name, limits)
    try:
        with budget.deadline():
            return READERS[kind](data, path, budget)
    except InputError:
        raise
    except MemoryError:
        raise InputError(f"'{path.name}' braucht zum Einlesen zu viel Arbeitsspeicher.",
                         "Teilen Sie das Dokument auf.") from None
    except RecursionError:
        raise InputError(f"'{path.name}' ist zu tief verschachtelt und wird nicht gelesen.",
                         "Speichern Sie das Dokument neu (z. B. als PDF oder DOCX).") from None
    except Exception as exc:  # noqa: BLE001 - a reader failing on a file is an input problem
        raise InputError(
            f"'{path.name}' lässt sich nicht lesen ({type(exc).__name__}); die Datei ist "
            f"vermutlich beschädigt oder nicht im Format {_KIND_TEXT[kind]}.",
            "Öffnen und speichern Sie die Datei neu und lesen Sie sie erneut ein.") from None


def _read_text(data: bytes, path: Path, budget: TextBudget) -> str:
    text, _ = decode_document(data, path.name)
    return budget.add(text)


def _title_from(text: str, path: Path) -> str:
    match = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else path.stem.replace("_", " ").replace("-", " ")


def read_markdown(data: bytes, path: Path, budget: TextBudget) -> Document:
    text = _read_text(data, path, budget)
    return Document(str(path), _title_from(text, path), [Section(text=text)])


def read_text(data: bytes, path: Path, budget: TextBudget) -> Document:
    text = _read_text(data, path, budget)
    if not text.strip():
        raise InputError(f"'{path.name}' ist leer.", "Wählen Sie eine Datei mit Text.")
    return Document(str(path), path.stem.replace("_", " "), [Section(text=text)])


class _Quiet(logging.Handler):
    """Collects pypdf's (English) log records; they go to our debug log, not to the user."""

    def __init__(self) -> None:
        super().__init__()
        self.count = 0

    def emit(self, record: logging.LogRecord) -> None:
        self.count += 1
        log.debug("pypdf: %s", record.getMessage())


def read_pdf(data: bytes, path: Path, budget: TextBudget) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    pypdf_log = logging.getLogger("pypdf")
    quiet, propagate = _Quiet(), pypdf_log.propagate
    pypdf_log.addHandler(quiet)
    pypdf_log.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # PdfReadWarning & co: English, for developers
            return _read_pdf(data, path, budget, PdfReader, PdfReadError)
    finally:
        pypdf_log.removeHandler(quiet)
        pypdf_log.propagate = propagate
        if quiet.count:
            log.info("pypdf reported %d problems in %s", quiet.count, path.name)


def _read_pdf(data: bytes, path: Path, budget: TextBudget, PdfReader, PdfReadError) -> Document:  # noqa: ANN001, N803
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                f"'{path.name}' ist passwortgeschützt und kann nicht gelesen werden.",
                "Speichern Sie das PDF ohne Kennwort (z. B. 'Drucken als PDF') und versuchen "
                "Sie es erneut.")
        pages = [budget.add(page.extract_text() or "") for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, NotImplementedError) as exc:
        detail = str(exc)
        if "crypt" in detail.lower():
            raise InputError(f"'{path.name}' ist verschlüsselt und kann nicht gelesen werden.",
                             "Speichern Sie das PDF ohne Verschlüsselung.") from None
        raise InputError(f"'{path.name}' ist kein lesbares PDF ({type(exc).__name__}).",
                         "Öffnen und speichern Sie die Datei neu oder exportieren Sie sie "
                         "erneut als PDF.") from None
    sections = [Section(text=t, page=i + 1) for i, t in enumerate(pages) if t.strip()]
    if not sections:
        raise InputError(
            f"'{path.name}' enthält keinen auslesbaren Text (vermutlich eingescannte Bilder).",
            "Lassen Sie das PDF zuerst durch eine Texterkennung (OCR) laufen.")
    meta_title = None
    try:
        meta_title = reader.metadata.title if reader.metadata else None
    except (PdfReadError, ValueError, KeyError, TypeError):
        pass
    title = (str(meta_title) if meta_title else "").strip() or path.stem.replace("_", " ")
    return Document(str(path), title, sections)


def read_docx(data: bytes, path: Path, budget: TextBudget) -> Document:
    if not data.startswith(b"PK"):
        raise InputError(f"'{path.name}' ist keine gültige Word-Datei (DOCX ist ein ZIP-Archiv).",
                         "Speichern Sie das Dokument in Word/LibreOffice erneut als .docx.")
    check_zip(data, path.name, budget.limits)  # before any XML is parsed
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(io.BytesIO(data))
    except (PackageNotFoundError, KeyError, ValueError) as exc:
        raise InputError(f"'{path.name}' ist keine lesbare Word-Datei ({type(exc).__name__}).",
                         "Speichern Sie das Dokument erneut als .docx.") from None
    budget.check_time()
    title = (document.core_properties.title or "").strip()
    sections: list[Section] = []
    heading: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if any(line.strip() for line in lines):
            sections.append(Section(text="\n".join(lines).strip(), section=heading))

    for para in document.paragraphs:
        style = (para.style.name if para.style is not None else "") or ""
        text = budget.add(para.text.strip())
        if style == "Title" and text:
            title = title or text
        elif style.startswith("Heading") and text:
            flush()
            heading, lines = text, []
        elif text:
            lines.append(text)
    flush()
    for table in document.tables:
        rows = [budget.add(" | ".join(c.text.strip() for c in row.cells)) for row in table.rows]
        if rows:
            sections.append(Section(text="\n".join(rows), section=heading))
    if not sections:
        raise InputError(f"'{path.name}' enthält keinen Text.", "Prüfen Sie das Dokument.")
    return Document(str(path), title or path.stem.replace("_", " "), sections)


def read_html(data: bytes, path: Path, budget: TextBudget) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_read_text(data, path, budget), "html.parser")
    budget.check_time()
    for tag in soup(["script", "style", "nav", "footer", "noscript"]):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else ""
    parts: list[str] = []
    for el in soup.find_all(["h1", "h2", "h3", "p", "li", "td", "pre"]):
        text = el.get_text(" ", strip=True)
        if not text:
            continue
        budget.check_time()
        if el.name in ("h1", "h2", "h3"):
            parts.append("#" * int(el.name[1]) + " " + text)
        else:
            parts.append(("- " if el.name == "li" else "") + text)
    markdown = "\n\n".join(parts)
    if not markdown.strip():
        raise InputError(f"'{path.name}' enthält keinen lesbaren Text.", "Prüfen Sie die Seite.")
    return Document(str(path), title or _title_from(markdown, path), [Section(text=markdown)])


READERS: dict[str, Callable[[bytes, Path, TextBudget], Document]] = {
    "pdf": read_pdf, "docx": read_docx, "markdown": read_markdown, "html": read_html,
    "text": read_text,
}
