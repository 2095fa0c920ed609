#!/usr/bin/env python3
"""Write the German noun forms list used as a feature by the person CRF.

Source: the PyPI package ``german-nouns`` 1.2.5 (nouns of the German Wiktionary with their
inflected forms; CC BY-SA 4.0, Gregor Weichbrodt and the Wiktionary authors). Install it only to
run this script (``pip install german-nouns==1.2.5``); Lotse itself reads the derived list.

Output: ``assistant/privacy/data/wiktionary_nouns.tsv.gz``, one word form per line with a tag:
``N`` an ordinary noun (Substantiv), ``T`` a place name (Toponym), ``P`` a first or surname entry.
A form can carry several tags ("Koch" N and P). Forms shorter than 3 characters and multi-word
entries are skipped. Deterministic (sorted output). Licence of the output: CC BY-SA 4.0, see
``data/NAMES-LICENSES.md``.

Run: python scripts/build_noun_list.py
"""

from __future__ import annotations

import csv
import gzip
import sys
from collections import defaultdict
from importlib import resources
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "assistant" / "privacy" / "data" / "wiktionary_nouns.tsv.gz"
NAME_POS = {"Vorname", "Nachname"}
SKIP_POS = {"Gebundenes Lexem", "Affix", "Suffix", "Präfix"}


def main() -> None:
    try:
        source = resources.files("german_nouns") / "nouns.csv"
    except ModuleNotFoundError:
        sys.exit("pip install german-nouns==1.2.5 first (needed to build the list only)")
    tags: dict[str, set[str]] = defaultdict(set)
    with source.open(encoding="utf-8") as fh:
        reader = csv.reader(fh)
        header = next(reader)
        form_cols = [i for i, h in enumerate(header)
                     if h.split()[0] in {"nominativ", "genitiv", "dativ", "akkusativ"}]
        for row in reader:
            lemma, pos = row[0], set(row[1].split(","))
            if pos & SKIP_POS or " " in lemma:
                continue
            if pos & NAME_POS:
                tag = "P"
            elif "Toponym" in pos:
                tag = "T"
            elif pos & {"Eigenname", "Vorname", "Nachname"}:
                continue
            else:
                tag = "N"
            forms = {lemma} | {row[i] for i in form_cols if i < len(row) and row[i]}
            for form in forms:
                if len(form) >= 3 and " " not in form and form[:1].isalpha():
                    tags[form].add(tag)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    with gzip.GzipFile(OUT, "wb", mtime=0) as raw:
        raw.write(b"# German noun forms from german-nouns 1.2.5 (Wiktionary), CC BY-SA 4.0\n")
        for form in sorted(tags):
            raw.write(f"{form}\t{''.join(sorted(tags[form]))}\n".encode("utf-8"))
    print(f"wrote {OUT} ({len(tags)} forms, {OUT.stat().st_size / 1e6:.2f} MB)")


if __name__ == "__main__":
    main()
