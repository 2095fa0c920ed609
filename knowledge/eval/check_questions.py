#!/usr/bin/env python3
"""Check knowledge/eval/questions.yaml against the guidance texts.

For every question: the source file exists in knowledge/guidance/, the
section heading exists there as a "## " heading, and every fact is a
case-insensitive substring of that section's text (heading plus body up to
the next "## " heading; "###" subsections belong to the section).

Usage: python3 knowledge/eval/check_questions.py [path/to/questions.yaml]
Exit code 0 if all checks pass, 1 otherwise.
"""
import pathlib
import sys

import yaml

HERE = pathlib.Path(__file__).resolve().parent
GUIDANCE = HERE.parent / "guidance"


def sections(text):
    """Map each '## ' heading to its section text."""
    result = {}
    current = None
    lines = []
    for line in text.splitlines():
        if line.startswith("## "):
            if current is not None:
                result[current] = "\n".join(lines)
            current = line[3:].strip()
            lines = [line]
        elif current is not None:
            lines.append(line)
    if current is not None:
        result[current] = "\n".join(lines)
    return result


def main():
    qpath = pathlib.Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "questions.yaml"
    questions = yaml.safe_load(qpath.read_text(encoding="utf-8"))
    errors = []
    ids = set()
    cache = {}
    per_file = {}
    for q in questions:
        qid = q.get("id", "?")
        if qid in ids:
            errors.append(f"{qid}: duplicate id")
        ids.add(qid)
        for key in ("question", "source", "section", "facts"):
            if not q.get(key):
                errors.append(f"{qid}: missing {key}")
        src = q.get("source", "")
        path = GUIDANCE / src
        if not path.is_file():
            errors.append(f"{qid}: source file not found: {src}")
            continue
        if src not in cache:
            cache[src] = sections(path.read_text(encoding="utf-8"))
        secs = cache[src]
        sec = q.get("section", "")
        if sec not in secs:
            errors.append(f"{qid}: section not found in {src}: {sec!r}")
            continue
        facts = q.get("facts") or []
        if not 1 <= len(facts) <= 3:
            errors.append(f"{qid}: expected 1-3 facts, got {len(facts)}")
        body = secs[sec].lower()
        for fact in facts:
            if str(fact).lower() not in body:
                errors.append(f"{qid}: fact {fact!r} not in section {sec!r} of {src}")
        per_file[src] = per_file.get(src, 0) + 1

    missing = sorted(p.name for p in GUIDANCE.glob("*.md") if p.name not in per_file)
    print(f"questions: {len(questions)}")
    for src in sorted(per_file):
        print(f"  {src}: {per_file[src]}")
    if missing:
        errors.append("guidance files without questions: " + ", ".join(missing))
    if errors:
        print(f"FAILED: {len(errors)} problem(s)")
        for e in errors:
            print("  " + e)
        return 1
    print("OK: all sources, sections and facts found")
    return 0


if __name__ == "__main__":
    sys.exit(main())
