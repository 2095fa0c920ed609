"""Hostile inputs, built at test time in temporary folders (nothing of this is committed as a file).

Also used by ``benchmarks/bench_hostile.py`` to build the full-size DOCX bombs of issue 11.
"""

from __future__ import annotations

import zipfile
from pathlib import Path

_CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-'
    'officedocument.wordprocessingml.document.main+xml"/></Types>')
_RELS = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="word/document.xml"/></Relationships>')
_HEAD = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
         '<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">'
         '<w:body>')
_TAIL = "</w:body></w:document>"
_PARAGRAPH = "<w:p><w:r><w:t>Bildungsbericht</w:t></w:r></w:p>"


def docx_with_body(path: Path, body_pieces, *, level: int = 6) -> Path:  # noqa: ANN001
    """A DOCX whose ``word/document.xml`` is streamed from ``body_pieces`` (str chunks)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=level) as zf:
        zf.writestr("[Content_Types].xml", _CONTENT_TYPES)
        zf.writestr("_rels/.rels", _RELS)
        with zf.open("word/document.xml", "w", force_zip64=True) as fh:
            fh.write(_HEAD.encode())
            for piece in body_pieces:
                fh.write(piece.encode())
            fh.write(_TAIL.encode())
    return path


def paragraph_bomb(path: Path, unpacked_mb: int) -> Path:
    """Issue 11, bomb 1: ``unpacked_mb`` MB of small paragraphs."""
    block = _PARAGRAPH * (1024 * 1024 // len(_PARAGRAPH))
    return docx_with_body(path, (block for _ in range(unpacked_mb)), level=9)


def text_run_bomb(path: Path, unpacked_mb: int) -> Path:
    """Issue 11, bomb 2: one text run of ``unpacked_mb`` MB."""
    block = "a" * (1024 * 1024)
    pieces = ["<w:p><w:r><w:t>", *(block for _ in range(unpacked_mb)), "</w:t></w:r></w:p>"]
    return docx_with_body(path, iter(pieces), level=9)


def malformed_docx(path: Path) -> Path:
    """A DOCX whose document.xml is not well-formed (python-docx raised XMLSyntaxError)."""
    return docx_with_body(path, ["<w:p><w:r><w:t>Kaputt</w:t></w:r>"])


def xlsx_bomb(path: Path, unpacked_mb: int = 60) -> Path:
    """An .xlsx whose one sheet unpacks to ``unpacked_mb`` MB of XML (well under 1 MB on disk)."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        with zf.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as fh:
            block = b"<row><c t='inlineStr'><is><t>" + b"a" * (1 << 20) + b"</t></is></c></row>"
            for _ in range(unpacked_mb):
                fh.write(block)
    return path
