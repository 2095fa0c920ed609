"""How-to answers: the step list of the task asked for, or the sentences that say what to do.

A "how do I …?" question is answered by the numbered steps of the section whose task it asks for
(:mod:`assistant.answers.steps`, :mod:`assistant.answers.tasks`): the section's introduction
first, then the steps, then one sentence from each of the other best sections that adds what
the steps do not say (a code example, a date, a name), never one that repeats a step in other
words. When no step list fits the task, the extractive answer is given with a sentence that
says how the task is done in front: one that names the action asked for ("austauschen": the
exchange format) and no other action ("… ein Format aufbauen").
"""

from __future__ import annotations

from typing import Collection, Sequence

from assistant.answers import steps, tasks
from assistant.answers.extractive import FACT, ExtractiveAnswerer
from assistant.answers.following import with_next
from assistant.answers.question import Question, core, is_how_to
from assistant.answers.sentences import is_fragment
from assistant.retrieval.german import stem, words
from assistant.retrieval.models import Passage

#: The other sections (in rank order) from which one sentence each is quoted after a step list.
SUPPORT_SECTIONS = 3
#: Best sentences of a section among which the supporting one is chosen.
SUPPORT_POOL = 3
#: Share of a sentence's content words the steps already hold above which it repeats them.
REPEATS = 0.6


def pieces(question: str, passages: Sequence[Passage], understood: Question,
           extractive: ExtractiveAnswerer) -> list[str] | None:
    """Answer pieces (``"Satz. [2]"``, steps as ``"\\n1. Schritt [2]"``) for a how-to question
    without a leading catalogue entry, or None for other questions."""
    if any(p.summary for p in passages) or not steps.wants_steps(question, understood.kind):
        return None
    chosen = extractive.select(core(understood), passages, understood)
    found = steps.find(passages, question=question, ranks=len(passages))
    if found is not None:
        listed = steps.pieces(found)
        if not found.intro and chosen:  # no introduction: the best sentence leads
            listed.insert(0, f"{chosen[0][0]} [{chosen[0][1]}]")
        extra = support(core(understood), passages, found, understood, extractive, chosen)
        return listed + [f"\n{t} [{n}]" if i == 0 else f"{t} [{n}]" for i, (t, n) in enumerate(extra)]
    if understood.kind == "vorgehen":  # not a step of another task's list in front
        others = {p.n for p in passages if is_how_to(p.section)}
        chosen = with_next(action_first(question, chosen, others), passages)
    doing = steps_doing(question, passages)
    if doing:  # the steps that do what is asked lead, in their list's order
        chosen = doing + [c for c in chosen if c[0] not in {t for t, _ in doing}]
    return [f"{t} [{n}]" for t, n in chosen]


#: Steps of another task's list quoted in front, at most.
STEPS_DOING = 3


def steps_doing(question: str, passages: Sequence[Passage]) -> list[tuple[str, int]]:
    """The steps that do the action asked for, from the step list of the task whose things
    the question names: "Die Daten für unseren ersten Bildungsbericht sind aufbereitet. Wen
    binden wir ein?" asks for the step of "den ersten Bildungsbericht schreiben" that presents
    and discusses the findings, not for how to write it. Of several such lists, the one whose
    things the question names most; its steps in their order, at most ``STEPS_DOING``."""
    asked = tasks.asked_actions(question)
    if not asked:
        return []
    best: tuple[float, list[tuple[str, int]]] | None = None
    for passage in passages:
        if passage.summary or not is_how_to(passage.section):
            continue
        share = tasks.objects_named(question, passage.section)
        if share < steps.MIN_TASK_OVERLAP or (best is not None and share <= best[0]):
            continue
        _, listed = steps.parse(passage.text)
        doing = [(s, passage.n) for s in listed if tasks.actions_in(s) & asked]
        if doing and len(doing) < len(listed):  # not a list whose every step does it
            best = (share, doing[:STEPS_DOING])
    return best[1] if best else []


def support(question: str, passages: Sequence[Passage], found: steps.Steps, understood: Question,
            extractive: ExtractiveAnswerer,
            best: Sequence[tuple[str, int]] = ()) -> list[tuple[str, int]]:
    """The sentences to quote after a step list: the best sentence of the answer from another
    section, then from each other section in rank order its best sentence that adds to the
    steps (one with a fact first: a number, a code, a name); a section whose best sentences only
    repeat the steps gives none."""
    said = _stems(" ".join(found.steps + found.intro))
    # the other sections, not the step lists of other tasks (behind for a reason)
    others = [p for p in passages if p.n != found.passage.n and not p.summary
              and not (is_how_to(p.section) and not steps.fits(question, p.section))]
    out = [(t, n) for t, n in best if n != found.passage.n and adds(t, said)
           and any(p.n == n for p in others)][:1]
    for passage in others[:SUPPORT_SECTIONS]:
        if any(n == passage.n for _, n in out):
            continue
        # not what the steps or a sentence quoted before (another text's twin) say
        quoted = said | _stems(" ".join(t for t, _ in out))
        own = [(t, n) for t, n in extractive.select(question, [passage], understood, SUPPORT_POOL)
               if adds(t, quoted)]
        if own:
            out.append(next((b for b in own if FACT.search(b[0])), own[0]))
    return out


def adds(sentence: str, said: set[str]) -> bool:
    """Whether a sentence says more than the stems ``said`` (the steps) hold; not the lead-in
    of a list ("Zu seinen Aufgaben gehören:"), which says nothing without the list."""
    own = _stems(sentence)
    return (bool(own) and not sentence.rstrip().endswith(":")
            and len(own & said) / len(own) < REPEATS)


def _stems(text: str) -> set[str]:
    return {stem(w) for w in words(text) if len(w) >= 3}


def action_first(question: str, chosen: list[tuple[str, int]],
                 avoid: Collection[int] = ()) -> list[tuple[str, int]]:
    """``chosen`` with a sentence that says how the task asked for is done in front: one that
    names an action the question asks for, and of those the one naming fewest actions of other
    tasks ("Wer ein Format aufbauen will, …" does not say how to take part in one), then sharing
    most words with the question; not one of the passages ``avoid``. The lead stays when it
    names an action asked for and none other, or when no sentence does better. Unchanged when
    the question names no action (then only a lead from ``avoid`` gives way)."""
    asked = tasks.asked_actions(question)
    if not chosen:
        return chosen
    own = _stems(question)

    def key(text: str) -> tuple[int, int, int]:
        named = tasks.action_words(text).values()
        on_task = sum(bool(groups & asked) for groups in named)
        return (on_task > 0, -sum(not groups & asked for groups in named), len(_stems(text) & own))

    lead_key = key(chosen[0][0])
    stray = chosen[0][1] in avoid  # a step of another task's list
    if not stray and (not asked or (lead_key[0] and lead_key[1] == 0)):
        return chosen
    # (a whole sentence: an item of an enumeration, "…, etwa …,", does not lead)
    candidates = [c for c in chosen if c[1] not in avoid and not is_fragment(c[0])]
    if not candidates:
        return chosen
    best = max(candidates, key=lambda c: key(c[0]))  # the first of equals
    if not stray and (not key(best[0])[0] or key(best[0])[:2] <= lead_key[:2]):
        return chosen
    return [best] + [c for c in chosen if c is not best]
