#!/usr/bin/env python3
"""Small generator for valid IBANs and Steuer-IDs (own code, stdlib only)."""
import random, sys

IBAN_LEN = {"DE": 22, "AT": 20, "NL": 18, "PL": 28, "TR": 26, "IT": 27, "FR": 27,
            "ES": 24, "BE": 16, "CH": 21, "LU": 20, "UA": 29, "RO": 24, "GR": 27}

def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)

def make_iban(country, rnd):
    n = IBAN_LEN[country] - 4
    if country in ("NL",):
        bban = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(rnd.choice("0123456789") for _ in range(n - 4))
    elif country in ("IT",):
        bban = rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "".join(rnd.choice("0123456789") for _ in range(n - 1))
    elif country in ("RO",):
        bban = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(rnd.choice("0123456789") for _ in range(n - 4))
    else:
        bban = "".join(rnd.choice("0123456789") for _ in range(n))
    return country + iban_check(country, bban) + bban

def taxid_check(d10):
    product = 10
    for ch in d10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c

def make_taxid(rnd):
    while True:
        digits = list("0123456789")
        rnd.shuffle(digits)
        if rnd.random() < 0.7:
            base = digits[:9]
            dup = rnd.choice(base)
            d = base + [dup]
        else:
            base = digits[:8]
            dup = rnd.choice(base)
            d = base + [dup, dup]
        rnd.shuffle(d)
        s = "".join(d)
        if s[0] == "0":
            continue
        if any(s[i] == s[i+1] == s[i+2] for i in range(8)):
            continue
        return s + str(taxid_check(s))

def group4(iban):
    return " ".join(iban[i:i+4] for i in range(0, len(iban), 4))

if __name__ == "__main__":
    rnd = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 7)
    for c in ["DE"] * 30 + ["AT", "NL", "PL", "TR", "IT", "FR", "ES", "BE", "CH", "UA", "RO", "GR"]:
        ib = make_iban(c, rnd)
        print("IBAN", ib, "|", group4(ib))
    for _ in range(40):
        t = make_taxid(rnd)
        print("TAX", t, "|", t[:2] + " " + t[2:5] + " " + t[5:8] + " " + t[8:])
