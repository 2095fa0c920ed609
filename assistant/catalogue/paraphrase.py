"""Questions that paraphrase an indicator's name with other word forms (deterministic, no model).

``search.mentions`` finds an indicator only when the question contains the words of its name or a
synonym. People often ask with verbs and participles instead: "ganztags betreut" for the
Ganztagsbetreuungsquote, "nicht versetzt" for Nichtversetzungen, "eine Klasse wiederholen" for
Klassenwiederholungen. Here each name word is split into compound parts by the question's own
word stems: ``ganztags|betreuungs|quote`` is covered by "ganztags" and "betreut" (stem ``betreu``
plus the derivation ``-ungs``), with the generic head ``quote``.

Precision: a label is paraphrased only when at least two content parts are covered, or one content
part and the generic head (quote, anteil, …) is asked for by a quantity word (wie viele, Anteil,
Prozent). "Wie fördern wir Kinder?" does not name the Förderquote.
"""

from __future__ import annotations

from collections.abc import Sequence

from assistant.catalogue.schema import Indicator
from assistant.catalogue.search import STOPWORDS, mentions, normalize

#: Endings stripped from a question word to get its stem (longest first): inflection and derivation.
_ENDINGS = ("ungen", "ung", "ern", "end", "ten", "te", "er", "en", "em", "es", "st", "et", "e",
            "t", "s", "n")
#: What may follow a stem inside a compound name part: inflection, derivation, linking element.
_JOINS = ("", "ungen", "ungs", "ung", "ers", "er", "ens", "en", "es", "e", "s", "n")
#: Generic heads of indicator names: they say "a share of", not what is counted.
_HEADS = ("quote", "quoten", "anteil", "anteile", "rate", "raten", "relation", "zahl", "zahlen")
#: Words by which a question asks for a share or a count (so it may leave out the head).
_QUANTITY = ("wie viele", "wie vielen", "wie viel", "wie hoch", "anteil", "prozent", "quote",
             "wie oft", "wie gross", "haeufig")
MIN_STEM = 4


def stem(word: str) -> str:
    """The word without its longest German ending, keeping at least ``MIN_STEM`` letters."""
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _segment(part: str, stems: frozenset[str]) -> tuple[int, bool] | None:
    """Split a name word into question stems (each with an allowed ending) and maybe a generic
    head at the end. Returns (content parts, head used) for the best split, or None."""
    best: tuple[int, bool] | None = None

    def walk(pos: int, count: int) -> None:
        nonlocal best
        rest = part[pos:]
        if not rest:
            if count and (best is None or (count, False) > best):
                best = (count, False)
            return
        if count and rest in _HEADS and (best is None or best[0] < count):
            best = (count, True)
        for s in stems:
            if not rest.startswith(s):
                continue
            after = pos + len(s)
            for join in _JOINS:
                if part.startswith(join, after):
                    walk(after + len(join), count + 1)

    walk(0, 0)
    return best


def _label_paraphrased(label: str, stems: frozenset[str], quantity: bool) -> int:
    """How many content parts of the label the question covers (0: not paraphrased)."""
    words = normalize(label).split()
    if not words or any(ch.isdigit() for ch in label):
        return 0  # numbers ("unter 3 Jahren") need the exact phrase (search.mentions)
    content = 0
    head = False
    for word in words:
        if len(word) < MIN_STEM or word in STOPWORDS:
            continue  # "der", "nach": part of the phrase, not of the topic
        if stem(word) in stems:
            content += 1
            continue
        split = _segment(word, stems)
        if split is None:
            return 0
        content += split[0]
        head = head or split[1]
    return content if content >= 2 or (content == 1 and head and quantity) else 0


def question_stems(question: str) -> frozenset[str]:
    """The question's words and their stems (short words dropped; "nicht" kept whole too)."""
    found = [w for w in normalize(question).split() if len(w) >= MIN_STEM and not w.isdigit()]
    return frozenset(found) | frozenset(stem(w) for w in found)


def paraphrased(indicators: Sequence[Indicator], question: str) -> list[Indicator]:
    """Indicators whose name or a synonym the question paraphrases, without naming one of them
    (``search.mentions`` found nothing): those covering the most content parts, catalogue order
    ("ganztags betreut" names the Ganztagsbetreuungsquote, not every Betreuungsquote)."""
    if mentions(list(indicators), question):
        return []
    stems = question_stems(question)
    q_norm = f" {normalize(question)} "
    quantity = any(f" {q} " in q_norm or f" {q}" in q_norm for q in _QUANTITY)
    scored = [(max(_label_paraphrased(label, stems, quantity) for label in [ind.name, *ind.synonyms]),
               ind) for ind in indicators]
    best = max((s for s, _ in scored), default=0)
    return [ind for s, ind in scored if s and s == best]
