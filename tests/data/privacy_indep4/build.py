"""Parse corpus_src/*.txt (DEFS.md source format), validate, write corpus.jsonl."""
import glob, json, os, re, sys
from collections import Counter

TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
         "IBAN_CODE", "DE_TAX_ID", "STUDENT_ID"}
CONTEXTS = {"schule", "kita", "jugendamt", "bildungsbuero", "verwaltung"}
HEADER = re.compile(r"^# id: ([a-z]{3}[0-9]?-[0-9]{3}) \| context: ([a-z]+)$")
SPAN = re.compile(r"\[\[([A-Z_]+):([^\[\]\n]*?)\]\]")

def parse_block(block, where, errors):
    lines = block.split("\n")
    while lines and lines[0].strip() == "":
        lines.pop(0)
    if not lines:
        errors.append(f"{where}: empty block"); return None
    m = HEADER.match(lines[0].rstrip())
    if not m:
        errors.append(f"{where}: bad header {lines[0]!r}"); return None
    bid, ctx = m.groups()
    if ctx not in CONTEXTS:
        errors.append(f"{bid}: unknown context {ctx}")
    body = [l.rstrip() for l in lines[1:]]
    while body and body[0] == "":
        body.pop(0)
    while body and body[-1] == "":
        body.pop()
    src = "\n".join(body)
    text, ents, pos = [], [], 0
    out_len = 0
    for sm in SPAN.finditer(src):
        chunk = src[pos:sm.start()]
        text.append(chunk); out_len += len(chunk)
        typ, surf = sm.group(1), sm.group(2)
        if typ not in TYPES:
            errors.append(f"{bid}: unknown type {typ}")
        if surf == "" or surf != surf.strip():
            errors.append(f"{bid}: empty/padded surface {surf!r}")
        ents.append({"type": typ, "start": out_len, "end": out_len + len(surf), "text": surf})
        text.append(surf); out_len += len(surf)
        pos = sm.end()
    text.append(src[pos:])
    text = "".join(text)
    if "[[" in text or "]]" in text:
        errors.append(f"{bid}: unparsed or multi-line bracket left in text")
    for e in ents:
        if text[e["start"]:e["end"]] != e["text"]:
            errors.append(f"{bid}: offset mismatch {e}")
        if "\n" in e["text"]:
            errors.append(f"{bid}: span crosses line break {e}")
    return {"id": bid, "context": ctx, "text": text, "entities": ents}

def main():
    here = os.path.dirname(os.path.abspath(__file__))
    errors, docs = [], []
    for path in sorted(glob.glob(os.path.join(here, "corpus_src", "*.txt"))):
        raw = open(path, encoding="utf-8").read().replace("\r\n", "\n")
        blocks = re.split(r"(?m)^---$", raw)
        for i, b in enumerate(blocks):
            if b.strip() == "":
                continue
            d = parse_block(b, f"{os.path.basename(path)}#{i}", errors)
            if d: docs.append(d)
    seen = Counter(d["id"] for d in docs)
    for k, v in seen.items():
        if v > 1: errors.append(f"duplicate id {k}")
    if errors:
        print("\n".join(errors)); sys.exit(1)
    with open(os.path.join(here, "corpus.jsonl"), "w", encoding="utf-8") as f:
        for d in docs:
            f.write(json.dumps(d, ensure_ascii=False) + "\n")
    c = Counter(e["type"] for d in docs for e in d["entities"])
    print(f"texts: {len(docs)}  without entities: {sum(1 for d in docs if not d['entities'])}  spans: {sum(c.values())}")
    for t in sorted(TYPES):
        print(f"  {t:15s} {c[t]}")
    print("contexts:", dict(Counter(d["context"] for d in docs)))

if __name__ == "__main__":
    main()
