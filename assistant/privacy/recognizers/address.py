"""ADDRESS: street and house number, with postcode and city when they follow.

"Hauptstraße 12", "Karl-Marx-Str. 5a, 45127 Essen", "Rüttenscheider Straße 45-47",
"Am Markt 3" (needs a postcode or address context), "Lindenallee 4\\n45127 Essen"."""

from __future__ import annotations

import regex
from presidio_analyzer import Pattern

from assistant.privacy.recognizers.precheck import PrecheckedPatternRecognizer

_U = "A-ZÄÖÜ"
_W = r"[\w'’.-]"
STRONG = (r"(?:[sS]tra(?:ß|ss)e|[sS]tr\.|[aA]llee|[gG]asse|[cC]haussee|[dD]amm|[pP]romenade|[uU]fer|"
          r"[wW]eg|[pP]fad|(?<!Bus|Bahn|Flug)[sS]teig|[dD]eich|straat|laan|gracht|plein)")
WEAK = (r"(?:[pP]latz|[rR]ing|[mM]arkt|[hH]of|[bB]erg|[fF]eld|[kK]amp|[gG]arten|[gG]rund|[wW]all|"
        r"[gG]raben|[bB]rücke|[tT]or|[kK]ai|[pP]ark|[sS]iedlung|[hH]öhe|[aA]ue|[wW]inkel|[zZ]eile|"
        r"[aA]cker|[bB]usch|[hH]eide|[wW]iese|[bB]ogen|[eE]ck|[bB]orn|[bB]ach|[sS]tieg|[tT]ret|[lL]and|"
        r"[aA]nger|[bB]rink|[mM]itte|[kK]irche)")
PREP = r"(?:Am|An der|An den|Auf dem|Auf der|Im|In der|In den|Zum|Zur|Hinter der|Hinter dem|Unter den|Vor dem|Bei der|Alte[rsn]?)"
NUMBER = (r"(?:[ \t]+|(?<=[sS]tr\.))\d{1,4}(?:[ ]?[a-hA-H](?:[-–][a-hA-H])?)?(?![\d.,:]\d)"
          r"(?:[ ]?[-–/][ ]?\d{1,4}[a-hA-H]?|[ ]1/2)?\b")
#: Postcodes: German 5 digits, Austrian/Swiss/Dutch 4 (+ 2 letters), Polish 12-345, 6 digits.
POSTCODE = r"(?:(?:D|A|CH|NL|PL)-)?(?:\d{5}|\d{6}|\d{2}-\d{3}|\d{4}(?:[ ][A-Z]{2})?)"
#: Postcode and town after a comma, blank or letterhead dot on the same line (never across a line
#: break or a table cell): "Lindenstraße 12, 04109 Leipzig", "Deutz-Kalker Str. 52 · 50679 Köln".
CITY = (rf"(?:(?:[ ]\([^()\n]{{1,30}}\))?(?:,[ ]*|[ ]+|[ ]*·[ ]*){POSTCODE}[ ]+[{_U}][\w-]+"
        rf"(?:[- ][{_U}]\w+)?(?:[ ](?:am|an der|in der|im|ob der|vor der)[ ][{_U}]\w+)?"
        r"(?:[ ]\((?:Saale|Oder|Main|Elbe|Rhein|Ruhr|Westf\.|Holst\.|Oldb\.|Pfalz|Opf\.)\))?)")
#: Postcode and city on the same line, after a comma or blank: the strict form for ANY_STREET.
_CITY_STRICT = rf"(?:(?:,[ ]*|[ ]+|[ ]*·[ ]*)(?:D-)?\d{{5}}[ ]+[{_U}]\w+(?:[- ][{_U}]\w+)?)"
#: An inflected adjective before the street word: "Am Schwarzen Graben", "Kleine Bergstraße".
ADJ = rf"(?!(?:Die|Der|Das|Den|Dem|Des|Eine[rmns]?|Seine[rmns]?|Ihre[rmns]?|Unsere[rmns]?|Meine[rmns]?|Neue[rmns]?|Diese[rmns]?|Jede[rmns]?)\b)[{_U}][a-zäöüß]+(?:e|en|er|es)[ \t]"
ONE_WORD = (rf"(?<![\w-])(?:(?:{ADJ})?[{_U}]{_W}*?{STRONG}|Alt-[{_U}]\w+|"
            rf"Straße (?:des|der) (?:\d{{1,2}}\. )?[{_U}]\w+)")
#: Street words that come first in other countries: "ul. Długa 15/3", "Strada Mihai Eminescu 14".
FOREIGN = (rf"(?<![\w-])(?:ul\.|al\.|vul\.|Strada|Via|Viale|Piazza|Corso|Rue|Avenue|Calle|Rua|Ulica)"
           rf"[ ][{_U}][\w.-]*(?:[ ][{_U}][\w.-]*){{0,2}}")
#: A street followed by its number and then the end of an entry (line end, comma, semicolon,
#: bracket, arrow, dash): "Buschkamp 6 →", "Am Mühlenfeld 3,"; not "Am Montag 3 Kinder".
_ENTRY_END = r"(?=[ ]?(?:$|[,;(→]|[ ][–-][ ])|\t)"
#: Nouns after "Am/Im/In der" that are no streets: "In der Klasse 5", "Im Raum 12".
_NOT_STREET = (r"(?!(?:Klasse|Jahrgang\w*|Stufe|Raum|Zimmer|Haus|Gebäude|Etage|Stock|Gruppe|Kurs|"
               r"Woche|Monat|Jahr|Tag|Stunde|Alter|Kapitel|Abschnitt|Seite|Punkt|Teil|Schritt|"
               r"Runde|Phase|Modul|Block|Linie|Bus|Gleis|Schuljahr|Halbjahr|Quartal|Semester|"
               r"Zeitraum|Vergleich|Durchschnitt|Mittel|Median|Bereich|Bezirk|Stadtteil|Sozialraum|"
               r"Spalte|Zeile|Tabelle|Anlage|Anhang|Absatz|Nummer|Kreis|Landkreis|Ort|Gemeinde|"
               r"Stadt|Land|Bund|Team|Fall|Januar|Februar|März|April|Mai|Juni|Juli|August|"
               r"September|Oktober|November|Dezember|Montag|Dienstag|Mittwoch|Donnerstag|Freitag|"
               r"Samstag|Sonntag|Ende|Anfang|Rahmen|Schnitt|Jahresverlauf|Verlauf|Umfang|Wert|"
               r"Zeit|Test|Fach|Lernbereich|Handlungsfeld|Themenfeld|Feld|Vorjahr|Regelfall)\b)")
#: Sloppy notes in lower case: "wohnt jetzt hauptstr 5".
LOWER = r"(?<![\w-])[a-zäöü][\w-]*?(?:straße|strasse|str\.?|weg|allee|gasse|platz)"
#: Any capitalised name of one to three words before number, postcode and city: the postcode
#: and city make it an address ("Lindenhof 7, 33602 Bielefeld", "Q5, 12" is left out).
ANY_STREET = rf"(?<![\w-])(?!Postfach|PF\b|Postlagernd)[{_U}][\w'’.-]+(?:[ ][\w'’.-]+){{0,2}}"
TWO_WORDS = rf"(?<![\w-])[{_U}]\w+(?:-[{_U}]\w+)*[ \t](?:Straße|Strasse|Str\.|Weg|Allee|Platz|Ring|Damm|Ufer|Chaussee|Gasse|Markt|Steig|Pfad)"
WEAK_WORD = rf"(?<![\w-])[{_U}]{_W}*?{WEAK}"
WITH_PREP = rf"(?<![\w-]){PREP}[ \t](?:{ADJ})?{_NOT_STREET}[{_U}][\w-]+"


class GermanAddressRecognizer(PrecheckedPatternRecognizer):
    PRECHECK = regex.compile(r"[ \t]\d")  # every pattern has a house number after a blank
    PATTERNS = [
        Pattern("street + number + postcode city", rf"(?:{ONE_WORD}|{TWO_WORDS}|{WEAK_WORD}|{WITH_PREP}){NUMBER}{CITY}", 0.85),
        Pattern("street + number", rf"(?:{ONE_WORD}|{TWO_WORDS}){NUMBER}{CITY}?", 0.6),
        Pattern("square/lane + number (needs context)", rf"(?:{WEAK_WORD}|{WITH_PREP}){NUMBER}", 0.2),
        Pattern("square/lane + number ending an entry", rf"(?:{WEAK_WORD}|{WITH_PREP}){NUMBER}{_ENTRY_END}", 0.45),
        Pattern("any name + number + postcode city", rf"{ANY_STREET}{NUMBER}{_CITY_STRICT}", 0.6),
        Pattern("foreign street word first", rf"{FOREIGN}{NUMBER}(?:/\d{{1,3}})?{CITY}?", 0.6),
        Pattern("Mannheim quadrate", rf"(?<![\w-])[A-U][1-7],[ ]\d{{1,2}}[a-h]?{CITY}", 0.6),
        Pattern("lower-case street + number", rf"{LOWER}{NUMBER}{CITY}?", 0.5),
    ]
    CONTEXT = ["wohnen", "anschrift", "adresse", "straße", "wohnhaft", "zuhause", "meldeadresse",
               "post"]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="ADDRESS", patterns=self.PATTERNS, context=self.CONTEXT,
                         supported_language=supported_language, name="GermanAddressRecognizer",
                         global_regex_flags=regex.MULTILINE)

    def validate_result(self, pattern_text: str) -> bool | None:
        # "Im Jahr 2023", "Am Ende 2022" look like lanes with a house number.
        number = regex.search(r"\d+", pattern_text)
        if number and len(number.group()) == 4 and 1900 <= int(number.group()) <= 2100:
            return False
        return None
