"""Test documents made on the fly: a minimal hand-written PDF, DOCX files, guidance texts."""

from __future__ import annotations

from pathlib import Path


def _pdf_string(text: str) -> str:
    out = []
    for byte in text.encode("cp1252"):
        ch = chr(byte)
        if ch in "()\\":
            out.append("\\" + ch)
        elif 32 <= byte < 127:
            out.append(ch)
        else:
            out.append(f"\\{byte:03o}")
    return "".join(out)


def make_pdf(path: Path, pages: list[list[str]], title: str | None = None) -> Path:
    """A valid PDF 1.4 with one Helvetica text line per string; ``[]`` makes a page without text."""
    objects: list[bytes] = []
    n_pages = len(pages)
    page_ids = [3 + 2 * i for i in range(n_pages)]
    font_id = 3 + 2 * n_pages
    info_id = font_id + 1
    objects.append(b"<< /Type /Catalog /Pages 2 0 R >>")
    kids = " ".join(f"{pid} 0 R" for pid in page_ids)
    objects.append(f"<< /Type /Pages /Kids [{kids}] /Count {n_pages} >>".encode())
    for i, lines in enumerate(pages):
        ops = ["BT", "/F1 11 Tf", "14 TL", "50 780 Td"]
        for line in lines:
            ops.append(f"({_pdf_string(line)}) Tj T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1") if lines else b"0 0 1 rg 10 10 100 100 re f"
        objects.append(
            f"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 "
            f"{font_id} 0 R >> >> /Contents {page_ids[i] + 1} 0 R >>".encode())
        objects.append(f"<< /Length {len(stream)} >>\nstream\n".encode() + stream + b"\nendstream")
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
                   b"/Encoding /WinAnsiEncoding >>")
    objects.append(f"<< /Title ({_pdf_string(title or path.stem)}) >>".encode())
    body = b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n"
    offsets = []
    for number, obj in enumerate(objects, start=1):
        offsets.append(len(body))
        body += f"{number} 0 obj\n".encode() + obj + b"\nendobj\n"
    xref = len(body)
    body += f"xref\n0 {len(objects) + 1}\n0000000000 65535 f \n".encode()
    body += b"".join(f"{off:010d} 00000 n \n".encode() for off in offsets)
    body += (f"trailer\n<< /Size {len(objects) + 1} /Root 1 0 R /Info {info_id} 0 R >>\n"
             f"startxref\n{xref}\n%%EOF\n").encode()
    path.write_bytes(body)
    return path


def make_docx(path: Path, title: str, sections: dict[str, list[str]]) -> Path:
    import docx

    document = docx.Document()
    document.add_heading(title, level=0)
    for heading, paragraphs in sections.items():
        document.add_heading(heading, level=1)
        for text in paragraphs:
            document.add_paragraph(text)
    document.save(str(path))
    return path


GUIDE_STICHTAGE = """# Stichtage der amtlichen Statistik

> Quelle(n): Testtext für Lotse.

## Kinder- und Jugendhilfestatistik

Die Kinder- und Jugendhilfestatistik zählt die Kinder in Kindertageseinrichtungen jedes Jahr zum Stichtag 1. März. Die Ergebnisse erscheinen meist im Herbst desselben Jahres. Für die Betreuungsquote wird die Zahl der betreuten Kinder auf die gleichaltrige Bevölkerung bezogen.

## Schulstatistik

Die Schulstatistik erhebt die Schülerinnen und Schüler zu Beginn des Schuljahres, meist im Oktober. Die Abgängerinnen und Abgänger werden für das vorangegangene Schuljahr gezählt.
"""

GUIDE_GEHEIM = """# Statistische Geheimhaltung

> Quelle(n): Testtext für Lotse.

## Die Mindestfallzahl

Ein Tabellenfeld darf in der Regel nur veröffentlicht werden, wenn es mindestens drei Fälle enthält. Kleinere Werte werden durch einen Punkt ersetzt. Die Regel schützt Einzelangaben vor Rückschlüssen auf Personen.

## Die Dominanzregel

Die Dominanzregel sperrt ein Feld, wenn ein einzelner Betrieb den Wert fast allein bestimmt. Das betrifft oft Ausbildungszahlen kleiner Gemeinden.
"""


def write_guidance(folder: Path) -> Path:
    (folder / "guidance").mkdir(parents=True, exist_ok=True)
    (folder / "guidance" / "stichtage.md").write_text(GUIDE_STICHTAGE, encoding="utf-8")
    (folder / "guidance" / "geheimhaltung.md").write_text(GUIDE_GEHEIM, encoding="utf-8")
    return folder
