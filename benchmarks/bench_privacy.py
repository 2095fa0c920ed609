#!/usr/bin/env python3
"""Throughput of the German privacy gate vs. Presidio's default analyzer, same sentences, same run.

Prints sentences/s and median latency per call. Presidio's default AnalyzerEngine wants
en_core_web_lg, which is not installable here: it runs on a blank English spaCy pipeline instead
(its pattern recognizers are all there; its spaCy NER recognizer then finds nothing).

The machine is shared, and the load changes from one phase of the run to the next: the ratio of
two phases measured one after the other drifts with it. The last figure therefore alternates the
two analyzers in blocks of the same sentences (each side starting every other block), so both
run under the same load; it sums the CPU time of each side over all blocks.

Run: python benchmarks/bench_privacy.py [--n 2000] [--rounds 3] [--blocks 40] [--corpus tests/data/privacy/corpus_dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

FALLBACK = [
    "Die Schülerin Lea Schmidt, geb. 03.05.2011, wohnt in der Hauptstraße 12, 45127 Essen.",
    "Bitte rufen Sie Frau Yılmaz unter 0201 1234567 oder per Mail an ayse.yilmaz@example.de zurück.",
    "Im Schuljahr 2023/24 besuchten 1.234 Kinder eine Kita in Essen.",
    "IBAN DE89 3704 0044 0532 0130 00, Steuer-ID 86095742719, Schülernummer 2023-04711.",
    "Die Übergangsquote auf das Gymnasium lag 2022 bei 41,3 Prozent.",
]


def sentences(corpus: Path | None, n: int) -> list[str]:
    pool: list[str] = []
    if corpus and corpus.is_file():
        for line in corpus.open(encoding="utf-8"):
            text = json.loads(line)["text"]
            pool += [s.strip() for s in re.split(r"(?<=[.!?])\s+|\n", text) if len(s.strip()) > 15]
    pool = pool or FALLBACK
    return [pool[i % len(pool)] for i in range(n)]


def _one_pass(call, items: list[str]) -> tuple[float, float, list[float]]:
    latencies = []
    cpu_started = time.process_time()
    started = time.perf_counter()
    for s in items:
        t = time.perf_counter()
        call(s)
        latencies.append(time.perf_counter() - t)
    return time.perf_counter() - started, time.process_time() - cpu_started, latencies


def measure(label: str, call, items: list[str], rounds: int) -> tuple[float, float]:
    """(first pass, median of the later passes) in sentences per CPU-second.

    The first pass is cold (word caches empty, as for the first texts of a session); the later
    passes show the steady state. Both are printed; the machine is shared, so rounds vary.
    """
    wall, cpu, latencies = _one_pass(call, items)
    first = len(items) / cpu
    print(f"{label:<42} first pass {len(items) / wall:>6.0f}/s wall {first:>6.0f}/CPU-s   "
          f"median {statistics.median(latencies) * 1000:.2f} ms")
    rates = []
    for _ in range(rounds):
        wall, cpu, latencies = _one_pass(call, items)
        rates.append(len(items) / cpu)
        print(f"{'':<42} warm pass  {len(items) / wall:>6.0f}/s wall {rates[-1]:>6.0f}/CPU-s   "
              f"median {statistics.median(latencies) * 1000:.2f} ms   "
              f"p95 {sorted(latencies)[int(len(latencies) * 0.95)] * 1000:.2f} ms")
    return first, statistics.median(rates)


def interleaved(ours, theirs, items: list[str], blocks: int, size: int = 100) -> tuple[float, float]:
    """CPU seconds per sentence of ``ours`` and ``theirs``, run in alternating blocks."""
    spent = [0.0, 0.0]
    calls = (ours, theirs)
    for b in range(blocks):
        chunk = [items[(b * size + i) % len(items)] for i in range(size)]
        for side in ((0, 1) if b % 2 == 0 else (1, 0)):
            started = time.process_time()
            for s in chunk:
                calls[side](s)
            spent[side] += time.process_time() - started
    return spent[0] / (blocks * size), spent[1] / (blocks * size)


def presidio_default():
    import spacy
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import SpacyNlpEngine

    class BlankEnglish(SpacyNlpEngine):
        def load(self) -> None:
            nlp = spacy.blank("en")
            nlp.add_pipe("sentencizer")
            self.nlp = {"en": nlp}

    engine = BlankEnglish(models=[{"lang_code": "en", "model_name": "blank-en"}])
    engine.load()
    analyzer = AnalyzerEngine(nlp_engine=engine, supported_languages=["en"])
    return lambda s: analyzer.analyze(s, language="en")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--n", type=int, default=2000)
    parser.add_argument("--rounds", type=int, default=3, help="warm passes after the first")
    parser.add_argument("--blocks", type=int, default=40,
                        help="alternating blocks of 100 sentences for the interleaved ratio")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests/data/privacy/corpus_dev.jsonl")
    args = parser.parse_args()

    from assistant import egress

    egress.install()
    from assistant.privacy import PrivacyGate
    from assistant.settings import load_settings

    items = sentences(args.corpus, args.n)
    print(f"{len(items)} sentences, mean {statistics.mean(len(s) for s in items):.0f} characters")
    settings = load_settings(paths={"data_dir": tempfile.mkdtemp(prefix="lotse-bench-")})
    gate = PrivacyGate.from_settings(settings, audit=False)
    ours_analyze = measure("Lotse gate, analyze only", gate.analyze, items, args.rounds)
    ours = measure("Lotse gate, redact (analyze+placeholders)", gate.redact, items, args.rounds)
    presidio = presidio_default()
    default = measure("Presidio default analyzer (blank en)", presidio, items, args.rounds)
    print(f"load average: {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores (other load slows wall time)")
    print(f"ratio (CPU time) Lotse redact / Presidio default: warm {ours[1] / default[1]:.2f}x, "
          f"first pass {ours[0] / default[0]:.2f}x (analyze only warm: {ours_analyze[1] / default[1]:.2f}x)")
    if args.blocks > 0:
        lotse_s, presidio_s = interleaved(gate.redact, presidio, items, args.blocks)
        print(f"interleaved, {args.blocks} blocks of 100 sentences: Lotse redact {1 / lotse_s:.0f}/CPU-s, "
              f"Presidio default {1 / presidio_s:.0f}/CPU-s, ratio {presidio_s / lotse_s:.2f}x")


if __name__ == "__main__":
    main()
