#!/usr/bin/env python3
"""Build corpus.jsonl and corpus.txt from src/*.txt; exit 1 (writing nothing) on any error."""
import datetime
import glob
import json
import re
import sys

from gen import iban_is_valid, taxid_is_valid

TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER_RE = re.compile(r"^# id: ([a-z]{3}[0-9]?-[0-9]{3}) \| context: ([a-z]+)$")
SPAN_RE = re.compile(r"\[\[([A-Z_]+):(.*?)\]\]")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
IBAN_CAND_RE = re.compile(r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){10,30}\b")
TITLE_WORDS = {
    "frau", "herr", "herrn", "hr.", "fr.", "hrn.", "dr.", "prof.", "familie", "fam.", "mr.", "mrs.",
    "ms.", "mr", "mrs", "ms", "dear", "hallo", "hi", "liebe", "lieber", "sehr", "geehrte",
    "geehrter", "geb.", "schulleiterin", "schulleiter", "lehrerin", "lehrer", "klassenlehrerin",
    "klassenlehrer", "erzieherin", "erzieher", "rektorin", "rektor", "konrektorin", "konrektor",
    "sozialarbeiterin", "sozialarbeiter", "kollegin", "kollege", "dipl.", "dipl.-päd.", "med.",
    "oberstudienrätin", "oberstudienrat", "studienrätin", "studienrat", "sachbearbeiterin",
    "sachbearbeiter", "bürgermeisterin", "bürgermeister", "amtsleiterin", "amtsleiter",
    "kita-leitung", "leitung", "vormund", "mutter", "vater", "sohn", "tochter", "kind", "oma", "opa", "onkel", "tante", "mama", "papa",
}
MONTHS = {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
          "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12}


def parse_dob(s):
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        d, mo, y = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
        if m:
            y, mo, d = map(int, m.groups())
        else:
            m = re.fullmatch(r"(\d{1,2})\. ?([A-Za-zäÄ]+) (\d{4})", s)
            if not m or m.group(2).lower() not in MONTHS:
                return None
            d, y = int(m.group(1)), int(m.group(3))
            mo = MONTHS[m.group(2).lower()]
    try:
        return datetime.date(y, mo, d)
    except ValueError:
        return None


def parse_block(block, fname, errors):
    lines = block.strip("\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        errors.append(f"{fname}: empty block")
        return None
    m = HEADER_RE.match(lines[0].rstrip())
    if not m:
        errors.append(f"{fname}: bad header {lines[0]!r}")
        return None
    tid, ctx = m.groups()
    where = f"{fname}:{tid}"
    if ctx not in CONTEXTS:
        errors.append(f"{where}: unknown context {ctx}")
    body = [ln.rstrip() for ln in lines[1:]]
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    raw = "\n".join(body)
    text_parts, ents, pos, out_len = [], [], 0, 0
    for sm in SPAN_RE.finditer(raw):
        typ, surf = sm.group(1), sm.group(2)
        pre = raw[pos:sm.start()]
        text_parts.append(pre)
        out_len += len(pre)
        if typ not in TYPES:
            errors.append(f"{where}: unknown type {typ}")
        if "\n" in surf:
            errors.append(f"{where}: span crosses line break: {surf!r}")
        if "[[" in surf or "]]" in surf or "[" in surf and "]" not in surf:
            errors.append(f"{where}: nested/odd span {surf!r}")
        if not surf or surf != surf.strip():
            errors.append(f"{where}: blank at span end {surf!r}")
        ents.append({"type": typ, "start": out_len, "end": out_len + len(surf), "text": surf})
        text_parts.append(surf)
        out_len += len(surf)
        pos = sm.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        errors.append(f"{where}: stray brackets remain")
    for e in ents:
        if text[e["start"]:e["end"]] != e["text"]:
            errors.append(f"{where}: offset mismatch {e}")
        t, s = e["type"], e["text"]
        if t == "IBAN_CODE" and not iban_is_valid(s):
            errors.append(f"{where}: invalid IBAN {s}")
        if t == "DE_TAX_ID":
            if not re.fullmatch(r"\d{11}|\d{2} \d{3} \d{3} \d{3}", s) or not taxid_is_valid(s):
                errors.append(f"{where}: invalid Steuer-ID {s}")
        if t == "DATE_OF_BIRTH" and parse_dob(s) is None:
            errors.append(f"{where}: not a real/complete date {s}")
        if t == "PERSON":
            for tok in s.split():
                if tok.lower().strip(",") in TITLE_WORDS:
                    errors.append(f"{where}: title/role inside PERSON {s!r}")
        if t == "EMAIL_ADDRESS" and not EMAIL_RE.fullmatch(s):
            errors.append(f"{where}: EMAIL span not e-mail-like {s!r}")
        if t == "STUDENT_ID" and (s.count(" ") > 1):
            errors.append(f"{where}: STUDENT_ID with more than one blank {s!r}")
    # completeness
    def covered(a, b, typ):
        return any(e["type"] == typ and e["start"] <= a and b <= e["end"] for e in ents)
    for em in EMAIL_RE.finditer(text):
        if not covered(em.start(), em.end(), "EMAIL_ADDRESS"):
            errors.append(f"{where}: unannotated e-mail {em.group()!r}")
    for im in IBAN_CAND_RE.finditer(text):
        cand = im.group()
        # try every prefix ending at a token boundary (greedy match may run into following text)
        toks = cand.split(" ")
        for k in range(len(toks), 0, -1):
            c = " ".join(toks[:k])
            if iban_is_valid(c):
                if not covered(im.start(), im.start() + len(c), "IBAN_CODE"):
                    errors.append(f"{where}: unannotated IBAN {c!r}")
                break
    # overlapping spans
    se = sorted(ents, key=lambda e: e["start"])
    for a, b in zip(se, se[1:]):
        if b["start"] < a["end"]:
            errors.append(f"{where}: overlapping spans {a} {b}")
    return {"id": tid, "context": ctx, "text": text, "entities": ents}


def main():
    errors, docs = [], []
    files = sorted(glob.glob("src/*.txt"))
    if not files:
        errors.append("no src/*.txt")
    for fn in files:
        with open(fn, encoding="utf-8") as f:
            content = f.read()
        blocks = re.split(r"^---$", content, flags=re.M)
        for b in blocks:
            if not b.strip():
                continue
            d = parse_block(b, fn, errors)
            if d:
                docs.append(d)
    seen = set()
    for d in docs:
        if d["id"] in seen:
            errors.append(f"duplicate id {d['id']}")
        seen.add(d["id"])
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        sys.exit(1)
    with open("corpus.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open("corpus.txt", "w", encoding="utf-8") as f:
        f.write("\n---\n".join(f"# id: {d['id']} | context: {d['context']}\n{d['text']}" for d in docs) + "\n")
    # stats
    from collections import Counter
    tc, cc, ctxc = Counter(), Counter(), Counter()
    for d in docs:
        ctxc[d["context"]] += 1
        for e in d["entities"]:
            tc[e["type"]] += 1
            cc[(d["context"], e["type"])] += 1
    print(f"texts: {len(docs)}  without entities: {sum(1 for d in docs if not d['entities'])}")
    print("texts per context:", dict(sorted(ctxc.items())))
    print("entities per type:")
    for t in sorted(TYPES):
        print(f"  {t:15s} {tc[t]}")
    print("entities per context x type:")
    ctxs = sorted(CONTEXTS)
    print("  " + "TYPE".ljust(15) + "".join(c[:10].rjust(12) for c in ctxs))
    for t in sorted(TYPES):
        print("  " + t.ljust(15) + "".join(str(cc[(c, t)]).rjust(12) for c in ctxs))


if __name__ == "__main__":
    main()
