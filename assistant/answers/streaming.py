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


_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def _norm(text: str) -> str:
    return " ".join(text.lower().split())


def stop_on_repetition(pieces: Iterable[str], min_words: int = 3) -> Iterator[str]:
    """Pass pieces through until a finished sentence repeats an earlier one, then stop.

    Small base models fall into loops ("Es ist ein Bericht. Es ist ein Bericht. …"); the repeat is
    cut, and closing the source generator ends the generation early. Text streams on at once
    unless the sentence being written so far could still become a repeat.
    """
    seen: set[str] = set()
    text = ""
    done = 0  # text[:done] holds finished, checked sentences
    emitted = 0
    iterator = iter(pieces)
    try:
        for piece in iterator:
            text += piece
            while (m := _SENTENCE_END.search(text, done)) is not None:
                key = _norm(text[done:m.start()])
                if len(key.split()) >= min_words and key in seen:
                    return
                seen.add(key)
                done = m.end()
            pending = _norm(text[done:])
            hold = bool(pending) and any(s.startswith(pending) for s in seen)
            upto = done if hold else len(text)
            if upto > emitted:
                yield text[emitted:upto]
                emitted = upto
        rest = _norm(text[done:])
        if len(text) > emitted and not (len(rest.split()) >= min_words and rest in seen):
            yield text[emitted:]
    finally:
        close = getattr(iterator, "close", None)
        if close:
            close()


# Scripts a German answer never switches into; a small model drifting there has lost the thread.
_FOREIGN_SCRIPT = re.compile(r"[\u0e00-\u0e7f\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")


def stop_on_foreign_script(pieces: Iterable[str]) -> Iterator[str]:
    """Pass pieces through until one contains Thai, Japanese, Chinese or Korean script."""
    iterator = iter(pieces)
    try:
        for piece in iterator:
            match = _FOREIGN_SCRIPT.search(piece)
            if match:
                if piece[: match.start()].strip():
                    yield piece[: match.start()]
                return
            yield piece
    finally:
        close = getattr(iterator, "close", None)
        if close:
            close()
