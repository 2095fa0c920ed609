#!/usr/bin/env python3
"""Helper used while writing the corpus: prints random but checksum-valid
IBANs and Steuer-IDs that can be pasted into corpus_src/*.txt.

Nothing here is read by build_corpus.py; the build script re-validates every
annotated IBAN_CODE / DE_TAX_ID on its own.

    python3 gen_ids.py --iban 10 --taxid 10 --seed 7
"""
import argparse
import random

from build_corpus import taxid_check_digit  # one implementation of the check digit

# country: (total length, BBAN pattern) ; 'n' = digit, 'a' = upper letter, 'c' = alnum
IBAN_FORMATS = {
    "DE": (22, "n" * 18),
    "AT": (20, "n" * 16),
    "NL": (18, "aaaa" + "n" * 10),
    "PL": (28, "n" * 24),
    "TR": (26, "nnnnn" + "0" + "n" * 16),
    "IT": (27, "a" + "n" * 10 + "n" * 12),
    "FR": (27, "n" * 23),
    "BE": (16, "n" * 12),
    "RO": (24, "aaaa" + "n" * 16),
    "GR": (27, "n" * 23),
    "HR": (21, "n" * 17),
    "ES": (24, "n" * 20),
    "CH": (21, "n" * 17),
    "BG": (22, "aaaa" + "n" * 6 + "cccccccc"),
}


def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(ch, 36)) for ch in s)
    return 98 - int(num) % 97


def make_iban(rng, country="DE"):
    length, pat = IBAN_FORMATS[country]
    bban = ""
    for p in pat:
        if p == "n":
            bban += str(rng.randint(0, 9))
        elif p == "a":
            bban += chr(rng.randint(65, 90))
        elif p == "c":
            bban += rng.choice("ABCDEFGHJKLMNPRSTUVWXYZ0123456789")
        else:
            bban += p
    if country == "DE":
        # plausible Bankleitzahl: first digit 1-8
        bban = str(rng.randint(1, 8)) + bban[1:]
    check = iban_check(country, bban)
    iban = f"{country}{check:02d}{bban}"
    assert len(iban) == length
    return iban


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def make_taxid(rng, triple=False):
    while True:
        digits = list(range(10))
        rng.shuffle(digits)
        if triple:
            body = digits[:8]
            rep = body[rng.randrange(8)]
            body += [rep, rep]
        else:
            body = digits[:9]
            body.append(body[rng.randrange(9)])
        rng.shuffle(body)
        s = "".join(map(str, body))
        if s[0] == "0":
            continue
        if triple and any(s[i] == s[i + 1] == s[i + 2] for i in range(8)):
            continue
        return s + str(taxid_check_digit(s))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--iban", type=int, default=0)
    ap.add_argument("--foreign", type=int, default=0)
    ap.add_argument("--taxid", type=int, default=0)
    ap.add_argument("--seed", type=int, default=None)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    for _ in range(a.iban):
        i = make_iban(rng)
        print("IBAN", i, "|", group4(i))
    others = [c for c in IBAN_FORMATS if c != "DE"]
    for k in range(a.foreign):
        i = make_iban(rng, others[k % len(others)])
        print("IBAN", i, "|", group4(i))
    for k in range(a.taxid):
        t = make_taxid(rng, triple=(k % 5 == 4))
        print("TAXID", t, "|", f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}")


if __name__ == "__main__":
    main()
