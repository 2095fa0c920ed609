#!/usr/bin/env python3
"""Extract Latin-script first names and surnames from Faker's person providers (MIT licence).

Writes ``assistant/privacy/data/faker_first_names.txt.gz`` and ``faker_surnames.txt.gz``: one
NFC-normalised name per line, sorted. Only locales relevant to the pupil population of German cities
(and large European neighbours) are read; names with any non-Latin letter are dropped, nothing is
transliterated. Our own curated lists live in ``data/curated/`` and are read at run time as they are.

Run: python scripts/build_name_lists.py  (deterministic; re-run after upgrading Faker)
"""

from __future__ import annotations

import gzip
import importlib
import unicodedata
from pathlib import Path

import faker

DATA = Path(__file__).resolve().parents[1] / "assistant" / "privacy" / "data"

LOCALES = [
    "de_DE", "de_AT", "de_CH", "de_LI", "de_LU", "tr_TR", "pl_PL", "ro_RO", "it_IT", "vi_VN",
    "hr_HR", "cs_CZ", "sk_SK", "sl_SI", "hu_HU", "pt_PT", "pt_BR", "es_ES", "fr_FR", "nl_NL",
    "nl_BE", "en_US", "en_GB", "en_IE", "az_AZ", "uz_UZ", "lt_LT", "lv_LV", "da_DK", "sv_SE",
    "no_NO", "fi_FI", "sw", "yo_NG", "ig_NG", "ha_NG", "tw_GH",
]
PARTICLES = {"de", "da", "di", "del", "della", "van", "von", "der", "den", "le", "la", "du", "dos",
             "das", "ten", "ter", "zu", "y", "e"}


def is_latin(name: str) -> bool:
    for ch in name:
        if ch.isalpha() and not unicodedata.name(ch, "").startswith("LATIN"):
            return False
    return True


def collect(provider: type, kind: str) -> set[str]:
    names: set[str] = set()
    for attr in dir(provider):
        if attr.startswith("_") or attr == "language_names":
            continue
        is_first = "first_name" in attr or attr == "middle_names"
        is_last = "last_name" in attr
        if (kind == "first" and not is_first) or (kind == "last" and not is_last):
            continue
        value = getattr(provider, attr)
        if isinstance(value, (list, tuple, dict)):
            names.update(v for v in value if isinstance(v, str))
    return names


def clean(names: set[str]) -> list[str]:
    out: set[str] = set()
    for raw in names:
        name = unicodedata.normalize("NFC", raw.strip())
        if not name or not is_latin(name) or name in ("Doe",):
            continue
        for part in name.replace("-", " ").split() if " " in name else [name]:
            if len(part) >= 2 and part.lower() not in PARTICLES:
                out.add(part)
    return sorted(out)


def main() -> None:
    first: set[str] = set()
    last: set[str] = set()
    for locale in LOCALES:
        provider = importlib.import_module(f"faker.providers.person.{locale}").Provider
        first |= collect(provider, "first")
        last |= collect(provider, "last")
    for kind, names in (("first_names", first), ("surnames", last)):
        rows = clean(names)
        path = DATA / f"faker_{kind}.txt.gz"
        with gzip.GzipFile(path, "wb", mtime=0) as fh:
            fh.write(("\n".join(rows) + "\n").encode("utf-8"))
        print(f"{path.name}: {len(rows)} names (Faker {faker.VERSION})")


if __name__ == "__main__":
    main()
