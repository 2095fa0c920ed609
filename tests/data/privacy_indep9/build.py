#!/usr/bin/env python3
"""Parse corpus.txt (DEFS.md source format), validate, write corpus.jsonl, print counts."""
import json, os, re, sys
from collections import Counter, defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER = re.compile(r"^# id: ([a-z]{3}\d?-\d{3}) \| context: ([a-z]+)$")
SPAN = re.compile(r"\[\[([A-Z_]+):([^\[\]\n]*?)\]\]")
EMAIL = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
IBAN_LEN = {"DE": 22, "PL": 28, "FR": 27, "NL": 18, "IT": 27, "ES": 24, "AT": 20,
            "BE": 16, "LU": 20, "GR": 27, "CH": 21}
TITLE_PREFIX = re.compile(r"^(Frau|Herr|Herrn|Fr\.|Hr\.|Dr\.|Prof\.|Fam\.|Familie)\s", re.I)


def iban_ok(s):
    c = s.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", c):
        return False
    if IBAN_LEN.get(c[:2]) != len(c):
        return False
    if " " in s and s != " ".join(c[i:i + 4] for i in range(0, len(c), 4)):
        return False
    num = "".join(str(int(ch, 36)) for ch in c[4:] + c[:4])
    return int(num) % 97 == 1


def taxid_ok(s):
    if " " in s and not re.fullmatch(r"\d{2} \d{3} \d{3} \d{3}", s):
        return False
    c = s.replace(" ", "")
    if not re.fullmatch(r"[1-9]\d{10}", c):
        return False
    ten = c[:10]
    counts = [ten.count(x) for x in "0123456789"]
    multi = [k for k in counts if k > 1]
    if len(multi) != 1 or multi[0] not in (2, 3):
        return False
    if multi[0] == 3 and str(counts.index(3)) * 3 in ten:
        return False
    product = 10
    for ch in ten:
        t = (int(ch) + product) % 10 or 10
        product = (t * 2) % 11
    chk = 11 - product
    chk = 0 if chk == 10 else chk
    return chk == int(c[10])


def parse(raw):
    blocks, cur = [], []
    for line in raw.split("\n"):
        if line == "---":
            blocks.append(cur)
            cur = []
        else:
            cur.append(line)
    blocks.append(cur)
    docs, errors = [], []
    seen = set()
    for lines in blocks:
        lines = [l.rstrip(" \t") for l in lines]
        while lines and not lines[0].strip():
            lines.pop(0)
        while lines and not lines[-1].strip():
            lines.pop()
        if not lines:
            continue
        m = HEADER.match(lines[0])
        if not m:
            errors.append("bad header: %r" % lines[0])
            continue
        did, ctx = m.groups()
        if did in seen:
            errors.append("duplicate id " + did)
        seen.add(did)
        if ctx not in CONTEXTS:
            errors.append("%s: bad context %s" % (did, ctx))
        body = "\n".join(lines[1:]).strip("\n")
        out, ents, pos = [], [], 0
        plain_len = 0
        for sm in SPAN.finditer(body):
            pre = body[pos:sm.start()]
            out.append(pre)
            plain_len += len(pre)
            typ, surf = sm.group(1), sm.group(2)
            if typ not in TYPES:
                errors.append("%s: unknown type %s" % (did, typ))
            if surf != surf.strip() or not surf:
                errors.append("%s: span with outer whitespace/empty %r" % (did, surf))
            ents.append({"type": typ, "start": plain_len, "end": plain_len + len(surf), "text": surf})
            out.append(surf)
            plain_len += len(surf)
            pos = sm.end()
        out.append(body[pos:])
        text = "".join(out)
        for bad in ("[[", "]]", "{{IBAN", "{{TAXID", "TAXID}}"):
            if bad in text:
                errors.append("%s: leftover markup %r" % (did, bad))
        for typ in TYPES:
            if "[[" + typ in text or typ + ":" in text:
                errors.append("%s: leftover type marker %s" % (did, typ))
        docs.append({"id": did, "context": ctx, "text": text, "entities": ents})
    return docs, errors


def validate(docs, errors):
    warnings = []
    for d in docs:
        t = d["text"]
        for e in d["entities"]:
            assert t[e["start"]:e["end"]] == e["text"], (d["id"], e)
            s, typ = e["text"], e["type"]
            if typ == "IBAN_CODE" and not iban_ok(s):
                errors.append("%s: invalid IBAN %s" % (d["id"], s))
            if typ == "DE_TAX_ID" and not taxid_ok(s):
                errors.append("%s: invalid Steuer-ID %s" % (d["id"], s))
            if typ == "EMAIL_ADDRESS" and not EMAIL.fullmatch(s):
                errors.append("%s: malformed e-mail span %s" % (d["id"], s))
            if typ == "STUDENT_ID" and s.count(" ") > 1:
                errors.append("%s: STUDENT_ID with >1 blank %s" % (d["id"], s))
            if typ == "PERSON" and TITLE_PREFIX.match(s):
                errors.append("%s: title/salutation inside PERSON %r" % (d["id"], s))
            if typ == "DATE_OF_BIRTH" and not re.fullmatch(
                    r"\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4}|\d{1,2}\. [A-ZÄÖÜ][a-zäöü]+ \d{4}", s):
                errors.append("%s: DOB format %s" % (d["id"], s))
        spans = sorted((e["start"], e["end"]) for e in d["entities"])
        for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
            if a2 < b1:
                errors.append("%s: overlapping spans" % d["id"])
        email_spans = [(e["start"], e["end"]) for e in d["entities"] if e["type"] == "EMAIL_ADDRESS"]
        for m in EMAIL.finditer(t):
            if not any(a <= m.start() and m.end() <= b for a, b in email_spans):
                errors.append("%s: e-mail address outside EMAIL span: %s" % (d["id"], m.group()))
        # un-annotated IBAN-looking strings
        for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b", t):
            if iban_ok(m.group()) and not any(e["start"] <= m.start() and m.end() <= e["end"]
                                               for e in d["entities"] if e["type"] == "IBAN_CODE"):
                errors.append("%s: valid IBAN outside span %s" % (d["id"], m.group()))
    return warnings


def main():
    raw = open(os.path.join(HERE, "corpus.txt"), encoding="utf-8").read()
    docs, errors = parse(raw)
    validate(docs, errors)
    if errors:
        print("\n".join(errors))
        sys.exit(1)
    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    per_type = Counter(e["type"] for d in docs for e in d["entities"])
    per_ctx = Counter(d["context"] for d in docs)
    empty_ctx = Counter(d["context"] for d in docs if not d["entities"])
    ct = defaultdict(Counter)
    for d in docs:
        for e in d["entities"]:
            ct[d["context"]][e["type"]] += 1
    n_empty = sum(1 for d in docs if not d["entities"])
    print("texts: %d  spans: %d  texts without entities: %d (%.1f %%)" % (
        len(docs), sum(per_type.values()), n_empty, 100.0 * n_empty / len(docs)))
    print("\nper type:")
    for t in sorted(TYPES):
        print("  %-14s %4d" % (t, per_type[t]))
    print("\nper context (texts / texts without entities / spans):")
    for c in sorted(CONTEXTS):
        print("  %-14s %3d / %2d / %4d" % (c, per_ctx[c], empty_ctx[c], sum(ct[c].values())))
    print("\ncontext x type:")
    ts = sorted(TYPES)
    print("  %-14s " % "" + " ".join("%6s" % t[:6] for t in ts))
    for c in sorted(CONTEXTS):
        print("  %-14s " % c + " ".join("%6d" % ct[c][t] for t in ts))
    print("\nwrote corpus.jsonl")


if __name__ == "__main__":
    main()
