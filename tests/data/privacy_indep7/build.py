#!/usr/bin/env python3
"""Parse corpus.txt (DEFS.md source format), validate, write corpus.jsonl, print counts."""
import collections, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = ["schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"]
HEADER = re.compile(r"^# id: ([a-z]{3}\d?-\d{3}) \| context: (schule|kita|jugendamt|bildungsbuero|verwaltung)$")
SPAN = re.compile(r"\[\[([A-Z_]+):([^\[\]\n]+?)\]\]")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
IBAN_LEN = {"DE": 22, "AT": 20, "NL": 18, "PL": 28, "TR": 26, "FR": 27, "CH": 21}
errors = []


def err(bid, msg):
    errors.append("%s: %s" % (bid, msg))


def iban_ok(s):
    s = s.replace(" ", "")
    if len(s) != IBAN_LEN.get(s[:2], -1):
        return False
    r = s[4:] + s[:4]
    return int("".join(str(int(c, 36)) for c in r)) % 97 == 1


def taxid_ok(s):
    s = s.replace(" ", "")
    if not re.fullmatch(r"[1-9]\d{10}", s):
        return False
    ten = s[:10]
    c = collections.Counter(ten)
    multi = [d for d, n in c.items() if n > 1]
    if len(multi) != 1 or c[multi[0]] > 3 or multi[0] * 3 in ten:
        return False
    product = 10
    for ch in ten:
        x = (int(ch) + product) % 10 or 10
        product = (x * 2) % 11
    chk = 11 - product
    return (0 if chk == 10 else chk) == int(s[10])


def parse_block(block):
    lines = [l.rstrip() for l in block.split("\n")]
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    m = HEADER.match(lines[0]) if lines else None
    if not m:
        err("?", "bad header %r" % (lines[0] if lines else ""))
        return None
    bid, ctx = m.group(1), m.group(2)
    body = lines[1:]
    while body and not body[0]:
        body.pop(0)
    src = "\n".join(body)
    text, ents, pos = [], [], 0
    out_len = 0
    for sm in SPAN.finditer(src):
        chunk = src[pos:sm.start()]
        text.append(chunk)
        out_len += len(chunk)
        typ, surf = sm.group(1), sm.group(2)
        if typ not in TYPES:
            err(bid, "unknown type %s" % typ)
        if surf != surf.strip():
            err(bid, "surface with outer blanks %r" % surf)
        ents.append({"type": typ, "start": out_len, "end": out_len + len(surf), "text": surf})
        text.append(surf)
        out_len += len(surf)
        pos = sm.end()
    text.append(src[pos:])
    text = "".join(text)
    for bad in ("[[", "]]", "{{", "}}"):
        if bad in text:
            err(bid, "leftover %r" % bad)
    for e in ents:
        if text[e["start"]:e["end"]] != e["text"]:
            err(bid, "offset mismatch %r" % e)
        t, s = e["type"], e["text"]
        if t == "IBAN_CODE" and not iban_ok(s):
            err(bid, "invalid IBAN %s" % s)
        if t == "DE_TAX_ID" and not taxid_ok(s):
            err(bid, "invalid Steuer-ID %s" % s)
        if t == "EMAIL_ADDRESS" and not EMAIL.fullmatch(s):
            err(bid, "odd e-mail %s" % s)
        if t == "DATE_OF_BIRTH" and not re.search(r"\d{4}|\d{1,2}[./]\d{1,2}[./]\d{2}$", s):
            err(bid, "odd birth date %s" % s)
    # every e-mail address in the text must be covered by an EMAIL span
    for em in EMAIL.finditer(text):
        if not any(e["type"] == "EMAIL_ADDRESS" and e["start"] <= em.start() and em.end() <= e["end"] for e in ents):
            err(bid, "unannotated e-mail %s" % em.group())
    return {"id": bid, "context": ctx, "text": text, "entities": ents}


def main():
    with open(os.path.join(HERE, "corpus.txt"), encoding="utf-8") as f:
        raw = f.read()
    blocks = re.split(r"(?m)^---$", raw)
    docs = [d for d in (parse_block(b) for b in blocks if b.strip()) if d]
    ids = [d["id"] for d in docs]
    if len(ids) != len(set(ids)):
        err("corpus", "duplicate ids %s" % [i for i, n in collections.Counter(ids).items() if n > 1])
    exp = ["syt-%03d" % i for i in range(1, len(ids) + 1)]
    if ids != exp:
        err("corpus", "ids not consecutive syt-001..: first mismatch %s" % next((a, b) for a, b in zip(ids, exp) if a != b))
    if errors:
        print("\n".join(errors))
        print("VALIDATION FAILED (%d errors)" % len(errors))
        sys.exit(1)
    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    per_type = collections.Counter(e["type"] for d in docs for e in d["entities"])
    per_ctx_docs = collections.Counter(d["context"] for d in docs)
    per_ctx_spans = collections.Counter()
    empty = collections.Counter()
    for d in docs:
        per_ctx_spans[d["context"]] += len(d["entities"])
        if not d["entities"]:
            empty[d["context"]] += 1
    total = sum(per_type.values())
    print("texts: %d, spans: %d, texts without entities: %d (%.0f %%)" % (
        len(docs), total, sum(empty.values()), 100.0 * sum(empty.values()) / len(docs)))
    print("\nper type:")
    for t in sorted(TYPES, key=lambda x: -per_type[x]):
        print("  %-14s %4d" % (t, per_type[t]))
    print("\nper context: texts / spans / texts without entities")
    for c in CONTEXTS:
        print("  %-14s %3d / %4d / %2d" % (c, per_ctx_docs[c], per_ctx_spans[c], empty[c]))
    tc = collections.defaultdict(collections.Counter)
    for d in docs:
        for e in d["entities"]:
            tc[d["context"]][e["type"]] += 1
    print("\nper context x type:")
    for c in CONTEXTS:
        print("  %-14s %s" % (c, ", ".join("%s=%d" % (t, tc[c][t]) for t in sorted(tc[c]))))
    print("\nOK: corpus.jsonl validated and written")


if __name__ == "__main__":
    main()
