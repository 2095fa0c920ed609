"""German-aware lexical search over the catalogue (no model, deterministic).

Normalisation folds case, umlauts (ä -> ae, so "Dreijährige" and "Dreijaehrige" match), ß, hyphens
and punctuation. Tokens match exactly, or as inflected forms of each other ("Betreuungsquote" /
"Betreuungsquoten"), or as a compound part when the query token is long enough ("Krippe" in
"Krippenquote"). ``mentions`` is stricter: a question names an indicator only by its ID or by all
words of its name or of a synonym.

People write names in other forms: inflected ("höchsten Bildungsabschluss" for "höchster
Bildungsabschluss", "Jugendquotienten"), with a typo in a long word ("Wiederholerqoute"), with
another article or preposition in the phrase ("Abschlüsse die Erwachsenen", "Ausgaben pro
Schüler"), or without the qualifier in brackets ("Jugendarbeitslosenquote" for
"Jugendarbeitslosenquote (15 bis unter 25 Jahre)"). Word comparison (:func:`same_word`) and
phrase comparison (:func:`named_exactly`) allow these forms.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from assistant.catalogue.schema import ID_PATTERN, Indicator

_FOLD = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss"})
_ID_IN_TEXT = re.compile(r"(?<![A-Za-z0-9])([A-Ia-i])\s?(\d{1,2})\.(\d{1,2})(?![0-9])")
_SUFFIXES = ("", "e", "n", "s", "en", "es", "er", "ern", "em")
_NUMBER_WORDS = {
    "zwei": "2", "drei": "3", "vier": "4", "fuenf": "5", "sechs": "6",
}

STOPWORDS = frozenset("""
    der die das den dem des ein eine einer eines einem einen und oder in im an am auf aus bei
    mit nach von vom zu zur zum fuer ueber unter als wie was wer wo ist sind wird werden ich
    wir sie es man mir mich berechne berechnet berechnen rechne rechnet ermittle ermitteln
    bitte kann koennen soll sollte hoch hat haben gibt welche welcher welches wieviel viele
    je pro bzw ohne nicht
""".split())


def normalize(text: str) -> str:
    text = unicodedata.normalize("NFC", text).lower().translate(_FOLD)
    text = re.sub(r"[-_/–]", " ", text)
    text = re.sub(r"[^a-z0-9. ]", " ", text)
    text = re.sub(r"(?<![0-9])\.|\.(?![0-9])", " ", text)
    return re.sub(r"\s+", " ", text).strip()


def tokens(text: str, keep_stopwords: bool = False) -> list[str]:
    out = []
    for tok in normalize(text).split():
        tok = _NUMBER_WORDS.get(tok, tok)
        if keep_stopwords or tok not in STOPWORDS:
            out.append(tok)
    return out


def _inflected(a: str, b: str) -> bool:
    """Same word up to a German inflection ending (quote/quoten, jaehrige/jaehrigen)."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if len(short) < 4 or not long_.startswith(short[:-1] if short.endswith("e") else short):
        return False
    stem = short[:-1] if short.endswith("e") else short
    return long_[len(stem):] in _SUFFIXES or long_[len(short):] in _SUFFIXES


#: Endings stripped from two words before comparing their stems ("hoechster"/"hoechsten").
_ENDINGS = ("ern", "en", "er", "es", "em", "e", "n", "s")
#: Shortest stem that two words may share to be forms of one word.
MIN_STEM = 4
#: Shortest word in which two swapped neighbouring letters are read as a typo ("qoute").
SWAP_MIN = 8
#: Shortest word in which one wrong, missing or extra letter is read as a typo (shorter words
#: one letter apart are often other words: "Schulart" and "Schulamt").
TYPO_MIN = 11


def _stem(word: str) -> str:
    for ending in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_STEM:
            return word[: -len(ending)]
    return word


def _one_typo(a: str, b: str) -> bool:
    """Whether ``a`` and ``b`` differ by two swapped neighbouring letters (words of
    ``SWAP_MIN`` letters), or by one wrong, missing or extra letter (``TYPO_MIN``); never in the
    first letter (typos there are rare, other words one letter apart are not)."""
    if a[0] != b[0] or abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i, (x, y) in enumerate(zip(a, b)) if x != y]
        if len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]] \
                and a[diff[1]] == b[diff[0]]:
            return len(a) >= SWAP_MIN
        return len(diff) == 1 and len(a) >= TYPO_MIN
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = next((k for k, (x, y) in enumerate(zip(short, long_)) if x != y), len(short))
    return short[i:] == long_[i + 1:] and len(short) >= TYPO_MIN


def same_word(a: str, b: str) -> bool:
    """Whether two normalised words are one word: equal, inflected forms of each other
    ("quote"/"quoten", "hoechster"/"hoechsten"), or, in long words, one with a typo."""
    if _inflected(a, b):
        return True
    if a.isdigit() or b.isdigit():
        return False
    sa, sb = _stem(a), _stem(b)
    if sa == sb and len(sa) >= MIN_STEM:
        return True
    return min(len(a), len(b)) >= SWAP_MIN and _one_typo(a, b)


def token_score(query_tok: str, field_tok: str) -> float:
    if same_word(query_tok, field_tok):
        return 1.0
    if len(query_tok) >= 5 and query_tok in field_tok:
        return 0.6  # compound part: "krippe" in "krippenquote"
    if len(field_tok) >= 6 and field_tok in query_tok:
        return 0.5  # query is the compound: "schulabbrecherquote" contains "schulabbrecher"
    return 0.0


def _best(query_tok: str, field_toks: Iterable[str]) -> float:
    return max((token_score(query_tok, t) for t in field_toks), default=0.0)


def _id_hits(text: str) -> list[str]:
    return [f"{a.upper()}{b}.{c}" for a, b, c in _ID_IN_TEXT.findall(text)]


def score(indicator: Indicator, query: str) -> float:
    ids = _id_hits(query)
    bonus = 0.0
    if indicator.id in ids or (ID_PATTERN.match(query.strip().upper())
                               and indicator.id.startswith(query.strip().upper())):
        bonus = 10.0
    id_toks = {normalize(i) for i in ids}
    q_toks = [t for t in tokens(query) if t not in id_toks]
    if not q_toks:
        return bonus
    name_toks = tokens(indicator.name)
    syn_toks = [tokens(s) for s in indicator.synonyms]
    def_toks = tokens(indicator.definition)
    q_norm = normalize(query)
    total = 0.0
    found = 0
    for tok in q_toks:
        best_label = max([_best(tok, name_toks)] + [_best(tok, s) for s in syn_toks])
        best_def = _best(tok, def_toks)
        total += 3.0 * best_label + 1.0 * best_def
        found += (best_label > 0 or best_def > 0)
    for label in [indicator.name, *indicator.synonyms]:
        if normalize(label) == q_norm:
            total += 6.0
        elif len(normalize(label)) >= 3 and f" {normalize(label)} " in f" {q_norm} ":
            total += 2.0
    # Coverage: queries whose every word is found rank above partial matches.
    return bonus + total * (found / len(q_toks))


def rank(indicators: list[Indicator], query: str) -> list[Indicator]:
    scored = [(score(ind, query), pos, ind) for pos, ind in enumerate(indicators)]
    hits = [s for s in scored if s[0] > 0]
    hits.sort(key=lambda s: (-s[0], 0 if s[2].kind == "Kern" else 1, s[1]))
    return [ind for _, _, ind in hits]


#: Words a name phrase may say otherwise without naming something else: articles and
#: prepositions ("Abschlüsse der Erwachsenen" / "die Abschlüsse, die Erwachsene haben",
#: "Ausgaben je Schüler" / "Ausgaben pro Schüler").
_FILLERS = frozenset("""
    der die das den dem des ein eine einer eines einem einen und in im an am bei mit nach von
    vom zu zur zum fuer auf aus je pro
""".split())
_BRACKETS = re.compile(r"\s*\([^)]*\)")


def labels(indicator: Indicator) -> list[str]:
    """The names a question may call an indicator by: its name, the name without a qualifier in
    brackets ("Jugendarbeitslosenquote" for "… (15 bis unter 25 Jahre)"), its synonyms."""
    bare = _BRACKETS.sub("", indicator.name).strip()
    return [indicator.name] + ([bare] if bare and bare != indicator.name else []) + list(
        indicator.synonyms)


def phrase_words(text: str) -> list[str]:
    """The words of a name phrase as compared (number words as digits, no fillers)."""
    return [w for w in (_NUMBER_WORDS.get(t, t) for t in normalize(text).split())
            if w not in _FILLERS]


def phrase_in(label: str, question_words: list[str]) -> bool:
    """Whether the question (its :func:`phrase_words`) holds the label as a phrase, each word
    in any of its forms (:func:`same_word`), articles and prepositions aside."""
    wanted = phrase_words(label)
    n = len(wanted)
    return bool(wanted) and any(
        all(same_word(w, q) for w, q in zip(wanted, question_words[i:i + n]))
        for i in range(len(question_words) - n + 1))


def _label_covered(label: str, label_toks: list[str], question_toks: list[str],
                   question_words: list[str]) -> bool:
    if not label_toks:
        return False
    if any(ch.isdigit() for ch in label):
        # "unter 3 Jahren" must not be found in "3 bis unter 6 Jahren": numbers need the phrase.
        return phrase_in(label, question_words)
    return all(any(same_word(lt, qt) for qt in question_toks) for lt in label_toks)


def mentions(indicators: list[Indicator], question: str) -> list[Indicator]:
    """Indicators the question names by ID, name or synonym; the most specific naming first.

    An indicator named only by words that a better match also covers ("Betreuungsquote" when
    the question says "Betreuungsquote der unter Dreijährigen") is dropped.
    """
    ids = _id_hits(question)
    q_toks = tokens(question)
    q_words = phrase_words(question)
    results: list[tuple[float, int, Indicator, frozenset[str]]] = []
    for pos, ind in enumerate(indicators):
        best = 0.0
        words: frozenset[str] = frozenset()
        if ind.id in ids:
            best, words = 1000.0 - ids.index(ind.id), frozenset({ind.id})  # question order
        for label in labels(ind):
            label_toks = tokens(label)
            if not _label_covered(label, label_toks, q_toks, q_words):
                continue
            weight = float(sum(len(t) for t in label_toks))
            if phrase_in(label, q_words):
                weight += 5  # the phrase, not just its words
            if weight > best:
                best, words = weight, frozenset(label_toks)
        if best > 0:
            results.append((best, pos, ind, words))
    results.sort(key=lambda r: (-r[0], 0 if r[2].kind == "Kern" else 1, r[1]))
    kept: list[tuple[float, int, Indicator, frozenset[str]]] = []
    for result in results:
        if any(result[3] < other[3] for other in kept):
            continue
        kept.append(result)
    return [r[2] for r in kept]


def named_exactly(ind: Indicator, question: str) -> bool:
    """Whether the question names the indicator by its ID or by its full name or a synonym as a
    phrase (not just by scattered words that also occur in the label), in any word form."""
    if ind.id in _id_hits(question):
        return True
    q_words = phrase_words(question)
    return any(phrase_in(label, q_words) for label in labels(ind))
