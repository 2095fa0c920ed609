"""Tokens and CRF features for the statistical person recognizer (training and inference share this).

The tokenizer is our own (no spaCy): words with inner hyphens/apostrophes/dots stay whole
("Okonkwo-Baptiste", "z.B", "03.05.2011"), a final period stays on initials and known
abbreviations ("L.", "Dr.", "Str.") and is split off otherwise; every other non-space character is
a token. Each line is one sequence, so table rows and list items never run into each other.

Features per token: the lower-cased word (only for lower-case words, ordinary words and titles: a
capitalised unknown word is represented by its case, so the model cannot learn the training set's
names by heart), affixes, a word shape, case flags, membership in our name lists and ordinary-word
lists (:class:`~assistant.privacy.names.NameLexicon`), a listed name or an unknown word in the
genitive ("Schmidts", "Okafors"), an unlisted compound noun ("Jagdtätigkeit"), title/role/particle
words of the rule recognizer, and the same for the neighbours (±2). ``hide_lists`` lets the trainer
switch off the list features of single tokens (list dropout), so the model also learns names that
are in no list from their context.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Mapping, NamedTuple

from assistant.privacy.names import NameLexicon, fold
from assistant.privacy.text.recognizers.person_tokens import (
    DETERMINERS, INSTITUTION_STEMS, NOUN_SUFFIXES, PARTICLES, ROLES, TITLES)
from assistant.privacy.text.words import load_nouns, noun_tags, ordinary_noun  # noqa: F401 - re-exported

FEATURE_VERSION = 3
_TOKEN = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*\.?|\S")
#: :data:`_TOKEN` after the blanks before it: every other character is a token (``\S``), so the
#: blanks and the tokens of a line add up to it.
_SPACED_TOKEN = re.compile(r"(\s*)(" + _TOKEN.pattern + ")")
ABBREVIATIONS = {t.rstrip(".") for t in TITLES} | {
    "str", "nr", "geb", "ca", "bzw", "vgl", "gez", "tel", "z.b", "u.a", "d.h", "st", "jr", "sen",
    "jun", "bzgl", "evtl", "ggf", "usw", "etc", "inkl", "max", "min", "abs", "art", "kl", "hrn",
    "mo", "di", "mi", "do", "fr", "sa", "so", "jan", "feb", "mär", "apr", "aug", "sep", "sept",
    "okt", "nov", "dez", "mag", "ing", "med", "phil", "rer", "nat", "päd"}
_TITLE_WORDS = {t.rstrip(".") for t in TITLES}
_SENTENCE_END = {".", "!", "?", ":", ";", "|", "•", "-", "–", "\t"}
_SHAPE_MAP = str.maketrans({**{c: "X" for c in "ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ"},
                            **{c: "x" for c in "abcdefghijklmnopqrstuvwxyzäöüß"},
                            **{c: "d" for c in "0123456789"}})
_SQUEEZE = re.compile(r"(.)\1{2,}")
_SHAPED = "Xxd.-"  #: what the map and the fallback below leave of letters, digits, '.', '-'


class Tok(NamedTuple):
    """A token and its offsets (a named tuple: built ten times per sentence, so it must be cheap)."""

    text: str
    start: int
    end: int


def tokenize_line(line: str, offset: int = 0) -> list[Tok]:
    tokens: list[Tok] = []
    append = tokens.append
    new = tuple.__new__  # calling Tok(...) runs its generated Python __new__ per token
    pos = offset
    # (blanks before, token) pairs: no match object per token, the offsets are counted along
    for space, word in _SPACED_TOKEN.findall(line):
        start = pos + len(space)
        pos = start + len(word)
        if word[-1] == "." and len(word) > 1 and not _keeps_period(word[:-1]):
            append(new(Tok, (word[:-1], start, pos - 1)))
            append(new(Tok, (".", pos - 1, pos)))
        else:
            append(new(Tok, (word, start, pos)))
    return tokens


def _keeps_period(base: str) -> bool:
    return (len(base) == 1 and base.isalpha()) or base.lower() in ABBREVIATIONS


def sequences(text: str) -> list[list[Tok]]:
    """Token sequences of ``text``: one per non-empty line."""
    out, pos = [], 0
    for line in text.split("\n"):
        tokens = tokenize_line(line, pos)
        if tokens:
            out.append(tokens)
        pos += len(line) + 1
    return out


def _double(match: re.Match) -> str:
    return match.group(1) * 2  # a function, not the template r"\1\1": no template parse per call


def shape(word: str) -> str:
    s = word.translate(_SHAPE_MAP)
    if s.strip(_SHAPED):  # letters outside the map (é, ł, ş), other signs (a set test, no regex)
        s = "".join(ch if ch in "Xxd-." else ("x" if ch.isalpha() and ch.islower() else
                                              "X" if ch.isalpha() else "d" if ch.isdigit() else ch)
                    for ch in s)
    return _SQUEEZE.sub(_double, s)


def _lists(word: str, lex: NameLexicon, common: bool) -> list[str]:
    """List-membership flags of one token (no position, no case beyond what the lists encode);
    ``common``: ``lex.is_common(word)``, which the caller has at hand."""
    key = fold(word.rstrip("."))
    flags = []
    if key in lex.first_names:
        flags.append("fn")
    if key in lex.surnames:
        flags.append("sn")
    parts = key.split("-")
    if len(parts) > 1 and all(p in lex.first_names or p in lex.surnames for p in parts if p):
        flags.append("nparts")
    stem = genitive_stem(key)
    if not flags and stem and (stem in lex.first_names or stem in lex.surnames):
        flags.append("gen")  # "Schmidts", "Leas", "Bushs": a listed name in the genitive
    elif (stem and word[:1].isupper() and not common
          and not lex.is_common(word[:len(stem)]) and not ordinary_noun(word)
          and not ordinary_noun(word[:len(stem)])):
        flags.append("genunk")  # "Okafors": an unknown word + s, neither form an ordinary word
    return flags


def genitive_stem(key: str) -> str:
    """``key`` without a genitive ending ("schmidts" -> "schmidt", "max'" -> "max"), or ""."""
    if len(key) > 3 and key.endswith(("s", "'", "’")):
        return key[:-2] if key.endswith(("'s", "’s")) else key[:-1]
    return ""


def _word_flags(word: str, low: str, common: bool, lex: NameLexicon, nouns: dict[str, str]) -> list[str]:
    """``low``: ``word.lower()``; ``common``: ``lex.is_common(word)`` (read only for a word that
    starts with a letter)."""
    flags = ["wk" + tag for tag in noun_tags(word, nouns)]
    if low.rstrip(".") in _TITLE_WORDS:
        flags.append("title")
    if low in ROLES:
        flags.append("role")
    if low in PARTICLES:
        flags.append("part")
    if low in DETERMINERS:
        flags.append("det")
    if word[:1].isalpha():
        if common:
            flags.append("common")
        elif low in lex.common_words:
            flags.append("common_low")  # "Die" at a sentence start
        if fold(word) in lex.never_names:
            flags.append("never")
        if low.endswith(INSTITUTION_STEMS):
            flags.append("inst")
        if low.endswith(NOUN_SUFFIXES):
            flags.append("nounsuf")
        if word[:1].isupper() and not nouns.get(word) and ordinary_noun(word):
            flags.append("cmpN")  # "Jagdtätigkeit", "Kita-Besuch": an unlisted compound noun
    return flags


def _casing(word: str) -> str:
    if not word[:1].isalpha():
        return "digit" if word[:1].isdigit() else "punct"
    if word.isupper():
        return "upper" if len(word) > 1 else "cap1"
    if word[:1].isupper():
        return "title"
    return "lower"


@dataclass(frozen=True)
class _WordFeatures:
    own: tuple[str, ...]
    near: dict[int, tuple[str, ...]]  # offset -> features as seen from a neighbour
    case: str


_word_cache: dict[tuple[int, str], _WordFeatures] = {}
_CACHE_LIMIT = 200_000


def _word_parts(word: str, lex: NameLexicon, nouns: dict[str, str],
                hidden: bool) -> tuple[list[str], list[str], str]:
    """(the word's own features, its features as a neighbour sees them without the offset, its
    case): what :func:`_word_features` and :func:`_word_weights` are built from."""
    low = word.lower()
    plain_word = word[:1].islower() and low in lex.common_words  # "an", "mit": never names
    # one look-up for _lists, _word_flags and the identity below (each made its own)
    common = word[:1].isalpha() and lex.is_common(word)
    lists = [] if hidden or plain_word else _lists(word, lex, common)
    flags = _word_flags(word, low, common, lex, nouns) + lists
    if hidden:
        flags = [f for f in flags if f != "wkP"]
    case = _casing(word)
    # The identity of a capitalised word that is no ordinary word is left out: it would let the
    # model learn the training set's names by heart instead of their forms and contexts (a word
    # not starting with a letter has the case "digit" or "punct").
    ident = "w=" + (low if case in ("lower", "digit", "punct") or common
                    or "title" in flags or "role" in flags else "?" + case)
    feats = ["b", ident, "s3=" + low[-3:], "s2=" + low[-2:], "p3=" + low[:3],
             "sh=" + shape(word), "c=" + case, "len=" + str(min(len(word), 8))]
    if "-" in word[1:]:
        feats.append("hyph")
    flag_feats = ["f=" + f for f in flags]
    feats += flag_feats
    if not flags or flags == ["nounsuf"]:
        feats.append("f=none:" + case)
    return feats, [ident, "c=" + case, *flag_feats], case


def _word_features(word: str, lex: NameLexicon, nouns: dict[str, str], hidden: bool) -> _WordFeatures:
    feats, ctx, case = _word_parts(word, lex, nouns, hidden)
    near = {d: tuple(f"{d:+d}" + f for f in (ctx if abs(d) == 1 else ctx[:2])) for d in (-2, -1, 1, 2)}
    return _WordFeatures(tuple(feats), near, case)


def _cached_word_features(word: str, lex: NameLexicon, nouns: dict[str, str]) -> _WordFeatures:
    key = (id(lex), word)
    cached = _word_cache.get(key)
    if cached is None:
        if len(_word_cache) >= _CACHE_LIMIT:
            _word_cache.clear()
        cached = _word_cache[key] = _word_features(word, lex, nouns, False)
    return cached


def featurize(tokens: list[Tok], lex: NameLexicon, hide_lists: Iterable[int] = ()) -> list[list[str]]:
    """crfsuite feature lists for one sequence (per-word parts are cached per lexicon).

    :func:`feature_weights` sums the model's weights over exactly these features; a change here
    must be made there too (``tests/privacy/test_speed_paths.py`` compares the two).
    """
    hidden = set(hide_lists)
    nouns = load_nouns()
    words = [t.text for t in tokens]
    per_word = [_word_features(word, lex, nouns, True) if i in hidden
                else _cached_word_features(word, lex, nouns) for i, word in enumerate(words)]
    n = len(words)
    out: list[list[str]] = []
    for i in range(n):
        feats = list(per_word[i].own)
        if i == 0 or words[i - 1] in _SENTENCE_END:
            feats.append("start")
        for d in (-2, -1, 1, 2):
            j = i + d
            if 0 <= j < n:
                feats += per_word[j].near[d]
            elif d in (-1, 1):
                feats.append("BOS" if d < 0 else "EOS")
        if 0 < i < n - 1:
            feats.append("nb=" + per_word[i - 1].case + "|" + per_word[i + 1].case)
        out.append(feats)
    return out


#: Per label, the weight of one feature (three labels: O, B-PER, I-PER).
Weights = tuple[float, float, float]
_NO_WEIGHT: Weights = (0.0, 0.0, 0.0)


class _WordWeights(NamedTuple):
    own: Weights
    near_m2: Weights  # featurize's near[-2]: what the word adds to the token two to its right
    near_m1: Weights
    near_p1: Weights
    near_p2: Weights
    case: str


#: (id of the weights, id of the lexicon) -> (the weights, the lexicon, word -> its weight sums,
#: neighbour feature -> its weights at the offsets -2, -1, +1, +2, a word's neighbour features ->
#: their summed weights at those offsets); the objects themselves are kept
#: so that an id reused after they are gone never matches.
_weight_cache: dict[tuple[int, int], tuple[object, object, dict[str, _WordWeights],
                                           dict[str, tuple[Weights, Weights, Weights, Weights]],
                                           dict[tuple[str, ...], tuple[Weights, Weights, Weights, Weights]]]] = {}


def _summed(features: Iterable[str], weights: Mapping[str, Weights]) -> Weights:
    s0 = s1 = s2 = 0.0
    for feature in features:
        w = weights.get(feature)
        if w is not None:
            s0 += w[0]
            s1 += w[1]
            s2 += w[2]
    return s0, s1, s2


def _word_weights(word: str, lex: NameLexicon, nouns: dict[str, str], weights: Mapping[str, Weights],
                  near: dict[str, tuple[Weights, Weights, Weights, Weights]],
                  near_sums: dict[tuple[str, ...], tuple[Weights, Weights, Weights, Weights]]) -> _WordWeights:
    """The weight sums of ``featurize``'s features of ``word``, without building the neighbour
    features: their weights per offset are looked up once per neighbour feature in ``near`` (most
    are shared by many words: "c=title", "f=fn"), which halved the cost of a word seen the first
    time (measured)."""
    own, ctx, case = _word_parts(word, lex, nouns, False)
    # the neighbour features are the same for many words (every capitalised word in no list has
    # "w=?title", "c=title" and maybe a flag): their sums are kept per feature tuple
    key = tuple(ctx)
    sums = near_sums.get(key)
    if sums is None:
        sums = near_sums[key] = _near_sums(ctx, weights, near)
    return _WordWeights(_summed(own, weights), *sums, case)


def _near_sums(ctx: list[str], weights: Mapping[str, Weights],
               near: dict[str, tuple[Weights, Weights, Weights, Weights]],
               ) -> tuple[Weights, Weights, Weights, Weights]:
    """The weights a word's neighbour features ``ctx`` add at the offsets -2, -1, +1, +2."""
    m2 = m1 = p1 = p2 = (0.0, 0.0, 0.0)
    for k, feature in enumerate(ctx):
        at = near.get(feature)
        if at is None:
            at = near[feature] = (weights.get("-2" + feature, _NO_WEIGHT), weights.get("-1" + feature, _NO_WEIGHT),
                                  weights.get("+1" + feature, _NO_WEIGHT), weights.get("+2" + feature, _NO_WEIGHT))
        w = at[1]
        m1 = (m1[0] + w[0], m1[1] + w[1], m1[2] + w[2])
        w = at[2]
        p1 = (p1[0] + w[0], p1[1] + w[1], p1[2] + w[2])
        if k < 2:  # the features two tokens away: the word's identity and its case
            w = at[0]
            m2 = (m2[0] + w[0], m2[1] + w[1], m2[2] + w[2])
            w = at[3]
            p2 = (p2[0] + w[0], p2[1] + w[1], p2[2] + w[2])
    return m2, m1, p1, p2


def feature_weights(tokens: list[Tok], lex: NameLexicon,
                    weights: Mapping[str, Weights]) -> list[Weights]:
    """Per token, the sum of ``weights`` over the features :func:`featurize` gives it: a CRF's
    state scores without building the feature strings (the sums per word are cached). The
    weights are added in the same order as before, so the sums are the same to the last bit."""
    entry = _weight_cache.get((id(weights), id(lex)))
    if entry is None or entry[0] is not weights or entry[1] is not lex or len(entry[2]) >= _CACHE_LIMIT:
        entry = _weight_cache[(id(weights), id(lex))] = (weights, lex, {}, {}, {})
    cache, near = entry[2], entry[3]
    words = [t.text for t in tokens]
    per_word: list[_WordWeights] = []
    for word in words:
        known = cache.get(word)
        if known is None:
            known = cache[word] = _word_weights(word, lex, load_nouns(), weights, near, entry[4])
        per_word.append(known)
    n = len(words)
    if not n:
        return []
    own, m2s, m1s, p1s, p2s, cases = zip(*per_word)
    start = weights.get("start", _NO_WEIGHT)
    ends = _SENTENCE_END
    # what each token adds from its left neighbour (BOS for the first) and from its right one
    # (EOS for the last), and the pairs of neighbour cases ("nb=" features) of the inner tokens
    lefts = (weights.get("BOS", _NO_WEIGHT), *m1s[:-1])
    rights = (*p1s[1:], weights.get("EOS", _NO_WEIGHT))
    nb = _nb_weights(entry, weights)
    out: list[Weights] = []
    w: Weights
    for i in range(n):
        s0, s1, s2 = own[i]
        if i == 0 or words[i - 1] in ends:
            s0, s1, s2 = s0 + start[0], s1 + start[1], s2 + start[2]
        if i >= 2:  # featurize adds near[d] of word i + d
            w = m2s[i - 2]
            s0, s1, s2 = s0 + w[0], s1 + w[1], s2 + w[2]
        w = lefts[i]
        s0, s1, s2 = s0 + w[0], s1 + w[1], s2 + w[2]
        w = rights[i]
        s0, s1, s2 = s0 + w[0], s1 + w[1], s2 + w[2]
        if i + 2 < n:
            w = p2s[i + 2]
            s0, s1, s2 = s0 + w[0], s1 + w[1], s2 + w[2]
        if 0 < i < n - 1:
            w = nb[cases[i - 1]][cases[i + 1]]
            s0, s1, s2 = s0 + w[0], s1 + w[1], s2 + w[2]
        out.append((s0, s1, s2))
    return out


#: The cases :func:`_casing` gives.
_CASES = ("digit", "punct", "upper", "cap1", "title", "lower")
_nb_cache: dict[int, tuple[object, dict[str, dict[str, Weights]]]] = {}


def _nb_weights(entry: object, weights: Mapping[str, Weights]) -> dict[str, dict[str, Weights]]:
    """case before -> case after -> the weights of featurize's "nb=before|after" feature."""
    known = _nb_cache.get(id(entry))
    if known is None or known[0] is not entry:
        table = {a: {b: weights.get("nb=" + a + "|" + b, _NO_WEIGHT) for b in _CASES} for a in _CASES}
        known = _nb_cache[id(entry)] = (entry, table)
    return known[1]
