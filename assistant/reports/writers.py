"""Write a draft as DOCX (python-docx) or Markdown with the chart PNG beside it.

Nothing is half-written: every file goes to a temporary name in the target folder first and is
renamed into place when complete; on an error the temporary files are removed.
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assistant.reports.model import ReportDraft

FORMATS = {".docx": "DOCX", ".md": "Markdown"}


def chart_path_for(out: Path) -> Path:
    """The PNG written beside a Markdown report (``bericht.md`` -> ``bericht.png``)."""
    return out.with_suffix(".png")


@contextmanager
def staged(target: Path) -> Iterator[Path]:
    """A temporary path in ``target``'s folder, renamed to ``target`` when the block succeeds."""
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    os.close(fd)
    path = Path(tmp)
    try:
        yield path
    except BaseException:
        path.unlink(missing_ok=True)
        raise


def _publish(tmp: Path, target: Path) -> None:
    """Rename into place with the permissions a normally created file gets (mkstemp uses 0600)."""
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)
    os.replace(tmp, target)


def write_docx(draft: ReportDraft, chart_png: Path, out: Path) -> Path:
    from docx import Document
    from docx.shared import Cm, Pt

    doc = Document()
    doc.add_heading(draft.title, level=0)
    doc.add_paragraph().add_run(draft.subtitle).italic = True
    for section in draft.sections[:2]:
        _section(doc, section)
    doc.add_picture(str(chart_png), width=Cm(16))
    caption = doc.add_paragraph(draft.chart_source)
    for run in caption.runs:
        run.font.size = Pt(8)
    doc.add_heading(draft.headings["table"], level=1)
    table = doc.add_table(rows=1, cols=len(draft.table.header))
    table.style = "Light Grid Accent 1"
    for cell, text in zip(table.rows[0].cells, draft.table.header):
        cell.text = text
    for row in draft.table.rows:
        cells = table.add_row().cells
        for cell, text in zip(cells, row):
            cell.text = text
    for section in draft.sections[2:]:
        _section(doc, section)
    doc.add_heading(draft.headings["source"], level=1)
    for line in draft.source_lines:
        doc.add_paragraph(line)
    if draft.licence_line:
        doc.add_paragraph(draft.licence_line)
    doc.add_heading(draft.headings["assessment"], level=1)
    with staged(out) as tmp:
        doc.save(str(tmp))
        _publish(tmp, out)
    return out


def _section(doc, section) -> None:
    doc.add_heading(section.heading, level=1)
    for paragraph in section.paragraphs:
        doc.add_paragraph(paragraph)


def markdown_text(draft: ReportDraft, chart_name: str) -> str:
    lines = [f"# {draft.title}", "", f"*{draft.subtitle}*", ""]
    for section in draft.sections[:2]:
        lines += _md_section(section)
    lines += [f"![{draft.chart_title}]({chart_name})", "", f"<small>{draft.chart_source}</small>", ""]
    lines += [f"## {draft.headings['table']}", "", "| " + " | ".join(draft.table.header) + " |",
              "| " + " | ".join("---" for _ in draft.table.header) + " |"]
    lines += ["| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
              for row in draft.table.rows]
    lines.append("")
    for section in draft.sections[2:]:
        lines += _md_section(section)
    lines += [f"## {draft.headings['source']}", ""]
    lines += [f"{line}  " for line in draft.source_lines]
    if draft.licence_line:
        lines.append(draft.licence_line)
    lines += ["", f"## {draft.headings['assessment']}", "", ""]
    return "\n".join(lines)


def _md_section(section) -> list[str]:
    out = [f"## {section.heading}", ""]
    for paragraph in section.paragraphs:
        out += [paragraph, ""]
    return out


def write_markdown(draft: ReportDraft, chart_png: Path, out: Path) -> Path:
    """``out`` plus the chart as ``<name>.png`` beside it (both appear only when both are done)."""
    png = chart_path_for(out)
    with staged(png) as tmp_png, staged(out) as tmp_md:
        tmp_png.write_bytes(chart_png.read_bytes())
        tmp_md.write_text(markdown_text(draft, png.name), encoding="utf-8")
        _publish(tmp_png, png)
        _publish(tmp_md, out)
    return png
