"""PERSON: names from name lists, titles and roles as context, surname-first and initials.

Presidio's own person detection needs a statistical NER model, which German lacks here. This
recognizer reads runs of name-like tokens (see :mod:`person_tokens`) and decides per run:

* a known first name plus the capitalised words after it ("Lea Schmidt", "Anna-Lena von der Heide",
  "Aylin Karakaya", lower-case "lea schmidt", "SCHMIDT LEA");
* anything capitalised after a title ("Frau Dr. Öztürk" -> "Öztürk"; the title is not in the span);
* an initial plus a surname ("L. Schmidt"), a surname-first entry ("Schmidt, Lea");
* a known surname alone, unless an article makes it a noun ("der Koch") or it is an ordinary word.

Runs right before an institution word ("Geschwister Scholl Gymnasium", "Autohaus Ziegler GmbH")
or right after one ("Kita Max und Moritz", "St. Martin", "GS Nord") are no persons, nor is a run
that opens a quoted title („Michel aus Lönneberga“); hyphenated institution names
("Rose-Ausländer-Schule") are single non-name tokens already. Ordinary nouns only count after a
title or right after a lone first name ("Ines Hagedorn"); lower-case and ALL CAPS name words only
where that case is the line's style or beside another name word (:mod:`person_case`). Bare surnames after a first
mention are added by the gate (:mod:`assistant.privacy.text.propagate`).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace
from typing import Iterator

from presidio_analyzer import EntityRecognizer, RecognizerResult

from assistant.privacy.names import NameLexicon, fold, outside_english_months, outside_fictional
from assistant.privacy.text.recognizers.precheck import rule_result
from assistant.privacy.text.recognizers.person_tokens import (
    ENGLISH_CLOSING_AFTER, INSTITUTION_STEMS, PARTICLES, Kind, Token, english_closing_best, names_institution, tokenize)
from assistant.privacy.text.recognizers.person_case import lower_case_names
from assistant.privacy.text.recognizers.broken_names import broken_name_parts
from assistant.privacy.text.recognizers.name_shape import known_name, name_word, place_before, verb_like
from assistant.privacy.text.recognizers.non_names import (
    after_place_label, english_origin_adjective, gender_form, no_name_by_form, noun_compound_with_hyphen, noun_list_item)
from assistant.privacy.text.words import (
    capital_end, load_nouns, nominalised_adjective, noun_compound, ordinary_noun)

_GAP = re.compile(r"[ ]{1,3}")  # a tab is a table cell border, never inside a name
#: Between an institution word and its name: blanks, maybe an opening quote ("Kita „Astrid Lindgren“").
_NAME_GAP = re.compile(r"\.?(?:[ \t]{1,3}[„\"“»‚'‘]?|[ \t]?[„\"“»‚'‘])")
#: Company forms after a name: the name is a firm's ("Autohaus Ziegler GmbH").
LEGAL_FORMS = {"GmbH", "gGmbH", "mbH", "AG", "KG", "OHG", "UG", "GbR", "eG", "e.V", "eV"}
_COMMA_GAP = re.compile(r"[ ]?,[ ]{1,2}")  # "Schmidt, Lea"; "Schmidt,Lea" is two CSV cells
NAME_KINDS = {Kind.FIRST, Kind.WEAK_FIRST, Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN, Kind.INITIAL,
              Kind.PARTICLE}
TAIL_KINDS = NAME_KINDS
MAX_NAME_TOKENS = 5
#: Quotes around a nickname after the given name: „Sascha“, "Emeka", »Maxi«, ‚Jo‘.
_NICK_QUOTES = ("„", "\"", "»", "‚")
#: Letters of Latin names with the accents of Central European languages ("Zielińska", "Łukasz").
_UP = "A-ZÀ-Þ\u0100-\u017f"
_LOW = "a-zß-ÿ\u0100-\u017f"
_QUOTED_NICKNAME = re.compile(rf"[ ](?:„|\"|»|‚)(?P<nick>[{_UP}][{_LOW}]+)(?:“|\"|”|«|‘|')"
                              rf"(?:[ ](?P<surname>[{_UP}][{_LOW}'’]+(?:-[{_UP}][{_LOW}'’]+)?)(?![\w-]))?")
NICKNAME_SCORE = 0.9
#: Both parts of a listed name broken at a line end, found by nothing else ("Ay-\naan").
BROKEN_NAME_SCORE = 0.7


#: A German month abbreviation ("Jan.") in a date: after a day ("8. Jan."), before a year ("Jan. 2025")
#: or inside a file name ("Liste_Jan.xlsx").
_MONTH_ABBREVIATIONS = frozenset({"Jan", "Feb", "Mär", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Okt", "Nov", "Dez"})
_DAY_BEFORE = re.compile(r"\d{1,2}\.[ ]?\Z")
_YEAR_OR_SUFFIX_AFTER = re.compile(r"\.(?:[ ]?\d{2,4}\b|\w)")


def _month_abbreviation(text: str, start: int, end: int) -> bool:
    return text[start:end] in _MONTH_ABBREVIATIONS and text[end:end + 1] == "." and (
        _DAY_BEFORE.search(text, max(0, start - 4), start) is not None or _YEAR_OR_SUFFIX_AFTER.match(text, end) is not None)


class PersonRecognizer(EntityRecognizer):
    ENTITIES = ["PERSON"]

    def __init__(self, lexicon: NameLexicon, supported_language: str = "de") -> None:
        self.lexicon = lexicon
        super().__init__(supported_entities=self.ENTITIES, supported_language=supported_language,
                         name="GermanPersonRecognizer")

    def load(self) -> None:  # lists are loaded by the lexicon
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: ANN001
        tokens = _nouns_after_first_names(
            text, lower_case_names(text, _lower_case_initials(
                text, _academic_titles(text, _capital_arabic_particles(text, _line_openers(text, tokenize(text, self.lexicon)))))),
            self.lexicon)
        tokens = _rare_nouns_before_surnames(text, tokens, self.lexicon)
        tokens = _upper_case_hyphenated_given_names(text, tokens)
        tokens = _upper_case_short_east_asian_surnames(text, tokens)
        tokens = _lower_case_surnames_of_entries(text, tokens, self.lexicon)
        tokens = _lower_case_surnames_after_first_names(text, tokens, self.lexicon)
        tokens = _surnames_between_names(text, tokens)
        tokens = _surnames_of_a_legend(text, tokens)
        tokens = _weak_first_names_beside_names(text, tokens)
        found = [rule_result(self, "PERSON", start, _past_marks(text, end), score, why)
                 for start, end, score, why in self.find(text, tokens)
                 if not _ADJECTIVAL_NOUN.fullmatch(text, start, end) and not _month_abbreviation(text, start, end)
                 and (why == "title" or not (place_before(text, start, end)
                                             or self._no_name_here(text, start, end)))]
        if any(q in text for q in _NICK_QUOTES):
            found = [self._with_nickname(text, r) for r in found]
        for start, end, k in broken_name_parts(text, [(r.start, r.end) for r in found], self.lexicon):
            score = found[k].score if k >= 0 else BROKEN_NAME_SCORE
            found.append(rule_result(self, "PERSON", start, end, score, "name broken at the line end"))
        found += [rule_result(self, "PERSON", start, end, EAST_ASIAN_SCORE, "East Asian name")
                  for start, end in east_asian_names(text)]
        if text.islower():  # a note all in lower case: "mit okonkwo wegen förderplan gesprochen"
            found += [rule_result(self, "PERSON", t.start, t.end, LOWER_UNLISTED_SCORE, "lower-case word after a preposition")
                      for t in _unlisted_after_preposition(text, tokens, self.lexicon)]
        return outside_english_months(text, outside_fictional(text, found))

    def _with_nickname(self, text: str, found: RecognizerResult) -> RecognizerResult:
        """A name and a nickname in quotes after the given name, the surname after it ("Aleksandr
        „Sascha“ Morozov") or the entry ending there ("EZE, Chukwuemeka "Emeka"") as one span."""
        m = _QUOTED_NICKNAME.match(text, found.end)
        if m is None or not self._name_or_unlisted(m.group("nick")):
            return found
        if m.group("surname") and self._name_or_unlisted(m.group("surname")):
            end = m.end("surname")
        elif "," in text[found.start:found.end]:
            end = m.end("nick") + 1
        else:
            return found
        return rule_result(self, "PERSON", found.start, end, max(found.score, NICKNAME_SCORE), "nickname in quotes")

    def _name_or_unlisted(self, word: str) -> bool:
        """A listed name, or a capitalised word that is no ordinary word, place or institution."""
        return (known_name(word, self.lexicon) and not self.lexicon.is_common(word)) or (
            name_word(word, self.lexicon) and not ordinary_noun(word) and not self.lexicon.is_common(word.lower()))

    def _no_name_here(self, text: str, start: int, end: int) -> bool:
        """A single word that is an abbreviation ("SuE"), a role in gender-fair writing
        ("Mentor*innen"), a compound like "Robotik-Camp", a place after a place label or one of a
        list of ordinary nouns (:mod:`non_names`)."""
        word = text[start:end]
        if " " in word:  # "Süd (Buchholz, Wedau)": two places, not "Surname, Given name"
            return ("," in word and after_place_label(text, start)) or english_origin_adjective(text, start, start + word.index(" "))
        unlisted = fold(word) not in self.lexicon.first_names and fold(word) not in self.lexicon.surnames
        return (capital_end(word) or gender_form(text, end)
                or (unlisted and (nominalised_adjective(word, self.lexicon.common_words) or noun_compound(word)))
                or noun_compound_with_hyphen(word, self.lexicon)
                or after_place_label(text, start) or noun_list_item(text, start, end)
                or no_name_by_form(text, start, end, self.lexicon.common_words))

    # -- runs ----------------------------------------------------------------------------------

    def _titled_place(self, tok: Token) -> bool:
        """A word in no name list only as a place ("Hagen", "Essen") that a title makes a surname
        ("Dr. Hagen"): capitalised, no role, no article, a listed surname or no ordinary word ("Herr
        Damit" is none)."""
        word = tok.text
        return (tok.kind is Kind.OTHER and len(word) >= 3 and word[:1].isupper() and word[1:].islower()
                and not tok.institution and not tok.role and not tok.determiner
                and fold(word) in self.lexicon.never_names
                and (fold(word) in self.lexicon.surnames or not self.lexicon.is_common(word.lower())))

    def _runs(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, int]]:
        """Index ranges [i, j) of tokens that form one run of name-like words.

        An ordinary noun starts a run only right after a title ("Frau Sommer", "Herr Pate").
        """
        i = 0
        while i < len(tokens):
            titled_noun = ((tokens[i].kind is Kind.NOUN or self._titled_place(tokens[i]))
                           and i > 0 and tokens[i - 1].kind is Kind.TITLE
                           and _GAP.fullmatch(text[tokens[i - 1].end:tokens[i].start]) is not None)
            if tokens[i].kind not in NAME_KINDS and not titled_noun:
                i += 1
                continue
            j = i + 1
            while (j < len(tokens) and tokens[j].kind in NAME_KINDS
                   and _GAP.fullmatch(text[tokens[j - 1].end:tokens[j].start]) is not None
                   and not tokens[j].sentence_start and not _column_break(text, tokens, i, j)):
                j += 1
            yield i, j
            i = j

    def find(self, text: str, tokens: list[Token]) -> Iterator[tuple[int, int, float, str]]:
        runs = list(self._runs(text, tokens))
        pair_heads = _surname_first_chains(text, tokens, runs) if "," in text else set()
        skip_next = False
        named_until = -1  # end of the last run that named an institution
        for n, (i, j) in enumerate(runs):
            if skip_next:
                skip_next = False
                continue
            if _institution_name(text, tokens, i, named_until):
                named_until = j
                continue
            before = self._before(text, tokens, i)
            if _institution_after(text, tokens, j):
                continue  # "Geschwister Scholl Gymnasium", "Karl Kübel Stiftung"
            if _quoted_title(text, tokens, i, j):
                continue  # „Michel aus Lönneberga“, „Pippi Langstrumpf“
            if ENGLISH_CLOSING_AFTER.match(text, tokens[j - 1].end):
                continue  # "Best regards": an English closing
            if j - i == 1 and len(tokens[i].text) <= 2 and _alone_in_cell(text, tokens[i]):
                continue  # "| 7b | De | ...": a subject or a code in a timetable cell
            if n in pair_heads:  # "Haile, Tesfaye und Kovačević, Mirela": a list of entries
                skip_next = True
                yield tokens[i].start, tokens[runs[n + 1][1] - 1].end, 0.85, "surname, first name"
                continue
            merged = self._surname_first(text, tokens, runs, n)
            if merged is not None:
                start, end = merged
                skip_next = True
                yield start, end, 0.85, "surname, first name"
                rest = [t for t in tokens[runs[n + 1][0]:runs[n + 1][1]] if t.start > end]
                if rest and not _KEY_WORD.fullmatch(rest[0].text):  # the next column: "Volkova, Irina   Tom Berg"
                    yield from self._decide(rest, None)
                continue
            for start, end, score, why in self._decide(tokens[i:j], before):
                if why == "first name" and end == tokens[j - 1].end and _short_surname_in_cell(text, tokens, j, start):
                    end = tokens[j].end  # "| Can Er |": a short surname that is also a word
                yield start, end, score, why

    @staticmethod
    def _before(text: str, tokens: list[Token], i: int) -> Token | None:
        """The word before a run (skipping a title chain like "Frau Dr."), or None at a boundary."""
        if i == 0 or text[tokens[i - 1].end:tokens[i].start].strip(" \t:"):
            return None
        return tokens[i - 1]

    def _surname_first(self, text: str, tokens: list[Token], runs: list[tuple[int, int]],
                       n: int) -> tuple[int, int] | None:
        """"Schmidt, Lea" / "YILMAZ, AYLIN" / "Schmidt, L." as one span."""
        if n + 1 >= len(runs):
            return None
        i, j = runs[n]
        i2, j2 = runs[n + 1]
        if j - i > 1 and tokens[i].text in _PREPOSITION_PARTICLES and not _entry_start(text, tokens[i].start):
            i += 1  # "Rückmeldung von Okonkwo, Chidi": a preposition, not "von Bülow, Friederike"
        head = tokens[i:j]
        if len(head) > 3 or i2 != j or not _COMMA_GAP.fullmatch(text[tokens[j - 1].end:tokens[i2].start]):
            return None
        if i > 0 and tokens[i - 1].kind is Kind.TITLE and _GAP.fullmatch(text[tokens[i - 1].end:head[0].start]):
            return None  # "Frau Bauer, Dilek ist krank": a surname after a title, then a child's given name
        if i > 0 and _COMMA_GAP.fullmatch(text[tokens[i - 1].end:head[0].start]) \
                and (tokens[i - 1].kind in NAME_KINDS or text[tokens[i - 1].end - 1] == "."):
            return None  # "Emma S., Levin, Aleyna": one more entry of a list of given names
        entry = ((_entry_start(text, head[0].start)
                  or (i > 0 and tokens[i - 1].role and _GAP.fullmatch(text[tokens[i - 1].end:head[0].start])))
                 and not _enumeration(text, tokens, j2))  # also after a role: "die Schülerin Wolf, Emma"
        closed = entry and _entry_end(text, tokens[j2 - 1].end)  # "| Bah, Mariama |"
        given = tokens[i2:j2]
        if (len(head) == 1 and head[0].text.lower() in EAST_ASIAN_SURNAMES and len(given) <= 2
                and all(_GIVEN_PART.fullmatch(t.text.lower()) and t.text[:1].isupper()
                        and not ordinary_noun(t.text) for t in given)  # "Fr. Jung, Mensa – Hr. Koch"
                and not _enumeration(text, tokens, j2)):
            return head[0].start, given[-1].end  # "Lee, Seo-yeon", "Tran, Minh Duc"
        for k, t in enumerate(head):
            if not (t.kind in (Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN, Kind.PARTICLE)
                    or (t.kind in (Kind.NOUN, Kind.WEAK_FIRST) and entry and len(head) == 1)  # "Böttcher, Finn", "Stein, Rüdiger"
                    or (t.kind is Kind.FIRST and len(head) == 1
                        and ((t.also_surname and not _enumeration(text, tokens, j2)) or entry))
                    or (t.kind is Kind.FIRST and k > 0 and head[k - 1].kind is Kind.PARTICLE)  # "di Stefano", "Ferreira da Silva"
                    or (t.kind is Kind.FIRST and k > 0 and t.also_surname and head[k - 1].kind is Kind.SUR)):  # "Sánchez Moreno"
                return None
        if head[-1].kind is Kind.PARTICLE or (head[-1].lowercase and not (
                _lower_case_entry(text, head, tokens[i2:j2]) and (i == 0 or tokens[i - 1].kind is not Kind.TITLE))):
            return None
        # After the comma only given names or initials: "Schmidt, Lea Marie", "Demir, M. A."; they
        # end at a wide gap to the next column or before a key ("Volkova, Irina   Tel", "Daniel IdNr")
        firsts = tokens[i2:j2]
        if _KEY_WORD.fullmatch(firsts[0].text):
            return None  # "Ouazzani, IdNr 12 345 678 901": a key after the name
        firsts = firsts[:next((k for k in range(1, len(firsts)) if _given_names_end(text, firsts[k - 1], firsts[k])),
                              len(firsts))]
        if (len(firsts) == 1 and firsts[0].kind is Kind.UNKNOWN and len(head) == 1
                and (head[0].kind is Kind.SUR or head[0].also_surname or closed)
                and not _enumeration(text, tokens, j2)):
            return head[0].start, firsts[0].end  # "KRASNIQI, ARBËR", "Sow, Mamadou": a given name in no list
        if not all(t.kind in (Kind.FIRST, Kind.WEAK_FIRST, Kind.INITIAL) for t in firsts):
            return None
        weak_only = not any(t.kind in (Kind.FIRST, Kind.INITIAL) for t in firsts)
        if weak_only and not (closed and head[-1].kind in (Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN)):
            return None  # "Amoah, Grace" only as a whole table cell or line
        if tokens[i2].kind is Kind.INITIAL and (
                not _NO_PAGE.match(text, tokens[j2 - 1].end)
                or (head[0].kind is Kind.UNKNOWN and not entry)):
            return None  # "Müller, S. 12" is a page; "Mbeki, T. · Lindner, K." are names
        return head[0].start, firsts[-1].end

    # -- decisions -----------------------------------------------------------------------------

    def _decide(self, run: list[Token], before: Token | None) -> Iterator[tuple[int, int, float, str]]:
        titled = before is not None and before.kind is Kind.TITLE
        role = before is not None and before.role
        noun = before is not None and before.determiner and not titled
        pos = 0
        while pos < len(run):
            tok = run[pos]
            if tok.kind is Kind.FIRST or (titled and pos == 0):
                end = pos + 1
                while (end < len(run) and end - pos < MAX_NAME_TOKENS and run[end].kind in TAIL_KINDS
                       and not _article_after_name(run, end)):
                    end += 1
                while end - 1 > pos and run[end - 1].kind is Kind.PARTICLE:
                    end -= 1
                start = pos
                while (not titled and start > 0 and start > pos - 2
                       and run[start - 1].kind is Kind.SUR):
                    start -= 1
                start = _particles_before(run, start)
                if (start == 0 and start < pos and before is not None and not titled
                        and run[0].text in _PREPOSITION_PARTICLES and before.text[:1].isupper()):
                    start = 1  # "Mutter von Nguyễn Văn Bảo": after a noun "von" is a preposition
                if titled and pos == 0:
                    score, why = 0.9, "title"
                else:
                    score = 0.85 if end - start > 1 else 0.7
                    why = "first name"
                    if tok.lowercase:
                        score -= 0.15
                yield run[start].start, run[end - 1].end, score, why
                pos = end
                titled = False
                continue
            nxt = run[pos + 1] if pos + 1 < len(run) else None
            if tok.kind is Kind.INITIAL:
                last = pos + 1  # "L. Schmidt", "M. A. Demir": initials, then the surname
                while last < len(run) and run[last].kind is Kind.INITIAL and last - pos < 3:
                    last += 1
                particles = last  # "J. van Dijk", "A. de la Cruz"
                while (particles < len(run) and particles - last < _MAX_PARTICLES
                       and run[particles].kind is Kind.PARTICLE
                       and (particles > last or run[particles].text not in _ARTICLES)):
                    particles += 1
                if particles > last and particles < len(run) and run[particles].kind in (
                        Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN):
                    last = particles
                if last < len(run) and run[last].kind in (Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN, Kind.FIRST,
                                                          Kind.WEAK_FIRST):  # "V. Stein", "R. Rosa"
                    yield tok.start, run[last].end, 0.75, "initial"
                    pos = last + 1
                    continue
            if tok.kind is Kind.WEAK_FIRST and nxt is not None and nxt.kind in (Kind.SUR, Kind.UNKNOWN, Kind.FIRST):
                end = pos + 2  # "Rosa Fernández López": the surnames after it belong to the name
                while (end < len(run) and end - pos < MAX_NAME_TOKENS
                       and run[end].kind in (Kind.SUR, Kind.UNKNOWN, Kind.WEAK_SUR)):
                    end += 1
                joined = _particle_surname_after(run, end - 1)  # "Rosa María Jiménez de la Torre"
                if joined is not None and joined - pos < MAX_NAME_TOKENS + 2:
                    end = joined + 1
                yield tok.start, run[end - 1].end, 0.6, "ambiguous first name + surname"
                pos = end
                continue
            if (tok.kind is Kind.UNKNOWN and nxt is not None and not noun and not tok.lowercase
                    and (nxt.kind is Kind.SUR or (nxt.kind is Kind.FIRST and nxt.also_surname))):
                yield tok.start, nxt.end, 0.6, "unknown first name + surname"
                pos += 2
                continue
            # "durch den Park": an article opened the run as a particle
            article = (pos > 0 and run[pos - 1].text in _ARTICLES
                       and not (pos > 1 and run[pos - 2].kind is Kind.PARTICLE))  # "van den Bosch"
            if tok.kind is Kind.SUR and not tok.lowercase and not noun and not article:
                first_k = _particles_before(run, pos)  # "van der Meulen", "de Luca"
                if (first_k == 0 and pos == 1 and before is not None and not titled
                        and run[0].text in _PREPOSITION_PARTICLES and before.text[:1].islower()):
                    first_k = 1  # "aufgenommen von Schreiber": after a verb "von" is a preposition
                first = run[first_k]
                if nxt is not None and nxt.kind in (Kind.SUR, Kind.UNKNOWN, Kind.WEAK_SUR):
                    yield first.start, nxt.end, 0.6, "two surnames"
                    pos += 2
                    continue
                joined = _particle_surname_after(run, pos)
                if joined is not None:  # "Ferreira da Silva", "Mendes dos Santos"
                    yield first.start, run[joined].end, 0.6, "two surnames"
                    pos = joined + 1
                    continue
                score = 0.75 if role else (0.45 if tok.sentence_start else 0.5)
                yield first.start, tok.end, score, "surname"
            elif (role and tok.kind in (Kind.WEAK_SUR, Kind.UNKNOWN) and not tok.lowercase and pos == 0
                  and before is not None and before.text.lower() not in _PRONOUN_ROLES
                  and not (tok.kind is Kind.UNKNOWN and noun_compound(tok.text))):  # "name: Hygieneplan"
                yield tok.start, tok.end, 0.5, "role + name"
            elif (tok.kind is Kind.WEAK_FIRST and not tok.lowercase and pos == 0 and before is not None
                  and before.text.lower() in _KIN_NOUNS and (nxt is None or nxt.kind is not Kind.NOUN)):
                yield tok.start, tok.end, 0.5, "kin + given name"  # "Tochter Rosa", "Sohn Mark"
            pos += 1



#: A child or sibling named by the given name alone right after: "Tochter Mai", "Sohn Mark" (a
#: given name that is also a word counts there).
_KIN_NOUNS = {"tochter", "sohn", "enkel", "enkelin", "bruder", "schwester", "pflegetochter", "pflegesohn",
              "zwillingsschwester", "zwillingsbruder"}


#: Particles that are also German words ("von Lea", "da Lea krank war"): part of a name only
#: before a surname ("von Bredow", "da Silva"), never before a first name.
_GERMAN_PARTICLES = {"von", "vom", "zu", "der", "den", "da", "du", "bin"}  # "ich bin Ola Nowak"
_MAX_PARTICLES = 3
_ARTICLES = {"der", "den", "zu", "vom"}
#: Roles that are pronouns ("mein Mann", "unser Laternenfest"): they back a listed surname, never
#: an ordinary word or a word in no list.
_PRONOUN_ROLES = {"ich", "mein", "meine", "meinem", "meiner", "unser", "unsere"}


#: A key of a form or an export, never a name: "IdNr", "SchuelerNr", "Schüler-Nr", "KundenID".
_KEY_WORD = re.compile(r"[^\W\d_]*[a-zß-ÿ]-?(?:Nr|Id|ID)\.?")


def _given_names_end(text: str, last: Token, nxt: Token) -> bool:
    """The given names of "Surname, Given" end before ``nxt``: a wide gap to the next column of a
    form parts them, or ``nxt`` is a key ("Volkova, Irina   Tel ...", "Ruiz Ortega, Daniel IdNr")."""
    return "  " in text[last.end:nxt.start] or _KEY_WORD.fullmatch(nxt.text) is not None


def _column_break(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """Whether a wide gap before ``tokens[j]`` parts two columns of a list or a PDF text, each
    with a name of two words or more ("Marija Jovanović   M. Jovanović"): two names, not one."""
    if j - i < 2 or j + 1 >= len(tokens) or text[tokens[j - 1].end:tokens[j].start] in (" ", ""):
        return False
    nxt = tokens[j + 1]
    return nxt.kind in NAME_KINDS and text[tokens[j].end:nxt.start] == " "


def _article_after_name(run: list[Token], k: int) -> bool:
    """``run[k]`` is a German article right after a name word, not a particle of the name:
    "Marvin den Stein warf", "Lea der Lehrerin" (a name particle "van der", "von der" starts
    with a particle of its own)."""
    return (run[k].text in ("der", "den") and run[k].kind is Kind.PARTICLE
            and run[k - 1].kind not in (Kind.PARTICLE, Kind.INITIAL)  # "Magnus I. der Gute"
            and run[k - 1].text.lower() not in PARTICLES)  # "Frau Van der Berg"


#: Particles that are also German prepositions ("die Mutter von Lea").
_PREPOSITION_PARTICLES = {"von", "vom"}
#: A noun made of a participle or adjective of duty or right ("Sorgeberechtigte",
#: "Unterhaltspflichtiger"): a role, never a name.
_ADJECTIVAL_NOUN = re.compile(r"[A-ZÄÖÜ][a-zäöüß]+(?:berechtigte|pflichtige|beteiligte|bedürftige|befugte)[rn]?")


def _past_marks(text: str, end: int) -> int:
    """``end`` moved past the rest of a word that a combining mark continues: the name words of
    the tokens stop at a mark ("शर्मा" is cut after "शर"; "Nguyễn" written with combining accents)."""
    while end < len(text) and (unicodedata.category(text[end])[0] == "M"
                               or (text[end].isalpha() and unicodedata.category(text[end - 1])[0] == "M")):
        end += 1
    return end


def _particles_before(run: list[Token], k: int) -> int:
    """Index where the name at ``run[k]`` starts, taking lower-case particles right before it
    ("de Luca", "van der Meulen", "von Bredow"; not "von Lea")."""
    start = k
    while start > 0 and k - start < _MAX_PARTICLES and run[start - 1].kind is Kind.PARTICLE:
        start -= 1
    while start < k and run[start].text in _ARTICLES:
        start += 1  # "den Park", "der Müller": an article, not "van der"
    chain = {t.text for t in run[start:k]}
    if run[k].kind in (Kind.FIRST, Kind.WEAK_FIRST) and chain & _GERMAN_PARTICLES:
        return k
    return start


def _particle_surname_after(run: list[Token], k: int) -> int | None:
    """The index of a second surname joined to the one at ``k`` by particles ("Ferreira da
    Silva", "Pereira dos Santos"): a capitalised surname, or a first name that is also one."""
    end = k + 1
    while end < len(run) and end - k <= _MAX_PARTICLES and run[end].kind is Kind.PARTICLE:
        end += 1
    if end == k + 1 or end >= len(run):
        return None
    tok = run[end]
    surname = tok.kind in (Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN) or (tok.kind is Kind.FIRST and tok.also_surname)
    return end if surname and not tok.lowercase else None


def _institution_name(text: str, tokens: list[Token], i: int, named_until: int) -> bool:
    """The run at ``i`` names an institution: "Kita Max", "Kita „Astrid Lindgren“", "St. Martin",
    "Kita Arche Noah", "Kita Max und Moritz"."""
    if named_until == i - 1 and i > 0 and tokens[i - 1].text in ("und", "&"):
        return True
    k = i
    while k > 0 and i - k < 3:
        prev = tokens[k - 1]
        gap = text[prev.end:tokens[k].start]
        if not _NAME_GAP.fullmatch(gap) or (gap.startswith(".") and prev.text.lower() not in ("st", "hl")):
            return False  # a period only after "St." ("Kita St. Martin"), never a sentence end
        if "\t" in gap or "  " in gap or prev.kind is Kind.TITLE:
            return False  # a cell border or a title: "FöS Lernen<TAB>Frau Reiter" is a person
        if names_institution(prev.text):
            return True
        if not prev.text[:1].isupper():
            return False
        k -= 1
    return False


def _institution_after(text: str, tokens: list[Token], j: int) -> bool:
    """An institution word right after the run, or after one or two more capitalised words."""
    k = j
    while k < len(tokens) and k - j < 3:
        if not _GAP.fullmatch(text[tokens[k - 1].end:tokens[k].start]):
            return False
        if tokens[k].institution or tokens[k].text in LEGAL_FORMS or (
                tokens[k].kind in (Kind.OTHER, Kind.NOUN) and tokens[k].text.lower() in _PLACE_HEADS):
            return True  # "Karl Kübel Stiftung", "Autohaus Ziegler GmbH", "Anne Frank Zentrum"
        if not tokens[k].text[:1].isupper():
            return False
        k += 1
    return False


#: Words after a person's name that make it the name of a place or institution ("Anne Frank
#: Zentrum", "Clara Schumann Saal") and are common words the token lists do not mark.
_PLACE_HEADS = frozenset({"zentrum", "saal", "halle", "haus", "heim", "museum", "bibliothek", "bücherei",
                          "institut", "akademie", "stiftung", "schule", "gymnasium", "kolleg", "preis",
                          "denkmal", "gedenkstätte", "archiv", "forum", "treff", "campus"})


def _quoted_title(text: str, tokens: list[Token], i: int, j: int) -> bool:
    """A run that opens a quotation which goes on after it: a title, not a person."""
    if i == 0 or not text[tokens[i - 1].end:tokens[i].start].endswith(("„", "»", "\"")):
        return False
    rest = text[tokens[j - 1].end:tokens[j - 1].end + 2]
    return (bool(rest) and rest[0] not in "“«\"" and rest.strip()[:1].isalpha()
            and not direct_speech(text, tokens[j - 1].end))


_QUOTE_END = re.compile(r"[^\n“”«»\"]{0,80}?(?P<stop>[.!?…]?)[ ]?[“”«\"]")


def direct_speech(text: str, pos: int) -> bool:
    """The quotation going on at ``pos`` is a sentence ("„Jannik hat Leonie geschlagen.“"), not a
    title („Michel aus Lönneberga“): it ends with a full stop, or does not end on its line."""
    m = _QUOTE_END.match(text, pos)
    return m is None or bool(m.group("stop"))


#: What may stand between a line's start (or a cell border) and an entry: a number or a bullet
#: ("3. ", "a) ", "- "), a column of a table aligned with blanks (three or more), an opening quote of a CSV cell, a label and a colon ("Kind: ").
_ENTRY_BEFORE = re.compile(r"(?:.*(?:[;\t|·]|,[ ]?\"|\S[ ]{3,}))?[ ]*(?:\d{1,3}[.)]?[ ]+|[a-z]\)[ ]+|[-•*][ ]+)?\"?"
                           r"|[ ]*[A-ZÄÖÜ][\w /()-]{0,30}:[ ]+|[ ]*[A-Za-z][\w.-]{0,40}[ ]?=[ ]?\"?")  # "name=", "kind.name ="
_ENTRY_AFTER = re.compile(r"[ ]*(?:[;\t|·\"]|$|[ ]\(|,[ ]?(?:geb|\d))", re.MULTILINE)
#: After "Surname, X." no page or figure number follows ("Müller, S. 12").
_NO_PAGE = re.compile(r"(?![ ]?\d)")


def _entry_start(text: str, start: int) -> bool:
    """``start`` opens a line, a table cell, a numbered list entry or the value after a label."""
    line = text[text.rfind("\n", 0, start) + 1:start]
    return _ENTRY_BEFORE.fullmatch(line) is not None


def _entry_end(text: str, end: int) -> bool:
    """``end`` closes a line, a table cell or a CSV cell, or a bracket or a birth date follows."""
    return _ENTRY_AFTER.match(text, end) is not None


_CELL_BEFORE = re.compile(r"[|;\t][ ]*\Z")
_CELL_AFTER = re.compile(r"[ ]*(?:[|;\t]|$)", re.MULTILINE)


def _alone_in_cell(text: str, token: Token) -> bool:
    """The token fills a table cell by itself: "| De |", ";Ma;"."""
    return (_CELL_BEFORE.search(text, max(0, token.start - 4), token.start) is not None
            and _CELL_AFTER.match(text, token.end) is not None)


_CELL_OR_LINE_BEFORE = re.compile(r"(?:^|[|;\t])[ ]*\Z", re.MULTILINE)


def _short_surname_in_cell(text: str, tokens: list[Token], j: int, start: int) -> bool:
    """After a given name, a capitalised word of two or three letters that is no name in the lists
    ("Er", "Ok") and fills the table cell with it: "| Can Er |", ";Elif Ok;"."""
    if j >= len(tokens):
        return False
    t = tokens[j]
    return (len(t.text) <= 3 and t.kind is Kind.OTHER and t.text[:1].isupper() and t.text[1:].islower()
            and not (t.determiner or t.role or t.institution) and text[tokens[j - 1].end:t.start] == " "
            and _CELL_OR_LINE_BEFORE.search(text, max(0, start - 4), start) is not None
            and _CELL_AFTER.match(text, t.end) is not None)


_STREET_NUMBER = re.compile(r"\.?[ ]?\d")


def _enumeration(text: str, tokens: list[Token], j: int) -> bool:
    """More names follow with a comma or "und": "Lea, Mia und Tom" is no "Surname, First name"."""
    if j >= len(tokens):
        return False
    between = text[tokens[j - 1].end:tokens[j].start]
    if between.strip() == ",":  # "Lea, Mia"; not "Paulsen, Jette, Geburtsdatum …", nor "| 12,50 |\n"
        return (tokens[j].kind in NAME_KINDS and not tokens[j].lowercase
                and _STREET_NUMBER.match(text, tokens[j].end) is None)  # "Hala, Bahnhofstr. 47"
    return tokens[j].text in ("und", "&", "oder")


def _surname_like_stem(part: str) -> bool:
    """A word ending in "-haus" or "-heim" that is no noun: a surname of that shape ("Ebbinghaus",
    "Niehaus", "Oppenheim"), not "Krankenhaus" or "Kinderheim"."""
    return part.lower().endswith(("haus", "heim")) and len(part) > 6 and not ordinary_noun(part)


def _hyphenated_surname(tok: Token, lexicon: NameLexicon) -> bool:
    """A hyphenated word of capitalised parts, one a listed surname, none an institution or a
    place: "Fuchs-Öztürk", "Schulze-Ebbinghaus" (also words, so no list calls the whole a name)."""
    if "-" not in tok.text or tok.kind not in (Kind.OTHER, Kind.NOUN):
        return False
    parts = tok.text.split("-")
    if len(parts) > 3 or not all(len(p) >= 2 and p[:1].isupper() and p[1:].islower() for p in parts):
        return False
    if any(fold(p) in lexicon.never_names
           or (p.lower().endswith(INSTITUTION_STEMS) and fold(p) not in lexicon.surnames
               and not _surname_like_stem(p)) for p in parts):
        return False  # "Fr. Meier-Schule"; "Ebbinghaus" (no noun) is a surname
    return any(fold(p) in lexicon.surnames for p in parts)


_PLAIN_WORD = re.compile(r"[A-ZÄÖÜ][a-zäöüß]{2,}")
#: Adverbs and greetings that may stand capitalised after a name ("Danke Lea, Danke Jonas").
_ADVERBS = {"danke", "bitte", "herzlich", "herzlichst", "heute", "morgen", "gestern", "auch", "gut",
            "hallo", "noch", "schon", "bald", "dann", "jetzt", "hier", "dort", "nicht"}
#: After a name that closes an entry: a comma, a bracket, a semicolon, the line's end, the quote
#: closing a CSV cell or a middle dot between entries.
_ENTRY_END = re.compile(r"[ ]?(?:[,;()]|$)|\"[;,]|[ ]·[ ]", re.MULTILINE)


def _nouns_after_first_names(text: str, tokens: list[Token], lexicon: NameLexicon) -> list[Token]:
    """A noun right after a first name is a surname that is also a noun: "Ines Hagedorn",
    "Leni Stamm", "Tobias Freytag" (not after a surname: "Wahid Azizi Spätschicht"; not a compound
    the writer made: "Steffi Elternbeirat"); so is a
    hyphenated word with a listed surname in it after a first name or a title ("Karin
    Fuchs-Öztürk", "Fr. Schulze-Ebbinghaus")."""
    for i in range(1, len(tokens)):
        if (tokens[i].kind in (Kind.NOUN, Kind.UNKNOWN) and tokens[i - 1].kind in (Kind.FIRST, Kind.WEAK_FIRST)
                and _unlisted_compound(tokens[i].text, lexicon)):
            tokens[i] = replace(tokens[i], kind=Kind.OTHER)  # "Steffi Elternbeirat:", "Gül Sitzplan besprechen"
            continue
        if (tokens[i - 1].kind in (Kind.FIRST, Kind.WEAK_FIRST, Kind.TITLE)
                and _hyphenated_surname(tokens[i], lexicon)
                and _GAP.fullmatch(text[tokens[i - 1].end:tokens[i].start]) is not None):
            tokens[i] = replace(tokens[i], kind=Kind.SUR)
            continue
        if (tokens[i].kind is Kind.NOUN and tokens[i - 1].kind in (Kind.FIRST, Kind.WEAK_FIRST)
                and tokens[i].text not in _OBJECT_NOUNS
                and _GAP.fullmatch(text[tokens[i - 1].end:tokens[i].start]) is not None
                and not (i > 1 and tokens[i - 2].kind in NAME_KINDS and tokens[i - 2].kind is not Kind.UNKNOWN
                         and _GAP.fullmatch(text[tokens[i - 2].end:tokens[i - 1].start]))):
            tokens[i] = replace(tokens[i], kind=Kind.WEAK_SUR)  # also after "Ratsfrau Gisela"
        elif (tokens[i].kind is Kind.OTHER and tokens[i - 1].kind is Kind.FIRST
              and not tokens[i - 1].lowercase and _PLAIN_WORD.fullmatch(tokens[i].text)
              and not (tokens[i].role or tokens[i].determiner or tokens[i].sentence_start)
              and fold(tokens[i].text) not in lexicon.never_names
              and tokens[i].text.lower() not in _ADVERBS
              and not names_institution(tokens[i].text)
              and _GAP.fullmatch(text[tokens[i - 1].end:tokens[i].start]) is not None
              and _ENTRY_END.match(text, tokens[i].end)):
            tokens[i] = replace(tokens[i], kind=Kind.WEAK_SUR)  # "Hartmut Schöne,", "Mareike Sandhaus\n"
    return tokens


_MIN_MODIFIER = 3
#: Last parts of German surnames that are also nouns ("Feld|haus", "Stein|kamp", "Linden|hof").
_SURNAME_HEADS = ("haus", "hof", "kamp", "bach", "dorf", "feld", "mann", "berg", "stein", "brink", "horst",
                  "wald", "hagen", "busch", "kötter", "meier", "meyer", "schulte", "reich", "hausen", "beck",
                  "brock")


def _unlisted_compound(word: str, lexicon: NameLexicon) -> bool:
    """A word in no name list and no noun list (:func:`noun_compound` checks that) that splits into
    two nouns, the first a frequent word ("Eltern|beirat", "Sitz|plan", "Sport|fest"): a compound the
    writer made, no surname after a given name; surnames are built from rarer words ("Kraut|wurst",
    "Rauten|strauch")."""
    folded = fold(word)
    if folded in lexicon.surnames or folded in lexicon.first_names or not noun_compound(word):
        return False
    nouns = load_nouns()
    return not word.lower().endswith(_SURNAME_HEADS) and any(
        lexicon.is_common(word[:k]) and "N" in nouns.get(word[k].upper() + word[k + 1:], "")
        for k in range(_MIN_MODIFIER, len(word) - _MIN_MODIFIER + 1))


#: Nouns after a first name that are no surnames: the end of a phrase with a verb and a person in
#: the dative ("sag Dilara Bescheid", "gib Lea Recht", "lass Mia Zeit"), a parent's role in a chat
#: name ("Jana Mama von Finn").
_OBJECT_NOUNS = {"Bescheid", "Recht", "Zeit", "Ruhe", "Mut", "Rückmeldung", "Feedback", "Nachricht", "Danke",
                 "Mama", "Papa", "Mami", "Papi", "Mutti", "Vati"}


#: Longest rare noun taken for a first name before a surname ("Amara Diallo"; not "Hausaufgabenhilfe").
_RARE_FIRST_CHARS = 8


def _rare_nouns_before_surnames(text: str, tokens: list[Token], lexicon: NameLexicon) -> list[Token]:
    """A short noun that German text never uses as an ordinary word, right before a listed surname,
    is a first name that a dictionary also lists ("Amara Diallo", "Kalinda Osei"); not after an
    article or a title ("der Amara", "Frau Mensa Weber" is left to the title rule). So is one after
    a listed surname and a comma that fill a cell or line ("| Rostami, Dorsa |")."""
    for i in range(len(tokens) - 1):
        tok, nxt = tokens[i], tokens[i + 1]
        if (_rare_noun(tok, lexicon) and nxt.kind is Kind.SUR and not nxt.lowercase
                and _GAP.fullmatch(text[tok.end:nxt.start]) is not None
                and not (i > 0 and (tokens[i - 1].determiner or tokens[i - 1].kind is Kind.TITLE)
                         and _GAP.fullmatch(text[tokens[i - 1].end:tok.start]))):
            tokens[i] = replace(tok, kind=Kind.WEAK_FIRST)
        elif (_rare_noun(nxt, lexicon) and tok.kind is Kind.SUR and not tok.lowercase
              and text[tok.end:nxt.start] == ", " and _entry_start(text, tok.start) and _entry_end(text, nxt.end)):
            tokens[i + 1] = replace(nxt, kind=Kind.WEAK_FIRST)  # "| Rostami, Dorsa |": an entry of its own
    return tokens


def _rare_noun(tok: Token, lexicon: NameLexicon) -> bool:
    """A short capitalised noun that German text never uses as an ordinary word ("Amara", "Dorsa")."""
    return (tok.kind is Kind.NOUN and not tok.lowercase and len(tok.text) <= _RARE_FIRST_CHARS
            and not lexicon.is_common(tok.text) and not _inflected_noun(tok.text))


#: Endings of the genitive and plural forms of a German noun ("Antrags", "Eingaben"; "Idee" -> "Ideen").
_INFLECTIONS = ("s", "es", "e", "en")


def _inflected_noun(word: str) -> bool:
    """A noun whose genitive or plural the dictionary lists is a word German inflects and uses
    ("Anfrage", "Einwand", "Gesuch"), no rare noun that is a first name elsewhere ("Amara")."""
    nouns = load_nouns()
    return any(word + ending in nouns for ending in _INFLECTIONS) or (
        word.endswith("e") and word + "n" in nouns)


_LISTED = (Kind.FIRST, Kind.SUR)


def _surnames_between_names(text: str, tokens: list[Token]) -> list[Token]:
    """A listed surname that is also a word, between names in a comma list, or opening or
    closing one before or after two listed surnames, is a surname: "Anwesend: Brandt, Vogel,
    Okafor", "Jury: Vogel, Okafor, Brandt" (not "Äpfel, Birnen")."""
    for i in range(len(tokens)):
        if tokens[i].kind is not Kind.WEAK_SUR or tokens[i].lowercase:
            continue
        for a, b in ((i - 1, i + 1), (i + 1, i + 2), (i - 2, i - 1)):
            if a < 0 or b >= len(tokens):
                continue
            pair = (tokens[a], tokens[b])
            chain = sorted({a, b, i})
            if (all(t.kind in _LISTED and not t.lowercase for t in pair)
                    and (a == i - 1 or all(t.kind is Kind.SUR for t in pair))
                    and all(_COMMA_GAP.fullmatch(text[tokens[k].end:tokens[k + 1].start]) for k in chain[:-1])):
                tokens[i] = replace(tokens[i], kind=Kind.SUR)
                break
    return tokens


#: An item of a legend of staff codes: "KRZ = Kurz", "WLF=Wolf".
_LEGEND_ITEM = re.compile(r"(?<![\w])[A-ZÄÖÜ]{2,4}[ ]?=[ ]?(?=[A-ZÄÖÜ])")


def _surnames_of_a_legend(text: str, tokens: list[Token]) -> list[Token]:
    """A surname that is also a word, explaining a code in a legend of codes beside a listed
    surname ("Kürzel: HOF = Hofmann, KRZ = Kurz"), is a surname."""
    if "=" not in text:
        return tokens
    starts = {m.end() for m in _LEGEND_ITEM.finditer(text)}
    items = [k for k, t in enumerate(tokens) if t.start in starts]
    lines = {}
    for k in items:
        lines.setdefault(text.count("\n", 0, tokens[k].start), []).append(k)
    for group in lines.values():
        if len(group) >= 2 and any(tokens[k].kind is Kind.SUR for k in group):
            for k in group:
                if tokens[k].kind is Kind.WEAK_SUR:
                    tokens[k] = replace(tokens[k], kind=Kind.SUR)
    return tokens


_AND_GAP = re.compile(r",[ ]|[ ](?:und|&|oder)[ ]")


def _weak_first_names_beside_names(text: str, tokens: list[Token]) -> list[Token]:
    """A given name that is also a word, joined by "und" or a comma to a given name that is
    none, is a given name: "Mai und Linh", "Linh, Mai und Tuan", "Jonas und Rosa"."""
    names = [k for k, t in enumerate(tokens) if t.kind is Kind.FIRST and not t.lowercase]
    if not names:
        return tokens
    for i, tok in enumerate(tokens):
        if tok.kind is not Kind.WEAK_FIRST or tok.lowercase:
            continue
        for k in (i - 1, i + 1):
            if not 0 <= k < len(tokens):
                continue
            other = tokens[k]
            if other.text in ("und", "oder") and 0 <= 2 * k - i < len(tokens):
                gap_tokens = (tok, tokens[2 * k - i]) if k > i else (tokens[2 * k - i], tok)
                other = tokens[2 * k - i]
            else:
                gap_tokens = (tok, other) if k > i else (other, tok)
            if (other.kind is Kind.FIRST and not other.lowercase
                    and _AND_GAP.fullmatch(text, gap_tokens[0].end, gap_tokens[1].start)):
                tokens[i] = replace(tok, kind=Kind.FIRST)
                break
    return tokens


#: Prepositions that are also given names ("An", "Bo"), capitalised at the start of a sentence.
_OPENING_PREPOSITIONS = frozenset({"An", "Bei", "Ab", "Bis", "Um", "Zu"})


def _line_openers(text: str, tokens: list[Token]) -> list[Token]:
    """A preposition that is also a given name opens a sentence before a name ("An Hakan Yıldırım,
    Hauptstr. 5", "Bei Lea Brandt nachfragen"), and "Best," opens the last line of an English
    mail before the writer's name ("Best, Grace"): neither is part of the name."""
    for i, tok in enumerate(tokens):
        if tok.sentence_start and tok.text in _OPENING_PREPOSITIONS and i + 1 < len(tokens) \
                and tokens[i + 1].kind in (Kind.FIRST, Kind.SUR) and text[tok.end:tokens[i + 1].start] == " ":
            tokens[i] = replace(tok, kind=Kind.OTHER)
        elif tok.text == "Best" and english_closing_best(text, tok.start):
            tokens[i] = replace(tok, kind=Kind.OTHER, role=True)
    return tokens


#: Faculties after "Dr." or "Dipl.": "Dr. med. Stein", "Dr. rer. nat. Okafor", "Dipl.-Päd. Koch".
ACADEMIC = {"med", "rer", "nat", "phil", "jur", "dent", "vet", "habil", "paed", "päd", "psych",
            "soz", "ing", "oec", "pol", "theol", "math", "pharm", "sc"}


#: Arabic name particles written capitalised or in capitals ("El Amrani", "AL HASSAN", "Abu Zaid").
_ARABIC_PARTICLES = frozenset({"al", "el", "abu", "abd", "ibn"})  # not "Ben", "Bin": "Ben Müller"
#: Romance and Dutch particles, in capitals only ("DE OLIVEIRA SANTOS", "DI STEFANO", "VAN DAM"):
#: capitalised, "Da", "Do", "Von" are German words at a sentence's start.
_UPPER_PARTICLES = frozenset({"de", "da", "di", "del", "della", "dos", "das", "do", "van", "von", "du", "le", "la"})
_SURNAME_KINDS = (Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN, Kind.FIRST)


def _capital_arabic_particles(text: str, tokens: list[Token]) -> list[Token]:
    """A capitalised Arabic particle right before a name in the same case and a comma is a particle
    of that surname in a "Surname, Given" entry, no first name ("El Amrani, Youssef", "AL HASSAN,
    RAMI", "Abu Zaid, Karim"); "Abu Bakr kommt" stays a given name. So is a Romance particle in
    capitals before one or two names in capitals and a comma ("DE OLIVEIRA SANTOS, GABRIEL")."""
    for i in range(len(tokens) - 1):
        tok, nxt = tokens[i], tokens[i + 1]
        if tok.lowercase or tok.kind is Kind.PARTICLE or text[tok.end:nxt.start] != " ":
            continue
        lower = tok.text.lower()
        if (lower in _ARABIC_PARTICLES and nxt.kind in _SURNAME_KINDS
                and tok.text.isupper() == nxt.text.isupper() and _COMMA_GAP.match(text, nxt.end)):
            tokens[i] = replace(tok, kind=Kind.PARTICLE)
        elif lower in _UPPER_PARTICLES and tok.text.isupper() and nxt.kind in _SURNAME_KINDS and nxt.text.isupper():
            after = tokens[i + 2] if i + 2 < len(tokens) else None
            if _COMMA_GAP.match(text, nxt.end) or (
                    after is not None and after.kind in _SURNAME_KINDS and after.text.isupper()
                    and text[nxt.end:after.start] == " " and _COMMA_GAP.match(text, after.end)):
                tokens[i] = replace(tok, kind=Kind.PARTICLE)
    return tokens


def _academic_titles(text: str, tokens: list[Token]) -> list[Token]:
    """A faculty right after a title is part of the title ("Dr. med. Stein"): the name after it
    is titled; alone ("med. Versorgung") it is an abbreviation."""
    for i in range(1, len(tokens)):
        prev, tok = tokens[i - 1], tokens[i]
        if (prev.kind is Kind.TITLE and tok.text.lower().rstrip(".") in ACADEMIC
                and text[tok.end:tok.end + 1] == "." and text[prev.end:tok.start] in (" ", "-", "")):
            tokens[i] = replace(tok, text=tok.text + ".", end=tok.end + 1, kind=Kind.TITLE)
    return tokens


# -- lists of "Surname, Given name" entries in running text ------------------------------------

_CHAIN_GAP = re.compile(r"[ ]?,[ ]{1,2}|[ ]{1,2}(?:und|&|sowie|oder)[ ]{1,2}")


def _head_like(run: list[Token]) -> bool:
    """The tokens can be the surname of an entry: surnames, unknown words, particles, a given name
    that is also a surname ("Haile")."""
    return len(run) <= 3 and not run[-1].lowercase and run[-1].kind is not Kind.PARTICLE and all(
        t.kind in (Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN, Kind.PARTICLE)
        or (t.kind in (Kind.FIRST, Kind.WEAK_FIRST) and t.also_surname) for t in run)


def _given_like(run: list[Token]) -> bool:
    return len(run) <= 3 and not run[0].lowercase and all(
        t.kind in (Kind.FIRST, Kind.WEAK_FIRST, Kind.INITIAL) for t in run)


def _surname_first_chains(text: str, tokens: list[Token], runs: list[tuple[int, int]]) -> set[int]:
    """Run indices that open a "Surname, Given name" entry of a chain of two or more such entries
    joined by commas and "und" ("Haile, Tesfaye und Kovačević, Mirela"; "Mensah, Kwame, Popescu,
    Andreea und Diallo, Mamadou"). The chain alternates surname-like and given-name runs, the
    given name always after a comma, "und" only between entries; at least one surname is a
    surname (listed or of a surname's shape) in no list of given names and at least one given name
    is listed, so that "Lea, Mia, Tom und Paul" and "Ole, Kit, Lina, Bo, Tarek" (given names and
    words in no list) stay enumerations. A head written twice is the surname of a family, also
    when it is a given name too ("Matei, Sorin und Matei, Ioana")."""
    heads: set[int] = set()
    n = 0
    while n < len(runs):
        chain = [n]
        seps = []
        while chain[-1] + 1 < len(runs):
            (_, j), (i2, _) = runs[chain[-1]], runs[chain[-1] + 1]
            if i2 != j and not (i2 == j + 1 and tokens[j].text in ("und", "&", "sowie", "oder")):
                break
            gap = _CHAIN_GAP.fullmatch(text[tokens[j - 1].end:tokens[i2].start])
            if gap is None:
                break
            chain.append(chain[-1] + 1)
            seps.append("," in gap.group())
        n = chain[-1] + 1
        if len(chain) < 4:
            continue
        for offset in (0, 1):  # the chain may start with a word before the first entry
            if offset and seps[0] and all(t.kind is Kind.FIRST for t in tokens[slice(*runs[chain[0]])]):
                break  # "Ines, Pit, Maren, Fee, Jonas": a given name opens an enumeration
            items = chain[offset:]
            if len(items) % 2:
                items = items[:-1]
            if len(items) < 4:
                continue
            pairs = [(items[k], items[k + 1]) for k in range(0, len(items), 2)]
            ok = all(seps[b - chain[0] - 1] and _head_like(tokens[slice(*runs[a])])
                     and _given_like(tokens[slice(*runs[b])]) for a, b in pairs)
            heads_text = [text[tokens[runs[a][0]].start:tokens[runs[a][1] - 1].end] for a, _ in pairs]
            if ok and (any(all(t.kind is not Kind.FIRST and t.kind is not Kind.WEAK_FIRST
                               for t in tokens[slice(*runs[a])])
                           and any(t.kind in (Kind.SUR, Kind.WEAK_SUR) for t in tokens[slice(*runs[a])])
                           for a, _ in pairs)
                       or len(set(heads_text)) < len(heads_text)) \
                    and any(t.kind is Kind.FIRST for _, b in pairs for t in tokens[slice(*runs[b])]):
                heads |= {a for a, _ in pairs}
                break
    return heads


# -- Chinese, Vietnamese and Korean names in Latin letters --------------------------------------

EAST_ASIAN_SCORE = 0.88
#: Frequent Chinese, Vietnamese and Korean surnames in Latin letters; those that are German words
#: or abbreviations ("An", "Im", "Do", "Mai", "Ma", "Du") are left out.
EAST_ASIAN_SURNAMES = frozenset("""
wang li zhang liu chen yang huang zhao wu zhou xu sun zhu guo gao lin luo zheng liang xie tang
feng deng cao peng zeng xiao tian dong yuan jiang cai ye cheng wei ding ren shen yao cui zhong
tan jin shi liao xia bai zou meng xiong qin qiu yin xue yan duan lei hou tao
nguyen tran pham hoang huynh phan vu vo dang bui ngo duong ly truong dinh trinh luong
kim lee yi park pak choi choe jung jeong kang cho yoon yun jang lim kwon hwang ahn seo shin
yoo ryu hong jeon moon bae baek heo kwak
""".split())
#: Vietnamese surnames that are German words or abbreviations ("Do" = Donnerstag, "Mai").
_SHORT_VIETNAMESE_SURNAMES = frozenset({"do", "le", "ho", "mai", "ma", "la", "an", "ha"})
_EAST_ASIAN_OPENERS = EAST_ASIAN_SURNAMES | _SHORT_VIETNAMESE_SURNAMES
_EAST_ASIAN_CAPITALISED = frozenset(w.capitalize() for w in _EAST_ASIAN_OPENERS)
_AFTER_MARK = re.compile(r"[(„\"/»«“'‘\[:;*•–]([A-Z][a-z]{1,5})[ ]")
#: One syllable of a name in pinyin, Vietnamese or Korean romanisation: "fang", "quoc", "thi",
#: "ji", "woo", "yeon"; a given-name part is one or two of them ("xiaoming", "ji-woo").
_SYLLABLE = (r"(?:ngh|ng|nh|ch|tr|th|ph|kh|gh|gi|qu|sh|zh|[bcdfghjklmnpqrstvwxyz])?"
             r"(?:oai|uye|uya|yeo|ieu|iao|uai|uoi|ai|ao|au|ay|ei|eo|eu|ia|ie|io|iu|oa|oe|oi|ou|ua|ue|ui|uo|"
             r"uy|ye|yo|yu|wa|wo|we|wi|ae|oo|a|e|i|o|u|y)"
             r"(?:ng|nh|ch|n|m|c|t|p|k)?")
_GIVEN_PART = re.compile(rf"{_SYLLABLE}(?:-?{_SYLLABLE})?")
_CAPITALISED_PAIR = re.compile(r"(?<![\w.-])([A-Z][a-z]{1,5}) (?=[A-Z])")
_EAST_ASIAN = re.compile(r"(?<![\w.-])(?P<sur>[A-Z][a-z]{1,5})(?P<given>(?:[ ][A-Z][a-z]{0,7}(?:-[a-z]{1,5})?){1,2})(?![\w-])")


def east_asian_names(text: str) -> list[tuple[int, int]]:
    """A listed East Asian surname before one or two given-name parts of one or two romanised
    syllables: "Wang Fang", "Nguyen Van An", "Pham Quoc Bao", "Park Ji-woo", "Zhang Xiaoming".
    The letters after the surname are accents-free here; "Nguyễn Văn An" is read by the lists."""
    if _EAST_ASIAN_CAPITALISED.isdisjoint(text.split()) and _EAST_ASIAN_CAPITALISED.isdisjoint(
            _AFTER_MARK.findall(text)):
        return []  # no listed surname as a blank-separated word or after a bracket (a cheap look)
    out = []
    for c in _CAPITALISED_PAIR.finditer(text):
        if c.group(1).lower() not in _EAST_ASIAN_OPENERS:
            continue  # a cheap look at the first word before the full pattern
        m = _EAST_ASIAN.match(text, c.start())
        if m is None:
            continue
        given = m.group("given").split()
        surname = m.group("sur").lower()
        if surname not in EAST_ASIAN_SURNAMES and not (
                surname in _SHORT_VIETNAMESE_SURNAMES and len(given) == 2 and given[0] in ("Van", "Thi")):
            continue  # "Do Van Hung", "Le Thi Mai": a short surname only before a Vietnamese middle name
        if any(w.lower() in _NOT_GIVEN or not _GIVEN_PART.fullmatch(w.lower()) for w in given):
            continue
        out.append(m.span())
    return out


_ONE_SYLLABLE = re.compile(_SYLLABLE)


def _upper_case_hyphenated_given_names(text: str, tokens: list[Token]) -> list[Token]:
    """A hyphenated given name of two romanised syllables in capitals after a listed East Asian
    surname and a comma is a name ("KIM, SEO-YEON", "PARK, JI-WOO", "LEE, MIN-JUN")."""
    for i in range(1, len(tokens)):
        tok, prev = tokens[i], tokens[i - 1]
        if (tok.kind is Kind.OTHER and tok.text.isupper() and tok.text.count("-") == 1
                and prev.text.isupper() and prev.text.lower() in EAST_ASIAN_SURNAMES
                and _COMMA_GAP.fullmatch(text, prev.end, tok.start)
                and all(_ONE_SYLLABLE.fullmatch(part) for part in tok.text.lower().split("-"))):
            tokens[i] = replace(tok, kind=Kind.UNKNOWN)
    return tokens


def _upper_case_short_east_asian_surnames(text: str, tokens: list[Token]) -> list[Token]:
    """A listed East Asian surname of two letters in capitals before a comma and a given name of
    romanised syllables in capitals is a surname, no abbreviation ("WU, JIE", "LI, NA", "XU, MING")."""
    for i in range(len(tokens) - 1):
        tok, nxt = tokens[i], tokens[i + 1]
        if (tok.kind is Kind.OTHER and len(tok.text) == 2 and tok.text.isupper()
                and tok.text.lower() in EAST_ASIAN_SURNAMES and nxt.text.isupper() and len(nxt.text) > 1
                and _COMMA_GAP.fullmatch(text, tok.end, nxt.start)
                and _GIVEN_PART.fullmatch(nxt.text.lower()) and nxt.text.lower() not in _NOT_GIVEN):
            tokens[i] = replace(tok, kind=Kind.SUR)
    return tokens


#: Capitalised German words of a syllable's shape that follow a surname in a sentence.
_NOT_GIVEN = frozenset("""
bei bis da dank die der den dem des ein im in ja nach nie noch nun so um zu am an ab auf aus
hat hatte kam kommt kann mit sich sie ihr ich du er es wo wie tee zoo
""".split())


# -- initials in lower-case notes ----------------------------------------------------------------

#: Single letters that open German abbreviations ("u. a.", "z. b.", "v. a.", "i. d. r.", "o. ä.").
_ABBREVIATION_LETTERS = frozenset("zuvio")
_ADDRESS_FORMS = frozenset({"frau", "herr", "herrn", "fr", "hr", "hrn"})


def _lower_case_initials(text: str, tokens: list[Token]) -> list[Token]:
    """A lower-case letter and a period is an initial in a hasty note: before a listed surname
    ("info an m. schulz", "bei k. nguyen nachfragen") or after a form of address ("termin bei
    frau o. verschoben"). Not the letters of abbreviations before a word ("s. unten", "u. a.")."""
    if ". " not in text:
        return tokens
    out = list(tokens)
    for k, t in enumerate(tokens):
        if not (len(t.text) == 1 and t.text.islower() and text[t.end:t.end + 2] == ". "):
            continue
        nxt = tokens[k + 1] if k + 1 < len(tokens) else None
        prev = tokens[k - 1] if k > 0 else None
        titled = (prev is not None and prev.kind is Kind.TITLE and text[prev.end:t.start] == " "
                  and prev.text.lower().rstrip(".") in _ADDRESS_FORMS  # not "Dr. h. c."
                  and (nxt is None or nxt.start > t.end + 2 or (nxt.lowercase and len(nxt.text) > 1)))
        surname = (nxt is not None and nxt.start == t.end + 2 and nxt.lowercase and len(nxt.text) > 2
                   and nxt.kind in (Kind.SUR, Kind.WEAK_SUR, Kind.FIRST)
                   and t.text not in _ABBREVIATION_LETTERS)
        if titled or surname:
            out[k] = replace(t, text=t.text + ".", end=t.end + 1, kind=Kind.INITIAL, lowercase=True)
    return out


# -- lower-case notes ------------------------------------------------------------------------------

LOWER_UNLISTED_SCORE = 0.6
#: Prepositions before a person in a note ("mit okonkwo gesprochen", "rückruf von adeyemi").
#: Not "laut": a source follows it ("laut elstam", "laut schülernr. …").
_NOTE_PREPOSITIONS = frozenset({"mit", "von", "bei", "an", "für", "über", "durch"})
#: Endings of German inflected words ("gelegentlichen", "freundlich", "schriftlich"), not names.
_GERMAN_ENDINGS = ("en", "em", "er", "es", "ern", "lich", "isch", "ig", "st", "te", "ten", "tet")
_LETTERS = re.compile(r"[a-zäöüß]{5,}")


def _unlisted_after_preposition(text: str, tokens: list[Token], lexicon: NameLexicon) -> list[Token]:
    """In a note all in lower case, a listed surname after a preposition ("bei adeyemi"), or a word
    there that no name list holds and that is no German word (no common word, no noun, no compound,
    no inflected ending): "mit okonkwo wegen …"."""
    out = []
    for k in range(1, len(tokens)):
        t, prev = tokens[k], tokens[k - 1]
        word = t.text
        if prev.text not in _NOTE_PREPOSITIONS or text[prev.end:t.start] != " ":
            continue
        if t.kind is Kind.SUR and t.lowercase:  # a listed surname: "termin bei adeyemi verschoben"
            out.append(t)
        elif (t.kind is Kind.OTHER and _LETTERS.fullmatch(word) and not word.endswith(_GERMAN_ENDINGS)
                and not lexicon.is_common(word) and fold(word) not in lexicon.never_names
                and not ordinary_noun(word.capitalize()) and not noun_compound(word.capitalize())):
            out.append(t)
    return out


#: Before a lower-case entry: the line's start, a delimiter or a column gap (two blanks).
_LOWER_ENTRY_BEFORE = re.compile(r"(?:^|[\t;|]|[ ]{2})[ ]*\Z")


def _lower_case_surnames_of_entries(text: str, tokens: list[Token], lexicon: NameLexicon) -> list[Token]:
    """A lower-case listed surname opening a cell or line written all in lower case, then a comma
    and a listed given name, is the surname of a "surname, given" entry, also when it is a noun
    or a given name too ("schuster, lina", "yilmaz, deniz" in a copied class list)."""
    for i in range(len(tokens) - 1):
        tok, nxt = tokens[i], tokens[i + 1]
        if (tok.lowercase and nxt.lowercase and nxt.kind is Kind.FIRST and tok.kind is not Kind.SUR
                and text[tok.end:nxt.start] == ", " and fold(tok.text) in lexicon.surnames
                and _LOWER_ENTRY_BEFORE.search(text, max(0, tok.start - 3), tok.start)
                and text[text.rfind("\n", 0, tok.start) + 1:nxt.end].islower()):
            tokens[i] = replace(tok, kind=Kind.SUR)
    return tokens


def _lower_case_surnames_after_first_names(text: str, tokens: list[Token], lexicon: NameLexicon) -> list[Token]:
    """A lower-case word right after a lower-case given name is its surname where it is a listed
    surname, also one that is a noun ("paula zimmermann", "jonas fischer"), or a compound in no
    list ending in one ("brettschneider"); a word in no list is left alone ("amir nochmal")."""
    for i in range(len(tokens) - 1):
        tok, nxt = tokens[i], tokens[i + 1]
        if not (tok.kind is Kind.FIRST and tok.lowercase and nxt.kind is Kind.OTHER and nxt.lowercase
                and text[tok.end:nxt.start] == " " and not nxt.role and not nxt.determiner):
            continue
        word = nxt.text
        if lexicon.is_common(word) or fold(word) in lexicon.never_names or word in _ADVERBS or verb_like(word):
            continue
        if fold(word) in lexicon.surnames or (
                _LETTERS.fullmatch(word) and not load_nouns().get(word.capitalize()) and _surname_head(word, lexicon)):
            tokens[i + 1] = replace(nxt, kind=Kind.SUR)
    return tokens


#: Letters of a listed surname that ends a compound read as a surname ("brettschneider").
_MIN_SURNAME_HEAD = 5


def _surname_head(word: str, lexicon: NameLexicon) -> bool:
    """A compound in no list that ends in a listed surname of its own ("Brett|schneider",
    "Kuchen|becker"): a surname, not a noun the writer made."""
    return any(fold(word[k:]) in lexicon.surnames and not lexicon.is_common(word[k:])
               for k in range(_MIN_MODIFIER, len(word) - _MIN_SURNAME_HEAD + 1))


def _lower_case_entry(text: str, head: list[Token], given: list[Token]) -> bool:
    """"nguyen, thi lan" in a line written all in lower case: a listed surname, then given names."""
    line = text[text.rfind("\n", 0, head[0].start) + 1:given[-1].end]
    return (len(head) == 1 and head[0].kind is Kind.SUR and all(t.lowercase for t in given)
            and line.islower())
