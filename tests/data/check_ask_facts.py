#!/usr/bin/env python3
"""Check an ask_questions.yaml against the rules in ask_eval14/FORMAT.md (the format the writers of
ask_eval12, ask_eval13 and ask_eval14 were given). Prints OK or the problems.

Usage: python3 tests/data/check_ask_facts.py tests/data/ask_eval14/ask_questions.yaml
"""
import glob
import os
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
QFILE = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "ask_eval14", "ask_questions.yaml")
SOURCES = sorted(glob.glob("/work/shared/seeds/*.txt")) + sorted(glob.glob("/work/shared/domain/*.md"))
KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
PER_KIND = 10
TOTAL = 60
# coarse verdict classes for darf_ich: at least one of each must be represented
VERDICT_WORDS = {
    "nein": {"nein", "nicht", "keine"},
    "ja": {"ja", "darf", "dürfen", "muss", "müssen", "zulässig", "pflicht"},
    "bedingt": {"nur", "unter bedingungen", "je nach", "nicht immer"},
}


def load_sources():
    text = []
    for p in SOURCES:
        with open(p, encoding="utf-8") as f:
            text.append(f.read().lower().replace("**", ""))
    return "\n".join(text)


def main():
    problems = []
    if not SOURCES:
        print("no source files found")
        return 1
    corpus = load_sources()
    with open(QFILE, encoding="utf-8") as f:
        data = yaml.safe_load(f)
    if not isinstance(data, list):
        print("ask_questions.yaml is not a list")
        return 1
    if len(data) != TOTAL:
        problems.append(f"expected {TOTAL} entries, found {len(data)}")
    counts = {k: 0 for k in KINDS}
    seen_q = {}
    verdicts = set()
    for i, e in enumerate(data, start=1):
        want_id = f"v{i:02d}"
        eid = e.get("id") if isinstance(e, dict) else None
        tag = eid or f"#{i}"
        if not isinstance(e, dict):
            problems.append(f"{tag}: entry is not a mapping")
            continue
        if eid != want_id:
            problems.append(f"{tag}: id should be {want_id}")
        allowed = {"id", "kind", "question", "expected_facts", "source", "deciding"}
        extra = set(e) - allowed
        if extra:
            problems.append(f"{tag}: unknown keys {sorted(extra)}")
        kind = e.get("kind")
        if kind not in KINDS:
            problems.append(f"{tag}: bad kind {kind!r}")
        else:
            counts[kind] += 1
        q = e.get("question")
        if not isinstance(q, str) or not q.strip():
            problems.append(f"{tag}: missing question")
            q = ""
        qn = " ".join(q.lower().split())
        if qn in seen_q:
            problems.append(f"{tag}: duplicate question of {seen_q[qn]}")
        seen_q[qn] = tag
        src = e.get("source")
        if not isinstance(src, str) or not src.strip():
            problems.append(f"{tag}: missing source")
        facts = e.get("expected_facts")
        if not isinstance(facts, list) or not (2 <= len(facts) <= 4):
            problems.append(f"{tag}: expected_facts must be a list of 2-4 facts")
            facts = facts if isinstance(facts, list) else []
        ql = q.lower()
        for j, fact in enumerate(facts, start=1):
            if not isinstance(fact, list) or not fact:
                problems.append(f"{tag} fact {j}: must be a non-empty list of alternatives")
                continue
            found = False
            for alt in fact:
                if not isinstance(alt, str) or not alt.strip():
                    problems.append(f"{tag} fact {j}: alternative {alt!r} is not a non-empty string")
                    continue
                if alt != alt.lower():
                    problems.append(f"{tag} fact {j}: {alt!r} is not lower case")
                if alt != alt.strip():
                    problems.append(f"{tag} fact {j}: {alt!r} has surrounding whitespace")
                if len(alt.split()) > 4:
                    problems.append(f"{tag} fact {j}: {alt!r} has more than 4 words")
                if alt.lower() in ql:
                    problems.append(f"{tag} fact {j}: {alt!r} occurs in its own question")
                if alt.lower() in corpus:
                    found = True
            if not found:
                problems.append(f"{tag} fact {j}: no alternative occurs verbatim in the sources: {fact}")
        dec = e.get("deciding")
        if kind == "darf_ich":
            if not isinstance(dec, list) or not dec:
                problems.append(f"{tag}: darf_ich entry needs a non-empty deciding list")
            else:
                for d in dec:
                    if not isinstance(d, str) or not d.strip() or d != d.lower():
                        problems.append(f"{tag}: deciding word {d!r} must be a non-empty lower-case string")
                # classify: the first listed word names the verdict
                first = dec[0]
                for v, words in VERDICT_WORDS.items():
                    if first in words:
                        verdicts.add(v)
                        break
                else:
                    problems.append(f"{tag}: first deciding word {first!r} names no verdict class")
        elif dec is not None:
            problems.append(f"{tag}: deciding is only allowed on darf_ich entries")
    for k in KINDS:
        if counts[k] != PER_KIND:
            problems.append(f"kind {k}: {counts[k]} entries, expected {PER_KIND}")
    missing = set(VERDICT_WORDS) - verdicts
    if missing:
        problems.append(f"darf_ich verdicts not mixed, missing: {sorted(missing)}")
    if problems:
        for p in problems:
            print(p)
        print(f"{len(problems)} problem(s)")
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
