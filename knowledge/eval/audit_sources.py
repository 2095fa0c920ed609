#!/usr/bin/env python3
"""List key phrases of the research notes (indicators.md) that knowledge/ does not state.

For each section of the notes ("## 0. Das Modell", "## A – …", "### C7.1 …", "## Anhang 1 …")
the script extracts phrases a reader would search for literally: table codes (21111-02-06-4,
2000S-3070), dates and Stichtage (1.3., 31.12.2002), decimal numbers and percentages (8,50 %,
1:4,6), numbers with thousands separators (782.423), quoted terms („…“, `…`), bold terms and the
host names of cited web sources, hyphenated compounds and long nouns. A phrase counts as stated when it occurs (case-insensitive,
whitespace folded) in any file under knowledge/indicators, knowledge/guidance or knowledge/faq.

Phrases not worth stating (commit hashes, file sizes of example files, the notes' own remarks)
are listed in SKIP with the reason. Stdlib only.

Usage: python3 knowledge/eval/audit_sources.py [--notes PATH] [--sections 0,A,B,C,Anhang 1]
       [--guidance-only]
Exit code 1 when a phrase of the selected sections is missing, else 0.
"""
from __future__ import annotations

import argparse
import pathlib
import re
import sys

HERE = pathlib.Path(__file__).resolve().parent
KNOWLEDGE = HERE.parent
NOTES = pathlib.Path("/work/shared/domain/indicators.md")
DEFAULT_SECTIONS = "0,A,B,C,Anhang 1"

PATTERNS = {
    "table": r"(?<![\w-])(?:\d{5}-\d{2}-\d{2}-\d(?:-B)?|\d{5}-\d{4}|2000S-\d{4}|BW-D07\.1i|02--A014C)(?![\w])",
    "date": r"(?<![\d.])\d{1,2}\.\d{1,2}\.(?:\d{4})?(?![\d])",
    "decimal": r"(?<![\w.,:])\d+,\d+(?:\s?%)?(?![\d])",
    "ratio": r"\b1\s?:\s?\d+(?:,\d+)?",
    "thousands": r"(?<![\w.,])\d{1,3}(?:\.\d{3})+(?![\d,])",
    "quoted": r"„([^“]{2,80})“",
    "code": r"`([^`]{1,60})`",
    "bold": r"\*\*([^*]{2,60})\*\*",
    "percent": r"(?<![\w.,])\d+(?:,\d+)?\s?%",
    "abbrev": r"(?<![\w-])[A-ZÄÖÜ][A-ZÄÖÜ0-9]{1,}(?:[a-z]{1,2}[A-Z]+)?(?![\w-])",
    "dated": r"\b(?:seit|ab|bis|erstmals|Revision|Ausgaben?|Stand|Zensus|Ziel)\s\d{4}",
    # hyphenated compounds ("Einrichtungsort-Prinzip") and long nouns ("Kreisneugliederungen")
    "term": r"(?<![\w/-])(?:[A-ZÄÖÜ][a-zäöüß]+(?:-[A-ZÄÖÜa-zäöüß0-9]+)+|[A-ZÄÖÜ][a-zäöüß]{11,})(?![\w/-])",
    "host": r"https?://(?:www\.)?([a-z0-9.-]+\.[a-z]{2,})",
}

#: phrase -> why it is not stated in knowledge/ (kept short; the audit prints nothing for these).
SKIP = {
    "Bestes Testfile.": "remark on an example file, not a fact for users",
    "Statistik der allgemeinbildenden Schulen;;;…": "verbatim CSV line of the example",
    "Absolvierende/Abgehende (Anzahl);;;…": "verbatim CSV line of the example",
    "Kreise und krfr. Städte;;;…": "verbatim CSV line of the example",
    "9dok.net": "mirror host of a Destatis publication; the publication is named instead",
    "de.readkong.com": "mirror host of a Destatis publication; the publication is named instead",
    "de.wiki.li": "wiki mirror; the Ländermonitor blog is the named source",
    "lifepr.de": "press mirror of a Destatis release; the release is named instead",
    "sueddeutsche.de": "newspaper report of a Destatis figure; Destatis is named instead",
}

#: Phrases matching these are paths, file sizes or artefacts of the notes' layout, not facts.
SKIP_PATTERNS = [
    (re.compile(r"^(data/raw/|tests/testthat/)"), "file path inside an example repository"),
    (re.compile(r"^\d+,\d$"), "file size in KB/MB of an example file (only where listed in SKIP_SECTIONS)"),
    (re.compile(r"^\* "), "regex artefact: text between two code spans"),
    (re.compile(r"^1: \d"), "regex artefact: 'unter 1: 2,5 %' is an age, not a ratio"),
    (re.compile(r"^\d\.0\.$"), "version number ('Version 2.0.'), not a date (no month 0)"),
    (re.compile(r"^C3$"), "URL escape %C3 in a cited address"),
    (re.compile(r"^(Table-2|Bildung-Forschung-Kultur|Bildungsfinanzen-Ausbildungsfoerderung|Gesellschaft-Umwelt)$"),
     "path segment of a cited address"),
]
#: Sections whose decimal numbers are file sizes of example files.
SIZE_SECTIONS = ("Gefundene Beispieldateien",)

HEADING = re.compile(r"^(#{2,3})\s+(.*)$")


def fold(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip().lower()


def sections(notes: str) -> list[tuple[str, str, str]]:
    """(top-level key, heading, body) for every ## and ### block of the notes."""
    out: list[tuple[str, str, str]] = []
    top, heading, body = "", "", []
    for line in notes.splitlines():
        match = HEADING.match(line)
        if match:
            if heading:
                out.append((top, heading, "\n".join(body)))
            heading, body = match.group(2).strip(), []
            if match.group(1) == "##":
                top = _key(heading)
        else:
            body.append(line)
    if heading:
        out.append((top, heading, "\n".join(body)))
    return out


def _key(heading: str) -> str:
    if heading.startswith("Anhang"):
        return heading.split(":")[0].strip()
    return heading.split()[0].rstrip(".")


def _skipped(phrase: str, heading: str) -> bool:
    if phrase in SKIP:
        return True
    for pattern, _why in SKIP_PATTERNS:
        if pattern.search(phrase):
            return not pattern.pattern.startswith("^\\d+,") or heading.startswith(SIZE_SECTIONS)
    return False


def phrases(text: str, heading: str = "") -> list[tuple[str, str]]:
    found: list[tuple[str, str]] = []
    seen: set[str] = set()
    for kind, pattern in PATTERNS.items():
        for match in re.finditer(pattern, text):
            phrase = (match.group(1) if match.groups() else match.group(0)).strip()
            if kind == "bold":  # "**Themen:**" is a field label; "**KBDB (…)**" a term
                if phrase.endswith(":"):
                    continue
                phrase = re.sub(r"\s*\([^)]*\)", "", phrase).strip()
            if _skipped(phrase, heading):
                continue
            if phrase and phrase not in seen:
                seen.add(phrase)
                found.append((kind, phrase))
    return found


#: Where a phrase may stand. Catalogue entries reach an answer only when the question names the
#: indicator; guidance and FAQ texts are found by any question, hence ``--guidance-only``.
ALL = (("indicators", "*.yaml"), ("guidance", "*.md"), ("faq", "*.yaml"))
SEARCHED = (("guidance", "*.md"), ("faq", "*.yaml"))


def knowledge_text(root: pathlib.Path, where: tuple[tuple[str, str], ...] = ALL) -> str:
    parts = []
    for sub, glob in where:
        parts += [p.read_text(encoding="utf-8") for p in sorted((root / sub).glob(glob))]
    # YAML folds long lines; fold whitespace so a phrase split over two lines still matches.
    return fold("\n".join(parts))


def audit(notes: str, keys: set[str], corpus: str) -> list[tuple[str, str, str]]:
    missing = []
    for top, heading, body in sections(notes):
        if top not in keys:
            continue
        for kind, phrase in phrases(body, heading):
            if fold(phrase) not in corpus:
                missing.append((heading, kind, phrase))
    return missing


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--notes", type=pathlib.Path, default=NOTES)
    ap.add_argument("--sections", default=DEFAULT_SECTIONS,
                    help="comma-separated keys: 0, A … H, Zählung, Anhang 1 …")
    ap.add_argument("--guidance-only", action="store_true",
                    help="count only guidance and FAQ texts (found by any question), not the catalogue")
    args = ap.parse_args()
    keys = {k.strip() for k in args.sections.split(",")}
    notes = args.notes.read_text(encoding="utf-8")
    corpus = knowledge_text(KNOWLEDGE, SEARCHED if args.guidance_only else ALL)
    total = sum(len(phrases(body, h)) for top, h, body in sections(notes) if top in keys)
    missing = audit(notes, keys, corpus)
    current = None
    for heading, kind, phrase in missing:
        if heading != current:
            print(f"\n[{heading}]")
            current = heading
        print(f"  {kind:9} {phrase}")
    print(f"\nsections {sorted(keys)}: {total - len(missing)} of {total} key phrases stated, "
          f"{len(missing)} missing")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
