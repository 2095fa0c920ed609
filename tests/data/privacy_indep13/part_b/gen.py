#!/usr/bin/env python3
"""Deterministic generator for valid IBANs (ISO 13616 length + mod-97) and
structurally valid German Steuer-IDs (ISO 7064 MOD 11,10).

Usage: python3 gen.py [--seed N] [--iban CC:COUNT ...] [--taxid COUNT]
"""
import argparse
import random
import string

# country -> (total length, BBAN pattern: n=digit, a=upper letter, c=alnum)
IBAN_FORMATS = {
    "DE": (22, "n" * 18),
    "AT": (20, "n" * 16),
    "NL": (18, "aaaa" + "n" * 10),
    "BE": (16, "n" * 12),
    "CH": (21, "n" * 17),
    "FR": (27, "n" * 10 + "c" * 11 + "nn"),
    "IT": (27, "a" + "n" * 10 + "c" * 12),
    "ES": (24, "n" * 20),
    "PL": (28, "n" * 24),
    "TR": (26, "n" * 5 + "0" + "c" * 16),
    "GB": (22, "aaaa" + "n" * 14),
    "UA": (29, "n" * 6 + "c" * 19),
    "RO": (24, "aaaa" + "c" * 16),
    "BG": (22, "aaaa" + "n" * 6 + "c" * 8),
    "LU": (20, "n" * 3 + "c" * 13),
    "PT": (25, "n" * 21),
    "GR": (27, "n" * 7 + "c" * 16),
}
IBAN_LENGTHS = {k: v[0] for k, v in IBAN_FORMATS.items()}


def iban_numeric(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def iban_valid(iban):
    s = iban.replace(" ", "").upper()
    if len(s) < 5 or s[:2] not in IBAN_LENGTHS:
        return False
    if len(s) != IBAN_LENGTHS[s[:2]]:
        return False
    if not s[2:4].isdigit() or not s.isalnum():
        return False
    return iban_numeric(s[4:] + s[:4]) % 97 == 1


def make_iban(rng, cc):
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
    check = 98 - iban_numeric(bban + cc + "00") % 97
    iban = f"{cc}{check:02d}{bban}"
    assert len(iban) == length and iban_valid(iban)
    return iban


def taxid_check_digit(first10):
    product = 10
    for ch in first10:
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
    return taxid_check_digit(first) == int(t[10])


def make_taxid(rng):
    while True:
        digits = list(string.digits)
        rng.shuffle(digits)
        rep = rng.choice(digits[:9])
        times = rng.choice([2, 3])
        base = digits[:10 - times + 1]
        if rep not in base:
            base[-1] = rep
        body = base + [rep] * (times - 1)
        rng.shuffle(body)
        first = "".join(body)
        if first[0] == "0":
            continue
        cand = first + str(taxid_check_digit(first))
        if taxid_valid(cand):
            return cand


def group_iban(iban):
    return " ".join(iban[i:i + 4] for i in range(0, len(iban), 4))


def group_taxid(t):
    return f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--iban", action="append", default=[], help="CC:COUNT")
    ap.add_argument("--taxid", type=int, default=0)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    for spec in a.iban:
        cc, n = spec.split(":")
        for _ in range(int(n)):
            i = make_iban(rng, cc)
            print("IBAN", i, group_iban(i), sep="\t")
    for _ in range(a.taxid):
        t = make_taxid(rng)
        print("TAXID", t, group_taxid(t), sep="\t")


if __name__ == "__main__":
    main()
