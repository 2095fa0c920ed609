"""Prüft jeden Erwartungswert in codegen_tasks.yaml gegen beide Rechenwege (pandas und awk)."""
import re, subprocess, yaml, io, contextlib, runpy
T = yaml.safe_load(open('/work/indep2/codegen/codegen_tasks.yaml', encoding='utf-8'))
buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    g = runpy.run_path('/work/indep2/codegen/checks/compute_pandas.py')
R = g['R']
awk = subprocess.run(['/work/indep2/codegen/checks/compute_awk.sh'], capture_output=True, text=True).stdout
sec, cur = {}, None
for line in awk.splitlines():
    if re.match(r'^u\d\d(/u\d\d)?$', line):
        cur = line.split('/'); [sec.setdefault(c, []) for c in cur]; continue
    nums = [float(x) for x in re.findall(r'-?\d+\.\d+|(?<![\w.])-?\d+(?![\w.])', line)]
    for c in cur: sec[c] += nums
bad = 0
for t in T:
    pv = []
    for v in R[t['id']].values():
        pv += list(v) if isinstance(v, tuple) else [v]
    for e in t['expected']:
        okp = any(abs(float(x) - e['value']) < 0.0006 for x in pv)
        oka = any(abs(x - e['value']) < 0.0006 for x in sec[t['id']])
        if not (okp and oka): bad += 1
        print(t['id'], e['region'], e['value'], 'pandas', okp, 'awk', oka)
print('FEHLER' if bad else 'alle Werte in beiden Rechenwegen bestätigt', bad)
