"""Details of a catalogue entry that answer what a question asks beyond the entry's summary.

When a question is about an indicator, its catalogue entry leads the answer with the summary
(definition, formula, Stichtag, data source, first caveat). The entry holds more: the formula's
note (open age margins, the alternative denominator), further caveats (where a case is counted,
which year's rules changed), comparison values (a named town's value) and the breakdowns. A
question that asks about one of these ("und wie ist das in den ersten beiden Klassen?", "für
Flensburg") gets the entry lines that share its own words, i.e. the words that are not part of
the indicator's name. For a "how is it computed?" question the formula's note always follows,
because it belongs to the formula. "How is it computed?" and "where do the data come from?"
answers also show what a result looks like (the first comparison value, Bund or Land) and take
one more line on the question's words; a source answer quotes the caveats too (available only
for Länder or Agenturbezirke, breaks in a series, rounding).

Every detail is a line (or sentence) of the entry passage's text, so the answer stays faithful
to its cited source.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from assistant.answers.defining import named_terms, names
from assistant.answers.question import understand
from assistant.answers.sentences import split_sentences
from assistant.retrieval.german import CompoundSplitter, stem, words
from assistant.retrieval.models import Passage

#: Blocks of the rendered entry whose lines may answer a question (see catalogue/render.py).
CAVEATS, VALUES = "Vorsicht:", "Vergleichswerte aus den Quellen:"
DETAIL_BLOCKS = (CAVEATS, VALUES)
NOTE = "Hinweis:"
BREAKDOWNS = "Gliederungen:"
#: Blocks that end the detail blocks (technical parts: input columns, sources).
END_BLOCKS = ("Datenquellen:", "Eingabe", "Ergebnis:", "Referenzimplementierung", "Quellen:",
              "Keine Referenzimplementierung")
#: A note on the reference implementation, not on the indicator.
TECHNICAL = re.compile(r"\bReferenz\w*\b|\bEingabe\b")
#: Detail lines an answer adds after the summary.
ENTRY_DETAILS = 2
#: More detail lines for the kinds whose users ask for the entry's particulars.
KIND_DETAILS = {"berechnung": 1, "datenquelle": 1}
#: Kinds whose answer shows what a result looks like: the entry's first comparison value (how
#: to compute it; where the data come from and what they give).
EXAMPLE_KINDS = ("berechnung", "datenquelle")
#: Caveats a source answer quotes at most (availability for Kreise, breaks, rounding).
SOURCE_CAVEATS = 4


@dataclass(frozen=True)
class Detail:
    text: str
    note: bool  # part of the formula's note
    block: str | None = None  # the block the line stands in ("Vorsicht:", …)


def detail_lines(text: str) -> list[Detail]:
    """The entry's note sentences, caveats, comparison values and breakdowns, in order."""
    out: list[Detail] = []
    block: str | None = None
    for raw in text.split("\n"):
        line = raw.strip()
        if not line:
            continue
        if line.startswith(NOTE):
            out += [Detail(s, True) for s in split_sentences(line[len(NOTE):].strip())]
            continue
        if line.startswith(BREAKDOWNS):
            out.append(Detail(line, False))
            continue
        if line in DETAIL_BLOCKS:
            block = line
            continue
        if line.startswith(END_BLOCKS) or (not raw.startswith(" ") and line.endswith(":")):
            block = None
            continue
        if block and line.startswith("- "):
            out.append(Detail(_sentence(line[2:].strip()), False, block))
    return out


def _sentence(text: str) -> str:
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _head(passage: Passage) -> list[str]:
    """The indicator's name and its synonyms line ("Auch: …")."""
    return [passage.title or ""] + [line for line in passage.text.split("\n")[:6]
                                    if line.startswith("Auch:")]


def _name_terms(passage: Passage, splitter: CompoundSplitter) -> set[str]:
    """Stems (and compound parts) of the indicator's name and synonyms: what every line of the
    entry is about, so they do not make a line fit the question."""
    return set(splitter.terms(words(" ".join(_head(passage)))))


def details(question: str, passage: Passage, compute: bool = False,
            limit: int = ENTRY_DETAILS) -> list[str]:
    """Lines of the entry ``passage`` that answer ``question`` beyond the summary: the formula's
    note first when ``compute``, then up to ``limit`` lines sharing the question's own words
    (idf-weighted over the entry's lines), in the entry's order."""
    lines = [d for d in detail_lines(passage.text)
             if not _in_summary(d.text, passage.summary) and not TECHNICAL.search(d.text)]
    if not lines:
        return []
    lexicon = {stem(w) for d in lines for w in words(d.text)} | {stem(w) for w in words(question)}
    splitter = CompoundSplitter(lexicon)
    own = set(splitter.terms(words(question))) - _name_terms(passage, splitter)
    terms = [set(splitter.terms(words(d.text))) for d in lines]
    df = {t: sum(t in ts for ts in terms) for t in own}
    weight = {t: math.log(1 + len(lines) / (1 + df[t])) for t in own}
    scored = [(sum(weight[t] for t in own & ts), i) for i, ts in enumerate(terms)]
    kind = understand(question).kind
    limit += KIND_DETAILS.get(kind, 0)
    picked = {i for s, i in sorted(scored, key=lambda x: (-x[0], x[1]))[:limit] if s > 0}
    if compute or kind == "berechnung":
        picked |= {i for i, d in enumerate(lines) if d.note}
    if kind in EXAMPLE_KINDS:  # what the result looks like: the first comparison value
        picked |= set([i for i, d in enumerate(lines) if d.block == VALUES][:1])
    if kind == "datenquelle":  # where the data fall short: the caveats
        picked |= set([i for i, d in enumerate(lines) if d.block == CAVEATS][:SOURCE_CAVEATS])
    return [lines[i].text for i in sorted(picked)]


def _in_summary(text: str, summary: tuple[str, ...]) -> bool:
    core = re.sub(r"\W+", " ", text).strip().lower()
    return any(core in re.sub(r"\W+", " ", s).lower() for s in summary)


def names_apart(question: str, first: Passage, second: Passage) -> bool:
    """Whether the question names the second entry by a word of its name that the first entry's
    name and synonyms lack ("Inklusionsquote … Inklusionsanteil"), not only by a label both share
    ("Betreuungsquote" for the entries of two age groups)."""
    asked = {stem(w) for w in words(question)}
    own = {stem(w) for w in words(second.title or "")} - _labels(first)
    return bool(asked & own)


def _labels(passage: Passage) -> set[str]:
    return {stem(w) for w in words(" ".join(_head(passage)))}


def asked_about(question: str, passage: Passage) -> bool:
    """Whether a definition question asks about the indicator of the entry ``passage``: the
    term it names ("Was versteht man unter X?") is the entry's ID, a word of its name or
    synonyms, or one of its definition (a part of a compound counts). A question that names
    no such term, or of another kind, is about the entries the search found by their names;
    one that names another term mentions the indicator only in passing ("… unter
    Migrationshintergrund? Die Kita-Zahlen …" is not about the number of Kita places)."""
    if understand(question).kind != "definition":
        return True
    asked = named_terms(question)
    if not asked or passage.source.rsplit(":", 1)[-1].lower() in question.lower():
        return True
    own = {stem(w) for w in words(" ".join(_head(passage) + list(passage.summary[:1])))}
    return any(names(term, word) for term in asked for word in own)


#: Things the question names beyond the entry that one sentence must name to follow the entry's
#: source line (a question on youth work, culture and sport asked of the youth-work entry).
BEYOND_MIN = 2


_TOKEN = re.compile(r"[\wÄÖÜäöüß-]+")


def _nouns(text: str) -> set[str]:
    """Stems of the nouns of ``text``: its capitalised words that do not open a sentence."""
    out: set[str] = set()
    for sentence in split_sentences(" ".join(text.split())):
        tokens = _TOKEN.findall(sentence)[1:]
        out |= {stem(w) for t in tokens if t[:1].isupper() for w in words(t) if len(w) > 3}
    return out


def _names(term: str, stems: set[str]) -> bool:
    return any(s.startswith(term) for s in stems)


def beyond_entry(question: str, entry: Passage,
                 others: list[Passage]) -> tuple[str, int] | None:
    """For a source question that names more things than the entry ``entry`` is about ("Jugend-
    arbeit, Kultur und Sport" of the youth-work entry), the sentence of ``others`` that names
    most of the others ("… die Kulturstrategie, der Sportentwicklungsplan …"), at least
    ``BEYOND_MIN``; the first of equals in rank order. None otherwise."""
    said = {stem(w) for w in words(" ".join(_head(entry) + list(entry.summary)))}
    asked = {t for t in _nouns(question) if not _names(t, said)}
    if len(asked) < BEYOND_MIN:
        return None
    best: tuple[int, tuple[str, int]] | None = None
    for passage in others:
        if passage.summary:
            continue
        for sentence in split_sentences(passage.text):
            if sentence.startswith("#") or sentence.endswith(":"):
                continue
            stems = {stem(w) for w in words(sentence)}
            named = sum(_names(t, stems) for t in asked)
            if named >= BEYOND_MIN and (best is None or named > best[0]):
                best = (named, (sentence, passage.n))
    return best[1] if best else None
