"""Extractive answers: the retrieved sentences that best answer the question, each cited.

Used with the embedded base model (which cannot follow instructions) and as the fallback when a
generated answer fails validation. Every sentence is copied verbatim from a passage, so the German
is correct by construction and every claim has its source.

A sentence's score mixes the dense similarity to the question (multilingual-e5, min-max scaled
over the candidates), the idf-weighted share of the question's terms it contains, and a prior
for the rank of its passage (the retriever ranks whole passages more reliably than one sentence
is scored on its own; weights chosen on knowledge/eval/questions.yaml). Near-duplicates (from
overlapping chunks) are dropped.

The question's kind (:mod:`assistant.answers.question`) adds a bonus for sentences of the shape
the question asks for and picks the lead sentence: for "may I …?" the best sentence that decides
(``nicht``, ``nur``, ``darf``, ``Pflicht`` …), for a threshold the best sentence with a number.
The lead comes first, the supporting sentences follow in reading order.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any, Sequence

import numpy as np

from assistant.retrieval.german import CompoundSplitter, stem, words
from assistant.retrieval.models import Passage
from assistant.answers.question import (Question, conditional, core, frame_stems, heading_topics, main_clause,
                                         topic_patterns, topicality, understand, is_how_to)
from assistant.answers import steps
from assistant.answers.defining import asked_terms, more_definitions, strength
from assistant.answers.coverage import COVER_EXTRA, COVER_FACT, cover, other_sections
from assistant.answers.entry import details, names_apart
from assistant.answers.actions import action_fit, actions_of
from assistant.answers import ruling
from assistant.answers.sentences import split_sentences
from assistant.answers.verdict import (ASKS_BOUND, BOUND, decides_unshaped, leans_back, names_asked, off_topic, verdict,
                                        with_verdict)
from assistant.answers.verdict import on_asked as verdict_on_asked

MIN_SENTENCES, MAX_SENTENCES = 2, 6
#: Sentences of an answer without a list of steps, at most (readable in one go).
ANSWER_MAX = 9
#: Sentences an answer may grow to with fact-bearing sentences of the sections already quoted
#: (a definition, a how-to or a may-I answer needs the rule's details, not only its lead).
FACT_BUDGET: dict[str, int] = {"definition": 8, "vorgehen": 8, "darf_ich": 8, "datenquelle": 7,
                               "schwelle": 7, "berechnung": 6}
#: A number in a sentence ("2013", "8,5"): a sentence with one of its own is no repetition.
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
#: A sentence that carries a specific fact: a number or date, a legal reference, a table code,
#: a quoted term or an abbreviation (DSGVO, KJH).
FACT = re.compile(r"\d|§|\bArt\. |„[^“]{2,40}“|\b[A-ZÄÖÜ]{2,}[a-z]?[A-Z]*\b")
FACT_BONUS = 0.1
HOW_TO_PENALTY = 0.3
FILL_RATIO = 0.3
MIN_CHARS = 25
TOPIC_BONUS = 0.3
#: Extra weight of the question's own terms for the lead of a yes/no answer: the deciding
#: sentence speaks of what the question asks about ("verzichten", "veröffentlichen").
LEAD_LEXICAL = 0.5
LEAD_PRIOR = 0.3
#: Sentences defining the term of a "what is …?" question (or its parts) added beyond the others.
DEFINING_EXTRA = 2
#: Share of the best score a defining sentence needs (less than other sentences: its form
#: already says it answers the question).
DEFINING_FLOOR = 0.15
#: Top passages each of which gives its best sentence on the question, if none is quoted yet.
SECTION_RANKS = 5
#: Sentences beyond ``ANSWER_MAX`` the sections may add.
SECTION_EXTRA = 1
#: A sentence whose words are at least this share of a chosen sentence's words (and that brings
#: no number of its own) repeats it: two files often state one fact twice.
REPEAT_SHARE = 0.8
#: Fewest words for that test (short sentences share most of their words by chance).
REPEAT_MIN_TERMS = 4
#: Sentences from other passages after a leading catalogue entry (the caveats, the example).
ENTRY_SUPPORT = 5
#: Sentences from other passages after a list of steps.
STEP_SUPPORT = 3
#: Best sentences of a passage among which a fact-bearing one is quoted after a list of steps.
SUPPORT_POOL = 3
INSTRUCTION_LIKE = re.compile(
    r"\b(ignorier\w*|vergiss|missachte\w*|ignore|disregard)\b.{0,60}\b(anweisung\w*|instruktion\w*|"
    r"vorgaben|regeln|instructions?|prompts?)\b|\b(du bist (jetzt|nun|ab sofort)|you are now|"
    r"system-?prompt|antworte (nur|ausschließlich|ab sofort)|answer only)\b", re.IGNORECASE)


_W = re.IGNORECASE
#: Sentence shapes that answer a kind of question, and the bonus a matching sentence gets.
SHAPES: dict[str, tuple[re.Pattern[str], float]] = {
    # Any sentence that speaks to a permission or duty.
    "darf_ich": (re.compile(
        r"\b(nicht|nie|niemals|kein\w*|nur|verboten|untersagt|unzulässig|zulässig|erlaubt|"
        r"darf|dürfen|muss|müssen|pflicht\w*|verpflichtet|gehör\w* nicht|grundsätzlich|ja|nein|"
        r"gestattet|braucht es|bedarf|sollte\w*)\b", _W), 0.5),
    "schwelle": (re.compile(r"(?<![§\w])\d+(?:[.,]\d+)*(?! ?(?:BStatG|DSGVO|SGB|Abs))"), 0.45),
    "berechnung": (re.compile(
        r"\b(zähler|nenner|geteilt|dividiert|anteil|quote|je 100|je 1\.000|mal 100|summe|"
        r"bezogen auf)\b", _W), 0.2),
    "datenquelle": (re.compile(
        r"\b(\w*statistik\w*|tabelle\w*|stichtag\w*|quelle\w*|erhebung|\d{5}-\d{2}-\d{2}\w*|"
        r"regionaldatenbank|genesis|liefer\w*|erhoben|erfasst)\b", _W), 0.25),
    "definition": (re.compile(
        r"\b(ist|sind|bedeute\w*|bezeichne\w*|steh\w* für|heißt|versteht man|meint|"
        r"gemeint)\b", _W), 0.1),
    "vorgehen": (re.compile(
        r"\b(zuerst|zunächst|dann|schritt\w*|sollte\w*|empfiehlt|empfohlen|beginn\w*|lohnt|"
        r"bewährt|hilft|praktisch\w*)\b", _W), 0.15),
}

#: Lead sentences for kinds where the first sentence must decide.
LEAD_SHAPES: dict[str, re.Pattern[str]] = {
    # A sentence that decides: a modal verb with a negation or restriction close by, or a word
    # that is a verdict on its own ("untersagt", "Pflicht"); "sind nicht dasselbe" does not.
    "darf_ich": re.compile(
        r"\b(darf|dürfen|gehör\w*|sollte|sollten|soll|sollen|muss|müssen|braucht|brauchen|"
        r"reicht|genügt)\b[^.;:]{0,80}\b(nicht|nie|niemals|kein\w*|nur)\b|"
        r"\b(nicht|nie|kein\w*|nur)\b[^.;:]{0,80}\b(darf|dürfen|gehör\w*|erlaubt|zulässig|"
        r"veröffentlicht|sollte|sollten|soll|sollen|muss|müssen)\b|\b(untersagt|verboten|unzulässig|zulässig|erlaubt|gestattet|"
        r"pflicht\w*|verpflichte\w*|grundsätzlich)\b|"
        # whether a rule applies: "die DSGVO gilt weiter", "bleibt … nicht"
        r"\b(gilt|gelten|bleibt|bleiben)\b[^.;:]{0,60}\b(weiter|weiterhin|nicht|kein\w*)\b",
        _W),
}
#: The lead for "Muss ich …?": the sentence that states (or denies) the duty.
DUTY = re.compile(r"\b(pflicht\w*|verpflicht\w*|muss|müssen|erforderlich|nötig|notwendig|"
                  r"vorgeschrieben|braucht|brauchen)\b", _W)
SYMBOL_BONUS = 0.6
#: Weight of the main clause's words for the lead of a yes/no answer.
MAIN_BONUS = 2.0
#: Stems of the modal verbs that frame a yes/no question: not what it asks about.
MODALS = frame_stems()
#: Share of the main clause's words above which a deciding sentence speaks of what is asked
#: and leads before deciding sentences that do not.
MAIN_MIN = 0.5



@dataclass
class Candidate:
    text: str
    n: int  # passage number
    rank: int  # passage rank (0 = best)
    position: int
    terms: set[str]
    score: float = 0.0
    lexical: float = 0.0
    section: str | None = None
    #: The bullet list the sentence is an item of (its number in the passage), or None.
    group: int | None = None


#: A bullet item ("- …", "* …", "• …") of a Markdown list.
BULLET = re.compile(r"^\s*[-*•]\s+")
#: A list quoted whole when one of its items is chosen, at most this many items long.
LIST_MAX = 8


def _with_lists(text: str) -> list[tuple[str, int | None]]:
    """The sentences of a passage, each with the number of the bullet list it is an item of."""
    out: list[tuple[str, int | None]] = []
    group, in_list = 0, False
    for line in text.replace("\r", "").split("\n"):
        if not line.strip():
            continue
        bullet = bool(BULLET.match(line))
        if bullet and not in_list:
            group += 1
        in_list = bullet
        out += [(sentence, group if bullet else None) for sentence in split_sentences(line)]
    return out


def _terms(text: str, splitter: CompoundSplitter) -> set[str]:
    return set(splitter.terms(words(text)))


class ExtractiveAnswerer:
    def __init__(self, embedder: Any, *, dense_weight: float = 0.6, lexical_weight: float = 0.4,
                 prior_weight: float = 1.0, keep_ratio: float = 0.4, min_dense: float = 0.2) -> None:
        self.embedder = embedder
        self.min_dense = min_dense
        self.weights = (dense_weight, lexical_weight, prior_weight)
        self.keep_ratio = keep_ratio

    def candidates(self, passages: Sequence[Passage], splitter: CompoundSplitter) -> list[Candidate]:
        out: list[Candidate] = []
        for rank, passage in enumerate(passages):
            for position, (sentence, group) in enumerate(_with_lists(passage.text)):
                if len(sentence) < MIN_CHARS or sentence.endswith(":") or sentence.startswith("Quelle"):
                    continue
                out.append(Candidate(sentence, passage.n, rank, position, _terms(sentence, splitter),
                                     section=passage.section, group=group))
        return out

    def select(self, question: str, passages: Sequence[Passage],
               understood: Question | None = None,
               limit: int | None = None) -> list[tuple[str, int]]:
        """(sentence, passage number) pairs: the lead sentence, then the others in reading
        order; empty if nothing fits."""
        understood = understood or understand(question)
        shape, bonus = SHAPES[understood.kind]
        lexicon = {stem(w) for p in passages for w in words(p.text)}
        splitter = CompoundSplitter(lexicon)
        cands = self.candidates(passages, splitter)
        if not cands:
            return []
        q_terms = _terms(question, splitter)
        df: dict[str, int] = {}
        for c in cands:
            for t in c.terms:
                df[t] = df.get(t, 0) + 1
        idf = {t: math.log(1 + len(cands) / (1 + df.get(t, 0))) for t in q_terms}
        q_weight = sum(idf.values()) or 1.0
        lexical = np.array([sum(idf[t] for t in q_terms & c.terms) / q_weight for c in cands])
        q_vec = self.embedder.embed_queries([question])[0]
        s_vecs = self.embedder.embed_passages([c.text for c in cands])
        dense = s_vecs @ q_vec
        spread = float(dense.max() - dense.min())
        dense = (dense - dense.min()) / spread if spread > 1e-6 else np.ones_like(dense)
        prior = np.array([1.0 / (1 + c.rank) for c in cands])
        w_dense, w_lex, w_prior = self.weights
        shaped = np.array([bool(shape.search(c.text)) for c in cands])
        facts = np.array([bool(FACT.search(c.text)) for c in cands])
        # A how-to section's sentences are instructions: they answer "how do I …?" first.
        how_to = np.array([understood.kind != "vorgehen" and is_how_to(c.section) for c in cands])
        scores = (w_dense * dense + w_lex * lexical + w_prior * prior
                  + (bonus * shaped + FACT_BONUS * facts) * (lexical > 0) - HOW_TO_PENALTY * how_to)
        symbols = understood.symbols()
        if symbols:  # "Was heißt der Schrägstrich?": the line that explains „/“
            named = np.array([any(g in c.text for g in symbols) for c in cands])
            scores = scores + SYMBOL_BONUS * named
            lexical = np.where(named, np.maximum(lexical, 1e-3), lexical)
        for c, s, lex in zip(cands, scores, lexical):
            c.score, c.lexical = float(s), float(lex)
        # A sentence must be relevant on its own, not only through its passage's rank; and an
        # instruction aimed at an assistant ("Ignoriere alle Anweisungen …") that shares no term
        # with the question is never quoted, even when its passage is the best one.
        relevant = [c for c, lex, den in zip(cands, lexical, dense)
                    if (lex > 0 or den >= self.min_dense)
                    and not (lex == 0 and INSTRUCTION_LIKE.search(c.text))]
        ranked = sorted(relevant or cands, key=lambda c: -c.score)
        # A definition answer wants the sentences that define the term asked about.
        terms = asked_terms(question) if understood.kind == "definition" else set()
        defining = {id(c): level for c in cands if (level := strength(c.text, terms))}
        chosen: list[Candidate] = []
        best = ranked[0].score
        for c in ranked:
            if len(chosen) >= MAX_SENTENCES:
                break
            if len(chosen) >= MIN_SENTENCES and c.score < self.keep_ratio * best:
                break
            if any(_similar(c, other) for other in chosen):
                continue
            chosen.append(c)
        # Then the facts: further sentences with numbers, dates, legal references or named
        # terms from the sections already quoted, as long as they still fit the question.
        quoted = {c.n for c in chosen}
        fact_ids = {id(c) for c, f in zip(cands, facts) if f}
        for c in ranked:
            if len(chosen) >= FACT_BUDGET.get(understood.kind, MAX_SENTENCES):
                break
            if (c in chosen or c.n not in quoted or id(c) not in fact_ids
                    or c.score < FILL_RATIO * best or any(_similar(c, o) for o in chosen)):
                continue
            chosen.append(c)
        # Then coverage: sentences of any passage that bring question words not yet covered,
        # fact-bearing ones (a § reference, a date, a table code) first.
        chosen = cover(chosen, ranked, idf, limit=min(ANSWER_MAX, len(chosen) + COVER_EXTRA),
                       floor=FILL_RATIO * best, similar=_similar,
                       bonus=lambda c: COVER_FACT * (id(c) in fact_ids))
        # Then the other sections: the best sentence on the question of each top section not
        # quoted yet (the rule for the case asked about often stands in the third section).
        chosen = other_sections(chosen, ranked, ranks=SECTION_RANKS, floor=FILL_RATIO * best,
                                limit=ANSWER_MAX + SECTION_EXTRA, similar=_similar)
        # Then the definitions: for "what is …?" the sentences that define the term or its parts
        # in other words ("Der Kontext umfasst …"), not one aspect only.
        chosen = more_definitions(chosen, sorted((c for c in ranked if id(c) in defining),
                                                 key=lambda c: -defining[id(c)]),
                                  floor=DEFINING_FLOOR * best, extra=DEFINING_EXTRA,
                                  limit=ANSWER_MAX + SECTION_EXTRA, similar=_similar)
        # The lead answers the question as asked: the best sentence of the wanted shape; for a
        # yes/no question preferably one on the question's topic (personal data, publication).
        lead_shape = DUTY if understood.asks_duty else LEAD_SHAPES.get(understood.kind)
        by_id = {id(c): (bool(lead_shape.search(c.text)) if lead_shape else ok)
                 for c, ok in zip(cands, shaped)}
        # "Ab wie vielen Fällen …?": the sentence that states the bound with its number
        if understood.kind == "schwelle" and ASKS_BOUND.search(question):
            bound = {k: v and bool(BOUND.search(c.text)) for (k, v), c in zip(by_id.items(), cands)}
            alone = {k: v and not leans_back(c.text) for (k, v), c in zip(bound.items(), cands)}
            by_id = alone if any(alone.values()) else bound if any(bound.values()) else by_id
        if understood.asks_duty and not any(by_id.values()):
            by_id = {id(c): bool(LEAD_SHAPES["darf_ich"].search(c.text)) for c in cands}
        on_topic = topic_patterns(understood) if understood.kind == "darf_ich" else []
        if defining:  # "Was ist X?": the sentence that defines X leads
            by_id = {id(c): id(c) in defining for c in cands}
        leads = [c for c in ranked if by_id[id(c)]]
        if defining:  # the most defining form first ("X bezeichnet …" before "X ist gesunken")
            leads.sort(key=lambda c: -defining[id(c)])
        if on_topic:
            # The deciding sentence may stand in a lower-ranked section: its topic words count
            # more than its passage's rank.
            # A sentence on every topic of the question ("personal data" and "AI service")
            # counts once more; its deciding shape counts even without a shared word.
            # The words of the main clause ("Brauchen wir einen Vertrag mit dem Anbieter, …")
            # name what is asked about: a deciding sentence on them comes first.
            main = {t: w for t, w in idf.items()
                    if t in _terms(main_clause(question), splitter) and t not in MODALS
                    and t not in _PARTICLE_STEMS}

            def lead_key(c: Candidate) -> float:
                topical = topicality(understood, c.text) + heading_topics(understood, c.section)
                return (c.score - (w_prior - LEAD_PRIOR) / (1 + c.rank) + TOPIC_BONUS * topical
                        + LEAD_LEXICAL * c.lexical + (bonus if c.lexical == 0 else 0.0)
                        + MAIN_BONUS * _share(main, c.terms))

            def on_main(c: Candidate) -> bool:
                return (_share(dict.fromkeys(main, 1.0), c.terms) >= MAIN_MIN
                        and c.score >= FILL_RATIO * best and not off_topic(understood, c.text)
                        and names_asked(question, c.text))

            # A sentence that gives a verdict on what is asked decides even without a modal
            # verb ("Wer ein Skript von einer KI schreiben lässt, gibt ihr nur …").
            leads += [c for c in ranked if not by_id[id(c)] and c.score >= FILL_RATIO * best
                      and decides_unshaped(question, c.text, understood.asks_duty)]
            # a sentence naming the action asked about first (actions.py), then one on the main
            # clause, then one that gives a verdict on the question before one that does not
            acting = actions_of(question)
            fit = {id(c): action_fit(acting, c.text, c.section) for c in leads}
            leads.sort(key=lambda c: (fit[id(c)] < 3, not on_main(c), off_topic(understood, c.text),
                                      verdict(question, c.text, understood.asks_duty) is None
                                      or not names_asked(question, c.text), -fit[id(c)],
                                      leans_back(c.text), -lead_key(c)))
        lead = leads[0] if leads else None
        decisive = understood.kind in ("darf_ich", "schwelle")  # the lead is the answer itself
        if lead is not None and (decisive or lead.score >= self.keep_ratio * best):
            if lead not in chosen:
                chosen = [lead] + chosen
                if len(chosen) > ANSWER_MAX:  # the lead replaces the weakest sentence
                    chosen.remove(min(chosen[1:], key=lambda c: c.score))
        else:
            lead = chosen[0] if chosen else None
        follows: list[Candidate] = []
        if understood.kind == "darf_ich" and lead is not None and lead in chosen and limit is None:
            # the rule around the deciding sentence, then what to do instead (ruling.py)
            chosen, follows = ruling.with_rule(
                lead, cands, chosen, floor=FILL_RATIO * best, similar=_similar,
                on_question=lambda c: names_asked(question, c.text) and not off_topic(understood, c.text),
                limit=ANSWER_MAX, law=verdict(question, lead.text, understood.asks_duty) != "Ja",
                anchor=next((c for c in leads if not is_how_to(c.section)), lead)
                if is_how_to(lead.section) else None)
        rest = follows + [c for c in chosen if c is not lead and c not in follows]
        if limit is not None:  # the best ones (by score), still shown in reading order
            rest = sorted(rest, key=lambda c: -c.score)[: max(0, limit - (lead is not None))]
        # Reading order: passages by their best chosen sentence, sentences by position.
        first: dict[int, int] = {}
        for c in rest:
            first.setdefault(c.n, len(first))
        rest.sort(key=lambda c: (first[c.n], c.position))
        rest = _whole_lists(rest, cands, lead)
        return [(c.text, c.n) for c in ([lead] if lead else []) + rest]

    def compose(self, question: str, passages: Sequence[Passage]) -> list[str]:
        """Answer pieces: each sentence followed by its citation, e.g. ``"Satz. [2]"``.

        When the question names an indicator, the answer starts with its catalogue entry
        (definition, formula, Stichtag, source; correct by construction) and adds the best
        sentences of the other passages. A "may I …?" answer puts the verdict its deciding
        sentence gives in front ("Nein: …"); a "how do I …?" answer gives the numbered steps
        of a passage that lists them.
        """
        understood = understand(question)
        entry = next((p for p in passages if p.summary), None)
        if entry is None:
            chosen = self.select(core(understood), passages, understood)
            if steps.wants_steps(question, understood.kind):
                # any passage whose heading names the task asked for (the fit is the guard;
                # a new text on the same topic may push the step list below rank 2)
                found = steps.find(passages, question=question, ranks=len(passages))
                if found is not None:
                    return self._with_steps(found, chosen, self.support(
                        core(understood), passages, found, understood, chosen))
            if (chosen and understood.kind == "darf_ich" and verdict_on_asked(question, chosen[0][0])
                    and names_asked(question, chosen[0][0])):
                # a sentence without the shape of a rule gets a verdict only on what is asked
                strict = not self.decides(understood, chosen[0][0])
                chosen[0] = (with_verdict(question, chosen[0][0], understood.asks_duty, strict),
                             chosen[0][1])
            return [f"{text} [{n}]" for text, n in chosen]
        others = [p for p in passages if not p.summary]
        extra = self.select(question, others, understood, ENTRY_SUPPORT) if others else []
        lead = [f"{s} [{entry.n}]" for s in entry.summary]
        # What the question asks beyond the summary (the formula's note, a caveat, a value).
        lead += [f"{d} [{entry.n}]" for d in details(question, entry, understood.kind == "berechnung")]
        # A question on two indicators ("Inklusionsquote … und Inklusionsanteil"): the second
        # one's definition and formula too.
        for second in [p for p in passages if p.summary and p is not entry][:1]:
            if names_apart(question, entry, second):
                lead += [f"{s} [{second.n}]" for s in second.summary[:2]]
        return lead + [f"{t} [{n}]" for t, n in extra]

    @staticmethod
    def decides(understood: Question, sentence: str) -> bool:
        """Whether ``sentence`` has the shape of a sentence that decides a yes/no question."""
        shape = DUTY if understood.asks_duty else LEAD_SHAPES["darf_ich"]
        return bool(shape.search(sentence) or LEAD_SHAPES["darf_ich"].search(sentence))

    def support(self, question: str, passages: Sequence[Passage], found: steps.Steps,
                understood: Question,
                best: Sequence[tuple[str, int]] = ()) -> list[tuple[str, int]]:
        """The sentences of the other top passages to quote after a step list, one each: the
        step list says what to do, the other passages hold the facts (a date, a name, a table
        code). First the best sentence of the whole answer from another passage (``best``, the
        answer's selection), then of each passage's best sentences the first that carries such
        a fact, else its best one."""
        others = [p for p in passages if p.n != found.passage.n and not p.summary]
        step_text = " ".join(found.steps)
        out: list[tuple[str, int]] = [(t, n) for t, n in best
                                      if n != found.passage.n and t not in step_text][:1]
        for passage in others[:STEP_SUPPORT]:
            if any(n == passage.n for _, n in out):
                continue
            own = [(t, n) for t, n in self.select(question, [passage], understood, SUPPORT_POOL)
                   if t not in step_text]
            if own:
                out.append(next((b for b in own if FACT.search(b[0])), own[0]))
        return out

    @staticmethod
    def _with_steps(found: steps.Steps, chosen: list[tuple[str, int]],
                    support: list[tuple[str, int]]) -> list[str]:
        listed = steps.pieces(found)
        if not found.intro and chosen:  # no introduction: the best sentence leads
            listed.insert(0, f"{chosen[0][0]} [{chosen[0][1]}]")
        return listed + [f"\n{t} [{n}]" if i == 0 else f"{t} [{n}]"
                         for i, (t, n) in enumerate(support)]


#: Share of the main clause's content words a sentence must name (two in five) to get the verdict word:
#: "Ja"/"Nein" answers the clause asked, not a neighbouring rule the sentence states.
VERDICT_MAIN = 0.4
#: Particles of a question's main clause that name nothing ("gilt die DSGVO dann noch?").
_PARTICLES = frozenset({"dann", "noch", "mehr", "ohne", "auch", "also", "nun", "denn", "das",
                        "dies", "diese", "sie", "man", "uns", "unsere", "jetzt", "schon", "nicht", "kein", "keine",
                        "einfach", "wirklich", "eigentlich"})

_PARTICLE_STEMS = frozenset(stem(w) for w in _PARTICLES)


def on_asked(question: str, sentence: str) -> bool:
    """Whether ``sentence`` speaks of what the main clause of a question asked under a
    condition ("Wenn ich …, darf ich die Datei …?") asks about (two in five of its content words, a
    compound part counts): a sentence on the condition alone does not decide it. True for other
    questions and when the clause names nothing beyond its frame."""
    from assistant.retrieval.german import stem

    if not conditional(question):
        return True

    asked = {stem(w) for w in words(main_clause(question))
             if len(w) >= 3 and w.lower() not in steps.FILLER | _PARTICLES} - MODALS
    if not asked:
        return True
    said = {stem(w) for w in words(sentence)}
    found = sum(any(_part(a, b) for b in said) for a in asked)
    return found / len(asked) >= VERDICT_MAIN


def _part(a: str, b: str) -> bool:
    """Same stem, or one a compound part of the other at least five letters long
    ("bericht" in "bildungsbericht"; not "date" in "datei")."""
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 5 and (long_.startswith(short) or long_.endswith(short)))


def _whole_lists(rest: list[Candidate], cands: Sequence[Candidate],
                 lead: Candidate | None) -> list[Candidate]:
    """``rest`` with the other items of each bullet list one of its sentences is an item of, in
    the list's order: an item alone loses the others ("Aufgaben: … Datenbasis, … Impulse")."""
    out: list[Candidate] = []
    done: set[tuple[int, int]] = set()
    for c in rest:
        key = (c.n, c.group) if c.group is not None else None
        if key is None:
            out.append(c)
            continue
        if key in done:
            continue
        done.add(key)
        items = [o for o in cands if o.n == c.n and o.group == c.group]
        if len(items) > LIST_MAX:
            out += [o for o in rest if o.n == c.n and o.group == c.group]
            continue
        out += sorted((o for o in items if o is not lead), key=lambda o: o.position)
    return out


def _share(weights: dict[str, float], terms: set[str]) -> float:
    """Weighted share of the terms in ``weights`` that ``terms`` contain; a longer form counts
    ("entscheid" in "entscheidung")."""
    total = sum(weights.values())
    if not total:
        return 0.0
    found = sum(w for t, w in weights.items()
                if t in terms or (len(t) >= 5 and any(s.startswith(t) for s in terms)))
    return found / total


def _similar(a: Candidate, b: Candidate) -> bool:
    """Whether candidate ``a`` repeats the chosen sentence ``b``: nearly the same words (from
    overlapping chunks), or most of ``a``'s words are in ``b`` and ``a`` adds no number."""
    if a.text == b.text:
        return True
    union = a.terms | b.terms
    if not union:
        return False
    shared = len(a.terms & b.terms)
    if shared / len(union) > 0.7:
        return True
    if len(a.terms) < REPEAT_MIN_TERMS or shared / len(a.terms) < REPEAT_SHARE:
        return False
    # ``a`` says little that ``b`` does not: the same statement unless it brings a number
    return set(NUMBER.findall(a.text)) <= set(NUMBER.findall(b.text))
