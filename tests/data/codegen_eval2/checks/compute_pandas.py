"""Erwartungswerte, Rechenweg 1: pandas. Liest die Dateien in ../data selbst ein."""
import io, re, json, pandas as pd
D = '/work/indep2/codegen/data/'

def genesis(fn, enc, datepat, ncols):
    txt = open(D + fn, encoding=enc).read()
    lines = [l for l in txt.split('\n') if re.match(datepat, l)]
    df = pd.read_csv(io.StringIO('\n'.join(lines)), sep=';', header=None, dtype=str)
    assert df.shape[1] == ncols, df.shape
    df[2] = df[2].str.strip()
    return df.set_index(1)

def num(df, col):
    return pd.to_numeric(df[col], errors='coerce')  # '-', '.', 'x' -> NaN

R = {}
# ---------- A: 21111-02-06-4.csv (2023) cols: 3 Ins,4 w,5 oHSA,6 w,7 HSA,8 w,9 MA,10 w,11 dar.FHR,12 w,13 FHR,14 w,15 AHR,16 w
A = genesis('21111-02-06-4.csv', 'cp1252', r'^\d{4};', 17)
tot, totw, ohne, ohnew, ahr, ahrw = (num(A, c) for c in (3, 4, 5, 6, 15, 16))
share_ohne = ohne / tot * 100
R['u01'] = {'01002': share_ohne['01002']}
R['u02'] = {k: (ahr / tot * 100)[k] for k in ['05112', '05113', '05513', '05913']}
ks = ['09162', '09184']
R['u03'] = {'+'.join(ks): ohne[ks].sum() / tot[ks].sum() * 100, 'mean_of_shares(not expected)': share_ohne[ks].mean()}
sh = [k for k in A.index if len(k) == 5 and k.startswith('01')]
r = share_ohne[sh].dropna().sort_values(ascending=False)
R['u04'] = {k: (i + 1, v) for i, (k, v) in enumerate(r.head(3).items())}
R['u05'] = {'01056': share_ohne['01056'], '01': share_ohne['01'], 'diff': share_ohne['01056'] - share_ohne['01']}
ahr_s = ahr / tot * 100
R['u06'] = {'09162': ahr_s['09162'], 'DG': ahr_s['DG'], 'diff': ahr_s['09162'] - ahr_s['DG']}
m_ohne = ohne - ohnew; m_tot = tot - totw
R['u07'] = {'w': (ohnew / totw * 100)['04011'], 'm': (m_ohne / m_tot * 100)['04011'],
            'diff m-w': (m_ohne / m_tot * 100)['04011'] - (ohnew / totw * 100)['04011']}
# ---------- C: 21111-02-06-4-B.csv (2024), same column layout, only Kreise (+8-digit cities)
C = genesis('21111-02-06-4-B.csv', 'utf-8', r'^\d{4};', 17)
ctot, ctotw, cohne, cohnew, cahr, cahrw = (num(C, c) for c in (3, 4, 5, 6, 15, 16))
cs = cohne / ctot * 100
R['u08'] = {'05513': cs['05513']}
ni = [k for k in C.index if len(k) == 5 and k.startswith('03')]
r = cs[ni].dropna().sort_values(ascending=False)
R['u09'] = {k: (i + 1, v) for i, (k, v) in enumerate(r.head(3).items())}
sl = [k for k in C.index if len(k) == 5 and k.startswith('10')]
sl_share = cohne[sl].sum() / ctot[sl].sum() * 100
R['u10'] = {'10044': cs['10044'], '+'.join(sl): sl_share, 'diff': cs['10044'] - sl_share,
            'wrong_with_8digit': (cohne[[k for k in C.index if k.startswith('10')]].sum() / ctot[[k for k in C.index if k.startswith('10')]].sum() * 100)}
fw = (cahrw / ctotw * 100)['11000']; fm = ((cahr - cahrw) / (ctot - ctotw) * 100)['11000']
R['u11'] = {'w': fw, 'm': fm, 'diff w-m': fw - fm}
ruhr = ['05112', '05113', '05513', '05911', '05913']
R['u12'] = {'+'.join(ruhr): cohne[ruhr].sum() / ctot[ruhr].sum() * 100, 'mean(not expected)': cs[ruhr].mean()}
# ---------- B: 22541-01-01-4.csv (31.12.2002) cols: 3 TE ins,4 KiGa,5 Horte,6 Krippen,7 andere,8 Plätze ins,9 Krippe,10 KiGa,11 Hort,12 Pers ins,13 Pers KiGa
B = genesis('22541-01-01-4.csv', 'cp1252', r'^\d\d\.\d\d\.\d{4};[^;]+;', 14)
te, pl, plk = num(B, 3), num(B, 8), num(B, 9)
ks_ = plk / pl * 100
R['u13'] = {'16': ks_['16'], 'DG': ks_['DG'], 'diff': ks_['16'] - ks_['DG']}
R['u14'] = {k: (pl / te)[k] for k in ['16051', '16053', '16055']}
st = [k for k in B.index if len(k) == 5 and k.startswith('15')]
r = ks_[st].dropna().sort_values(ascending=False)
R['u15'] = {k: (i + 1, v) for i, (k, v) in enumerate(r.head(3).items())}
# ---------- D: flat excerpt
F = pd.read_csv(D + '21321-01-01-4_flat_auszug.csv', sep=';', dtype=str)
F['v'] = pd.to_numeric(F['value'], errors='coerce')
def fv(k, fg, sx):
    s = F[(F['1_variable_attribute_code'] == k) & (F['2_variable_attribute_code'] == fg) & (F['3_variable_attribute_code'] == sx)]
    assert len(s) == 1, (k, fg, sx, len(s)); return s['v'].iloc[0]
hm = {k: fv(k, 'HS-FG05', 'INSGESAMT') for k in ['07312', '09271']}
al = {k: fv(k, 'INSGESAMT', 'INSGESAMT') for k in ['07312', '09271']}
R['u16'] = {k: hm[k] / al[k] * 100 for k in hm}
R['u17'] = {'07312+09271': sum(hm.values()) / sum(al.values()) * 100, 'mean(not expected)': sum(hm[k] / al[k] * 100 for k in hm) / 2}
R['u18'] = {'05774': fv('05774', 'INSGESAMT', 'GESM')}
for k, v in R.items():
    print(k, {a: (tuple(round(float(x), 4) for x in b) if isinstance(b, tuple) else round(float(b), 4)) for a, b in v.items()})
