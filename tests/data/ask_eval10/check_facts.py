#!/usr/bin/env python3
"""Check ask_questions.yaml against the rules of FORMAT.md (issue 14).

Standard library + PyYAML only. Exit code 0 if all rules pass, 1 otherwise.

Rules checked:
  * one YAML list with exactly 60 entries, ids y01 ... y60 in order, unique
  * each kind in {berechnung, definition, darf_ich, datenquelle, schwelle, vorgehen},
    exactly 10 per kind
  * keys: id, kind, question, expected_facts, source (+ deciding for darf_ich only)
  * question: non-empty German string
  * expected_facts: 2-4 facts, each a non-empty list of non-empty strings
  * every alternative is lower case, stripped, short (1-4 words)
  * at least one alternative of each fact occurs verbatim (case-insensitive,
    markdown ** removed) in /work/shared/domain/*.md or /work/shared/seeds/*.txt
  * no alternative occurs inside its own question (case-insensitive)
  * source: non-empty, names at least one of the source files
  * deciding: required and non-empty for darf_ich (lower-case strings), absent otherwise
"""
import glob
import os
import re
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
QFILE = os.path.join(HERE, "ask_questions.yaml")
SOURCE_GLOBS = ["/work/shared/domain/*.md", "/work/shared/seeds/*.txt"]
KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
PER_KIND = 10
TOTAL = 60
MAX_WORDS = 4


def norm(text):
    """lower case, markdown ** removed, whitespace runs collapsed to one blank."""
    return re.sub(r"\s+", " ", text.replace("**", "").lower())


def load_corpus():
    files = sorted(f for g in SOURCE_GLOBS for f in glob.glob(g))
    if not files:
        sys.exit("no source texts found")
    texts = {}
    for f in files:
        with open(f, encoding="utf-8") as fh:
            texts[os.path.basename(f)] = norm(fh.read())
    return texts


def main():
    errors = []
    corpus = load_corpus()
    whole = "\n".join(corpus.values())

    with open(QFILE, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)
    if not isinstance(data, list):
        sys.exit("ask_questions.yaml must be one YAML list")
    if len(data) != TOTAL:
        errors.append(f"expected {TOTAL} entries, found {len(data)}")

    counts = {k: 0 for k in KINDS}
    seen = set()
    for i, e in enumerate(data, start=1):
        want_id = f"y{i:02d}"
        if not isinstance(e, dict):
            errors.append(f"entry {i}: not a mapping")
            continue
        eid = e.get("id")
        tag = eid or f"entry {i}"
        if eid != want_id:
            errors.append(f"{tag}: id should be {want_id}")
        if eid in seen:
            errors.append(f"{tag}: duplicate id")
        seen.add(eid)

        kind = e.get("kind")
        allowed = {"id", "kind", "question", "expected_facts", "source"}
        if kind == "darf_ich":
            allowed.add("deciding")
        extra = set(e) - allowed
        if extra:
            errors.append(f"{tag}: unexpected keys {sorted(extra)}")
        missing = {"id", "kind", "question", "expected_facts", "source"} - set(e)
        if missing:
            errors.append(f"{tag}: missing keys {sorted(missing)}")
        if kind not in KINDS:
            errors.append(f"{tag}: unknown kind {kind!r}")
        else:
            counts[kind] += 1

        q = e.get("question")
        if not isinstance(q, str) or not q.strip():
            errors.append(f"{tag}: question must be a non-empty string")
            q = ""
        qn = norm(q)

        facts = e.get("expected_facts")
        if not isinstance(facts, list) or not 2 <= len(facts) <= 4:
            errors.append(f"{tag}: expected_facts must be a list of 2-4 facts")
            facts = facts if isinstance(facts, list) else []
        for j, fact in enumerate(facts, start=1):
            if not isinstance(fact, list) or not fact:
                errors.append(f"{tag} fact {j}: must be a non-empty list of alternatives")
                continue
            found_any = False
            for alt in fact:
                if not isinstance(alt, str) or not alt.strip():
                    errors.append(f"{tag} fact {j}: empty / non-string alternative {alt!r}")
                    continue
                if alt != alt.lower():
                    errors.append(f"{tag} fact {j}: alternative not lower case: {alt!r}")
                if alt != alt.strip():
                    errors.append(f"{tag} fact {j}: alternative has outer blanks: {alt!r}")
                if len(alt.split()) > MAX_WORDS:
                    errors.append(f"{tag} fact {j}: alternative longer than {MAX_WORDS} words: {alt!r}")
                an = norm(alt)
                if an in qn:
                    errors.append(f"{tag} fact {j}: alternative {alt!r} occurs in its own question")
                if an in whole:
                    found_any = True
            if not found_any:
                errors.append(f"{tag} fact {j}: no alternative occurs in the source texts: {fact}")

        src = e.get("source")
        if not isinstance(src, str) or not src.strip():
            errors.append(f"{tag}: source must be a non-empty string")
        elif not any(name in src for name in corpus):
            errors.append(f"{tag}: source names none of the source files {sorted(corpus)}")

        dec = e.get("deciding")
        if kind == "darf_ich":
            if not isinstance(dec, list) or not dec:
                errors.append(f"{tag}: darf_ich needs a non-empty deciding list")
            else:
                for d in dec:
                    if not isinstance(d, str) or not d.strip() or d != d.lower():
                        errors.append(f"{tag}: deciding word must be a non-empty lower-case string: {d!r}")
        elif dec is not None:
            errors.append(f"{tag}: deciding only allowed for darf_ich")

    for k in KINDS:
        if counts[k] != PER_KIND:
            errors.append(f"kind {k}: {counts[k]} entries, expected {PER_KIND}")

    n_facts = sum(len(e.get("expected_facts") or []) for e in data if isinstance(e, dict))
    print(f"entries: {len(data)}; facts: {n_facts}; per kind: "
          + ", ".join(f"{k}={counts[k]}" for k in KINDS))
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for err in errors:
            print("  -", err)
        return 1
    print("PASS: all FORMAT.md rules hold")
    return 0


if __name__ == "__main__":
    sys.exit(main())
