#!/usr/bin/env python3
"""Deterministic generator + validators for IBANs (ISO 13616, mod-97) and
German Steuer-IDs (11 digits, ISO 7064 MOD 11,10).

Usage: python3 gen.py [seed] [n]   -> prints n IBANs (several countries) and n Steuer-IDs
"""
import random
import string
import sys

# country -> (total length, BBAN pattern: 'n' digit, 'a' upper letter, 'c' alnum)
IBAN_FORMATS = {
    "DE": (22, "n" * 18),
    "AT": (20, "n" * 16),
    "CH": (21, "n" * 5 + "c" * 12),
    "NL": (18, "aaaa" + "n" * 10),
    "BE": (16, "n" * 12),
    "LU": (20, "nnn" + "c" * 13),
    "PL": (28, "n" * 24),
    "TR": (26, "nnnnn" + "0" + "c" * 16),
    "FR": (27, "n" * 10 + "c" * 11 + "nn"),
    "IT": (27, "a" + "n" * 10 + "c" * 12),
    "ES": (24, "n" * 20),
    "GB": (22, "aaaa" + "n" * 14),
}


def _iban_numeric(s):
    return "".join(str(int(ch, 36)) for ch in s)


def iban_is_valid(iban):
    s = iban.replace(" ", "").upper()
    if len(s) < 5 or not s[:2].isalpha() or not s[2:4].isdigit() or not s.isalnum():
        return False
    fmt = IBAN_FORMATS.get(s[:2])
    if fmt is None:
        return False
    if len(s) != fmt[0]:
        return False
    return int(_iban_numeric(s[4:] + s[:4])) % 97 == 1


def make_iban(rng, cc="DE"):
    length, pat = IBAN_FORMATS[cc]
    bban = []
    for p in pat:
        if p == "n":
            bban.append(rng.choice(string.digits))
        elif p == "a":
            bban.append(rng.choice(string.ascii_uppercase))
        elif p == "c":
            bban.append(rng.choice(string.digits + string.ascii_uppercase))
        else:
            bban.append(p)
    bban = "".join(bban)
    check = 98 - int(_iban_numeric(bban + cc + "00")) % 97
    iban = f"{cc}{check:02d}{bban}"
    assert iban_is_valid(iban) and len(iban) == length
    return iban


def group4(iban):
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def taxid_check_digit(first10):
    product = 10
    for ch in first10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def taxid_is_valid(tid):
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
        rep = rng.choice([2, 3])
        if rep == 2:
            body = digits[:9]
            dup = rng.choice(body)
            body.append(dup)
        else:
            body = digits[:8]
            dup = rng.choice(body)
            body += [dup, dup]
        rng.shuffle(body)
        first10 = "".join(body)
        if first10[0] == "0":
            continue
        tid = first10 + str(taxid_check_digit(first10))
        if taxid_is_valid(tid):
            return tid


def group_taxid(t):
    return f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}"


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1616
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    rng = random.Random(seed)
    ccs = ["DE"] * 6 + ["AT", "NL", "PL", "TR", "FR", "IT", "BE", "CH", "ES", "LU", "GB"]
    print("# IBANs (seed %d)" % seed)
    for i in range(n):
        cc = ccs[i % len(ccs)] if i >= 6 else "DE"
        ib = make_iban(rng, cc)
        print(ib, "|", group4(ib))
    print("# Steuer-IDs (seed %d)" % seed)
    for i in range(n):
        t = make_taxid(rng)
        print(t, "|", group_taxid(t))


if __name__ == "__main__":
    main()
