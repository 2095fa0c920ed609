#!/usr/bin/env python3
"""Generate valid IBANs and German Steuer-IDs (stdlib only).

Usage:
  python3 gen.py                 print a sample of values
  python3 gen.py --fill DIR      replace placeholders in DIR/*.txt in place
                                 and renumber the ids thr-001, thr-002, ...

Placeholders (each occurrence gets a fresh value, no value is used twice):
  @@IBAN_XX@@    compact IBAN of country XX (DE, AT, NL, PL, TR, CH, FR, IT, ES, BE, DK, GB, UA)
  @@IBAN_XX_G@@  the same, printed in groups of four
  @@IBAN_XX_L@@  grouped and lower case (sloppy notes)
  @@STID@@       Steuer-ID compact (70453767814)
  @@STID_G@@     Steuer-ID grouped 12 345 678 901
  @@STID_G3@@    Steuer-ID grouped 123 456 789 01
"""
import random
import re
import string
import sys
import os

RNG = random.Random(20261203)

# country: (total length, BBAN pattern) ; n = digit, a = upper letter, c = alnum
IBAN_FORMATS = {
    "DE": (22, "n" * 18),
    "AT": (20, "n" * 16),
    "NL": (18, "aaaa" + "n" * 10),
    "PL": (28, "n" * 24),
    "TR": (26, "nnnnn" + "0" + "n" * 16),
    "CH": (21, "n" * 17),
    "FR": (27, "n" * 23),
    "IT": (27, "a" + "n" * 10 + "n" * 12),
    "ES": (24, "n" * 20),
    "BE": (16, "n" * 12),
    "DK": (18, "n" * 14),
    "GB": (22, "aaaa" + "n" * 14),
    "UA": (29, "n" * 25),
}

# a few realistic-looking German bank codes (invented combos of first digits)
DE_BLZ_PREFIX = ["3705", "4205", "4404", "8605", "1005", "3004", "4306", "3606", "2505", "5005"]


def _rand_from_pattern(pat):
    out = []
    for ch in pat:
        if ch == "n":
            out.append(RNG.choice(string.digits))
        elif ch == "a":
            out.append(RNG.choice(string.ascii_uppercase))
        elif ch == "c":
            out.append(RNG.choice(string.ascii_uppercase + string.digits))
        else:
            out.append(ch)
    return "".join(out)


def iban_checksum(cc, bban):
    s = bban + cc + "00"
    num = "".join(str(int(c, 36)) for c in s)
    return 98 - int(num) % 97


def iban_valid(iban):
    iban = iban.replace(" ", "").upper()
    cc = iban[:2]
    if cc not in IBAN_FORMATS or len(iban) != IBAN_FORMATS[cc][0]:
        return False
    s = iban[4:] + iban[:4]
    return int("".join(str(int(c, 36)) for c in s)) % 97 == 1


def make_iban(cc):
    length, pat = IBAN_FORMATS[cc]
    bban = _rand_from_pattern(pat)
    if cc == "DE":
        bban = RNG.choice(DE_BLZ_PREFIX) + bban[4:]
    iban = "%s%02d%s" % (cc, iban_checksum(cc, bban), bban)
    assert len(iban) == length and iban_valid(iban)
    return iban


def group4(s):
    return " ".join(s[i:i + 4] for i in range(0, len(s), 4))


def stid_check_digit(first10):
    product = 10
    for ch in first10:
        total = (int(ch) + product) % 10
        if total == 0:
            total = 10
        product = (total * 2) % 11
    check = 11 - product
    return 0 if check == 10 else check


def stid_structure_ok(first10):
    if first10[0] == "0":
        return False
    counts = {d: first10.count(d) for d in set(first10)}
    multi = [d for d, c in counts.items() if c > 1]
    if len(multi) != 1 or counts[multi[0]] not in (2, 3):
        return False
    if counts[multi[0]] == 3 and multi[0] * 3 in first10:
        return False
    return True


def stid_valid(s):
    s = s.replace(" ", "")
    return (len(s) == 11 and s.isdigit() and stid_structure_ok(s[:10])
            and stid_check_digit(s[:10]) == int(s[10]))


def make_stid():
    while True:
        digits = list(string.digits)
        RNG.shuffle(digits)
        if RNG.random() < 0.7:      # one digit twice
            first = digits[:9]
            dup = RNG.choice(first)
            first.append(dup)
        else:                        # one digit three times
            first = digits[:8]
            dup = RNG.choice(first)
            first += [dup, dup]
        RNG.shuffle(first)
        f10 = "".join(first)
        if not stid_structure_ok(f10):
            continue
        return f10 + str(stid_check_digit(f10))


class Pool:
    def __init__(self):
        self.used = set()

    def fresh(self, fn, *a):
        while True:
            v = fn(*a)
            if v not in self.used:
                self.used.add(v)
                return v


def render(pool, kind):
    m = re.fullmatch(r"IBAN_([A-Z]{2})(_G|_L)?", kind)
    if m:
        v = pool.fresh(make_iban, m.group(1))
        if m.group(2) == "_G":
            return group4(v)
        if m.group(2) == "_L":
            return group4(v).lower()
        return v
    if kind.startswith("STID"):
        v = pool.fresh(make_stid)
        if kind == "STID_G":
            return "%s %s %s %s" % (v[:2], v[2:5], v[5:8], v[8:])
        if kind == "STID_G3":
            return "%s %s %s %s" % (v[:3], v[3:6], v[6:9], v[9:])
        return v
    raise ValueError(kind)


def fill(directory):
    pool = Pool()
    # values already present in the files (from an earlier run) stay reserved
    files = sorted(f for f in os.listdir(directory) if f.endswith(".txt"))
    for f in files:
        txt = open(os.path.join(directory, f), encoding="utf-8").read()
        for m in re.finditer(r"\[\[(IBAN_CODE|DE_TAX_ID):([^\]]+)\]\]", txt):
            pool.used.add(m.group(2).replace(" ", "").upper())
    counter = [0]
    for f in files:
        path = os.path.join(directory, f)
        txt = open(path, encoding="utf-8").read()
        txt = re.sub(r"@@([A-Z0-9_]+)@@", lambda m: render(pool, m.group(1)), txt)

        def renum(m):
            counter[0] += 1
            return "# id: thr-%03d |" % counter[0]
        txt = re.sub(r"^# id: thr-[0-9X]{3} \|", renum, txt, flags=re.M)
        open(path, "w", encoding="utf-8").write(txt)
    print("filled %d files, %d texts" % (len(files), counter[0]))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--fill":
        fill(sys.argv[2])
    else:
        p = Pool()
        for cc in IBAN_FORMATS:
            v = p.fresh(make_iban, cc)
            print(cc, v, group4(v), iban_valid(v))
        for _ in range(5):
            v = p.fresh(make_stid)
            print("StID", v, stid_valid(v))
        # self-test against known valid examples
        assert iban_valid("DE89370400440532013000")
        assert stid_valid("86095742719")
