#!/usr/bin/env python3
"""Deterministic generator for valid IBANs (ISO 13616 length + mod-97) and
structurally valid German Steuer-IDs (ISO 7064 MOD 11,10 check digit).

Usage: python3 gen.py [seed] [n]
"""
import random
import sys

# country -> (total length, BBAN pattern: n=digit, a=upper letter, c=alnum)
IBAN_FORMATS = {
    "DE": (22, "n" * 18),
    "AT": (20, "n" * 16),
    "NL": (18, "aaaa" + "n" * 10),
    "BE": (16, "n" * 12),
    "PL": (28, "n" * 24),
    "TR": (26, "n" * 5 + "0" + "n" * 16),
    "FR": (27, "n" * 10 + "c" * 11 + "nn"),
    "IT": (27, "a" + "n" * 10 + "c" * 12),
    "ES": (24, "n" * 20),
    "CH": (21, "n" * 5 + "c" * 12),
    "LU": (20, "nnn" + "c" * 13),
    "UA": (29, "n" * 6 + "c" * 19),
    "RO": (24, "aaaa" + "c" * 16),
    "BG": (22, "aaaa" + "n" * 6 + "c" * 8),
}
IBAN_LENGTHS = {k: v[0] for k, v in IBAN_FORMATS.items()}
# additional known lengths for validation only
IBAN_LENGTHS.update({"GB": 22, "DK": 18, "SE": 24, "PT": 25, "GR": 27, "HR": 21,
                     "RS": 22, "BA": 20, "CZ": 24, "SK": 24, "HU": 28, "SI": 19,
                     "FI": 18, "IE": 22, "NO": 15, "LT": 20, "LV": 21, "EE": 20})


def _num(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def iban_check(country, bban):
    return "%02d" % (98 - _num(bban + country + "00") % 97)


def iban_valid(s):
    s = s.replace(" ", "").upper()
    if len(s) < 5 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    if IBAN_LENGTHS.get(s[:2]) != len(s):
        return False
    if not s.isalnum():
        return False
    return _num(s[4:] + s[:4]) % 97 == 1


def make_iban(rng, country="DE"):
    length, pat = IBAN_FORMATS[country]
    out = []
    for p in pat:
        if p == "n":
            out.append(rng.choice("0123456789"))
        elif p == "a":
            out.append(rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        elif p == "c":
            out.append(rng.choice("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        else:
            out.append(p)
    bban = "".join(out)
    iban = country + iban_check(country, bban) + bban
    assert len(iban) == length and iban_valid(iban)
    return iban


def group4(iban):
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def taxid_check(first10):
    product = 10
    for ch in first10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def taxid_valid(s):
    s = s.replace(" ", "")
    if len(s) != 11 or not s.isdigit() or s[0] == "0":
        return False
    head = s[:10]
    counts = {d: head.count(d) for d in set(head)}
    multi = [d for d, c in counts.items() if c > 1]
    if len(multi) != 1 or counts[multi[0]] > 3:
        return False
    if counts[multi[0]] == 3 and multi[0] * 3 in head:
        return False
    return taxid_check(head) == int(s[10])


def make_taxid(rng):
    while True:
        digits = list("0123456789")
        rng.shuffle(digits)
        # 9 distinct digits, one of them doubled or tripled
        base = digits[:9] if rng.random() < 0.7 else digits[:8]
        dup = rng.choice(base)
        extra = [dup] * (10 - len(base))
        head = base + extra
        rng.shuffle(head)
        head = "".join(head)
        if head[0] == "0":
            continue
        tid = head + str(taxid_check(head))
        if taxid_valid(tid):
            return tid


def group_tax(t):
    return "%s %s %s %s" % (t[:2], t[2:5], t[5:8], t[8:])


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 14
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    rng = random.Random(seed)
    countries = ["DE"] * 8 + ["AT", "NL", "PL", "TR", "FR", "IT", "ES", "BE", "CH", "UA", "RO", "BG", "LU"]
    print("# IBANs (seed %d)" % seed)
    for i in range(n):
        c = countries[i % len(countries)] if i >= 8 else "DE"
        ib = make_iban(rng, c)
        print(ib, "|", group4(ib))
    print("# Steuer-IDs (seed %d)" % seed)
    for i in range(n):
        t = make_taxid(rng)
        print(t, "|", group_tax(t))


if __name__ == "__main__":
    main()
