#!/usr/bin/env python3
"""Generate valid IBANs (ISO 13616 mod-97) and German Steuer-IDs (ISO 7064 MOD 11,10)."""
import random, sys

LENGTHS = {"DE": 22, "AT": 20, "NL": 18, "PL": 28, "TR": 26, "FR": 27, "IT": 27,
           "ES": 24, "BE": 16, "CH": 21, "RO": 24, "GR": 27, "LU": 20, "PT": 25}

def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return 98 - int(num) % 97

def iban_valid(iban):
    iban = iban.replace(" ", "")
    if LENGTHS.get(iban[:2]) != len(iban):
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1

def make_iban(country, rnd):
    n = LENGTHS[country] - 4
    if country == "NL":
        bban = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(rnd.choice("0123456789") for _ in range(10))
    elif country == "IT":
        bban = rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") + "".join(rnd.choice("0123456789") for _ in range(n - 1))
    elif country == "RO":
        bban = "".join(rnd.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ") for _ in range(4)) + "".join(rnd.choice("0123456789") for _ in range(n - 4))
    else:
        bban = "".join(rnd.choice("0123456789") for _ in range(n))
    return f"{country}{iban_check(country, bban):02d}{bban}"

def group4(iban):
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))

def taxid_check(d10):
    product = 10
    for ch in d10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c

def taxid_valid(t):
    t = t.replace(" ", "")
    if len(t) != 11 or not t.isdigit() or t[0] == "0":
        return False
    first = t[:10]
    counts = {d: first.count(d) for d in set(first)}
    multi = [d for d, c in counts.items() if c > 1]
    if len(multi) != 1 or counts[multi[0]] not in (2, 3):
        return False
    if counts[multi[0]] == 3 and multi[0] * 3 in first:
        return False
    return taxid_check(first) == int(t[10])

def make_taxid(rnd):
    while True:
        d = [str(rnd.randint(0, 9)) for _ in range(10)]
        s = "".join(d)
        if s[0] == "0":
            continue
        cand = s + str(taxid_check(s))
        if taxid_valid(cand):
            return cand

if __name__ == "__main__":
    rnd = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 4711)
    countries = ["DE"] * 22 + ["AT", "NL", "PL", "TR", "FR", "IT", "ES", "BE", "RO", "GR"]
    print("# IBANs")
    for c in countries:
        i = make_iban(c, rnd)
        assert iban_valid(i)
        print(i, "|", group4(i))
    print("# Steuer-IDs")
    for _ in range(24):
        t = make_taxid(rnd)
        print(t, "|", f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}")
