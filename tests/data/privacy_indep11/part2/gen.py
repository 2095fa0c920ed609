#!/usr/bin/env python3
"""Generate valid IBANs (ISO 13616, mod 97) and valid Steuer-IDs (DEFS.md rules).

Deterministic (fixed seed). Also exports the validators used by build.py.
Usage: python3 gen.py [n]
"""
import random
import sys

IBAN_LENGTHS = {"DE": 22, "AT": 20, "NL": 18, "BE": 16, "PL": 28, "TR": 26,
                "IT": 27, "FR": 27, "CH": 21, "ES": 24, "LU": 20}


def _iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban_valid(iban):
    s = iban.replace(" ", "").upper()
    if len(s) < 5 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    cc = s[:2]
    if cc in IBAN_LENGTHS and len(s) != IBAN_LENGTHS[cc]:
        return False
    if cc not in IBAN_LENGTHS:
        return False
    if not s.isalnum():
        return False
    return _iban_num(s[4:] + s[:4]) % 97 == 1


def make_iban(cc, bban):
    check = 98 - _iban_num(bban + cc + "00") % 97
    iban = f"{cc}{check:02d}{bban}"
    assert iban_valid(iban), iban
    return iban


def group4(iban):
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def taxid_check_digit(first10):
    product = 10
    for ch in first10:
        total = (int(ch) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def taxid_valid(tid):
    s = tid.replace(" ", "")
    if len(s) != 11 or not s.isdigit() or s[0] == "0":
        return False
    first10 = s[:10]
    counts = {d: first10.count(d) for d in set(first10)}
    multi = [d for d, c in counts.items() if c > 1]
    if len(multi) != 1 or counts[multi[0]] not in (2, 3):
        return False
    if counts[multi[0]] == 3 and multi[0] * 3 in first10:
        return False
    return taxid_check_digit(first10) == int(s[10])


def make_taxid(rng):
    while True:
        digits = list("0123456789")
        rng.shuffle(digits)
        if rng.random() < 0.7:
            # one digit twice: drop one digit, duplicate another
            drop = digits.pop()
            dup = rng.choice(digits)
            digits.append(dup)
        else:
            d1 = digits.pop(); d2 = digits.pop()
            dup = rng.choice(digits)
            digits += [dup]
            digits.append(dup)
        rng.shuffle(digits)
        first10 = "".join(digits)
        tid = first10 + str(taxid_check_digit(first10))
        if taxid_valid(tid):
            return tid


def group_taxid(t):
    return f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}"


def make_ibans(rng, n):
    out = []
    for i in range(n):
        r = rng.random()
        if r < 0.75:
            cc, bban = "DE", "".join(rng.choice("0123456789") for _ in range(18))
        elif r < 0.82:
            cc, bban = "AT", "".join(rng.choice("0123456789") for _ in range(16))
        elif r < 0.88:
            cc = "NL"
            bban = rng.choice(["INGB", "RABO", "ABNA"]) + "".join(rng.choice("0123456789") for _ in range(10))
        elif r < 0.94:
            cc, bban = "PL", "".join(rng.choice("0123456789") for _ in range(24))
        else:
            cc, bban = "TR", "".join(rng.choice("0123456789") for _ in range(22))
        out.append(make_iban(cc, bban))
    return out


if __name__ == "__main__":
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
    rng = random.Random(1212)
    print("# IBANs")
    for ib in make_ibans(rng, n):
        print(ib, "|", group4(ib))
    print("# Steuer-IDs")
    for _ in range(n):
        t = make_taxid(rng)
        print(t, "|", group_taxid(t))
