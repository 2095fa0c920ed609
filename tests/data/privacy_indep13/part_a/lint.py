#!/usr/bin/env python3
"""Heuristic lint (not part of build): within each text, report occurrences of words that
appear inside a PERSON span of that text but also occur outside any span."""
import json, re
docs = [json.loads(l) for l in open("corpus.jsonl", encoding="utf-8")]
for d in docs:
    t = d["text"]
    toks = set()
    for e in d["entities"]:
        if e["type"] == "PERSON":
            for w in re.findall(r"\w+", e["text"]):
                if len(w) > 2:
                    toks.add(w)
    for w in toks:
        for m in re.finditer(r"(?<!\w)" + re.escape(w) + r"(?!\w)", t, flags=re.I):
            if not any(e["start"] <= m.start() and m.end() <= e["end"] for e in d["entities"]):
                a = max(0, m.start() - 30)
                print(d["id"], repr(w), "…" + t[a:m.end() + 30].replace("\n", " ") + "…")

# phone-like / iban-like / taxid-like strings outside any span
PH = re.compile(r"(?<![\w.])(?:\+|00)\d[\d \-/()]{7,}\d|(?<![\w.:/-])0\d{2,5}(?: ?[/\-] ?| )?\d[\d \-]{3,}\d")
TX = re.compile(r"(?<!\d)\d{11}(?!\d)|(?<!\d)\d{2} \d{3} \d{3} \d{3}(?!\d)")
for d in docs:
    t = d["text"]
    for rx, lab in ((PH, "PHONE?"), (TX, "TAXID?")):
        for m in rx.finditer(t):
            if not any(e["start"] <= m.start() < e["end"] for e in d["entities"]):
                print(d["id"], lab, repr(m.group(0)))
