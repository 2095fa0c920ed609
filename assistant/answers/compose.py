"""From a question to numbered passages and an extractive answer (shared by ``ask`` and the eval).

``gather`` understands the question (kind, topic), retrieves with that focus and, when a curated
FAQ entry matches, puts the sections the entry cites in front. ``extractive_pieces`` writes the
answer: the FAQ answer (each sentence cited with the entry's sections) plus the best supporting
sentences, for a "how do I …?" question the steps of its task (:mod:`assistant.answers.howto`), or
else the extractive answer whose first sentence answers the question as asked.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

from assistant.answers import howto, parts, steps
from assistant.answers.defining import asked_terms, strength
from assistant.answers.entry import asked_about
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.faq import FaqMatch, FaqMatcher, overlap
from assistant.answers.question import Question, core, focus_for, is_how_to, understand
from assistant.answers.sentences import split_sentences
from assistant.retrieval.german import stem, words
from assistant.retrieval.models import Focus, Passage

#: Supporting sentences quoted after a FAQ answer.
FAQ_SUPPORT = 4
#: Best-scored supporting sentences from a section the others do not quote, after a FAQ answer.
FAQ_OTHER = 1
#: Share of a supporting sentence's words found in one curated sentence above which it repeats it.
REPEATS = 0.7
#: Strength (defining.strength) of a sentence that defines a term in a defining form.
DEFINES = 2
#: Top passages in which a definition answer after a FAQ answer looks for a defining sentence.
DEFINING_RANKS = 3


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
    #: The passages in the retriever's order (before the FAQ's sections were put in front):
    #: the supporting sentences of a FAQ answer come from the best-ranked sections.
    ranked: list[Passage] = field(default_factory=list)


def gather(question: str, retriever: Retriever, faq: FaqMatcher | None = None,
           k: int | None = None) -> Gathered:
    understood = understand(question)
    passages = entries_asked(question, retriever.retrieve(core(understood), k, focus_for(understood)))
    # Step-by-step sections answer "how do I …?" questions, and only on the task they describe.
    how = steps.wants_steps(question, understood.kind)
    if how:
        passages = with_steps_for(question, passages, retriever, core(understood),
                                  focus_for(understood))
    passages = behind_how_to(passages, question if how else None)
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
    rest = [p for p in passages if (p.source, p.section) not in keys]
    ranked = [next((q for q in lead if (q.source, q.section) == (p.source, p.section)), p)
              for p in passages]
    ranked += [p for p in lead if p not in ranked]
    passages = lead + rest
    for n, passage in enumerate(passages, start=1):
        passage.n = n
    return Gathered(understood, passages, hit, [p.n for p in lead], ranked)


def entries_asked(question: str, passages: list[Passage]) -> list[Passage]:
    """``passages`` with the catalogue entries the question does not ask about (a definition
    question on another term, see :func:`entry.asked_about`) behind the text passages, without
    their summary: they do not lead the answer; renumbered."""
    stray = [p for p in passages if p.summary and not asked_about(question, p)]
    if not stray:
        return passages
    for passage in stray:
        passage.summary = ()
    ordered = [p for p in passages if p not in stray] + stray
    for n, passage in enumerate(ordered, start=1):
        passage.n = n
    return ordered


#: How deep a "how do I …?" question looks for the step list of its task.
STEPS_DEPTH = 15
#: How the headings of step-by-step sections begin.
STEP_HEADING = "Schritt für Schritt"


def with_steps_for(question: str, passages: list[Passage], retriever: Retriever, query: str,
                   focus: Focus) -> list[Passage]:
    """``passages`` with the step-by-step section of the task asked for in front of the text
    passages, found deeper in the ranking if need be (it replaces the last text passage); of
    several, the one whose task the question names best."""
    def best(candidates: list[Passage]) -> tuple[tuple[float, float], Passage | None]:
        scored = [(steps.preference(question, p.section), p) for p in candidates
                  if is_how_to(p.section)]
        fitting = [(key, p) for key, p in scored if key[1] >= steps.MIN_TASK_OVERLAP]
        return max(fitting, key=lambda kp: kp[0]) if fitting else ((0.0, 0.0), None)

    here, _ = best(passages)
    key, found = best(retriever.retrieve(query, STEPS_DEPTH, focus))
    if found is None and here[1] == 0.0:  # none in the ranking: the best one of the whole index
        found = best_steps_section(question, retriever)
        key = (float("inf"), 1.0)
    if found is None or here >= key or any(
            (p.source, p.section) == (found.source, found.section) for p in passages):
        return passages
    entries = [p for p in passages if p.summary]
    texts = [p for p in passages if not p.summary]
    ordered = entries + [found] + texts[:-1] if texts else entries + [found]
    for n, passage in enumerate(ordered, start=1):
        passage.n = n
    return ordered


def best_steps_section(question: str, retriever: Retriever) -> Passage | None:
    """The step-by-step section anywhere in the index whose task the question names best (the
    search may rank it low when the question words the task differently), or None. Found
    outside the search results, its words must be named more exactly: a word's other form or
    compound part counts half ("Bildungsmonitorerin" does not ask to build a "Bildungsmonitoring")."""
    sections = getattr(retriever, "sections_headed", None)
    if sections is None:
        return None
    scored = [(steps.preference(question, p.section, strict=True), p)
              for p in sections(STEP_HEADING)]
    fitting = [(key, p) for key, p in scored if key[1] >= steps.MIN_TASK_OVERLAP]
    return max(fitting, key=lambda kp: kp[0])[1] if fitting else None


def behind_how_to(passages: list[Passage], task: str | None = None) -> list[Passage]:
    """Text passages of how-to sections ("Schritt für Schritt: …") after the other text
    passages (catalogue entries keep their places), renumbered; with ``task`` (a "how do I …?"
    question) only those whose task is not the one asked for."""
    entries = [p for p in passages if p.summary]
    texts = [p for p in passages if not p.summary]

    def behind(p: Passage) -> bool:
        return is_how_to(p.section) and (task is None or not steps.fits(task, p.section))

    ordered = entries + [p for p in texts if not behind(p)] + [p for p in texts if behind(p)]
    if ordered == passages:
        return passages
    for n, passage in enumerate(ordered, start=1):
        passage.n = n
    return ordered


def extractive_pieces(question: str, gathered: Gathered, extractive: ExtractiveAnswerer) -> list[str]:
    """Answer pieces, each a sentence followed by its citation (``"Satz. [2]"``)."""
    if gathered.faq is None:
        how = howto.pieces(question, gathered.passages, gathered.question, extractive)
        if how is not None:
            return how
        # a threshold answer: the value asked for first, a sentence for each part asked
        return parts.complete(question, extractive.compose(question, gathered.passages),
                              gathered.passages, gathered.question, extractive)
    marker = "[" + ", ".join(str(n) for n in gathered.faq_cites) + "]"
    curated = split_sentences(" ".join(gathered.faq.entry.answer.split()))
    # Supporting sentences that say something the curated answer does not already say.
    order = gathered.ranked or gathered.passages
    head = [f"{c} {marker}" for c in curated]
    if steps.wants_steps(question, gathered.question.kind):  # the curated summary, then the steps
        found = steps.find(gathered.passages, question=question, ranks=len(gathered.passages))
        if found is not None:
            listed = [p for p in steps.pieces(found) if p.startswith("\n")]
            extra = [(t, n) for t, n in howto.support(question, order, found, gathered.question,
                                                      extractive)
                     if max(overlap(t, c) for c in curated) < REPEATS]
            return head + listed + [f"\n{t} [{n}]" if i == 0 else f"{t} [{n}]"
                                    for i, (t, n) in enumerate(extra)]
    def repeats(t: str) -> bool:
        return max(overlap(t, c) for c in curated) >= REPEATS

    selected = extractive.select(question, order, gathered.question)
    defining = defining_first(question, gathered.question, curated, selected, order)
    support = [s for s in selected if not repeats(s[0]) and s != defining][:FAQ_SUPPORT]
    # the reading order may fill the answer from the best section alone: one of the best
    # sentences by score from a section not quoted yet follows (the second section often holds
    # what the curated answer leaves out)
    quoted = {n for _, n in support}
    best = extractive.select(question, order, gathered.question, FAQ_SUPPORT, skip=repeats)
    support += [s for s in best if s[1] not in quoted and s != defining][:FAQ_OTHER]
    if defining is not None:  # "Was bedeutet X?": the sentence that says what X is leads
        return [f"{defining[0]} [{defining[1]}]"] + head + [f"{t} [{n}]" for t, n in support]
    return head + [f"{t} [{n}]" for t, n in support]


def defining_first(question: str, understood: Question, curated: list[str],
                   selected: list[tuple[str, int]],
                   passages: list[Passage]) -> tuple[str, int] | None:
    """For a definition question whose curated answer does not begin by defining the term
    ("Die Cell-Key-Methode schützt …"), the selected sentence that does ("Die Cell-Key-Methode
    ist das Geheimhaltungsverfahren …"): it leads even where it shares most words with the
    curated answer, since it says what the term is. None otherwise."""
    if understood.kind != "definition" or not curated:
        return None
    terms = asked_terms(question)
    if strength(curated[0], terms) >= DEFINES:
        return None
    # the sentence defines what the curated answer speaks of: both open with the same term
    # ("Sekundäre Geheimhaltung sperrt …" is not led by "Ein Punkt in einem Tabellenfeld bedeutet …")
    subject = _opening(curated[0])

    def defines(t: str) -> bool:
        return strength(t, terms) >= DEFINES and bool(_opening(t) & subject)

    found = next(((t, n) for t, n in selected if defines(t)), None)
    if found is not None:
        return found
    # (the selection drops a sentence that says what another one says in other words)
    return next(((t, p.n) for p in passages[:DEFINING_RANKS] if not p.summary
                 for t in split_sentences(p.text) if not t.startswith("#") and defines(t)), None)


#: Words at a sentence's start that hold its subject ("Die Cell-Key-Methode ist …").
OPENING_WORDS = 4


def _opening(sentence: str) -> set[str]:
    """Stems of the content words at the start of ``sentence``."""
    return {stem(w) for w in words(sentence)[:OPENING_WORDS] if len(w) > 3}


def join_pieces(pieces: list[str]) -> str:
    """The answer text: pieces joined by a space, or by nothing before a piece that starts on a
    line of its own (a numbered step)."""
    return "".join(p if i == 0 or p.startswith("\n") else f" {p}" for i, p in enumerate(pieces))


def build_faq(knowledge_dir: Any, embedder: Any) -> FaqMatcher:
    from assistant.answers.faq import load_faq

    return FaqMatcher(load_faq(knowledge_dir / "faq"), embedder)


def first_sentence(text: str) -> str:
    sentences = split_sentences(text)
    return sentences[0] if sentences else ""

