"""What a "may I / must I …?" question asks to do, and with what: the asked action.

"Darf ich den gepunkteten Wert aus der Summe zurückrechnen und veröffentlichen?" asks about
recomputing a suppressed value and publishing it, not about what the "." symbol means; "Dürfen
wir KI-Tools überhaupt verwenden?" asks about using AI at all, not about automated decisions.
The rule that decides such a question stands in a section that speaks of the action ("Gesperrte
Werte nicht zurückrechnen", "Chancen und Haltung"), in a sentence that names it.

Each :class:`Action` holds the cue that finds it in a question (word forms people use), the
words of section headings that rule on it (for retrieval's section preference) and the words
that name it in a sentence (extra search terms, and the test whether a deciding sentence speaks
of the action at all). General vocabulary of data protection, statistical confidentiality, AI
use and reuse of official data; no question wording.
"""

from __future__ import annotations

import re
from functools import lru_cache
from dataclasses import dataclass

_F = re.IGNORECASE


@dataclass(frozen=True)
class Action:
    name: str
    cue: re.Pattern[str]
    #: Words of section headings that rule on the action (start of a heading word).
    headings: tuple[str, ...]
    #: Words (word starts) that name the action in a sentence; also searched.
    terms: tuple[str, ...]
    #: Another action this one is a case of: with both asked, only this one counts.
    narrows: str | None = None
    #: What the question must also name for the action to be the one asked about.
    requires: re.Pattern[str] | None = None


def _cue(pattern: str) -> re.Pattern[str]:
    """A cue matched at the start of a word ("schulung" not inside "Einschulungsuntersuchung")."""
    return re.compile(rf"(?<![\wäöüß])(?:{pattern})", _F)


#: A suppressed table value ("gepunktet", "gesperrt", "geheim gehalten").
_SUPPRESSED = r"(?:gepunktet\w*|gesperrt\w*|geheim\w*|mit (?:einem )?punkt|ein punkt|\bpunkt\b)"
#: AI named as a thing ("ChatGPT", "KI-Tools", "generative KI").
_AI = (r"\b(?:ki|ki-\w+|künstliche\w* intelligenz|chatbots?|chatgpt|sprachmodell\w*|"
       r"generative\w* ki)\b")
#: Trusting a result without checking it ("einfach vertrauen", "ungeprüft", "ohne Prüfung").
TRUSTING = r"vertrau\w*|ungeprüft\w*|blind\w*|ohne (?:\w+ )?(?:\w*prüfung|kontrolle|prüfen)"
#: A ruling on a thing as a whole ("verboten", "erlaubt", "tabu").
_RULED = r"(?:verboten|erlaubt|zulässig|unzulässig|untersagt|gestattet|tabu)\b"
#: Computing a value oneself.
_COMPUTE = r"(?:\w*rechn\w*|ermittel\w*|herleit\w*|rekonstru\w*|erschließ\w*|bestimm\w*)"

ACTIONS: tuple[Action, ...] = (
    Action("zurueckrechnen",
           _cue(rf"zurück\w*rechn|rückrechn|rekonstru\w*|{_SUPPRESSED}.{{0,120}}{_COMPUTE}|"
                rf"{_COMPUTE}.{{0,80}}{_SUPPRESSED}|\bminus\b|differenz"),
           ("rückrechnung", "zurückrechnen", "sekundäre geheimhaltung", "sekundäre"),
           ("zurückgerechnet", "zurückrechnen", "rückrechnung", "rekonstruieren", "sekundäre",
            "zurückzurechnen", "auszurechnen")),
    Action("ki_entscheiden",
           _cue(r"entscheiden lass\w*|(?:automatisch\w*|automatisiert\w*|allein\w*) "
                r"(?:\w+ ){0,3}entscheid\w*|entscheid\w* (?:\w+ ){0,3}(?:automatisch|"
                r"automatisiert|allein)"),
           ("entscheidungen", "art. 22", "automatisiert"),
           ("entscheid", "automatisiert", "rechtswirkung", "art. 22")),
    Action("ki_pruefen",
           # trusting an AI result without checking it ("einfach vertrauen", "ungeprüft")
           _cue(TRUSTING),
           ("ki-ergebnisse", "prüfen"),
           ("geprüft", "fachlich prüfen", "testen", "abzugleichen", "abgleichen"),
           requires=_cue(_AI + r"|skript\w*|ergebnis\w*|code\b")),
    Action("ki_schulen",
           # "schulen" the verb, not "Schulen" the schools: with whom is trained, or "lassen"
           _cue(r"schulung\w*|geschult|fortbild\w*|ki-kompetenz\w*|schulen lass\w*|"
                r"(?:mitarbeite\w*|beschäftigte\w*|kolleg\w*|leute|team|personal|uns) "
                r"(?:\w+ ){0,3}schulen\b"),
           ("ki-kompetenz", "schulungspflicht", "art. 4"),
           ("ki-kompetenz", "geschult", "schulung", "art. 4")),
    Action("ki_regeln",
           _cue(r"regeln? (?:\w+ ){0,2}(?:festleg\w*|aufstell\w*|vereinbar\w*|geben)|richtlinie\w*|"
                r"dienstvereinbarung\w*|jede[rn]? (?:\w+ )?selbst|eigenmächtig\w*|schatten-ki"),
           ("guideline", "leitlinie", "orientierungshilfe", "phase 2", "kgst"),
           ("interne regeln", "richtlinie", "verhaltensregeln", "dienstvereinbarung",
            "schatten-ki", "guideline")),
    Action("rechtsgrundlage",
           _cue(r"rechtsgrundlage\w*|gesetzliche grundlage|einwilligung\w*|auf welcher grundlage"),
           ("rechtsgrundlage", "art. 6", "einwilligung", "schuldaten", "sozialdaten"),
           ("rechtsgrundlage", "einwilligung", "art. 6")),
    Action("ki_eingeben",
           _cue(r"(?:kopier\w*|einfüg\w*|eingefügt|eingeb\w*|einzugeben|eingegeben|hochlad\w*|hochzulad\w*|"
                r"reinkopier\w*|einfließ\w*|einspeis\w*|füttern|hineingeb\w*|(?:in|an) (?:ein\w* )?"
                r"(?:\w+-)?(?:chatbot|ki\b|ki-\w+|chatgpt|sprachmodell|online-\w+)\w* "
                r"(?:\w+ )?(?:geben|laden|stellen|schicken|packen)|"
                # "das Protokoll mit Namen von ChatGPT zusammenfassen lassen": the document goes in
                r"(?:von|mit|durch) (?:ein\w* |de[mr] |unser\w* )?(?:\w+-)?(?:chatbot|ki\b|ki-\w+|"
                r"chatgpt|sprachmodell|online-\w+)\w* (?:\w+ ){0,3}(?:zusammenfass\w*|übersetz\w*|"
                r"auswert\w*|korrigier\w*|überarbeit\w*|sortier\w*|analysier\w*|prüfen) lass\w*)"),
           ("externe ki-dienste", "cloud-ki", "personenbezogene daten", "vertrag"),
           ("externe ki-dienste", "eingeben", "eingegeben", "auftragsverarbeitung", "einzeldaten"),
           narrows="ki_nutzen"),
    Action("ki_nutzen",
           _cue(rf"{_AI}.{{0,80}}\b(?:nutz\w*|verwend\w*|einsetz\w*|einzusetzen|"
                r"benutz\w*|arbeiten|ausprobier\w*)|(?:nutz\w*|verwend\w*|einsetz\w*|arbeiten mit)"
                r" (?:\w+ ){0,3}(?:ki|ki-\w+|chatbots?)\b|\btabu\b|verzicht\w*|"
                # "Ist ChatGPT bei uns verboten?", "Ist KI im Amt erlaubt?": AI at all
                rf"{_AI}.{{0,40}}\b{_RULED}|{_RULED}.{{0,40}}{_AI}"),
           ("chancen", "haltung", "phase 1", "ausprobieren"),
           ("verzichten", "pilotprojekt", "ausprobieren", "ohne die eingabe", "schrittweise")),
    Action("nachnutzen",
           _cue(r"abdruck\w*|abzudruck\w*|abgedruckt|übernehm\w*|übernommen|weiterverwend\w*|"
                r"weiterverarbeit\w*|nachnutz\w*|eigene\w* grafik\w*|online stell\w*|"
                r"genehmigung\w*|lizenz\w*|urheberrecht\w*|quellenangabe\w*|quelle (?:\w+ )?"
                r"(?:angeben|nennen)|zum download|(?:auf|in) (?:unsere\w* |die |der )?(?:webseite|"
                r"website|homepage|internetseite|open-data-portal)\w*"),
           ("lizenz", "quellenangaben", "nachnutzen"),
           ("lizenz", "namensnennung", "quellenangabe", "weiterverwendet", "bearbeitet",
            "vervielfältig", "verbreit")),
    Action("weitergeben",
           _cue(r"weiterzugeben|weitergeb\w*|weitergegeben|übermittel\w*|weiterleit\w*|"
                r"(?:schick|send)\w* (?:\w+ ){0,3}(?:an|zu)\b|zur verfügung stell\w*|herausgeb\w*|"
                r"austausch\w*|"
                # "dem Bildungsbüro eine Liste … geben", "an das Jugendamt schicken"
                r"(?:dem|der|an (?:das|den|die|unser\w*)) [\w-]+ (?:[\w-]+ ){0,10}(?:geben|"
                r"schicken|senden|liefern|überlassen|mailen)\b"),
           ("übermittl", "weitergabe", "statistikstelle", "sozialdaten", "schuldaten",
            "auftragsverarbeitung"),
           ("übermittelt", "übermittlung", "weitergegeben", "weitergeben", "weiterzugeben",
            "weitergabe", "zweckbindung")),
    Action("zusammenfuehren",
           # linking the data of several offices ("Daten aus Jugendamt und Schulamt
           # zusammenführen", "Datensätze verknüpfen")
           _cue(r"zusammenführ\w*|zusammengeführt|zusammenzuführen|verknüpf\w*|"
                r"(?:daten|datensätze|datenbestände) (?:\w+ ){0,6}(?:verbinden|kombinieren|abgleichen)"),
           ("datenquellen", "zusammenführ", "statistikstelle", "praktische reihenfolge"),
           ("zusammenführung", "zusammengeführt", "zusammenführen", "verknüpf", "datenschutzbeauftragt",
            "abstimmung"),
           narrows="weitergeben"),
    Action("besondere_daten",
           _cue(r"gesundheit\w*|schuleingang\w*|einschulungsuntersuch\w*|herkunft|förderbedarf\w*|"
                r"religion\w*|ethnisch\w*|behinderung\w*|diagnose\w*|befund\w*"),
           ("besondere kategorien", "art. 9"),
           ("besondere kategorie", "art. 9", "gesundheitsdaten")),
    Action("speichern",
           _cue(r"speicher\w*|aufbewahr\w*|archivier\w*|lösch\w*|aufheben"),
           ("speicher", "löschfrist", "aufbewahr", "verzeichnis"),
           ("gespeichert", "speicher", "gelöscht", "löschfrist", "aufbewahrt")),
    Action("veroeffentlichen",
           # (not data already published: "die veröffentlichte Tabelle")
           _cue(r"veröffentlich(?!t(?:e|en|er|es|em)\b)\w*|publizier\w*|\bzeigen\b|ausweis\w*|ausgewiesen|\bangeben\b|"
                r"\bnennen\b|darstell\w*|im (?:\w+)?bericht (?:\w+ ){0,3}(?:schreiben|bringen)|"
                r"schreiben, dass|online stell\w*"),
           ("veröffentlich", "kleine fallzahlen", "mindestfallzahl", "fallzahlen", "kleine räume"),
           ("veröffentlich", "fallzahl", "zusammenfass", "zusammengefasst", "gesperrt"),
           # publishing counts or data of people ("zwei Jugendliche", "Namen"), not causes
           requires=_cue(r"\d|fallzahl\w*|\bzahl\w*|anzahl|(?:ein|eine|einem|zwei|drei|wenige\w*|"
                         r"nur) (?:\w+ )?(?:kind\w*|schüler\w*|jugendliche\w*|person\w*|fall|fälle|"
                         r"familie\w*|abgänger\w*)|namen|einzel\w*|kleinräumig\w*|sozialraum\w*|"
                         r"stadtteil\w*|ergebnis\w*|liste\w*|foto\w*|personenbez\w*|tabelle\w*")),
)

BY_NAME = {a.name: a for a in ACTIONS}


def actions_of(text: str) -> tuple[Action, ...]:
    """The actions a question asks about, most specific first (at most three); an action
    another one narrows is dropped ("in einen Chatbot kopieren" is a case of using AI)."""
    found = [a for a in ACTIONS if a.cue.search(text)
             and (a.requires is None or a.requires.search(text))]
    narrowed = {a.narrows for a in found if a.narrows}
    return tuple(a for a in found if a.name not in narrowed)[:3]


def rules_elsewhere(actions: tuple[Action, ...], sentence: str) -> bool:
    """Whether ``sentence`` rules on an action other than the asked ones (two of its words)
    and names none of them ("Entscheidungen … sollen nicht ausschließlich von einer KI getroffen werden" for
    "Dürfen wir KI überhaupt nutzen?"): its verdict is not the answer."""
    if not actions or any(_names(sentence, a.terms) for a in actions):
        return False
    asked = {a.name for a in actions} | {a.narrows for a in actions if a.narrows}
    # two of its words: one ("aufbewahrter Schlüssel", "veröffentlichte Tabellen") may be said
    # in passing
    return any(len(_named(sentence, a.terms)) >= RULES_MIN for a in ACTIONS if a.name not in asked)


#: Words of another action a sentence names when it rules on that action.
RULES_MIN = 2


def _named(text: str, words: tuple[str, ...]) -> set[str]:
    """The words of ``words`` that ``text`` names (at a word start)."""
    lowered = f" {text} ".lower()
    return {w for w in words if _naming((w,)).search(lowered)}


def heading_words(actions: tuple[Action, ...]) -> tuple[str, ...]:
    """The heading words of the actions, each once."""
    return tuple(dict.fromkeys(w for a in actions for w in a.headings))


def search_terms(actions: tuple[Action, ...]) -> tuple[str, ...]:
    """Words to search besides the question's own (the words that name the actions)."""
    return tuple(dict.fromkeys(w for a in actions for w in a.terms))


@lru_cache(maxsize=256)
def _naming(words: tuple[str, ...]) -> re.Pattern[str]:
    """One pattern for "any of ``words`` at a word start" (compiled once per word list)."""
    return re.compile(r"(?<![\wäöüß])(?:" + "|".join(map(re.escape, words)) + ")")


def _names(text: str, words: tuple[str, ...]) -> bool:
    return bool(words) and _naming(words).search(f" {text} ".lower()) is not None


def action_fit(actions: tuple[Action, ...], sentence: str, section: str | None = None) -> int:
    """How closely a sentence speaks of the asked actions: 3 when it names the first (most
    specific) one, 2 when its section heading rules on it, 1 when it names another asked
    action, else 0."""
    if not actions:
        return 0
    first = actions[0]
    if _names(sentence, first.terms):
        return 3
    if _names(section or "", first.headings):
        return 2
    return int(any(_names(sentence, a.terms) for a in actions[1:]))
