"""Question understanding: what kind of answer a question asks for, and what it is about.

Deterministic rules over the (anonymised) question text. The kind decides which sentence leads
the answer (for "may I …?" the sentence that decides it, for "from how many …?" the sentence with
the number) and, with the topics, which sections retrieval prefers (data protection and
confidentiality texts for "may I" questions about personal data; the catalogue entry only when the
question is about the indicator itself).

Kinds: ``berechnung`` (how to compute), ``definition`` (what is), ``darf_ich`` (may I / must I /
is it allowed), ``datenquelle`` (where do the data come from), ``schwelle`` (which threshold,
number or date), ``vorgehen`` (how to do a task, also in Lotse).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from assistant.answers.clauses import (FRAME_WORDS, asked, asked_part, claim_of, condition,  # noqa: F401
                                       conditional, frame_stems, main_clause)
from assistant.answers.actions import actions_of, heading_words, search_terms
from assistant.retrieval import german
from assistant.retrieval.german import unswap
from assistant.retrieval.models import Focus

Kind = Literal["berechnung", "definition", "darf_ich", "datenquelle", "schwelle", "vorgehen"]
KINDS: tuple[Kind, ...] = ("berechnung", "definition", "darf_ich", "datenquelle", "schwelle",
                           "vorgehen")

_F = re.IGNORECASE
# A yes/no question starts with its finite verb ("Darf ich …", "Müssen wir …", "Ist es erlaubt …").
_PERMISSION_VERB_FIRST = re.compile(
    r"^\s*(darf|dürfen|darfst|muss|müssen|musst|braucht|brauchen|brauche)\b", _F)
#: A main clause that asks whether a rule applies ("gilt die DSGVO dann noch?").
_RULE_VERB_FIRST = re.compile(
    r"^\s*(gilt|gelten|bleibt|bleiben|reicht|reichen|genügt|genügen|fällt|fallen|braucht|"
    r"brauchen|muss|müssen|darf|dürfen|kann|können)\b", _F)
_PERMISSION_WORDS = re.compile(
    r"\b(erlaubt|zulässig|unzulässig|verboten|gestattet|rechtlich (?:ok|in ordnung|erlaubt)|"
    r"(?:ist|wäre) (?:das|es) (?:ok|okay|rechtens)|einwilligung (?:nötig|erforderlich)|"
    r"datenschutzrechtlich|in ordnung|darf (?:ich|man|er|sie|wir|das|die|der)|dürfen (?:wir|die|sie|"
    r"kommunen|schulen)|(?:ich|man) darf|wir dürfen|genehmigungspflichtig|meldepflichtig)\b", _F)
# "Kann ich … in ChatGPT eingeben?", "Sollten wir … veröffentlichen?": a permission question only
# when it is about personal data or publication; otherwise advice ("Sollten wir KI nutzen?").
_CAN_VERB_FIRST = re.compile(
    r"^\s*(kann|können|könnte|könnten|geht es|geht das|ist es|soll|sollen|sollte|sollten|"
    # "Reicht es, wenn wir die Namen ersetzen?": whether a measure suffices for what is allowed
    r"reicht|reichen|genügt|genügen)\b", _F)
#: A duty named in a yes/no question ("Ist die Quellenangabe Pflicht?", "Sind wir verpflichtet …?").
_DUTY_WORDS = re.compile(r"\b(\w*pflicht\w*|verpflichtet|vorgeschrieben|erforderlich|notwendig|nötig)\b",
                         _F)
#: A yes/no question: its finite verb first ("Ist es …", "Geht das …", "Gibt es …").
_VERB_FIRST = re.compile(
    r"^\s*(darf|dürfen|darfst|dürfte|dürften|muss|müssen|musst|brauch\w*|kann|können|könnte|"
    r"könnten|soll|sollen|sollte|sollten|ist|sind|wäre|wären|geht|gehen|gilt|gelten|bleibt|"
    r"bleiben|reicht|reichen|genügt|genügen|fällt|fallen|besteht|gibt|macht|mache|machen|"
    r"haben|habe|hat|wird|werden|zählt|zählen|stimmt|lohnt)\b", _F)
#: A yes/no question on a property that decides what may be done ("Ist die Liste damit anonym?",
#: "Sind das dann noch personenbezogene Daten?", "Ist der Abgleich datenschutzkonform?").
_ASKS_PROPERTY = re.compile(
    r"^\s*(?:ist|sind|wäre|wären|bleibt|bleiben)\b(?![^?]*\b(?:dasselbe|das gleiche|unterschied)\b)"
    r"[^?,]{0,60}?\b(?:anonym\w*|pseudonym\w*|personenbez\w*|personenbeziehbar\w*|"
    r"datenschutzkonform\w*|rechtmäßig\w*|rechtskonform\w*)(?=[\s?,]|$)", _F)
#: "Geht das (rechtlich)?", "Ist das machbar?" after a sentence that says what is planned: whether
#: the plan is allowed.
_FEASIBLE = re.compile(
    r"^\s*(?:und\s+)?(?:(?:geht|ginge|klappt) (?:das|es|so etwas|sowas)\b|(?:ist|wäre) (?:das|es|so etwas|"
    r"sowas) (?:\w+ ){0,2}?(?:machbar|möglich|umsetzbar|in ordnung|okay|ok|vertretbar)\b)", _F)
_LEGALLY = re.compile(r"\b(?:rechtlich\w*|datenschutzrechtlich\w*|juristisch\w*)\b", _F)
#: Topics on which "Kann ich …?" / "Geht das …?" asks for a permission, not for advice.
_PERMISSION_TOPICS = ("datenschutz", "lizenz")
#: Verbs that put a figure in front of readers ("veröffentlichen", "im Bericht schreiben, dass …").
_PUBLISHES = re.compile(r"veröffentlich|\b(?:schreiben|zeigen|nennen|angeben|ausweisen|darstellen|"
                        r"erwähnen)\b", re.IGNORECASE)
#: A question that asks for a number or a date, opened by its question word ("Ab wie vielen
#: Fällen darf man …?", "Wie hoch ist …?", "Welche Grenze …?"): a threshold even with "darf".
_THRESHOLD_LEAD = re.compile(
    r"^\s*(ab|bis|seit|unter|über|von|um|auf|mit|zu|zum)? ?(wie viel\w*|wie hoch|wie groß|wie lange|"
    r"wie alt|wie oft|welche[rsmn]? (?:\w+ )?(?:grenze|schwelle|fallzahl|mindest\w*|"
    # a value by its compound ("Welchen Bundeswert …", "Welcher Vergleichswert …")
    r"zahl|anzahl|anteil|\w*wert|höhe|frist|datum|jahr|zeitpunkt|alter|stundenzahl))\b", _F)
#: "Wo kriege ich die Zahlen her?": a source question whatever else it names (per Einwohner).
_SOURCE_LEAD = re.compile(
    r"^\s*(?:zu |zum |an |am |in )?(woher|wo (?:finde|bekomme|kriege|gibt es|stehen|liegen|kommen)|aus welche[rmn] "
    r"(?:statistik|quelle|tabelle|erhebung|datenbank)|welche[nrms]? (?:\w+ )?(?:statistik|quelle|"
    r"tabelle|stichtag|erhebung|datenquelle)\w*|wie heißt (?:die|der|das) (?:\w+ ){0,2}"
    r"(?:tabelle|statistik|quelle|erhebung))\b", _F)
#: Advice asked after a question word ("Mit welchen Kreisen sollten wir uns vergleichen?",
#: "Wie sollen die Befunde eingebracht werden?"): how to go about a task.
_ADVICE = re.compile(r"^\s*(?:\w+ ){0,4}?(?:wie|welche[rsmn]?|womit|mit wem) (?:\w+ ){0,3}?"
                     r"(?:soll|sollen|sollte|sollten) (?:wir|ich|man)\b|^\s*wie (?:soll|sollen|"
                     r"sollte|sollten)\b", _F)
_AT_LEAST = re.compile(r"\b(mindest\w*|ab wie viel\w*|ab welche[rmn]?|höchstens)\b", _F)
_CAN_ASK = re.compile(r"^\s*(kann|können|könnte|könnten|dürfte|dürften)\b", _F)
_THRESHOLD = re.compile(
    r"\b(ab wie viel\w*|ab welche[rmn]? \w+|wie viele?|wie hoch|wie groß|wie lange|wie alt|wie stark|"
    r"mindest\w*|schwelle\w*|grenzwert\w*|höchstens|maximal\w*|min\. |"
    r"welche[rsn]? (?:zahl|wert|anzahl|höhe|vielfache\w*|jahr|datum|frist|zeitpunkt)|"
    r"auf welche[sn]? vielfache\w*|um wie viel\w*|seit wann|ab wann|bis wann|"
    r"wann (?:gilt|galt|tritt|trat|wurde|ist .* in kraft)|in welchem jahr|wie oft|wie häufig|"
    r"von wann|aus welchem jahr|seit welche[mr]? \w+|"
    r"wie weit (?:kann|können|darf|dürfen|weicht|weichen|liegt|liegen))\b", _F)
#: Compute cues that win over "wie viele …" ("wie viele …, als Prozentwert? Teile ich durch …?").
_COMPUTE_STRONG = re.compile(
    r"\b(teile (?:ich|man|wir)|teilt man|dividier\w*|durch was|ins verhältnis|"
    r"(?:pro|je) (?:einwohner\w*|kopf|100|1\.000)|(?:bilde|bildet|bilden) (?:ich|man|wir) "
    r"(?:\w+ ){0,3}\w*(?:kennzahl|quote|anteil|indikator)\w*)\b", _F)
_COMPUTE = re.compile(
    r"\b(berechn\w*|rechne\w*|gerechnet|errechn\w*|formel\w*|zähler|nenner|ermittel\w*|"
    r"kommt (?:\w+ )*zustande|zusammengesetzt|(?:komme ich|kommt man|kommen wir) (?:\w+ )*auf "
    r"(?:die|den|das)|wie (?:kommt|kommen) (?:\w+ ){1,3}auf (?:die|den|das)|ausrechn\w*|"
    # who counts: "Wie geht es in die U3-Quote ein?", "Welche Kinder zähle ich oben?"
    r"(?:geht|gehen) (?:[\w-]+ ){1,6}ein|zähle (?:ich|man|wir)|mitgezählt|"
    r"mitzählen|mitgerechnet|eingerechnet|ausgerechnet|worauf (?:wird|werden) (?:\w+ ){0,3}bezogen|"
    r"wie (?:wird|werden|komme ich auf|bilde ich|bildet man) .*\b(?:quote|anteil|relation|"
    r"schlüssel|indikator\w*|gebildet|bestimmt))\b", _F)
_SOURCE = re.compile(
    r"\b(woher|wo (?:finde|bekomme|gibt es|kriege|stehen|liegen)|aus welche[rm] (?:statistik|quelle|"
    r"tabelle|erhebung|datenbank)|welche[rmns]? [\w-]*(?:statistik|quelle|tabelle|stichtag|"
    r"erhebung)\w*|datenquelle\w*|tabellencode\w*|wer (?:liefert|erhebt|"
    r"veröffentlicht|führt)|erhoben|stichtag|wo kommen|kommen (?:\w+ ){0,4}her|speis\w*|"
    r"welche (?:daten|statistiken|quellen)|datenbestände|woraus)\b", _F)
#: Source cues that hold even in "Was ist X, und aus welchen Statistiken speist es sich?".
_SOURCE_STRONG = re.compile(
    r"\b(woher|aus welche[rmn] (?:statistik|quelle|tabelle|erhebung|datenbank)\w*|speis\w*|"
    r"wo kommen|kommen (?:\w+ ){0,4}her|welche (?:statistiken|datenquellen|quellen)|"
    r"gibt(?: es|s) (?:\w+ ){0,2}(?:daten|zahlen|statistiken|werte) (?:zu|zur|zum|für|über)|"
    r"gibt(?: es|s) (?:dafür|dazu|hierzu) (?:\w+ ){0,2}(?:daten|zahlen|statistiken|werte))\b", _F)
_TASK = re.compile(
    r"^\s*(wie (?:gehe|fange|beginne|baue|erstelle|schreibe|mache|organisiere|plane|starte|"
    r"kann ich|können wir|soll ich|sollen wir|sollte ich|sollten wir|lässt sich|bereite|"
    r"bekomme ich|gehen wir|prüfe|finde ich|setze|lese|stelle|richte)|was (?:muss|sollte|soll|"
    r"kann) (?:ich|man|wir) tun|welche schritte|womit (?:fange|beginne)|in welche[rn]? "
    r"reihenfolge|was ist zu tun|"
    r"wie (?!definier|versteh|heiß|nenn)\w+ (?:ich|wir|man))\b|\b(schritt für schritt|vorgehen|worauf (?:muss|sollte|soll|müssen|sollten) "
    r"(?:ich|man|wir)|was (?:muss|sollte|soll|müssen|sollten) (?:ich|man|wir) (?:\w+ ){0,5}"
    r"beachten|wo (?:ich|man|wir) (?:\w+ ){0,2}(?:anfangen|beginnen|ansetzen)|mit lotse|in lotse|"
    r"wo (?:fange|beginne|setze|starte) (?:ich|man|wir)|wie läuft (?:\w+ ){1,9}ab|"
    r"was (?:ist|gilt es) zu (?:beachten|tun|bedenken)|"
    r"lotse (?:ask|ingest|code|report|einstieg))\b", _F)

#: Topic -> words in the question that signal it (lower case, prefix match on word starts).
TOPIC_WORDS: dict[str, tuple[str, ...]] = {
    "datenschutz": ("datenschutz", "dsgvo", "personenbez", "personenbeziehbar", "namen", "adress",
                    "klassenliste", "schülerliste", "kinderliste", "liste mit", "einzeldaten",
                    "pseudonym", "anonym", "geburtsdat", "adresse", "förderbedarf",
                    "auftragsverarbeitung", "rechtsgrundlage", "einwilligung", "gesundheit",
                    "schuleingang", "herkunft", "einzelebene"),
    "ki": ("chatgpt", "chatbot", "ki-", "ki ", "künstliche intelligenz", "sprachmodell", "llm",
           "copilot", "gemini", "prompt", "online-tool", "onlinetool", "ki-kompetenz",
           "ki-verordnung", "ai act"),
    "geheimhaltung": ("geheimhalt", "fallzahl", "kleine zahl", "sperr", "gepunktet",
                      "rückrechn", "dominanz", "gesperrt", "rundung", "gerundet", "cell-key", "veröffentlich",
                      "nur ein", "nur zwei", "zwei abgänger", "einer schule", "einzelne schule",
                      "einzelfälle", "einzelfällen", "einzelne fälle"),
    "sonderzeichen": ("sonderzeichen", "zeichen", "symbol", "punkt", "strich", "kreuz",
                      "schrägstrich", "platzhalter in der tabelle"),
    "tabellen": ("csv", "regionaldatenbank", "genesis", "tabellencode", "tabelle", "excel",
                 "regionalschlüssel", "ags", "einlesen"),
    "stichtag": ("stichtag", "zeitpunkt", "schuljahr", "31.12", "1.3", "30.9"),
    "bericht": ("bericht", "veröffentlich", "ausschuss", "diagramm", "grafik"),
    "lizenz": ("lizenz", "abdruck", "abzudruck", "abgedruckt", "nachdruck", "weiterverwend", "weiterverarbeit", "nutzungsrecht",
               "urheberrecht", "quellenangabe", "zitier", "nachnutz", "open data", "offene daten"),
    "monitoring": ("monitoring", "handlungsfeld", "leitfrage", "bildungsbüro", "aufbau",
                   "bildungskonferenz"),
}

#: Words in a section heading that make it fit a topic (for retrieval's section preference).
TOPIC_SECTIONS: dict[str, tuple[str, ...]] = {
    "datenschutz": ("datenschutz", "personenbez", "dsgvo", "pseudonym", "anonym", "art. 9",
                    "kleine fallzahlen", "kategorien", "rechtsgrundlage", "einwilligung",
                    "auftragsverarbeitung", "sozialdaten", "schuldaten", "sgb", "schulgesetz"),
    "geheimhaltung": ("geheimhaltung", "fallzahl", "mindestfallzahl", "dominanz", "rundung",
                      "cell-key", "sozialräume", "kleine"),
    "sonderzeichen": ("sonderzeichen", "zeichen", "punkt als", "fehlende werte"),
    "tabellen": ("genesis", "regionaldatenbank", "tabellen", "tabellencode", "regionalschlüssel",
                 "sonderzeichen"),
    "stichtag": ("stichtag",),
    "ki": ("ki", "künstliche intelligenz", "chatbot", "sprachmodell"),
    "lizenz": ("lizenz", "quellenangaben", "offen bereitstellen", "weiterverwend"),
}

#: Kinds for which a named indicator's catalogue entry leads the answer.
ENTRY_LEADS: frozenset[str] = frozenset({"berechnung", "definition", "datenquelle"})


#: Names of the special symbols of official tables -> the symbol as the guidance texts quote it.
SYMBOLS: dict[str, str] = {
    "schrägstrich": "„/“", "punkt": "„.“", "strich": "„-“", "bindestrich": "„-“", "kreuz": "„x“",
    "x": "„x“", "auslassungspunkte": "„...“", "drei punkte": "„...“", "klammer": "„( )“",
    "null": "„0“",
}
_DUTY = re.compile(r"^\s*(muss|müssen|musst|brauch\w*)\b|\b\w*pflicht\w*\b|\bverpflicht", _F)


@dataclass(frozen=True)
class Question:
    text: str
    kind: Kind
    topics: tuple[str, ...] = ()

    @property
    def is_yes_no(self) -> bool:
        return self.kind == "darf_ich"

    @property
    def asks_duty(self) -> bool:
        """"Muss ich …?": a duty question, answered by the sentence that states the duty."""
        # the question as asked, after any context ("Herr X fragt: … Brauchen wir …?")
        return self.kind == "darf_ich" and any(
            _DUTY.search(x) for x in (self.text, asked(self.text), asked_part(self.text),
                                      _after_opener(asked(self.text))))

    def symbols(self) -> list[str]:
        """The table symbols a question on symbols names ("Was heißt der Schrägstrich?")."""
        if "sonderzeichen" not in self.topics:
            return []
        lowered = self.text.lower()
        return sorted({glyph for name, glyph in SYMBOLS.items()
                       if re.search(rf"(?<![\wäöüß]){re.escape(name)}(?![\wäöüß])", lowered)})

    def about_indicator(self) -> bool:
        """Whether a named indicator's entry should lead (not for "may I … the rate" questions)."""
        return self.kind in ENTRY_LEADS


#: Words in a sentence that put it on a topic (for the lead sentence of a yes/no answer).
TOPIC_SENTENCE_WORDS: dict[str, tuple[str, ...]] = {
    "datenschutz": ("personenbez", "datenschutz", "dsgvo", "einzeldaten", "namen",
                    "besondere kategorie", "gesundheit", "untersagt"),
    "ki": ("ki-dienst", "ki-werkzeug", "ki-system", "externe", "chatbot", "sprachmodell"),
    "geheimhaltung": ("fällen", "fallzahl", "veröffentlich", "gesperrt", "geheim"),
    "bericht": ("veröffentlich", "bericht"),
    "lizenz": ("lizenz", "namensnennung", "weiterverwend", "quelle"),
}


def heading_topics(question: Question, heading: str | None) -> int:
    """How many of the question's topics the section heading names ("Keine personenbezogenen
    Daten in externe KI-Dienste": personal data and AI)."""
    lowered = (heading or "").lower()
    return sum(any(re.search(r"(?<![\wäöüß])" + re.escape(w) + (r"(?![a-zäöüß])" if len(w) <= 3
                                                                   else ""), lowered)
                   for w in TOPIC_SECTIONS.get(t, ())) for t in question.topics)


def topic_patterns(question: Question) -> list[re.Pattern[str]]:
    """One pattern per topic of the question that has sentence words."""
    return [re.compile("|".join(re.escape(w) for w in TOPIC_SENTENCE_WORDS[t]), re.IGNORECASE)
            for t in question.topics if t in TOPIC_SENTENCE_WORDS]


#: Topic words counted at most in one sentence.
TOPIC_WORDS_CAP = 4


def topicality(question: Question, sentence: str) -> int:
    """How much a sentence is on the question's topics: its distinct topic words (at most
    ``TOPIC_WORDS_CAP``), one more when it touches every topic of a question on several."""
    patterns = topic_patterns(question)
    lowered = sentence.lower()
    found = min(TOPIC_WORDS_CAP, len({m.group(0).lower() for p in patterns
                                      for m in p.finditer(lowered)}))
    covered = sum(bool(p.search(lowered)) for p in patterns)
    return found + (1 if covered == len(patterns) > 1 else 0)


#: A small count of people ("ein Kind", "zwei Jugendliche", "ein einziges Kind"): publishing it
#: is a question of confidentiality.
_SMALL_COUNT = re.compile(r"\b(?:ein|eine|einem|einen|zwei|drei|nur ein\w*)\s+(?:einzige[snr]?\s+)?"
                          r"(?:kind|kinder|schüler\w*|jugendliche\w*|abgänger\w*|person\w*|fall|fälle|"
                          r"fällen|familie\w*)\b", _F)


#: Data already published ("die veröffentlichte Landestabelle"): no act of publishing asked.
PUBLISHED_ALREADY = re.compile(r"(?<![\wäöüß])(?:bereits |schon )?(?:veröffentlicht|publiziert)"
                               r"(?:e|en|er|es|em)\b", _F)


def topics_of(text: str) -> tuple[str, ...]:
    lowered = f" {PUBLISHED_ALREADY.sub(' ', text).lower()} "
    found = []
    for topic, cues in TOPIC_WORDS.items():
        if any(re.search(r"(?<![\wäöüß])" + re.escape(cue), lowered) for cue in cues) or (
                topic == "geheimhaltung" and _SMALL_COUNT.search(lowered)):
            found.append(topic)
    return tuple(found)


def _only_how_many(text: str) -> bool:
    """Whether a bare "wie viele" is the only threshold cue ("wie man ausrechnet, wie viele …")."""
    cues = {m.group(0).lower() for m in _THRESHOLD.finditer(text)}
    return bool(cues) and cues <= {"wie viel", "wie viele"}


#: Cue words of the kinds that a typo with two swapped letters should not hide ("berechent").
CUE_WORDS = ("berechnet", "berechnen", "berechne", "gerechnet", "ausgerechnet", "ermittelt",
             "statistik", "tabelle", "quelle", "datenquelle", "stichtag", "erhoben", "zähler",
             "nenner")
#: A computing operation asked about with "darf ich" ("darf ich die Quoten mitteln?"): a
#: question of method when the text also asks how to compute, not one of permission.
_COMPUTING = re.compile(r"\b(mitteln|gemittelt|addier\w*|aufaddier\w*|summier\w*|aufsummier\w*|"
                        r"zusammenzähl\w*|zusammenrechn\w*|durchschnitt\w*|mittelwert\w*)\b", _F)
#: A question opened by how something is computed ("Wie berechnet man …, und ab welcher
#: Klasse?"): a later threshold cue asks for a detail of the computation.
_HOW_COMPUTED = re.compile(r"^\s*(?:\w+ ){0,3}?wie\b[^?–:]*$", _F)


def _computes(t: str) -> bool:
    """Whether a question that also has cues of another kind asks how to compute: it opens by
    asking how, with a compute cue in its first clause, or its "may I" is about a computing
    operation in a question on computing."""
    first = re.split(r"[?–:]", t, maxsplit=1)[0]
    return bool(_COMPUTE.search(first) and _HOW_COMPUTED.match(first)) or bool(
        _COMPUTE.search(t) and _COMPUTING.search(t))


def kind_of(text: str, topics: tuple[str, ...] = ()) -> Kind:
    t = unswap(" ".join(text.split()), CUE_WORDS)
    lead = asked(t)
    # the question as asked, the part after a dash or colon, the main clause after a condition
    heads = (lead, asked_part(t)) + ((main_clause(t),) if conditional(t) else ())
    heads += tuple(m.group(1) for x in heads if (m := _OPENER.match(x)))
    # a small count to be published, written or shown in a report is a confidentiality question
    privacy = "datenschutz" in topics or (
        "geheimhaltung" in topics and _PUBLISHES.search(t) is not None)
    # "Ab wie vielen Fällen darf man …?": the question word asks for a number or a date
    if any(_THRESHOLD_LEAD.search(x) for x in heads) and not (
            _COMPUTE_STRONG.search(t) and not _AT_LEAST.search(t)):
        return "schwelle"
    if _PERMISSION_WORDS.search(t) and not (_computes(t) and not privacy):
        return "darf_ich"
    # "Unser Hauptamt meint, wir müssten auf KI verzichten. Stimmt das?": a claim on a rule
    if claim_of(t) and (_CLAIMED_RULE.search(lead) or privacy
                        or any(x in topics for x in _PERMISSION_TOPICS)):
        return "darf_ich"
    if any(_ASKS_PROPERTY.search(x) for x in heads) and "datenschutz" in topics:
        return "darf_ich"
    # "…: eine KI soll über Förderplätze entscheiden. Geht das rechtlich?": a plan to be judged
    if any(_FEASIBLE.search(x) for x in heads) and lead != t and (
            _LEGALLY.search(lead) or any(x in topics for x in (*_PERMISSION_TOPICS, "ki", "geheimhaltung"))):
        return "darf_ich"
    # "Ist die Quellenangabe Pflicht?", "Sind wir verpflichtet, …?": a must-question
    if any(_VERB_FIRST.search(x) and _DUTY_WORDS.search(x) for x in heads):
        return "darf_ich"
    if any(_PERMISSION_VERB_FIRST.search(x) for x in (t, *heads)) and not _THRESHOLD.search(t):
        return "darf_ich"
    if any(_CAN_VERB_FIRST.search(x) for x in (t, *heads)) and (
            privacy or any(x in topics for x in _PERMISSION_TOPICS)):
        return "darf_ich"
    # "Wenn ich die Namen durch Nummern ersetze, gilt die DSGVO dann noch?": a yes/no question
    # on a rule, its main clause after the condition.
    if privacy and conditional(t) and _RULE_VERB_FIRST.search(main_clause(t)):
        return "darf_ich"
    # "Könnten wir ein KI-System entscheiden lassen, …?": using AI for a task is a permission
    # question; advice ("Sollten wir KI ausprobieren?") is not.
    if "ki" in topics and any(_CAN_ASK.search(x) for x in (t, *heads)):
        return "darf_ich"
    if any(_SOURCE_LEAD.search(x) for x in heads):
        return "datenquelle"
    if _COMPUTE_STRONG.search(t) and not _AT_LEAST.search(t):
        return "berechnung"
    if _THRESHOLD.search(t) and not (_only_how_many(t) and _COMPUTE.search(t)) and not _computes(t):
        return "schwelle"
    if _COMPUTE.search(t):
        return "berechnung"
    if _SOURCE_STRONG.search(t) or (
            _SOURCE.search(t) and not re.match(r"^\s*was (?:bedeute|heiß|ist|sind)", lead, _F)):
        return "datenquelle"
    if _TASK.search(t) or any(_TASK.search(x) for x in heads):
        return "vorgehen"
    # advice: "Mit welchen Kreisen sollten wir uns vergleichen?", "Sollen wir gleich alle
    # Themen angehen?", "Kann ich die Zahlen einfach aneinanderhängen?"
    if any(_ADVICE.search(x) or _ADVICE_FIRST.search(x) for x in heads):
        return "vorgehen"
    return "definition"


#: A claim on what is allowed or required ("wir müssten …", "Schulungen sind freiwillig", "KI
#: sei verboten", "fallen nicht unter die DSGVO").
_CLAIMED_RULE = re.compile(r"\b(darf|dürf\w*|muss|müss\w*|soll\w*|brauch\w*|\w*pflicht\w*|"
                           r"freiwillig|verboten|erlaubt|zulässig|unzulässig|gilt|gelten|fallen|fällt|"
                           r"verzicht\w*)\b", _F)


#: A short opener before the question proper ("mal ehrlich, muss ich …?", "Kurze Frage, darf
#: ich …?"): the question starts after it.
_OPENER = re.compile(r"^\s*(?:[\w-]+\s+){0,2}[\w-]+\s*,\s*(?=\w+\s+(?:ich|wir|man|es|das)\b)(.*)$", _F)


def _after_opener(text: str) -> str:
    """The question after a short opener ("mal ehrlich, muss ich …?" – "muss ich …?")."""
    m = _OPENER.match(text)
    return m.group(1) if m else text


#: A yes/no question for advice on a task (no permission topic in sight).
_ADVICE_FIRST = re.compile(r"^\s*(kann|können|könnte|könnten|soll|sollen|sollte|sollten|"
                           r"macht man|machen wir|fange|fangen)\b", _F)


#: A purpose clause (", damit er mir die Quote ausrechnet", ", um … zu …"): what the asker wants
#: to achieve, not what a "may I …?" question asks about.
_PURPOSE = re.compile(r",\s*(?:damit|um\b[^,?]*\bzu\b)[^?.!]*(?=[?.!]|$)", _F)


def core(question: Question) -> str:
    """The text to search with: for a "may I …?" question without its purpose clause ("Darf ich
    die Klassenliste in einen Chatbot kopieren[, damit er die Quote rechnet]?"), else the text."""
    if question.kind != "darf_ich":
        return question.text
    # "Dürfen wir KI nutzen, um uns Skripte schreiben zu lassen?": the clause names the use
    acting = actions_of(question.text)
    if acting and acting[0].name in WORRY_ACTIONS:
        return question.text
    stripped = _PURPOSE.sub("", question.text).strip()
    # Only when the clause adds no topic ("…, damit die Kolleginnen KI nutzen dürfen" does).
    if len(stripped.split()) < 4 or not set(question.topics) <= set(topics_of(stripped)):
        return question.text
    return stripped


#: What an asked property says of the data: that they are anonymous, or that they (stay) personal.
_ANONYMOUS = re.compile(r"\banonym", _F)
_PERSONAL_STATUS = re.compile(r"personenbe|pseudonym", _F)


@lru_cache(maxsize=256)
def asks_property(text: str) -> str | None:
    """The property a yes/no question asks about ("Ist die Liste damit anonym?" – "anonym",
    "Sind das noch personenbezogene Daten?" – "personenbezogen"), or None. (Cached: every
    verdict on a sentence asks it of the same question.)"""
    m = _ASKS_PROPERTY.search(asked(text))
    if m is None:
        return None
    return "anonym" if _ANONYMOUS.search(m.group(0)) else \
        "personenbezogen" if _PERSONAL_STATUS.search(m.group(0)) else None


def understand(text: str) -> Question:
    topics = topics_of(text)
    return Question(text=text, kind=kind_of(text, topics), topics=topics)


#: (specific, general): with both in a question, only the specific topic focuses the search.
NARROWS = (("sonderzeichen", "tabellen"), ("stichtag", "tabellen"))

#: Topics that focus the search whatever the kind of question (the others only for "may I …").
FOCUS_ANY_KIND = ("sonderzeichen",)

#: Section headings of guidance texts that give a task as numbered steps.
STEP_SECTIONS = ("schritt für schritt",)

def is_how_to(heading: str | None) -> bool:
    """Whether a section gives a task as numbered steps ("Schritt für Schritt: …")."""
    return any(w in (heading or "").lower() for w in STEP_SECTIONS)


#: Publishing asked in a threshold question ("… darf ich einen Wert zeigen?").
_PUBLISHING = re.compile(r"\b(darf|dürfen|zeigen|veröffentlich\w*|ausweisen|ausgewiesen|angeben)\b",
                         _F)

#: Topics that are only the occasion of a "may I …?" question naming an action (the table, its
#: symbol, its date): they do not focus its search; the sections that rule on the action do.
OCCASIONS = ("sonderzeichen", "stichtag")

#: A question that names personal data (the data, not only "Datenschutz" as a worry).
NAMES_PERSONAL = re.compile(
    r"(?<!spalten)(?<!variablen)(?<!datei)namen|personendaten|förderdaten|\w*liste|einzel\w*|personenbez\w*|pseudonym\w*|anonym\w*|geburts\w*|adresse|"
    r"förderbedarf|gesundheit\w*|schuleingang\w*|herkunft|noten\b|sozialdaten|\w*daten (?:der|"
    r"von|über|aus|vom|einzelner)\b|schülerdaten|kinderdaten|befragung|interview|fotos?\b|"
    r"(?:ein|zwei|drei|einzelne[rns]?) (?:kind|schüler\w*|jugendliche\w*|person\w*)", _F)

#: Actions for which data protection is only a worry unless the question names personal data
#: ("Dürfen wir KI wegen des Datenschutzes überhaupt nutzen?"): the sections on using AI at
#: all answer it, not those on personal data.
WORRY_ACTIONS = ("ki_nutzen",)

#: Topics whose sections a "may I …" question prefers when it names none of them.
PERMISSION_TOPICS = ("datenschutz", "geheimhaltung")


def focus_for(question: Question) -> Focus:
    """The question in retrieval's terms: which section headings fit, whether an entry leads."""
    topics = list(question.topics)
    # A specific topic wins over the general one it belongs to (symbols in a table: the symbols).
    for specific, general in NARROWS:
        if specific in topics and general in topics:
            topics.remove(general)
    # "Ab wie vielen Kindern darf ich einen Wert zeigen?": a threshold for publishing is one
    # of confidentiality
    permission = question.kind == "darf_ich" or (
        question.kind == "schwelle" and bool(_PUBLISHING.search(question.text)))
    if permission and not topics:
        topics += PERMISSION_TOPICS
    # "Darf ich den gepunkteten Wert zurückrechnen?": the symbol is the occasion, the action
    # (recomputing) is what is asked; its sections are preferred by the action's words.
    acting = actions_of(question.text) if question.kind == "darf_ich" else ()
    if (acting and acting[0].name in WORRY_ACTIONS and "datenschutz" in topics
            and not NAMES_PERSONAL.search(question.text)):
        topics.remove("datenschutz")
    occasions = [t for t in topics if t in OCCASIONS] if acting else []
    if occasions:
        topics = [t for t in topics if t not in occasions] or list(PERMISSION_TOPICS)
    words: list[str] = []
    for topic in topics:
        words += [w for w in TOPIC_SECTIONS.get(topic, ()) if w not in words
                  and not any(w in TOPIC_SECTIONS.get(o, ()) for o in occasions)]
    if not permission:  # other kinds: only topics narrow enough to name a section
        words = [w for w in words if any(w in TOPIC_SECTIONS[t] for t in FOCUS_ANY_KIND
                                         if t in topics)]
    groups = [tuple(w for w in TOPIC_SECTIONS.get(t, ()) if w in words) for t in topics]
    asked_words = _asked_words(question) if question.kind == "darf_ich" else ()
    return Focus(section_words=tuple(words), entry_leads=question.about_indicator(),
                 entry_inside=question.kind == "schwelle",
                 section_groups=tuple(g for g in groups if g),
                 prefer_words=STEP_SECTIONS if question.kind == "vorgehen" else (),
                 action_words=heading_words(acting), search_terms=search_terms(acting),
                 heading_terms=asked_words,)


def _asked_words(question: Question) -> tuple[str, ...]:
    """The words of a "may I …?" question beyond its frame ("Darf man", "zulässig"), as
    written: the action and the data it asks about; of the question as asked when that names
    two things ("Unsere Datenschutzbeauftragte ist skeptisch. Dürfen wir …?"), else of the
    whole text ("Wir möchten … auswerten. Ist das zulässig?")."""
    frame = frame_stems()
    found: tuple[str, ...] = ()
    for text in (asked(question.text), question.text):
        found = tuple(w for w in re.findall(r"[^\W_]+", text)
                      if any(german.stem(f) not in frame for f in german.words(w)))
        if len(found) >= ASKED_WORDS:
            break
    return found


#: Fewest words beyond its frame with which the question as asked names what it asks about.
ASKED_WORDS = 2
