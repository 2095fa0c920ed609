"""Reversible placeholders for one session: ``<PERSON_1>``, ``<EMAIL_ADDRESS_2>`` ...

The same person keeps one placeholder across mentions and turns: "Lea Schmidt", later "Schmidt",
"Frau Schmidt", "LEA SCHMIDT" and "Lea" all become ``<PERSON_1>`` (a mention whose name words are a
subset of a known person's, or a superset that extends it). Other types are keyed by their value
without spaces and case. The mapping lives in this object only: it is never logged or stored.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import AbstractSet

from assistant.privacy.names import fold

PLACEHOLDER_RE = re.compile(r"<\s*([A-Za-z]+(?:_[A-Za-z]+)*)_(\d+)\s*>|\b([A-Z]+(?:_[A-Z]+)*)_(\d+)\b")
_NAME_WORD = re.compile(r"[^\W\d_]{2,}(?:['’\-][^\W\d_]+)*")
_BLANKS = re.compile(r"\s+")
_NOT_NAME_WORDS = {"herr", "herrn", "frau", "dr", "prof", "von", "van", "vom", "zu", "der", "den",
                   "de", "di", "da", "del", "la", "le", "ten", "ter", "al", "el", "bin", "ibn"}


def name_words(mention: str) -> frozenset[str]:
    return frozenset(w for w in (fold(m.group()) for m in _NAME_WORD.finditer(mention))
                     if w not in _NOT_NAME_WORDS)


@dataclass
class _Person:
    placeholder: str
    words: set[str]
    display: str
    last_seen: int = 0


@dataclass
class PseudonymMap:
    _persons: list[_Person] = field(default_factory=list)
    _by_word: dict[str, list[_Person]] = field(default_factory=dict)
    _by_value: dict[tuple[str, str], str] = field(default_factory=dict)
    _originals: dict[str, str] = field(default_factory=dict)
    _counters: dict[str, int] = field(default_factory=dict)
    _clock: int = 0

    def __repr__(self) -> str:  # never show the originals, e.g. in a traceback or a log
        return f"PseudonymMap({len(self._originals)} placeholders)"

    def _new(self, entity_type: str, original: str) -> str:
        self._counters[entity_type] = self._counters.get(entity_type, 0) + 1
        placeholder = f"<{entity_type}_{self._counters[entity_type]}>"
        self._originals[placeholder] = original
        return placeholder

    def placeholder(self, entity_type: str, original: str) -> str:
        self._clock += 1
        if entity_type == "PERSON":
            return self._person(original)
        key = (entity_type, _BLANKS.sub("", original).casefold())
        if key not in self._by_value:
            self._by_value[key] = self._new(entity_type, original)
        return self._by_value[key]

    def _person(self, mention: str) -> str:
        words = set(name_words(mention))
        if not words:
            words = {fold(mention.strip())}
        nearby = {id(p): p for w in words for p in self._by_word.get(w, ())}.values()
        candidates = [p for p in nearby if words <= p.words or p.words <= words]
        if candidates:
            person = max(candidates, key=lambda p: (len(words & p.words), p.last_seen))
            if not words <= person.words:  # "Lea" first, "Lea Schmidt" later: same person
                for word in words - person.words:
                    self._by_word.setdefault(word, []).append(person)
                person.words |= words
                person.display = mention
                self._originals[person.placeholder] = mention
        else:
            person = _Person(self._new("PERSON", mention), words, mention)
            self._persons.append(person)
            for word in words:
                self._by_word.setdefault(word, []).append(person)
        person.last_seen = self._clock
        return person.placeholder

    def known_name_words(self) -> AbstractSet[str]:
        """Every name word of this session's persons (a live view, not a copy)."""
        return self._by_word.keys()

    def restore(self, text: str) -> str:
        def swap(match: re.Match[str]) -> str:
            kind = (match.group(1) or match.group(3)).upper()
            number = match.group(2) or match.group(4)
            return self._originals.get(f"<{kind}_{number}>", match.group(0))

        return PLACEHOLDER_RE.sub(swap, text)

    def __len__(self) -> int:
        return len(self._originals)
