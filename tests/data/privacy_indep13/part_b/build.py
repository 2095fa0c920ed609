#!/usr/bin/env python3
"""Build corpus.jsonl and corpus.txt from src/*.txt; exit 1 (writing nothing) on any error."""
import datetime
import glob
import json
import os
import re
import sys

from gen import iban_valid, taxid_valid

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER_RE = re.compile(r"^# id: ([a-z]{3}[0-9]?-[0-9]{3}) \| context: ([a-z]+)$")
SPAN_RE = re.compile(r"\[\[([A-Z_]+):([^\[\]\n]*?)\]\]")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}")
IBAN_CAND_RE = re.compile(r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){10,30}\b")
MONTHS = {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
          "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12}
TITLE_WORDS = {"frau", "herr", "herrn", "hr", "fr", "dr", "prof", "familie", "fam", "schulleiterin",
               "schulleiter", "lehrerin", "lehrer", "mutter", "vater", "kind", "sohn", "tochter",
               "kindsmutter", "kindsvater", "oma", "opa", "erzieherin", "erzieher", "sachbearbeiterin",
               "sachbearbeiter", "ki", "km", "kv", "mr", "mrs", "ms", "dipl", "mag", "rektorin", "rektor",
               "konrektorin", "konrektor", "vormund", "amtsvormund", "amtsvormundin", "bürgermeister",
               "bürgermeisterin", "stadträtin", "stadtrat", "dezernentin", "dezernent", "geb", "klassenlehrerin",
               "klassenlehrer", "lk", "sl", "hrn", "pd", "ing", "med", "fa", "bruder", "schwester",
               "hallo", "liebe", "lieber", "sehr", "geehrte", "geehrter", "hi", "dear", "gez", "i.a",
               "ia", "sozialarbeiterin", "sozialarbeiter", "leiterin", "leiter", "gf", "mfg", "gruß",
               "grüße"}


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
                raise ValueError(f"unparseable DATE_OF_BIRTH {s!r}")
            d, y = int(m.group(1)), int(m.group(3))
            mo = MONTHS[m.group(2).lower()]
    dt = datetime.date(y, mo, d)  # raises on impossible dates
    if not (1900 <= y <= 2026):
        raise ValueError(f"implausible birth year {s!r}")
    return dt


def check_person(s):
    toks = re.findall(r"[\wÄÖÜäöüß.]+", s)
    for t in toks:
        if t.lower().rstrip(".") in TITLE_WORDS:
            raise ValueError(f"title/salutation/role inside PERSON {s!r}")


def parse_block(block, src):
    lines = block.split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        raise ValueError(f"{src}: empty block")
    m = HEADER_RE.match(lines[0])
    if not m:
        raise ValueError(f"{src}: bad header {lines[0]!r}")
    tid, ctx = m.groups()
    if ctx not in CONTEXTS:
        raise ValueError(f"{tid}: unknown context {ctx}")
    body = [ln.rstrip() for ln in lines[1:]]
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    raw = "\n".join(body)
    text, ents, pos = [], [], 0
    out_len = 0
    for sm in SPAN_RE.finditer(raw):
        before = raw[pos:sm.start()]
        text.append(before)
        out_len += len(before)
        typ, surf = sm.group(1), sm.group(2)
        if typ not in TYPES:
            raise ValueError(f"{tid}: unknown type {typ}")
        if not surf or surf != surf.strip():
            raise ValueError(f"{tid}: blank at span end or empty span {surf!r}")
        if ":" in surf and typ != "PHONE_NUMBER" and typ != "ADDRESS":
            pass
        ents.append({"type": typ, "start": out_len, "end": out_len + len(surf), "text": surf})
        text.append(surf)
        out_len += len(surf)
        pos = sm.end()
    text.append(raw[pos:])
    text = "".join(text)
    for bad in ("[[", "]]"):
        if bad in text:
            raise ValueError(f"{tid}: stray or nested bracket {bad!r}")
    for e in ents:
        if text[e["start"]:e["end"]] != e["text"]:
            raise ValueError(f"{tid}: offset mismatch {e}")
        s, t = e["text"], e["type"]
        if t == "IBAN_CODE" and not iban_valid(s):
            raise ValueError(f"{tid}: invalid IBAN {s!r}")
        if t == "DE_TAX_ID":
            if not re.fullmatch(r"\d{11}|\d{2} \d{3} \d{3} \d{3}", s) or not taxid_valid(s):
                raise ValueError(f"{tid}: invalid Steuer-ID {s!r}")
        if t == "DATE_OF_BIRTH":
            try:
                parse_dob(s)
            except ValueError as ex:
                raise ValueError(f"{tid}: {ex}")
        if t == "PERSON":
            try:
                check_person(s)
            except ValueError as ex:
                raise ValueError(f"{tid}: {ex}")
        if t == "EMAIL_ADDRESS" and not EMAIL_RE.fullmatch(s):
            raise ValueError(f"{tid}: not an e-mail {s!r}")
        if t == "STUDENT_ID" and s.count(" ") > 1:
            raise ValueError(f"{tid}: STUDENT_ID with more than one blank {s!r}")
    # overlap check (cannot happen with sequential parsing, kept as guard)
    spans = sorted((e["start"], e["end"]) for e in ents)
    for a, b in zip(spans, spans[1:]):
        if b[0] < a[1]:
            raise ValueError(f"{tid}: overlapping spans")

    def covered(a, b, typ):
        return any(e["type"] == typ and e["start"] <= a and b <= e["end"] for e in ents)

    for em in EMAIL_RE.finditer(text):
        if not covered(em.start(), em.end(), "EMAIL_ADDRESS"):
            raise ValueError(f"{tid}: unannotated e-mail {em.group()!r}")
    for im in IBAN_CAND_RE.finditer(text):
        cand = im.group()
        # try every prefix length so trailing words do not hide a valid IBAN
        compact_positions = []
        for j in range(len(cand)):
            if cand[j] != " ":
                compact_positions.append(j)
        for n in range(15, len(compact_positions) + 1):
            end = compact_positions[n - 1] + 1
            sub = cand[:end]
            if iban_valid(sub):
                a, b = im.start(), im.start() + end
                if not covered(a, b, "IBAN_CODE"):
                    raise ValueError(f"{tid}: unannotated IBAN {sub!r}")
    return {"id": tid, "context": ctx, "text": text, "entities": ents}, lines[0]


def main():
    files = sorted(glob.glob(os.path.join(HERE, "src", "*.txt")))
    if not files:
        print("no source files", file=sys.stderr)
        return 1
    docs, headers, errors = [], [], []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            content = fh.read()
        content = content.replace("\r\n", "\n")
        blocks = re.split(r"^---$", content, flags=re.M)
        for i, b in enumerate(blocks):
            if not b.strip():
                continue
            try:
                d, h = parse_block(b, f"{os.path.basename(f)} block {i}")
                docs.append(d)
                headers.append(h)
            except ValueError as ex:
                errors.append(str(ex))
    seen = set()
    for d in docs:
        if d["id"] in seen:
            errors.append(f"duplicate id {d['id']}")
        seen.add(d["id"])
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        return 1
    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(HERE, "corpus.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n---\n".join(h + "\n" + d["text"] for h, d in zip(headers, docs)) + "\n")
    from collections import Counter
    tc = Counter(e["type"] for d in docs for e in d["entities"])
    cc = Counter(d["context"] for d in docs)
    print(f"texts: {len(docs)}  empty: {sum(1 for d in docs if not d['entities'])}")
    for t in sorted(TYPES):
        print(f"  {t}: {tc.get(t, 0)}")
    for c in sorted(CONTEXTS):
        print(f"  context {c}: {cc.get(c, 0)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
