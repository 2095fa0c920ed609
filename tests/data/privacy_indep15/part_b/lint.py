import json,re
from gen import taxid_is_valid
for ln in open('corpus.jsonl'):
    d=json.loads(ln); t=d['text']; ents=d['entities']
    def cov(a,b): return any(e['start']<=a and b<=e['end'] for e in ents)
    pats={'phone':r'(?:\+|00)\d[\d ()/-]{7,}\d|0\d{2,5}[ /-]*\d[\d /-]{4,}\d',
          'street':r'[A-ZÄÖÜa-zäöü][\w.-]*(?:straße|str\.|weg|allee|platz|gasse|ring|damm|pad|kampe)\s+\d+\s?[a-z]?\b',
          'after_title':r'\b(?:Frau|Herr|Herrn|Hr\.|Fr\.|Dr\.|Familie|Fam\.)\s+([A-ZÄÖÜ][\wäöüßéèçğışİ-]+)',
          'date':r'\b\d{1,2}\.\d{1,2}\.\d{4}\b|\b\d{4}-\d{2}-\d{2}\b',
          'tax':r'\b\d{11}\b|\b\d{2} \d{3} \d{3} \d{3}\b'}
    for k,p in pats.items():
        for m in re.finditer(p,t):
            a,b=m.span(1) if k=='after_title' else m.span()
            if k=='tax' and not taxid_is_valid(m.group()): continue
            if not cov(a,b):
                ctx=t[max(0,m.start()-25):m.end()+5].replace('\n',' ')
                if k=='date' and not re.search(r'geb|Geb|\*|birth',ctx): continue
                print(d['id'],k,repr(m.group()),'|',ctx)
