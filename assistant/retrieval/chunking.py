"""Split documents into chunks along headings and pages (langchain-text-splitters).

Markdown-like text (Markdown, HTML converted to Markdown, plain text) is first cut at ``#``,
``##`` and ``###`` headings; each piece, and each PDF page or DOCX section, is then cut to about
``chunk_chars`` characters at paragraph, line or sentence boundaries. The chunk's ``section`` is
its ``##`` heading (the unit the guidance texts are written in), falling back to ``###``.
"""

from __future__ import annotations

import re
from functools import cached_property

from assistant.retrieval.models import Chunk, Document

HEADERS = [("#", "h1"), ("##", "h2"), ("###", "h3")]
SEPARATORS = ["\n\n", "\n", ". ", "; ", ", ", " ", ""]


class Chunker:
    def __init__(self, chunk_chars: int = 900, overlap: int = 120) -> None:
        self.chunk_chars = chunk_chars
        self.overlap = overlap

    @cached_property
    def _headers(self):  # noqa: ANN202 - MarkdownHeaderTextSplitter
        # Built on first use: an unchanged index opens without importing the splitters (~0.15 s).
        from langchain_text_splitters import MarkdownHeaderTextSplitter

        return MarkdownHeaderTextSplitter(HEADERS, strip_headers=True)

    @cached_property
    def _splitter(self):  # noqa: ANN202 - RecursiveCharacterTextSplitter
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        return RecursiveCharacterTextSplitter(
            chunk_size=self.chunk_chars, chunk_overlap=min(self.overlap, self.chunk_chars // 3),
            separators=SEPARATORS, keep_separator="end", strip_whitespace=True)

    def split(self, document: Document, source: str) -> list[Chunk]:
        pieces: list[tuple[str, str | None, int | None]] = []
        for sec in document.sections:
            if sec.section is None and sec.page is None:
                for doc in self._headers.split_text(sec.text):
                    meta = doc.metadata
                    heading = meta.get("h2") or meta.get("h3")
                    text = doc.page_content
                    if meta.get("h2") and meta.get("h3"):
                        text = f"{meta['h3']}: {text}"
                    pieces.append((text, heading, None))
            else:
                pieces.append((sec.text, sec.section, sec.page))
        chunks: list[Chunk] = []
        for text, heading, page in pieces:
            for part in self._splitter.split_text(_clean(text)):
                if len(part.strip()) < 3:
                    continue
                chunks.append(Chunk(text=part.strip(), source=source, title=document.title,
                                    section=heading, page=page, index=len(chunks)))
        return chunks


def _clean(text: str) -> str:
    text = text.replace("\r\n", "\n").replace("\u00ad", "")
    text = re.sub(r"(\w)-\n(\w)", r"\1\2", text)  # hyphenation at PDF line ends
    text = re.sub(r"[ \t]+", " ", text)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
