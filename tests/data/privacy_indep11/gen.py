#!/usr/bin/env python3
"""Generate valid IBANs (ISO 13616, mod 97) and valid German Steuer-IDs
(structure rules + ISO 7064 MOD 11,10) for the mrk corpus.

Usage: python3 gen.py [seed]   -> prints numbers to paste into src/*.txt
The validators here are imported by build.py.
"""
import random
import sys

IBAN_LENGTHS = {"DE": 22, "AT": 20, "NL": 18, "PL": 28, "TR": 26, "IT": 27,
                "FR": 27, "CH": 21, "BE": 16, "ES": 24, "UA": 29, "HR": 21}


def _iban_num(s):
    return int("".join(str(int(c, 36)) for c in s))


def iban_check_digits(country, bban):
    n = _iban_num(bban + country + "00")
    return "%02d" % (98 - n % 97)


def make_iban(country, bban):
    return country + iban_check_digits(country, bban) + bban


def iban_valid(s):
    s = s.replace(" ", "").upper()
    if len(s) < 5 or not s[:2].isalpha() or not s[2:4].isdigit():
        return False
    if IBAN_LENGTHS.get(s[:2]) != len(s):
        return False
    if not s.isalnum():
        return False
    return _iban_num(s[4:] + s[:4]) % 97 == 1


def group_iban(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def taxid_check_digit(ten):
    product = 10
    for ch in ten:
        total = (int(ch) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def taxid_structure_ok(ten):
    if len(ten) != 10 or not ten.isdigit() or ten[0] == "0":
        return False
    counts = {d: ten.count(d) for d in set(ten)}
    multi = [d for d, c in counts.items() if c > 1]
    if len(multi) != 1 or counts[multi[0]] not in (2, 3):
        return False
    if counts[multi[0]] == 3 and multi[0] * 3 in ten:
        return False
    return True


def taxid_valid(s):
    s = s.replace(" ", "")
    if len(s) != 11 or not s.isdigit():
        return False
    return taxid_structure_ok(s[:10]) and int(s[10]) == taxid_check_digit(s[:10])


def make_taxid(rng):
    while True:
        ten = "".join(rng.choice("0123456789") for _ in range(10))
        if taxid_structure_ok(ten):
            return ten + str(taxid_check_digit(ten))


def make_bban(rng, country):
    d = lambda n: "".join(rng.choice("0123456789") for _ in range(n))
    if country == "DE":
        blz = rng.choice(["43050001", "42050001", "86055592", "10050000", "37040044",
                          "44050199", "36050105", "30050110", "12030000", "86020500",
                          "50050201", "70150000", "20050550", "42260001"])
        return blz + d(10)
    if country == "AT":
        return d(16)
    if country == "NL":
        return rng.choice(["INGB", "RABO", "ABNA"]) + d(10)
    if country == "PL":
        return d(24)
    if country == "TR":
        return d(5) + "0" + d(16)
    if country == "IT":
        return "X" + d(22)
    raise ValueError(country)


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 12
    rng = random.Random(seed)
    print("# IBANs")
    for c in ["DE"] * 24 + ["AT", "NL", "PL", "TR", "IT"]:
        i = make_iban(c, make_bban(rng, c))
        assert iban_valid(i)
        print(i, "|", group_iban(i))
    print("# Steuer-IDs")
    for _ in range(24):
        t = make_taxid(rng)
        assert taxid_valid(t)
        print(t, "|", t[:2], t[2:5], t[5:8], t[8:])


if __name__ == "__main__":
    main()
