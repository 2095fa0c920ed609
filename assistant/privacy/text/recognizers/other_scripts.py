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
from assistant.privacy.text.words import ordinary_noun


#: Letters of scripts other than Latin, with their combining marks.
FOREIGN = (r"[\p{Arabic}\p{Cyrillic}\p{Greek}\p{Hebrew}\p{Armenian}\p{Georgian}\p{Devanagari}"
            r"\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Tamil}\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}"
            r"\p{Thai}\p{Lao}\p{Myanmar}\p{Khmer}\p{Tibetan}\p{Syriac}\p{Thaana}\p{Ethiopic}"
            r"\p{Han}\p{Hangul}\p{Hiragana}\p{Katakana}]")
#: Inside a word: a hyphen, an apostrophe (Ukrainian writes U+02BC: "Марʼяна"), the Arabic tatweel.
RUN = rf"{FOREIGN}(?:{FOREIGN}|\p{{M}}|[-'’ʼـ])*(?:[ ]{FOREIGN}(?:{FOREIGN}|\p{{M}}|[-'’ʼـ])*){{0,3}}"
_LABEL = (r"(?:(?:vor|nach|familien|ruf|geburts)?name[n]?|vater|mutter|kind|sch[üu]ler(?:in)?|"
          r"eltern(?:teil)?|erziehungsberechtigte[rn]?|sorgeberechtigte[rn]?|unterschrift|"
          r"vormund(?:in)?|vormünderin|bruder|schwester|tochter|sohn|ehefrau|ehemann|kontaktperson|antragsteller(?:in)?|"
          # family and persons of a case or a call ("Oma: Галина Бойко", "Anruferin: سارا رضایی")
          r"oma|opa|gro(?:ß|ss)mutter|gro(?:ß|ss)vater|tante|onkel|pflegemutter|pflegevater|"
          r"ansprechpartner(?:in)?|anrufer(?:in)?|dolmetscher(?:in)?|abholberechtigt(?:e[rn]?)?|notfallkontakt|"
          r"begleitperson|betreuer(?:in)?|(?:klassen)?lehrer(?:in)?|teilnehmer(?:in)?|absender(?:in)?|"
          r"ratsuchende[r]?|mündel|"
          # "Schreibweise im Pass: دریا رشیدی", "Persische Schreibweise laut Pass:", "Originalschreibweise:"
          r"(?:original)?schreibweise(?:[ ](?:(?:im|in[ ]der|laut|lt\.|gem\.|gemäß|nach|auf[ ]de[mr]|des|der)[ ])?"
          r"[\w.-]{2,20}){0,2})"
          # "Name in Originalschrift:", "name_original:", "nameOriginal"
          r"(?:[ _]?(?:in[ ])?(?:original(?:schrift)?|native|nativ|landesschrift))?")
LABELLED = regex.compile(
    rf"(?<![\w-]){_LABEL}(?:[_.][a-z]{{2,12}}|"
    rf"[ ]?\([^()\n]{{1,25}}\))?(?:[\"']?[ \t]*(?:[:/–=-]|\.{{2,}})[ \t]*[\"']?|[ ]?\([ ]?(?={RUN}[ ]?\)))"
    rf"({RUN}(?:,[ ]{RUN})?)(?=[ \t]*(?:$|[,;.()/|\n\"']))|(?<![\w.])(?:Herrn?|Frau|Hr\.|Fr\.)[ ]({RUN})",
    regex.IGNORECASE | regex.MULTILINE)
SCORE = 0.8
LISTED_SCORE = 0.75
#: An article or preposition before a label makes it a noun of a sentence or heading ("an die
#: Eltern /", "für den Vater:"), not a label of a form field.
_ADDRESSEES = regex.compile(r"(?<![\w])(?:an|für|von|die|der|den|dem|des|alle|liebe[n]?|geehrte[n]?)[ ]+\Z",
                            regex.IGNORECASE)
#: Capitalised words in the cased scripts (Cyrillic, Greek), one to three in a row: a name alone
#: ("Людмила: ja gut", "Волков Андрей") is found when its transliteration is in the name lists.
_CASED_WORD = r"(?=\p{Lu})[\p{Cyrillic}\p{Greek}][\p{Cyrillic}\p{Greek}\p{M}'’ʼ-]+"
_CASED_RUN = regex.compile(rf"(?<![\p{{L}}\p{{M}}-]){_CASED_WORD}(?:,?[ ]{_CASED_WORD}){{0,3}}(?![\p{{L}}\p{{M}}])")
#: Words that open a sentence before a name in Russian, Ukrainian and Greek, capitalised there
#: (kinship, forms of address, greetings): context, never part of the name ("Мама Ольга Петренко").
CASED_CONTEXT = frozenset("""
мама папа мать отец сын дочь дочка бабушка дедушка брат сестра учитель учительница ученик ученица
господин госпожа уважаемый уважаемая дорогой дорогая здравствуйте привет спасибо добрый добрая
мати батько тато син донька бабуся дідусь вчитель вчителька учень учениця пан пані шановний шановна
дорогий дорога привіт дякую добрий
κύριε κυρία κύριος μητέρα πατέρας γιος κόρη αγαπητέ αγαπητή γεια ευχαριστώ
""".split())
_GREEK = dict(zip("αβγδεζηθικλμνξοπρσςτυφχψωάέήίόύώϊϋΐΰ",
                  ["a", "v", "g", "d", "e", "z", "i", "th", "i", "k", "l", "m", "n", "x", "o", "p",
                   "r", "s", "s", "t", "y", "f", "ch", "ps", "o", "a", "e", "i", "i", "o", "y", "o",
                   "i", "y", "i", "y"]))
_TABLES = (DE_DUDEN, UK_PASSPORT, _GREEK)


class OtherScriptPersonRecognizer(PrecheckedRuleRecognizer):
    ENTITIES = ["PERSON"]
    #: Code point blocks of those scripts (Greek to Georgian, Ethiopic, CJK, Hangul): one plain range
    #: class is several times faster than the script properties of FOREIGN on Latin text.
    PRECHECK = regex.compile("[\u0370-\u10ff\u1200-\u139f\u1780-\u17ff\u2d80-\u2ddf\u3040-\u9fff\uac00-\ud7af]")

    def __init__(self, supported_language: str = "de", lexicon: NameLexicon | None = None) -> None:
        self.lexicon = lexicon
        super().__init__(supported_language)

    def find(self, text: str) -> list[RecognizerResult]:
        out = []
        for m in LABELLED.finditer(text):
            group = 1 if m.group(1) is not None else 2
            if group == 1 and _ADDRESSEES.search(text, max(0, m.start() - 24), m.start()):
                continue  # "Mitteilung an die Erziehungsberechtigten / إشعار …": a heading's translation
            out.append(rule_result(self, "PERSON", m.start(group), m.end(group), SCORE, "name label"))
        out += [rule_result(self, "PERSON", s, e, SCORE, "form of address")
                for s, e in addressed_names(text)]
        out += [rule_result(self, "PERSON", s, e, LISTED_SCORE, "chat speaker")
                for s, e in speaker_names(text)]
        out += [rule_result(self, "PERSON", s, e, SCORE, "signature")
                for s, e in signed_names(text)]
        out += [rule_result(self, "PERSON", s, e, LISTED_SCORE, "Chinese name alone")
                for s, e in han_names(text)]
        if self.lexicon is not None:
            out += [rule_result(self, "PERSON", s, e, LISTED_SCORE, "listed name")
                    for s, e in listed_names(text, self.lexicon)]
            out += [rule_result(self, "PERSON", s, e, LISTED_SCORE, "beside its transliteration")
                    for s, e in transliterated_names(text, self.lexicon)]
            out += [rule_result(self, "PERSON", s, e, LISTED_SCORE, "under its Latin spelling")
                    for s, e in names_under_latin(text, self.lexicon)]
            out += [rule_result(self, "PERSON", s, e, LISTED_SCORE, "spelling a Latin name of the text")
                    for s, e in arabic_spellings(text, self.lexicon)]
        out += [rule_result(self, "PERSON", s, e, LISTED_SCORE, "kinship word")
                for s, e in kin_names(text)]
        out += [rule_result(self, "PERSON", s, e, LISTED_SCORE, "inside a German sentence")
                for s, e in embedded_names(text)]
        return out


def _listed(word: str, lexicon: NameLexicon) -> bool:
    low = word.lower().replace("’", "'")
    for table in _TABLES:
        key = fold("".join(table.get(c, c) for c in low))
        if key.isascii() and (key in lexicon.first_names or key in lexicon.surnames):
            return True
    return False


#: A sentence end after a letter of a cased script of that language: the next word opens a sentence.
_SENTENCE_IN_SCRIPT = regex.compile(r"[\p{Cyrillic}\p{Greek}][.!?;][ ]{1,2}\Z")


def _listed_given(word: str, lexicon: NameLexicon) -> bool:
    low = word.lower().replace("’", "'")
    return any(fold("".join(table.get(c, c) for c in low)) in lexicon.first_names for table in _TABLES)


def listed_names(text: str, lexicon: NameLexicon) -> list[tuple[int, int]]:
    """Capitalised Cyrillic or Greek words whose transliteration is a listed name, with the
    capitalised words of the same script next to them ("Волков Андрей", "ΠΑΠΑΔΟΠΟΥΛΟΣ, ΝΙΚΟΣ",
    "Людмила")."""
    spans = []
    for m in _CASED_RUN.finditer(text):
        start, words = m.start(), m.group().split(" ")
        while words and words[0].rstrip(",").lower() in CASED_CONTEXT:
            start += len(words.pop(0)) + 1
        names = [w.rstrip(",") for w in words]
        if len(names) == 1 and _SENTENCE_IN_SCRIPT.search(text, max(0, start - 4), start) \
                and not _listed_given(names[0], lexicon):
            continue  # "… свято. Будь ласка": a word opening a sentence of that language, no given name
        if names and any(_listed(w, lexicon) for w in names):
            spans.append((start, m.end()))
    return spans


# -- names beside their transliteration, names after a kinship word ----------------------------

_LATIN_NAME = r"\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)?(?:[ ]\p{Lu}[\p{Ll}'’]+(?:-\p{L}[\p{Ll}'’]+)?){0,2}"
_OPEN = r"[ ]{0,2}(?:[(（/]|[ ][–-])[ ]?"
#: A run in another script, then its Latin transliteration in brackets or after a slash, or the
#: other way round: "李娜 / Li Na", "李浩然（Li Haoran", "Noor Al-Sayed  (نور السيد)".
_SCRIPT_THEN_LATIN = regex.compile(rf"(?P<run>{RUN}){_OPEN}(?P<latin>{_LATIN_NAME})(?![\p{{L}}])")
_LATIN_THEN_SCRIPT = regex.compile(rf"(?<![\p{{L}}])(?P<latin>{_LATIN_NAME}){_OPEN}(?P<run>{RUN})")
_HAN = regex.compile(r"\p{Han}+")
_HANGUL = regex.compile(r"\p{Hangul}+")
_PINYIN_INITIAL = "(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?"
_PINYIN_FINAL = ("(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|van|ai|ei|ao|ou|an|en|in|un|vn|"
                 "ia|ie|iu|ua|uo|ui|ve|ue|er|a|o|e|i|u|v)")
_PINYIN_SYLLABLE = regex.compile(_PINYIN_INITIAL + _PINYIN_FINAL)


def _syllable_counts(word: str) -> set[int]:
    """How many pinyin syllables ``word`` can be cut into ("haoran": {2, 3}; "schmidt": none)."""
    word = fold(word).replace("ü", "v").replace("-", "").replace("'", "")
    counts: list[set[int]] = [set() for _ in range(len(word) + 1)]
    counts[0].add(0)
    for i in range(len(word)):
        if not counts[i]:
            continue
        for j in range(i + 1, min(len(word), i + 6) + 1):
            if _PINYIN_SYLLABLE.fullmatch(word, i, j):
                counts[j] |= {c + 1 for c in counts[i]}
    return counts[len(word)]


def _pinyin_of(run: str, latin: str) -> bool:
    """``latin`` reads as the pinyin of the Chinese name ``run``, one syllable per character."""
    totals = {0}
    for word in latin.split(" "):
        counts = _syllable_counts(word)
        totals = {t + c for t in totals for c in counts}
    return len(run) in totals


def _romanised_hangul(run: str, latin: str) -> bool:
    """``latin`` has one part (split at blanks and hyphens) per Hangul syllable: "Kim Min-jun"."""
    return len(regex.split(r"[ -]", latin)) == len(run)


def transliterated_names(text: str, lexicon: NameLexicon) -> list[tuple[int, int]]:
    """Runs of another script written beside their Latin transliteration, and the transliteration:
    Chinese beside its pinyin, Hangul beside its romanisation (one part per syllable), any script
    beside a Latin name with a listed word in it."""
    spans = []
    for pattern in (_SCRIPT_THEN_LATIN, _LATIN_THEN_SCRIPT):
        for m in pattern.finditer(text, overlapped=True):
            run, latin = m.group("run").strip(), m.group("latin")
            if _HAN.fullmatch(run):
                # "儿子李浩然 (Li Haoran)": the run opens with a word before the surname, not the name
                opens_with_word = run[0] not in HAN_SURNAMES and any(c in HAN_SURNAMES for c in run[1:])
                ok = 2 <= len(run) <= 4 and _pinyin_of(run, latin) and not opens_with_word
            elif _HANGUL.fullmatch(run):
                ok = 2 <= len(run) <= 4 and _romanised_hangul(run, latin)
            else:
                ok = len(run.split(" ")) <= 3 and any(
                    fold(w) in lexicon.first_names or fold(w) in lexicon.surnames
                    for w in regex.split(r"[ -]", latin))
            if ok:  # both spellings of the name
                start = m.start("run")
                spans += [(start, start + len(run)), _without_leading_nouns(m, lexicon)]
    return spans


#: A line that is a run of another script alone, under a line that is a Latin name alone (a blank
#: line between at most): a signature or a record giving both spellings ("Omar Hamdan\nعمر حمدان",
#: "Tsega Kidane\n\nትሰጋ ኪዳነ").
_RUN_UNDER_LATIN = regex.compile(
    rf"^[ \t]*(?P<latin>{_LATIN_NAME})[ \t]*\n(?:[ \t]*\n)?[ \t]*(?P<run>{RUN})[ \t]*$", regex.MULTILINE)


def names_under_latin(text: str, lexicon: NameLexicon) -> list[tuple[int, int]]:
    """Runs of another script alone on their line under a Latin name of two or three words alone on
    its line, with as many words (one more or less: "عبد الله"); the Latin line holds no ordinary
    word ("Liebe Eltern\nأولياء الأمور الأعزاء" is a greeting and its translation)."""
    spans = []
    for m in _RUN_UNDER_LATIN.finditer(text):
        latin, run = m.group("latin").split(" "), m.group("run").split(" ")
        if len(latin) < 2 or abs(len(latin) - len(run)) > 1 or _phrase(run) \
                or not all(_name_word(w) for w in run):
            continue
        if any(lexicon.is_common(w) or ordinary_noun(w) for w in latin):
            continue
        spans.append(m.span("run"))
    return spans


def _without_leading_nouns(m: regex.Match, lexicon: NameLexicon) -> tuple[int, int]:
    """The Latin name of ``m`` without the ordinary words before it ("Dolmetscherin Svitlana
    Bondarenko (Світлана …)" -> "Svitlana Bondarenko")."""
    start, words = m.start("latin"), m.group("latin").split(" ")
    while len(words) > 1 and fold(words[0]) not in lexicon.first_names \
            and fold(words[0]) not in lexicon.surnames \
            and (lexicon.is_common(words[0]) or ordinary_noun(words[0])):
        start += len(words.pop(0)) + 1
    return start, m.end("latin")


#: Common Chinese surnames (one character).
HAN_SURNAMES = ("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
                "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚"
                "邵万钱严覃武戴莫孔向汤")
#: A kinship word or "my name is" before a name: Chinese, Arabic ("ابني يوسف" = my son Yusuf).
#: Chinese: a listed surname and the first character after it (a second given-name character is
#: not taken: Chinese writes no blank where the name ends).
_HAN_KIN = regex.compile(rf"(?:儿子|女儿|孩子|学生|我叫|我是|名叫|姓名[:：]?)(?P<name>[{HAN_SURNAMES}]\p{{Han}})"
                         # a whole name between a comma and "'s mother": "，李明轩的妈妈"
                         rf"|(?<=[，,。、：:！？；!?;\s]|^)(?P<name>[{HAN_SURNAMES}]\p{{Han}}{{1,2}})"
                         r"(?=的(?:妈妈|爸爸|母亲|父亲|家长|奶奶|爷爷|姥姥|姥爷|外婆|外公))", regex.MULTILINE)
_ARABIC_WORD = r"\p{Arabic}[\p{Arabic}\p{M}ـ]+"
_ARABIC_KIN = regex.compile(rf"(?<![\p{{Arabic}}])(?:ابني|ابنتي|بنتي|ولدي|طفلي|طفلتي|اسمي|اسمه|اسمها|"
                            r"ابنكم|ابنتكم|ابنك|ابنتك|طفلكم|طفلتكم|ابنه|ابنته|ابنها|ابنتها|"
                            r"الطالب|الطالبة|التلميذ|التلميذة)[ ]"
                            # not what is said of the child: sick, absent, well, will not, is
                            r"(?!(?:مريض|مريضة|غائب|غائبة|بخير|لن|لا|لم|سوف|هو|هي|في|كان|كانت|اليوم)(?![\p{Arabic}]))"
                            rf"(?P<name>{_ARABIC_WORD})"
                            # "I am X, mother of Y": "أنا سلمى العلي والدة ليان"
                            rf"|(?<![\p{{Arabic}}])(?:أنا|انا)[ ](?P<name>{_ARABIC_WORD}(?:[ ]{_ARABIC_WORD}){{0,2}}?)"
                            rf"(?=[ ،,]+(?:والدة|والد|أم|أبو|ولي[ ]أمر)[ ])"
                            rf"|(?<![\p{{Arabic}}])(?:والدة|والد)[ ](?P<name>(?!ال){_ARABIC_WORD})(?![\p{{Arabic}}])")


#: Arabic forms of address before a name: "السيد يوسف حداد" (Mr), "السيدة" (Mrs), teacher, doctor.
_ARABIC_TITLE = regex.compile(rf"(?<![\p{{Arabic}}])(?:السيد|السيدة|الأستاذ|الأستاذة|الاستاذ|الاستاذة|الدكتور|الدكتورة)"
                              rf"[ ](?P<name>{_ARABIC_WORD}(?:[ ]{_ARABIC_WORD}){{0,2}})")
#: Words after a name in an Arabic address: "respected" and small function words.
_ARABIC_AFTER_NAME = frozenset("المحترم المحترمة المحترمين المحترمون و في من إلى الى عن على هو هي الذي التي".split())


def addressed_names(text: str) -> list[tuple[int, int]]:
    """A name after an Arabic form of address, without "respected" after it ("حضرة السيد يوسف
    حداد المحترم،" -> "يوسف حداد")."""
    spans = []
    for m in _ARABIC_TITLE.finditer(text):
        start, words = m.start("name"), m.group("name").split(" ")
        kept = []
        for word in words:
            if word in _ARABIC_AFTER_NAME:
                break
            kept.append(word)
        if kept:
            spans.append((start, start + len(" ".join(kept))))
    return spans


#: A Chinese name standing alone among Latin text ("谢谢! 陈宇 freut sich", a JSON value "王丽"):
#: two or three Han characters, the first a common surname, no character doubled ("谢谢" = thanks).
_HAN_ALONE = regex.compile(rf"(?<![\p{{Han}}\p{{Hiragana}}\p{{Katakana}}])[{HAN_SURNAMES}]\p{{Han}}{{1,2}}"
                           r"(?![\p{Han}\p{Hiragana}\p{Katakana}])")
#: Latin letters a text needs around a lone Han name: a German text quoting a Chinese name, not
#: a Chinese text (whose words run together without blanks).
_LATIN_SHARE = 0.6


def han_names(text: str) -> list[tuple[int, int]]:
    spans = []
    for m in _HAN_ALONE.finditer(text):
        word = m.group()
        if len(set(word)) < len(word):
            continue  # "谢谢", "妈妈": a doubled character is a word, not a name
        window = text[max(0, m.start() - 60):m.end() + 60]
        letters = [c for c in window if c.isalpha()]
        latin = sum(1 for c in letters if c.isascii() or "\u00c0" <= c <= "\u024f")
        if letters and latin >= _LATIN_SHARE * len(letters):
            spans.append(m.span())
    return spans


def kin_names(text: str) -> list[tuple[int, int]]:
    """A name after "my son" / "my daughter" / "my name is" in Chinese or Arabic."""
    return [m.span("name") for m in _HAN_KIN.finditer(text)] + [m.span("name") for m in _ARABIC_KIN.finditer(text)]


#: A line opened by a run of another script and a colon, in a chat or a transcript: the speaker
#: ("نور الهدى خليل: السلام عليكم"). Only when at least one more line opens with a speaker and a
#: colon, so that a heading or label in that script ("ملاحظة: …") alone is not taken.
#: What opens a chat line before the speaker: a bracketed stamp ("[08:12]", "[12.03.25, 08:12]")
#: or a time, maybe after a date, and a dash ("19:02 - ", "12.03.25, 19:02 – ").
_STAMP = (r"(?:\[[^\]\n]{1,25}\][ \t]*|(?:\d{1,2}\.\d{1,2}\.\d{2,4},?[ ])?\d{1,2}:\d{2}(?::\d{2})?"
          r"[ \t]*[-–]?[ \t]*)?")
_SPEAKER_LINE = regex.compile(rf"^[ \t]*{_STAMP}({RUN})[ \t]*:[ \t]", regex.MULTILINE)
_ANY_SPEAKER = regex.compile(rf"^[ \t]*{_STAMP}[^\n:]{{1,40}}:[ \t]+\S", regex.MULTILINE)
_MAX_SPEAKER_WORDS = 4


def speaker_names(text: str) -> list[tuple[int, int]]:
    """Spans of speakers written in another script that open chat or transcript lines."""
    spans = [m.span(1) for m in _SPEAKER_LINE.finditer(text)
             if (2 <= len(m.group(1).split(" ")) <= _MAX_SPEAKER_WORDS or _one_word_name(m.group(1)))
             and not any(w[:1].islower() for w in m.group(1).split(" "))  # "дата рождения:": a label
             and not _phrase(m.group(1).split(" "))]
    if not spans or sum(1 for _ in _ANY_SPEAKER.finditer(text)) < 2:
        return []
    return spans


def _one_word_name(word: str) -> bool:
    """A Chinese name opened by a common surname, or a Korean name of two to four syllables:
    these scripts write a whole name without a blank ("陈晓东", "김민수")."""
    return ((_HAN.fullmatch(word) is not None and word[0] in HAN_SURNAMES and 2 <= len(word) <= 4)
            or (_HANGUL.fullmatch(word) is not None and 2 <= len(word) <= 4)) and _name_word(word)


#: A closing of a letter, a mail or a message alone on its line ("Mit freundlichen Grüßen",
#: "Danke und liebe Grüße,", "LG"), then a run of another script alone on the next: the writer.
_CLOSING_THEN_RUN = regex.compile(
    rf"^[ \t]*(?:[^\n]{{0,30}}(?:grüße|gruß|gruss|grüßen|grüssen)|lg|vg|mfg|danke(?:[ ]schön)?|vielen[ ]dank|"
    rf"herzlichst|ihre?|dein[e]?|eure?)[ \t]*[,!.]?[ \t]*\n(?:[ \t]*\n)?[ \t]*({RUN})[ \t]*$",
    regex.MULTILINE | regex.IGNORECASE)


def signed_names(text: str) -> list[tuple[int, int]]:
    """A run of one to four name words alone on the line under a closing: a signature."""
    spans = []
    for m in _CLOSING_THEN_RUN.finditer(text):
        words = m.group(1).split(" ")
        if not _phrase(words) and all(_name_word(w) for w in words) and (len(words) > 1 or _one_word_name(words[0])
                                                                       or not _HAN.fullmatch(words[0])):
            spans.append(m.span(1))
    return spans


# -- a name in another script inside a German sentence ------------------------------------------

_RUN = regex.compile(RUN)
_LATIN_WORD = regex.compile(r"[A-Za-zÄÖÜäöüß]{2,}")
#: Words right before a run that make it a word or phrase of that language, not a name: "auf
#: Arabisch: شكرا", "das Wort 你好", "übersetzt: …", "(arab. …)".
_NOT_A_NAME_BEFORE = regex.compile(
    r"(?:arabisch|arab\.|persisch|farsi|dari|paschtu|kurdisch|russisch|ukrainisch|griechisch|"
    r"chinesisch|mandarin|koreanisch|japanisch|tigrinya|amharisch|hebräisch|bulgarisch|serbisch|"
    r"übersetzt|übersetzung|wort|wörter|begriff|ausdruck|satz|gruß|grüße|schild|aufschrift|titel|"
    r"überschrift|sprache|bedeutet|heißt auf \w+|auf \w+ heißt|"
    # a place: "kommt aus Харків", "geboren in 北京", "zieht nach Київ"
    r"(?<![\w])(?:aus|nach|in|im|geboren|wohnhaft|geburtsort|herkunft(?:sland|sort)?|stadt|ort))[ ]?[:=]?[ ]?[„“\"»(]?[ ]?\Z",
    regex.IGNORECASE)
#: Words right after a run that make it a word being explained: "شكرا heißt danke", "你好 = Hallo".
_NOT_A_NAME_AFTER = regex.compile(r"[ ]?[“\"«)]?[ ]?(?:=|bedeutet|heißt\b|means\b|\(=)", regex.IGNORECASE)
_SIDE = 25
#: Words right before a name that ends its sentence or line: "Die Mutter heißt فاطمة.",
#: "Unterschrieben von: 김민수", "Bitte an 王伟 weitergeben" is embedded anyway.
_NAME_CUE_BEFORE = regex.compile(
    r"(?<![\w])(?:heißt|hieß|heißen|lautet|lauten|namens|genannt|sich|von|mit|für|bei|vater|mutter|"
    r"tante|onkel|oma|opa|großmutter|großvater|sohn|tochter|bruder|schwester|kind|cousin|cousine)"
    r"[ ]?:?[ ]\Z", regex.IGNORECASE)
_CLAUSE_END = regex.compile(r"[ ]?[.!?,;)]?[ ]*(?:$|\n)", regex.MULTILINE)
#: Before a run that opens a sentence: the line's start or a sentence end, maybe a bullet.
_SENTENCE_OPEN = regex.compile(r"(?:\A|[.!?:;][ ]+)(?:[-•*][ ]+)?\Z")
#: A German verb (or "und" and another name) right after a name that opens a sentence.
_GERMAN_VERB_AFTER = regex.compile(
    r"[ ]?(?:,[ ]?)?(?:hat|hatte|ist|war|wird|kommt|kam|geht|ging|fehlt|fehlte|bringt|holt|darf|kann|"
    r"möchte|will|soll|muss|braucht|spricht|wohnt|lebt|besucht|bittet|fragt|ruft|rief|meldet|"
    r"schreibt|schrieb|spielt|lernt|wurde|und|sowie)\b")


def embedded_names(text: str) -> list[tuple[int, int]]:
    """A short run of another script that stands inside a German sentence, Latin words on both
    sides on its line: "heißt der Vater محمد عبد الله, er spricht", "Heute rief علی احمدی an",
    "Als Notfallkontakt ist 田中 美咲 eingetragen". In school, Kita and Jugendamt texts such a run
    is a name quoted in its own script (a translated heading stands alone on its line or after a
    slash at the line's end). Not a phrase the sentence names as a word of that language ("auf
    Arabisch: شكرا", "das Wort 你好"), nor lower-case Cyrillic or Greek words ("добрый вечер"),
    nor a doubled Han character ("谢谢")."""
    spans = []
    for m in _RUN.finditer(text):
        start, end = m.span()
        line_start = text.rfind("\n", 0, start) + 1
        line_end = text.find("\n", end)
        line_end = len(text) if line_end < 0 else line_end
        left = text[max(line_start, start - _SIDE):start]
        right = text[end:min(line_end, end + _SIDE)]
        if _LATIN_WORD.search(right) is None and not (
                _NAME_CUE_BEFORE.search(left) and _CLAUSE_END.match(text, end)):
            continue  # at a sentence's end only after a word that introduces a name: "heißt فاطمة."
        if _LATIN_WORD.search(left) is None and not (
                _SENTENCE_OPEN.search(left) and _GERMAN_VERB_AFTER.match(right)):
            continue  # at a sentence's start only before its German verb: "علی احمدی hat angerufen"
        if _NOT_A_NAME_BEFORE.search(text, max(line_start, start - 40), start) \
                or _NOT_A_NAME_AFTER.match(text, end):
            continue
        words = m.group().split(" ")
        if _phrase(words) or not all(_name_word(w) for w in words):
            continue
        if len(words) == 1 and _HAN.fullmatch(words[0]) and words[0][0] not in HAN_SURNAMES:
            continue  # "Infos von 学校": a Chinese word; a name opens with a surname ("王伟", "田中 美咲")
        spans.append((start, end))
    return spans


#: Arabic and Persian greetings, thanks and function words: a run with one of them is a phrase
#: ("مرحبا بكم" = welcome, "شكرا" = thanks, "روز بخیر"), not a name.
ARABIC_PHRASE_WORDS = frozenset("""
مرحبا مرحباً أهلا اهلا أهلاً بكم شكرا شكراً السلام سلام عليكم صباح مساء الخير الخیر خير مع السلامة إلى الى
في من على عن يا هذا هذه هل نعم لا ممنوع مدرسة المدرسة روضة درود ممنون مرسی مرسي خوش آمدید آمديد بخیر
روز صبح شب خداحافظ لطفا لطفاً است و به از با برای
""".split())


def _phrase(words: list[str]) -> bool:
    return any(w in ARABIC_PHRASE_WORDS or w.lower() in CASED_CONTEXT or w.startswith(_ARABIC_PREFIXED)
               for w in words)


#: Arabic words opened by a preposition or conjunction and the article ("للوالدين" = for the
#: parents, "بالمدرسة", "والأطفال"): words of a phrase, never of a name.
_ARABIC_PREFIXED = ("لل", "بال", "وال", "فال", "كال")


def _name_word(word: str) -> bool:
    """A word of another script that can be (part of) a name: capitalised in the cased scripts,
    at most four characters and none doubled in Han, two to four syllables in Hangul."""
    first = word[:1]
    if regex.match(r"[\p{Cyrillic}\p{Greek}]", first):
        return first.isupper()
    if _HAN.fullmatch(word):
        return len(word) <= 4 and len(set(word)) == len(word)
    if _HANGUL.fullmatch(word):
        return 2 <= len(word) <= 4
    return True


# -- a run in Arabic script that spells a Latin name of the same text ---------------------------

#: Consonant classes of the Arabic, Persian and Sorani letters (vowel letters, alif, hamza and
#: 'ain have none): "شیرین" -> "Srn".
_ARABIC_CONSONANTS = {
    **dict.fromkeys("بپ", "b"), **dict.fromkeys("تطة", "t"), **dict.fromkeys("ثسص", "s"),
    **dict.fromkeys("جژ", "j"), "چ": "c", **dict.fromkeys("حه", "h"), "خ": "x",
    **dict.fromkeys("د", "d"), **dict.fromkeys("ذزضظ", "z"), **dict.fromkeys("رڕ", "r"),
    "ش": "S", **dict.fromkeys("غقگ", "g"), **dict.fromkeys("فڤ", "f"), **dict.fromkeys("کك", "k"),
    **dict.fromkeys("لڵ", "l"), "م": "m", "ن": "n",
}
#: Latin spellings of those classes, longest first; vowels, w/v and y have none.
_LATIN_CONSONANTS = (("sch", "S"), ("tsch", "c"), ("sh", "S"), ("ch", "c"), ("kh", "x"), ("zh", "j"),
                     ("gh", "g"), ("th", "t"), ("dh", "z"), ("ph", "f"), ("ck", "k"), ("q", "g"),
                     ("p", "b"), ("c", "k"), ("z", "z"), ("j", "j"), ("x", "x"))
_LATIN_VOWELS = frozenset("aeiouyvw'")
_ARABIC_RUN = regex.compile(r"\p{Arabic}[\p{Arabic}\p{M}]+(?:[ ]\p{Arabic}[\p{Arabic}\p{M}]+){1,3}")
_LATIN_NAME_RUN = regex.compile(r"(?<![\p{L}])\p{Lu}\p{Ll}+(?:[ -]\p{Lu}\p{Ll}+){1,3}(?![\p{L}])")
#: Consonants a run needs in all, one at least in each word.
_MIN_SKELETON = 4


def _arabic_skeleton(word: str) -> str:
    return regex.sub(r"(.)\1+", r"\1", "".join(_ARABIC_CONSONANTS.get(c, "") for c in word))


def _latin_skeleton(word: str) -> str:
    word, out, i = fold(word).lower(), [], 0
    while i < len(word):
        for spelling, cls in sorted(_LATIN_CONSONANTS, key=lambda p: -len(p[0])):
            if word.startswith(spelling, i):
                out.append(cls)
                i += len(spelling)
                break
        else:
            out.append("" if word[i] in _LATIN_VOWELS else word[i])
            i += 1
    skeleton = "".join(out)
    return regex.sub(r"(.)\1+", r"\1", skeleton)


def arabic_spellings(text: str, lexicon: NameLexicon) -> list[tuple[int, int]]:
    """A run of two to four words in Arabic script whose consonants are, word by word, those of a
    Latin name of two to four words elsewhere in the text with a listed word in it ("Shirin
    Tehrani … شیرین طهرانی"): the name in its own script, wherever the text writes it."""
    runs = list(_ARABIC_RUN.finditer(text))
    if not runs:
        return []
    latin = set()
    for m in _LATIN_NAME_RUN.finditer(text, overlapped=True):
        words = regex.split(r"[ -]", m.group())
        if any(fold(w) in lexicon.first_names or fold(w) in lexicon.surnames for w in words):
            latin.add(tuple(_latin_skeleton(w) for w in words))
    spans = []
    for m in runs:
        words = m.group().split(" ")
        if _phrase(words):
            continue
        skeleton = tuple(_arabic_skeleton(w) for w in words)
        if all(skeleton) and len("".join(skeleton)) >= _MIN_SKELETON and any(
                skeleton == names[i:i + len(skeleton)] for names in latin
                for i in range(len(names) - len(skeleton) + 1)):
            spans.append(m.span())
    return spans


# -- a name in another script as an item of a list or a cell of a table -------------------------

def name_shaped(run: str) -> bool:
    """A run of one to four words that can be a name: no phrase word, every word a name word, a
    single Chinese or Korean word of a name's length."""
    words = run.split(" ")
    if len(words) > _MAX_SPEAKER_WORDS or _phrase(words) or not all(_name_word(w) for w in words):
        return False
    return len(words) > 1 or _one_word_name(words[0]) or not (_HAN.fullmatch(run) or _HANGUL.fullmatch(run))


#: Header words of a list or a column of persons ("Teilnehmende:", "Name | Klasse").
_PERSON_HEADER = regex.compile(
    r"(?<![\w])(?:(?:vor|nach|familien|ruf)?name[n]?|kind(?:er)?|sch[üu]ler(?:innen|in)?|teilnehm\w*|anwesend\w*|"
    r"eltern|mutter|vater|abholberechtigt\w*|personen|kontakt\w*|ansprechpartner\w*|unterschrift\w*|"
    r"erziehungsberechtigt\w*|sorgeberechtigt\w*|fehlend\w*|entschuldigt|gäste)(?![\w])", regex.IGNORECASE)
_ITEM = regex.compile(rf"^[ \t]*(?:[-•*–]|\d{{1,3}}[.)]|[a-z]\))[ \t]+({RUN})[ \t]*[,;]?[ \t]*$", regex.MULTILINE)
_ITEM_OPEN = regex.compile(r"^[ \t]*(?:[-•*–]|\d{1,3}[.)]|[a-z]\))[ \t]+", regex.MULTILINE)
_CELL_DELIMITERS = ("|", ";", "\t")
_CELL_RUN = regex.compile(rf"[ \t\"']*({RUN})[ \t\"']*")


def listed_items(text: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of another script that fill an item of a bulleted or numbered list, when the list's
    heading names persons ("Teilnehmende:") or another item of it is a recognised name."""
    spans = []
    for m in _ITEM.finditer(text):
        if not name_shaped(m.group(1)):
            continue
        block_start, block_end = _list_block(text, m.start())
        heading_start = text.rfind("\n", 0, max(0, block_start - 1)) + 1
        heading = text[heading_start:block_start]
        named = any(block_start <= s and e <= block_end and _ITEM_OPEN.search(text, text.rfind("\n", 0, s) + 1, s)
                    for s, e in people)
        if named or (_PERSON_HEADER.search(heading) and heading.rstrip().endswith(":")):
            spans.append(m.span(1))
    return spans


def _list_block(text: str, pos: int) -> tuple[int, int]:
    """(start, end) of the run of list item lines around the line at ``pos``."""
    lines_start = start = text.rfind("\n", 0, pos) + 1
    while start > 0:
        prev = text.rfind("\n", 0, start - 1) + 1
        if not _ITEM_OPEN.match(text, prev):
            break
        start = prev
    end = text.find("\n", lines_start)
    while end >= 0 and _ITEM_OPEN.match(text, end + 1):
        end = text.find("\n", end + 1)
    return start, len(text) if end < 0 else end


def table_cells(text: str, people: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Runs of another script that fill a cell of a delimited table whose column holds a
    recognised name in another row or is headed by a person word ("Name", "Kind")."""
    if not any(d in text for d in _CELL_DELIMITERS):
        return []
    rows: list[tuple[int, str, list[tuple[int, int]]]] = []
    pos = 0
    for line in text.split("\n"):
        delim = next((d for d in _CELL_DELIMITERS if line.count(d) >= (2 if d == "|" else 1)), None)
        if delim is not None:
            rows.append((pos, delim, [(pos + s, pos + e) for s, e in _cells_of(line, delim)]))
        pos += len(line) + 1
    spans = []
    for k, (_, delim, cells) in enumerate(rows):
        for col, (cs, ce) in enumerate(cells):
            m = _CELL_RUN.fullmatch(text, cs, ce)
            if m is None or not name_shaped(m.group(1)):
                continue
            same = [r[2][col] for r in rows if r[1] == delim and r is not rows[k] and col < len(r[2])]
            header = next((r[2][col] for r in rows if r[1] == delim and col < len(r[2])), None)
            named = any(s <= ps and pe <= e for s, e in same for ps, pe in people)
            headed = header is not None and header != (cs, ce) and _PERSON_HEADER.search(text, *header) is not None
            if named or headed:
                spans.append(m.span(1))
    return spans


def _cells_of(line: str, delim: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for cell in line.split(delim):
        out.append((pos, pos + len(cell)))
        pos += len(cell) + len(delim)
    return out
