"""A cheap test over the raw text before a recognizer's patterns run.

Most sentences hold no digit and no '@'; a recognizer whose every pattern needs one skips its
regexes (and Presidio's per-pattern bookkeeping) for them. The pre-check must be implied by every
pattern: it only saves time and never changes a finding.

When the patterns do run, :func:`analyze_patterns` runs them as Presidio's ``PatternRecognizer``
does, but without a time limit per pattern: the ``regex`` module's timeout check made the phone
patterns several times slower (measured), and a pattern that hit the limit would have been skipped
silently, a missed finding; the gate cuts long texts into windows instead.

A case-insensitive pre-check of words ("geb|geburt|birth|...") is run by :func:`precheck_search`
as a case-sensitive ``re`` search of the lower-cased text, two to three times faster (measured).
"""

from __future__ import annotations

import re
import re._constants as _c
import re._parser as _parser
from typing import Any, Callable

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, PatternRecognizer, RecognizerResult

DIGIT = regex.compile(r"\d")

#: Any character outside those on which lower-casing the text and matching case-sensitively does
#: what IGNORECASE does, and on which ``re`` and ``regex`` agree about ``\w``, ``\d`` and ``\b``:
#: ASCII; Latin-1 but the numeric signs (²³¹¼½¾: ``re`` counts them as word characters) and µ
#: (the same letter as Greek μ); Latin Extended-A but the Turkish i's (İ ı) and the long s (ſ);
#: dashes, quotes and bullets; currency signs; arrows. A text holding one is searched as before.
_NOT_LOWERABLE = re.compile(r"[^\x00-\x7f\xa0-\xb1\xb4\xb6-\xb8\xba\xbb\xbf-\u012f\u0132-\u0148"
                            r"\u014a-\u017e\u2010-\u203e\u20a0-\u20bf\u2190-\u21ff]")
#: What may stand in a pattern searched lower-cased: no inline flags, POSIX classes, nested sets
#: or fuzzy counts (``regex`` syntax that ``re`` would read otherwise).
_NOT_PORTABLE = re.compile(r"\(\?-?[a-zA-Z|]|\[:|\[\[|\{e|--|&&|\|\||~~")
_CASE_FREE_ESCAPES = re.compile(r"\\[WDSB]")
_LOWERED_FLAGS = int(regex.IGNORECASE | regex.MULTILINE | regex.UNICODE | regex.VERSION0)
_searches: dict[int, tuple[regex.Pattern, Callable[[str], object]]] = {}


def precheck_search(pattern: regex.Pattern) -> Callable[[str], object]:
    """``pattern.search``, or the same test made cheaper: for a case-insensitive pattern written in
    lower case, a case-sensitive ``re`` search of the lower-cased text finds a match exactly when
    ``pattern`` finds one in the text, as long as the text holds no character that lower-casing
    or ``re`` would treat otherwise (:data:`_NOT_LOWERABLE`); such a text is searched by ``pattern``.
    Returns something that is None when there is no match."""
    known = _searches.get(id(pattern))
    if known is not None and known[0] is pattern:
        return known[1]
    search: Callable[[str], object] = pattern.search
    text = pattern.pattern
    if (pattern.flags & regex.IGNORECASE and not pattern.flags & ~_LOWERED_FLAGS
            and not _NOT_PORTABLE.search(text)
            and _CASE_FREE_ESCAPES.sub("", text) == _CASE_FREE_ESCAPES.sub("", text).lower()):
        flags = re.MULTILINE if pattern.flags & regex.MULTILINE else 0
        try:
            lowered = re.compile(_with_first_chars(text, flags), flags)
        except re.error:
            lowered = None
        if lowered is not None:
            original, lowered_search = pattern.search, lowered.search

            def search(text: str) -> object:
                low = lowered_text(text)
                return original(text) if low is None else lowered_search(low)
    elif (not pattern.flags & (regex.IGNORECASE | ~_LOWERED_FLAGS)
          and not _NOT_PORTABLE.search(text)):
        floor = _lowest_first_char(text, re.MULTILINE if pattern.flags & regex.MULTILINE else 0)
        if floor > "\x7f":  # a match starts with a character beyond ASCII ("[\u0370-\u10ff]")
            original = pattern.search

            def search(text: str) -> object:
                return None if not text or max(text) < floor else original(text)
    _searches[id(pattern)] = (pattern, search)
    return search


#: (the text last lower-cased by :func:`lowered_text`, its lower-cased form or None): the
#: recognizers' pre-checks of one text lower-case it once, not once each.
_last: tuple[str | None, str | None] = (None, None)


def lowered_text(text: str) -> str | None:
    """``text.lower()``, or None if ``text`` holds a character that lower-casing or ``re`` would
    treat otherwise than ``regex`` with IGNORECASE (:data:`_NOT_LOWERABLE`)."""
    global _last
    last = _last
    if last[0] is text:
        return last[1]
    low = None if _NOT_LOWERABLE.search(text) else text.lower()
    _last = (text, low)
    return low


def forget_text() -> None:
    """Drop the reference to the last text :func:`lowered_text` kept (the analyzer calls this
    after every text: no text outlives its analysis here)."""
    global _last
    _last = (None, None)


def _lowest_first_char(text: str, flags: int) -> str:
    """The lowest character a match of the case-sensitive pattern ``text`` can start with, or ""
    when that is not known (a branch may start with any character, a class is negated ...)."""
    try:
        first = _first_chars(_parser.parse(text, flags))
    except re.error:
        return ""
    if first is None or first[1] or not first[0]:
        return ""
    lowest = []
    for item in first[0]:
        if not item.startswith("\\U"):  # \d, \w, \s ...: ASCII among them
            return ""
        lowest.append(chr(int(item[2:10], 16)))
    return min(lowest)


#: Character classes of ``re``'s parser written as class items.
_CATEGORIES = {_c.CATEGORY_DIGIT: r"\d", _c.CATEGORY_NOT_DIGIT: r"\D", _c.CATEGORY_SPACE: r"\s",
               _c.CATEGORY_NOT_SPACE: r"\S", _c.CATEGORY_WORD: r"\w", _c.CATEGORY_NOT_WORD: r"\W"}


def _with_first_chars(text: str, flags: int) -> str:
    """``text`` behind a look-ahead for the characters a match can start with, when the parser
    tells them: ``re`` then skips to such a character instead of trying every branch at every
    position (half the time of a word-list pre-check, measured); the matches are the same.
    ``text`` as it is when a match may start with any character or be empty."""
    first = _first_chars(_parser.parse(text, flags))
    if first is None or first[1] or not first[0]:
        return text
    return "(?=[" + "".join(sorted(first[0])) + "])(?:" + text + ")"


def _first_chars(items: Any) -> tuple[set[str], bool] | None:
    """(class items for the characters a match of the parsed sequence ``items`` can start with,
    whether it can match the empty string), or None when a part is not understood here."""
    out: set[str] = set()
    for op, av in items:
        if op is _c.AT:  # ^, $, \b: zero width, the next item gives the first character
            continue
        if op is _c.LITERAL:
            out.add(f"\\U{av:08x}")
            return out, False
        if op is _c.IN:
            part = _class_items(av)
            if part is None:
                return None
            return out | part, False
        if op is _c.BRANCH:
            parts = [_first_chars(branch) for branch in av[1]]
        elif op is _c.SUBPATTERN and not av[1] and not av[2]:  # a group without inline flags
            parts = [_first_chars(av[3])]
        elif op in (_c.MAX_REPEAT, _c.MIN_REPEAT):
            inner = _first_chars(av[2])
            parts = [None if inner is None else (inner[0], inner[1] or av[0] == 0)]
        else:
            return None
        if any(part is None for part in parts):
            return None
        for chars, _ in parts:  # type: ignore[misc]
            out |= chars
        if not any(empty for _, empty in parts):  # type: ignore[misc]
            return out, False
    return out, True


def _class_items(items: Any) -> set[str] | None:
    out = set()
    for op, av in items:
        if op is _c.LITERAL:
            out.add(f"\\U{av:08x}")
        elif op is _c.RANGE:
            out.add(f"\\U{av[0]:08x}-\\U{av[1]:08x}")
        elif op is _c.CATEGORY and av in _CATEGORIES:
            out.add(_CATEGORIES[av])
        else:  # a negated class: nearly any character
            return None
    return out


def analyze_patterns(recognizer: PatternRecognizer, text: str,
                     flags: int | None = None) -> list[RecognizerResult]:
    """``recognizer``'s patterns on ``text``: the findings of Presidio's
    ``PatternRecognizer.analyze`` (same scores, validation, explanations, duplicate removal),
    without its per-pattern timeout and timing log."""
    flags = flags if flags else recognizer.global_regex_flags
    name: str = recognizer.name  # type: ignore[has-type]  # presidio assigns it untyped
    patterns: list[Any] = recognizer.patterns  # type: ignore[has-type]
    entity = recognizer.supported_entities[0]
    validate, invalidate = recognizer.validate_result, recognizer.invalidate_result
    explain = recognizer.build_regex_explanation
    min_score, max_score = EntityRecognizer.MIN_SCORE, EntityRecognizer.MAX_SCORE
    results: list[RecognizerResult] = []
    for pattern in patterns:
        if not pattern.compiled_regex or pattern.compiled_with_flags != flags:
            pattern.compiled_with_flags = flags
            pattern.compiled_regex = regex.compile(pattern.regex, flags=flags)
        for match in pattern.compiled_regex.finditer(text):
            start, end = match.span()
            if start == end:
                continue
            current = text[start:end]
            validation = validate(current)
            explanation = explain(  # Presidio passes None too
                name, pattern.name, pattern.regex, pattern.score, validation, flags)  # type: ignore[arg-type]
            result = RecognizerResult(
                entity_type=entity, start=start, end=end,
                score=pattern.score, analysis_explanation=explanation,
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: name,
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id})
            if validation is not None:
                result.score = max_score if validation else min_score
            if invalidate(current):
                result.score = min_score
            if result.score > min_score:
                results.append(result)
            explanation.score = result.score
    # Presidio's duplicate removal keeps a single finding of a score above the minimum as it is.
    return results if len(results) < 2 else EntityRecognizer.remove_duplicates(results)


class PrecheckedPatternRecognizer(PatternRecognizer):
    #: A match of this is necessary for any pattern of the recognizer to match.
    PRECHECK: regex.Pattern = DIGIT

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if precheck_search(self.PRECHECK)(text) is None or not self.patterns:  # type: ignore[has-type]
            return []
        return analyze_patterns(self, text, regex_flags)


def rule_result(recognizer: EntityRecognizer, kind: str, start: int, end: int, score: float,
                why: str) -> RecognizerResult:
    """A finding of one of our rule recognizers, explained and marked as context-scored."""
    name: str = recognizer.name  # type: ignore[has-type]  # presidio assigns it untyped
    return RecognizerResult(
        entity_type=kind, start=start, end=end, score=score,
        analysis_explanation=AnalysisExplanation(name, score, textual_explanation=why),
        recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: name,
                              RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: recognizer.id,
                              RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True})


class PrecheckedRuleRecognizer(EntityRecognizer):
    """A rule recognizer without a model: skipped when ``PRECHECK`` finds nothing, else ``find``."""

    ENTITIES: list[str] = ["PERSON"]
    #: A match of this is necessary for any finding of the recognizer.
    PRECHECK: regex.Pattern = DIGIT

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entities=self.ENTITIES, supported_language=supported_language,
                         name=type(self).__name__)

    def load(self) -> None:  # rules only
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: ANN001
        if precheck_search(self.PRECHECK)(text) is None:
            return []
        return self.find(text)

    def find(self, text: str) -> list[RecognizerResult]:
        raise NotImplementedError
