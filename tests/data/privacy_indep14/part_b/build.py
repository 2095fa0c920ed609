#!/usr/bin/env python3
"""Build corpus.jsonl and corpus.txt from src/*.txt. Exits 1 and writes nothing on any error."""
import collections
import datetime
import glob
import json
import re
import sys

from gen import iban_valid, taxid_valid

TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER_RE = re.compile(r"^# id: ([a-z]{3}[0-9]?-[0-9]{3}) \| context: ([a-z]+)$")
SPAN_RE = re.compile(r"\[\[([A-Za-z_]*):(.*?)\]\]")
MONTHS = {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
          "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12}
TITLE_WORDS = {"frau", "herr", "herrn", "hr", "hr.", "fr", "fr.", "dr", "dr.", "prof", "prof.",
               "familie", "fam", "fam.", "schulleiterin", "schulleiter", "rektor", "rektorin",
               "lehrerin", "lehrer", "mrs", "mrs.", "mr", "mr.", "ms", "ms.", "dipl.", "sozialarbeiterin",
               "sozialarbeiter", "sachbearbeiterin", "sachbearbeiter", "konrektorin", "konrektor",
               "mag.", "ing.", "erzieherin", "erzieher", "kollegin", "kollege", "oberbürgermeister",
               "oberbürgermeisterin", "bürgermeister", "bürgermeisterin", "stadtrat", "stadträtin",
               "pfarrer", "med.", "päd.", "m.a.", "b.a.", "ra", "rain", "rechtsanwalt", "rechtsanwältin"}
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
IBAN_CAND_RE = re.compile(r"(?<![A-Z0-9])[A-Z]{2}[0-9]{2}(?:[ ]?[A-Z0-9]{1,4}){3,8}")


def parse_dob(s):
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        return datetime.date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
    if m:
        return datetime.date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    m = re.fullmatch(r"(\d{1,2})\. ?([A-Za-zÄÖÜäöü]+) (\d{4})", s)
    if m and m.group(2).lower() in MONTHS:
        return datetime.date(int(m.group(3)), MONTHS[m.group(2).lower()], int(m.group(1)))
    raise ValueError("unknown date format")


def parse_block(block, fname, errors):
    lines = block.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return None
    header = lines[0].rstrip()
    m = HEADER_RE.match(header)
    if not m:
        errors.append("%s: bad header %r" % (fname, header))
        return None
    tid, ctx = m.group(1), m.group(2)
    if ctx not in CONTEXTS:
        errors.append("%s: %s unknown context %r" % (fname, tid, ctx))
    body = [l.rstrip() for l in lines[1:]]
    while body and not body[0]:
        body.pop(0)
    while body and not body[-1]:
        body.pop()
    for ln_no, line in enumerate(body):
        if HEADER_RE.match(line) or line.startswith("# id:"):
            errors.append("%s %s: header line inside body (missing ---?)" % (fname, tid))
    text_parts, entities = [], []
    pos = 0
    for ln_no, line in enumerate(body):
        if ln_no:
            text_parts.append("\n")
            pos += 1
        last = 0
        for sm in SPAN_RE.finditer(line):
            pre = line[last:sm.start()]
            text_parts.append(pre)
            pos += len(pre)
            typ, surf = sm.group(1), sm.group(2)
            where = "%s %s line %d" % (fname, tid, ln_no + 2)
            if typ not in TYPES:
                errors.append("%s: unknown type %r" % (where, typ))
            if "[[" in surf or "]]" in surf or "[" in surf and "]" not in surf:
                errors.append("%s: nested/stray bracket in %r" % (where, surf))
            if not surf or surf != surf.strip():
                errors.append("%s: blank at span end %r" % (where, surf))
            entities.append({"type": typ, "start": pos, "end": pos + len(surf), "text": surf})
            text_parts.append(surf)
            pos += len(surf)
            last = sm.end()
        rest = line[last:]
        text_parts.append(rest)
        pos += len(rest)
    text = "".join(text_parts)
    for bad in ("[[", "]]"):
        if bad in text:
            errors.append("%s %s: stray %r in text (unclosed span or span across line?)" % (fname, tid, bad))
    return {"id": tid, "context": ctx, "text": text, "entities": entities, "_file": fname}


def check_doc(d, errors):
    text = d["text"]
    tid = d["id"]
    for e in d["entities"]:
        s = e["text"]
        if text[e["start"]:e["end"]] != s:
            errors.append("%s: offset mismatch %r" % (tid, s))
        if "\n" in s:
            errors.append("%s: span across line %r" % (tid, s))
        t = e["type"]
        if t == "IBAN_CODE" and not iban_valid(s):
            errors.append("%s: invalid IBAN %r" % (tid, s))
        if t == "DE_TAX_ID" and not (re.fullmatch(r"\d{11}|\d{2} \d{3} \d{3} \d{3}", s) and taxid_valid(s)):
            errors.append("%s: invalid Steuer-ID %r" % (tid, s))
        if t == "DATE_OF_BIRTH":
            try:
                parse_dob(s)
            except ValueError as ex:
                errors.append("%s: bad DATE_OF_BIRTH %r (%s)" % (tid, s, ex))
        if t == "PERSON":
            for tok in s.replace(",", " ").split():
                if tok.lower() in TITLE_WORDS or tok.lower().rstrip(".") in TITLE_WORDS:
                    errors.append("%s: title/role inside PERSON %r" % (tid, s))
        if t == "EMAIL_ADDRESS" and not EMAIL_RE.fullmatch(s):
            errors.append("%s: EMAIL span does not look like an e-mail %r" % (tid, s))
        if t == "STUDENT_ID" and s.count(" ") > 1:
            errors.append("%s: STUDENT_ID with more than one blank %r" % (tid, s))
    # completeness
    def covered(a, b, typ):
        return any(e["type"] == typ and e["start"] <= a and b <= e["end"] for e in d["entities"])
    for m in EMAIL_RE.finditer(text):
        if not covered(m.start(), m.end(), "EMAIL_ADDRESS"):
            errors.append("%s: unannotated e-mail %r" % (tid, m.group()))
    for m in IBAN_CAND_RE.finditer(text):
        cand = m.group()
        # try all prefixes that end at a group boundary
        for k in range(len(cand), 4, -1):
            sub = cand[:k]
            if sub.endswith(" "):
                continue
            if iban_valid(sub):
                if not covered(m.start(), m.start() + k, "IBAN_CODE"):
                    errors.append("%s: unannotated IBAN %r" % (tid, sub))
                break
    # overlap
    ents = sorted(d["entities"], key=lambda e: e["start"])
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            errors.append("%s: overlapping spans" % tid)


def main():
    errors = []
    docs = []
    files = sorted(glob.glob("src/*.txt"))
    if not files:
        errors.append("no src/*.txt")
    for fname in files:
        with open(fname, encoding="utf-8") as f:
            raw = f.read().replace("\r\n", "\n")
        blocks = re.split(r"^---$", raw, flags=re.M)
        for b in blocks:
            d = parse_block(b, fname, errors)
            if d:
                docs.append(d)
    seen = set()
    for d in docs:
        if d["id"] in seen:
            errors.append("duplicate id %s" % d["id"])
        seen.add(d["id"])
        check_doc(d, errors)
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print("%d error(s); nothing written" % len(errors), file=sys.stderr)
        sys.exit(1)
    with open("corpus.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps({k: d[k] for k in ("id", "context", "text", "entities")},
                               ensure_ascii=False) + "\n")
    with open("corpus.txt", "w", encoding="utf-8") as f:
        f.write("\n---\n".join("# id: %s | context: %s\n%s" % (d["id"], d["context"], d["text"])
                               for d in docs) + "\n")
    tc = collections.Counter(e["type"] for d in docs for e in d["entities"])
    cc = collections.Counter(d["context"] for d in docs)
    empty = sum(1 for d in docs if not d["entities"])
    print("texts: %d (without entities: %d)" % (len(docs), empty))
    for t in sorted(TYPES):
        print("  %-14s %d" % (t, tc.get(t, 0)))
    print("contexts:", dict(sorted(cc.items())))


if __name__ == "__main__":
    main()
