"""The privacy gate for text: find personal data, replace it by session placeholders, restore them.

>>> gate = PrivacyGate.from_settings(settings)        # one instance = one session
>>> red = gate.redact("Lea Schmidt (geb. 03.05.2011) fehlt.")
>>> red.text
'<PERSON_1> (geb. <DATE_OF_BIRTH_1>) fehlt.'
>>> gate.restore("Bitte <PERSON_1> anrufen.")
'Bitte Lea Schmidt anrufen.'

Fail closed: whatever goes wrong while analysing raises :class:`~assistant.errors.PrivacyError`;
no text leaves this class unchecked. Every redaction is written to the audit log as entity types
and counts; the originals stay in this object's memory.
"""

from __future__ import annotations

import logging
import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Iterator

from assistant.errors import LotseError, PrivacyError
from assistant.privacy.audit import AuditLog, audit_path
from assistant.privacy.names import GREETING_WORDS
from assistant.privacy.pseudonyms import PseudonymMap, name_words
from assistant.privacy.text.identifiers import record_row_ids, repeated_identifiers
from assistant.privacy.text.name_columns import column_names
from assistant.privacy.text.particles import with_particles
from assistant.privacy.text.propagate import PROPAGATED_SCORE, propagate
from assistant.privacy.text.recognizers.timetable import SUBJECT_SET
from assistant.privacy.text.spans import TYPE_PRIORITY, DisjointSpans, glued_to_number, split_covered
from assistant.privacy.text.structure import structural_spans

if TYPE_CHECKING:
    from assistant.privacy.names import NameLexicon
    from assistant.settings import Settings

log = logging.getLogger(__name__)

_HINT = ("Es wurde nichts an ein Sprachmodell gesendet. Versuchen Sie es erneut; bleibt der Fehler, "
         "prüfen Sie die Installation mit 'lotse doctor'.")


@dataclass(frozen=True)
class Entity:
    type: str
    start: int  # offsets into the ORIGINAL text
    end: int
    score: float
    placeholder: str

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "start": self.start, "end": self.end,
                "score": round(self.score, 3), "placeholder": self.placeholder}


@dataclass(frozen=True)
class Redaction:
    text: str
    original_length: int
    entities: list[Entity] = field(default_factory=list)

    @property
    def counts(self) -> dict[str, int]:
        return dict(Counter(e.type for e in self.entities))


def _chunks(text: str, size: int, overlap: int) -> Iterator[tuple[int, int, int]]:
    """(window start, keep from, keep to): windows end at a line break where possible."""
    pos = 0
    while pos < len(text):
        end = min(len(text), pos + size)
        if end < len(text):
            cut = text.rfind("\n", pos + size // 2, end)
            if cut < 0:
                cut = text.rfind(" ", pos + size // 2, end)
            end = cut + 1 if cut >= 0 else end
        yield max(0, pos - overlap), pos, end
        pos = end


#: How many lines open a block (title, header): they are repeated in front of every later window.
_HEAD_LINES = 3


def _window_context(text: str, window: int, overlap: int) -> tuple[int, str]:
    """Where a window should start (a line start, if one is near) and the opening lines of the
    block it falls in when that block began in an earlier window: a long table keeps its header,
    so its birth-date and pupil-number columns stay recognisable in every window."""
    line_start = text.rfind("\n", 0, window) + 1
    if window - line_start > 4 * overlap:
        line_start = window
    gap = text.rfind("\n\n", 0, line_start)
    block_start = 0 if gap < 0 else gap + 2
    if block_start >= line_start:
        return line_start, ""
    head_end = block_start
    for _ in range(_HEAD_LINES):
        nxt = text.find("\n", head_end, line_start)
        if nxt < 0:
            break
        head_end = nxt + 1
    return line_start, text[block_start:head_end]


#: What a longer person finding may add in front of a shorter one it absorbs: one given name.
_GIVEN_NAME_BEFORE = re.compile(r"[A-ZÀ-Ý][a-zà-ÿ'’-]+ ")


#: Words that open a message in front of a name and are no given names ("Hey Frank", "Liebe Aylin"):
#: the note recognizer's greetings and a few more that open chat messages.
_GREETING = re.compile(rf"(?:{GREETING_WORDS}|hallöchen|grüß|danke|ciao|salut|dear)", re.IGNORECASE)


def _absorb(text: str, found: list[tuple[str, int, int, float]],
            lexicon: NameLexicon) -> list[tuple[str, int, int, float]]:
    """A person finding that another one extends by a given name in front is absorbed by it, and
    the longer one takes the higher score: one recognizer's "Traoré" inside another's "Amara
    Traoré" leaves the whole name (other containments keep the higher-scored span). A greeting or
    an ordinary word that is no listed given name in front ("Hey Frank", "mein Mann Andrij") is no
    given name; "Rosa" in front of "Fernández López" is one."""
    out: list[tuple[str, int, int, float]] = []
    for kind, start, end, score in sorted(found, key=lambda f: (f[0], f[1], -f[2])):
        last = out[-1] if out else None
        if (last is not None and kind == "PERSON" and last[0] == kind and end == last[2]
                and _GIVEN_NAME_BEFORE.fullmatch(text, last[1], start)
                and not _not_a_given_name(text[last[1]:start].strip(), lexicon)):
            out[-1] = (kind, last[1], last[2], max(last[3], score))
        else:
            out.append((kind, start, end, score))
    return out


def _not_a_given_name(word: str, lexicon: NameLexicon) -> bool:
    # a subject is no given name either ("Bio Stein": a lesson)
    return bool(_GREETING.fullmatch(word)) or (
        (lexicon.is_common(word) or word in SUBJECT_SET) and not lexicon.is_first_name(word))


def _resolve(text: str, found: list[tuple[str, int, int, float]],
             lexicon: NameLexicon) -> list[tuple[str, int, int, float]]:
    """Keep the best of overlapping findings (O(n log n)).

    1. A birth date glued to a longer number is none ("4711203.05.2011").
    2. A finding inside a longer one of another type loses to it (:func:`split_covered`): the
       phone number that covers a digit run wins over the pupil number or date read inside it.
    3. Of the rest, higher score wins, then the type priority (:data:`TYPE_PRIORITY`: e-mail,
       IBAN, tax ID, phone, address, birth date, pupil number, person), then the longer span.
    Covered findings are tried last and kept where nothing else was kept, so no character that a
    dropped longer finding held is left unredacted.
    """
    if len(found) > 1:
        found = _absorb(text, found, lexicon)
    found = [f for f in found if not (f[0] == "DATE_OF_BIRTH" and glued_to_number(text, f[1], f[2]))]
    if len(found) < 2:
        return found  # nothing to absorb, cover or overlap (most sentences)
    uncovered, covered = split_covered(found)

    def rank(f: tuple[str, int, int, float]) -> tuple[float, int, int, int]:
        return -f[3], -TYPE_PRIORITY.get(f[0], 0), -(f[2] - f[1]), f[1]

    kept_spans = DisjointSpans()
    kept: list[tuple[str, int, int, float]] = []
    for item in sorted(uncovered, key=rank) + sorted(covered, key=rank):
        _, start, end, _ = item
        if kept_spans.free(start, end):
            kept_spans.add(start, end)
            kept.append(item)
    return sorted(kept, key=lambda f: f[1])


def _warm_up(analyzer: Any) -> None:
    """The whole gate once over the engine's warm-up texts, in a session of its own that is then
    dropped. The first text of a process took 100-180 ms of CPU instead of ~3 ms (imports, the
    e-mail suffix list and patterns built at first use; measured), now paid once at build time."""
    from assistant.privacy.text.engine import WARM_UP_TEXTS

    session = PrivacyGate(analyzer, None)
    for text in WARM_UP_TEXTS:
        session.analyze(text)


class PrivacyGate:
    def __init__(self, analyzer: Any, audit: AuditLog | None, *,
                 score_threshold: float = 0.4, chunk_chars: int = 20_000, overlap_chars: int = 300,
                 max_chars: int = 12_000_000, pseudonyms: PseudonymMap | None = None) -> None:
        """``pseudonyms``: the session's placeholder map, shared with the table gate so one person
        gets one placeholder in the texts and tables of a session (a new map if omitted)."""
        from assistant.privacy.names import load_lexicon

        self._analyzer = analyzer
        self._audit = audit
        self._lexicon = load_lexicon()
        self._map = PseudonymMap() if pseudonyms is None else pseudonyms
        self.score_threshold = score_threshold
        self.chunk_chars = chunk_chars
        self.overlap_chars = overlap_chars
        self.max_chars = max_chars

    def __repr__(self) -> str:
        return f"PrivacyGate(threshold={self.score_threshold}, {self._map!r})"

    @classmethod
    def from_settings(cls, settings: "Settings", *, audit: bool = True,
                      pseudonyms: PseudonymMap | None = None) -> "PrivacyGate":
        from assistant.privacy.text.engine import get_analyzer

        try:
            analyzer = get_analyzer(ner=settings.privacy.ner_person, warm_up=_warm_up)
            log_ = AuditLog(audit_path(settings.paths.data_dir)) if audit else None
        except LotseError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure means: the gate cannot run
            log.error("privacy gate could not be built: %s", type(exc).__name__)
            raise PrivacyError(
                f"Der Datenschutzfilter konnte nicht gestartet werden ({type(exc).__name__}).",
                _HINT) from exc
        p = settings.privacy
        return cls(analyzer, log_, score_threshold=p.score_threshold,
                   chunk_chars=p.chunk_chars, max_chars=p.max_input_chars, pseudonyms=pseudonyms)

    @property
    def pseudonyms(self) -> PseudonymMap:
        """This session's placeholder map (hand it to the table gate to share placeholders)."""
        return self._map

    def new_session(self) -> "PrivacyGate":
        """A gate with its own, empty placeholder mapping on the same analyzer and audit log."""
        return PrivacyGate(self._analyzer, self._audit, score_threshold=self.score_threshold,
                           chunk_chars=self.chunk_chars, overlap_chars=self.overlap_chars,
                           max_chars=self.max_chars)

    # -- analysis ------------------------------------------------------------------------------

    def analyze(self, text: str, progress: Callable[[int, int], None] | None = None,
                ) -> list[tuple[str, int, int, float]]:
        """(type, start, end, score) of everything to redact, non-overlapping, sorted.

        ``progress(done_chars, total_chars)`` is called after every window of a long text.
        """
        found = _resolve(text, self._windows(text, progress), self._lexicon)
        found += self._propagated(text, found)
        structural = structural_spans(text, found)
        found += structural
        columns = column_names(text, found, self._lexicon)
        found += columns
        if any(kind == "PERSON" for kind, *_ in structural + columns):  # "Korte / Brandt ... Brandt rief an"
            found += self._propagated(text, found)
        found += record_row_ids(text, found)
        found = with_particles(text, found, self._lexicon)
        return found + repeated_identifiers(text, found)

    def _windows(self, text: str, progress: Callable[[int, int], None] | None,
                 ) -> list[tuple[str, int, int, float]]:
        """The analyzer's findings, window by window (:func:`_chunks`), each window with the
        opening lines of its block in front (:func:`_window_context`)."""
        if 0 < len(text) <= self.chunk_chars:
            # One window, the whole text and no head (what _chunks and _window_context give for
            # it), without their bookkeeping: most texts are this short.
            if progress is not None:
                progress(0, len(text))
            return [(r.entity_type, r.start, r.end, float(r.score))
                    for r in self._analyzer.analyze(text, language="de", score_threshold=self.score_threshold)
                    if 0 <= r.start < len(text)]
        found: list[tuple[str, int, int, float]] = []
        for window, keep_from, keep_to in _chunks(text, self.chunk_chars, self.overlap_chars):
            if progress is not None:
                progress(keep_from, len(text))
            window, head = _window_context(text, window, self.overlap_chars)
            piece = head + text[window:keep_to + self.overlap_chars]
            for r in self._analyzer.analyze(piece, language="de",
                                            score_threshold=self.score_threshold):
                if r.start < len(head):
                    continue
                start, end = r.start - len(head) + window, r.end - len(head) + window
                if keep_from <= start < keep_to:
                    found.append((r.entity_type, start, end, float(r.score)))
        return found

    def _propagated(self, text: str, found: list[tuple[str, int, int, float]]) -> list[tuple[str, int, int, float]]:
        here: set[str] = set()
        for kind, start, end, _ in found:
            if kind == "PERSON":
                here |= name_words(text[start:end])
        spans = propagate(text, self._map.known_name_words(), [(s, e) for _, s, e, _ in found],
                          self._lexicon, here)
        return [("PERSON", s, e, PROPAGATED_SCORE) for s, e in spans]

    # -- public API ----------------------------------------------------------------------------

    def redact(self, text: str, progress: Callable[[int, int], None] | None = None) -> Redaction:
        if not isinstance(text, str):
            raise PrivacyError("Der Datenschutzfilter erwartet Text.",
                               "Lesen Sie Dateien zuerst als Text ein (z. B. mit 'lotse anonymize DATEI').")
        if len(text) > self.max_chars:
            raise PrivacyError(
                f"Der Text ist mit {len(text):,} Zeichen zu lang für den Datenschutzfilter "
                f"(höchstens {self.max_chars:,}).".replace(",", "."),
                "Teilen Sie den Text in mehrere Dateien auf.")
        if not text.strip():
            return Redaction(text, len(text), [])
        try:
            found = sorted(self.analyze(text, progress), key=lambda f: f[1])
            entities = [Entity(kind, s, e, score, self._map.placeholder(kind, text[s:e]))
                        for kind, s, e, score in found]
            anonymized = self._anonymize(text, entities)
        except LotseError:
            raise
        except Exception as exc:  # noqa: BLE001 - fail closed
            log.error("privacy gate failed: %s", type(exc).__name__)
            raise PrivacyError(
                f"Der Datenschutzfilter ist bei der Prüfung des Textes gescheitert "
                f"({type(exc).__name__}).", _HINT) from None
        redaction = Redaction(anonymized, len(text), entities)
        self._record(redaction)
        return redaction

    @staticmethod
    def _anonymize(text: str, entities: list[Entity]) -> str:
        """Splice placeholders in (entities are sorted and never overlap).

        Presidio's AnonymizerEngine did the same at ~120 µs per call (measured), which alone cost
        a fifth of the throughput; its conflict handling is not needed after :func:`_resolve`.
        """
        parts, pos = [], 0
        for e in entities:
            parts.append(text[pos:e.start])
            parts.append(e.placeholder)
            pos = e.end
        parts.append(text[pos:])
        return "".join(parts)

    def _record(self, redaction: Redaction) -> None:
        if self._audit is None and not log.isEnabledFor(logging.INFO):
            return  # nothing to write the counts to
        counts = redaction.counts
        log.info("redacted %d entities %s in %d chars", len(redaction.entities), counts,
                 redaction.original_length)
        if self._audit is None:
            return
        try:
            self._audit.record("redact_text", counts, rule=f"presidio-de score>={self.score_threshold}",
                               detail=f"chars={redaction.original_length}")
        except Exception as exc:  # noqa: BLE001 - an unaudited redaction must not go out
            raise PrivacyError("Das Prüfprotokoll des Datenschutzfilters ist nicht beschreibbar.",
                               "Prüfen Sie Speicherplatz und Rechte des Datenordners (lotse doctor).") from exc

    def restore(self, model_output: str) -> str:
        """Put this session's originals back in place of their placeholders."""
        return self._map.restore(model_output)
