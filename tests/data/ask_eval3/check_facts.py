#!/usr/bin/env python3
"""Check ask_questions.yaml against FORMAT.md and the source texts.

Checks
  * layout: one list of 48 entries, ids q01..q48 in order, fields id/kind/question/
    expected_facts/source (+ deciding for darf_ich only), 8 entries per kind;
  * every entry has 2-4 expected_facts, each a non-empty list of lower-case strings;
  * every fact: at least one alternative occurs verbatim (case-insensitive, markdown `**`
    removed) in the source texts (/work/shared/domain/*.md, /work/shared/seeds/*.txt);
    an error if in none, a warning if only in a file the `source` field does not name;
  * `source` names at least one known file (indicators.md, stack-notes.md, seed000..seed004);
  * darf_ich: non-empty `deciding` list of lower-case words;
  * no key phrase alternative is contained in the question itself (FORMAT.md: a term the
    question contains is generally not used as a key phrase);
  * no duplicate questions.

Uses PyYAML if installed, otherwise a tiny parser for exactly this file's layout.
Exit code 0 = no errors (warnings allowed), 1 = errors.
Usage: python3 check_facts.py [path/to/ask_questions.yaml]
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
YAML_PATH = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "ask_questions.yaml")
SEEDS = "/work/shared/seeds"
DOMAIN = "/work/shared/domain"

KINDS = ["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
PER_KIND = 8
TOTAL = PER_KIND * len(KINDS)


def norm(text):
    return text.replace("**", "").lower()


def load_sources():
    """name -> normalised text; names as used in the `source` field."""
    src = {}
    for fn in sorted(os.listdir(DOMAIN)):
        src[fn] = norm(open(os.path.join(DOMAIN, fn), encoding="utf-8").read())
    for fn in sorted(os.listdir(SEEDS)):
        m = re.match(r"(\d{3})_", fn)
        name = "seed" + m.group(1) if m else fn
        src[name] = norm(open(os.path.join(SEEDS, fn), encoding="utf-8").read())
    return src


def tiny_yaml(text):
    """Parser for the subset used here: a top-level list of mappings whose values are
    double-quoted scalars, bare scalars, flow lists of double-quoted strings, or block
    lists of such flow lists."""
    entries, cur, key = [], None, None
    for ln, raw in enumerate(text.splitlines(), 1):
        line = raw.rstrip()
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = re.match(r"^- (\w+):\s*(.*)$", line)
        if m:
            cur = {}
            entries.append(cur)
            k, v = m.groups()
            cur[k] = parse_value(v, ln)
            key = k
            continue
        m = re.match(r"^  (\w+):\s*(.*)$", line)
        if m and cur is not None:
            k, v = m.groups()
            cur[k] = parse_value(v, ln) if v else []
            key = k
            continue
        m = re.match(r"^    - (.*)$", line)
        if m and cur is not None and key is not None:
            cur[key].append(parse_value(m.group(1), ln))
            continue
        raise ValueError("line %d: cannot parse: %r" % (ln, raw))
    return entries


def parse_value(v, ln):
    v = v.strip()
    if v.startswith("[") or v.startswith('"'):
        try:
            return json.loads(v)
        except ValueError as exc:
            raise ValueError("line %d: bad value %r (%s)" % (ln, v, exc))
    return v


def load_entries(path):
    text = open(path, encoding="utf-8").read()
    try:
        import yaml  # noqa: F401
    except ImportError:
        return tiny_yaml(text), "tiny parser"
    import yaml
    return yaml.safe_load(text), "PyYAML"


def main():
    entries, parser = load_entries(YAML_PATH)
    sources = load_sources()
    errors, warnings = [], []
    err = errors.append
    warn = warnings.append

    if not isinstance(entries, list):
        print("ERROR: top level is not a list")
        return 1
    if len(entries) != TOTAL:
        err("expected %d entries, found %d" % (TOTAL, len(entries)))

    counts = {k: 0 for k in KINDS}
    seen_q = {}
    n_facts = 0
    for i, e in enumerate(entries, 1):
        want_id = "q%02d" % i
        qid = e.get("id") if isinstance(e, dict) else None
        tag = qid or ("#%d" % i)
        if not isinstance(e, dict):
            err("%s: entry is not a mapping" % tag)
            continue
        if qid != want_id:
            err("%s: id should be %s" % (tag, want_id))
        allowed = {"id", "kind", "question", "expected_facts", "source", "deciding"}
        extra = set(e) - allowed
        if extra:
            err("%s: unknown fields %s" % (tag, sorted(extra)))
        kind = e.get("kind")
        if kind not in KINDS:
            err("%s: unknown kind %r" % (tag, kind))
        else:
            counts[kind] += 1
        q = e.get("question")
        if not isinstance(q, str) or not q.strip():
            err("%s: question missing" % tag)
            q = ""
        ql = q.lower()
        if ql in seen_q:
            err("%s: same question as %s" % (tag, seen_q[ql]))
        seen_q[ql] = tag

        # source field
        source = e.get("source")
        named = []
        if not isinstance(source, str) or not source.strip():
            err("%s: source missing" % tag)
        else:
            named = [n for n in sources if n in source]
            if not named:
                err("%s: source %r names no known file (%s)" % (tag, source, ", ".join(sources)))

        # deciding
        dec = e.get("deciding")
        if kind == "darf_ich":
            if not isinstance(dec, list) or not dec or not all(isinstance(d, str) and d.strip() for d in dec):
                err("%s: darf_ich needs a non-empty deciding list" % tag)
            elif any(d != d.lower() for d in dec):
                err("%s: deciding words must be lower case" % tag)
        elif dec is not None:
            err("%s: deciding only belongs to darf_ich entries" % tag)

        # facts
        facts = e.get("expected_facts")
        if not isinstance(facts, list) or not 2 <= len(facts) <= 4:
            err("%s: needs 2-4 expected_facts, has %s" % (tag, len(facts) if isinstance(facts, list) else facts))
            facts = facts if isinstance(facts, list) else []
        for j, fact in enumerate(facts, 1):
            n_facts += 1
            ftag = "%s fact %d" % (tag, j)
            if not isinstance(fact, list) or not fact or not all(isinstance(a, str) and a.strip() for a in fact):
                err("%s: must be a non-empty list of strings: %r" % (ftag, fact))
                continue
            for a in fact:
                if a != a.lower():
                    err("%s: alternative not lower case: %r" % (ftag, a))
                if a.strip() != a:
                    err("%s: alternative has surrounding blanks: %r" % (ftag, a))
                if a.lower() in ql:
                    err("%s: alternative %r occurs in the question itself" % (ftag, a))
            hits_named = [a for a in fact if any(norm(a) in sources[n] for n in named)]
            hits_any = [a for a in fact if any(norm(a) in t for t in sources.values())]
            if not hits_any:
                err("%s: no alternative found verbatim in any source text: %r" % (ftag, fact))
            elif not hits_named:
                where = sorted(n for n in sources for a in hits_any if norm(a) in sources[n])
                warn("%s: %r found only in %s, not in the named source(s) %s" % (ftag, hits_any, where, named))

    for k in KINDS:
        if counts[k] != PER_KIND:
            err("kind %s: %d entries, expected %d" % (k, counts[k], PER_KIND))

    print("parser: %s; entries: %d; facts: %d" % (parser, len(entries), n_facts))
    print("per kind: " + ", ".join("%s=%d" % (k, counts[k]) for k in KINDS))
    for w in warnings:
        print("WARNING: " + w)
    for x in errors:
        print("ERROR: " + x)
    print("OK" if not errors else "%d error(s)" % len(errors))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
