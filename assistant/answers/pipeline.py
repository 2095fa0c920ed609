"""``ask``: question -> privacy gate -> retrieval -> answer -> citations -> placeholders restored.

The question is anonymised first and only the anonymised text is used for search and prompts.
If the gate cannot run, nothing happens (fail closed). The answer streams: iterate over an
:class:`AnswerStream` for text pieces, then read ``.answer`` (or call ``.result()``).

Two answer modes behind the same interface: extractive (sentences copied from the passages, each
cited) and generative (instruct model via ``prompts/ask.yaml``; an answer without a valid ``[n]``,
with an invalid one, or one that :mod:`assistant.answers.faithfulness` finds not supported by
its sources falls back to the extractive answer with a German warning; generated text is shown
only after these checks).
"""

from __future__ import annotations

import logging
import re
from dataclasses import replace
from typing import Any, Callable, Iterator, Protocol, Sequence

from assistant.answers import faithfulness
from assistant.errors import PrivacyError
from assistant.answers import citations
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.generative import GenerativeAnswerer
from assistant.answers.models import Answer
from assistant.answers.compose import Gathered, extractive_pieces, gather, join_pieces
from assistant.answers.faq import FaqMatcher
from assistant.retrieval.models import Focus, Passage

log = logging.getLogger(__name__)
EXTRACTIVE_MODEL = "extractive"
FAQ_MODEL = "faq"

NO_PASSAGES = ("Zu dieser Frage habe ich in den eingelesenen Dokumenten nichts gefunden. "
               "Lesen Sie passende Unterlagen mit 'lotse ingest DATEI' ein oder formulieren Sie "
               "die Frage anders.")
NO_SENTENCES = ("Die gefundenen Abschnitte beantworten die Frage nicht direkt; sehen Sie sich "
                "die Quellen unten an.")
FALLBACK_WARNING = ("Die Antwort des Sprachmodells belegte ihre Aussagen nicht mit gültigen "
                    "Quellennummern; angezeigt werden stattdessen die passenden Sätze aus den "
                    "Quellen.")
UNFAITHFUL_WARNING = ("Die Antwort des Sprachmodells war nicht durch die Quellen gedeckt ({}); "
                      "angezeigt werden stattdessen die passenden Sätze aus den Quellen.")


class Redaction(Protocol):
    @property
    def text(self) -> str: ...  # read-only: the privacy gate's Redaction is a frozen dataclass


class Gate(Protocol):
    def redact(self, text: str) -> Redaction: ...

    def restore(self, text: str) -> str: ...


class Retriever(Protocol):
    def retrieve(self, question: str, k: int | None = None,
                 focus: Focus | None = None) -> list[Passage]: ...


class AnswerStream:
    """Iterate for answer pieces; afterwards ``answer`` holds the complete :class:`Answer`."""

    def __init__(self, pieces: Iterator[str], answer: Answer, passages: list[Passage]) -> None:
        self._pieces = pieces
        self.answer = answer
        self.passages = passages
        self.done = False

    def __iter__(self) -> Iterator[str]:
        for piece in self._pieces:
            yield piece
        self.done = True

    def result(self) -> Answer:
        for _ in self:
            pass
        return self.answer


class Asker:
    def __init__(self, retriever: Retriever, extractive: ExtractiveAnswerer, *,
                 gate_factory: Callable[[], Gate], generative: GenerativeAnswerer | None = None,
                 notices: Sequence[str] = (), faq: FaqMatcher | None = None) -> None:
        """With a ``generative`` answerer the model drafts answers (checked, with the extractive
        answer as fallback); without one every answer is extractive. A matching ``faq`` entry
        answers before either (curated text, cited with the sections it rests on)."""
        self.faq = faq
        self.retriever = retriever
        self.extractive = extractive
        self.generative = generative
        self.gate_factory = gate_factory
        #: Warnings every answer carries (e.g. why generative mode is not used).
        self.notices = list(notices)

    def _gate(self) -> Gate:
        try:
            return self.gate_factory()
        except PrivacyError:
            raise
        except Exception as exc:  # noqa: BLE001 - any failure of the gate means: stop
            raise PrivacyError(
                f"Der Datenschutzfilter konnte nicht gestartet werden ({type(exc).__name__}: {exc}); "
                "die Frage wurde nicht verarbeitet.",
                "Prüfen Sie die Installation mit 'lotse doctor'.") from None

    @staticmethod
    def _redact(gate: Gate, text: str) -> str:
        try:
            return gate.redact(text).text
        except PrivacyError:
            raise
        except Exception as exc:  # noqa: BLE001 - fail closed
            raise PrivacyError(
                f"Der Datenschutzfilter ist bei der Prüfung gescheitert ({type(exc).__name__}); "
                "nichts wurde weitergegeben.", "Prüfen Sie die Installation mit 'lotse doctor'.") from None

    def stream(self, question: str, *, k: int | None = None, retrieve_only: bool = False,
               gate: Gate | None = None) -> AnswerStream:
        """``gate``: the privacy-gate session to use (a conversation's); default a new one."""
        gate = gate if gate is not None else self._gate()
        anonymized = self._redact(gate, question.strip())
        # k None: the retriever's top_k; the question's kind and topic focus the search
        gathered = gather(anonymized, self.retriever, None if retrieve_only else self.faq, k)
        passages = gathered.passages
        answer = Answer(question_anonymized=anonymized, answer="", model=EXTRACTIVE_MODEL,
                        warnings=list(self.notices))
        if retrieve_only:
            answer.citations = [p.citation() for p in passages]
            return AnswerStream(iter(()), answer, passages)
        if not passages:
            answer.answer = NO_PASSAGES
            return AnswerStream(iter([NO_PASSAGES]), answer, passages)
        if self.generative is not None and gathered.faq is None:
            pieces = self._generate(gate, anonymized, gathered, answer)
        else:
            pieces = self._extract(gate, anonymized, gathered, answer)
        return AnswerStream(pieces, answer, passages)

    def ask(self, question: str, **kwargs: Any) -> Answer:
        return self.stream(question, **kwargs).result()

    # modes ----------------------------------------------------------------------------------
    def _extract(self, gate: Gate, question: str, gathered: Gathered,
                 answer: Answer) -> Iterator[str]:
        passages = gathered.passages
        sentences = extractive_pieces(question, gathered, self.extractive)
        if not sentences:
            answer.answer = NO_SENTENCES
            answer.citations = [p.citation() for p in passages]
            yield NO_SENTENCES
            return
        text, cited = citations.resolve(join_pieces(sentences), passages)
        answer.answer = gate.restore(text)
        answer.citations = cited
        if gathered.faq is not None:  # curated answer: say which one
            answer.model = f"{FAQ_MODEL}:{gathered.faq.entry.id}"
        for sentence in re.findall(r".*?\[[\d, ]+\]\s*|.+$", text, flags=re.DOTALL):
            yield gate.restore(sentence)

    def _generate(self, gate: Gate, question: str, gathered: Gathered,
                  answer: Answer) -> Iterator[str]:
        assert self.generative is not None
        passages = gathered.passages
        # The model sees the passages through the same gate as the question.
        shown = [replace(p, text=self._redact(gate, p.text)) for p in passages]
        # Nothing generated is shown before it is checked: no restored placeholder, no echo.
        text = "".join(self.generative.stream(question, shown)).strip()
        verdict = citations.check(text, passages)
        faithful = faithfulness.check(text, shown, question=question,
                                      system_prompt=self.generative.system_prompt())
        if verdict.ok and faithful.ok:
            resolved, cited = citations.resolve(text, passages)
            answer.answer = gate.restore(resolved)
            answer.citations = cited
            answer.model = self.generative.backend.name
            for sentence in re.findall(r".*?\[[\d, ]+\]\s*|.+$", resolved, flags=re.DOTALL):
                yield gate.restore(sentence)
            return
        log.info("generated answer rejected: valid=%s invalid=%s problems=%s",
                 verdict.valid, verdict.invalid, len(faithful.problems))
        warning = FALLBACK_WARNING if not verdict.ok else UNFAITHFUL_WARNING.format(
            "; ".join(faithful.problems[:3]))
        answer.warnings.append(warning)
        yield f"[{warning}]\n\n"
        yield from self._extract(gate, question, gathered, answer)

