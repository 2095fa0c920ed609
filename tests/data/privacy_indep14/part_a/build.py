#!/usr/bin/env python3
"""Build corpus.jsonl and corpus.txt from src/*.txt; exit 1 and write nothing on any error."""
import glob
import json
import re
import sys
import datetime
from collections import Counter

from gen import iban_valid, taxid_valid

TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER_RE = re.compile(r"^# id: ([a-z]{3}[0-9]?-[0-9]{3}) \| context: ([a-z]+)$")
SPAN_RE = re.compile(r"\[\[([A-Za-z_]+):([^\n]*?)\]\]")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
IBAN_CAND_RE = re.compile(r"\b[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){10,30}")
TITLES = {
    "frau", "herr", "hr", "hr.", "fr", "fr.", "dr", "dr.", "prof", "prof.", "fam", "fam.",
    "familie", "schulleiterin", "schulleiter", "lehrerin", "lehrer", "mutter", "vater",
    "herrn", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dear", "liebe", "lieber", "hallo",
    "sehr", "geehrte", "geehrter", "kind", "schüler", "schülerin", "erzieherin", "erzieher",
    "sozialarbeiterin", "sozialarbeiter", "klassenlehrerin", "klassenlehrer", "konrektorin",
    "konrektor", "rektorin", "rektor", "oberstudienrat", "studienrätin", "studienrat",
    "dipl.", "dipl.-päd.", "strin", "str", "ostd", "ostdin", "pok", "gez.", "inh.", "i.a.", "sb", "m.a.", "b.a.", "ltg.", "leitung", "kollegin", "kollege",
}
MONTHS = {m: i + 1 for i, m in enumerate(
    ["januar", "februar", "märz", "april", "mai", "juni", "juli", "august",
     "september", "oktober", "november", "dezember"])}
MONTHS["jänner"] = 1


def parse_dob(s):
    s = s.strip()
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
        else:
            m = re.fullmatch(r"(\d{1,2})\. ?([A-Za-zäÄ]+) (\d{4})", s)
            if not m or m[2].lower() not in MONTHS:
                return None
            d, mo, y = int(m[1]), MONTHS[m[2].lower()], int(m[3])
    try:
        return datetime.date(y, mo, d)
    except ValueError:
        return None


def parse_block(block, where, errors):
    lines = block.strip("\n").split("\n")
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        errors.append(f"{where}: empty block")
        return None
    hm = HEADER_RE.match(lines[0].rstrip())
    if not hm:
        errors.append(f"{where}: bad header {lines[0]!r}")
        return None
    tid, ctx = hm[1], hm[2]
    if ctx not in CONTEXTS:
        errors.append(f"{tid}: unknown context {ctx}")
    body_lines = [ln.rstrip() for ln in lines[1:]]
    while body_lines and not body_lines[0].strip():
        body_lines.pop(0)
    while body_lines and not body_lines[-1].strip():
        body_lines.pop()
    raw = "\n".join(body_lines)
    text_parts, ents, pos = [], [], 0
    out_len = 0
    for m in SPAN_RE.finditer(raw):
        before = raw[pos:m.start()]
        text_parts.append(before)
        out_len += len(before)
        typ, surf = m[1], m[2]
        if typ not in TYPES:
            errors.append(f"{tid}: unknown type {typ}")
        if "[[" in surf or "]]" in surf or "[" in surf and "]" not in surf:
            errors.append(f"{tid}: nested/stray brackets in span {surf!r}")
        if not surf or surf != surf.strip():
            errors.append(f"{tid}: blank at span end {surf!r}")
        ents.append({"type": typ, "start": out_len, "end": out_len + len(surf), "text": surf})
        text_parts.append(surf)
        out_len += len(surf)
        pos = m.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    # stray markup
    for k, piece in enumerate(text_parts):
        if k % 2 == 0 and ("[[" in piece or "]]" in piece):
            errors.append(f"{tid}: stray brackets near {piece[max(0, piece.find('[[')) :][:40]!r}")
    for e in ents:
        if text[e["start"]:e["end"]] != e["text"]:
            errors.append(f"{tid}: offset mismatch {e}")
        if "\n" in e["text"]:
            errors.append(f"{tid}: span across line {e}")
        t, s = e["type"], e["text"]
        if t == "IBAN_CODE" and not iban_valid(s):
            errors.append(f"{tid}: invalid IBAN {s}")
        if t == "DE_TAX_ID" and not (re.fullmatch(r"\d{11}|\d{2} \d{3} \d{3} \d{3}", s) and taxid_valid(s)):
            errors.append(f"{tid}: invalid Steuer-ID {s}")
        if t == "DATE_OF_BIRTH" and parse_dob(s) is None:
            errors.append(f"{tid}: not a real complete date {s}")
        if t == "EMAIL_ADDRESS" and not EMAIL_RE.fullmatch(s):
            errors.append(f"{tid}: not an e-mail {s}")
        if t == "PERSON":
            first = s.split()[0].lower().rstrip(",:")
            if first in TITLES or s.split()[-1].lower() in TITLES:
                errors.append(f"{tid}: title/role inside PERSON {s!r}")
        if t == "STUDENT_ID" and s.count(" ") > 1:
            errors.append(f"{tid}: STUDENT_ID with more than one blank {s!r}")
    # completeness: e-mails
    def covered(a, b, typ):
        return any(e["type"] == typ and e["start"] <= a and b <= e["end"] for e in ents)
    for m in EMAIL_RE.finditer(text):
        if not covered(m.start(), m.end(), "EMAIL_ADDRESS"):
            errors.append(f"{tid}: unannotated e-mail {m[0]}")
    # completeness: IBANs (try every prefix of the candidate)
    for m in IBAN_CAND_RE.finditer(text):
        cand = m[0]
        for end in range(len(cand), 13, -1):
            sub = cand[:end]
            if sub.endswith(" "):
                continue
            if iban_valid(sub):
                if not covered(m.start(), m.start() + end, "IBAN_CODE"):
                    errors.append(f"{tid}: unannotated IBAN {sub}")
                break
    # entity ordering / overlap
    for a, b in zip(ents, ents[1:]):
        if b["start"] < a["end"]:
            errors.append(f"{tid}: overlapping spans")
    return {"id": tid, "context": ctx, "text": text, "entities": ents}, lines[0].rstrip()


def main():
    errors, docs, headers = [], [], []
    files = sorted(glob.glob("src/*.txt"))
    if not files:
        errors.append("no src/*.txt")
    for fn in files:
        with open(fn, encoding="utf-8") as f:
            content = f.read()
        blocks = re.split(r"^---[ \t]*$", content, flags=re.M)
        for k, b in enumerate(blocks):
            if not b.strip():
                continue
            r = parse_block(b, f"{fn} block {k + 1}", errors)
            if r:
                docs.append(r[0])
                headers.append(r[1])
    ids = Counter(d["id"] for d in docs)
    for i, c in ids.items():
        if c > 1:
            errors.append(f"duplicate id {i}")
    if errors:
        for e in errors:
            print("ERROR:", e, file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        sys.exit(1)
    with open("corpus.jsonl", "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open("corpus.txt", "w", encoding="utf-8") as f:
        f.write("\n---\n".join(h + "\n" + d["text"] for h, d in zip(headers, docs)) + "\n")
    tc = Counter(e["type"] for d in docs for e in d["entities"])
    cc = Counter(d["context"] for d in docs)
    print(f"texts: {len(docs)}  (without entities: {sum(1 for d in docs if not d['entities'])})")
    for t in sorted(TYPES):
        print(f"  {t:15s} {tc.get(t, 0)}")
    print("contexts:", dict(sorted(cc.items())))


if __name__ == "__main__":
    main()
