"""PERSON in signatures: the name under a closing formula and after "i. A.", "i. V.", "gez.".

A letter or mail ends with a closing formula ("Mit freundlichen Grüßen", "Viele Grüße aus der
Kita", "LG") and then, on the same line after a comma or on one of the next lines, the writer's
name, often abbreviated ("Chr. Lambrecht-Vogelsang", "Anne-K. Thielebein", "mika r.") and followed
by a function (", Sachgebietsleitung", " (Sekretariat)"). "i. A." / "i. V." / "gez." mark a
signature wherever they stand. A note ends with its writer: a last line of a surname (or two
joined by "/") and an office's abbreviation, or two and a date ("Brauckmann, ASD", "Korff / Wendland, 03.02."). The name must have a name's shape (see :mod:`name_shape`):
"Ihr Jugendamt", "Die Schulleitung" and "i. A. Schulverwaltungsamt" are no persons.
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from assistant.privacy.text.recognizers.precheck import PrecheckedRuleRecognizer, rule_result
from assistant.privacy.names import NameLexicon
from assistant.privacy.text.recognizers.name_shape import NAME, looks_like_name

SCORE = 0.85
_GREETING = (r"(?:im\s+auftrag|in\s+vertretung|(?:mit\s+)?(?:(?:den\s+)?(?:besten|freundlichen|herzlichen|lieben|vielen|"
             r"kollegialen|sonnigen|schönen|beste|freundliche|herzliche|liebe|viele|kollegiale|"
             r"sonnige|schöne)\s+)?(?:grüßen|grüssen|grüße|grüsse|gruß|gruss)|mfg|lg|vg|"
             r"hochachtungsvoll|danke(?:\s+und\s+(?:viele\s+)?grüße)?|viele\s+dank|besten\s+dank|"
             r"best(?=[ \t]*,))")  # the English "Best, Grace"
#: A closing formula opening a line, maybe with a few words after it ("Viele Grüße aus der Kita").
CLOSING = regex.compile(rf"^[ \t]*{_GREETING}\b(?P<tail>[^\n]{{0,40}})$",
                        regex.IGNORECASE | regex.MULTILINE)
#: What may stand before the name on a signature line.
_PREFIX = (r"(?:(?:i\.[ ]?A\.|i\.[ ]?V\.|gez\.|[Ii]m[ ]Auftrag|[Ii]n[ ]Vertretung|Ihr(?:e)?|Eure?|dein(?:e)?|Frau|Herr|Dr\.|Prof\.)"
           r"[ ]+)*")
#: After the name: nothing, or a function after a comma, dash, slash or bracket.
_AFTER = r"(?=[ \t]*(?:$|[,(/|–]|[ ]-[ ]))"
SIGNATURE_LINE = regex.compile(rf"^[ \t]*{_PREFIX}{NAME}{_AFTER}", regex.MULTILINE)
#: The name after the formula on its own line ("LG, mika r."), any case.
_SAME_LINE = regex.compile(rf"[ \t]*{_PREFIX}{NAME}{_AFTER}", regex.MULTILINE | regex.IGNORECASE)
#: "i. A. R. Himmelreich", "gez. Th. Wendeborn" anywhere in a text.
#: Written out, "von" after them is a preposition ("im Auftrag von Hahn, Birgit"), not a particle.
MARKED = regex.compile(rf"(?<![\w.])(?:i\.[ ]?A\.|i\.[ ]?V\.|gez\.|(?:im[ ]Auftrag|in[ ]Vertretung)(?:[ ]vo[nm](?=[ ]))?)"
                       rf"[ ]+(?:(?:Dr\.|Prof\.)[ ]+)*"
                       rf"{NAME}{_AFTER}", regex.MULTILINE | regex.IGNORECASE)
#: Lines after the closing formula searched for the name (blank lines not counted).
LINES_AFTER = 2
#: The last line of a note, the writer: a surname (or two joined by "/") and then the office's
#: abbreviation or the date ("Brauckmann, ASD", "Tietjen (SL)", "Korff / Wendland, 03.02.").
_WORD = r"\p{Lu}[\p{Ll}'’]+(?:-\p{Lu}[\p{Ll}'’]+)?"
LAST_LINE = regex.compile(rf"(?:^|\n)[ \t]*(?P<a>{_WORD})(?:[ ]?/[ ]?(?P<b>{_WORD}))?(?:,[ ]*|[ ]\()"
                          r"(?:[A-ZÄÖÜ]{2,6}\)?|(?P<date>\d{1,2}\.\d{1,2}\.(?:\d{2,4})?))[ \t]*\Z")
_TAIL_CHARS = 80
_MONTHS = regex.compile(r"(?:Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|"
                        r"Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Stand)\Z")


_LAST_LINE_ENDS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÜ)")


def _may_end_in_last_line(text: str, start: int) -> bool:
    """Necessary for a :data:`LAST_LINE` match in ``text[start:]``: the text ends in a capital, a
    bracket or a date ("Gotha, 02.09.2024", "02.09."), and a comma or " (" stands in it. Most
    sentences end otherwise, and the pattern's search was a third of the recognizer's time."""
    last = text[-1:]
    if not (last in _LAST_LINE_ENDS or last.isdigit() or (last == "." and text[-2:-1].isdigit())):
        return False
    return text.find(",", start) >= 0 or text.find(" (", start) >= 0


class SignatureRecognizer(PrecheckedRuleRecognizer):
    ENTITIES = ["PERSON"]
    PRECHECK = regex.compile(r"gr[üu](?:ß|ss|s?-\n)|\bmfg\b|\blg\b|\bvg\b|hochachtung|dank|i\.[ ]?[av]\.|"
                             r"gez\.|auftrag|vertretung|\bbest,", regex.IGNORECASE)

    def __init__(self, lexicon: NameLexicon, supported_language: str = "de") -> None:
        self.lexicon = lexicon
        super().__init__(supported_language)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: ANN001
        found = super().analyze(text, entities, nlp_artifacts)
        stripped = text.rstrip()
        tail_start = max(0, len(stripped) - _TAIL_CHARS)
        last = LAST_LINE.search(stripped, tail_start) if _may_end_in_last_line(stripped, tail_start) else None
        if last is not None and (last.group("b") or not last.group("date")):  # "Gotha, 02.09.2024"
            for group in ("a", "b"):
                word = last.group(group)
                if word and self._writer(word) and not regex.search(rf"\d{{5}}[ ]+{regex.escape(word)}\b", text):
                    found.append(rule_result(self, "PERSON", last.start(group), last.end(group),
                                             SCORE, "last line"))
        return found

    def _writer(self, word: str) -> bool:
        """A surname, or a word that is no common word ("Kirschbaum"; not "Jugendamt")."""
        lex = self.lexicon
        if lex.is_surname(word) or lex.is_first_name(word):
            return not lex.is_common(word) or lex.is_surname(word)
        return not lex.is_common(word) and not _MONTHS.match(word)

    def find(self, text: str) -> list[RecognizerResult]:
        spans: dict[tuple[int, int], str] = {}
        for start, end in self._after_closing(text):
            for part in _signers(text, start, end):
                spans[part] = "closing formula"
        if "-\n" in text:  # a scanned letter: "Mit freundlichen Grü-\nßen", the name below
            joined, where = _join_hyphenated(text)
            for start, end in self._after_closing(joined):
                spans.setdefault((where[start], where[end - 1] + 1), "closing formula")
        for m in MARKED.finditer(text):
            name = _trim(m.group("name"))
            if looks_like_name(name, self.lexicon, single_needs_list=False, compounds_ok=True):
                spans.setdefault((m.start("name"), m.start("name") + len(name)), "i. A. / gez.")
        return [rule_result(self, "PERSON", s, e, SCORE, why) for (s, e), why in spans.items()]

    def _after_closing(self, text: str) -> list[tuple[int, int]]:
        found = []
        for closing in CLOSING.finditer(text):
            tail = closing.group("tail")
            if tail.lstrip().startswith(","):  # "LG, mika r.", "Viele Grüße, Jana"
                pos = closing.start("tail") + tail.index(",") + 1
                name = _name_at(text, pos, closing.end(), self.lexicon, lower_ok=True)
                if name:
                    found.append(name)
                    continue
            pos, lines = closing.end() + 1, 0
            while pos < len(text) and lines < LINES_AFTER:
                line_end = text.find("\n", pos)
                line_end = len(text) if line_end < 0 else line_end
                if text[pos:line_end].strip():
                    if CLOSING.match(text, pos, line_end):
                        break  # "Danke!\nBest, Grace": the next closing has the name
                    names = _names_on_line(text, pos, line_end, self.lexicon)
                    if names:
                        found.extend(names)
                        break
                    lines += 1
                pos = line_end + 1
        return found



#: A word broken at the end of a line by a scanner or a narrow column: "Grü-\nßen", "freundli-\nchen".
_LINE_BREAK_HYPHEN = regex.compile(r"(?<=\p{Ll})-\n[ \t]*(?=\p{Ll})")


def _join_hyphenated(text: str) -> tuple[str, list[int]]:
    """``text`` with words broken at a line end joined again, and for each of its characters the
    position in ``text``."""
    parts, where, pos = [], [], 0
    for m in _LINE_BREAK_HYPHEN.finditer(text):
        parts.append(text[pos:m.start()])
        where.extend(range(pos, m.start()))
        pos = m.end()
    parts.append(text[pos:])
    where.extend(range(pos, len(text)))
    return "".join(parts), where


#: Two signers on one line, each an initial and a surname: "A. Schulze B. Hoffmann".
_SIGNER = r"\p{Lu}\p{Ll}{0,2}\.[ ]\p{Lu}[\p{L}'’-]+"
_TWO_SIGNERS = regex.compile(rf"(?P<a>{_SIGNER})[ ]+(?P<b>{_SIGNER})")


def _signers(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The signature name text[start:end], or the two names of two signers on one line."""
    m = _TWO_SIGNERS.fullmatch(text, start, end)
    if m is None:
        return [(start, end)]
    return [m.span("a"), m.span("b")]


def _trim(name: str) -> str:
    return name.rstrip(" -")


#: A column of a signature line: a name, capitalised, anywhere on the line.
_COLUMN = regex.compile(rf"{_PREFIX}{NAME}{_AFTER}", regex.MULTILINE)
#: Blanks between the columns of a signature line ("A. Lindqvist      R. Okafor").
_COLUMN_GAP = regex.compile(r"[ ]{2,}|\t+")


def _names_on_line(text: str, pos: int, end: int, lexicon: NameLexicon) -> list[tuple[int, int]]:
    """The name that opens the signature line text[pos:end], or the names of its columns when
    two signers sign side by side and every column is a name."""
    name = _name_at(text, pos, end, lexicon, lower_ok=False)
    if name:
        return [name]
    gaps = list(_COLUMN_GAP.finditer(text, pos, end))
    bounds = zip([pos, *(g.end() for g in gaps)], [*(g.start() for g in gaps), end])
    columns = [(start, stop) for start, stop in bounds if text[start:stop].strip()]
    if len(columns) < 2:
        return []
    names = [_name_at(text, s, e, lexicon, lower_ok=False, pattern=_COLUMN) for s, e in columns]
    return [n for n in names if n] if all(names) else []


def _name_at(text: str, pos: int, end: int, lexicon: NameLexicon, *,
             lower_ok: bool, pattern: regex.Pattern | None = None) -> tuple[int, int] | None:
    """The span of a name that opens text[pos:end] (a signature line), or None."""
    m = (pattern or (_SAME_LINE if lower_ok else SIGNATURE_LINE)).match(text[:end], pos)
    if m is None:
        return None
    name = _trim(m.group("name"))
    lower = lower_ok and name == name.lower()  # chat style: "LG, mika r."
    if not looks_like_name(name, lexicon, lower_ok=lower, compounds_ok=True):
        return None
    return m.start("name"), m.start("name") + len(name)
