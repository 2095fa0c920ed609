#!/usr/bin/env python3
"""Check ask_questions.yaml against the rules of FORMAT.md (issue-14 independent set).

Rules checked (60 entries, 10 per kind):
- list of entries; unique ids s01..s60; fields id, kind, question, expected_facts, source;
- kind in the six kinds, exactly 10 entries per kind;
- 2-4 expected_facts per entry, each a non-empty list of non-empty strings;
- every alternative is lower case;
- at least one alternative of each fact occurs verbatim (case-insensitive, markdown `**`
  removed) in /work/shared/domain/*.md or /work/shared/seeds/*.txt;
- no alternative occurs inside its own question (case-insensitive);
- `deciding` present (non-empty list of lower-case words) on darf_ich entries only.
Only the standard library and PyYAML are used.
"""
import glob
import sys
from collections import Counter
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
YAML_PATH = HERE / "ask_questions.yaml"
SOURCES = sorted(glob.glob("/work/shared/domain/*.md")) + sorted(glob.glob("/work/shared/seeds/*.txt"))
KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
PER_KIND = 10
TOTAL = 60
FIELDS = {"id", "kind", "question", "expected_facts", "source"}


def load_corpus():
    texts = {}
    for p in SOURCES:
        texts[Path(p).name] = Path(p).read_text(encoding="utf-8").replace("**", "").lower()
    return texts


def main():
    errors = []
    corpus = load_corpus()
    if not corpus:
        print("FAIL: no source texts found")
        return 1
    data = yaml.safe_load(YAML_PATH.read_text(encoding="utf-8"))
    if not isinstance(data, list):
        print("FAIL: top level is not a list")
        return 1
    if len(data) != TOTAL:
        errors.append(f"expected {TOTAL} entries, found {len(data)}")
    ids = [e.get("id") for e in data if isinstance(e, dict)]
    expected_ids = [f"s{i:02d}" for i in range(1, TOTAL + 1)]
    if ids != expected_ids:
        dup = [i for i, c in Counter(ids).items() if c > 1]
        errors.append(f"ids are not s01..s{TOTAL:02d} in order (duplicates: {dup})")
    kinds = Counter()
    n_facts = n_alts = 0
    fact_counts = Counter()
    for e in data:
        if not isinstance(e, dict):
            errors.append(f"entry is not a mapping: {e!r}")
            continue
        eid = e.get("id", "?")
        keys = set(e)
        missing = FIELDS - keys
        extra = keys - FIELDS - {"deciding"}
        if missing:
            errors.append(f"{eid}: missing fields {sorted(missing)}")
        if extra:
            errors.append(f"{eid}: unknown fields {sorted(extra)}")
        kind = e.get("kind")
        if kind not in KINDS:
            errors.append(f"{eid}: unknown kind {kind!r}")
        kinds[kind] += 1
        q = str(e.get("question", "")).lower()
        if not q.strip():
            errors.append(f"{eid}: empty question")
        if not str(e.get("source", "")).strip():
            errors.append(f"{eid}: empty source")
        facts = e.get("expected_facts")
        if not isinstance(facts, list) or not 2 <= len(facts) <= 4:
            errors.append(f"{eid}: needs 2-4 expected_facts, has {len(facts) if isinstance(facts, list) else facts!r}")
            facts = facts if isinstance(facts, list) else []
        fact_counts[kind] += len(facts)
        for j, fact in enumerate(facts, 1):
            n_facts += 1
            if not isinstance(fact, list) or not fact or not all(isinstance(a, str) and a.strip() for a in fact):
                errors.append(f"{eid} fact {j}: must be a non-empty list of non-empty strings: {fact!r}")
                continue
            found_in = []
            for alt in fact:
                n_alts += 1
                if alt != alt.lower():
                    errors.append(f"{eid} fact {j}: alternative not lower case: {alt!r}")
                if alt.lower() in q:
                    errors.append(f"{eid} fact {j}: alternative occurs in its own question: {alt!r}")
                hits = [name for name, text in corpus.items() if alt.lower() in text]
                if hits:
                    found_in.extend(hits)
            if not found_in:
                errors.append(f"{eid} fact {j}: no alternative found in sources: {fact!r}")
        dec = e.get("deciding")
        if kind == "darf_ich":
            if not isinstance(dec, list) or not dec or not all(isinstance(w, str) and w.strip() for w in dec):
                errors.append(f"{eid}: darf_ich entry needs a non-empty `deciding` list")
            else:
                for w in dec:
                    if w != w.lower():
                        errors.append(f"{eid}: deciding word not lower case: {w!r}")
        elif "deciding" in e:
            errors.append(f"{eid}: `deciding` only allowed on darf_ich entries")
    for k in KINDS:
        if kinds[k] != PER_KIND:
            errors.append(f"kind {k}: expected {PER_KIND} entries, found {kinds[k]}")
    for k in kinds:
        if k not in KINDS:
            errors.append(f"unexpected kind {k!r}")

    print(f"sources: {len(corpus)} files ({', '.join(corpus)})")
    print(f"entries: {len(data)}; facts: {n_facts}; alternatives: {n_alts}")
    for k in KINDS:
        print(f"  {k:12s} {kinds[k]:3d} questions, {fact_counts[k]:3d} facts")
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for err in errors:
            print("  -", err)
        return 1
    print("PASS: all rules of FORMAT.md hold (60 entries, 10 per kind)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
