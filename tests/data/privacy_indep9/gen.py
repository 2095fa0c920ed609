#!/usr/bin/env python3
"""Fill IBAN and Steuer-ID placeholders in src/*.txt and write corpus.txt.

Placeholders (only inside [[IBAN_CODE:...]] / [[DE_TAX_ID:...]] spans):
  {{IBAN:CC}}    compact IBAN for country CC      {{IBAN:CC:g}}  grouped in fours
  {{TAXID}}      compact 11-digit Steuer-ID       {{TAXID:g}}    grouped 2-3-3-3
Standard library only, fixed seed -> reproducible output.
"""
import glob, os, random, re

SEED = 20251204
rng = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))

DIG = "0123456789"
ALNUM = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"


def d(n):
    return "".join(rng.choice(DIG) for _ in range(n))


def a(n):
    return "".join(rng.choice(ALNUM) for _ in range(n))


def bban(cc):
    if cc == "DE":   # 8 BLZ + 10 account
        return rng.choice(["4205", "3705", "4306", "4401", "3605", "3305", "5005"]) + d(4) + d(10)
    if cc == "PL":   # 24 digits
        return d(24)
    if cc == "FR":   # 5 bank, 5 branch, 11 account, 2 key
        return d(5) + d(5) + d(11) + d(2)
    if cc == "NL":   # 4 letters + 10 digits
        return rng.choice(["INGB", "ABNA", "RABO", "SNSB"]) + d(10)
    if cc == "IT":   # CIN letter, 5 ABI, 5 CAB, 12 account
        return rng.choice("ABCDEFGHIJKLMNOPRSTUVWXYZ") + d(5) + d(5) + d(12)
    if cc == "ES":   # 20 digits
        return d(20)
    if cc == "AT":   # 16 digits
        return d(16)
    if cc == "BE":   # 3 bank + 7 account + 2 national check (first 10 mod 97)
        x = d(10)
        c = int(x) % 97 or 97
        return x + "%02d" % c
    if cc == "LU":   # 3 bank + 13 alnum
        return d(3) + d(13)
    if cc == "GR":   # 3 bank + 4 branch + 16 alnum
        return d(3) + d(4) + d(16)
    raise ValueError(cc)


def iban_check(cc, b):
    num = "".join(str(int(ch, 36)) for ch in (b + cc + "00"))
    return "%02d" % (98 - int(num) % 97)


def make_iban(cc, grouped):
    b = bban(cc)
    s = cc + iban_check(cc, b) + b
    if grouped:
        s = " ".join(s[i:i + 4] for i in range(0, len(s), 4))
    return s


def tax_check_digit(ten):
    product = 10
    for ch in ten:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def tax_structure_ok(ten):
    if ten[0] == "0":
        return False
    counts = [ten.count(x) for x in DIG]
    multi = [c for c in counts if c > 1]
    if len(multi) != 1 or multi[0] not in (2, 3):
        return False
    if multi[0] == 3:
        x = DIG[counts.index(3)]
        if x * 3 in ten:
            return False
    return True


def make_taxid(grouped):
    while True:
        rep = rng.choice(DIG)
        k = rng.choice([2, 2, 3])
        others = [x for x in DIG if x != rep]
        rng.shuffle(others)
        digits = [rep] * k + others[: 10 - k]
        rng.shuffle(digits)
        ten = "".join(digits)
        if tax_structure_ok(ten):
            break
    s = ten + str(tax_check_digit(ten))
    if grouped:
        s = s[:2] + " " + s[2:5] + " " + s[5:8] + " " + s[8:]
    return s


used = set()


def uniq(f):
    while True:
        v = f()
        if v.replace(" ", "") not in used:
            used.add(v.replace(" ", ""))
            return v


def repl(m):
    kind, rest = m.group(1), m.group(2) or ""
    parts = [p for p in rest.split(":") if p]
    if kind == "IBAN":
        cc = parts[0]
        g = len(parts) > 1 and parts[1] == "g"
        return uniq(lambda: make_iban(cc, g))
    g = bool(parts) and parts[0] == "g"
    return uniq(lambda: make_taxid(g))


def main():
    blocks = []
    for p in sorted(glob.glob(os.path.join(HERE, "src", "*.txt"))):
        t = open(p, encoding="utf-8").read().strip("\n")
        blocks.append(t)
    text = "\n---\n".join(blocks) + "\n"
    text = re.sub(r"\{\{(IBAN|TAXID)((?::[A-Za-z]+)*)\}\}", repl, text)
    open(os.path.join(HERE, "corpus.txt"), "w", encoding="utf-8").write(text)
    print("wrote corpus.txt (%d placeholders filled)" % len(used))


if __name__ == "__main__":
    main()
