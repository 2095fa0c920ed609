"""The verdict of a yes/no answer: "Ja", "Nein", "Ja, aber" or "Nur unter Bedingungen", read
off the sentence that decides the question.

A "may I / must I / is it allowed …?" answer starts with its deciding sentence (a quoted rule
such as "Personenbezogene Daten gehören nicht in externe KI-Dienste."). Readers skim: the verdict
word in front says at once how the rule answers the question. It is derived from that one
sentence only, never invented, and only from the part of it that speaks of what the question
asks (its main clause's words, or a topic word standing for them: "Namen" – "personenbezogen"):

- a negation there (``nicht``, ``kein``, ``untersagt``) gives "Nein";
- a restriction there (``nur``, ``sofern``) gives "Nur unter Bedingungen";
- a negation or restriction elsewhere, while the part on the question presupposes the action
  ("Wer ein Skript von einer KI schreiben lässt, gibt ihr nur die Spaltennamen, nicht die
  echten Daten") gives "Ja, aber";
- a permission or duty (``darf``, ``zulässig``, ``Pflicht``) gives "Ja".

A question after a prohibition ("Ist es verboten, …?") or after doing without ("Sollten wir
lieber auf KI verzichten?") turns "Ja" and "Nein" round, and so does a sentence that negates
doing without ("… sollte nicht dazu führen, auf KI ganz zu verzichten"). A sentence on personal
data does not decide a question that names another topic and no personal data. A sentence that
fits none of these, or one that already starts with "Ja"/"Nein", gets no verdict word.
"""

from __future__ import annotations

import re

from assistant.answers.actions import TRUSTING, actions_of, rules_elsewhere
from assistant.answers.clauses import asked as asked_sentence
from assistant.answers.clauses import claim_of
from assistant.answers.clauses import condition, conditional, frame_stems, main_clause
from assistant.answers.question import NAMES_PERSONAL, Question, asks_property, topic_patterns, understand
from assistant.retrieval.german import stem, words

_F = re.IGNORECASE
#: "nicht nur", "nicht mehr nur": a widening, not a negation.
_NOT_ONLY = re.compile(r"\bnicht (?:mehr )?nur\b|\bnicht zuletzt\b|\bnicht immer\b", _F)
_NEGATION = re.compile(r"\b(nicht|nie|niemals|kein\w*|untersagt|verboten|unzulässig|weder)\b", _F)
#: A restriction that makes a rule conditional ("nur mit einer Rechtsgrundlage", "nur
#: erlaubt, wenn"); "nur pseudonymisiert" (merely) is none.
_CONDITION = re.compile(r"\b(nur (?:(?:dann|noch) )?(?:wenn|mit|nach|unter|bei|sofern|soweit|falls|von|"
                        r"über|durch|in|im|für|erlaubt|zulässig|möglich|gestattet|aggregiert\w*|"
                        r"anonymi\w*|zusammengefasst\w*)|ausschließlich (?:dann|wenn)|sofern|soweit|vorausgesetzt|"
                        r"unter (?:der|den) (?:bedingung|voraussetzung)\w*)\b", _F)
#: A rule that depends on the case ("je nach Zusammenhang", "außer wenn", "es sei denn",
#: "hängt davon ab"): the answer is neither yes nor no.
_DEPENDS = re.compile(r"\bje nach (?:dem )?(?:zusammenhang|kontext|fall|einzelfall|situation|lage|zweck)\b|"
                      r"\baußer(?:,)? wenn\b|\bes sei denn\b|\bhängt (?:\w+ ){0,3}davon ab\b|"
                      r"\bnicht in jedem fall\b", _F)
#: A restriction anywhere in a sentence whose part on the question presupposes the action.
_RESTRICTION = re.compile(r"\b(nur|ausschließlich|nicht|kein\w*|sofern|soweit)\b", _F)
#: A question whether something may be done without a check ("ungeprüft", "ohne Prüfung"),
#: and a sentence that requires the check: the answer is no.
_UNCHECKED = re.compile(r"\b(ungeprüft\w*|ohne (?:\w+ )?(?:\w*prüfung|kontrolle|prüfen|"
                        r"test\w*)|blind\w*|einfach (?:so )?(?:vertrauen|übernehmen))\b", _F)
#: Trusting a result without checking it (not "einfach übernehmen", which asks about reuse).
_TRUSTS = re.compile(rf"\b({TRUSTING})\b", _F)
_CHECK_DUTY = re.compile(r"\b(muss|müssen|sollte\w*|immer|stets)\b[^.;]{0,60}\b(\w*prüf\w*|"
                         r"geprüft|kontroll\w*|abgegl\w*|abzugleichen|test\w*)\b", _F)
#: A sentence that states a bound with its number ("mindestens 3 Fälle", "unter 3", "weniger
#: als drei"), and a question that asks for one ("Ab wie vielen …", "mindestens", "Grenze").
BOUND = re.compile(r"\b(mindestens|weniger als|unter|ab|höchstens|mehr als|bis zu|über|"
                   r"kleiner als|größer als)\s+(?:\d|ein\w*\b|zwei|drei|vier|fünf|zehn)|[<>≤≥]\s*\d", _F)
ASKS_BOUND = re.compile(r"\b(ab wie viel\w*|ab welche[rmn]?|mindest\w*|höchstens|grenze\w*|"
                        r"schwelle\w*|wie viele? \w+ (?:muss|müssen|darf|dürfen))\b", _F)
#: Caution about what is asked: allowed, with care.
_CAUTION = re.compile(r"\b(vorsicht\w*|mit bedacht|zurückhaltend|behutsam)\b", _F)
#: "Ja" to "may I …?" needs a permission, "Ja" to "must I …?" a duty ("muss eigens geprüft
#: werden" does not allow anything).
_ALLOWS = re.compile(r"\b(darf|dürfen|zulässig|erlaubt|gestattet|unbedenklich|spricht nichts "
                     r"dagegen)\b", _F)
#: "nicht freiwillig": a duty, not a negation.
_NOT_FREE = re.compile(r"\b(?:nicht|keineswegs) (?:mehr )?(?:freiwillig|optional|beliebig)\b", _F)
#: What is not enough on its own ("Der Vertrag allein ersetzt … nicht", "nicht allein").
_ALONE_NOT = re.compile(r"\ballein\b[^,.;:]{0,50}\b(?:nicht|kein\w*)\b|\bnicht allein\b", _F)
#: A question whether something is optional ("Ist die Schulung freiwillig?").
_ASKS_FREE = re.compile(r"\b(?:freiwillig|optional|beliebig)\b", _F)
#: A purpose clause ("damit Beschäftigte nicht eigenmächtig …", "um … zu"): what a rule is for,
#: not what it says.
_PURPOSE = re.compile(r"^\s*(damit|um)\b", _F)
_OBLIGES = re.compile(r"\b(pflicht\w*|verpflicht\w*|muss|müssen|erforderlich|vorgeschrieben|"
                      r"nötig|notwendig|braucht|brauchen)\b", _F)
#: A question after a prohibition or an exception: the answer's polarity turns round.
_ASKS_PROHIBITION = re.compile(r"\b(verboten|untersagt|unzulässig|strafbar|nicht erlaubt|"
                               r"nicht zulässig)\b", _F)
#: Doing without: "verzichten", "lieber gar nicht nutzen". It turns the polarity round too.
_ABSTAIN = re.compile(r"\b(verzicht\w*|unterlass\w*|abseh\w*|(?:gar|überhaupt|lieber|besser) "
                      r"nicht)\b", _F)
#: Using a thing: the opposite of doing without it.
_USE = re.compile(r"\b(einsetz\w*|nutz\w*|benutz\w*|verwend\w*|gebrauch\w*|arbeiten|"
                  r"ausprobier\w*|anwend\w*)\b", _F)
#: "Kann ich … nicht einfach …?": a particle, not a question asked in the negative.
_RHETORICAL = re.compile(r"\bnicht (?=(?:einfach|auch|eigentlich|etwa|doch|trotzdem|schon|"
                         r"gleich|direkt)\b)", _F)
#: A question asked in the negative ("gilt sie dann nicht mehr?", "braucht es keine …?"): the
#: answer is a sentence without a verdict word, whose reading is not in doubt.
_NEGATIVE_QUESTION = re.compile(r"\b(nicht|nie|kein\w*)\b", _F)
#: A sentence saying a rule still holds.
_STILL = re.compile(r"\b(weiter|weiterhin|bleib\w*|trotzdem|dennoch|nach wie vor)\b", _F)
_ALREADY = re.compile(r"^\s*(ja|nein|nur)\b", _F)
#: Words that make a sentence a rule on personal data.
_PERSONAL = re.compile(r"personenbez|einzeldaten|besondere[nr]? kategorie|gesundheitsdaten|"
                       r"sozialdaten", _F)
#: Words of a question's main clause that name nothing ("gilt die DSGVO dann noch?").
_PARTICLES = frozenset(stem(w) for w in words(
    "dann noch mehr ohne auch also nun denn dies diese jetzt schon einfach wirklich eigentlich "
    "überhaupt lieber gar ganz frei bitte uns unsere"))

#: A permission or duty negated in the same clause ("darf … nicht", "nicht zulässig", "ist
#: unzulässig"): the sentence denies what it names.
_DENIED = re.compile(r"\b(?:darf|dürfen|muss|müssen)\b[^,.;:]{0,60}\b(?:nicht|nie|niemals|"
                     r"kein\w*)\b|\b(?:nicht|nie|kein\w*)\b[^,.;:]{0,40}\b(?:zulässig|erlaubt|"
                     r"gestattet)\b|\b(?:untersagt|verboten|unzulässig)\b", _F)

#: An exception a prohibition names ("…, solange keine der Ausnahmen greift", "es sei denn, …",
#: "außer mit …", "sofern nicht …"): the prohibition holds only while the exception does not, so
#: the answer is "only under conditions", not a plain "no".
_EXCEPTION = re.compile(r"\bsolange (?:\w+ ){0,3}(?:kein\w*|nicht)\b|\bes sei denn\b|"
                        r"\baußer(?:,)? (?:wenn|falls|mit|bei|nach)\b|\b(?:sofern|soweit) (?:\w+ ){0,4}"
                        r"(?:nicht|kein\w*)\b|\bausgenommen\b|\bmit ausnahme\b|"
                        r"\bausnahme\w* (?:\w+ ){0,4}(?:greift|greifen|vorliegt|vorliegen)\b", _F)
#: A question on data about single persons ("je Kind", "einzelner Schüler", "mit Namen",
#: health or special categories).
_PERSONAL_DATA_ASKED = re.compile(rf"{NAMES_PERSONAL.pattern}|\bje (?:kind|schüler\w*|person|familie)\b|"
                                  r"\beinzelne[rn]? (?:kind\w*|schüler\w*|person\w*|familie\w*|"
                                  r"jugendliche\w*)|\bbefund\w*|\bdiagnose\w*|\bgesundheit\w*|"
                                  r"\bbehinderung\w*", _F)
#: A question that names a count of its own ("zwei Kinder", "nur ein Fall", "ein einziger
#: Schüler", "weniger als drei"): a rule with a bound decides it by the number.
_SPECIFIC_COUNT = re.compile(r"(?<![\w.,-])\d{1,3}(?![\w.,-])|\b(?:zwei|drei|vier|fünf|einzig\w*|"
                             r"weniger als|unter)\b|\b(?:nur|genau|bloß|lediglich) ein\w*\b|"
                             r"\bein(?:e[nmr]?)? (?:fall|kind|schüler\w*|person|jugendliche\w*|familie)\b",
                             _F)

#: A bound on how many cases a published figure holds ("mindestens 3 Fälle", "weniger als drei
#: Fällen", "unter 100 Personen").
_COUNT_BOUND = re.compile(r"\b(?:mindestens|weniger als|unter|höchstens|mehr als|kleiner als|ab)\s+"
                          r"(?:\d+|zwei|drei|vier|fünf|zehn)\s+(?:\w+ )?(?:fäll|fall|person|kind|schüler|"
                          r"leistungsberecht|einwohner|antwort|befragt|teilnehm)\w*", _F)

#: A question whether a thing may be treated like others ("wie ganz normale Daten behandeln",
#: "genauso wie andere Listen"): an exception to a prohibition does not make it like them.
_ASKS_SAME = re.compile(r"\b(?:genauso|ebenso|gleich|einfach so) wie\b|\bwie (?:\w+ ){0,2}(?:normale|"
                        r"gewöhnliche|andere|alle|übliche|sonstige)\w*\b", _F)

YES, NO, YES_BUT, CONDITIONAL = "Ja", "Nein", "Ja, aber", "Nur unter Bedingungen"
#: The verdict on a negative claim from the verdict on the claim asked positively.
_TURNED = {YES: NO, YES_BUT: NO, NO: YES, CONDITIONAL: CONDITIONAL}


def asked_stems(question: str) -> set[str]:
    """Stems of what the question's main clause names (not its modal frame or particles)."""
    return {stem(w) for w in words(main_clause(question)) if len(w) >= 3} - frame_stems() \
        - _PARTICLES


#: Verbs that frame rather than name the action ("sein", "lassen").
_AUX = frozenset({"sein", "werden", "haben", "lassen", "machen", "tun", "geben"})


def asked_verbs(question: str) -> set[str]:
    """Stems of the action a yes/no question asks about: the infinitive that ends each of its
    main clause's coordinated parts ("… Skripte schreiben lassen und die dann ausprobieren?" –
    "schreiben", "ausprobieren")."""
    out: set[str] = set()
    for part in re.split(r"\b(?:und|oder)\b|,", main_clause(question)):
        tail = [w for w in re.findall(r"[a-zäöüß]+", part) if w not in _AUX]
        verbs = [w for w in tail[-2:] if re.search(r"(?:en|ern|eln)$", w) and len(w) > 4]
        out |= {stem(v) for w in verbs for v in words(w)} - frame_stems()
    return out


def _part(a: str, b: str) -> bool:
    """Same stem, or one a compound part of the other at least five letters long."""
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 5 and (long_.startswith(short) or long_.endswith(short)))


def _pieces(sentence: str) -> list[str]:
    """The sentence's clauses, split at commas, colons and dashes; a piece without a noun of
    its own ("…, also Felder mit zwei Fällen, werden nicht veröffentlicht") continues the one
    before it."""
    out: list[str] = []
    for piece in (p for p in re.split(r"[,;:]|\s[–-]\s", sentence) if p.strip()):
        # "kein Grund, auf KI zu verzichten": a zu-infinitive belongs to the clause before it
        infinitive = re.match(r"\s*[a-zäöüß]", piece) and re.search(r"\bzu \w+\W*$", piece)
        if out and not _PURPOSE.match(piece) and (
                infinitive or not re.search(r"(?<![\w-])[A-ZÄÖÜ]", piece)):
            out[-1] = f"{out[-1]},{piece}"
        else:
            out.append(piece)
    return out


def _named(piece: str, asked: set[str], patterns: list[re.Pattern[str]]) -> set[str]:
    """The words of ``piece`` that name what the question asks (a topic word counts)."""
    return {w for w in re.findall(r"[\w-]+", piece.lower())
            if any(_part(a, b) for a in asked for b in {stem(x) for x in words(w)})
            or any(p.search(w) for p in patterns)}


def _on(piece: str, asked: set[str], patterns: list[re.Pattern[str]]) -> bool:
    return bool(_named(piece, asked, patterns))


#: A clause that only qualifies a noun ("…, das nur einen Chatbot nutzt") or extends a negation
#: already made ("auch nicht für …"): not where the verdict is read.
_RELATIVE = re.compile(r"^\s*(?:der|die|das|dem|den|deren|dessen|denen)\s+[a-zäöüß]", 0)
_EXTENDS = re.compile(r"\bauch nicht (?=für|bei|in|wenn|im|beim)\b", _F)
#: Words that frame a question on publishing ("Dürfen wir im Bericht angeben, dass …"): the
#: thing asked about is what is published, so they do not make a sentence name it.
_PUBLICATION = frozenset(stem(w) for w in words(
    "bericht berichte veröffentlichen veröffentlicht angeben schreiben zeigen nennen darstellen"))


def _publication(word: str) -> bool:
    return all(any(_part(f, stem(w)) for f in _PUBLICATION) for w in words(word))


def names_asked(question: str, sentence: str) -> bool:
    """Whether ``sentence`` names something the question asks about beyond the frame of
    publishing ("im Bildungsbericht"): a word of its main clause or a topic word."""
    asked, patterns = asked_stems(question), topic_patterns(understand(question))
    return any(not _publication(w) for p in _pieces(sentence) for w in _named(p, asked, patterns))


def depends_on_case(question: str, sentence: str) -> bool:
    """Whether a clause of ``sentence`` on what the question asks makes the answer depend on
    the case ("Den Strich behandelt man je nach Zusammenhang als 0 oder als fehlend", "…
    kann als null gelesen werden, außer wenn …"): it decides a yes/no question as "only
    under conditions", more precisely than a general rule."""
    asked, patterns = asked_stems(question), topic_patterns(understand(question))
    return any(_DEPENDS.search(p) and _on(p, asked, patterns) for p in _pieces(sentence))


#: Words of the question a sentence must name when it has no rule shape (strict).
STRICT_WORDS = 1


#: Data that hold no personal data: published or aggregated tables of official statistics
#: ("die öffentliche Kreistabelle", "Tabellen aus der Regionaldatenbank", "aggregierte Zahlen").
_PUBLIC_DATA = re.compile(
    r"\b(?:öffentlich|veröffentlicht|aggregiert|amtlich|publiziert|frei verfügbar)\w* (?:\w+ )?"
    r"\w*(?:tabelle|daten|zahlen|statistik|werte)\w*|\bregionalstatistik\w*|"
    r"\bregionaldatenbank\w*|\bgenesis\b|\bkreistabelle\w*|\bstatistikportal\w*|\bopen data\b|"
    r"synthetisch\w* (?:\w+ )?daten|\bsummen\w*|\bsummiert\w*|"
    # made-up data and the bare structure ("nur Spaltennamen und erfundene Beispieldaten")
    r"\berfunden\w* (?:\w+ )?(?:daten|beispiel\w*|werte)|\b\w*beispieldaten\b|\btestdaten\b|"
    r"\bspaltennamen\b", _F)
#: Actions that are a worry for data protection (not licence or publishing).
_DATA_ACTIONS = frozenset({"ki_eingeben", "ki_nutzen", "weitergeben", "zusammenfuehren", "speichern"})


def asks_public_data(question: str) -> bool:
    """Whether a question asks to hand published or aggregated official data to someone (an AI
    service, another office) and names no personal data: the rule on personal data does not
    decide it, the sentence that allows such data does."""
    return (bool(_PUBLIC_DATA.search(question)) and not NAMES_PERSONAL.search(question)
            and any(a.name in _DATA_ACTIONS for a in actions_of(question)))


def allows_public_data(question: str, sentence: str) -> bool:
    """Whether ``sentence`` allows published or aggregated data as such ("Unbedenklich sind
    veröffentlichte, aggregierte Tabellen …") for a question on such data."""
    return (asks_public_data(question) and bool(_PUBLIC_DATA.search(sentence.replace(",", "")))
            and verdict(question, sentence) in (YES, YES_BUT))


#: Anonymised data a question names ("vollständig anonymisierte Schülerdaten").
_ANONYMISED = re.compile(r"\banonymisiert\w*|\banonym\w*\b(?! ?bleib)", _F)
#: A piece of a sentence saying that data are not personal or that data protection law does not
#: apply to them ("für anonyme Daten gilt die DSGVO nicht", "sind keine personenbezogenen Daten").
_NOT_PERSONAL = re.compile(r"\bkein\w* (?:personenbezogen\w*|personenbeziehbar\w*|angaben über einzeln\w*)|"
                           r"\bfallen (?:\w+ ){0,3}nicht (?:mehr )?unter\b", _F)
_LAW_NOT = re.compile(r"\b(?:gilt|gelten|greift|greifen)\b[^.;:]{0,60}\bnicht\b", _F)
_LAW = re.compile(r"\b(?:dsgvo|datenschutzrecht\w*|datenschutz-grundverordnung)\b", _F)


def asks_non_personal(question: str) -> bool:
    """Whether a may-I question is about data that are not personal: published or aggregated
    tables (``asks_public_data``) or data it calls anonymised."""
    return (bool(_PUBLIC_DATA.search(question)) and not NAMES_PERSONAL.search(question)) or bool(
        _ANONYMISED.search(question))


#: A question on pseudonymised data: it says so, or it replaces the names ("die Namen durch
#: Nummern ersetzen", "die Vornamen durch Kürzel", "statt der Namen Kürzel verwenden").
_PSEUDONYMISED = re.compile(r"\bpseudonym\w*|\b\w*namen?\b[^?]{0,60}\b(?:durch|gegen)\b[^?]{0,60}\b"
                            r"(?:ersetz\w*|austausch\w*|tausch\w*)|\bstatt (?:der |des )?namen?\b", _F)
#: A sentence saying that such data stay personal ("sie bleiben personenbezogene Daten", "…
#: erreicht nur Pseudonymisierung").
_STAYS_PERSONAL = re.compile(r"\bbleib\w* (?:\w+ ){0,3}personen(?:bezogen|beziehbar)\w*|"
                             r"\bpersonen(?:bezogen|beziehbar)\w* bleib\w*|\bnur (?:eine )?pseudonymisierung\b",
                             _F)


def stays_personal(question: str, sentence: str) -> bool:
    """Whether ``sentence`` says that pseudonymised data stay personal, for a question on
    such data ("Darf ich die Liste in den Chatbot geben, wenn ich die Namen durch Nummern
    ersetze?"): the condition the question states changes nothing, and this sentence says why."""
    return bool(_PSEUDONYMISED.search(question) and _STAYS_PERSONAL.search(sentence))


def rules_non_personal(question: str, sentence: str, duty: bool = False) -> bool:
    """Whether ``sentence`` says that the data a question calls anonymised or published are not
    personal, or that the law does not apply to them ("für wirklich anonyme Daten gilt die
    DSGVO nicht"): for such a question it decides, before a rule on personal data."""
    return (asks_non_personal(question) and any(_not_personal(p) for p in _pieces(sentence))
            and verdict(question, sentence, duty) == (NO if duty else YES))


def _not_personal(piece: str) -> bool:
    """Whether ``piece`` says that data are not personal or that the law does not apply."""
    return bool(_NOT_PERSONAL.search(piece) or (_LAW_NOT.search(piece) and _LAW.search(piece)))


#: A question that also asks what the action needs ("…, und was braucht es dafür?", "unter
#: welchen Voraussetzungen …?"): it presupposes that the action is possible under conditions.
_ASKS_CONDITIONS = re.compile(r"\b(?:was (?:braucht|brauchen|benötig\w*|muss|müssen)|welche[rn]? "
                              r"(?:\w+ )?(?:voraussetzung|bedingung|vertr[aä]g|vorgabe)\w*|unter "
                              r"welchen)\b", _F)
#: A sentence that states what the action requires ("Wer … eingeben lässt, braucht einen
#: Auftragsverarbeitungsvertrag nach Art. 28 DSGVO").
_REQUIRES = re.compile(r"^\s*wer\b[^.]*,\s*(?:braucht|benötigt|muss)\b|\bsetzt (?:\w+ ){0,3}voraus\b|"
                       r"\berfordert\b", _F)


def states_requirement(question: str, sentence: str) -> bool:
    """Whether ``sentence`` states what the asked action requires, for a question that asks
    for it: it decides "Nur unter Bedingungen"."""
    return (bool(_ASKS_CONDITIONS.search(question)) and bool(_REQUIRES.search(sentence))
            and names_asked(question, sentence) and not off_topic(understand(question), sentence)
            and not _DENIED.search(sentence))


#: Conditions a may-I question can state that change its verdict (a contract, consent,
#: anonymised data, an own server, a cooperation agreement, a legal basis, the data protection
#: officer's consent): how the question and how a rule name each. (Pseudonymised data change
#: nothing, they stay personal: the general rule decides, and aggregated data have their own
#: rule, ``allows_public_data``.)
_STATED = (
    (r"vertrag|auftragsverarbeitung|\bavv\b|it-dienstleister", r"vertrag|auftragsverarbeitung"),
    (r"einwillig|eingewilligt|zugestimmt|zustimmung|einverständnis|einverstanden",
     r"einwillig|zustimmung"),
    (_ANONYMISED.pattern, r"\banonyme\w*\b|\banonymisiert"),
    (r"eigene\w* server|lokal\w*|on-?premise|selbst betrieben|im eigenen haus|eigene\w* rechenzentrum",
     r"lokal\w*|eigene\w* server|servern der kommune|im eigenen haus|im haus"),
    (r"kooperationsvereinbarung|kooperationsvertrag", r"kooperationsvereinbarung"),
    (r"rechtsgrundlage|gesetzliche grundlage", r"rechtsgrundlage"),
    (r"datenschutzbeauftragte", r"datenschutzbeauftragte"),
)
#: A condition a sentence names only to exclude it ("ohne solchen Vertrag", "ersetzt diesen
#: Vertrag nicht"): not met.
_WITHOUT = re.compile(r"\b(?:ohne|kein\w*)\s+(?:\w+\s+){0,2}$", _F)
_NOT_AFTER = re.compile(r"\s+nicht\b", _F)


def stated_conditions(question: str) -> list[str]:
    """The sentence patterns of the conditions ``question`` states ("…, wenn die Stadt dafür
    einen Vertrag hat?" – the contract), in the question as asked."""
    # (a context sentence states one too: "Die Stadt führt über ihren IT-Dienstleister einen
    # Cloud-KI-Assistenten ein. Dürfen wir …?")
    text = question if claim_of(question) is None else asked_sentence(question)
    return [rule for asks, rule in _STATED if re.search(asks, text, _F)]


def meets_condition(question: str, sentence: str, duty: bool = False) -> bool:
    """Whether ``sentence`` rules on a condition the question states ("Auch wenn die Kommune
    einen Vertrag hat, dürfen personenbezogene Daten nur dann …"): with such a condition the
    general rule ("Personenbezogene Daten gehören nicht in externe KI-Dienste.") does not decide,
    the rule on the condition does."""
    asked_main = main_clause(question)
    stated = stated_conditions(question)
    for asks, rule in _STATED:
        if rule not in stated:
            continue
        # "Brauchen wir dafür eine Rechtsgrundlage?": what a duty question names in its main
        # clause is what it asks about; only a sentence stating that duty rules on it
        wanted = (YES,) if duty and re.search(asks, asked_main, _F) else (YES, NO, YES_BUT, CONDITIONAL)
        named = [m for m in re.finditer(rf"[\w-]*(?:{rule})[\w-]*", sentence, _F)
                 if not _WITHOUT.search(sentence[: m.start()])
                 and not _NOT_AFTER.match(sentence[m.end():])]
        if named and names_asked(question, sentence) and not off_topic(understand(question), sentence) \
                and verdict(question, sentence, duty) in wanted:
            return True
    return False


#: A sentence that grants a condition first ("Auch wenn die Kommune einen Vertrag hat, …"): it
#: rules on that condition, and leads only for a question that states it.
_CONCEDES = re.compile(r"^\s*(?:auch|selbst|sogar) (?:wenn|mit|bei|falls)\b", _F)


def concedes_unstated(question: str, sentence: str) -> bool:
    """Whether ``sentence`` opens with a condition granted ("Auch wenn …") that the question
    does not state."""
    if _CONCEDES.match(sentence):
        return not meets_condition(question, sentence)
    # (likewise "Der Vertrag allein ersetzt die Rechtsgrundlage nicht" for a question that names
    # no contract: it speaks of a condition not asked about)
    alone = _ALONE_NOT.search(sentence)
    if alone:  # the condition is what stands before "allein"
        stated, named = stated_conditions(question), sentence[: alone.start()]
        return any(rule not in stated and re.search(rule, named, _F) for _, rule in _STATED)
    return False


def requires_check(question: str, sentence: str) -> bool:
    """Whether ``sentence`` requires the check a question wants to skip ("Kann ich dem
    KI-Skript einfach vertrauen?" – "KI-Ergebnisse müssen … immer fachlich geprüft werden"):
    it decides the question "Nein"."""
    return bool(_UNCHECKED.search(question) and _CHECK_DUTY.search(sentence)
                and not off_topic(understand(question), sentence))


def _names_action(question: str, pieces: list[str]) -> bool:
    verbs = asked_verbs(question)
    said = {stem(w) for p in pieces for w in words(p)}
    return any(_part(v, b) for v in verbs for b in said)


def off_topic(question: Question, sentence: str) -> bool:
    """A rule on personal data for a question on another topic that names no personal data
    ("Dürfen wir uns von einer KI Skripte schreiben lassen?", "Sollten wir wegen des
    Datenschutzes auf KI verzichten?")."""
    other = set(question.topics) - {"datenschutz"}  # what it is about instead ("KI")
    # (a sentence saying that data hold no personal data is no rule on personal data)
    return (bool(other) and bool(_PERSONAL.search(sentence))
            and not NAMES_PERSONAL.search(question.text) and not _HOLDS_NONE.search(sentence))


#: A sentence saying that data hold no personal data ("Solche Tabellen enthalten keine
#: personenbezogenen Daten", "sie fallen nicht unter die DSGVO"), not a rule against entering them.
_HOLDS_NONE = re.compile(r"\b(?:enthalt\w*|enthält|sind|ist|bleiben) (?:\w+ ){0,2}kein\w* "
                         r"(?:personenbezogen|personenbeziehbar|angaben über einzeln)\w*|"
                         r"\bfallen (?:\w+ ){0,3}nicht (?:mehr )?unter\b", _F)


#: A rule on small counts ("Felder mit weniger als 3 Fällen werden nicht veröffentlicht").
_SMALL_COUNT_RULE = re.compile(r"weniger als (?:3|drei)\b|\bunter (?:3|drei)\b|<\s?3\b|kleine\w* fallzahl|"
                               r"mindestfallzahl|ein oder zwei f[äa]ll", _F)
#: A question that names a count, a figure or a cell ("zwei Jugendliche", "die Zahl der …",
#: "gepunktete Werte", "Fallzahlen je Schule").
_NAMES_COUNT = re.compile(r"\d|\b(?:eine[mnrs]?|zwei|drei|vier|fünf|wenige\w*|einzeln\w*|einzige\w*)\b|"
                          r"zahl|fälle|fallzahl|werte?\b|wert[en]\b|zelle|feld|felder|gepunktet|gesperrt|"
                          r"klein\w*|anteil|quote", _F)


def counts_elsewhere(question: str, sentence: str) -> bool:
    """A rule on small counts for a question that names no count ("Dürfen wir Tabellen aus
    der Regionaldatenbank im Bericht verwenden?" is decided by the licence, not by "Felder
    mit weniger als 3 Fällen werden nicht veröffentlicht")."""
    return bool(_SMALL_COUNT_RULE.search(sentence)) and not _NAMES_COUNT.search(question)


def _asked_negative(clause: str) -> bool:
    """Whether the main clause asks in the negative ("gilt … nicht mehr?"), not counting
    particles ("nicht einfach") and doing without ("gar nicht")."""
    clause = _ABSTAIN.sub(" ", _RHETORICAL.sub(" ", clause))
    return bool(_NEGATIVE_QUESTION.search(clause))


def verdict(question: str, sentence: str, duty: bool = False, strict: bool = False) -> str | None:
    """The verdict word for ``sentence`` as the answer to ``question`` (``duty``: a "must I
    …?" question), or None; ``strict``: None also when no part of the sentence names what the
    question asks (for a sentence without the shape of a rule)."""
    if _ALREADY.search(sentence):
        return None
    status = asks_property(question)
    if status is not None and stays_personal(question, sentence):
        # "Ist die Liste damit anonym?" – "… erreicht nur Pseudonymisierung": the sentence says
        # whether the data stay personal, which answers what is asked of them
        return NO if status == "anonym" else YES
    if status == "anonym" and any(_not_personal(p) for p in _pieces(sentence)):
        return None  # "Anonyme Daten … fallen nicht unter die DSGVO": what anonym means
    if not duty and states_requirement(question, sentence):
        return CONDITIONAL
    understood = understand(question)
    if (off_topic(understood, sentence) or rules_elsewhere(actions_of(question), sentence)
            or counts_elsewhere(question, sentence)):
        return None
    # the polarity of the question is its own, not that of what it would say ("…, dass ein
    # Kind keine Empfehlung bekam?")
    clause = re.split(r",\s*(?:dass|daß|ob)\b", main_clause(question))[0]
    # ("Die Chefin hält KI für verboten. Dürfen wir …?": the context does not turn it round)
    turned = bool(_ASKS_PROHIBITION.search(asked_sentence(question))) != bool(_ABSTAIN.search(clause))
    if _asked_negative(clause) and not _ASKS_PROHIBITION.search(asked_sentence(question)):
        # a negative claim to check ("X meint, das dürften wir nicht. Stimmt das?"): the
        # verdict on the claim asked positively, turned round ("Nein" says it is wrong)
        # ("… fallen nicht mehr unter die DSGVO" – "die DSGVO gilt weiter" first)
        still = _STILL.search(sentence) and not _NEGATION.search(_NOT_ONLY.sub(" ", sentence))
        if still:
            return NO
        positive = _NEGATIVE_QUESTION.sub(" ", asked_sentence(question)) \
            if claim_of(question) is not None else None
        found_positive = verdict(positive, sentence, duty, strict) if positive else None
        # otherwise (no claim, or none decided) "Ja"/"Nein" would be ambiguous
        return _TURNED.get(found_positive) if found_positive else None
    if not duty and stays_personal(question, sentence):
        # "Darf ich …, wenn ich die Namen durch Nummern ersetze?" – "sie bleiben
        # personenbezogene Daten": the rule on personal data still holds
        return YES if turned else NO
    if duty and _ALONE_NOT.search(sentence):
        # "Brauchen wir einen Vertrag?" – "Der Vertrag allein ersetzt die Rechtsgrundlage
        # nicht": says what is not enough, not whether it is needed
        return None
    if _ASKS_FREE.search(clause) and _NOT_FREE.search(sentence):
        # "Ist die Schulung freiwillig?" – "Schulungen sind also nicht freiwillig"
        return NO
    text = _EXTENDS.sub("auch ", _NOT_FREE.sub("Pflicht", _NOT_ONLY.sub(" ", sentence)))
    pieces = [p for p in _pieces(text) if not _PURPOSE.match(p) and not _RELATIVE.match(p)]
    asked, patterns = asked_stems(question), topic_patterns(understood)
    on = [p for p in pieces if _on(p, asked, patterns)]
    off = [p for p in pieces if p not in on]
    # a check the question wants to skip ("einfach vertrauen") decides without naming its words
    checks = bool(_UNCHECKED.search(question)) and any(_CHECK_DUTY.search(p) for p in pieces)
    # without a rule's shape, a "must I …?" question is decided only by a sentence on a duty
    if strict and duty and not (_OBLIGES.search(text) or "Pflicht" in text):
        return None
    if strict and not checks and len({w for p in on for w in _named(p, asked, patterns)
                                      if not _publication(w)}) < STRICT_WORDS:
        return None
    if not on:  # nothing of the question named: the sentence as a whole
        on, off = pieces, []
    if _UNCHECKED.search(question) and any(_CHECK_DUTY.search(p) for p in on):
        # "Kann ich das Skript ungeprüft nutzen?" – "KI-Ergebnisse müssen geprüft werden."
        return YES if turned else NO
    if _ABSTAIN.search(clause) and not any(_ABSTAIN.search(p) for p in on):
        return None  # "Sollten wir auf KI verzichten?" is decided by a sentence on doing without
    if any(_DEPENDS.search(p) for p in on):
        # "Den Strich behandelt man je nach Zusammenhang als 0 oder als fehlend": neither yes
        # nor no; it depends on a condition the sentence names
        return CONDITIONAL
    if any(_NEGATION.search(p) for p in on) and all(denies_other(question, p) for p in on
                                                    if _NEGATION.search(p)):
        return None  # "Diagramme … dürfen die Daten nicht verzerren": not what is asked
    if asks_non_personal(question) and any(_NEGATION.search(p) for p in on) and all(
            _not_personal(p) for p in on if _NEGATION.search(p)):
        # "Dürfen wir anonymisierte Daten weitergeben?" – "für wirklich anonyme Daten gilt die
        # DSGVO nicht": the rule on personal data does not restrict them (nor oblige: "Brauchen
        # wir dafür eine Einwilligung?" – "Nein")
        found = NO if duty else YES
    elif any(_NEGATION.search(p) for p in on):
        # "sollte nicht dazu führen, auf KI ganz zu verzichten": not doing without, which
        # answers a question on using a thing or on doing without it, and nothing else
        abstains = any(_ABSTAIN.search(p) for p in on)
        if abstains and not (_USE.search(clause) or _ABSTAIN.search(clause)
                             or _asks_use(question)):
            return None
        if abstains and not _ABSTAIN.search(clause) and _PERSONAL_DATA_ASKED.search(question):
            # "Darf ich die Befunde je Kind mit einem KI-Werkzeug auswerten?" asks about the
            # data, which not doing without AI at all does not decide
            return None
        found = YES if abstains else NO
    elif _CONDITION.search(" ".join(on)):
        return CONDITIONAL
    elif _CAUTION.search(" ".join(on)):
        return YES_BUT  # "Vorsicht ist bei Ursachen geboten"
    elif (_OBLIGES if duty else _ALLOWS).search(" ".join(on)):
        found = YES
    elif (off and any(_RESTRICTION.search(p) for p in off) and _names_action(question, on)
          and not any(_CHECK_DUTY.search(p) for p in on)):
        # (not when the part on the action only asks for a check: "KI für Entscheidungen …
        # muss eigens geprüft werden" allows nothing)
        # the action is presupposed; the restriction is on how ("…, ist nur mit einer
        # Rechtsgrundlage zulässig" is a condition on the permission itself)
        if any(_CONDITION.search(p) and _ALLOWS.search(p) for p in off):
            return CONDITIONAL
        return YES_BUT
    elif (_OBLIGES if duty else _ALLOWS).search(text):
        found = YES
    else:
        return None
    if (found in (YES, NO) and not _ASKS_SAME.search(clause)
            and _holds_under_conditions(question, text, on, found)):
        # "…ist grundsätzlich untersagt, solange keine der Ausnahmen greift", "Werte mit
        # weniger als drei Fällen werden nicht veröffentlicht" for a question naming no count
        return CONDITIONAL
    if found == YES and not turned and _TRUSTS.search(question):
        # "Kann ich dem KI-Skript einfach vertrauen?" is decided by a sentence on checking it,
        # not by one that allows using AI at all
        return None
    if (found == YES and not turned and not _ABSTAIN.search(text)
            and _DENIED.search(_NOT_ONLY.sub(" ", text))):
        # "…, darf ein Bildungsbüro nicht einfach zusammenführen.": a permission the sentence
        # itself negates is never a "Ja"; with its conditions named, "Nur unter Bedingungen"
        return CONDITIONAL if _CONDITION.search(text) else NO
    if turned:
        return YES if found == NO else NO
    return found


def _holds_under_conditions(question: str, text: str, on: list[str], found: str) -> bool:
    """Whether a "no" or "yes" the sentence gives holds only under a condition it names: a
    prohibition with its exception ("…, es sei denn, …"), or a rule with a bound on the count
    ("mit weniger als 3 Fällen … nicht", "mindestens 3 Fälle, damit …") for a question that
    names no count of its own (the rule then says under which counts it is allowed)."""
    negated = [p for p in on if _NEGATION.search(p)]
    if found == NO and negated and _EXCEPTION.search(text):
        return True
    bounded = [p for p in (negated if found == NO else on) if _COUNT_BOUND.search(p)
               or _SMALL_COUNT_RULE.search(p)]
    return bool(bounded) and not _SPECIFIC_COUNT.search(asked_sentence(question))


#: A clause that denies a permission with its verbs at the end ("… dürfen die Daten nicht
#: verzerren"): what follows the negation.
_DENIED_TAIL = re.compile(r"\b(?:darf|dürfen|sollte|sollten|soll|sollen)\b[^,.;:]{0,80}?\b(?:nicht|nie|"
                          r"niemals)\b([^,.;:]*)$")


def denies_other(question: str, piece: str) -> bool:
    """Whether a clause denies doing something the question does not speak of at all ("…
    dürfen die Daten nicht verzerren" to "Darf ich … übernehmen und weitergeben?"): none of
    the verbs after its negation is a word of the question or names an asked action."""
    m = _DENIED_TAIL.search(piece.strip().rstrip(".!?"))
    if m is None:
        return False
    verbs = [w for w in re.findall(r"\b[a-zäöüß]+(?:en|ern|eln)\b", m.group(1))
             if w not in {"werden", "sein", "lassen", "haben"}]
    if not verbs:
        return False
    said = {stem(w) for w in words(question) if len(w) >= 3}
    acting = actions_of(question)
    return not any(any(_part(stem(v), s) for s in said)
                   or any(a.cue.search(v) or any(v.startswith(x[:6]) for x in a.terms)
                          for a in acting) for v in verbs)


def _asks_use(question: str) -> bool:
    """Whether the question asks about using AI at all, in any words ("Darf ich mir von einer
    KI … schreiben lassen, oder ist das tabu?"): not doing without it answers it."""
    return any(a.name == "ki_nutzen" for a in actions_of(question))


def on_asked(question: str, sentence: str) -> bool:
    """Whether ``sentence`` speaks of what a question asked under a condition ("Wenn ich …, darf
    ich die Datei …?") asks: two in five of its main clause's words, or one of them and one of
    the condition's (a topic word counts: "Namen" – "personenbezogen"). A sentence on the
    condition alone does not decide it. True for other questions."""
    if not conditional(question) or stays_personal(question, sentence):
        # (a sentence saying that the data the condition makes stay personal decides: the
        # condition changes nothing)
        return True
    asked = asked_stems(question)
    if not asked:
        return True
    said = {stem(w) for w in words(sentence)}
    found = sum(any(_part(a, b) for b in said) for a in asked)
    if found / len(asked) >= ON_ASKED:
        return True
    cond = {stem(w) for w in words(condition(question)) if len(w) >= 3} - frame_stems() - _PARTICLES
    patterns = topic_patterns(understand(question))
    return found >= 1 and (any(_part(a, b) for a in cond for b in said)
                           or any(p.search(sentence) for p in patterns))


#: Share of a conditional question's main clause a sentence must name on its own.
ON_ASKED = 0.4


#: A sentence that leans on the one before it ("ohne solchen Vertrag", "Schulungen sind also
#: …", "Für Berichte heißt das: …"): it does not stand alone at the head of an answer.
_ANAPHORA = re.compile(r"\b(solche[nmrs]?|ebendiese\w*|derselbe\w*|ebenfalls|(?<!, )also|daher|deshalb|deswegen|"
                       r"(?:heißt|bedeutet) das|das gilt|dies gilt)\b|"
                       r"^\s*(?:das|dies|diese[mnrs]?|dazu|dafür|dann|ihr|ihre[mnrs]?|sein|seine[mnrs]?)\b",
                       _F)


def leans_back(sentence: str) -> bool:
    """Whether ``sentence`` refers back to the sentence before it."""
    return bool(_ANAPHORA.search(sentence))


#: A demonstrative inside a sentence ("Die Verarbeitung dieser Daten", "Zu diesen Kategorien
#: zählen …"): what it points to stands before it (not "in diesem Jahr").
_DEMONSTRATIVE = re.compile(r"(?<=\w )diese[mnrs] (?!(?:jahr|monat|woche)\w*\b)", _F)


def refers_back(sentence: str) -> bool:
    """Whether ``sentence`` needs the one before it to be understood: it leans back on it, or it
    names its subject only by a demonstrative. (A lead may still do so: the answer then quotes
    the sentence before it.)"""
    return leans_back(sentence) or bool(_DEMONSTRATIVE.search(sentence))


def decides_unshaped(question: str, sentence: str, duty: bool = False) -> bool:
    """Whether a sentence without the shape of a rule still decides the question: a verdict
    on what is asked other than a bare "Nein" (a negation without a rule's verb, as in "sind
    nicht dasselbe", decides nothing), or a check the question wants to skip."""
    found = verdict(question, sentence, duty, strict=True)
    if found == NO:
        return bool(_UNCHECKED.search(question) and _CHECK_DUTY.search(sentence))
    return found is not None


def allows_on_condition(question: str, sentence: str, duty: bool = False) -> bool:
    """Whether ``sentence`` says under which condition what is asked is allowed ("Die
    Zusammenführung ist nur mit einer Rechtsgrundlage … zulässig", "Das ist nur erlaubt, wenn
    …"): after a prohibition it makes the verdict "only under conditions"."""
    return (not duty and bool(_ALLOWS.search(sentence)) and not _DENIED.search(sentence)
            and (leans_back(sentence) or names_asked(question, sentence))
            and verdict(question, sentence) == CONDITIONAL)


def with_verdict(question: str, sentence: str, duty: bool = False, strict: bool = False,
                 following: str | None = None) -> str:
    """``sentence`` with its verdict in front ("Nein: Personenbezogene Daten …"); a "no" whose
    ``following`` sentence names the condition that allows it is "Nur unter Bedingungen"."""
    found = verdict(question, sentence, duty, strict)
    if found == NO and following is not None and allows_on_condition(question, following, duty):
        found = CONDITIONAL
    return f"{found}: {sentence}" if found else sentence
