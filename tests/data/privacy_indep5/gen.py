#!/usr/bin/env python3
"""Fill placeholders in corpus.tmpl -> corpus.src.txt (fixed seed, valid checksums, each value once).

Placeholders: {{IBAN_DE}} {{IBAN_DE_G}} {{IBAN_AT_G}} {{IBAN_RO_G}} {{IBAN_PT}}
              {{TAXID}} (compact) {{TAXID_G}} (grouped 2-3-3-3).  _G = grouped for print.
Standard library only.
"""
import random, re, string, sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
SEED = 20261203
rng = random.Random(SEED)
used = set()

# country: (total length, BBAN pattern; 'n' digit, 'a' upper letter)
IBAN_SPECS = {"DE": "n" * 18, "AT": "n" * 16, "RO": "aaaa" + "n" * 16, "PT": "n" * 21,
              "PL": "n" * 24, "NL": "aaaa" + "n" * 10}


def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)


def make_iban(country):
    while True:
        bban = "".join(rng.choice(string.digits) if p == "n" else rng.choice(string.ascii_uppercase)
                       for p in IBAN_SPECS[country])
        if country == "DE" and bban[0] == "0":
            continue
        iban = country + iban_check(country, bban) + bban
        if iban not in used:
            used.add(iban)
            return iban


def taxid_check(d10):
    product = 10
    for ch in d10:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def make_taxid():
    while True:
        reps = rng.choice([2, 2, 3])
        digits = list(string.digits)
        rep = rng.choice(digits)
        others = rng.sample([d for d in digits if d != rep], 10 - reps)
        seq = others + [rep] * reps
        rng.shuffle(seq)
        d10 = "".join(seq)
        if d10[0] == "0" or rep * 3 in d10:
            continue
        tid = d10 + str(taxid_check(d10))
        if tid not in used:
            used.add(tid)
            return tid


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def fill(m):
    key = m.group(1)
    if key == "TAXID":
        return make_taxid()
    if key == "TAXID_G":
        t = make_taxid()
        return f"{t[:2]} {t[2:5]} {t[5:8]} {t[8:]}"
    mm = re.fullmatch(r"IBAN_([A-Z]{2})(_G)?", key)
    if mm:
        iban = make_iban(mm.group(1))
        return group4(iban) if mm.group(2) else iban
    sys.exit(f"unknown placeholder {key}")


def main():
    tmpl = (HERE / "corpus.tmpl").read_text(encoding="utf-8")
    out = re.sub(r"\{\{([A-Z_]+)\}\}", fill, tmpl)
    (HERE / "corpus.src.txt").write_text(out, encoding="utf-8")
    print(f"filled {len(used)} generated values (seed {SEED}) -> corpus.src.txt")


if __name__ == "__main__":
    main()
