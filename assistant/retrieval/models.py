"""Typed values that flow between the retrieval stages.

``Section`` (loader) -> ``Chunk`` (chunker, stored) -> ``Passage`` (retriever, numbered), which
names its ``Citation``. The answer built from passages lives in :mod:`assistant.answers.models`.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass


@dataclass(frozen=True)
class Section:
    """A piece of a document as the loader found it: one heading section or one PDF page."""

    text: str
    section: str | None = None
    page: int | None = None


@dataclass(frozen=True)
class Document:
    """A loaded document before chunking."""

    path: str
    title: str
    sections: list[Section]


@dataclass(frozen=True)
class Chunk:
    """A stored unit of text with its provenance."""

    text: str
    source: str
    title: str
    section: str | None
    page: int | None
    index: int

    def embedding_text(self) -> str:
        """What the dense model sees: the headings give a short chunk its topic."""
        head = " – ".join(p for p in (self.title, self.section) if p)
        return f"{head}: {self.text}" if head else self.text


@dataclass(frozen=True)
class Focus:
    """What the asker learned about a question, in the terms retrieval understands.

    ``section_words``: a section whose heading contains one of them is preferred (e.g. data
    protection sections for "may I …" questions). ``entry_leads``: whether a catalogue entry the
    question names leads the passages (only when the question is about the indicator itself).
    """

    section_words: tuple[str, ...] = ()
    entry_leads: bool = True
    #: The section words by topic: a heading on more of the question's topics comes first
    #: ("Keine personenbezogenen Daten in externe KI-Dienste" for personal data in a chatbot).
    section_groups: tuple[tuple[str, ...], ...] = ()
    #: Heading words of sections to prefer a little (for "how do I …?": the step-by-step
    #: sections), whatever the topic.
    prefer_words: tuple[str, ...] = ()
    #: A catalogue entry the question names exactly stays among the first passages (behind the
    #: best two, without leading the answer) even when ``entry_leads`` is false: "Wie hoch war
    #: der Anteil …?" is answered by the entry's comparison values.
    entry_inside: bool = False
    #: Heading words of sections that rule on the action a "may I …?" question asks about
    #: ("Gesperrte Werte nicht zurückrechnen" for recomputing a suppressed value): preferred
    #: before the topic's other sections.
    action_words: tuple[str, ...] = ()
    #: Words naming that action, searched besides the question's own (with less weight).
    search_terms: tuple[str, ...] = ()
    #: The question's own content words (for "may I …?": the action and the data asked about).
    #: The sections whose heading names two or more of them (rarer heading words weigh more)
    #: are preferred: "Einzeldaten an Hochschulen weitergeben" for handing Einzeldaten to a
    #: university, before the topic's general sections.
    heading_terms: tuple[str, ...] = ()


@dataclass
class Passage:
    """A retrieved chunk, numbered for citation (``n`` starts at 1)."""

    text: str
    source: str
    title: str
    section: str | None
    page: int | None
    score: float = 0.0
    n: int = 0
    chunk_id: str = ""
    #: For catalogue entries: the entry as self-contained sentences (used by extractive answers).
    summary: tuple[str, ...] = ()
    #: A catalogue entry the question paraphrases ("ganztags betreut") rather than names.
    paraphrased: bool = False

    def citation(self, n: int | None = None) -> "Citation":
        return Citation(n=self.n if n is None else n, source=self.source, title=self.title,
                        section=self.section, page=self.page, text=self.text)


@dataclass(frozen=True)
class Citation:
    n: int
    source: str
    title: str
    section: str | None
    page: int | None
    text: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)

    def label(self) -> str:
        where = [self.title or self.source]
        if self.section:
            where.append(f"Abschnitt „{self.section}“")
        if self.page:
            where.append(f"S. {self.page}")
        return f"[{self.n}] " + ", ".join(where) + f" ({self.source})"


@dataclass(frozen=True)
class SourceRecord:
    """One ingested source as the manifest knows it."""

    source: str
    path: str
    origin: str  # "knowledge" or "user"
    title: str
    sha256: str
    chunks: int
    ingest_id: str
    ingested_at: str

    def as_dict(self) -> dict[str, object]:
        return asdict(self)
