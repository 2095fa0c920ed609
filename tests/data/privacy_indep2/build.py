#!/usr/bin/env python3
"""Build corpus.jsonl from corpus_src/*.txt (standard library only).

Parses the inline [[TYPE:surface]] markup described in DEFS.md, validates
the corpus and prints counts per type / per context.
"""
import datetime
import glob
import json
import os
import re
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER_RE = re.compile(r"^# id: ([a-z]{3}[0-9]?-[0-9]{3}) \| context: ([a-z]+)$")
SPAN_RE = re.compile(r"\[\[([A-Z_]+):([^\[\]\n]*?)\]\]")
IBAN_LEN = {"AD": 24, "AE": 23, "AL": 28, "AT": 20, "BA": 20, "BE": 16, "BG": 22,
            "CH": 21, "CY": 28, "CZ": 24, "DE": 22, "DK": 18, "EE": 20, "ES": 24,
            "FI": 18, "FR": 27, "GB": 22, "GR": 27, "HR": 21, "HU": 28, "IE": 22,
            "IT": 27, "LI": 21, "LT": 20, "LU": 20, "LV": 21, "MT": 31, "NL": 18,
            "NO": 15, "PL": 28, "PT": 25, "RO": 24, "RS": 22, "SE": 24, "SI": 19,
            "SK": 24, "TR": 26, "UA": 29, "XK": 20}
MONTHS = {"Januar": 1, "Jänner": 1, "Februar": 2, "März": 3, "April": 4, "Mai": 5,
          "Juni": 6, "Juli": 7, "August": 8, "September": 9, "Oktober": 10,
          "November": 11, "Dezember": 12}

errors = []
warnings = []


def err(bid, msg):
    errors.append("%s: %s" % (bid, msg))


def iban_ok(s):
    c = s.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}[0-9]{2}[A-Z0-9]+", c):
        return False, "bad IBAN characters"
    if IBAN_LEN.get(c[:2]) != len(c):
        return False, "bad IBAN length %d for %s" % (len(c), c[:2])
    r = c[4:] + c[:4]
    num = "".join(str(int(ch, 36)) for ch in r)
    if int(num) % 97 != 1:
        return False, "IBAN mod-97 check fails"
    return True, ""


def taxid_ok(s):
    if not re.fullmatch(r"[0-9]{11}|[0-9]{2} [0-9]{3} [0-9]{3} [0-9]{3}", s):
        return False, "Steuer-ID notation"
    d = s.replace(" ", "")
    if d[0] == "0":
        return False, "Steuer-ID starts with 0"
    cnt = Counter(d[:10])
    multi = [k for k, v in cnt.items() if v > 1]
    if len(multi) != 1 or cnt[multi[0]] > 3:
        return False, "Steuer-ID digit distribution"
    if any(d[i] == d[i + 1] == d[i + 2] for i in range(8)):
        return False, "Steuer-ID digit three times in a row"
    product = 10
    for ch in d[:10]:
        x = (int(ch) + product) % 10
        if x == 0:
            x = 10
        product = (x * 2) % 11
    chk = 11 - product
    if chk == 10:
        chk = 0
    if chk != int(d[10]):
        return False, "Steuer-ID check digit"
    return True, ""


def dob_ok(s):
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
        if m:
            y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        else:
            m = re.fullmatch(r"(\d{1,2})\. ([A-Za-zä]+) (\d{4})", s)
            if not m or m.group(2) not in MONTHS:
                return False, "unknown date format"
            d, mo, y = int(m.group(1)), MONTHS[m.group(2)], int(m.group(3))
    try:
        dt = datetime.date(y, mo, d)
    except ValueError:
        return False, "not a calendar date"
    if not (1930 <= dt.year <= 2026):
        return False, "implausible birth year"
    return True, ""


def check_entity(bid, typ, surf):
    if surf != surf.strip() or not surf:
        err(bid, "span with outer blanks/empty: %r" % surf)
    if typ == "IBAN_CODE":
        ok, m = iban_ok(surf)
    elif typ == "DE_TAX_ID":
        ok, m = taxid_ok(surf)
    elif typ == "DATE_OF_BIRTH":
        ok, m = dob_ok(surf)
    elif typ == "EMAIL_ADDRESS":
        ok = bool(re.fullmatch(r"[^@\s]+@[^@\s]+\.[a-z]{2,}", surf))
        m = "bad e-mail"
    elif typ == "PHONE_NUMBER":
        ok = len(re.sub(r"\D", "", surf)) >= 6 and bool(re.fullmatch(r"[+0(][0-9 ()/+\-–.]+[0-9]", surf))
        m = "bad phone"
    elif typ == "STUDENT_ID":
        ok = surf.count(" ") <= 1 and any(ch.isdigit() for ch in surf)
        m = "bad student id"
    elif typ == "ADDRESS":
        ok = bool(re.search(r"\d", surf))
        m = "address without number"
    else:
        ok, m = True, ""
    if not ok:
        err(bid, "%s %r: %s" % (typ, surf, m))


def parse_block(lines, fname):
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return None
    hm = HEADER_RE.match(lines[0].rstrip())
    if not hm:
        err(fname, "bad header %r" % lines[0])
        return None
    bid, ctx = hm.group(1), hm.group(2)
    if ctx not in CONTEXTS:
        err(bid, "bad context %s" % ctx)
    body = [l.rstrip() for l in lines[1:]]
    while body and not body[0]:
        body.pop(0)
    while body and not body[-1]:
        body.pop()
    text_parts, ents = [], []
    pos = 0
    for li, line in enumerate(body):
        if li:
            text_parts.append("\n")
            pos += 1
        # balanced markup check on the line
        stripped = SPAN_RE.sub("", line)
        if "[[" in stripped or "]]" in stripped:
            err(bid, "unbalanced or multi-line markup in line %r" % line)
        last = 0
        for m in SPAN_RE.finditer(line):
            pre = line[last:m.start()]
            text_parts.append(pre)
            pos += len(pre)
            typ, surf = m.group(1), m.group(2)
            if typ not in TYPES:
                err(bid, "unknown type %s" % typ)
            check_entity(bid, typ, surf)
            ents.append({"type": typ, "start": pos, "end": pos + len(surf), "text": surf})
            text_parts.append(surf)
            pos += len(surf)
            last = m.end()
        text_parts.append(line[last:])
        pos += len(line) - last
    text = "".join(text_parts)
    for e in ents:
        assert text[e["start"]:e["end"]] == e["text"], (bid, e)
    # unannotated repetition of annotated PERSON strings
    covered = [(e["start"], e["end"]) for e in ents]
    for name in {e["text"] for e in ents if e["type"] == "PERSON"}:
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", text):
            if not any(s <= m.start() and m.end() <= en for s, en in covered):
                err(bid, "unannotated repetition of PERSON %r at %d" % (name, m.start()))
    # warn (not fail) on unannotated single tokens of annotated names
    for name in {e["text"] for e in ents if e["type"] == "PERSON"}:
        for tok in re.split(r"[ ,]+", name):
            if len(tok) < 3 or tok.endswith(".") or tok == name:
                continue
            for m in re.finditer(r"(?<![\w-])" + re.escape(tok) + r"(?![\w-])", text):
                if not any(s <= m.start() and m.end() <= en for s, en in covered):
                    warnings.append("%s: name part %r unannotated at %d" % (bid, tok, m.start()))
    nlines = len(body)
    if not (2 <= nlines <= 25):
        err(bid, "text has %d lines (2-25 expected)" % nlines)
    return {"id": bid, "context": ctx, "text": text, "entities": ents}


def main():
    files = sorted(glob.glob(os.path.join(HERE, "corpus_src", "*.txt")))
    docs = []
    for fn in files:
        with open(fn, encoding="utf-8") as fh:
            raw = fh.read().split("\n")
        block = []
        for line in raw + ["---"]:
            if line.rstrip() == "---":
                d = parse_block(block, os.path.basename(fn))
                if d:
                    docs.append(d)
                block = []
            else:
                block.append(line)
    ids = Counter(d["id"] for d in docs)
    for k, v in ids.items():
        if v > 1:
            err(k, "duplicate id")
    # the same IBAN / Steuer-ID should not be reused across texts by accident
    seen = {}
    for d in docs:
        for e in d["entities"]:
            if e["type"] in ("IBAN_CODE", "DE_TAX_ID"):
                key = e["text"].replace(" ", "")
                if key in seen and seen[key] != d["id"]:
                    err(d["id"], "%s reused from %s" % (e["type"], seen[key]))
                seen.setdefault(key, d["id"])
    for w in sorted(set(warnings)):
        print("WARNING", w, file=sys.stderr)
    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        print("%d errors" % len(errors), file=sys.stderr)
        return 1
    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8") as out:
        for d in docs:
            out.write(json.dumps(d, ensure_ascii=False) + "\n")
    tc = Counter(e["type"] for d in docs for e in d["entities"])
    cc = Counter(d["context"] for d in docs)
    print("texts: %d (without entities: %d)" % (len(docs), sum(1 for d in docs if not d["entities"])))
    print("spans: %d" % sum(tc.values()))
    for t in sorted(TYPES):
        print("  %-14s %4d" % (t, tc[t]))
    print("contexts:")
    for c in sorted(cc):
        print("  %-14s %4d" % (c, cc[c]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
