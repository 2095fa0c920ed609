"""PERSON before what only a person does: "Koch ist krank", "wolf hat angerufen", "mit Stein gesprochen".

Notes, chats and substitution messages name colleagues and parents by their surname alone, and
many surnames are also words ("Koch", "Wolf", "Stein", "Fuchs"); the rule recognizer leaves such
a word alone when nothing marks it as a name. What is said about it can: being ill or absent,
calling, writing, taking over a class, or being spoken with. A listed name (first name or surname,
also one that is a word) right before such a predicate, or after "mit"/"bei" before "gesprochen",
"telefoniert" ..., is a person; not after an article or a determiner ("der Koch ist krank",
"die Frank-Schule"), and in lower case only a name that is no ordinary lower-case word.
"""

from __future__ import annotations

import re

import regex
from presidio_analyzer import RecognizerResult

from assistant.privacy.names import NameLexicon, fold
from assistant.privacy.text.recognizers.name_shape import WORD
from assistant.privacy.text.recognizers.person_tokens import DETERMINERS, INSTITUTION_WORDS
from assistant.privacy.text.recognizers.precheck import PrecheckedRuleRecognizer, rule_result
from assistant.privacy.text.name_lists import plain_noun

SCORE = 0.75
_ILL = r"(?:krank|erkrankt|krankgeschrieben|krankgemeldet|nicht[ ]da|abwesend|entschuldigt|verhindert)"
#: What a person does, right after the name.
PREDICATE = (rf"(?:(?:ist|war)[ ](?:heute[ ]|morgen[ ]|seit[ ]\w+[ ]|wieder[ ]|noch[ ]|leider[ ])*{_ILL}"
             r"|fehlt|fehlte|hat[ ](?:angerufen|geschrieben|abgesagt|gefehlt|sich[ ](?:gemeldet|krankgemeldet))"
             r"|ruft[ ](?:an|zurück)|rief[ ](?:an|zurück)|meldet[ ]sich|kommt[ ](?:später|heute[ ]nicht|nicht)"
             r"|übernimmt|vertritt|fragt[ ]ob|bittet[ ]um|entfällt|fällt[ ]aus)")
BEFORE_PREDICATE = regex.compile(rf"(?<![\w.-])(?P<name>{WORD})[ ]{PREDICATE}(?![\w])", regex.IGNORECASE)
#: Spoken with: "mit Stein gesprochen", "bei wolf nachgefragt".
SPOKEN_WITH = regex.compile(rf"(?<![\w-])(?:mit|bei)[ ](?P<name>{WORD})[ ](?:gesprochen|telefoniert|"
                            r"geredet|abgesprochen|vereinbart|nachgefragt|abgeklärt|geklärt)(?![\w])",
                            regex.IGNORECASE)
_WORD_BEFORE = regex.compile(r"([^\W\d_]+)[ ]+$")
#: Words before a name that make it a noun: an article or a possessive ("das Fach", "mein Koch").
_NOT_BEFORE = DETERMINERS | {"mein"}
_PRONOUNS = {"er", "sie", "es", "ich", "du", "wir", "ihr", "man", "jemand", "keiner", "niemand",
             "wer", "kind", "mama", "papa", "mutter", "vater", "oma", "opa", "lehrer", "lehrerin"}


class PredicatePersonRecognizer(PrecheckedRuleRecognizer):
    ENTITIES = ["PERSON"]
    #: Run on the lower-cased text with :mod:`re`: several times faster than a case-blind
    #: :mod:`regex` search on the many lines without any of these words (measured).
    PRECHECK_LOWER = re.compile(r"krank|abwesend|entschuldigt|verhindert|fehlt|angerufen|geschrieben|"
                                r"abgesagt|meldet|nicht da|ruft|rief|kommt|übernimmt|vertritt|fragt ob|"
                                r"bittet um|gesprochen|telefoniert|geredet|vereinbart|nachgefragt|geklärt|"
                                r"entfällt|fällt aus")

    def __init__(self, lexicon: NameLexicon, supported_language: str = "de") -> None:
        self.lexicon = lexicon
        super().__init__(supported_language)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: ANN001
        if self.PRECHECK_LOWER.search(text.lower()) is None:
            return []
        return self.find(text)

    def find(self, text: str) -> list[RecognizerResult]:
        out = []
        for pattern, why in ((BEFORE_PREDICATE, "person's predicate"), (SPOKEN_WITH, "spoken with")):
            for m in pattern.finditer(text):
                if self._name(text, m.start("name"), m.group("name"), pattern is SPOKEN_WITH):
                    out.append(rule_result(self, "PERSON", m.start("name"), m.end("name"), SCORE, why))
        return out

    def _name(self, text: str, start: int, word: str, after_preposition: bool) -> bool:
        lex = self.lexicon
        key = fold(word)
        if key in _PRONOUNS or key in lex.never_names or word.lower() in INSTITUTION_WORDS:
            return False
        if not (key in lex.first_names or key in lex.surnames):
            return False
        if word[:1].islower() and lex.is_common(word):
            return False  # "frank", "mal": lower-case words
        if plain_noun(word, lex):
            return False  # "Stempel fehlt", "Sport entfällt": a plain noun, no name entry
        if after_preposition:
            return True
        before = _WORD_BEFORE.search(text, max(0, start - 20), start)
        return before is None or before.group(1).lower() not in _NOT_BEFORE
