"""What comes back from a sandbox run: capped streams and the framed result channel.

The harness (``harness/harness.py``, ``harness/harness.R``) writes, per input set, a line
``i status nbytes`` and ``nbytes`` of payload (a text/number column mask, then the table as UTF-8
CSV) to a pipe that the snippet's prints never reach. Before each set it prints ``<<lotse-set i>>``
to stdout and stderr, so the captured text can be split per set.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import pandas as pd

_MARKER = re.compile(r"^<<lotse-set (\d+)>>\n?", re.MULTILINE)


class Capped:
    """Keeps the first ``limit`` bytes of a stream and counts the rest."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.buffer = bytearray()
        self.dropped = 0

    def feed(self, chunk: bytes) -> None:
        room = self.limit - len(self.buffer)
        self.buffer += chunk[:room]
        self.dropped += max(0, len(chunk) - room)

    @property
    def seen(self) -> int:
        return len(self.buffer) + self.dropped

    @property
    def truncated(self) -> bool:
        return self.dropped > 0

    def text(self) -> str:
        text = self.buffer.decode("utf-8", "replace")
        return text + (f"\n[… {self.dropped} Bytes gekürzt]" if self.dropped else "")


@dataclass(frozen=True)
class Frame:
    status: int
    payload: bytes


def read_frames(data: bytes) -> dict[int, Frame]:
    """Complete frames by set index; a frame cut off by the size cap is left out."""
    frames: dict[int, Frame] = {}
    pos = 0
    while pos < len(data):
        end = data.find(b"\n", pos)
        if end < 0:
            break
        try:
            index, status, size = (int(x) for x in data[pos:end].split())
        except ValueError:
            break
        payload = data[end + 1:end + 1 + size]
        if len(payload) < size:
            break
        frames[index] = Frame(status, payload)
        pos = end + 1 + size
    return frames


def split_sets(text: str, count: int) -> list[str]:
    """Text per set (what came before the first marker goes to set 0)."""
    parts = [""] * count
    current, last = 0, 0
    for match in _MARKER.finditer(text):
        parts[current] += text[last:match.start()]
        index = int(match.group(1))
        current = index if 0 <= index < count else current
        last = match.end()
    parts[current] += text[last:]
    return parts


def parse_table(payload: bytes) -> tuple[pd.DataFrame | None, str | None]:
    """The harness's mask + CSV as a DataFrame: text columns stay text ("01001"), empty is missing."""
    import pandas as pd

    text = payload.decode("utf-8", "replace")
    mask_line, _, body = text.partition("\n")
    if not body.strip():
        return None, "Das Programm hat eine leere Tabelle ohne Spalten als 'ergebnis' geliefert."
    try:
        header = pd.read_csv(io.StringIO(body), nrows=0).columns
        dtypes = {col: str for col, flag in zip(header, mask_line.split(",")) if flag == "1"}
        frame = pd.read_csv(io.StringIO(body), dtype=dtypes, keep_default_na=False, na_values=[""])
    except (ValueError, pd.errors.ParserError) as exc:
        return None, f"Das Ergebnis des Programms ließ sich nicht lesen: {exc}"
    return frame, None
