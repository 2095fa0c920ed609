#!/usr/bin/env python3
"""Heuristic review helper (not part of the build): flags possibly missed annotations."""
import json, re
docs=[json.loads(l) for l in open('corpus.jsonl',encoding='utf-8')]
def covered(d,a,b):
    return any(e['start']<=a and b<=e['end'] for e in d['entities'])
for d in docs:
    t=d['text']
    # repeated names
    names=set()
    for e in d['entities']:
        if e['type']=='PERSON':
            for tok in re.findall(r"[\w'-]+",e['text']):
                if len(tok)>2: names.add(tok)
    for n in names:
        for m in re.finditer(r"(?<![\w-])"+re.escape(n)+r"(?![\w-])",t):
            if not covered(d,m.start(),m.end()):
                print(d['id'],'NAME?',repr(t[max(0,m.start()-25):m.end()+25]))
    for m in re.finditer(r"(?<![\w.,/-])(\+?\d[\d /().-]{6,}\d)",t):
        s=m.group(1)
        if len(re.sub(r'\D','',s))>=7 and not covered(d,m.start(1),m.end(1)):
            print(d['id'],'NUM?',repr(s))
    for m in re.finditer(r"[A-ZÄÖÜ][\w.-]*(straße|str\.|weg|allee|platz|gasse|ring|damm)\s+\d+",t,re.I):
        if not covered(d,m.start(),m.end()):
            print(d['id'],'ADDR?',repr(m.group(0)))
