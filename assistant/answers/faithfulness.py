"""Is a generated answer faithful to the passages it cites? Checked before the user sees it.

Valid ``[n]`` markers are not enough: a small model copies its instructions, repeats an injected
passage or adds a claim no source makes, and still cites ``[1]``. Every sentence of a generated
answer must pass four checks; one failure sends the caller to the extractive answer.

1. **Support.** The sentence's content words (German stopwords removed, umlauts folded, light
   stemming: :mod:`assistant.retrieval.german`) must mostly occur in the passages it cites: a
   stem counts if it is a word of the passage or, from five letters, part of one (so ``Quote``
   is found in ``Betreuungsquote``). The score is the share of supported stems (a precision: what
   the sentence says must come from the source; what it leaves out does not matter). A sentence
   of three or more content words needs a marker; a shorter one ("Kurz gesagt:") needs none.
   ``SUPPORT_THRESHOLD`` is measured in ``benchmarks/bench_faithfulness.py``.
2. **Numbers and identifiers** (figures, dates, e-mail addresses, URLs, codes with digits) must
   appear in a cited passage or in the question: an invented figure is the most harmful claim.
3. **Placeholders** (``<PERSON_1>``) must appear in the question or in a cited passage, and those
   of identifiers no answer needs (IBAN, tax, social-security, pupil and ID numbers, birth dates)
   only in the question: a passage that plants one is answered from the sources instead.
4. **No instructions.** No run of ``ECHO_WORDS`` words of the system prompt that the passages and
   the question do not contain, and none of the prompt's delimiters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Sequence

from assistant.answers.citations import cited_numbers
from assistant.retrieval.german import fold, stem, words
from assistant.retrieval.models import Passage
from assistant.answers.sentences import split_sentences

#: Share of a sentence's content stems that its cited passages must contain. Measured with
#: ``benchmarks/bench_faithfulness.py`` (14 faithful restatements, 14 invented claims on the
#: same sections): faithful scored 0.67-1.0, invented 0.0-0.60; 0.62 lies in that gap. A false
#: refusal costs little (the extractive answer is shown), a false acceptance shows a made-up claim.
SUPPORT_THRESHOLD = 0.62
#: Sentences with fewer content words need no citation and are not scored.
MIN_WORDS = 3
#: Length of a word run shared with the system prompt that counts as copying it.
ECHO_WORDS = 6
#: Words a restatement adds without adding a claim (on top of the BM25 stopwords).
FILLER = frozenset("""
etwa heute frueher damals anders also deshalb daher dabei jedoch zudem ausserdem allerdings
beispielsweise insbesondere grundsaetzlich jeweils bereits immer meist meistens oft hierbei
dagegen hingegen naemlich genau ebenfalls insgesamt laut demnach somit kurz gesagt
zusammengefasst
""".split())
#: Placeholder kinds an answer may only repeat when the question contains them.
QUESTION_ONLY_KINDS = frozenset({"IBAN_CODE", "DE_TAX_ID", "SOCIAL_ID", "STUDENT_ID",
                                 "ID_NUMBER", "DATE_OF_BIRTH", "CREDIT_CARD", "US_SSN"})

FILLER_STEMS = frozenset(stem(w) for w in FILLER)
PLACEHOLDER = re.compile(r"<([A-Z][A-Z_]*?)_\d+>")
IDENTIFIER = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|https?://\S+|www\.\S+|\w*\d[\w./:-]*\w|\d")
DELIMITERS = re.compile(r'"""|</?\s*quellen\s*>|<end_of_turn>|<start_of_turn>', re.IGNORECASE)
_MARKER = re.compile(r"\[\d{1,3}(?:\s*[,;]\s*\d{1,3})*\]")
_RAW_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True)
class SentenceCheck:
    text: str
    cited: tuple[int, ...]
    support: float | None  # None: too short to score
    problems: tuple[str, ...]


@dataclass(frozen=True)
class Faithfulness:
    sentences: tuple[SentenceCheck, ...]
    problems: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def support(sentence: str, passages: Sequence[Passage]) -> float:
    """Share of the sentence's content stems found in ``passages`` (1.0 without content words)."""
    stems = {stem(w) for w in words(PLACEHOLDER.sub(" ", _MARKER.sub(" ", sentence)))}
    stems = {s for s in stems if not s.isdigit() and s not in FILLER_STEMS}  # numbers: exact check
    if not stems:
        return 1.0
    folded = " ".join(fold(p.text) for p in passages) + " " + \
        " ".join(fold(f"{p.title} {p.section or ''}") for p in passages)
    known = {stem(w) for w in _RAW_WORD.findall(folded)}

    def found(s: str) -> bool:
        if s in known or (len(s) >= 5 and s in folded):
            return True
        return s.startswith("ge") and len(s) >= 6 and found(s[2:])  # gezählt ~ zählt

    return sum(1 for s in stems if found(s)) / len(stems)


def _normal(token: str) -> str:
    return re.sub(r"[\s.,]", "", token.lower())


def _shingles(text: str, n: int) -> set[tuple[str, ...]]:
    tokens = _RAW_WORD.findall(fold(text))
    return {tuple(tokens[i:i + n]) for i in range(len(tokens) - n + 1)}


def check(answer: str, passages: Sequence[Passage], *, question: str, system_prompt: str = "",
          threshold: float = SUPPORT_THRESHOLD) -> Faithfulness:
    """Check ``answer`` (with the model's ``[n]`` markers, placeholders not yet restored) against
    the gated ``passages`` the model saw and the anonymised ``question``."""
    by_n = {p.n: p for p in passages}
    problems: list[str] = []
    if DELIMITERS.search(answer):
        problems.append("die Antwort enthält Steuerzeichen der Eingabe (Quellenblock)")
    echo = _shingles(system_prompt, ECHO_WORDS) - _shingles(
        question + " " + " ".join(p.text for p in passages), ECHO_WORDS)
    if echo & _shingles(answer, ECHO_WORDS):
        problems.append("die Antwort gibt Teile der Anweisungen an das Sprachmodell wieder")
    question_ids = {_normal(t) for t in IDENTIFIER.findall(question)}
    question_placeholders = {m.group(0) for m in PLACEHOLDER.finditer(question)}
    # A marker after the full stop belongs to the sentence before it.
    text = re.sub(r"([.!?])\s*((?:\[[\d,; ]+\]\s*)+)", lambda m: f" {m.group(2).strip()}{m.group(1)} ",
                  answer)
    checked: list[SentenceCheck] = []
    for number, sentence in enumerate(split_sentences(text), start=1):
        cited = tuple(dict.fromkeys(n for n in cited_numbers(sentence) if n in by_n))
        sources = [by_n[n] for n in cited]
        own: list[str] = []
        bare = PLACEHOLDER.sub(" ", _MARKER.sub(" ", sentence))
        score: float | None = None
        if len(words(bare)) >= MIN_WORDS or IDENTIFIER.search(bare):
            if not sources:
                own.append(f"Satz {number} nennt keine Quelle")
            else:
                score = support(sentence, sources)
                if score < threshold:
                    own.append(f"Satz {number} ist durch die genannte Quelle nicht belegt "
                               f"({score:.0%} der Begriffe gefunden)")
        source_text = " ".join(p.text for p in sources)
        source_ids = {_normal(t) for t in IDENTIFIER.findall(source_text)}
        source_flat = _normal(source_text)
        for token in IDENTIFIER.findall(bare):
            norm = _normal(token)
            if norm and norm not in question_ids and norm not in source_ids \
                    and not (len(norm) >= 4 and norm in source_flat):
                own.append(f"Satz {number} enthält die Angabe '{token}', die in keiner "
                           "genannten Quelle steht")
        for match in PLACEHOLDER.finditer(sentence):
            placeholder, kind = match.group(0), match.group(1)
            if placeholder in question_placeholders:
                continue
            if kind in QUESTION_ONLY_KINDS or placeholder not in source_text:
                own.append(f"Satz {number} gibt eine geschützte Angabe ({placeholder}) wieder, "
                           "nach der nicht gefragt wurde")
        checked.append(SentenceCheck(sentence, cited, score, tuple(own)))
        problems.extend(own)
    return Faithfulness(tuple(checked), tuple(problems))
