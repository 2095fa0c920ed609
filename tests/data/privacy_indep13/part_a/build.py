#!/usr/bin/env python3
"""Build corpus.jsonl and corpus.txt from src/*.txt. Exit 1 and write nothing on any error."""
import datetime
import glob
import json
import os
import re
import sys

from gen import iban_valid, taxid_valid, IBAN_LENGTHS

TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "STUDENT_ID", "IBAN_CODE", "DE_TAX_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER_RE = re.compile(r"^# id: ([a-z]{3}[0-9]?-[0-9]{3}) \| context: ([a-z]+)$")
SPAN_RE = re.compile(r"\[\[([A-Za-z_]+):([^\[\]\n]*?)\]\]")
EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+")
IBAN_CAND_RE = re.compile(r"(?<![A-Za-z0-9])[A-Z]{2}[0-9]{2}(?: ?[A-Z0-9]){8,32}")
MONTHS = {m: i + 1 for i, m in enumerate(
    ["Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August",
     "September", "Oktober", "November", "Dezember"])}
MONTHS["Jänner"] = 1
# titles, salutations and roles that must stay outside PERSON spans
FORBIDDEN_IN_PERSON = {
    "herr", "herrn", "hr.", "hr", "frau", "fr.", "fr", "dr.", "dr", "prof.", "prof",
    "familie", "fam.", "fam", "schulleiter", "schulleiterin", "lehrer", "lehrerin",
    "klassenlehrer", "klassenlehrerin", "erzieher", "erzieherin", "sachbearbeiter",
    "sachbearbeiterin", "rektor", "rektorin", "konrektor", "konrektorin", "mutter",
    "vater", "kind", "schüler", "schülerin", "dipl.", "dipl.-päd.", "mag.", "ing.",
    "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "sozialarbeiter", "sozialarbeiterin",
    "kitaleitung", "kita-leiterin", "leiterin", "leiter", "oberbürgermeister",
    "bürgermeisterin", "bürgermeister", "amtsleiter", "amtsleiterin", "pfarrer",
    "hallo", "liebe", "lieber", "sehr", "geehrte", "geehrter", "geb.", "m.a.", "b.a.",
}


def parse_dob(s):
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", s)
    if m:
        d, mo, y = int(m[1]), int(m[2]), int(m[3])
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", s)
        if m:
            y, mo, d = int(m[1]), int(m[2]), int(m[3])
        else:
            m = re.fullmatch(r"(\d{1,2})\. ?([A-Za-zäöüÄÖÜ]+) (\d{4})", s)
            if not m or m[2] not in MONTHS:
                return None
            d, mo, y = int(m[1]), MONTHS[m[2]], int(m[3])
    try:
        dt = datetime.date(y, mo, d)
    except ValueError:
        return None
    if not (1900 <= y <= 2026):
        return None
    return dt


def find_valid_ibans(text):
    """Return (start, end) of every valid IBAN occurring in text (compact or grouped)."""
    found = []
    for m in IBAN_CAND_RE.finditer(text):
        cand = m.group(0)
        cc = cand[:2]
        if cc not in IBAN_LENGTHS:
            continue
        need = IBAN_LENGTHS[cc]
        n = 0
        for i, ch in enumerate(cand):
            if ch != " ":
                n += 1
            if n == need:
                sub = cand[:i + 1]
                if iban_valid(sub):
                    found.append((m.start(), m.start() + i + 1))
                break
    return found


def process_block(block, where, errors):
    lines = block.split("\n")
    lines = [l.rstrip() for l in lines]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    if not lines:
        errors.append(f"{where}: empty block")
        return None
    m = HEADER_RE.match(lines[0])
    if not m:
        errors.append(f"{where}: bad header {lines[0]!r}")
        return None
    tid, ctx = m.group(1), m.group(2)
    where = f"{where} [{tid}]"
    if ctx not in CONTEXTS:
        errors.append(f"{where}: unknown context {ctx}")
    body = lines[1:]
    while body and not body[0].strip():
        body.pop(0)
    src = "\n".join(body)
    text_parts, ents, pos, out_len = [], [], 0, 0
    for sm in SPAN_RE.finditer(src):
        between = src[pos:sm.start()]
        text_parts.append(between)
        out_len += len(between)
        typ, surf = sm.group(1), sm.group(2)
        if typ not in TYPES:
            errors.append(f"{where}: unknown type {typ}")
        if not surf or surf != surf.strip():
            errors.append(f"{where}: empty span or blank at span end: {surf!r}")
        ents.append({"type": typ, "start": out_len, "end": out_len + len(surf), "text": surf})
        text_parts.append(surf)
        out_len += len(surf)
        pos = sm.end()
    text_parts.append(src[pos:])
    text = "".join(text_parts)
    if "[[" in text or "]]" in text:
        errors.append(f"{where}: stray or nested brackets / span across line: "
                      f"{text[max(0, text.find('[[')):][:60]!r}")
    for e in ents:
        s = e["text"]
        if text[e["start"]:e["end"]] != s:
            errors.append(f"{where}: offset mismatch for {s!r}")
        if "\n" in s:
            errors.append(f"{where}: span across line {s!r}")
        t = e["type"]
        if t == "IBAN_CODE" and not iban_valid(s):
            errors.append(f"{where}: invalid IBAN {s!r}")
        if t == "DE_TAX_ID" and (not taxid_valid(s) or not re.fullmatch(r"\d{11}|\d{2} \d{3} \d{3} \d{3}", s)):
            errors.append(f"{where}: invalid Steuer-ID {s!r}")
        if t == "DATE_OF_BIRTH" and parse_dob(s) is None:
            errors.append(f"{where}: invalid birth date {s!r}")
        if t == "PERSON":
            for tok in s.split():
                if tok.lower().strip(",") in FORBIDDEN_IN_PERSON:
                    errors.append(f"{where}: title/salutation/role in PERSON {s!r}")
            if "@" in s or any(ch.isdigit() for ch in s):
                errors.append(f"{where}: odd PERSON {s!r}")
        if t == "EMAIL_ADDRESS" and not EMAIL_RE.fullmatch(s):
            errors.append(f"{where}: malformed e-mail {s!r}")
        if t in ("PHONE_NUMBER", "ADDRESS", "STUDENT_ID") and not any(ch.isdigit() for ch in s):
            errors.append(f"{where}: {t} without digit {s!r}")
        if t == "STUDENT_ID" and s.count(" ") > 1:
            errors.append(f"{where}: STUDENT_ID with more than one blank {s!r}")
    # completeness: e-mails and valid IBANs must be annotated
    def covered(a, b, typ):
        return any(e["type"] == typ and e["start"] <= a and b <= e["end"] for e in ents)
    for em in EMAIL_RE.finditer(text):
        # the '@' of every e-mail-like string must lie inside an EMAIL span (the regex may
        # over-extend into run-together text, so the whole match is not required to be covered)
        at = em.start() + em.group(0).index("@")
        if not covered(at, at + 1, "EMAIL_ADDRESS"):
            errors.append(f"{where}: unannotated e-mail {em.group(0)!r}")
    for a, b in find_valid_ibans(text):
        if not covered(a, b, "IBAN_CODE"):
            errors.append(f"{where}: unannotated IBAN {text[a:b]!r}")
    # overlapping spans cannot occur by construction; check order anyway
    for x, y in zip(ents, ents[1:]):
        if y["start"] < x["end"]:
            errors.append(f"{where}: overlapping spans")
    return {"id": tid, "context": ctx, "text": text, "entities": ents}


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    files = sorted(glob.glob(os.path.join(here, "src", "*.txt")))
    errors, docs = [], []
    if not files:
        errors.append("no source files")
    for f in files:
        with open(f, encoding="utf-8") as fh:
            content = fh.read().replace("\r\n", "\n")
        blocks = re.split(r"^---$", content, flags=re.M)
        for i, b in enumerate(blocks):
            if not b.strip():
                continue
            d = process_block(b, f"{os.path.basename(f)} block {i + 1}", errors)
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
    with open(os.path.join(here, "corpus.jsonl"), "w", encoding="utf-8") as fh:
        for d in docs:
            fh.write(json.dumps(d, ensure_ascii=False) + "\n")
    with open(os.path.join(here, "corpus.txt"), "w", encoding="utf-8") as fh:
        fh.write("\n---\n".join(f"# id: {d['id']} | context: {d['context']}\n{d['text']}" for d in docs) + "\n")
    by_type, by_ctx, empty = {}, {}, 0
    for d in docs:
        by_ctx[d["context"]] = by_ctx.get(d["context"], 0) + 1
        if not d["entities"]:
            empty += 1
        for e in d["entities"]:
            by_type[e["type"]] = by_type.get(e["type"], 0) + 1
    print(f"texts: {len(docs)} (without entities: {empty})")
    print("per type:", json.dumps(dict(sorted(by_type.items())), ensure_ascii=False))
    print("per context:", json.dumps(dict(sorted(by_ctx.items())), ensure_ascii=False))


if __name__ == "__main__":
    main()
