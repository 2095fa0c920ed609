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
"""

from __future__ import annotations

import bisect
import copy
from typing import Any

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
    def __init__(self, lemmas: dict[str, str], prefix: int, suffix: int) -> None:
        super().__init__(context_prefix_count=prefix, context_suffix_count=suffix)
        self._lemmas = lemmas
        self._finders: dict[str, regex.Pattern] = {}
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
        changed = {id(r): self._enhanced(text, r, nlp_artifacts, by_id) for r in open_}
        out = []
        for r in raw_results:
            new = changed.get(id(r))
            out.append(r if new is None else new)
        return out

    def _enhanced(self, text: str, result: RecognizerResult, nlp_artifacts: Any,
                  by_id: dict[str, EntityRecognizer]) -> RecognizerResult | None:
        """A copy of ``result`` with the score Presidio's lemma enhancer gives it, or None if a
        context word raises nothing (the body of Presidio's loop for one finding)."""
        recognizer = by_id[result.recognition_metadata[_ID]]
        surrounding = self._extract_surrounding_words(
            nlp_artifacts=nlp_artifacts, word=text[result.start:result.end], start=result.start)
        word = self._find_supportive_word_in_context(surrounding, recognizer.context,
                                                     self.context_matching_mode)
        if word == "":
            return None
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
