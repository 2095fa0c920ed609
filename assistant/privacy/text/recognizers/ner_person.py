"""PERSON from the statistical recognizer: a small CRF trained on GermEval 2014 + synthetic text.

The rule recognizer (:mod:`person`) needs a name list or a title; this one also finds names in no
list from their context ("Gestern rief Frau Okonkwo-Baptiste an", "Pofalla gehört seit ..."). Its
candidates are checked against the same lexicon before they count:

* a span of lower-case ordinary words only, or of words that are never names (places, months,
  institutions), is dropped; so is a span with a digit or more than :data:`MAX_TOKENS` tokens;
* a token joins a candidate span from the model's token threshold (stored with the model, chosen
  by cross-validation) in running text, from :data:`LIST_THRESHOLD` in table rows and short lines;
* a single unlisted word of up to three letters ("Std", "Jg") is an abbreviation, not a name; a
  single unlisted word needs :data:`LIST_THRESHOLD` at the start of a sentence, and before an
  ordinary noun it must read as a genitive ("Sozialer Dienst" is no name, "Merkels Politik" is);
* a candidate is cut at ordinary nouns in no name list ("Popstar Lady Gaga" -> "Gaga", "Merkels
  Vizekanzler" -> "Merkels"); before such a noun only a genitive or a listed name stays;
* a single word in another script before a lower-case word opens a sentence in that language
  ("Письмо родителям"), it is no name;
* a span directly before an institution word ("Erich Kästner Schule") is dropped, as in the rules;
* the score follows the model's mean probability, raised when a word is in a name list and lowered
  when every word is an ordinary capitalised noun ("Tore", "Bereitschaftsdienst").

Scores stay below those of the rule recognizer's strong findings, so where both find a name the
rule span (titles outside, particles inside) wins in :func:`~assistant.privacy.text.gate._resolve`.
"""

from __future__ import annotations

import re

import regex
from presidio_analyzer import AnalysisExplanation, EntityRecognizer, RecognizerResult

from assistant.privacy.names import NameLexicon, fold, outside_english_months, outside_fictional
from assistant.privacy.text.ner_features import (
    ABBREVIATIONS, Tok, load_nouns, noun_tags, sequences)
from assistant.privacy.text.ner_model import PersonModel
from assistant.privacy.text.recognizers.person_tokens import (
    BANK_WORDS, CLOSINGS, DETERMINERS, ENGLISH_CLOSING_AFTER, INSTITUTION_STEMS, INSTITUTION_WORDS, LABEL_ABBREVIATIONS, PARTICLES, TITLES,
    english_closing_best, names_institution)
from assistant.privacy.text.recognizers.other_scripts import CASED_CONTEXT, OtherScriptPersonRecognizer
from assistant.privacy.text.recognizers.person import direct_speech
from assistant.privacy.text.recognizers.person_case import LOWER_CASE_LINE
from assistant.privacy.text.recognizers.name_shape import place_before
from assistant.privacy.text.recognizers.non_names import (
    after_place_label, english_origin_adjective, load_languages, no_name_by_form, noun_list_item)
from assistant.privacy.text.words import (
    capital_end, english_words, load_english, nominalised_adjective, noun_compound, noun_prefix, ordinary_noun)

#: The gate's default score threshold: a span at the model's token threshold scores this much.
ACCEPT_SCORE = 0.4
#: Token threshold outside running text (table rows, headers, short lines): a low threshold pays
#: off in sentences, where context speaks for a name, but turns labels into names in tables.
LIST_THRESHOLD = 0.3
PROSE_MIN_WORDS = 6
MAX_TOKENS = 6
#: Below the rule recognizer's first-name and title findings (0.7-0.9), so their spans win.
MAX_SCORE = 0.65
_TITLE_WORDS = {t.rstrip(".") for t in TITLES}
#: Column headers shortened after a hyphen: "Soll-Std.", "Ist-Std", "Ch-LK", "M-GK", "Anm-Dat".
_LABEL_WORD = re.compile(r"(?:^|[a-zäöü-])(?:nr|id|ids|nummer|nummern)\.?$"
                         r"|-(?:std|stdn|lk|gk|dat|kl|jg|anz)\.?$", re.IGNORECASE)
#: A hyphen and a conjunction after a word: the first part of a compound whose head follows
#: later ("Schul- und Sportamt", "Kita- oder Schulplatz"), no name.
_TRUNCATED_COMPOUND = re.compile(r"-[ ]+(?:und|oder|sowie|bzw\.|u\.)[ ]")
#: Table cell borders: a name never runs from one cell into the next ("Okoro | Daniel"), nor out
#: of a bracket ("ROBOTIK (UPPER-CASE-EXPORT").
_CELL_BORDERS = {"|", ";", "(", ")", "[", "]"}
#: An acronym in capitals ("IB", "ALG", "SGB").
_ACRONYM_WORD = regex.compile(r"\p{Lu}{2,5}")
#: Acronyms written in mixed case: two capitals in a row before a lower-case letter ("ELStAM",
#: "IServ") or three capitals in a word that is not ALL CAPS ("TVöD", "AsylbLG", "JuHiS").
_MIXED_ACRONYM = regex.compile(r"(?=.*\p{Lu}\p{Lu}\p{Ll})|(?=(?:.*\p{Lu}){3})(?=.*\p{Ll})")  # per hyphen part
#: Participles and adjectival nouns: "Dokumentiert", "Ausgestellt", "Berechtigte", "Zahlungspflichtige".
_PARTICIPLE = regex.compile(r"\p{Lu}\p{Ll}+(?:iert|ierte|igte|igter|pflichtige[rn]?|berechtigte[rn]?)|Ge\p{Ll}{3,}(?:et|t)"
                            r"|(?:Aus|An|Ab|Auf|Ein|Mit|Vor|Zu|Nach|Zurück|Fest|Frei|Dar|Um|Über|Unter)"
                            r"ge\p{Ll}{3,}(?:t|en)")
#: What follows the period of an abbreviation: a colon, comma, bracket, hyphen or a lower-case word.
_ABBREVIATED = regex.compile(r"\.(?:[:,;)/-]|[ ]?\p{Ll})")
#: A gap between two tokens that separates table cells: a tab or two blanks ("Fatma   Baba").
_CELL_GAP = re.compile(r"\t|[ ]{2}")
#: Gender forms of role nouns after the word: "Lesepat*innen", "Erzieher:innen", "Lehrer_in".
_GENDER_MARKS = {"*", ":", "_", "/"}
#: Letters of scripts other than Latin (Greek to Georgian, Ethiopic, CJK, Hangul).
_OTHER_SCRIPT = OtherScriptPersonRecognizer.PRECHECK
_OPENERS = {".", "!", "?", ":", ";", "(", "\"", "„", "“", "»", "«", "-", "–", "•", "*"}


#: Endings of German adjectives and participles; an unlisted capitalised word with one of them at
#: the start of a sentence is no name.
ADJECTIVE_ENDINGS = ("lich", "iert", "igt", "bar", "sam", "haft", "los", "voll", "weise", "gemäß")

class NerPersonRecognizer(EntityRecognizer):
    ENTITIES = ["PERSON"]

    def __init__(self, lexicon: NameLexicon, model: PersonModel, supported_language: str = "de",
                 threshold: float | None = None) -> None:
        self.lexicon = lexicon
        self.model = model
        self.threshold = model.token_threshold if threshold is None else threshold
        self.nouns = load_nouns()
        load_english()  # at build time (~40 ms), not in the first text with an English word
        load_languages()  # at build time (~15 ms), not in the first text with a cut-off word
        self._candidates: dict[str, bool] = {}
        super().__init__(supported_entities=self.ENTITIES, supported_language=supported_language,
                         name="GermanNerPersonRecognizer")

    def load(self) -> None:  # the model is loaded by :func:`~assistant.privacy.text.ner_model.load_model`
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: ANN001
        found = [self._result(start, end, score) for start, end, score in self.find(text)
                 if not (text[max(0, start - 2):start] == ".-" and text[end:end + 1] == ".")]  # "Geb.-Dat."
        if not found:
            return found  # nothing to filter (most texts)
        return outside_english_months(text, outside_fictional(text, found))

    def find(self, text: str) -> list[tuple[int, int, float]]:
        """(start, end, score) of every accepted candidate in ``text``."""
        found = []
        known = self._candidates
        could_be_name = self._could_be_name
        for tokens in sequences(text):
            # the cached answer where there is one (a dict look-up, not a method call per token)
            if not any(known[t.text] if t.text in known else could_be_name(t.text) for t in tokens):
                continue  # no span of this line could pass _score: skip the model (most lines)
            line = text[tokens[0].start:tokens[-1].end]
            borders = ({k for k in range(1, len(tokens))
                        if _CELL_GAP.search(text, tokens[k - 1].end, tokens[k].start)}
                       if "\t" in line or "  " in line else set())
            prose = _prose(tokens) and not borders
            threshold = self.threshold if prose else max(self.threshold, LIST_THRESHOLD)
            for i0, j0, prob in self.model.token_spans(tokens, self.lexicon, threshold):
                for i, j in self._parts(tokens, i0, j0, borders):
                    span = self._trim(tokens[i:j])
                    if not span or "=" in text[span[0].start:span[-1].end]:
                        continue  # "PARTSTAT=ACCEPTED" of a calendar entry: a key and its value
                    after = tokens[j] if j < len(tokens) else None
                    k = tokens.index(span[0])
                    opening = k == 0 or tokens[k - 1].text in _OPENERS
                    if (_named_institution(tokens, k) or self._noun_phrase(tokens, k, span)

                            or (_quoted_title(tokens, k, k + len(span))
                                and not direct_speech(text, span[-1].end))
                            or _place_or_label(text, span[0].start, span[-1].end)
                            or english_origin_adjective(text, span[0].start, span[0].end)
                            or ENGLISH_CLOSING_AFTER.match(text, span[-1].end)
                            or english_closing_best(text, span[0].start)
                            or _TRUNCATED_COMPOUND.match(text, span[-1].end)):
                        continue
                    if (len(span) == 1 and k == 0 and after is not None and after.text == ":"
                            and span[0].text.endswith(_LABEL_ENDINGS) and not self._listed(span[0].text)):
                        continue  # "Abholer: Jonas Weber": a role noun in no list labels the value
                    if len(span) == 1 and (span[0].text.lower() in CASED_CONTEXT or (
                            span[0].text[:1].islower() and not _lower_case_style(tokens))):
                        continue  # "Der Sommer war heiß, …": one lower-case word in capitalised prose;
                        # "Здравствуйте, Оксана": a greeting or kinship word of another script
                    end = k + len(span)
                    gender = (tokens[end] if end + 1 < len(tokens) and tokens[end].start == span[-1].end
                              and tokens[end + 1].text in ("in", "innen") else None)
                    after_text = text[after.start:after.start + 3] if after is not None else ""
                    score = self._score(span, prob, after, opening, threshold, gender, after_text)
                    if score > 0 and not self._place_or_noun_item(text, span) and not (
                            not any(self._listed(t.text) for t in span)
                            and english_words(text, span[0].start, span[-1].end, self.lexicon.common_words)):
                        found.append((span[0].start, span[-1].end, score))
        return found

    def _place_or_noun_item(self, text: str, span: list[Tok]) -> bool:
        """A place in the list after a place label ("Einzugsbereich: Buer, Erle"), one of a list of
        ordinary nouns ("Bäcker, Koch, Weber"): words in no list or listed surnames, no given name."""
        start, end = span[0].start, span[-1].end
        # "Schalke, Horst": two items; "Stadtteil Horst": one; "Stadtteil Anna Weber" is a person
        if (len(span) == 1 or "," in text[start:end] or not self._first_name_in(span)) \
                and after_place_label(text, start):
            return True
        return len(span) == 1 and not self._first_name_in(span) and (
            noun_list_item(text, start, end) or no_name_by_form(text, start, end, self.lexicon.common_words))

    def _first_name_in(self, span: list[Tok]) -> bool:
        return any(fold(t.text) in self.lexicon.first_names and not self.lexicon.is_common(t.text)
                   for t in span if t.text[:1].isalpha())

    def _parts(self, tokens: list[Tok], i: int, j: int, borders: set[int]) -> list[tuple[int, int]]:
        """Cut [i, j) at table cell borders (also a tab or a run of blanks before the token
        indices in ``borders``), at commas unless it reads "Surname, First name"
        ("Özdemir, Gül" stays one span; "ja: Adeyemi, Braun, Dumitrescu" are three names), and
        at ordinary nouns (:meth:`_without_nouns`)."""
        out = []
        for a, b in _cells(tokens, i, j, borders):
            commas = [k for k in range(a, b) if tokens[k].text == ","]
            if len(commas) == 1 and self._first_name(tokens[commas[0] + 1:b]):
                out += self._without_nouns(tokens, a, b)
                continue
            for k in [*commas, b]:
                if k > a:
                    out += self._without_nouns(tokens, a, k)
                a = k + 1
        return out

    def _without_nouns(self, tokens: list[Tok], i: int, j: int) -> list[tuple[int, int]]:
        """[i, j) cut at capitalised ordinary nouns in no name list ("Popstar Lady Gaga" -> "Gaga",
        "Hitlers Vizekanzler" -> "Hitlers"); a span that is only such nouns is left whole (and
        dropped later by :meth:`_noun_phrase`)."""
        nouns = [k for k in range(i, j) if tokens[k].text[:1].isupper()
                 and ordinary_noun(tokens[k].text) and not self._listed(tokens[k].text)]
        if not nouns or len(nouns) == j - i:
            return [(i, j)]
        out, a = [], i
        for k in [*nouns, j]:
            if k > a and (k == j or self._before_noun_ok(tokens[k - 1].text)):
                out.append((a, k))
            a = k + 1
        return out

    def _before_noun_ok(self, word: str) -> bool:
        """A name right before a noun is a genitive ("Merkels Politik") or in a name list
        ("Max Herbst"); anything else there is an adjective ("Sozialer Dienst")."""
        return self._listed(word) or word.endswith(("s", "'", "’"))

    def _first_name(self, words: list[Tok]) -> bool:
        """One or two given names (or initials) after a comma."""
        if not 1 <= len(words) <= 2:
            return False
        return all(len(w.text) == 2 and w.text.endswith(".")
                   or fold(w.text) in self.lexicon.first_names
                   or fold(w.text) not in self.lexicon.surnames for w in words)

    def _noun_phrase(self, tokens: list[Tok], k: int, span: list[Tok]) -> bool:
        """The span holds an ordinary noun in no name list ("Wohngruppe Lindenhof", "Kita-Besuch",
        lower-case "schüler"), is an ordinary word after an article ("den bösen Wolf"), only
        initials ("16 J."), a school or institution ("GS Nord", "Kinderhaus", "Eichenring")."""
        if all(len(t.text) == 2 and t.text.endswith(".") for t in span):
            return True
        if span[0].text.lower().rstrip(".") in INSTITUTION_WORDS:
            return True
        if (len(span) == 1 and span[0].text.lower().endswith(INSTITUTION_STEMS)
                and not self._listed(span[0].text)):
            return True
        if span[-1].text.lower() in BANK_WORDS:
            return True  # "Ziraat Bankası": a bank's name ends in the word for bank
        for t in span:
            word = t.text
            if word[:1].isupper() and (ordinary_noun(word) or noun_compound(word)) and not self._listed(word):
                return True  # "Gruppenform II", "Wohngruppe Lindenhof"
            if word[:1].islower() and "N" in self.nouns.get(word.capitalize(), ""):
                return True
        words = [t.text for t in span if t.text[:1].isalpha()]
        if not all(self.lexicon.is_common(w) for w in words):
            return False
        back = [t.text.lower() for t in tokens[max(0, k - 2):k]]
        return bool(back) and (back[-1] in DETERMINERS
                               or (len(back) == 2 and back[0] in DETERMINERS and back[1].islower()))

    @staticmethod
    def _trim(span: list[Tok]) -> list[Tok]:
        """Titles, closing formulas ("Saludos") and punctuation at the borders are not part of a name."""
        def outside(t: Tok) -> bool:
            lower = t.text.lower().rstrip(".")
            return not t.text[:1].isalpha() or lower in _TITLE_WORDS or lower in CLOSINGS

        while span and outside(span[0]):
            span = span[1:]
        while span and (outside(span[-1]) or span[-1].text.lower() in PARTICLES):
            span = span[:-1]
        return span

    def _score(self, span: list[Tok], prob: float, after: Tok | None, opening: bool,
               threshold: float, gender: Tok | None = None, after_text: str = "") -> float:
        lex = self.lexicon
        words = [t.text for t in span if t.text[:1].isalpha()]
        if len(span) > MAX_TOKENS or any(ch.isdigit() for t in span for ch in t.text):
            return 0.0
        if after is not None and after.text.lower().endswith(INSTITUTION_STEMS):
            return 0.0
        if all(fold(w.rstrip(".")) in lex.never_names for w in words):
            return 0.0
        if len(words) == 1 and _place_with_district(words[0], lex):
            return 0.0  # "Köln-Chorweiler", "Berlin-Wedding": a city and its district
        if any(_LABEL_WORD.search(w) or w.lower().rstrip(".") in ABBREVIATIONS for w in words):
            return 0.0  # "Nr", "Tel.", "SchülerID", "Kita-Kind-Nr": labels, not names
        if (after is not None and after.text == "." and after.start == span[-1].end
                and span[-1].text.lower() in LABEL_ABBREVIATIONS):
            return 0.0  # "Az.", "Zi.": an abbreviated label
        lower = [w for w in words if w[:1].islower() and w.lower() not in PARTICLES]
        if any(w.lower() in lex.common_words or not self._listed(w) for w in lower):
            return 0.0  # "so pal", "zivile": lower case counts only for names in our lists
        if len(words) == 1 and opening and words[0].lower() in lex.common_words:
            return 0.0  # "Derweil", "Hierzu" at the start of a sentence
        if (len(words) == 1 and opening and words[0].lower().endswith(ADJECTIVE_ENDINGS)
                and not self._listed(words[0])):
            return 0.0  # "Abholberechtigt für …", "Erfahrungsgemäß": an adjective opens the sentence
        if len(words) == 1 and not self._listed(words[0]) and _PARTICIPLE.fullmatch(words[0]):
            return 0.0  # "Dokumentiert", "Ausgestellt", "Zahlungspflichtige": verb forms, adjectives
        if (len(words) == 1 and not self._listed(words[0]) and after is not None and after.text == "."
                and (_ABBREVIATED.match(after_text) or noun_prefix(words[0]))):
            return 0.0  # "Betr.:", "Psych. Dienst", "Meld.-Bescheinigung": an abbreviation
        if len(words) == 1 and len(words[0].rstrip(".")) <= 3 and not self._listed(words[0]):
            return 0.0  # "Std", "Jg", "SB": a short word in no name list is an abbreviation
        if (len(words) > 1 and _ACRONYM_WORD.fullmatch(words[0]) and not self._listed(words[0])
                and (words[1].isupper() or ordinary_noun(words[1]) or self._noun(words[1]))):
            return 0.0  # "IB West", "ALG II", "SGB VIII": an acronym and a word or numeral, a body or a law
        if any(_MIXED_ACRONYM.match(part) or capital_end(part) for w in words for part in w.split("-")):
            return 0.0  # "TVöD", "ELStAM", "IServ", "SuE": acronyms, not names
        if (len(words) == 1 and words[0].isupper() and not self._listed(words[0])
                and not _OTHER_SCRIPT.search(words[0])):
            return 0.0  # "AWO", "ROBOTIK": an ALL CAPS word in no name list is a heading or an acronym
        if len(words) == 1 and not self._listed(words[0]) and (
                noun_compound(words[0]) or nominalised_adjective(words[0], lex.common_words)):
            return 0.0  # "Schutzplan", "Hausaufgabenzeit": a compound of two nouns; "Verschiedenes"
        if gender is not None and gender.text in _GENDER_MARKS:
            return 0.0  # "Lesepat*innen": a role noun in gender-fair writing
        if (len(words) == 1 and _OTHER_SCRIPT.search(words[0]) and after is not None
                and after.text[:1].islower()):
            return 0.0  # "Письмо родителям": a capital opens a sentence in another script
        if len(words) == 1 and not self._listed(words[0]):
            if opening and prob < LIST_THRESHOLD:
                return 0.0  # "Meldet euch …", "Anmeldeorte sind …": a capital at the start says nothing
            if (after is not None and after.text[:1].isupper() and ordinary_noun(after.text)
                    and not self._listed(after.text) and not self._before_noun_ok(words[0])):
                return 0.0  # "Sozialer Dienst": an adjective before its noun, not a name
        listed = any(self._listed(w) or "P" in noun_tags(w, self.nouns) for w in words)
        common = all(lex.is_common(w) or self._noun(w) for w in words)
        # prob == threshold -> ACCEPT_SCORE, prob == 1 -> ACCEPT_SCORE + 0.35 (capped below)
        score = ACCEPT_SCORE + 0.35 * (prob - threshold) / (1.0 - threshold)
        if listed and not common:
            score += 0.15
        if common:
            plain = len(words) == 1 and _plain_noun(noun_tags(words[0], self.nouns))
            score -= 0.4 if not listed or plain else 0.15  # "Reis": listed, but a plain noun
        return round(min(score, MAX_SCORE), 3)

    def _could_be_name(self, word: str) -> bool:
        """Necessary for a token of an accepted span: in a name list, or capitalised and neither
        an ordinary word nor a noun (a span of only those is dropped by :meth:`_score`), and no
        word that :meth:`_score` drops every span with (:meth:`_spoils_span`). A line without
        such a token yields no finding: the model is not run for it."""
        known = self._candidates.get(word)
        if known is None:
            if len(self._candidates) > 100_000:
                self._candidates.clear()
            known = self._candidates[word] = word[:1].isalpha() and (
                self._listed(word) or (word[:1].isupper() and not self.lexicon.is_common(word)
                                       and not self._noun(word)
                                       and fold(word) not in self.lexicon.never_names)
            ) and not self._spoils_span(word)
        return known

    def _spoils_span(self, word: str) -> bool:
        """``word`` (starting with a letter) makes :meth:`_score` return 0 for every span that
        holds it, and :meth:`_trim` never cuts it off a span's border: a digit ("U3"), a
        lower-case ordinary word ("gut", "nur"), a label or abbreviation ("Steuer-ID", "Tel."),
        an acronym ("TVöD", "KiTaG"), an ordinary noun in no name list ("Kinder"). Each test here
        is one of :meth:`_score`'s or :meth:`_noun_phrase`'s on the words of a span."""
        low = word.lower()
        bare = low.rstrip(".")
        if bare in _TITLE_WORDS or bare in CLOSINGS or low in PARTICLES:
            return False  # _trim may take it off the span
        return (any(ch.isdigit() for ch in word)
                or (word[:1].islower() and low in self.lexicon.common_words)
                or _LABEL_WORD.search(word) is not None or bare in ABBREVIATIONS
                or any(_MIXED_ACRONYM.match(part) or capital_end(part) for part in word.split("-"))
                # and one of :meth:`_noun_phrase`'s: an ordinary noun in no name list
                or (word[:1].isupper() and (ordinary_noun(word) or noun_compound(word))
                    and not self._listed(word))
                or (word[:1].islower() and "N" in self.nouns.get(word.capitalize(), "")))

    def _listed(self, word: str) -> bool:
        key = fold(word.rstrip("."))
        return key in self.lexicon.first_names or key in self.lexicon.surnames

    def _noun(self, word: str) -> bool:
        """An ordinary noun, or a compound ending in one ("Standortvorschläge", "Tagespflegeperson")."""
        tags = noun_tags(word, self.nouns)
        if not tags and word.endswith("s"):
            tags = noun_tags(word[:-1], self.nouns)  # genitive: "Kanadas", "Hannovers"
        if tags:
            return "N" in tags or "T" in tags
        if not word[:1].isupper() or "-" in word:
            return False
        word = word.capitalize() if word.isupper() else word
        for k in range(3, len(word) - 4):
            if "N" in self.nouns.get(word[k].upper() + word[k + 1:], ""):
                return True
        # a plain four-letter head that ends no listed surname, after a modifier that opens other
        # nouns ("Kletter|turm", "Roh|kost"; not "Feld|haus", "Sofon|isbas")
        stem = word[:-1] if word.endswith("s") else word  # genitive: "Schirachs" is no "Schir|achs"
        head = stem[-4:]
        return (len(stem) >= 7 and head[0].islower() and _plain_noun(self.nouns.get(head.capitalize(), ""))
                and "T" not in self.nouns.get(head.capitalize(), "")
                and head not in _surname_tails(self.lexicon)
                and noun_prefix(stem[:-4]))  # the modifier opens other nouns ("Kletter-", not "Sofon|isba")

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            entity_type="PERSON", start=start, end=end, score=score,
            analysis_explanation=AnalysisExplanation(self.name, score,
                                                     textual_explanation="statistical (CRF)"),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                                  RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True})


_TAILS: dict[int, frozenset[str]] = {}


def _surname_tails(lex: NameLexicon) -> frozenset[str]:
    """The last four letters of the listed surnames (heads German surnames are built from)."""
    tails = _TAILS.get(id(lex))
    if tails is None:
        tails = _TAILS[id(lex)] = frozenset(name[-4:] for name in lex.surnames if len(name) >= 6)
    return tails


def _plain_noun(tags: str) -> bool:
    """Wiktionary knows the word as a noun and not as a name ("Reis", "Mensa"; not "Koch")."""
    return "N" in tags and "P" not in tags


def _place_with_district(word: str, lex: NameLexicon) -> bool:
    """A place that is never a name, a hyphen, and a part that is no listed surname."""
    head, _, tail = word.partition("-")
    return (bool(tail) and fold(head) in lex.never_names and "-" not in tail
            and not lex.is_surname(tail) and not lex.is_first_name(tail))


#: Endings of German role and agent nouns that label a line ("Abholer:", "Begleitende:").
_LABEL_ENDINGS = ("er", "erin", "ende", "enden", "ung", "te", "ten", "person", "kontakt")


def _lower_case_style(tokens: list[Tok]) -> bool:
    """The line is written in lower case ("hab mit mehmet gesprochen"): a lower-case word may be
    a name there, not in capitalised German ("Der Sommer war heiß")."""
    words = [t.text for t in tokens[1:] if t.text[:1].isalpha()]
    return sum(w[:1].isupper() for w in words) <= LOWER_CASE_LINE * len(words)


def _prose(tokens: list[Tok]) -> bool:
    """A line of running text: no table cells, enough words, and at least
    a third of them lower-case ("Gestern sagte ... ," rather than "Name | Klasse | Std")."""
    words = [t.text for t in tokens if t.text[:1].isalpha()]
    if len(words) < PROSE_MIN_WORDS or any(t.text in _CELL_BORDERS or t.text == "\t" for t in tokens):
        return False
    return sum(w[:1].islower() for w in words) * 3 >= len(words)


def _cells(tokens: list[Tok], i: int, j: int, borders: set[int] = frozenset()) -> list[tuple[int, int]]:  # type: ignore[assignment]
    """The token range [i, j) cut at table cell borders and before the indices in ``borders``."""
    ranges, start = [], i
    for k in range(i, j):
        if k in borders and k > start:
            ranges.append((start, k))
            start = k
        if tokens[k].text in _CELL_BORDERS:
            if k > start:
                ranges.append((start, k))
            start = k + 1
    if j > start:
        ranges.append((start, j))
    return ranges


def _named_institution(tokens: list[Tok], k: int) -> bool:
    """An institution word up to two capitalised words or a quote before ``tokens[k]``
    ("Kita Villa Kunterbunt", "Kita „Astrid Lindgren“", "St. Martin")."""
    for back in range(k - 1, max(-1, k - 5), -1):
        word = tokens[back].text
        if names_institution(word):
            return True
        if word == "." and back > 0 and tokens[back - 1].text.lower() not in ("st", "hl"):
            return False  # a sentence end, not "St."
        if not (word[:1].isupper() or word in ("„", "\"", "“", "»", "‚", ".", "und", "&")):
            return False
    return False


def _quoted_title(tokens: list[Tok], i: int, j: int) -> bool:
    """The span opens a quotation that goes on after it: „Michel aus Lönneberga“ is a title."""
    return (i > 0 and tokens[i - 1].text in ("„", "»", "\"") and j < len(tokens)
            and tokens[j].text[:1].isalpha() and tokens[j].text[:1].islower())


#: A place's label before a span ("Geburtsort: Bursa", "place of birth: Kumasi") or "in … geboren"
#: around it: a town, not a person.
_PLACE_BEFORE = re.compile(r"(?:(?:geburts|wohn|herkunfts)?ort|place[ ]of[ ]birth|birthplace|city|town|"
                           r"stadt|herkunftsland|land|country)[ \t]*[:/][ \t]*\Z|\bin[ ]\Z", re.IGNORECASE)
_BORN_AFTER = re.compile(r"[ ]geboren\b")
#: A label in another script before its German translation: "Батько / Vater:", "Прізвище, ім'я / Name".
_TRANSLATED_LABEL = re.compile(r"(?:,[^/\n]{0,20})?[ ]?/[ ]?[A-ZÄÖÜ][\w-]*(?:[ ][\w-]+){0,3}[ ]?:")


def _place_or_label(text: str, start: int, end: int) -> bool:
    """The span is a place after its label or in "in … geboren", or a label in another script
    before its German translation."""
    before = text[max(0, start - 24):start]
    if place_before(text, start, end):
        return True
    if _PLACE_BEFORE.search(before) and (not before.endswith("in ") or _BORN_AFTER.match(text, end)):
        return True
    return bool(_OTHER_SCRIPT.search(text, start, end)) and _TRANSLATED_LABEL.match(text, end) is not None
