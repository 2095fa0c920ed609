"""Which table column feeds which input of a catalogue entry.

The matching is code generation's (:mod:`assistant.codegen.mapping`, one matcher for the
package): a column fits an input when the words of its distinguishing header labels occur in the
input's texts (description, name, the formula part it belongs to); a total label ("Insgesamt") is
accepted; a label with a word the texts lack rules the column out ("weiblich" is not "alle
Absolventen und Abgänger"). The user can name a column explicitly.
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


def header_columns(tidy: pd.DataFrame) -> tuple[list[str], list[dict[str, str]]]:
    """Header levels that differ between value columns, and one label dict per value column."""
    levels = sorted((c for c in tidy.columns if c.startswith("header_")),
                    key=lambda c: int(c.split("_")[1]))
    combos = tidy[levels].drop_duplicates().to_dict("records")
    varying = [lvl for lvl in levels if len({c[lvl] for c in combos}) > 1]
    return varying, combos


def _name(combo: dict[str, str], varying: list[str]) -> str:
    return " | ".join(combo[lvl] for lvl in varying if combo[lvl]) or " | ".join(combo.values())


def map_inputs(indicator: Indicator, tidy: pd.DataFrame,
               chosen: Mapping[str, str]) -> tuple[list[InputColumn], list[str]]:
    """Columns for the numeric inputs of ``indicator``: (found, names of inputs not found)."""
    from assistant.codegen.mapping import slot_texts

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
    # The one header matcher of the package (the code generation uses it too).
    from assistant.codegen.mapping import HeaderView, map_slots
    from assistant.codegen.source import ValueColumn

    heads = sorted((c for c in tidy.columns if c.startswith("header_")), key=lambda c: int(c.split("_")[1]))
    view = HeaderView([ValueColumn(i, _name(combo, varying), tuple(_text(combo[h]) for h in heads))
                       for i, combo in enumerate(combos)], [heads.index(v) for v in varying])
    matches = map_slots(view, {slot: text for slot, text in texts.items() if slot not in found}, taken)
    for slot, match in matches.items():
        if match.column is not None:
            i = match.column.index
            found[slot] = InputColumn(slot, desc[slot], combos[i], _name(combos[i], varying), "automatisch")
    missing = [s for s in texts if s not in found]
    return [found[s] for s in texts if s in found], missing


def _text(value: object) -> str:
    return "" if value is None or value != value else str(value).strip()


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
