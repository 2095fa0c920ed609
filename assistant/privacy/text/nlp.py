"""The German NLP pipeline behind Presidio, built offline in memory.

No German spaCy model can be installed, so Presidio gets a blank ``de`` pipeline (spaCy's German
tokenizer rules) with a sentencizer and a lookup lemmatizer whose table is our own
``data/curated/lemmas.tsv`` (context words such as "geb." -> "geboren", "Tel." -> "telefon").
Building it takes ~0.3 s (measured), so it is built at first use and never written to or loaded
from disk, and nothing is downloaded: :class:`BlankSpacyNlpEngine` overrides Presidio's
``load()``, which would otherwise call ``spacy.cli.download``.
"""

from __future__ import annotations

from pathlib import Path

from presidio_analyzer.nlp_engine import NerModelConfiguration, NlpArtifacts, SpacyNlpEngine
from spacy.attrs import IS_PUNCT, IS_STOP

LEMMAS = Path(__file__).resolve().parents[1] / "data" / "curated" / "lemmas.tsv"


def read_lemmas(path: Path = LEMMAS) -> dict[str, str]:
    table: dict[str, str] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            form, lemma = line.split("\t")
            table[form] = lemma
    return table


def lemma_table(path: Path = LEMMAS) -> dict[str, str]:
    """Token text as written -> lemma: the table's forms, also capitalised."""
    table = read_lemmas(path)
    # spaCy's lookup lemmatizer looks up the token text as written; add capitalised forms.
    table.update({form.capitalize(): lemma for form, lemma in list(table.items())})
    return table


def build_pipeline(language: str = "de", table: dict[str, str] | None = None):  # noqa: ANN201 - spacy.Language
    """A blank spaCy pipeline: tokenizer, sentence boundaries, lookup lemmatizer (``table``, or
    :func:`lemma_table` when none is given)."""
    import spacy
    from spacy.lookups import Lookups

    nlp = spacy.blank(language)
    nlp.add_pipe("sentencizer")
    lemmatizer = nlp.add_pipe("lemmatizer", config={"mode": "lookup", "overwrite": True})
    lookups = Lookups()
    lookups.add_table("lemma_lookup", lemma_table() if table is None else table)
    lemmatizer.initialize(lookups=lookups)
    return nlp


class BlankSpacyNlpEngine(SpacyNlpEngine):
    """Presidio's spaCy engine on a pipeline built here, never loaded from a package or the hub."""

    def __init__(self, language: str = "de") -> None:
        super().__init__(
            models=[{"lang_code": language, "model_name": f"blank:{language}"}],
            ner_model_configuration=NerModelConfiguration(
                model_to_presidio_entity_mapping={"PER": "PERSON"}),
        )
        self.language = language
        self.lemma_table = lemma_table()
        #: (word, language) -> (stop word, punctuation): Presidio asks per lemma of every text.
        self._lexical: dict[tuple[str, str], tuple[bool, bool]] = {}
        #: whitespace-free chunk -> its keyword (see :meth:`chunk_keyword`)
        self._chunk_keywords: dict[str, str | None] = {}

    def load(self) -> None:
        self.nlp = {self.language: build_pipeline(self.language, self.lemma_table)}

    def process_text(self, text: str, language: str) -> NlpArtifacts:
        """Artifacts that run the spaCy pipeline only when something reads them.

        Only Presidio's context enhancer reads them, and only for a finding whose score a context
        word may still raise; most texts have none, and the pipeline was a fifth of the gate's
        time (profiled).
        """
        if not self.nlp:
            raise ValueError("NLP engine is not loaded. Consider calling .load()")
        return LazyNlpArtifacts(self, text, language)

    def _lexeme(self, word: str, language: str) -> tuple[bool, bool]:
        known = self._lexical.get((word, language))
        if known is None:
            if len(self._lexical) > 100_000:
                self._lexical.clear()
            vocab = self.nlp[language].vocab
            if word in vocab:
                lexeme = vocab[word]
                known = (bool(lexeme.is_stop), bool(lexeme.is_punct))
            else:  # what vocab[word] would set in the new lexeme, without adding it to the vocab
                getters = vocab.lex_attr_getters
                known = (bool(getters[IS_STOP](word)), bool(getters[IS_PUNCT](word)))
            self._lexical[(word, language)] = known
        return known

    def is_stopword(self, word: str, language: str) -> bool:  # noqa: D102 - Presidio's, cached
        return self._lexeme(word, language)[0]

    def is_punct(self, word: str, language: str) -> bool:  # noqa: D102 - Presidio's, cached
        return self._lexeme(word, language)[1]

    def chunk_keyword(self, chunk: str) -> str | None:
        """The keyword Presidio's artifacts list for ``chunk`` (a run of non-space characters
        after a space or at the text's start) where the tokenizer leaves it one token, else None
        (more tokens, a stop word, punctuation, or a lemma Presidio splits at ':').

        spaCy's tokenizer splits a text at whitespace and tokenises each chunk on its own; its
        last step, the special cases matched over the token sequence, changes only a match whose
        text is a rule, and no rule of a run across a space is one (their texts hold no space
        but the rules ' ' and '\\n'). So a chunk that is one token alone is that token in any
        text, and its lemma is the table's or its own text.
        """
        known = self._chunk_keywords.get(chunk, False)
        if known is not False:
            return known  # type: ignore[return-value]
        if len(self._chunk_keywords) > 100_000:
            self._chunk_keywords.clear()
        keyword = None
        doc = self.nlp[self.language].make_doc(chunk)
        if len(doc) == 1 and doc[0].text == chunk:
            lemma = self.lemma_table.get(chunk, chunk)
            if (":" not in lemma and lemma not in ("-PRON-", "be")
                    and not any(self._lexeme(lemma, self.language))):
                keyword = lemma.lower()
        self._chunk_keywords[chunk] = keyword
        return keyword

    def process_text_now(self, text: str, language: str) -> NlpArtifacts:
        """What the pipeline gives, from its tokenizer and lemma table alone: the sentencizer
        changes nothing the context enhancer reads, and the lemmatizer only looks each token up
        in :attr:`lemma_table` (``overwrite``: the token text where the table has no entry).

        The lemmas are read from the table, not written into the tokens (nothing reads a token's
        ``lemma_``), and the tokens are walked once: Presidio's conversion walks them three times,
        half of this method's time on a short text (measured).
        """
        if not self.nlp:
            raise ValueError("NLP engine is not loaded. Consider calling .load()")
        doc = self.nlp[language].make_doc(text)
        get = self.lemma_table.get
        words = [(token.text, token.idx) for token in doc]
        lemmas = [get(word, word) for word, _ in words]
        entities, scores = self._get_updated_entities(self._get_entities(doc),
                                                      self._get_scores_for_entities(doc))
        return NlpArtifacts(entities=entities, tokens=doc, tokens_indices=[i for _, i in words],
                            lemmas=lemmas, nlp_engine=self, language=language, scores=scores)

    def process_text_pipeline(self, text: str, language: str) -> NlpArtifacts:
        """The whole spaCy pipeline, as Presidio runs it (the reference for the tests)."""
        return super().process_text(text, language)


class LazyNlpArtifacts(NlpArtifacts):
    """:class:`NlpArtifacts` filled in from the real pipeline run at the first attribute read."""

    _FIELDS = frozenset({"entities", "tokens", "lemmas", "tokens_indices", "keywords", "nlp_engine",
                         "scores"})

    def __init__(self, engine: BlankSpacyNlpEngine, text: str, language: str) -> None:  # noqa: D107
        # No super().__init__: that is exactly the work deferred to the first read.
        self._pending = (engine, text, language)

    def __getattr__(self, name: str):  # noqa: ANN204 - only called for attributes not yet set
        if name not in self._FIELDS or "_pending" not in self.__dict__:
            raise AttributeError(name)
        engine, text, language = self.__dict__.pop("_pending")
        self.__dict__.update(engine.process_text_now(text, language).__dict__)
        return getattr(self, name)
