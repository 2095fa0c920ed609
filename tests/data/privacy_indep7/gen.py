#!/usr/bin/env python3
"""Fill placeholders in src/*.src and write corpus.txt (DEFS.md source format).

Placeholders (inside or outside [[TYPE:...]] spans):
  {{IBAN_DE}} {{IBAN_AT}} {{IBAN_NL}} {{IBAN_PL}} {{IBAN_TR}}   compact IBAN
  suffix _G  -> printed in groups of four (DE12 3456 ...)
  {{TAXID}} compact 11 digits, {{TAXID_G}} grouped "12 345 678 901"
  optional #label: same label -> same underlying number (e.g. quoted twice)
Also: the character U+21E5 (⇥) in a source file is written as a TAB.
Fixed seed -> reproducible corpus.txt.
"""
import glob, os, random, re

SEED = 20261203
rng = random.Random(SEED)
HERE = os.path.dirname(os.path.abspath(__file__))


def iban_check(country, bban):
    s = bban + country + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return "%02d" % (98 - int(num) % 97)


def digits(n):
    return "".join(rng.choice("0123456789") for _ in range(n))


def make_iban(country):
    if country == "DE":
        bban = rng.choice(["37050198", "42050001", "44050199", "10050000", "36050105", "48050161"]) + digits(10)
    elif country == "AT":
        bban = digits(16)
    elif country == "NL":
        bban = rng.choice(["ABNA", "INGB", "RABO"]) + digits(10)
    elif country == "PL":
        bban = digits(24)
    elif country == "TR":
        bban = digits(5) + "0" + digits(16)
    else:
        raise ValueError(country)
    return country + iban_check(country, bban) + bban


def taxid_check(ten):
    product = 10
    for ch in ten:
        s = (int(ch) + product) % 10
        if s == 0:
            s = 10
        product = (s * 2) % 11
    c = 11 - product
    return 0 if c == 10 else c


def make_taxid():
    while True:
        d = rng.randrange(10)
        cnt = rng.choice([2, 2, 3])
        others = [x for x in range(10) if x != d]
        rng.shuffle(others)
        ds = [d] * cnt + others[: 10 - cnt]
        rng.shuffle(ds)
        if ds[0] == 0:
            continue
        s = "".join(map(str, ds))
        if str(d) * 3 in s:
            continue
        return s + str(taxid_check(s))


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


cache = {}
PH = re.compile(r"\{\{(IBAN_(DE|AT|NL|PL|TR)|TAXID)(_G)?(#\w+)?\}\}")


def repl(m):
    kind, country, grouped, label = m.group(1), m.group(2), m.group(3), m.group(4)
    key = (kind, label) if label else None
    if key and key in cache:
        val = cache[key]
    else:
        val = make_iban(country) if country else make_taxid()
        if key:
            cache[key] = val
    if grouped:
        val = group4(val) if country else "%s %s %s %s" % (val[:2], val[2:5], val[5:8], val[8:])
    return val


def main():
    out = []
    for path in sorted(glob.glob(os.path.join(HERE, "src", "*.src"))):
        with open(path, encoding="utf-8") as f:
            txt = f.read().strip("\n")
        out.append(PH.sub(repl, txt).replace("\u21e5", "\t"))
    with open(os.path.join(HERE, "corpus.txt"), "w", encoding="utf-8") as f:
        f.write("\n---\n".join(out) + "\n")
    print("wrote corpus.txt from", len(out), "source files")


if __name__ == "__main__":
    main()
