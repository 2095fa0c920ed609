"""PERSON in timetable cells: a subject's abbreviation, then the teacher ("M Frank", "Bio (Stein)").

A timetable or substitution plan writes each lesson as a subject and a teacher's surname, in
cells split by tabs, "|", runs of blanks or " / ": "08:00-08:45 D Weber   M Frank   Bio Stein",
"Mo 1. Std: Ma Klein / De Fuchs". Many
teachers' surnames are also words ("Frank", "Stein", "Koch", "Fuchs"), and nothing in the cell but
the subject before them says "person". A line with at least :data:`MIN_CELLS` such cells is a
timetable row; there each name after a subject is a person, the subject is not part of the span.
The name must be in a name list or be a word no list calls ordinary ("Ricci", "Nguyen"; not "Raum").
"""

from __future__ import annotations

from collections import defaultdict

import regex
from presidio_analyzer import RecognizerResult

from assistant.privacy.names import NameLexicon, fold
from assistant.privacy.text.recognizers.name_shape import name_word
from assistant.privacy.text.recognizers.precheck import PrecheckedRuleRecognizer, rule_result

SCORE = 0.8  # above the statistical recognizer and the joined "Sp Stein" of the rules
MIN_CELLS = 2
#: Subjects as timetables abbreviate them (and a few written out); "Fr" is left out (Frau, Friday).
SUBJECTS = ("D", "M", "E", "F", "L", "Bio", "Ch", "Ph", "Phy", "Sp", "Ku", "Mu", "Rel", "Reli", "ER",
            "KR", "Ev", "Kath", "Eth", "PP", "Phil", "GL", "Ge", "Gesch", "Ek", "Erdk", "Geo", "Inf",
            "If", "Pol", "PoWi", "SoWi", "Sowi", "Wi", "WiPo", "WP", "Lat", "La", "Frz", "Spa", "It",
            "Ita", "Tec", "Tc", "NW", "NaWi", "Nawi", "AL", "HW", "TX", "Deu", "De", "Ma", "Mat", "En",
            "Eng", "Sk", "GW", "DaZ", "DaF", "Fö", "Ru", "Tü", "LRS", "AG", "Kunst", "Musik", "Sport",
            "Mathe", "Deutsch", "Englisch", "Chemie", "Physik", "Biologie", "Religion", "Latein",
            "Geschichte", "Erdkunde", "Politik", "Informatik", "Technik", "Ethik", "SU", "Sachunterricht",
            "WU", "HSU", "MNT")
#: Subjects written out, lower case: never a teacher's name after "Fach".
SUBJECT_NAMES = {"deutsch", "mathe", "mathematik", "englisch", "französisch", "spanisch", "latein",
                 "italienisch", "russisch", "türkisch", "chinesisch", "kunst", "musik", "sport",
                 "chemie", "physik", "biologie", "religion", "ethik", "philosophie", "geschichte",
                 "erdkunde", "geographie", "politik", "informatik", "technik", "wirtschaft",
                 "sachunterricht", "textil", "hauswirtschaft", "werken", "darstellendes"}
#: The same, for look-ups.
SUBJECT_SET = frozenset(SUBJECTS)
_SUBJECT = "(?:" + "|".join(sorted(SUBJECTS, key=len, reverse=True)) + r")(?:-(?:GK|LK|G|E)\d?)?"
#: A surname, also with an apostrophe before a capital ("O'Connor", "D’Angelo").
_WORD = r"(?:\p{Lu}['’])?\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
#: A cell: its border before (line start, "|", tab, two blanks, or a time's last digit and a
#: blank), the subject, the name after a blank or in brackets, the border after.
CELL = regex.compile(
    rf"(?:(?<=^|[|\t]|[ ]{{2}}|\d[ ]|[/;:][ ])[ ]*)(?P<subject>{_SUBJECT})"
    rf"(?:[ ]+(?P<name>{_WORD})|[ ]?\([ ]?(?P<bracketed>{_WORD})[ ]?\))(?=[ ]*(?:$|[|\t;]|[ ]{{2}}|[ ]/[ ]))",
    regex.MULTILINE)


class TimetablePersonRecognizer(PrecheckedRuleRecognizer):
    ENTITIES = ["PERSON"]
    #: Necessary for a cell: a subject after a cell border, then a capital or a bracket.
    PRECHECK = regex.compile(rf"(?:^|[|\t]|[ ]{{2}}|\d[ ]|[/;:][ ])[ ]*{_SUBJECT}[ ]?\(?[ ]?\p{{Lu}}",
                             regex.MULTILINE)

    def __init__(self, lexicon: NameLexicon, supported_language: str = "de") -> None:
        self.lexicon = lexicon
        super().__init__(supported_language)

    def find(self, text: str) -> list[RecognizerResult]:
        rows: dict[int, list[tuple[int, int]]] = defaultdict(list)
        for m in CELL.finditer(text):
            group = "name" if m.group("name") is not None else "bracketed"
            if self._teacher(m.group(group)):
                rows[text.rfind("\n", 0, m.start()) + 1].append(m.span(group))
        return [rule_result(self, "PERSON", s, e, SCORE, "timetable cell")
                for cells in rows.values() if len(cells) >= MIN_CELLS
                for s, e in _without_short_forms(text, cells, self.lexicon)]

    def _teacher(self, word: str) -> bool:
        """A listed surname (also one that is a word: "Stein") or a word no list calls ordinary."""
        if fold(word) in self.lexicon.never_names:
            return False
        return self.lexicon.is_surname(word) or name_word(word, self.lexicon)


#: Letters of a teacher's short form ("D Hm", "M Ak"): no name, the plan's key to the staff list.
SHORT_FORM = 2


def _without_short_forms(text: str, cells: list[tuple[int, int]], lexicon: NameLexicon) -> list[tuple[int, int]]:
    """The cells of a row without teachers' short forms of two letters: a row of short forms only
    ("D Hm | M Ak | E Pz") names no one; in a row with written names a two-letter word counts when
    it is a listed surname ("M Li" beside "D Weber")."""
    short = [(s, e) for s, e in cells if e - s <= SHORT_FORM]
    if not short:
        return cells
    if len(short) == len(cells):
        return []
    return [(s, e) for s, e in cells if e - s > SHORT_FORM or lexicon.is_surname(text[s:e])]
