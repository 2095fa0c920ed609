#!/usr/bin/env python3
"""Throughput of the German privacy gate vs. Presidio's default analyzer, same sentences, same run.

Presidio's default AnalyzerEngine wants en_core_web_lg, which is not installable here: it runs on a
blank English spaCy pipeline instead (its pattern recognizers are all there; its spaCy NER
recognizer then finds nothing).

The machine is shared, and its load changes from one second to the next: two phases measured one
after the other are not comparable. So both analyzers run in alternating blocks of the same 100
sentences (each side starting every other block), and every figure is CPU time of this process:

* build: the time to build the gate and to redact its first text (the warm-up at build time
  belongs to the build);
* first pass: the first round over the sentences, word caches empty as for the first texts of a
  session;
* warm passes: the later rounds.

For each, the sentences per CPU-second of each side are given as the median over the blocks with
the quartiles, and the ratio Presidio time / Lotse time as the median of the per-block ratios
(quartiles) and as the ratio of the summed times. Per-call latencies (median, p95) come from the
warm passes.

``--against DIR`` adds the gate of another checkout (say, main before a change) and this one's,
each in a worker process, on the same sentences in the same alternation: a before/after figure
under the same load.

Run: python benchmarks/bench_privacy.py [--n 2000] [--rounds 3] [--size 100] [--against DIR]
                                        [--corpus tests/data/privacy/corpus_dev.jsonl]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]

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


def presidio_default() -> Callable[[str], object]:
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


def built(label: str, build: Callable[[], Callable[[str], object]], first: str) -> Callable[[str], object]:
    """Build one side and call it on its first text, printing both CPU times."""
    cpu = time.process_time()
    call = build()
    build_s = time.process_time() - cpu
    cpu = time.process_time()
    call(first)
    print(f"{label:<28} build {build_s:5.2f} CPU-s, first call {(time.process_time() - cpu) * 1000:6.1f} ms CPU")
    return call


def lotse_gate() -> Callable[[str], object]:
    from assistant import egress

    egress.install()
    from assistant.privacy import PrivacyGate
    from assistant.settings import load_settings

    settings = load_settings(paths={"data_dir": tempfile.mkdtemp(prefix="lotse-bench-")})
    return PrivacyGate.from_settings(settings, audit=False).redact


def worker(tree: Path, corpus: Path, n: int) -> None:
    """``--worker``: the gate of the checkout ``tree`` on the same sentences; reads "start end"
    lines, runs those sentences and prints the CPU seconds they took."""
    sys.path.insert(0, str(tree.resolve()))
    items = sentences(corpus, n)
    call = lotse_gate()
    call(FIRST)
    print("ready", flush=True)
    for line in sys.stdin:
        start, end = map(int, line.split())
        cpu = time.process_time()
        for s in items[start:end]:
            call(s)
        print(time.process_time() - cpu, flush=True)


class Remote:
    """A gate in another checkout, run by a worker process (see :func:`worker`)."""

    def __init__(self, tree: Path, corpus: Path, n: int) -> None:
        self.process = subprocess.Popen(
            [sys.executable, str(Path(__file__).resolve()), "--worker", str(tree), "--corpus", str(corpus),
             "--n", str(n)], cwd=tree, stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        if self._read() != "ready":
            raise SystemExit(f"the gate in {tree} did not start")

    def _read(self) -> str:
        assert self.process.stdout is not None
        return self.process.stdout.readline().strip()

    def run(self, start: int, end: int) -> float:
        assert self.process.stdin is not None
        self.process.stdin.write(f"{start} {end}\n")
        self.process.stdin.flush()
        return float(self._read())

    def close(self) -> None:
        assert self.process.stdin is not None
        self.process.stdin.close()
        self.process.wait()


def quartiles(values: list[float]) -> tuple[float, float, float]:
    if len(values) < 2:
        return values[0], values[0], values[0]
    low, median, high = statistics.quantiles(values, n=4)
    return low, median, high


class Alternating:
    """Two calls run over the same blocks of sentences in alternating order; CPU seconds and
    per-call latencies kept per block."""

    def __init__(self, calls: dict[str, Callable[[str], object]], size: int,
                 remote: "dict[str, Remote] | None" = None) -> None:
        self.calls = calls
        self.remote = remote or {}
        self.size = size

    def rounds(self, items: list[str], rounds: int, latencies: bool = False,
               ) -> tuple[dict[str, list[float]], dict[str, list[float]]]:
        labels = list(self.calls) + list(self.remote)
        spent: dict[str, list[float]] = {label: [] for label in labels}
        lat: dict[str, list[float]] = {label: [] for label in self.calls}
        blocks = max(1, len(items) // self.size)
        for r in range(rounds):
            for b in range(blocks):
                chunk = items[b * self.size:(b + 1) * self.size]
                turn = (r * blocks + b) % len(labels)
                for label in labels[turn:] + labels[:turn]:
                    if label in self.remote:
                        spent[label].append(self.remote[label].run(b * self.size, (b + 1) * self.size))
                        continue
                    call = self.calls[label]
                    started = time.process_time()
                    if latencies:
                        for s in chunk:
                            t = time.perf_counter()
                            call(s)
                            lat[label].append(time.perf_counter() - t)
                    else:
                        for s in chunk:
                            call(s)
                    spent[label].append(time.process_time() - started)
        return spent, lat


def report(title: str, spent: dict[str, list[float]], size: int,
           pairs: list[tuple[str, str]]) -> float:
    """Print the figures of one phase; returns the median per-block time ratio of the first pair."""
    print(f"{title} ({len(next(iter(spent.values())))} blocks of {size} sentences, each side):")
    for label, seconds in spent.items():
        low, median, high = quartiles([size / s for s in seconds if s > 0])
        print(f"  {label:<26} median {median:6.0f}/CPU-s   quartiles {low:6.0f} – {high:6.0f}   "
              f"all blocks {size * len(seconds) / sum(seconds):6.0f}/CPU-s")
    first = 0.0
    for theirs, ours in pairs:
        low, median, high = quartiles([t / o for t, o in zip(spent[theirs], spent[ours]) if o > 0])
        print(f"  ratio {theirs} / {ours} time: median {median:.2f}x   quartiles {low:.2f} – {high:.2f}x   "
              f"summed {sum(spent[theirs]) / sum(spent[ours]):.2f}x")
        first = first or median
    return first


FIRST = "Frau Okonkwo-Brandt ruft am Montag wegen der Anmeldung zurück."  # in no corpus


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=2000, help="sentences per round")
    parser.add_argument("--rounds", type=int, default=3, help="warm rounds after the first pass")
    parser.add_argument("--size", type=int, default=100, help="sentences per alternating block")
    parser.add_argument("--corpus", type=Path, default=ROOT / "tests/data/privacy/corpus_dev.jsonl")
    parser.add_argument("--against", type=Path, help="another checkout whose gate runs alongside")
    parser.add_argument("--worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.worker:
        worker(args.worker, args.corpus, args.n)
        return
    sys.path.insert(0, str(ROOT))

    items = sentences(args.corpus, args.n)
    print(f"{len(items)} sentences, mean {statistics.mean(len(s) for s in items):.0f} characters; "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    gate = built("Lotse gate (redact)", lotse_gate, FIRST)
    presidio = built("Presidio default (blank en)", presidio_default, FIRST)
    ours, theirs = "Lotse redact", "Presidio default"
    pairs = [(theirs, ours)]
    remote = {}
    if args.against:  # both checkouts in a worker each: a gate beside Presidio in one process ran
        # ~5% slower than alone (measured), so only worker against worker is a fair before/after
        after, before = "worker: this checkout", "worker: --against"
        remote[after] = Remote(ROOT, args.corpus, args.n)
        remote[before] = Remote(args.against, args.corpus, args.n)
        pairs += [(before, after)]
    bench = Alternating({ours: gate, theirs: presidio}, args.size, remote)

    spent, _ = bench.rounds(items, 1)
    report("first pass", spent, args.size, pairs)
    if args.rounds > 0:
        spent, latencies = bench.rounds(items, args.rounds, latencies=True)
        warm = report(f"warm passes ({args.rounds} rounds)", spent, args.size, pairs)
        for label, lat in latencies.items():
            lat.sort()
            print(f"  {label:<26} latency median {statistics.median(lat) * 1000:.2f} ms, "
                  f"p95 {lat[int(len(lat) * 0.95)] * 1000:.2f} ms (wall)")
        print(f"load average {os.getloadavg()[0]:.1f}; warm ratio (median of blocks) {warm:.2f}x")
    for side in remote.values():
        side.close()


if __name__ == "__main__":
    main()
