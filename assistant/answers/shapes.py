"""Sentence shapes: what a sentence that answers a kind of question looks like.

A "may I …?" question is answered by a sentence with a permission or duty word, a threshold
question by one with a number, a source question by one naming a statistic, a table code or a
Stichtag. :data:`SHAPES` gives each kind its pattern and the bonus a matching sentence gets;
:data:`LEAD_SHAPES` and :data:`DUTY` the stricter shape of a sentence that decides a yes/no
question. :func:`on_asked` tells whether a sentence speaks of what the main clause of a
conditional question asks about.
"""

from __future__ import annotations

import re
from typing import Sequence

from assistant.answers import steps
from assistant.answers.question import conditional, frame_stems, main_clause
from assistant.retrieval.german import stem, words

_W = re.IGNORECASE

#: A sentence that carries a specific fact: a number or date, a legal reference, a table code,
#: a quoted term or an abbreviation (DSGVO, KJH).
FACT = re.compile(r"\d|§|\bArt\. |„[^“]{2,40}“|\b[A-ZÄÖÜ]{2,}[a-z]?[A-Z]*\b")
INSTRUCTION_LIKE = re.compile(
    r"\b(ignorier\w*|vergiss|missachte\w*|ignore|disregard)\b.{0,60}\b(anweisung\w*|instruktion\w*|"
    r"vorgaben|regeln|instructions?|prompts?)\b|\b(du bist (jetzt|nun|ab sofort)|you are now|"
    r"system-?prompt|antworte (nur|ausschließlich|ab sofort)|answer only)\b", re.IGNORECASE)

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
#: A question for a date ("Zu welchem Datum …?", "Seit wann …?", "Welcher Stichtag …?").
ASKS_DATE = re.compile(r"\b(datum|wann|stichtag\w*|zeitpunkt|in welchem jahr|seit welche[mr]|"
                       r"ab welche[mr] (?:jahr|schuljahr|datum))\b", _W)
#: A day in a sentence: "1.3.", "31.12.2023", "8. Mai 2025".
DAY = re.compile(r"\b\d{1,2}\.\d{1,2}\.(?:\d{2,4})?|\b\d{1,2}\. (?:Januar|Februar|März|April|Mai|"
                 r"Juni|Juli|August|September|Oktober|November|Dezember)\b")
#: A year that dates something: "seit 1996", "ab dem Schuljahr 2019/20", "Stichtag 2022".
YEAR = re.compile(r"\b(?:seit|ab|bis|von|im jahr|stichtag|schuljahr)\b[^.;]{0,20}\b(?:19|20)\d{2}\b",
                  _W)
#: A GENESIS table code ("21111-02-06-4", "21711-0002", Zensus "2000S-3070", "-B" versions).
TABLE_CODE = re.compile(r"\b(?:\d{5}-\d{2}-\d{2}-\d(?:-B)?|\d{5}-\d{4}|\d{4}S-\d{4})\b")
#: A Stichtag in a sentence ("Stichtag 1.3.", "zum 31.12.", "am 15. Mai 2022").
STICHTAG = re.compile(r"\bstichtag\w*\b[^.;]{0,30}?\d{1,2}\.|\b(?:zum|am) \d{1,2}\.(?:\d{1,2}\.| [A-ZÄÖÜ][a-zä]+)",
                      _W)
#: Who produces or holds the data: a statistic, a survey, a register, an office, a database.
PROVIDER = re.compile(
    r"\b(\w*statistik\w*|mikrozensus|zensus|\w*erhebung\w*|\w*register\w*|\w*befragung\w*|"
    r"regionaldatenbank|genesis\w*|\w*datenbank\w*|\w*datenportal\w*|\w*landesamt\w*|"
    r"\w*bundesamt\w*|destatis|bundesagentur|bibb|kmk|\w*atlas|\w*monitor)\b", _W)
#: Words that say where data come from ("stammt aus", "liefert", "Quelle ist", "erhoben").
PROVENANCE = re.compile(
    r"\b(stamm\w*|kommt|kommen|liefer\w*|führt|führen|geführt|erheb\w*|erhoben|erfasst|"
    r"erfassen|zählt|zählen|veröffentlich\w*|\w*quelle\w*|stehen|steht|enthält|enthalten|"
    r"bereit\w*|abrufbar|aus der|aus dem|laut)\b", _W)


def names_source(sentence: str) -> bool:
    """Whether ``sentence`` says where data come from: a table code, or a statistic (survey,
    register, office, database) together with a word of provenance ("stammt aus der
    Schulstatistik", "Quelle ist der Mikrozensus")."""
    return bool(TABLE_CODE.search(sentence)
                or (PROVIDER.search(sentence) and PROVENANCE.search(sentence)))


#: A sentence that does no more than name a source ("Quelle ist die Kinder- und
#: Jugendhilfestatistik."), at most this many words.
SOURCE_ONLY_WORDS = 16


def repeats_source(sentence: str, summary: Sequence[str]) -> bool:
    """Whether ``sentence`` only names a source that a catalogue entry's ``summary`` already
    names: a short source sentence whose statistics and table codes all stand in the summary."""
    if not names_source(sentence) or len(sentence.split()) > SOURCE_ONLY_WORDS:
        return False
    said = " ".join(summary).lower()
    named = [m.group(0).lower() for m in PROVIDER.finditer(sentence)]
    named += [m.group(0).lower() for m in TABLE_CODE.finditer(sentence)]
    return bool(named) and all(n in said for n in named)


#: The lead for "Muss ich …?": the sentence that states (or denies) the duty.
DUTY = re.compile(r"\b(pflicht\w*|verpflicht\w*|muss|müssen|erforderlich|nötig|notwendig|"
                  r"vorgeschrieben|braucht|brauchen)\b", _W)
#: Stems of the modal verbs that frame a yes/no question: not what it asks about.
MODALS = frame_stems()

#: Share of the main clause's content words a sentence must name (two in five) to get the verdict word:
#: "Ja"/"Nein" answers the clause asked, not a neighbouring rule the sentence states.
VERDICT_MAIN = 0.4
#: Particles of a question's main clause that name nothing ("gilt die DSGVO dann noch?").
PARTICLES = frozenset({"dann", "noch", "mehr", "ohne", "auch", "also", "nun", "denn", "das",
                       "dies", "diese", "sie", "man", "uns", "unsere", "jetzt", "schon", "nicht", "kein", "keine",
                       "einfach", "wirklich", "eigentlich"})

PARTICLE_STEMS = frozenset(stem(w) for w in PARTICLES)


def on_asked(question: str, sentence: str) -> bool:
    """Whether ``sentence`` speaks of what the main clause of a question asked under a
    condition ("Wenn ich …, darf ich die Datei …?") asks about (two in five of its content words, a
    compound part counts): a sentence on the condition alone does not decide it. True for other
    questions and when the clause names nothing beyond its frame."""
    if not conditional(question):
        return True

    asked = {stem(w) for w in words(main_clause(question))
             if len(w) >= 3 and w.lower() not in steps.FILLER | PARTICLES} - MODALS
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
