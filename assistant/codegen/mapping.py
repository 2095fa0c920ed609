"""Map the user's columns onto a template's slots, deterministically.

A slot is described by German text (the catalogue entry's input description, the formula's
numerator or denominator, synonyms, or a phrase from the user's task). A column matches when
every word of every distinguishing header label is found in that text ("ohne
Hauptschulabschluss" for the numerator); a total label ("Insgesamt") is taken when the text names
no other label of that header level. A label with a word the text does not contain rules the
column out ("weiblich" is not the denominator "alle Absolventen und Abgänger").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Protocol

from assistant.catalogue.search import normalize, token_score
from assistant.codegen.source import TOTAL_LABELS, ValueColumn

#: Words that carry no meaning in a header label.
#: ("mit" too: "mit allgemeiner Hochschulreife" is named by "allgemeine Hochschulreife"; "ohne"
#: stays, it is what tells "ohne" from "mit Hauptschulabschluss".)
_FILLER = frozenset(["der", "die", "das", "des", "dem", "den", "und", "nach", "von", "vom", "im", "in", "an", "am", "auf", "fuer", "zu", "zur", "zum", "dar", "darunter", "einschl", "einschliesslich", "bzw", "sowie", "anzahl", "mit"])
_NAME_ONLY = {"region", "jahr"}


class ColumnSet(Protocol):
    """What the matcher needs of a table: its value columns (labels per header level) and the
    header levels that tell them apart. :class:`assistant.codegen.source.DataFile` is one;
    :class:`HeaderView` wraps a table read elsewhere (reports)."""

    @property
    def columns(self) -> list[ValueColumn]: ...

    @property
    def layout(self) -> str: ...

    def varying_levels(self) -> list[int]: ...


@dataclass
class HeaderView:
    """Value columns with their header labels, from a tidy frame (``header_1`` … per value)."""

    columns: list[ValueColumn]
    levels: list[int]
    layout: str = "genesis"

    def varying_levels(self) -> list[int]:
        return list(self.levels)


def words(text: str) -> list[str]:
    return [t for t in normalize(text).split() if t not in _FILLER and not t.replace(".", "").isdigit()]


_ENDINGS = ("en", "em", "er", "es", "e", "n", "s")


def _stem(tok: str) -> str:
    """A word without one adjective/noun ending ("mittleren", "mittlerem" -> "mittler")."""
    for ending in _ENDINGS:
        if tok.endswith(ending) and len(tok) - len(ending) >= 5:
            return tok[: -len(ending)]
    return tok


def _head(part: str, whole: str) -> bool:
    """``part`` is the head (last part) of the compound ``whole``: "abschluss" of
    "hauptschulabschluss", not "kinder" of "kindergaerten" (a modifier names something else)."""
    return len(part) >= 5 and len(whole) > len(part) and _stem(whole).endswith(_stem(part))


def _covered(label_tok: str, text_toks: list[str]) -> float:
    stem = _stem(label_tok)
    best = 0.0
    for tok in text_toks:
        if _stem(tok) == stem or token_score(tok, label_tok) == 1.0:
            return 1.0
        if _head(tok, label_tok):
            best = max(best, 0.6)  # the text names the kind: "Abschluss" for "Hauptschulabschluss"
        elif _head(label_tok, tok):
            best = max(best, 0.5)  # the text's compound ends with the label word
    return best


@dataclass(frozen=True)
class Candidate:
    column: ValueColumn
    score: float


@dataclass
class SlotMatch:
    slot: str
    text: str
    candidates: list[Candidate] = field(default_factory=list)

    @property
    def column(self) -> ValueColumn | None:
        return self.candidates[0].column if self.candidates else None

    @property
    def ambiguous(self) -> bool:
        return len(self.candidates) > 1 and self.candidates[0].score - self.candidates[1].score < 0.25


def _label_fit(label: str, text_toks: list[str], names_total: bool) -> tuple[str, float]:
    """("full" | "partial" | "none" | "total", score) of one header label against the text."""
    toks = words(label)
    if not toks:
        return "empty", 0.0
    if all(t in TOTAL_LABELS for t in toks):
        # A named total is weaker evidence than a named specific label ("weiblich").
        return ("full", 0.75) if names_total else ("total", 0.5)
    covered = [_covered(t, text_toks) for t in toks]
    if min(covered) > 0:
        return "full", sum(covered)
    if covered[_head_index(label)] > 0:
        return "partial", 0.2 * sum(covered)
    return "none", 0.0  # only a complement is named ("Kinder" of "Tageseinrichtungen für Kinder")


_PREPOSITIONS = frozenset(["fuer", "von", "vom", "mit", "nach", "der", "des", "aus", "bei", "ohne", "zum", "zur",
                           "in", "im", "an", "am", "auf", "unter", "ueber"])


def _head_index(label: str) -> int:
    """Position (in :func:`words`) of the label's head noun: the last capitalised word before a
    preposition ("Tageseinrichtungen für Kinder", "Verfügbare Plätze", "Schüler insgesamt")."""
    kept = words(label)
    if not kept:
        return 0
    nouns: list[str] = []
    for raw in re.findall(r"[^\W\d_][\w.]*", label):
        tok = normalize(raw)
        if tok in _PREPOSITIONS and nouns:
            break
        if raw[:1].isupper() and tok in kept and tok not in TOTAL_LABELS:
            nouns.append(tok)
    head = nouns[-1] if nouns else kept[-1]
    return kept.index(head)


def split_compounds(toks: list[str], vocabulary: set[str]) -> list[str]:
    """Add the parts of compounds whose last part is a header word ("krippenplaetze" ->
    "krippen", "plaetze"), so a task's compound finds the label "Plätze für Krippenkinder"."""
    out = list(toks)
    for tok in toks:
        for ending in ("", "n", "en", "s", "es", "e"):
            base = tok[: len(tok) - len(ending)]
            if not tok.endswith(ending):
                continue
            tails = [w for w in vocabulary if len(w) >= 5 and base != w and base.endswith(w) and len(base) - len(w) >= 4]
            if tails:
                tail = max(tails, key=len)
                out += [base[: -len(tail)], tail]
                break
    return out


def score_column(data: ColumnSet, column: ValueColumn, text: str, slot_name: str = "") -> float | None:
    """How well ``column`` fits the slot text; ``None`` when the text names another label of one
    of the column's header levels and not this one."""
    vocabulary = {t for c in data.columns for label in c.labels for t in words(label)}
    text_toks = split_compounds(words(text), vocabulary)
    if slot_name and normalize(column.name).replace(" ", "_") == slot_name:
        return 100.0  # the user's CSV already uses the contract's column name
    levels = data.varying_levels() if data.layout == "genesis" else [0]
    names_total = any(t in TOTAL_LABELS for t in text_toks)
    total = 0.0
    evidence, grand = False, True
    for level in levels:
        label = column.labels[level] if level < len(column.labels) else ""
        fit, value = _label_fit(label, text_toks, names_total)
        if fit in ("partial", "none"):
            others = {c.labels[level] for c in data.columns if level < len(c.labels)} - {label}
            if any(_label_fit(o, text_toks, names_total)[0] == "full" for o in others):
                return None
        is_total = fit == "total" or (fit == "full" and all(t in TOTAL_LABELS for t in words(label)))
        grand = grand and (is_total or fit == "empty")
        evidence = evidence or (fit in ("full", "partial") and not is_total)
        total += value
    # Totals are evidence only for the grand total ("Insgesamt | Insgesamt") of a text that asks
    # for a total; "insgesamt" alone does not pick "Tageseinrichtungen | Insgesamt".
    return total if evidence or (grand and names_total) else None


def match_slot(data: ColumnSet, slot: str, text: str, exclude: set[int] = frozenset()) -> SlotMatch:  # type: ignore[assignment]
    found = []
    for column in data.columns:
        if column.index in exclude:
            continue
        value = score_column(data, column, text, slot)
        if value is not None and value > 0:
            found.append(Candidate(column, value))
    found.sort(key=lambda c: (-c.score, c.column.index))
    return SlotMatch(slot, text, found)


def names_subject(data: ColumnSet, text: str) -> bool:
    """The text names the subject of the table's title (the words before "nach", " - ", "(")."""
    title = getattr(data, "title", "") or ""
    head = re.split(r"\bnach\b|\s-\s|\(|,", title, maxsplit=1)[0]
    subject = {_stem(t) for t in words(head)}
    return bool(subject) and bool(subject & {_stem(t) for t in words(text)})


def grand_total(data: ColumnSet) -> ValueColumn | None:
    """The column whose labels are all totals ("Insgesamt | Insgesamt"), if there is one."""
    return next((c for c in data.columns if _is_grand_total(data, c)), None)


def _is_grand_total(data: ColumnSet, column: ValueColumn) -> bool:
    levels = data.varying_levels() if data.layout == "genesis" else []
    return bool(levels) and all(
        all(t in TOTAL_LABELS for t in words(column.labels[lvl] if lvl < len(column.labels) else ""))
        for lvl in levels)


def slot_texts(indicator) -> dict[str, str]:
    """Text per numeric input slot of a catalogue entry: description, name and the formula part
    (numerator or denominator) that shares most words with it."""
    slots = [c for c in indicator.input if c.name not in _NAME_ONLY and c.type != "str"]
    texts = {c.name: f"{c.description} {c.name.replace('_', ' ')}" for c in slots}
    for part in (indicator.formula.numerator, indicator.formula.denominator):
        if not part or not slots:
            continue
        part_toks = set(words(part))
        best = max(slots, key=lambda c: len(part_toks & set(words(texts[c.name]))))
        if part_toks & set(words(texts[best.name])):
            texts[best.name] += f" {part}"
    return texts


def map_slots(data: ColumnSet, texts: dict[str, str], taken: set[int] | None = None) -> dict[str, SlotMatch]:
    """One column per slot; a column already taken (by the user or by a better-matching slot) is
    not reused."""
    matches = {slot: match_slot(data, slot, text) for slot, text in texts.items()}
    order = sorted(matches, key=lambda s: -(matches[s].candidates[0].score if matches[s].candidates else 0))
    taken = set(taken or ())
    result = {}
    for slot in order:
        match = match_slot(data, slot, texts[slot], exclude=taken)
        if match.column is not None:
            taken.add(match.column.index)
        result[slot] = match
    return {slot: result[slot] for slot in texts}


def total_of(data: ColumnSet, column: ValueColumn) -> ValueColumn | None:
    """The column that totals ``column``'s category: same labels except the first header level
    where ``column`` has a specific label and a sibling has a total label ("mit allgemeiner
    Hochschulreife | Insgesamt" -> "Insgesamt | Insgesamt")."""
    for level in data.varying_levels() if data.layout == "genesis" else []:
        if all(t in TOTAL_LABELS for t in words(column.labels[level])):
            continue
        for other in data.columns:
            if other is column or len(other.labels) != len(column.labels):
                continue
            same_elsewhere = all(a == b for n, (a, b) in enumerate(zip(other.labels, column.labels)) if n != level)
            toks = words(other.labels[level])
            if same_elsewhere and toks and all(t in TOTAL_LABELS for t in toks):
                return other
    return None
