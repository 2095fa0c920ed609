#!/usr/bin/env python3
"""Structure and wording checks for knowledge/guidance/*.md (stdlib only).

- first line is a "# " title, followed by the two-line metadata block
  ("> Quelle(n): ..." and "> Stand: 2026-11 · ...");
- 600-1,800 words per file; "## " sections of 80-300 words (glossar.md:
  entries of 1-3 sentences), reported as warnings;
- no HTML tags, no Markdown tables with more than 4 columns;
- optional copy check: with --sources FILE..., reports every run of
  N (default 8) consecutive words that also occurs in one of the source files.

Usage: python3 knowledge/eval/check_guidance.py [--ngram N] [--sources FILE ...]
Exit code 1 on structural errors; warnings and overlaps are only printed.
"""
import argparse
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
GUIDANCE = HERE.parent / "guidance"
WORD = re.compile(r"[0-9A-Za-zÄÖÜäöüß]+(?:[-.,][0-9A-Za-zÄÖÜäöüß]+)*")


def words(text):
    return WORD.findall(text)


def split_sections(lines):
    secs, cur, buf = [], None, []
    for line in lines:
        if line.startswith("## "):
            if cur:
                secs.append((cur, buf))
            cur, buf = line[3:].strip(), []
        elif cur:
            buf.append(line)
    if cur:
        secs.append((cur, buf))
    return secs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ngram", type=int, default=8)
    ap.add_argument("--sources", nargs="*", default=[])
    args = ap.parse_args()

    errors, warnings = [], []
    shingles = {}
    for src in args.sources:
        ws = [w.lower() for w in words(pathlib.Path(src).read_text(encoding="utf-8"))]
        for i in range(len(ws) - args.ngram + 1):
            shingles.setdefault(" ".join(ws[i:i + args.ngram]), pathlib.Path(src).name)

    for path in sorted(GUIDANCE.glob("*.md")):
        text = path.read_text(encoding="utf-8")
        lines = text.splitlines()
        name = path.name
        if not lines or not lines[0].startswith("# "):
            errors.append(f"{name}: first line is not a '# ' title")
        meta = [l for l in lines[1:5] if l.startswith(">")]
        if len(meta) != 2 or not meta[0].startswith("> Quelle(n): ") or not meta[1].startswith(
            "> Stand: 2026-11 · Verfasst für Lotse; eigene Formulierungen, Fakten aus den genannten Quellen."
        ):
            errors.append(f"{name}: metadata block missing or malformed")
        body_lines = [l for l in lines if not l.startswith(">")]
        n = len(words("\n".join(body_lines)))
        if not 600 <= n <= 1800:
            errors.append(f"{name}: {n} words (expected 600-1800)")
        if re.search(r"<[a-zA-Z/][^>]*>", text):
            errors.append(f"{name}: contains HTML-like tags")
        for l in lines:
            if l.startswith("|") and l.count("|") - 1 > 4:
                errors.append(f"{name}: table wider than 4 columns")
        secs = split_sections(lines)
        print(f"{name}: {n} words, {len(secs)} sections")
        for head, buf in secs:
            sw = len(words("\n".join(buf)))
            if name == "glossar.md":
                sentences = len(re.findall(r"(?<![0-9])(?<!Art)(?<!Nr)(?<!dar)(?<!bzw)(?<!z\.B)[.!?](?=\s+[A-ZÄÖÜ„(]|\s*$)", " ".join(buf).strip()))
                if not 1 <= sentences <= 3:
                    warnings.append(f"{name}: '{head}' has {sentences} sentences")
            elif not 80 <= sw <= 300:
                warnings.append(f"{name}: '{head}' has {sw} words")
        if shingles:
            ws = [w.lower() for w in words("\n".join(body_lines))]
            hits = set()
            for i in range(len(ws) - args.ngram + 1):
                key = " ".join(ws[i:i + args.ngram])
                if key in shingles:
                    hits.add((key, shingles[key]))
            for key, src in sorted(hits):
                warnings.append(f"{name}: overlap with {src}: '{key}'")

    for w in warnings:
        print("WARN  " + w)
    for e in errors:
        print("ERROR " + e)
    print("OK" if not errors else f"FAILED: {len(errors)} error(s)")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
