"""Which table column feeds which input of a catalogue entry.

A stop-gap until code generation (``assistant.codegen``) offers its slot mapping to reports: the
rule is the same in spirit. A column fits an input when every word of its distinguishing header
labels occurs in the input's texts (description, name, the formula part it belongs to); a total
label ("Insgesamt") is accepted; a label with a word the texts lack rules the column out
("weiblich" is not "alle Absolventen und Abgänger"). The user can name a column explicitly.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.catalogue.search import normalize
from assistant.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

    from assistant.catalogue.schema import Indicator

TOTALS = {"insgesamt", "zusammen", "gesamt", "summe", "alle", "total"}
FILLER = {"der", "die", "das", "des", "dem", "den", "und", "nach", "von", "vom", "im", "in", "an",
          "am", "auf", "fuer", "zu", "zur", "zum", "dar", "darunter", "einschl", "einschliesslich",
          "bzw", "sowie", "anzahl", "je"}


@dataclass(frozen=True)
class InputColumn:
    """An input of the catalogue entry and the table column that feeds it."""

    name: str
    description: str
    labels: Mapping[str, str]
    column: str
    chosen_by: str  # "automatisch" or "Nutzer"

    def to_dict(self) -> dict:
        return {"input": self.name, "description": self.description, "column": self.column,
                "chosen_by": self.chosen_by}


def words(text: str) -> list[str]:
    return [t for t in normalize(text).split() if t not in FILLER and not t[:1].isdigit()]


def _covered(word: str, text_words: list[str]) -> bool:
    for t in text_words:
        if t == word or (len(word) >= 5 and len(t) >= 5 and (word in t or t in word)):
            return True
        if len(word) >= 8 and len(t) >= 8 and word[:8] == t[:8]:
            return True
    return False


def header_columns(tidy: pd.DataFrame) -> tuple[list[str], list[dict[str, str]]]:
    """Header levels that differ between value columns, and one label dict per value column."""
    levels = sorted((c for c in tidy.columns if c.startswith("header_")),
                    key=lambda c: int(c.split("_")[1]))
    combos = tidy[levels].drop_duplicates().to_dict("records")
    varying = [lvl for lvl in levels if len({c[lvl] for c in combos}) > 1]
    return varying, combos


def _name(combo: dict[str, str], varying: list[str]) -> str:
    return " | ".join(combo[lvl] for lvl in varying if combo[lvl]) or " | ".join(combo.values())


def _score(combo: dict[str, str], varying: list[str], text: str) -> float | None:
    text_words = words(text)
    names_total = any(w in TOTALS for w in text_words)
    total = 0.0
    for lvl in varying:
        toks = words(combo[lvl])
        if not toks:
            continue
        if all(t in TOTALS for t in toks):
            total += 1.0 if names_total else 0.5
            continue
        if not all(_covered(t, text_words) for t in toks):
            return None
        total += len(toks)
    return total


def slot_texts(indicator: Indicator) -> dict[str, str]:
    slots = [c for c in indicator.input if c.name not in ("region", "jahr") and c.type != "str"]
    texts = {c.name: f"{c.description} {c.name.replace('_', ' ')}" for c in slots}
    for part in (indicator.formula.numerator, indicator.formula.denominator):
        if not part or not slots:
            continue
        part_words = set(words(part))
        best = max(slots, key=lambda c: len(part_words & set(words(texts[c.name]))))
        if part_words & set(words(texts[best.name])):
            texts[best.name] += f" {part}"
    return texts


def map_inputs(indicator: Indicator, tidy: pd.DataFrame,
               chosen: Mapping[str, str]) -> tuple[list[InputColumn], list[str]]:
    """Columns for the numeric inputs of ``indicator``: (found, names of inputs not found)."""
    varying, combos = header_columns(tidy)
    texts = slot_texts(indicator)
    desc = {c.name: c.description for c in indicator.input}
    unknown = sorted(set(chosen) - set(texts))
    if unknown:
        raise InputError(f"{', '.join(unknown)} ist keine Eingabe von {indicator.id}.",
                         f"Eingaben sind: {', '.join(texts)}.")
    found: dict[str, InputColumn] = {}
    taken: set[int] = set()
    for slot, label in chosen.items():
        index = _pick_by_label(combos, varying, label)
        taken.add(index)
        found[slot] = InputColumn(slot, desc[slot], combos[index], _name(combos[index], varying),
                                  "Nutzer")
    scored = []
    for slot, text in texts.items():
        if slot in found:
            continue
        for i, combo in enumerate(combos):
            score = _score(combo, varying, text)
            if score:
                scored.append((score, slot, i))
    for _points, slot, i in sorted(scored, key=lambda s: (-s[0], s[2])):
        if slot in found or i in taken:
            continue
        taken.add(i)
        found[slot] = InputColumn(slot, desc[slot], combos[i], _name(combos[i], varying),
                                  "automatisch")
    missing = [s for s in texts if s not in found]
    return [found[s] for s in texts if s in found], missing


def _pick_by_label(combos: list[dict[str, str]], varying: list[str], label: str) -> int:
    wanted = normalize(label)
    hits = [i for i, c in enumerate(combos)
            if wanted and all(w in normalize(_name(c, varying)).split() for w in wanted.split())]
    if not hits:
        names = ", ".join(f"'{_name(c, varying)}'" for c in combos[:12])
        raise InputError(f"Keine Spalte der Tabelle passt zu '{label}'.",
                         f"Spalten sind: {names}.")
    # Among several hits take the one whose other labels are totals ("Insgesamt").
    def rest(i: int) -> int:
        extra = set(normalize(_name(combos[i], varying)).split()) - set(wanted.split())
        return sum(1 for w in extra if w not in TOTALS)
    return min(hits, key=lambda i: (rest(i), i))
