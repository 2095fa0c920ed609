#!/usr/bin/env python3
"""Check ask_questions.yaml against the rules of FORMAT.md (issue 14)."""
import glob
import re
import sys
from collections import Counter

import yaml

HERE = __file__.rsplit("/", 1)[0] or "."
KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
SOURCES = sorted(glob.glob("/work/shared/domain/*.md")) + sorted(glob.glob("/work/shared/seeds/*.txt"))


def norm(text):
    return text.replace("**", "").lower()


def main():
    corpus = "\n".join(norm(open(p, encoding="utf-8").read()) for p in SOURCES)
    with open(f"{HERE}/ask_questions.yaml", encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    errors = []
    if not isinstance(data, list):
        print("FAIL: top level is not a list")
        return 1
    if len(data) != 60:
        errors.append(f"expected 60 entries, got {len(data)}")
    ids = [e.get("id") for e in data]
    want_ids = [f"z{i:02d}" for i in range(1, 61)]
    if ids != want_ids:
        errors.append(f"ids not z01..z60 in order: {ids}")
    counts = Counter(e.get("kind") for e in data)
    for k in KINDS:
        if counts.get(k) != 10:
            errors.append(f"kind {k}: {counts.get(k, 0)} entries, expected 10")
    for k in counts:
        if k not in KINDS:
            errors.append(f"unknown kind {k}")
    allowed = {"id", "kind", "question", "expected_facts", "source", "deciding"}
    for e in data:
        eid = e.get("id")
        extra = set(e) - allowed
        if extra:
            errors.append(f"{eid}: unknown keys {extra}")
        q = e.get("question")
        if not isinstance(q, str) or not q.strip():
            errors.append(f"{eid}: question missing")
            q = ""
        qn = norm(q)
        src = e.get("source")
        if not isinstance(src, str) or not src.strip():
            errors.append(f"{eid}: source missing")
        facts = e.get("expected_facts")
        if not isinstance(facts, list) or not 2 <= len(facts) <= 4:
            errors.append(f"{eid}: expected_facts must be a list of 2-4 facts")
            facts = facts if isinstance(facts, list) else []
        for i, fact in enumerate(facts):
            if not isinstance(fact, list) or not fact:
                errors.append(f"{eid} fact {i}: not a non-empty list")
                continue
            found = False
            for alt in fact:
                if not isinstance(alt, str) or not alt.strip():
                    errors.append(f"{eid} fact {i}: empty/non-string alternative {alt!r}")
                    continue
                if alt != alt.lower():
                    errors.append(f"{eid} fact {i}: alternative not lower case: {alt!r}")
                if alt in qn:
                    errors.append(f"{eid} fact {i}: alternative occurs in question: {alt!r}")
                if len(alt.split()) > 4:
                    errors.append(f"{eid} fact {i}: alternative longer than 4 words: {alt!r}")
                if alt in corpus:
                    found = True
            if not found:
                errors.append(f"{eid} fact {i}: no alternative occurs verbatim in sources: {fact}")
        if e.get("kind") == "darf_ich":
            dec = e.get("deciding")
            if not isinstance(dec, list) or not dec or not all(isinstance(d, str) and d and d == d.lower() for d in dec):
                errors.append(f"{eid}: darf_ich needs non-empty lower-case 'deciding' list")
        elif "deciding" in e:
            errors.append(f"{eid}: 'deciding' only allowed for darf_ich")
    qs = [norm(e.get("question", "")) for e in data]
    dup = [q for q, c in Counter(qs).items() if c > 1]
    if dup:
        errors.append(f"duplicate questions: {dup}")
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for err in errors:
            print(" -", err)
        return 1
    print(f"OK: {len(data)} questions, per kind: " + ", ".join(f"{k}={counts[k]}" for k in KINDS))
    print(f"checked against {len(SOURCES)} source files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
