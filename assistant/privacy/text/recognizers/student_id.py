"""STUDENT_ID: pupil and Kita-child numbers, only the number, only when labelled as such.

"Schülernummer 2023-04711", "Schüler-ID: SID-204471", "Kita-Kind-Nr.: KK-2023-0415", a table
column headed "Schüler-Nr." or "Kita-Kind-Nr.", or ID-shaped numbers shortly after a plural label
("die Spalte mit den Schüler-IDs ... 2019-01123 und 2019-01130"). Schulnummern, Aktenzeichen and
Kassenzeichen are no pupil numbers."""

from __future__ import annotations

import re

import regex
from presidio_analyzer import AnalysisExplanation, Pattern, PatternRecognizer, RecognizerResult

from assistant.privacy.text.recognizers.cells import (cell_texts, column_header, fixed_width_header,
                                                      is_rule_line, line_around, markup_header, markup_tables)
from assistant.privacy.text.recognizers.dates import is_birth_key, is_role_key, parse_date
from assistant.privacy.text.recognizers.keyvalue import PUPIL_KEYS
from assistant.privacy.text.recognizers.precheck import lowered_text
from assistant.privacy.text.recognizers.pupil_records import pupil_record_ids

_PUPIL = r"(?:sch[üu]e?ler(?:[:*_/]?innen|[:*_/]?in)?|student(?:in)?|stud\.|pupil|sus)"
_NUMBER_WORD = (r"(?:nummern?|numbers?|nr\.?|no\.?|ids?|ident(?:ifikations)?(?:nummer|-nr\.?)?|ident|kennung|"
                r"kennziffer)")
#: School and Kita administration programs whose numbers are pupil numbers ("ASV-ID", "DaNiS-Nr.").
_SOFTWARE = (r"(?:asv|lusd|schild(?:-nrw)?|danis|magellan|saxsvs|svp|webbschule|kitaplus|"
             r"kita-?navigator|elternportal|little\s?bird)")
LABEL = (rf"(?:{_PUPIL}[\s_-]*(?:{_NUMBER_WORD}|ausweis(?:nummer|-nr\.?|nr\.?)?|"
         r"akte(?:\s*nr\.?)?|(?:stammblatt|karteikarte|stammdatensatz)(?:\s*(?:nr\.?|nummer))?|datensatz(?:[\s-]*(?:nr\.?|nummer|ids?))?)|sch[üu]e?lernr\.?|"
         r"sch[üu]e?ler[-_]?ids?|(?:kita[-_]?)?kind(?:er)?[-_]?(?:nr\.?|nummer|id)|"
         r"lernende[nr]?[\s-]*(?:nummer|nr\.?|ids?|kennung)|"
         # "ID des Schülers", "Nummer der Schülerin", "Kita-ID des Kindes", "Identnummer Schüler/in"
         r"\b(?:ids?|nr\.?|nummer|kennung|(?:personen)?kenn(?:nummer|ziffer))\s+(?:des|der)\s+"
         r"(?:sch[üu]e?ler(?:s|in)?|kind(?:e?s)?|lernenden)\b|"
         # "ID Schüler:", "Nr. Schülerin (ASV):", "Kennnummer Schüler:": a form's field
         r"\b(?:ids?|nr\.?|nummer|kenn(?:nummer|ziffer))\s+sch[üu]e?ler(?:in)?\b(?=\s*(?:\([^()\n]{1,20}\)\s*)?:)|"
         # "Schüler (Nr.):", "Schülerin (ID):"
         r"\bsch[üu]e?ler(?:in)?\s*\((?:nr\.?|nummer|id)\)(?=\s*:)|"
         r"\bident(?:ifikations)?(?:nummer|-?nr\.?)\s+sch[üu]e?ler(?:/in|in)?\b|"
         r"\bnummer\s+im\s+sch[üu]e?lerverzeichnis\b|"
         # "SNr.", "S-Nr.", "Sch.-Nr.", "Schül.-Nr.": the short forms on lists and forms
         r"\bs-?nr\b\.?|\bsch\.?-?nr\b\.?|\bschül\.?-?nr\b\.?|(?-i:\b[sS]n\b(?=[.:]?[ \t])|\bSN\b(?=:)|\bSID\b(?!-))|"
         rf"\b{_SOFTWARE}[\s-]*(?:id|nr\.?|nummer))")
#: A pupil number: letters, digits, '-', '/', inner dots and an underscore between digits ("2019_0451"), with a digit; "SN 88231",
#: "2023 04711" and "S2023 0418" too (a prefix, then one blank; not an office's "JA 51.6", "FB 3.2"). A capitalised word glued to its
#: last digit is the next field of a PDF export run together ("K-2021-0417Wunschkita"), no part of it.
ID = (r"(?:(?-i:[A-Z]{1,4})[ ](?=\d(?!\d*\.\d)))?(?:(?-i:[A-Z]?)\d{4}[ ](?=\d{3,6}(?![\w/-])))?"
      r"(?=[A-Za-z0-9/.-]*\d)[A-Za-z0-9](?:(?!(?<=\d)(?-i:[A-ZÄÖÜ][a-zäöüß]{2}))[A-Za-z0-9/-]|\.(?=[A-Za-z0-9])|(?<=\d)_(?=\d))*"
      r"(?<=[A-Za-z0-9])")
#: Between a label and its number: "(neu)", "(weBBschule)", "alt:", "im Kita-Navigator:", "lautet"
_FILLER = (r"(?:\s*\([^()\n\d]{1,40}\))?"
           r"(?:\s+(?:alt|neu|bisher|jetzt|korrekt|richtig)\b)?"
           r"(?:\s+(?:im|in|aus|laut|lt\.|gem\.|gemäß)\s*[\w-]{2,30}\b)?")
#: "Schülernummer: X", "Schüler-Nr. lautet X", "schülernr ist X", "Schülernummer (neu): X",
#: "Schülerdatensatz (Nr. X)", "Schülerakte (X)", "Kind-ID im Kita-Navigator: X"
AFTER_LABEL = (rf"\b{LABEL}{_FILLER}\s*(?:\(\s*(?:nr\.?|nummer|id)?\s*)?"
               rf"(?:[:#=]|nummer)?\s*(?:(?:lautet|lautete|lauten|ist|war|sind|waren)\s+)?({ID})")
#: "2022-3391 (Schülernr.)", "3318 (Schüler-ID laut Stundenplanexport)"
BEFORE_LABEL = rf"(?<![\w/.-])({ID})\s*\(\s*{LABEL}[^()\n]{{0,40}}\)"
#: "Schülerin 19-30718", "Schüler 22107", "Schüler:in 60-3118": the pupil word, then the number.
PUPIL_THEN_NUMBER = (rf"\b{_PUPIL}\s+(?:\(\s*(?:nr\.?|nummer|id)\s*:?\s*)?((?-i:[A-Z]{{1,4}})-?\d{{3,}}(?:[-/]\d+)*|"
                     r"\d{2,4}[-/]\d{3,6}|(?!(?:19|20)\d\d\b)\d{4,8})(?![\w/-]|[.,]\d)")
#: A pupil or child, the name, then the number in brackets or after a comma: "die Schülerin Mila
#: Roth (Nr. 40114)", "Sohn Matei, ID: 2291", "Kind Ida Roth (Kind-Nr. K-118)".
_PUPIL_NAME_NUMBER = regex.compile(
    rf"\b(?:{_PUPIL}|kind(?:es)?|sohn(?:es)?|tochter)\s+(?-i:\p{{Lu}}[\p{{L}}'’-]+\s+){{0,3}}(?-i:\p{{Lu}}[\p{{L}}'’-]+)"
    rf"\s*(?:\(|,\s*)\s*(?:(?:{LABEL}|nr\.?|nummer|id)\s*:?\s*)({ID})(?![\w/-])", regex.IGNORECASE)
#: Numbers that look like pupil numbers (not a month "03/2025", not a room's or a pseudonym's short
#: code "E02", "R101": a letter prefix without a dash takes four digits at least): 2019-01123, KK-2023-0415, SN-88231, SN 88231, 2024.0147, 4711-2023-B,
#: 00912345, 5A-0003 (class prefix), and a bare number in brackets after a name
#: ("Lea Schmidt (30211)"), not a year, not an age group ("Jobcenter U25", "U3-Gruppe"). Never the tail of a longer number ("0231 50-27741").
ID_SHAPED = (r"(?<![\w/.-])(?<!\d[ ])(?!(?:0?[1-9]|1[0-2])/(?:19|20)\d\d(?![\w/-]))(?![UÜ]\d{1,2}(?![\w/-]))(?:[A-Z]{1,4}(?:-\d{2,}|\d{4,}|\d{2,3}(?=[-/]\d))(?:[-/]\d+)*(?:-[A-Z])?|[A-Z]{2,4}[ ](?!(?:19|20)\d\d(?!\d))\d{4,8}|\d{4}\.\d{4}|"
             r"\d{2,4}[-/]\d{3,6}(?:-[A-Z])?|\d{4}-\d{4}-[A-Z]|\d{3,6}-[A-Z]|0\d{7}|\d{1,2}[A-Z]-\d{2,}|"
             r"(?<=\()(?!(?:19|20)\d\d\))\d{4,8}(?=\)))(?![\w/-]|[ ]\d)")
_LABEL_RE = regex.compile(LABEL, regex.IGNORECASE)
#: Something every match of :data:`LABEL` holds, lower-cased: a pupil word, a short form of a
#: pupil number, a program's name. One ``re`` search of the lower-cased text, a fifth of the
#: time of :data:`_LABEL_RE`'s scan, which then runs only where it may find something (measured).
_LABEL_HINT = re.compile(r"(?=[adeklmnpsw])(?:schül|schüe|schuler|schueler|sch\.|sch-|schnr|schild|stud|pupil"
                         r"|sus|kind|lernende|snr|s-nr|sn|sid|asv|lusd|danis|magellan|saxsvs|svp"
                         r"|webbschule|kitaplus|navigator|elternportal|little)")
_ID_RE = regex.compile(ID)
#: Labels of numbers that are no pupil numbers. A number is no pupil number when one of them
#: stands before it in its sentence with no pupil-number label in between.
NOT_PUPIL_LABELS = (r"az\.?|aktenzeichen|kassenzeichen|schulnummer|schulnr\.?|dienststelle\w*|vorlage|"
                    r"drucksache|kennziffer|tabelle|regionalschl[üu]ssel|gemeindekennziffer|iban|"
                    r"tel\.?|telefon|fax|durchwahl|vorgang\w*|antrag\w*|anmelde\w*|vormerk\w*|"
                    r"vertrag\w*|bescheid\w*|rechnung\w*|kunde\w*|ticket\w*|abo\w*|personal\w*|"
                    r"pseudonym\w*|raum\w*|kurs\w*|mandat\w*|gl[äa]ubiger\w*|haushalt\w*|inventar\w*|inv\.?-?nr\.?|"
                    r"serien\w*|ger[äa]te\w*|lizenz\w*|buch-?nr\.?|"
                    r"fall(?:nummer|nr\.?|-nr\.?)|steuer\w*|auftrag\w*|bestell\w*|projekt\w*|beleg\w*|"
                    # an identity card's or a pass's own number ("Ausweis-Nr. A-2025-117"), not the pupil's
                    r"ausweis(?:-?nr\.?|nummer)")
NOT_PUPIL_BEFORE = regex.compile(rf"(?:{NOT_PUPIL_LABELS})\W{{0,3}}$", regex.IGNORECASE)
_NOT_PUPIL_WORD = regex.compile(rf"\b(?:{NOT_PUPIL_LABELS})(?![\w])", regex.IGNORECASE)
#: A sentence ends at . ! ? before a capital, not after a one-letter abbreviation ("z. B. P-0412").
SENTENCE_END = r"(?<!(?:^|[\s(])\w)[.!?]\s+(?=[A-ZÄÖÜ])"
_SENTENCE_END = regex.compile(rf"{SENTENCE_END}|\n")
_DELIMS = (";", "\t", "|", ",")
#: A bare ID column: "ID", "Nr.", Moodle's and LMS imports' "idnumber".
_GENERIC_WORDS = r"(?:id|nr\.?|nummer|kennung|lfd\.?\s*id|id[_-]?(?:number|nr|nummer))"
_GENERIC_ID = regex.compile(_GENERIC_WORDS, regex.IGNORECASE)
#: A delimited header cell that is a bare ID ("…,email,idnumber,cohort1").
_GENERIC_HEADER = regex.compile(rf"(?:^|[;,\t|])[ \t\"']*{_GENERIC_WORDS}[ \t\"']*(?=[;,\t|]|$)",
                                regex.IGNORECASE | regex.MULTILINE)
WINDOW = 160
#: A machine record's key right before a value: ``voucher=``, ``"aktenzeichen": "``.
_PUPIL_KEY = regex.compile(PUPIL_KEYS, regex.IGNORECASE)
_MACHINE_KEY_BEFORE = regex.compile(r"(?:(?<![\w\"'])(?P<key>[\p{L}_][\w.-]{0,30})[ \t]*=[ \t]*[\"']?"
                                    r"|[\"'](?P<key>[\p{L}_][\w .-]{0,30})[\"'][ \t]*:[ \t]*[\"']?)\Z")
#: "2026/27", "2025-26", "2024/2025": a school year, no pupil number.
_SCHOOL_YEAR = regex.compile(r"((?:19|20)\d\d)[/-](\d\d|(?:19|20)\d\d)")


#: Only zeros for digits: a number format's example or a placeholder ("JJJJ-00000", "SN-0000").
_PLACEHOLDER = regex.compile(r"[^1-9]*0[^1-9]*")
#: An age group: "U3", "U25", "Ü50".
_AGE_GROUP = regex.compile(r"[UÜuü]\d{1,2}")
_BRACKETED_YEAR = regex.compile(r"\((?:19|20)\d\d\)")
_DIGIT = regex.compile(r"\d")


def label_possible(text: str) -> bool:
    """False only where :data:`LABEL` matches nowhere in ``text`` (a text that lower-casing would
    change otherwise than IGNORECASE reads is left to the pattern)."""
    low = lowered_text(text)
    return low is None or _LABEL_HINT.search(low) is not None


def _school_year(text: str) -> bool:
    m = _SCHOOL_YEAR.fullmatch(text)
    return m is not None and int(m.group(2)) % 100 == (int(m.group(1)) + 1) % 100
#: How far back a label in an earlier line of the same block still explains a number (lists
#: under a header line: "Klassenliste 2b (Schüler-Nr. in Klammern)").
BLOCK_WINDOW = 600


#: An XML element for a pupil or a child whose number is an attribute:
#: ``<schueler nr="00912377">``, ``<kind id="K-0415" gruppe="Igel">``.
_XML_ATTRIBUTE = regex.compile(
    r"<(?:sch[üu]e?ler(?:in)?|kind|pupil|student(?:in)?|lernende[rn]?)\b[^<>]{0,80}?"
    r"\b(?:nr|id|nummer|snr|sid|sch[üu]e?lernr)\s*=\s*[\"']([^\"'<>\s]{3,24})[\"']", regex.IGNORECASE)


class StudentIdRecognizer(PatternRecognizer):
    PATTERNS = [Pattern("number after a pupil-number label", AFTER_LABEL, 0.9)]  # span: group 1
    CONTEXT = ["schülernummer", "schüler-id", "kind-nr"]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="STUDENT_ID", patterns=self.PATTERNS, context=self.CONTEXT,
                         supported_language=supported_language, name="StudentIdRecognizer",
                         global_regex_flags=regex.IGNORECASE)
        self._shaped = regex.compile(ID_SHAPED)
        self._labelled = [regex.compile(AFTER_LABEL, regex.IGNORECASE),
                          regex.compile(BEFORE_LABEL, regex.IGNORECASE)]
        self._pupil_then_number = regex.compile(PUPIL_THEN_NUMBER, regex.IGNORECASE)

    def validate_result(self, pattern_text: str) -> bool | None:
        if _school_year(pattern_text):
            return False  # "Schülerausweis 2026/27": a school year
        if _PLACEHOLDER.fullmatch(pattern_text) or _AGE_GROUP.fullmatch(pattern_text):
            return False  # a format's example "JJJJ-00000", an age group "U25" (Jobcenter), "U3" (Kita)
        return None if 3 <= len(pattern_text) <= 24 else False

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if "<" not in text and _DIGIT.search(text) is None:
            return []  # every number found holds a digit; only an XML attribute value may lack one
        labels = [m.span() for m in _LABEL_RE.finditer(text)] if label_possible(text) else []
        in_xml = list(_XML_ATTRIBUTE.finditer(text)) if "<" in text else []
        in_records = pupil_record_ids(text)
        named = list(_PUPIL_NAME_NUMBER.finditer(text)) if "(" in text or "," in text else []
        key_header = "\n" in text and (_KEY_HEADER.search(text) is not None or (
            _PUPIL_WORD.search(text) is not None and _GENERIC_HEADER.search(text) is not None))
        if (not labels and not in_xml and not in_records and not named and not key_header
                and not _CLASS_COLUMN.search(text) and not self._pupil_then_number.search(text)):
            return []  # no label, no pupil number (and no regex work for most texts)
        results: list[RecognizerResult] = []
        seen: set[tuple[int, int]] = set()

        def add(start: int, end: int, score: float) -> None:
            if (start, end) not in seen and self.validate_result(text[start:end]) is not False:
                results.append(self._result(start, end, score))
                seen.add((start, end))

        for start, end in in_records:
            add(start, end, 0.85)
        for match in named:
            add(match.start(1), match.end(1), 0.85)

        for match in in_xml:
            add(match.start(1), match.end(1), 0.85)

        for pattern in self._labelled:
            for match in pattern.finditer(text):
                if _BRACKETED_YEAR.match(text, match.start(1) - 1):
                    continue  # "Schülernummern (2023)": the year of a list
                if "\n" in text[match.start():match.start(1)] and _other_cell(text, match.start(1)):
                    continue  # "Fall-Nr;Name;Schüler-Nr\n2024-0113;…": the row's first cell, not the label's
                add(match.start(1), match.end(1), 0.9)
                for start, end in _enumerated(text, match.end(1), match.group(1)):
                    add(start, end, 0.85)
        if labels or key_header:
            for start, end in _fixed_width_cells(text):
                add(start, end, 0.7)
        if labels:
            for start, end in _labelled_list_lines(text):
                add(start, end, 0.7)
        for match in self._pupil_then_number.finditer(text):
            if not _vetoed(text, match.start(1), labels):
                add(match.start(1), match.end(1), 0.75)
        for start, end in _cells_under_label(text):
            add(start, end, 0.7)
        for match in self._shaped.finditer(text):
            start, end = match.span()
            if (start, end) in seen or NOT_PUPIL_BEFORE.search(text[max(0, start - 20):start]):
                continue
            key = _MACHINE_KEY_BEFORE.search(text, max(0, start - 40), start)
            if key is not None and not (_LABEL_RE.search(key.group("key"))
                                        or _PUPIL_KEY.fullmatch(key.group("key"))):
                continue  # "voucher=BG-2026-00419", "\"vorgang\": \"VG-2024-0117\"": another record field
            if (_labelled_nearby(text, start) and not _vetoed(text, start, labels)
                    and not in_other_column(text, start)):
                add(start, end, 0.7)
        return results

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            "STUDENT_ID", start, end, score,
            analysis_explanation=AnalysisExplanation(self.name, score, textual_explanation="label"),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id,
                                  RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY: True})


def pupil_number_context(text: str, start: int) -> bool:
    """Whether a pupil-number label explains a number at ``start`` (:func:`_labelled_nearby`) and
    no label of another number stands between them (:func:`_vetoed`)."""
    labels = [m.span() for m in _LABEL_RE.finditer(text, max(0, start - BLOCK_WINDOW), start)]
    return _labelled_nearby(text, start) and not _vetoed(text, start, labels)


def _labelled_nearby(text: str, start: int) -> bool:
    """A pupil-number label earlier on the same line within WINDOW characters, or in an earlier
    line of the same block (no blank line between) within BLOCK_WINDOW characters."""
    before = text[max(0, start - BLOCK_WINDOW):start]
    line = before[-WINDOW:].rsplit("\n", 1)[-1]
    if _LABEL_RE.search(line):
        return True
    blocks = before.rsplit("\n\n", 2)
    block = blocks[-1]
    if "\n" in block and _LABEL_RE.search(block):
        return True
    # "Beispiel: „Klassenfahrt 7 Mira Roth 24-0311“" under a paragraph that names the pupil number
    return len(blocks) > 1 and _EXAMPLE_LINE.match(block) is not None and bool(_LABEL_RE.search(blocks[-2]))


#: A paragraph that gives an example of the form described in the paragraph before it.
_EXAMPLE_LINE = regex.compile(r"[ \t]*(?:\(?(?:z\.[ ]?B\.|zum[ ]Beispiel|beispiel(?:sweise)?|muster|e\.[ ]?g\.|"
                              r"example)\b)", regex.IGNORECASE)


#: Column headers of other numbers: "Raum", "Az.", "Tel.", "Kurs" (a room "A112" is no pupil number),
#: and of case files: "Fall", "Fall-Nr", "Akte", "Verfahren" (a case number "UV-2024-00123" is none);
#: an export's key parts its words with "_" ("fall_id", "raum_nr").
_OTHER_COLUMN = regex.compile(rf"(?<![^\W_])(?:{NOT_PUPIL_LABELS}|fach|klasse|gruppe|std|stunde|"
                              r"\w*kontakt\w*|notfall\w*|handy|mobil\w*|erreichbar\w*|"
                              r"f[äa]lle?|akten?|verfahren\w*|case\w*|file)(?![^\W_])",
                              regex.IGNORECASE)
#: A comma-separated header cell counts when it is short: a label, not a clause of a sentence.
_COMMA_HEADER_CHARS = 24
_COMMA_HEADER_WORDS = 3


def pupil_header(cell: str) -> bool:
    """Whether a column header names pupil numbers: a label ("Schüler-Nr.", "Kind-ID") or a short
    key of an export ("snr", "sid", "kind_nr", "schuelerid")."""
    return _LABEL_RE.search(cell) is not None or _PUPIL_KEY.fullmatch(cell.strip(" \t\"'")) is not None


def table_column_header(text: str, start: int) -> str | None:
    """The header cell of the column that holds ``text[start]``: of a table split by ";", tab or
    "|", of a comma-separated one (a short header cell only), of a fixed-width one, or of an HTML or
    LaTeX table."""
    header = column_header(text, start)
    if header is None:
        _, line = line_around(text, start)
        if line.count(",") >= 2:
            header = column_header(text, start, (",",))
            if header is not None and (len(header.strip()) > _COMMA_HEADER_CHARS
                                       or len(header.split()) > _COMMA_HEADER_WORDS):
                header = None
    if header is None and "  " in text:
        end = _ID_RE.match(text, start)
        header = fixed_width_header(text, start, end.end() if end else start + 1)
    if header is None and ("<" in text or "&" in text):
        header = markup_header(text, start)
    return header


def in_other_column(text: str, start: int) -> bool:
    """Whether ``start`` lies in a table column headed for another number ("Raum", "Az", "Fall")."""
    header = table_column_header(text, start)
    return header is not None and _OTHER_COLUMN.search(header) is not None and not pupil_header(header)


def _vetoed(text: str, start: int, labels: list[tuple[int, int]]) -> bool:
    """A label of another kind of number stands before ``start`` in its sentence, after the last
    pupil-number label ("Die Vormerkung hat die Nummer VM-2024-3381", "Ticket 2024-55831")."""
    sentence_start = 0
    for m in _SENTENCE_END.finditer(text, max(0, start - 300), start):
        sentence_start = m.end()
    last_label = max((e for s, e in labels if e <= start), default=-1)
    begin = max(sentence_start, last_label)
    return bool(_NOT_PUPIL_WORD.search(text, begin, start))


def _other_cell(text: str, start: int) -> bool:
    """Whether ``start`` lies in a table column whose header is no pupil-number label."""
    header = table_column_header(text, start)
    return header is not None and not pupil_header(header)


#: A header cell that is a short pupil key of an export: "snr", "sid", "kind_nr" between
#: delimiters, or opening a fixed-width header ("KIND_NR     NAME").
_KEY_HEADER = regex.compile(rf"(?:^|[;,\t|])[ \t\"']*(?:{PUPIL_KEYS})[ \t\"']*(?=[;,\t|]|[ ]{{2}}|$)",
                            regex.IGNORECASE | regex.MULTILINE)
#: A column of a pupil list: "Klasse", "Kl.", "Jahrgang", "Gruppe" as a whole header cell.
_CLASS_COLUMN = regex.compile(r"(?:^|[;,\t|])[ \t\"]*(?:klasse|kl\.?|jahrgang(?:sstufe)?|jgst\.?|gruppe|stufe)"
                              r"[ \t\"]*(?=[;,\t|]|$)", regex.IGNORECASE | regex.MULTILINE)
_GENERIC_SHORTEST = 4
#: A text about pupils: a pupil word anywhere, also inside a file name or an e-mail domain
#: ("schueler_import.csv", "@schueler.gymnasium.example").
_PUPIL_WORD = regex.compile(r"sch[üu]e?ler", regex.IGNORECASE)


def _cells_under_label(text: str) -> list[tuple[int, int]]:
    """Spans of table cells that hold an ID in a column headed by a pupil-number label.

    A table is a block of lines sharing a delimiter (';', tab, '|', or ',' when the header has at
    least three cells); its first line is the header. A cell counts when its whole content (blanks
    and quotes stripped) is ID-like: "4711", "S2021-0815", "\"118804\"".
    """
    spans: list[tuple[int, int]] = []
    pupil_text = (_LABEL_RE.search(text) is not None or _CLASS_COLUMN.search(text) is not None
                  or _KEY_HEADER.search(text) is not None or _PUPIL_WORD.search(text) is not None)
    header: list[str] | None = None
    delim = None
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        if delim is not None and is_rule_line(line):
            continue  # "+------+------+" between the header and the rows of a drawn table
        if line.startswith("#"):
            continue  # a comment above an export's header ("# Trennzeichen Komma, UTF-8, ohne BOM")
        if delim is None or delim not in line:
            delim = next((d for d in _DELIMS if d in line and (d != "," or line.count(",") >= 2)), None)
            header = cell_texts(line, delim) if delim else None
            continue
        columns = {i for i, cell in enumerate(header or []) if pupil_header(cell)}
        shortest = 1
        if not columns and pupil_text:
            # "ID;Name;Klasse", "ID;Name;Klasse ... (ID = Schülernummer aus ASV)": a bare ID column of
            # a pupil list (four characters at least: "101" may count the rows)
            columns = {i for i, cell in enumerate(header or [])
                       if _GENERIC_ID.fullmatch(cell.strip().strip('"'))}
            shortest = _GENERIC_SHORTEST
        if not columns:
            continue
        offset = line_start
        for i, cell in enumerate(cell_texts(line, delim)):
            value = cell.strip().strip('"')
            if i in columns and len(value) >= shortest and _ID_RE.fullmatch(value):
                start = offset + cell.index(value)
                spans.append((start, start + len(value)))
            offset += len(cell) + len(delim)
    return spans + _markup_cells(text)


def _markup_cells(text: str) -> list[tuple[int, int]]:
    """The ID cells of HTML and LaTeX tables in a column headed by a pupil-number label."""
    spans: list[tuple[int, int]] = []
    for table in markup_tables(text):
        header = [text[s:e] for s, e in table[0]]
        columns = {i for i, cell in enumerate(header) if len(cell) <= _MARKUP_HEADER_CHARS and pupil_header(cell)}
        for row in table[1:] if columns else ():
            spans += [(s, e) for i, (s, e) in enumerate(row) if i in columns and _ID_RE.fullmatch(text, s, e)]
    return spans


_MARKUP_HEADER_CHARS = 40


_SHAPE = regex.compile(r"\d+|[A-Za-z]+")
#: The next item of an enumeration after a labelled number: "Schüler-IDs: 4471, 4472 und 4473".
_NEXT_ITEM = regex.compile(rf"(?:[ ]*[,;/][ ]*(?:und[ ]|sowie[ ]|and[ ])?|[ ]+(?:und|sowie|and|bis)[ ]+)({ID})(?![\w/-])")


def _shape(value: str) -> str:
    """"2019-01123" -> "9-9": the kinds of runs, so that items of one list match ("4471", "5b" do not)."""
    return _SHAPE.sub(lambda m: "9" if m.group()[0].isdigit() else "A", value)


def _enumerated(text: str, end: int, first: str) -> list[tuple[int, int]]:
    """Numbers of the same shape that continue an enumeration after a labelled one."""
    out: list[tuple[int, int]] = []
    shape = _shape(first)
    while (m := _NEXT_ITEM.match(text, end)) is not None and _shape(m.group(1)) == shape:
        out.append(m.span(1))
        end = m.end(1)
    return out


#: A value that opens a fixed-width column: the line start or two blanks before it, two blanks
#: or the line end after it.
_FIXED_VALUE = regex.compile(r"(?:^|(?<=[ ]{2}))(?=[A-Za-z0-9/.-]*\d)[A-Za-z0-9][A-Za-z0-9/.-]*(?=[ ]{2}|[ \t]*$)",
                             regex.MULTILINE)


def _fixed_width_cells(text: str) -> list[tuple[int, int]]:
    """Values in a fixed-width column whose header is a pupil-number label ("SCHÜLER-NR")."""
    if "   " not in text:
        return []
    out = []
    for m in _FIXED_VALUE.finditer(text):
        header = fixed_width_header(text, m.start(), m.end())
        if header is not None and pupil_header(header):
            out.append(m.span())
    return out


#: A list line: a short label (a name), ":" or a dash, then the number, ending the line.
_LIST_LINE = regex.compile(rf"^[ \t]*(?:[-*•][ ])?(?P<label>[^\d\n:]{{1,40}})(?::|[ ][–-])[ \t]*(?P<id>{ID})[ \t]*$",
                           regex.MULTILINE)
_SENTENCE_CLOSE = regex.compile(r"[.!?][ \t]*$")


def _labelled_list_lines(text: str) -> list[tuple[int, int]]:
    """Numbers ending the lines of a block whose first line, a heading and no sentence, names pupil
    numbers ("Schülernummern (ASV):\nTom Weber: 4471\nIda Roth: 4472"); lines labelled with a
    room, a date or another number ("Raum – 214", "Termin: 1430") are none."""
    out: list[tuple[int, int]] = []
    block_start = 0
    for block in text.split("\n\n"):
        first, _, rest = block.partition("\n")
        if rest and _LABEL_RE.search(first) and not _SENTENCE_CLOSE.search(first):
            offset = block_start + len(first) + 1
            out += [(offset + m.start("id"), offset + m.end("id")) for m in _LIST_LINE.finditer(rest)
                    if not (_OTHER_COLUMN.search(m.group("label")) or is_role_key(m.group("label"))
                            or is_birth_key(m.group("label")) or parse_date(m.group("id")))]
        block_start += len(block) + 2
    return out
