"""OpenAI-compatible API under ``/v1``: Lotse as a privacy-gated, grounded "model".

``GET /v1/models`` lists one model, ``lotse``. ``POST /v1/chat/completions`` (streaming and not)
answers the last user message with the service's ``ask``: the question passes the privacy gate
of the conversation's vault (see :mod:`assistant.web.vault`), the answer comes back with its
citations as a numbered source list and placeholders restored. If the gate fails, the request is
refused; nothing is passed on raw. Request and response bodies are never logged.
"""

from __future__ import annotations

import json
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Iterator

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, StreamingResponse

from assistant.errors import InputError, LotseError, PrivacyError
from assistant.web.vault import VaultStore

if TYPE_CHECKING:
    from assistant.service import Lotse

MODEL_ID = "lotse"


@dataclass
class Conversation:
    """One vault: a service session (own privacy-gate pseudonyms) and a lock for its turns."""

    session: "Lotse"
    lock: threading.Lock = field(default_factory=threading.Lock)


def error_response(status: int, message: str, kind: str, code: str | None = None) -> JSONResponse:
    """An error in OpenAI's shape: ``{"error": {"message", "type", "param", "code"}}``."""
    return JSONResponse(status_code=status,
                        content={"error": {"message": message, "type": kind, "param": None,
                                           "code": code}})


def _text(content: Any) -> str:
    """Message content as text: a string, or OpenAI's list of parts (text parts only)."""
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(part.get("text", "") for part in content
                         if isinstance(part, dict) and part.get("type") == "text")
    return ""


def sources_block(citations: list[Any]) -> str:
    """The numbered source list appended to every answer."""
    if not citations:
        return ""
    return "\n\nQuellen:\n" + "\n".join(c.label() for c in citations)


class ChatAPI:
    """The ``/v1`` routes over one service; ``work_lock`` serialises model and index use."""

    def __init__(self, service: "Lotse", work_lock: threading.Lock) -> None:
        self.service = service
        self.work_lock = work_lock
        self.vaults: VaultStore[Conversation] = VaultStore()
        self.router = APIRouter(prefix="/v1")
        self.router.add_api_route("/models", self.models, methods=["GET"])
        self.router.add_api_route("/chat/completions", self.chat_completions, methods=["POST"])

    def models(self) -> dict[str, Any]:
        return {"object": "list",
                "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "lotse"}]}

    async def chat_completions(self, request: Request) -> Any:
        try:
            body = await request.json()
        except ValueError:
            return error_response(400, "Der Anfragekörper ist kein gültiges JSON.",
                                  "invalid_request_error")
        messages = body.get("messages") if isinstance(body, dict) else None
        if not isinstance(messages, list) or not messages:
            return error_response(400, "Die Anfrage enthält keine Nachrichten ('messages').",
                                  "invalid_request_error", "messages_missing")
        turns = [(str(m.get("role", "")), _text(m.get("content"))) for m in messages
                 if isinstance(m, dict)]
        last = max((i for i, (role, _) in enumerate(turns) if role == "user"), default=None)
        if last is None or not turns[last][1].strip():
            return error_response(400, "Die letzte Nutzernachricht fehlt oder ist leer.",
                                  "invalid_request_error", "question_missing")
        question = turns[last][1]
        owner = request.headers.get("authorization", "") + "\x00" + str(body.get("user", ""))
        history = [t for t in turns[:last] if t[0] in ("user", "assistant")]
        conversation = self.vaults.get(self.vaults.key(history, owner))
        if conversation is None:
            conversation = Conversation(self.service.session())
        completion_id = "chatcmpl-" + uuid.uuid4().hex
        created = int(time.time())

        def remember(answer_text: str) -> None:
            turn = history + [("user", question), ("assistant", answer_text)]
            self.vaults.put(self.vaults.key(turn, owner), conversation)

        if body.get("stream"):
            return StreamingResponse(
                self._stream(conversation, question, completion_id, created, remember),
                media_type="text/event-stream")
        try:
            text = "".join(self._answer(conversation, question))
        except LotseError as exc:
            return _lotse_error(exc)
        remember(text)
        return {"id": completion_id, "object": "chat.completion", "created": created,
                "model": MODEL_ID,
                "choices": [{"index": 0, "finish_reason": "stop",
                             "message": {"role": "assistant", "content": text}}],
                "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0}}

    def _answer(self, conversation: Conversation, question: str) -> Iterator[str]:
        """Answer pieces with placeholders restored, then warnings and the source list."""
        shown: list[str] = []
        with conversation.lock, self.work_lock:
            stream = conversation.session.ask(question)
            for piece in stream:
                shown.append(piece)
                yield piece
            answer = stream.answer
        text = "".join(shown)
        for warning in answer.warnings:
            if warning not in text:
                yield f"\n\n[Hinweis: {warning}]"
        yield sources_block(answer.citations)

    def _stream(self, conversation: Conversation, question: str, completion_id: str,
                created: int, remember: Any) -> Iterator[str]:
        def chunk(delta: dict[str, str], finish: str | None = None) -> str:
            payload = {"id": completion_id, "object": "chat.completion.chunk", "created": created,
                       "model": MODEL_ID,
                       "choices": [{"index": 0, "delta": delta, "finish_reason": finish}]}
            return "data: " + json.dumps(payload, ensure_ascii=False) + "\n\n"

        yield chunk({"role": "assistant"})
        parts: list[str] = []
        try:
            for piece in self._answer(conversation, question):
                if piece:
                    parts.append(piece)
                    yield chunk({"content": piece})
        except LotseError as exc:
            kind, _ = _classify(exc)
            yield "data: " + json.dumps({"error": {"message": str(exc), "type": kind,
                                                   "param": None, "code": None}},
                                        ensure_ascii=False) + "\n\n"
            yield "data: [DONE]\n\n"
            return
        remember("".join(parts))
        yield chunk({}, "stop")
        yield "data: [DONE]\n\n"


def _classify(exc: LotseError) -> tuple[str, int]:
    if isinstance(exc, PrivacyError):
        return "privacy_gate_error", 503
    if isinstance(exc, InputError):
        return "invalid_request_error", 400
    return "lotse_error", 500


def _lotse_error(exc: LotseError) -> JSONResponse:
    kind, status = _classify(exc)
    return error_response(status, str(exc), kind)
