"""PERSON written in another script after a name label or a form of address.

The name lists are Latin-script; a name in Arabic, Cyrillic, Greek, Hebrew, Armenian, Georgian,
Devanagari or CJK letters is found here when its context says it is a name: a label such as
"Name (arabisch):", "Vater:", "Mutter /", "Unterschrift:" or "Frau"/"Herr" right before it
("Vater: Юрій Ковальчук", "Name (arabisch): زينب الحسيني"). A run of such letters without that
context (a translated heading, "auf Arabisch: كتيب للوالدين") is left alone; a run next to a
recognised Latin-script name is added by :mod:`assistant.privacy.text.structure`.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from assistant.privacy.names import DE_DUDEN, UK_PASSPORT, NameLexicon, fold
from assistant.privacy.text.recognizers.precheck import PrecheckedRuleRecognizer, rule_result


#: Letters of scripts other than Latin, with their combining marks.
FOREIGN = (r"[\p{Arabic}\p{Cyrillic}\p{Greek}\p{Hebrew}\p{Armenian}\p{Georgian}\p{Devanagari}"
            r"\p{Bengali}\p{Thai}\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}\p{Ethiopic}\p{Tamil}]")
RUN = rf"{FOREIGN}(?:{FOREIGN}|\p{{M}}|[-'’ـ])*(?:[ ]{FOREIGN}(?:{FOREIGN}|\p{{M}}|[-'’ـ])*){{0,3}}"
_LABEL = (r"(?:(?:vor|nach|familien|ruf|geburts)?name[n]?|vater|mutter|kind|sch[üu]ler(?:in)?|"
          r"eltern(?:teil)?|erziehungsberechtigte[rn]?|sorgeberechtigte[rn]?|unterschrift|"
          r"vormund|bruder|schwester|tochter|sohn|ehefrau|ehemann|kontaktperson|antragsteller(?:in)?)")
LABELLED = regex.compile(
    rf"(?<![\w-]){_LABEL}(?:[ ]?\([^()\n]{{1,25}}\))?[ \t]*[:/–-][ \t]*({RUN})"
    rf"(?=[ \t]*(?:$|[,;.()/|\n]))|(?<![\w.])(?:Herrn?|Frau|Hr\.|Fr\.)[ ]({RUN})",
    regex.IGNORECASE | regex.MULTILINE)
SCORE = 0.8
LISTED_SCORE = 0.75
#: Capitalised words in the cased scripts (Cyrillic, Greek), one to three in a row: a name alone
#: ("Людмила: ja gut", "Волков Андрей") is found when its transliteration is in the name lists.
_CASED_WORD = r"(?=\p{Lu})[\p{Cyrillic}\p{Greek}][\p{Cyrillic}\p{Greek}\p{M}'’-]+"
_CASED_RUN = regex.compile(rf"(?<![\p{{L}}\p{{M}}-]){_CASED_WORD}(?:,?[ ]{_CASED_WORD}){{0,2}}(?![\p{{L}}\p{{M}}])")
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
                  ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p",
                   "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o",
                   "i", "y", "i", "y"]))
_TABLES = (DE_DUDEN, UK_PASSPORT, _GREEK)


class OtherScriptPersonRecognizer(PrecheckedRuleRecognizer):
    ENTITIES = ["PERSON"]
    #: Code point blocks of those scripts (Greek to Georgian, Ethiopic, CJK, Hangul): one plain range
    #: class is several times faster than the script properties of FOREIGN on Latin text.
    PRECHECK = regex.compile("[\u0370-\u10ff\u1200-\u137f\u3040-\u9fff\uac00-\ud7af]")

    def __init__(self, supported_language: str = "de", lexicon: NameLexicon | None = None) -> None:
        self.lexicon = lexicon
        super().__init__(supported_language)

    def find(self, text: str) -> list[RecognizerResult]:
        out = []
        for m in LABELLED.finditer(text):
            group = 1 if m.group(1) is not None else 2
            out.append(rule_result(self, "PERSON", m.start(group), m.end(group), SCORE, "name label"))
        if self.lexicon is not None:
            out += [rule_result(self, "PERSON", s, e, LISTED_SCORE, "listed name")
                    for s, e in listed_names(text, self.lexicon)]
        return out


def _listed(word: str, lexicon: NameLexicon) -> bool:
    low = word.lower().replace("’", "'")
    for table in _TABLES:
        key = fold("".join(table.get(c, c) for c in low))
        if key.isascii() and (key in lexicon.first_names or key in lexicon.surnames):
            return True
    return False


def listed_names(text: str, lexicon: NameLexicon) -> list[tuple[int, int]]:
    """Capitalised Cyrillic or Greek words whose transliteration is a listed name, with the
    capitalised words of the same script next to them ("Волков Андрей", "ΠΑΠΑΔΟΠΟΥΛΟΣ, ΝΙΚΟΣ",
    "Людмила")."""
    spans = []
    for m in _CASED_RUN.finditer(text):
        words = m.group().replace(",", "").split(" ")
        if any(_listed(w, lexicon) for w in words):
            spans.append(m.span())
    return spans
