"""The one seam between reports and the computation: :func:`compute_indicator`.

Reading the table and computing the indicator belong to other rooms (``assistant.tables`` for
reading, ``catalogue.references`` for the reference implementation, ``assistant.codegen`` for the
validated code path, see :func:`validate_with_code`). This module only wires them:
it picks the table columns that feed the catalogue entry's inputs (:mod:`.columns`), runs the
pandas reference, and records what was checked. A cell that is missing in the table (``.``,
``x``, a Kreis that did not exist) leaves the outputs that depend on it missing too, instead of
being summed as 0.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from assistant.errors import InputError
from assistant.reports.columns import InputColumn, map_inputs

if TYPE_CHECKING:
    import pandas as pd

    from assistant.catalogue.schema import Indicator

#: Licence line the Regionaldatenbank/GENESIS tables require (attribution).
DL_DE_BY_2 = ("Datenlizenz Deutschland – Namensnennung – Version 2.0 "
              "(www.govdata.de/dl-de/by-2-0)")


@dataclass(frozen=True)
class TableSource:
    """What the report says about the data file: code, title, Stand, footnotes, licence."""

    path: Path
    table_code: str
    title: str
    stand: str | None = None
    footnotes: tuple[str, ...] = ()
    licence: str | None = None
    holder: str | None = None
    statistic: str | None = None
    #: What the time column means ("Schuljahr", "Stichtag 31.12.") and each year's label as printed.
    stichtag: str | None = None
    times: Mapping[int, str] = field(default_factory=dict)


@dataclass(frozen=True)
class ComputedIndicator:
    """The indicator computed for every region of the table.

    ``frame``: ``region`` (key as text), ``region_name``, ``level`` (Bund, Land, Kreis, …),
    ``jahr`` and the entry's output value columns (NaN where an input was missing).
    ``computable``: value columns the table can feed; ``missing``: inputs it lacks.
    """

    indicator: Indicator
    frame: pd.DataFrame = field(repr=False)
    validated: bool
    checks: tuple[str, ...]
    meta: TableSource
    inputs: tuple[InputColumn, ...]
    missing: tuple[str, ...]
    computable: tuple[str, ...]
    #: The checks of the code path in detail (name, passed, detail), for ``--json``.
    code_checks: tuple[dict, ...] = ()


def compute_indicator(indicator: Indicator, path: str | Path, *,
                      columns: Mapping[str, str] | None = None,
                      reference_dir: Path | None = None) -> ComputedIndicator:
    """Compute ``indicator`` from the table at ``path`` for all regions and years in it.

    ``columns`` maps an input name of the catalogue entry to a column label of the table the user
    chose ("plaetze" -> "Verfügbare Plätze"); the other inputs are found from the entry's texts.
    """
    from assistant.catalogue import references

    path = Path(path)
    if not path.is_file():
        raise InputError(f"Die Datei '{path}' gibt es nicht.", "Prüfen Sie den Pfad hinter --data.")
    if not indicator.computable:
        raise InputError(
            f"Für '{indicator.id}' ({indicator.name}) gibt es keine geprüfte Berechnung.",
            "Berichte gibt es für berechenbare Indikatoren ('lotse indicator list' zeigt "
            "'Referenz: R+pandas').")
    tidy, meta = _read(path)
    inputs, missing = map_inputs(indicator, tidy, columns or {})
    if len(missing) == len(inputs) + len(missing):
        raise InputError(
            f"Die Tabelle {meta.table_code or path.name} enthält keine Eingabe für "
            f"{indicator.id} ({indicator.name}); es fehlen: {_describe(indicator, missing)}.",
            "Wählen Sie eine Tabelle aus den Datenquellen des Indikators "
            f"('lotse indicator show {indicator.id}') oder ordnen Sie Spalten mit --spalte zu.")
    wide = _wide(tidy, inputs, missing)
    low, high = _run_twice(references.run_pandas, indicator, wide, missing, reference_dir)
    values = [c.name for c in indicator.output if c.role == "value"]
    frame = low.copy()
    for col in values:
        differs = ~((low[col] - high[col]).abs() < 1e-9)
        frame.loc[differs, col] = math.nan
    computable = tuple(c for c in values if frame[c].notna().any())
    names = tidy.drop_duplicates("region_key").set_index("region_key")
    frame["region"] = frame["region"].astype(str)
    frame.insert(1, "region_name", frame["region"].map(names["region_name"]).fillna(""))
    frame.insert(2, "level", frame["region"].map(names["level"]).fillna(""))
    fixture = references.check(indicator, reference_dir=reference_dir)
    checks = (
        f"Berechnet mit der pandas-Referenzimplementierung von {indicator.id} (knowledge/reference/pandas).",
        f"Referenz gegen die Handrechnung geprüft: {fixture}.",
    )
    return ComputedIndicator(indicator, frame, fixture.ok, checks, meta, tuple(inputs),
                             tuple(missing), computable)


#: ``generate(path, indicator_id, regions)`` -> a code-generation result with ``validated``,
#: ``mapping``, ``checks`` and ``result`` records (``Lotse.generate_code``).
CodeRunner = Callable[[Path, str, list[str]], Any]


def validate_with_code(computed: ComputedIndicator, regions: Sequence[str],
                       generate: CodeRunner | None) -> ComputedIndicator:
    """Cross-check the reference numbers of ``regions`` with the validated code path.

    Code generation (``assistant.codegen``) writes a snippet for the indicator, runs it in its
    sandbox and compares it with the reference on the data and on perturbed copies. The report
    counts as validated when that passed and the snippet's numbers equal the ones the report uses.
    A column chosen by the user is not known to code generation: then only the reference runs.
    """
    from assistant.errors import LotseError, PrivacyError

    if generate is None:
        return computed
    if any(i.chosen_by == "Nutzer" for i in computed.inputs) or computed.missing:
        note = ("Code-Abgleich ausgelassen: die Tabelle liefert nicht alle Eingaben oder Spalten "
                "wurden von Hand zugeordnet; die Zahlen stammen aus der Referenzimplementierung.")
        return replace(computed, validated=False, checks=(*computed.checks, note))
    try:
        result = generate(computed.meta.path, computed.indicator.id, list(regions))
    except PrivacyError as exc:  # fail closed: a table the privacy gate refuses gets no report
        raise PrivacyError(f"Der Bericht wurde nicht geschrieben. {exc.message}", exc.hint) from None
    except LotseError as exc:
        note = f"Code-Abgleich nicht möglich: {exc.message}"
        return replace(computed, validated=False, checks=(*computed.checks, note))
    values = [c.name for c in computed.indicator.output if c.role == "value"]
    mine = computed.frame.set_index(["region", "jahr"])
    differences = []
    for rec in result.result:
        key = (str(rec.get("region")), int(rec.get("jahr")))
        if key not in mine.index:
            continue
        for col in values:
            a, b = rec.get(col), mine.at[key, col]
            a = math.nan if a is None else float(a)
            if not (math.isnan(a) and math.isnan(b)) and not math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-6):
                differences.append(f"{col} {key[0]} {key[1]}")
    passed = [c.name for c in result.checks if c.passed]
    failed = [c.name for c in result.checks if not c.passed]
    summary = (f"Erzeugter Code (lotse code) geprüft, bestanden: {', '.join(passed)}"
               + (f"; nicht bestanden: {', '.join(failed)}" if failed else "") + ".")
    agree = ("Erzeugter Code und Referenz liefern für die Berichtsregionen dieselben Zahlen."
             if not differences else "Abweichung zwischen erzeugtem Code und Referenz: "
             + ", ".join(differences[:5]) + ".")
    return replace(computed, validated=bool(result.validated and not differences and computed.validated),
                   checks=(*computed.checks, summary, agree),
                   code_checks=tuple(c.to_dict() for c in result.checks))


def _describe(indicator: Indicator, names: list[str]) -> str:
    desc = {c.name: c.description for c in indicator.input}
    return ", ".join(f"{n} ({desc.get(n, n)})" for n in names)


def _read(path: Path) -> tuple[pd.DataFrame, TableSource]:
    """Tidy frame (``region_key``, ``region_name``, ``level``, ``year``, ``time``, ``header_1`` …,
    ``value``, ``symbol``) and what the report says about the file, via :mod:`assistant.tables`."""
    import re

    from assistant.tables import read_table

    table = read_table(path)
    meta = table.meta
    tidy = table.tidy
    if tidy["region_key"].isna().all():
        raise InputError(f"'{path.name}' hat keine Regionalschlüssel; ein Bericht vergleicht Regionen "
                         "über ihren Schlüssel.", "Nutzen Sie einen Export der Regionaldatenbank "
                         "oder eine Tabelle mit einer Spalte Regionalschlüssel.")
    tidy = tidy[tidy["region_key"].notna()]
    licence_text = meta.licence or ""
    holder = None
    if (match := re.search(r"©\s*([^.]*?\d{4})", licence_text)):
        holder = "© " + match.group(1).strip()
    licence = DL_DE_BY_2 if "Datenlizenz Deutschland" in licence_text or meta.is_official else (
        licence_text or None)
    source = TableSource(path=path, table_code=meta.table_code or "", title=meta.title or "",
                         stand=meta.stand, footnotes=tuple(meta.footnotes), licence=licence,
                         holder=holder, statistic=meta.statistic, stichtag=meta.stichtag,
                         times={int(y): str(t) for y, t in tidy[["year", "time"]].dropna()
                                .drop_duplicates("year").itertuples(index=False)})
    return tidy, source


def _wide(tidy: pd.DataFrame, inputs: list[InputColumn], missing: list[str]) -> pd.DataFrame:
    import pandas as pd

    keys = tidy[["region_key", "year"]].drop_duplicates()
    out = keys.rename(columns={"region_key": "region", "year": "jahr"}).reset_index(drop=True)
    for item in inputs:
        mask = pd.Series(True, index=tidy.index)
        for level, label in item.labels.items():
            mask &= tidy[level] == label
        part = tidy.loc[mask, ["region_key", "year", "value"]].rename(
            columns={"region_key": "region", "year": "jahr", "value": item.name})
        out = out.merge(part, on=["region", "jahr"], how="left")
    for name in missing:
        out[name] = math.nan
    return out


def _run_twice(run, indicator, wide, missing, reference_dir):
    """Run the reference twice with the missing cells set to two different sets of numbers (each
    input its own): an output that differs between the runs depends on a missing cell and is left
    missing."""
    numeric = [c.name for c in indicator.input if c.name in wide.columns
               and c.name not in ("region", "jahr") and c.type != "str"]
    results = []
    for base, step in ((1.0, 0.37), (7.0, 1.91)):
        frame = wide.copy()
        for i, name in enumerate(numeric):
            frame[name] = frame[name].fillna(base + i * step)
        result = run(indicator.id, frame, reference_dir)
        result["region"] = result["region"].astype(str)
        results.append(result.sort_values(["region", "jahr"]).reset_index(drop=True))
    return results[0], results[1]
