"""OpenAI-compatible backend for on-premise servers (vLLM, llama.cpp server, Ollama).

Only loopback or hosts listed in ``network.allowed_hosts`` are accepted; the egress guard enforces
the same rule at socket level.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Iterator, cast
from urllib.parse import urlparse

from assistant import egress
from assistant.errors import ModelError
from assistant.llm.base import Completion, GenerationOptions, Message, collect
from assistant.llm.profiles import ModelProfile

if TYPE_CHECKING:
    from openai import Stream
    from openai.types.chat import ChatCompletionChunk, ChatCompletionMessageParam


def check_server_url(base_url: str | None) -> str:
    if not base_url:
        raise ModelError(
            "Für das Backend 'openai_compat' fehlt die Server-Adresse.",
            "Tragen Sie llm.base_url ein, z. B. http://127.0.0.1:8080/v1.",
        )
    parsed = urlparse(base_url)
    if parsed.scheme not in ("http", "https") or not parsed.hostname:
        raise ModelError(
            f"'{base_url}' ist keine gültige Server-Adresse.",
            "Erwartet wird z. B. http://127.0.0.1:8080/v1.",
        )
    if not egress.is_allowed(parsed.hostname):
        raise ModelError(
            f"Der Server '{parsed.hostname}' ist nicht freigegeben: Lotse spricht nur mit diesem "
            "Rechner und ausdrücklich erlaubten Hosts.",
            f"Wenn '{parsed.hostname}' ein Server Ihrer Kommune ist, tragen Sie ihn unter "
            "[network] allowed_hosts in lotse.toml ein.",
        )
    return base_url


class OpenAICompatBackend:
    def __init__(self, base_url: str | None, profile: ModelProfile, *, api_key: str = "lokal",
                 timeout: float = 120.0) -> None:
        self.base_url = check_server_url(base_url)
        self._profile = profile
        from openai import OpenAI

        self._client = OpenAI(base_url=self.base_url, api_key=api_key, timeout=timeout,
                              max_retries=0)

    @property
    def name(self) -> str:
        return self._profile.id

    @property
    def profile(self) -> ModelProfile:
        return self._profile

    def _kwargs(self, options: GenerationOptions, legacy_json: bool = False) -> dict[str, Any]:
        kwargs: dict[str, Any] = {"max_tokens": options.max_tokens,
                                  "temperature": options.temperature}
        if options.stop:
            kwargs["stop"] = list(options.stop)
        if options.seed is not None:
            kwargs["seed"] = options.seed
        if options.json_schema is not None:
            kwargs["response_format"] = (
                {"type": "json_object", "schema": options.json_schema} if legacy_json else
                {"type": "json_schema",
                 "json_schema": {"name": "antwort", "schema": options.json_schema, "strict": True}})
        return kwargs

    def stream(self, messages: list[Message], options: GenerationOptions) -> Iterator[str]:
        """Stream the answer. JSON-schema output is asked for in OpenAI's ``json_schema`` form
        (vLLM, llama.cpp's C++ server); a server that only knows ``json_object`` with a ``schema``
        (llama-cpp-python's server) rejects that before any text (400, 422, or 500 as measured
        with llama_cpp.server 0.3.36), and the request is repeated in that form."""
        import openai

        rejected = (openai.BadRequestError, openai.UnprocessableEntityError,
                    openai.InternalServerError)
        try:
            yield from self._stream(messages, options, legacy_json=False)
        except rejected as exc:
            if options.json_schema is None:
                raise self._status_error(exc.status_code) from None
            try:
                yield from self._stream(messages, options, legacy_json=True)
            except rejected as again:
                raise self._status_error(again.status_code) from None

    def _status_error(self, status: int) -> ModelError:
        return ModelError(f"Der Modellserver unter {self.base_url} meldet Fehler {status}.",
                          "Prüfen Sie llm.model_name und die Protokolle des Servers.")

    def _stream(self, messages: list[Message], options: GenerationOptions,
                legacy_json: bool) -> Iterator[str]:
        import openai

        try:
            response = self._client.chat.completions.create(
                model=self._profile.id,
                messages=[_message_param(m) for m in messages],
                stream=True, **self._kwargs(options, legacy_json),
            )
            # stream=True always returns a Stream; the options passed as **kwargs keep mypy from
            # picking that overload of create()
            chunks = cast("Stream[ChatCompletionChunk]", response)
            for chunk in chunks:
                if chunk.choices and chunk.choices[0].delta.content:
                    yield chunk.choices[0].delta.content
        except openai.APIConnectionError as exc:
            blocked = egress.blocked_in(exc)
            if blocked is not None:
                raise blocked from None
            raise ModelError(
                f"Der Modellserver unter {self.base_url} ist nicht erreichbar ({exc.__cause__ or exc}).",
                "Prüfen Sie, ob der Server läuft und llm.base_url stimmt.",
            ) from None
        except (openai.BadRequestError, openai.UnprocessableEntityError,
                openai.InternalServerError):
            raise  # handled by stream(): maybe retried in the json_object form
        except openai.APIStatusError as exc:
            raise self._status_error(exc.status_code) from None

    def complete(self, messages: list[Message], options: GenerationOptions) -> Completion:
        return collect(self, messages, options)


def _message_param(message: Message) -> ChatCompletionMessageParam:
    """The OpenAI chat message for ``message`` (one TypedDict per role)."""
    if message.role == "system":
        return {"role": "system", "content": message.content}
    if message.role == "assistant":
        return {"role": "assistant", "content": message.content}
    return {"role": "user", "content": message.content}
