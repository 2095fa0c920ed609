"""Time to first answer piece of a full ``ask`` on the embedded model (target ≤ 2 s).

The embedded model has the ``base`` profile, so the answer is extractive: privacy gate, hybrid
retrieval, sentence selection. Prints the first call in a fresh process (gate and index open
lazily) and the median of later calls.

    python benchmarks/bench_ask.py [--data-dir DIR]
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time

from assistant.service import Lotse
from assistant.settings import load_settings

QUESTIONS = [
    "Wie berechne ich die Betreuungsquote der unter Dreijährigen?",
    "Ab welcher Fallzahl darf ich Werte veröffentlichen?",
    "Was ist der Unterschied zwischen Anonymisierung und Pseudonymisierung?",
    "Welche Stichtage hat die Kita-Statistik?",
    "Wie baue ich ein Bildungsmonitoring schrittweise auf?",
    "Was bedeutet Typ III im DKBM-Kompass?",
    "Wie lese ich eine Tabelle der Regionaldatenbank?",
    "Was ist eine Quotensumme?",
    "Welche Daten gehören nicht in ein externes KI-Werkzeug?",
    "Wie schreibe ich einen kommunalen Bildungsbericht?",
    "Was ist der Unterschied zwischen Kern- und Ergänzungsindikatoren?",
    "Wer ist am Bildungsmanagement beteiligt?",
]


def first_piece(lotse: Lotse, question: str) -> tuple[float, float]:
    started = time.perf_counter()
    stream = lotse.ask(question)
    first = None
    for _ in stream:
        first = first or time.perf_counter() - started
    return first or float("nan"), time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", default=None)
    args = parser.parse_args()
    data_dir = args.data_dir or tempfile.mkdtemp(prefix="lotse-bench-ask-")
    settings = load_settings(paths={"data_dir": data_dir})
    started = time.perf_counter()
    lotse = Lotse(settings, status=lambda _: None)
    lotse.index.ensure_knowledge()  # first-run indexing of knowledge/, measured on its own
    print(f"open index (first run in {data_dir}): {time.perf_counter() - started:.1f} s")
    ttft, total = first_piece(lotse, QUESTIONS[0])
    print(f"first ask in process: first piece {ttft*1000:.0f} ms, complete {total*1000:.0f} ms "
          f"(model: {lotse.backend.name}, profile {lotse.backend.profile.kind})")
    firsts, totals = [], []
    for q in QUESTIONS[1:]:  # each question once: no cached query vectors
        t, total = first_piece(lotse, q)
        firsts.append(t)
        totals.append(total)
    print(f"later asks ({len(firsts)}): first piece median {statistics.median(firsts)*1000:.0f} ms, "
          f"max {max(firsts)*1000:.0f} ms; complete median {statistics.median(totals)*1000:.0f} ms")


if __name__ == "__main__":
    main()
