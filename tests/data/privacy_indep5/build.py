#!/usr/bin/env python3
"""Parse corpus.src.txt (source format of DEFS.md), validate, write corpus.jsonl, print counts.

Run `python3 gen.py` first (it fills the {{...}} placeholders of corpus.tmpl).
Standard library only.  Exit code 1 on any validation error.
"""
import datetime, json, re, sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC = HERE / "corpus.src.txt"
OUT = HERE / "corpus.jsonl"

TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER = re.compile(r"^# id: ([a-z]{3}\d?-\d{3}) \| context: ([a-z]+)$")
SPAN = re.compile(r"\[\[([A-Z_]+):([^\[\]\n]*?)\]\]")
IBAN_LEN = {"DE": 22, "AT": 20, "RO": 24, "PT": 25, "PL": 28, "NL": 18, "CH": 21, "FR": 27,
            "IT": 27, "ES": 24, "BE": 16, "LU": 20}
MONTHS = {m: i + 1 for i, m in enumerate(
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
     "September", "Oktober", "November", "Dezember"])}
TITLES = ("frau ", "herr ", "herrn ", "hr. ", "fr. ", "dr. ", "prof. ", "familie ", "fam. ")

errors = []


def err(tid, msg):
    errors.append(f"{tid}: {msg}")


# ---------- value validators ----------
def iban_ok(s):
    if re.search(r"\s", s) and not re.fullmatch(r"[A-Z]{2}\d{2}( [0-9A-Z]{4})*( [0-9A-Z]{1,4})?", s):
        return False
    c = s.replace(" ", "")
    if not re.fullmatch(r"[A-Z]{2}\d{2}[0-9A-Z]+", c) or IBAN_LEN.get(c[:2]) != len(c):
        return False
    num = "".join(str(int(ch, 36)) for ch in c[4:] + c[:4])
    return int(num) % 97 == 1


def taxid_ok(s):
    if not (re.fullmatch(r"\d{11}", s) or re.fullmatch(r"\d{2} \d{3} \d{3} \d{3}", s)):
        return False
    d = s.replace(" ", "")
    if d[0] == "0":
        return False
    cnt = Counter(d[:10])
    multi = [k for k, v in cnt.items() if v > 1]
    if len(multi) != 1 or cnt[multi[0]] not in (2, 3):
        return False
    if multi[0] * 3 in d[:10]:
        return False
    product = 10
    for ch in d[:10]:
        x = (int(ch) + product) % 10 or 10
        product = (x * 2) % 11
    chk = 11 - product
    chk = 0 if chk == 10 else chk
    return chk == int(d[10])


def dob_ok(s):
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        d, mo, y = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
        if m:
            y, mo, d = map(int, m.groups())
        else:
            m = re.fullmatch(r"(\d{1,2})\. ([A-Za-zä]+) (\d{4})", s)
            if not m or m.group(2) not in MONTHS:
                return False
            d, mo, y = int(m.group(1)), MONTHS[m.group(2)], int(m.group(3))
    try:
        dt = datetime.date(y, mo, d)
    except ValueError:
        return False
    return 1900 <= dt.year <= 2025


def phone_ok(s):
    if not re.fullmatch(r"(\+|00|0|\()[0-9 ()/+\-]*[0-9]", s):
        return False
    n = len(re.sub(r"\D", "", s))
    return 7 <= n <= 16


def email_ok(s):
    return re.fullmatch(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", s) is not None


def address_ok(s):
    # street (letters) + house number (+suffix / range), optionally ", PLZ Ort" or " PLZ Ort"
    return re.fullmatch(
        r"[^\d,]*[A-Za-zÄÖÜäöüß.]\s\d+(\s?[a-z])?(\s?[-–]\s?\d+)?((,\s|\s)\d{5}\s\S.*)?", s) is not None


def student_ok(s):
    if s.count(" ") > 1:
        return False
    part = r"[A-Z0-9]+([-/.][A-Z0-9]+)*"
    return (re.fullmatch(part + r"( " + part + r")?", s) is not None
            and len(re.sub(r"\D", "", s)) >= 4)


def person_ok(s):
    low = s.lower()
    if any(low.startswith(t) for t in TITLES):
        return False
    if re.search(r"[\d@]", s) or not re.search(r"\w", s):
        return False
    return True


VALID = {"PERSON": person_ok, "DATE_OF_BIRTH": dob_ok, "ADDRESS": address_ok,
         "PHONE_NUMBER": phone_ok, "EMAIL_ADDRESS": email_ok, "IBAN_CODE": iban_ok,
         "DE_TAX_ID": taxid_ok, "STUDENT_ID": student_ok}


# ---------- parsing ----------
def parse_block(lines):
    while lines and not lines[0].strip():
        lines.pop(0)
    if not lines:
        return None
    m = HEADER.match(lines[0])
    if not m:
        err("?", f"bad header {lines[0]!r}")
        return None
    tid, ctx = m.groups()
    if ctx not in CONTEXTS:
        err(tid, f"bad context {ctx}")
    body = [ln.rstrip() for ln in lines[1:]]
    while body and not body[0].strip():
        body.pop(0)
    while body and not body[-1].strip():
        body.pop()
    src = "\n".join(body)
    if "{{" in src or "}}" in src:
        err(tid, "unfilled placeholder")
    text, ents, pos = [], [], 0
    out_len = 0
    for m in SPAN.finditer(src):
        chunk = src[pos:m.start()]
        text.append(chunk)
        out_len += len(chunk)
        typ, surf = m.group(1), m.group(2)
        if typ not in TYPES:
            err(tid, f"unknown type {typ}")
        if surf != surf.strip() or not surf:
            err(tid, f"surface with outer whitespace/empty: {surf!r}")
        if typ in VALID and not VALID[typ](surf):
            err(tid, f"invalid {typ}: {surf!r}")
        ents.append({"type": typ, "start": out_len, "end": out_len + len(surf), "text": surf})
        text.append(surf)
        out_len += len(surf)
        pos = m.end()
    text.append(src[pos:])
    plain = "".join(text)
    if "[[" in plain or "]]" in plain:
        err(tid, "unbalanced/nested/line-crossing span markup left in text")
    for e in ents:
        if plain[e["start"]:e["end"]] != e["text"]:
            err(tid, f"offset mismatch {e}")
    return {"id": tid, "context": ctx, "text": plain, "entities": ents}


def covered(ents, i, j):
    return any(e["start"] <= i and j <= e["end"] for e in ents)


def consistency(rec):
    """Catch obvious misses: unannotated e-mails, valid IBANs/Steuer-IDs, names after Frau/Herr."""
    t, ents, tid = rec["text"], rec["entities"], rec["id"]
    for m in re.finditer(r"[\w.%+\-]+@[\w\-]+(\.[\w\-]+)+", t):
        if not covered(ents, m.start(), m.end()):
            err(tid, f"unannotated e-mail {m.group()!r}")
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[0-9A-Z]{4}){3,7}(?: ?[0-9A-Z]{1,3})?\b", t):
        if iban_ok(m.group()) or iban_ok(m.group().replace(" ", "")):
            if not covered(ents, m.start(), m.end()):
                err(tid, f"unannotated IBAN {m.group()!r}")
    for m in re.finditer(r"(?<![\d.])(\d{11}|\d{2} \d{3} \d{3} \d{3})(?![\d.])", t):
        if taxid_ok(m.group()) and not covered(ents, m.start(), m.end()):
            err(tid, f"unannotated Steuer-ID-like number {m.group()!r}")
    for m in re.finditer(r"\b(?:Frau|Herrn?|Hr\.|Fr\.)\s+(?:(?:Prof\.|Dr\.)\s+)*([A-ZÄÖÜ][\w\-]+)", t):
        if not covered(ents, m.start(1), m.end(1)):
            err(tid, f"name after salutation not annotated: {m.group()!r}")
    spans = sorted(ents, key=lambda e: e["start"])
    for a, b in zip(spans, spans[1:]):
        if b["start"] < a["end"]:
            err(tid, "overlapping spans")


def main():
    raw = SRC.read_text(encoding="utf-8")
    blocks, cur = [], []
    for ln in raw.split("\n"):
        if ln == "---":
            blocks.append(cur)
            cur = []
        else:
            cur.append(ln)
    blocks.append(cur)
    recs, seen = [], set()
    for b in blocks:
        r = parse_block(list(b))
        if r is None:
            continue
        if r["id"] in seen:
            err(r["id"], "duplicate id")
        seen.add(r["id"])
        consistency(r)
        recs.append(r)
    # generated values must occur once each
    vals = Counter(e["text"].replace(" ", "") for r in recs for e in r["entities"]
                   if e["type"] in ("IBAN_CODE", "DE_TAX_ID"))
    for v, n in vals.items():
        if n > 1:
            err("corpus", f"generated value used {n}x: {v}")
    prefixes = {r["id"].split("-")[0] for r in recs}
    if len(prefixes) != 1:
        err("corpus", f"mixed id prefixes {prefixes}")
    types = Counter(e["type"] for r in recs for e in r["entities"])
    empty = sum(1 for r in recs if not r["entities"])
    ctx = Counter(r["context"] for r in recs)
    print(f"texts: {len(recs)}  without entities: {empty} ({100 * empty / max(1, len(recs)):.0f} %)")
    print("contexts:", dict(sorted(ctx.items())))
    for t in sorted(TYPES):
        print(f"  {t:15s} {types[t]:4d}")
    print(f"  {'TOTAL':15s} {sum(types.values()):4d}")
    if errors:
        print(f"\n{len(errors)} VALIDATION ERRORS:", file=sys.stderr)
        for e in errors:
            print("  " + e, file=sys.stderr)
        sys.exit(1)
    with OUT.open("w", encoding="utf-8") as f:
        for r in recs:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    print(f"OK – all checks passed, wrote {OUT.name}")


if __name__ == "__main__":
    main()
