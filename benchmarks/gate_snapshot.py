#!/usr/bin/env python3
"""Every span the text gate finds on the repo's privacy corpora and GermEval dev, saved or compared.

A speed change to the gate must not change what it finds. This script runs the gate over

* every text of ``tests/data/privacy*/corpus*.jsonl``, each in a fresh session (``redact``);
* the same texts one after another in ONE session (names seen earlier are propagated later);
* the GermEval 2014 dev sentences (if the file is there), each in a fresh session;
* long documents (a whole corpus file joined), so the gate's windows and their overlaps are used;

and writes (type, start, end, score, placeholder) of every entity to a JSON file, or compares a
run with such a file and prints every difference (exit status 1 if there is one). The gate is built
as the application builds it (``PrivacyGate.from_settings``, its warm-up included), so a warm-up
that left anything behind in the sessions would show as differences too.

Run: python benchmarks/gate_snapshot.py --save /tmp/gate-before.json
     python benchmarks/gate_snapshot.py --compare /tmp/gate-before.json
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

GERMEVAL_DEV = Path("/work/shared/data/germeval2014/NER-de-dev.tsv")


def corpus_texts() -> list[tuple[str, str]]:
    out = []
    for path in sorted(ROOT.glob("tests/data/privacy*/corpus*.jsonl")):
        for n, line in enumerate(path.open(encoding="utf-8")):
            if line.strip():
                out.append((f"{path.parent.name}/{path.name}:{n}", json.loads(line)["text"]))
    return out


def germeval_texts(path: Path) -> list[tuple[str, str]]:
    if not path.is_file():
        print(f"GermEval dev not found at {path}: skipped", file=sys.stderr)
        return []
    from scripts.privacy_evaluation import read_germeval

    return [(f"germeval:{s.index}", s.text_and_offsets()[0]) for s in read_germeval(path)]


def long_texts(texts: list[tuple[str, str]]) -> list[tuple[str, str]]:
    by_file: dict[str, list[str]] = {}
    for key, text in texts:
        by_file.setdefault(key.split(":")[0], []).append(text)
    return [(f"long:{name}", "\n\n".join(parts)) for name, parts in sorted(by_file.items())]


def entities(redaction) -> list[list]:  # noqa: ANN001 - a gate Redaction
    return [[e.type, e.start, e.end, round(e.score, 6), e.placeholder] for e in redaction.entities]


def snapshot(germeval: Path) -> dict[str, list[list]]:
    from assistant import egress

    egress.install()
    from assistant.privacy import PrivacyGate
    from assistant.settings import load_settings

    settings = load_settings(paths={"data_dir": tempfile.mkdtemp(prefix="lotse-snapshot-")})
    gate = PrivacyGate.from_settings(settings, audit=False)
    corpus = corpus_texts()
    out: dict[str, list[list]] = {}
    for key, text in corpus + germeval_texts(germeval) + long_texts(corpus):
        out[key] = entities(gate.new_session().redact(text))
    session = gate.new_session()
    for key, text in corpus:
        out["session:" + key] = entities(session.redact(text))
    return out


def compare(old: dict[str, list[list]], new: dict[str, list[list]]) -> int:
    differences = 0
    for key in sorted(set(old) | set(new)):
        # (type, start, end, score): placeholders are numbered in order of appearance across a
        # session, so one changed span renumbers every later one of its type
        a = {tuple(e[:4]) for e in old.get(key, [])}
        b = {tuple(e[:4]) for e in new.get(key, [])}
        if key not in old or key not in new:
            print(f"{key}: only in {'new' if key not in old else 'old'} run")
            differences += 1
            continue
        for e in sorted(a - b):
            print(f"{key}: lost {e}")
            differences += 1
        for e in sorted(b - a):
            print(f"{key}: new  {e}")
            differences += 1
    return differences


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group(required=True)
    group.add_argument("--save", type=Path)
    group.add_argument("--compare", type=Path)
    parser.add_argument("--germeval", type=Path, default=GERMEVAL_DEV)
    args = parser.parse_args()
    started = time.process_time()
    snap = snapshot(args.germeval)
    n_spans = sum(len(v) for v in snap.values())
    print(f"{len(snap)} texts, {n_spans} spans, {time.process_time() - started:.1f} CPU-s")
    if args.save:
        args.save.write_text(json.dumps(snap, ensure_ascii=False), encoding="utf-8")
        print(f"saved to {args.save}")
        return
    differences = compare(json.loads(args.compare.read_text(encoding="utf-8")), snap)
    print(f"{differences} differences")
    sys.exit(1 if differences else 0)


if __name__ == "__main__":
    main()
