"""After the deciding sentence of a "may I / must I …?" answer: the rule, then what to do instead.

The sentence that decides ("Einen gepunkteten Wert … auszurechnen und zu veröffentlichen, ist
nicht zulässig.") rarely stands alone: the sentences around it in its section give the legal
basis, the date a duty applies from, the exception ("Rechtsgrundlage ist § 16 BStatG …",
"Diese Pflicht gilt seit dem 2.2.2025."). So the answer quotes the lead's neighbours first: the
sentences before it as long as the lead leans on them ("Schulungen sind also nicht freiwillig"),
then the ones after it. The legal basis follows (a sentence citing the norm, "§ 16 BStatG",
before one only naming it), then the conditions ("nur aggregierte Tabellen", "mit
anonymisierten Testdatensätzen"): a "yes" to "may we use AI?" holds only under them. A "no" is only useful with the way out ("Fassen Sie stattdessen Schulen oder Jahre
zusammen", "…, sondern nur aggregierte Tabellen"): the best such sentence on the question
follows when the answer has none yet.

Works on any candidate with ``text``, ``n`` (passage), ``position`` and ``score``.
"""

from __future__ import annotations

import re
from typing import Callable, Protocol, Sequence, TypeVar

from assistant.answers.verdict import refers_back

#: Sentences of the lead's section quoted right after it.
FOLLOW = 3
#: A sentence that says what to do instead of what is not allowed.
INSTEAD = re.compile(r"\b(stattdessen|statt dessen|anstelle|sondern|alternativ\w*|besser|"
                     r"lieber|ausweichen|zusammenfass\w*|zusammengefasst|zusammenzufassen|"
                     r"fass\w* (?:\w+ ){0,6}zusammen|bündeln|gröbere\w*|fragt (?:\w+ ){0,4}nach|"
                     r"empfiehlt sich|bietet sich)\b", re.IGNORECASE)
#: A question that asks for a way out of an obstacle ("…, aber viele Felder sind gesperrt – was
#: kann ich tun?", "Welche Möglichkeiten habe ich?").
ASKS_REMEDY = re.compile(r"\bwas (?:kann|könnte|soll|sollte|können|sollen) (?:ich|man|wir) "
                         r"(?:\w+ ){0,2}(?:tun|machen)\b|\bwelche (?:möglichkeiten|alternativen|"
                         r"auswege|lösungen)\b|\bwie (?:komme|kommen|kommt) (?:ich|wir|man) "
                         r"(?:\w+ ){0,2}weiter\b|\bwas tun\b", re.IGNORECASE)
#: A sentence that offers such ways ("Praktische Auswege sind: Kategorien zusammenfassen, …").
REMEDY = re.compile(rf"{INSTEAD.pattern}|\b(?:ausweg\w*|lösung\w*)\b", re.IGNORECASE)


#: A sentence that names the law a rule rests on.
LAW = re.compile(r"§\s?\d|\bArt\. \d|\b(?:DSGVO|BStatG|SGB \w+|KI-VO)\b|Rechtsgrundlage|"
                 r"Statistikgeheimnis|\bVerordnung\b")
#: A sentence that cites the norm itself ("§ 16 BStatG", "Art. 28 DSGVO"), not only its name
#: ("das Statistikgeheimnis"): the reader can look it up.
NORM = re.compile(r"§\s?\d|\bArt\.\s?\d|\bArtikel \d")
#: A sentence that states the conditions under which an action is allowed: with what data
#: ("mit anonymisierten Testdatensätzen", "nur aggregierte Tabellen"), after what check
#: ("nach einer Prüfung", "in Abstimmung mit der Datenschutzbeauftragten").
CONDITIONS = re.compile(r"\b(nur (?:wenn|mit|nach|unter|bei|sofern|soweit|aggregiert\w*|"
                        r"anonymi\w*|zusammengefasst\w*)|ausschließlich|sofern|soweit|"
                        r"vorausgesetzt|(?:mit|in) (?:\w+ )?(?:anonymisiert\w*|synthetisch\w*|"
                        r"aggregiert\w*|pseudonymisiert\w*)|ohne (?:die )?(?:eingabe )?"
                        r"personenbezogene\w*|in (?:enger |intensiver )?abstimmung mit|mindestfallzahl\w*|"
                        r"mindestens \d)", re.IGNORECASE)


class Sentence(Protocol):
    text: str
    n: int
    position: int
    score: float


S = TypeVar("S", bound=Sentence)


def neighbours(lead: S, candidates: Sequence[S], follow: int = FOLLOW) -> list[S]:
    """Sentences of the lead's passage that carry its rule, ``follow`` in all, in reading
    order: the ones before it as long as each refers back to the one before ("Schulungen sind
    also …" ← "Diese Pflicht gilt seit …" ← "Ihr Art. 4 verlangt …", "Die Verarbeitung dieser
    Daten …" ← "Zu diesen Kategorien zählen …"), then those after it;
    when too few follow it, the ones closest before it."""
    same = sorted((c for c in candidates if c.n == lead.n and c is not lead),
                  key=lambda c: c.position)
    before = [c for c in same if c.position < lead.position]
    after = [c for c in same if c.position > lead.position]
    out: list[S] = []
    current = lead
    while before and len(out) < follow and refers_back(current.text):
        current = before.pop()
        out.insert(0, current)
    out += after[: follow - len(out)]
    # a lead at the end of its section: the rule stands before it
    return before[len(before) - (follow - len(out)):] + out if len(out) < follow and before \
        else out


def best_of(shape: re.Pattern[str], candidates: Sequence[S], chosen: Sequence[S], floor: float,
            on_question: Callable[[S], bool]) -> S | None:
    """The best sentence of ``shape`` (a way out, a law), when ``chosen`` has none: scored at
    least ``floor`` and on the question."""
    if any(shape.search(c.text) for c in chosen):
        return None
    fitting = [c for c in candidates if c not in chosen and c.score >= floor
               and shape.search(c.text) and on_question(c)]
    return max(fitting, key=lambda c: c.score) if fitting else None


def with_rule(lead: S, candidates: Sequence[S], chosen: list[S], *, floor: float,
              on_question: Callable[[S], bool], similar: Callable[[S, S], bool],
              limit: int, law: bool = True, anchor: S | None = None,
              permits: Callable[[S], bool] | None = None) -> tuple[list[S], list[S]]:
    """``chosen`` (which holds the lead) with the lead's (or ``anchor``'s) neighbours, the
    conditions, the law and a way out added, at most ``limit`` sentences or as many as
    ``chosen`` had (the weakest others give way), and those sentences in the order they follow
    the lead. ``permits`` tells a sentence that allows the action under conditions ("… nur dann
    …, wenn es eine Rechtsgrundlage gibt"): a "no" or an "only if" quotes the best one when
    the answer has none yet, since the reader needs to know what would make it allowed."""
    # a lead from a list of steps has steps around it: the rule stands around ``anchor``, the
    # best deciding sentence of a section that is not a list of steps
    near = neighbours(lead, candidates) if anchor is None or anchor is lead else (
        [anchor] + neighbours(anchor, candidates))
    limit = max(limit, len(chosen))  # never longer than the answer was allowed to grow
    # a neighbour said already by a sentence of another passage ("… am 1.8.2024 in Kraft" –
    # "… am 1. August 2024 in Kraft") is quoted here, by its rule, instead: otherwise the
    # other copy may give way as the weakest, and the rule loses what it rests on
    twins = {id(o) for c in near if c not in chosen for o in chosen
             if o is not lead and o.n != lead.n and o not in near and similar(c, o)}
    chosen = [o for o in chosen if id(o) not in twins]
    follows = [c for c in near if c in chosen or not any(similar(c, o) for o in chosen)]
    quoted = chosen + follows
    if permits is not None and not any(permits(c) for c in quoted):
        allowing = [c for c in candidates if c not in quoted and c.score >= floor and permits(c)
                    and on_question(c) and not any(similar(c, o) for o in quoted)]
        if allowing:
            follows.append(max(allowing, key=lambda c: c.score))
    # the law it rests on (not needed for a plain "yes": ``law`` false; a cited norm before
    # a law only named), the conditions, then the way out
    shapes = ((NORM, LAW) if law else ()) + (CONDITIONS, INSTEAD)
    for shape in shapes:
        if shape is LAW and any(NORM.search(c.text) for c in list(chosen) + follows):
            continue
        found = best_of(shape, candidates, list(chosen) + follows, floor, on_question)
        if found is not None and not any(similar(found, o) for o in list(chosen) + follows):
            follows.append(found)
    # the lead, its followers, and the first law and way out already chosen stay
    keep = {id(lead)} | {id(c) for c in follows} | {
        id(next(c for c in chosen if shape.search(c.text)))
        for shape in (LAW, INSTEAD) if any(shape.search(c.text) for c in chosen)}
    out = list(chosen) + [c for c in follows if c not in chosen]
    while len(out) > limit:
        weakest = min((c for c in out if id(c) not in keep), key=lambda c: c.score, default=None)
        if weakest is None:
            break
        out.remove(weakest)
    return out, follows
