"""PERSON in quick notes, chat messages and timetables: forms the running-text rules miss.

* a form of address in any case, then a name in any case: "hr. lüdecke hat angerufen",
  "nachricht von frau kötter", "hr. dr. zwiebelhaupt". "fr." is also Friday: a verb after it
  ("der Bus fr. ausfällt") or an ordinary word is no name, except a listed surname after a
  preposition ("mit fr. klein");
* a first name with an initial: "mit tarek b. gesprochen", "Mika R. fehlt" (the initial is part of
  the name);
* a substitution: "Wendt-Kirchner statt Pöhlmann", "| 8c | Ma | Osterhagen-Birkle statt Haberland |",
  "Kuchenbecker vertritt Lange" ("für" is left out: "Abholberechtigt für Wahid"): both sides are names when both have a name's shape and one is in a
  name list, carries a title, or the line is a table row;
* a greeting ("Hallo Frank,", "hi jens"), a birth name ("geb. Stein,"), a chat mention ("@sofiia")
  and the speaker of a transcript line ("Fuchs: Wir beginnen."; a speaker that is also an
  ordinary word only where two lines have speakers): the context says a person, so a listed name
  counts even when it is also a German word.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex
from presidio_analyzer import RecognizerResult

from assistant.privacy.text.recognizers.precheck import PrecheckedRuleRecognizer, rule_result
from assistant.privacy.names import GREETING_WORDS, NameLexicon, fold
from assistant.privacy.text.words import load_nouns, noun_compound, ordinary_noun
from assistant.privacy.text.recognizers.name_shape import (
    INITIAL, WORD, known_name, looks_like_name, name_word, verb_like)

_TITLE = r"(?:hr\.?|hrn\.|herrn?|fr\.?|frau|fam\.|familie)"
_ACADEMIC = r"(?:(?:dr|prof|dipl)\.(?:[ ]?(?:med|rer|phil|jur|nat|dent|vet|habil|pol|oec|paed|päd|soz|ing|psych)\.)*[ ]?)*"
#: A form of address, maybe academic titles, then one or two words (group "name").
ADDRESSED = regex.compile(
    rf"(?<![\w.])(?P<title>{_TITLE})[ ]{_ACADEMIC}(?P<name>{WORD}(?:[ ]{WORD})?)",
    regex.IGNORECASE)
#: A first name and an initial: "tarek b.", "Mika R." (the initial not the start of a word).
WITH_INITIAL = regex.compile(rf"(?<![\w.-])(?P<name>{WORD})[ ](?P<initial>[^\W\d_]\.)(?![\w])"
                             r"(?![ ]?[A-ZÄÖÜ][a-zäöüß])")  # not "an L. Schmidt": that initial opens a name
_PART = rf"(?:(?:(?:Herrn?|Frau|Hr\.|Fr\.|Dr\.)[ ])*{WORD})"
SUBSTITUTION = regex.compile(rf"(?<![\w-])(?P<a>{_PART})[ ]+(?:statt|anstatt|vertritt|anstelle[ ]von|→|->|=>)[ ]+"
                             rf"(?P<b>{_PART})"
                             r"(?![\w-])")
#: A greeting opening a line, then the person greeted: "Hallo Frank,", "Liebe Stein!", "hi jens".
GREETING = regex.compile(rf"(?:^|(?<=\n))[ \t]*(?:{GREETING_WORDS}|guten[ ](?:morgen|tag|abend))"
                         rf"[ ](?P<name>{WORD}(?:[ ]{WORD})?)[ ]*(?=[,!:]|$)", regex.IGNORECASE | regex.MULTILINE)
#: A closing at the end of a chat message, then the writer in lower case: "danke & gruß jola",
#: "bauchweh 🤢 lg nadia el-idrissi“" (capitalised signatures are the signature recognizer's).
CHAT_CLOSING = regex.compile(rf"(?<![\w])(?:lg|vg|gruß|gruss|grüße|grüsse)[ ,]+"
                             rf"(?P<name>\p{{Ll}}{WORD}(?:[ ]\p{{Ll}}{WORD})?)[ ]*(?=[!.“\"]*[ ]*$)",
                             regex.MULTILINE)
_PREFIX = regex.compile(r"^(?:al|el|abu|ibn|bin|ben|abd|ul)-")
#: A teacher's pigeonhole in the staff room: "liegt im Fach von Koch", "fach koch" (a listed
#: surname that is no school subject: "im Fach Deutsch" is the subject).
PIGEONHOLE = regex.compile(rf"(?<![\w])(?:im|ins|in[ ]das|in[ ]dem)?[ ]?fach[ ](?:von[ ])?(?P<name>{WORD})(?![\w-])",
                           regex.IGNORECASE)
#: A birth name after "geb." / "geborene": "Johanna Grünewald, geb. Stein".
BIRTH_NAME = regex.compile(r"(?<![\w.])(?:geb\.|geborene|geborener)[ ](?P<name>\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?)"
                           r"(?=[ ]*(?:[,;)/*]|$))", regex.MULTILINE)
#: A chat mention: "@sofiia", "@Jens" (not an e-mail address: no letter before the "@").
MENTION = regex.compile(r"(?<![\w.@-])@(?P<name>[^\W\d_]{2,}(?:[-][^\W\d_]{2,})?)(?![\w@.-])")
#: A speaker opening a line of a transcript or chat: "Klein: Wir beginnen.", "[09:14] jens: ok".
#: Also after a form of address ("Fr. Lüdecke: ..."), in brackets ("[Weber]: ...") and before a
#: role in brackets ("Weber (SL): ...").
SPEAKER = regex.compile(rf"^[ \t]*(?:\[[^\]\n]{{1,25}}\][ ]*|\d{{1,2}}:\d{{2}}[ ]+|[-•*][ ]+)?"
                        r"(?P<title>(?:(?:Herrn?|Frau|Hr\.|Fr\.|Dr\.|Prof\.)[ ])*)(?P<open>\[)?"
                        rf"(?P<name>{WORD}(?:[ ]{WORD})?)(?(open)\])(?:[ ]\([^()\n]{{1,20}}\))?:[ ]+\S",
                        regex.MULTILINE)
#: A lower-case initial and a lower-case name: "kollegin m. okonkwo" ("u."/"o." are "und"/"oder").
LOWER_INITIAL = regex.compile(r"(?<![\w.])(?![uo]\.)[a-zäöü]\.[ ](?P<name>[a-zäöüß][\w'’]*(?:-[\w'’]+)?)(?![\w.@-])")
#: An abbreviation of initials right before: "z. b.", "d. h.", "u. a."
ABBREVIATION_BEFORE = regex.compile(r"(?:^|[^\w.])\w\.[ ]?\Z")
#: Lower-case words joined by commas and a last "und"/"u."/"&" (group per item: LOWER_ITEM).
_LOWER_WORD = r"[a-zäöüßçğışéè][\w'’]*(?:-[\w'’]+)?"
LOWER_LIST = regex.compile(rf"(?<![\w.@/-]){_LOWER_WORD}(?:(?:,[ ]|,?[ ](?:und|u\.|&)[ ]){_LOWER_WORD})+"
                           r"(?![\w@/-])")
#: Capitalised single words joined the same way: "Lio, Malik, Ida, Nour, Ebo".
_CAP_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
CAP_LIST = regex.compile(rf"(?<![\w.@/-]){_CAP_WORD}(?:(?:,[ ]|,?[ ](?:und|u\.|&)[ ]){_CAP_WORD})+"
                         r"(?![\w@/-])")
CAP_ITEM = regex.compile(rf"(?<![\w.-]){_CAP_WORD}")
LOWER_ITEM = regex.compile(rf"(?<![\w.-])(?!(?:und|u)\b){_LOWER_WORD}")
MIN_LIST_ITEMS = 3
#: Above "surname, first name" (0.85): in a list of three or more, "kowalski, yilmaz" are two entries.
LIST_SCORE = 0.9
#: A label that names a person's function, a colon and one or two words up to the line's end or
#: a comma, bracket or dash: "Klassenlehrkraft: Kuchenbecker", "Fallführende Fachkraft: Weißenborn".
ROLE_LABEL = regex.compile(
    rf"(?:^|(?<=[.;|][ ]))[ \t]*(?:[-*•][ ]+)?(?:\*\*)?(?P<label>(?:[\p{{L}}-]+[ ]){{0,2}}[\p{{L}}-]+)(?:\*\*)?:(?:\*\*)?[ \t]*(?:\*\*)?"
    rf"(?:(?:Herrn?|Frau|Hr\.|Fr\.|Dr\.|Prof\.)[ ])*(?P<name>(?:{INITIAL}[ ])?{WORD}(?:[ ]{WORD})?)"
    r"(?=(?:\*\*)?[ \t]*(?:$|[,;(/|]|\.(?:[ ]|$)|[ ][-–][ ]))", regex.MULTILINE)
#: Ends of labels that name a person's function ("Klassenlehrkraft", "Sachbearbeitung").
_ROLE_LABEL_END = regex.compile(r"(?:lehrkraft|fachkraft|lehrer|lehrerin|leitung|leiter|leiterin|bearbeitung|"
                                r"bearbeiter|bearbeiterin|betreuer|betreuerin|begleiter|begleiterin|berater|"
                                r"beraterin|partner|partnerin|person|führung|vertretung|vorsitz|moderation|"
                                r"erzieher|erzieherin|pädagoge|pädagogin|referent|referentin|zuständig|"
                                r"zuständige|verantwortlich|verantwortliche|unterzeichner|unterzeichnerin)$")
#: Verbs of contact that close a to-do of a note ("kaya anrufen"), and those that do so only after
#: "mail"/"e-mail" ("schröder mail schicken"): the one list TODO_NAME and both prechecks are built from.
_CONTACT_VERBS = ("anrufen", "zurückrufen", "informieren", "fragen", "kontaktieren", "erinnern", "einladen",
                  "ansprechen", "anschreiben", "mailen", "benachrichtigen", "abholen", "treffen")
_MAIL_VERBS = ("schicken", "schreiben")
_ANY_CONTACT_VERB = "|".join(_CONTACT_VERBS + _MAIL_VERBS)
#: A to-do of a note: a listed name in lower case before a verb of contact ("kaya anrufen",
#: "schröder mail schicken", "nowak wegen zeugnis fragen").
TODO_NAME = regex.compile(r"(?:^|(?<=[,;:]|[-•*]|\d\.|\b(?:todo|bitte|noch|dann|heute|morgen)))[ \t]*"
                          r"(?P<name>[a-zäöüßçğışéè][\w'’]+(?:-[\w'’]+)?)[ ](?:(?:wegen|wg\.|bzgl\.?|per)[ ][\w.-]+[ ])?"
                          rf"(?:{'|'.join(_CONTACT_VERBS)}|(?:e-)?mail[ ](?:{'|'.join(_MAIL_VERBS)}))\b",
                          regex.MULTILINE | regex.IGNORECASE)
#: Necessary for TODO_NAME (the standard library's engine: faster on a plain alternation).
_TODO_PRECHECK = re.compile(rf"(?:{_ANY_CONTACT_VERB})\b")
#: A login handle used for a person: "m.osei", "t.brinkmann", "nadine.k", "ole.peters" (lower case,
#: one dot; not part of an e-mail address, a domain, a path or a file name).
#: Also a chat mention ("@emre.dogan"), and joined by an underscore ("kraemer_a", "bilal_ssa").
HANDLE = re.compile(r"(?:(?<=(?<![\w.])@)|(?<![\w.@/\\-]))(?P<a>[a-zäöüß]+)(?P<joint>[._])(?P<b>[a-zäöüß]+)"
                    r"(?![\w@-]|\.\w)")
#: Letters of an initial or a short abbreviation joined to a surname by an underscore ("kaya_e",
#: "bilal_ssa"); the name needs this many letters then ("max_id" is a key of a data set).
_HANDLE_ABBREVIATION = 3
#: Parts of the keys of data sets and forms joined by an underscore ("schueler_id", "max_len").
_KEY_PARTS = frozenset({"id", "nr", "no", "num", "tel", "fax", "typ", "art", "key", "ref", "txt", "str", "plz",
                        "ort", "dat", "max", "min", "sum", "neu", "alt", "old", "new", "tmp", "sys", "adm",
                        "admin", "user", "test", "name", "mail"})
_MIN_NAME_BESIDE_ABBREVIATION = 4
#: German umlauts a login handle spells as two letters ("koehler", "lueders").
_UMLAUT_SPELLINGS = (("ae", "ä"), ("oe", "ö"), ("ue", "ü"))
#: An unlisted word after a first name in a handle ("bettina.roloff"), at least this long: shorter
#: ones are endings of files and domains ("anna.pdf", "lena.com").
_MIN_UNLISTED_HANDLE_PART = 4
#: Endings of files and domains of that length ("anna.docx").
_FILE_ENDINGS = frozenset({"docx", "xlsx", "pptx", "html", "jpeg", "json", "yaml", "heic", "tiff", "mpeg",
                           "webp", "info", "online", "shop", "email"})
#: Characters before the verb searched for the name of a to-do ("nowak wg. zeugnis anrufen").
_TODO_WINDOW = 48
#: The word before a colon (maybe in Markdown bold) and how far to look for it.
_WORD_BEFORE = re.compile(r"[^\W\d_]+(?:\*\*)?\Z")
_LABEL_CHARS = 40
#: Necessary for LOWER_LIST: a lower-case word, a comma and a lower-case word.
_LOWER_PAIR = re.compile(r"[a-zäöüß],[ ][a-zäöüß]")
#: Necessary for the forms of address, initials and substitutions.
_NOTE_PRECHECK = regex.compile(r"\b(?:hr|hrn|herr|frau|fr|fam|familie)\b|[ ][^\W\d_]\.|statt|vertritt|→|->|=>|"
                               r"anstelle", regex.IGNORECASE)
#: Necessary for greetings, birth names and mentions.
_CONTEXT_PRECHECK = regex.compile(rf"\b(?:{GREETING_WORDS}|guten|geb|geborene[r]?|lg|vg|fach)\b|gru(?:ß|ss)|grü(?:ß|ss)e|@",
                                  regex.IGNORECASE)
#: Labels of mail headers and forms that are also names in some list.
_HEADER_LABELS = {"von", "an", "cc", "bcc", "betreff", "datum", "gesendet", "mo", "di", "mi", "do",
                  "fr", "sa", "so", "iban", "bic", "kind", "fall", "name", "ort", "tel", "mail"}


def _subject(word: str) -> bool:
    """A school subject ("Deutsch", "Kunst", "Bio")."""
    from assistant.privacy.text.recognizers.timetable import SUBJECT_NAMES, SUBJECT_SET

    return word in SUBJECT_SET or word.lower() in SUBJECT_NAMES


def _label_noun(word: str) -> bool:
    """A noun Wiktionary knows only as a noun ("Fall", "Kind", "Termin"): a label before a colon."""
    tags = load_nouns().get(word[:1].upper() + word[1:].lower(), "")
    return "N" in tags and "P" not in tags


#: Ends of German adjectives, participles and abstract nouns: a label ("Anwesend:"), no speaker.
_NOT_NAME_END = regex.compile(r"(?:end|ende|ig|lich|isch|iert|ierte|t|ung|ion|tät|keit|heit|schaft|nis|mus|"
                              r"ismus|ent|enz|anz|ik|ur)$")
#: Labels of notes, forms and minutes that no noun list holds ("TODO:", "FYI:", "Anwesend:").
_SPEAKER_LABELS = {"anwesend", "abwesend", "entschuldigt", "teilnehmende", "teilnehmer", "verteiler",
                   "moderation", "gäste", "zuständig", "verantwortlich", "nächster", "offen",
                   "erledigt", "protokoll", "leitung", "wiedervorlage", "vorsitz", "beginn", "ende",
                   "todo", "fyi", "info", "update", "edit", "status", "wichtig", "neu", "ok", "okay",
                   "top", "ps", "nb", "re", "aw", "wg", "fw", "fwd", "tel", "fax", "mobil", "email",
                   "e-mail", "pdf", "csv", "xlsx", "url", "link", "anm", "bsp", "ggf", "usw", "asd",
                   "kita", "ogs", "sgb", "hze", "iep", "faq", "frage", "antwort", "zitat", "quelle"}
#: Speaker lines a text needs before a speaker that is also an ordinary word counts ("Wolf:").
MIN_SPEAKER_LINES = 2
_TITLE_RE = regex.compile(r"(?:Herrn?|Frau|Hr\.|Fr\.|Dr\.)[ ]")
SCORE = 0.8
_ARTICLE_BEFORE = regex.compile(r"\b(?:die|der|den|dem|eine[rnm]?|ein|meine[rnm]?|seine[rnm]?|"
                                r"ihre[rnm]?|unsere[rnm]?|diese[rnm]?)[ ]+$", regex.IGNORECASE)
_NEUTER_BEFORE = regex.compile(r"\b(?:das|des|dem|ein|neue[ns]?|eigene[ns]?)[ ]+$", regex.IGNORECASE)
_PREPOSITION_BEFORE = regex.compile(r"\b(?:und|mit|bei|von|an|für|zu|laut|durch|oder|sowie|wg\.|wegen|"
                                    r"rückruf|anruf|nachricht|gespräch|termin|info|mail)[ ]+$",
                                    regex.IGNORECASE)
#: Words of quick notes that no list calls common and that read like names after "frau"/"fam.".
NOTE_WORDS = {"wohnt", "meldet", "ruft", "bittet", "fragt", "schreibt", "wartet", "weiß", "krank",
              "hier", "da", "dort", "auch", "noch", "schon", "heute", "gestern", "morgen", "bitte",
              "danke", "nicht", "kein", "keine", "und", "oder", "aber", "mit", "ohne", "wg", "bzgl"}


def _list_items(pattern: regex.Pattern, item: regex.Pattern,
                text: str) -> Iterator[tuple[int, list[tuple[int, int]], list[str]]]:
    """Each list ``pattern`` finds: where it starts, its items' spans inside it (``item``) and
    their words."""
    for m in pattern.finditer(text):
        items = [(w.start(), w.end()) for w in item.finditer(m.group())]
        yield m.start(), items, [m.group()[a:b] for a, b in items]


class NotePersonRecognizer(PrecheckedRuleRecognizer):
    ENTITIES = ["PERSON"]
    PRECHECK = regex.compile(rf"\b(?:hr|hrn|herr|frau|fr|fam|familie|{GREETING_WORDS}|"
                             r"guten|geb|geborene[r]?|lg|vg|fach)\b|gru(?:ß|ss)|grü(?:ß|ss)e|[ ][^\W\d_]\.|statt|vertritt|"
                             r"anstelle|→|->|=>|@|^[^\n:]{1,40}:(?:\*\*)?[ ]|[a-zäöüß][._][a-zäöüß]|"
                             rf"{_ANY_CONTACT_VERB}|[a-zß],[ ][a-zäöü][^\s,]*(?:,[ ]|[ ]und[ ])",
                             regex.IGNORECASE | regex.MULTILINE)

    def __init__(self, lexicon: NameLexicon, supported_language: str = "de") -> None:
        self.lexicon = lexicon
        super().__init__(supported_language)

    def find(self, text: str) -> list[RecognizerResult]:
        found: dict[tuple[int, int], str] = {}
        if _NOTE_PRECHECK.search(text):
            for start, end in self._addressed(text):
                found[(start, end)] = "form of address"
            for m in WITH_INITIAL.finditer(text):
                if self._first_name(m.group("name")):
                    found.setdefault((m.start(), m.end()), "first name + initial")
            for start, end in self._substitutions(text):
                found.setdefault((start, end), "substitution")
            for m in LOWER_INITIAL.finditer(text):
                if self._initial_name(text, m):
                    found.setdefault((m.start(), m.end()), "initial + name")
        if text.count(",") >= 2 or (", " in text and (" und " in text or " u. " in text or " & " in text)):
            if _LOWER_PAIR.search(text):  # a list of three or more
                for start, end in self._lower_list(text):
                    found.setdefault((start, end), "list of names")
            for start, end in self._cap_list(text):
                found.setdefault((start, end), "list of first names")
        for m in HANDLE.finditer(text):
            if (self._handle(m.group("a"), m.group("b")) if m.group("joint") == "."
                    else self._underscore_handle(m.group("a"), m.group("b"))):
                found.setdefault(m.span(), "login handle")
        for m in self._todos(text):
            word = m.group("name")
            if (word[:1].islower() and known_name(word, self.lexicon) and not self.lexicon.is_common(word)
                    and word not in NOTE_WORDS and fold(word) not in self.lexicon.never_names
                    and "N" not in load_nouns().get(word.capitalize(), "")):  # "kinder abholen"
                found.setdefault(m.span("name"), "to-do")
        for m in self._role_labels(text):
            if self._role_label_name(m):
                found.setdefault((m.start("name"), m.end("name")), "role label")
        for start, end, why in self._named_by_context(text):
            found.setdefault((start, end), why)
        return [rule_result(self, "PERSON", s, e, LIST_SCORE if why == "list of names" else SCORE, why)
                for (s, e), why in found.items()]

    def _initial_name(self, text: str, m: regex.Match) -> bool:
        """"kollegin m. okonkwo": a listed name, or a word in no list that reads like no German
        word; not after another abbreviation ("z. b. lena": "b." ends "z. b.")."""
        if ABBREVIATION_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            return False
        word = m.group("name")
        if word in NOTE_WORDS or self.lexicon.is_common(word):
            return False
        if known_name(word, self.lexicon):
            return True
        return (len(word) >= 4 and not verb_like(word) and _NOT_NAME_END.search(word) is None
                and name_word(word, self.lexicon, lower_ok=True))

    def _handle(self, first: str, second: str) -> bool:
        """A login handle of a person: an initial and a listed surname ("m.osei", "s.lueders"), a
        listed first name and an initial ("nadine.k"), or a listed first name and a surname, listed
        or reading like one ("ole.peters", "bettina.roloff")."""
        if len(first) == 1:
            return len(second) > 2 and self._handle_listed(second)
        if not self._first_name(first) or first in NOTE_WORDS:
            return False
        if len(second) == 1:
            return True
        return self._handle_listed(second) or (
            len(second) >= _MIN_UNLISTED_HANDLE_PART and second not in _FILE_ENDINGS and not verb_like(second)
            and not load_nouns().get(second.capitalize()) and self._lower_name(second))

    def _underscore_handle(self, first: str, second: str) -> bool:
        """A user name joined by an underscore: a listed name and an initial or a short abbreviation
        on either side ("kraemer_a", "bilal_ssa", "e_kaya"), or two listed names ("lena_brockmann");
        not a key of a data set ("user_id", "max_len", "admin_sys")."""
        if first in _KEY_PARTS or second in _KEY_PARTS:
            return False
        if len(second) <= _HANDLE_ABBREVIATION:
            return len(first) >= _MIN_NAME_BESIDE_ABBREVIATION and self._handle_name(first)
        if len(first) <= _HANDLE_ABBREVIATION:
            return len(second) >= _MIN_NAME_BESIDE_ABBREVIATION and self._handle_name(second)
        return self._handle_name(first) and self._handle_name(second)

    def _handle_name(self, word: str) -> bool:
        """A listed name in a user name that is no plain noun, also with its umlauts spelled out
        ("kraemer"; not "schueler", "mentor")."""
        respelled = word
        for spelled, umlaut in _UMLAUT_SPELLINGS:
            respelled = respelled.replace(spelled, umlaut)
        return self._handle_listed(word) and not any(
            ordinary_noun(w.capitalize()) or _label_noun(w) for w in {word, respelled})

    def _handle_listed(self, word: str) -> bool:
        """A listed name that is no common word, maybe with its umlauts spelled out ("koehler")."""
        respelled = word
        for spelled, umlaut in _UMLAUT_SPELLINGS:
            respelled = respelled.replace(spelled, umlaut)
        return any(known_name(w, self.lexicon) and not self.lexicon.is_common(w) for w in {word, respelled})

    @staticmethod
    def _todos(text: str) -> Iterator[regex.Match]:
        """TODO_NAME matches, searched only in a window before each verb of contact."""
        last = 0
        for verb in _TODO_PRECHECK.finditer(text):
            m = TODO_NAME.search(text, max(last, verb.start() - _TODO_WINDOW), verb.end())
            if m is not None and m.end() == verb.end():
                last = verb.end()
                yield m

    @staticmethod
    def _role_labels(text: str) -> Iterator[regex.Match]:
        """ROLE_LABEL matches, searched only around a colon after a label of a function."""
        colon = text.find(":")
        while colon >= 0:
            label = _WORD_BEFORE.search(text[max(0, colon - _LABEL_CHARS):colon])
            if label is not None and _ROLE_LABEL_END.search(label.group().lower()) is not None:
                start = max(text.rfind("\n", 0, colon) + 1, colon - _LABEL_CHARS - 20)
                m = ROLE_LABEL.search(text, start, colon + _LABEL_CHARS + 20)
                if m is not None and m.start("name") > colon:
                    yield m
            colon = text.find(":", colon + 1)

    def _role_label_name(self, m: regex.Match) -> bool:
        """After a label of a function, a name: listed, or in no list and no noun, adjective,
        place or office ("Kuchenbecker", "Weißenborn"; not "Sozialarbeit", "Jugendamt")."""
        if _ROLE_LABEL_END.search(m.group("label").lower()) is None:
            return False
        for word in m.group("name").split(" "):
            if word.endswith("."):
                continue  # an initial ("Chr. Abendroth")
            if not word[:1].isupper() or word.isupper() or fold(word) in self.lexicon.never_names:
                return False
            if known_name(word, self.lexicon) and not self.lexicon.is_common(word):
                continue
            if (self.lexicon.is_common(word) or self.lexicon.is_common(word.lower()) or load_nouns().get(word)
                    or _NOT_NAME_END.search(word) or word.endswith(("erin", "in"))
                    or (ordinary_noun(word) and noun_compound(word))  # "Jugendhilfe"
                    or not name_word(word, self.lexicon, compounds_ok=True)):
                return False
        return True

    def _lower_list(self, text: str) -> list[tuple[int, int]]:
        """A list of lower-case words written with commas ("namensschilder: lange, brinkmann,
        arslan, okonkwo-schulz"): names when most of them are listed names that are no common
        word and the others read like names; then a listed name that is also a word counts too."""
        spans = []
        for start, items, words in _list_items(LOWER_LIST, LOWER_ITEM, text):
            if len(words) < MIN_LIST_ITEMS or any(w in NOTE_WORDS or verb_like(w) for w in words):
                continue
            sure = sum(known_name(w, self.lexicon) and not self.lexicon.is_common(w) for w in words)
            if sure < 2 or 2 * sure < len(words):
                continue
            if all(known_name(w, self.lexicon) or self._lower_name(w) for w in words):
                spans += [(start + a, start + b) for a, b in items]
        return spans

    def _cap_list(self, text: str) -> list[tuple[int, int]]:
        """A list of capitalised single words, most of them listed first names that are no common
        word ("Lio, Malik, Ida, Nour, Ebo"): the others are names too where they read like names
        (no noun, common word, place or institution)."""
        spans = []
        for start, items, words in _list_items(CAP_LIST, CAP_ITEM, text):
            if len(words) < MIN_LIST_ITEMS:
                continue
            sure = [self._first_name(w) for w in words]
            if sum(sure) < 2 or 3 * sum(sure) < 2 * len(words) or all(sure):
                continue
            others = [w for w, ok in zip(words, sure) if not ok]
            if all(not self.lexicon.is_common(w) and not self.lexicon.is_common(w.lower())
                   and fold(w) not in self.lexicon.never_names and not load_nouns().get(w)
                   and name_word(w, self.lexicon) for w in others):
                spans += [(start + a, start + b) for (a, b), ok in zip(items, sure) if not ok]
        return spans

    def _first_name(self, word: str) -> bool:
        return fold(word) in self.lexicon.first_names and not self.lexicon.is_common(word)

    def _addressed(self, text: str) -> list[tuple[int, int]]:
        """A lower-case name after a form of address; a second word only from a name list."""
        spans = []
        for m in ADDRESSED.finditer(text):
            title = m.group("title").lower()
            if title[-1] != "." and _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
                continue  # "die frau wohnt ...": the noun, not a form of address
            words = m.group("name").split(" ")
            first = words[0]
            if not first[:1].islower():
                continue  # capitalised names are the person recognizer's
            if not self._lower_name(first):
                if not self._common_surname(text, m, first):
                    continue
            elif m.group("title")[:1].isupper() and not known_name(first, self.lexicon):
                continue  # "Familie kooperativ": after a capitalised title a name is capitalised
            if title == "fr" and not self.lexicon.is_surname(first):
                continue  # "fr 8 uhr": Friday, unless a listed surname follows
            if title in ("fr.", "fr") and not known_name(first, self.lexicon) and len(first) < 5:
                continue  # "fr." is also Friday: "fr. früh"
            end = m.start("name") + len(first)
            if len(words) > 1 and words[1][:1].islower() and known_name(words[1], self.lexicon) \
                    and self._lower_name(words[1]):
                end += 1 + len(words[1])
            spans.append((m.start("name"), end))
        return spans

    def _named_by_context(self, text: str) -> list[tuple[int, int, str]]:
        """Greetings, birth names and chat mentions: the context says a person follows."""
        out: list[tuple[int, int, str]] = []
        if not _CONTEXT_PRECHECK.search(text):
            return out + self._speakers(text)
        for m in GREETING.finditer(text):
            words = m.group("name").split(" ")
            lower = words[0][:1].islower()
            addressed = text[m.end("name"):m.end("name") + 1] in (",", "!")  # "hi frank, kannst du"
            if (all(known_name(w, self.lexicon) or name_word(w, self.lexicon, lower_ok=lower)
                    for w in words) and known_name(words[0], self.lexicon)
                    and not (lower and self.lexicon.is_common(words[0])
                             and not (addressed and len(words) == 1
                                      and self.lexicon.is_first_name(words[0])))):
                out.append((m.start("name"), m.end("name"), "greeting"))
        for m in BIRTH_NAME.finditer(text):
            word = m.group("name")
            if name_word(word, self.lexicon) or (self.lexicon.is_surname(word)
                                                 and fold(word) not in self.lexicon.never_names):
                out.append((m.start("name"), m.end("name"), "birth name"))
        out += self._speakers(text)
        for m in PIGEONHOLE.finditer(text):
            word = m.group("name")
            if _NEUTER_BEFORE.search(text, max(0, m.start() - 10), m.start()):
                continue  # "das Fach Koch": a subject
            if (self.lexicon.is_surname(word) and not _subject(word)
                    and fold(word) not in self.lexicon.never_names and word.lower() not in NOTE_WORDS):
                out.append((m.start("name"), m.end("name"), "pigeonhole"))
        for m in CHAT_CLOSING.finditer(text):
            words = [_PREFIX.sub("", w) for w in m.group("name").split(" ")]  # "al-hamdani"
            if all(not self.lexicon.is_common(w) and w not in NOTE_WORDS and not verb_like(w)
                   and name_word(w, self.lexicon, lower_ok=True) for w in words):
                out.append((m.start("name"), m.end("name"), "chat closing"))
        for m in MENTION.finditer(text):
            word = m.group("name")
            if known_name(word, self.lexicon) or (
                    name_word(word, self.lexicon, lower_ok=True) and not self.lexicon.is_common(word)):
                out.append((m.start("name"), m.end("name"), "mention"))
        return out

    def _speakers(self, text: str) -> list[tuple[int, int, str]]:
        """Speakers of a transcript: listed names before a colon at the start of a line; one
        that is also an ordinary word ("Klein", "Wolf"), one in capitals ("KAYA:") and one in no
        list ("Ogunbanjo:") only among other speaker lines, one of them a listed name or after a
        form of address ("Fr. Lüdecke:")."""
        named, weak, unlisted, evidence = [], [], [], 0
        for m in SPEAKER.finditer(text):
            words = m.group("name").split(" ")
            if any(fold(w) in self.lexicon.never_names or w.lower() in NOTE_WORDS
                   or w.lower() in _HEADER_LABELS or len(w) <= 2 or _label_noun(w)
                   for w in words):
                continue  # "An:", "Do:", "IBAN:", "Kind:": labels of mails, forms and timetables
            if m.group("title"):
                evidence += 1  # the form of address itself is found by ADDRESSED
                continue
            span = (m.start("name"), m.end("name"))
            if all(not w.isupper() and known_name(w, self.lexicon) for w in words):
                ordinary = any(self.lexicon.is_common(w) or (w[:1].isupper() and ordinary_noun(w))
                               for w in words)
                (weak if ordinary else named).append(span)
            elif all(w.isupper() and self._speaker_word(w, listed=True) for w in words):
                named.append(span)  # "KAYA:", "NGUYEN VAN:"
            elif all(self._speaker_word(w) for w in words):
                unlisted.append(span)
        if len(named) + len(weak) + len(unlisted) + evidence < MIN_SPEAKER_LINES:
            weak = unlisted = []
        elif not (named or evidence):
            unlisted = []
        return [(s, e, "speaker") for s, e in named + weak + unlisted]

    def _speaker_word(self, word: str, *, listed: bool = False) -> bool:
        """A word in capitals or in no list that can be a name ("KAYA", "OKONKWO-ALLEN",
        "Ogunbanjo"): each part, written as a name, a listed name that is no common word or
        (unless ``listed``) a word in no list that reads like no noun, adjective or participle."""
        if word.lower() in _SPEAKER_LABELS:
            return False
        for part in word.split("-"):
            cap = part[:1].upper() + part[1:].lower()
            if len(part) < 2 or _label_noun(cap) or self.lexicon.is_common(cap.lower()):
                return False
            if known_name(cap, self.lexicon) and not self.lexicon.is_common(cap):
                continue
            if listed or _NOT_NAME_END.search(cap) or noun_compound(cap) or not name_word(
                    cap, self.lexicon, compounds_ok=True):
                return False
        return True

    def _common_surname(self, text: str, m: regex.Match, word: str) -> bool:
        """A listed surname that is also an ordinary word after a lower-case form of address:
        "mit fr. klein", "bei hr. koch". After "fr." (also Friday: "fr. frei") only where a
        preposition or "und" stands before it."""
        if not self.lexicon.is_surname(word) or not m.group("title").islower():
            return False
        if m.group("title").lower() not in ("fr.", "fr"):
            return True
        return _PREPOSITION_BEFORE.search(text, max(0, m.start() - 10), m.start()) is not None

    def _lower_name(self, word: str) -> bool:
        if word.lower() in NOTE_WORDS or not name_word(word, self.lexicon, lower_ok=True,
                                                       compounds_ok=True):
            return False
        return known_name(word, self.lexicon) or not verb_like(word)

    def _substitutions(self, text: str) -> list[tuple[int, int]]:
        spans = []
        for m in SUBSTITUTION.finditer(text):
            sides = [(m.group(g), m.start(g)) for g in ("a", "b")]
            names = []
            evidence = False
            for side, start in sides:
                title = _TITLE_RE.match(side)
                while title:
                    evidence = True
                    side, start = side[title.end():], start + title.end()
                    title = _TITLE_RE.match(side)
                if not looks_like_name(side, self.lexicon, single_needs_list=False):
                    break
                evidence = evidence or any(known_name(p, self.lexicon) for p in side.split("-"))
                names.append((start, start + len(side)))
            else:
                line_start = text.rfind("\n", 0, m.start()) + 1
                line_end = text.find("\n", m.end())
                line = text[line_start:line_end if line_end >= 0 else len(text)]
                if evidence or any(d in line for d in ("|", "\t", ";")):
                    spans.extend(names)
        return spans

