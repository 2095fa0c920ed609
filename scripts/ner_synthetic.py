"""Synthetic training sentences for the person CRF: German school/office register, names of many origins.

Templates below are our own writing (Apache-2.0, like the project). Slots:

``{N}`` full name, ``{F}`` first name, ``{S}`` surname, ``{SF}`` "Surname, First name",
``{T}`` title or form of address (not part of the name), ``{R}`` role word, ``{C}`` city,
``{SCH}`` a school/Kita named after a person (no PERSON), ``{STR}`` street with number,
``{D}`` a date, ``{K}`` a class, ``{ID}`` a number. Names come from the gate's own lists
(Faker-derived and curated, Latin script) plus invented surnames that are in no list, so the
model also learns names from context. Every sentence is returned with character spans of its
persons; the trainer tokenizes it with the gate's tokenizer.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from assistant.privacy.names import CURATED, DATA_DIR, _read_lines

TEMPLATES = [
    "Gestern rief {T} {S} an und bat um Rückruf.",
    "{T} {S} hat sich telefonisch gemeldet.",
    "Die Schülerin {N} (Klasse {K}) fehlt seit {D} unentschuldigt.",
    "Der Schüler {N} wechselt zum Halbjahr an die {SCH}.",
    "{N} besucht seit {D} die Kita in {C}.",
    "Mit {T} {N} wurde ein Gespräch über die Schullaufbahn von {F} geführt.",
    "Teilnehmende: {N}, {N}, {N} ({R}), {T} {S}",
    "Anwesend: {T} {S}, {T} {S}, {N}",
    "Protokoll: {N}",
    "gez. {N}",
    "Mit freundlichen Grüßen\n{N}\nSachbearbeitung Schulverwaltung",
    "Ansprechpartnerin ist {T} {N}, erreichbar im Schulamt {C}.",
    "{SF}; Klasse {K}; {D}",
    "{SF}, {K}",
    "{F} {S}\t{K}\t{D}",
    "Nr. {ID}; {S}; {F}; {K}",
    "{N} und {N} sind Geschwister und wohnen in {C}.",
    "Laut {T} {S} kommt {F} jeden Morgen zu spät.",
    "{F} hat im Unterricht gut mitgearbeitet.",
    "{F} fehlte am {D}, die Mutter {N} entschuldigte {F} telefonisch.",
    "Der Vater, {N}, bittet um einen Termin.",
    "Die Mutter von {F}, {T} {S}, hat angerufen.",
    "Nach Rücksprache mit {N} (Schulsozialarbeit) wird ein Hilfeplan erstellt.",
    "Für {N} wurde sonderpädagogischer Förderbedarf festgestellt.",
    "Das Jugendamt {C} hat {T} {S} zur Fallkonferenz eingeladen.",
    "Bei {N} besteht weiterer Klärungsbedarf.",
    "{S} erklärte, dass {F} zuhause kaum Deutsch spricht.",
    "Hallo {F}, danke für die Liste!",
    "Liebe {T} {S}, anbei die Unterlagen.",
    "Sehr geehrter Herr {S}, sehr geehrte Frau {S},",
    "Sehr geehrte Frau Dr. {S},",
    "Guten Tag {T} {N}, wir bestätigen den Eingang Ihres Antrags.",
    "Antragstellerin: {N}, geboren am {D} in {C}",
    "Kind: {N}, Vater: {N}, Mutter: {N}",
    "Name des Kindes: {N}",
    "Vorname: {F}\nNachname: {S}",
    "{R} {N} wird ab {D} von {N} begleitet.",
    "Die Klassenlehrerin {T} {S} meldet, dass {F} seit Wochen fehlt.",
    "hab mit {f} gesprochen, {s} ruft morgen zurück",
    "notiz: {f} {s} war heute wieder nicht da",
    "{NU} ({K}) – Rückstellung beantragt",
    "WARTELISTE: {NU}, {NU}, {NU}",
    "{S} wurde im Jahr {Y} in {C} geboren und lebt heute in {C}.",
    "Wie {N} mitteilte, wird die Stelle zum {D} neu besetzt.",
    "Bürgermeisterin {N} eröffnete die Sitzung des Schulausschusses.",
    "Beigeordneter {N} verwies auf den Schulentwicklungsplan.",
    "Die Leiterin des Bildungsbüros, {N}, stellte den Bericht vor.",
    "Schulleiter {S} der {SCH} bestätigte die Zahlen.",
    "Nach Angaben von {N} sank die Quote um zwei Punkte.",
    "{N} sagte, man werde die Kitaplätze ausbauen.",
    "Laut {S} fehlen in {C} rund 300 Plätze.",
    "{S} betonte, die Ganztagsbetreuung sei gesichert.",
    "Ein Interview mit {N} erschien in der Lokalzeitung.",
    "Das Buch von {N} wurde im Deutschunterricht gelesen.",
    "Der Roman von {S} spielt in {C}.",
    "{N} ( * {Y} ) war ein deutscher Pädagoge .",
    "Die Bilder von {N} hängen in der Aula der {SCH}.",
    "Der Trainer {N} lobte die Mannschaft der {SCH}.",
    "Im Gespräch mit {F} und {F} ging es um die Klassenfahrt.",
    "{F}, {F} und {F} aus der {K} haben den Wettbewerb gewonnen.",
    "Die Geschwister {F} und {F} {S} besuchen dieselbe Schule.",
    "Familie {S} zieht zum {D} nach {C}.",
    "Fam. {S} hat den Antrag zurückgezogen.",
    "Frau {S} ({R}) und Herr {S} waren beim Termin anwesend.",
    "An: {N}; Cc: {N}",
    "Von: {N} <Schulverwaltung>",
    "Betreff: Anmeldung {N}",
    "Rückfrage von {T} {S} zur Anmeldung von {F}.",
    "Wohnhaft: {STR}, {C}",
    "{N}, {STR}",
    "Schüler/in: {N}; Schülernummer: {ID}",
    "Die Unterlagen von {N} liegen dem Schulamt vor.",
    "Für {F} beantragen wir einen Schulbegleiter.",
    "Ich, {N}, bestätige die Richtigkeit der Angaben.",
    "Unterschrift: {N}",
    "Eltern: {N} und {N}",
    "{N} ist Integrationshelferin an der {SCH}.",
    "Bitte leiten Sie die Mail an {T} {S} weiter.",
    "{T} {S} ist ab {D} in Elternzeit, Vertretung: {T} {S}.",
]

#: Sentences with no person: places, schools and streets named after people, nouns that are surnames.
NEGATIVES = [
    "Die {SCH} liegt in {C}.",
    "Im Schuljahr 2023/24 besuchten 412 Kinder die Kitas in {C}.",
    "Der Koch der Mensa bereitet täglich 300 Essen zu.",
    "Ein Fischer aus {C} spendete für den Förderverein.",
    "Der Bäcker liefert die Brötchen für das Schulfrühstück.",
    "Die Schneider-Werkstatt der {SCH} ist geschlossen.",
    "Der Hausmeister der {SCH} meldet einen Wasserschaden.",
    "Die Gruppe „Pippi Langstrumpf“ hat noch zwei Plätze frei.",
    "Die Kita Max und Moritz erweitert ihre Öffnungszeiten.",
    "Stichtag ist der {D}, die Abgabe erfolgt bis {D}.",
    "Die Goethestraße bleibt wegen Bauarbeiten gesperrt.",
    "Die Schule an der Bismarckstraße wird saniert.",
    "Der Wolf im Märchen frisst die Großmutter.",
    "Der Anteil der Schülerinnen und Schüler ohne Abschluss lag in {C} bei 6,1 Prozent.",
    "Tabelle 21111-02-06-4 zeigt die Absolventen nach Abschlussart.",
    "Das Land {C} meldet steigende Anmeldezahlen.",
    "Die Zahl der Plätze im Offenen Ganztag stieg in {C} deutlich.",
    "Zum Schuljahresbeginn am {D} starten drei neue Klassen.",
    "Die Bürgerstiftung {C} fördert Leseprojekte an der {SCH}.",
    "Die Kita St. Martin feiert ihr Sommerfest.",
    "Martinsumzug und Sommerfest finden wie geplant statt.",
    "Das Sommerfest im Mai fällt in diesem Jahr aus.",
    "Der Elternverein Al-Nour bietet Hausaufgabenhilfe an.",
    "Der Weg zur {SCH} führt über die Kurt-Schumacher-Straße.",
    "Die Weber-Grundschule und die {SCH} kooperieren.",
    "In {C} und {C} gibt es je zwei Gesamtschulen.",
    "Die Ergebnisse der Schuleingangsuntersuchung liegen für {C} vor.",
    "Der Richter am Amtsgericht {C} entschied über den Antrag.",
    "Die Schülerinnen und Schüler der Klasse {K} fahren nach {C}.",
    "Unter den Linden 4 befindet sich das Museum.",
    "Betreff: Antrag auf Schulbegleitung",
    "Hinweis: Die Frist endet am {D}.",
    "Anlage: Zeugnis, Meldebescheinigung",
    "Steuer-ID: bitte nachreichen",
    "Kita-Kind-Nr.: {ID}",
    "Schüler-Nr.; Klasse; Geburtsdatum",
    "Diagnose: Dyskalkulie",
    "Stand: {D}",
    "Info",
    "Wichtig!",
    "Rückmeldung Elternabend",
    "Zahlungserinnerung Elternbeitrag",
    "Sparkasse {C}, Kontoinhaber siehe Anlage",
    "Dolmetscher Arabisch wird benötigt.",
    "Kinderarzt bestätigt Impfstatus.",
    "Vertretungsplan {K}",
    "Förderplan Deutsch als Zweitsprache",
    "Schulweg: Bus Linie 12",
    "Verteiler: Schulamt, Jugendamt, Bildungsbüro",
    "Anmeldung Grundschule Schuljahr 2025/26",
    "Beratungsprotokoll vom {D}",
    "Aktenvermerk",
    "Gesprächsnotiz Schulsozialarbeit",
    "TOP 3: Haushalt Ganztag",
]

TITLES = ["Frau", "Herr", "Herrn", "Frau Dr.", "Herr Dr.", "Fr.", "Hr.", "Frau Prof. Dr.", "Familie"]
ROLES = ["Mutter", "Vater", "Schulbegleiterin", "Klassenlehrerin", "Erzieherin", "Vormund",
         "Sozialarbeiter", "Oma", "Schülerin", "Schüler"]
CITIES = ["Essen", "Leipzig", "Gelsenkirchen", "Bochum", "Dortmund", "Halle", "Kassel", "Bremen",
          "Hannover", "Nürnberg", "Duisburg", "Chemnitz", "Köln", "Mannheim", "Erfurt",
          "Marzahn-Hellersdorf", "Gelsenkirchen-Ückendorf", "Neukölln", "Offenbach", "Herne"]
SCHOOL_PEOPLE = ["Erich-Kästner", "Geschwister-Scholl", "Anne-Frank", "Albert-Schweitzer",
                 "Astrid-Lindgren", "Janusz-Korczak", "Rose-Ausländer", "Carl-von-Ossietzky",
                 "Maria-Montessori", "Heinrich-Heine", "Friedrich-Ebert", "Bertha-von-Suttner"]
SCHOOL_KINDS = ["Schule", "Grundschule", "Gesamtschule", "Gymnasium", "Realschule", "Kita",
                "Förderschule", "Berufskolleg"]
STREETS = ["Hauptstraße", "Lindenallee", "Am Bruchgraben", "Karl-Marx-Str.", "Goethestraße",
           "Im Wiesengrund", "Rosenweg", "Bahnhofstraße", "Mühlenkamp"]
PARTICLE_SURNAMES = ["von der Heide", "van der Berg", "de Luca", "Al-Khatib", "El-Sayed",
                     "von Bülow", "Abu Bakr", "di Stefano", "ter Horst", "Ben Ali"]
_SYLLABLES = ["ka", "lo", "mi", "re", "tu", "sa", "no", "be", "ko", "wa", "ri", "da", "ngu",
              "ba", "te", "zo", "fi", "ma", "ye", "cho", "la", "ti", "ro", "me", "so", "ki"]


@dataclass
class SyntheticSentence:
    text: str
    persons: list[tuple[int, int]]


class NamePool:
    def __init__(self, rng: random.Random) -> None:
        self.rng = rng
        firsts = _read_lines(DATA_DIR / "faker_first_names.txt.gz")
        curated_first = [n for p in sorted(CURATED.glob("first_names*.txt")) for n in _read_lines(p)]
        surnames = _read_lines(DATA_DIR / "faker_surnames.txt.gz")
        curated_sur = _read_lines(CURATED / "surnames_origin.txt")
        ok = lambda n: n[:1].isupper() and n.replace("-", "").replace("'", "").isalpha()  # noqa: E731
        self.first = [n for n in firsts if ok(n)]
        self.curated_first = [n for n in curated_first if ok(n)]
        self.sur = [n for n in surnames if ok(n)]
        self.curated_sur = [n for n in curated_sur if ok(n)]

    def first_name(self) -> str:
        pool = self.curated_first if self.rng.random() < 0.4 else self.first
        name = self.rng.choice(pool)
        if self.rng.random() < 0.08:
            name += "-" + self.rng.choice(pool)
        return name

    def surname(self) -> str:
        r = self.rng.random()
        if r < 0.15:
            return self.invented()
        if r < 0.22:
            return self.rng.choice(PARTICLE_SURNAMES)
        name = self.rng.choice(self.curated_sur if r < 0.5 else self.sur)
        if self.rng.random() < 0.06:
            name += "-" + self.rng.choice(self.sur)
        return name

    def invented(self) -> str:
        word = "".join(self.rng.choice(_SYLLABLES) for _ in range(self.rng.randint(2, 4)))
        word = word.capitalize()
        return word + "-" + self.invented() if self.rng.random() < 0.1 else word


def _fill(template: str, pool: NamePool, rng: random.Random) -> SyntheticSentence:
    out: list[str] = []
    persons: list[tuple[int, int]] = []
    pos = 0
    length = 0
    while True:
        open_i = template.find("{", pos)
        if open_i < 0:
            out.append(template[pos:])
            break
        close_i = template.index("}", open_i)
        out.append(template[pos:open_i])
        length += open_i - pos
        slot = template[open_i + 1:close_i]
        value, is_person = _slot(slot, pool, rng)
        if is_person:
            persons.append((length, length + len(value)))
        out.append(value)
        length += len(value)
        pos = close_i + 1
    return SyntheticSentence("".join(out), persons)


def _slot(slot: str, pool: NamePool, rng: random.Random) -> tuple[str, bool]:
    if slot == "N":
        first = pool.first_name()
        if rng.random() < 0.1:
            first += " " + pool.first_name()
        if rng.random() < 0.05:
            first = first[0] + "."
        return f"{first} {pool.surname()}", True
    if slot == "NU":
        return f"{pool.surname()}, {pool.first_name()}".upper(), True
    if slot == "SF":
        name = f"{pool.surname()}, {pool.first_name()}"
        return (name.upper() if rng.random() < 0.3 else name), True
    if slot == "F":
        return pool.first_name(), True
    if slot == "S":
        return pool.surname(), True
    if slot == "f":
        return pool.first_name().lower(), True
    if slot == "s":
        return pool.surname().lower(), True
    if slot == "T":
        return rng.choice(TITLES), False
    if slot == "R":
        return rng.choice(ROLES), False
    if slot == "C":
        return rng.choice(CITIES), False
    if slot == "SCH":
        return f"{rng.choice(SCHOOL_PEOPLE)}-{rng.choice(SCHOOL_KINDS)}", False
    if slot == "STR":
        return f"{rng.choice(STREETS)} {rng.randint(1, 120)}", False
    if slot == "D":
        return f"{rng.randint(1, 28):02d}.{rng.randint(1, 12):02d}.{rng.randint(2008, 2024)}", False
    if slot == "Y":
        return str(rng.randint(1900, 2015)), False
    if slot == "K":
        return f"{rng.randint(1, 10)}{rng.choice('abcd')}", False
    if slot == "ID":
        return f"{rng.randint(2015, 2024)}-{rng.randint(100, 99999):05d}", False
    raise ValueError(f"unknown slot {slot!r}")


def generate(n: int, seed: int) -> list[SyntheticSentence]:
    """``n`` sentences (about one in six without a person), deterministic for a seed."""
    rng = random.Random(seed)
    pool = NamePool(rng)
    out = []
    for _ in range(n):
        template = rng.choice(NEGATIVES if rng.random() < 0.17 else TEMPLATES)
        out.append(_fill(template, pool, rng))
    return out
