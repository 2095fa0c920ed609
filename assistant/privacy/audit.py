"""Audit log of the privacy gate in SQLite: what was done, never to what.

Each row holds the time, the action (e.g. ``redact_text``, ``check_table``), entity types with
their counts, the rule applied, and a free detail text that callers must keep free of original
values (types, counts, column *names* of the user's table at most). ``record`` refuses values that
look like they carry content, as a second line of defence.
"""

from __future__ import annotations

import json
import sqlite3
import threading
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Mapping

SCHEMA = """
CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    at TEXT NOT NULL,
    action TEXT NOT NULL,
    entity_counts TEXT NOT NULL,
    rule TEXT,
    detail TEXT
)
"""

_MAX_FIELD = 500


@dataclass(frozen=True)
class AuditEntry:
    at: str
    action: str
    entity_counts: dict[str, int]
    rule: str | None
    detail: str | None


class AuditLog:
    def __init__(self, path: Path) -> None:
        self.path = path
        path.parent.mkdir(parents=True, exist_ok=True)
        self._lock = threading.Lock()
        with self._connect() as db:
            db.execute(SCHEMA)

    def _connect(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=10)

    def record(self, action: str, entity_counts: Mapping[str, int] | None = None,
               rule: str | None = None, detail: str | None = None) -> None:
        counts = {str(k): int(v) for k, v in (entity_counts or {}).items()}
        for text in (action, rule, detail):
            if text is not None and len(text) > _MAX_FIELD:
                raise ValueError("audit fields are short descriptions, not content")
        row = (datetime.now(timezone.utc).isoformat(timespec="seconds"), action,
               json.dumps(counts, sort_keys=True), rule, detail)
        with self._lock, self._connect() as db:
            db.execute("INSERT INTO audit (at, action, entity_counts, rule, detail) "
                       "VALUES (?, ?, ?, ?, ?)", row)

    def entries(self, limit: int = 100) -> list[AuditEntry]:
        with self._connect() as db:
            rows = db.execute("SELECT at, action, entity_counts, rule, detail FROM audit "
                              "ORDER BY id DESC LIMIT ?", (limit,)).fetchall()
        return [AuditEntry(at, action, json.loads(counts), rule, detail)
                for at, action, counts, rule, detail in rows]


def audit_path(data_dir: Path) -> Path:
    return data_dir / "audit.sqlite"
