"""The task a "how do I …?" question asks for: its action (a verb) and what it is done to.

A step-by-step section names its task in its heading ("Schritt für Schritt: ein kommunales
Bildungsmonitoring aufbauen"): the action is the infinitive at the end ("aufbauen"), or the
action noun of a heading without one ("die Selbsteinschätzung mit dem DKBM-Kompass"); the other
content words say what it is done to. A question fits the task when it names most of these
words, the action counting as one of them, in any of the words ``tasks.yaml`` groups with it
("anfangen" for "aufbauen", "sperren" for "schützen", "führen wir … ein" for "einführen"). A
question that asks for another action never fits: "Wie kann ich mich mit anderen
Bildungsmonitorerinnen austauschen?" names the Bildungsmonitoring, but not its Aufbau.

Which action a question asks for is read from the sentence with the question mark; only when
that sentence names none, from the whole text ("Ich muss die Tabelle veröffentlichen. Wie gehe
ich beim Sperren vor?" asks how to suppress, not how to publish).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from assistant.retrieval.german import fold, stem

LEXICON = Path(__file__).with_name("tasks.yaml")
#: Words that name no part of a task ("den", "eine", "für", "dem").
FILLER = frozenset("""den der die das dem des ein eine einer einen einem eines wie ich wir oder und für
mit nach über unter ihre ihren unsere unseren unserem diese dieser vom von zum zur bei beim aus auf
ins""".split())
TOKEN = re.compile(r"[a-z0-9]+")
#: Endings of a verb's forms after its stem ("sperr-e", "sperr-t", "sperr-en"); nouns in -ung
#: are listed in the lexicon where they name the action ("Bildung" is no form of "bilden").
VERB_ENDINGS = ("e", "en", "n", "st", "t", "et", "est", "te", "ten", "tet", "end")
#: A noun of the lexicon names its action in a compound at least this long ("Selbsteinschätzung").
COMPOUND_MIN = 7


@dataclass(frozen=True)
class Entry:
    """One word of an action group: a verb (with its particle if separable) or a noun."""
    particle: str
    bases: tuple[str, ...]  # folded; a verb's infinitive first, then other stems ("liest")
    verb: bool

    def named_in(self, tokens: list[str]) -> bool:
        """Whether a sentence's folded tokens hold a form of this word."""
        if not self.verb:
            noun = self.bases[0]
            return any(t == noun or stem(t) == stem(noun) or (
                len(noun) >= COMPOUND_MIN and (t.startswith(noun) or t.endswith(noun)))
                for t in tokens)
        p = self.particle
        for i, s in enumerate([_verb_stem(self.bases[0]), *self.bases[1:]]):
            endings = VERB_ENDINGS if i == 0 else ("", "e", "en", "n", "st", "t", "et")
            forms = {s + e for e in endings}
            joined = ({p + f for f in forms} | {p + "zu" + s + "en"}
                      | {p + "ge" + s + e for e in ("t", "en", "et", "")})
            if any(t in joined for t in tokens):
                return True
            # a separable verb apart: "führen wir die KI … ein"
            if p and p in tokens and any(t in forms for t in tokens):
                return True
        return False


def _verb_stem(infinitive: str) -> str:
    return infinitive[:-2] if infinitive.endswith("en") else infinitive[:-1]


@lru_cache(maxsize=4096)
def _entry(word: str) -> Entry:
    folded = fold(word.strip())
    particle, _, rest = folded.rpartition("|")
    bases = tuple(b for b in rest.split("/") if b)
    verb = bool(particle) or bool(re.search(r"(?:en|ern|eln)$", bases[0]))
    return Entry(particle, bases, verb)


@dataclass(frozen=True)
class Lexicon:
    actions: dict[str, tuple[Entry, ...]]
    #: The words that name the start of any task ("anfangen", "Einstieg"), particle and verb
    #: joined as :func:`action_words` gives them.
    starts: frozenset[str]
    things: tuple[tuple[str, ...], ...]  # folded words of each group


@lru_cache(maxsize=2)
def lexicon(path: Path = LEXICON) -> Lexicon:
    import yaml

    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    actions = {name: tuple(_entry(str(w)) for w in group)
               for name, group in (data.get("actions") or {}).items()}
    things = tuple(tuple(fold(str(w)) for w in group) for group in data.get("things") or [])
    starts = frozenset(e.particle + e.bases[0] for e in (_entry(str(w)) for w in data.get("starts") or []))
    return Lexicon(actions, starts, things)


def _sentences(text: str) -> list[list[str]]:
    return [TOKEN.findall(fold(s)) for s in re.split(r"[.!?;]+", text) if s.strip()]


def actions_in(text: str) -> set[str]:
    """The action groups a text names (in any of its sentences)."""
    return {name for groups in action_words(text).values() for name in groups}


def action_words(text: str) -> dict[str, set[str]]:
    """The action words a text names (folded, particle and verb joined: "auswerten"), each with
    all the groups it stands in ("zusammenfassen": summing up a rate and protecting small
    counts)."""
    sentences = _sentences(text)
    out: dict[str, set[str]] = {}
    for name, entries in lexicon().actions.items():
        for entry in entries:
            word = entry.particle + entry.bases[0]
            if word in out or any(entry.named_in(tokens) for tokens in sentences):
                out.setdefault(word, set()).add(name)
    return out


@dataclass(frozen=True)
class Task:
    action: str | None  # the action word of the heading ("aufbauen"), if it has one
    groups: frozenset[str]  # the action groups it belongs to (the word itself if in none)
    objects: tuple[str, ...]  # the other content words, as written


def task_of(heading: str | None) -> str:
    """The task a step-by-step section describes: its heading after the colon."""
    return (heading or "").split(":", 1)[-1].strip()


def _content(text: str) -> list[str]:
    """Content words as written: at least three letters or an abbreviation ("KI")."""
    return [w for w in re.findall(r"[\wÄÖÜäöüß-]+", text)
            if (len(w) >= 3 or (len(w) >= 2 and w.isupper())) and w.lower() not in FILLER]


@lru_cache(maxsize=1024)
def parse_task(heading: str | None) -> Task:
    """The action and the objects of a section's task."""
    words = _content(task_of(heading))
    if not words:
        return Task(None, frozenset(), ())
    last = words[-1]
    named = {name for name, entries in lexicon().actions.items()
             if any(e.named_in([fold(last)]) for e in entries)}
    if last[:1].islower() and re.search(r"(?:en|ern|eln)$", last):  # "… aufbauen"
        return Task(last, frozenset(named or {fold(last)}), tuple(words[:-1]))
    for i, word in enumerate(words):  # no verb: the action noun ("die Selbsteinschätzung …")
        groups = {name for name, entries in lexicon().actions.items()
                  if any(e.named_in([fold(word)]) for e in entries)}
        if groups:
            return Task(word, frozenset(groups), tuple(words[:i] + words[i + 1:]))
    return Task(None, frozenset(), tuple(words))


def thing_words(text: str) -> set[str]:
    """Folded words of each thing group of which the text names one ("Ergebnisse": "befunde"),
    also as a part of a compound ("Sozialraumebene") or as a phrase ("1 oder 2")."""
    tokens = [t for sentence in _sentences(text) for t in sentence]
    joined = f" {' '.join(tokens)} "
    stems = {stem(t) for t in tokens}
    out: set[str] = set()
    for group in lexicon().things:
        if any(f" {w} " in joined if " " in w else (
                w in stems or stem(w) in stems or any(_part(stem(w), s) for s in stems))
               for w in group):
            out |= {w for w in group if " " not in w}
    return out


def asked_actions(question: str) -> set[str]:
    """The actions a question asks for: those of the sentence with the question mark, or of the
    whole text when that sentence names none."""
    from assistant.answers.clauses import asked

    return actions_in(asked(question)) or actions_in(question)


def names_action(question: str, task: Task) -> bool | None:
    """True when the question asks for the task's action (its word or a word of its group),
    False when it asks for another action, None when it names no action ("Wie gehe ich vor?")."""
    from assistant.answers.clauses import asked

    if task.action is None:
        return None
    for text in (asked(question), question):  # the sentence asked first, then the whole text
        found = action_words(text)
        if _names_word(text, task.action) or any(groups & task.groups for groups in found.values()):
            return True
        if set(found) - lexicon().starts:
            return False
        # only the start of a task ("Wie fange ich mit dem ersten Bericht an?"): of any task
    return None


def _names_word(text: str, word: str) -> bool:
    entry = _entry(word)
    return any(entry.named_in(tokens) for tokens in _sentences(text))


@dataclass(frozen=True)
class Match:
    share: float  # of the task's words (objects and action) the question names
    named: float  # how many of them it names


def match(question: str, heading: str | None, strict: bool = False, goal: bool = False) -> Match:
    """How much of a section's task the question names: its objects and its action; nothing
    when the question asks for another action, unless ``goal`` (the question's topic is the
    task's end: "eine Tabelle so aufbereiten, dass keine Einzelfälle erkennbar sind" asks to
    protect small counts). An object counts when the question names it, a field synonym or a
    compound part ("Zelle" names a "Tabellenfeld"), or a word of its thing group (as it
    stands: "Gremien" names "Kommunalpolitik", not "kommunal"); ``strict``: a compound part or
    another form of the word counts half. A compound written with a hyphen counts once, by its
    last part: "ein Skript vom Chatbot" names the "KI" of "KI-Regeln", not the rules."""
    task = parse_task(heading)
    action = names_action(question, task)
    if action is False and goal:  # another action, to the end the task serves
        action = True
    objects = _objects(task)
    if action is False or (not objects and task.action is None):
        return Match(0.0, 0.0)
    asked, things = _asked(question)
    found = _named_objects(objects, asked, things, strict) + (1.0 if action else 0.0)
    return Match(found / (len(objects) + (task.action is not None)), found)


def objects_named(question: str, heading: str | None) -> float:
    """Share of the things a section's task is done to that the question names, whatever
    action it asks for ("wen binden wir beim ersten Bildungsbericht ein?" names the things of
    "den ersten Bildungsbericht schreiben"); 0 for a task without things."""
    objects = _objects(parse_task(heading))
    if not objects:
        return 0.0
    asked, things = _asked(question)
    return _named_objects(objects, asked, things) / len(objects)


def _objects(task: Task) -> set[str]:
    """Stems of the things a task is done to, a hyphenated compound by its last part
    ("KI-Regeln": "regel"; "CSV-Datei": "datei"), the part that says what the thing is."""
    return _stems(" ".join(w.rsplit("-", 1)[-1] if "-" in w.strip("-") else w for w in task.objects))


def _named_objects(objects: set[str], asked: set[str], things: set[str],
                   strict: bool = False) -> float:
    """How many of a task's ``objects`` the question names: by the word itself, a field synonym
    or a compound part (``strict``: half), or by a word of the object's thing group, each group
    once ("Verwaltung und andere Behörden" are named by one "Verwaltungsspitze", not twice)."""
    direct = {a: 1.0 if a in asked else (0.5 if strict else 1.0) for a in objects
              if a in asked or any(same(a, b) for b in asked)}
    credited = {_thing_group(a) for a in direct}
    found = sum(direct.values())
    for a in sorted(objects - set(direct)):
        group = _thing_group(a)
        if a in things and group not in credited:
            credited.add(group)
            found += 1.0
    return found


def _thing_group(a: str) -> int:
    """The index of the thing group a stem stands in (-1 for none)."""
    return next((i for i, group in enumerate(lexicon().things)
                 if a in {stem(w) for w in group if " " not in w}), -1)


def _asked(question: str) -> tuple[set[str], set[str]]:
    """Stems of the question's words and field synonyms, and of its thing groups' words."""
    from assistant.retrieval.expansion import expansion_words

    return (_stems(question) | _stems(" ".join(expansion_words(question))),
            {stem(w) for w in thing_words(question)})


def fit(question: str, heading: str | None, strict: bool = False, goal: bool = False) -> float:
    """Share of the task's words the question names (:func:`match`)."""
    return match(question, heading, strict, goal).share


def _stems(text: str) -> set[str]:
    """Stems of the content words of a text (not "den", "eine", "für"); abbreviations of two
    letters count ("KI")."""
    from assistant.retrieval.german import words

    short = {fold(w) for w in re.findall(r"\b[A-ZÄÖÜ]{2}\b", text)}
    return {stem(w) for w in words(text)
            if (len(w) >= 3 or w in short) and w not in _FOLDED_FILLER}


_FOLDED_FILLER = frozenset(fold(w) for w in FILLER)


def same(a: str, b: str) -> bool:
    """Same stem, or one is the head or tail of the other as a compound ("bericht" and
    "bildungsbericht"), not just any substring ("erst" in "verständlich" or "erstellen")."""
    a, b = _verbal(a), _verbal(b)  # "einschaetz" and "selbsteinschaetzung"
    short, long_ = sorted((a, b), key=len)
    # a head of four letters is too often another word's start ("erst" in "erstellen")
    return a == b or (len(short) >= 4 and long_.endswith(short)) or (
        len(short) >= HEAD_MIN and long_.startswith(short))


#: Letters a word must have to count as the head of a longer one ("bericht" – "berichtsjahr").
HEAD_MIN = 5


def _part(a: str, b: str) -> bool:
    """One word a part of the other's compound, both parts at least six and four letters long
    ("sozialraum" in "sozialraumebene"; not "date" in "datei", "einzel" in "einzeldaten")."""
    short, long_ = sorted((a, b), key=len)
    return (len(short) >= 6 and len(long_) - len(short) >= 4
            and (long_.startswith(short) or long_.endswith(short)))


def _verbal(word: str) -> str:
    """A noun in -ung as its verb's stem ("einschaetzung" -> "einschaetz")."""
    return word[:-3] if word.endswith("ung") and len(word) > 7 else word
