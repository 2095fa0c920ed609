#!/usr/bin/env python3
"""Write the vocabulary of ordinary words seen outside names in GermEval 2014 dev (all of it).

Output: ``assistant/privacy/data/common_words_germeval.txt.gz``, one word per line as written.
Capitalised words are kept only when seen mid-sentence, first names only when seen twice (German capitalises nouns, so ``Koch`` there
is the noun); words ever tagged as (part of) a person are dropped. Licence of the source: CC BY 4.0
(see data/NAMES-LICENSES.md). Deterministic. ``scripts/cv_ner.py`` calls :func:`common_words` on
the training folds only, so no fold is measured with words taken from it.

Run: python scripts/build_common_words.py [/work/shared/data/germeval2014/NER-de-dev.tsv]
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path
from typing import Iterable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from collections import Counter  # noqa: E402

from scripts.privacy_evaluation import GermEvalSentence, read_germeval  # noqa: E402
from assistant.privacy.names import CURATED, DATA_DIR, _names, fold  # noqa: E402

DEFAULT = Path("/work/shared/data/germeval2014/NER-de-dev.tsv")


def common_words(sentences: Iterable[GermEvalSentence]) -> list[str]:
    """Sorted ordinary words of ``sentences`` (see the module docstring for what counts)."""
    words: Counter[str] = Counter()
    person: set[str] = set()
    for sentence in sentences:
        for i, (token, tag) in enumerate(zip(sentence.tokens, sentence.tags)):
            if "PER" in tag:
                person.add(token.lower())
                continue
            if tag != "O" or not any(ch.isalpha() for ch in token) or len(token) < 2:
                continue
            if token[:1].isupper() and i == 0:
                continue  # sentence-initial capital says nothing
            if token.isupper():
                continue  # acronyms
            words[token] += 1
    # A first name seen once outside a name (a title, a band) is more likely a name than a word.
    first = _names([DATA_DIR / "faker_first_names.txt.gz", *sorted(CURATED.glob("first_names*.txt"))])
    return sorted(w for w, n in words.items()
                  if w.lower() not in person and not (n == 1 and fold(w) in first))


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else DEFAULT
    rows = common_words(read_germeval(source))
    out = ROOT / "assistant" / "privacy" / "data" / "common_words_germeval.txt.gz"
    with gzip.GzipFile(out, "wb", mtime=0) as fh:
        fh.write(("\n".join(rows) + "\n").encode("utf-8"))
    print(f"{out.name}: {len(rows)} words")


if __name__ == "__main__":
    main()
