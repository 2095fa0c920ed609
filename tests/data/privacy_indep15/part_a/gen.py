#!/usr/bin/env python3
"""Deterministic generator for valid IBANs (ISO 13616 length + mod-97) and
structurally valid German Steuer-IDs (ISO 7064 MOD 11,10).

Usage: python3 gen.py [--seed N] [--iban N] [--taxid N]
Also importable: iban_valid(), taxid_valid(), IBAN_LENGTHS.
"""
import random
import sys

# ISO 13616 lengths (subset of registry, enough for validation of this corpus)
IBAN_LENGTHS = {
    "AD": 24, "AT": 20, "BA": 20, "BE": 16, "BG": 22, "CH": 21, "CY": 28, "CZ": 24,
    "DE": 22, "DK": 18, "EE": 20, "ES": 24, "FI": 18, "FR": 27, "GB": 22, "GR": 27,
    "HR": 21, "HU": 28, "IE": 22, "IT": 27, "LT": 20, "LU": 20, "LV": 21, "ME": 22,
    "MK": 19, "NL": 18, "NO": 15, "PL": 28, "PT": 25, "RO": 24, "RS": 22, "SE": 24,
    "SI": 19, "SK": 24, "TR": 26, "UA": 29, "XK": 20, "AL": 28, "LB": 28, "SA": 24,
    "JO": 30, "IL": 23, "AE": 23,
}

# BBAN pattern per country: n = digit, a = upper letter, c = alnum
BBAN_PATTERNS = {
    "DE": "n" * 18, "AT": "n" * 16, "NL": "aaaa" + "n" * 10, "PL": "n" * 24,
    "TR": "n" * 5 + "0" + "n" * 16, "IT": "a" + "n" * 10 + "n" * 12, "FR": "n" * 23,
    "ES": "n" * 20, "BE": "n" * 12, "RO": "aaaa" + "c" * 16, "BG": "aaaa" + "n" * 6 + "c" * 8,
    "GR": "n" * 23, "PT": "n" * 21, "UA": "n" * 6 + "0" * 4 + "n" * 15, "HR": "n" * 17,
    "RS": "n" * 18, "CH": "n" * 5 + "c" * 12, "BA": "n" * 16, "XK": "n" * 16, "LB": "n" * 4 + "c" * 20,
}


def _num(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def iban_valid(iban):
    s = iban.replace(" ", "").upper()
    if len(s) < 5 or not s[:2].isalpha() or not s[2:4].isdigit() or not s.isalnum():
        return False
    if IBAN_LENGTHS.get(s[:2]) != len(s):
        return False
    return _num(s[4:] + s[:4]) % 97 == 1


def make_iban(rng, cc):
    out = []
    for p in BBAN_PATTERNS[cc]:
        if p == "n":
            out.append(rng.choice("0123456789"))
        elif p == "a":
            out.append(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        elif p == "c":
            out.append(rng.choice("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        else:
            out.append(p)
    bban = "".join(out)
    check = 98 - _num(bban + cc + "00") % 97
    iban = f"{cc}{check:02d}{bban}"
    assert iban_valid(iban), iban
    return iban


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def taxid_check_digit(first10):
    product = 10
    for ch in first10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def taxid_structure_ok(d10):
    if len(d10) != 10 or not d10.isdigit() or d10[0] == "0":
        return False
    counts = {}
    for ch in d10:
        counts[ch] = counts.get(ch, 0) + 1
    multi = [k for k, v in counts.items() if v > 1]
    if len(multi) != 1 or counts[multi[0]] not in (2, 3):
        return False
    if counts[multi[0]] == 3 and multi[0] * 3 in d10:
        return False
    return True


def taxid_valid(t):
    s = t.replace(" ", "")
    if len(s) != 11 or not s.isdigit():
        return False
    return taxid_structure_ok(s[:10]) and taxid_check_digit(s[:10]) == int(s[10])


def make_taxid(rng):
    while True:
        digits = list("0123456789")
        rng.shuffle(digits)
        d = digits[:9] if rng.random() < 0.6 else digits[:8]
        if len(d) == 9:
            d.append(rng.choice(d))
        else:
            x = rng.choice(d)
            d += [x, x]
        rng.shuffle(d)
        s = "".join(d)
        if taxid_structure_ok(s):
            t = s + str(taxid_check_digit(s))
            assert taxid_valid(t)
            return t


def main(argv):
    seed, n_iban, n_tax = 16, 30, 30
    i = 0
    while i < len(argv):
        if argv[i] == "--seed":
            seed = int(argv[i + 1]); i += 2
        elif argv[i] == "--iban":
            n_iban = int(argv[i + 1]); i += 2
        elif argv[i] == "--taxid":
            n_tax = int(argv[i + 1]); i += 2
        else:
            sys.exit("unknown arg " + argv[i])
    rng = random.Random(seed)
    ccs = ["DE"] * 12 + ["AT", "NL", "PL", "TR", "IT", "FR", "ES", "RO", "BG", "GR", "UA", "HR", "RS", "PT", "BE", "CH", "XK", "LB"]
    print("# IBANs (seed %d)" % seed)
    for k in range(n_iban):
        cc = ccs[k % len(ccs)] if k >= 12 else "DE"
        ib = make_iban(rng, cc)
        print(ib, "|", group4(ib))
    print("# Steuer-IDs")
    for _ in range(n_tax):
        t = make_taxid(rng)
        print(t, "|", f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}")


if __name__ == "__main__":
    main(sys.argv[1:])
