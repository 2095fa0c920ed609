"""llama-cpp-python backend: a GGUF model on this machine.

The model loads once, lazily, on first use, with a status line on stderr. llama.cpp reuses the KV
state of the longest common prefix with the previous call, so a repeated system prompt is not
evaluated again; an extra RAM prompt cache is opt-in (``llm.prompt_cache_mb``).
"""

from __future__ import annotations

import sys
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator

from assistant.errors import ModelError
from assistant.llm.base import Completion, GenerationOptions, Message, collect
from assistant.llm.profiles import ModelProfile

GGUF_MAGIC = b"GGUF"


def check_gguf(path: Path) -> None:
    """Fail with a German sentence unless ``path`` looks like a readable GGUF file."""
    if not path.exists():
        raise ModelError(
            f"Die Modelldatei '{path}' gibt es nicht.",
            "Prüfen Sie llm.model_path in lotse.toml oder lassen Sie den Eintrag weg, "
            "um das eingebaute Modell zu nutzen.",
        )
    if path.is_dir():
        raise ModelError(
            f"'{path}' ist ein Ordner, keine GGUF-Datei.",
            "Tragen Sie unter llm.model_path den Pfad der .gguf-Datei selbst ein.",
        )
    try:
        with path.open("rb") as fh:
            magic = fh.read(4)
    except OSError as exc:
        raise ModelError(f"Die Modelldatei '{path}' ist nicht lesbar ({exc.strerror}).",
                         "Prüfen Sie die Dateirechte.") from None
    if magic != GGUF_MAGIC:
        raise ModelError(
            f"'{path}' ist keine GGUF-Modelldatei (beschädigt oder falsches Format).",
            "Laden Sie die Datei erneut herunter oder wählen Sie eine andere .gguf-Datei.",
        )


class LlamaCppBackend:
    def __init__(self, model_path: Path, profile: ModelProfile, *, n_threads: int = 1,
                 n_ctx: int | None = None, prompt_cache_mb: int = 0,
                 status: Callable[[str], None] | None = None) -> None:
        check_gguf(model_path)
        self.model_path = model_path
        self._profile = profile
        self.n_threads = n_threads
        self.n_ctx = n_ctx or profile.n_ctx
        self.prompt_cache_mb = prompt_cache_mb
        self._status = status or (lambda msg: print(msg, file=sys.stderr, flush=True))
        self._llama: Any = None
        self._lock = threading.Lock()
        self.load_seconds: float | None = None

    @property
    def name(self) -> str:
        return self._profile.id

    @property
    def profile(self) -> ModelProfile:
        return self._profile

    @property
    def llama(self) -> Any:
        """The loaded ``llama_cpp.Llama`` (loaded on first access)."""
        with self._lock:
            if self._llama is None:
                self._llama = self._load()
            return self._llama

    def _load(self) -> Any:
        size_mb = self.model_path.stat().st_size / 1e6
        self._status(f"Lade Sprachmodell {self.model_path.name} ({size_mb:.0f} MB) …")
        started = time.perf_counter()
        try:
            from llama_cpp import Llama, LlamaRAMCache
        except ImportError as exc:  # pragma: no cover - depends on installation
            raise ModelError(
                f"llama-cpp-python ist nicht installiert ({exc}).",
                "Installieren Sie Lotse neu mit: pip install -e .",
            ) from None
        try:
            llama = Llama(
                model_path=str(self.model_path), n_ctx=self.n_ctx, n_threads=self.n_threads,
                n_threads_batch=self.n_threads, chat_format=self._profile.chat_format,
                verbose=False,
            )
        except (ValueError, RuntimeError, OSError) as exc:
            raise ModelError(
                f"Das Modell '{self.model_path.name}' ließ sich nicht laden ({exc}).",
                "Die Datei ist vermutlich beschädigt oder zu neu für diese llama.cpp-Version; "
                "prüfen Sie sie mit 'lotse doctor'.",
            ) from None
        if self.prompt_cache_mb:
            llama.set_cache(LlamaRAMCache(capacity_bytes=self.prompt_cache_mb << 20))
        self.load_seconds = time.perf_counter() - started
        self._status(f"Sprachmodell bereit ({self.load_seconds:.1f} s, {self.n_threads} Thread(s)).")
        return llama

    def _kwargs(self, options: GenerationOptions) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "max_tokens": options.max_tokens,
            "temperature": options.temperature,
            "stop": list(options.stop) or None,
        }
        if options.seed is not None:
            kwargs["seed"] = options.seed
        if options.repeat_penalty is not None:
            kwargs["repeat_penalty"] = options.repeat_penalty
        if options.json_schema is not None:
            kwargs["response_format"] = {"type": "json_object", "schema": options.json_schema}
        return kwargs

    def _chat_messages(self, messages: list[Message]) -> list[dict[str, str]]:
        """Messages for llama.cpp. Its ``gemma`` format silently drops system messages (Gemma
        has no system role), so their text goes in front of the first user turn instead."""
        out = [{"role": m.role, "content": m.content} for m in messages]
        if self._profile.chat_format == "gemma":
            system = "\n\n".join(m["content"] for m in out if m["role"] == "system")
            out = [m for m in out if m["role"] != "system"]
            if system and out and out[0]["role"] == "user":
                out[0] = {"role": "user", "content": f"{system}\n\n{out[0]['content']}"}
        return out

    def stream(self, messages: list[Message], options: GenerationOptions) -> Iterator[str]:
        llama = self.llama
        chunks = llama.create_chat_completion(
            messages=self._chat_messages(messages),
            stream=True, **self._kwargs(options),
        )
        for chunk in chunks:
            piece = chunk["choices"][0]["delta"].get("content")
            if piece:
                yield piece

    def complete(self, messages: list[Message], options: GenerationOptions) -> Completion:
        return collect(self, messages, options)
