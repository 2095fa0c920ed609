"""PHONE_NUMBER: German landline and mobile numbers, +49/0049 and other international formats.

Dots are no separators here, so dates like 03.05.2011 are never phone numbers (Presidio's generic
phone recognizer tags them at default leniency). Codes that look like numbers (Regionalschlüssel,
table codes like 21111-02-06-4) are excluded: national numbers start with a 0 and an area code of
2-5 digits, and a preceding "Regionalschlüssel"/"AGS"/"Tabelle" invalidates a match."""

from __future__ import annotations

import regex
from presidio_analyzer import AnalysisExplanation, Pattern, RecognizerResult

from assistant.privacy.text.recognizers.cells import cell_spans, cell_texts, column_header
from assistant.privacy.text.recognizers.dates import ocr_digits
from assistant.privacy.text.recognizers.precheck import (DIGIT, PrecheckedPatternRecognizer, precheck_search,
                                                          rule_result)
from assistant.privacy.text.recognizers.student_id import LABEL as PUPIL_LABEL, SENTENCE_END

_SEP = r"[ \t\-/–]"
#: A number ends before a time after it: "SMS von +49 151 2233445 – 07:12" (no extension "– 07").
INTERNATIONAL = (rf"(?<![\w+/-])(?<!\d\.)(?:\+|00)[1-9]\d{{0,2}}{_SEP}?(?:\(0\){_SEP}?|\(\d{{2,5}}\){_SEP}?)?"
                 rf"\d{{1,5}}(?:(?![ \t]*/[ \t]*(?:0|\+)){_SEP}{{0,3}}\d{{1,8}}){{1,5}}(?![\w]|:\d)")
NATIONAL = (rf"(?<![\w+/.-])(?<!\d,)(?<!\d[ ])(?:\(0[1-9]\d{{1,4}}\)|0[1-9]\d{{1,4}}){_SEP}{{1,3}}\d{{1,8}}"
            rf"(?:[ \-–]\d{{1,8}}|[ ][-–][ ]\d{{1,5}}){{0,4}}(?![\w/.,]\d|\d*:\d)")
#: After a phone label anything that is digits and separators is the number: "Tel. 0201.88.47.11",
#: "Tel. (02 01) 88 47 11", a local "Tel. 86 43 21", "Handy: 0176 – 123 456 78", also glued to
#: the label ("tel0201 4478123", "mobil0172 5566778"), the label glued to the cell before it in a PDF
#: export run together ("OrtKielTelefon0431 889912").
LABEL = (r"(?i:(?:\b|(?<=\p{Ll})(?-i:(?=[TFMH])))(?:tel(?:efon)?[.-]{0,2}(?:nummer|nr)?|fax|mobil(?:[.-]?(?:nummer|nr)|telefon)?|"
         r"handy[.-]?(?:nummer|nr)?|whats[aA]pp|rufnummer|rufnr|festnetz|telefonisch|"
         r"erreichbar\s+unter)(?![^\W\d]|[_-])\.?(?:\s*\([^()\n\d]{1,20}\))?"
         # "Tel. priv.", "Telefon dienstl.:", "Handy Mutter:", "Tel. tagsüber"
         r"(?:[ \t]+(?:priv(?:at)?|dienstl(?:ich)?|gesch(?:äftl(?:ich)?)?|tagsüber|abends|mutter|vater|"
         r"arbeit|büro|zentrale|sekretariat)\.?)?\s*[:.]?[ \t]{0,3})")
#: The number ends before a word character, a time's colon, or a field glued to it ("0176 5512348Bemerkung").
LABELLED = (rf"{LABEL}((?:\+|\(?0|[1-9])\d*\)?(?:[ \t./–-]{{1,3}}\(?\d+\)?){{0,11}}(?<=\d))"
            r"(?:(?![\w]|:\d)|(?=\p{Lu}\p{Ll}{2}))")  # the number is group 1 (a look-behind here cost a tenth of the gate's time)
LABELLED_SCORE = 0.6
#: Hotlines in the EU-wide 116 range ("Nummer gegen Kummer 116 111", "116 016").
HOTLINE = r"(?<![\w+/.,-])116[ ]?[01]\d\d(?![\w/.,-]?\d)"
#: Area code written with blanks, as on old letterheads: "0 30 / 6 24 18 57", "0 15 77 – 4 32 18 90",
#: "04 21 / 3 61 22 0", the extension after a spaced dash "0 2 31 / 5 50 - 12 34", every digit
#: apart as read out for dictation "0 1 5 1 / 2 3 4 5 6 7 8"; not a date
#: "02 09 / 2024".
SPACED = (r"(?<![\w+/.,-])0\d?(?:[ ]\d{1,3}){1,3}[ ]?[/–-][ ]?(?!(?:19|20)\d\d(?![ -]?\d))\d{1,4}(?:(?:[ ]?[-–][ ]?|[ ])\d{1,4}){0,9}"
          r"(?![\w/.,]\d)")
#: Dots as separators: "0171.5512384", "0160.9 43 28 71" (dates are rejected in validation); seven
#: digits at least (a message's or a section's "0412.01" is none).
DOTTED = r"(?<![\w+/.,-])(?=0(?:[ .]?\d){6})0[1-9]\d{1,4}\.\d{1,8}(?:[ .]\d{1,8}){0,4}(?![\w/,]|\.\d)"
#: A letter glued after it makes it a record's key, no number to call ("0241203000871MEYER").
COMPACT = r"(?<![\w+/.,-])0[1-9]\d{6,12}(?![\w/.,]?\d)(?!\p{L})"
#: Area code and number run together, the extension after a dash: "0205126-4015", "0302345-0".
COMPACT_EXTENSION = r"(?<![\w+/.,-])0[1-9]\d{5,10}[-–]\d{1,5}(?![\w/-]|[.,]\d)"
#: A German mobile number without blanks (015x, 016x, 017x and seven to nine digits): its shape
#: alone makes it a phone number ("meine nr 01761234987", "nr.:01529876543"), also glued to a
#: phone word ("Tel01761234987", "Handy.01529876543").
MOBILE = (r"(?:(?<![\w+/.,-])|(?<=(?i:\b(?:tel|nr|handy|mobil|fon))\.?))01[5-7]\d{8,9}"
          r"(?![\w/.,]?\d)")
_NOT_PHONE_BEFORE = regex.compile(
    r"(?:regionalschl(?:ü|ue|u)ssel|gemeindeschl(?:ü|ue|u)ssel|\bags\b|kennziffer|tabelle|code|plz|"
    r"postleitzahl|iban|konto|blz|steuer|aktenzeichen|\baz\.?)\W{0,4}$",  # "Az." (not "Yilmaz;")
    regex.IGNORECASE)


_DATE = regex.compile(r"\b(\d{1,2})\.(\d{1,2})\.(?:\d{2}|\d{4})\b")


#: "Identnummer Schüler/in: 0099-4471-23" is a pupil number, however phone-like it looks.
_PUPIL_LABEL_BEFORE = regex.compile(rf"{PUPIL_LABEL}\W{{0,3}}$", regex.IGNORECASE)


#: Labels of other numbers: one of them later in the line than any phone word claims the number
#: ("Vorgangsnr. 0351-2025-0017", "Rechnung Nr. 0221/4471", "Gemeindeschlüssel (z. B. 05913000)").
_OTHER_LABEL = regex.compile(
    r"vorlage|drucksache|vorgang|rechnung|kassenzeichen|aktenzeichen|gemeindeschl[üu]ssel|"
    r"regionalschl[üu]ssel|schulnummer|kennziffer|haushaltsstelle|steuernummer|ust-?id|issn|isbn|"
    r"postfach|kundennummer|mandat|gl[äa]ubiger|bezirk|kennzahl|einrichtungsnummer|betriebsnummer|"
    r"personalnummer|matrikel|statistiknummer|schl(?:ü|ue)ssel|\baz\b", regex.IGNORECASE)
_PHONE_WORD = regex.compile(r"tel|fax|mobil|handy|ruf|erreich|whatsapp|nummer gegen|hotline|"
                            r"zentrale|sekretariat|durchwahl|anruf|festnetz|fragen|kontakt", regex.IGNORECASE)
_LOOKBACK = 60
#: A line, a semicolon or a sentence end (not "Vorgangsnr. 0351-..." and not inside "z. B.").
_CLAUSE_END = regex.compile(rf"\n|;\s|{SENTENCE_END}")


#: An e-mail address or a web address: the words in it ("rechnung@…", "…/kundennummer") are no labels.
_ADDRESS_TOKEN = regex.compile(r"[^\s<>(),;]*@[^\s<>(),;]*|(?:https?://|www\.)[^\s<>(),;]*", regex.IGNORECASE)


def _other_number(text: str, start: int) -> bool:
    before = _CLAUSE_END.split(text[max(0, start - _LOOKBACK):start])[-1]
    if "@" in before or "/" in before or "www" in before:
        before = _ADDRESS_TOKEN.sub(" ", before)
    other = [m.end() for m in _OTHER_LABEL.finditer(before)]
    if not other:
        return False
    phone = [m.end() for m in _PHONE_WORD.finditer(before)]
    return max(other) > max(phone, default=-1)


_LABELLED = regex.compile(LABELLED, regex.MULTILINE)
_TABLE_DELIM = regex.compile(r"[;\t|]")
_TABLE_DELIM_OR_COMMA = regex.compile(r"[;\t|]|,[^\n]*,")


def _header_label(text: str, label_start: int, number_start: int) -> bool:
    """A phone label whose number stands on the next line, the label being a cell of a table
    header ("Name;Telefon"), not a label alone on its line ("Telefon:\n0201 …")."""
    if "\n" not in text[label_start:number_start]:
        return False
    line_start = text.rfind("\n", 0, label_start) + 1
    line = text[line_start:text.find("\n", label_start)]
    return bool(_TABLE_DELIM.search(line)) or line.count(",") >= 2


#: Column headers of other numbers: "Beleg-Nr.", "Schulnr", "Az.", "Betrag", "Kassenzeichen".
_OTHER_COLUMN = regex.compile(
    rf"(?:{_OTHER_LABEL.pattern}|nr\b|nr\.|nummer|\bno\b|\bid\b|\baz\b|beleg|betrag|summe|euro|eur\b|€|"
    r"datum|\bplz\b|konto|iban|code|schl[üu]ssel|fall|akte|vorgang|kennung)", regex.IGNORECASE)
#: Column headers of phone numbers ("Telefon", "Tel. Mutter", "Notfallnummer", "Handy", "Rufnummer").
_PHONE_COLUMN = regex.compile(rf"{_PHONE_WORD.pattern}|notfall|phone|fon\b", regex.IGNORECASE)


def _in_other_column(text: str, start: int) -> bool:
    """The number stands in a table column headed for another number and not for a phone."""
    header = column_header(text, start)
    return header is not None and bool(_OTHER_COLUMN.search(header)) and not _PHONE_COLUMN.search(header)


#: A cell that holds a phone number and nothing else: "02014478123", "+49 201 4478123", "0201-4478123".
_PHONE_CELL = regex.compile(r"[ \t\"']*(?P<number>(?:\+|0)\d[\d \-/()]{4,22}\d)[ \t\"']*")
_MIN_CELL_DIGITS = 6


def _phone_column_cells(text: str) -> list[tuple[int, int]]:
    """Cells of a column headed "Telefon", "Handy", "Notfallnummer" … (";", tab, "|", or "," in a
    CSV block) that hold a number starting with 0 or + and nothing else: a phone number however
    it is written."""
    if _PHONE_COLUMN.search(text) is None:
        return []
    spans: list[tuple[int, int]] = []
    columns: set[int] = set()  # the phone columns of the current block
    delim: str | None = None
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        here = next((d for d in (";", "\t", "|") if d in line), "," if line.count(",") >= 2 else None)
        if here != delim:
            delim = here
            columns = {k for k, cell in enumerate(cell_texts(line, here) if here else [])
                       if _PHONE_COLUMN.search(cell) and not _OTHER_LABEL.search(cell)}
            continue
        if not columns:
            continue
        for k, (cs, ce) in enumerate(cell_spans(line, delim)):
            if k not in columns:
                continue
            m = _PHONE_CELL.fullmatch(line, cs, ce)
            if m and sum(ch.isdigit() for ch in m.group("number")) >= _MIN_CELL_DIGITS:
                spans.append((line_start + m.start("number"), line_start + m.end("number")))
    return spans
#: A number read out in words, as a dictation or a call note writes it: "null eins sieben sechs drei
#: drei …", "plus vier neun, eins fünf zwei, …". Eight digit words at least after the "null" of the
#: area code (nine after "plus"): a number broken off after a few words ("null eins fünf neun …
#: nee warte") is none yet.
_DIGIT_WORD = r"(?:null|eins|zwei|zwo|drei|vier|fünf|fuenf|sechs|sieben|acht|neun)"
_SPOKEN = regex.compile(rf"(?<![\w-])(?:null(?:[ ]?[,–-]?[ ]?{_DIGIT_WORD}){{7,15}}"
                        rf"|plus(?:[ ]?[,–-]?[ ]?{_DIGIT_WORD}){{9,15}})(?![\w-])", regex.IGNORECASE)
_SPOKEN_POSSIBLE = precheck_search(regex.compile(r"null|plus", regex.IGNORECASE))
SPOKEN_SCORE = 0.6


#: A number, a slash or dash, one or two digits: a file reference's running number and year ("0412/25",
#: "Bescheid 0317-24"), no phone number (a subscriber's number has three digits at least); a phone
#: label before it still makes it one.
_FILE_REFERENCE = regex.compile(r"0\d{2,5}[ ]?[/–-][ ]?\d{1,2}")


#: Cheap test before LABELLED runs.
_LABEL_WORD = regex.compile(r"tel|fax|mobil|handy|whatsapp|rufnummer|rufnr|festnetz|erreichbar",
                            regex.IGNORECASE)


class GermanPhoneRecognizer(PrecheckedPatternRecognizer):
    #: two digits, next to each other or a blank apart (a number read out digit by digit)
    PRECHECK = regex.compile(r"\d[ ]?\d")
    PATTERNS = [
        Pattern("international (+49, 0049, +90 ...)", INTERNATIONAL, 0.6),
        Pattern("national with separators (0201 123456, 0151/1234567)", NATIONAL, 0.5),
        Pattern("national without separators (needs context)", COMPACT, 0.3),
        Pattern("number run together, extension after a dash", COMPACT_EXTENSION, 0.5),
        Pattern("mobile without separators", MOBILE, 0.5),
        Pattern("EU hotline 116xxx", HOTLINE, 0.5),
        Pattern("area code with blanks", SPACED, 0.5),
        Pattern("dots as separators", DOTTED, 0.45),
    ]
    CONTEXT = ["telefon", "tel", "handy", "mobil", "fax", "anrufen", "erreichen", "rückruf",
               "nummer", "phone", "kontakt", "whatsapp"]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="PHONE_NUMBER", patterns=self.PATTERNS,
                         context=self.CONTEXT, supported_language=supported_language,
                         name="GermanPhoneRecognizer", global_regex_flags=regex.MULTILINE)

    def validate_result(self, pattern_text: str) -> bool | None:
        digits = sum(ch.isdigit() for ch in pattern_text)
        if pattern_text.startswith(("+", "00")):
            # Country code + national number have 8 digits at least ("+354 4211234"); shorter
            # 00-numbers are codes and pupil numbers ("00912345").
            prefix = 2 if pattern_text.startswith("00") else 0
            return None if 8 <= digits - prefix <= 15 else False
        if any(1 <= int(d) <= 31 and 1 <= int(m) <= 12 for d, m in _DATE.findall(pattern_text)):
            return False  # "Tel. 12.03.2024" is a date
        return None if 5 <= digits <= 15 or pattern_text.startswith("116") else False

    def _confirm_or_add(self, text: str, results: list[RecognizerResult], start: int, end: int,
                        how: str) -> None:
        """A number a label or a phone column vouches for: a pattern's finding of the same span
        gets the labelled score, else the number is added if it can be a phone number."""
        same = [r for r in results if (r.start, r.end) == (start, end)]
        for r in same:
            r.score = max(r.score, LABELLED_SCORE)
        if not same and self.validate_result(text[start:end]) is not False:
            results.append(RecognizerResult(
                "PHONE_NUMBER", start, end, LABELLED_SCORE,
                analysis_explanation=AnalysisExplanation(self.name, LABELLED_SCORE, pattern_name=how),
                recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                      RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id}))

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        spoken = [rule_result(self, "PHONE_NUMBER", m.start(), m.end(), SPOKEN_SCORE, "number read out in words")
                  for m in _SPOKEN.finditer(text)] if _SPOKEN_POSSIBLE(text) else []
        if DIGIT.search(text) is None:  # every phone number written in digits holds one
            return spoken
        text = ocr_digits(text)  # "Tel. O40 123456" from a scanned letter; same offsets
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        if results is not None and _LABEL_WORD.search(text):
            for m in _LABELLED.finditer(text):
                start, end = m.span(1)
                if _header_label(text, m.start(), start):
                    continue  # "…;Ort;Telefon\n2019-04711;…": a column header, the next row's first cell
                self._confirm_or_add(text, results, start, end, "digits after a phone label")
        if results is not None and "\n" in text and _TABLE_DELIM_OR_COMMA.search(text):
            results = [r for r in results if not _in_other_column(text, r.start)]
            for start, end in _phone_column_cells(text):
                self._confirm_or_add(text, results, start, end, "number in a phone column")
        kept = [r for r in results
                if not (r.score < LABELLED_SCORE and _FILE_REFERENCE.fullmatch(text, r.start, r.end))
                and not _NOT_PHONE_BEFORE.search(text[max(0, r.start - 30):r.start])
                and not _PUPIL_LABEL_BEFORE.search(text[max(0, r.start - 40):r.start])
                and not _other_number(text, r.start)]
        for r in kept:  # "(0176 30218845)": the bracket around the whole number is not part of it
            found = text[r.start:r.end]
            if found.startswith("(") and ")" not in found:
                r.start += 1
            elif found.endswith(")") and "(" not in found:
                r.end -= 1
        return kept + spoken
