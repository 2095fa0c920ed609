#!/usr/bin/env python3
"""Check ask_questions.yaml against FORMAT.md rules and the source texts.

For every expected fact, at least one alternative must occur verbatim
(case-insensitive, markdown ``**`` removed) in the source texts; the script
checks the files named in the entry's ``source`` field first and reports a
fact as OK only if it is found there (otherwise it says where else it occurs).
Also checks ids, kinds, counts, 2-4 facts, lower-case phrases, ``deciding`` for
darf_ich, and warns when a key phrase already appears in the question.
Exit code 0 if no errors.
"""
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
DOMAIN = Path("/work/shared/domain")
SEEDS = Path("/work/shared/seeds")
KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]


def norm(text: str) -> str:
    return text.replace("**", "").lower()


def load_sources():
    src = {
        "indicators.md": norm((DOMAIN / "indicators.md").read_text(encoding="utf-8")),
        "stack-notes.md": norm((DOMAIN / "stack-notes.md").read_text(encoding="utf-8")),
    }
    for p in sorted(SEEDS.glob("*.txt")):
        src["seed" + p.name[:3]] = norm(p.read_text(encoding="utf-8"))
    return src


def named_files(source_field: str, sources: dict):
    names = [n for n in sources if n in source_field]
    return names


def main() -> int:
    entries = yaml.safe_load((HERE / "ask_questions.yaml").read_text(encoding="utf-8"))
    sources = load_sources()
    errors, warnings = [], []

    ids = [e["id"] for e in entries]
    expected_ids = [f"a{i:02d}" for i in range(1, 49)]
    if ids != expected_ids:
        errors.append(f"ids are not a01..a48 in order: {ids}")
    counts = Counter(e["kind"] for e in entries)
    for k in KINDS:
        if counts.get(k, 0) != 8:
            errors.append(f"kind {k}: {counts.get(k, 0)} questions, expected 8")
    for k in counts:
        if k not in KINDS:
            errors.append(f"unknown kind {k}")

    n_facts = 0
    for e in entries:
        eid = e["id"]
        facts = e.get("expected_facts", [])
        if not 2 <= len(facts) <= 4:
            errors.append(f"{eid}: {len(facts)} facts (need 2-4)")
        if e["kind"] == "darf_ich":
            if not e.get("deciding"):
                errors.append(f"{eid}: darf_ich without deciding")
        elif "deciding" in e:
            errors.append(f"{eid}: deciding on non-darf_ich entry")
        files = named_files(e.get("source", ""), sources)
        if not files:
            errors.append(f"{eid}: source field names no known file: {e.get('source')}")
        q = norm(e["question"])
        for fact in facts:
            n_facts += 1
            if any(a != a.lower() for a in fact):
                errors.append(f"{eid}: phrase not lower case: {fact}")
            hits = [(a, f) for a in fact for f in files if a in sources[f]]
            if not hits:
                elsewhere = [(a, f) for a in fact for f in sources if a in sources[f]]
                if elsewhere:
                    errors.append(f"{eid}: {fact} not in named source {files}, but in {sorted({f for _, f in elsewhere})}")
                else:
                    errors.append(f"{eid}: NO alternative of {fact} occurs in any source")
            else:
                print(f"OK  {eid} {fact[0]!r:45} <- {hits[0][0]!r} in {hits[0][1]}")
            in_q = [a for a in fact if a in q]
            if in_q:
                warnings.append(f"{eid}: key phrase(s) {in_q} already in the question")

    print(f"\n{len(entries)} questions, {n_facts} facts; per kind: {dict(counts)}")
    for w in warnings:
        print("WARN ", w)
    for err in errors:
        print("ERROR", err)
    print("RESULT:", "FAIL" if errors else "PASS")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
