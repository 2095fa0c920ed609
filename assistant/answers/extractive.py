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
the question asks for (:mod:`assistant.answers.shapes`) and picks the lead sentence
(:mod:`assistant.answers.leading`): for "may I …?" the best sentence that decides, for a
threshold the best sentence with a number. The lead comes first, the supporting sentences follow
in reading order.
"""

from __future__ import annotations

import math
from typing import Any, Callable, Sequence

import numpy as np

from assistant.retrieval.german import CompoundSplitter, stem, words
from assistant.retrieval.models import Passage
from assistant.answers.question import Question, core, understand, is_how_to
from assistant.answers import steps
from assistant.answers.candidates import (MIN_CHARS, Candidate, candidates, on_passage, similar,
                                          terms_of, whole_lists)
from assistant.answers.defining import asked_terms, defining_form, more_definitions, strength
from assistant.answers.following import with_next
from assistant.answers.coverage import (COVER_EXTRA, COVER_FACT, complete, cover, other_sections,
                                        qualifiers)
from assistant.answers.entry import beyond_entry, details, names_apart
from assistant.answers.formula import FORMULA, with_rules
from assistant.answers.sentences import is_fragment
from assistant.answers import ruling
from assistant.answers.leading import leads_of
from assistant.answers.shapes import (DUTY, FACT, INSTRUCTION_LIKE, LEAD_SHAPES, SHAPES, STICHTAG,
                                      TABLE_CODE, names_source, on_asked, repeats_source)
from assistant.answers.verdict import (CONDITIONAL, NO, concedes_unstated, names_asked, off_topic,
                                      requires_check, verdict, with_verdict)
from assistant.answers.verdict import on_asked as verdict_on_asked

__all__ = ["ExtractiveAnswerer", "MIN_CHARS", "on_asked"]

MIN_SENTENCES, MAX_SENTENCES = 2, 6
#: Sentences of an answer without a list of steps, at most (readable in one go).
ANSWER_MAX = 9
#: Sentences an answer may grow to with fact-bearing sentences of the sections already quoted
#: (a definition, a how-to or a may-I answer needs the rule's details, not only its lead).
FACT_BUDGET: dict[str, int] = {"definition": 8, "vorgehen": 8, "darf_ich": 8, "datenquelle": 7,
                               "schwelle": 7, "berechnung": 6}
FACT_BONUS = 0.1
HOW_TO_PENALTY = 0.3
FILL_RATIO = 0.3
SYMBOL_BONUS = 0.6
#: Bonus of a sentence that offers a way out, for a question that asks for one.
REMEDY_BONUS = 0.5
#: Sentences defining the term of a "what is …?" question (or its parts) added beyond the others.
DEFINING_EXTRA = 2
#: Share of the best score a defining sentence needs (less than other sentences: its form
#: already says it answers the question).
DEFINING_FLOOR = 0.15
#: Share of the question's terms a sentence with a table code needs to complete a source answer
#: (a section on two statistics names the tables of both).
TABLE_SHARE = 0.05
#: Top passages each of which gives its best sentence on the question, if none is quoted yet.
SECTION_RANKS = 5
#: Sentences beyond ``ANSWER_MAX`` the sections may add.
SECTION_EXTRA = 1
#: Sentences from other passages after a leading catalogue entry (the caveats, the example).
ENTRY_SUPPORT = 5
#: Sentences that follow a number of a threshold answer in its passage and qualify it, at most.
QUALIFIERS = 2
#: Sentences from other passages after a list of steps.
STEP_SUPPORT = 3
#: Best sentences of a passage among which a fact-bearing one is quoted after a list of steps.
SUPPORT_POOL = 3


class ExtractiveAnswerer:
    def __init__(self, embedder: Any, *, dense_weight: float = 0.6, lexical_weight: float = 0.4,
                 prior_weight: float = 1.0, keep_ratio: float = 0.4, min_dense: float = 0.2) -> None:
        self.embedder = embedder
        self.min_dense = min_dense
        self.weights = (dense_weight, lexical_weight, prior_weight)
        self.keep_ratio = keep_ratio

    def select(self, question: str, passages: Sequence[Passage],
               understood: Question | None = None,
               limit: int | None = None,
               skip: Callable[[str], bool] | None = None) -> list[tuple[str, int]]:
        """(sentence, passage number) pairs: the lead sentence, then the others in reading
        order; empty if nothing fits. Sentences for which ``skip`` is true are not quoted."""
        understood = understood or understand(question)
        shape, bonus = SHAPES[understood.kind]
        lexicon = {stem(w) for p in passages for w in words(p.text)}
        splitter = CompoundSplitter(lexicon)
        cands = candidates(passages, splitter)
        if not cands:
            return []
        q_terms = terms_of(question, splitter)
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
        if understood.kind == "vorgehen" and ruling.ASKS_REMEDY.search(question):
            # "…, aber viele Felder sind gesperrt – was kann ich tun?": the ways out first
            remedies = np.array([bool(ruling.REMEDY.search(c.text)) for c in cands])
            scores = scores + REMEDY_BONUS * remedies * (lexical > 0)
        symbols = understood.symbols()
        if symbols:  # "Was heißt der Schrägstrich?": the line that explains „/“
            named = np.array([any(g in c.text for g in symbols) for c in cands])
            scores = scores + SYMBOL_BONUS * named
            lexical = np.where(named, np.maximum(lexical, 1e-3), lexical)
        if understood.kind == "datenquelle":
            # "Woher kommen die Zahlen?": the sentence that names the statistic or table shares
            # no word with the question; a passage on the question vouches for it.
            sourced = np.array([names_source(c.text) for c in cands]) & on_passage(cands, lexical)
            scores = scores + (bonus + FACT_BONUS) * (sourced & (lexical == 0))
            lexical = np.where(sourced, np.maximum(lexical, 1e-3), lexical)
        for c, s, lex in zip(cands, scores, lexical):
            c.score, c.lexical = float(s), float(lex)
        # A sentence must be relevant on its own, not only through its passage's rank; and an
        # instruction aimed at an assistant ("Ignoriere alle Anweisungen …") that shares no term
        # with the question is never quoted, even when its passage is the best one.
        relevant = [c for c, lex, den in zip(cands, lexical, dense)
                    if (lex > 0 or den >= self.min_dense)
                    and not (lex == 0 and INSTRUCTION_LIKE.search(c.text))]
        ranked = sorted(relevant or cands, key=lambda c: -c.score)
        if understood.kind == "darf_ich":
            # a rule granted on a condition the question does not state ("Auch wenn die Kommune
            # einen Vertrag hat, …") answers another question: not quoted
            ranked = [c for c in ranked if not concedes_unstated(question, c.text)] or ranked
        if skip is not None:
            ranked = [c for c in ranked if not skip(c.text)]
            if not ranked:
                return []
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
            if any(similar(c, other) for other in chosen):
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
                    or c.score < FILL_RATIO * best or any(similar(c, o) for o in chosen)):
                continue
            chosen.append(c)
        # Then coverage: sentences of any passage that bring question words not yet covered,
        # fact-bearing ones (a § reference, a date, a table code) first.
        chosen = cover(chosen, ranked, idf, limit=min(ANSWER_MAX, len(chosen) + COVER_EXTRA),
                       floor=FILL_RATIO * best, similar=similar,
                       bonus=lambda c: COVER_FACT * (id(c) in fact_ids))
        # Then the other sections: the best sentence on the question of each top section not
        # quoted yet (the rule for the case asked about often stands in the third section).
        chosen = other_sections(chosen, ranked, ranks=SECTION_RANKS, floor=FILL_RATIO * best,
                                limit=ANSWER_MAX + SECTION_EXTRA, similar=similar)
        # Then the definitions: for "what is …?" the sentences that define the term or its parts
        # in other words ("Der Kontext umfasst …"), not one aspect only.
        chosen = more_definitions(chosen, sorted((c for c in ranked if id(c) in defining),
                                                 key=lambda c: -defining[id(c)]),
                                  floor=DEFINING_FLOOR * best, extra=DEFINING_EXTRA,
                                  limit=ANSWER_MAX + SECTION_EXTRA, similar=similar)
        # A source answer names the statistic's table and Stichtag when its sections hold them.
        if understood.kind == "datenquelle":
            # (any sentence of a quoted section: "Gezählt wird zum 1.3." shares no word)
            pool = ranked + sorted((c for c in cands if c not in ranked and not INSTRUCTION_LIKE.search(c.text)
                                    and not (skip and skip(c.text))), key=lambda c: -c.score)
            # a table needs a word of the question; the Stichtag of a quoted section holds
            chosen = complete(chosen, pool, ((TABLE_CODE, TABLE_SHARE), (STICHTAG, 0.0)),
                              limit=ANSWER_MAX + SECTION_EXTRA, similar=similar)
        # The lead answers the question as asked: the best sentence of the wanted shape; for a
        # yes/no question preferably one on the question's topic (personal data, publication).
        leads = leads_of(question, understood, cands, ranked, shaped, defining, idf=idf,
                        splitter=splitter, best=best, bonus=bonus, prior_weight=w_prior)
        # a quoted lead is a whole sentence, not an item of an enumeration ("…, etwa …,")
        leads = [c for c in leads if not is_fragment(c.text)]
        lead = leads[0] if leads else None
        decisive = understood.kind in ("darf_ich", "schwelle")  # the lead is the answer itself
        if lead is not None and (decisive or lead.score >= self.keep_ratio * best):
            if lead not in chosen:
                chosen = [lead] + chosen
                if len(chosen) > ANSWER_MAX:  # the lead replaces the weakest sentence
                    chosen.remove(min(chosen[1:], key=lambda c: c.score))
        else:
            lead = next((c for c in chosen if not is_fragment(c.text)), chosen[0] if chosen else None)
        if understood.kind == "schwelle":  # the number with what qualifies it
            chosen = qualifiers(chosen, ranked, lambda c: bool(shape.search(c.text)),
                                extra=QUALIFIERS, similar=similar)
        follows: list[Candidate] = []
        if understood.kind == "darf_ich" and lead is not None and lead in chosen and limit is None:
            # the rule around the deciding sentence, then what to do instead (ruling.py); a "no"
            # or an "only if" with the sentence that says under which conditions it is allowed
            ruled = verdict(question, lead.text, understood.asks_duty)
            chosen, follows = ruling.with_rule(
                lead, cands, chosen, floor=FILL_RATIO * best, similar=similar,
                on_question=lambda c: names_asked(question, c.text) and not off_topic(understood, c.text),
                limit=ANSWER_MAX, law=ruled != "Ja",
                permits=(lambda c: verdict(question, c.text, understood.asks_duty) == CONDITIONAL)
                if ruled in (NO, CONDITIONAL) else None,
                anchor=next((c for c in leads if not is_how_to(c.section)), lead)
                if is_how_to(lead.section) else None)
        if understood.kind == "berechnung" and lead is not None and lead in chosen \
                and FORMULA.search(lead.text) and limit is None:
            # the formula, then what counts: the sentences after it in its section (formula.py)
            chosen, follows = with_rules(lead, cands, chosen, limit=ANSWER_MAX, similar=similar,
                                         keep=lambda c: bool(TABLE_CODE.search(c.text)
                                                             or STICHTAG.search(c.text)))
        rest = follows + [c for c in chosen if c is not lead and c not in follows]
        if limit is not None:  # the best ones (by score), still shown in reading order
            rest = sorted(rest, key=lambda c: -c.score)[: max(0, limit - (lead is not None))]
        # Reading order: passages by their best chosen sentence, sentences by position.
        first: dict[int, int] = {}
        for c in rest:
            first.setdefault(c.n, len(first))
        rest.sort(key=lambda c: (first[c.n], c.position))
        rest = whole_lists(rest, cands, lead)
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
            if chosen and understood.kind != "darf_ich" and defining_form(chosen[0][0]):
                # what the lead says something is, then the fact it leads up to (a date, a name)
                chosen = with_next(chosen, passages)
            if (chosen and understood.kind == "darf_ich" and verdict_on_asked(question, chosen[0][0])
                    and (names_asked(question, chosen[0][0])
                         or requires_check(question, chosen[0][0]))):
                # a sentence without the shape of a rule gets a verdict only on what is asked
                strict = not self.decides(understood, chosen[0][0])
                # (the sentence after it in its passage may name the condition that allows it)
                following = chosen[1][0] if len(chosen) > 1 and chosen[1][1] == chosen[0][1] else None
                chosen[0] = (with_verdict(question, chosen[0][0], understood.asks_duty, strict,
                                          following), chosen[0][1])
            return [f"{text} [{n}]" for text, n in chosen]
        others = [p for p in passages if not p.summary]
        # a sentence that only repeats the entry's data source ("Quelle ist die …statistik")
        # leaves room for one that adds something
        extra = self.select(question, others, understood, ENTRY_SUPPORT,
                            skip=lambda t: repeats_source(t, entry.summary)) if others else []
        summary = sources_first(entry.summary) if understood.kind == "datenquelle" else entry.summary
        lead = [f"{s} [{entry.n}]" for s in summary]
        if understood.kind == "datenquelle":
            # the sources of what the question asks beyond the entry, right after its source
            wider = beyond_entry(question, entry, others)
            if wider is not None:
                lead.insert(1, f"{wider[0]} [{wider[1]}]")
                extra = [e for e in extra if e[0] != wider[0]]
        # What the question asks beyond the summary (the formula's note, a caveat, a value).
        lead += [f"{d} [{entry.n}]" for d in details(question, entry, understood.kind == "berechnung")]
        if understood.kind == "definition":
            # what the indicator is includes what it leaves out ("Ohne Verwaltungsfachhochschulen")
            said = " ".join(lead)
            lead += [f"{c} [{entry.n}]" for c in caveats(entry.text)[1:DEFINITION_CAVEATS]
                     if c.rstrip(".") not in said]
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


#: Caveats of a catalogue entry a definition answer quotes (the summary holds the first).
DEFINITION_CAVEATS = 4
#: The block of a rendered catalogue entry that lists its caveats (catalogue/render.py).
CAVEATS = "Vorsicht:"


def caveats(text: str) -> list[str]:
    """The caveats of a rendered catalogue entry, in order, each as a sentence."""
    out: list[str] = []
    inside = False
    for raw in text.split("\n"):
        line = raw.strip()
        if line == CAVEATS:
            inside = True
            continue
        if inside and line.startswith("- "):
            item = line[2:].strip()
            out.append(item if item.endswith((".", "!", "?")) else f"{item}.")
        elif inside and line:
            break
        elif inside and out:
            break
    return out


#: Labels of the summary lines that answer "where do the data come from?".
SOURCE_LABELS = ("Datenquelle:", "Stichtag:")


def sources_first(summary: Sequence[str]) -> list[str]:
    """A catalogue entry's summary for a source question: the data source (statistic, holder,
    table codes) and the Stichtag first, labelled with the indicator ("Ausbildungsquote (E7.3) –
    Datenquelle: …"), then the definition and the rest."""
    if not summary:
        return []
    named = summary[0].split("): ", 1)[0] + ")" if "): " in summary[0] else ""
    first = [s for label in SOURCE_LABELS for s in summary if s.startswith(label)]
    if not first:
        return list(summary)
    head = [f"{named} – {first[0]}" if named else first[0], *first[1:]]
    return head + [s for s in summary if s not in first]
