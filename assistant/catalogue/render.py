"""Plain-text German rendering of one catalogue entry (``lotse indicator show``, retrieval passage)."""

from __future__ import annotations

from typing import Any

#: A catalogue entry (:class:`assistant.catalogue.schema.Indicator`) and one of its columns. The
#: renderer reads their fields and imports nothing from the schema, so the schema's ``to_text()``
#: and ``summary()`` call it without an import cycle.
Indicator = Any
Column = Any

METHOD_TEXT = {
    "ratio": "Verhältnis: Summe der Zähler / Summe der Nenner",
    "quotensumme": "Quotensumme: Summe der Einzelquoten je Altersjahr (synthetischer Jahrgang)",
    "distribution": "Verteilung: Anteil jeder Kategorie an der Summe aller Kategorien (ergibt 100 %)",
    "count": "Anzahl (Summe über die Einheiten)",
    "ratio_1_to_x": "Relation 1 : x",
    "mean": "gewichteter Mittelwert",
    "schichtenmodell": "Schichtenmodell: Summe von Teilquoten je Beginnjahr",
}


def _factor(value: float) -> str:
    if value == 1:
        return ""
    text = f"{value:,.0f}".replace(",", ".") if value == int(value) else str(value)
    return f" × {text}"


def _columns(columns: list[Column]) -> list[str]:
    lines = []
    for col in columns:
        role = f", {'Schlüssel' if col.role == 'key' else 'Wert'}" if col.role else ""
        lines.append(f"  - {col.name} ({col.type}{role}): {col.description}")
    return lines


def render_text(ind: Indicator) -> str:
    f = ind.formula
    lines = [
        f"{ind.id} {ind.name}",
        f"Bereich {ind.area} ({ind.area_name}) · Thema {ind.topic} ({ind.topic_name}) · "
        f"Stufe {ind.stage} · {'Kernindikator' if ind.kind == 'Kern' else 'Ergänzungsindikator'}",
        f"ID-Status: {ind.id_status}"
        + (" (die ID folgt dem Schema Bereich+Thema+Nummer, ist aber nicht aus dem "
           "Anwendungsleitfaden belegt; Kern/Ergänzung ist eine redaktionelle Einstufung)"
           if ind.id_status == "abgeleitet" else ""),
    ]
    if ind.synonyms:
        lines.append(f"Auch: {', '.join(ind.synonyms)}")
    lines += ["", f"Definition: {ind.definition.strip()}", "", "Formel:"]
    lines.append(f"  {_formula_body(f)}")
    lines.append(f"  Verfahren: {METHOD_TEXT[f.method]}")
    lines.append(f"  Einheit: {f.unit}")
    if f.note:
        lines.append(f"  Hinweis: {f.note.strip()}")
    lines += ["", f"Stichtag: {ind.reference_date.strip()}"]
    if ind.disaggregations:
        lines.append(f"Gliederungen: {', '.join(ind.disaggregations)}")
    lines += ["", "Datenquellen:"]
    for src in ind.data_sources:
        tables = ", ".join(src.tables) if src.tables else "kein Tabellencode belegt"
        lines.append(f"  - {src.statistic} ({src.holder}); Tabellen: {tables}")
        for check in src.table_checks:
            state = "an einem Export geprüft" if check.verified else "ungeprüft"
            note = f" {check.note}" if check.note else ""
            lines.append(f"    {check.table}: {state} ({check.verified_by}).{note}")
    if ind.caveats:
        lines += ["", "Vorsicht:"] + [f"  - {c.strip()}" for c in ind.caveats]
    if ind.values:
        lines += ["", "Vergleichswerte aus den Quellen:"] + [f"  - {v}" for v in ind.values]
    if ind.computable:
        lines += ["", "Eingabe (Langformat, eine Zeile je Einheit):"] + _columns(ind.input)
        lines += ["Ergebnis:"] + _columns(ind.output)
        lines.append(f"Referenzimplementierung: knowledge/reference/pandas/{ind.id}.py, "
                     f"knowledge/reference/r/{ind.id}.R")
    else:
        lines += ["", "Keine Referenzimplementierung (Formel nicht vollständig belegt oder reine "
                      "Beschreibung)."]
    lines += ["", "Quellen:"] + [f"  - {s}" for s in ind.sources]
    return "\n".join(lines)


def _formula_body(f) -> str:  # noqa: ANN001 - schema.Formula
    """The formula in one line: "(Zähler) / (Nenner) × 100", summed over ages or cohorts."""
    if f.denominator and f.method == "quotensumme":
        return f"Summe über die Altersjahre a von ({f.numerator}) / ({f.denominator}){_factor(f.factor)}"
    if f.denominator and f.method == "schichtenmodell":
        return f"Summe über die Beginnjahre t von ({f.numerator}) / ({f.denominator}){_factor(f.factor)}"
    if f.denominator:
        return f"({f.numerator}) / ({f.denominator}){_factor(f.factor)}"
    return f"{f.numerator}{_factor(f.factor)}"


def _formula_line(ind: Indicator) -> str:
    f = ind.formula
    return f"So wird {ind.id} berechnet: {_formula_body(f)}, Einheit {f.unit} ({METHOD_TEXT[f.method]})."


def summary_sentences(ind: Indicator) -> list[str]:
    """The entry as a few self-contained German sentences for an answer that cites the catalogue:
    definition, formula, Stichtag, data source with table codes, the first caveat, ID status."""
    definition = ind.definition.strip().rstrip(".")
    sentences = [f"{ind.name} ({ind.id}): {definition}.", _formula_line(ind)]
    sentences.append(f"Stichtag: {ind.reference_date.strip().rstrip('.')}.")
    sources = []
    for src in ind.data_sources:
        tables = f", Tabellen {', '.join(src.tables)}" if src.tables else ", kein Tabellencode belegt"
        sources.append(f"{src.statistic} ({src.holder}{tables})")
    sentences.append(f"Datenquelle: {'; '.join(sources)}.")
    if ind.caveats:
        sentences.append(f"Zu beachten: {ind.caveats[0].strip().rstrip('.')}.")
    if ind.id_status == "abgeleitet":
        sentences.append(f"Die Kennung {ind.id} ist abgeleitet, nicht aus dem Anwendungsleitfaden belegt.")
    return sentences
