#!/usr/bin/env python3
"""Convert src/*.txt (annotated source format) into corpus.jsonl and corpus.txt."""
import glob, json, re, sys, collections
from gen import iban_valid, taxid_valid

TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER = re.compile(r"^# id: ([a-z]{3}[0-9]?-[0-9]{3}) \| context: ([a-z]+)$")
SPAN = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]")
TITLE = re.compile(r"^(Frau|Herr|Herrn|Fr\.|Hr\.|Dr\.|Prof\.|Familie|Fam\.|frau|herr)\s", re.I)
DOB = re.compile(r"^(\d{2}\.\d{2}\.\d{4}|\d{1,2}\.\d{1,2}\.\d{4}|\d{4}-\d{2}-\d{2}|\d{1,2}\. (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) \d{4})$")

def parse_block(block, src):
    lines = block.strip("\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    m = HEADER.match(lines[0])
    assert m, f"{src}: bad header {lines[0]!r}"
    tid, ctx = m.groups()
    assert ctx in CONTEXTS, (tid, ctx)
    body = [l.rstrip() for l in lines[1:]]
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    text, ents = [], []
    pos = 0
    for li, line in enumerate(body):
        out, last = [], 0
        for sm in SPAN.finditer(line):
            typ, surf = sm.groups()
            assert typ in TYPES, (tid, typ)
            assert surf and surf == surf.strip(), (tid, surf)
            assert "[[" not in surf, (tid, surf)
            out.append(line[last:sm.start()])
            start = pos + sum(len(x) for x in out)
            out.append(surf)
            ents.append({"type": typ, "start": start, "end": start + len(surf), "text": surf})
            last = sm.end()
        out.append(line[last:])
        plain = "".join(out)
        assert "[[" not in plain and "]]" not in plain, (tid, line)
        text.append(plain)
        pos += len(plain) + 1
    text = "\n".join(text)
    for e in ents:
        assert text[e["start"]:e["end"]] == e["text"], (tid, e)
        assert "\n" not in e["text"], (tid, e)
        if e["type"] == "IBAN_CODE":
            assert iban_valid(e["text"]), (tid, e["text"])
        if e["type"] == "DE_TAX_ID":
            assert taxid_valid(e["text"]), (tid, e["text"])
        if e["type"] == "DATE_OF_BIRTH":
            assert DOB.match(e["text"]), (tid, e["text"])
        if e["type"] == "PERSON" and TITLE.match(e["text"]):
            raise AssertionError(f"{tid}: title inside PERSON span {e['text']!r}")
    return {"id": tid, "context": ctx, "text": text, "entities": ents}

def main():
    docs = []
    for f in sorted(glob.glob("src/*.txt")):
        raw = open(f, encoding="utf-8").read()
        for block in re.split(r"^---$", raw, flags=re.M):
            if block.strip():
                docs.append(parse_block(block, f))
    ids = [d["id"] for d in docs]
    dup = [i for i, c in collections.Counter(ids).items() if c > 1]
    assert not dup, dup
    with open("corpus.jsonl", "w", encoding="utf-8") as fo:
        for d in docs:
            fo.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open("corpus.txt", "w", encoding="utf-8") as fo:
        for d in docs:
            fo.write(f"# {d['id']} ({d['context']})\n{d['text']}\n\n")
    bytype = collections.Counter(e["type"] for d in docs for e in d["entities"])
    byctx = collections.Counter(d["context"] for d in docs)
    spans_ctx = collections.Counter()
    for d in docs:
        spans_ctx[d["context"]] += len(d["entities"])
    print(f"texts: {len(docs)}  spans: {sum(bytype.values())}  empty: {sum(1 for d in docs if not d['entities'])}")
    for t in sorted(TYPES):
        print(f"  {t:15s} {bytype[t]}")
    for c in sorted(CONTEXTS):
        print(f"  ctx {c:14s} texts {byctx[c]:3d}  spans {spans_ctx[c]}")

if __name__ == "__main__":
    main()
