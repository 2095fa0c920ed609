#!/usr/bin/env python3
"""Check ask_questions.yaml against the rules of FORMAT.md (variant: 60 entries, 10 per kind).

Rules checked:
- 60 entries, ids t01..t60 unique, 10 per kind for the six kinds;
- required fields; 2-4 expected_facts, each a non-empty list of strings;
- every alternative is lower case;
- for every fact at least one alternative occurs verbatim (case-insensitive, markdown ** removed)
  in /work/shared/domain/*.md or /work/shared/seeds/*.txt;
- no alternative occurs inside its own question (case-insensitive);
- `deciding` present (non-empty list of lower-case strings) on darf_ich entries and only there.
Stdlib + PyYAML only.
"""
import glob
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
YAML_PATH = HERE / "ask_questions.yaml"
KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
PER_KIND = 10
TOTAL = 60


def load_sources():
    files = sorted(glob.glob("/work/shared/domain/*.md")) + sorted(glob.glob("/work/shared/seeds/*.txt"))
    text = []
    for f in files:
        text.append(Path(f).read_text(encoding="utf-8").replace("**", ""))
    return "\n".join(text).lower(), files


def main():
    errors = []
    corpus, files = load_sources()
    data = yaml.safe_load(YAML_PATH.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        print("FAIL: top level is not a list")
        return 1
    if len(data) != TOTAL:
        errors.append(f"expected {TOTAL} entries, found {len(data)}")
    ids = [e.get("id") for e in data]
    expected_ids = [f"t{i:02d}" for i in range(1, TOTAL + 1)]
    if sorted(ids) != expected_ids:
        errors.append(f"ids are not exactly t01..t{TOTAL}: {ids}")
    kinds = Counter(e.get("kind") for e in data)
    for k in KINDS:
        if kinds.get(k, 0) != PER_KIND:
            errors.append(f"kind {k}: {kinds.get(k, 0)} entries, expected {PER_KIND}")
    for k in kinds:
        if k not in KINDS:
            errors.append(f"unknown kind {k!r}")
    n_facts = 0
    for e in data:
        qid = e.get("id")
        for field in ("id", "kind", "question", "expected_facts", "source"):
            if not e.get(field):
                errors.append(f"{qid}: missing field {field}")
        q = str(e.get("question", "")).lower()
        facts = e.get("expected_facts") or []
        if not (2 <= len(facts) <= 4):
            errors.append(f"{qid}: {len(facts)} expected_facts (need 2-4)")
        for i, fact in enumerate(facts):
            n_facts += 1
            if not isinstance(fact, list) or not fact or not all(isinstance(a, str) and a for a in fact):
                errors.append(f"{qid} fact {i}: not a non-empty list of strings")
                continue
            for a in fact:
                if a != a.lower():
                    errors.append(f"{qid} fact {i}: alternative not lower case: {a!r}")
                if a.lower() in q:
                    errors.append(f"{qid} fact {i}: alternative occurs in its own question: {a!r}")
            if not any(a.lower() in corpus for a in fact):
                errors.append(f"{qid} fact {i}: no alternative found verbatim in sources: {fact}")
        dec = e.get("deciding")
        if e.get("kind") == "darf_ich":
            if not dec or not isinstance(dec, list) or not all(isinstance(d, str) and d for d in dec):
                errors.append(f"{qid}: darf_ich entry without a valid deciding list")
            else:
                for d in dec:
                    if d != d.lower():
                        errors.append(f"{qid}: deciding word not lower case: {d!r}")
        elif dec is not None:
            errors.append(f"{qid}: deciding on a non-darf_ich entry")
    print(f"sources: {len(files)} files")
    print(f"entries: {len(data)}; facts: {n_facts}; per kind: " + ", ".join(f"{k}={kinds.get(k, 0)}" for k in KINDS))
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for err in errors:
            print("  - " + err)
        return 1
    print("PASS: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
