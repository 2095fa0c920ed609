"""PERSON, STUDENT_ID and ADDRESS as values of JSON, YAML or key=value pairs under short keys.

Exports and logs write records as ``{"snr": "20-88172", "name": "Ilvy Roggentin"}``, ``"k_sn"``,
``"sid": 4471`` or ``schueler_id=77120``. A short key says what the value is where running text
would need a label: pupil-number keys (``snr``, ``sid``, ``schuelernr``, ``schueler_id``,
``kind_nr``, ``pupil_id`` ...) mark a pupil number, street keys (``str``, ``adresse``) a street and
house number whatever the street is called ("Lister Meile 51"), name keys (``name``, ``vorname``,
``nachname``, ``vn``, ``nn``, ``first_name``, ``mutter`` ...) a person's name when the value has a
name's shape or is written in another script ("王丽").
"""

from __future__ import annotations

import regex
from presidio_analyzer import RecognizerResult

from assistant.privacy.text.recognizers.precheck import PrecheckedRuleRecognizer, rule_result
from assistant.privacy.names import NameLexicon
from assistant.privacy.text.recognizers.name_shape import looks_like_name
from assistant.privacy.text.recognizers.other_scripts import RUN

_SEP = r"[_\-.]?"
PUPIL_KEYS = (rf"(?:s{_SEP}nr|sid|snum|(?:[a-z]{{1,8}}_)?sn|sch(?:ue|ü|u)ler(?:in)?{_SEP}(?:nr|id|nummer|no|num)|"
             # abbreviated: "sch_nr", "schuel_nr", "schül_id" (never "schul_nr", the school's number)
             rf"sch{_SEP}(?:nr|nummer)|sch(?:ue|ü)l{_SEP}(?:nr|id|nummer|no|num)|"
              rf"sch(?:ue|ü|u)lernr|(?:kita{_SEP})?kind{_SEP}(?:nr|id|nummer)|kid|"
              rf"(?:pupil|student|learner|child|lernende[nr]?){_SEP}(?:id|nr|no|number|num)|asv{_SEP}id|"
              rf"lusd{_SEP}id|schild{_SEP}id)")
NAME_KEYS = (rf"(?:name|vorname|nachname|familienname|rufname|first{_SEP}name|last{_SEP}name|"
             rf"(?:[a-z]{{1,8}}_)?(?:vn|nn|vname|nname)|"
             rf"given{_SEP}name|family{_SEP}name|full{_SEP}name|surname|fullname|firstname|lastname|"
             rf"kind(?:{_SEP}name)?|sch(?:ue|ü|u)ler(?:in)?(?:{_SEP}name)?|mutter|vater|"
             rf"erziehungsberechtigt(?:e[rn]?)?|sorgeberechtigt(?:e[rn]?)?|kontakt(?:person)?|"
             rf"ansprechpartner(?:in)?|lehrkraft|klassenlehrer(?:in)?|bezugsperson|vormund)")
#: A key in quotes or bare, ":" or "=", then the value in quotes or up to the end of the pair.
_PAIR = r"(?:^|(?<=[{{,;\s&?(\[]|(?<![\w.])[a-z][\w]{{0,20}}\.))(?:[\"'](?:{keys})[\"'][ \t]*:|(?:{keys})[ \t]*=)[ \t]*"
#: A YAML key opening a line (after its indentation and a list dash): ``  snr: 2020-11834``.
_YAML_KEY = r"^[ \t]*(?:-[ \t]+)?(?:{keys})[ \t]*:[ \t]*"
#: A pupil number as a value: letters, digits, '.', '/', '-' with a digit; a short letter prefix
#: may stand apart ("SN 40112"). A capitalised word glued to its last digit is the next field of a
#: run-together export ("SN-4471Bemerkung"), no part of it.
_GLUED_FIELD = r"(?<=\d)(?-i:[A-ZÄÖÜ][a-zäöüß]{2})"
PUPIL_VALUE = (r"[\"']?(?P<value>(?:(?-i:[A-Z]{1,4})[ ](?=\d))?(?=[\w./-]*\d)[A-Za-z0-9]"
               rf"(?:(?!{_GLUED_FIELD})[A-Za-z0-9./-]){{1,22}}"
               rf"[A-Za-z0-9])(?:(?![\w./-])|(?={_GLUED_FIELD}))")
#: A bare pupil key glued to its value by a colon inside a log line: ``sid:20447 vn:Tom``.
_LOG_KEY = r"(?:^|(?<=[ \t\[(,;]))(?:{keys}):(?=[\"']?[A-Za-z0-9])"
PUPIL_PAIR = regex.compile(f"(?:{_PAIR.format(keys=PUPIL_KEYS)}|{_YAML_KEY.format(keys=PUPIL_KEYS)}|"
                           f"{_LOG_KEY.format(keys=PUPIL_KEYS)})"
                           + PUPIL_VALUE, regex.IGNORECASE | regex.MULTILINE)
#: XML exports: ``<schuelernummer>552031</schuelernummer>``, ``<snr>20-88172</snr>``, one blank inside
#: (``<schuelerId>2021 03318</schuelerId>``, ``<kindNr>K 4471</kindNr>``).
#: A singular pupil word as the key of a log field whose value is an ID with a separator or a
#: letter prefix, or five digits at least: ``student=2020/0764``, ``schueler=S-4471`` (never a count).
PUPIL_WORD_PAIR = regex.compile(
    r"(?:^|(?<=[\s\[(,;&?]))(?:student|pupil|sch(?:ue|ü|u)ler(?:in)?|kind)=[\"']?"
    r"(?P<value>(?:[A-Za-z]{1,4}-?\d[\d/.-]*\d|\d+[-/.]\d[\d/.-]*\d|\d{5,12}))(?![\w./-])", regex.IGNORECASE)
PUPIL_ELEMENT = regex.compile(rf"<(?:{PUPIL_KEYS}|sch(?:ue|ü|u)lernummer)(?:[ ][^<>]*)?>[ \t]*"
                              r"(?P<value>(?=[\w./ -]*\d)[A-Za-z0-9][A-Za-z0-9./-]{0,22}(?:[ ][A-Za-z0-9./-]{1,12})?"
                              r"(?<=[A-Za-z0-9]))[ \t]*</",
                              regex.IGNORECASE)
NAME_PAIR = regex.compile(_PAIR.format(keys=NAME_KEYS)
                          + r"(?:[\"'](?P<quoted>[^\"'\n\d]{2,60})[\"']|(?P<bare>[^\"'\n\d,;&}=]{2,60}))",
                          regex.IGNORECASE | regex.MULTILINE)
#: A YAML name key opening a line, written in lower case as YAML keys are (a prose label "Name:"
#: or "Mutter:" is left to the other recognizers): ``  - last_name: Frank``, ``nachname: "Koch"``;
#: an XML element named by a name key: ``<nachname>Koch</nachname>``.
YAML_NAME = regex.compile(rf"^[ \t]*(?:-[ \t]+)?(?-i:{NAME_KEYS})[ \t]*:[ \t]*"
                          r"(?:[\"'](?P<quoted>[^\"'\n\d]{2,60})[\"']|(?P<bare>[^\"'\n\d;&}=#<>]{2,60}?))[ \t]*$",
                          regex.IGNORECASE | regex.MULTILINE)
NAME_ELEMENT = regex.compile(rf"<(?:{NAME_KEYS})(?:[ ][^<>]*)?>[ \t]*(?P<bare>[^<>\n\d]{{2,60}}?)[ \t]*</",
                             regex.IGNORECASE)
#: A form field of a web page: ``<input name="nachname" value="Koch">``.
NAME_INPUT = regex.compile(rf"<input\b[^<>]*?\bname=[\"'](?:{NAME_KEYS})[\"'][^<>]*?\bvalue=[\"']"
                           r"(?P<quoted>[^\"'<>\n\d]{2,60})[\"']", regex.IGNORECASE)
#: A name label alone on its line (a printed form, an OCR page), the value on the next line:
#: "Familienname\nKoch", "Vorname(n):\nIda Marie", "Name des Kindes\nEmilia Brandt".
_LABEL_LINE = (r"(?:(?:vor|nach|familien|ruf|geburts)?name(?:n|\(n\))?(?:[ ](?:des[ ]kindes|der[ ]mutter|"
               r"des[ ]vaters|des[ ]schülers|der[ ]schülerin))?)[ \t]*:?[ \t]*\n")
NAME_BELOW_LABEL = regex.compile(rf"^[ \t]*{_LABEL_LINE}[ \t]*(?P<bare>[^\n\d:;]{{2,60}}?)[ \t]*$",
                                 regex.IGNORECASE | regex.MULTILINE)
#: Street keys: ``"str"``, ``strasse``, ``adr``, ``anschrift``, ``street``, ``kind_adresse``.
ADDRESS_KEYS = (rf"(?:(?:\w+{_SEP})?(?:str|strasse|straße|street|str{_SEP}hnr|strasse{_SEP}hnr|adr|adresse|"
                rf"anschrift|address|addr|wohnanschrift|hausanschrift|meldeadresse))")
#: A street and house number as a value, with postcode and town if they follow: "Lister Meile 51".
STREET_VALUE = (r"[^\W\d_][\w'’.-]*(?:[ ][\w'’.-]+){0,4}[ ]\d{1,4}[ ]?[a-hA-H]?(?:[-–/]\d{1,4}[a-hA-H]?)?"
                r"(?:,?[ ]+(?:D-)?\d{5}[ ]+[^\W\d_][\w-]*(?:[ -][^\W\d_][\w-]*)?)?")
ADDRESS_PAIR = regex.compile(
    _PAIR.format(keys=ADDRESS_KEYS)
    + rf"[\"']?(?P<value>{STREET_VALUE})(?=[\"']|[ \t]*(?:$|[,;&}}]))",
    regex.IGNORECASE | regex.MULTILINE)
#: A name in another script under a name key: ``"name": "王丽"``, ``vorname=Олена``.
_OTHER_SCRIPT = regex.compile(RUN)
ADDRESS_SCORE = 0.85
PUPIL_SCORE = 0.9
NAME_SCORE = 0.85


class KeyValueRecognizer(PrecheckedRuleRecognizer):
    ENTITIES = ["PERSON", "STUDENT_ID", "ADDRESS"]
    #: A quoted key before ":" (JSON) or an "=" (key=value); prose labels ("Name: ...") are left to
    #: the other recognizers.
    PRECHECK = regex.compile(rf"[\"'][ \t]*:|=|</|^[ \t]*(?:-[ \t]+)?(?:{PUPIL_KEYS}|(?-i:{NAME_KEYS}))[ \t]*:"
                             rf"|[^\W\d]:[\w\"']|^[ \t]*{_LABEL_LINE}",
                             regex.IGNORECASE | regex.MULTILINE)

    def __init__(self, lexicon: NameLexicon, supported_language: str = "de") -> None:
        self.lexicon = lexicon
        super().__init__(supported_language)

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: ANN001
        # every form of PRECHECK holds one of these characters; testing them first spares most
        # sentences of prose the pattern's scan
        if ":" not in text and "=" not in text and "<" not in text and "\n" not in text:
            return []
        return super().analyze(text, entities, nlp_artifacts)

    def find(self, text: str) -> list[RecognizerResult]:
        results = [rule_result(self, "STUDENT_ID", m.start("value"), m.end("value"), PUPIL_SCORE, "key")
                   for m in PUPIL_PAIR.finditer(text)]
        if "=" in text:
            results += [rule_result(self, "STUDENT_ID", m.start("value"), m.end("value"), PUPIL_SCORE, "key")
                        for m in PUPIL_WORD_PAIR.finditer(text)]
        if "</" in text:
            results += [rule_result(self, "STUDENT_ID", m.start("value"), m.end("value"), PUPIL_SCORE, "key")
                        for m in PUPIL_ELEMENT.finditer(text)]
        results += [rule_result(self, "ADDRESS", m.start("value"), m.end("value"), ADDRESS_SCORE, "key")
                    for m in ADDRESS_PAIR.finditer(text)]
        pairs = list(NAME_PAIR.finditer(text))
        loose = len(pairs)  # the YAML, XML, form and label-line forms: a lone word must be in a name list
        if ":" in text:
            pairs += YAML_NAME.finditer(text)
        if "</" in text:
            pairs += NAME_ELEMENT.finditer(text)
        if "<input" in text:
            pairs += NAME_INPUT.finditer(text)
        pairs += NAME_BELOW_LABEL.finditer(text)
        for k, m in enumerate(pairs):
            group = "quoted" if m.groupdict().get("quoted") is not None else "bare"
            value = m.group(group)
            name = value.strip()
            if not name:
                continue
            if _OTHER_SCRIPT.fullmatch(name) or looks_like_name(
                    " ".join(name.split()), self.lexicon, single_needs_list=k >= loose, lower_ok=name.islower()):
                start = m.start(group) + value.index(name)
                results.append(rule_result(self, "PERSON", start, start + len(name), NAME_SCORE, "key"))
        return results

