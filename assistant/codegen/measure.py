"""What a free task measures, mapped onto the table's columns: numerator and denominator (each
one column, a sum of columns or a difference), the factor, and the groups it compares.

- Everyday words are written out in the words official headers use ("Abi" -> allgemeine
  Hochschulreife, "ohne HSA" -> ohne Hauptschulabschluss / ohne Ersten Schulabschluss,
  "Kita" -> Tageseinrichtungen, "Mädchen" -> weiblich), before the task is matched against the
  header labels (:mod:`assistant.codegen.mapping`).
- Phrases: "Anteil der X an Y", "wie viel Prozent der Y sind/haben X", "X je/pro Y", "wie viele X
  hat eine Y im Schnitt", "Quote der X" (Y = the total of X's category).
- A list ("Mittlerer Abschluss, Fachhochschulreife oder Abitur") or "mindestens X" adds columns;
  a "darunter" column is never added to the others.
- Groups of a header level such as Geschlecht ("Jungen und Mädchen"): a group the table has no
  column for is the total minus the other group (männlich = Insgesamt − weiblich).
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from assistant.catalogue.search import normalize
from assistant.codegen.mapping import match_slot, total_of, words
from assistant.codegen.source import TOTAL_LABELS, DataFile, ValueColumn

#: Everyday words -> header words (appended after the word, so both stay in the text).
SYNONYMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"^(?:personal|beschaeftigte\w*|fachkr\w+|mitarbeitende\w*|erzieher\w*|paedagog\w*)$"), "personen"),
    (re.compile(r"^(?:kitas?|kindertagesstaetten?|kindertageseinrichtung\w*)$"), "tageseinrichtungen"),
    (re.compile(r"^(?:abi|abitur\w*|abis)$"), "allgemeiner fachgebundener hochschulreife"),
    (re.compile(r"^hsa$|^hauptschulabschl\w*"), "hauptschulabschluss ersten schulabschluss"),
    (re.compile(r"^(?:esa|berufsbildungsreife)$"), "ersten schulabschluss hauptschulabschluss"),
    (re.compile(r"^(?:msa|realschulabschl\w*)$"), "mittlerem abschluss schulabschluss"),
    (re.compile(r"^(?:fachabi\w*|fhr)$"), "fachhochschulreife"),
    (re.compile(r"^(?:schulabbrecher\w*|abbrecher\w*)$"), "ohne hauptschulabschluss ersten schulabschluss"),
    (re.compile(r"^krippe\w*"), "kinderkrippen krippenkinder"),
    (re.compile(r"^kindergart\w*|^kindergaert\w*"), "kindergaerten kindergartenkinder"),
    (re.compile(r"^hort\w*"), "horte hortkinder"),
    (re.compile(r"^einrichtung\w*$"), "tageseinrichtungen"),
    (re.compile(r"platz$"), "plaetze"),
    (re.compile(r"^(?:maedchen|frauen|\w{3,}innen)$"), "weiblich"),
    (re.compile(r"^(?:jungen|jungs|buben|maenner\w*)$"), "maennlich"),
    (re.compile(r"^auslaender\w*"), "auslaendisch"),
]
#: Phrases whose words alone would mislead ("ohne Abschluss" is the lowest Abschluss column).
PHRASES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(r"\bohne (?:einen |jeden )?(?:schul)?abschluss\b|\bkeinen? (?:schul)?abschluss\b"),
     "ohne hauptschulabschluss ersten schulabschluss"),
    (re.compile(r"\bmittlere[nrm]? reife\b"), "mittlerem abschluss schulabschluss"),
    (re.compile(r"\bkita (?=plae|platz|kind|personal)"), ""),  # "Kita-Plätze": Kita is the context
]
GROUPS: dict[str, re.Pattern[str]] = {
    "weiblich": re.compile(r"^(?:weiblich\w*|maedchen|frauen|\w{3,}innen)$"),
    "maennlich": re.compile(r"^(?:maennlich\w*|jungen|jungs|buben|maenner\w*)$"),
    "deutsch": re.compile(r"^deutsche?[nr]?$"),
    "auslaendisch": re.compile(r"^auslaend\w*$"),
}
GROUP_LABEL = {"weiblich": "weiblich", "maennlich": "männlich", "deutsch": "deutsch", "auslaendisch": "ausländisch"}
_NUMBER_WORDS = {"zwei": 2, "drei": 3, "vier": 4, "fuenf": 5, "sechs": 6, "sieben": 7, "acht": 8,
                 "neun": 9, "zehn": 10, "elf": 11, "zwoelf": 12, "fuenfzehn": 15, "zwanzig": 20}
_VERB = (r"(?:hat|haben|hatte|hatten|ist|sind|war|waren|geht|gehen|ging|gingen|verlaesst|verlassen|"
         r"macht|machen|erreicht|erreichen|erwirbt|erwerben|erwarben|bekommt|bekommen|besitzt|besitzen|"
         r"schafft|schaffen|schafften|entfaellt|entfallen|faellt|fallen)")
#: Where a phrase ends: a grouping or filter ("je Kreis", "in 2023"), a new clause, or the end.
_STOP = (r"(?= (?:je|pro|nach|fuer|im|in|unter|zwischen|und wie|wie|bei|beim|dort|ab)\b|"
         r" ,(?= (?:und |aber |oder )?(?:wie|was|welche\w*|wo|um|bitte|liegt|gibt|ist|sind|im|in|fuer)\b)|$)")
RATIO_PATTERNS = [
    re.compile(r"(?:anteil|quote|prozentsatz|rate)\w* (?:an |der |des |von |aller )*(?P<x>.+?) "
               r"(?:an|unter) (?:den |der |dem |allen |alle |aller )*(?P<y>.+?)" + _STOP),
    re.compile(r"(?:prozent|anteil|teil) (?:der|aller|von den|von allen|unter den) (?P<y>.+?) "
               + _VERB + r" (?P<x>.+?)" + _STOP),
    re.compile(r"(?P<x>[a-z ]+?) in prozent (?:der|aller|von) (?P<y>.+?)" + _STOP),
    re.compile(r"(?P<x>[a-z ]+?)(?: (?:in|im) [a-z ,]+?)? (?:zusammen )?als anteil (?:an |aller |der |von |am )*"
               r"(?P<y>.+?)" + _STOP),
]
PER_PATTERNS = [
    re.compile(r"wie ?viele? (?P<x>[a-z ]+?) (?:hat|haben|hatte|hatten|bietet|bieten|gibt es|betreut|"
               r"betreuen|kommen auf|entfallen auf) (?:eine?[nrm]?|jede[nrms]?|pro|je) (?P<y>[a-z]+)"),
    re.compile(r"(?P<x>(?:[a-z]+ ){0,4}[a-z]+) (?:je|pro) (?!(?:kreis|region|land|jahr|gemeinde|stadt)\b)"
               r"(?P<y>[a-z]+(?: [a-z]+)?)"),
]
_SHARE_WORDS = re.compile(r"\banteil|\bquote|prozent(?!punkt)|\bprozentsatz|\brate\b|%")
_AVERAGE = re.compile(r"im schnitt|durchschnittlich|im mittel|\bje\b|\bpro\b")
_SPLIT = re.compile(r" (?:,|oder|und|sowie|bzw|plus|beziehungsweise) ")
_LIST_INTRO = re.compile(r"\b(?:also|naemlich|d h|das heisst|sprich)\b")
ORDINAL: list[re.Pattern[str]] = [
    re.compile(r"\bohne\b.*(?:hauptschul|schul)abschluss"),
    re.compile(r"hauptschulabschluss|erste[mn]? schulabschluss"),
    re.compile(r"mittlere[mnr]? (?:schul)?abschluss"),
    re.compile(r"fachhochschulreife"),
    re.compile(r"(?<!fach)hochschulreife"),
]


def prepare(text: str, drop_groups: Collection[str] = ()) -> str:
    """Normalised text, commas kept as " , " (lists), misleading phrases rewritten; without
    the words of the groups in ``drop_groups`` ("Jungen" for "maennlich")."""
    pieces = re.split(r"[,;:?!]|\.(?=\s|$)", text)
    norm = " , ".join(normalize(p) for p in pieces if normalize(p))
    # "Schülerinnen und Schüler": all pupils, not a group.
    norm = re.sub(r"\b([a-z]{3,}?)innen (?:und|oder|bzw|sowie) (\1\w*)", r"\2", norm)
    # "Abiturquote", "Krippenanteil": the measure word apart from what it measures.
    norm = re.sub(r"\b([a-z]{3,}?)(quote|anteil|rate)(n|s)?\b", r"\2 \1", norm)
    for pattern, words_ in PHRASES:
        norm = pattern.sub(f"\\g<0> {words_} " if words_ else " ", norm)
    if drop_groups:
        norm = " ".join(t for t in norm.split() if not any(GROUPS[k].match(t) for k in drop_groups))
    return " ".join(norm.split())


def expand(text: str, drop_groups: Collection[str] = ()) -> str:
    """:func:`prepare`, with the header words of everyday words written after them."""
    out = []
    for tok in prepare(text, drop_groups).split():
        out.append(tok)
        out += [w for pattern, w in SYNONYMS if pattern.search(tok)]
    return " ".join(out)


@dataclass(frozen=True)
class Quantity:
    """One slot's value: a signed sum of columns (one column most of the time)."""

    terms: tuple[tuple[int, ValueColumn], ...]
    ambiguous: bool = False

    @property
    def column(self) -> ValueColumn:
        return self.terms[0][1]

    def text(self) -> str:
        out = " ".join(f"{'+' if s > 0 else '−'} {c.name}" for s, c in self.terms)
        return out[2:] if out.startswith("+ ") else out


@dataclass(frozen=True)
class Group:
    key: str  # canonical word ("maennlich")
    level: int
    label: str | None  # the header label, or None: total minus ``complement``
    complement: str | None = None

    @property
    def name(self) -> str:
        return GROUP_LABEL.get(self.key, self.key)


@dataclass
class Measure:
    numerator: Quantity
    denominator: Quantity | None = None
    factor: float = 100.0
    notes: list[str] = field(default_factory=list)
    #: "phrase": the task spelt out numerator and denominator; "words": only share words.
    how: str = "phrase"


def _is_total(label: str) -> bool:
    toks = words(label)
    return bool(toks) and all(t in TOTAL_LABELS for t in toks)


def _all_total(data: DataFile, column: ValueColumn) -> bool:
    levels = data.varying_levels() if data.layout == "genesis" else [0]
    return all(_is_total(column.labels[lvl]) for lvl in levels if lvl < len(column.labels))


def _darunter(column: ValueColumn) -> bool:
    return any(re.match(r"^\s*(?:dar\.|darunter\b|dav\.|davon\b)", lab, re.IGNORECASE) for lab in column.labels)


def group_level(data: DataFile) -> int | None:
    for level in data.varying_levels() if data.layout == "genesis" else []:
        labels = {normalize(c.labels[level]) for c in data.columns if level < len(c.labels)}
        if labels & set(GROUPS):
            return level
    return None


def find_groups(data: DataFile, text: str) -> list[Group]:
    """Groups the task names, in its order, as columns of the table's group level."""
    level = group_level(data)
    if level is None:
        return []
    norm = re.sub(r"\b(\w+)innen (?:und|oder) \1\w*", " ", normalize(text))  # "Schülerinnen und Schüler"
    labels = {normalize(c.labels[level]): c.labels[level] for c in data.columns}
    specific = [lab for lab in labels if lab not in TOTAL_LABELS and not _is_total(lab)]
    found: list[Group] = []
    for tok in norm.split():
        key = next((k for k, p in GROUPS.items() if p.match(tok)), None)
        if key is None or any(g.key == key for g in found):
            continue
        if key in labels:
            found.append(Group(key, level, labels[key]))
        elif len(specific) == 1 and any(_is_total(lab) for lab in labels):
            found.append(Group(key, level, None, labels[specific[0]]))
    return found


def sibling(data: DataFile, column: ValueColumn, level: int, label: str) -> ValueColumn | None:
    for other in data.columns:
        if len(other.labels) == len(column.labels) and other.labels[level] == label and all(
                a == b for n, (a, b) in enumerate(zip(other.labels, column.labels)) if n != level):
            return other
    return None


def in_group(data: DataFile, quantity: Quantity, group: Group) -> Quantity | None:
    """The same quantity for one group: each column's sibling at the group level (the total
    minus the complement for a group the table has no column for)."""
    terms: list[tuple[int, ValueColumn]] = []
    for sign, column in quantity.terms:
        if group.label is not None:
            twin = sibling(data, column, group.level, group.label)
            if twin is None:
                return None
            terms.append((sign, twin))
            continue
        total = next((c for c in [column] if _is_total(c.labels[group.level])), None)
        other = sibling(data, column, group.level, group.complement or "")
        if total is None or other is None:
            return None
        terms += [(sign, total), (-sign, other)]
    return Quantity(tuple(terms), quantity.ambiguous)


def _match(data: DataFile, slot: str, text: str, exclude: set[int]) -> Quantity | None:
    found = match_slot(data, slot, text, exclude=exclude)
    if found.column is None:
        return None
    return Quantity(((1, found.column),), found.ambiguous)


def _content(text: str) -> list[str]:
    return [t for t in words(text) if t not in TOTAL_LABELS and t != ","]


def _listed(data: DataFile, text: str, exclude: set[int]) -> Quantity | None:
    """A list of categories ("A, B oder C") -> their sum, when every item is its own column."""
    intro = _LIST_INTRO.search(text)
    body = text[intro.end():] if intro else text
    items = [i.strip(" ,") for i in _SPLIT.split(f" {body} ") if _content(i)]
    if len(items) < 2:
        return None
    columns: list[ValueColumn] = []
    for item in items:
        found = match_slot(data, "zaehler", item, exclude=exclude)
        col = found.column
        if col is None or found.ambiguous or _darunter(col) or col in columns or _all_total(data, col):
            return None
        columns.append(col)
    return Quantity(tuple((1, c) for c in columns))


def _ordinal(data: DataFile, text: str, exclude: set[int]) -> Quantity | None:
    """"mindestens X" / "höchstens X" over an ordered list of categories (Abschlussarten)."""
    match = re.search(r"\b(mindestens|wenigstens|zumindest|hoechstens|maximal|bis zu)\b (?P<x>.+?)(?: ,| also\b|$)", text)
    after = re.search(r"(?P<x>.+?) (?:oder|und) (hoeher|besser|mehr|niedriger|weniger|darunter|darueber)\b", text)
    if not match and not after:
        return None
    base = _match(data, "zaehler", (match or after).group("x"), exclude)  # type: ignore[union-attr]
    if base is None:
        return None
    level = next((lvl for lvl in range(len(base.column.labels)) if any(
        p.search(normalize(base.column.labels[lvl])) for p in ORDINAL)), None)
    if level is None:
        return None

    def rank(column: ValueColumn) -> int | None:
        label = normalize(column.labels[level])
        return next((n for n, p in enumerate(ORDINAL) if p.search(label)), None)

    own = rank(base.column)
    if own is None:
        return None
    up = match.group(1) in ("mindestens", "wenigstens", "zumindest") if match else \
        after.group(2) in ("hoeher", "besser", "mehr", "darueber")  # type: ignore[union-attr]
    chosen = [c for c in data.columns if sibling(data, base.column, level, c.labels[level]) is c
              and not _darunter(c) and (r := rank(c)) is not None and (r >= own if up else r <= own)]
    return Quantity(tuple((1, c) for c in chosen)) if len(chosen) > 1 else None


def numerator_of(data: DataFile, text: str, exclude: set[int]) -> Quantity | None:
    return _ordinal(data, text, exclude) or _listed(data, text, exclude) or _match(data, "zaehler", text, exclude)


def _denominator(data: DataFile, num: Quantity, text: str, exclude: set[int]) -> Quantity | None:
    """The base the task names; the total of the numerator's category when it names none that
    the header knows ("an allen Schulabgängern")."""
    found = _match(data, "nenner", text, exclude | {c.index for _, c in num.terms}) if _content(text) else None
    if found is not None:
        return found
    total = total_of(data, num.column)
    if total is not None and len(num.terms) > 1:
        # A sum of categories: the total above all of them.
        for _, col in num.terms[1:]:
            other = total_of(data, col)
            total = total if other == total else None
    if total is not None:
        return Quantity(((1, total),))
    return found


def parse(data: DataFile, text: str, exclude: set[int] = frozenset(),  # type: ignore[assignment]
          drop_groups: Collection[str] = ()) -> Measure | None:
    """The measure a task describes (groups not applied; see :func:`in_group`)."""
    norm = prepare(text, drop_groups)
    plain = norm.replace(" , ", " ")
    for pattern in PER_PATTERNS:
        match = pattern.search(plain)
        if match:
            num = numerator_of(data, expand(match.group("x")), exclude)
            if num is None:
                continue
            den = _match(data, "nenner", expand(match.group("y")), exclude | {c.index for _, c in num.terms})
            if den is not None:
                return Measure(num, den, factor=per_factor(plain))
    for pattern in RATIO_PATTERNS:
        match = pattern.search(norm)
        if not match:
            continue
        x, y = expand(match.group("x")), expand(match.group("y"))
        whole = " ".join(t for t in y.split() if t not in TOTAL_LABELS and t != ",")
        num = numerator_of(data, x, exclude)
        if num is not None and len(num.terms) == 1:
            # The part carries what names the whole ("Anteil der Mädchen an den Abgängern ohne
            # Hauptschulabschluss" -> the girls without Hauptschulabschluss).
            num = _match(data, "zaehler", f"{x} {whole}", exclude) or num
        if num is None:
            continue
        den = _denominator(data, num, y, exclude)
        if den is not None:
            return Measure(num, den, factor=100.0)
    if _SHARE_WORDS.search(plain):
        match = re.search(r"(?:anteil|quote|prozentsatz|prozent|rate)\w* (?P<x>.+)", norm)
        num = numerator_of(data, expand(match.group("x") if match else norm), exclude)
        if num is not None:
            total = total_of(data, num.column)
            if total is not None and total != num.column:
                return Measure(num, _denominator(data, num, "", exclude), factor=100.0, how="words")
    return None


def names_ratio(text: str) -> bool:
    """The task asks for X per Y or a share of Y (then a plain count would answer another question)."""
    norm = prepare(text).replace(" , ", " ")
    return any(p.search(norm) for p in PER_PATTERNS[:1] + RATIO_PATTERNS)


def per_factor(text: str) -> float:
    match = re.search(r"(?:je|pro) (\d[\d.]*)\b", text)
    if match:
        return float(match.group(1).replace(".", "")) or 1.0
    if re.search(r"(?:je|pro) (?:tausend|1000)", text):
        return 1000.0
    return 1.0


def count_of(data: DataFile, text: str, exclude: set[int] = frozenset(),  # type: ignore[assignment]
             drop_groups: Collection[str] = ()) -> Quantity | None:
    """A plain count ("Zahl der Einrichtungen", "wie viele Krippenplätze")."""
    norm = expand(text, drop_groups).replace(" , ", " ")
    return numerator_of(data, norm, exclude)


def top_n(text: str) -> int:
    """N of "die drei Kreise", "Top 5", "fünf Länder mit …" (0: all)."""
    norm = normalize(text)
    number = r"(\d{1,2}|" + "|".join(_NUMBER_WORDS) + r")"
    match = re.search(r"\btop " + number + r"\b", norm) or re.search(
        r"\b" + number + r" (?:\w+ )?(?:kreise|landkreise|kreisfreien?|staedte|grossstaedte|laender|bundeslaender|"
        r"regionen|gemeinden|bezirke|regierungsbezirke|stadtkreise|spitzenreiter|schlusslichter)\b", norm)
    if not match:
        return 0
    value = match.group(1)
    return int(value) if value.isdigit() else _NUMBER_WORDS[value]
