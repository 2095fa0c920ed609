"""Free tasks ("Welcher Kreis hat den höchsten Anteil …?") -> a plan, deterministically.

1. Regions (:mod:`assistant.codegen.regions`): keys and names in the task, level words, Bund/Land.
2. Groups and the measure (:mod:`assistant.codegen.measure`): numerator and denominator (a
   column, a sum of columns, total minus a group), the factor.
3. The kind of analysis from the task's words and what 1 and 2 found: two groups -> group
   comparison; "zusammen" over several regions -> pooled share; "Landeswert"/"Bund" beside a
   region -> comparison with Land and Bund; ranking (top N, level, Land filter); change over time;
   difference of two columns; otherwise a share (or a count) per region.

A plain share of a catalogue indicator the task names becomes the indicator template (checked
against the catalogue's reference); everything else an analysis template (checked against
:mod:`assistant.codegen.analysis`). What the rules assumed goes into ``Plan.assumptions``. An
instruct model may pick a template or a column where the rules leave it open; with a base model
the rules decide alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from assistant.catalogue.search import mentions, normalize
from assistant.codegen import measure as m
from assistant.codegen.mapping import Candidate, SlotMatch, match_slot
from assistant.codegen.plan import Plan, check_regions, default_regions, plan_indicator
from assistant.codegen.regions import Regions, in_upper, level_of, of_level, resolve
from assistant.codegen.source import DataFile, ValueColumn
from assistant.codegen.templates import CodeTemplateLibrary, Language
from assistant.errors import InputError, LotseError, NoTemplateError

if TYPE_CHECKING:
    from assistant.catalogue.loader import Catalogue

#: Kind of analysis from the words alone, first match wins (most specific first).
KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("quote_altersjahre", re.compile(r"altersjahr|quotensumme|je alter\b|nach alter\b")),
    ("anteil_gepoolt", re.compile(r"gepoolt|zusammen\w*|gemeinsam\w*|mittelwert der (einzel)?anteile|"
                                  r"ungewichtet|gewichtet|aufsummiert|kombiniert|als eine (region|einheit)")),
    ("vergleich_land_bund", re.compile(r"(landes|bundes)(wert|durchschnitt|schnitt|ergebnis|mittel)|"
                                       r"vergleich\w*\b.*\b(land|laender|bundeslande?s?|bund|deutschland)\b|"
                                       r"\b(land|bund|deutschland)\b.*vergleich|"
                                       r"gegenueber (dem )?(land|bund)\b")),
    ("veraenderung", re.compile(r"veraender|entwickl|entwickel|zunahme|abnahme|zugenommen|abgenommen|"
                                r"anstieg|rueckgang|gestiegen|gewachsen|"
                                r"gesunken|vorjahr|seit \d{4}|von \d{4} bis \d{4}|zeitreihe|trend|verlauf")),
    ("rangfolge", re.compile(r"hoechst(?!ens)|niedrigst|\brang|ranking|maximum|minimum|\bmeisten\b|"
                             r"\bwenigsten\b|groesst|kleinst|geringst|spitze|top \d|reihenfolge|sortier|"
                             r"welche[rs]? (kreis|region|stadt|land)|schlusslicht")),
    ("differenz", re.compile(r"differenz|unterschied zwischen|\bminus\b|abzueglich|luecke zwischen")),
]
_ASCENDING = re.compile(r"niedrigst|wenigst|kleinst|geringst|minimum|schlusslicht|aufsteigend")
_COUNT = re.compile(r"\banzahl\b|\bzahl der\b|wie ?viele|\bsumme\b|\bbestand\b")
_COMPARE = re.compile(r"vergleich|\bueber\b|\bunter\b|abstand|prozentpunkt|unterschied|abweich|\bliegt\b|"
                      r"hoeher|niedriger|\bmehr\b|\bweniger\b")
_DIFF = re.compile(r"(?:differenz|unterschied|luecke) (?:zwischen )?(?:den |der |dem )?(?P<x>.+?) und "
                   r"(?:den |der |dem )?(?P<y>.+?)(?= (?:je|pro|fuer|im|in)\b|$)")
_MINUS = re.compile(r"(?P<x>[a-z ]+?) (?:minus|abzueglich) (?P<y>[a-z ]+)")
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
_NO_SHARE = re.compile(r"anteil|quote|prozent|\bje\b|\bpro\b|im schnitt|durchschnittlich")


def kind_of(text: str) -> str:
    norm = normalize(text)
    kind = next((kind for kind, pattern in KINDS if pattern.search(norm)), "anteil_gruppe")
    ratio = re.search(r"anteil|quote|prozent|\b(?:je|pro) (?!(?:kreis|region|jahr|land|gemeinde)\b)", norm)
    if kind == "anteil_gruppe" and _COUNT.search(norm) and not ratio:
        return "summe_gruppe"
    return kind


def factor_of(text: str) -> float:
    norm = normalize(text)
    if re.search(r"(?:je|pro) (?:\d|tausend)", norm):
        return m.per_factor(norm)
    if re.search(r"anteil|quote|prozent|%", text.lower()):
        return 100.0
    if m.PER_PATTERNS[1].search(norm):
        return 1.0
    return 100.0


def closest(catalogue: Catalogue, library: CodeTemplateLibrary, text: str) -> str:
    hits = [f"{i.id} {i.name}" for i in catalogue.search(text, limit=3)]
    toks = set(normalize(text).split())
    scored = sorted(((len(toks & set(t.keywords)), t.id) for t in library.analyses("pandas")), reverse=True)
    templates = [tid for score, tid in scored[:3] if score > 0] or [tid for _, tid in scored[:3]]
    return (f"Am nächsten liegen die Indikatoren {', '.join(hits) or '(keiner)'} und die Vorlagen "
            f"{', '.join(templates)}.")


def _kind(text: str, found: Regions, groups: list[m.Group]) -> str:
    norm = normalize(text)
    kind = kind_of(text)
    places = found.named + found.upper
    if len(groups) >= 2:
        return "gruppenvergleich"
    if kind == "anteil_gepoolt" and len([p for p in places if p != "DG"]) < 2 and not (found.level and found.upper):
        kind = kind_of(re.sub(KINDS[1][1], " ", norm))  # "zusammen" with one region: nothing to pool
    lower = [r for r in found.named if level_of(r) not in ("bund", "land")]
    if kind in ("anteil_gruppe", "summe_gruppe", "differenz", "rangfolge") and lower and _COMPARE.search(norm) and (
            found.land_ref or found.bund or any(u == r[:2] for u in found.upper for r in lower)):
        return "vergleich_land_bund"
    if kind == "vergleich_land_bund" and not (found.land_ref or found.bund or found.upper):
        kind = "anteil_gruppe"
    return kind


def _regions(kind: str, data: DataFile, found: Regions, regions: list[str], notes: list[str]) -> list[str]:
    if regions:
        return regions
    named = [r for r in found.named if r != "DG" or kind not in ("rangfolge", "anteil_gepoolt")]
    if kind == "vergleich_land_bund":
        lower = [r for r in named if level_of(r) not in ("bund", "land")] or in_upper(data, found.upper, found.level)
        if not lower:
            return default_regions(data)  # every Kreis; Land and Bund values stand beside each
        lands = [r[:2] for r in lower if r[:2] in data.regions]
        return list(dict.fromkeys(lower + lands + (["DG"] if "DG" in data.regions else [])))
    if kind in ("rangfolge", "anteil_gepoolt") and len(named) >= 2:
        return named
    if found.upper and (found.level or kind in ("rangfolge", "anteil_gepoolt")) and not named:
        inside = in_upper(data, found.upper, found.level)
        if inside:
            return inside
    if kind == "rangfolge":
        level = found.level or "kreis"
        keys = of_level(data, level) or default_regions(data)
        if not found.level:
            notes.append("Verglichen werden die Kreise und kreisfreien Städte (fünfstellige Schlüssel).")
        return keys
    if kind == "anteil_gepoolt":
        return default_regions(data)
    out = named + [u for u in found.upper if u not in named]
    if not out and found.level:
        return of_level(data, found.level)
    if found.upper and not named and kind in ("anteil_gruppe", "summe_gruppe", "differenz"):
        return out + in_upper(data, found.upper, None)  # "in Bayern": the Land and its Kreise
    return out


def _slot(name: str, quantity: m.Quantity, mapping: dict[str, ValueColumn],
          derived: dict[str, list[tuple[int, str]]]) -> None:
    if len(quantity.terms) == 1 and quantity.terms[0][0] == 1:
        mapping[name] = quantity.column
        return
    derived[name] = []
    for n, (sign, column) in enumerate(quantity.terms, start=1):
        mapping[f"{name}_{n}"] = column
        derived[name].append((sign, f"{name}_{n}"))


def plan_task(task: str, data: DataFile, catalogue: Catalogue, library: CodeTemplateLibrary,
              language: Language, regions: list[str],
              choose: Callable[..., int | None] = lambda question, options, prompt="": None) -> Plan:
    """``choose(question, options)`` lets an instruct model pick an option (index) where the
    rules leave it open; the default (base model) never picks."""
    original = " ".join(task.split())
    if not original:
        raise InputError("Die Aufgabe ist leer.", 'Beschreiben Sie, was berechnet werden soll, z. B. '
                         '"Anteil der Abgänger ohne Hauptschulabschluss je Kreis".')
    check_regions(data, regions)
    found = resolve(data, original)
    groups = m.find_groups(data, original)
    kind = _kind(original, found, groups)
    norm = normalize(original)
    if kind == "anteil_gruppe" and not _NO_SHARE.search(norm) and not found.named + found.upper:
        # No word says which analysis: an instruct model may pick one (a base model does not).
        options = list(library.analyses("pandas"))
        pick = choose(original, [f"{t.id}: {' '.join(t.purpose.split())}" for t in options], "code_template")
        if pick is not None and 0 <= pick < len(options):
            kind = options[pick].id
    notes = list(found.notes)
    mapping: dict[str, ValueColumn] = {}
    derived: dict[str, list[tuple[int, str]]] = {}
    params: dict[str, object] = {}
    ambiguous: list[str] = []
    if kind == "gruppenvergleich":
        _group_plan(data, original, groups[:2], mapping, derived, params, notes)
    elif kind == "differenz" and (pair := _difference(data, norm)) is not None:
        mapping.update({"spalte_a": pair[0], "spalte_b": pair[1]})
    else:
        single_group = groups[0] if len(groups) == 1 and groups[0].label is None else None
        exclude = _non_total(data, single_group) if single_group else set()
        measure = m.parse(data, original, exclude, drop_groups=(single_group.key,) if single_group else ())
        if kind == "anteil_gruppe" and single_group is None and not groups:
            # A catalogue indicator the task names, computing the same columns: its template,
            # checked against the catalogue's own reference.
            indicator = _indicator(data, original, catalogue, library, language, regions, found, kind)
            if indicator is not None and (measure is None or (measure.how == "words" and _same(indicator, measure))):
                return indicator
        if measure is None and m.names_ratio(original):
            raise NoTemplateError(
                f"Lotse erkennt in '{original}' ein Verhältnis (X je Y oder einen Anteil), findet aber Zähler "
                f"oder Nenner nicht unter den Spalten von '{data.file_name}' "
                f"({'; '.join(c.name for c in data.columns[:14])}). " + closest(catalogue, library, original),
                "Nennen Sie Zähler und Nenner so, wie sie im Tabellenkopf stehen.")
        if measure is None and kind not in ("anteil_gruppe", "anteil_gepoolt", "quote_altersjahre", "differenz"):
            count = m.count_of(data, original, exclude, drop_groups=(single_group.key,) if single_group else ())
            measure = m.Measure(count, None, 1.0) if count is not None else None
        if measure is None and kind == "anteil_gruppe" and _COUNT.search(norm) and not _NO_SHARE.search(norm):
            count = m.count_of(data, original, exclude, drop_groups=(single_group.key,) if single_group else ())
            if count is not None:
                kind, measure = "summe_gruppe", m.Measure(count, None, 1.0)
        if measure is None and kind in ("summe_gruppe", "rangfolge", "anteil_gruppe") and _COUNT.search(norm) \
                and not _NO_SHARE.search(norm) and (total := _table_total(data, original)) is not None:
            kind = "summe_gruppe" if kind == "anteil_gruppe" else kind
            measure = m.Measure(m.Quantity(((1, total),)), None, 1.0)
            notes.append(f"Die Aufgabe nennt keine Spalte; gezählt wird die Gesamtzahl der Tabelle ({total.name}).")
        if measure is None and kind in ("anteil_gruppe", "quote_altersjahre", "anteil_gepoolt"):
            indicator = _indicator(data, original, catalogue, library, language, regions, found, kind)
            if indicator is not None:
                return indicator
        if measure is None and kind == "quote_altersjahre":
            measure = _age_measure(data, original)
        if measure is None:
            raise NoTemplateError(
                f"Lotse kann die Aufgabe '{original}' keiner Spalte von '{data.file_name}' sicher zuordnen "
                "und zeigt daher keinen Code. " + closest(catalogue, library, original),
                'Nennen Sie Zähler und Nenner so, wie sie im Tabellenkopf stehen, z. B. "Anteil der '
                'Abgänger ohne Hauptschulabschluss an allen Absolventen je Kreis", oder nutzen Sie '
                "--indicator ID.")
        if kind == "summe_gruppe" and measure.denominator is not None:
            kind = "anteil_gruppe"  # "wie viele Plätze hat eine Kita im Schnitt": a ratio
        if single_group is not None:
            measure = _for_group(data, measure, single_group, notes)
        if kind == "anteil_gepoolt" and measure.denominator is None:
            raise NoTemplateError("Für einen gemeinsamen Anteil braucht Lotse Zähler und Nenner.",
                                  'Formulieren Sie z. B. "gemeinsamer Anteil der X an Y für 01001 und 01002".')
        if kind == "summe_gruppe":
            measure = m.Measure(measure.numerator, None, 1.0)
        _slot("zaehler", measure.numerator, mapping, derived)
        if measure.denominator is not None:
            _slot("nenner", measure.denominator, mapping, derived)
        params.update({"faktor": measure.factor, "mit_nenner": "ja" if measure.denominator else ""})
        ambiguous = [s for s, q in (("zaehler", measure.numerator), ("nenner", measure.denominator))
                     if q is not None and q.ambiguous]
        notes += _describe(measure)
    return _finish(kind, data, library, language, original, found, regions, mapping, derived, params,
                   notes, ambiguous)


def _table_total(data: DataFile, text: str) -> ValueColumn | None:
    """The column with only total labels, when the task names what the whole table counts
    ("Wie viele Schüler haben die Schule verlassen?" on a table of school leavers)."""
    from assistant.codegen.mapping import _covered, words

    totals = [c for c in data.columns if m._all_total(data, c)]
    subject = {t for c in data.columns for lvl, lab in enumerate(c.labels)
               if lvl not in data.varying_levels() for t in words(lab)} | set(words(data.title))
    task = words(m.expand(text))
    if len(totals) != 1 or not any(_covered(t, task) == 1.0 for t in subject if len(t) >= 5):
        return None
    return totals[0]


def _same(plan: Plan, measure: m.Measure) -> bool:
    quantities = [measure.numerator] + ([measure.denominator] if measure.denominator else [])
    if any(len(q.terms) != 1 for q in quantities) or measure.factor != 100.0:
        return False
    return {c.index for c in plan.mapping.values()} == {q.column.index for q in quantities}


def _non_total(data: DataFile, group: m.Group) -> set[int]:
    return {c.index for c in data.columns if not m._is_total(c.labels[group.level])}


def _for_group(data: DataFile, measure: m.Measure, group: m.Group, notes: list[str]) -> m.Measure:
    num = m.in_group(data, measure.numerator, group)
    den = m.in_group(data, measure.denominator, group) if measure.denominator else None
    if num is None or (measure.denominator is not None and den is None):
        raise NoTemplateError(f"Für die Gruppe '{group.name}' findet Lotse in '{data.file_name}' keine Spalten.",
                              "Nennen Sie die Gruppe so, wie sie im Tabellenkopf steht.")
    notes.append(f"'{group.name}' steht nicht als Spalte in der Tabelle: berechnet als Insgesamt minus "
                 f"{group.complement}.")
    return m.Measure(num, den, measure.factor, measure.notes, measure.how)


def _describe(measure: m.Measure) -> list[str]:
    out = list(measure.notes)
    if measure.how == "words" and measure.denominator is not None:
        out.append(f"Die Aufgabe nennt keinen Nenner; genommen wird {measure.denominator.text()} "
                   "(die Gesamtzahl dieser Kategorie).")
    if len(measure.numerator.terms) > 1 and all(s > 0 for s, _ in measure.numerator.terms):
        out.append("Zähler ist die Summe von " + ", ".join(c.name for _, c in measure.numerator.terms) +
                   " (ohne Darunter-Spalten).")
    return out


def _group_plan(data: DataFile, text: str, groups: list[m.Group], mapping: dict[str, ValueColumn],
                derived: dict[str, list[tuple[int, str]]], params: dict[str, object], notes: list[str]) -> None:
    exclude = _non_total(data, groups[0])
    measure = m.parse(data, text, exclude, drop_groups=[g.key for g in groups])
    if measure is None:
        count = m.count_of(data, text, exclude, drop_groups=[g.key for g in groups])
        if count is None:
            raise NoTemplateError(f"Lotse erkennt den Vergleich von {groups[0].name} und {groups[1].name}, "
                                  f"aber nicht, welche Spalte von '{data.file_name}' verglichen wird.",
                                  'Nennen Sie die Größe, z. B. "Anteil ohne Hauptschulabschluss".')
        measure = m.Measure(count, None, 1.0)
    for suffix, group in zip(("a", "b"), groups):
        num = m.in_group(data, measure.numerator, group)
        den = m.in_group(data, measure.denominator, group) if measure.denominator else None
        if num is None or (measure.denominator is not None and den is None):
            raise NoTemplateError(f"Für die Gruppe '{group.name}' findet Lotse keine Spalten.",
                                  "Nennen Sie die Gruppen so, wie sie im Tabellenkopf stehen.")
        _slot(f"zaehler_{suffix}", num, mapping, derived)
        if den is not None:
            _slot(f"nenner_{suffix}", den, mapping, derived)
        if group.label is None:
            notes.append(f"'{group.name}' steht nicht als Spalte in der Tabelle: berechnet als Insgesamt "
                         f"minus {group.complement}.")
    params.update({"gruppe_a": groups[0].name, "gruppe_b": groups[1].name, "faktor": measure.factor,
                   "mit_nenner": "ja" if measure.denominator else ""})
    if measure.denominator is not None:
        notes.append(f"Anteile je Gruppe mit dem Nenner der Gruppe; Abstand = {groups[0].name} minus "
                     f"{groups[1].name} in Prozentpunkten.")


def _difference(data: DataFile, norm: str) -> tuple[ValueColumn, ValueColumn] | None:
    for pattern in (_DIFF, _MINUS):
        match = pattern.search(norm)
        if match:
            a = match_slot(data, "spalte_a", m.expand(match.group("x")))
            b = match_slot(data, "spalte_b", m.expand(match.group("y")),
                           exclude={a.column.index} if a.column else set())
            if a.column is not None and b.column is not None:
                return a.column, b.column
    return None


def _indicator(data: DataFile, text: str, catalogue: Catalogue, library: CodeTemplateLibrary,
               language: Language, regions: list[str], found: Regions, kind: str) -> Plan | None:
    """Only indicators the task names (ID, name or synonym): a loose search hit would put a
    catalogue formula on a task that asks for something else."""
    for ind in [i for i in mentions(catalogue.all(), text) if i.computable]:
        try:
            plan = plan_indicator(data, ind, library.get(f"indikator_{language}"), regions or found.named, text)
        except LotseError:
            continue
        if kind == "anteil_gruppe":
            if found.upper and not found.named and not regions:
                plan.params["regionen"] = in_upper(data, found.upper, found.level) or list(found.upper)
            plan.task = " ".join(text.split())
            plan.assumptions = list(found.notes)
            return plan
        return None
    return None


def _age_measure(data: DataFile, text: str) -> m.Measure | None:
    """Age-year rates: the population column is the denominator, the column the task describes
    (not the age) the numerator."""
    den = match_slot(data, "nenner", "Bevölkerung Einwohner insgesamt")
    if den.column is None:
        return None
    skip = {den.column.index} | {c.index for c in data.columns if normalize(c.name).startswith("alter")}
    num = match_slot(data, "zaehler", m.expand(text), exclude=skip)
    if num.column is None:
        rest = [c for c in data.columns if c.index not in skip]
        if len(rest) != 1:
            return None
        num = SlotMatch("zaehler", text, [Candidate(rest[0], 0.1)])
    assert num.column is not None
    return m.Measure(m.Quantity(((1, num.column),)), m.Quantity(((1, den.column),)), factor_of(text))


def _finish(kind: str, data: DataFile, library: CodeTemplateLibrary, language: Language, task: str,
            found: Regions, regions: list[str], mapping: dict[str, ValueColumn],
            derived: dict[str, list[tuple[int, str]]], params: dict[str, object], notes: list[str],
            ambiguous: list[str]) -> Plan:
    template_id = kind if language == "pandas" else f"{kind}_r"
    if template_id not in {t.id for t in library.all()}:  # a broken template file raises here
        raise NoTemplateError(f"Die Analyse '{kind}' gibt es nicht als Vorlage für {language}.",
                              "Rufen Sie den Befehl mit der anderen Sprache auf (--lang pandas/r).")
    chosen = _regions(kind, data, found, regions, notes)
    if not chosen and kind in ("anteil_gruppe", "summe_gruppe", "differenz", "veraenderung", "gruppenvergleich"):
        notes.append("Die Aufgabe nennt keine Region; das Ergebnis hat eine Zeile je Region der Tabelle.")
    params["regionen"] = list(chosen)
    kreise = default_regions(data)
    # All Kreise of the table: the snippet states the rule (five-digit key), not 400 keys.
    params["alle_kreise"] = "ja" if chosen and list(chosen) == kreise and all(
        r.isdigit() and len(r) == 5 for r in kreise) else ""
    norm = normalize(task)
    if kind in ("summe_gruppe", "differenz"):
        params = {"regionen": params["regionen"]}
    if kind == "rangfolge":
        params["absteigend"] = "" if _ASCENDING.search(norm) else "ja"
        params["anzahl"] = m.top_n(task)
    if kind == "veraenderung":
        years = sorted({int(y) for y in _YEAR.findall(task)} & set(data.years)) or list(data.years)
        if len(years) == 1 and len(data.years) > 1:  # "seit 2020": to the latest year; "bis 2020": from the first
            years = [data.years[0], years[0]] if re.search(r"\bbis \d{4}", norm) else [years[0], max(data.years)]
            years = sorted(set(years))
        if len(years) < 2:
            raise InputError(f"'{data.file_name}' enthält nur das Jahr {', '.join(map(str, data.years))}; "
                             "für eine Veränderung braucht es mindestens zwei Jahre.",
                             "Laden Sie die Tabelle mit mehreren Jahren aus der Regionaldatenbank.")
        params["jahr_von"], params["jahr_bis"] = years[0], years[-1]
    text_slots: dict[str, str] = {}
    if kind == "quote_altersjahre":
        from assistant.codegen.source import text_columns

        age = [c for c in text_columns(data) + [c.name for c in data.columns] if normalize(c).startswith("alter")]
        if not age:
            raise InputError(f"'{data.file_name}' hat keine Spalte 'alter' (Altersjahre).",
                             "Die Vorlage braucht eine Tabelle mit einer Zeile je Altersjahr.")
        text_slots["alter"] = age[0]
        mapping = {k: v for k, v in mapping.items() if v.name != age[0]}
    if not chosen and kind not in ("anteil_gruppe", "summe_gruppe", "differenz", "veraenderung",
                                   "quote_altersjahre", "gruppenvergleich"):
        raise InputError(f"Für die Aufgabe findet Lotse in '{data.file_name}' keine passenden Regionen.",
                         "Nennen Sie Regionen mit Namen oder Schlüssel, wie sie in der Tabelle stehen.")
    return Plan(template=library.get(template_id), data=data, mapping=mapping, params=params, task=task,
                text_slots=text_slots, ambiguous=ambiguous, derived=derived, assumptions=notes)
