"""Hybrid retrieval: BM25 over German tokens fused with dense search by reciprocal rank fusion.

BM25 finds exact terms (``Stichtag``, ``KJH-Statistik``, an indicator's abbreviation); the dense
model finds paraphrases. Reciprocal rank fusion (Cormack et al. 2009) adds ``1 / (60 + rank)``
from each list, so neither score scale dominates. When the question names an indicator of the
catalogue, the catalogue entry joins the passages in front (source ``katalog:<ID>``).

A ``Focus`` (from the asker's question understanding) adds a third ranking: the candidates whose
section heading fits the question's topic. A passage carries its whole section (sibling chunks
joined, up to ``SECTION_CHARS``), so the sentence that answers the question is there to be
selected even when the section is longer than one chunk; one passage per section.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path
from typing import Any, Protocol, Sequence

import numpy as np

from assistant.catalogue.search import named_exactly
from assistant.retrieval.expansion import EXPANSION_WEIGHT, expansion_words
from assistant.retrieval.german import CompoundSplitter, stem, words
from assistant.retrieval.models import Focus, Passage
from assistant.retrieval.store import StoredChunk

log = logging.getLogger(__name__)
RRF_K = 60
SECTION_CHARS = 3000
FOCUS_WEIGHT = 1.0
PREFER_WEIGHT = 0.5
ACTION_WEIGHT = 1.0
HEADING_WEIGHT = 1.0
#: Share of the best heading's score a heading needs to count as naming the question.
HEADING_SHARE = 0.6
#: A heading names what the question asks about with this many of its words (the action and
#: the data).
HEADING_WORDS = 2
#: A word more headings than this name counts for none.
HEADING_COMMON = 10
#: Shortest stem that matches a heading stem it begins or that begins it
#: ("pseudonymisi" of "pseudonymisiert" in "Pseudonymisierung"; shorter stems such as
#: "schuel" or "einzel" begin too many compounds).
HEADING_PREFIX = 8
HEADING_TAIL = 5
#: Where a named entry stands among the passages when it does not lead (``Focus.entry_inside``).
ENTRY_INSIDE_AT = 2
#: At most this many passages from one source file, unless it dominates by ``DOMINANCE``.
PER_SOURCE = 3
#: Passages of the whole question's ranking that a part's own section never replaces.
PART_KEEP = 3
#: Fewest content words a part needs to be searched on its own.
PART_WORDS = 2
#: Where a question asks a second thing: a new question after "?", or ", und" / "und" before
#: a question word ("…, und seit welchem Schuljahr …").
PART_SPLIT = re.compile(r"\?\s*|,?\s+und\s+(?=(?:wie|was|wo|woher|wann|seit|welche[rsmn]?|wer|"
                        r"warum|wieso|weshalb|ob)\b)", re.IGNORECASE)
#: Expansion terms found in more than this share of the chunks are not searched.
COMMON_SHARE = 0.1
COMMON_MIN = 3
DOMINANCE = 1.5


class Catalogue(Protocol):
    def mentioned_in(self, question: str) -> list[Any]: ...


class ChunkSource(Protocol):
    """What the retriever needs from the index (``KnowledgeIndex`` provides it)."""

    embedder: Any

    def chunks(self) -> list[StoredChunk]: ...

    @property
    def store(self) -> Any: ...


class BM25Index:
    """rank_bm25's Okapi BM25 over compound-split German stems; scores via an inverted index."""

    def __init__(self, chunks: Sequence[StoredChunk], expand: bool = True) -> None:
        from rank_bm25 import BM25Okapi

        self.expand = expand  # field synonyms as extra terms (``expansion``)
        self.splitter = CompoundSplitter({stem(w) for c in chunks for w in c.words})
        corpus = [self.splitter.terms(c.words) or ["_"] for c in chunks]
        self.bm25 = BM25Okapi(corpus)
        raw: dict[str, tuple[list[int], list[int]]] = {}
        for i, freqs in enumerate(self.bm25.doc_freqs):
            for term, tf in freqs.items():
                docs, tfs = raw.setdefault(term, ([], []))
                docs.append(i)
                tfs.append(tf)
        self.postings = {t: (np.array(d), np.array(f, dtype=np.float32)) for t, (d, f) in raw.items()}
        self.doc_len = np.array(self.bm25.doc_len, dtype=np.float32)

    def scores(self, question: str, also: Sequence[str] = ()) -> np.ndarray:
        """Same numbers as ``BM25Okapi.get_scores`` without its loop over every document (plus
        the question's field synonyms with ``EXPANSION_WEIGHT``, unless ``expand`` is off, and
        the words ``also``, e.g. those naming the action asked about, with the same weight)."""
        b, k1 = self.bm25.b, self.bm25.k1
        out = np.zeros(len(self.doc_len), dtype=np.float32)
        norm = k1 * (1 - b + b * self.doc_len / self.bm25.avgdl)
        own = self.splitter.terms(words(question))
        # Synonyms as extra terms, but not common ones ("schule" of "die Schule verlassen").
        common = max(COMMON_MIN, COMMON_SHARE * len(self.doc_len))
        wanted = expansion_words(question) if self.expand else []
        wanted += [w for term in also for w in words(term)]
        extra = [t for t in dict.fromkeys(self.splitter.terms(wanted))
                 if t not in own and t in self.postings and len(self.postings[t][0]) <= common
                 ]
        for term, weight in [(t, 1.0) for t in own] + [(t, EXPANSION_WEIGHT) for t in extra]:
            if term not in self.postings:
                continue
            docs, tf = self.postings[term]
            out[docs] += weight * self.bm25.idf[term] * tf * (k1 + 1) / (tf + norm[docs])
        return out


def rrf(rankings: Sequence[Sequence[str]], weights: Sequence[float] | None = None) -> list[tuple[str, float]]:
    weights = weights or [1.0] * len(rankings)
    fused: dict[str, float] = {}
    for ranking, weight in zip(rankings, weights):
        for rank, item in enumerate(ranking):
            fused[item] = fused.get(item, 0.0) + weight / (RRF_K + rank + 1)
    return sorted(fused.items(), key=lambda kv: -kv[1])


class HybridRetriever:
    def __init__(self, index: ChunkSource, catalogue: Catalogue | None = None, *, k: int = 5,
                 candidates: int = 30, dense_weight: float = 1.0, bm25_weight: float = 1.0) -> None:
        self.index = index
        self.catalogue = catalogue
        self.k = k
        self.candidates = candidates
        self.weights = (dense_weight, bm25_weight)
        self._bm25: BM25Index | None = None
        self._bm25_for: list[StoredChunk] | None = None
        self._sections: dict[tuple[str, str | None, int | None], str] = {}
        self._heading_stems: dict[str, set[str]] = {}

    def _bm25_index(self, chunks: list[StoredChunk]) -> BM25Index:
        if self._bm25 is None or self._bm25_for is not chunks:
            self._bm25 = BM25Index(chunks)
            self._bm25_for = chunks
            self._sections = _sections(chunks)
            headings = {c.section for c in chunks if c.section}
            self._heading_stems = {h: {stem(w) for w in words(h)} for h in headings}
        return self._bm25

    def search(self, question: str, k: int | None = None, focus: Focus | None = None) -> list[Passage]:
        """Chunks only (no catalogue), best first, one per section, numbered from 1."""
        k = k or self.k
        chunks = self.index.chunks()
        if not chunks:
            return []
        by_id = {c.id: c for c in chunks}
        scores = self._bm25_index(chunks).scores(question, focus.search_terms if focus else ())
        top = np.argsort(-scores)[: self.candidates]
        lexical = [chunks[i].id for i in top if scores[i] > 0]
        vector = self.index.embedder.embed_queries([question])[0]
        dense = [cid for cid, _ in self.index.store.dense(vector, self.candidates) if cid in by_id]
        rankings, weights = [dense, lexical], list(self.weights)
        pool = rrf([dense, lexical], self.weights) if focus is not None else []
        if focus is not None and focus.section_words:
            # Sections matching more of the focus words first ("Sonderzeichen in Tabellen" before
            # "Regionaldatenbank und GENESIS" for a question on symbols in a table).
            fits = {cid: _fits(by_id[cid], focus.section_words) for cid, _ in pool}
            # Sections on more of the question's topics first, then on more of its words.
            topics = {cid: sum(_fits(by_id[cid], group) > 0 for group in focus.section_groups)
                      for cid, _ in pool}
            fitting = sorted((cid for cid, _ in pool if fits[cid]),
                             key=lambda cid: (-topics[cid], -fits[cid]))
            if fitting:
                rankings.append(fitting)
                weights.append(FOCUS_WEIGHT)
            # A section on all of several topics (personal data *and* AI services) once more.
            full = [cid for cid in fitting if topics[cid] == len(focus.section_groups) > 1]
            if full:
                rankings.append(full)
                weights.append(FOCUS_WEIGHT)
        if focus is not None and focus.action_words:
            # Sections that rule on the action asked about ("zurückrechnen"), by how many of
            # the action's heading words they carry.
            acting = {cid: _fits(by_id[cid], focus.action_words) for cid, _ in pool}
            ruling = sorted((cid for cid, _ in pool if acting[cid]), key=lambda cid: -acting[cid])
            if ruling:
                rankings.append(ruling)
                weights.append(ACTION_WEIGHT)
        if focus is not None and focus.heading_terms:
            # Sections whose heading names what the question asks about (the action and the
            # data: "Schülerdaten in einer Cloud speichern …"), by the weight of the words named.
            # Only those near the best: a heading naming one common word of the question
            # ("Daten", "Schulen") is no ruling on it.
            naming = self._heading_scores(focus.heading_terms, [by_id[cid] for cid, _ in pool])
            strongest = max(naming.values(), default=0.0)
            named = sorted((cid for cid, _ in pool if naming[cid] > 0
                            and naming[cid] >= HEADING_SHARE * strongest),
                           key=lambda cid: -naming[cid])
            if named:
                rankings.append(named)
                weights.append(HEADING_WEIGHT)
        if focus is not None and focus.prefer_words:
            preferred = [cid for cid, _ in pool if _fits(by_id[cid], focus.prefer_words)]
            if preferred:
                rankings.append(preferred)
                weights.append(PREFER_WEIGHT)
        fused = rrf(rankings, weights)
        self._bm25_index(chunks)
        sections = self._sections
        candidates: list[Passage] = []
        seen: set[object] = set()
        for cid, score in fused:
            c = by_id[cid]
            section_key = (c.source, c.section, c.page)
            text = sections.get(section_key)
            key: object = section_key
            if text is None:  # no section, or one too long to show whole: the chunk itself
                key, text = cid, c.text
            if key in seen:
                continue
            seen.add(key)
            candidates.append(Passage(text=text, source=c.source, title=c.title, section=c.section,
                                      page=c.page, score=score, chunk_id=cid))
        topic = focus.section_words if focus is not None else ()
        passages = diverse(candidates, k, topic) if topic else candidates[:k]
        passages = self._with_parts(question, passages, candidates, chunks, by_id)
        for n, passage in enumerate(passages, start=1):
            passage.n = n
        return passages

    def _heading_scores(self, terms: Sequence[str], chunks: Sequence[StoredChunk]) -> dict[str, float]:
        """Per chunk id: the summed rarity (log of the inverse share of the section headings
        that name it) of the words of ``terms`` its section heading names, each word whole
        (stemmed, "pseudonymisiert" naming "Pseudonymisierung"), not by a compound part
        ("Schüler" of "Schülerdaten" would name every heading on pupils); 0 for a heading that
        names fewer than ``HEADING_WORDS`` of them (one word, "Auswertung" for "für die
        Auswertung" or "Schuleingangsuntersuchung" for evaluating its results, is no ruling on
        what is asked)."""
        stems = self._heading_stems  # of the index :meth:`search` built
        count = len(stems) or 1
        named: dict[str, int] = {}  # per term: how many headings name it
        for term in {stem(w) for w in words(" ".join(terms))}:
            n = sum(1 for s in stems.values() if _stem_in(term, s))
            if 0 < n <= HEADING_COMMON:  # "KI", "Daten": no heading rules on them alone
                named[term] = n
        out: dict[str, float] = {}
        for c in chunks:
            own = stems.get(c.section or "", set())
            hits = [t for t in named if _stem_in(t, own)]
            out[c.id] = (sum(float(np.log(1 + count / named[t])) for t in hits)
                         if len(hits) >= HEADING_WORDS else 0.0)
        return out

    def _with_parts(self, question: str, passages: list[Passage], candidates: list[Passage],
                    chunks: list[StoredChunk], by_id: dict[str, StoredChunk]) -> list[Passage]:
        """``passages`` with, for a question that asks two things ("Auf welche Werte rundet die
        BA, und wie schützt der Zensus seine Ergebnisse?"), the best section of each thing
        searched on its own when the whole question's ranking left it out; it replaces the last
        passage not already brought in this way, the best passages stay."""
        parts = question_parts(question)
        if len(parts) < 2 or len(passages) < 2:
            return passages
        out = list(passages)
        keys = {(p.source, p.section, p.page) for p in out}
        vectors = self.index.embedder.embed_queries(parts)
        free = len(out) - 1  # the position a part's section takes
        for part, vector in zip(parts, vectors):
            scores = self._bm25_index(chunks).scores(part)
            top = np.argsort(-scores)[: self.candidates]
            lexical = [chunks[i].id for i in top if scores[i] > 0]
            dense = [cid for cid, _ in self.index.store.dense(vector, self.candidates) if cid in by_id]
            best = next((cid for cid, _ in rrf([dense, lexical], self.weights)), None)
            if best is None:
                continue
            c = by_id[best]
            key = (c.source, c.section, c.page)
            if key in keys or free < PART_KEEP:
                continue
            found = next((p for p in candidates if (p.source, p.section, p.page) == key), None)
            if found is None:
                text = self._sections.get(key, c.text)
                found = Passage(text=text, source=c.source, title=c.title, section=c.section,
                                page=c.page, score=0.0, chunk_id=best)
            out[free] = found
            keys.add(key)
            free -= 1
        return out

    def section_passage(self, file_name: str, section: str) -> Passage | None:
        """The whole section ``section`` of the source whose file is ``file_name`` (for answers
        that cite a known section, such as the curated FAQ), or None if it is not indexed."""
        chunks = self.index.chunks()
        self._bm25_index(chunks)
        for c in chunks:
            if c.section == section and Path(c.source).name == file_name:
                text = self._sections.get((c.source, c.section, c.page), c.text)
                return Passage(text=text, source=c.source, title=c.title, section=c.section,
                               page=c.page, score=1.0, chunk_id=c.id)
        return None

    def sections_headed(self, prefix: str) -> list[Passage]:
        """Every whole section whose heading starts with ``prefix`` (case-insensitive), once."""
        chunks = self.index.chunks()
        self._bm25_index(chunks)
        out: list[Passage] = []
        seen: set[tuple[str, str | None, int | None]] = set()
        for c in chunks:
            key = (c.source, c.section, c.page)
            if not (c.section or "").lower().startswith(prefix.lower()) or key in seen:
                continue
            seen.add(key)
            out.append(Passage(text=self._sections.get(key, c.text), source=c.source, title=c.title,
                               section=c.section, page=c.page, score=1.0, chunk_id=c.id))
        return out

    def catalogue_passages(self, question: str, limit: int = 2, lead: bool = True) -> list[Passage]:
        if self.catalogue is None:
            return []
        try:
            found = self.catalogue.mentioned_in(question)[:limit]
            paraphrase = getattr(self.catalogue, "paraphrased_in", None)
            if not found and paraphrase is not None:  # "ganztags betreut": never leads
                return [Passage(text=ind.to_text(), source=f"katalog:{ind.id}", title=ind.name,
                                section=None, page=None, score=1.0, chunk_id=f"katalog:{ind.id}",
                                paraphrased=True)
                        for ind in paraphrase(question)[:1]]
        except Exception as exc:  # noqa: BLE001 - a broken catalogue must not break search
            log.warning("catalogue lookup failed: %s", exc)
            return []
        return [Passage(text=ind.to_text(), source=f"katalog:{ind.id}", title=ind.name,
                        section=None, page=None, score=1.0, chunk_id=f"katalog:{ind.id}",
                        summary=tuple(ind.summary()) if lead and named_exactly(ind, question) else ())
                for ind in found]

    def retrieve(self, question: str, k: int | None = None, focus: Focus | None = None) -> list[Passage]:
        """Catalogue entries the question names, then the fused chunks; numbered from 1.

        With a focus whose ``entry_leads`` is false (the question mentions an indicator only in
        passing), every entry goes behind the text passages.
        """
        lead = focus is None or focus.entry_leads
        entries = self.catalogue_passages(question)
        # An entry the question names as a phrase leads; one matched only by scattered words
        # ("Zahl … Schule") goes behind the text passages, where it cannot crowd them out.
        named = [p for p in entries if p.summary]
        loose = [p for p in entries if not p.summary and not p.paraphrased]
        found = self.search(question, k, focus)
        paraphrased = [p for p in entries if p.paraphrased]
        if paraphrased and (lead or (focus is not None and focus.entry_inside)):
            # An entry the question paraphrases ("ganztags betreut") stays among the first
            # passages, behind the best two, without leading the answer.
            passages = found[:ENTRY_INSIDE_AT] + paraphrased + found[ENTRY_INSIDE_AT:]
        elif paraphrased:
            passages = found + paraphrased
        elif not lead:  # mentioned in passing: no entry leads
            for p in named:
                p.summary = ()
            inside = named[:1] if focus is not None and focus.entry_inside else []
            passages = found[:ENTRY_INSIDE_AT] + inside + found[ENTRY_INSIDE_AT:]
            passages += [p for p in named if p not in inside] + loose
        else:
            passages = named + found + loose
        for n, passage in enumerate(passages, start=1):
            passage.n = n
        return passages



def question_parts(question: str) -> list[str]:
    """The things a question asks, each on its own ("Um wie viel weicht …", "seit welchem
    Schuljahr …"); one part (the question) when it asks one thing. Statements around the
    question ("Ich bin neu hier.") are no part, nor a part without a noun of its own (in a
    question written with capitals)."""
    text = " ".join(question.split())
    asked = [s for s in re.split(r"(?<=[.!?])\s+", text) if s.endswith("?")]
    parts = [p.strip(" ,;–-") for s in asked for p in PART_SPLIT.split(s)]
    # a part names something of its own: a noun ("wen beziehen wir da ein" only refers back)
    cased = text != text.lower()
    parts = [p for p in parts if len(words(p)) >= PART_WORDS
             and (not cased or any(w[:1].isupper() for w in p.split()[1:]))]
    return parts if len(parts) > 1 else [text]


def diverse(candidates: Sequence[Passage], k: int, topic: tuple[str, ...]) -> list[Passage]:
    """The first ``k`` candidates, at most ``PER_SOURCE`` from one source file unless that file
    clearly dominates: a further passage of it whose heading is off the question's ``topic`` is
    taken only when its score is ``DOMINANCE`` times that of the best candidate from another
    file. A question on publishing small numbers gets the confidentiality text too, not five
    sections of the report-writing guide."""
    chosen: list[Passage] = []
    count: dict[str, int] = {}
    deferred: list[Passage] = []
    for i, p in enumerate(candidates):
        if len(chosen) >= k:
            break
        if count.get(p.source, 0) >= PER_SOURCE and not _heading_fits(p.section, topic):
            other = next((o for o in candidates[i + 1:] if count.get(o.source, 0) < PER_SOURCE
                          and o.source != p.source), None)
            if other is not None and p.score < DOMINANCE * other.score:
                deferred.append(p)
                continue
        chosen.append(p)
        count[p.source] = count.get(p.source, 0) + 1
    chosen += deferred[: k - len(chosen)]
    return chosen


def _fits(chunk: StoredChunk, words_: tuple[str, ...]) -> int:
    """How many of ``words_`` start a word of the chunk's section heading (short ones whole)."""
    return _heading_fits(chunk.section, words_)


def _heading_fits(section: str | None, words_: tuple[str, ...]) -> int:
    heading = f" {section or ''} ".lower()
    count = 0
    for w in words_:
        tail = r"(?![a-zäöüß])" if len(w) <= 3 else ""
        if re.search(r"(?<![\wäöüß])" + re.escape(w) + tail, heading):
            count += 1
    return count


def _stem_in(term: str, stems: set[str]) -> bool:
    """Whether ``term`` is one of ``stems`` or the same word with another ending: one begins
    the other (both of at least ``HEADING_PREFIX`` characters) and the longer has at most
    ``HEADING_TAIL`` more ("pseudonymisi" and "pseudonymisierung"; not "auswertung" and
    "auswertungsskrip", a compound on something else)."""
    if term in stems:
        return True
    if len(term) < HEADING_PREFIX:
        return False
    return any(len(s) >= HEADING_PREFIX and abs(len(s) - len(term)) <= HEADING_TAIL
               and (s.startswith(term) or term.startswith(s)) for s in stems)


def _join(a: str, b: str) -> str:
    """Join two consecutive chunks, dropping the overlap the splitter repeated."""
    for size in range(min(len(a), len(b), 400), 15, -1):
        if a.endswith(b[:size]):
            return a + b[size:]
    return f"{a}\n{b}"


def _sections(chunks: Sequence[StoredChunk]) -> dict[tuple[str, str | None, int | None], str]:
    """Each section's text (its chunks joined in order); sections longer than SECTION_CHARS
    are left out, so their chunks stay passages of their own."""
    grouped: dict[tuple[str, str | None, int | None], list[tuple[int, str]]] = {}
    for c in chunks:
        if not c.section:
            continue
        order = int(c.id.rsplit(":", 1)[-1]) if c.id.rsplit(":", 1)[-1].isdigit() else 0
        grouped.setdefault((c.source, c.section, c.page), []).append((order, c.text))
    out = {}
    for key, parts in grouped.items():
        parts.sort()
        text = parts[0][1]
        for _, part in parts[1:]:
            text = _join(text, part)
        if len(text) <= SECTION_CHARS:
            out[key] = text
    return out
