"""Build a report draft: compute, select rows, suppress small cells, facts, text, check.

The order is fixed: the numbers come from :func:`compute_indicator`; small counts are hidden
before any fact is formed (a hidden cell never reaches a sentence, the chart or the model); the
text comes from the templates (or an instruct model phrasing the same facts); the grounding check
runs on the final sentences.
"""

from __future__ import annotations

import difflib
import math
import os
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from assistant.errors import InputError
from assistant.reports import breaks as brk
from assistant.reports.compute import (
    CodeRunner,
    ComputedIndicator,
    compute_indicator,
    validate_with_code,
)
from assistant.reports.facts import (
    Fact,
    Measure,
    Row,
    build_facts,
    caveat_facts,
    short_name,
)
from assistant.reports.grounding import Grounding, SentenceCheck, allowed_values
from assistant.reports.model import ReportDraft, ReportRequest, Section, ValueTable
from assistant.reports.numbers import fmt, fmt_value
from assistant.reports.text import ReportTexts, Sentence, render_facts

if TYPE_CHECKING:
    from assistant.catalogue.schema import Indicator

Phraser = Callable[[Sequence[Sentence]], list[Sentence]]


def build_draft(request: ReportRequest, indicator: Indicator, texts: ReportTexts, *,
                min_cell_count: int, phrase: Phraser | None = None,
                generate: CodeRunner | None = None) -> ReportDraft:
    computed = compute_indicator(indicator, request.data, columns=request.columns)
    measure = _measure(indicator, computed, request.value)
    rows, suppressed = _rows(computed, request, measure, min_cell_count)
    main = [r for r in rows if r.role == "region"]
    if not any(not r.suppressed and not math.isnan(r.values.get(measure.column, math.nan)) for r in main):
        if any(r.suppressed for r in main):
            raise InputError(
                f"Für {request.region} sind alle Werte von '{measure.label}' gesperrt (Fallzahlen "
                f"unter {min_cell_count}); daraus lässt sich kein Bericht schreiben.",
                "Wählen Sie eine größere Gebietseinheit oder fassen Sie Jahre zusammen.")
        name = main[0].name if main else request.region
        raise InputError(
            f"Für {request.region} ({name}) enthält die Tabelle keine Werte von '{measure.label}': "
            "das Gebiet bestand zu dieser Zeit nicht (Zeile mit '-', z. B. nach einer Gebietsreform) "
            "oder die Werte fehlen.",
            f"Regionen mit Werten und ähnlichem Namen: {_with_values(computed, measure, name)}.")
    computed = validate_with_code(computed, list(dict.fromkeys(r.key for r in rows)), generate)
    notes = list(suppressed)
    if not computed.validated:
        notes.append("Der Rechenweg ist nicht vollständig geprüft (siehe Datenquelle, Berechnung).")
    threshold = request.threshold if request.threshold is not None else (
        1.0 if measure.unit == "%" else 0.05 * abs(_latest(main, measure.column)))
    lands = {k: n for k, n, lvl in computed.frame[["region", "region_name", "level"]]
             .drop_duplicates("region").itertuples(index=False) if lvl == "Land"}
    foot = brk.footnote_breaks(computed.meta.footnotes, lands, [i.column for i in computed.inputs])
    region_breaks = brk.breaks_for(request.region, foot, brk.caveat_breaks(indicator.caveats, indicator.id))
    facts = build_facts(rows, measure, threshold=threshold, breaks=region_breaks,
                        times=dict(computed.meta.times))
    seed = f"{indicator.id}:{request.region}"
    findings = render_facts(facts, texts, seed)
    caveats = render_facts(caveat_facts(indicator.caveats), texts, seed)
    grounding = Grounding(
        allowed_values(rows, list(measure_columns(measure)), {measure.column: measure.decimals},
                       threshold, peers=sum(1 for r in rows if r.role in ("region", "compare"))
                       or 1),
        masked=_masked(computed, indicator, rows), evaluative_words=texts.evaluative_words)
    origin, model_checks = "Vorlagen", list[SentenceCheck]()
    if phrase is not None and findings:
        findings, origin, model_checks = _phrased(phrase, findings, facts, grounding, notes)
    measured = _measured(indicator, computed, measure)
    checks = [grounding.check(s) for s in
              [*measured, *(findings if origin == "Vorlagen" else []), *caveats]]
    dropped = {id(c.sentence) for c in checks if not c.kept}
    notes += [f"Satz weggelassen ({c.reason()}): „{c.sentence.text}“" for c in checks if not c.kept]
    notes += [f"Wertendes Wort im Satz ({', '.join(c.evaluative)}): „{c.sentence.text}“ – bitte "
              "prüfen." for c in checks if c.kept and c.evaluative]

    def keep(sentences: Sequence[Sentence]) -> tuple[str, ...]:
        return tuple(s.text for s in sentences if id(s) not in dropped)

    region_name = short_name(main[0].name)
    latest_year = max(r.year for r in main if not math.isnan(r.values.get(measure.column, math.nan)))
    meta = computed.meta
    caveat_text = [*keep(caveats), *suppressed]
    sections = [
        Section(texts.sections["measured"], keep(measured)),
        Section(texts.sections["findings"], (" ".join(keep(findings)),) if keep(findings) else ()),
        Section(texts.sections["caveats"], tuple(caveat_text)),
    ]
    source_lines = _source_lines(texts, computed, indicator)
    chart_source = texts.sections["chart_source"].format(
        holder=meta.holder or "eigene Daten", table=meta.table_code or meta.path.name)
    return ReportDraft(
        title=texts.sections["title"].format(name=indicator.name, region=region_name),
        subtitle=texts.sections["subtitle"].format(
            id=indicator.id, zeit=meta.times.get(latest_year, str(latest_year))
            + (f" ({meta.stichtag})" if meta.stichtag else "")),
        sections=sections, table=_table(rows, computed, measure),
        chart_title=f"{measure.label}: {region_name} im Vergleich, " + _span(main, meta.times),
        chart_source=chart_source, source_lines=source_lines,
        licence_line=texts.sections["licence_line"].format(licence=meta.licence) if meta.licence else None,
        rows=rows, facts=[*facts, *caveat_facts(indicator.caveats)],
        checks=[*model_checks, *checks],
        notes=notes, computation=_computation(computed, measure, threshold, region_breaks),
        text_origin=origin, measure=measure, breaks=sorted({b.year for b in region_breaks}),
        headings=dict(texts.sections))


def _phrased(phrase: Phraser, findings: list[Sentence], facts: Sequence[Fact], grounding: Grounding,
             notes: list[str]) -> tuple[list[Sentence], str, list[SentenceCheck]]:
    """The model's sentences that pass the check, if they still name the region's value; else the
    template sentences. Every dropped sentence is reported in ``notes``."""
    checks = [grounding.check(s) for s in phrase(findings)]
    kept = [c.sentence for c in checks if c.kept]
    notes += [f"Satz des Modells weggelassen ({c.reason()}): „{c.sentence.text}“"
              for c in checks if not c.kept]
    main_value = facts[0].figures[0] if facts and facts[0].figures else None
    said = {n.text for c in checks if c.kept for n in c.numbers}
    if kept and (main_value is None or main_value.text.split()[0] in said):
        return kept, "Modell", checks
    notes.append("Der Text des Modells nennt den Wert der Region nicht (oder keiner seiner Sätze "
                 "hat die Prüfung bestanden); der Befund kommt aus den Vorlagen.")
    return findings, "Vorlagen", checks


def _span(main: Sequence[Row], times) -> str:
    years = sorted({r.year for r in main})
    first, last = times.get(years[0], str(years[0])), times.get(years[-1], str(years[-1]))
    return first if first == last else f"{first}–{last}"


def measure_columns(measure: Measure) -> list[str]:
    return [measure.column, *(c for c, _ in measure.counts)]


def _latest(rows: Sequence[Row], column: str) -> float:
    usable = [r for r in rows if not r.suppressed and not math.isnan(r.values.get(column, math.nan))]
    return max(usable, key=lambda r: r.year).values[column] if usable else 0.0


def _measure(indicator: Indicator, computed: ComputedIndicator, wanted: str | None) -> Measure:
    values = [c for c in indicator.output if c.role == "value"]
    by_name = {c.name: c for c in values}
    column = wanted or values[-1].name
    if column not in by_name:
        raise InputError(f"'{column}' ist kein Wert von {indicator.id}.",
                         f"Möglich sind: {', '.join(by_name)}.")
    if column not in computed.computable:
        desc = {c.name: c.description for c in indicator.input}
        missing = ", ".join(f"{m} ({desc.get(m, m)})" for m in computed.missing) or "keine"
        others = [c for c in computed.computable if c != column]
        hint = (f"Aus dieser Tabelle berechenbar: {', '.join(others)} (mit --wert wählen). "
                if others else "")
        raise InputError(
            f"Die Tabelle {computed.meta.table_code or computed.meta.path.name} kann "
            f"'{by_name[column].description}' von {indicator.id} nicht liefern; es fehlen die "
            f"Eingaben: {missing}.",
            f"{hint}Fehlende Spalten lassen sich mit --spalte NAME=SPALTE zuordnen.")
    headline = column == values[-1].name
    unit = "%" if headline and indicator.formula.unit.strip() == "%" else ""
    decimals = 1 if by_name[column].type == "float" else 0
    label = indicator.name if headline else by_name[column].description
    counts = [(c.name, c.description) for c in values
              if c.type == "int" and c.name != column and c.name in computed.computable]
    return Measure(column, label, unit, decimals, counts, axis=by_name[column].description)


def _rows(computed: ComputedIndicator, request: ReportRequest, measure: Measure,
          min_cell_count: int) -> tuple[list[Row], list[str]]:
    frame = computed.frame
    keys = list(dict.fromkeys(frame["region"]))
    for key in (request.region, *request.compare):
        if key not in keys:
            raise InputError(f"Den Regionalschlüssel '{key}' gibt es in der Tabelle "
                             f"{computed.meta.table_code or computed.meta.path.name} nicht.",
                             f"Am nächsten liegen: {_closest(key, frame)}.")
    if request.region in request.compare:
        raise InputError(f"{request.region} ist Berichtsregion und Vergleichsregion zugleich.",
                         "Nennen Sie die Region nur einmal.")
    roles = [(request.region, "region"), *((k, "compare") for k in request.compare)]
    if request.region != "DG" and len(request.region) > 2 and request.region[:2] in keys:
        roles.append((request.region[:2], "land"))
    if "DG" in keys and request.region != "DG":
        roles.append(("DG", "bund"))
    years = set(request.years)
    if years and not years & set(frame["jahr"].astype(int)):
        have = ", ".join(str(y) for y in sorted(set(frame["jahr"].astype(int))))
        raise InputError(f"Die Tabelle enthält keine Werte für {', '.join(map(str, sorted(years)))}.",
                         f"Vorhanden sind: {have}.")
    columns = measure_columns(measure)
    counts = [c for c in columns if c in _int_outputs(computed)]
    rows, notes = [], []
    for key, role in dict(roles).items():
        part = frame[frame["region"] == key].sort_values("jahr")
        for rec in part.to_dict("records"):
            year = int(rec["jahr"])
            if years and year not in years:
                continue
            values = {c: float(rec[c]) for c in columns}
            small = [c for c in counts if not math.isnan(values[c]) and 1 <= values[c] < min_cell_count]
            if small:
                notes.append(f"Gesperrt: {short_name(rec['region_name'])} {year} – eine Fallzahl liegt "
                             f"unter {min_cell_count} (Mindestfallzahl, Datenschutz); die ganze Zeile "
                             "wird nicht veröffentlicht, weil sich die Zahl sonst zurückrechnen ließe.")
            rows.append(Row(key, str(rec["region_name"]), role, year, values, bool(small)))
    return rows, notes


def _int_outputs(computed: ComputedIndicator) -> set[str]:
    return {c.name for c in computed.indicator.output if c.role == "value" and c.type == "int"}


def _closest(key: str, frame) -> str:
    names = frame.drop_duplicates("region").set_index("region")["region_name"].to_dict()
    if key.isdigit():
        def distance(other: str) -> tuple[int, int, int]:
            prefix = len(os.path.commonprefix([key, other]))
            gap = abs(int(other) - int(key)) if other.isdigit() else 10**12
            return (abs(len(other) - len(key)), -prefix, gap)
        close = sorted(names, key=distance)[:3]
    else:
        lowered = key.lower()
        close = [k for k, n in names.items() if lowered in str(n).lower()][:3] or \
            difflib.get_close_matches(key, list(names.values()), n=3, cutoff=0.4)
        close = [k for k in names if k in close or names[k] in close][:3]
    return "; ".join(f"{k} {names[k]}" for k in close) or "keine ähnlichen Schlüssel"


def _with_values(computed: ComputedIndicator, measure: Measure, name: str) -> str:
    frame = computed.frame[computed.frame[measure.column].notna()].drop_duplicates("region")
    names = dict(zip(frame["region"], frame["region_name"]))
    head = name.split(",")[0].strip().lower()
    close = [k for k, n in names.items() if str(n).lower().startswith(head)][:3]
    close = close or [k for k, n in names.items()
                      if n in difflib.get_close_matches(name, list(names.values()), n=3, cutoff=0.5)]
    return "; ".join(f"{k} {names[k]}" for k in close[:3]) or "keine gefunden"


def _masked(computed: ComputedIndicator, indicator: Indicator, rows: Sequence[Row]) -> list[str]:
    meta = computed.meta
    literal = [meta.table_code, indicator.id, meta.stand or "", *meta.times.values(),
               *(r.key for r in rows)]
    return [x for x in literal if x]


def _measured(indicator: Indicator, computed: ComputedIndicator, measure: Measure) -> list[Sentence]:
    out = [Sentence(" ".join(indicator.definition.split()), "definition", "Katalog",
                    quotes=indicator.definition)]
    if indicator.formula.denominator:
        text = f"Bezugsgröße: {indicator.formula.denominator}."
        out.append(Sentence(text, "definition", "Katalog", quotes=text))
    stichtag = f"Stichtag: {' '.join(indicator.reference_date.split())}"
    out.append(Sentence(stichtag, "definition", "Katalog", quotes=stichtag))
    if measure.label != indicator.name:
        text = f"Dieser Entwurf berichtet den Teilwert '{measure.label}' des Indikators."
        out.append(Sentence(text, "definition", "Lotse", quotes=text))
    missing = [c for c in indicator.output if c.role == "value" and c.name not in computed.computable]
    if missing:
        desc = {c.name: c.description for c in indicator.input}
        text = (f"Aus dieser Tabelle nicht berechenbar: {', '.join(c.description for c in missing)} "
                f"(es fehlt: {', '.join(desc.get(m, m) for m in computed.missing)}).")
        out.append(Sentence(text, "definition", "Lotse", quotes=text))
    return out


def _source_lines(texts: ReportTexts, computed: ComputedIndicator, indicator: Indicator) -> list[str]:
    meta = computed.meta
    stand = f", Stand {meta.stand}" if meta.stand else ""
    lines = [texts.sections["source_line"].format(
        holder=meta.holder or "eigene Daten", statistic=meta.statistic or meta.title or "Tabelle",
        table=meta.table_code or meta.path.name, stand=stand)]
    if meta.title:
        lines.append(f"Tabellentitel: {meta.title}.")
    if meta.times:
        labels = ", ".join(meta.times[y] for y in sorted(meta.times))
        what = f" ({meta.stichtag})" if meta.stichtag else ""
        lines.append(f"Zeitangaben der Tabelle{what}: {labels}.")
    mapping = "; ".join(f"{i.name} ← „{i.column}“ ({i.chosen_by})" for i in computed.inputs)
    lines.append(f"Spalten: {mapping}.")
    lines.append(texts.sections["computed"].format(checks=" ".join(computed.checks)))
    return lines


def _table(rows: Sequence[Row], computed: ComputedIndicator, measure: Measure) -> ValueTable:
    columns = [c for c in measure_columns(measure)]
    desc = {c.name: c.description for c in computed.indicator.output}
    header = ("Region", "Schlüssel", "Jahr", *(desc[c] if c != measure.column else measure.label
                                                for c in columns))
    body = []
    for r in rows:
        cells = []
        for c in columns:
            value = r.values.get(c, math.nan)
            if r.suppressed:
                cells.append("gesperrt")
            elif math.isnan(value):
                cells.append("–")
            elif c == measure.column:
                cells.append(fmt_value(value, measure.unit, measure.decimals))
            else:
                cells.append(fmt(value, 0))
        body.append((r.name, r.key, str(r.year), *cells))
    return ValueTable(header, tuple(body))


def _computation(computed: ComputedIndicator, measure: Measure, threshold: float,
                 breaks: Sequence[brk.Break]) -> dict:
    return {"indicator": computed.indicator.id, "value": measure.column,
            "validated": computed.validated, "checks": list(computed.checks),
            "code_checks": list(computed.code_checks),
            "inputs": [i.to_dict() for i in computed.inputs], "missing_inputs": list(computed.missing),
            "computable": list(computed.computable), "threshold": threshold,
            "table": computed.meta.table_code, "stand": computed.meta.stand,
            "breaks": [b.to_dict() for b in breaks]}
