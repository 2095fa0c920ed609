#!/usr/bin/env python3
"""Deterministic generator for valid IBANs (ISO 13616 length + mod-97) and
structurally valid German Steuer-IDs (ISO 7064 MOD 11,10).

usage: python3 gen.py [seed] [n_iban] [n_taxid]
"""
import random
import sys

# country -> (total length, BBAN pattern: 'n' digit, 'a' upper letter, 'c' alnum)
IBAN_FORMATS = {
    "DE": (22, "n" * 18),
    "AT": (20, "n" * 16),
    "CH": (21, "n" * 17),
    "BE": (16, "n" * 12),
    "PL": (28, "n" * 24),
    "TR": (26, "n" * 5 + "0" + "n" * 16),
    "ES": (24, "n" * 20),
    "PT": (25, "n" * 21),
    "NL": (18, "aaaa" + "n" * 10),
    "FR": (27, "n" * 23),
    "IT": (27, "a" + "n" * 22),
    "LU": (20, "n" * 16),
}
IBAN_LENGTHS = {k: v[0] for k, v in IBAN_FORMATS.items()}
# more lengths, for validation of IBANs from other countries
IBAN_LENGTHS.update({"GB": 22, "DK": 18, "SE": 24, "NO": 15, "FI": 18, "GR": 27,
                     "HU": 28, "RO": 24, "BG": 22, "HR": 21, "CZ": 24, "SK": 24,
                     "SI": 19, "UA": 29, "LT": 20, "LV": 21, "EE": 20, "IE": 22})


def _num(s):
    return int("".join(str(int(ch, 36)) for ch in s))


def iban_valid(iban):
    s = iban.replace(" ", "").upper()
    if len(s) < 5 or s[:2] not in IBAN_LENGTHS or len(s) != IBAN_LENGTHS[s[:2]]:
        return False
    if not s[2:4].isdigit() or not s.isalnum():
        return False
    return _num(s[4:] + s[:4]) % 97 == 1


def make_iban(rng, country="DE"):
    length, pat = IBAN_FORMATS[country]
    bban = ""
    for p in pat:
        if p == "n":
            bban += rng.choice("0123456789")
        elif p == "a":
            bban += rng.choice("ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        elif p == "c":
            bban += rng.choice("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        else:
            bban += p
    check = 98 - _num(bban + country + "00") % 97
    iban = f"{country}{check:02d}{bban}"
    assert len(iban) == length and iban_valid(iban)
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


def taxid_structure_ok(first10):
    if len(first10) != 10 or not first10.isdigit() or first10[0] == "0":
        return False
    counts = {d: first10.count(d) for d in set(first10)}
    multi = [d for d, c in counts.items() if c > 1]
    if len(multi) != 1 or counts[multi[0]] not in (2, 3):
        return False
    d = multi[0]
    if counts[d] == 3 and d * 3 in first10:
        return False
    return True


def taxid_valid(tid):
    s = tid.replace(" ", "")
    if len(s) != 11 or not s.isdigit():
        return False
    return taxid_structure_ok(s[:10]) and taxid_check_digit(s[:10]) == int(s[10])


def make_taxid(rng):
    while True:
        digits = list("0123456789")
        rng.shuffle(digits)
        k = rng.choice([2, 3])
        if k == 2:
            chosen = digits[:9]
            dup = rng.choice(chosen)
            seq = chosen + [dup]
        else:
            chosen = digits[:8]
            dup = rng.choice(chosen)
            seq = chosen + [dup, dup]
        rng.shuffle(seq)
        f = "".join(seq)
        if not taxid_structure_ok(f):
            continue
        t = f + str(taxid_check_digit(f))
        assert taxid_valid(t)
        return t


def group_taxid(t):
    return f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}"


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 13
    n_iban = int(sys.argv[2]) if len(sys.argv) > 2 else 24
    n_tax = int(sys.argv[3]) if len(sys.argv) > 3 else 24
    rng = random.Random(seed)
    countries = ["DE"] * 14 + ["AT", "NL", "PL", "TR", "CH", "ES", "PT", "IT", "FR", "BE"]
    print("# IBANs (compact | grouped)")
    for i in range(n_iban):
        c = countries[i % len(countries)]
        ib = make_iban(rng, c)
        print(f"{ib} | {group4(ib)}")
    print("# Steuer-IDs (compact | grouped)")
    for _ in range(n_tax):
        t = make_taxid(rng)
        print(f"{t} | {group_taxid(t)}")


if __name__ == "__main__":
    main()
