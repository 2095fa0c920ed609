#!/usr/bin/env python3
"""Build ``assistant/privacy/data/english_words.txt.gz``: ordinary English words, lower case.

Source: the hunspell en_US dictionary (SCOWL, Kevin Atkinson; Debian package hunspell-en-us,
``/usr/share/hunspell/en_US.dic``). Only entries written in lower case are kept (proper names are
capitalised there), with their plural where the entry carries the plural flag S ("list" ->
"lists"). The person recognizers use the list to tell an English sentence's capitalised words
("Please note", "Known issues") from names in English-German mails.

Usage: python scripts/build_english_words.py [DIC]
"""

from __future__ import annotations

import gzip
import io
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assistant" / "privacy" / "data" / "english_words.txt.gz"
DEFAULT_DIC = Path("/usr/share/hunspell/en_US.dic")
_WORD = re.compile(r"[a-z]{2,}")


def main(argv: list[str]) -> None:
    dic = Path(argv[0]) if argv else DEFAULT_DIC
    words: set[str] = set()
    for line in dic.read_text(encoding="utf-8").splitlines()[1:]:
        word, _, flags = line.partition("/")
        if _WORD.fullmatch(word):
            words.add(word)
            if "S" in flags:
                words.add(word + ("es" if word.endswith(("s", "x", "z", "ch", "sh")) else "s"))
    with gzip.GzipFile(OUT, "wb", mtime=0) as raw, io.TextIOWrapper(raw, encoding="utf-8") as fh:
        fh.write("# Ordinary English words (lower case), from the hunspell en_US dictionary (SCOWL),\n"
                 "# built by scripts/build_english_words.py; licence in NAMES-LICENSES.md.\n")
        fh.write("\n".join(sorted(words)) + "\n")
    print(f"{len(words)} words -> {OUT}")


if __name__ == "__main__":
    main(sys.argv[1:])
