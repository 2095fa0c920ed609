"""Render a plan into a standalone snippet (pandas or R) and give it its header."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from assistant.codegen.templates import CodeTemplateLibrary, Language

if TYPE_CHECKING:
    from assistant.codegen.plan import Plan
    from assistant.codegen.validate import Check

R_ENCODING = {"cp1252": "CP1252", "latin-1": "latin1", "utf-8": "UTF-8", "utf-8-sig": "UTF-8-BOM",
              "utf-16": "UTF-16"}
COMMENT = {"pandas": "#", "r": "#"}


def loader_values(plan: Plan, language: Language) -> dict[str, object]:
    data = plan.data
    spalten = {slot: {"index": col.index, "name": col.name} for slot, col in plan.mapping.items()}
    encoding = data.encoding if language == "pandas" else R_ENCODING.get(data.encoding, data.encoding)
    if data.file_format == "flat":
        # Value columns by position: German flat headers name them BEV001__Bevoelkerungsstand__Anzahl.
        flat = {slot: {"index": col.index, "name": col.name, "wert": data.flat_header.index(col.value_column),
                       "filter": dict(col.where)} for slot, col in plan.mapping.items()}
        return {"datei": data.file_name, "encoding": encoding, "sep": data.sep, "zeit": data.flat_time,
                "schluessel": data.flat_key, "spalten": flat,
                "wertspalten": [data.flat_header.index(v) for v in data.flat_values],
                "blatt": data.sheet, "skip": data.skip}
    sheet = {"blatt": data.sheet} if data.file_format == "xlsx" else {}
    if data.layout == "genesis" and data.time_column is None:
        # Time in the header: per time label its year and the file columns under it.
        zeiten = {label: {"jahr": year, "spalten": [i for c in data.columns for t, i in c.by_time if t == label]}
                  for label, year in data.header_times.items()}
        kopf = {slot: {"name": col.name, "je_zeit": dict(col.by_time)} for slot, col in plan.mapping.items()}
        return {"datei": data.file_name, "encoding": encoding, "skip": data.skip, "breite": data.width,
                "lead": data.lead, "spalten": kopf, "zeiten": zeiten, "blatt": data.sheet, "sep": data.sep,
                "zeilenfilter": {str(k): v for k, v in data.row_filter.items()}}
    if data.layout == "genesis":
        return {"datei": data.file_name, "encoding": encoding, "skip": data.skip, "breite": data.width,
                "sep": data.sep, "lead": data.lead, "schluessel": "ja" if data.has_key else "nein", "spalten": spalten,
                "zeilenfilter": {str(k): v for k, v in data.row_filter.items()}, **sheet}
    return {"datei": data.file_name, "encoding": encoding, "sep": data.sep, "decimal": data.decimal,
            "skip": data.skip, "hinweise": data.notes_below,
            "region_spalte": data.region_column or "", "jahr_spalte": data.year_column or "",
            "spalten": spalten, "textspalten": dict(plan.text_slots), **sheet}


def render_loader(library: CodeTemplateLibrary, plan: Plan, language: Language) -> str:
    loader = library.get(plan.data.loader_id(language))
    text = loader.render(**loader_values(plan, language)).rstrip()
    derived = getattr(plan, "derived", None)
    if derived:
        # Sums and differences of read columns (e.g. männlich = Insgesamt − weiblich).
        parts = {slot: col.name for slot, col in plan.mapping.items()}
        values = {slot: [{"vorzeichen": sign, "spalte": part, "text": parts.get(part, part)}
                         for sign, part in terms] for slot, terms in derived.items()}
        text += "\n\n" + library.get(f"ableiten_{language}").render(abgeleitet=values).rstrip()
    return text


def _reference_source(indicator_id: str, language: Language) -> str:
    from assistant.catalogue import references

    path = references.pandas_path(indicator_id) if language == "pandas" else references.r_path(indicator_id)
    text = path.read_text(encoding="utf-8")
    if language == "pandas":
        # Keep compute() and its comments; the module docstring and imports are in the loader.
        start = text.find("def compute")
        text = text[start:] if start >= 0 else text
    return text.strip()


def render(library: CodeTemplateLibrary, plan: Plan, language: Language) -> str:
    """The snippet body (no header): loader plus the template's computation."""
    lesen = render_loader(library, plan, language)
    if plan.indicator is not None:
        ind = plan.indicator
        f = ind.formula
        formula = f"{f.numerator}" + (f" / {f.denominator}" if f.denominator else "") + \
            (f" × {f.factor:g}" if f.factor != 1 else "") + f" ({f.method}, {f.unit})"
        template = library.get(f"indikator_{language}")
        return template.render(lesen=lesen, indikator=ind.id, name=ind.name, formel=formula,
                               referenz=_reference_source(ind.id, language), regionen=plan.regions)
    base = plan.template.id.removesuffix("_r")
    template = plan.template if plan.template.language == language else \
        library.get(base if language == "pandas" else f"{base}_r")
    return template.render(lesen=lesen, aufgabe=plan.task, **plan.params)


def header(plan: Plan, language: Language, checks: list[Check], validated: bool,
           source: str, today: dt.date | None = None) -> str:
    c = COMMENT[language]
    what = (f"Indikator {plan.indicator.id} {plan.indicator.name}" if plan.indicator is not None
            else f"Aufgabe: {plan.task}")
    lines = [f"{c} Erzeugt von Lotse am {(today or dt.date.today()).isoformat()}",
             f"{c} Daten: {plan.data.file_name}" + (f" (Tabelle {plan.data.table_code})" if plan.data.table_code else ""),
             f"{c} {what}",
             f"{c} Vorlage: {plan.template.id} v{plan.template.version}; Quelle des Codes: {source}",
             f"{c} Zuordnung: " + "; ".join(f"{slot} = {col}" for slot, col in plan.mapping_text().items())]
    for note in getattr(plan, "assumptions", []):
        lines.append(f"{c} Annahme: {note}")
    passed = [ch.name for ch in checks if ch.passed]
    failed = [ch.name for ch in checks if not ch.passed]
    lines.append(f"{c} Prüfungen bestanden: {', '.join(passed) or 'keine'}")
    if failed:
        lines.append(f"{c} NICHT bestanden: {', '.join(failed)} – Ergebnis nicht verwenden, bevor es geprüft ist.")
    elif validated:
        lines.append(f"{c} Geprüft: gleiche Zahlen wie die unabhängige Referenz, auch auf veränderten Kopien der Daten.")
    lines.append(f"{c} Die Datei muss im selben Ordner liegen wie dieses Skript.")
    return "\n".join(lines) + "\n\n"
