"""Defining sentences: the sentences that say what the term a "what is …?" question asks about is.

A definition answer should start with the sentence that defines the term ("Die Übergangsquote
beschreibt …", "Unter Pseudonymisierung versteht man …") and add the sentences that define its
parts or its counterpart ("Der Kontext umfasst …" for the Prozess-Kontext-Modell; both sides of
"Unterschied zwischen X und Y"), not one aspect only. A sentence defines a term when the term
(or a part of a compound term, at least five letters) stands among its first words, before a
defining verb.
"""

from __future__ import annotations

import re
from typing import Callable, Sequence, TypeVar

from assistant.answers.coverage import Scored
from assistant.retrieval.german import stem, words

C = TypeVar("C", bound=Scored)

#: Verbs and phrases with which a sentence defines its subject.
DEFINING_VERB = re.compile(
    r"\b(ist|sind|bezeichne\w*|beschreib\w*|bedeute\w*|meint|meinen|umfass\w*|heißt|heißen|"
    r"steh\w* für|gilt als|gelten als|versteht man|nennt man|zähl\w*|gehör\w*|liegt vor|"
    r"liegen vor|misst|messen|gibt an|geben an|unterscheide[nt] sich)\b", re.IGNORECASE)
#: Verbs that state something about a term as often as they define it, unless an article
#: follows ("ist ein …", "sind die …").
PLAIN_VERBS = frozenset({"ist", "sind", "zählt", "zählen", "gehört", "gehören", "liegt vor",
                         "liegen vor", "misst", "messen"})
ARTICLE = re.compile(r"\s+(?:ein|eine|einer|der|die|das|den|dem)\b", re.IGNORECASE)
#: Words of a question that name no term ("Was ist der Unterschied zwischen …?").
FRAME = frozenset(stem(w) for w in words(
    "Unterschied Unterschiede Unterschieds Definition Bedeutung Begriff Begriffe Frage Fragen "
    "Bildungsbüro Kommune Kommunen Stadt Landkreis Kreis Bericht Beispiel Ich Wir Was Wie "
    "Welche Welcher Welches Wofür Woraus Alle Herr Frau Eigentlich Genau Gibt Sind Ist Damit "
    "Gemeint Dies Dieser Diese Dieses Denn Daten"))
#: The phrase after which a question names its term ("was ist der Personalschlüssel?").
ASKED = re.compile(r"(?=\b(?:was (?:ist|sind|bedeute\w*|heißt|meint)|unter|zwischen|"
                   r"wofür steh\w*)\s+([^?.!,;:–]+))", re.IGNORECASE)
#: A term named in front of "– was heißt das?" / ": was ist das?" ("dkbm – was heißt das genau").
NAMED_BEFORE = re.compile(r"^\s*([^?.!,;:–-][^?.!,;:–]{0,60}?)\s*[–:]\s*(?:und\s+)?was\s+"
                          r"(?:ist|sind|heißt|bedeute\w*|meint)\s+(?:das|dies|damit)\b",
                          re.IGNORECASE)
#: A preposition ends the term of an asked phrase ("Sonderzeichen in einer CSV-Datei").
PREPOSITION = re.compile(r"\s+(?:in|im|aus|von|vom|bei|beim|für|mit|nach|zu|zum|zur|zwischen|"
                         r"auf|an|am|über|unter|laut|gemäß|wenn|weil|damit|und woraus|"
                         r"und wie|und was|und welche)\s+", re.IGNORECASE)
#: Words before the defining verb, at most: the term is its subject, not a word further on.
SUBJECT_WORDS = 8
#: Words of a label before a colon that defines it ("Input: die eingesetzten Ressourcen").
LABEL_WORDS = 4
#: Shortest compound part that counts ("kontext" in "prozess-kontext-modell").
MIN_PART = 5


def asked_terms(question: str) -> set[str]:
    """Stems of the terms a question names: the phrase after "was ist", "unter", "zwischen" up
    to its first preposition ("die Sonderzeichen [in einer CSV-Datei]"), in any case; without
    such a phrase its capitalised words (nouns, abbreviations). Frame words do not count."""
    named = [n for n in _phrases(question) if _terms(n)]
    if not named:
        named = [t for t in re.findall(r"[\wÄÖÜäöüß][\wÄÖÜäöüß-]*", question) if t[0].isupper()]
    return {t for n in named for t in _terms(n)}


def named_terms(question: str) -> set[str]:
    """Stems of the term a question names after "was ist", "unter", "zwischen" … (see
    :func:`asked_terms`), without the fallback to its capitalised words: empty when the question
    has no such phrase."""
    return {t for n in _phrases(question) for t in _terms(n)}


#: Articles and particles of an asked phrase ("ein x", "der Strich") that name nothing.
ARTICLES = frozenset({"ein", "eine", "einen", "einem", "einer", "der", "die", "das", "den", "dem",
                      "des", "eigentlich", "genau", "denn", "so", "dieser", "diese", "dieses",
                      "es", "damit", "dabei", "dafür", "davon", "dazu", "hier", "gemeint",
                      "man", "mit"})


def named_words(question: str) -> set[str]:
    """The words, however short, of the phrase a question names after "was ist", "unter" …
    without articles ("Was bedeutet ein x …?": {"x"}); empty without such a phrase."""
    named = _phrases(question)
    return {w.lower() for n in named for w in re.findall(r"[\wÄÖÜäöüß-]+", n)} - ARTICLES


def content_terms(text: str) -> set[str]:
    """Stems of the content words of ``text`` (three letters or more, no frame words)."""
    return _terms(text)


def same_term(a: set[str], b: set[str]) -> bool:
    """Whether two sets of term stems share a term: the same stem, a compound part, or one stem
    the start of the other ("typ" in "type": the stemmer cuts "Typ" and "Typen" apart)."""
    return any(names(x, y) or (min(len(x), len(y)) >= 3 and (x.startswith(y) or y.startswith(x)))
               for x in a for y in b)


#: A term the question quotes ("Was bedeutet die Spalte „dar. schulischer Teil …“?").
QUOTED = re.compile(r"[„\"“»]([^„“\"”«»]{3,80})[“\"”«]")


def _phrases(question: str) -> list[str]:
    """The phrases a question names as its term: what it quotes, else the phrase after "was
    ist", "unter", "zwischen" … up to the first preposition."""
    quoted = QUOTED.findall(question)
    if quoted:
        return quoted
    before = NAMED_BEFORE.match(question)
    if before:  # "dkbm – was heißt das?": the term stands in front
        return [before.group(1)]
    return [PREPOSITION.split(m.group(1))[0] for m in ASKED.finditer(question)]


def _terms(text: str) -> set[str]:
    return {s for w in words(text) if len(s := stem(w)) >= 3 and s not in FRAME}


def names(term: str, word: str) -> bool:
    """Whether ``word`` (a stem) names ``term``: the same stem, or one a compound part of the other."""
    if term == word:
        return True
    short, long_ = sorted((term, word), key=len)
    return len(short) >= MIN_PART and (long_.startswith(short) or long_.endswith(short))


def defines(sentence: str, terms: set[str]) -> bool:
    """Whether ``sentence`` defines one of ``terms``: its first defining verb within its first
    words, the term before it ("Der Kontext umfasst …", "Unter X versteht man …"), or the term
    as a short label before a colon ("Kontext: Faktoren, die …")."""
    return strength(sentence, terms) > 0


def strength(sentence: str, terms: set[str]) -> int:
    """0 if ``sentence`` does not define one of ``terms`` (:func:`defines`); 2 if it does so in
    a defining form ("X bezeichnet …", "X ist ein …", "X: …"); 1 for a plain "X ist …", which
    may only state something about X ("Die Quote ist gesunken")."""
    if not terms:
        return 0
    label = sentence.split(":", 1)[0] if ":" in sentence else ""
    if label and len(label.split()) <= LABEL_WORDS:  # "Kontext: Faktoren, die …"
        return 2 if _named(words(label), terms) else 0
    verb = DEFINING_VERB.search(sentence)
    if verb is None or len(sentence[: verb.start()].split()) > SUBJECT_WORDS:
        return 0
    if not _named(words(sentence[: verb.start()]), terms):
        return 0
    plain = verb.group(1).lower() in PLAIN_VERBS and not ARTICLE.match(sentence[verb.end():])
    return 1 if plain else 2


def defining_form(sentence: str) -> bool:
    """Whether ``sentence`` says what its subject is, whatever the subject ("„X“ ist ein
    Online-Format …", "Die Y bezeichnet …"): a defining verb within its first words, a plain
    "ist"/"sind" only with an article after it."""
    verb = DEFINING_VERB.search(sentence)
    if verb is None or len(sentence[: verb.start()].split()) > SUBJECT_WORDS:
        return False
    return verb.group(1).lower() not in PLAIN_VERBS or bool(ARTICLE.match(sentence[verb.end():]))


def _named(head: list[str], terms: set[str]) -> bool:
    return any(names(t, stem(w)) for t in terms for w in head)


def more_definitions(chosen: list[C], defining: Sequence[C], *, floor: float, extra: int,
                     limit: int, similar: Callable[[C, C], bool]) -> list[C]:
    """``chosen`` plus up to ``extra`` of the ``defining`` sentences (best first) not chosen yet
    that score at least ``floor`` and repeat no chosen sentence; until ``limit`` sentences."""
    out = list(chosen)
    added = 0
    for c in defining:
        if added >= extra or len(out) >= limit:
            break
        if c in out or c.score < floor or any(similar(c, o) for o in out):
            continue
        out.append(c)
        added += 1
    return out
