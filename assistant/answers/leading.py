"""The lead of an extractive answer: the sentence that answers the question as asked.

For "may I …?" the best sentence that decides (``nicht``, ``nur``, ``darf``, ``Pflicht`` …),
preferably one on the question's topic and on what its main clause names; for "must I …?" the
sentence that states the duty; for a threshold the sentence with the number (for "from how many
cases …?" the one that states the bound, for a date the one with a date); for "where do the data come from?" the sentence that
names the statistic or table; for "how is it computed?" the sentence with the formula; for
"what is X?" the sentence that defines X. Other
kinds lead with the best sentence of the kind's shape.
"""

from __future__ import annotations

import re
from typing import Sequence

import numpy as np

from assistant.answers.actions import action_fit, actions_of
from assistant.answers.candidates import Candidate, share, terms_of
from assistant.answers.formula import FORMULA
from assistant.answers.question import (Question, asks_property, heading_topics, main_clause, topic_patterns,
                                       topicality)
from assistant.answers.shapes import (ASKS_DATE, DAY, DUTY, LEAD_SHAPES, MODALS, PARTICLE_STEMS, TABLE_CODE,
                                      YEAR, names_source)
from assistant.answers.verdict import (ASKS_BOUND, BOUND, allows_public_data, concedes_unstated,
                                      counts_elsewhere, decides_unshaped, depends_on_case, leans_back,
                                      meets_condition, names_asked, off_topic, requires_check,
                                      rules_non_personal, states_requirement, stays_personal, verdict)
from assistant.retrieval.german import CompoundSplitter, stem, words

TOPIC_BONUS = 0.3
#: Extra weight of the question's own terms for the lead of a yes/no answer: the deciding
#: sentence speaks of what the question asks about ("verzichten", "veröffentlichen").
LEAD_LEXICAL = 0.5
LEAD_PRIOR = 0.3
#: Weight of the main clause's words for the lead of a yes/no answer.
MAIN_BONUS = 2.0
#: Share of the main clause's words above which a deciding sentence speaks of what is asked
#: and leads before deciding sentences that do not.
MAIN_MIN = 0.5
#: Share of the best score a supporting sentence needs (the same floor as the answer's fill).
FILL_RATIO = 0.3
#: Share of the best score a sentence needs that rules on the kind of data the question names
#: ("Unbedenklich sind … veröffentlichte, aggregierte Tabellen"): its form already says it
#: decides the question, even when a rule on personal data stands in a better-ranked section.
DATA_FLOOR = 0.15


def leads_of(question: str, understood: Question, cands: Sequence[Candidate],
            ranked: Sequence[Candidate], shaped: np.ndarray, defining: dict[int, int], *,
            idf: dict[str, float], splitter: CompoundSplitter, best: float, bonus: float,
            prior_weight: float) -> list[Candidate]:
    """The candidates that may lead, the one that should lead first (empty when no candidate
    has the wanted shape).

    ``ranked`` holds the relevant candidates best first, ``shaped`` for each of ``cands``
    whether it has the kind's shape, ``defining`` the defining strength of the candidates that
    define the asked term (by ``id``)."""
    lead_shape = DUTY if understood.asks_duty else LEAD_SHAPES.get(understood.kind)
    by_id = {id(c): (bool(lead_shape.search(c.text)) if lead_shape else ok)
             for c, ok in zip(cands, shaped)}
    # "Ab wie vielen Fällen …?": the sentence that states the bound with its number
    if understood.kind == "schwelle" and ASKS_BOUND.search(question):
        bound = {k: v and bool(BOUND.search(c.text)) for (k, v), c in zip(by_id.items(), cands)}
        alone = {k: v and not leans_back(c.text) for (k, v), c in zip(bound.items(), cands)}
        by_id = alone if any(alone.values()) else bound if any(bound.values()) else by_id
    # "Zu welchem Datum …?": the sentence with a date, on what the question dates
    if understood.kind == "schwelle" and ASKS_DATE.search(question):
        by_id = _dated(by_id, cands, idf)
    if understood.kind == "datenquelle":  # "Woher …?": the sentence that names the source
        named = {id(c): names_source(c.text) and c.lexical > 0 for c in cands}
        by_id = named if any(named.values()) else by_id
    if understood.kind == "berechnung":  # "Wie wird … berechnet?": the sentence with the formula
        formula = {id(c): bool(FORMULA.search(c.text)) for c in cands}
        by_id = formula if any(formula[id(c)] for c in ranked) else by_id
    if understood.asks_duty and not any(by_id.values()):
        by_id = {id(c): bool(LEAD_SHAPES["darf_ich"].search(c.text)) for c in cands}
    on_topic = topic_patterns(understood) if understood.kind == "darf_ich" else []
    if defining:  # "Was ist X?": the sentence that defines X leads
        by_id = {id(c): id(c) in defining for c in cands}
    leads = [c for c in ranked if by_id[id(c)]]
    if defining:  # the most defining form first ("X bezeichnet …" before "X ist gesunken")
        leads.sort(key=lambda c: -defining[id(c)])
    codes = set(TABLE_CODE.findall(question))
    if codes and understood.kind != "darf_ich":
        # "Was steht in Tabelle 22541-01-04-4?": a sentence on that table, one on it alone
        # before one that lists it among others
        coded = sorted((c for c in ranked if codes & set(TABLE_CODE.findall(c.text))),
                       key=lambda c: len(set(TABLE_CODE.findall(c.text)) - codes))
        leads = [c for c in coded if c in leads] or coded or leads
    if on_topic:
        leads = _deciding_first(question, understood, leads, ranked, by_id, idf=idf,
                                splitter=splitter, best=best, bonus=bonus,
                                prior_weight=prior_weight)
    if understood.kind == "darf_ich" and not understood.asks_duty:
        # a rule on what is asked that depends on the case ("je nach Zusammenhang", "außer
        # wenn …") answers "may I …?" more precisely than a general rule on the topic
        depending = sorted((c for c in ranked if c.score >= FILL_RATIO * best
                            and depends_on_case(question, c.text)
                            and not off_topic(understood, c.text)),
                           key=lambda c: (leans_back(c.text), -c.score))
        leads = depending + [c for c in leads if c not in depending]
    return leads


#: Words of a question for a date that name no subject ("Seit wann gibt's …?", "Ab welchem Jahr …").
DATE_FRAME = frozenset(stem(w) for w in words(
    "seit ab bis wann datum zeitpunkt jahr jahres gibts gabs gelten galt genau brauche brauchen"))
#: Share of the best subject share among dated sentences a dated sentence needs to lead.
DATED_SUBJECT = 0.6


def _dated(by_id: dict[int, bool], cands: Sequence[Candidate],
           idf: dict[str, float]) -> dict[int, bool]:
    """``by_id`` narrowed to the sentences with a date (a day before a year that dates
    something) that speak of what the question dates: its terms beyond the date frame, at least
    ``DATED_SUBJECT`` of the best such share. "Seit wann rundet NRW die Schulstatistik?" is not
    answered by the day another rule takes effect, however well its passage ranks. Unchanged
    when no sentence of the wanted shape has a date."""
    subject = {t: w for t, w in idf.items() if t not in DATE_FRAME and t not in MODALS}
    on = {id(c): share(subject, c.terms) if subject else 1.0 for c in cands}
    dated = {id(c): by_id[id(c)] and bool(DAY.search(c.text) or YEAR.search(c.text)) for c in cands}
    top = max((on[k] for k, v in dated.items() if v), default=0.0)
    if not top:
        return next((d for d in (_with(by_id, cands, date) for date in (DAY, YEAR)) if any(d.values())),
                    by_id)
    about = {k: v and on[k] >= DATED_SUBJECT * top for k, v in dated.items()}
    for date in (DAY, YEAR):  # a day before a year that dates something
        narrowed = _with(about, cands, date)
        if any(narrowed.values()):
            return narrowed
    return about


def _with(by_id: dict[int, bool], cands: Sequence[Candidate], pattern: re.Pattern[str]) -> dict[int, bool]:
    return {id(c): by_id[id(c)] and bool(pattern.search(c.text)) for c in cands}


def _deciding_first(question: str, understood: Question, leads: list[Candidate],
                    ranked: Sequence[Candidate], by_id: dict[int, bool], *,
                    idf: dict[str, float], splitter: CompoundSplitter, best: float, bonus: float,
                    prior_weight: float) -> list[Candidate]:
    """The leads of a yes/no answer, the sentence that decides what is asked first.

    The deciding sentence may stand in a lower-ranked section: its topic words count more than
    its passage's rank. A sentence on every topic of the question ("personal data" and "AI
    service") counts once more; its deciding shape counts even without a shared word. The words
    of the main clause ("Brauchen wir einen Vertrag mit dem Anbieter, …") name what is asked
    about: a deciding sentence on them comes first."""
    main = {t: w for t, w in idf.items()
            if t in terms_of(main_clause(question), splitter) and t not in MODALS
            and t not in PARTICLE_STEMS}

    def lead_key(c: Candidate) -> float:
        topical = topicality(understood, c.text) + heading_topics(understood, c.section)
        return (c.score - (prior_weight - LEAD_PRIOR) / (1 + c.rank) + TOPIC_BONUS * topical
                + LEAD_LEXICAL * c.lexical + (bonus if c.lexical == 0 else 0.0)
                + MAIN_BONUS * share(main, c.terms))

    def on_main(c: Candidate) -> bool:
        return (share(dict.fromkeys(main, 1.0), c.terms) >= MAIN_MIN
                and c.score >= FILL_RATIO * best and not off_topic(understood, c.text)
                and names_asked(question, c.text))

    # A sentence that gives a verdict on what is asked decides even without a modal
    # verb ("Wer ein Skript von einer KI schreiben lässt, gibt ihr nur …").
    leads = leads + [c for c in ranked if not by_id[id(c)] and c.score >= FILL_RATIO * best
                     and decides_unshaped(question, c.text, understood.asks_duty)]
    # a sentence naming the action asked about first (actions.py), then one on the main
    # clause, then one that gives a verdict on the question before one that does not
    # (and one that rules on a condition the question states, see below)
    leads = leads + [c for c in ranked if c not in leads and c.score >= FILL_RATIO * best
                     and meets_condition(question, c.text)]
    # a question on published or aggregated data: the sentence that allows such data, wherever
    # it stands (the rule on personal data of a better-ranked section does not decide it)
    leads = leads + [c for c in ranked if c not in leads and c.score >= DATA_FLOOR * best
                     and allows_public_data(question, c.text)]
    # (likewise a question on anonymised or pseudonymised data: the sentence saying whether such
    # data are personal)
    def rules_on_data(c: Candidate) -> bool:
        return (stays_personal(question, c.text)
                or rules_non_personal(question, c.text, understood.asks_duty))

    leads = leads + [c for c in ranked if c not in leads and c.score >= DATA_FLOOR * best
                     and rules_on_data(c)]
    acting = actions_of(question)
    fit = {id(c): action_fit(acting, c.text, c.section) for c in leads}
    # a question on published or aggregated data (not personal): the sentence that allows such
    # data decides it, before the rule on personal data its section opens with
    # (likewise a question that asks what the action needs: the sentence stating it)
    # (and a question on skipping a check: the sentence that requires it)
    public = {id(c) for c in leads if allows_public_data(question, c.text)
              or (not understood.asks_duty and states_requirement(question, c.text))
              or requires_check(question, c.text) or rules_on_data(c)}
    # (a rule on small counts decides nothing for a question naming no count: after the others)
    # (a question stating a condition that changes the verdict, "…, wenn die Stadt einen Vertrag
    # hat?": the rule on that condition before the general rule)
    # (for "must we …?" one that rules on the condition without naming a duty after those
    # that do: "Die Zusammenführung ist nur … in Abstimmung mit der Datenschutzbeauftragten
    # zulässig")
    met = {id(c): 0 if meets_condition(question, c.text, understood.asks_duty)
           else 1 if understood.asks_duty and meets_condition(question, c.text) else 2
           for c in leads}
    # (a question on a property, "Ist die Liste damit anonym?": a sentence that states it on its
    # own before one that leans on the sentence before it, "… erreicht deshalb nur …")
    lean = asks_property(question) is not None
    leads.sort(key=lambda c: (met[id(c)], concedes_unstated(question, c.text), id(c) not in public,
                              counts_elsewhere(question, c.text), lean and leans_back(c.text),
                              fit[id(c)] < 3,
                              not on_main(c), off_topic(understood, c.text),
                              verdict(question, c.text, understood.asks_duty) is None
                              or not names_asked(question, c.text), -fit[id(c)],
                              leans_back(c.text), -lead_key(c)))
    return leads
