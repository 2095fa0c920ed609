"""DATE_OF_BIRTH: a date, but only in birth context ("geb.", "geboren am", "Geburtsdatum", "*",
a table column headed "Geburtsdatum", a key such as ``"dob":`` or ``kind_geb=``). Stichtage, cut-offs
("geb. nach dem 30.09.2019"), school years and report dates are not redacted: without context a
date scores below any sensible threshold. Dates in records that hold a name are left to
:mod:`assistant.privacy.text.structure`."""

from __future__ import annotations

import datetime as dt

import regex
from presidio_analyzer import Pattern, RecognizerResult

from assistant.privacy.text.recognizers.cells import (
    cell_spans, cell_texts, column_at, fixed_width_header, is_rule_line, line_around, markup_header)
from assistant.privacy.text.recognizers.dates import (ANY_DATE, CONTEXT_ONLY_DATE, is_birth_key, is_role_key,
                                                      ocr_digits, parse_date)
from assistant.privacy.text.recognizers.precheck import DIGIT, PrecheckedPatternRecognizer
from assistant.privacy.text.recognizers.student_id import LABEL as PUPIL_LABEL

__all__ = ["ANY_DATE", "DateOfBirthRecognizer", "parse_date"]
BIRTH_CONTEXT_SCORE = 0.85
#: How far ahead of today a labelled date may still be a birth date (fails closed on a form
#: written ahead of the machine's clock).
_AHEAD = dt.timedelta(days=2 * 366)
#: Directly before the date: "*", "geb.", "geboren am", "Geburtsdatum:", "Geb.-Datum", "GebDat",
#: "DOB", "date of birth"; a few words between, no digit ("Geburtsdatum des Kindes:", "geb. am",
#: "geboren am Montag,"; Markdown's bold "**Geb.-Datum:** "; OCR splits "Geburts-\ndatum"; a PDF export glues the label to the cell before
#: it: "NachnameKaiserGeburtsdatum03.05.2019"). "Geb. C" is a building; "*" must touch the
#: date, a "* " opening a line is a bullet or a footnote, and the "**" closing Markdown's bold
#: ("**Datum:** 11.02.2025") no birth star.
BIRTH_BEFORE = regex.compile(
    r"(?:(?<!(?:^|\n)[ \t]*)(?<!\*)(?:\*|✱)[ ]?(?:am[ ]|den[ ])?\Z|(?:^|\n)[ \t]*(?:\*|✱)(?:am[ ]|den[ ])?\Z"
    r"|(?:(?:\b|(?<=_))geb(?:[ ._-]{0,3}dat(?:um|\.)?|[ ._-]{0,2}datum|\b(?!\.?[ ]?(?-i:[A-Z])\b(?!\.))\.?)"
    r"|\bgeboren|(?:\b|(?<=_)|(?<=\p{Ll})(?-i:(?=G)))geburts(?:-\n)?(?:dat\w*|tag\b)|"
    # "Geburtsort und -datum: Aleppo, …", "Datum und Ort der Geburt:"
    r"\bgeburtsort[ ]?(?:und|u\.|/)[ ]?-?datum|\b(?:ort[ ]und[ ])?datum[ ](?:und[ ]ort[ ])?der[ ]geburt\b|\bdob\b|\bd\.o\.b\.?|\bdate of birth|\bbirth[ _-]?date|\bbirthday|\bborn\b"
    r"|\bdoğum tarihi|\bdata urodzenia|\bur\.|\bdate de naissance|\bnée?\b(?:[ ]le)?|\bdata di nascita"
    r"|\bnat[oa][ ]il|\bfecha de nacimiento|\bnacid[oa](?:[ ]el)?|\bдата[ ]рождения|\bрожд[её]н|\bродил(?:ся|ась)"
    r"|\bgeboortedatum|\bdata[ ]de[ ]nascimento|\bдата[ ]народження|\bнародил(?:ся|ася)"
    r"|تاريخ[ ]الميلاد|تاريخ[ ]الولادة|出生|生年月日|생년월일|출생)"
    r"(?P<between>[^\n\d*;]{0,40}?)\s*(?:\*\*)?[:;：]?(?:\*\*)?\s*[«»„\"]?\Z)", regex.IGNORECASE)
#: Words between a birth word and a date that make the date a cut-off, not a person's birth date:
#: "geb. nach dem 30.09.2019", "geboren zwischen dem ...", "Geburtstag bis".
_CUT_OFF = regex.compile(r"\b(?:nach|vor|zwischen|ab|bis|seit|frühestens|spätestens|"
                         r"after|before|between|since|until)\b", regex.IGNORECASE)
#: A list under a heading about birthdays: "Geburtstage 2025\nAnouk – 02.01.2023".
BIRTH_HEADING = regex.compile(r"\bgeburts(?:tag|tage|daten|datum|jahr)\w*|\bgeb\.-?dat|\bbirthdays?\b",
                              regex.IGNORECASE)
#: After it: "ist am 2. Mai 2015 geboren", "am 3. Mai 1982 in Kabul geboren", a note's "(2015-03-02 geb.)";
#: not a cut-off ("bis zum 30.09.2019 geboren", "zwischen dem 1.10.2019 und dem 30.09.2020 geboren"),
#: not a maiden name after "geb." ("seit 03.05.2024 geb. Schulz").
BIRTH_AFTER = regex.compile(r"[ ]?\)?(?:[ ,]+(?:in|im|bei|auf|an|in der|im Kreis)[ ][^\n\d.;:!?]{1,40}?)?"
                            r"\s*(?:geb\.(?![ ]*\p{Lu})|(?:geboren(?:e[nrms]?)?|(?:zur|auf die)[ ]Welt[ ](?:gekommen|kam|gebracht)|born)\b)",
                            regex.IGNORECASE)
#: A line opening with "* " is a bullet, unless the date after it is followed by a birth place the
#: way a CV or a register writes it: "* 3.8.2010 in Poznań", "* 12.01.2015 in Homs (Syrien)".
_STAR_LINE = regex.compile(r"(?:^|\n)[ \t]*[*✱][ ]{1,2}(?:am[ ])?\Z")
_BIRTH_PLACE_AFTER = regex.compile(
    r"[ ]+in[ ](?!(?:Raum|Zimmer|Haus|Halle|Aula|Gruppe|Klasse|Kita|Schule|Sitzung|Runde)\b)"
    r"\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+)?(?:[ ]\([^()\n\d]{1,30}\))?[ \t]*(?:$|[,;\n])",
    regex.MULTILINE)
_CUT_OFF_BEFORE = regex.compile(r"\b(?:nach|vor|zwischen|ab|bis|seit|und|oder|zum|after|before|between|"
                                r"since|until)\b(?:[ ]+(?:dem|den|zum|the))?[ ]+\Z", regex.IGNORECASE)
#: A key right before the date: JSON ``"kind_geb": "``, ``k_gd=``, a label ``GebDat:``, XML ``<dob>``, a
#: listing's dot leaders ``kind_geb ...... ``.
_KEY_BEFORE = regex.compile(r"(?:(?P<key>[\p{L}][\p{L}\d_.-]{0,30})[\"']?[ \t]*(?:[:=]|(?<=[ \t])\.{2,}(?:[ \t]*:)?)[ \t]*[\"']?"
                            r"|<(?P<key>[\p{L}][\p{L}\d_.:-]{0,30})(?:[ ][^<>]*)?>[ \t]*)\Z")
#: A vCard property with parameters opening the line: ``BDAY;VALUE=date:`` (not an ``X-`` property).
_VCARD_KEY_BEFORE = regex.compile(r"(?:^|(?<=\n))(?!X-)(?P<key>[A-Z][A-Z-]{1,20})(?:;[\w-]+=[^:;\n]{1,30}){1,3}:\Z")
#: "¦" (broken bar): the separator some school and Kita software exports with.
_DELIMS = (";", "\t", "|", "¦", ",")
_HEADER_CHARS = 40


class DateOfBirthRecognizer(PrecheckedPatternRecognizer):
    #: Every way a date becomes a birth date needs one of these words or a "*" in the text ("urtsdat":
    #: the label broken at a line end, "Ge-\nburtsdatum").
    PRECHECK = regex.compile(r"geb|geburt|urtsdat|birth|dob|d\.o\.b|[*✱]|zur welt|born|gd|b[ _.-]?da(?:te|y)|doğum"
                             r"|urodz|ur\.|naissance|née?\b|nascita|nat[oa] il|nacimiento|nacid|рожд|родил"
                             r"|الميلاد|الولادة|geboorte|nascimento|народж|народил|fødsel|födelse"
                             r"|syntymä|születési|naşter|naster|našter|narozen|narodenia|rođenja|rodjenja"
                             r"|lindj|γέννησης|تولد|出生|生年月日|생년월일|출생",
                             regex.IGNORECASE)
    PATTERNS = [Pattern("date (needs birth context)", ANY_DATE, 0.1),
                Pattern("compact or blank-separated date (needs birth context)", CONTEXT_ONLY_DATE, 0.1)]
    #: No Presidio context words: a "geb." five words away raised every other date near a birth
    #: date ("geb. 21.03.2021, Beitrag ab 01.08.2024"); :meth:`analyze` decides by position.
    CONTEXT: list[str] = []

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="DATE_OF_BIRTH", patterns=self.PATTERNS,
                         context=self.CONTEXT, supported_language=supported_language,
                         name="GermanDateOfBirthRecognizer", global_regex_flags=regex.IGNORECASE)

    def validate_result(self, pattern_text: str) -> bool | None:
        date = parse_date(pattern_text)
        if date is None or not dt.date(1900, 1, 1) <= date <= dt.date.today() + _AHEAD:
            # no one alive was born before 1900; a date ahead of this machine's clock is only
            # a birth date with its label (a form dated ahead, a clock behind): context decides
            return False
        return None  # keep the pattern's score: context decides

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None,  # noqa: ANN001
                regex_flags: int | None = None) -> list[RecognizerResult]:
        if DIGIT.search(text) is None:  # every date form holds a digit (its year at least); this
            return []  # test is cheaper than the birth words' and skips two sentences in five
        text = ocr_digits(text)  # "geb. 14.O3.2012" from a scanned letter; same offsets
        results = super().analyze(text, entities, nlp_artifacts, regex_flags)
        previous: RecognizerResult | None = None
        for result in sorted(results, key=lambda r: r.start):
            if result.score < 0.5 and (birth_context(text, result.start, result.end)
                                       or _continues_enumeration(text, previous, result.start)
                                       or _another_reading(text, previous, result)):
                result.score = BIRTH_CONTEXT_SCORE
                result.recognition_metadata[RecognizerResult.IS_SCORE_ENHANCED_BY_CONTEXT_KEY] = True
            previous = result
        return results


#: Between two items of one enumeration: "Geburtsdaten: Tom 03.05.2019, Ida 27.10.2016 und Ben ...".
_ENUM_GAP = regex.compile(r"[ ]?(?:bzw\.|oder|or|/|=|\(=?|\((?:bzw\.|oder|or)|,[ ]?(?:bzw\.|oder|or))[ ]?"
                          r"|[ ]?\)?[ ]?[,;][ ]*(?:und[ ]|and[ ])?(?P<words>(?:\p{Lu}[\p{L}'’.-]*[ ]){1,3})"
                          r"(?:\(\*?[ ]?|[–-][ ]|:[ ])?|[ ]?\)?[ ]?(?:,[ ]?|[ ])(?:und|and)[ ]"
                          r"(?P<words>(?:\p{Lu}[\p{L}'’.-]*[ ]){1,3})(?:\(\*?[ ]?|[–-][ ]|:[ ])?")


def _continues_enumeration(text: str, previous: RecognizerResult | None, start: int) -> bool:
    """The date follows a birth date in the same enumeration of names and dates, the names
    capitalised words with no role among them ("Tom 03.05.2019, Ida 27.10.2016"; not
    "geb. 03.05.2019, Aufnahme 01.08.2020")."""
    if previous is None or previous.score < BIRTH_CONTEXT_SCORE or start - previous.end > _ENUM_CHARS:
        return False
    gap = _ENUM_GAP.fullmatch(text, previous.end, start)
    return gap is not None and not any(is_role_key(w) for w in (gap.group("words") or "").split())


_ENUM_CHARS = 40
#: Right before a date: a preposition that makes it a date set or counted from ("zum 01.08.2025",
#: "ab dem 1.9.2024", "per 31.12.").
_APPOINTED = regex.compile(r"\b(?:zum|ab|bis|seit|vom|per)(?:[ ]+(?:dem|den))?[ ]+\Z", regex.IGNORECASE)
#: A second date shortly after a birth date, in the same sentence, whose words around it give it no
#: other role, is a birth date too: a correction ("statt 14.02.2019 steht 24.02.2019", "03.11.2017
#: → 30.11.2017", "alt: …, neu: …"), a second reading ("laut Urkunde: …") or a sibling's ("geboren
#: 03.03.2019 und 21.07.2016"). Dates years apart are not ("geb. 2016, 2023 eingeschult").
_READING_CHARS = 60
_READING_YEARS = 4
_WORD = regex.compile(r"[^\W\d_][\w.-]*")
_SENTENCE_BREAK = regex.compile(r"\n|[.!?][ ]+(?=\p{Lu})")
_WORDS_AFTER = 30
_DEATH = regex.compile(r"†|\bgest\.|\bgestorben|\bverstorben|\bdied\b|\bdeceased\b", regex.IGNORECASE)
#: A comma right before the birth date: a CSV row whose next cell is another date
#: ("Kaya,Ida,03.03.2019,01.08.2021", quoted: "\"Ida\",\"03.03.2019\",\"01.08.2021\"").
_CELL_ROW = regex.compile(r",[ ]?[\"']?\Z")


def _another_reading(text: str, previous: RecognizerResult | None, result: RecognizerResult) -> bool:
    if previous is None or previous.score < BIRTH_CONTEXT_SCORE or result.start - previous.end > _READING_CHARS:
        return False
    gap = text[previous.end:result.start]
    if _SENTENCE_BREAK.search(gap) or _CUT_OFF.search(gap) or _DEATH.search(gap) or any(d in gap for d in "\t;|"):
        return False  # another sentence or another table cell (a row's "Wunschtermin")
    if "," in gap and _CELL_ROW.search(text, max(0, previous.start - 2), previous.start):
        return False
    if _APPOINTED.search(text, max(0, result.start - 12), result.start):
        return False  # "geboren am …, einen Platz zum 01.08.2025": a date the sentence sets
    after = text[result.end:result.end + _WORDS_AFTER].split("\n", 1)[0]
    after = _SENTENCE_BREAK.split(after, 1)[0]
    words = [w.group() for w in _WORD.finditer(gap)] + [w.group() for w in _WORD.finditer(after)][:3]
    if any(is_role_key(w) or _CUT_OFF.fullmatch(w) for w in words):
        return False
    first, second = parse_date(text[previous.start:previous.end]), parse_date(text[result.start:result.end])
    return first is not None and second is not None and abs((first - second).days) <= _READING_YEARS * 366


def birth_context(text: str, start: int, end: int) -> bool:
    """Whether the date at ``text[start:end]`` is a birth date by the words, key or column around it."""
    # every birth word in reach, nearest last: "geb. Wagner, geboren am …" (a maiden name's
    # "geb." does not own the date, the "geboren" after it does)
    before = BIRTH_BEFORE.search(text, max(0, start - 60), start)
    while before is not None:
        if _label_owns_date(text, before, start, end):
            return True
        before = BIRTH_BEFORE.search(text, before.start() + 1, start)
    if BIRTH_AFTER.match(text, end) and not _CUT_OFF_BEFORE.search(text, max(0, start - 25), start):
        return True
    if _MORE_EXACTLY.search(text, max(0, start - 80), start):
        return True
    if _STAR_LINE.search(text, max(0, start - 8), start) and _BIRTH_PLACE_AFTER.match(text, end):
        return True
    key = _KEY_BEFORE.search(text, max(0, start - 40), start)
    if key is not None and is_birth_key(key.group("key")):
        return True
    if ";" in text[max(0, start - 40):start]:  # "BDAY;VALUE=date:": the key is the property's name
        key = _VCARD_KEY_BEFORE.search(text, max(0, start - 40), start)
        if key is not None and is_birth_key(key.group("key")):
            return True
    if _SENTENCE_LABEL_PRECHECK.search(text, max(0, start - _SENTENCE_CHARS), start) and _labelled_in_sentence(
            text, start, end):
        return True
    return _under_birth_header(text, start) or _after_key_cell(text, start, end) or _in_birthday_list(text, start) \
        or _in_pupil_entry(text, start, end) or _corrects_birth_date(text, start, end) \
        or _under_fixed_width_header(text, start, end) or _under_markup_header(text, start) \
        or _under_run_together_header(text, start, end) or _label_hyphenated(text, start, end)


#: A birth month or year first, then the day more exactly ("geboren im Mai 2019, genauer gesagt am
#: 14.05.2019", "Geburtsjahr 2016, und zwar am\n3.3.2016", "geb. 2012 – genau: 02.02.2012").
_MORE_EXACTLY = regex.compile(
    r"(?:\bgeboren|\bgeb\.|\bGeburtsjahr)[ ](?:(?:im|in|anno)[ ])?(?:\p{L}+\.?[ ])?(?:19|20)\d\d"
    r"[ ]?[,;:–-]?[ ](?:genau(?:er)?(?:[ ]gesagt)?|exakt|nämlich|und[ ]zwar|konkret)[ ]?(?:am|den|:)?\s*\Z",
    regex.IGNORECASE)
#: A scan or a narrow form breaks the label at the line end, with a hyphen or OCR's "¬":
#: "Ge-\nburtsdatum: 12.03.2014", "Geburts¬\ndatum", "geb-\noren am".
_HYPHEN_BREAK = regex.compile(r"(?<=\w)[-¬][ \t]*\r?\n[ \t]*(?=\p{Ll})")
_HYPHEN_REACH = 80


def _label_hyphenated(text: str, start: int, end: int) -> bool:
    """The words before the date, the broken words joined, give it birth context."""
    before = text[max(0, start - _HYPHEN_REACH):start]
    if "\n" not in before or _HYPHEN_BREAK.search(before) is None:
        return False
    joined = _HYPHEN_BREAK.sub("", before)
    return birth_context(joined + text[start:end + _HYPHEN_REACH], len(joined), len(joined) + end - start)


#: "Ihr Geburtsdatum benötigen wir nicht, wohl aber das Ihres Sohnes laut Pass: 2013-04-21": a birth-date
#: noun earlier in the sentence, the date right after a colon (not "geboren", not "Geburtstag": a party).
_SENTENCE_LABEL_PRECHECK = regex.compile(r"geburtsdat|geb\.?-?datum|date of birth|birth[ ]?date", regex.IGNORECASE)
_SENTENCE_LABEL = regex.compile(r"\b(?:geburtsdat(?:um|en)|geb\.?-?datum|date of birth|birth[ ]?date)\b"
                                r"(?P<gap>[^\n\d;:!?]*?):[ \t]*(?:(?:an)?statt|nicht|anstelle)?[ \t]*\Z",
                                regex.IGNORECASE)
_SENTENCE_CHARS = 150
#: A date given after such a sentence lies a year back at least (a pupil's, not a deadline's).
_SENTENCE_MIN_AGE = dt.timedelta(days=365)


def _labelled_in_sentence(text: str, start: int, end: int) -> bool:
    """A birth-date noun earlier in the date's sentence, the date after a colon, between them no
    sentence end, no number and no word that gives the date another role ("Termin", "Frist") or
    makes it a cut-off ("bis"), and the date a year back at least."""
    m = _SENTENCE_LABEL.search(text, max(0, start - _SENTENCE_CHARS), start)
    if m is None:
        return _labelled_past_number(text, start, end)
    gap = m.group("gap")
    if _SENTENCE_BREAK.search(gap) or _CUT_OFF.search(gap):
        return False
    if any(is_role_key(w.group()) for w in _WORD.finditer(gap)):
        return False
    date = parse_date(text[start:end])
    return date is not None and date <= dt.date.today() - _SENTENCE_MIN_AGE


#: "Geburtsdatum bei Personalnummer 4471 laut Akte 1990-02-03", "Geb.-Datum von Schüler 2210 ist
#: 12.03.2012": a birth-date noun, a few words and one number (whose record it is), then the date.
_LABEL_PAST_NUMBER = regex.compile(r"\b(?:geburtsdat(?:um|en)|geb\.?-?datum|date of birth|birth[ ]?date)\b"
                                   r"(?P<gap>[ ][^\n\d;:!?,]{0,40}?\b\d[\w/.-]*(?<=\w)[ ][^\n\d;:!?,]{0,40}?)"
                                   r"[ ](?:(?:ist|war|lautet|am)[ ])?\Z", regex.IGNORECASE)
#: Such a date lies two years back at least (no day of a check or a letter).
_PAST_NUMBER_MIN_AGE = dt.timedelta(days=2 * 365)


def _labelled_past_number(text: str, start: int, end: int) -> bool:
    m = _LABEL_PAST_NUMBER.search(text, max(0, start - 100), start)
    if m is None:
        return False
    gap = m.group("gap")
    if _SENTENCE_BREAK.search(_SOURCE.sub(" ", gap)) or _CUT_OFF.search(gap) or _DATE_IN_LINE.search(gap):
        return False  # (a source's "lt. Akte" ends no sentence)
    # the words after the number, but a source's name ("laut Meldebogen"), give the date no other role
    number = _NUMBER_IN_GAP.search(gap)
    after = _SOURCE.sub(" ", gap[number.end():]) if number is not None else gap
    if any(is_role_key(w.group()) for w in _WORD.finditer(after)):
        return False
    date = parse_date(text[start:end])
    return date is not None and date <= dt.date.today() - _PAST_NUMBER_MIN_AGE


_NUMBER_IN_GAP = regex.compile(r"\d[\w/.-]*")
#: A source named after the number: "laut Personalakte", "lt. Meldebogen", "gemäß Urkunde", "aus dem Pass".
_SOURCE = regex.compile(r"\b(?:laut|lt\.|gemäß|gem\.|nach|aus|in|im)[ ](?:(?:der|dem|den|des)[ ])?\p{L}+",
                        regex.IGNORECASE)


def _label_owns_date(text: str, before: regex.Match, start: int, end: int) -> bool:
    """The birth word before a date is its label: no cut-off word between them ("geb. nach dem"),
    no bracket closed between them ("Mutter (geb. Schulz) hat am 12.03.2025 angerufen"), and a line
    break between them only after a line that is the label alone ("Geburtsdatum:\n03.05.2019"),
    not after a table's header row ("Anmeldung;Name;Geburtsdatum\n12.01.2025;...")."""
    between = before.group("between") or ""
    if _CUT_OFF.search(between) or between.count(")") > between.count("("):
        return False
    if len(between) > _SHORT_BETWEEN and _CLAUSE.search(between):
        return False  # more than a few words and a clause between: "geboren wurde er in Gera, die ..."
    if _GEB.match(before.group()) and not _GEB_BETWEEN.fullmatch(between):
        return False  # "geb. Schulz, hat am 12.03.2025 angerufen": a maiden name, then another date
    if _BIRTHDAY_WORD.match(before.group()) and _LETTER.search(between):
        # "Einladung zum Geburtstag von Emil am 14.02.2025": a party, unless the date lies years back
        date = parse_date(text[start:end])
        if date is None or (dt.date.today() - date).days < _PARTY_DAYS:
            return False
    if "\n" not in text[before.start():start]:
        return True
    line_start = text.rfind("\n", 0, before.start()) + 1
    label_line = text[line_start:text.find("\n", before.start())]
    if _WRAPPED_LABEL.search(label_line):
        return True  # prose wrapped after "geboren am": "…, geboren am\n14.06.2019 in Bonn"
    return not any(d in label_line for d in _DELIMS) and not text[line_start:before.start()].strip(" \t-*•")


#: A line of prose that ends in a birth word and "am"/"den": the date opens the next line.
_WRAPPED_LABEL = regex.compile(r"\b(?:geboren|geb\.)[ ]+(?:am|den|on)[ \t]*\Z", regex.IGNORECASE)
#: "Geburtstag" with words before the date ("Geburtstag von Emil am ...") names a party's date when
#: that date is less than two years back.
_BIRTHDAY_WORD = regex.compile(r"geburtstag|birthday", regex.IGNORECASE)
_LETTER = regex.compile(r"[^\W\d_]")
_PARTY_DAYS = 730
#: Up to this many characters any words may stand between a birth word and its date; further off
#: only words without a comma or sentence end ("Geburtsdatum laut Meldebescheinigung der Stadt:").
_SHORT_BETWEEN = 25
_CLAUSE = regex.compile(r"[,.!?]\s|[,]$")
#: After the bare "geb." only a maiden name, a birth place and "am": "geb. Schulz, am", "geb. in Kiel am";
#: a scan's blank before the dot: "geb .01.01.2009".
_GEB = regex.compile(r"geb\b(?:\.(?![-\w])|(?![.\w-]))", regex.IGNORECASE)
_GEB_BETWEEN = regex.compile(r"[ ]*(?:\.[ ]*)?(?:\p{Lu}[\p{L}'’-]+(?:[ -]\p{Lu}[\p{L}'’-]+)?[ ]*,?[ ]*)?"
                             r"(?:in[ ]\p{Lu}[\p{L}'’-]+(?:[ ]\([^()]{1,20}\))?[ ]*,?[ ]*)?"
                             r"(?:am|den|dem|vom|on|le)?[ ]*")


def _under_fixed_width_header(text: str, start: int, end: int) -> bool:
    """Fixed-width exports: the header cell above the date names a birth date ("GEBDAT", "Geb.-Dat.")."""
    header = fixed_width_header(text, start, end)
    return header is not None and is_birth_key(header)


def _under_markup_header(text: str, start: int) -> bool:
    """HTML and LaTeX tables: the header cell of the date's column names a birth date."""
    header = markup_header(text, start)
    return header is not None and len(header) <= _HEADER_CHARS and is_birth_key(header)


def _under_birth_header(text: str, start: int) -> bool:
    """Whether the date sits in a delimited table column whose header mentions birth (a quoted
    CSV cell may hold the delimiter: ``"Krüger, Leon","01.02.2015"``)."""
    line_start, line = line_around(text, start)
    delim = next((d for d in _DELIMS if d in line), None)
    if delim is None:
        return False
    spans = cell_spans(line, delim)
    column = column_at(line, delim, start - line_start)
    # Walk up to the first line of this block of delimited lines: the header.
    header = None
    pos = line_start
    while pos > 0:
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        prev = text[prev_start:pos - 1]
        if _RULE_LINE.fullmatch(prev) or is_rule_line(prev):
            pos = prev_start  # psql's "-----+-----" under the header, MySQL's "+-----+-----+" around it
            continue
        if delim not in prev or (delim == "," and len(cell_spans(prev, delim)) != len(spans)):
            break  # a title line with a comma in it is no CSV header
        if len(cell_spans(prev, delim)) <= column:
            break  # a title line above the header ("Export 2024-12-02 | Gruppe 3") has no such column
        header, pos = prev, prev_start
    if header is None or (delim == "," and len(spans) < 3 and _block_lines(text, pos, delim, 2) < 3):
        return False  # one comma makes no CSV row, unless a header and two rows agree on it
    cell_start = line_start + spans[column][0]
    if text[cell_start:start].strip(" \t\"'*") != "":
        return False  # the cell holds more than a date: "2020 (vorzeitig, geb. nach dem ...)"
    cells = cell_texts(header, delim)
    return column < len(cells) and len(cells[column]) <= _HEADER_CHARS and is_birth_key(cells[column])


#: A rule under a table's header without the cell delimiter: psql's "----+----", "=====  =====".
_RULE_LINE = regex.compile(r"[ \t]*[-=]{3,}[-=+ \t]*")


def _after_key_cell(text: str, start: int, end: int) -> bool:
    """In a delimited row, the cell left of the date, past other dates, is a birth key: a change log's
    "kind.geb | 03.04.2015 | 04.03.2015", a key-value table's "Geburtsdatum | 03.04.2015"."""
    line_start, line = line_around(text, start)
    delim = next((d for d in _DELIMS[:-1] if d in line), None)
    if delim is None:
        return False
    spans = cell_spans(line, delim)
    column = column_at(line, delim, start - line_start)
    cell = line[spans[column][0]:spans[column][1]].strip(" \t\"'")
    if cell != text[start:end]:
        return False
    for left in range(column - 1, -1, -1):
        key = line[spans[left][0]:spans[left][1]].strip(" \t\"'")
        if key and not _DATE_IN_LINE.fullmatch(key):
            return len(key) <= _HEADER_CHARS and is_birth_key(key)
    return False


#: A pupil's entry in a list: a pupil-number label, then the number, then a bare date
#: ("Roth, Ida – Schüler-Nr. 2020-00411 – 2015-04-03", "Lea Sommer, Schüler-ID SID-8812, 14.11.2014").
_PUPIL_ENTRY = regex.compile(rf"{PUPIL_LABEL}\W{{0,3}}[\w./-]*\d[\w./-]*[ ]?[,;–—|-][ ]?\Z", regex.IGNORECASE)
#: A pupil's birth date lies years back (not a day of absence, a deadline, the list's date).
_PUPIL_AGE = (dt.timedelta(days=2 * 365), dt.timedelta(days=25 * 366))


def _pupil_age(date_text: str) -> bool:
    """The date parses and lies two to 25 years back."""
    date = parse_date(date_text)
    return date is not None and _PUPIL_AGE[0] <= dt.date.today() - date <= _PUPIL_AGE[1]


def _in_pupil_entry(text: str, start: int, end: int) -> bool:
    """The date follows a pupil number in the entry of one pupil, is the line's only date, ends
    the entry, no word of the line gives it another role, and it lies two to 25 years back."""
    line_start, line = line_around(text, start)
    if _PUPIL_ENTRY.search(text, max(line_start, start - 60), start) is None:
        return False
    if len(_DATE_IN_LINE.findall(line)) != 1 or not _ENTRY_END.match(text, end):
        return False
    if any(is_role_key(w) or _CUT_OFF.fullmatch(w) for w in _WORD.findall(line)):
        return False
    return _pupil_age(text[start:end])


#: A correction right before the date: "richtig ist 13.11.2016", "korrekt wäre: 3.4.2015", "korrigiert
#: auf 02.02.2016", "stimmt nicht, sondern 1.5.2014".
_CORRECTION = regex.compile(r"\b(?:richtig|korrekt|korrigiert|sondern|stattdessen|statt\w*[ ]dessen)"
                            r"(?:[ ](?:ist|wäre|war|lautet|auf|in|zu))?[ ]?:?[ ]*\Z", regex.IGNORECASE)
#: A birth date asked about or wrong a line or two before: "ist der geb.tag von Kian richtig?".
_BIRTH_WORD_BEFORE = regex.compile(r"\bgeb(?:urts)?\.?[ -]?(?:tag|datum|dat\.?)|\bgeboren|\bdate of birth|\bdob\b",
                                   regex.IGNORECASE)
_CORRECTION_REACH = 300


def _corrects_birth_date(text: str, start: int, end: int) -> bool:
    """A date given as the correction of a birth date named shortly before (the chat's next message:
    "da steht 31.11." – "richtig ist 13.11.2016"), lying two to 25 years back, no cut-off word in
    its line."""
    if _CORRECTION.search(text, max(0, start - 30), start) is None:
        return False
    if _BIRTH_WORD_BEFORE.search(text, max(0, start - _CORRECTION_REACH), start) is None:
        return False
    if _CUT_OFF.search(text, text.rfind("\n", 0, start) + 1, start):
        return False  # "nicht vor dem 1.7.2019, sondern nach dem 1.8.2019": a cut-off corrected
    return _pupil_age(text[start:end])


_ENTRY_END = regex.compile(r"[ \t]*(?:$|[,;)(]|\.(?!\S))", regex.MULTILINE)


def _block_lines(text: str, pos: int, delim: str, cells: int) -> int:
    """How many lines from ``pos`` on (up to three) have ``cells`` cells (a CSV block's header and rows)."""
    count = 0
    while count < _ENOUGH_LINES and pos <= len(text):
        end = text.find("\n", pos)
        end = len(text) if end < 0 else end
        if len(cell_spans(text[pos:end], delim)) != cells:
            break
        count, pos = count + 1, end + 1
    return count


_ENOUGH_LINES = 3


def _in_birthday_list(text: str, start: int) -> bool:
    """The date is the only date of a line in a block headed by a birthday heading."""
    block_start = text.rfind("\n\n", 0, start)
    block_start = 0 if block_start < 0 else block_start + 2
    first_end = text.find("\n", block_start)
    if first_end < 0 or first_end >= start or not BIRTH_HEADING.search(text, block_start, first_end):
        return False
    if _DATE_IN_LINE.search(text, block_start, first_end):
        return False  # "Geb.datum | 03.08.2010": a record's first field, no heading over a list
    _, line = line_around(text, start)
    entry = _LIST_ENTRY.fullmatch(line)
    return entry is not None and not is_role_key(entry.group("label"))


#: "Anouk – 02.01.2023", "Bela: 15.03.2023", "Ida 04.03.2020": a short label, then the date, ending the line.
_LIST_ENTRY = regex.compile(rf"(?P<label>[^\d\n]{{1,40}})(?:[–:;,-]|[ \t])[ \t]*{ANY_DATE}[ \t]*", regex.IGNORECASE)
_DATE_IN_LINE = regex.compile(ANY_DATE, regex.IGNORECASE)


#: Text taken from a PDF runs the columns of a table together with single blanks: a header line of
#: column names ("Schülerin/Schüler Geburtsdatum Klasse"), then rows of dates and words ("Marta
#: Kovač 15.03.2011 8a"). A header of two to eight words, no digit, one of them a birth word, makes
#: a date below it a birth date when its row holds as many dates as the header has date words
#: (birth words and words of another role, "Aufnahme", "Eintritt") and the date stands where the
#: birth word stands among them ("Name Aufnahme Geburtsdatum" / "Lea Roth 01.08.2023 03.05.2019").
_RUN_HEADER_WORDS = (2, 8)
_RUN_HEADER_CHARS = 80
_RUN_ROWS_UP = 40
_HEADER_WORD = regex.compile(r"[^\s/|;,]+")


def _under_run_together_header(text: str, start: int, end: int) -> bool:
    line_start, line = line_around(text, start)
    dates = [m.start() + line_start for m in _DATE_IN_LINE.finditer(line)]
    if start not in dates:
        return False
    if any(is_role_key(w) or _CUT_OFF.fullmatch(w) for w in _WORD.findall(_DATE_IN_LINE.sub(" ", line))):
        return False  # "Termin 14.02.2026 Turnhalle": the row names its date's role itself
    date = parse_date(text[start:end])
    if date is None or date > dt.date.today():
        return False
    pos = line_start
    for _ in range(_RUN_ROWS_UP):  # up over the rows, each holding a date, to the header
        if pos == 0:
            return False
        prev_start = text.rfind("\n", 0, pos - 1) + 1
        prev = text[prev_start:pos - 1]
        pos = prev_start
        if not prev.strip():
            return False
        if DIGIT.search(prev) is None:
            roles = _run_together_header(prev)
            return roles is not None and len(roles) == len(dates) and roles[dates.index(start)]
        if _DATE_IN_LINE.search(prev) is None:
            return False  # a line with figures but no date: no row of this table
    return False


def _run_together_header(line: str) -> list[bool] | None:
    """The date words of a header line, True for a birth word; None if the line is no header."""
    words = _HEADER_WORD.findall(line)
    if not _RUN_HEADER_WORDS[0] <= len(words) <= _RUN_HEADER_WORDS[1] or len(line) > _RUN_HEADER_CHARS:
        return None
    if _CLAUSE.search(line.rstrip()) or line.rstrip().endswith((":", ".")):
        return None  # a sentence or a label, no header
    roles = [True if is_birth_key(w) else False if is_role_key(w) or _CUT_OFF.fullmatch(w) else None
             for w in words]
    dated = [r for r in roles if r is not None]
    return dated if dated.count(True) == 1 else None
