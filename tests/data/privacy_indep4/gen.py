"""Fill placeholders in corpus_src/tmpl/*.tmpl with valid, unique invented
IBANs and Steuer-IDs and write corpus_src/*.txt.
Placeholders: {{IBAN}} DE compact, {{IBANG}} DE grouped in fours,
{{IBAN_AT}}, {{IBAN_NL}}, {{TAX}} compact Steuer-ID, {{TAXG}} grouped 2-3-3-3.
Standard library only; fixed seed -> reproducible."""
import glob, os, random, re

rnd = random.Random(4711)
used = set()

def mod97_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)

def iban_valid(iban):
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1

def make_iban(country):
    while True:
        if country == "DE":
            bban = "".join(rnd.choice("0123456789") for _ in range(18))
        elif country == "AT":
            bban = "".join(rnd.choice("0123456789") for _ in range(16))
        elif country == "NL":
            bban = rnd.choice(["INGB", "RABO", "ABNA"]) + "".join(rnd.choice("0123456789") for _ in range(10))
        iban = country + mod97_check(country, bban) + bban
        assert iban_valid(iban)
        assert len(iban) == {"DE": 22, "AT": 20, "NL": 18}[country]
        if iban not in used:
            used.add(iban)
            return iban

def taxid_check(d10):
    product = 10
    for ch in d10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c

def taxid_structure_ok(d10):
    if d10[0] == "0":
        return False
    counts = {c: d10.count(c) for c in set(d10)}
    multi = [c for c, n in counts.items() if n > 1]
    if len(multi) != 1 or counts[multi[0]] not in (2, 3):
        return False
    if counts[multi[0]] == 3 and multi[0] * 3 in d10:
        return False
    return True

def taxid_valid(t):
    return len(t) == 11 and t.isdigit() and taxid_structure_ok(t[:10]) and int(t[10]) == taxid_check(t[:10])

def make_taxid():
    while True:
        d10 = "".join(rnd.choice("0123456789") for _ in range(10))
        if not taxid_structure_ok(d10):
            continue
        t = d10 + str(taxid_check(d10))
        assert taxid_valid(t)
        if t not in used:
            used.add(t)
            return t

def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

MAKERS = {
    "IBAN": lambda: make_iban("DE"),
    "IBANG": lambda: group4(make_iban("DE")),
    "IBAN_AT": lambda: group4(make_iban("AT")),
    "IBAN_NL": lambda: make_iban("NL"),
    "TAX": make_taxid,
    "TAXG": lambda: (lambda t: f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}")(make_taxid()),
}

if __name__ == "__main__":
    # self-test with the published example 86095742719 (valid) and a known IBAN
    assert taxid_valid("86095742719")
    assert iban_valid("DE89370400440532013000")
    n = {k: 0 for k in MAKERS}
    here = os.path.dirname(os.path.abspath(__file__))
    for path in sorted(glob.glob(os.path.join(here, "corpus_src", "tmpl", "*.tmpl"))):
        txt = open(path, encoding="utf-8").read()
        def rep(m):
            n[m.group(1)] += 1
            return MAKERS[m.group(1)]()
        txt = re.sub(r"\{\{(IBANG|IBAN_AT|IBAN_NL|IBAN|TAXG|TAX)\}\}", rep, txt)
        out = os.path.join(here, "corpus_src", os.path.basename(path)[:-5] + ".txt")
        open(out, "w", encoding="utf-8").write(txt)
    print("generated:", n)
