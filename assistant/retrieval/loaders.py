"""Read user and guidance documents (PDF, DOCX, Markdown, HTML, text) into sections.

Each reader returns a :class:`Document` whose sections carry the heading (Markdown, DOCX, HTML)
or the page number (PDF). Problems become an :class:`InputError` with a German message naming the
file, so an ingest of many files can report it and carry on.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import Callable

from assistant.errors import InputError
from assistant.retrieval.models import Document, Section

SUFFIXES = {".pdf": "pdf", ".docx": "docx", ".md": "markdown", ".markdown": "markdown",
            ".html": "html", ".htm": "html", ".txt": "text", ".text": "text"}


def supported(path: Path) -> bool:
    return path.suffix.lower() in SUFFIXES


def load_document(path: Path, max_mb: float = 50.0) -> Document:
    """Load ``path``; raises :class:`InputError` (German) when it cannot be read."""
    kind = SUFFIXES.get(path.suffix.lower())
    if kind is None:
        raise InputError(
            f"'{path.name}': Dateityp {path.suffix or '(ohne Endung)'} wird nicht unterstützt.",
            "Unterstützt sind PDF, DOCX, Markdown (.md), HTML und Text (.txt).")
    try:
        size = path.stat().st_size
    except FileNotFoundError:
        raise InputError(f"'{path}' gibt es nicht (mehr).",
                         "Prüfen Sie den Pfad; wurde die Datei verschoben oder gelöscht?") from None
    if size > max_mb * 1024 * 1024:
        raise InputError(
            f"'{path.name}' ist {size / 1024 / 1024:.0f} MB groß; erlaubt sind {max_mb:.0f} MB.",
            "Teilen Sie das Dokument auf oder erhöhen Sie retrieval.max_file_mb in lotse.toml.")
    try:
        return READERS[kind](path)
    except InputError:
        raise
    except FileNotFoundError:
        raise InputError(f"'{path}' ist während des Einlesens verschwunden.",
                         "Legen Sie die Datei wieder ab und starten Sie lotse ingest erneut.") from None
    except PermissionError:
        raise InputError(f"'{path.name}' ist nicht lesbar (keine Berechtigung).",
                         "Prüfen Sie die Dateirechte.") from None
    except UnicodeDecodeError:
        raise InputError(f"'{path.name}' ist keine Textdatei in UTF-8 oder Latin-1.",
                         "Speichern Sie die Datei als UTF-8 und versuchen Sie es erneut.") from None


def _read_text(path: Path) -> str:
    raw = path.read_bytes()
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _title_from(text: str, path: Path) -> str:
    match = re.search(r"^#\s+(.+)$", text, re.MULTILINE)
    return match.group(1).strip() if match else path.stem.replace("_", " ").replace("-", " ")


def read_markdown(path: Path) -> Document:
    text = _read_text(path)
    return Document(str(path), _title_from(text, path), [Section(text=text)])


def read_text(path: Path) -> Document:
    text = _read_text(path)
    if not text.strip():
        raise InputError(f"'{path.name}' ist leer.", "Wählen Sie eine Datei mit Text.")
    return Document(str(path), path.stem.replace("_", " "), [Section(text=text)])


def read_pdf(path: Path) -> Document:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(str(path))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(
                f"'{path.name}' ist passwortgeschützt und kann nicht gelesen werden.",
                "Speichern Sie das PDF ohne Kennwort (z. B. 'Drucken als PDF') und versuchen "
                "Sie es erneut.")
        pages = [page.extract_text() or "" for page in reader.pages]
    except InputError:
        raise
    except (PdfReadError, ValueError, KeyError, TypeError, NotImplementedError) as exc:
        detail = str(exc)
        if "crypt" in detail.lower():
            raise InputError(f"'{path.name}' ist verschlüsselt und kann nicht gelesen werden.",
                             "Speichern Sie das PDF ohne Verschlüsselung.") from None
        raise InputError(f"'{path.name}' ist kein lesbares PDF ({detail[:120]}).",
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
    title = (meta_title or "").strip() or path.stem.replace("_", " ")
    return Document(str(path), title, sections)


def read_docx(path: Path) -> Document:
    if not zipfile.is_zipfile(path):
        raise InputError(f"'{path.name}' ist keine gültige Word-Datei (DOCX ist ein ZIP-Archiv).",
                         "Speichern Sie das Dokument in Word/LibreOffice erneut als .docx.")
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, KeyError, ValueError, zipfile.BadZipFile) as exc:
        raise InputError(f"'{path.name}' ist keine lesbare Word-Datei ({exc}).",
                         "Speichern Sie das Dokument erneut als .docx.") from None
    title = (document.core_properties.title or "").strip()
    sections: list[Section] = []
    heading: str | None = None
    lines: list[str] = []

    def flush() -> None:
        if any(line.strip() for line in lines):
            sections.append(Section(text="\n".join(lines).strip(), section=heading))

    for para in document.paragraphs:
        style = (para.style.name if para.style is not None else "") or ""
        text = para.text.strip()
        if style == "Title" and text:
            title = title or text
        elif style.startswith("Heading") and text:
            flush()
            heading, lines = text, []
        elif text:
            lines.append(text)
    flush()
    for table in document.tables:
        rows = [" | ".join(c.text.strip() for c in row.cells) for row in table.rows]
        if rows:
            sections.append(Section(text="\n".join(rows), section=heading))
    if not sections:
        raise InputError(f"'{path.name}' enthält keinen Text.", "Prüfen Sie das Dokument.")
    return Document(str(path), title or path.stem.replace("_", " "), sections)


def read_html(path: Path) -> Document:
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(_read_text(path), "html.parser")
    for tag in soup(["script", "style", "nav", "footer", "noscript"]):
        tag.decompose()
    title = soup.title.get_text(strip=True) if soup.title else ""
    parts: list[str] = []
    for el in soup.find_all(["h1", "h2", "h3", "p", "li", "td", "pre"]):
        text = el.get_text(" ", strip=True)
        if not text:
            continue
        if el.name in ("h1", "h2", "h3"):
            parts.append("#" * int(el.name[1]) + " " + text)
        else:
            parts.append(("- " if el.name == "li" else "") + text)
    markdown = "\n\n".join(parts)
    if not markdown.strip():
        raise InputError(f"'{path.name}' enthält keinen lesbaren Text.", "Prüfen Sie die Seite.")
    return Document(str(path), title or _title_from(markdown, path), [Section(text=markdown)])


READERS: dict[str, Callable[[Path], Document]] = {
    "pdf": read_pdf, "docx": read_docx, "markdown": read_markdown, "html": read_html,
    "text": read_text,
}
