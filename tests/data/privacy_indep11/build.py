#!/usr/bin/env python3
"""Build corpus.jsonl and corpus.txt from src/*.txt (format: DEFS.md).

Checks (any failure -> exit 1):
  * header syntax, id pattern, known context, unique ids, non-empty text
  * entity markup: known type, no nesting, no unclosed/stray brackets,
    surface non-empty, without line break and without outer blanks
  * offsets: text[start:end] == surface for every entity
  * IBAN_CODE: ISO 13616 length + mod-97 checksum
  * DE_TAX_ID: 11 digits, structure rule, ISO 7064 MOD 11,10 check digit
  * DATE_OF_BIRTH: one of 03.05.2011 / 3.5.2011 / 2011-05-03 / 3. Mai 2011, real date
  * PERSON: no title / salutation / role word inside the span
  * PHONE_NUMBER, EMAIL_ADDRESS, ADDRESS, STUDENT_ID: plausible shape
  * completeness: every e-mail-like and every valid-IBAN-like string in a
    text lies inside an annotated span of the right type
Standard library only.
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
HEADER_RE = re.compile(r"^# id: ([a-z]{3}\d?-\d{3}) \| context: ([a-z]+)$")
ENT_RE = re.compile(r"\[\[([A-Z_]+):([^\[\]]*?)\]\]")
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]
TITLES = {"frau", "herr", "hr.", "fr.", "hr", "fr", "dr.", "dr", "prof.", "prof",
          "fam.", "familie", "schulleiterin", "schulleiter", "sehr", "liebe",
          "lieber", "hallo", "hi", "mag.", "dipl.", "dipl.-päd.", "dipl.-ing.",
          "ing.", "frl.", "med.", "rer.", "phil.", "sozialarbeiterin",
          "sozialarbeiter", "lehrerin", "lehrer", "erzieherin", "erzieher",
          "kollegin", "kollege", "mr.", "mrs.", "ms.", "bürgermeisterin",
          "bürgermeister", "stadträtin", "stadtrat", "amtsleiterin", "amtsleiter"}
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}")
IBAN_LIKE_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{2,4}){3,8}\b")


def dob_ok(s):
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        d, mo, y = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
        if m:
            y, mo, d = map(int, m.groups())
        else:
            m = re.fullmatch(r"(\d{1,2})\. (\w+) (\d{4})", s)
            if not m or m.group(2) not in MONTHS:
                return False, "format"
            d, y = int(m.group(1)), int(m.group(3))
            mo = MONTHS.index(m.group(2)) + 1
    try:
        datetime.date(y, mo, d)
    except ValueError:
        return False, "no real date"
    if not 1920 <= y <= 2025:
        return False, "implausible year"
    return True, ""


def check_entity(t, s):
    """Return an error string or ''."""
    if t == "IBAN_CODE":
        return "" if iban_valid(s) else "invalid IBAN"
    if t == "DE_TAX_ID":
        if not re.fullmatch(r"\d{11}|\d{2} \d{3} \d{3} \d{3}", s):
            return "Steuer-ID notation"
        return "" if taxid_valid(s) else "invalid Steuer-ID"
    if t == "DATE_OF_BIRTH":
        ok, why = dob_ok(s)
        return "" if ok else "DOB " + why
    if t == "PERSON":
        for tok in s.replace(",", " ").split():
            if tok.lower() in TITLES:
                return "title/role inside PERSON: " + tok
        if any(ch.isdigit() for ch in s) or "@" in s:
            return "digit or @ in PERSON"
        return ""
    if t == "PHONE_NUMBER":
        if not re.fullmatch(r"\+?[0-9 ()/\-.]+", s):
            return "phone characters"
        if sum(ch.isdigit() for ch in s) < 6:
            return "phone too short"
        return ""
    if t == "EMAIL_ADDRESS":
        return "" if EMAIL_RE.fullmatch(s) else "email shape"
    if t == "ADDRESS":
        return "" if re.search(r"\d", s) else "address without house number"
    if t == "STUDENT_ID":
        if s.count(" ") > 1:
            return "more than one blank in STUDENT_ID"
        if not re.fullmatch(r"[A-Z0-9][A-Z0-9./\- ]*[A-Z0-9]", s) or not re.search(r"\d", s):
            return "STUDENT_ID shape"
        return ""
    return "unknown type"


def parse_block(block, where, errors):
    lines = [ln.rstrip() for ln in block.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        return None
    m = HEADER_RE.match(lines[0])
    if not m:
        errors.append("%s: bad header %r" % (where, lines[0]))
        return None
    doc_id, ctx = m.groups()
    if ctx not in CONTEXTS:
        errors.append("%s: unknown context %s" % (doc_id, ctx))
    body = lines[1:]
    while body and not body[0].strip():
        body.pop(0)
    raw = "\n".join(body)
    if not raw:
        errors.append("%s: empty text" % doc_id)
    text_parts, entities, pos, out_len = [], [], 0, 0
    for em in ENT_RE.finditer(raw):
        text_parts.append(raw[pos:em.start()])
        out_len += em.start() - pos
        t, surf = em.group(1), em.group(2)
        if t not in TYPES:
            errors.append("%s: unknown type %s" % (doc_id, t))
        if not surf or surf != surf.strip() or "\n" in surf:
            errors.append("%s: bad surface %r" % (doc_id, surf))
        err = check_entity(t, surf)
        if err:
            errors.append("%s: %s %r: %s" % (doc_id, t, surf, err))
        entities.append({"type": t, "start": out_len, "end": out_len + len(surf), "text": surf})
        text_parts.append(surf)
        out_len += len(surf)
        pos = em.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        errors.append("%s: stray or nested markup" % doc_id)
    for e in entities:
        if text[e["start"]:e["end"]] != e["text"]:
            errors.append("%s: offset mismatch %r" % (doc_id, e))
        if "\n" in text[e["start"]:e["end"]]:
            errors.append("%s: span crosses a line %r" % (doc_id, e))
    # completeness checks
    def covered(a, b, typ):
        return any(e["type"] == typ and e["start"] <= a and b <= e["end"] for e in entities)
    for mm in EMAIL_RE.finditer(text):
        if not covered(mm.start(), mm.end(), "EMAIL_ADDRESS"):
            errors.append("%s: unannotated e-mail %r" % (doc_id, mm.group()))
    for mm in IBAN_LIKE_RE.finditer(text):
        cand = mm.group()
        # try the longest valid prefix made of whole groups
        toks = cand.split(" ") if " " in cand else [cand]
        for k in range(len(toks), 0, -1):
            c = " ".join(toks[:k])
            if iban_valid(c):
                if not covered(mm.start(), mm.start() + len(c), "IBAN_CODE"):
                    errors.append("%s: unannotated IBAN %r" % (doc_id, c))
                break
    for mm in re.finditer(r"(?<![\d.\-/])(\d{11}|\d{2} \d{3} \d{3} \d{3})(?![\d.\-/])", text):
        if taxid_valid(mm.group()) and not covered(mm.start(), mm.end(), "DE_TAX_ID"):
            # only reported as warning: a phone number may look like a Steuer-ID
            print("warning: %s: valid Steuer-ID-like string not annotated: %r" % (doc_id, mm.group()))
    return {"id": doc_id, "context": ctx, "text": text, "entities": entities}


def main():
    errors = []
    docs = []
    files = sorted(glob.glob(os.path.join(HERE, "src", "*.txt")))
    if not files:
        errors.append("no src/*.txt")
    for fn in files:
        with open(fn, encoding="utf-8") as f:
            content = f.read().replace("\r\n", "\n")
        for i, block in enumerate(re.split(r"^---$", content, flags=re.M)):
            d = parse_block(block, "%s#%d" % (os.path.basename(fn), i), errors)
            if d:
                docs.append(d)
    ids = Counter(d["id"] for d in docs)
    for k, v in ids.items():
        if v > 1:
            errors.append("duplicate id %s" % k)
    for d in docs:
        if not d["id"].startswith("mrk-"):
            errors.append("%s: id prefix is not mrk" % d["id"])
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print("%d error(s); nothing written" % len(errors), file=sys.stderr)
        sys.exit(1)
    docs.sort(key=lambda d: d["id"])
    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "corpus.txt"), "w", encoding="utf-8") as f:
        f.write("\n---\n".join("# id: %s | context: %s\n%s" % (d["id"], d["context"], d["text"])
                               for d in docs) + "\n")
    # re-read and re-assert offsets from the written file
    with open(os.path.join(HERE, "corpus.jsonl"), encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            for e in d["entities"]:
                assert d["text"][e["start"]:e["end"]] == e["text"], (d["id"], e)
    types = Counter(e["type"] for d in docs for e in d["entities"])
    ctxs = Counter(d["context"] for d in docs)
    empty = sum(1 for d in docs if not d["entities"])
    print("texts: %d (without entities: %d)" % (len(docs), empty))
    print("contexts:", dict(sorted(ctxs.items())))
    print("spans: %d" % sum(types.values()))
    for t in sorted(TYPES):
        print("  %-14s %d" % (t, types.get(t, 0)))
    print("OK")


if __name__ == "__main__":
    main()
