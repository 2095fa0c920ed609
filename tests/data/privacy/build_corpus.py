#!/usr/bin/env python3
"""Build the Lotse privacy evaluation corpus.

Reads every ``corpus_src/*.txt`` file next to this script, parses the inline
markup ``[[TYPE:surface text]]`` and writes ``corpus_dev.jsonl``,
``corpus_test.jsonl`` and ``corpus_test2.jsonl`` next to this script.

Source format (see README.md):

    # id: sch-001 | context: schule | split: test
    Text with [[PERSON:Aylin Yılmaz]] ...
    ---
    # id: sch-002 | context: schule | split: dev
    ...

The script stops with a non-zero exit code and a message naming file and line
on any of: malformed header, malformed or nested markup, unknown entity type,
unknown context/split, duplicate id, empty text, an IBAN_CODE with a wrong
length or mod-97 checksum, a DE_TAX_ID that violates the Steuer-ID rules,
a DATE_OF_BIRTH that is not a real calendar date, and a few format checks for
the other types.  It also refuses texts in which an e-mail address, an IBAN or
a valid Steuer-ID occurs OUTSIDE an annotation (a sure sign of a forgotten
span), and texts where a PERSON surface string recurs unannotated.

Usage:
    python3 tests/data/privacy/build_corpus.py           # build + counts
    python3 tests/data/privacy/build_corpus.py --check   # validate only
    python3 tests/data/privacy/build_corpus.py --lint    # also print hints
Only the Python standard library is used.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
SRC_DIR = HERE / "corpus_src"

TYPES = (
    "PERSON",
    "DATE_OF_BIRTH",
    "ADDRESS",
    "PHONE_NUMBER",
    "EMAIL_ADDRESS",
    "IBAN_CODE",
    "DE_TAX_ID",
    "STUDENT_ID",
)
CONTEXTS = ("schule", "kita", "jugendamt", "bildungsbuero", "verwaltung")
SPLITS = ("dev", "test", "test2", "test3")

HEADER_RE = re.compile(
    r"^# id: (?P<id>(?:[a-z]{3}\d?|t[23])-\d{3}) \| context: (?P<context>[a-z]+) \| split: (?P<split>[a-z]+\d?)$"
)
SEPARATOR = "---"

# IBAN lengths per country (ISO 13616 registry) for the countries we use.
IBAN_LENGTHS = {
    "DE": 22, "AT": 20, "NL": 18, "PL": 28, "TR": 26, "IT": 27, "FR": 27,
    "BE": 16, "RO": 24, "GR": 27, "CH": 21, "ES": 24, "LU": 20, "HR": 21,
    "BG": 22,
}

MONTHS = {
    "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "april": 4, "mai": 5,
    "juni": 6, "juli": 7, "august": 8, "september": 9, "oktober": 10,
    "november": 11, "dezember": 12,
}

EMAIL_RE = re.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}$")
# dots and en dashes occur as separators ("0221.123 45 67", "0176 – 123 456 78")
PHONE_CHARS_RE = re.compile(r"^\+?[0-9 ()/.\-\u2013]+$")
# used to find forgotten spans in the plain text outside annotations
LOOSE_EMAIL_RE = re.compile(r"[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-.]+\.[A-Za-z]{2,}")
LOOSE_IBAN_RE = re.compile(r"\b[A-Z]{2}\d{2}(?: ?[A-Z0-9]{4}){3,7}(?: ?[A-Z0-9]{1,4})?\b")
LOOSE_TAXID_RE = re.compile(r"(?<![\d-])(\d{2} ?\d{3} ?\d{3} ?\d{3})(?![\d-])")
LOOSE_PHONE_RE = re.compile(
    r"(?<![\w-])(?:\+\d{2}|00\d{2}|\(0\d{2,5}\)|0\d{2,5})[ /\-]?\(?\d[\d \-/]{4,}\d(?![\w-])"
)
TITLE_RE = re.compile(r"\b(Herr|Herrn|Frau|Dr\.|Prof\.)\s+(\S+)")


class CorpusError(Exception):
    pass


# ---------------------------------------------------------------- validators
def iban_ok(value: str) -> str | None:
    """Return None if valid, else a reason."""
    if value != value.strip():
        return "surrounding whitespace"
    if "  " in value:
        return "double space"
    compact = value.replace(" ", "")
    if " " in value:
        groups = value.split(" ")
        if any(len(g) != 4 for g in groups[:-1]) or not 1 <= len(groups[-1]) <= 4:
            return "spaces must group the IBAN in blocks of four"
    if not re.fullmatch(r"[A-Z]{2}\d{2}[A-Z0-9]+", compact):
        return "not an IBAN shape"
    country = compact[:2]
    if country not in IBAN_LENGTHS:
        return f"country {country} not in length table"
    if len(compact) != IBAN_LENGTHS[country]:
        return f"length {len(compact)} != {IBAN_LENGTHS[country]} for {country}"
    rearranged = compact[4:] + compact[:4]
    number = int("".join(str(int(ch, 36)) for ch in rearranged))
    if number % 97 != 1:
        return "mod-97 checksum wrong"
    return None


def taxid_check_digit(first10: str) -> int:
    product = 10
    for ch in first10:
        total = (int(ch) + product) % 10
        if total == 0:
            total = 10
        product = (2 * total) % 11
    check = 11 - product
    return 0 if check == 10 else check


def taxid_ok(value: str) -> str | None:
    compact = value.replace(" ", "")
    if " " in value and value != f"{compact[:2]} {compact[2:5]} {compact[5:8]} {compact[8:]}":
        return "grouping must be '12 345 678 901'"
    if not re.fullmatch(r"\d{11}", compact):
        return "not 11 digits"
    if compact[0] == "0":
        return "first digit is 0"
    counts = Counter(compact[:10])
    multi = [d for d, c in counts.items() if c > 1]
    if len(multi) != 1 or counts[multi[0]] not in (2, 3):
        return "exactly one digit must occur twice or three times in the first ten digits"
    if counts[multi[0]] == 3 and any(
        compact[i] == compact[i + 1] == compact[i + 2] for i in range(8)
    ):
        return "a digit occurring three times must not stand three times in a row"
    if taxid_check_digit(compact[:10]) != int(compact[10]):
        return "check digit wrong"
    return None


def parse_date(value: str) -> dt.date | None:
    m = re.fullmatch(r"(\d{1,2})\.(\d{1,2})\.(\d{4})", value)
    if m:
        d, mo, y = map(int, m.groups())
    else:
        m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", value)
        if m:
            y, mo, d = map(int, m.groups())
        else:
            m = re.fullmatch(r"(\d{1,2})\. ?([A-Za-zäÄ]+) (\d{4})", value)
            if not m or m.group(2).lower() not in MONTHS:
                return None
            d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
    try:
        return dt.date(y, mo, d)
    except ValueError:
        return None


def dob_ok(value: str) -> str | None:
    date = parse_date(value)
    if date is None:
        return "not a valid date in an accepted format"
    if not 1920 <= date.year <= 2025:
        return "implausible year"
    return None


def phone_ok(value: str) -> str | None:
    if not PHONE_CHARS_RE.match(value):
        return "unexpected characters"
    digits = re.sub(r"\D", "", value)
    # 5-6 digits: local numbers without area code ("Tel. 86 43 21") and 116xxx services
    if not 5 <= len(digits) <= 16:
        return f"{len(digits)} digits"
    if not (value[0].isdigit() or value.startswith("+") or value.startswith("(0")):
        return "must start with a digit, +, or (0"
    if value[-1] in ".-\u2013/ (":
        return "separator at the end"
    return None


def email_ok(value: str) -> str | None:
    return None if EMAIL_RE.match(value) else "not an e-mail address"


def person_ok(value: str) -> str | None:
    if re.search(r"\d", value):
        return "digit in a name"
    if not re.search(r"[^\W\d_]", value):
        return "no letter"
    first = value.split()[0].rstrip(".")
    if first in {"Herr", "Herrn", "Hr", "Frau", "Fr", "Dr", "Prof", "Fam", "Familie",
                 "Schulleiterin", "Schulleiter"}:
        return f"title/salutation '{first}' must not be part of the span"
    return None


def address_ok(value: str) -> str | None:
    if not re.search(r"\d", value):
        return "no house number"
    return None


def student_id_ok(value: str) -> str | None:
    # One blank may separate a letter prefix or a digit group: "SN 88231", "2023 04711";
    # dots may separate digit groups inside the number: "2024.0147".
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9/.\-]*(?: [A-Za-z0-9/.\-]+)?[A-Za-z0-9]", value):
        return "unexpected characters"
    if not re.search(r"\d", value):
        return "no digit"
    return None


VALIDATORS = {
    "PERSON": person_ok,
    "DATE_OF_BIRTH": dob_ok,
    "ADDRESS": address_ok,
    "PHONE_NUMBER": phone_ok,
    "EMAIL_ADDRESS": email_ok,
    "IBAN_CODE": iban_ok,
    "DE_TAX_ID": taxid_ok,
    "STUDENT_ID": student_id_ok,
}


# ------------------------------------------------------------------- parsing
def parse_markup(marked: str, where: str):
    """Turn marked-up text into (plain_text, entities)."""
    out = []
    entities = []
    pos = 0
    plain_len = 0
    while True:
        open_i = marked.find("[[", pos)
        close_i = marked.find("]]", pos)
        if open_i == -1:
            if close_i != -1:
                raise CorpusError(f"{where}: ']]' without '[[': ...{marked[max(0, close_i - 30):close_i + 2]!r}")
            out.append(marked[pos:])
            break
        if close_i != -1 and close_i < open_i:
            raise CorpusError(f"{where}: ']]' without '[[': ...{marked[max(0, close_i - 30):close_i + 2]!r}")
        chunk = marked[pos:open_i]
        out.append(chunk)
        plain_len += len(chunk)
        close_i = marked.find("]]", open_i + 2)
        if close_i == -1:
            raise CorpusError(f"{where}: unclosed '[[' at ...{marked[open_i:open_i + 40]!r}")
        inner = marked[open_i + 2:close_i]
        if "[[" in inner or "\n" in inner:
            raise CorpusError(f"{where}: nested markup or line break inside span {inner!r}")
        if ":" not in inner:
            raise CorpusError(f"{where}: span without 'TYPE:' in {inner!r}")
        etype, surface = inner.split(":", 1)
        if etype not in TYPES:
            raise CorpusError(f"{where}: unknown entity type {etype!r} in [[{inner}]]")
        if not surface or surface != surface.strip():
            raise CorpusError(f"{where}: empty span or whitespace at span border in [[{inner}]]")
        problem = VALIDATORS[etype](surface)
        if problem:
            raise CorpusError(f"{where}: invalid {etype} {surface!r}: {problem}")
        if surface.endswith((".", ",", ";", ":")) and etype not in ("PERSON",):
            raise CorpusError(f"{where}: punctuation at end of span [[{inner}]]")
        entities.append({"type": etype, "start": plain_len, "end": plain_len + len(surface), "text": surface})
        out.append(surface)
        plain_len += len(surface)
        pos = close_i + 2
    text = "".join(out)
    for e in entities:
        assert text[e["start"]:e["end"]] == e["text"]
    return text, entities


def outside_spans(text: str, entities, start: int, end: int) -> bool:
    return all(end <= e["start"] or start >= e["end"] for e in entities)


def check_forgotten(text: str, entities, where: str):
    """Hard errors for PII shapes that are certain to be personal data."""
    for m in LOOSE_EMAIL_RE.finditer(text):
        if outside_spans(text, entities, m.start(), m.end()):
            raise CorpusError(f"{where}: e-mail address outside annotation: {m.group()!r}")
    for m in LOOSE_IBAN_RE.finditer(text):
        if outside_spans(text, entities, m.start(), m.end()) and iban_ok(m.group()) is None:
            raise CorpusError(f"{where}: valid IBAN outside annotation: {m.group()!r}")
    for m in LOOSE_TAXID_RE.finditer(text):
        if outside_spans(text, entities, m.start(), m.end()) and taxid_ok(m.group(1)) is None:
            raise CorpusError(f"{where}: valid Steuer-ID outside annotation: {m.group()!r}")
    # a PERSON string annotated once must be annotated everywhere in the text
    names = {e["text"] for e in entities if e["type"] == "PERSON"}
    for name in names:
        pat = re.compile(r"(?<![\w\-])" + re.escape(name) + r"(?![\w\-])")
        for m in pat.finditer(text):
            if outside_spans(text, entities, m.start(), m.end()):
                raise CorpusError(f"{where}: name {name!r} also occurs unannotated at offset {m.start()}")


def lint(rec, where: str):
    """Soft hints for manual review (printed with --lint)."""
    text, ents = rec["text"], rec["entities"]
    hints = []
    for m in LOOSE_PHONE_RE.finditer(text):
        if outside_spans(text, ents, m.start(), m.end()):
            hints.append(f"phone-like outside span: {m.group()!r}")
    for m in TITLE_RE.finditer(text):
        s = m.start(2)
        if m.group(2) in ("Dr.", "Prof.", "Dr", "Prof"):
            continue
        if outside_spans(text, ents, s, s + 1):
            hints.append(f"title without PERSON: {m.group()!r}")
    for m in re.finditer(r"(?i)\b(geb\.|geboren|Geburtsdatum|\*)\s*(am\s*)?(\d{1,2}\.\s?\d{1,2}\.\d{2,4}|\d{4}-\d\d-\d\d)", text):
        if outside_spans(text, ents, m.start(3), m.end(3)):
            hints.append(f"birth date-like outside span: {m.group()!r}")
    return [f"{where}: {h}" for h in hints]


def read_blocks(path: Path):
    lines = path.read_text(encoding="utf-8").split("\n")
    blocks = []
    cur = []
    cur_start = 1
    for no, line in enumerate(lines, 1):
        if line.strip() == SEPARATOR:
            if line != SEPARATOR:
                raise CorpusError(f"{path.name}:{no}: separator must be exactly '---'")
            blocks.append((cur_start, cur))
            cur = []
            cur_start = no + 1
        else:
            cur.append(line)
    blocks.append((cur_start, cur))
    result = []
    for start, blines in blocks:
        # drop leading/trailing blank lines
        while blines and not blines[0].strip():
            blines = blines[1:]
            start += 1
        while blines and not blines[-1].strip():
            blines = blines[:-1]
        if not blines:
            continue
        result.append((start, blines))
    return result


def build(src_dir: Path):
    records = []
    seen = {}
    for path in sorted(src_dir.glob("*.txt")):
        for start, blines in read_blocks(path):
            where = f"{path.name}:{start}"
            m = HEADER_RE.match(blines[0])
            if not m:
                raise CorpusError(f"{where}: malformed header {blines[0]!r}")
            rid, context, split = m.group("id", "context", "split")
            if context not in CONTEXTS:
                raise CorpusError(f"{where}: unknown context {context!r}")
            if split not in SPLITS:
                raise CorpusError(f"{where}: unknown split {split!r}")
            if rid in seen:
                raise CorpusError(f"{where}: duplicate id {rid!r} (first in {seen[rid]})")
            seen[rid] = where
            body = [ln.rstrip() for ln in blines[1:]]
            if any(ln.startswith("# id:") for ln in body):
                raise CorpusError(f"{where}: second header inside block (missing '---'?)")
            marked = "\n".join(body).strip()
            if not marked:
                raise CorpusError(f"{where}: empty text for {rid}")
            text, entities = parse_markup(marked, f"{where} [{rid}]")
            check_forgotten(text, entities, f"{where} [{rid}]")
            records.append({
                "id": rid,
                "context": context,
                "split": split,
                "text": text,
                "entities": entities,
                "_where": f"{where} [{rid}]",
            })
    if not records:
        raise CorpusError(f"no blocks found in {src_dir}")
    return records


def report(records):
    by_split = defaultdict(list)
    for r in records:
        by_split[r["split"]].append(r)
    lines = []
    header = f"{'':20}" + "".join(f"{s:>8}" for s in SPLITS) + f"{'total':>8}"
    lines.append(header)

    def row(label, fn):
        vals = [fn(by_split[s]) for s in SPLITS]
        lines.append(f"{label:20}" + "".join(f"{v:>8}" for v in vals) + f"{sum(vals):>8}")

    row("texts", len)
    row("texts w/o PII", lambda rs: sum(1 for r in rs if not r["entities"]))
    row("entities", lambda rs: sum(len(r["entities"]) for r in rs))
    for t in TYPES:
        row(t, lambda rs, t=t: sum(1 for r in rs for e in r["entities"] if e["type"] == t))
    for c in CONTEXTS:
        row(f"ctx {c}", lambda rs, c=c: sum(1 for r in rs if r["context"] == c))
    return "\n".join(lines)


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--check", action="store_true", help="validate only, write nothing")
    ap.add_argument("--lint", action="store_true", help="print review hints")
    ap.add_argument("--src", type=Path, default=SRC_DIR)
    ap.add_argument("--out", type=Path, default=HERE)
    args = ap.parse_args(argv)
    try:
        records = build(args.src)
    except CorpusError as exc:
        print(f"ERROR: {exc}", file=sys.stderr)
        return 1
    if args.lint:
        for r in records:
            for h in lint(r, r["_where"]):
                print("LINT", h)
    if not args.check:
        for split in SPLITS:
            if not any(r["split"] == split for r in records):
                continue
            out = args.out / f"corpus_{split}.jsonl"
            with out.open("w", encoding="utf-8", newline="\n") as fh:
                for r in records:
                    if r["split"] != split:
                        continue
                    obj = {k: r[k] for k in ("id", "context", "text", "entities")}
                    fh.write(json.dumps(obj, ensure_ascii=False) + "\n")
            print(f"wrote {out.relative_to(args.out)}")
    print(report(records))
    return 0


if __name__ == "__main__":
    sys.exit(main())
