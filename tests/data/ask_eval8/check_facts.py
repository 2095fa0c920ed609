#!/usr/bin/env python3
"""Check ask_questions.yaml against every rule of FORMAT.md (issue 14).

Rules checked
  1. One YAML list with exactly 60 entries, ids w01 ... w60 in order, no duplicates.
  2. Six kinds, exactly 10 entries each.
  3. Each entry has id, kind, question, expected_facts, source; `deciding` only and always
     for kind darf_ich; no other keys.
  4. question: non-empty German text (heuristic: German function words / umlauts); no
     duplicate questions.
  5. expected_facts: 2-4 facts; each fact a non-empty list of non-empty strings.
  6. Every alternative is lower case, stripped, short (1-4 words) and not duplicated
     within its fact.
  7. At least one alternative of each fact occurs verbatim (case-insensitive, markdown
     `**` removed) in the source texts /work/shared/domain/*.md + /work/shared/seeds/*.txt.
     Additionally (FORMAT: "source: where the facts stand") at least one alternative
     must occur in the file(s) named in `source`.
  8. No alternative occurs inside its own question (case-insensitive).
  9. source: non-empty string naming at least one of the source files.
 10. deciding (darf_ich only): non-empty list of non-empty lower-case strings.

Usage: python3 check_facts.py [path/to/ask_questions.yaml]   exit 0 = all rules pass.
Only the standard library and PyYAML are used.
"""
import glob
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_YAML = os.path.join(HERE, "ask_questions.yaml")
DOMAIN_GLOB = "/work/shared/domain/*.md"
SEED_GLOB = "/work/shared/seeds/*.txt"

KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
PER_KIND = 10
TOTAL = 60
REQUIRED = {"id", "kind", "question", "expected_facts", "source"}
ALLOWED = REQUIRED | {"deciding"}
MIN_FACTS, MAX_FACTS = 2, 4
MAX_WORDS = 4
GERMAN_HINTS = re.compile(
    r"\b(wie|was|wo|woher|wann|welche[rsnm]?|darf|dürfen|muss|müssen|ist|sind|und|der|die|das|"
    r"ich|wir|unser|unsere|ab|seit|gibt|gibts|kann|soll)\b|[äöüß]",
    re.IGNORECASE,
)


def normalise(text):
    return text.replace("**", "").lower()


def load_sources():
    files = {}
    for path in sorted(glob.glob(DOMAIN_GLOB)) + sorted(glob.glob(SEED_GLOB)):
        with open(path, encoding="utf-8") as fh:
            files[os.path.basename(path)] = normalise(fh.read())
    return files


def cited_files(source, files):
    """Files named in a `source` string: full file name, or seed number/hash prefix."""
    s = source.lower()
    hit = []
    for name in files:
        stem = name.rsplit(".", 1)[0]
        parts = stem.split("_")
        if name.lower() in s or stem.lower() in s:
            hit.append(name)
        elif len(parts) == 2 and (f"seed {parts[0]}" in s or parts[1] in s):
            hit.append(name)
    return hit


def main(path):
    errors = []
    err = errors.append
    files = load_sources()
    if not files:
        print("ERROR: no source texts found")
        return 2
    corpus = "\n".join(files.values())

    with open(path, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)

    if not isinstance(data, list):
        print("ERROR: top level is not a YAML list")
        return 1
    if len(data) != TOTAL:
        err(f"expected {TOTAL} entries, found {len(data)}")

    counts = {k: 0 for k in KINDS}
    seen_q = {}
    n_facts = 0
    n_alts = 0
    for i, e in enumerate(data, 1):
        want_id = f"w{i:02d}"
        if not isinstance(e, dict):
            err(f"entry {i}: not a mapping")
            continue
        eid = e.get("id", f"#{i}")
        if eid != want_id:
            err(f"entry {i}: id {eid!r}, expected {want_id!r}")
        keys = set(e)
        if REQUIRED - keys:
            err(f"{eid}: missing keys {sorted(REQUIRED - keys)}")
        if keys - ALLOWED:
            err(f"{eid}: unknown keys {sorted(keys - ALLOWED)}")

        kind = e.get("kind")
        if kind not in KINDS:
            err(f"{eid}: unknown kind {kind!r}")
        else:
            counts[kind] += 1

        q = e.get("question")
        if not isinstance(q, str) or not q.strip():
            err(f"{eid}: empty question")
            q = ""
        elif not GERMAN_HINTS.search(q):
            err(f"{eid}: question does not look German")
        ql = q.lower()
        if ql in seen_q:
            err(f"{eid}: same question as {seen_q[ql]}")
        seen_q[ql] = eid

        src = e.get("source")
        cited = []
        if not isinstance(src, str) or not src.strip():
            err(f"{eid}: empty source")
        else:
            cited = cited_files(src, files)
            if not cited:
                err(f"{eid}: source names none of the source files: {src!r}")
        cited_text = "\n".join(files[c] for c in cited)

        facts = e.get("expected_facts")
        if not isinstance(facts, list) or not (MIN_FACTS <= len(facts) <= MAX_FACTS):
            err(f"{eid}: expected_facts must be a list of {MIN_FACTS}-{MAX_FACTS} facts")
            facts = facts if isinstance(facts, list) else []
        for j, fact in enumerate(facts, 1):
            n_facts += 1
            tag = f"{eid} fact {j}"
            if not isinstance(fact, list) or not fact:
                err(f"{tag}: must be a non-empty list of alternatives")
                continue
            if len(set(fact)) != len(fact):
                err(f"{tag}: duplicate alternatives")
            in_corpus = False
            in_cited = False
            for alt in fact:
                n_alts += 1
                if not isinstance(alt, str) or not alt.strip():
                    err(f"{tag}: empty or non-string alternative {alt!r}")
                    continue
                if alt != alt.strip():
                    err(f"{tag}: alternative {alt!r} has surrounding whitespace")
                if alt != alt.lower():
                    err(f"{tag}: alternative {alt!r} is not lower case")
                if len(alt.split()) > MAX_WORDS:
                    err(f"{tag}: alternative {alt!r} longer than {MAX_WORDS} words")
                a = alt.lower()
                if a in ql:
                    err(f"{tag}: alternative {alt!r} occurs in its own question")
                if a in corpus:
                    in_corpus = True
                if a in cited_text:
                    in_cited = True
            if not in_corpus:
                err(f"{tag}: no alternative occurs in the source texts: {fact}")
            elif cited and not in_cited:
                err(f"{tag}: no alternative occurs in the cited file(s) {cited}: {fact}")

        if kind == "darf_ich":
            dec = e.get("deciding")
            if not isinstance(dec, list) or not dec:
                err(f"{eid}: darf_ich needs a non-empty `deciding` list")
            else:
                for d in dec:
                    if not isinstance(d, str) or not d.strip() or d != d.lower():
                        err(f"{eid}: bad deciding word {d!r} (must be non-empty lower case)")
        elif "deciding" in e:
            err(f"{eid}: `deciding` is only for darf_ich")

    for k in KINDS:
        if counts[k] != PER_KIND:
            err(f"kind {k}: {counts[k]} entries, expected {PER_KIND}")

    print(f"file: {path}")
    print(f"source texts: {', '.join(files)}")
    print(f"entries: {len(data)}; facts: {n_facts}; alternatives: {n_alts}")
    print("per kind: " + ", ".join(f"{k}={counts[k]}" for k in KINDS))
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for m in errors:
            print("  - " + m)
        return 1
    print("PASS: all FORMAT.md rules satisfied")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else DEFAULT_YAML))
