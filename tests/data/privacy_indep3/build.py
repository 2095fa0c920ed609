#!/usr/bin/env python3
"""Parse corpus_src/*.txt (inline [[TYPE:surface]] format, see DEFS.md),
validate, write corpus.jsonl and print counts per type. Stdlib only."""
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "corpus_src")
OUT = os.path.join(HERE, "corpus.jsonl")

TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER = re.compile(r"^# id: ([a-z]{3}[0-9]?-[0-9]{3}) \| context: ([a-z]+)$")
SPAN = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]")

sys.path.insert(0, HERE)
from gen import iban_valid, stid_valid  # noqa: E402

errors = []


def err(where, msg):
    errors.append("%s: %s" % (where, msg))


def split_blocks(raw):
    blocks, cur = [], []
    for line in raw.split("\n"):
        if line == "---":
            blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    blocks.append(cur)
    return blocks


def parse_block(lines, where):
    lines = [l.rstrip() for l in lines]          # trailing spaces dropped
    while lines and lines[0] == "":
        lines.pop(0)
    while lines and lines[-1] == "":
        lines.pop()
    if not lines:
        return None
    m = HEADER.match(lines[0])
    if not m:
        err(where, "bad header %r" % lines[0])
        return None
    tid, ctx = m.group(1), m.group(2)
    if ctx not in CONTEXTS:
        err(where, "unknown context %r" % ctx)
    body = lines[1:]
    while body and body[0] == "":
        body.pop(0)
    text_parts, ents = [], []
    pos = 0
    for li, line in enumerate(body):
        if li:
            text_parts.append("\n")
            pos += 1
        out, last = [], 0
        for sm in SPAN.finditer(line):
            typ, surf = sm.group(1), sm.group(2)
            out.append(line[last:sm.start()])
            pos += len(line[last:sm.start()])
            if typ not in TYPES:
                err("%s %s" % (where, tid), "unknown type %r" % typ)
            if not surf or surf != surf.strip():
                err("%s %s" % (where, tid), "empty or padded surface %r" % surf)
            if typ == "PERSON" and re.match(r"(?i)(frau|herrn?|hr\.|fr\.|dr\.|prof\.|familie|fam\.|mama|papa)\b", surf):
                err("%s %s" % (where, tid), "title/salutation inside PERSON %r" % surf)
            if "[[" in surf or "]]" in surf:
                err("%s %s" % (where, tid), "nested span %r" % surf)
            ents.append({"type": typ, "start": pos, "end": pos + len(surf), "text": surf})
            out.append(surf)
            pos += len(surf)
            last = sm.end()
        rest = line[last:]
        if "[[" in rest or "]]" in rest:
            err("%s %s" % (where, tid), "unclosed/cross-line span in %r" % line)
        out.append(rest)
        pos += len(rest)
        text_parts.append("".join(out))
    text = "".join(text_parts)
    for e in ents:
        if text[e["start"]:e["end"]] != e["text"]:
            err("%s %s" % (where, tid), "offset mismatch %r" % e)
        if "\n" in e["text"]:
            err("%s %s" % (where, tid), "span crosses line break %r" % e)
        if e["type"] == "IBAN_CODE" and not iban_valid(e["text"]):
            err("%s %s" % (where, tid), "invalid IBAN %r" % e["text"])
        if e["type"] == "DE_TAX_ID" and not stid_valid(e["text"]):
            err("%s %s" % (where, tid), "invalid Steuer-ID %r" % e["text"])
    if "@@" in text:
        err("%s %s" % (where, tid), "unfilled placeholder")
    return {"id": tid, "context": ctx, "text": text, "entities": ents}


def main():
    docs = []
    for fn in sorted(os.listdir(SRC)):
        if not fn.endswith(".txt"):
            continue
        raw = open(os.path.join(SRC, fn), encoding="utf-8").read()
        for bi, block in enumerate(split_blocks(raw)):
            d = parse_block(block, "%s#%d" % (fn, bi + 1))
            if d:
                docs.append(d)
    ids = Counter(d["id"] for d in docs)
    for k, v in ids.items():
        if v > 1:
            err(k, "duplicate id (%d times)" % v)
    seen = {}
    for d in docs:
        for e in d["entities"]:
            if e["type"] in ("IBAN_CODE", "DE_TAX_ID"):
                key = e["text"].replace(" ", "").upper()
                if key in seen:
                    err(d["id"], "value reused from %s: %s" % (seen[key], e["text"]))
                seen[key] = d["id"]
    if errors:
        print("\n".join(errors))
        print("%d ERRORS, corpus.jsonl not written" % len(errors))
        sys.exit(1)
    with open(OUT, "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    c = Counter(e["type"] for d in docs for e in d["entities"])
    ctx = Counter(d["context"] for d in docs)
    print("texts: %d (without entities: %d)" % (len(docs), sum(1 for d in docs if not d["entities"])))
    print("spans: %d" % sum(c.values()))
    for t in sorted(TYPES):
        print("  %-14s %4d" % (t, c[t]))
    print("contexts:", dict(sorted(ctx.items())))


if __name__ == "__main__":
    main()
