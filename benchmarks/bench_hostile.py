"""Build the two DOCX bombs of issue 11 in a folder and print their sizes; then measure with

    python benchmarks/bench_hostile.py /tmp/bombs [absaetze.docx textlauf.docx]
    /usr/bin/time -v python -m assistant ingest /tmp/bombs/absaetze.docx
    /usr/bin/time -v python -m assistant ingest /tmp/bombs/textlauf.docx

Bomb 1: ``word/document.xml`` unpacks to 2 GB of small, numbered paragraphs (about 6 MB on disk);
bomb 2: one text run of 2 GB (about 2 MB). Both are written by streaming the member, so building
them needs no memory either.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from tests.hostile import docx_with_body, text_run_bomb  # noqa: E402

MB = 1024 * 1024


def numbered_paragraphs(total_mb: int):  # noqa: ANN201
    """Small paragraphs, every 256th numbered: compresses ~300-fold, like the issue's 6 MB bomb."""
    written, n = 0, 0
    plain = "<w:p><w:r><w:t>Bildungsbericht</w:t></w:r></w:p>"
    while written < total_mb * MB:
        block = "".join(f"<w:p><w:r><w:t>Absatz {i}</w:t></w:r></w:p>" if i % 256 == 0 else plain
                        for i in range(n, n + 20000))
        n += 20000
        written += len(block)
        yield block


def main() -> None:
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "/tmp/lotse-bombs")
    folder.mkdir(parents=True, exist_ok=True)
    which = sys.argv[2:] or ["absaetze.docx", "textlauf.docx"]
    for name, build in (("absaetze.docx", lambda p: docx_with_body(p, numbered_paragraphs(2048))),
                        ("textlauf.docx", lambda p: text_run_bomb(p, 2048))):
        if name not in which:
            continue
        started = time.monotonic()
        path = build(folder / name)
        print(f"{path}: {path.stat().st_size / MB:.1f} MB on disk, 2048 MB unpacked "
              f"(built in {time.monotonic() - started:.0f} s)")


if __name__ == "__main__":
    main()
