"""Privacy-gate sessions for the OpenAI-compatible API: one locked vault per conversation.

The OpenAI protocol carries no conversation ID: a client sends the whole history with every
request. A conversation is therefore recognised by what it has said so far. The vault of a turn
is stored under a digest of the history *including* the answer Lotse gave, so the next request,
which repeats that history, finds the same vault: a name keeps its placeholder across turns.

Two people never share a vault unless they sent the very same history (then they already know
every name in it). A history Lotse has not seen (an edited answer, a restarted server) gets a new,
empty vault: placeholders start again, nothing from another conversation can be restored.

The digest is keyed with a secret made at start-up, so a client cannot compute another client's
key. Vaults live in memory only, at most ``capacity`` of them, for ``ttl_s`` seconds.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from collections import OrderedDict
from typing import Generic, Iterable, TypeVar

T = TypeVar("T")


def _normalise(text: str) -> str:
    return " ".join(text.split())


class VaultStore(Generic[T]):
    """Thread-safe map: conversation history -> session object (a service session)."""

    def __init__(self, capacity: int = 1000, ttl_s: float = 8 * 3600) -> None:
        self.capacity = capacity
        self.ttl_s = ttl_s
        self._secret = secrets.token_bytes(32)
        self._items: OrderedDict[str, tuple[float, T]] = OrderedDict()
        self._lock = threading.Lock()

    def key(self, history: Iterable[tuple[str, str]], owner: str = "") -> str:
        """Digest of ``(role, content)`` pairs (whitespace-normalised) and the caller's identity."""
        mac = hmac.new(self._secret, owner.encode("utf-8"), hashlib.sha256)
        for role, content in history:
            mac.update(b"\x1e" + role.encode("utf-8") + b"\x1f" + _normalise(content).encode("utf-8"))
        return mac.hexdigest()

    def get(self, key: str) -> T | None:
        """The vault stored under ``key``, or None (unknown or expired)."""
        now = time.monotonic()
        with self._lock:
            item = self._items.get(key)
            if item is None or now - item[0] > self.ttl_s:
                self._items.pop(key, None)
                return None
            self._items.move_to_end(key)
            return item[1]

    def put(self, key: str, value: T) -> None:
        with self._lock:
            self._items[key] = (time.monotonic(), value)
            self._items.move_to_end(key)
            while len(self._items) > self.capacity:
                self._items.popitem(last=False)

    def __len__(self) -> int:
        with self._lock:
            return len(self._items)
