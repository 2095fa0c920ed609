#!/usr/bin/env python3
"""Check ask_questions.yaml against the rules of FORMAT.md (issue 14).

Rules checked:
  1. one YAML list with exactly 60 entries, ids x01..x60 in order, unique
  2. allowed kinds, exactly 10 per kind
  3. required keys (id, kind, question, expected_facts, source); `deciding` present and
     non-empty for darf_ich only; no unknown keys
  4. question: non-empty German text (contains German function words / umlauts)
  5. expected_facts: 2-4 facts, each a non-empty list of distinct non-empty strings
  6. every alternative is lower case, stripped, short (1-4 words)
  7. at least one alternative of each fact occurs verbatim (case-insensitive, markdown
     `**` removed) in the source texts /work/shared/domain/*.md, /work/shared/seeds/*.txt
  8. no alternative occurs inside its own question (case-insensitive)
  9. source names a file of the source texts (indicators.md, stack-notes.md or a seed)
 10. deciding: lower-case words; the darf_ich set mixes no-answers and yes-answers
 11. style variety: some all-lower-case questions, some long ones (>= 20 words),
     some short ones (<= 12 words)
Exit code 0 if all pass, 1 otherwise.
"""
import glob
import re
import sys

import yaml

HERE = sys.path[0] or "."
YAML_PATH = f"{HERE}/ask_questions.yaml"
SOURCE_GLOBS = ["/work/shared/domain/*.md", "/work/shared/seeds/*.txt"]
KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
REQUIRED = {"id", "kind", "question", "expected_facts", "source"}
OPTIONAL = {"deciding"}
NO_WORDS = {"nein", "nicht", "keine", "unzulässig", "verboten"}
YES_WORDS = {"ja", "dürfen", "erlaubt", "zulässig", "müssen", "pflicht"}
GERMAN_HINT = re.compile(r"\b(der|die|das|und|wie|ich|wir|ist|für|mit|was|eine?n?|auf|zu)\b|[äöüß]", re.I)


def norm(text: str) -> str:
    return text.replace("**", "").lower()


def load_sources():
    files = []
    for g in SOURCE_GLOBS:
        files.extend(sorted(glob.glob(g)))
    texts = {}
    for f in files:
        with open(f, encoding="utf-8") as fh:
            texts[f] = norm(fh.read())
    return texts


def main() -> int:
    errors = []
    texts = load_sources()
    if not texts:
        print("ERROR: no source texts found")
        return 1
    corpus = "\n".join(texts.values())
    file_names = [f.rsplit("/", 1)[1] for f in texts]
    seed_ids = [re.match(r"(\d{3})_", n).group(1) for n in file_names if re.match(r"\d{3}_", n)]

    with open(YAML_PATH, encoding="utf-8") as fh:
        data = yaml.safe_load(fh)

    if not isinstance(data, list):
        print("ERROR: top level is not a list")
        return 1
    if len(data) != 60:
        errors.append(f"expected 60 entries, found {len(data)}")

    counts = {k: 0 for k in KINDS}
    seen = set()
    lower_q = long_q = short_q = 0
    deciding_no = deciding_yes = 0
    n_alts = 0
    for i, e in enumerate(data, start=1):
        where = f"entry {i}"
        if not isinstance(e, dict):
            errors.append(f"{where}: not a mapping")
            continue
        eid = e.get("id")
        where = f"{eid or where}"
        keys = set(e)
        if REQUIRED - keys:
            errors.append(f"{where}: missing keys {sorted(REQUIRED - keys)}")
        if keys - REQUIRED - OPTIONAL:
            errors.append(f"{where}: unknown keys {sorted(keys - REQUIRED - OPTIONAL)}")
        # 1 ids
        if eid != f"x{i:02d}":
            errors.append(f"{where}: id should be x{i:02d}")
        if eid in seen:
            errors.append(f"{where}: duplicate id")
        seen.add(eid)
        # 2 kinds
        kind = e.get("kind")
        if kind not in KINDS:
            errors.append(f"{where}: unknown kind {kind!r}")
        else:
            counts[kind] += 1
        # 4 question
        q = e.get("question")
        if not isinstance(q, str) or not q.strip():
            errors.append(f"{where}: empty question")
            q = ""
        elif not GERMAN_HINT.search(q):
            errors.append(f"{where}: question does not look German")
        ql = q.lower()
        if q and q == ql:
            lower_q += 1
        nwords = len(q.split())
        long_q += nwords >= 20
        short_q += nwords <= 12
        # 9 source
        src = e.get("source")
        if not isinstance(src, str) or not src.strip():
            errors.append(f"{where}: empty source")
        else:
            sl = src.lower()
            named = any(n.lower() in sl for n in file_names) or any(
                re.search(rf"seed\s*{sid}\b", sl) for sid in seed_ids)
            if not named:
                errors.append(f"{where}: source does not name a source file: {src!r}")
        # 5-8 facts
        facts = e.get("expected_facts")
        if not isinstance(facts, list) or not (2 <= len(facts) <= 4):
            errors.append(f"{where}: expected_facts must be a list of 2-4 facts")
            facts = facts if isinstance(facts, list) else []
        for j, fact in enumerate(facts, start=1):
            fw = f"{where} fact {j}"
            if not isinstance(fact, list) or not fact:
                errors.append(f"{fw}: must be a non-empty list of alternatives")
                continue
            if len(set(map(str, fact))) != len(fact):
                errors.append(f"{fw}: duplicate alternatives")
            found = False
            for alt in fact:
                n_alts += 1
                if not isinstance(alt, str) or not alt.strip():
                    errors.append(f"{fw}: empty or non-string alternative {alt!r}")
                    continue
                if alt != alt.lower():
                    errors.append(f"{fw}: alternative not lower case: {alt!r}")
                if alt != alt.strip():
                    errors.append(f"{fw}: alternative has surrounding whitespace: {alt!r}")
                if not (1 <= len(alt.split()) <= 4):
                    errors.append(f"{fw}: alternative longer than 4 words: {alt!r}")
                if alt.lower() in ql:
                    errors.append(f"{fw}: alternative occurs in its own question: {alt!r}")
                if norm(alt) in corpus:
                    found = True
            if not found:
                errors.append(f"{fw}: no alternative occurs in the source texts: {fact!r}")
        # 3/10 deciding
        dec = e.get("deciding")
        if kind == "darf_ich":
            if not isinstance(dec, list) or not dec or not all(isinstance(d, str) and d.strip() for d in dec):
                errors.append(f"{where}: darf_ich needs a non-empty deciding list of strings")
            else:
                for d in dec:
                    if d != d.lower() or d != d.strip():
                        errors.append(f"{where}: deciding word not lower case/stripped: {d!r}")
                ds = set(dec)
                deciding_no += bool(ds & NO_WORDS) and not ds & {"ja"}
                deciding_yes += bool(ds & YES_WORDS)
        elif dec is not None:
            errors.append(f"{where}: deciding only allowed for darf_ich")

    for k, c in counts.items():
        if c != 10:
            errors.append(f"kind {k}: {c} questions, expected 10")
    if lower_q < 3:
        errors.append(f"style: only {lower_q} all-lower-case questions (want >= 3)")
    if long_q < 10:
        errors.append(f"style: only {long_q} long questions (want >= 10)")
    if short_q < 5:
        errors.append(f"style: only {short_q} short questions (want >= 5)")
    if deciding_no < 3 or deciding_yes < 3:
        errors.append(f"darf_ich: mix of answers too narrow (no={deciding_no}, yes={deciding_yes})")

    print(f"entries: {len(data)}; per kind: {counts}")
    print(f"alternatives checked: {n_alts}; sources: {len(texts)} files")
    print(f"style: lower-case {lower_q}, long {long_q}, short {short_q}; darf_ich no={deciding_no} yes/conditional={deciding_yes}")
    if errors:
        print(f"FAIL: {len(errors)} problem(s)")
        for err in errors:
            print("  -", err)
        return 1
    print("OK: all rules of FORMAT.md pass")
    return 0


if __name__ == "__main__":
    sys.exit(main())
