#!/usr/bin/env python3
"""Parse corpus.txt (DEFS.md source format), validate it, write corpus.jsonl, print counts."""
import collections
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from gen import IBAN_SPECS, iban_check_ok, stid_ok  # noqa: E402

TYPES = ["PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"]
CONTEXTS = ["schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"]
HEADER = re.compile(r"^# id: ([a-z]{3}\d?-\d{3}) \| context: ([a-z]+)$")
SPAN = re.compile(r"\[\[([A-Z_]+):([^\n]*?)\]\]")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
TITLE_START = re.compile(r"^(frau|herr|herrn|hr\.|fr\.|dr\.|prof\.|familie|fam\.|pater|oma|opa)\s", re.I)
IBAN_LIKE = re.compile(r"\b(" + "|".join(IBAN_SPECS) + r")\d{2}(?: ?[A-Z0-9]){10,30}")
DIGITS11 = re.compile(r"(?<![\d ])\d{2} ?\d{3} ?\d{3} ?\d{3}(?![\d])")

errors = []


def err(bid, msg):
    errors.append("%s: %s" % (bid, msg))


def parse_block(raw):
    lines = [ln.rstrip() for ln in raw.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return None
    m = HEADER.match(lines[0])
    if not m:
        raise ValueError("bad header: %r" % lines[0])
    bid, ctx = m.group(1), m.group(2)
    body = lines[1:]
    while body and not body[0].strip():
        body.pop(0)
    src = "\n".join(body)
    text_parts, ents, pos, last = [], [], 0, 0
    for sm in SPAN.finditer(src):
        text_parts.append(src[last:sm.start()])
        pos += sm.start() - last
        typ, surf = sm.group(1), sm.group(2)
        if typ not in TYPES:
            err(bid, "unknown type %s" % typ)
        if not surf or surf != surf.strip():
            err(bid, "empty or padded surface %r" % surf)
        if "[[" in surf or "]]" in surf or ":" in surf and typ == "PERSON" and surf.startswith(tuple(TYPES)):
            err(bid, "nested markup %r" % surf)
        ents.append({"type": typ, "start": pos, "end": pos + len(surf), "text": surf})
        text_parts.append(surf)
        pos += len(surf)
        last = sm.end()
    text_parts.append(src[last:])
    text = "".join(text_parts)
    return {"id": bid, "context": ctx, "text": text, "entities": ents}


def validate(doc, seen):
    bid, text = doc["id"], doc["text"]
    if bid in seen:
        err(bid, "duplicate id")
    seen.add(bid)
    if doc["context"] not in CONTEXTS:
        err(bid, "unknown context %s" % doc["context"])
    for bad in ("[[", "]]", "{{IBAN", "{{STID"):
        if bad in text:
            err(bid, "leftover markup/placeholder %r" % bad)
    for line in text.split("\n"):
        if line == "---":
            err(bid, "separator line inside text")
    prev_end = -1
    for e in doc["entities"]:
        assert text[e["start"]:e["end"]] == e["text"], (bid, e)
        if e["start"] < prev_end:
            err(bid, "overlapping spans")
        prev_end = e["end"]
        if "\n" in e["text"]:
            err(bid, "span crosses line break")
        t, s = e["type"], e["text"]
        if t == "IBAN_CODE":
            compact = s.replace(" ", "")
            if not iban_check_ok(compact):
                err(bid, "invalid IBAN %s" % s)
            if " " in s and s != " ".join(compact[i:i + 4] for i in range(0, len(compact), 4)):
                err(bid, "IBAN not grouped in fours %s" % s)
        elif t == "DE_TAX_ID":
            if not stid_ok(s):
                err(bid, "invalid Steuer-ID %s" % s)
            if " " in s and not re.fullmatch(r"\d{2} \d{3} \d{3} \d{3}", s):
                err(bid, "Steuer-ID grouping %s" % s)
        elif t == "EMAIL_ADDRESS":
            if not EMAIL.fullmatch(s):
                err(bid, "EMAIL span is not an e-mail address %r" % s)
        elif t == "PERSON":
            if TITLE_START.match(s):
                err(bid, "title/salutation inside PERSON span %r" % s)
        elif t == "DATE_OF_BIRTH":
            if not re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\. [A-ZÄ][a-zä]+ \d{4}", s):
                err(bid, "unexpected date format %r" % s)
        elif t == "STUDENT_ID":
            if s.count(" ") > 1:
                err(bid, "STUDENT_ID with more than one blank %r" % s)

    def covered(a, b, typ):
        return any(e["type"] == typ and e["start"] <= a and b <= e["end"] for e in doc["entities"])

    for m in EMAIL.finditer(text):
        if not covered(m.start(), m.end(), "EMAIL_ADDRESS"):
            err(bid, "e-mail address outside EMAIL span: %s" % m.group())
    for m in IBAN_LIKE.finditer(text):
        cand = m.group().replace(" ", "")
        for L in range(len(cand), 14, -1):
            if iban_check_ok(cand[:L]) and not covered(m.start(), m.start() + 1, "IBAN_CODE"):
                err(bid, "valid IBAN outside IBAN span: %s" % cand[:L])
                break
    for m in DIGITS11.finditer(text):
        if stid_ok(m.group()) and not covered(m.start(), m.end(), "DE_TAX_ID"):
            print("WARNING %s: Steuer-ID-valid number outside DE_TAX_ID span: %s" % (bid, m.group()))


def main():
    with open(os.path.join(HERE, "corpus.txt"), encoding="utf-8") as fh:
        raw = fh.read()
    blocks = re.split(r"^---$", raw, flags=re.M)
    docs, seen = [], set()
    for b in blocks:
        d = parse_block(b)
        if d is None:
            continue
        validate(d, seen)
        docs.append(d)
    if errors:
        print("\n".join(errors))
        sys.exit("%d errors" % len(errors))
    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")

    by_type = collections.Counter(e["type"] for d in docs for e in d["entities"])
    by_ctx_docs = collections.Counter(d["context"] for d in docs)
    by_ctx_spans = collections.Counter()
    ctx_type = collections.Counter()
    empty = collections.Counter()
    for d in docs:
        by_ctx_spans[d["context"]] += len(d["entities"])
        if not d["entities"]:
            empty[d["context"]] += 1
        for e in d["entities"]:
            ctx_type[(d["context"], e["type"])] += 1
    total = sum(by_type.values())
    n_empty = sum(empty.values())
    print("texts: %d   spans: %d   texts without entities: %d (%.1f %%)"
          % (len(docs), total, n_empty, 100.0 * n_empty / len(docs)))
    print("\nper type:")
    for t in TYPES:
        print("  %-14s %5d" % (t, by_type[t]))
    print("\nper context:            texts  empty  spans")
    for c in CONTEXTS:
        print("  %-20s %6d %6d %6d" % (c, by_ctx_docs[c], empty[c], by_ctx_spans[c]))
    print("\ncontext x type:")
    short = ["PER", "DOB", "ADR", "TEL", "MAIL", "IBAN", "TAX", "SID"]
    print("  %-14s" % "" + "".join("%6s" % s for s in short) + "%7s" % "sum")
    for c in CONTEXTS:
        row = [ctx_type[(c, t)] for t in TYPES]
        print("  %-14s" % c + "".join("%6d" % v for v in row) + "%7d" % sum(row))
    print("  %-14s" % "total" + "".join("%6d" % by_type[t] for t in TYPES) + "%7d" % total)
    print("\nwrote corpus.jsonl")


if __name__ == "__main__":
    main()
