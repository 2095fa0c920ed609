"""Generation speed through Lotse's backend vs raw ``llama_cpp.Llama`` (same model, same prompts).

Runs are interleaved (raw, lotse, raw, lotse, …) with a different question each round, so neither
side profits from the other's cache. Prints tokens/s, time to first token and the ratio
Lotse/raw (target ≥ 0.95). Then measures 1 vs 2 threads while the other core is busy, and
llama.cpp's reuse of a repeated system-prompt prefix (the RAM prompt cache is off by default).

    python benchmarks/bench_llm.py [--rounds 6] [--tokens 64]
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import statistics
import tempfile
import time
from pathlib import Path

from assistant.llm import GenerationOptions, Message
from assistant.llm.base import collect
from assistant.llm.embedded import embedded_model_path
from assistant.llm.llama_cpp_backend import LlamaCppBackend
from assistant.llm.profiles import EMBEDDED

QUESTIONS = [
    "Was ist ein Bildungsbericht?", "Wozu dient ein Bildungsbüro?", "Was misst die Betreuungsquote?",
    "Was ist eine Kita?", "Was bedeutet Schulabschluss?", "Wer nutzt Bildungsdaten?",
    "Was ist eine Übergangsquote?", "Warum gibt es Stichtage?", "Was ist Weiterbildung?",
    "Wie entsteht ein Indikator?", "Was ist eine Volkshochschule?", "Was macht ein Schulamt?",
]


def raw_run(llama, question: str, tokens: int) -> tuple[float, float, int]:
    started = time.perf_counter()
    first = None
    count = 0
    for chunk in llama.create_chat_completion(
            messages=[{"role": "user", "content": question}], stream=True, max_tokens=tokens,
            temperature=0.0, seed=1):
        if chunk["choices"][0]["delta"].get("content"):
            count += 1
            first = first or time.perf_counter() - started
    total = time.perf_counter() - started
    return first or total, total, count


def lotse_run(backend: LlamaCppBackend, question: str, tokens: int) -> tuple[float, float, int]:
    c = collect(backend, [Message("user", question)],
                GenerationOptions(max_tokens=tokens, temperature=0.0, seed=1))
    return c.first_token_seconds or c.seconds, c.seconds, c.completion_tokens


def rate(ttft: float, total: float, count: int) -> float:
    return (count - 1) / (total - ttft) if count > 1 and total > ttft else float("nan")


def busy(stop_at: float) -> None:
    x = 0
    while time.time() < stop_at:
        x += 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=6)
    parser.add_argument("--tokens", type=int, default=64)
    args = parser.parse_args()
    from llama_cpp import Llama

    gguf = embedded_model_path(Path(tempfile.gettempdir()) / "lotse-bench-models")
    print(f"model: {gguf.name}, rounds: {args.rounds}, max_tokens: {args.tokens}")
    for threads in (1, 2):
        raw = Llama(model_path=str(gguf), n_ctx=4096, n_threads=threads, n_threads_batch=threads,
                    chat_format="gemma", verbose=False)
        backend = LlamaCppBackend(gguf, EMBEDDED, n_threads=threads, status=lambda _: None)
        _ = backend.llama  # load outside the timing
        raw_rates, lotse_rates, raw_ttft, lotse_ttft = [], [], [], []
        for i in range(args.rounds):
            q = QUESTIONS[i % len(QUESTIONS)]
            t, total, n = raw_run(raw, q, args.tokens)
            raw_rates.append(rate(t, total, n))
            raw_ttft.append(t)
            t, total, n = lotse_run(backend, q, args.tokens)
            lotse_rates.append(rate(t, total, n))
            lotse_ttft.append(t)
        r, l = statistics.median(raw_rates), statistics.median(lotse_rates)
        rt, lt = statistics.median(raw_ttft), statistics.median(lotse_ttft)
        print(f"[{threads} thread(s), idle] raw {r:6.1f} tok/s ttft {rt*1000:6.0f} ms | "
              f"lotse {l:6.1f} tok/s ttft {lt*1000:6.0f} ms | ratio tok/s {l/r:.3f}, "
              f"ttft raw/lotse {rt/lt:.3f}")
        # Same measurement while the other core is busy.
        stop_at = time.time() + 600
        hog = mp.Process(target=busy, args=(stop_at,), daemon=True)
        hog.start()
        try:
            loaded = [rate(*lotse_run(backend, QUESTIONS[(i + 5) % len(QUESTIONS)], args.tokens))
                      for i in range(max(3, args.rounds // 2))]
        finally:
            hog.terminate()
        print(f"[{threads} thread(s), other core busy] lotse {statistics.median(loaded):6.1f} tok/s")
        del raw, backend

    backend = LlamaCppBackend(gguf, EMBEDDED, n_threads=1, status=lambda _: None)
    system = ("Du bist Lotse, ein Assistent für das kommunale Bildungsmonitoring. " * 20).strip()
    firsts = []
    for q in QUESTIONS[:4]:
        started = time.perf_counter()
        next(iter(backend.stream([Message("system", system), Message("user", q)],
                                 GenerationOptions(max_tokens=2, temperature=0.0))))
        firsts.append(time.perf_counter() - started)
    print(f"prefix reuse: ttft with a ~300-token system prompt, first call {firsts[0]*1000:.0f} ms, "
          f"later calls (same prefix) median {statistics.median(firsts[1:])*1000:.0f} ms")


if __name__ == "__main__":
    main()
