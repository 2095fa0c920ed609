"""Numbered steps for "how do I …?" questions, copied from a passage that lists them.

Guidance texts write a task as a numbered list ("1. Auftrag klären …", "2. …"). When one of the
best text passages holds such a list, a how-to answer gives the list itself, step by step and in
its order, after the passage's introductory sentence; each step is cited with its passage.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from assistant.answers import tasks
from assistant.answers.question import topics_of
from assistant.answers.sentences import split_sentences
from assistant.retrieval.models import Passage

FILLER = {"den", "der", "die", "das", "ein", "wie", "ich", "wir", "eine", "einer", "einen", "einem", "oder", "und", "für", "mit", "nach", "über", "unter",
           "ihre", "ihren", "unsere", "unseren", "unserem", "diese", "dieser"}
STEP_LINE = re.compile(r"^\s*(\d{1,2})[.)]\s+(\S.*)$")
MIN_STEPS = 3
#: The list must stand in one of the best text passages (not in a catalogue entry).
STEP_RANKS = 2
MAX_INTRO = 2
#: Share of the task's words (its heading after "Schritt für Schritt:") the question must name:
#: "den ersten Bildungsbericht schreiben" is not the answer to "den Bericht verständlich machen".
MIN_TASK_OVERLAP = 0.5


#: A "how …?" question (not "wie viele", "wie hoch", "wie sieht … aus"): whatever its kind, a step list of the task
#: it names answers it.
HOW = re.compile(r"\bwie\b(?!\s+(?:viel\w*|hoch|lange|oft|groß|alt|weit|genau|sieht|sehen|"
                 r"lautet|lauten|heißt|heißen|ist|sind|war|unterscheid\w*)\b)", re.IGNORECASE)


#: "Wen müssen wir beteiligen?", "Wer muss eingebunden werden?", "mit wem abstimmen": asks who
#: takes part in a task, which its step list says.
INVOLVE = re.compile(r"\b(?:wen|wer|wem)\b[^?.!]*\b(?:beteilig\w*|einbind\w*|eingebunden|binden\b[^?.!]*\bein"
                     r"|einbezieh\w*|einbezogen|involvier\w*|abstimm\w*|ins\s+boot)", re.IGNORECASE)


def wants_steps(question: str, kind: str) -> bool:
    """Whether a step list of the task asked for answers the question: a how-to question, a
    "what …?"-kind question asked as "wie …?" ("Wie sollen die Befunde in die Gremien?"), or a
    question on sources or terms that asks who takes part ("… und wen müssen wir beim
    Zusammenführen beteiligen?")."""
    return (kind == "vorgehen" or (kind == "definition" and bool(HOW.search(question)))
            or (kind in ("definition", "datenquelle") and bool(INVOLVE.search(question))))


@dataclass(frozen=True)
class Steps:
    passage: Passage
    intro: list[str]
    steps: list[str]


def parse(text: str) -> tuple[list[str], list[str]]:
    """(intro sentences before the list, the list's steps) of a passage text."""
    intro_lines: list[str] = []
    steps: list[str] = []
    for line in text.replace("\r", "").split("\n"):
        match = STEP_LINE.match(line)
        if match:
            steps.append(" ".join(match.group(2).split()))
        elif steps and line.strip() and not line.startswith((" ", "\t")):
            break  # the list has ended; text after it is not a step
        elif not steps and line.strip():
            intro_lines.append(line.strip())
        elif steps and line.strip():  # an indented continuation of the last step
            steps[-1] = f"{steps[-1]} {' '.join(line.split())}"
    intro = [s for s in split_sentences("\n".join(intro_lines)) if not s.endswith(":")]
    return intro[:MAX_INTRO], steps


def fits(question: str, heading: str | None) -> bool:
    """Whether the question asks for the task of the section: most of its words, and no other
    action unless to the task's end (:func:`assistant.answers.tasks.fit`, :func:`serves`)."""
    return fit(question, heading) >= MIN_TASK_OVERLAP


def fit(question: str, heading: str | None, strict: bool = False) -> float:
    """Share of the section's task the question names (:func:`assistant.answers.tasks.fit`)."""
    return tasks.fit(question, heading, strict, serves(question, heading))


#: Topics that are the end a task serves: a question on one asks for the task whatever action
#: it names ("eine Tabelle so aufbereiten, dass keine Einzelfälle erkennbar sind" asks how to
#: protect small counts, not how to present findings).
GOAL_TOPICS = frozenset({"geheimhaltung"})


def serves(question: str, heading: str | None) -> bool:
    """Whether the question's topic is an end the section's task serves (:data:`GOAL_TOPICS`)."""
    goals = GOAL_TOPICS & set(topics_of(question))
    return bool(goals & set(topics_of(tasks.task_of(heading))))


def preference(question: str, heading: str | None, strict: bool = False) -> tuple[float, float]:
    """How well a fitting section answers the question, to choose among several: how many of
    the question's things its task names (the specific task before the general one: "Zellen mit
    1 oder 2 Fällen im Sozialraumbericht" asks to protect small counts, not to report by area),
    then the share of the task named. The end the question names counts as one more of its
    things: "Schülerzahlen nach Schulen so aufbereiten, dass keine Einzelfälle erkennbar sind"
    asks to protect small counts before it asks to present them."""
    goal = serves(question, heading)
    found = tasks.match(question, heading, strict, goal)
    return found.named + goal, found.share


def find(passages: Sequence[Passage], near: Sequence[int] = (),
         question: str | None = None, ranks: int = STEP_RANKS) -> Steps | None:
    """The step list of one of the best two text passages that has one; with ``near`` (the
    passage numbers the answer's best sentences come from) only of a passage among them: a
    list elsewhere is about a neighbouring task ("den ersten Bericht schreiben" for "den
    Bericht verständlich machen"). With ``question``, the section's task must be the one asked
    for (:func:`fits`), and of several such lists the one whose task the question names best."""
    texts = [p for p in passages if not p.summary]
    best: tuple[tuple[float, float], Steps] | None = None
    for rank, passage in enumerate(texts):
        if rank >= ranks or (near and passage.n not in near):
            continue
        key = (1.0, 1.0) if question is None else preference(question, passage.section)
        if key[1] < MIN_TASK_OVERLAP:
            continue
        intro, steps = parse(passage.text)
        if len(steps) >= MIN_STEPS and (best is None or key > best[0]):
            best = (key, Steps(passage, intro, steps))
    return best[1] if best else None


def pieces(found: Steps) -> list[str]:
    """Answer pieces: the intro sentences, then ``"1. Schritt [n]"`` on lines of their own."""
    n = found.passage.n
    out = [f"{s} [{n}]" for s in found.intro]
    out += [f"\n{i}. {step} [{n}]" for i, step in enumerate(found.steps, start=1)]
    return out
