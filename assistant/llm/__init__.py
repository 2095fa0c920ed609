"""Language-model backends behind one protocol (:class:`~assistant.llm.base.LLMBackend`).

Importing this package is cheap; each backend imports its heavy library when it is built.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any, Callable

from assistant.errors import ModelError
from assistant.llm.base import Completion, GenerationOptions, LLMBackend, Message
from assistant.llm.profiles import EMBEDDED, ModelProfile, profile_for_file, profile_for_server

if TYPE_CHECKING:
    from assistant.settings import Settings

__all__ = [
    "Completion", "GenerationOptions", "LLMBackend", "Message", "ModelProfile",
    "ActiveModel", "active_model", "create_backend", "local_profile", "options_from",
]


def options_from(settings: "Settings", **changes: Any) -> GenerationOptions:
    """Generation options from the ``llm`` settings, with per-call changes (``GenerationOptions``
    fields by name; an unknown name raises ``TypeError``)."""
    base = GenerationOptions(max_tokens=settings.llm.max_tokens, temperature=settings.llm.temperature)
    return replace(base, **changes)


def create_backend(settings: "Settings", status: Callable[[str], None] | None = None) -> LLMBackend:
    """The configured backend; nothing is loaded until the first generation."""
    llm = settings.llm
    if llm.backend == "fake":
        from assistant.llm.fake import FakeBackend

        return FakeBackend(kind=llm.profile or "instruct")
    if llm.backend == "openai_compat":
        from assistant.llm.openai_backend import OpenAICompatBackend

        if not llm.model_name:
            raise ModelError(
                "Für das Backend 'openai_compat' fehlt der Modellname.",
                "Tragen Sie llm.model_name ein (so, wie der Server das Modell nennt).",
            )
        profile = profile_for_server(llm.model_name, llm.profile, llm.n_ctx)
        return OpenAICompatBackend(llm.base_url, profile, api_key=llm.api_key,
                                   timeout=llm.request_timeout)
    from assistant.llm.llama_cpp_backend import LlamaCppBackend

    if llm.model_path:
        path = llm.model_path.expanduser()
    else:
        from assistant.llm.embedded import embedded_model_path

        path = embedded_model_path(settings.paths.models_cache, status=status)
    return LlamaCppBackend(path, local_profile(settings), n_threads=llm.n_threads, n_ctx=llm.n_ctx,
                           prompt_cache_mb=llm.prompt_cache_mb, status=status)


def local_profile(settings: "Settings") -> ModelProfile:
    """Profile of the llama.cpp model the settings name (a GGUF path or the embedded model),
    without touching any file; ``lotse models`` shows what :func:`create_backend` will use."""
    llm = settings.llm
    if llm.model_path:
        return profile_for_file(llm.model_path.expanduser(), llm.profile, llm.chat_format, llm.n_ctx)
    return EMBEDDED if llm.profile in (None, "base") else replace(EMBEDDED, kind=llm.profile)


@dataclass(frozen=True)
class ActiveModel:
    """What :func:`create_backend` will use, described without loading or contacting anything."""

    backend: str
    model: str
    profile: str
    server: str | None = None
    path: str | None = None

    def as_dict(self) -> dict[str, str]:
        data = {"backend": self.backend, "model": self.model, "server": self.server,
                "path": self.path, "profile": self.profile}
        return {k: v for k, v in data.items() if v is not None}


def active_model(settings: "Settings") -> ActiveModel:
    """The configured model, following the same switch as :func:`create_backend`."""
    llm = settings.llm
    if llm.backend == "openai_compat":
        return ActiveModel(llm.backend, llm.model_name or "", llm.profile or "instruct",
                           server=llm.base_url)
    if llm.backend == "fake":
        return ActiveModel("fake", "fake", llm.profile or "instruct")
    profile = local_profile(settings)
    return ActiveModel(llm.backend, profile.id, profile.kind,
                       path=str(llm.model_path) if llm.model_path else "eingebaut (pip-Paket)")
