#!/usr/bin/env python3
"""Build corpus.jsonl and corpus.txt from src/*.txt (format: DEFS.md) and check them.

Checks: header/id/context format, unique ids, entity types, no span across a line,
no nested/stray brackets, offsets (text[start:end] == surface), valid IBAN (ISO 13616
length + mod 97), valid Steuer-ID (structure + ISO 7064 MOD 11,10), DOB formats and
real calendar dates, no title/salutation inside PERSON spans, STUDENT_ID format,
no unannotated valid IBAN / Steuer-ID left in the plain text, span counts.
Exit code 1 on any error.
"""
import datetime
import glob
import json
import os
import re
import sys
from collections import Counter

from gen import iban_valid, taxid_valid

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER = re.compile(r"^# id: ([a-z]{3}\d?-\d{3}) \| context: ([a-z]+)$")
ENTITY = re.compile(r"\[\[([A-Z_]+):([^\[\]]*?)\]\]")
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]
DOB_NUM = re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})$")
DOB_ISO = re.compile(r"^(\d{4})-(\d{2})-(\d{2})$")
DOB_TXT = re.compile(r"^(\d{1,2})\. (" + "|".join(MONTHS) + r") (\d{4})$")
TAX_FMT = re.compile(r"^(\d{11}|\d{2} \d{3} \d{3} \d{3})$")
TITLES = {"frau", "herr", "herrn", "hr.", "fr.", "dr.", "prof.", "fam.", "familie",
          "schulleiterin", "schulleiter", "lehrerin", "lehrer", "mag.", "dipl.", "ing.",
          "z.", "hd."}
STUDENT_FMT = re.compile(r"^[A-Za-z0-9][A-Za-z0-9./-]*( [A-Za-z0-9./-]+)?$")
IBAN_CAND = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){2,7}(?: ?[A-Z0-9]{1,4})?\b")
TAX_CAND = re.compile(r"(?<![\d.,/-])(\d{11}|\d{2} \d{3} \d{3} \d{3})(?![\d.,/-])")

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def parse_block(block, src):
    lines = block.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return None
    m = HEADER.match(lines[0].rstrip())
    if not m:
        err(f"{src}: bad header {lines[0]!r}")
        return None
    doc_id, ctx = m.groups()
    if ctx not in CONTEXTS:
        err(f"{doc_id}: bad context {ctx}")
    body = [l.rstrip() for l in lines[1:]]
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    raw = "\n".join(body)
    text, ents, pos = [], [], 0
    out_len = 0
    for em in ENTITY.finditer(raw):
        chunk = raw[pos:em.start()]
        text.append(chunk)
        out_len += len(chunk)
        etype, surface = em.group(1), em.group(2)
        if etype not in TYPES:
            err(f"{doc_id}: unknown type {etype}")
        if "\n" in surface:
            err(f"{doc_id}: span crosses a line: {surface!r}")
        if not surface or surface != surface.strip():
            err(f"{doc_id}: empty span or surrounding blanks: {surface!r}")
        ents.append({"type": etype, "start": out_len, "end": out_len + len(surface), "text": surface})
        text.append(surface)
        out_len += len(surface)
        pos = em.end()
    text.append(raw[pos:])
    plain = "".join(text)
    for bad in ("[[", "]]"):
        if bad in plain:
            err(f"{doc_id}: stray {bad!r} in text (malformed or nested entity)")
    return {"id": doc_id, "context": ctx, "text": plain, "entities": ents}


def check_doc(d):
    t, did = d["text"], d["id"]
    for e in d["entities"]:
        s = e["text"]
        if t[e["start"]:e["end"]] != s:
            err(f"{did}: offset mismatch {e}")
        if "\n" in t[e["start"]:e["end"]]:
            err(f"{did}: span crosses line {e}")
        typ = e["type"]
        if typ == "IBAN_CODE":
            if not iban_valid(s):
                err(f"{did}: invalid IBAN {s}")
        elif typ == "DE_TAX_ID":
            if not TAX_FMT.match(s) or not taxid_valid(s):
                err(f"{did}: invalid Steuer-ID {s}")
        elif typ == "DATE_OF_BIRTH":
            m = DOB_NUM.match(s)
            try:
                if m:
                    datetime.date(int(m[3]), int(m[2]), int(m[1]))
                elif DOB_ISO.match(s):
                    m = DOB_ISO.match(s)
                    datetime.date(int(m[1]), int(m[2]), int(m[3]))
                elif DOB_TXT.match(s):
                    m = DOB_TXT.match(s)
                    datetime.date(int(m[3]), MONTHS.index(m[2]) + 1, int(m[1]))
                else:
                    err(f"{did}: DOB format not allowed: {s!r}")
            except ValueError:
                err(f"{did}: DOB not a real date: {s!r}")
        elif typ == "PERSON":
            toks = [x.lower() for x in s.replace(",", " ").split()]
            bad = [x for x in toks if x in TITLES]
            if bad:
                err(f"{did}: title/salutation inside PERSON span: {s!r}")
        elif typ == "STUDENT_ID":
            if not STUDENT_FMT.match(s) or not any(c.isdigit() for c in s):
                err(f"{did}: STUDENT_ID format: {s!r}")
        elif typ == "EMAIL_ADDRESS":
            if not re.fullmatch(r"[^@\s]+@[^@\s]+\.[A-Za-z]{2,}", s):
                err(f"{did}: bad e-mail {s!r}")
        elif typ == "PHONE_NUMBER":
            if sum(c.isdigit() for c in s) < 6 or re.search(r"[A-Za-z]", s):
                err(f"{did}: bad phone {s!r}")
        elif typ == "ADDRESS":
            if not re.search(r"\d", s):
                err(f"{did}: address without house number {s!r}")
    # spans must not overlap
    spans = sorted((e["start"], e["end"]) for e in d["entities"])
    for (a1, b1), (a2, b2) in zip(spans, spans[1:]):
        if a2 < b1:
            err(f"{did}: overlapping spans")
    covered = [False] * len(t)
    for e in d["entities"]:
        for i in range(e["start"], e["end"]):
            covered[i] = True
    # no unannotated valid IBAN / Steuer-ID
    for m in IBAN_CAND.finditer(t):
        if iban_valid(m.group(0)) and not all(covered[m.start():m.end()]):
            err(f"{did}: unannotated valid IBAN {m.group(0)}")
    for m in TAX_CAND.finditer(t):
        if taxid_valid(m.group(1)) and not all(covered[m.start(1):m.end(1)]):
            err(f"{did}: unannotated valid Steuer-ID {m.group(1)}")
    # unannotated occurrences of annotated person names (warning only, review)
    names = {e["text"] for e in d["entities"] if e["type"] == "PERSON" and len(e["text"]) > 2}
    for n in names:
        for m in re.finditer(r"(?<!\w)" + re.escape(n) + r"(?!\w)", t):
            if not covered[m.start()]:
                warnings.append(f"{did}: unannotated occurrence of {n!r} at {m.start()}")


def main():
    docs = []
    files = sorted(glob.glob(os.path.join(HERE, "src", "*.txt")))
    if not files:
        err("no src/*.txt")
    for f in files:
        content = open(f, encoding="utf-8").read()
        blocks = re.split(r"(?m)^---[ \t]*$", content)
        for b in blocks:
            d = parse_block(b, os.path.basename(f))
            if d:
                docs.append(d)
    ids = [d["id"] for d in docs]
    for i, c in Counter(ids).items():
        if c > 1:
            err(f"duplicate id {i}")
    expected = [f"nwt-{i:03d}" for i in range(1, len(docs) + 1)]
    if ids != expected:
        err(f"ids not sequential nwt-001..: {ids}")
    for d in docs:
        check_doc(d)
        # round trip via JSON
        d2 = json.loads(json.dumps(d, ensure_ascii=False))
        for e in d2["entities"]:
            assert d2["text"][e["start"]:e["end"]] == e["text"]
    types = Counter(e["type"] for d in docs for e in d["entities"])
    empty = sum(1 for d in docs if not d["entities"])
    total = sum(types.values())
    if types["IBAN_CODE"] < 25:
        err(f"only {types['IBAN_CODE']} IBANs (< 25)")
    if types["DE_TAX_ID"] < 25:
        err(f"only {types['DE_TAX_ID']} Steuer-IDs (< 25)")
    for w in warnings:
        print("WARN", w)
    if errors:
        for e in errors:
            print("ERROR", e)
        sys.exit(1)
    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "corpus.txt"), "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(f"===== {d['id']} | {d['context']} =====\n{d['text']}\n\n")
    print(f"texts: {len(docs)} (without entities: {empty})")
    print("contexts:", dict(Counter(d["context"] for d in docs)))
    print(f"spans: {total}")
    for t in sorted(TYPES):
        print(f"  {t:14s} {types[t]}")
    print("build.py: all checks passed")


if __name__ == "__main__":
    main()
