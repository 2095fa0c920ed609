#!/usr/bin/env python3
"""Checks ask_questions.yaml against FORMAT.md rules, using only the source texts
in /work/shared/domain and /work/shared/seeds. Stdlib + PyYAML (if available)."""
import glob, os, re, sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = sorted(glob.glob('/work/shared/domain/*.md') + glob.glob('/work/shared/seeds/*.txt'))
KINDS = ['berechnung', 'definition', 'darf_ich', 'datenquelle', 'schwelle', 'vorgehen']

def load(path):
    try:
        import yaml
        with open(path, encoding='utf-8') as f:
            return yaml.safe_load(f)
    except ImportError:
        sys.exit('PyYAML not available')

def main():
    items = load(os.path.join(HERE, 'ask_questions.yaml'))
    corpus = {os.path.basename(p): open(p, encoding='utf-8').read().replace('**', '').lower() for p in SRC}
    allsrc = '\n'.join(corpus.values())
    errors = []
    ids = [it['id'] for it in items]
    if len(items) != 48: errors.append(f'expected 48 entries, got {len(items)}')
    if ids != [f'r{i:02d}' for i in range(1, 49)]: errors.append('ids are not r01..r48 in order')
    kinds = Counter(it['kind'] for it in items)
    for k in KINDS:
        if kinds.get(k) != 8: errors.append(f'kind {k}: {kinds.get(k)} entries, expected 8')
    for k in kinds:
        if k not in KINDS: errors.append(f'unknown kind {k}')
    nfacts = Counter(); files_used = Counter()
    for it in items:
        i = it['id']; q = it['question'].lower()
        for key in ('question', 'expected_facts', 'source', 'kind'):
            if not it.get(key): errors.append(f'{i}: missing {key}')
        facts = it['expected_facts']
        if not 2 <= len(facts) <= 4: errors.append(f'{i}: {len(facts)} facts (need 2-4)')
        nfacts[it['kind']] += len(facts)
        for fact in facts:
            if not isinstance(fact, list) or not fact:
                errors.append(f'{i}: fact is not a non-empty list: {fact!r}'); continue
            for alt in fact:
                if alt != alt.lower(): errors.append(f'{i}: not lower case: {alt!r}')
                if alt in q: errors.append(f'{i}: key phrase {alt!r} occurs in its own question')
            hits = [a for a in fact if a in allsrc]
            if not hits:
                errors.append(f'{i}: no alternative of {fact!r} found verbatim in sources')
            for a in hits:
                for fn, txt in corpus.items():
                    if a in txt: files_used[fn] += 1
        if it['kind'] == 'darf_ich':
            d = it.get('deciding')
            if not d or not isinstance(d, list): errors.append(f'{i}: darf_ich without deciding list')
            elif any(w != w.lower() for w in d): errors.append(f'{i}: deciding not lower case')
        elif 'deciding' in it:
            errors.append(f'{i}: deciding on non-darf_ich entry')
    print('entries per kind:', dict(kinds))
    print('facts per kind:', dict(nfacts), 'total', sum(nfacts.values()))
    print('source files with verbatim hits:', dict(files_used))
    if errors:
        print('\n'.join('ERROR ' + e for e in errors)); sys.exit(1)
    print('OK: all checks passed')

if __name__ == '__main__':
    main()
