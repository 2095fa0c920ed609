"""Restore pseudonym placeholders in a streamed answer.

A placeholder such as ``<PERSON_1>`` may arrive split over several pieces (``<PER``, ``SON_1>``).
:func:`restore_stream` holds back text from an opening ``<`` until the placeholder is complete
(or clearly is none), then hands the text to ``restore``.
"""

from __future__ import annotations

import re
from typing import Callable, Iterable, Iterator

_PARTIAL = re.compile(r"<[A-Z_]{0,24}\d{0,6}$")


def restore_stream(pieces: Iterable[str], restore: Callable[[str], str]) -> Iterator[str]:
    pending = ""
    for piece in pieces:
        pending += piece
        cut = pending.rfind("<")
        if cut != -1 and _PARTIAL.match(pending[cut:]):
            ready, pending = pending[:cut], pending[cut:]
        else:
            ready, pending = pending, ""
        if ready:
            yield restore(ready)
    if pending:
        yield restore(pending)
