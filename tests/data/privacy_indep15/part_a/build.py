#!/usr/bin/env python3
"""Build corpus.jsonl and corpus.txt from src/*.txt; exit 1 and write nothing on any error."""
import datetime
import glob
import json
import os
import re
import sys
from collections import Counter, defaultdict

from gen import iban_valid, taxid_valid, IBAN_LENGTHS

TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER_RE = re.compile(r"^# id: ([a-z]{3}\d?-\d{3}) \| context: ([a-z]+)$")
SPAN_RE = re.compile(r"\[\[([A-Za-z_]*):(.*?)\]\]")
MONTHS = {"januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5, "juni": 6,
          "juli": 7, "august": 8, "september": 9, "oktober": 10, "november": 11, "dezember": 12}
# words that must not be inside a PERSON span (titles, salutations, roles)
BAD_PERSON_WORDS = {
    "frau", "herr", "mama", "papa", "oma", "opa", "doktor", "professor", "mme", "mlle", "sra", "señora", "señor", "signora", "herrn", "hr", "fr", "dr", "prof", "familie", "fam", "mr", "mrs", "ms", "miss",
    "sir", "dear", "hallo", "liebe", "lieber", "sehr", "geehrte", "geehrter", "schulleiterin",
    "schulleiter", "lehrer", "lehrerin", "rektor", "rektorin", "konrektorin", "konrektor",
    "erzieher", "erzieherin", "sozialarbeiter", "sozialarbeiterin", "klassenlehrer",
    "klassenlehrerin", "mutter", "vater", "kind", "schülerin",  # "schüler" is also a surname (bax-062)
    "sachbearbeiter",
    "sachbearbeiterin", "kollegin", "kollege", "dipl", "med", "päd", "ing", "mag", "stv",
    "amtsleiter", "amtsleiterin", "leiterin", "leiter", "bürgermeister", "bürgermeisterin",
    "geb", "gez", "i.a", "oberbürgermeister", "team", "frl",
}
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-äöüÄÖÜß]+@[A-Za-z0-9\-äöü]+(?:\.[A-Za-z0-9\-äöü]+)+")
IBAN_CAND_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}(?:[ ]?[A-Z0-9]){10,30}")


def parse_dob(s):
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        d, mo, y = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
        if m:
            y, mo, d = map(int, m.groups())
        else:
            m = re.fullmatch(r"(\d{1,2})\.\s?([A-Za-zäÄ]+)\s(\d{4})", s)
            if not m or m.group(2).lower() not in MONTHS:
                return None
            d, y = int(m.group(1)), int(m.group(3))
            mo = MONTHS[m.group(2).lower()]
    try:
        dt = datetime.date(y, mo, d)
    except ValueError:
        return None
    if not (1920 <= dt.year <= 2026):
        return None
    return dt


def iban_candidates(text):
    """Yield (start, end) of substrings that are valid IBANs (compact or grouped by 4)."""
    for m in re.finditer(r"(?<![A-Za-z0-9])[A-Z]{2}\d{2}[A-Z0-9 ]{8,40}", text):
        s = m.group(0)
        cc = s[:2]
        if cc not in IBAN_LENGTHS:
            continue
        n = IBAN_LENGTHS[cc]
        # walk characters, collecting n alnum chars
        cnt, j = 0, 0
        while j < len(s) and cnt < n:
            if s[j] != " ":
                cnt += 1
            elif j + 1 < len(s) and s[j + 1] == " ":
                break
            j += 1
        if cnt == n and iban_valid(s[:j]):
            yield m.start(), m.start() + j


def parse_block(block, fname, errors):
    lines = [ln.rstrip() for ln in block.split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        errors.append(f"{fname}: empty block")
        return None
    hm = HEADER_RE.match(lines[0])
    if not hm:
        errors.append(f"{fname}: bad header {lines[0]!r}")
        return None
    tid, ctx = hm.groups()
    where = f"{fname}:{tid}"
    if ctx not in CONTEXTS:
        errors.append(f"{where}: unknown context {ctx}")
    body_lines = lines[1:]
    while body_lines and not body_lines[0].strip():
        body_lines.pop(0)
    if not body_lines:
        errors.append(f"{where}: empty text")
        return None
    raw = "\n".join(body_lines)
    text_parts, ents, pos, out_len = [], [], 0, 0
    for m in SPAN_RE.finditer(raw):
        typ, surf = m.group(1), m.group(2)
        pre = raw[pos:m.start()]
        text_parts.append(pre)
        out_len += len(pre)
        if typ not in TYPES:
            errors.append(f"{where}: unknown type {typ!r}")
        if "\n" in surf:
            errors.append(f"{where}: span across line break {surf!r}")
        if "[[" in surf or "]]" in surf or "[" in surf:
            errors.append(f"{where}: nested/bracket in span {surf!r}")
        if not surf or surf != surf.strip():
            errors.append(f"{where}: blank at span end or empty span {surf!r}")
        ents.append({"type": typ, "start": out_len, "end": out_len + len(surf), "text": surf})
        text_parts.append(surf)
        out_len += len(surf)
        pos = m.end()
    text_parts.append(raw[pos:])
    text = "".join(text_parts)
    # stray markup
    if "[[" in text or "]]" in text:
        errors.append(f"{where}: stray [[ or ]] in text")
    for e in ents:
        if text[e["start"]:e["end"]] != e["text"]:
            errors.append(f"{where}: offset mismatch {e}")
        typ, s = e["type"], e["text"]
        if typ == "IBAN_CODE" and not iban_valid(s):
            errors.append(f"{where}: invalid IBAN {s!r}")
        if typ == "IBAN_CODE" and re.search(r"\s{2,}", s):
            errors.append(f"{where}: IBAN with double blank {s!r}")
        if typ == "DE_TAX_ID":
            if not re.fullmatch(r"\d{11}|\d{2} \d{3} \d{3} \d{3}", s) or not taxid_valid(s):
                errors.append(f"{where}: invalid Steuer-ID {s!r}")
        if typ == "DATE_OF_BIRTH" and parse_dob(s) is None:
            errors.append(f"{where}: DATE_OF_BIRTH not a real complete date {s!r}")
        if typ == "PERSON":
            toks = [t.strip(".,:;").lower() for t in re.split(r"\s+", s)]
            for t in toks:
                if t in BAD_PERSON_WORDS:
                    errors.append(f"{where}: title/salutation/role inside PERSON {s!r}")
            if re.search(r"\d|@", s):
                errors.append(f"{where}: digit/@ in PERSON {s!r}")
        if typ == "EMAIL_ADDRESS" and not EMAIL_RE.fullmatch(s):
            errors.append(f"{where}: EMAIL span is not an e-mail address {s!r}")
        if typ == "PHONE_NUMBER":
            if not re.search(r"\d", s) or re.match(r"(?i)(tel|fax|mobil|handy|fon|phone)", s):
                errors.append(f"{where}: bad PHONE span {s!r}")
        if typ == "ADDRESS" and not re.search(r"\d|(?i:eins|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|zwanzig|dreißig)", s):
            errors.append(f"{where}: ADDRESS without number {s!r}")
        if typ == "STUDENT_ID":
            if s.count(" ") > 1 or not re.search(r"\d", s) or re.search(r"(?i)sch|nr", s):
                errors.append(f"{where}: bad STUDENT_ID span {s!r}")
    # overlap check
    srt = sorted(ents, key=lambda e: e["start"])
    for a, b in zip(srt, srt[1:]):
        if b["start"] < a["end"]:
            errors.append(f"{where}: overlapping spans {a} {b}")
    # completeness: e-mails
    for m in EMAIL_RE.finditer(text):
        if not any(e["type"] == "EMAIL_ADDRESS" and e["start"] <= m.start() and m.end() <= e["end"]
                   for e in ents):
            errors.append(f"{where}: unannotated e-mail {m.group(0)!r}")
    # completeness: IBANs
    for a, b in iban_candidates(text):
        if not any(e["type"] == "IBAN_CODE" and e["start"] <= a and b <= e["end"] for e in ents):
            errors.append(f"{where}: unannotated valid IBAN {text[a:b]!r}")
    return {"id": tid, "context": ctx, "text": text, "entities": ents}, lines[0]


def main():
    errors, docs, headers = [], [], []
    files = sorted(glob.glob(os.path.join(os.path.dirname(os.path.abspath(__file__)), "src", "*.txt")))
    if not files:
        errors.append("no src/*.txt files")
    for f in files:
        with open(f, encoding="utf-8") as fh:
            content = fh.read().replace("\r\n", "\n")
        blocks = re.split(r"(?m)^---$", content)
        for blk in blocks:
            if not blk.strip():
                continue
            r = parse_block(blk, os.path.basename(f), errors)
            if r:
                docs.append(r[0]); headers.append(r[1])
    ids = Counter(d["id"] for d in docs)
    for k, v in ids.items():
        if v > 1:
            errors.append(f"duplicate id {k}")
    # warnings (not errors): unannotated valid-looking Steuer-IDs
    for d in docs:
        for m in re.finditer(r"(?<!\d)(\d{11}|\d{2} \d{3} \d{3} \d{3})(?!\d)", d["text"]):
            if taxid_valid(m.group(0)) and not any(
                    e["start"] <= m.start() and m.end() <= e["end"] for e in d["entities"]):
                print(f"WARNING {d['id']}: unannotated valid-looking Steuer-ID {m.group(0)}", file=sys.stderr)
    if errors:
        for e in errors:
            print("ERROR", e, file=sys.stderr)
        print(f"{len(errors)} error(s); nothing written", file=sys.stderr)
        sys.exit(1)
    base = os.path.dirname(os.path.abspath(__file__))
    with open(os.path.join(base, "corpus.jsonl"), "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(base, "corpus.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n---\n".join(h + "\n" + d["text"] for h, d in zip(headers, docs)) + "\n")
    by_type = Counter(e["type"] for d in docs for e in d["entities"])
    by_ctx = Counter(d["context"] for d in docs)
    tc = defaultdict(Counter)
    for d in docs:
        for e in d["entities"]:
            tc[e["type"]][d["context"]] += 1
    empty = sum(1 for d in docs if not d["entities"])
    stats = {"texts": len(docs), "texts_without_entities": empty, "entities": sum(by_type.values()),
             "by_type": dict(sorted(by_type.items())), "texts_by_context": dict(sorted(by_ctx.items())),
             "type_by_context": {t: dict(sorted(c.items())) for t, c in sorted(tc.items())}}
    with open(os.path.join(base, "stats.json"), "w", encoding="utf-8") as fh:
        json.dump(stats, fh, ensure_ascii=False, indent=1)
    print(json.dumps(stats, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
