"""Threshold answers that answer every part of the question, a value asked for first.

A threshold question often asks two things at once: "Zu welchem Stichtag wird gezählt, und gilt
das seit jeher?", "Wie hoch ist die Quote? Und für welche Jahrgänge fehlt sie?", "Wann erschien
die Richtlinie, und seit wann gilt die Verordnung?". The answer's sentences are chosen for the
whole question and may all answer its first part. Each further part gets its own best sentence
(with the fact its section gives right after it, :func:`assistant.answers.following.with_next`),
quoted behind the lead when the answer does not hold it yet.

A question for the latest value of an indicator ("Welchen Bundeswert kann ich nehmen?", "wie
hoch liegt die Quote aktuell?") is answered by the sentence with the measured value (a share
or a count in a year), not by the definition: when the lead holds no such value, the sentence
with the latest one on the question's words leads.
"""

from __future__ import annotations

import re
from typing import Sequence

from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.following import with_next
from assistant.answers.question import Question, topics_of
from assistant.answers.sentences import split_sentences
from assistant.retrieval.german import stem, words
from assistant.retrieval.models import Passage

#: A clause that asks a question of its own after "und": a question word or a finite verb
#: first ("…, und seit wann gilt …", "und gibt es …", "und war das immer so").
_NEXT_QUESTION = re.compile(
    r",?\s+und\s+(?=(?:wann|seit|ab|bis|wie|wo|woher|was|welche\w*|wer|gibt|gibts|gab|war|"
    r"waren|ist|sind|gilt|galt|hat|haben|hatte|wird|werden|wurde|kann|können|muss|müssen|"
    r"zählt|zählen|fehlt|fehlen)\b)", re.IGNORECASE)
_LEADING_UND = re.compile(r"^\s*und\s+", re.IGNORECASE)
#: A part that asks where something is missing ("wo gar nix erfasst wird", "für welche Jahre
#: fehlen Werte?"): a sentence that says what is not counted answers it.
ABSENCE_ASKED = re.compile(r"\b(?:nix|nichts|kein\w*|gar nicht|fehl\w*|ausgenommen|ausgeschlossen|"
                           r"nicht (?:erfasst|gezählt|erhoben|enthalten|dabei))\b", re.IGNORECASE)
NEGATED = re.compile(r"\b(?:kein\w*|nicht|nichts|fehl\w*|außen vor|ausgenommen|ausgeschlossen)\b",
                     re.IGNORECASE)
#: Content words a part needs to be asked on its own ("und wie?" asks nothing new).
MIN_PART_WORDS = 1
#: A piece of the answer: its sentence and its citation.
_PIECE = re.compile(r"^(?P<text>.*\S)\s+\[(?P<n>\d+)(?:,\s*\d+)*\]\s*$", re.DOTALL)

#: A question for a measured value: its scope (the Bund, a Land), how recent it is, or a
#: value by its compound ("Bundeswert", "Vergleichswert").
VALUE_ASKED = re.compile(r"\b(?:bund\w*|deutschland\w*|landesweit\w*|aktuell\w*|zuletzt|"
                         r"neueste\w*|jüngste\w*|letzte[nrs]? (?:\w+ )?stand|\w+wert)\b",
                         re.IGNORECASE)
#: A measured value: a share in percent or a count of a whole ("55 von 900").
VALUE = re.compile(r"\d(?:[.,]\d+)? ?(?:%|Prozent)|\d[\d.]* von [\d.]+\d")
YEAR = re.compile(r"\b(?:19|20)\d\d\b")
#: A word that names the Bund as scope ("bundesweit", "Bundeswert", "Deutschland"), not a
#: Land ("Bundesländer").
BUND = re.compile(r"^(?:bund|bundes|deutschland|deutschlandweit)(?:weit|wert|durchschnitt\w*|"
                  r"ebene|gebiet|schnitt|s)?$")


def question_parts(question: str) -> list[str]:
    """The questions a text asks: its sentences that end in "?" (all of it when none does),
    each split where "und" opens a question of its own; a part needs content words."""
    sentences = split_sentences(" ".join(question.split()))
    asked = [s for s in sentences if s.endswith("?")] or sentences
    parts: list[str] = []
    for sentence in asked:
        for clause in _NEXT_QUESTION.split(sentence):
            clause = _LEADING_UND.sub("", clause).strip(" ,?")
            if len(_content(clause)) >= MIN_PART_WORDS:
                parts.append(clause)
    return parts


def _content(text: str) -> set[str]:
    return {stem(w) for w in words(text) if len(w) > 3}


def complete(question: str, pieces: list[str], passages: Sequence[Passage],
             understood: Question, extractive: ExtractiveAnswerer) -> list[str]:
    """``pieces`` of a threshold answer with the value asked for in front and a sentence for
    each further part of the question; other answers unchanged."""
    if understood.kind != "schwelle" or not pieces:
        return pieces
    parsed = [_parse(p) for p in pieces]
    if any(p is None for p in parsed):  # a step list or a piece without one citation
        return pieces
    chosen = [p for p in parsed if p is not None]
    chosen = value_first(question, chosen, passages)
    chosen = each_part(question, chosen, passages, understood, extractive)
    return [f"{t} [{n}]" for t, n in chosen]


def _parse(piece: str) -> tuple[str, int] | None:
    if piece.startswith("\n"):
        return None
    m = _PIECE.match(piece)
    return (m.group("text"), int(m.group("n"))) if m else None


def each_part(question: str, chosen: list[tuple[str, int]], passages: Sequence[Passage],
              understood: Question, extractive: ExtractiveAnswerer) -> list[tuple[str, int]]:
    """``chosen`` with the best sentence for each part of the question after the first (and
    the fact that follows it in its section): right behind the lead, or the fact right behind
    the sentence where the answer quotes it already."""
    texts = [p for p in passages if not p.summary] or list(passages)
    out = list(chosen)
    behind_lead = 1
    for part in question_parts(question)[1:]:
        asked = Question(text=part, kind=understood.kind, topics=topics_of(part))
        absent = ABSENCE_ASKED.search(part) is not None
        best = extractive.select(part, texts, asked, limit=1,
                                 skip=(lambda t: not NEGATED.search(t)) if absent else None)
        found = with_next(best[:1], texts)
        quoted = [t for t, _ in out]
        if not found or found[0][0] not in quoted:
            new = [f for f in found if f[0] not in quoted]
            out[behind_lead:behind_lead] = new
            behind_lead += len(new)
            continue
        at = quoted.index(found[0][0]) + 1
        out[at:at] = [f for f in found[1:] if f[0] not in quoted]
    return out


#: The name of an indicator: a compound on a ratio ("Wiederholerquote", "Ausländeranteil",
#: "Jugendquotient", "Personalschlüssel", "Abbrecherrate").
INDICATOR = re.compile(r"^(\w{3,}(?:quote|anteil|quotient|schl(?:ü|ue)ssel|rate|relation))(?:n|s|e|en)?$",
                       re.IGNORECASE)


def indicators(text: str) -> set[str]:
    """The indicator names in ``text``, lower case without a plural or genitive ending."""
    return {m.group(1).lower() for w in words(text) if (m := INDICATOR.match(w))}


def other_indicator(question: str, sentence: str) -> bool:
    """Whether ``sentence`` names indicators but none the question asks about (asked: the
    Wiederholerquote; the sentence: a Betreuungsquote)."""
    asked, named = indicators(question), indicators(sentence)
    return bool(asked and named and not asked & named)


def value_first(question: str, chosen: list[tuple[str, int]],
                passages: Sequence[Passage]) -> list[tuple[str, int]]:
    """``chosen`` led by the sentence with the latest measured value on the question's words
    when the question asks for a value and the lead holds none (or the value of another
    indicator than the one asked about); unchanged otherwise."""
    if not chosen or not VALUE_ASKED.search(question) or (
            VALUE.search(chosen[0][0]) and not other_indicator(question, chosen[0][0])):
        return chosen
    own = _content(question)
    asked = indicators(question)
    bund = any(BUND.match(w) for w in words(question))
    best: tuple[tuple[int, int, int, int], tuple[str, int]] | None = None
    for passage in passages:
        if passage.summary:
            continue
        for sentence in split_sentences(passage.text):
            if (not VALUE.search(sentence) or sentence.startswith("#")
                    or other_indicator(question, sentence)):
                continue
            shared = len(_content(sentence) & own)
            if not shared:
                continue
            in_scope = int(bund and any(BUND.match(w) for w in words(sentence)))
            year = max((int(y) for y in YEAR.findall(sentence)), default=0)
            key = (int(bool(asked & indicators(sentence))), in_scope, shared, year)
            if best is None or key > best[0]:
                best = (key, (sentence, passage.n))
    if best is None:
        return chosen
    lead = best[1]
    return [lead] + [c for c in chosen if c[0] != lead[0]]

