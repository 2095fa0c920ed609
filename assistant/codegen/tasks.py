"""Free tasks ("Welcher Kreis hat den höchsten Anteil …?") -> a plan, deterministically.

1. The kind of analysis comes from the task's words (ranking, pooled share, comparison with
   Land/Bund, change over time, difference, age-year rates; otherwise a share).
2. The measure: an explicit phrase ("Anteil der X an Y", "X je Y", "Differenz zwischen X und Y")
   mapped onto the user's columns, else a catalogue indicator the task names whose inputs the
   table has, else the column the task's words describe.
3. Regions named in the task (keys or names; a Land stands for its Kreise) and years.

A plain share of a catalogue indicator becomes the indicator template (checked against the
catalogue's reference); everything else an analysis template (checked against
:mod:`assistant.codegen.analysis`). An instruct model may pick a template or a column where the
rules leave it open; with a base model the rules decide alone.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from assistant.catalogue.search import mentions, normalize
from assistant.codegen.mapping import SlotMatch, match_slot, slot_texts
from assistant.codegen.plan import (
    Plan,
    check_regions,
    default_regions,
    plan_indicator,
)
from assistant.codegen.source import DataFile, ValueColumn
from assistant.codegen.templates import CodeTemplateLibrary, Language
from assistant.errors import InputError, LotseError, NoTemplateError

if TYPE_CHECKING:
    from assistant.catalogue.loader import Catalogue

#: Kind of analysis, first match wins (most specific first).
KINDS: list[tuple[str, re.Pattern[str]]] = [
    ("quote_altersjahre", re.compile(r"altersjahr|quotensumme|je alter\b|nach alter\b")),
    ("anteil_gepoolt", re.compile(r"gepoolt|zusammengefasst|zusammengenommen|\bzusammen\b|gemeinsam|"
                                  r"mittelwert der (einzel)?anteile|ungewichtet|gewichtet")),
    ("vergleich_land_bund", re.compile(r"(landes|bundes)(wert|durchschnitt|schnitt|ergebnis|mittel)|"
                                       r"vergleich\w*\b.*\b(land|laender|bundeslande?s?|bund|deutschland)\b|"
                                       r"\b(land|bund|deutschland)\b.*vergleich|"
                                       r"gegenueber (dem )?(land|bund)\b")),
    ("veraenderung", re.compile(r"veraender|entwickl|entwickel|zunahme|abnahme|zugenommen|abgenommen|"
                                r"anstieg|rueckgang|gestiegen|gewachsen|"
                                r"gesunken|vorjahr|seit \d{4}|von \d{4} bis \d{4}|zeitreihe|trend|verlauf")),
    ("rangfolge", re.compile(r"hoechst|niedrigst|\brang|ranking|maximum|minimum|am meisten|"
                             r"am wenigsten|groesst|kleinst|geringst|spitze|top \d|reihenfolge|sortier|"
                             r"welche[rs]? (kreis|region|stadt|land)")),
    ("differenz", re.compile(r"differenz|unterschied zwischen|\bminus\b|abzueglich|luecke zwischen")),
]
_ASCENDING = re.compile(r"niedrigst|wenigst|kleinst|geringst|minimum|schlusslicht|aufsteigend")
_GROUP_WORDS = r"(?:kreis|kreise|landkreis|landkreise|region|regionen|jahr|gemeinde|gemeinden|stadt|staedte|land|laender|bundesland)\b"
#: Where a phrase ends: a grouping or filter ("je Kreis", "für jeden Kreis", "in 2023") or the end.
_STOP = (r"(?= (?:je|pro|nach|fuer|im|in|unter|zwischen|ueber) (?:jede[nmrs]?\b|alle\w*\b|den\b|die\b|das\b|"
         r"\d|" + _GROUP_WORDS + r")|$)")
_RATIO = re.compile(r"(?:anteil|quote|prozentsatz) (?:der |des |von |an )?(?P<x>.+?) an (?:den |der |dem |)(?P<y>.+?)"
                    + _STOP)
_PER = re.compile(r"(?P<x>(?:[a-z]+ ){0,4}[a-z]+) (?:je|pro) (?!" + _GROUP_WORDS + r")(?P<y>[a-z]+(?: [a-z]+)?)")
_DIFF = re.compile(r"(?:differenz|unterschied|luecke) (?:zwischen )?(?:den |der |dem )?(?P<x>.+?) und (?:den |der |dem )?(?P<y>.+?)"
                   + _STOP)
_MINUS = re.compile(r"(?P<x>[a-z ]+?) (?:minus|abzueglich) (?P<y>[a-z ]+)")
_YEAR = re.compile(r"\b(19\d{2}|20\d{2})\b")
#: Words a task uses for a header label of another wording ("Schulabgängerinnen" -> weiblich).
QUALIFIERS = {
    "weiblich": re.compile(r"weiblich|maedchen|frauen|\w+innen\b"),
    "maennlich": re.compile(r"maennlich|jungen\b|maenner"),
}
_COUNT = re.compile(r"\banzahl\b|\bzahl der\b|wie viele|\bsumme\b|\bbestand\b")


@dataclass(frozen=True)
class Measure:
    numerator: SlotMatch
    denominator: SlotMatch | None = None


def kind_of(text: str) -> str:
    norm = normalize(text)
    kind = next((kind for kind, pattern in KINDS if pattern.search(norm)), "anteil_gruppe")
    ratio = re.search(r"anteil|quote|prozent|\b(?:je|pro) (?!" + _GROUP_WORDS + ")", norm)
    if kind == "anteil_gruppe" and _COUNT.search(norm) and not ratio:
        return "summe_gruppe"
    return kind


#: Everyday words -> the words official headers use for them.
SYNONYMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bpersonal\b|beschaeftigte|fachkraefte|mitarbeitende"), "personen"),
    (re.compile(r"\bkitas?\b|kindertagesstaetten|kindertageseinrichtungen"), "tageseinrichtungen"),
    (re.compile(r"\babitur\w*"), "allgemeiner hochschulreife"),
    (re.compile(r"schulabbrecher"), "ohne hauptschulabschluss"),
    (re.compile(r"\bkrippen\b"), "kinderkrippen"),
]


def expand(text: str) -> str:
    """The task, normalised, with the header words its own wording stands for written right
    after that wording ("Personal je Einrichtung" -> "personal personen je einrichtung"), so the
    phrases "X je Y" and "Anteil X an Y" keep them on their side."""
    toks = normalize(text).split()
    pairs = [(pattern, word) for word, pattern in QUALIFIERS.items()] + SYNONYMS
    out = []
    for tok in toks:
        out.append(tok)
        out += [word for pattern, word in pairs if pattern.search(tok) and word not in toks]
    return " ".join(out)


def qualifiers(data: DataFile, text: str, columns: list) -> list[str]:
    """Header words the task names that none of ``columns`` carries (e.g. 'weiblich' while the
    indicator's mapping took the 'Insgesamt' columns): the indicator alone does not answer it."""
    from assistant.codegen.mapping import _covered, words

    task_toks = words(text)
    levels = data.varying_levels() if data.layout == "genesis" else []
    labels = {c.labels[lvl] for c in data.columns for lvl in levels if lvl < len(c.labels)}
    used = {t for c in columns for lab in c.labels for t in words(lab)}
    found = []
    for label in labels:
        toks = words(label)
        if len(toks) == 1 and toks[0] not in used and _covered(toks[0], task_toks) == 1.0 \
                and toks[0] not in {"insgesamt", "zusammen", "gesamt"}:
            found.append(toks[0])
    return found


def factor_of(text: str) -> float:
    norm = normalize(text)
    match = re.search(r"(?:je|pro) (\d[\d.]*)", norm)
    if match:
        return float(match.group(1).replace(".", ""))
    if re.search(r"(?:je|pro) tausend", norm):
        return 1000.0
    if re.search(r"anteil|quote|prozent|%", text.lower()):
        return 100.0
    if _PER.search(norm):
        return 1.0
    return 100.0


def _both(data: DataFile, x: str, y: str) -> Measure | None:
    num = match_slot(data, "zaehler", x)
    den = match_slot(data, "nenner", y, exclude={num.column.index} if num.column else set())
    if num.column is None or den.column is None:
        return None
    return Measure(num, den)


def phrase_measure(data: DataFile, text: str, kind: str) -> Measure | None:
    norm = normalize(text)
    if kind == "differenz":
        for pattern in (_DIFF, _MINUS):
            match = pattern.search(norm)
            if match:
                return _both(data, match.group("x"), match.group("y"))
        return None
    match = _RATIO.search(norm)
    if match:
        # A part of a whole: the part carries what names the whole ("Anteil der Mädchen an den
        # Abgängern ohne Hauptschulabschluss" -> girls without Hauptschulabschluss).
        found = _both(data, f"{match.group('x')} {match.group('y')}", match.group("y"))
        if found:
            return found
    match = _PER.search(norm)
    if match:
        return _both(data, match.group("x"), match.group("y"))
    return None


def _age_measure(data: DataFile, text: str) -> Measure | None:
    """Age-year rates without an explicit phrase: the population column is the denominator,
    the column the task describes (not the age) the numerator."""
    den = match_slot(data, "nenner", "Bevölkerung Einwohner insgesamt")
    if den.column is None:
        return None
    skip = {den.column.index} | {c.index for c in data.columns if normalize(c.name).startswith("alter")}
    num = match_slot(data, "zaehler", text, exclude=skip)
    if num.column is None:
        rest = [c for c in data.columns if c.index not in skip]
        if len(rest) != 1:
            return None
        from assistant.codegen.mapping import Candidate

        num = SlotMatch("zaehler", text, [Candidate(rest[0], 0.1)])
    return Measure(num, den)


def regions_in(data: DataFile, text: str) -> tuple[list[str], list[str]]:
    """(named Kreise or lower, named Länder/Regierungsbezirke) in the task, as keys."""
    norm = f" {normalize(text)} "
    found = [k for k in re.findall(r"\b(\d{5}|\d{8})\b", text) if k in data.regions]
    upper = [k for k in re.findall(r"\b(\d{2,3})\b", text) if k in data.regions and not _YEAR.match(k)]
    names = data.names or {r: r for r in data.regions}
    for key, name in names.items():
        short = normalize(name.split(",")[0])
        if len(short) >= 3 and f" {short} " in norm and key not in found + upper:
            (upper if key.isdigit() and len(key) <= 3 else found).append(key)
    return found, upper


def closest(catalogue: Catalogue, library: CodeTemplateLibrary, text: str) -> str:
    hits = [f"{i.id} {i.name}" for i in catalogue.search(text, limit=3)]
    toks = set(normalize(text).split())
    scored = sorted(((len(toks & set(t.keywords)), t.id) for t in library.analyses("pandas")), reverse=True)
    templates = [tid for score, tid in scored[:3] if score > 0] or [tid for _, tid in scored[:3]]
    return (f"Am nächsten liegen die Indikatoren {', '.join(hits) or '(keiner)'} und die Vorlagen "
            f"{', '.join(templates)}.")


def plan_task(task: str, data: DataFile, catalogue: Catalogue, library: CodeTemplateLibrary,
              language: Language, regions: list[str],
              choose: Callable[..., int | None] = lambda question, options, prompt="": None) -> Plan:
    """``choose(question, options)`` lets an instruct model pick an option (index) where the
    rules leave it open; the default (base model) never picks."""
    original = " ".join(task.split())
    text = original
    if not text:
        raise InputError("Die Aufgabe ist leer.", 'Beschreiben Sie, was berechnet werden soll, z. B. '
                         '"Anteil der Abgänger ohne Hauptschulabschluss je Kreis".')
    check_regions(data, regions)
    text = expand(text)
    kind = kind_of(text)
    if kind == "anteil_gruppe" and not re.search(r"anteil|quote|prozent|\bje\b|\bpro\b", normalize(text)):
        # No word says which analysis: an instruct model may pick one (a base model does not).
        options = [t for t in library.analyses("pandas")]
        pick = choose(text, [f"{t.id}: {' '.join(t.purpose.split())}" for t in options], "code_template")
        if pick is not None and 0 <= pick < len(options):
            kind = options[pick].id
    named, upper = regions_in(data, text)
    measure = phrase_measure(data, text, kind)
    indicator = None
    if measure is None and kind != "differenz":
        # Only indicators the task names (ID, name or synonym): a loose search hit would put a
        # catalogue formula on a task that asks for something else.
        for ind in [i for i in mentions(catalogue.all(), text) if i.computable]:
            try:
                candidate = plan_indicator(data, ind, library.get(f"indikator_{language}"), regions or named, text)
            except LotseError:
                continue
            indicator = candidate
            break
    if indicator is not None and qualifiers(data, text, list(indicator.mapping.values())):
        extra = " ".join(qualifiers(data, text, list(indicator.mapping.values())))
        entry = indicator.indicator
        assert entry is not None
        texts = slot_texts(entry)
        numeric = list(indicator.mapping)
        if entry.formula.method == "ratio" and len(numeric) == 2:
            num = next((s for s in numeric if entry.formula.numerator in texts[s]), numeric[0])
            den = next(s for s in numeric if s != num)
            measure = _both(data, f"{texts[num]} {extra}", f"{texts[den]} {extra}")
        indicator = None
    if indicator is not None and kind == "anteil_gruppe":
        if upper and not named and not regions:
            indicator.params["regionen"] = _in_upper(data, upper, with_upper=True)
        indicator.task = original
        return indicator
    if measure is None and indicator is not None and indicator.indicator is not None:
        ind = indicator.indicator
        texts = slot_texts(ind)
        numeric = [s for s in texts if s in indicator.mapping]
        if ind.formula.method == "ratio" and len(numeric) == 2:
            num = next(s for s in numeric if ind.formula.numerator in texts[s])
            den = next(s for s in numeric if s != num)
            measure = Measure(indicator.matches[num], indicator.matches[den])
    if measure is None and kind == "quote_altersjahre":
        measure = _age_measure(data, text)
    if measure is None and kind not in ("differenz", "anteil_gepoolt", "anteil_gruppe", "quote_altersjahre"):
        single = match_slot(data, "zaehler", text)
        if single.column is not None and not single.ambiguous:
            measure = Measure(single)
        elif single.candidates:
            column_names = [c.column.name for c in single.candidates[:9]]
            pick = choose(f"Welche Spalte ist gemeint? {text}", column_names, "code_slots")
            if pick is not None and 0 <= pick < len(column_names):
                measure = Measure(SlotMatch("zaehler", text, [single.candidates[pick]]))
    if measure is not None and measure.denominator is None and measure.numerator.column is not None \
            and re.search(r"anteil|quote|prozent", normalize(text)):
        from assistant.codegen.mapping import Candidate, total_of

        total = total_of(data, measure.numerator.column)
        if total is not None:  # "Anteil an X" without a stated base: the total of X's category
            measure = Measure(measure.numerator, SlotMatch("nenner", "insgesamt", [Candidate(total, 1.0)]))
    if measure is None:
        raise NoTemplateError(
            f"Lotse kann die Aufgabe '{original}' keiner Spalte von '{data.file_name}' sicher zuordnen "
            "und zeigt daher keinen Code. " + closest(catalogue, library, original),
            'Nennen Sie Zähler und Nenner so, wie sie im Tabellenkopf stehen, z. B. "Anteil der '
            'Abgänger ohne Hauptschulabschluss an allen Absolventen je Kreis", oder nutzen Sie '
            "--indicator ID.")
    plan = _analysis_plan(kind, measure, text, data, library, language, regions, named, upper)
    plan.task = original
    return plan


def _in_upper(data: DataFile, upper: list[str], with_upper: bool) -> list[str]:
    """The Kreise of the named Länder/Regierungsbezirke (and the named areas themselves)."""
    inside = [r for r in default_regions(data) if any(r.startswith(u) for u in upper)]
    return (list(upper) + inside) if with_upper else inside


def _analysis_plan(kind: str, measure: Measure, text: str, data: DataFile, library: CodeTemplateLibrary,
                   language: Language, regions: list[str], named: list[str], upper: list[str]) -> Plan:
    template_id = kind if language == "pandas" else f"{kind}_r"
    if template_id not in {t.id for t in library.all()}:  # a broken template file raises here
        raise NoTemplateError(f"Die Analyse '{kind}' gibt es nicht als Vorlage für {language}.",
                              "Rufen Sie den Befehl mit der anderen Sprache auf (--lang pandas/r).")
    template = library.get(template_id)
    if kind in ("vergleich_land_bund", "rangfolge", "anteil_gepoolt"):
        named = [r for r in named if r != "DG"]
    chosen = regions or named
    if upper and not named and not regions:
        chosen = _in_upper(data, upper, with_upper=kind in ("anteil_gruppe", "summe_gruppe", "differenz"))
    assert measure.numerator.column is not None
    mapping: dict[str, ValueColumn] = {"zaehler": measure.numerator.column}
    params: dict[str, object] = {"faktor": factor_of(text)}
    if measure.denominator is not None and measure.denominator.column is not None:
        mapping["nenner"] = measure.denominator.column
    params["mit_nenner"] = "ja" if measure.denominator is not None else ""
    if kind == "summe_gruppe":
        mapping = {"zaehler": measure.numerator.column}
        params = {}
    if kind == "differenz":
        assert measure.denominator is not None and measure.denominator.column is not None
        mapping = {"spalte_a": measure.numerator.column, "spalte_b": measure.denominator.column}
        params = {}
    if kind in ("anteil_gepoolt", "rangfolge", "vergleich_land_bund"):
        chosen = chosen or default_regions(data)
    if kind == "anteil_gepoolt" and measure.denominator is None:
        raise NoTemplateError("Für einen gemeinsamen Anteil braucht Lotse Zähler und Nenner.",
                              'Formulieren Sie z. B. "gemeinsamer Anteil der X an Y für 01001 und 01002".')
    params["regionen"] = list(chosen)
    kreise = default_regions(data)
    # All Kreise of the table: the snippet states the rule (five-digit key), not 400 keys.
    params["alle_kreise"] = "ja" if chosen and list(chosen) == kreise and all(
        r.isdigit() and len(r) == 5 for r in kreise) else ""
    if kind == "rangfolge":
        params["absteigend"] = "" if _ASCENDING.search(normalize(text)) else "ja"
    if kind == "veraenderung":
        years = sorted({int(y) for y in _YEAR.findall(text)} & set(data.years)) or list(data.years)
        if len(years) < 2:
            raise InputError(f"'{data.file_name}' enthält nur das Jahr {', '.join(map(str, data.years))}; "
                             "für eine Veränderung braucht es mindestens zwei Jahre.",
                             "Laden Sie die Tabelle mit mehreren Jahren aus der Regionaldatenbank.")
        params["jahr_von"], params["jahr_bis"] = years[0], years[-1]
    text_slots: dict[str, str] = {}
    if kind == "quote_altersjahre":
        from assistant.codegen.source import text_columns

        age = [c for c in text_columns(data) + [c.name for c in data.columns]
               if normalize(c).startswith("alter")]
        if not age:
            raise InputError(f"'{data.file_name}' hat keine Spalte 'alter' (Altersjahre).",
                             "Die Vorlage braucht eine Tabelle mit einer Zeile je Altersjahr.")
        text_slots["alter"] = age[0]
        mapping = {k: v for k, v in mapping.items() if v.name != age[0]}
    names = ("spalte_a", "spalte_b") if kind == "differenz" else ("zaehler", "nenner")
    ambiguous = [slot for slot, m in zip(names, (measure.numerator, measure.denominator))
                 if m is not None and m.ambiguous and slot in mapping]
    return Plan(template=template, data=data, mapping=mapping, params=params, task=text,
                text_slots=text_slots, ambiguous=ambiguous)
