#!/usr/bin/env python3
"""Fill placeholders in src/*.src with synthetic, checksum-valid values (fixed seed).

Placeholders: @@IBAN_DE@@ @@IBAN_DE_G@@ (grouped in blocks of four) @@IBAN_AT@@
@@IBAN_AT_G@@ @@IBAN_PL_G@@ @@IBAN_TR_G@@ @@IBAN_NL@@ @@TAXID@@ @@TAXID_G@@ (grouped 2-3-3-3).
Every generated value is used exactly once. Output: corpus.txt (source format).
Standard library only.
"""
import glob, os, random, re

SEED = 6061
rng = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))
used = set()

def mod97_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)

def iban(country):
    if country == "DE":
        bban = "".join(rng.choice("0123456789") for _ in range(18))
    elif country == "AT":
        bban = "".join(rng.choice("0123456789") for _ in range(16))
    elif country == "PL":
        bban = "".join(rng.choice("0123456789") for _ in range(24))
    elif country == "TR":
        bban = "".join(rng.choice("0123456789") for _ in range(22))
    elif country == "NL":
        bban = "".join(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + \
               "".join(rng.choice("0123456789") for _ in range(10))
    else:
        raise ValueError(country)
    return country + mod97_check(country, bban) + bban

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

def taxid():
    while True:
        digits = rng.sample("0123456789", 10)
        k = rng.choice((2, 3))
        # make one digit occur k times: drop k-1 distinct digits, insert copies
        rep = digits[rng.randrange(10)]
        pool = [d for d in digits if d != rep]
        rng.shuffle(pool)
        body = [rep] * k + pool[: 10 - k]
        rng.shuffle(body)
        d10 = "".join(body)
        if taxid_structure_ok(d10):
            return d10 + str(taxid_check(d10))

def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))

def make(kind):
    while True:
        if kind == "IBAN_DE": v = iban("DE")
        elif kind == "IBAN_DE_G": v = group4(iban("DE"))
        elif kind == "IBAN_AT": v = iban("AT")
        elif kind == "IBAN_AT_G": v = group4(iban("AT"))
        elif kind == "IBAN_PL_G": v = group4(iban("PL"))
        elif kind == "IBAN_TR_G": v = group4(iban("TR"))
        elif kind == "IBAN_NL": v = iban("NL")
        elif kind == "TAXID": v = taxid()
        elif kind == "TAXID_G":
            t = taxid(); v = "%s %s %s %s" % (t[:2], t[2:5], t[5:8], t[8:])
        else:
            raise ValueError(kind)
        key = v.replace(" ", "")
        if key not in used:
            used.add(key)
            return v

def main():
    parts = []
    for fn in sorted(glob.glob(os.path.join(HERE, "src", "*.src"))):
        with open(fn, encoding="utf-8") as f:
            parts.append(f.read().strip("\n"))
    src = "\n---\n".join(parts) + "\n"
    n = [0]
    def sub(m):
        n[0] += 1
        return make(m.group(1))
    out = re.sub(r"@@([A-Z_]+)@@", sub, src)
    with open(os.path.join(HERE, "corpus.txt"), "w", encoding="utf-8") as f:
        f.write(out)
    print("filled %d placeholders -> corpus.txt" % n[0])

if __name__ == "__main__":
    main()
