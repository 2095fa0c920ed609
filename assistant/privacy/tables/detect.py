"""Find personal columns in a table by header name and by a sample of the values.

Direct identifiers (``role="direct"``) are pseudonymised or dropped by :mod:`tables`;
quasi-identifiers (``role="quasi"``) are only reported (k-anonymity); everything else is kept.
A finding names the column, the kind, the evidence (``name``, ``values`` or ``name+values``) and
the share of sampled cells that matched; it never carries a cell value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

import pandas as pd

from assistant.privacy.tables.names import fold, is_particle, token_in_lexicon

SAMPLE_SIZE = 500

#: (kind, header regex on the compact header) for direct identifiers, checked in this order.
DIRECT_RULES: tuple[tuple[str, str], ...] = (
    ("EMAIL_ADDRESS", r"e?mail"),
    ("PHONE_NUMBER", r"telefon|^tel(nr|nummer|privat|dienstlich)?$|phone|handy|^mobil|^fax"),
    ("IBAN_CODE", r"iban|kontonummer|bankverbindung|^bic$"),
    ("DE_TAX_ID", r"steuer(id|identifikation|nummer|nr)|taxid|^tin$"),
    ("SOCIAL_ID", r"sozialversicherung|^svn(r|ummer)?$|rentenversicherung|versichertennummer|"
                  r"ausweis|reisepass|passnummer"),
    ("DATE_OF_BIRTH", r"geb(urts)?(datum|dat|tag)|^geb(am)?$|geboren|dateofbirth|birthdate|"
                      r"birthday|^dob$"),
    ("ADDRESS", r"adresse|anschrift|strasse|^str(nr)?$|hausnummer|hausnr|address|street|"
                r"^plz(und)?(wohn)?ort$|postanschrift"),
    ("STUDENT_ID", r"(schueler|schuler|kind|student|pupil)"
                   r"(en|in)?(id|nr|nummer|kennung|kennzahl|schluessel|code)$|^lusd|^asvid"),
    ("ID_NUMBER", r"(person|teilnehmer|mitarbeiter|kunde|fall)"
                  r"(en|in)?(id|nr|nummer|kennung|kennzahl|schluessel|code)$|^id$|^uuid$|"
                  r"personalnummer|aktenzeichen|matrikel"),
    ("PERSON", r"name|^vorname|^nachname|familienname|rufname|zuname|surname|firstname|lastname|"
               r"givenname|^schue?ler(in|innen)?$|^kind$|erziehungsberechtigt|^eltern|^mutter$|"
               r"^vater$|lehrkraft|^lehrer(in)?$|klassenlehr|ansprechpartner|kontaktperson|"
               r"^person$|^pupil|^student$|^teacher|^parent|guardian|unterschrift"),
)
#: (kind, header regex, Art. 9 GDPR / especially sensitive) for quasi-identifiers.
QUASI_RULES: tuple[tuple[str, str, bool], ...] = (
    ("BIRTH_YEAR", r"geburtsjahr|gebjahr|birthyear|yearofbirth", False),
    ("AGE", r"^alter$|^age$|alterin|lebensalter|altersgruppe", False),
    ("GENDER", r"geschlecht|gender|^sex$|^mw$|^mwd$", False),
    ("NATIONALITY", r"staatsangeh|nationalit|herkunft|geburtsland|geburtsort|migration|zuwander|"
                    r"citizenship|flucht|aufenthalt", True),
    ("SPECIAL_NEEDS", r"foerder|forder|sonderpaed|inklusion|behinderung|beeintraechtig|"
                      r"gesundheit|diagnose|schwerpunkt|integrationshilfe|teilhabe", True),
    ("RELIGION", r"religion|konfession|bekenntnis", True),
    ("SOCIAL_BENEFITS", r"sgb|leistungsbez|^but$|bildungundteilhabe|transfer|einkommen", True),
    ("LANGUAGE", r"sprache|language", False),
    ("DATE", r"datum|date$|einschulung|aufnahme|zuzug|eintritt|austritt", False),
    ("GRADE", r"jahrgang|klassenstufe|^stufe$|^grade", False),
    ("CLASS", r"^klasse|klassenbez|^class$|lerngruppe|^kurs$", False),
    ("SCHOOL", r"schul(?!er)|kita|einrichtung|^school|institution", False),
    ("POSTCODE", r"^plz$|postleitzahl|zipcode|^zip$|postcode", False),
    ("PLACE", r"wohnort|ortsteil|stadtteil|sozialraum|wohngebiet|bezirk|^ort$|quartier", False),
)
_INSTITUTION = re.compile(r"schul(?!er)|kita|einrichtung|traeger|gemeinde|stadt|kreis|region|"
                          r"sozialraum|bezirk|school|institution|facility|datei|file|firma|"
                          r"betrieb|verein|projekt|kurs|fach|bildungsgang|ort$|land|strasse|"
                          r"spalte|tabelle|merkmal|variable|indikator|produkt")
_STATISTIC = re.compile(r"anzahl|summe|insgesamt|gesamt|zahl|count|total|anteil|quote|prozent|"
                        r"betrag|mittel|durchschnitt|^n$|faelle")
_NON_NAME_WORDS = {"schule", "grundschule", "gymnasium", "realschule", "gesamtschule", "kita",
                   "hauptschule", "oberschule", "forderschule", "kindergarten", "hort", "zentrum",
                   "verein", "gmbh", "stadt", "kreis", "landkreis", "kreisfreie", "region",
                   "bezirk", "strasse", "weg", "platz", "allee", "ring", "insgesamt", "summe",
                   "gesamt", "total", "familienzentrum", "kindertagesstatte", "campus"}

#: Quasi-identifier kinds that are naturally written as numbers.
_NUMERIC_QUASI = {"BIRTH_YEAR", "AGE", "GRADE", "CLASS", "POSTCODE", "DATE"}
_CODE_HINT = re.compile(r"nummer|nr$|id$|code|schluessel|kennziffer|kennzahl")
_BASE_QUASI = {"schule", "schulname", "kita", "einrichtung", "geschlecht", "staatsangehoerigkeit",
               "nationalitaet", "foerderbedarf", "foerderschwerpunkt", "sprache", "religion",
               "konfession", "wohnort", "ortsteil", "stadtteil", "sozialraum", "herkunftsland"}

_EMAIL = re.compile(r"^[\w.+-]+@[\w-]+(\.[\w-]+)+$")
_IBAN = re.compile(r"^[A-Z]{2}\d{2}[A-Z0-9]{11,30}$")
_PHONE = re.compile(r"^(\+|00|0)[\d\s/().-]{6,}$")
_STREET = re.compile(
    r"([^\W\d_][\w.-]*(straße|strasse|str\.|weg|platz|allee|gasse|ring|damm|ufer|chaussee|pfad|"
    r"steig|markt|hof|graben|wall|kamp|stieg|berg|feld|park)|^(am|an der|an den|im|in der|zum|zur|"
    r"auf dem|auf der|hinter dem|unter den) [^\d,]+)\s*\d{1,4}\s?[a-zA-Z]?\b", re.IGNORECASE)
_DATE_PATTERNS = (
    (re.compile(r"^(\d{1,2})\.(\d{1,2})\.(\d{4})"), (3, 2, 1)),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})"), (1, 2, 3)),
    (re.compile(r"^(\d{1,2})/(\d{1,2})/(\d{4})"), (3, 2, 1)),
)
_INT = re.compile(r"^-?(\d{1,3}(\.\d{3})+|\d+)$")
_NUMBER = re.compile(r"^-?\d+([.,]\d+)?$")


#: German labels of the column kinds, for reports.
KIND_TEXT = {
    "PERSON": "Personenname", "DATE_OF_BIRTH": "Geburtsdatum", "ADDRESS": "Anschrift",
    "EMAIL_ADDRESS": "E-Mail-Adresse", "PHONE_NUMBER": "Telefonnummer", "IBAN_CODE": "IBAN/Bankverbindung",
    "DE_TAX_ID": "Steuer-ID", "SOCIAL_ID": "Sozialversicherungs-/Ausweisnummer",
    "STUDENT_ID": "Schüler- oder Kindernummer", "ID_NUMBER": "Kennnummer einer Person", "FREE_TEXT": "Freitext",
    "BIRTH_YEAR": "Geburtsjahr", "AGE": "Alter", "GENDER": "Geschlecht",
    "NATIONALITY": "Staatsangehörigkeit/Herkunft", "SPECIAL_NEEDS": "Förderbedarf/Gesundheit",
    "RELIGION": "Religion", "SOCIAL_BENEFITS": "Sozialleistungen", "LANGUAGE": "Sprache",
    "GRADE": "Jahrgangsstufe", "CLASS": "Klasse", "SCHOOL": "Schule/Einrichtung",
    "POSTCODE": "Postleitzahl", "PLACE": "Wohnort/Gebiet", "DATE": "Datum",
}
#: What was done to a column, in the report and the audit log.
ACTION_TEXT = {"pseudonymize": "pseudonymisiert", "drop": "entfernt",
               "birth_year": "auf Geburtsjahr verallgemeinert", "keep": "unverändert"}
EVIDENCE_TEXT = {"name": "am Spaltennamen", "values": "an den Werten",
                 "name+values": "an Spaltenname und Werten"}


@dataclass
class ColumnFinding:
    column: str
    kind: str                 # PERSON, DATE_OF_BIRTH, ..., GENDER, ..., COUNT, NUMBER, TEXT
    role: str                 # "direct", "quasi", "count" or "other"
    evidence: str             # "name", "values", "name+values" or "none"
    share: float | None = None
    sensitive: bool = False   # Art. 9 GDPR or social benefits
    action: str = "keep"      # set by tables.check_table
    note: str = ""

    def to_dict(self) -> dict:
        return {"column": self.column, "kind": self.kind, "role": self.role,
                "evidence": self.evidence,
                "share": None if self.share is None else round(self.share, 3),
                "sensitive": self.sensitive, "action": self.action, "note": self.note}

    @property
    def kind_text(self) -> str:
        return KIND_TEXT.get(self.kind, self.kind)

    @property
    def action_text(self) -> str:
        return ACTION_TEXT.get(self.action, self.action)

    @property
    def evidence_text(self) -> str:
        return EVIDENCE_TEXT.get(self.evidence, self.evidence)


def compact_header(name: str) -> str:
    name = str(name).lower()
    for src, dst in (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("ß", "ss")):
        name = name.replace(src, dst)
    return re.sub(r"[^a-z0-9]", "", fold(name))


def match_header(name: str) -> tuple[str, str, bool] | None:
    """(kind, role, sensitive) from the header alone, or None."""
    c = compact_header(name)
    if not c:
        return None
    for kind, pattern in DIRECT_RULES:
        if re.search(pattern, c):
            if kind in ("PERSON", "STUDENT_ID", "ID_NUMBER") and _INSTITUTION.search(c):
                break
            if kind in ("PERSON", "ADDRESS", "DATE_OF_BIRTH") and _STATISTIC.search(c):
                break
            return kind, "direct", False
    for kind, pattern, sensitive in QUASI_RULES:
        if re.search(pattern, c):
            return kind, "quasi", sensitive
    return None


def sample_values(series: pd.Series, size: int = SAMPLE_SIZE) -> list[str]:
    values = series.dropna()
    if len(values) > size:
        step = len(values) / size
        values = values.iloc[[int(i * step) for i in range(size)]]
    return [s for s in (str(v).strip() for v in values) if s]


def share(pred, sample: list[str]) -> float:  # noqa: ANN001
    return sum(1 for v in sample if pred(v)) / len(sample) if sample else 0.0


def parse_date(value: str) -> date | None:
    for pattern, (y, m, d) in _DATE_PATTERNS:
        match = pattern.match(value)
        if match:
            try:
                return date(int(match.group(y)), int(match.group(m)), int(match.group(d)))
            except ValueError:
                return None
    return None


def is_int(value: str) -> bool:
    return bool(_INT.match(value))


def is_number(value: str) -> bool:
    return bool(_NUMBER.match(value))


def _iban_ok(value: str) -> bool:
    value = value.replace(" ", "").upper()
    if not _IBAN.match(value):
        return False
    digits = "".join(str(int(ch, 36)) for ch in value[4:] + value[:4])
    return int(digits) % 97 == 1


def _phone_ok(value: str) -> bool:
    digits = sum(ch.isdigit() for ch in value)
    return bool(_PHONE.match(value)) and 7 <= digits <= 15 and parse_date(value) is None


def looks_like_name(value: str) -> tuple[bool, bool]:
    """(shape, known): shaped like 1-4 capitalised words; at least one word is a known name."""
    tokens = [t for t in re.split(r"[\s,]+", value) if t]
    if not 1 <= len(tokens) <= 5:
        return False, False
    known = False
    words = 0
    for token in tokens:
        if is_particle(token.rstrip("-")):
            continue
        parts = [p for p in re.split(r"[-'’]", token) if p]
        if not parts or not all(p.isalpha() and p[0].isupper() for p in parts):
            return False, False
        if any(fold(p) in _NON_NAME_WORDS for p in parts):
            return False, False
        words += 1
        known = known or any(len(p) > 1 and token_in_lexicon(p) for p in parts)
    return words > 0, known


def _birth_dates(sample: list[str]) -> tuple[float, bool]:
    dates = [parse_date(v) for v in sample]
    parsed = [d for d in dates if d is not None]
    if not parsed:
        return 0.0, False
    today = date.today()
    in_range = sum(1 for d in parsed if today.year - 100 <= d.year <= today.year and d <= today)
    distinct = len(set(parsed))
    plausible = in_range / len(parsed) >= 0.9 and distinct >= min(10, 0.5 * len(parsed))
    return len(parsed) / len(sample), plausible


def _value_kind(sample: list[str], strong_only: bool) -> tuple[str, float] | None:
    checks = [("EMAIL_ADDRESS", lambda v: bool(_EMAIL.match(v)), 0.5),
              ("IBAN_CODE", _iban_ok, 0.5),
              ("PHONE_NUMBER", _phone_ok, 0.6),
              ("ADDRESS", lambda v: bool(_STREET.search(v)), 0.5)]
    for kind, pred, threshold in checks:
        got = share(pred, sample)
        if got >= threshold:
            return kind, got
    if strong_only:
        return None
    date_share, plausible = _birth_dates(sample)
    if date_share >= 0.8 and plausible:
        return "DATE_OF_BIRTH", date_share
    shapes = [looks_like_name(v) for v in sample]
    shaped = sum(s for s, _ in shapes) / len(sample)
    known = sum(k for _, k in shapes) / len(sample)
    distinct = len(set(sample))
    if shaped >= 0.7 and known >= 0.4 and distinct >= min(10, 0.5 * len(sample)):
        return "PERSON", known
    return None


def classify_column(name: str, series: pd.Series) -> ColumnFinding:
    """Classify one column: header rules first, then the sampled values."""
    sample = sample_values(series)
    by_name = match_header(name)
    int_share = share(is_int, sample) if sample else 0.0
    if by_name and by_name[1] == "direct":
        kind = by_name[0]
        if kind in ("PERSON", "ADDRESS", "DATE_OF_BIRTH") and sample and int_share >= 0.9:
            return ColumnFinding(name, "COUNT", "count", "values", int_share,
                                 note="Spaltenname klingt personenbezogen, Werte sind Zahlen")
        found = _value_kind(sample, strong_only=False) if sample else None
        if found and found[0] == kind:
            return ColumnFinding(name, kind, "direct", "name+values", found[1])
        return ColumnFinding(name, kind, "direct", "name")
    found = _value_kind(sample, strong_only=bool(by_name)) if sample else None
    if found:
        return ColumnFinding(name, found[0], "direct", "values", found[1])
    if by_name and _counts_not_categories(by_name[0], name, sample, int_share):
        return ColumnFinding(name, "NUMBER", "other", "values", int_share,
                             note="Spaltenname enthält ein Merkmal, Werte sind Fallzahlen")
    if by_name:
        return ColumnFinding(name, by_name[0], "quasi", "name", sensitive=by_name[2])
    if sample and int_share >= 0.95:
        return ColumnFinding(name, "NUMBER", "other", "values", int_share)
    if sample and _free_text(sample):
        return ColumnFinding(name, "FREE_TEXT", "direct", "values",
                             note="Freitext kann Namen und Einzelangaben enthalten")
    return ColumnFinding(name, "TEXT" if sample else "EMPTY", "other", "none")


def _counts_not_categories(kind: str, name: str, sample: list[str], int_share: float) -> bool:
    """'Grundschule' or 'ohne Hauptschulabschluss' over counts is a count column, not a school."""
    c = compact_header(name)
    if kind in _NUMERIC_QUASI or _CODE_HINT.search(c) or c in _BASE_QUASI:
        return False
    return bool(sample) and int_share >= 0.95 and len(set(sample)) > 5


def _free_text(sample: list[str]) -> bool:
    long = sum(1 for v in sample if len(v) > 30 and len(v.split()) >= 4)
    return long / len(sample) >= 0.3
