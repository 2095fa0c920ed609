"""The annotated privacy corpus is consistent with its marked-up source and meets its minimums."""

import json
import subprocess
import sys
from collections import Counter

from assistant import PROJECT_ROOT

DATA = PROJECT_ROOT / "tests" / "data" / "privacy"
TYPES = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE",
         "DE_TAX_ID", "STUDENT_ID"}


def test_jsonl_is_rebuilt_from_source_without_errors():
    out = subprocess.run([sys.executable, str(DATA / "build_corpus.py"), "--check"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr


def test_test_split_meets_minimums_and_offsets_are_exact():
    rows = [json.loads(line) for line in (DATA / "corpus_test.jsonl").read_text().splitlines()]
    assert len(rows) >= 200
    assert sum(1 for r in rows if not r["entities"]) >= 40
    counts = Counter()
    for r in rows:
        for e in r["entities"]:
            assert r["text"][e["start"]:e["end"]] == e["text"]
            counts[e["type"]] += 1
    assert set(counts) == TYPES
    assert min(counts.values()) >= 30


def test_second_held_out_split_is_complete():
    rows = [json.loads(line) for line in (DATA / "corpus_test2.jsonl").read_text().splitlines()]
    assert len(rows) >= 150 and sum(1 for r in rows if not r["entities"]) >= 30
    counts = Counter(e["type"] for r in rows for e in r["entities"])
    assert set(counts) == TYPES and min(counts.values()) >= 25
