#!/usr/bin/env python3
"""Which facts of the seed documents does knowledge/ not state? (stdlib + PyYAML)

Two kinds of key phrases are checked against the text of knowledge/:

- phrases extracted automatically from each seed file (when --seeds points at them):
  numbers and dates with their context word, quoted terms („…“, "…"), acronyms, list-item
  heads ("Ausprobieren und Erkunden: ..."), bold headings and the cells of tab-separated tables;
- curated facts per seed in seed_terms.yaml (multi-word terms, names, steps of a process);
  these work without the seed files.

By default only the guidance texts count, because they are what `lotse ask` retrieves; --all
adds the FAQ, guide and Kompass files. A phrase counts as stated when its normalised form (lower case, one kind of quote and dash,
gender star removed, whitespace collapsed) is a substring of the normalised knowledge text, or
when one of its listed alternatives is. seed_terms.yaml also lists phrases to ignore, each with
the reason (contact phone numbers, page layout).

Usage: python3 knowledge/eval/audit_seeds.py [--seeds DIR] [--terms YAML] [--all] [--strict] [--verbose]
Prints the missing phrases per seed and a summary; with --strict, exit code 1 if any is missing.
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys

import yaml
from audit_sources import shared  # same folder: run as a script

HERE = pathlib.Path(__file__).resolve().parent
KNOWLEDGE = HERE.parent
DEFAULT_SEEDS = shared("seeds")

QUOTED = re.compile(r"„([^„“”\"]{3,80})[“”]|\"([^\"\n]{3,80})\"")
ACRONYM = re.compile(r"\b[A-ZÄÖÜ][A-ZÄÖÜ]{1,5}[a-z]?[A-Z]?\b")
MONTHS = "Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember"
DATE = re.compile(rf"\b\d{{1,2}}\.\s?(?:{MONTHS})\s\d{{4}}\b|\b\d{{2}}\.\d{{2}}\.\d{{4}}\b")
CODE = re.compile(r"\b[A-Z]{1,3}-\d{2,4}/\d{4}\b")
YEAR_SPAN = re.compile(r"\b(?:19|20)\d{2}(?:\s?(?:bis|–|-)\s?(?:19|20)\d{2})?\b")
LIST_HEAD = re.compile(r"^\s*(?:[-•*]|\d+\.)?\s*([A-ZÄÖÜ][^:\n]{3,60}):\s", re.M)
BOLD = re.compile(r"\*\*(?:\d+\.\s*)?([^*]{3,90})\*\*")
STOP_ACRONYMS = {"II", "III", "IV", "CSV", "KI"}


def normalise(text: str) -> str:
    text = text.lower().replace("\u00ad", "")
    text = re.sub(r"[„“”\"«»‚‘’']", '"', text)
    text = re.sub(r"[–—‑]", "-", text)
    text = re.sub(r"\*in(nen)?\b|:in(nen)?\b", "", text)
    return re.sub(r"\s+", " ", text).strip()


def knowledge_text(everything: bool) -> str:
    """The guidance texts (what retrieval indexes); with ``everything`` also FAQ, guide, Kompass."""
    patterns = ("guidance/*.md", "faq/*.yaml", "guide/*.yaml", "kompass.yaml") if everything \
        else ("guidance/*.md",)
    parts = []
    for pattern in patterns:
        parts += [p.read_text(encoding="utf-8") for p in sorted(KNOWLEDGE.glob(pattern))]
    return normalise("\n".join(parts))


def extract(text: str) -> list[str]:
    """Key phrases of one seed text, in order of appearance, without duplicates."""
    found: list[str] = []
    found += [(m.group(1) or m.group(2)).strip(" .,") for m in QUOTED.finditer(text)]
    found += DATE.findall(text) + CODE.findall(text)
    found += [m.group(0) for m in YEAR_SPAN.finditer(text)]
    found += [m.group(0) for m in ACRONYM.finditer(text) if m.group(0) not in STOP_ACRONYMS]
    found += [m.group(1).strip() for m in LIST_HEAD.finditer(text)]
    found += [m.group(1).strip() for m in BOLD.finditer(text)]
    for line in text.splitlines():
        if line.count("\t") >= 3:
            found += [c.strip() for c in line.split("\t") if 3 <= len(c.strip()) <= 60
                      and not re.fullmatch(r"\(?[A-I]\d{1,2}\)?|—|narrativ", c.strip())]
    seen, out = set(), []
    for phrase in found:
        key = normalise(phrase)
        if key and key not in seen:
            seen.add(key)
            out.append(phrase)
    return out


def stated(phrase: str, alternatives: list[str], corpus: str) -> bool:
    return any(normalise(p) in corpus for p in [phrase, *alternatives])


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", type=pathlib.Path, default=DEFAULT_SEEDS)
    ap.add_argument("--terms", type=pathlib.Path, default=HERE / "seed_terms.yaml",
                    help="curated facts per seed (default: seed_terms.yaml next to this script)")
    ap.add_argument("--strict", action="store_true")
    ap.add_argument("--verbose", action="store_true")
    ap.add_argument("--all", action="store_true",
                    help="also count FAQ, guide and Kompass files (retrieval reads only guidance)")
    args = ap.parse_args()

    config = yaml.safe_load(args.terms.read_text(encoding="utf-8"))
    ignore = {normalise(i["phrase"]) for i in config.get("ignore", [])}
    corpus = knowledge_text(args.all)
    total = missing_total = 0
    for seed in config["seeds"]:
        phrases: dict[str, list[str]] = {}
        seed_file = next(args.seeds.glob(seed["file"]), None) \
            if "file" in seed and args.seeds.is_dir() else None
        if seed_file is not None:
            phrases = {p: [] for p in extract(seed_file.read_text(encoding="utf-8"))}
        for fact in seed.get("facts", []):
            if not isinstance(fact, dict):
                phrases[str(fact)] = []
            else:
                phrases[fact["phrase"]] = fact.get("alt", [])
        phrases = {p: a for p, a in phrases.items() if normalise(p) not in ignore}
        missing = [p for p, alt in phrases.items() if not stated(p, alt, corpus)]
        total += len(phrases)
        missing_total += len(missing)
        origin = seed_file.name if seed_file else "curated facts only"
        print(f"{seed['id']} ({origin}): {len(phrases) - len(missing)}/{len(phrases)} stated")
        for p in missing:
            print(f"  MISSING  {p}")
        if args.verbose:
            for p in phrases:
                if p not in missing:
                    print(f"  ok       {p}")
    print(f"TOTAL: {total - missing_total}/{total} key phrases stated, {missing_total} missing")
    return 1 if args.strict and missing_total else 0


if __name__ == "__main__":
    sys.exit(main())
