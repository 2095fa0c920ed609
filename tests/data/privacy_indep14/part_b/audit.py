#!/usr/bin/env python3
"""Heuristic audit (not part of build): print candidate strings outside any span."""
import json, re
PAT = {
 "phone?": re.compile(r"(?:\+|\b0)[0-9][0-9 /()\-–]{6,}[0-9]"),
 "taxid?": re.compile(r"\b\d{2} ?\d{3} ?\d{3} ?\d{3}\b"),
 "date-after-geb?": re.compile(r"(?:geb\.|geboren|Geburtsdatum|\*)\s*(?:am\s*)?\d{1,2}\.\s?\S+\s?\d{4}"),
 "title+Name?": re.compile(r"\b(?:Frau|Herr|Herrn|Hr\.|Fr\.|Dr\.|Familie|Fam\.)\s+[A-ZÄÖÜ][\wäöüß\-]+"),
 "street?": re.compile(r"[A-ZÄÖÜ][\wäöüß\-]*(?:straße|str\.|weg|allee|platz|ring|gasse)\s+\d+", re.I),
}
for line in open("corpus.jsonl", encoding="utf-8"):
    d = json.loads(line)
    t = d["text"]
    cov = [(e["start"], e["end"]) for e in d["entities"]]
    for name, p in PAT.items():
        for m in p.finditer(t):
            a, b = m.start(), m.end()
            if name == "title+Name?":
                a = t.index(" ", a) + 1
            if name == "date-after-geb?":
                a = b - 1
            if not any(s <= a < e for s, e in cov):
                print(d["id"], name, repr(m.group()))

# names annotated somewhere in a text but also occurring unannotated in the same text
for line in open("corpus.jsonl", encoding="utf-8"):
    d = json.loads(line)
    t = d["text"]
    cov = [(e["start"], e["end"]) for e in d["entities"]]
    toks = set()
    for e in d["entities"]:
        if e["type"] == "PERSON":
            for w in re.findall(r"[^\W\d_][\w\-]+", e["text"]):
                if len(w) > 2:
                    toks.add(w)
    for w in toks:
        for m in re.finditer(r"(?<![\w@.])" + re.escape(w) + r"(?![\w@])", t):
            if not any(s <= m.start() < e for s, e in cov):
                print(d["id"], "unannotated-name?", repr(t[max(0,m.start()-25):m.end()+15]))
