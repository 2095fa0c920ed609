"""8 concurrent asks against the OpenAI-compatible API for 60 s: throughput, time to first token.

Starts ``lotse serve``'s app in-process on a free loopback port with the configured backend (the
embedded default unless LOTSE_* says otherwise) and a private data folder, then runs N clients in
threads, each sending streamed chat completions one after another. Prints requests/s, p50/p95 time
to first content token, p50/p95 total time and errors. Traffic goes to 127.0.0.1 only.

    python benchmarks/bench_api.py [--clients 8] [--seconds 60]
"""

from __future__ import annotations

import argparse
import os
import socket
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

QUESTIONS = [
    "Wie berechne ich den Anteil der Schulabgänger ohne Hauptschulabschluss?",
    "Was bedeutet ein Punkt in einer Tabelle der Regionaldatenbank?",
    "Ab welcher Fallzahl muss ich Werte sperren?",
    "Welche Daten brauche ich für die Betreuungsquote unter Dreijähriger?",
    "Was ist das Prozess-Kontext-Modell?",
    "Darf ich eine Klassenliste mit Namen in einen Online-Chatbot kopieren?",
    "Wo finde ich Daten zu Schulabschlüssen an beruflichen Schulen?",
    "Was ist ein Bildungsbericht?",
]


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    values = sorted(values)
    return values[min(len(values) - 1, int(round(q * (len(values) - 1))))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()

    import openai
    import uvicorn

    from assistant.service import Lotse
    from assistant.settings import load_settings
    from assistant.web.server import create_app

    data = Path(tempfile.mkdtemp(prefix="lotse-bench-api-"))
    settings = load_settings(paths={"data_dir": data})
    service = Lotse(settings, status=lambda _m: None)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(service), host="127.0.0.1", port=port,
                                           log_level="warning", access_log=False))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.05)
    url = f"http://127.0.0.1:{port}/v1"
    client = openai.OpenAI(base_url=url, api_key="lokal", max_retries=0, timeout=120)
    t0 = time.perf_counter()
    client.chat.completions.create(model="lotse", messages=[{"role": "user", "content": QUESTIONS[0]}])
    print(f"warm-up (index, model): {time.perf_counter() - t0:.1f} s")

    ttft: list[float] = []
    total: list[float] = []
    errors: list[str] = []
    lock = threading.Lock()
    stop_at = time.monotonic() + args.seconds

    def worker(n: int) -> None:
        i = n
        while time.monotonic() < stop_at:
            question = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            start = time.perf_counter()
            first = None
            try:
                stream = client.chat.completions.create(
                    model="lotse", stream=True, messages=[{"role": "user", "content": question}])
                for chunk in stream:
                    if first is None and chunk.choices and chunk.choices[0].delta.content:
                        first = time.perf_counter() - start
                with lock:
                    ttft.append(first if first is not None else float("nan"))
                    total.append(time.perf_counter() - start)
            except Exception as exc:  # noqa: BLE001 - counted and printed
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}")

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(args.clients)]
    began = time.perf_counter()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    elapsed = time.perf_counter() - began
    server.should_exit = True
    print(f"clients: {args.clients}, duration: {elapsed:.1f} s, completed: {len(total)}, "
          f"errors: {len(errors)}")
    print(f"throughput: {len(total) / elapsed:.2f} answers/s")
    print(f"time to first token: p50 {pct(ttft, 0.5):.2f} s, p95 {pct(ttft, 0.95):.2f} s")
    print(f"total per answer:    p50 {pct(total, 0.5):.2f} s, p95 {pct(total, 0.95):.2f} s")
    for e in errors[:5]:
        print("  error:", e)


if __name__ == "__main__":
    os.environ.setdefault("LOTSE_DEBUG", "0")
    main()
