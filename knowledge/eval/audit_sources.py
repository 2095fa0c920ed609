#!/usr/bin/env python3
"""List key phrases of a source text that the knowledge base does not state (stdlib only).

The source (by default the research notes ../shared/domain/indicators.md) is cut at its "## "
headings. For each section named on the command line, key phrases are collected: table codes
(21111-02-06-4, 21111-02-06-4-B), KBDB codes (BW-D07.1i), dates (30.9., 6.5.2024), school years
(2020/21), numbers with a decimal comma or thousands dots (7,6; 782.423), paragraphs and
articles (§ 16 BStatG, § 281 Abs. 3 SGB III, Art. 22), thresholds (< 3, ≥ 100, ±2), quoted
terms („gepunktet“) and bold terms (**Cell-Key-Methode**). A phrase counts as stated when it
occurs, case-insensitively and with whitespace folded, in any file of knowledge/guidance/*.md,
knowledge/indicators/*.yaml or knowledge/faq/*.yaml (YAML folding and Markdown emphasis are
ignored). Numbers are also accepted with a decimal point or as "Prozent"-free digits; dates
also without the year's leading day zero.

Usage:
    python3 knowledge/eval/audit_sources.py D E F G H Zählung "Anhang 2" "Anhang 3" "Anhang 4"
    python3 knowledge/eval/audit_sources.py --source path/to/indicators.md --list D
A section argument matches every "## " heading that starts with it ("D" matches
"## D – Allgemeinbildende Schulen"; "Anhang 2" matches "## Anhang 2: ..."). --list prints all
phrases with their status, not only the missing ones; --prose counts only the guidance texts and
the FAQ, which are in the passage index (catalogue entries join only when a question names them). Exit code 1 if a phrase is missing.
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
KNOWLEDGE = HERE.parent


def shared(*parts: str) -> pathlib.Path:
    """``shared/<parts>`` next to the repository or one of its ancestors (the research notes and
    seeds are not part of the repository)."""
    return next((up.joinpath("shared", *parts) for up in KNOWLEDGE.parents
                 if up.joinpath("shared", *parts).exists()),
                KNOWLEDGE.parent.parent.joinpath("shared", *parts))


DEFAULT_SOURCE = shared("domain", "indicators.md")

PATTERNS = [
    ("table", r"\b\d{5}-\d{2}-\d{2}-\d(?:-B)?\b"),
    ("code", r"\b[A-Z]{2}-[A-H]\d{2}\.\d+i\b"),
    ("date", r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4})?(?![\d])"),
    ("year", r"\b(?:19|20)\d{2}/\d{2}\b"),
    ("number", r"(?<![\d.,])\d+,\d+(?![\d])"),
    ("number", r"(?<![\d.,])\d{1,3}(?:\.\d{3})+(?![\d])"),
    ("paragraph", r"§\s?\d+[a-z]?(?:\s+Abs\.\s?\d+)?\s+(?:[A-Z][A-Za-z]*G\b|SGB\s+[IVX]+|BBiG|HwO)"),
    ("article", r"Art\.\s?\d+(?:\s+Nr\.\s?\d+)?"),
    ("threshold", r"(?:[<>≥≤]\s?\d+|±\s?\d+)"),
    ("quoted", r"„([^“]{2,60})“"),
    ("bold", r"\*\*(.+?)\*\*"),
]
URL = re.compile(r"(?:https?://|www\.)\S+")


def fold(text: str) -> str:
    text = text.replace("**", "").replace("\u00a0", " ").replace("\u202f", " ")
    return re.sub(r"\s+", " ", text).lower()


def sections(text: str) -> dict[str, str]:
    out: dict[str, str] = {}
    head = None
    for line in text.splitlines():
        if line.startswith("## "):
            head = line[3:].strip()
            out[head] = ""
        elif head is not None:
            out[head] += line + "\n"
    return out


def knowledge_text(prose_only: bool = False) -> str:
    """The knowledge files folded to one searchable string; ``prose_only`` leaves out the
    catalogue (knowledge/indicators), which is not in the passage index: its entries reach an
    answer only when the question names the indicator."""
    files = [*sorted((KNOWLEDGE / "guidance").glob("*.md")),
             *([] if prose_only else sorted((KNOWLEDGE / "indicators").glob("*.yaml"))),
             *sorted((KNOWLEDGE / "faq").glob("*.yaml"))]
    parts = []
    for path in files:
        text = path.read_text(encoding="utf-8")
        if path.suffix == ".yaml":  # folded scalars: join indented continuation lines
            text = re.sub(r"\n\s+", " ", text)
        parts.append(text)
    return fold("\n".join(parts))


def phrases(text: str) -> list[tuple[str, str]]:
    """Key phrases in order of kind; URLs are dropped first, bold labels ("**Formel:**") and
    bold or quoted fragments shorter than 3 characters are skipped."""
    text = URL.sub(" ", text)
    found: list[tuple[str, str]] = []
    seen = set()
    for kind, pattern in PATTERNS:
        for m in re.finditer(pattern, text):
            phrase = (m.group(1) if m.groups() else m.group(0)).strip()
            if kind in ("bold", "quoted") and (len(phrase) < 3 or phrase.endswith(":") or len(phrase) > 60):
                continue
            key = fold(phrase)
            if key and key not in seen:
                seen.add(key)
                found.append((kind, phrase))
    return found


def variants(kind: str, phrase: str) -> list[str]:
    p = fold(phrase)
    out = [p]
    if kind == "threshold":
        out += [p.replace(" ", ""), re.sub(r"([<>≥≤±])(\d)", r"\1 \2", p)]
    if kind == "paragraph":
        out.append(p.replace("§ ", "§"))
    if kind == "date" and re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", p):
        d, m, y = p.split(".")
        out.append(f"{int(d):02d}.{int(m):02d}.{y}")
    return out


def stated(kind: str, phrase: str, corpus: str) -> bool:
    for v in variants(kind, phrase):
        if kind in ("date", "number", "threshold"):
            if re.search(r"(?<![\d,.])" + re.escape(v) + r"(?![\d])", corpus):
                return True
        elif v in corpus:
            return True
    return False


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("sections", nargs="+", help="section names (heading prefixes) of the source")
    ap.add_argument("--source", type=pathlib.Path, default=DEFAULT_SOURCE)
    ap.add_argument("--list", action="store_true", help="print every phrase with its status")
    ap.add_argument("--prose", action="store_true",
                    help="count only guidance texts and FAQ (the passage index), not the catalogue")
    args = ap.parse_args()
    secs = sections(args.source.read_text(encoding="utf-8"))
    corpus = knowledge_text(args.prose)
    missing_total = total = 0
    for name in args.sections:
        heads = [h for h in secs if h == name or h.startswith(name + " ") or h.startswith(name + ":")]
        if not heads:
            print(f"?? no section starts with {name!r}")
            missing_total += 1
            continue
        for head in heads:
            items = phrases(secs[head])
            missing = [(k, p) for k, p in items if not stated(k, p, corpus)]
            total += len(items)
            missing_total += len(missing)
            print(f"## {head}: {len(items) - len(missing)}/{len(items)} stated")
            for kind, phrase in items:
                ok = (kind, phrase) not in missing
                if args.list or not ok:
                    print(f"   {'ok ' if ok else 'MISSING'} {kind:9} {phrase}")
    print(f"TOTAL: {total - missing_total}/{total} stated, {missing_total} missing")
    return 1 if missing_total else 0


if __name__ == "__main__":
    sys.exit(main())
