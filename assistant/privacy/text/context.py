"""Presidio's lemma context enhancer, doing only the work that can change a score.

Presidio raises the score of a finding when one of its recognizer's context words is part of the
lemma of a word nearby. Its enhancer deep-copies every finding and needs the spaCy tokens of the
whole text; here it is handed only the findings it may change:

* findings its recognizer marked as scored already, from recognizers without context words, and
  with the top score are passed through untouched (Presidio skips or cannot raise them);
* a finding whose recognizer's context words cannot be anywhere in the text is passed through too.
  A context word can only be found in the lower-cased text of a token, or in the lemma our lookup
  table gives a token (``Tel.`` -> ``telefon``), so one search of the lower-cased text for the
  context words and for the table forms whose lemma holds one decides that.

Most texts then need no spaCy run at all (see :class:`~assistant.privacy.text.nlp.LazyNlpArtifacts`).
The token of a finding is found by bisection over the token ends (Presidio walks the whole
document, which made a 200 kB text take 25 s, profiled). The remaining findings are scored as
Presidio's enhancer scores them, but a finding is copied only when its score changes (Presidio
deep-copies every one).

Most findings that remain are addresses whose first word holds a context word ("…straße"); the
token at a finding's start is always in its context, so when spaCy's tokenizer leaves that word
one token (decided on the word alone, see
:meth:`~assistant.privacy.text.nlp.BlankSpacyNlpEngine.chunk_keyword`) and no earlier context word
of the recognizer can be in the text, the score is raised without a spaCy run over the text.
"""

from __future__ import annotations

import bisect
import copy
from typing import Any, Callable

import regex
from presidio_analyzer import EntityRecognizer, RecognizerResult
from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

_ENHANCED = RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY
_ID = RecognizerResult.RECOGNIZER_IDENTIFIER_KEY


def context_finder(context: list[str], lemmas: dict[str, str]) -> regex.Pattern:
    """A pattern over lower-cased text that matches wherever a context word could come from."""
    words = {w.lower() for w in context if w}
    forms = {form.lower() for form, lemma in lemmas.items()
             if any(w in lemma.lower() for w in words)}
    alternatives = sorted(words | forms, key=len, reverse=True)
    return regex.compile("|".join(regex.escape(a) for a in alternatives) or r"(?!)")


class FastLemmaContextAwareEnhancer(LemmaContextAwareEnhancer):
    def __init__(self, lemmas: dict[str, str], prefix: int, suffix: int,
                 chunk_keyword: Callable[[str], str | None] | None = None) -> None:
        """``chunk_keyword``: the keyword a whitespace-free word is in any text, or None where
        that needs the whole text's tokens (the spaCy engine's ``chunk_keyword``)."""
        super().__init__(context_prefix_count=prefix, context_suffix_count=suffix)
        self._lemmas = lemmas
        self._chunk_keyword = chunk_keyword
        self._finders: dict[str, regex.Pattern] = {}
        self._word_finders: dict[str, list[regex.Pattern]] = {}
        self._ends_for: tuple[object, list[int]] = (None, [])
        self._by_id: tuple[object, dict[str, EntityRecognizer]] = (None, {})

    def _finder(self, recognizer: EntityRecognizer) -> regex.Pattern:
        finder = self._finders.get(recognizer.id)
        if finder is None:
            finder = self._finders[recognizer.id] = context_finder(recognizer.context, self._lemmas)
        return finder

    def enhance_using_context(self, text: str, raw_results: list[RecognizerResult],  # noqa: D102
                              nlp_artifacts: Any, recognizers: list[EntityRecognizer],
                              context: list[str] | None = None) -> list[RecognizerResult]:
        if context:  # caller-given context words: Presidio's way, no shortcut
            return super().enhance_using_context(text, raw_results, nlp_artifacts, recognizers,
                                                 context)
        if self._by_id[0] is not recognizers:  # the analyzer hands in the same list every time
            self._by_id = (recognizers, {r.id: r for r in recognizers if r.context})
        by_id = self._by_id[1]
        lowered: str | None = None
        possible: dict[str, bool] = {}
        open_ = []
        for result in raw_results:
            meta = result.recognition_metadata or {}
            recognizer = by_id.get(meta.get(_ID))
            if recognizer is None or meta.get(_ENHANCED) or result.score >= self.MAX_SCORE:
                continue
            if recognizer.id not in possible:
                lowered = text.lower() if lowered is None else lowered
                possible[recognizer.id] = self._finder(recognizer).search(lowered) is not None
            if possible[recognizer.id]:
                open_.append(result)
        if not open_ or nlp_artifacts is None:
            return list(raw_results)
        assert lowered is not None  # every open finding's recognizer searched it
        changed: dict[int, RecognizerResult | None] = {}
        first_in_text: dict[str, int] = {}
        for r in open_:
            recognizer = by_id[r.recognition_metadata[_ID]]
            word = self._word_at_start(text, lowered, r.start, recognizer, first_in_text)
            if word is None:
                word = self._supportive_word(text, r, nlp_artifacts, recognizer)
            changed[id(r)] = self._raised(r, word) if word else None
        out = []
        for r in raw_results:
            new = changed.get(id(r))
            out.append(r if new is None else new)
        return out

    def _word_at_start(self, text: str, lowered: str, start: int, recognizer: EntityRecognizer,
                       first_in_text: dict[str, int]) -> str | None:
        """The context word Presidio's enhancer finds for a finding at ``start`` when the word
        there decides it: the word starts after whitespace, is one token with a keyword holding a
        context word (the token at the start is always in the context), and no context word
        listed before that one can be anywhere in the text. None: the text's tokens decide.
        ``first_in_text``: recognizer id -> :meth:`_first_in_text`, kept for one text."""
        if (self._chunk_keyword is None or self.context_matching_mode != "substring"
                or start >= len(text) or (start and not text[start - 1].isspace())):
            return None
        end = start
        while end < len(text) and not text[end].isspace():
            end += 1
        if end == start or end - start > 64:  # long runs (links, encoded data): the tokens decide
            return None
        keyword = self._chunk_keyword(text[start:end])
        if not keyword:
            return None
        first = first_in_text.get(recognizer.id)
        if first is None:
            first = first_in_text[recognizer.id] = self._first_in_text(lowered, recognizer)
        # a context word listed after the first one the text may hold is never the one found
        return next((w for w in recognizer.context[:first + 1] if w.lower() in keyword), None)

    def _first_in_text(self, lowered: str, recognizer: EntityRecognizer) -> int:
        """The index of the first of ``recognizer``'s context words that can be in the text
        (``lowered``), or the number of its words if none can."""
        finders = self._word_finders.get(recognizer.id)
        if finders is None:
            finders = self._word_finders[recognizer.id] = [
                context_finder([w], self._lemmas) for w in recognizer.context]
        return next((i for i, finder in enumerate(finders) if finder.search(lowered) is not None),
                    len(finders))

    def _supportive_word(self, text: str, result: RecognizerResult, nlp_artifacts: Any,
                         recognizer: EntityRecognizer) -> str:
        """The context word Presidio's lemma enhancer finds around ``result`` ('' for none),
        from the text's tokens."""
        surrounding = self._extract_surrounding_words(
            nlp_artifacts=nlp_artifacts, word=text[result.start:result.end], start=result.start)
        return self._find_supportive_word_in_context(surrounding, recognizer.context,
                                                     self.context_matching_mode)

    def _raised(self, result: RecognizerResult, word: str) -> RecognizerResult:
        """A copy of ``result`` with the score Presidio's lemma enhancer gives it for the context
        word ``word`` (the body of Presidio's loop for one finding)."""
        result = copy.copy(result)
        result.analysis_explanation = copy.copy(result.analysis_explanation)
        result.score += self.context_similarity_factor
        result.score = max(result.score, self.min_score_with_context_similarity)
        result.score = min(result.score, self.MAX_SCORE)
        result.analysis_explanation.set_supportive_context_word(word)
        result.analysis_explanation.set_improved_score(result.score)
        return result

    def _find_index_of_match_token(self, word, start, tokens, tokens_indices):  # noqa: ANN001, ANN202
        if self._ends_for[0] is not tokens:
            self._ends_for = (tokens, [t.idx + len(t) for t in tokens])
        ends = self._ends_for[1]
        i = bisect.bisect_right(ends, start)
        if i >= len(ends):
            raise ValueError("finding outside the token list")
        return i
