"""From a question to numbered passages and an extractive answer (shared by ``ask`` and the eval).

``gather`` understands the question (kind, topic), retrieves with that focus and, when a curated
FAQ entry matches, puts the sections the entry cites in front. ``extractive_pieces`` writes the
answer: the FAQ answer (each sentence cited with the entry's sections) plus the best supporting
sentences, or else the extractive answer whose first sentence answers the question as asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.faq import FaqMatch, FaqMatcher, overlap
from assistant.answers.question import Question, focus_for, understand
from assistant.answers.sentences import split_sentences
from assistant.retrieval.models import Focus, Passage

#: Supporting sentences quoted after a FAQ answer.
FAQ_SUPPORT = 3
#: Share of a supporting sentence's words found in one curated sentence above which it repeats it.
REPEATS = 0.7


class Retriever(Protocol):
    def retrieve(self, question: str, k: int | None = None,
                 focus: Focus | None = None) -> list[Passage]: ...


@dataclass
class Gathered:
    question: Question
    passages: list[Passage]
    faq: FaqMatch | None = None
    #: Passage numbers of the sections the FAQ entry cites.
    faq_cites: list[int] = field(default_factory=list)


def gather(question: str, retriever: Retriever, faq: FaqMatcher | None = None,
           k: int | None = None) -> Gathered:
    understood = understand(question)
    passages = retriever.retrieve(question, k, focus_for(understood))
    # A question about an indicator itself keeps its catalogue entry first (formula, Stichtag,
    # table code); the FAQ answers the rest.
    entry_leads = any(p.summary for p in passages)
    hit = faq.match(question) if faq is not None and not entry_leads else None
    lookup = getattr(retriever, "section_passage", None)
    if hit is None or lookup is None:
        return Gathered(understood, passages)
    lead = [p for src in hit.entry.sources if (p := lookup(src.file, src.section)) is not None]
    if not lead:  # the cited sections are not indexed (e.g. a test index): no FAQ answer
        return Gathered(understood, passages)
    keys = {(p.source, p.section) for p in lead}
    passages = lead + [p for p in passages if (p.source, p.section) not in keys]
    for n, passage in enumerate(passages, start=1):
        passage.n = n
    return Gathered(understood, passages, hit, [p.n for p in lead])


def extractive_pieces(question: str, gathered: Gathered, extractive: ExtractiveAnswerer) -> list[str]:
    """Answer pieces, each a sentence followed by its citation (``"Satz. [2]"``)."""
    if gathered.faq is None:
        return extractive.compose(question, gathered.passages)
    marker = "[" + ", ".join(str(n) for n in gathered.faq_cites) + "]"
    curated = split_sentences(" ".join(gathered.faq.entry.answer.split()))
    # Supporting sentences that say something the curated answer does not already say.
    support = [(t, n) for t, n in extractive.select(question, gathered.passages, gathered.question)
               if max(overlap(t, c) for c in curated) < REPEATS]
    return [f"{c} {marker}" for c in curated] + [f"{t} [{n}]" for t, n in support[:FAQ_SUPPORT]]


def build_faq(knowledge_dir: Any, embedder: Any) -> FaqMatcher:
    from assistant.answers.faq import load_faq

    return FaqMatcher(load_faq(knowledge_dir / "faq"), embedder)


def first_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[0] if sentences else ""

