#!/usr/bin/env python3
"""Deterministic generator for valid IBANs (ISO 13616 length + mod-97) and
structurally valid German Steuer-IDs (ISO 7064 MOD 11,10).

Usage: python3 gen.py [seed] [n]
Also importable: iban_valid(), taxid_valid(), make_iban(), make_taxid().
"""
import random
import string
import sys

IBAN_LENGTHS = {
    "DE": 22, "AT": 20, "NL": 18, "PL": 28, "TR": 26, "FR": 27, "IT": 27,
    "ES": 24, "BE": 16, "CH": 21, "LU": 20, "RO": 24, "BG": 22, "HR": 21,
    "GR": 27, "PT": 25, "UA": 29, "CZ": 24, "DK": 18, "GB": 22,
}
# BBAN layout: 'n' digit, 'a' upper letter, 'c' alnum
BBAN_FORMAT = {
    "DE": "n" * 18, "AT": "n" * 16, "NL": "aaaa" + "n" * 10,
    "PL": "n" * 24, "TR": "nnnnn" + "n" + "n" * 16, "FR": "n" * 23,
    "IT": "a" + "n" * 22, "ES": "n" * 20, "BE": "n" * 12, "CH": "n" * 17,
    "RO": "aaaa" + "n" * 16, "BG": "aaaa" + "n" * 14, "HR": "n" * 17,
    "GR": "n" * 23, "PT": "n" * 21, "UA": "n" * 25, "LU": "n" * 16,
    "CZ": "n" * 20, "DK": "n" * 14, "GB": "aaaa" + "n" * 14,
}


def _num(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def iban_valid(s):
    s = s.replace(" ", "").upper()
    if len(s) < 4 or s[:2] not in IBAN_LENGTHS:
        return False
    if len(s) != IBAN_LENGTHS[s[:2]] or not s.isalnum() or not s[2:4].isdigit():
        return False
    return _num(s[4:] + s[:4]) % 97 == 1


def make_iban(rng, cc="DE"):
    bban = "".join(
        rng.choice(string.digits) if f == "n" else rng.choice(string.ascii_uppercase)
        for f in BBAN_FORMAT[cc])
    check = 98 - _num(bban + cc + "00") % 97
    iban = f"{cc}{check:02d}{bban}"
    assert iban_valid(iban)
    return iban


def taxid_check_digit(ten):
    product = 10
    for ch in ten:
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
    ten = s[:10]
    counts = {d: ten.count(d) for d in set(ten)}
    multi = [d for d, c in counts.items() if c > 1]
    if len(multi) != 1 or counts[multi[0]] > 3:
        return False
    if counts[multi[0]] == 3 and multi[0] * 3 in ten:
        return False
    return taxid_check_digit(ten) == int(s[10])


def make_taxid(rng):
    while True:
        digits = list("0123456789")
        rng.shuffle(digits)
        rep = rng.choice([2, 3])
        # take 10 - (rep-1) distinct digits, duplicate one of them
        k = 10 - (rep - 1)
        chosen = digits[:k]
        dup = rng.choice(chosen)
        seq = chosen + [dup] * (rep - 1)
        rng.shuffle(seq)
        ten = "".join(seq)
        if ten[0] == "0" or dup * 3 in ten:
            continue
        t = ten + str(taxid_check_digit(ten))
        if taxid_valid(t):
            return t


def group_iban(i):
    return " ".join(i[k:k + 4] for k in range(0, len(i), 4))


def group_taxid(t):
    return f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}"


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1414
    n = int(sys.argv[2]) if len(sys.argv) > 2 else 30
    rng = random.Random(seed)
    foreign = ["AT", "NL", "PL", "TR", "IT", "RO", "BG", "HR", "UA", "FR", "ES", "GR", "PT"]
    print("# IBAN")
    for k in range(n):
        cc = "DE" if k % 3 else foreign[(k // 3) % len(foreign)]
        i = make_iban(rng, cc)
        print(i, "|", group_iban(i))
    print("# IBAN extra (seed+1)")
    rng2 = random.Random(seed + 1)
    for cc in ["PT", "ES", "GR", "TR", "UA", "BG", "AT", "NL"]:
        i = make_iban(rng2, cc)
        print(i, "|", group_iban(i))
    print("# STEUER-ID")
    for _ in range(n):
        t = make_taxid(rng)
        print(t, "|", group_taxid(t))


if __name__ == "__main__":
    main()
