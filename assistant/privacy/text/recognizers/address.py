"""ADDRESS: street and house number, with postcode and city when they follow.

"Hauptstraße 12", "Karl-Marx-Str. 5a, 45127 Essen", "Rüttenscheider Straße 45-47",
"Am Markt 3" (needs a postcode or address context), "Lindenallee 4\\n45127 Essen"."""

from __future__ import annotations

import re

import regex
from presidio_analyzer import AnalysisExplanation, LocalRecognizer, RecognizerResult

from assistant.privacy.text.recognizers.dates import ocr_digits
from assistant.privacy.text.words import ordinary_noun

_U = "A-ZÄÖÜ"
_W = r"[\w'’.-]"
STRONG = (r"(?:[sS]tra(?:ß|ss)e|[sS]tr\.|[sS]tr(?![\w.])|[aA]llee|[gG]asse|[cC]haussee|[dD]amm|[pP]romenade|[uU]fer|"
          r"[wW]eg|[pP]fad|(?<!Bus|Bahn|Flug)[sS]teig|[dD]eich|straat|laan|gracht|plein)")
#: A fixed-width or mainframe export writes street names in capitals: "HAFENWEG 22", "GARTENSTR. 5";
#: the street word then is in capitals too and the name before it has no lower-case letter.
_UPPER_STRONG = r"(?:STRA(?:SS|ß|ẞ)E|STR\.|ALLEE|GASSE|CHAUSSEE|DAMM|PROMENADE|UFER|WEG|PFAD|DEICH)"
_UPPER_ONE_WORD = rf"[A-ZÄÖÜ][A-ZÄÖÜ'.-]*?{_UPPER_STRONG}"
WEAK = (r"(?:[pP]latz|[rR]ing|[mM]arkt|[hH]of|[bB]erg|[fF]eld|[kK]amp|[gG]arten|[gG]rund|[wW]all|"
        r"[gG]raben|[bB]rücke|[tT]or|[kK]ai|[pP]ark|[sS]iedlung|[hH]öhe|[aA]ue|[wW]inkel|[zZ]eile|"
        r"[aA]cker|[bB]usch|[hH]eide|[wW]iese|[bB]ogen|[eE]ck|[bB]orn|[bB]ach|[sS]tieg|[tT]ret|[lL]and|"
        r"[aA]nger|[bB]rink|[mM]itte|[kK]irche|[mM]eile|[hH]öfe[n]?|[gG]ärten|[tT]erra(?:ss|ß)en?|"
        r"[pP]assage|[tT]wiete|[rR]edder|[sS]tiege|[hH]ang|[kK]uhle|[hH]afen|[lL]eite|[hH]alde|"
        r"[sS]teg|[wW]arte|[sS]chanze|[hH]ain|[lL]oh|[sS]iepen|[bB]ühl|[kK]oppel)")
PREP = (r"(?:Am|An der|An den|An dem|Auf dem|Auf der|Auf den|Im|In der|In den|Zum|Zur|Zu den|"
        r"Hinter der|Hinter dem|Hinter den|Unter den|Unter der|Unter dem|Vor dem|Vor der|Vor den|"
        r"Bei der|Bei den|Über der|Über dem|Über den|Zwischen den|Alte[rsn]?)")
#: A unit after a number or a range is no house number: "Hauptstraße 2 bis 4 Uhr", "ab Marktstr 10 Minuten".
_NOT_UNIT = (r"(?![ ]?(?:Uhr|h|Std|Min|Minuten|Stunden|Sekunden|Jahre?n?|Monate?n?|Wochen?|Tage?n?|Prozent|%|Euro|€|"
             r"Kinder|Personen)\b)")
#: A house number: "12", "12a", "12 a", "5-7", "2 bis 4", "15/3", Austrian "5/2/7" (house, staircase, flat); the
#: "c" of "12 c/o Weber" is no letter suffix. A PDF export may glue the next field's label to it
#: ("Lindenweg 4bPLZ", "Am Hang 7Telefon").
NUMBER = (r"(?:[ \t]+|(?<=[sS]tr\.))\d{1,4}(?:(?:[a-hA-H]|[ ][a-hA-H](?!/\w))(?:[-–][a-hA-H])?)?(?![\d.,:]\d)"
          r"(?:[ ]?[-–/][ ]?\d{1,4}[a-hA-H]?(?:/\d{1,3}){0,2}|[ ]1/2|[ ]bis[ ]\d{1,4}[a-hA-H]?(?![\d.,:]\d)" + _NOT_UNIT + ")?"
          r"(?:\b|(?=\p{Lu}[\p{Ll}\p{Lu}]))" + _NOT_UNIT)
#: Postcodes: German, French, Italian, Spanish 5 digits, Austrian/Swiss/Belgian/Dutch 4 (+ 2
#: letters), Polish 12-345, Portuguese 1100-048, 6 digits.
POSTCODE = (r"(?:(?:D|A|CH|NL|PL|B|F|L|I|E|P)-)?(?:\d{5}|\d{6}|\d{2}-\d{3}|\d{4}-\d{3}(?!\d)|"
            r"\d{4}(?:[ ][A-Z]{2})?)")
#: A word of a town's name after its first letter: no digits, so an IBAN or a number one blank
#: after the town ends the address ("57076 Siegen DE77…").
_TOWN_REST = r"[^\W\d]+(?!\w)"
#: A contact label after the town is no second word of its name ("20099 Hamburg Tel. 040 …").
_NOT_CONTACT = r"(?!(?:Tel|Telefon|Fax|Mobil|Handy|Mail|E-Mail|Email|Web|Internet|Fon)\b)"
#: Floor and position of a flat between house number and postcode: "3. OG links", "EG rechts",
#: "Hinterhaus", "Whg. 12" ("Gartenstraße 8, 3. OG links, 06108 Halle"); part of the address.
FLOOR = (r"(?:\d{1,2}\.?[ ]?(?:OG|Obergescho(?:ss|ß)|Etage|Stock(?:werk)?)|EG|DG|UG|Erdgescho(?:ss|ß)|"
         r"Dachgescho(?:ss|ß)|Souterrain|(?:Hoch)?[pP]arterre|Hinterhaus|Vorderhaus|Seitenflügel|Gartenhaus|HH|VH|"
         r"(?:App|Apt|Whg|Wohnung)\.?[ ]?(?:Nr\.?[ ]?)?\d{1,4}|"
         # Austrian staircase and door: "Stiege 2, Top 7", "Stg. 3", "Tür 12"
         r"(?:Stiege|Stg\.|Top|Tür)[ ]?\d{1,3}[a-z]?)"
         r"(?:[ ](?:links|rechts|li\.|re\.|li|re|Mitte|mitte))?")
#: A town in lower case after a German postcode, as in a note written all in lower case
#: ("lindenallee 4, 44137 dortmund").
_LOWER_TOWN = r"(?<=\d{5}[ ]{1,3})\p{Ll}[^\W\d]{2,}(?:-[^\W\d]+)*(?!\w)"
#: Days and times after a town are no part of its name ("Heidelberg am Dienstag", not "Frankfurt am Main").
_NOT_TIME = (r"(?!(?:Montag|Dienstag|Mittwoch|Donnerstag|Freitag|Samstag|Sonntag|Wochenende|Vormittag|"
             r"Nachmittag|Abend|Morgen|Mittag|Januar|Februar|März|April|Mai|Juni|Juli|August|September|"
             r"Oktober|November|Dezember|Ende|Anfang)\b)")
#: A river or region in brackets after a town: "Halle (Saale)", "Frankfurt (Oder)".
_RIVER = r"(?:[ ]\((?:Saale|Oder|Main|Elbe|Rhein|Ruhr|Westf\.|Holst\.|Oldb\.|Pfalz|Opf\.)\))"
#: Postcode and town after a comma (a blank before it in a typed letterhead: "Kasseler Str. 9 , 34117
#: Kassel"), blank or letterhead dot on the same line (never across a line break or a table cell):
#: "Lindenstraße 12, 04109 Leipzig", "Deutz-Kalker Str. 52 · 50679 Köln", a town with its district
#: after a slash "35220 Konak/İzmir",
#: the escaped comma of an iCalendar LOCATION "Gartenweg 4\, 45127 Essen".
CITY = (rf"(?:(?:[ ]\([^()\n]{{1,30}}\))?(?:,?[ ]{FLOOR}){{0,2}}(?:[ ]?\\?,[ ]*|[ ]{{1,3}}|[ ]*·[ ]*){POSTCODE}[ ]+"
        rf"(?:{_LOWER_TOWN}|\p{{Lu}}[^\W\d]*(?:-[^\W\d]+)*(?!\w)"
        rf"(?:[- /]{_NOT_CONTACT}\p{{Lu}}{_TOWN_REST})?(?:[ ](?:am|an der|in der|im|ob der|vor der)[ ]{_NOT_TIME}[{_U}][^\W\d]+)?"
        rf"{_RIVER}?))")
#: Postcode and city on the same line, after a comma or blank: the strict form for ANY_STREET.
_CITY_STRICT = (rf"(?:(?:[ ]?,[ ]*|[ ]{{1,3}}|[ ]*·[ ]*)(?:D-)?\d{{5}}[ ]+[{_U}]{_TOWN_REST}"
                rf"(?:[- /]{_NOT_CONTACT}\p{{Lu}}{_TOWN_REST})?{_RIVER}?)")
#: An inflected adjective before the street word: "Am Schwarzen Graben", "Kleine Bergstraße".
#: Seasons and months shaped like adjectives are times before a street: "seit Sommer Grenzweg 3".
_NOT_LEAD = r"(?!(?:Sommer|Winter|September|Oktober|November|Dezember)\b)"
ADJ = rf"(?!(?:Die|Der|Das|Den|Dem|Des|Eine[rmns]?|Seine[rmns]?|Ihre[rmns]?|Unsere[rmns]?|Meine[rmns]?|Neue[rmns]?|Diese[rmns]?|Jede[rmns]?)\b){_NOT_LEAD}[{_U}][a-zäöüß]+(?:e|en|er|es)[ \t]"
#: Dutch and Flemish street names of several words before the street word: a person's or a title's
#: words, lower-case particles between them ("Koningin Astridlaan", "Jan van Galenstraat",
#: "Pieter de Hoochplein").
_DUTCH_WORD = r"(?:straat|laan|gracht|plein)"
DUTCH = (rf"(?:(?:[{_U}][a-zäöüéèë]+[ ](?:(?:van|de|der|den|ten|ter|het)[ ]){{0,2}}){{1,2}}"
         rf"[{_U}][a-zäöüéèë]*?{_DUTCH_WORD})")
ONE_WORD = (rf"(?<![\w-])(?:(?:{ADJ})?[{_U}]{_W}*?{STRONG}|{_UPPER_ONE_WORD}|{DUTCH}|Alt-[{_U}]\w+|"
            rf"(?:Straße|Str\.) (?:des|der) (?:\d{{1,2}}\. )?[{_U}]\w+)")
#: Lower-case words inside foreign street names: "Rue de la Loi", "Via dei Mille", "Calle de Alcalá".
_FOREIGN_PARTICLE = (r"(?:de|del|della|delle|dei|degli|di|da|do|dos|das|du|des|la|le|les|los|las|el|"
                     r"lo|sur|en|au|aux|y|e|i|van|der|den|het|d['’]|l['’]|dell['’])")
#: Street words that come first in other countries: "ul. Długa 15/3", "Strada Mihai Eminescu 14",
#: "Rue de la Loi 16", "Avenida de la Constitución 8", "Via Roma, 5".
FOREIGN = (r"(?<![\w-])(?:ul\.|al\.|vul\.|os\.|Strada|Via|Viale|Vicolo|Piazza|Piazzale|Largo|Corso|Rue|Avenue|Av\.|"
           r"Boulevard|Bd\.?|Place|Chemin|Route|Impasse|All[ée]e|Quai|Calle|C/|Avenida|Avda\.|Paseo|Plaza|Camino|"
           r"Carrer|Passeig|Avinguda|Pla[çc]a|Travessa|Rua|Praça|[uU]lica|[aA]leja|Plac|Osiedle|Calea|Bulevardul|"
           r"Rruga|Ulitsa|Laan)"
           rf"(?:[ ]?{_FOREIGN_PARTICLE}(?:[ ]|(?<=['’])))*[ ]?(?<=[ /])\p{{Lu}}[\w.'’-]*"
           rf"(?:[ ](?:{_FOREIGN_PARTICLE}(?:[ ]|(?<=['’])))*\p{{Lu}}[\w.'’-]*){{0,3}},?")
#: French, Belgian, Luxembourgish and Canadian addresses put the house number first: "12 rue de la
#: Paix, 67000 Strasbourg", "48, avenue Louise", "7 bis boulevard Victor Hugo". The street words
#: that are German words or abbreviations too ("Place", "Route", "Cours", "Passage", "Allee", "Bd."
#: a volume) count only with postcode and town after them.
_FRENCH_WORD = r"(?i:rue|avenue|av\.|boulevard|chemin|impasse|allée|quai|faubourg|rond-point)"
_FRENCH_WEAK = r"(?i:place|pl\.|route|rte|cours|square|passage|esplanade|voie|sentier|bd\.?|blvd\.?|allee)"
NUMBER_FIRST = (rf"(?<![\w.,/:-])\d{{1,4}}(?:[ ]?(?:bis|ter|[a-dA-D])\b)?,?[ ]"
                rf"(?:(?P<french>{_FRENCH_WORD})|{_FRENCH_WEAK})(?![\w-])"
                rf"(?:[ ](?:{_FOREIGN_PARTICLE}(?:[ ]|(?<=['’])))*\p{{Lu}}[\w.'’-]*){{1,4}}")
#: A street followed by its number and then the end of an entry (line end, comma, semicolon,
#: bracket, arrow, dash): "Buschkamp 6 →", "Am Mühlenfeld 3,"; not "Am Montag 3 Kinder".
_ENTRY_END = r"(?=[ ]?(?:$|[,;()→]|[ ][–-][ ])|\t)"
#: Nouns after "Am/Im/In der" that are no streets: "In der Klasse 5", "Im Raum 12".
_NOT_STREET_WORDS = (r"(?:Klasse|Jahrgang\w*|Stufe|Raum|Zimmer|Haus|Gebäude|Etage|Stock|Gruppe|Kurs|"
               r"Woche|Monat|Jahr|Tag|Stunde|Alter|Kapitel|Abschnitt|Seite|Punkt|Teil|Schritt|"
               r"Runde|Phase|Modul|Block|Linie|Bus|Gleis|Schuljahr|Halbjahr|Quartal|Semester|"
               r"Zeitraum|Vergleich|Durchschnitt|Mittel|Median|Bereich|Bezirk|Stadtteil|Sozialraum|"
               r"Spalte|Zeile|Tabelle|Anlage|Anhang|Absatz|Nummer|Kreis|Landkreis|Ort|Gemeinde|"
               r"Stadt|Land|Bund|Team|Fall|Januar|Februar|März|April|Mai|Juni|Juli|August|"
               r"September|Oktober|November|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
               r"Samstag|Sonntag|Ende|Anfang|Rahmen|Schnitt|Jahresverlauf|Verlauf|Umfang|Wert|"
               r"Zeit|Test|Fach|Lernbereich|Handlungsfeld|Themenfeld|Feld|Vorjahr|Regelfall)\b")
_NOT_STREET = rf"(?!{_NOT_STREET_WORDS})"
#: Sloppy notes in lower case: "wohnt jetzt hauptstr 5", with one of the adjectives of street names
#: before the street word, which may then stand alone: "breite str. 12", "obere kirchgasse 3".
_LOWER_ADJ = (r"(?:alt|neu|ober|unter|hinter|vorder|groß|gross|klein|lang|kurz|breit|hoh|inner|äußer|"
              r"aeusser|mittler|schmal|krumm|grün|rot|schwarz|weiß|weiss|still|nieder|hoch|tief)e[nrs]?[ ]")
LOWER = (rf"(?<![\w-])(?:{_LOWER_ADJ}(?:straße|strasse|str\.|gasse|allee)|"
         r"(?:" + _LOWER_ADJ + r")?[a-zäöü][\w-]*?(?:straße|strasse|str\.?|weg|allee|gasse|platz))")
#: Any capitalised name of one to three words before number, postcode and city: the postcode
#: and city make it an address ("Lindenhof 7, 33602 Bielefeld", "Q5, 12" is left out).
#: Nouns that label an address (also in ``_LABEL_NOUN``).
_ADDRESS_NOUNS = (r"Adresse|Anschrift|Wohnanschrift|Meldeanschrift|Meldeadresse|Hausanschrift|"
                  r"Postanschrift|Wohnort|Address")
_LABEL_WORDS = rf"(?:{_ADDRESS_NOUNS}|Straße|Strasse|Neue|Alte|Neu|Alt)\b"
#: A post box is no street (also a vCard's first ADR component).
_POST_BOX = r"(?:Postfach|PF\b|Postlagernd)"
#: Lower-case words inside a street's name: "Hinter den Höfen", "Auf dem Sande", "Straße am Park".
_NAME_PARTICLE = r"(?:an|am|auf|aus|bei|im|in|unter|hinter|vor|über|zum|zur|zu|der|den|dem|des|die|das|von|vom|und)"
#: Any capitalised name of one to three words, the later ones capitalised or particles: not a
#: sentence's verb before the street ("Wir wohnen Ahornstr 7, …").
ANY_STREET = (rf"(?<![\w-])(?!{_POST_BOX}|{_LABEL_WORDS})[{_U}][\w'’.-]+"
              rf"(?:[ ](?:[\p{{Lu}}\d][\w'’.-]*|{_NAME_PARTICLE}(?![\w'’.-]))){{0,2}}")
TWO_WORDS = (rf"(?<![\w-])(?:[{_U}]\w+(?:-[{_U}]\w+)*[ \t](?:Straße|Strasse|Str\.|Weg|Allee|Platz|Ring|Damm|Ufer|"
             rf"Chaussee|Gasse|Markt|Steig|Pfad)|[{_U}][{_U}'.-]+(?:-[{_U}]+)*[ ](?:STRA(?:SS|ß|ẞ)E|STR\.|WEG|ALLEE|"
             rf"PLATZ|RING|DAMM|UFER|CHAUSSEE|GASSE|MARKT|PFAD)|[{_U}]+(?:E|EN|ER|ES)[ ]{_UPPER_ONE_WORD})")
WEAK_WORD = rf"(?<![\w-])(?:{_NOT_LEAD}[{_U}]\w+(?:-[{_U}]\w+)*[ ](?=[{_U}]))?[{_U}]{_W}*?{WEAK}"
WITH_PREP = rf"(?<![\w-]){PREP}[ \t](?:{ADJ})?{_NOT_STREET}[{_U}][\w-]+"


#: The flat after a foreign street's house number: Polish "ul. Długa 15 m. 3", "lok. 12".
_FOREIGN_FLAT = r"(?:[ ](?:m\.|lok\.|apt\.?)[ ]?\d{1,4}[a-z]?\b)"


#: One pass over the text finds every street kind; the kind that matched, a following postcode
#: and town, and the end of an entry decide the score (eight patterns scanned the text eight
#: times: a fifth of the gate's time, profiled).
#: Every kind starts after no word character or hyphen: the look-behind stands once in front of
#: the alternatives, so a position inside a word fails before any of them is tried (a quarter
#: faster, measured).
def _street_pattern(weak_word: bool, strong_word: bool = True, lower: bool = True) -> regex.Pattern:
    weak = f"{WEAK_WORD}|{WITH_PREP}" if weak_word else WITH_PREP
    strong = f"{ONE_WORD}|{TWO_WORDS}" if strong_word else f"{_ONE_WORD_REST}|{TWO_WORDS}" if weak_word \
        else _ONE_WORD_REST
    low = LOWER if lower else "(?!)"  # the group stays, and fails at once
    return regex.compile(
        rf"(?<![\w-])(?:(?P<strong>{strong})|(?P<weak>{weak})|(?P<foreign>{FOREIGN})|(?P<lower>{low})|"
        rf"(?P<quadrate>(?<![\w-])[A-U][ ]?[1-7],))"
        rf"{NUMBER}(?(foreign){_FOREIGN_FLAT}?)(?P<city>{CITY})?(?P<end>{_ENTRY_END})?", regex.MULTILINE)


#: The kinds of ``ONE_WORD`` that need no street word right before the number.
_ONE_WORD_REST = rf"(?<![\w-])(?:Alt-[{_U}]\w+|(?:Straße|Str\.) (?:des|der) (?:\d{{1,2}}\. )?[{_U}]\w+)"
_STREET = _street_pattern(weak_word=True)
#: ``_STREET`` without the costly kinds whose street word must stand right before the number, for
#: texts without such a place: ``WEAK_WORD`` (half of ``_STREET``'s time on the bench sentences,
#: measured) ends in a ``WEAK`` word, the street-word kind of ``ONE_WORD`` in a ``STRONG`` one,
#: ``TWO_WORDS`` in one of either, ``LOWER`` in a lower-case street word. Each ends in letters or
#: "str." before its number, so its number starts with a blank or tab or is a digit right after
#: "str." (the look-behind of ``NUMBER``); without that word before such a place the kind can match
#: nowhere, and the pattern without it finds the same matches and groups (a group of a kind left
#: out is None, as it is when the kind fails). Variants by (weak, strong, lower), compiled at
#: import (14 ms each) so that no first text pays for a compile.
_STREETS = {(weak, strong, lower): _street_pattern(weak, strong, lower)
            for weak in (False, True) for strong in (False, True) for lower in (False, True)}
#: Whether a street word ends right before a number: searched backwards ("(?r)"), so the one
#: place that can match, the end, is tried first (4 times faster than the forward search, which
#: tries the whole alternation at every position before it; same answers, checked).
_WEAK_END = regex.compile(rf"(?r)(?:{WEAK})\Z")
#: (the street words in capitals stand alone after a name in ``TWO_WORDS``: "DORTMUNDER STR. 12")
_UPPER_WORD = rf"(?:{_UPPER_STRONG}|PLATZ|RING|MARKT)"
_STRONG_END = regex.compile(rf"(?r)(?:{STRONG}|{_UPPER_WORD})\Z")
_LOWER_WORD = r"straße|strasse|str\.?|weg|allee|gasse|platz"
_LOWER_END = regex.compile(rf"(?r)(?:{_LOWER_WORD})\Z")
#: Any of the three: one test per number, the three only where it holds.
_ANY_END = regex.compile(rf"(?r)(?:{WEAK}|{STRONG}|{_UPPER_WORD}|{_LOWER_WORD})\Z")
_BLANKS_DIGIT = regex.compile(r"[ \t]+\d")
_STR_DIGIT = regex.compile(r"[sS]tr\.\d")
#: Longer than any ``WEAK`` or ``STRONG`` word ("Terrassen", "promenade").
_WEAK_REACH = 12


def _street_for(text: str) -> regex.Pattern:
    """``_STREET``, or the same matches more cheaply without the kinds that need a street word
    right before a number where the text holds none."""
    if _STR_DIGIT.search(text):
        return _STREET
    weak = strong = lower = False
    for hit in _BLANKS_DIGIT.finditer(text):  # a run of blanks starts after a non-blank
        end = hit.start()
        start = max(0, end - _WEAK_REACH)
        if _ANY_END.search(text, start, end) is None:
            continue
        weak = weak or _WEAK_END.search(text, start, end) is not None
        strong = strong or _STRONG_END.search(text, start, end) is not None
        lower = lower or _LOWER_END.search(text, start, end) is not None
    return _STREETS[(weak, strong, lower)]


_NUMBER_FIRST = regex.compile(rf"{NUMBER_FIRST}(?P<city>{CITY})?", regex.MULTILINE)
#: A house number written as a word, as a dictated note or a chat writes it: "feldstraße neun",
#: "Lindenweg zwölf a", "Am Ufer"-less street words only (a square's "Markt drei" is no address).
_UNITS = r"(?:ein|zwei|drei|vier|fünf|sechs|sieben|acht|neun)"
_NUMBER_WORD = (rf"(?:eins|{_UNITS}(?:und(?:zwanzig|dreißig|dreissig|vierzig|fünfzig|sechzig|siebzig|achtzig|neunzig))"
                r"|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf|"
                r"(?:drei|vier|fünf|sech|sieb|acht|neun)zehn|zwanzig|dreißig|dreissig|vierzig|fünfzig)")
#: Common nouns ending in a street word: ways and paths of speech, no street ("auf dem Heimweg drei Kinder").
_NOT_STREET_NOUN = (r"(?<!(?i:(?:heim|schul|rück|hin|um|fuß|fuss|rad|arbeits|aus|ab|irr|lösungs|dienst|rechts|post|"
                    r"see|luft|land|fahr|wander|geh|lebens|bildungs|werde|mittel|lern|lehr|trimm|natur|"
                    r"bürger|flucht|rettungs|zu|bahn|bus|flug)(?:weg|pfad|steig)))")
_WORD_NUMBER = regex.compile(
    rf"(?<![\w-])(?:(?:{ADJ})?[{_U}]{_W}*?{STRONG}|(?:{_LOWER_ADJ})?[a-zäöü][\w-]*?"
    r"(?:straße|strasse|str\.?|allee|gasse|weg|damm|ufer))"
    rf"{_NOT_STREET_NOUN}[ ](?i:{_NUMBER_WORD})(?:[ ]?[a-h])?(?!\w){_NOT_UNIT}")
#: Where ``_WORD_NUMBER`` may match: a street word's end, a blank, a number word's start
#: (a blank and a number word first, a search of a fifth of the cost of one for both; then a street
#: word's end before it, searched backwards: measured)
_NUMBER_WORD_START = re.compile(r" (?:eins|einund|zwei|drei|vier|fünf|sechs|sieb|acht|neun|zehn|elf|zwölf|zwanzig|"
                                r"dreißig|dreissig|vierzig|fünfzig)")
_STREET_WORD_END = regex.compile(r"(?r)(?:ße|sse|str\.?|weg|allee|gasse|damm|ufer|pfad|steig|deich|chaussee|promenade)\Z",
                                 regex.IGNORECASE)


def _word_number_possible(text: str) -> bool:
    return any(_STREET_WORD_END.search(text, max(0, hit.start() - _WEAK_REACH), hit.start())
               for hit in _NUMBER_WORD_START.finditer(text))
_WORD_NUMBER_SCORE = 0.5


#: Postcode and town apart from the street, in the next column of a fixed-width list or after a
#: separator a scan or a letterhead puts there ("Vogelsang 22 ¬ 44135 Dortmund", "Am Ring 3 | 59065
#: Hamm", "Im Winkel 4 • 38100 Braunschweig"): they make the street an address, the span ends at
#: the house number.
_APART_CITY = rf"(?:[ ]{{4,}}|[ \t]*[¬|•/–][ \t]*)(?:D-)?\d{{5}}[ ]+[{_U}]"
#: Any capitalised name before number, postcode and town ("Reeperbahn 97, 20359 Hamburg").
#: In a fixed-width list the postcode stands in the next column, two blanks or more away: it still
#: makes the cell before it an address, the span ends at the house number ("TALSTR. 5      35394 GIESSEN").
_ANY = regex.compile(rf"{ANY_STREET}{NUMBER}(?:(?P<city>{_CITY_STRICT})|(?={_APART_CITY}))",
                     regex.MULTILINE)
#: A letterhead or address block: a line of one to four words and a house number, and on the next
#: line a postcode and town ("Lindenhof 7\n46045 Oberhausen", "Am Anger 5\n06108 Halle"). The street
#: line alone is the span; the postcode line below is outside it (annotation rule).
_LINE_WORD = r"[^\W\d_]+(?:[-'’.][^\W\d_]*)*"
_BLOCK = regex.compile(
    rf"(?:(?<=^[ \t]*)|(?<=[,·][ \t]*)){_NOT_STREET}(?!(?:Postfach|PF|Postlagernd|Tel|Fax|Nr)\b)"
    rf"[{_U}]{_LINE_WORD}(?:[ ]{_LINE_WORD}){{0,3}}{NUMBER}"
    rf"(?=[ \t]*,?[ \t]*\r?\n[ \t]*(?:D-)?\d{{5}}[ \t]+[{_U}])", regex.MULTILINE)
BLOCK_SCORE = 0.75
#: Address labels printed side by side (a sheet of labels, a letter's two address fields): columns
#: parted by two blanks or more, "|" or "¦"; a cell that is a street and a house number and nothing
#: else, and right below it, in the same column, a postcode and town ("Am Weiher 4   | Hauptstr. 2\n
#: 48149 Münster | 48151 Münster"). The street cell alone is the span.
_COLUMN_CELL = regex.compile(r"\S+(?:[ ]\S+)*")
_COLUMN_BORDERS = str.maketrans("|¦", "  ")
_COLUMN_STREET = regex.compile(
    rf"{_NOT_STREET}(?!(?:Postfach|PF|Postlagernd|Tel|Fax|Nr)\b)[{_U}]{_LINE_WORD}(?:[ ]{_LINE_WORD}){{0,3}}{NUMBER}")
_COLUMN_TOWN = regex.compile(rf"(?:D-)?\d{{5}}[ ]+[{_U}]")
#: How far a cell below may stand off the street cell's column (labels are not set exactly).
_COLUMN_SLACK = 4
#: After a label that says an address follows, any street name of one to four words and a number
#: ("Anschrift: Lister Meile 51", "wohnhaft Hinter den Höfen 7", "Adresse neu: Q5 12").
_LABELLED = regex.compile(
    r"(?i:\b(?:(?:Wohn|Melde|Haus|Post)?(?:anschrift|adresse)|wohnhaft(?:[ ]in)?|(?:wohn(?:t|en|e|st)|leb(?:t|en|e))"
    r"(?:[ ](?:jetzt|nun|inzwischen|seit[ ]\w+))?(?:[ ]in)?(?:[ ]der|[ ]dem)?|verzogen[ ]nach|umgezogen[ ](?:nach|in)|address|"
    r"adr\.)(?:[ ](?:neu|alt|bisher|aktuell))?)[ \t]*[:.]?[ \t]*"
    rf"(?P<street>{_NOT_STREET}(?!{PREP}[ ]{_NOT_STREET_WORDS})(?!(?:Postfach|PF|Postlagernd|Tel|Fax|Nr)\b)[{_U}]{_LINE_WORD}"
    rf"(?:[ ]{_LINE_WORD}){{0,3}}{NUMBER})(?:{CITY})?")
#: A table cell that is a street and a house number and nothing else ("Sieker Mitte 17").
_CELL = regex.compile(rf"[ \t\"']*(?P<street>{_NOT_STREET}[{_U}]{_LINE_WORD}(?:[ ]{_LINE_WORD}){{0,3}}{NUMBER})"
                      r"[ \t\"']*")
_POSTCODE_CELL = regex.compile(r"[ \t\"']*(?:D-)?\d{5}(?:[ ]+[^\W\d_][\w. -]*)?[ \t\"']*")
_STREET_HEADER = regex.compile(r"stra(?:ß|ss)e|str\.|anschrift|adresse|wohnort|hausnummer",
                               regex.IGNORECASE)


def column_blocks(text: str) -> list[tuple[int, int]]:
    """Street cells of address labels side by side, each above its postcode and town."""
    spans: list[tuple[int, int]] = []
    lines = text.split("\n")
    pos = 0
    for line, below in zip(lines, lines[1:]):
        line_start, pos = pos, pos + len(line) + 1
        if not _POSTCODE.search(below):
            continue
        towns = [m.start() for m in _COLUMN_CELL.finditer(below.translate(_COLUMN_BORDERS))
                 if _COLUMN_TOWN.match(m.group())]
        for cell in _COLUMN_CELL.finditer(line.translate(_COLUMN_BORDERS)):
            if any(abs(cell.start() - t) <= _COLUMN_SLACK for t in towns) and _COLUMN_STREET.fullmatch(cell.group()):
                spans.append((line_start + cell.start(), line_start + cell.end()))
    return spans


def table_cells(text: str) -> list[tuple[int, int]]:
    """Street cells of delimited rows (";", tab, "|"): a street and number followed by a postcode
    cell, or in a column headed "Straße"/"Anschrift"."""
    spans: list[tuple[int, int]] = []
    header: list[str] = []
    delim: str | None = None
    pos = 0
    for line in text.split("\n"):
        line_start, pos = pos, pos + len(line) + 1
        here = next((d for d in (";", "\t", "|") if d in line), None)
        if here != delim:
            delim, header = here, (line.split(here) if here else [])
            continue
        if delim is None:
            continue
        cells = line.split(delim)
        offset = line_start
        for k, cell in enumerate(cells):
            m = _CELL.fullmatch(cell)
            if m and ((k + 1 < len(cells) and _POSTCODE_CELL.fullmatch(cells[k + 1]))
                      or (k < len(header) and _STREET_HEADER.search(header[k]))):
                spans.append((offset + m.start("street"), offset + m.end("street")))
            offset += len(cell) + len(delim)
    return spans
_POSTCODE = regex.compile(r"\d{5}")
#: A vCard's ADR property: post box, extended address, street, town, region, postcode, country
#: parted by ";" ("ADR;TYPE=HOME:;;Kirchweg 3;Bonn;;53111;DE"); the street component, when it holds a
#: house number, is the span, whatever its name (a post box is none).
_VCARD_ADR = regex.compile(rf"^ADR(?:;[^:\n]*)?:[^;\n]*;[^;\n]*;(?P<street>(?!{_POST_BOX})[^;\n]*?\p{{L}}[^;\n]*?[ ]\d[^;\n]*?)[ \t]*(?=;|$)",
                           regex.MULTILINE)
#: The town's second word after a postcode, when it is an ordinary noun, starts the next sentence of a
#: note written without stops ("45127 Essen Termin folgt", dictated "89073 Ulm Punkt …").
_TOWN_SECOND = regex.compile(r"\d[ ]+\p{Lu}[^\W\d]*(?:-[^\W\d]+)*(?P<second>[ ](?P<word>\p{Lu}[^\W\d]*))")
#: Nouns that name a part of the town after its name: "45127 Essen Nord", "10117 Berlin Stadt".
_TOWN_PARTS = frozenset({"Nord", "Süd", "Ost", "West", "Mitte", "Stadt", "Innenstadt", "Altstadt", "Zentrum",
                         "Land", "Dorf", "Bahnhof", "Hafen"})
#: A building or institution word before a street names who sits there, no part of the street's
#: name: "im Verwaltungsgebäude Am Wall 3", "Unterbringung Notaufnahmestelle Ostring 9, …".
_OCCUPANT = regex.compile(r"\p{Lu}\p{Ll}*(?:gebäude|stelle|gemeinschaft|gruppe|haus|heim|zentrum|amt|büro|schule|"
                          r"kita|praxis|einrichtung|unterkunft|klinik|dienst|treff|werkstatt|station|zentrale)"
                          r"[ ](?=\p{Lu})")
#: Before an entry: the text's or a line's start, or a separator ("Familie Osei, Vogelsang 22, …").
_ENTRY_START = regex.compile(r"(?:^|[\n,;:|·•¬(])[ \t]*\Z")
_YEAR = regex.compile(r"\d+")


_NUMBER_HIT = regex.compile(r"[ \t]\d|[sS]tr\.\d")
#: Whitespace-separated words a street spans before its house number, at most ("Zwischen den
#: Alten Höfen 3", "Straße des 17. Juni 5", "ul. Nowy Świat Dolny 5" take four, any name before
#: postcode and town three); kept generous.
_WORDS_BEFORE = 8


def _line_matches(pattern: regex.Pattern, text: str) -> list[regex.Match]:
    """``pattern.finditer(text)`` for ``_STREET`` and ``_ANY``, scanning only the lines that hold
    a house number.

    A match never crosses a line (no part of the pattern takes a line break) and holds a blank
    and a digit (or "Str." and a digit) where its number starts, at most a few words after its
    start: each line is scanned from a few words before its first such hit, to its end. Same
    matches as the whole-text scan, in the same order (the look-behinds still see the text
    before the scan's start)."""
    if "\n" not in text:  # one sentence: the bookkeeping below costs more than it saves
        return list(pattern.finditer(text))
    matches: list[regex.Match] = []
    line_end = -1
    for hit in _NUMBER_HIT.finditer(text):
        if hit.start() < line_end:
            continue  # this line was scanned
        line_start = text.rfind("\n", 0, hit.start()) + 1
        line_end = text.find("\n", hit.start())
        if line_end < 0:
            line_end = len(text)
        pos = hit.start()
        for _ in range(_WORDS_BEFORE):
            while pos > line_start and text[pos - 1] in " \t":
                pos -= 1
            pos = max(text.rfind(" ", line_start, pos), text.rfind("\t", line_start, pos)) + 1
            if pos <= line_start:
                pos = line_start
                break
        matches.extend(pattern.finditer(text, pos, line_end))
    return matches


#: "Warteliste Platz 4", "Tabelle Platz 2": a place in a ranking after an ordinary noun (not a town's
#: adjective: "Berliner Platz 4").
_RANK = regex.compile(r"(?P<noun>\p{Lu}\p{Ll}+(?<!er))[ ]Platz[ ]")


def _ranking(match: regex.Match) -> bool:
    rank = _RANK.match(match.group())
    return rank is not None and ordinary_noun(rank.group("noun"))


def _score(match: regex.Match) -> float:
    city = match.group("city") is not None
    if match.group("strong") is not None and not city and _ranking(match):
        return 0.2
    if match.group("strong") is not None or match.group("foreign") is not None:
        return 0.85 if city else 0.6
    if match.group("weak") is not None:
        return 0.85 if city else 0.45 if match.group("end") is not None else 0.2
    if match.group("quadrate") is not None:
        return 0.6 if city else 0.0
    return 0.5


_DUTCH_TAIL = regex.compile(rf"[ ]\S*{_DUTCH_WORD}\Z")
_LEADING_WORD = regex.compile(r"(\p{Lu}\p{Ll}+)[ ](?=\p{Lu})")


def _past_nouns(text: str, start: int, end: int) -> int:
    """Where a Dutch street of several words starts, past German nouns opening the span ("im Büro
    Wilsonplein 4": "Büro" names the place, "Koningin Astridlaan" is the street)."""
    word = _LEADING_WORD.match(text, start, end)
    while word is not None and ordinary_noun(word.group(1)):
        start = word.end()
        word = _LEADING_WORD.match(text, start, end)
    return start


#: A label glued in front of a street by a PDF export: a noun or an abbreviation, then the street's
#: capital ("HausnummerLindenweg 4", "Nr.Am Hang 7", "AnschriftKirchgasse 2").
_GLUED = regex.compile(r"\p{Lu}[\p{Ll}\p{Lu}]*?(?:(?<=\p{Ll})|\.)(?=\p{Lu}\p{Ll})")


def _past_glued_label(text: str, start: int, end: int) -> int:
    """Where the street starts, past a label glued to its first word."""
    glued = _GLUED.match(text, start, end)
    if glued is None:
        return start
    label = glued.group()
    return glued.end() if label.endswith(".") or ordinary_noun(label) else start


#: A label naming the address is no word of the street's name ("die Adresse Ostring 5, …", "die
#: Anschrift Lindenstraße 4"): a span opening with it starts after it.
_LABEL_NOUN = regex.compile(rf"(?:{_ADDRESS_NOUNS}|Lieferadresse|Rechnungsadresse|Privatadresse)[ ]")


def _past_label_noun(text: str, start: int, end: int) -> int:
    label = _LABEL_NOUN.match(text, start, end)
    return label.end() if label is not None else start


def _town_end(text: str, start: int, end: int) -> int:
    """Where the span ends: before a town's second word that is an ordinary noun, not a part of
    the town ("Essen Nord")."""
    town = _TOWN_SECOND.search(text, start, end)
    if town is None:
        return end
    if town.group("word") not in _TOWN_PARTS and ordinary_noun(town.group("word")):
        return town.start("second")
    if "\n" in text and _opens_header_column(text, town.start("word")):
        return town.start("second")  # a fixed-width table's next column, left of it one blank only
    return end


#: A header cell of a fixed-width table: no digit, two blanks or the line start before it.
_HEADER_CELL = regex.compile(r"(?:^|(?<=[ ]{2}))[^\W\d][^\d\n]*?(?=[ ]{2}|$)", regex.MULTILINE)
_HEADER_LINES_UP = 40
#: How far a row's cell may stand off its header's column (a row pushed on by a long cell before it).
_HEADER_SLACK = 2


def _opens_header_column(text: str, pos: int) -> bool:
    """The word at ``pos`` starts where a cell of the header line above starts (give or take
    ``_HEADER_SLACK``): a fixed-width
    table's next column, whatever its text ("90461 Nürnberg Kroatien" under "Anschrift  Zuzug aus")."""
    line_start = text.rfind("\n", 0, pos) + 1
    column = pos - line_start
    end = line_start - 1
    for _ in range(_HEADER_LINES_UP):
        if end <= 0:
            return False
        start = text.rfind("\n", 0, end) + 1
        line = text[start:end]
        if not line.strip():
            return False
        if not any(ch.isdigit() for ch in line):
            return any(abs(cell.start() - column) <= _HEADER_SLACK for cell in _HEADER_CELL.finditer(line))
        end = start - 1
    return False


#: Adjectives in street names whose inflected form is a noun too ("Kleine Gasse", "Alte Allee").
_STREET_ADJECTIVES = frozenset(
    "alt neu ober unter hinter vorder groß gross klein lang kurz breit hoh inner äußer mittler schmal krumm grün "
    "rot schwarz weiß weiss still nieder hoch tief dick schön kalt warm frei heilig hell dunkel blau gelb braun "
    "grau eng weit fern nah golden silbern steil".split())
_ADJECTIVE_ENDINGS = ("ische", "ige", "liche", "iche", "ene", "ere", "ale", "ige", "ste")
#: A street's own name: a word longer than its street word ("Bergstraße", not "Straße", "Str.").
_STREET_COMPOUND = regex.compile(rf"[{_U}]\w+?{STRONG}")
#: A capitalised word in "-e" opening a street of a street word ("Notaufnahme Bergstraße 12"):
#: read as an inflected adjective by ``ADJ``.
_E_WORD = regex.compile(r"(\p{Lu}\p{Ll}+e)[ \t](?=\p{Lu})")


def _past_noun_before_street(text: str, start: int, end: int) -> int:
    """Where a street of a street word starts, past a common noun read as its adjective ("in der
    Notaufnahme Bergstraße 12": the noun names the place; "Kleine Bergstraße 12" keeps its adjective)."""
    word = _E_WORD.match(text, start, end)
    if word is None or not _STREET_COMPOUND.match(text, word.end(), end):
        return start  # "Holländische Str. 148": the street word alone is no street's name
    lower = word.group(1).lower()
    if lower[:-1] in _STREET_ADJECTIVES or lower.endswith(_ADJECTIVE_ENDINGS) or not ordinary_noun(word.group(1)):
        return start
    return word.end()


def _after_occupant(text: str, start: int) -> int:
    """Where the street starts, past a building or institution word opening the span."""
    occupant = _OCCUPANT.match(text, start)
    return occupant.end() if occupant is not None else start


#: Chinese, Japanese and Korean signs (Hangul Jamo, CJK radicals, kana, Bopomofo, Kanbun, CJK
#: ideographs, Hangul syllables; a ``re`` class, a third of the cost of ``regex``'s script classes): a message in these scripts writes a German street without a
#: blank before it.
_EAST_ASIAN = re.compile("[\u1100-\u11ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u312f\u3190-\u31ff\u3400-\u4dbf"
                         "\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\U00020000-\U0002fa1f]")


class GermanAddressRecognizer(LocalRecognizer):
    """Street and house number, with postcode and town when they follow on the same line.

    Scores: a street word ("-straße", "Allee", "Weg" ...) 0.6, with postcode and town 0.85; a
    square or lane ("Markt", "Am Anger") 0.2, 0.45 when it ends an entry ("Buschkamp 6 →"), 0.85
    with postcode and town; a foreign street word first ("ul.", "Strada") 0.6; a lower-case note
    ("hauptstr 5") 0.5; any name before number, postcode and town 0.6. Context words
    ("Anschrift", "wohnhaft") raise weak findings.
    """

    #: a house number after a blank, or opening a line ("12 rue de la Paix")
    PRECHECK = regex.compile(r"[ \t]\d|str\.\d|^\d", regex.IGNORECASE | regex.MULTILINE)
    CONTEXT = ["wohnen", "anschrift", "adresse", "straße", "wohnhaft", "zuhause", "meldeadresse",
               "post"]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entities=["ADDRESS"], supported_language=supported_language,
                         name="GermanAddressRecognizer", context=self.CONTEXT)

    def load(self) -> None:  # patterns are compiled at import
        pass

    def analyze(self, text: str, entities: list[str], nlp_artifacts=None) -> list[RecognizerResult]:  # noqa: ANN001
        found: dict[tuple[int, int], float] = {}
        if _word_number_possible(text):
            for match in _WORD_NUMBER.finditer(text):
                found[match.span()] = _WORD_NUMBER_SCORE
        if self.PRECHECK.search(text) is None:
            return [self._result(start, end, score) for (start, end), score in found.items()]
        text = ocr_digits(text)  # "Hafenstraße 1O" from a scanned letter; same offsets
        if _EAST_ASIAN.search(text):  # "我们刚搬到Lindenweg 4, 53111 Bonn。": the script glued to the street
            text = _EAST_ASIAN.sub(" ", text)  # is no word of its name; one blank per sign, same offsets
        for match in _line_matches(_street_for(text), text):
            score = _score(match)
            if score > 0 and self.validate_result(match.group()) is not False:
                dutch = match.group("strong") is not None and _DUTCH_TAIL.search(match.group("strong"))
                start = match.start()
                if dutch:
                    start = _past_nouns(text, start, match.end())
                elif match.group("strong") is not None:
                    start = _past_noun_before_street(text, start, match.end())
                span = (start, match.end())
                found[span] = max(score, found.get(span, 0.0))
        for match in _NUMBER_FIRST.finditer(text):  # one scan costs less than the line bookkeeping
            score = 0.85 if match.group("city") else 0.6 if match.group("french") else 0.0
            if score:
                found[match.span()] = max(score, found.get(match.span(), 0.0))
        for match in _LABELLED.finditer(text):
            if self.validate_result(match.group("street")) is not False:
                span = (match.start("street"), match.end())
                found[span] = max(BLOCK_SCORE, found.get(span, 0.0))
        if _POSTCODE.search(text):
            # a street found so far, by the end of its span: a street word inside an _ANY match
            # is the better start ("Erstattung an Wiesenweg 3, 57072 Siegen")
            starts_by_end = {e: s for s, e in sorted(found)}
            for match in _line_matches(_ANY, text):
                if self.validate_result(match.group()) is not False:
                    # With postcode and town, opening an entry, as sure as a street word with them:
                    # it wins over a name read into the street ("Schule am Park, Lange Reihe 14,
                    # 20099 Hamburg"). After a word it may have taken a name's last word ("Lisa
                    # Kühn Lange Reihe 14, …") and stays weaker than the name.
                    opens = _ENTRY_START.search(text, max(0, match.start() - 12), match.start())
                    inner = starts_by_end.get(match.end(), -1) > match.start()
                    score = 0.85 if match.group("city") and opens and not inner else 0.6
                    found[match.span()] = max(score, found.get(match.span(), 0.0))
            if "\n" in text:
                for start, end in table_cells(text):
                    if self.validate_result(text[start:end]) is not False:
                        found[(start, end)] = max(BLOCK_SCORE, found.get((start, end), 0.0))
                for start, end in column_blocks(text):
                    if self.validate_result(text[start:end]) is not False:
                        found[(start, end)] = max(BLOCK_SCORE, found.get((start, end), 0.0))
                for match in _BLOCK.finditer(text):
                    if self.validate_result(match.group()) is not False:
                        found[match.span()] = max(BLOCK_SCORE, found.get(match.span(), 0.0))
        if "ADR" in text:
            for match in _VCARD_ADR.finditer(text):
                span = match.span("street")
                found[span] = max(BLOCK_SCORE, found.get(span, 0.0))
        return [self._result(_past_glued_label(text, _past_label_noun(text, _after_occupant(text, start), end), end),
                             _town_end(text, start, end), score)
                for (start, end), score in found.items()]

    def validate_result(self, pattern_text: str) -> bool | None:
        # "Im Jahr 2023", "Am Ende 2022" look like lanes with a house number.
        number = _YEAR.search(pattern_text)
        if number and len(number.group()) == 4 and 1900 <= int(number.group()) <= 2100:
            return False
        return None

    def _result(self, start: int, end: int, score: float) -> RecognizerResult:
        return RecognizerResult(
            "ADDRESS", start, end, score,
            analysis_explanation=AnalysisExplanation(self.name, score, textual_explanation="street"),
            recognition_metadata={RecognizerResult.RECOGNIZER_NAME_KEY: self.name,
                                  RecognizerResult.RECOGNIZER_IDENTIFIER_KEY: self.id})
