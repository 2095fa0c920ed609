#!/usr/bin/env python3
"""Check knowledge/eval/coverage_audit.md: every audited fact stands in one sentence.

Each table row of coverage_audit.md names a fact of the sources (research notes and seeds), its
key words in the notation of the source (`a` · `b`) and where knowledge/ states it
(`file.md` § section, or `file.yaml` # entry id). A fact is stated when one sentence of the named
place contains every key word (case-insensitive, whitespace folded; sentences split as
assistant/answers/sentences.py splits them), so that an answer quoting
that single sentence carries the whole fact.

Usage (from the repository root): python3 knowledge/eval/coverage_audit.py [--where]
Prints the rows whose fact is not stated at the named place; --where also lists, per row, every
place in knowledge/guidance and knowledge/faq that states it. Exit code 1 if a row fails.
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys
from dataclasses import dataclass

import yaml

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parents[2]))
from assistant.answers.sentences import split_sentences  # noqa: E402

HERE = pathlib.Path(__file__).resolve().parent
KNOWLEDGE = HERE.parent
AUDIT = HERE / "coverage_audit.md"

ROW = re.compile(r"^\|\s*([A-Z0-9]+-\d+)\s*\|(.+)\|\s*$")
KEY = re.compile(r"`([^`]+)`")
PLACE = re.compile(r"`([\w.-]+\.(?:md|yaml))`\s*(?:§\s*(.+?)|#\s*([\w-]+))?\s*$")


@dataclass(frozen=True)
class Fact:
    id: str
    keys: tuple[str, ...]
    file: str
    part: str | None  # guidance section heading or FAQ entry id; None: anywhere in the file


def fold(text: str) -> str:
    text = re.sub(r"\*\*|__|`", "", text)
    return re.sub(r"\s+", " ", text).strip().lower()


def sentences(text: str) -> list[str]:
    """The sentences an answer can quote, split as the answer composer splits them."""
    return [fold(s) for s in split_sentences(text)]


def guidance_parts(path: pathlib.Path) -> dict[str, list[str]]:
    parts: dict[str, list[str]] = {}
    head = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("## "):
            head = line[3:].strip()
        elif not line.startswith(("# ", ">")):  # title and metadata (sources) are not quoted
            parts.setdefault(head, []).extend(sentences(line))
    return parts


def faq_parts(path: pathlib.Path) -> dict[str, list[str]]:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    return {e["id"]: sentences(e["answer"]) for e in data["entries"]}


def places(root: pathlib.Path = KNOWLEDGE) -> dict[str, dict[str, list[str]]]:
    """Sentences per file and section (guidance) or entry (FAQ) of the knowledge folder."""
    out = {p.name: guidance_parts(p) for p in sorted((root / "guidance").glob("*.md"))}
    out.update({p.name: faq_parts(p) for p in sorted((root / "faq").glob("*.yaml"))})
    return out


def read_facts(path: pathlib.Path = AUDIT) -> list[Fact]:
    facts = []
    for line in path.read_text(encoding="utf-8").splitlines():
        row = ROW.match(line)
        if not row:
            continue
        cells = [c.strip() for c in row.group(2).split("|")]
        place = PLACE.search(cells[-1])
        if place is None:
            raise ValueError(f"{row.group(1)}: no place in {cells[-1]!r}")
        keys = tuple(KEY.findall(cells[-2]))
        facts.append(Fact(row.group(1), keys, place.group(1), place.group(2) or place.group(3)))
    return facts


def states(sents: list[str], keys: tuple[str, ...]) -> bool:
    wanted = [fold(k) for k in keys]
    return any(all(k in s for k in wanted) for s in sents)


def where(fact: Fact, index: dict[str, dict[str, list[str]]]) -> list[str]:
    return [f"{name} {'§' if name.endswith('.md') else '#'} {part}"
            for name, parts in index.items() for part, sents in parts.items()
            if states(sents, fact.keys)]


def check(fact: Fact, index: dict[str, dict[str, list[str]]]) -> bool:
    parts = index.get(fact.file, {})
    chosen = [parts.get(fact.part, [])] if fact.part else list(parts.values())
    return any(states(s, fact.keys) for s in chosen)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--where", action="store_true")
    args = ap.parse_args()
    index = places()
    facts = read_facts()
    failed = [f for f in facts if not check(f, index)]
    for fact in facts:
        if fact in failed or args.where:
            print(f"{'FAIL' if fact in failed else 'ok  '} {fact.id} {fact.keys}")
            if args.where:
                for w in where(fact, index):
                    print(f"       {w}")
    print(f"{len(facts) - len(failed)}/{len(facts)} facts stated at the named place")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
