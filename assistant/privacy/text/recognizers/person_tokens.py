"""Tokens of a text, classified for the person recognizer (name lists, case, titles, particles)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum

from assistant.privacy.names import NameLexicon, fold
from assistant.privacy.text.words import load_nouns, number_label, ordinary_noun

#: Words; letters glued to digits ("WELADED1BIE", "5A") are codes, never names.
TOKEN_RE = re.compile(r"(?<!\d)(?:[A-ZÄÖÜ]\.-[A-ZÄÖÜ]\.|[^\W\d_]+(?:['’\-][^\W\d_]+)*\.?)(?!\d)")
#: Two initials of a hyphenated given name: "H.-J." (Hans-Jürgen), "A.-K." (Anne-Kathrin).
_DOUBLE_INITIAL = re.compile(r"[A-ZÄÖÜ]\.-[A-ZÄÖÜ]\.")
#: Given names abbreviated to more than one letter, read as initials: "Ch." and "Chr." (Christian,
#: Christiane), "Th." (Thomas), "Ph." (Philipp), "Joh." (Johann), "Wilh." (Wilhelm). Only with the
#: period: "Th" and "Chr" alone are other words. After "v." / "n." "Chr." is no initial (see tokenize).
ABBREVIATED_GIVEN = frozenset({"Ch.", "Chr.", "Th.", "Ph.", "Joh.", "Wilh."})

#: Titles and forms of address: context for a name, never part of its span.
TITLES = {"herr", "herrn", "frau", "fr.", "hr.", "dr.", "dr", "prof.", "prof", "dipl.", "fam.",
          "familie", "mrs.", "mr.", "ms.", "sr.", "sra.", "hd.", "hdr.",
          # without the dot, and from letters of other languages ("Dear Ms Hoffmann", "Koll. Brandl")
          "mrs", "mr", "ms", "miss", "mme", "mme.", "madame", "monsieur", "sig.", "sig.ra", "signora",
          "pani", "koll.", "fam", "hr", "fr", "sayın", "sayin", "dear",
          # academic titles written out ("Frau Doktor Ahmadi", dictated: "doktor wiesner")
          "doktor", "doktorin", "professor", "professorin"}
#: Teachers' official titles, abbreviated or written out, also in the female form with "'in" or
#: "in" ("StR'in Vogt", "OStD Brandt", "Konrektorin Ilg"): context before a name like "Frau".
_SCHOOL_TITLES = ("str", "ostr", "std", "ostd", "studr", "konr", "fl", "sl", "kr")
#: Written without the female ending only where no other abbreviation reads alike ("Str.", "Std.").
_PLAIN_SCHOOL_TITLES = ("ostr", "ostd", "studr", "konr")
_SCHOOL_TITLE_WORDS = ("studienrat", "oberstudienrat", "studiendirektor", "oberstudiendirektor",
                       "studienassessor", "konrektor", "rektor", "fachlehrer")
TITLES |= {f"{t}{suffix}" for t in _SCHOOL_TITLES for suffix in ("'in", "’in")}
TITLES |= set(_PLAIN_SCHOOL_TITLES)
TITLES |= {f"{t}{suffix}" for t in _SCHOOL_TITLE_WORDS for suffix in ("", "in")}
TITLES |= {"studienrätin", "oberstudienrätin"}
#: The female ending glued on without an apostrophe ("StRin Vogt", "OStDin Brandt"); not "stdin",
#: a word of IT logs.
TITLES |= {f"{t}in" for t in _SCHOOL_TITLES if t != "std"}
#: Police ranks before an officer's name ("POK Schulte", "KHKin Ahrens"); not "PK", which is also
#: a Polizeikommissariat ("PK Nord"), nor "PM", a time of day.
_POLICE_RANKS = ("pok", "phk", "khk", "kok", "pom", "phm")
TITLES |= {f"{t}{suffix}" for t in _POLICE_RANKS for suffix in ("", "in")}
#: Roles that usually precede a name ("die Schülerin Aylin", "Mutter Yılmaz").
ROLES = {"schüler", "schülerin", "kind", "kindes", "sohn", "tochter", "mutter", "vater", "bruder",
         "schwester", "lehrer", "lehrerin", "klassenlehrer", "klassenlehrerin", "erzieher",
         "erzieherin", "betreuer", "betreuerin", "kollege", "kollegin", "schulleiter",
         "schulleiterin", "sachbearbeiter", "sachbearbeiterin", "mitarbeiter", "mitarbeiterin",
         "vormund", "pflegemutter", "pflegevater", "oma", "opa", "großmutter", "großvater",
         "onkel", "tante", "cousin", "cousine", "neffe", "nichte", "enkel", "enkelin", "ehemann",
         "ehefrau", "partner", "partnerin", "kindsvater", "kindsmutter", "geschwister",
         "schulbegleiter", "schulbegleiterin", "integrationshelfer", "integrationshelferin",
         "sozialarbeiter", "sozialarbeiterin", "fachkraft", "leiterin", "leiter", "ansprechpartner",
         "ansprechpartnerin", "kontakt", "name", "namen", "nachname", "vorname", "gez.", "gez",
         "grüße", "grüßen", "gruß", "ich", "mein", "meine", "meinem", "meiner", "unser", "unsere",
         "bewerber", "bewerberin", "antragsteller", "antragstellerin", "schüler*in", "kinder",
         "jugendliche", "jugendlicher", "mädchen", "junge", "baby", "säugling", "patient",
         "patientin", "klient", "klientin", "teilnehmer", "teilnehmerin",
         # labels of forms and minutes before a name ("Geburtsname: Brenner", "Berichterstatter: Fuchs")
         "geburtsname", "familienname", "rufname", "berichterstatter", "berichterstatterin",
         "sachbearbeitung", "protokollführung", "protokollant", "protokollantin", "verfasser",
         "verfasserin", "absender", "absenderin", "bezugserzieher", "bezugserzieherin", "lehrkraft",
         # roles in minutes of incidents and hearings ("Zeugin Ahrens", "Beschuldigter Kaya")
         "zeuge", "zeugin", "zeugen", "geschädigte", "geschädigter", "beschuldigte", "beschuldigter",
         # holders of custody in forms and change logs ("Sorgeberechtigte Milena Hartl")
         "sorgeberechtigte", "sorgeberechtigter", "erziehungsberechtigte", "erziehungsberechtigter",
         "personensorgeberechtigte", "personensorgeberechtigter"}
#: Heads of compounds that name a person's function ("Elternvertreterin", "Schulsozialarbeiter",
#: "Kinderärztin", "Lerntherapeut"): roles like those above, before a surname that is also a word.
ROLE_HEADS = ("lehrer", "lehrerin", "leiter", "leiterin", "arbeiter", "arbeiterin", "vertreter",
              "vertreterin", "berater", "beraterin", "betreuer", "betreuerin", "erzieher", "erzieherin",
              "pädagoge", "pädagogin", "bearbeiter", "bearbeiterin", "begleiter", "begleiterin", "helfer",
              "helferin", "referent", "referentin", "richter", "richterin", "therapeut", "therapeutin",
              "beauftragte", "beauftragter", "vorsitzende", "vorsitzender", "psychologe", "psychologin",
              "arzt", "ärztin", "anwalt", "anwältin", "kollege", "kollegin", "sprecher", "sprecherin")
#: Letters before a role head that make a compound, not an inflected or other word ("Gleiter").
_MIN_ROLE_MODIFIER = 3


def role_compound(lower: str) -> bool:
    """A compound naming a person's function: "elternvertreterin", "schulsozialarbeiter"; not a
    double name ("Nowak-Richter")."""
    return "-" not in lower and any(lower.endswith(h) and len(lower) - len(h) >= _MIN_ROLE_MODIFIER
                                    for h in ROLE_HEADS)


#: Closing formulas of letters in other languages, before the writer's name ("Saludos, Inés"):
#: context like "Grüße", never a surname in a "Surname, Given" pair.
CLOSINGS = {"pozdrawiam", "pozdrowienia", "serdecznie", "saludos", "atentamente", "cordialement",
            "salutations", "regards", "cheers", "sincerely", "thanks", "saygılarımla", "selamlar",
            "cordiali", "saluti", "distinti", "srdačno", "pozdrav", "pozdravi", "pozdravy",
            "üdvözlettel", "groeten", "hilsen", "danke", "merci", "gracias", "grazie", "dziękuję",
            # German closings written alone before the name ("Herzlichst, Ece", "Tschüss, Jo")
            "herzlichst", "liebst", "tschüss", "tschüs"}
ROLES |= CLOSINGS
#: The noun of an English closing after its adjective ("Best regards", "Kind regards", "Best
#: wishes"): the word before it is no name, even where a list holds it ("Best", "Kind").
ENGLISH_CLOSING_AFTER = re.compile(r"[ ]+(?:regards|wishes)\b", re.IGNORECASE)
#: "Best," alone opening a line, the writer's given name after it or on the next line ("Best, Grace").
_BEST_CLOSING = re.compile(r"Best,[ ]?(?:\n|[^\W\d_][^\n,.:;]{0,40}(?:\n|\Z))")


def english_closing_best(text: str, start: int) -> bool:
    """The word at ``start`` is the English closing "Best," opening a line before a name."""
    return (text.startswith("Best,", start) and not text[text.rfind("\n", 0, start) + 1:start].strip()
            and _BEST_CLOSING.match(text, start) is not None)
#: Punctuation spoken into a dictation and written out by speech recognition ("Frau Kaya Komma
#: neue Zeile"): words, never part of a name.
DICTATED_MARKS = {"komma", "punkt", "doppelpunkt", "semikolon", "fragezeichen", "ausrufezeichen",
                  "bindestrich", "schrägstrich", "anführungszeichen"}
PARTICLES = {"von", "van", "vom", "zu", "der", "den", "de", "di", "da", "del", "della", "dos",
             "du", "la", "le", "ten", "ter", "bin", "ibn", "abu", "al", "el", "ben", "mac", "mc"}
#: Lower-case prefixes of Arabic surnames joined by a hyphen ("el-Khoury", "al-Hassan", "abu-Zaid").
_ARABIC_PREFIXES = {"al", "el", "abu", "abd", "ibn", "bin", "bint", "ben"}
NAME_PREFIXES = {"al", "el", "abu", "abd", "ibn", "bin", "o", "d", "di", "de", "mc", "mac", "van"}
DETERMINERS = {"der", "die", "das", "des", "dem", "den", "ein", "eine", "einen", "einem", "einer",
               "eines", "kein", "keine", "keinen", "jeder", "jede", "jeden", "unser", "unsere",
               "unseren", "dieser", "diese", "diesen", "beim", "zum", "zur", "vom", "im", "am"}
#: Banks of other countries, named after a founder or a place ("Ziraat Bankası", "Banca Sella").
BANK_WORDS = ("bank", "bankası", "bankasi", "banka", "banca", "banco", "banque", "sparkasse")
#: A name directly before one of these is part of an institution or street name.
INSTITUTION_STEMS = ("schule", "gymnasium", "kolleg", "kita", "kindergarten", "straße", "strasse",
                     "str.", "platz", "allee", "weg", "haus", "heim", "zentrum", "stiftung", "preis",
                     "institut", "universität", "hochschule", "halle", "museum", "bibliothek",
                     "park", "ring", "brücke", "akademie", "programm", "gesetz", "klinik",
                     "krankenhaus", "hospital", "kirche", "gemeinde", "bad", "damm", "ufer",
                     "gasse", "förderschule", "berufskolleg", "campus", "verein", "werk", "center",
                     "arena", "stadion", "medaille", "plakette", "tag", "jahr", "saal",
                     # Latin names of old schools: "Johanneum", "Carolinum", "Christianeum"
                     "eum", "inum", "anum",
                     *BANK_WORDS)
NOUN_SUFFIXES = ("ung", "heit", "keit", "schaft", "tion", "ität", "ismus", "ment", "chen", "nahme",
                 "ungen", "heiten", "keiten", "schaften", "tionen", "täten", "quote", "zahl", "anteil")


#: Abbreviations with a period that label what follows ("Nr. 12", "Tel. 0201 ..."): never names.
LABEL_ABBREVIATIONS = {"nr", "tel", "str", "geb", "ca", "bzw", "vgl", "abs", "art", "fax", "kl",
                       "jg", "az", "inkl", "ggf", "evtl", "bzgl", "usw", "etc", "hausnr", "tel-nr",
                       "mobil", "handy", "verw", "abt", "zi", "zimmer", "raum", "stellv", "stv",
                       "lfd", "vfg", "vors", "ltg", "sekr", "vertr", "gem", "j", "kath", "ev", "evang",
                       "std", "sek", "durchw"}

#: Words after which a capitalised run names a place or a group, not a person: "Kita Max und Moritz",
#: "Grundschule Anne Frank", "Gruppe Pippi Langstrumpf", "St. Martin".
INSTITUTION_WORDS = {"kita", "kitas", "kindertagesstätte", "kindergarten", "kinderhaus", "krippe",
                     "hort", "familienzentrum", "schule", "grundschule", "gesamtschule", "realschule",
                     "hauptschule", "gymnasium", "förderschule", "sekundarschule", "oberschule",
                     "gemeinschaftsschule", "stadtteilschule", "berufskolleg", "gruppe", "st", "sankt",
                     "stiftung", "jugendzentrum", "jugendhaus", "jugendtreff", "wohngruppe",
                     "einrichtung", "verein", "elternverein", "förderverein", "asd", "bezirk",
                     "stadtbezirk", "sozialraum", "team", "region", "haus", "bad",
                     # school types as abbreviated in lists: "GS Nord", "GemS Rotenhahn"
                     "gs", "gems", "ggs", "kgs", "igs", "ges", "rs", "hs", "gy", "gym", "bk", "fös",
                     "ogs", "fz",
                     # parts of a town before their name: "im Ortsteil Heßler", "Stadtteil Horst"
                     "ortsteil", "stadtteil", "ortschaft", "quartier", "wohnviertel", "siedlung",
                     # rooms and buildings named after a person: "Raum Kepler", "Trakt Curie"
                     "raum", "saal", "hörsaal", "trakt", "gebäude",
                     *BANK_WORDS}  # a bank before its name: "Bank Pekao", "Banca Intesa"
#: Heads of compounds that name an institution before its name ("Musikschule „Clara Schumann“",
#: "Volkshochschule Anna Seghers", "Jugendkunstzentrum Max Ernst").
NAMED_INSTITUTION_HEADS = ("schule", "gymnasium", "kolleg", "kita", "kindergarten", "stiftung",
                           "institut", "akademie", "verein", "zentrum", "bibliothek", "bücherei",
                           "museum", "theater", "orchester", "heim")


def names_institution(word: str) -> bool:
    """A word after which a name names the institution: "Kita", "GS", "St.", "Musikschule"."""
    low = word.lower().rstrip(".")
    if low in INSTITUTION_WORDS:
        return True
    return (len(low) > 7 and low.endswith(NAMED_INSTITUTION_HEADS)
            and (not low.endswith("heim") or ordinary_noun(word.rstrip("."))))  # not "Oppenheim"
#: Endings that make a surname in the naming customs of pupils' families (Armenian, Pashtun,
#: Turkish, South Slavic, Ukrainian, Romanian, Polish, Georgian, Greek, Russian/Bulgarian).
SURNAME_ENDINGS = ("yan", "jan", "zai", "zay", "oglu", "ovic", "evic", "enko", "escu", "eanu",
                   "ski", "ska", "cki", "cka", "wicz", "czyk", "shvili", "dze", "poulos", "poulou",
                   "idis", "akis", "ova", "eva", "kova", "yev", "yeva")
#: Korean and Chinese given names written with a hyphen: "Ji-woo", "Seo-yeon", "Xiao-ming".
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,3}-[a-z]{2,4}")
#: Weekday abbreviations ("Mo–Do", "Di + Fr"): a name only after a title ("Frau Do").
WEEKDAYS = {"Mo", "Di", "Mi", "Do", "Fr", "Sa", "So"}

ACRONYMS = {"IBAN", "BIC", "PLZ", "KITA", "NRW", "USA", "BLZ", "SGB", "GMBH", "EV", "AOK", "ASD",
            "KJHG", "BAMF", "DAZ", "DAF", "OGS", "IGS", "BUT", "ABC", "PDF", "CSV", "XLSX", "TEL",
            "FAX", "MAIL", "HTTP", "HTTPS", "WWW", "UNO", "KMK", "SGBVIII", "ESF", "EU", "BRD", "DDR",
            # school performance studies and programmes ("VERA 3", "IGLU-Studie")
            "VERA", "IGLU", "TIMSS", "PISA", "LAU", "KESS", "MINT", "JEKITS", "LRS"}


_INFLECTION = re.compile(r"(?:es|s|n)$")


def _institution(word: str) -> bool:
    """"Schule", "Gymnasiums", "Heims", "Straße": the word names an institution or a street."""
    low = word.lower()
    return low.endswith(INSTITUTION_STEMS) or _INFLECTION.sub("", low).endswith(INSTITUTION_STEMS)


class Kind(Enum):
    FIRST = "first"          # a first name that is not an ordinary word here
    WEAK_FIRST = "weak_first"  # first name that is also an ordinary word ("Rosa", "Mai")
    SUR = "sur"
    WEAK_SUR = "weak_sur"    # surname that is also an ordinary word ("Koch", "Wolf")
    UNKNOWN = "unknown"      # capitalised, in no list: a surname only beside other evidence
    NOUN = "noun"            # capitalised ordinary noun in no list: a name only after a title
    INITIAL = "initial"      # "L."
    PARTICLE = "particle"    # "von", "van der", "de"
    TITLE = "title"
    OTHER = "other"

    #: Members are singletons compared by identity: hashed by identity too. Enum's own hash is a
    #: Python method (hash of the name), called for every ``kind in NAME_KINDS`` (~20,000 per
    #: 2,000 sentences); no set of kinds is iterated, so no order depends on it.
    __hash__ = object.__hash__


@dataclass(slots=True)
class Token:
    text: str
    start: int
    end: int
    kind: Kind
    sentence_start: bool
    lowercase: bool
    role: bool = False
    determiner: bool = False
    institution: bool = False
    also_surname: bool = False

    @property
    def is_namey(self) -> bool:
        return self.kind in (Kind.FIRST, Kind.WEAK_FIRST, Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN,
                             Kind.INITIAL)


_ABBREVIATION_BEFORE = re.compile(r"(?:\b[^\W\d_]|\b(?:Dr|Prof|Fr|Hr|Hrn|Fam|Dipl|St|Str|Nr|geb|ca|bzw|vgl|gez|Hd|Hdr|"
                                  + "|".join(sorted(a.rstrip(".") for a in ABBREVIATED_GIVEN)) + r"))\Z")


def _sentence_start(text: str, start: int) -> bool:
    i = start - 1
    while i >= 0 and text[i] in " \t\"'„“‚‘»«(*•-–—>":  # ">": a quoted mail line
        i -= 1
    if i >= 0 and text[i] == "." and _ABBREVIATION_BEFORE.search(text[max(0, i - 6):i]):
        return False  # "L. Schmidt", "Dr. Öztürk"
    return i < 0 or text[i] in ".!?:;|\n\r\t" or text[i].isdigit()


def _parts_kind(parts: list[str], lex: NameLexicon) -> tuple[bool, bool]:
    """(all parts first names, all parts names or a name prefix) for hyphenated tokens."""
    folded = [fold(p) for p in parts]
    all_first = all(f in lex.first_names for f in folded)
    names = [f in lex.surnames or f in lex.first_names for f in folded]
    all_sur = (all(names[1:]) and (names[0] or folded[0] in NAME_PREFIXES)
               and all(p[:1].isupper() for p in parts[1:]))
    return all_first, all_sur


def _surname_part(part: str, lex: NameLexicon) -> bool:
    """A part of a hyphenated word that is a listed surname, capitalised ("Lange", "Koch")."""
    return part[:1].isupper() and fold(part) in lex.surnames


def _double_surname(parts: list[str], lex: NameLexicon) -> bool:
    """Two capitalised parts, one a listed surname (or with a surname ending), the other a
    surname or a word in no list, neither a place, an institution or an ordinary noun:
    "Brenninkmeyer-Ostrowski", "Kuchenbecker-Lange"; not "Baden-Württemberg", "Kita-Kind"."""
    if len(parts) != 2 or not all(len(p) >= 3 and p[:1].isupper() and p[1:2].islower() for p in parts):
        return False
    nouns = load_nouns()
    listed = 0
    for p in parts:
        key = fold(p)
        if key in lex.never_names or "T" in nouns.get(p, "") or _institution(p) \
                or key in lex.first_names:
            return False  # "Meister-Eckhart": a first name makes it a name for a room or a school
        if key in lex.surnames or key.endswith(SURNAME_ENDINGS):
            listed += 1
        elif lex.is_common(p) or key in lex.first_names or "N" in nouns.get(p, "") \
                or p.lower().endswith(NOUN_SUFFIXES):
            return False  # a compound read as a noun may still be a surname ("Kuchenbecker")
    return listed >= 1 and not all(lex.is_common(p) for p in parts)


#: The abbreviation of an office or profession in its female form, two capitals and a short ending:
#: "RAin" (Rechtsanwältin), "KHKin", "POKin"; no name is written so.
_TITLE_ABBREVIATION = re.compile(r"[A-ZÄÖÜ]{2,4}in")


def classify(text: str, match_start: int, word: str, lex: NameLexicon,
             sentence_start: bool | None = None) -> Token:
    end = match_start + len(word)
    lower = word.lower()
    if sentence_start is None:
        sentence_start = _sentence_start(text, match_start)
    if word.endswith("."):
        if lower in TITLES:
            return Token(word, match_start, end, Kind.TITLE, sentence_start, False)
        if ((len(word) == 2 and word[0].isupper()) or word in ABBREVIATED_GIVEN
                or _DOUBLE_INITIAL.fullmatch(word)):
            return Token(word, match_start, end, Kind.INITIAL, sentence_start, False)
        word, lower, end = word[:-1], lower[:-1], end - 1
        if lower in LABEL_ABBREVIATIONS:
            return Token(word, match_start, end, Kind.OTHER, sentence_start, False)
    base = dict(sentence_start=sentence_start, lowercase=word[:1].islower(),
                role=lower in ROLES or role_compound(lower), determiner=lower in DETERMINERS)
    if lower in TITLES:
        return Token(word, match_start, end, Kind.TITLE, **base)
    if base["role"]:
        return Token(word, match_start, end, Kind.OTHER, **base)
    if lower in PARTICLES and word[:1].islower():
        return Token(word, match_start, end, Kind.PARTICLE, **base)
    if base["determiner"] or lower == "sus" or lower in DICTATED_MARKS:
        return Token(word, match_start, end, Kind.OTHER, **base)  # "Die", "Den"; "SuS" = Schüler
    parts = re.split(r"[-'’]", word) if "-" in word else [word]
    if (len(parts) == 2 and (parts[0] in _ARABIC_PREFIXES or (word.isupper() and parts[0].lower() in _ARABIC_PREFIXES))
            and parts[1][:1].isupper() and len(parts[1]) >= 3 and not lex.is_common(parts[1].capitalize())):
        # "el-Khoury", "al-Hassan": the lower-case prefix does not make the name a lower-case word;
        # in capitals ("AL-ALI", "EL-AMIN") the name of an upper-case list
        return Token(word, match_start, end, Kind.SUR, **{**base, "lowercase": False})
    if _HYPHENATED_GIVEN.fullmatch(word) and not lex.is_common(parts[0]):
        return Token(word, match_start, end, Kind.UNKNOWN, **base)  # "Ji-woo", "Seo-yeon"
    if len(parts) > 1 and _institution(parts[-1]):
        return Token(word, match_start, end, Kind.OTHER, institution=True, **base)
    if ((word.isupper() and (len(word) <= 2 or word in ACRONYMS)) or _TITLE_ABBREVIATION.fullmatch(word)
            or number_label(word)):  # "RAin", "IdNr"
        return Token(word, match_start, end, Kind.OTHER, **base)
    if fold(word) in lex.never_names or len(word) < 2:
        return Token(word, match_start, end, Kind.OTHER, institution=_institution(word), **base)
    common = lex.is_common(word) or (sentence_start and lex.is_common(lower))
    if len(parts) > 1 and all(parts):
        if any(len(p) < 2 and fold(p) not in NAME_PREFIXES
               or (p.isupper() and len(p) <= 3 and not (k == 0 and fold(p) in NAME_PREFIXES))
               or (lex.is_common(p) and not _surname_part(p, lex)) for k, p in enumerate(parts)):
            return Token(word, match_start, end, Kind.OTHER, **base)  # "Steuer-ID", "Kita-Kind"
        all_first, all_sur = _parts_kind(parts, lex)
        if all_first:
            kind = Kind.FIRST
        elif all_sur and word[:1].isupper() and not any(lex.is_common(p) for p in parts):
            kind = Kind.SUR
        elif any(lex.is_common(p) for p in parts) and not _double_surname(parts, lex):
            kind = Kind.OTHER  # "Wolf-Fischer": every part an ordinary word too
        elif _double_surname(parts, lex):
            kind = Kind.SUR  # "Brenninkmeyer-Ostrowski", "Kuchenbecker-Lange"
        elif word[:1].isupper() and all(p[:1].isupper() for p in parts):
            kind = Kind.NOUN if ordinary_noun(word) else Kind.UNKNOWN
        else:
            kind = Kind.OTHER
        return Token(word, match_start, end, kind, **base)
    key = fold(word)
    is_first, is_sur = key in lex.first_names, key in lex.surnames
    if word[:1].islower():
        # German writes nouns capitalised: a lower-case name only counts when it is no word
        # (a first name that is also a rare noun still counts: "anna", not "bauer").
        tags = load_nouns().get(word.capitalize(), "")
        if common or not (is_first or is_sur) or ("N" in tags and not (is_first and not is_sur and "P" in tags)):
            return Token(word, match_start, end, Kind.OTHER, **base)
        return Token(word, match_start, end, Kind.FIRST if is_first else Kind.SUR, **base)
    base["also_surname"] = is_sur
    if word in WEEKDAYS:
        kind = Kind.WEAK_SUR if is_sur else Kind.OTHER
    elif is_first:
        tags = load_nouns().get(word, "")
        # "Reis": a plain noun in Wiktionary and in both name lists ("Emir" is a given name only)
        plain_noun = "N" in tags and "P" not in tags and is_sur
        kind = Kind.WEAK_FIRST if common or plain_noun else Kind.FIRST
    elif is_sur:
        tags = load_nouns().get(word, "")
        plain_noun = "N" in tags and "P" not in tags  # "Mensa", "Reis", "Stempel": no name entry
        kind = Kind.WEAK_SUR if common or plain_noun else Kind.SUR
    elif common or base["determiner"]:
        kind = Kind.OTHER
    elif word.isupper() and len(word) <= 3:
        kind = Kind.OTHER  # acronyms: KITA, NRW, ID
    elif lower.endswith(NOUN_SUFFIXES) or lower.endswith(INSTITUTION_STEMS):
        kind = Kind.OTHER
    elif ordinary_noun(word):
        kind = Kind.NOUN
    elif len(word) >= 5 and fold(word).endswith(SURNAME_ENDINGS):
        kind = Kind.SUR  # "Grigoryan", "Stanikzai", "Kovačević": no list holds every surname
    else:
        kind = Kind.UNKNOWN
    return Token(word, match_start, end, kind, **base)


#: (lexicon, word, at a sentence start) -> the classified token at offset 0. A token's class depends
#: on nothing else, and the same words come back in every text (name-list look-ups were a sixth of
#: the gate's time, profiled).
_classified: dict[tuple[int, str, bool], Token] = {}
_CACHE_LIMIT = 100_000


_ABBREVIATION_PART = re.compile(r"[a-zäöü]")
#: A word broken at a line's end by OCR or a print layout ("Kin-\ndes"): the lower-case rest.
_BROKEN_REST = re.compile(r"-[ ]?\r?\n[ \t]*([a-zäöüß]+)")
_NAMEY = (Kind.FIRST, Kind.WEAK_FIRST, Kind.SUR, Kind.WEAK_SUR, Kind.UNKNOWN)


def _fragment(text: str, word: str, start: int, end: int, lex: NameLexicon) -> bool:
    """The word is a part of an abbreviated compound ("Geb.-Dat.", "Tel.-Nr.") or the first half
    of a word broken at a line's end whose whole is no name ("Kin-\ndes", "Mar-\nkierung")."""
    if word.endswith(".") and text[start - 2:start] == ".-":
        return True
    rest = _BROKEN_REST.match(text, end)
    if rest is None:
        return False
    joined = fold(word + rest.group(1))
    return joined not in lex.first_names and joined not in lex.surnames


def tokenize(text: str, lex: NameLexicon) -> list[Token]:
    tokens = []
    for m in TOKEN_RE.finditer(text):
        start, word = m.start(), m.group()
        key = (id(lex), word, _sentence_start(text, start))
        proto = _classified.get(key)
        if proto is None:
            if len(_classified) >= _CACHE_LIMIT:
                _classified.clear()
            proto = _classified[key] = classify(word, 0, word, lex, key[2])
        kind = proto.kind
        if (kind is Kind.INITIAL and tokens and _ABBREVIATION_PART.fullmatch(tokens[-1].text)
                and text[tokens[-1].end:start] in (". ", ".")):
            kind = Kind.OTHER  # "z. B.", "u. U.", "i. d. R.": an abbreviation, not an initial
        elif kind in _NAMEY and (text[start - 2:start] == ".-" or text[m.end():m.end() + 1] == "-") \
                and _fragment(text, word, start, m.end(), lex):
            kind = Kind.OTHER
        # "c/o Weber": the name of whom a letter goes to care of, like after a role noun
        role = proto.role or (word == "o" and text[start - 2:start] == "c/")
        tokens.append(Token(proto.text, start, start + proto.end, kind, proto.sentence_start,
                            proto.lowercase, role, proto.determiner, proto.institution,
                            proto.also_surname))
    return tokens
