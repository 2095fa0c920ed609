#!/usr/bin/env python3
"""Check ask_questions.yaml against the rules of FORMAT.md / the helper brief.

Rules checked:
- 60 entries, ids v01..v60, unique
- 10 entries per kind (berechnung, definition, darf_ich, datenquelle, schwelle, vorgehen)
- each entry: question, source, 2-4 expected_facts; each fact a non-empty list of strings
- every alternative lower case
- at least one alternative per fact occurs verbatim (case-insensitive, markdown ** removed)
  in the source texts (/work/shared/domain/*.md, /work/shared/seeds/*.txt)
- no alternative occurs inside its own question (case-insensitive)
- `deciding` present (non-empty list of lower-case strings) on darf_ich entries only
Standard library + PyYAML only.
"""
import glob
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
YAML_PATH = os.path.join(HERE, "ask_questions.yaml")
SOURCES = sorted(glob.glob("/work/shared/domain/*.md")) + sorted(glob.glob("/work/shared/seeds/*.txt"))
KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
PER_KIND = 10
TOTAL = 60


def norm(text):
    return text.replace("**", "").lower()


def main():
    corpus = {os.path.basename(p): norm(open(p, encoding="utf-8").read()) for p in SOURCES}
    if len(corpus) != 7:
        print(f"warning: expected 7 source files, found {len(corpus)}")
    alltext = "\n".join(corpus.values())

    data = yaml.safe_load(open(YAML_PATH, encoding="utf-8"))
    errors = []
    if not isinstance(data, list):
        print("FAIL: top level is not a list")
        return 1
    if len(data) != TOTAL:
        errors.append(f"expected {TOTAL} entries, found {len(data)}")
    ids = [e.get("id") for e in data]
    expected_ids = [f"v{i:02d}" for i in range(1, TOTAL + 1)]
    if sorted(ids) != expected_ids:
        errors.append(f"ids are not exactly v01..v{TOTAL:02d}: {ids}")
    counts = {k: 0 for k in KINDS}
    nfacts = 0
    for e in data:
        eid = e.get("id", "?")
        kind = e.get("kind")
        if kind not in KINDS:
            errors.append(f"{eid}: unknown kind {kind!r}")
        else:
            counts[kind] += 1
        q = e.get("question")
        if not isinstance(q, str) or not q.strip():
            errors.append(f"{eid}: missing question")
            q = ""
        ql = q.lower()
        if not isinstance(e.get("source"), str) or not e["source"].strip():
            errors.append(f"{eid}: missing source")
        facts = e.get("expected_facts")
        if not isinstance(facts, list) or not (2 <= len(facts) <= 4):
            errors.append(f"{eid}: needs 2-4 expected_facts, has {facts!r}")
            facts = facts if isinstance(facts, list) else []
        for i, fact in enumerate(facts, 1):
            nfacts += 1
            if not isinstance(fact, list) or not fact or not all(isinstance(a, str) and a for a in fact):
                errors.append(f"{eid} fact {i}: must be a non-empty list of strings")
                continue
            for a in fact:
                if a != a.lower():
                    errors.append(f"{eid} fact {i}: alternative not lower case: {a!r}")
                if a.lower() in ql:
                    errors.append(f"{eid} fact {i}: alternative {a!r} occurs in the question")
            hits = [a for a in fact if a.lower() in alltext]
            if not hits:
                errors.append(f"{eid} fact {i}: no alternative verbatim in sources: {fact!r}")
        allowed = {"id", "kind", "question", "expected_facts", "source", "deciding"}
        extra = set(e) - allowed
        if extra:
            errors.append(f"{eid}: unexpected keys {sorted(extra)}")
        if kind == "darf_ich":
            dec = e.get("deciding")
            if not isinstance(dec, list) or not dec or not all(isinstance(d, str) and d and d == d.lower() for d in dec):
                errors.append(f"{eid}: darf_ich needs non-empty lower-case list `deciding`")
        elif "deciding" in e:
            errors.append(f"{eid}: `deciding` only allowed on darf_ich entries")
    for k in KINDS:
        if counts[k] != PER_KIND:
            errors.append(f"kind {k}: {counts[k]} entries, expected {PER_KIND}")
    print("entries:", len(data), "facts:", nfacts)
    print("per kind:", ", ".join(f"{k}={counts[k]}" for k in KINDS))
    if errors:
        print(f"FAIL ({len(errors)} problems)")
        for err in errors:
            print("  -", err)
        return 1
    print("OK: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
