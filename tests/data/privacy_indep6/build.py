#!/usr/bin/env python3
"""Parse corpus.txt (source format of DEFS.md), validate, write corpus.jsonl, print counts.
Standard library only. Exit code 1 on any validation error."""
import collections, datetime, json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER = re.compile(r"^# id: ([a-z]{3}\d?-\d{3}) \| context: ([a-z]+)$")
SPAN = re.compile(r"\[\[([A-Z_]+):([^\[\]\n]*?)\]\]")
IBAN_LEN = {"DE": 22, "AT": 20, "PL": 28, "TR": 26, "NL": 18, "CH": 21, "FR": 27, "IT": 27, "ES": 24}
MONTHS = ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
          "September", "Oktober", "November", "Dezember"]
errors, warnings = [], []

def err(i, msg): errors.append("%s: %s" % (i, msg))

def iban_ok(s):
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+|[A-Z]{2}\d{2}(?: [A-Z0-9]{4})+(?: [A-Z0-9]{1,3})?", s):
        return False
    c = s.replace(" ", "")
    if IBAN_LEN.get(c[:2]) != len(c):
        return False
    r = c[4:] + c[:4]
    return int("".join(str(int(ch, 36)) for ch in r)) % 97 == 1

def taxid_ok(s):
    if not re.fullmatch(r"\d{11}|\d{2} \d{3} \d{3} \d{3}", s):
        return False
    d = s.replace(" ", "")
    if d[0] == "0":
        return False
    d10 = d[:10]
    cnt = collections.Counter(d10)
    multi = [k for k, v in cnt.items() if v > 1]
    if len(multi) != 1 or cnt[multi[0]] not in (2, 3):
        return False
    if cnt[multi[0]] == 3 and multi[0] * 3 in d10:
        return False
    product = 10
    for ch in d10:
        x = (int(ch) + product) % 10 or 10
        product = (x * 2) % 11
    chk = 11 - product
    chk = 0 if chk == 10 else chk
    return chk == int(d[10])

def dob_ok(s):
    m = re.fullmatch(r"(\d{2})\.(\d{2})\.(\d{4})|(\d{1,2})\.(\d{1,2})\.(\d{4})|(\d{4})-(\d{2})-(\d{2})|(\d{1,2})\. (%s) (\d{4})" % "|".join(MONTHS), s)
    if not m:
        return False
    g = m.groups()
    try:
        if g[0]: datetime.date(int(g[2]), int(g[1]), int(g[0]))
        elif g[3]: datetime.date(int(g[5]), int(g[4]), int(g[3]))
        elif g[6]: datetime.date(int(g[6]), int(g[7]), int(g[8]))
        else: datetime.date(int(g[11]), MONTHS.index(g[10]) + 1, int(g[9]))
    except ValueError:
        return False
    return True

PHONE = re.compile(r"^(?:\+|00)?[\d(][\d\s/()\-]*\d$")
EMAIL = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
ADDRESS = re.compile(r"^\S.*?\s\d{1,4}\s?[a-zA-Z]?(?:\s?[-–]\s?\d{1,4}[a-z]?)?(?:,?\s\d{5}\s\S.*)?$")
STUDENT = re.compile(r"^(?:[A-Z]{2,3}[- ])?(?:[A-Z]{2}-)?\d{2,8}(?:[-/.]\d{2,5})*(?:-[A-Z])?$|^\d{4} \d{5}$")
TITLES = ("Frau ", "Herr ", "Hr. ", "Fr. ", "Dr. ", "Prof. ", "Familie ", "Fam. ", "Schulleiter")
STUDENT_CTX = re.compile(r"sch(?:ü|ue)ler|kita-?kind|kind-?nr|sid", re.I)
DOB_CTX = re.compile(r"geb|\*|geboren", re.I)

def parse_block(block, n):
    lines = [l.rstrip() for l in block.split("\n")]
    while lines and not lines[0]: lines.pop(0)
    while lines and not lines[-1]: lines.pop()
    if not lines:
        err("block%d" % n, "empty block"); return None
    m = HEADER.match(lines[0])
    if not m:
        err("block%d" % n, "bad header %r" % lines[0]); return None
    bid, ctx = m.groups()
    if ctx not in CONTEXTS: err(bid, "bad context " + ctx)
    body = lines[1:]
    while body and not body[0]: body.pop(0)
    src = "\n".join(body)
    text, ents, pos = [], [], 0
    out_len = 0
    for sm in SPAN.finditer(src):
        chunk = src[pos:sm.start()]
        text.append(chunk); out_len += len(chunk)
        typ, surf = sm.group(1), sm.group(2)
        if typ not in TYPES: err(bid, "unknown type " + typ)
        if surf != surf.strip() or not surf: err(bid, "span whitespace %r" % surf)
        ents.append({"type": typ, "start": out_len, "end": out_len + len(surf), "text": surf})
        text.append(surf); out_len += len(surf)
        pos = sm.end()
    text.append(src[pos:])
    text = "".join(text)
    if "[[" in text or "]]" in text: err(bid, "unparsed bracket markup")
    if "@@" in text: err(bid, "unfilled placeholder")
    return {"id": bid, "context": ctx, "text": text, "entities": ents}

def validate(doc):
    bid, text = doc["id"], doc["text"]
    for e in doc["entities"]:
        s, t = e["text"], e["type"]
        assert text[e["start"]:e["end"]] == s
        if "\n" in s: err(bid, "span crosses line " + s)
        before = text[max(0, e["start"] - 60):e["start"]]
        line_start = text.rfind("\n", 0, e["start"]) + 1
        if t == "PERSON":
            if s.startswith(TITLES) or re.search(r"\d|@", s): err(bid, "PERSON form %r" % s)
            if s[-1] in ".,;:" and not re.search(r"\b\w\.$", s): err(bid, "PERSON trailing punct %r" % s)
        elif t == "DATE_OF_BIRTH":
            if not dob_ok(s): err(bid, "DOB format %r" % s)
            if not DOB_CTX.search(text[:e["start"]]) and not re.match(r"\s*geboren", text[e["end"]:]):
                err(bid, "DOB without birth context %r" % s)
        elif t == "ADDRESS":
            if not ADDRESS.match(s): err(bid, "ADDRESS form %r" % s)
        elif t == "PHONE_NUMBER":
            nd = len(re.sub(r"\D", "", s))
            if not PHONE.match(s) or not (6 <= nd <= 16): err(bid, "PHONE form %r" % s)
        elif t == "EMAIL_ADDRESS":
            if not EMAIL.match(s): err(bid, "EMAIL form %r" % s)
        elif t == "IBAN_CODE":
            if not iban_ok(s): err(bid, "IBAN invalid %r" % s)
        elif t == "DE_TAX_ID":
            if not taxid_ok(s): err(bid, "TAX ID invalid %r" % s)
        elif t == "STUDENT_ID":
            if not STUDENT.match(s) or s.count(" ") > 1: err(bid, "STUDENT_ID form %r" % s)
            line_end = text.find("\n", e["end"])
            line_end = len(text) if line_end < 0 else line_end
            if not STUDENT_CTX.search(text[:e["start"]]) and not STUDENT_CTX.search(text[e["end"]:line_end]):
                err(bid, "STUDENT_ID without label %r" % s)
    # overlap / ordering
    ends = 0
    for e in sorted(doc["entities"], key=lambda x: x["start"]):
        if e["start"] < ends: err(bid, "overlap at %d" % e["start"])
        ends = e["end"]
    # completeness scans: unannotated e-mails, IBANs, tax ids, phone-like +49 numbers
    covered = [False] * len(text)
    for e in doc["entities"]:
        for k in range(e["start"], e["end"]): covered[k] = True
    def uncovered(m):
        return not any(covered[m.start():m.end()])
    for m in re.finditer(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}", text):
        if uncovered(m): err(bid, "unannotated e-mail %r" % m.group())
    for m in re.finditer(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,3})?\b", text):
        if iban_ok(m.group()) and uncovered(m): err(bid, "unannotated IBAN %r" % m.group())
    for m in re.finditer(r"(?<![\d ])(?:\d{11}|\d{2} \d{3} \d{3} \d{3})(?![\d])", text):
        if taxid_ok(m.group()) and uncovered(m): err(bid, "unannotated tax id %r" % m.group())
    for m in re.finditer(r"(?<![\w+])(?:\+|00)\d{2}[\d\s/()\-]{6,}\d", text):
        if uncovered(m): err(bid, "unannotated intl phone %r" % m.group())
    # consistency warning: a PERSON surface that appears unannotated elsewhere
    names = {e["text"] for e in doc["entities"] if e["type"] == "PERSON"}
    for nm in names:
        for m in re.finditer(r"(?<!\w)%s(?!\w)" % re.escape(nm), text):
            if uncovered(m):
                warnings.append("%s: unannotated occurrence of PERSON %r at %d" % (bid, nm, m.start()))

def main():
    with open(os.path.join(HERE, "corpus.txt"), encoding="utf-8") as f:
        raw = f.read()
    blocks = re.split(r"^---$", raw, flags=re.M)
    docs, seen = [], set()
    for n, b in enumerate(blocks):
        d = parse_block(b, n)
        if d is None: continue
        if d["id"] in seen: err(d["id"], "duplicate id")
        seen.add(d["id"])
        validate(d)
        docs.append(d)
    # each IBAN / tax id value only once in the corpus
    vals = collections.Counter(e["text"].replace(" ", "") for d in docs for e in d["entities"]
                               if e["type"] in ("IBAN_CODE", "DE_TAX_ID"))
    for v, c in vals.items():
        if c > 1: errors.append("value used %d times: %s" % (c, v))
    counts = collections.Counter(e["type"] for d in docs for e in d["entities"])
    ctxs = collections.Counter(d["context"] for d in docs)
    empty = sum(1 for d in docs if not d["entities"])
    with open(os.path.join(HERE, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    print("texts: %d  (without personal data: %d = %.1f %%)" % (len(docs), empty, 100.0 * empty / max(1, len(docs))))
    print("contexts:", dict(sorted(ctxs.items())))
    for t in sorted(TYPES):
        print("  %-14s %4d" % (t, counts[t]))
    print("  %-14s %4d" % ("TOTAL", sum(counts.values())))
    for w in warnings: print("WARN", w)
    if errors:
        for e in errors: print("ERROR", e)
        print("%d validation errors" % len(errors)); sys.exit(1)
    print("validation OK")

if __name__ == "__main__":
    main()
