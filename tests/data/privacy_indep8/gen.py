#!/usr/bin/env python3
"""Fill IBAN and Steuer-ID placeholders in src/*.txt and write corpus.txt.

Placeholders (only ever used inside a span, e.g. [[IBAN_CODE:{{IBAN:DE:g}}]]):
  {{IBAN:CC}}     IBAN of country CC, compact      (DE89370400440532013000)
  {{IBAN:CC:g}}   IBAN of country CC, groups of 4  (DE89 3704 0044 0532 0130 00)
  {{STID}}        Steuer-ID compact                (70453767814)
  {{STID:g}}      Steuer-ID grouped 2-3-3-3        (70 453 767 814)

Standard library only, fixed seed -> reproducible corpus.txt.
"""
import os
import random
import re
import string
import sys

SEED = 20241204
HERE = os.path.dirname(os.path.abspath(__file__))

# BBAN layouts (ISO 13616 registry): n = digit, a = upper-case letter, c = alphanumeric
IBAN_SPECS = {
    "DE": (22, "18n"),
    "AT": (20, "16n"),
    "CH": (21, "17n"),         # CH allows 5n12c; real accounts are digits
    "NL": (18, "4a10n"),
    "BE": (16, "12n"),
    "FR": (27, "23n"),         # FR allows 10n11c2n; digits are typical
    "IT": (27, "1a22n"),       # IT allows 1a10n12c; digits are typical
    "ES": (24, "20n"),
    "PT": (25, "21n"),
    "PL": (28, "24n"),
    "LU": (20, "3n13c"),
    "GB": (22, "4a14n"),
    "TR": (26, "5n1n16c"),
    "UA": (29, "6n19c"),
}


def iban_check_ok(iban):
    iban = iban.replace(" ", "")
    if len(iban) < 5 or iban[:2] not in IBAN_SPECS:
        return False
    if len(iban) != IBAN_SPECS[iban[:2]][0]:
        return False
    if not iban.isalnum() or iban != iban.upper():
        return False
    rearranged = iban[4:] + iban[:4]
    num = "".join(str(int(ch, 36)) for ch in rearranged)
    return int(num) % 97 == 1


def make_bban(rng, cc):
    length, layout = IBAN_SPECS[cc]
    out = []
    for count, kind in re.findall(r"(\d+)([nac])", layout):
        for _ in range(int(count)):
            if kind == "n":
                out.append(rng.choice(string.digits))
            elif kind == "a":
                out.append(rng.choice(string.ascii_uppercase))
            else:
                out.append(rng.choice(string.digits + string.ascii_uppercase))
    bban = "".join(out)
    if cc == "BE":  # Belgian national check: last two digits = first ten mod 97
        r = int(bban[:10]) % 97 or 97
        bban = bban[:10] + "%02d" % r
    assert len(bban) == length - 4
    return bban


def make_iban(rng, cc):
    bban = make_bban(rng, cc)
    rearranged = bban + cc + "00"
    num = "".join(str(int(ch, 36)) for ch in rearranged)
    check = 98 - int(num) % 97
    iban = "%s%02d%s" % (cc, check, bban)
    assert iban_check_ok(iban), iban
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


def stid_ok(s):
    s = s.replace(" ", "")
    if len(s) != 11 or not s.isdigit() or s[0] == "0":
        return False
    head = s[:10]
    counts = {d: head.count(d) for d in set(head)}
    multi = [d for d, c in counts.items() if c > 1]
    if len(multi) != 1 or counts[multi[0]] > 3:
        return False
    d = multi[0]
    if counts[d] == 3 and d * 3 in head:
        return False
    return stid_check_digit(head) == int(s[10])


def make_stid(rng):
    while True:
        times = rng.choice([2, 2, 3])
        digits = list(string.digits)
        rng.shuffle(digits)
        rep = digits[0]
        others = digits[1:1 + (10 - times)]
        head = others + [rep] * times
        rng.shuffle(head)
        head = "".join(head)
        if head[0] == "0" or rep * 3 in head:
            continue
        s = head + str(stid_check_digit(head))
        if stid_ok(s):
            return s


def group_stid(s):
    return "%s %s %s %s" % (s[:2], s[2:5], s[5:8], s[8:])


PLACEHOLDER = re.compile(r"\{\{(IBAN):([A-Z]{2})(:g)?\}\}|\{\{(STID)(:g)?\}\}")


def main():
    rng = random.Random(SEED)
    srcdir = os.path.join(HERE, "src")
    files = sorted(f for f in os.listdir(srcdir) if f.endswith(".txt"))
    parts = []
    for f in files:
        with open(os.path.join(srcdir, f), encoding="utf-8") as fh:
            parts.append(fh.read().strip("\n"))
    text = "\n---\n".join(parts) + "\n"
    used = set()

    def repl(m):
        while True:
            if m.group(1):
                value = make_iban(rng, m.group(2))
                out = group4(value) if m.group(3) else value
            else:
                value = make_stid(rng)
                out = group_stid(value) if m.group(5) else value
            if value not in used:
                used.add(value)
                return out

    text, n = PLACEHOLDER.subn(repl, text)
    if "{{" in text and re.search(r"\{\{(IBAN|STID)", text):
        sys.exit("unresolved placeholder left")
    with open(os.path.join(HERE, "corpus.txt"), "w", encoding="utf-8") as fh:
        fh.write(text)
    print("files: %d, placeholders filled: %d -> corpus.txt" % (len(files), n))


if __name__ == "__main__":
    main()
