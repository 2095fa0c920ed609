"""Layouts the dev sets hardly hold (own examples, round 6): e-mail headers, forwarded Outlook
blocks, vCard and iCalendar, Markdown and HTML tables, XML attributes, YAML lists, JSON arrays,
fixed-width and TSV exports with capital headers, mail-merge remnants, OCR-like breaks, SEPA
mandates and invoices, forms with the label on its own line, short birth years after "geb.",
phone extensions and foreign numbers, pupil numbers under many labels, c/o lines and Postfach.

Each text marks what must be found as ``[[TYPE:surface]]`` (per tests/data/privacy_indep7/DEFS.md);
every mark must come back exactly. The negatives list the types that must not be found at all."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import missing, spans, unmark

FOUND = {
    # e-mail headers
    "header: surname, first name <mail>": (
        "Von: [[PERSON:Schmidt, Lea]] <[[EMAIL_ADDRESS:lea.schmidt@gs-lindenau.de]]>\n"
        "An: [[PERSON:Okafor, Chidi]] <[[EMAIL_ADDRESS:c.okafor@web.de]]>\nBetreff: Elterngespräch"),
    "header: Cc with two people": (
        "An: [[PERSON:Brandt, Ole]] <[[EMAIL_ADDRESS:ole.brandt@kita-sonnenschein.de]]>\n"
        "Cc: [[PERSON:Yılmaz, Elif]] <[[EMAIL_ADDRESS:elif.yilmaz@gmx.de]]>; "
        "[[PERSON:Koch, Ute]] <[[EMAIL_ADDRESS:ute.koch@stadt-herne.de]]>\nBetreff: Eingewöhnung"),
    "header: quoted display names": (
        'From: "[[PERSON:Weber, Jonas]]" <[[EMAIL_ADDRESS:j.weber@gymnasium-sued.de]]>\n'
        'To: "[[PERSON:Nowak, Zofia]]" <[[EMAIL_ADDRESS:zofia.nowak@t-online.de]]>\nSubject: Klassenfahrt'),
    "header: first name surname <mail>": (
        "Von: [[PERSON:Fatma Aksoy]] <[[EMAIL_ADDRESS:fatma.aksoy@jugendamt-bochum.de]]>\n"
        "Gesendet: Dienstag, 4. März 2025 09:12\nAn: [[PERSON:Pia Kunz]] <[[EMAIL_ADDRESS:p.kunz@gs-west.de]]>"),
    "header: surname, first name without mail": (
        "Von: [[PERSON:Hoffmann, Mila]]\nAn: [[PERSON:Richter, Anke]]\nBetreff: WG: Fehlzeiten 7b"),
    # forwarded Outlook blocks
    "forwarded block with signature": (
        "-----Ursprüngliche Nachricht-----\nVon: [[PERSON:Lange, Kerstin]] <[[EMAIL_ADDRESS:k.lange@bildungsbuero-kassel.de]]>\n"
        "Gesendet: Montag, 3. März 2025 14:02\nAn: [[PERSON:Vogt, Lena]]\nBetreff: Schulwegbegleitung\n\n"
        "Hallo Frau [[PERSON:Vogt]], anbei die Liste.\nGruß [[PERSON:K. Lange]]\nTel. [[PHONE_NUMBER:0561 787-4412]]"),
    "forwarded block, English Outlook": (
        "---------- Forwarded message ---------\nFrom: [[PERSON:Rami Haddad]] <[[EMAIL_ADDRESS:rami.haddad@outlook.de]]>\n"
        "Date: Fri, 7 Mar 2025 at 10:15\nTo: <[[EMAIL_ADDRESS:sekretariat@gs-nord.de]]>\n"
        "Subject: Krankmeldung [[PERSON:Samir]]\n\n[[PERSON:Samir]] bleibt heute zu Hause."),
    "forwarded block with quoted lines": (
        "> Von: [[PERSON:Demir, Kaan]] <[[EMAIL_ADDRESS:kaan.demir@gmail.com]]>\n"
        "> An: [[PERSON:Heller, Zoe]] <[[EMAIL_ADDRESS:z.heller@stadt-essen.de]]>\n> Betreff: Termin\n"
        "> Unsere Adresse ist jetzt [[ADDRESS:Gartenweg 4, 45127 Essen]]."),
    "forwarded block: Gesendet and Cc lines": (
        "Von: [[PERSON:Reuter, Paul]]\nGesendet: Mittwoch, 12. Februar 2025 08:45\n"
        "An: Sekretariat GS Am Park\nCc: [[PERSON:Lutz, Finn]]; [[PERSON:Graf, Nele]]\nBetreff: AW: Förderplan"),
    "forwarded block: names with particles": (
        "Von: [[PERSON:von Bülow, Friederike]] <[[EMAIL_ADDRESS:f.vonbuelow@schule-mitte.de]]>\n"
        "An: [[PERSON:van der Berg, Thijs]] <[[EMAIL_ADDRESS:thijs.vdberg@web.de]]>\nBetreff: Hospitation"),
    # vCard
    "vcard with N, FN, TEL, ADR, BDAY": (
        "BEGIN:VCARD\nVERSION:3.0\nN:[[PERSON:Brandt]];[[PERSON:Ole]];;;\nFN:[[PERSON:Ole Brandt]]\n"
        "TEL;TYPE=CELL:[[PHONE_NUMBER:+49 176 30218845]]\nADR;TYPE=HOME:;;[[ADDRESS:Lindenstraße 12]];Leipzig;;04109;Germany\n"
        "BDAY:[[DATE_OF_BIRTH:1987-06-14]]\nEND:VCARD"),
    "vcard 4.0 with lower-case type": (
        "BEGIN:VCARD\nVERSION:4.0\nFN:[[PERSON:Selin Aydın]]\nN:[[PERSON:Aydın]];[[PERSON:Selin]];;;\n"
        "EMAIL;type=work:[[EMAIL_ADDRESS:selin.aydin@kita-regenbogen.de]]\nTEL;type=voice:[[PHONE_NUMBER:0231 7781230]]\nEND:VCARD"),
    "vcard with uri phone": (
        "BEGIN:VCARD\nFN:[[PERSON:Maria Petrova]]\nN:[[PERSON:Petrova]];[[PERSON:Maria]]\n"
        "TEL;VALUE=uri;TYPE=home:tel:[[PHONE_NUMBER:+49-30-44719823]]\nEND:VCARD"),
    "vcard with ORG and a note naming a child": (
        "BEGIN:VCARD\nFN:[[PERSON:Karim Haddad]]\nORG:Förderverein GS Am Park\n"
        "NOTE:Vater von [[PERSON:Lina]] (2b)\nTEL;TYPE=WORK:[[PHONE_NUMBER:0209 169-0]]\nEND:VCARD"),
    "vcard BDAY compact": (
        "BEGIN:VCARD\nN:[[PERSON:Wagner]];[[PERSON:Tim]];;;\nBDAY:[[DATE_OF_BIRTH:2014-11-03]]\n"
        "ADR:;;[[ADDRESS:Hauptstr. 5a]];Gera;;07545;\nEND:VCARD"),
    # iCalendar
    "ics attendee and organizer": (
        "BEGIN:VEVENT\nSUMMARY:Hilfeplangespräch\nORGANIZER;CN=[[PERSON:Anke Richter]]:mailto:[[EMAIL_ADDRESS:a.richter@jugendamt.de]]\n"
        "ATTENDEE;CN=[[PERSON:Jan Kowalski]]:mailto:[[EMAIL_ADDRESS:jan.kowalski@gmx.de]]\nEND:VEVENT"),
    "ics attendee with quoted CN and role": (
        'ATTENDEE;ROLE=REQ-PARTICIPANT;CN="[[PERSON:Schulz, Heike]]":mailto:[[EMAIL_ADDRESS:heike.schulz@schule.nrw.de]]\n'
        'ATTENDEE;PARTSTAT=ACCEPTED;CN="[[PERSON:Ömer Çelik]]":mailto:[[EMAIL_ADDRESS:oemer.celik@web.de]]'),
    "ics description with a child and pupil number": (
        "BEGIN:VEVENT\nDTSTART:20250312T080000\nSUMMARY:Gespräch zu [[PERSON:Emil]] (Schüler-Nr. [[STUDENT_ID:2023-04711]])\n"
        "LOCATION:[[ADDRESS:Schulstraße 8, 33602 Bielefeld]]\nEND:VEVENT"),
    "ics attendee CN upper-case key only": (
        "ATTENDEE;CUTYPE=INDIVIDUAL;CN=[[PERSON:Lukas Berger]];RSVP=TRUE:mailto:[[EMAIL_ADDRESS:lukas.berger@t-online.de]]"),
    "ics organizer and description phone": (
        "ORGANIZER;CN=Dr. [[PERSON:Ines Wolf]]:mailto:[[EMAIL_ADDRESS:ines.wolf@spz-dortmund.de]]\n"
        "DESCRIPTION:Rückruf Mutter [[PHONE_NUMBER:0176-12345678]]"),
    # Markdown tables
    "markdown: name, birth date, pupil number": (
        "| Name | Geburtsdatum | Schüler-Nr. |\n|---|---|---|\n"
        "| [[PERSON:Lea Schmidt]] | [[DATE_OF_BIRTH:05.03.2015]] | [[STUDENT_ID:2023-04711]] |\n"
        "| [[PERSON:Kerem Aksoy]] | [[DATE_OF_BIRTH:17.11.2014]] | [[STUDENT_ID:2023-04712]] |"),
    "markdown: separate name columns": (
        "| Nachname | Vorname | Klasse |\n| :--- | :--- | :---: |\n| [[PERSON:Koch]] | [[PERSON:Ida]] | 3a |\n"
        "| [[PERSON:Fischer]] | [[PERSON:Emre]] | 3a |"),
    "markdown: contact list": (
        "| Funktion | Name | Telefon | E-Mail |\n|---|---|---|---|\n"
        "| Schulleitung | [[PERSON:Birgit Hahn]] | [[PHONE_NUMBER:0341 1234567]] | [[EMAIL_ADDRESS:b.hahn@gs-ost.de]] |\n"
        "| Sozialarbeit | [[PERSON:Tarek Mansour]] | [[PHONE_NUMBER:0341 1234580]] | [[EMAIL_ADDRESS:t.mansour@gs-ost.de]] |"),
    "markdown: address column": (
        "| Kind | Anschrift |\n|---|---|\n| [[PERSON:Noah Keller]] | [[ADDRESS:Birkenweg 7, 04229 Leipzig]] |\n"
        "| [[PERSON:Amira Said]] | [[ADDRESS:Karl-Heine-Str. 52, 04229 Leipzig]] |"),
    "markdown: Kita child numbers": (
        "| Kita-Kind-Nr. | Name | geb. |\n|---|---|---|\n| [[STUDENT_ID:KK-2023-0415]] | [[PERSON:Mila Horn]] | [[DATE_OF_BIRTH:2020-02-11]] |\n"
        "| [[STUDENT_ID:KK-2023-0420]] | [[PERSON:Finn Lutz]] | [[DATE_OF_BIRTH:2020-06-30]] |"),
    # HTML tables
    "html: th header, td rows": (
        "<table><tr><th>Name</th><th>Geburtsdatum</th></tr>\n"
        "<tr><td>[[PERSON:Jonas Krause]]</td><td>[[DATE_OF_BIRTH:03.05.2014]]</td></tr>\n"
        "<tr><td>[[PERSON:Lea Baumann]]</td><td>[[DATE_OF_BIRTH:21.09.2014]]</td></tr></table>"),
    "html: td label, td value": (
        "<tr><td>Schülernummer</td><td>[[STUDENT_ID:SN-88231]]</td></tr>\n"
        "<tr><td>Name</td><td>[[PERSON:Aylin Kaya]]</td></tr>\n<tr><td>Telefon</td><td>[[PHONE_NUMBER:0209 / 86 43 217]]</td></tr>"),
    "html: cells one a line with attributes": (
        '<tr class="row">\n  <td class="name">[[PERSON:Bauer, Nils]]</td>\n  <td>[[EMAIL_ADDRESS:nils.bauer@web.de]]</td>\n'
        '  <td>[[ADDRESS:Am Markt 3, 06108 Halle]]</td>\n</tr>'),
    "html: separate first and last name cells": (
        "<thead><tr><th>Vorname</th><th>Nachname</th><th>Gruppe</th></tr></thead>\n"
        "<tbody><tr><td>[[PERSON:Ole]]</td><td>[[PERSON:Weiß]]</td><td>Igel</td></tr>\n"
        "<tr><td>[[PERSON:Hana]]</td><td>[[PERSON:Novak]]</td><td>Igel</td></tr></tbody>"),
    "html: a paragraph with inline tags": (
        "<p>Mutter: <b>[[PERSON:Svetlana Iwanowa]]</b>, Tel. <span>[[PHONE_NUMBER:0176 44556677]]</span><br>"
        "Anschrift: [[ADDRESS:Ringstraße 14, 44135 Dortmund]]</p>"),
    # XML attributes
    "xml: kind element with attributes": (
        '<kind name="[[PERSON:Lena Vogt]]" geb="[[DATE_OF_BIRTH:2015-04-02]]" snr="[[STUDENT_ID:2022/0764]]"/>\n'
        '<kind name="[[PERSON:Enes Kaya]]" geb="[[DATE_OF_BIRTH:2015-08-19]]" snr="[[STUDENT_ID:2022/0765]]"/>'),
    "xml: separate name attributes": (
        '<schueler vorname="[[PERSON:Mia]]" nachname="[[PERSON:Schneider]]" klasse="4b" '
        'geburtsdatum="[[DATE_OF_BIRTH:12.07.2015]]"/>'),
    "xml: elements with text": (
        "<person>\n  <vorname>[[PERSON:Hamid]]</vorname>\n  <nachname>[[PERSON:Rahimi]]</nachname>\n"
        "  <telefon>[[PHONE_NUMBER:+49 152 28817346]]</telefon>\n  <email>[[EMAIL_ADDRESS:h.rahimi@posteo.de]]</email>\n</person>"),
    "xml: contact with address attributes": (
        '<kontakt typ="mutter" name="[[PERSON:Dana Ott]]" strasse="[[ADDRESS:Weinbergweg 22]]" plz="06120" '
        'tel="[[PHONE_NUMBER:0345 5512345]]"/>'),
    "xml: english attribute names": (
        '<student id="[[STUDENT_ID:SID-204471]]" firstName="[[PERSON:Leon]]" lastName="[[PERSON:Braun]]" '
        'dob="[[DATE_OF_BIRTH:2013-01-25]]"/>'),
    # YAML lists
    "yaml: list of children": (
        "kinder:\n  - name: [[PERSON:Ella Roth]]\n    geburtsdatum: [[DATE_OF_BIRTH:2019-05-12]]\n"
        "    gruppe: Igel\n  - name: [[PERSON:Tom Berger]]\n    geburtsdatum: [[DATE_OF_BIRTH:2019-08-01]]\n    gruppe: Igel"),
    "yaml: quoted values and contacts": (
        'kontakte:\n  - vorname: "[[PERSON:Derya]]"\n    nachname: "[[PERSON:Öztürk]]"\n'
        '    telefon: "[[PHONE_NUMBER:0231 50-27741]]"\n    email: "[[EMAIL_ADDRESS:derya.oeztuerk@web.de]]"'),
    "yaml: pupil numbers under snr": (
        "- snr: [[STUDENT_ID:24-0311]]\n  name: [[PERSON:Jana Pohl]]\n- snr: [[STUDENT_ID:24-0312]]\n  name: [[PERSON:Milan Horvat]]"),
    "yaml: address and iban": (
        "antragsteller:\n  name: [[PERSON:Schulte, Birgit]]\n  anschrift: [[ADDRESS:Feldstraße 9, 45657 Recklinghausen]]\n"
        "  iban: [[IBAN_CODE:DE89 3704 0044 0532 0130 00]]"),
    "yaml: english keys": (
        "students:\n  - first_name: [[PERSON:Amelie]]\n    last_name: [[PERSON:Frank]]\n    dob: [[DATE_OF_BIRTH:2012-09-09]]\n"
        "    student_id: [[STUDENT_ID:GY-2019-0447]]"),
    # JSON arrays
    "json: vorname, nachname, gebdat, snr": (
        '[{"vorname": "[[PERSON:Lina]]", "nachname": "[[PERSON:Hofmann]]", "gebdat": "[[DATE_OF_BIRTH:07.03.2014]]", '
        '"snr": "[[STUDENT_ID:2020-0417]]"}, {"vorname": "[[PERSON:Ben]]", "nachname": "[[PERSON:Ott]]", '
        '"gebdat": "[[DATE_OF_BIRTH:11.10.2014]]", "snr": "[[STUDENT_ID:2020-0418]]"}]'),
    "json: english keys, dob, tel, mobil": (
        '[\n  {"firstName": "[[PERSON:Noah]]", "lastName": "[[PERSON:Klein]]", "dob": "[[DATE_OF_BIRTH:2016-02-29]]",\n'
        '   "tel": "[[PHONE_NUMBER:030 6914427]]", "mobil": "[[PHONE_NUMBER:0157 82290641]]"}\n]'),
    "json: schueler_id and name": (
        '{"schueler": [{"schueler_id": "[[STUDENT_ID:4711-2023-B]]", "name": "[[PERSON:Sara Lehmann]]"}, '
        '{"schueler_id": "[[STUDENT_ID:4712-2023-B]]", "name": "[[PERSON:Ali Demir]]"}]}'),
    "json: one key a line": (
        '{\n  "nachname": "[[PERSON:Wolf]]",\n  "vorname": "[[PERSON:Hanna]]",\n  "geburtsdatum": "[[DATE_OF_BIRTH:2015-06-01]]",\n'
        '  "strasse": "[[ADDRESS:Ahornweg 3]]",\n  "email": "[[EMAIL_ADDRESS:hanna.wolf@icloud.com]]"\n}'),
    "json: iban and tax id": (
        '{"kontoinhaber": "[[PERSON:Marek Nowak]]", "iban": "[[IBAN_CODE:DE02120300000000202051]]", '
        '"steuer_id": "[[DE_TAX_ID:70453767814]]"}'),
    # fixed width and TSV with capital headers
    "fixed width: NACHNAME VORNAME GEBDAT": (
        "NACHNAME    VORNAME   GEBDAT      KLASSE\n[[PERSON:Krüger]]      [[PERSON:Paul]]      [[DATE_OF_BIRTH:04.02.2013]]  6b\n"
        "[[PERSON:Yıldız]]      [[PERSON:Elif]]      [[DATE_OF_BIRTH:19.12.2012]]  6b"),
    "TSV: capital headers": (
        "SNR\tNAME\tGEBURTSDATUM\tTELEFON\n[[STUDENT_ID:20-1183]]\t[[PERSON:Nils Bauer]]\t[[DATE_OF_BIRTH:2013-04-05]]\t[[PHONE_NUMBER:0351 4412233]]\n"
        "[[STUDENT_ID:20-1190]]\t[[PERSON:Pia Kunz]]\t[[DATE_OF_BIRTH:2013-07-15]]\t[[PHONE_NUMBER:0351 4412299]]"),
    "TSV: surname, first name in one column": (
        "NAME\tKLASSE\tSCHUELER_ID\n[[PERSON:AHMADI, ZAHRA]]\t5c\t[[STUDENT_ID:SID-204479]]\n"
        "[[PERSON:MÜLLER, JAN]]\t5c\t[[STUDENT_ID:SID-204480]]"),
    "fixed width: address and phone": (
        "NAME              STRASSE               TEL\n[[PERSON:Ute Koch]]          [[ADDRESS:Lindenallee 4]]         [[PHONE_NUMBER:0521 123456]]\n"
        "[[PERSON:Omar Saleh]]        [[ADDRESS:Bahnhofstr. 11]]        [[PHONE_NUMBER:0521 654321]]"),
    "fixed width: GEB.DATUM and SCHUELERNR": (
        "SCHUELERNR  NACHNAME   VORNAME  GEB.DATUM\n[[STUDENT_ID:00912345]]    [[PERSON:Becker]]     [[PERSON:Lara]]     [[DATE_OF_BIRTH:01.01.2014]]\n"
        "[[STUDENT_ID:00912346]]    [[PERSON:Şahin]]      [[PERSON:Can]]      [[DATE_OF_BIRTH:30.06.2014]]"),
    # mail merge and LaTeX
    "mail merge filled next to field remnants": (
        "«Anrede» «Vorname» «Nachname»\n«Strasse»\n\nSehr geehrte Frau [[PERSON:Kaya]],\n"
        "Ihr Sohn [[PERSON:Deniz]] ist zum Schuljahr 2025/26 angemeldet."),
    "mail merge: fields filled in the letter head": (
        "Frau\n[[PERSON:Anja Wolf]]\n[[ADDRESS:Lindenstraße 12]]\n04109 Leipzig\n\nSehr geehrte Frau [[PERSON:Wolf]],"),
    "latex: name and birth date in macros": (
        "\\newcommand{\\kind}{[[PERSON:Mila Hoffmann]]}\n\\textbf{Geburtsdatum:} [[DATE_OF_BIRTH:03.05.2019]] \\\\\n"
        "\\textbf{Anschrift:} [[ADDRESS:Am Bruchgraben 3a, 45886 Gelsenkirchen]] \\\\"),
    "latex: tabular row": (
        "\\begin{tabular}{lll}\nName & Geburtsdatum & Schüler-Nr. \\\\\n\\hline\n"
        "[[PERSON:Lukas Meier]] & [[DATE_OF_BIRTH:14.02.2014]] & [[STUDENT_ID:2021-0877]] \\\\\n\\end{tabular}"),
    "mail merge: MERGEFIELD remnants and a filled name": (
        "{ MERGEFIELD Vorname } { MERGEFIELD Nachname }\nLiebe Familie [[PERSON:Petrović]],\n"
        "Ihr Kind [[PERSON:Luka]] (geb. [[DATE_OF_BIRTH:02.09.2018]]) erhält einen Platz."),
    # OCR-like text
    "ocr: label broken by a hyphen": (
        "Name: [[PERSON:Tim Wagner]]\nGeburts-\ndatum: [[DATE_OF_BIRTH:03.11.2014]]"),
    "ocr: address over two lines": (
        "Anschrift:\n[[ADDRESS:Lindenstraße 12]]\n04109 Leipzig\nTel.: [[PHONE_NUMBER:0341 1234567]]"),
    "ocr: no space after the label": (
        "geb.am[[DATE_OF_BIRTH:03.05.2015]] in Halle\nwohnhaft[[ADDRESS:Feldweg 2, 06110 Halle]]"),
    "ocr: spaces inside the number": (
        "Telefon: [[PHONE_NUMBER:0341 / 12 34 56 7]]\nSchüler-Nr.: [[STUDENT_ID:2023-04711]]"),
    "ocr: pipe characters and a name": (
        "| Name: [[PERSON:Fatima Al-Khatib]] | geb. [[DATE_OF_BIRTH:12.12.2012]] |\n| Klasse 7a |"),
    # SEPA mandates and invoices
    "sepa mandate": (
        "SEPA-Lastschriftmandat\nGläubiger-Identifikationsnummer: DE98ZZZ00001234567\nMandatsreferenz: MG-2025-0117\n"
        "Kontoinhaber: [[PERSON:Schmidt, Lea]]\nIBAN: [[IBAN_CODE:DE89 3704 0044 0532 0130 00]]\nBIC: COBADEFFXXX"),
    "sepa mandate: address of the payer": (
        "Name des Zahlungspflichtigen: [[PERSON:Jan Kowalski]]\nAnschrift: [[ADDRESS:Bergstraße 17, 01069 Dresden]]\n"
        "IBAN: [[IBAN_CODE:DE02120300000000202051]]\nOrt, Datum: Dresden, 03.03.2025"),
    "invoice: Förderverein account": (
        "Rechnung Nr. 2025-014\nBitte überweisen Sie 35,00 € bis 31.03.2025 auf das Konto des Fördervereins\n"
        "IBAN [[IBAN_CODE:DE44 5001 0517 5407 3249 31]], Verwendungszweck: Mensa [[PERSON:Noah Keller]] 3b"),
    "invoice: payer lines": (
        "Rechnungsempfänger:\nFamilie [[PERSON:Öztürk]]\n[[ADDRESS:Hafenstraße 5, 28217 Bremen]]\n"
        "Kassenzeichen 5.0123.456789.1"),
    "sepa: IBAN on its own line under the label": (
        "Kontoinhaberin\n[[PERSON:Ingrid Scholz]]\nIBAN\n[[IBAN_CODE:DE12 5001 0517 0648 4898 90]]"),
    # label line, value line
    "form: label lines": (
        "Name des Kindes\n[[PERSON:Emilia Brandt]]\nGeburtsdatum\n[[DATE_OF_BIRTH:05.03.2015]]\nSchülernummer\n[[STUDENT_ID:2023-04711]]"),
    "form: label lines with colons": (
        "Vorname:\n[[PERSON:Yusuf]]\nNachname:\n[[PERSON:Arslan]]\nTelefon:\n[[PHONE_NUMBER:0201 88-40123]]"),
    "form: address and mail under labels": (
        "Straße und Hausnummer\n[[ADDRESS:Kirchplatz 2]]\nPLZ / Ort\n48143 Münster\nE-Mail\n[[EMAIL_ADDRESS:m.arslan@muenster.de]]"),
    "form: guardian block": (
        "Erziehungsberechtigte/r\n[[PERSON:Hatice Yıldırım]]\nMobil\n[[PHONE_NUMBER:+49 (0)170 1234509]]"),
    "form: tax id under its label": (
        "Steuerliche Identifikationsnummer des Kindes\n[[DE_TAX_ID:57 843 122 691]]\nName des Kindes\n[[PERSON:Leni Haas]]"),
    # short birth years
    "geb. with a two-digit year": "[[PERSON:Jonas Weber]], geb. [[DATE_OF_BIRTH:03.05.15]], Klasse 4a",
    "geb. am with a two-digit year": "Kind: [[PERSON:Mira Haas]] (geb. am [[DATE_OF_BIRTH:1.9.16]])",
    "Geburtsdatum with a two-digit year": "Geburtsdatum: [[DATE_OF_BIRTH:24.12.14]]\nName: [[PERSON:Paulina Lis]]",
    "star with a two-digit year": "[[PERSON:Lotta Kühn]] (* [[DATE_OF_BIRTH:07.07.18]])",
    "geb. two-digit year in a list": (
        "1. [[PERSON:Ahmed Rahimi]], geb. [[DATE_OF_BIRTH:11.02.13]]\n2. [[PERSON:Sina Fuchs]], geb. [[DATE_OF_BIRTH:30.04.13]]"),
    # phone numbers
    "phone with a dash extension": "Zentrale [[PHONE_NUMBER:0209 169-0]], Durchwahl [[PHONE_NUMBER:0209 169-4417]]",
    "phone international forms": (
        "Vater in Kiew: [[PHONE_NUMBER:+380 67 123 4589]], Tante in Wien: [[PHONE_NUMBER:+43 1 4000 8011]]"),
    "phone Swiss and with 00": "Großmutter [[PHONE_NUMBER:+41 44 123 45 67]] oder [[PHONE_NUMBER:0049 176 30218845]]",
    "phone with brackets and slash": "Tel. [[PHONE_NUMBER:+49 (0) 341 / 123 45-67]], Fax [[PHONE_NUMBER:(0341) 123 45-99]]",
    "phone with dots": "Mobil: [[PHONE_NUMBER:0151.23456789]]\nFestnetz: [[PHONE_NUMBER:030.44719823]]",
    # pupil numbers under many labels
    "pupil number: Schülernr.": "Schülernr. [[STUDENT_ID:2024.0147]] – [[PERSON:Levi Graf]]",
    "pupil number: Schüler-ID": "Schüler-ID: [[STUDENT_ID:SID-204471]]\nSchülerID [[STUDENT_ID:SID-204472]]",
    "pupil number: Schülerakte Nr.": "Schülerakte Nr. [[STUDENT_ID:GY-2019-0447]] liegt im Sekretariat.",
    "pupil number: Kita-Kind-Nr.": "Kita-Kind-Nr.: [[STUDENT_ID:KK-2023-0415]], Gruppe Bären",
    "pupil number: Schülernummer with blank": "Schülernummer [[STUDENT_ID:SN 88231]] (bitte angeben)",
    # c/o
    "c/o line with family": "[[PERSON:Lea Schmidt]]\nc/o Familie [[PERSON:Brandt]]\n[[ADDRESS:Gartenweg 4]]\n45127 Essen",
    "c/o inline": "zu erreichen c/o [[PERSON:Renate Kleinschmidt]], [[ADDRESS:Kurze Str. 3, 39104 Magdeburg]]",
    "c/o Jugendhilfeeinrichtung": "[[PERSON:Nico Brandl]]\nc/o Wohngruppe Lindenhof\n[[ADDRESS:Lindenhofweg 12-14, 90431 Nürnberg]]",
    "c/o with Herrn": "c/o Herrn [[PERSON:Mehmet Yıldız]]\n[[ADDRESS:Schillerstraße 40a, 70173 Stuttgart]]",
    "c/o after the street": "[[ADDRESS:Hauptstraße 101]] c/o [[PERSON:Weber]], 55116 Mainz",
    # second batch: word surnames, institutions under name keys, vCard parameters, merge fields
    'more: hdr word surnames': 'An: [[PERSON:Koch, Ute]] <[[EMAIL_ADDRESS:u.koch@schule.de]]>; [[PERSON:Fischer, Paul]] <[[EMAIL_ADDRESS:p.fischer@schule.de]]>\nCc: [[PERSON:Wolf, Hanna]]',
    'more: hdr Gesendet von': 'Gesendet von: [[PERSON:Hahn, Birgit]] <[[EMAIL_ADDRESS:birgit.hahn@kita-ost.de]]>\nIm Auftrag von: [[PERSON:Becker, Jens]]',
    'more: hdr single quotes': "An: '[[PERSON:Bäcker, Sven]]' <[[EMAIL_ADDRESS:sven.baecker@web.de]]>",
    'more: hdr org mailbox': 'Von: Sekretariat GS Nord <[[EMAIL_ADDRESS:sekretariat@gs-nord.de]]>\nAn: Bildungsbüro <[[EMAIL_ADDRESS:bildungsbuero@stadt.de]]>',
    'more: hdr with school in parens': 'Von: [[PERSON:Schulz, Heike]] (GS Am Park) <[[EMAIL_ADDRESS:heike.schulz@gs-park.de]]>',
    'more: vcard word surname': 'BEGIN:VCARD\nN:[[PERSON:Koch]];[[PERSON:Ute]];;Dr.;\nFN:Dr. [[PERSON:Ute Koch]]\nTEL;TYPE=work,voice:[[PHONE_NUMBER:0341 123-45]]\nEND:VCARD',
    'more: vcard bday compact': 'BEGIN:VCARD\nFN:[[PERSON:Lio Stein]]\nBDAY:[[DATE_OF_BIRTH:20150305]]\nEND:VCARD',
    'more: vcard bday value date': 'BEGIN:VCARD\nFN:[[PERSON:Lio Stein]]\nBDAY;VALUE=date:[[DATE_OF_BIRTH:2015-03-05]]\nEND:VCARD',
    'more: vcard postfach': 'BEGIN:VCARD\nFN:Jugendamt Essen\nADR;TYPE=work:;;Postfach 10 12 63;Essen;;45012;Germany\nEND:VCARD',
    'more: vcard adr with street': 'ADR;TYPE=home:;;[[ADDRESS:Am Bruchgraben 3a]];Gelsenkirchen;;45886;',
    'more: ics no CN': 'ORGANIZER:mailto:[[EMAIL_ADDRESS:bildungsbuero@kreis-unna.de]]\nSUMMARY:Netzwerktreffen',
    'more: ics description literal newline': 'DESCRIPTION:Mutter: [[PERSON:Ute Koch]]\\nTel: [[PHONE_NUMBER:0341 1234567]]\\nKind: [[PERSON:Ben]]',
    'more: ics summary surname': 'SUMMARY:Elterngespräch Fam. [[PERSON:Koch]]\nLOCATION:Raum 2.04',
    'more: md word surnames': '| Nachname | Vorname |\n|---|---|\n| [[PERSON:Koch]] | [[PERSON:Ida]] |\n| [[PERSON:Bäcker]] | [[PERSON:Tom]] |\n| [[PERSON:Wolf]] | [[PERSON:Mia]] |',
    'more: html word surnames': '<table>\n<tr><th>Nachname</th><th>Vorname</th></tr>\n<tr><td>[[PERSON:Koch]]</td><td>[[PERSON:Ida]]</td></tr>\n<tr><td>[[PERSON:Fischer]]</td><td>[[PERSON:Tom]]</td></tr>\n</table>',
    'more: html geb-datum header': '<tr><th>Kind</th><th>Geb.-Datum</th><th>Tel.</th></tr><tr><td>[[PERSON:Ida Roth]]</td><td>[[DATE_OF_BIRTH:2016-04-03]]</td><td>[[PHONE_NUMBER:0341 998877]]</td></tr>',
    'more: html dl': '<dl><dt>Name</dt><dd>[[PERSON:Lea Schmidt]]</dd><dt>Geburtsdatum</dt><dd>[[DATE_OF_BIRTH:05.03.2015]]</dd><dt>Schülernummer</dt><dd>[[STUDENT_ID:2023-04711]]</dd></dl>',
    'more: html input value': '<input name="vorname" value="[[PERSON:Lea]]"><input name="nachname" value="[[PERSON:Koch]]"><input name="geburtsdatum" value="[[DATE_OF_BIRTH:2015-03-05]]">',
    'more: html label span': '<label>Geburtsdatum</label> <span>[[DATE_OF_BIRTH:05.03.2015]]</span><br><label>Telefon</label> <span>[[PHONE_NUMBER:0341 1234567]]</span>',
    'more: html li': '<ul><li>Name: [[PERSON:Lea Schmidt]]</li><li>geb. [[DATE_OF_BIRTH:05.03.2015]]</li><li>E-Mail: [[EMAIL_ADDRESS:lea@web.de]]</li></ul>',
    'more: xml element dob': '<Kind>\n<Vorname>[[PERSON:Ida]]</Vorname>\n<Nachname>[[PERSON:Koch]]</Nachname>\n<Geburtsdatum>[[DATE_OF_BIRTH:2016-04-03]]</Geburtsdatum>\n<Schuelernummer>[[STUDENT_ID:2023-04711]]</Schuelernummer>\n</Kind>',
    'more: xml short year attr': '<kind name="[[PERSON:Ida Roth]]" geb="[[DATE_OF_BIRTH:03.04.16]]"/>',
    'more: xml telefon element': '<Telefon typ="mobil">[[PHONE_NUMBER:0176 12345678]]</Telefon><Email>[[EMAIL_ADDRESS:ida@roth.de]]</Email>',
    'more: xml word surname attr': '<person vorname="[[PERSON:Peter]]" nachname="[[PERSON:Wolf]]"/>',
    'more: yaml word surname': '- nachname: [[PERSON:Koch]]\n  vorname: [[PERSON:Ute]]\n  geb: [[DATE_OF_BIRTH:1984-08-21]]\n  telefon: [[PHONE_NUMBER:+49 341 1234567]]',
    'more: yaml schuelernummer': 'schülernummer: [[STUDENT_ID:2023-04711]]\nschueler_nr: [[STUDENT_ID:2023-04712]]',
    'more: yaml vater': 'vater: [[PERSON:Koch, Peter]]\nmutter: [[PERSON:Koch, Ute]]',
    'more: json word surnames': '{"name": "[[PERSON:Koch, Ute]]", "nachname": "[[PERSON:Fischer]]", "geb": "[[DATE_OF_BIRTH:2015-03-05]]", "mobil": "[[PHONE_NUMBER:+49 176 12345678]]", "tel": "[[PHONE_NUMBER:0341/123456]]"}',
    'more: json numeric ids': '[{"schueler_id": [[STUDENT_ID:471123]], "name": "[[PERSON:Ida Roth]]"}, {"snr": [[STUDENT_ID:20231234]], "name": "[[PERSON:Tom Roth]]"}]',
    'more: json english': '{"first_name": "[[PERSON:Mia]]", "last_name": "[[PERSON:Wolf]]", "date_of_birth": "[[DATE_OF_BIRTH:2014-06-06]]", "phone": "[[PHONE_NUMBER:+49 30 1234567]]", "student_id": "[[STUDENT_ID:S-2020-114]]"}',
    'more: caps semicolon': 'NAME;VORNAME;GEB_DATUM;SCHÜLER-NR\n[[PERSON:KOCH]];[[PERSON:IDA]];[[DATE_OF_BIRTH:03.04.16]];[[STUDENT_ID:16-0311]]\n[[PERSON:WOLF]];[[PERSON:MIA]];[[DATE_OF_BIRTH:11.11.15]];[[STUDENT_ID:16-0312]]',
    'more: caps tsv telefon': 'NACHNAME\tTELEFON\tEMAIL\n[[PERSON:Bäcker]]\t[[PHONE_NUMBER:0341 12345-0]]\t[[EMAIL_ADDRESS:b@x.de]]\n[[PERSON:Koch]]\t[[PHONE_NUMBER:0341 12345-7]]\t[[EMAIL_ADDRESS:k@x.de]]',
    'more: label lines 2': 'Geburtsdatum des Kindes\n[[DATE_OF_BIRTH:05.03.2015]]\nStraße, Hausnummer\n[[ADDRESS:Lindenstraße 12]]\nPLZ, Ort\n04109 Leipzig',
    'more: label lines word surname': 'Familienname\n[[PERSON:Koch]]\nVorname(n)\n[[PERSON:Ida Marie]]',
    'more: phones 1': 'Tel.: [[PHONE_NUMBER:0341/123 45 - 6]] oder [[PHONE_NUMBER:+49-341-1234567]] oder [[PHONE_NUMBER:0800 1110111]]',
    'more: phones intl': '[[PHONE_NUMBER:+90 532 123 45 67]], [[PHONE_NUMBER:+7 495 123-45-67]], [[PHONE_NUMBER:+48 12 345 67 89]], [[PHONE_NUMBER:+963 11 234 5678]]',
    'more: phone durchwahl': 'Tel. [[PHONE_NUMBER:+49 341 1234567]] (Durchwahl 23)',
    'more: pupil labels': 'Schüler-Nummer: [[STUDENT_ID:2023-04711]]; Schüler Nr. [[STUDENT_ID:SN-88231]]; Schülernr: [[STUDENT_ID:24-0311]]; Student ID: [[STUDENT_ID:SID-204471]]',
    'more: address forms': 'Straße/Hausnr.: [[ADDRESS:Lindenstraße 12]]\nwohnt [[ADDRESS:Am Bruchgraben 3 a]], [[ADDRESS:Hauptstr.12]]',
    'more: merge neg': 'Liebe/r «Vorname»,\nwir laden «Anrede» «Nachname» ein.',
    'more: sepa 2': 'Zahlungsempfänger: Förderverein GS Nord e.V.\nIBAN: [[IBAN_CODE:DE44 5001 0517 5407 3249 31]]\nKontoinhaber (falls abweichend): [[PERSON:Koch, Peter]]\nUSt-IdNr.: DE 811 234 567',
    'more: yaml institution names': 'einrichtungen:\n  - name: Kita Sonnenschein\n    plaetze: 85\n  - name: Grundschule Am Park\n    plaetze: 240\n  - name: Rose-Ausländer-Schule',
    'more: json institution': '[{"name": "Geschwister-Scholl-Gymnasium", "schulnummer": "164523"}, {"name": "Kita Pumuckl", "traeger": "AWO"}]',
    'more: vcard institution': 'BEGIN:VCARD\nFN:Jugendamt Essen\nORG:Stadt Essen\nTEL;TYPE=work:[[PHONE_NUMBER:0201 88-51234]]\nEMAIL:[[EMAIL_ADDRESS:jugendamt@essen.de]]\nEND:VCARD',
    'more: xml institution': '<einrichtung name="Bildungsbüro Kreis Unna" strasse="[[ADDRESS:Friedrich-Ebert-Str. 17]]" plz="59425"/>',
    'more: md institutions': '| Name | Stadtteil | Plätze |\n|---|---|---|\n| Kita Max und Moritz | Nord | 60 |\n| Fröbel-Kindergarten | Süd | 45 |\n| Dietrich-Bonhoeffer-Heim | Mitte | 20 |',
    'more: html institutions': '<table><tr><th>Name</th><th>Träger</th></tr><tr><td>Kita St. Martin</td><td>Caritas</td></tr><tr><td>Carl-von-Ossietzky-Gymnasium</td><td>Stadt</td></tr></table>',
    'more: html header words': '<tr><th>Merkmal</th><th>Wert</th></tr><tr><td>Anzahl Kinder</td><td>412</td></tr><tr><td>Quote</td><td>93 %</td></tr>',
    'more: ocr broken': 'Antragsteller: [[PERSON:Koch, Peter]]\nAnschrift: [[ADDRESS:Lindenstraße 12]]\n04109 Leipzig\nGeb.-Datum\n[[DATE_OF_BIRTH:05.03.1980]]',
    'more: ocr Feld Wert with tabs': 'Name:\t\t[[PERSON:Ida Roth]]\nGeburtsdatum:\t[[DATE_OF_BIRTH:03.04.2016]]\nSchüler-ID:\t[[STUDENT_ID:SID-204471]]',
    'more: sepa full': 'SEPA-Basislastschrift-Mandat\nZahlungsempfänger: Stadt Leipzig, Amt für Jugend und Familie, [[ADDRESS:Naumburger Str. 26, 04229 Leipzig]]\nGläubiger-ID: DE12ZZZ00000012345\nMandatsreferenz: KITA-2025-00417\nKontoinhaber/in: [[PERSON:Jelena Petrović]]\nStraße, Hausnr.: [[ADDRESS:Karl-Heine-Str. 52]]\nPLZ, Ort: 04229 Leipzig\nIBAN: [[IBAN_CODE:DE89 3704 0044 0532 0130 00]]\nBIC: COBADEFFXXX\nKreditinstitut: Commerzbank',
    'more: invoice 2': 'Rechnung an: Herrn [[PERSON:Marek Nowak]], [[ADDRESS:Bergstraße 17, 01069 Dresden]]\nLeistung: Mittagessen 03/2025 für [[PERSON:Zofia]] (Schüler-Nr. [[STUDENT_ID:2022/0764]])\nBetrag: 58,40 €\nKassenzeichen: 5.0123.456789.1',
    'more: pupil list numbers': 'Schülernummern der Klasse 5b:\n[[STUDENT_ID:2024-0113]] [[PERSON:Nele Graf]]\n[[STUDENT_ID:2024-0114]] [[PERSON:Ben Ott]]',
    'more: pupil with az': 'Az. 40.3-SchPfl-2024/017, Schüler-Nr. [[STUDENT_ID:2021-0877]] ([[PERSON:Lukas Meier]])',
    'more: schulnummer neg': 'Schulnummer 164523, Schüler: [[PERSON:Lukas Meier]], Schülernummer [[STUDENT_ID:00912345]]',
    'more: c/o plain': 'An\n[[PERSON:Ida Roth]]\nc/o Jugendhilfe Lindenhof gGmbH\n[[ADDRESS:Lindenhofweg 12, 90431 Nürnberg]]',
    'more: postfach mixed': 'Jugendamt, Postfach 10 05 21, 04005 Leipzig; Besucher: [[ADDRESS:Naumburger Str. 26, 04229 Leipzig]]',
    'more: phone ext text': 'Zentrale: [[PHONE_NUMBER:0231 50-0]], Sachbearbeitung: [[PHONE_NUMBER:0231 50-27741]], Fax: [[PHONE_NUMBER:0231 50-27799]]',
    'more: phone ext app': 'Telefon [[PHONE_NUMBER:0521 51-2345]] App. 12',
    'more: email header full': "Von: [[PERSON:Tarek Mansour]] [mailto:[[EMAIL_ADDRESS:t.mansour@gs-ost.de]]]\nGesendet: Freitag, 7. März 2025 11:02\nAn: '[[PERSON:Anke Richter]]'\nBetreff: AW: Schulbegleitung [[PERSON:Emil]]",
    'more: outlook signature': 'Mit freundlichen Grüßen\n\n[[PERSON:Birgit Hahn]]\nSchulleiterin\nGrundschule Am Park\n[[ADDRESS:Parkweg 1, 33602 Bielefeld]]\nTel.: [[PHONE_NUMBER:0521 51-6677]] | Fax: [[PHONE_NUMBER:0521 51-6678]]\n[[EMAIL_ADDRESS:gs-am-park@bielefeld.de]]\nwww.gs-am-park.de',
    'more: latex letter': '\\begin{letter}{Familie [[PERSON:Koch]]\\\\ [[ADDRESS:Lindenstraße 12]]\\\\ 04109 Leipzig}\n\\opening{Sehr geehrte Frau [[PERSON:Koch]],}',
    'more: latex merge': '\\Anrede{} \\Nachname{},\\\\ Ihr Kind \\Vorname{} wurde aufgenommen.',
    'more: word merge filled': 'Sehr geehrte Frau «[[PERSON:Kaya]]»,\nIhr Sohn «[[PERSON:Ben]]» (geb. «[[DATE_OF_BIRTH:03.05.2015]]»)',
    'more: tsv export lowercase header caps data': 'NR\tNAME\tGEB\tPLZ\n1\t[[PERSON:KOCH, IDA]]\t[[DATE_OF_BIRTH:03.04.2016]]\t04109\n2\t[[PERSON:WOLF, MIA]]\t[[DATE_OF_BIRTH:11.11.2015]]\t04229',
    'more: fixed width DOB 2digit': 'NAME             GEB.     KL\n[[PERSON:Ida Roth]]         [[DATE_OF_BIRTH:03.04.16]] 1a\n[[PERSON:Tom Wolf]]         [[DATE_OF_BIRTH:11.11.15]] 1a',
    'more: short years': 'geb. [[DATE_OF_BIRTH:3.5.15]]; [[PERSON:Ida]] * [[DATE_OF_BIRTH:03.05.15]]',
    # third batch: markup tables by their header, label lines that hold no name
    'more: label line with word surname 2': 'Nachname\n[[PERSON:Fischer]]\nVorname\n[[PERSON:Lotta]]',
    'more: label line mother': 'Name der Mutter\n[[PERSON:Ayşe Demir]]\nTelefon\n[[PHONE_NUMBER:0176 55443322]]',
    'more: latex names': '\\begin{tabular}{ll}\nNachname & Vorname \\\\\n\\hline\n[[PERSON:Koch]] & [[PERSON:Ida]] \\\\\n[[PERSON:Wolf]] & [[PERSON:Mia]] \\\\\n\\end{tabular}',
    'more: html dates not birth': '<tr><th>Name</th><th>Eintritt</th></tr><tr><td>[[PERSON:Ida Roth]]</td><td>01.08.2022</td></tr><tr><td>[[PERSON:Tom Wolf]]</td><td>01.08.2023</td></tr>',
    'more: html ids under Schüler-ID': '<tr><th>Schüler-ID</th><th>Name</th></tr><tr><td>[[STUDENT_ID:204471]]</td><td>[[PERSON:Ida Roth]]</td></tr><tr><td>[[STUDENT_ID:204472]]</td><td>[[PERSON:Tom Wolf]]</td></tr>',
    'more: html Raum column neg': '<tr><th>Raum</th><th>Lehrkraft</th></tr><tr><td>2.04</td><td>[[PERSON:Koch]]</td></tr><tr><td>1.12</td><td>[[PERSON:Wolf]]</td></tr>',
    'more: label line neg 2': 'Name\nUnterschrift\nDatum',
    'more: label line neg 3': 'Vorname\nNachname\nGeburtsdatum\nKlasse',
    'more: label line neg 4': 'Name:\n__________________\nGeburtsdatum:\n____________',
    'more: label line neg 5': 'Name des Kindes\nbitte in Druckbuchstaben',
    'more: yaml neg keys': 'name: Jahresbericht 2024\nversion: 3\nkind: Report',
    'more: xml element neg': '<name>Schulentwicklungsplanung 2025</name>\n<vorname></vorname>',
    'more: input neg': '<input name="vorname" value="">\n<input name="nachname" placeholder="Nachname">',
    'more: html neg table with Name header': '<table><tr><th>Name</th><th>Wert</th></tr><tr><td>Übergangsquote</td><td>41 %</td></tr><tr><td>Abschlussquote</td><td>88 %</td></tr></table>',
    'more: latex neg': '\\begin{tabular}{ll}\nIndikator & Wert \\\\\n\\hline\nQuote & 93,1 \\\\\nAnzahl & 412 \\\\\n\\end{tabular}',
    'more: ocr hyphen neg': 'Geburts-\ntagsfeier am 14.02.2025',
    'more: label line neg 1': 'Name\nKita Sonnenschein\nAnschrift\n[[ADDRESS:Schulweg 3]]',
    # fourth batch: label lines of printed forms, exports with English capital headers, IBAN, tax ids
    'more: iban in table': '| Kontoinhaber | IBAN |\n|---|---|\n| [[PERSON:Ute Koch]] | [[IBAN_CODE:DE89370400440532013000]] |\n| [[PERSON:Jan Wolf]] | [[IBAN_CODE:DE02 1203 0000 0000 2020 51]] |',
    'more: iban json': '{"iban": "[[IBAN_CODE:DE44500105175407324931]]", "bic": "INGDDEFFXXX", "inhaber": "[[PERSON:Ute Koch]]"}',
    'more: iban xml': '<Zahlung><IBAN>[[IBAN_CODE:DE12500105170648489890]]</IBAN><BIC>INGDDEFFXXX</BIC></Zahlung>',
    'more: iban austrian': 'IBAN: [[IBAN_CODE:AT61 1904 3002 3457 3201]]',
    'more: tax id in yaml': 'kind:\n  name: [[PERSON:Leni Haas]]\n  steuer_id: [[DE_TAX_ID:57843122691]]',
    'more: tax id html': '<tr><td>Steuer-ID</td><td>[[DE_TAX_ID:57 843 122 691]]</td></tr>',
    'more: tax id json': '{"idnr": "[[DE_TAX_ID:12345678911]]", "name": "[[PERSON:Ida Roth]]"}',
    'more: tax id tsv': 'NAME\tSTEUER-ID\n[[PERSON:Ida Roth]]\t[[DE_TAX_ID:12345678911]]\n[[PERSON:Tom Wolf]]\t[[DE_TAX_ID:57843122691]]',
    'more: email mailto html': '<a href="mailto:[[EMAIL_ADDRESS:lea.schmidt@web.de]]">[[EMAIL_ADDRESS:lea.schmidt@web.de]]</a>',
    'more: email angle only': 'An: <[[EMAIL_ADDRESS:info@kita-regenbogen.de]]>',
    'more: email caps': 'E-MAIL: [[EMAIL_ADDRESS:IDA.ROTH@WEB.DE]]',
    'more: phone table': '<tr><th>Telefon</th><th>Mobil</th></tr><tr><td>[[PHONE_NUMBER:0341 1234567]]</td><td>[[PHONE_NUMBER:0176 12345678]]</td></tr>',
    'more: phone json no blanks': '{"tel": "[[PHONE_NUMBER:03411234567]]", "mobil": "[[PHONE_NUMBER:+4917612345678]]"}',
    'more: phone yaml': 'telefon: [[PHONE_NUMBER:0341 / 12 34 56]]\nmobil: [[PHONE_NUMBER:0152-28817346]]',
    'more: phone vcard uri': 'TEL;TYPE=cell:tel:[[PHONE_NUMBER:+491522881734]]',
    'more: address yaml multi': 'adresse:\n  strasse: [[ADDRESS:Lindenstraße 12]]\n  plz: 04109\n  ort: Leipzig',
    'more: address html td': '<td>[[ADDRESS:Karl-Heine-Straße 52, 04229 Leipzig]]</td>',
    'more: address xml elements': '<Strasse>[[ADDRESS:Lindenstraße 12]]</Strasse><PLZ>04109</PLZ><Ort>Leipzig</Ort>',
    'more: address json': '{"anschrift": "[[ADDRESS:Am Markt 3, 06108 Halle (Saale)]]"}',
    'more: address tsv caps': 'NAME\tSTRASSE\tPLZ\tORT\n[[PERSON:Ida Roth]]\t[[ADDRESS:Gartenweg 4]]\t45127\tEssen\n[[PERSON:Tom Wolf]]\t[[ADDRESS:Ringstr. 7]]\t45127\tEssen',
    'more: dob md two-digit': '| Name | geb. |\n|---|---|\n| [[PERSON:Ida Roth]] | [[DATE_OF_BIRTH:03.04.16]] |\n| [[PERSON:Tom Wolf]] | [[DATE_OF_BIRTH:11.11.15]] |',
    'more: dob html long month': '<tr><th>Name</th><th>Geburtstag</th></tr><tr><td>[[PERSON:Ida Roth]]</td><td>[[DATE_OF_BIRTH:3. April 2016]]</td></tr><tr><td>[[PERSON:Tom Wolf]]</td><td>[[DATE_OF_BIRTH:11. November 2015]]</td></tr>',
    'more: dob latex': '\\textbf{Geb.-Datum:} [[DATE_OF_BIRTH:03.04.2016]]\\\\',
    'more: pupil xml attr snr': '<eintrag snr="[[STUDENT_ID:24-0311]]" klasse="5a"/>',
    'more: pupil md header': '| Schülernr. | Name |\n|---|---|\n| [[STUDENT_ID:2024.0147]] | [[PERSON:Levi Graf]] |\n| [[STUDENT_ID:2024.0148]] | [[PERSON:Mara Graf]] |',
    'more: pupil vcard note': 'NOTE:Schüler-Nr. [[STUDENT_ID:GY-2019-0447]]\\, Klasse 8b',
    'more: fwd outlook en': 'From: [[PERSON:Anke Richter]] <[[EMAIL_ADDRESS:a.richter@jugendamt.de]]>\nSent: Tuesday, March 4, 2025 9:12 AM\nTo: [[PERSON:Pia Kunz]] <[[EMAIL_ADDRESS:p.kunz@gs-west.de]]>\nCc: [[PERSON:Birgit Hahn]]\nSubject: RE: Hilfeplan',
    'more: names caps html': '<tr><th>NAME</th><th>KLASSE</th></tr><tr><td>[[PERSON:KOCH, IDA]]</td><td>3a</td></tr><tr><td>[[PERSON:WOLF, MIA]]</td><td>3a</td></tr>',
    'more: hdr foreign': 'Von: [[PERSON:Nguyen, Thi Lan]] <[[EMAIL_ADDRESS:thilan.nguyen@gmx.de]]>\nAn: [[PERSON:Al-Khatib, Omar]] <[[EMAIL_ADDRESS:omar.alkhatib@web.de]]>\nCc: [[PERSON:Öztürk-Yılmaz, Ayşe]] <[[EMAIL_ADDRESS:a.oeztuerk@outlook.de]]>',
    'more: hdr caps surname': 'Von: [[PERSON:SCHMIDT, Lea]] <[[EMAIL_ADDRESS:lea.schmidt@t-online.de]]>',
    'more: hdr word surnames 2': 'An: [[PERSON:Engel, Maria]]; [[PERSON:Sommer, Tim]]; [[PERSON:Winter, Jana]]\nBetreff: Elternabend',
    'more: hdr role': 'Von: [[PERSON:Meier, Kai]] (Schulsozialarbeit) <[[EMAIL_ADDRESS:k.meier@schule.de]]>\nGesendet: Mo 03.03.2025 14:02',
    'more: long mixed': '-----Ursprüngliche Nachricht-----\nVon: [[PERSON:Richter, Anke]] <[[EMAIL_ADDRESS:anke.richter@jugendamt-herne.de]]>\nGesendet: Mittwoch, 5. März 2025 10:41\nAn: Sekretariat <[[EMAIL_ADDRESS:sekretariat@gs-herne-mitte.de]]>\nBetreff: Schulanmeldung [[PERSON:Leon Braun]]\n\nSehr geehrte Damen und Herren,\n\nanbei die Daten:\nName: [[PERSON:Leon Braun]]\nGeb.: [[DATE_OF_BIRTH:12.04.2018]]\nAnschrift: [[ADDRESS:Bahnhofstraße 87, 44623 Herne]]\nMutter: [[PERSON:Svetlana Braun]], Tel. [[PHONE_NUMBER:02323 16-2845]]\n\nMit freundlichen Grüßen\n[[PERSON:Anke Richter]]\nStadt Herne | Fachbereich Kinder-Jugend-Familie | [[ADDRESS:Rathausstr. 6, 44649 Herne]]',
    'more: md contacts 2': '| Rolle | Name | Mail |\n|---|---|---|\n| Vorsitz | [[PERSON:Jens Becker]] | [[EMAIL_ADDRESS:vorsitz@foerderverein-gs.de]] |\n| Kasse | [[PERSON:Anja Wolf]] | [[EMAIL_ADDRESS:kasse@foerderverein-gs.de]] |',
    'more: yaml dashes names': 'teilnehmende:\n  - [[PERSON:Ida Roth]]\n  - [[PERSON:Tom Wolf]]\n  - [[PERSON:Mia Koch]]',
    'more: json array of names': '{"teilnehmer": ["[[PERSON:Ida Roth]]", "[[PERSON:Tom Wolf]]", "[[PERSON:Mia Koch]]"]}',
    'more: json nested': '{"kind": {"vorname": "[[PERSON:Ida]]", "nachname": "[[PERSON:Roth]]"}, "mutter": {"name": "[[PERSON:Eva Roth]]", "tel": "[[PHONE_NUMBER:0171 2233445]]"}}',
    'more: xml ns': '<ns1:Schueler ns1:Vorname="[[PERSON:Ida]]" ns1:Nachname="[[PERSON:Roth]]" ns1:Geburtsdatum="[[DATE_OF_BIRTH:2016-04-03]]"/>',
    'more: form feld wert tabular': 'Feld\tWert\nName\t[[PERSON:Ida Roth]]\nGeburtsdatum\t[[DATE_OF_BIRTH:03.04.2016]]\nSchüler-ID\t[[STUDENT_ID:SID-204471]]',
    'more: form dots': 'Name ........ [[PERSON:Ida Roth]]\nGeburtsdatum ........ [[DATE_OF_BIRTH:03.04.2016]]',
    'more: form underline': 'Name: __[[PERSON:Ida Roth]]__  Geburtsdatum: __[[DATE_OF_BIRTH:03.04.2016]]__',
    'more: label name, vorname': 'Name, Vorname\n[[PERSON:Koch, Ida]]\nGeburtsdatum\n[[DATE_OF_BIRTH:03.04.2016]]',
    'more: label name/vorname': 'Name/Vorname:\n[[PERSON:Wolf, Mia]]\nAnschrift:\n[[ADDRESS:Ringstr. 7, 45127 Essen]]',
    'more: label Name des Kindes word': 'Name des Kindes:\n[[PERSON:Engel, Lotta]]',
    'more: label caps': 'NAME\n[[PERSON:Ida Koch]]\nGEBURTSDATUM\n[[DATE_OF_BIRTH:03.04.2016]]\nSCHÜLERNUMMER\n[[STUDENT_ID:2023-04711]]',
    'more: label phone next line': 'Telefon (tagsüber)\n[[PHONE_NUMBER:0341 1234567]]\nE-Mail\n[[EMAIL_ADDRESS:ida.koch@web.de]]',
    'more: label iban next line': 'IBAN des Kontoinhabers\n[[IBAN_CODE:DE89 3704 0044 0532 0130 00]]\nKontoinhaber\n[[PERSON:Peter Koch]]',
    'more: label tax next line': 'Steuer-ID\n[[DE_TAX_ID:57843122691]]',
    'more: ocr table wrapped': 'Name                Geburtsdatum\n[[PERSON:Ida Koch]]            [[DATE_OF_BIRTH:03.04.2016]]\n[[PERSON:Tom Wolf]]            [[DATE_OF_BIRTH:11.11.2015]]',
    'more: ocr misread l': 'Geburtsdatum: [[DATE_OF_BIRTH:03.04.2016]]\nTel.: [[PHONE_NUMBER:0341 123 4567]]',
    'more: invoice kita': 'Gebührenbescheid\nKind: [[PERSON:Lotta Engel]], geb. [[DATE_OF_BIRTH:14.02.2020]]\nBeitragspflichtig: [[PERSON:Maria Engel]], [[ADDRESS:Am Anger 5, 99084 Erfurt]]\nBitte zahlen Sie auf IBAN [[IBAN_CODE:DE44 5001 0517 5407 3249 31]] (Stadtkasse Erfurt).',
    'more: sepa mandate text': 'Ich ermächtige die Stadt Erfurt, Zahlungen von meinem Konto mittels Lastschrift einzuziehen.\nName des Kontoinhabers: [[PERSON:Engel, Maria]]\nIBAN: [[IBAN_CODE:DE12500105170648489890]]\nDatum, Unterschrift: 03.03.2025',
    'more: json lines': '{"id": 1, "vn": "[[PERSON:Ida]]", "nn": "[[PERSON:Koch]]", "gd": "[[DATE_OF_BIRTH:2016-04-03]]"}\n{"id": 2, "vn": "[[PERSON:Tom]]", "nn": "[[PERSON:Wolf]]", "gd": "[[DATE_OF_BIRTH:2015-11-11]]"}',
    'more: csv caps english': 'STUDENT_ID,FIRST_NAME,LAST_NAME,DOB\n[[STUDENT_ID:S-0411]],[[PERSON:Ida]],[[PERSON:Koch]],[[DATE_OF_BIRTH:2016-04-03]]\n[[STUDENT_ID:S-0412]],[[PERSON:Tom]],[[PERSON:Wolf]],[[DATE_OF_BIRTH:2015-11-11]]',
    # fifth batch: German label keys in records, numbers in markup, an iCalendar LOCATION
    'more: json german label keys': '{"Schüler-Nr.": "[[STUDENT_ID:2023-04711]]", "Geburtsdatum": "[[DATE_OF_BIRTH:03.04.2016]]", "Name": "[[PERSON:Ida Koch]]"}',
    'more: xml SchuelerID': '<SchuelerID>[[STUDENT_ID:SID-204471]]</SchuelerID><Geb>[[DATE_OF_BIRTH:2016-04-03]]</Geb>',
    'more: yaml kita kind nr': 'kita_kind_nr: [[STUDENT_ID:KK-2023-0415]]\nname: [[PERSON:Mila Horn]]',
    'more: phone forms 2': 'Tel. [[PHONE_NUMBER:+49 (0) 341-123 45 67]], Mobil [[PHONE_NUMBER:0151 / 234 567 89]], Fax [[PHONE_NUMBER:0341 123 45 67 - 99]]',
    'more: phone in md table': '| Kontakt | Telefon |\n|---|---|\n| Mutter | [[PHONE_NUMBER:0176 1234 5678]] |\n| Vater | [[PHONE_NUMBER:+49 151 2345 6789]] |',
    'more: phone in xml attr': '<kontakt tel="[[PHONE_NUMBER:0341-1234567]]" mobil="[[PHONE_NUMBER:0176-12345678]]"/>',
    'more: dob html with geb. header': '<tr><th>Name</th><th>geb. am</th></tr><tr><td>[[PERSON:Ida Koch]]</td><td>[[DATE_OF_BIRTH:3.4.2016]]</td></tr><tr><td>[[PERSON:Tom Wolf]]</td><td>[[DATE_OF_BIRTH:11.11.2015]]</td></tr>',
    'more: dob latex table': 'Name & Geb.-Datum \\\\\n\\hline\n[[PERSON:Ida Koch]] & [[DATE_OF_BIRTH:2016-04-03]] \\\\\n[[PERSON:Tom Wolf]] & [[DATE_OF_BIRTH:2015-11-11]] \\\\',
    'more: ics with phone in location': 'LOCATION:Elternhaus\\, [[ADDRESS:Gartenweg 4\\, 45127 Essen]]',
    'more: email in angle with name caps': 'An: [[PERSON:KOCH, IDA]] <[[EMAIL_ADDRESS:ida.koch@schule.nrw]]>',
    'more: pupil number list label': 'Schüler-IDs: [[STUDENT_ID:4471]], [[STUDENT_ID:4472]] und [[STUDENT_ID:4473]]',
}

#: Texts with no span of the listed types at all.
NOT_FOUND = {
    "Postfach with postcode": (("ADDRESS", "PHONE_NUMBER"), "Stadt Leipzig, Amt für Schule, Postfach 10 05 21, 04005 Leipzig"),
    "Postfach compact": (("ADDRESS", "PHONE_NUMBER"), "Postanschrift: Postfach 100521\n04005 Leipzig"),
    "Postfach in a letter head": (("ADDRESS", "PHONE_NUMBER"), "Jugendamt\nPostfach 20 09 20\n51439 Bergisch Gladbach"),
    "Postfach in a vCard ADR": (("ADDRESS", "PHONE_NUMBER"), "ADR;TYPE=WORK:Postfach 10 30 51;;;Mannheim;;68030;Germany"),
    "Postfach in a signature": (("ADDRESS", "PHONE_NUMBER"), "Bildungsbüro · Postfach 12 63 · 45012 Essen"),
    "merge fields only": (("PERSON",), "«Anrede» «Vorname» «Nachname»\n«Strasse» «Hausnr»\n«PLZ» «Ort»"),
    "MERGEFIELD only": (("PERSON",), "Sehr geehrte{ MERGEFIELD Anrede } { MERGEFIELD Nachname },"),
    "latex placeholders": (("PERSON",), "\\textbf{Name:} \\underline{\\hspace{5cm}} \\\\ \\textbf{Geburtsdatum:} \\dotfill"),
    "empty yaml template": (("PERSON", "DATE_OF_BIRTH"), "kind:\n  vorname: \n  nachname: \n  geburtsdatum: \n  gruppe: Igel"),
    "empty json template": (("PERSON", "DATE_OF_BIRTH"), '{"vorname": "", "nachname": "", "gebdat": null, "gruppe": "Igel"}'),
    "ics dates are no birth dates": (("DATE_OF_BIRTH", "PHONE_NUMBER"), "DTSTART:20250312T080000\nDTEND:20250312T090000\nDTSTAMP:20250301T101500Z"),
    "sepa creditor id, BIC, reference": (
        ("IBAN_CODE", "STUDENT_ID", "PHONE_NUMBER"),
        "Gläubiger-ID DE98ZZZ00001234567, BIC WELADED1GEK, Mandatsreferenz 2025-000117"),
    "vCard anniversary is no birth date": (("DATE_OF_BIRTH",), "BEGIN:VCARD\nFN:Ida Roth\nX-ABDATE;TYPE=anniversary:2010-06-12\nEND:VCARD"),
    "ics start with parameters": (("DATE_OF_BIRTH", "PHONE_NUMBER"), "DTSTART;TZID=Europe/Berlin:20250312T080000\nDTEND;VALUE=DATE:20250313"),
    "Schulnummer in a header": (("STUDENT_ID",), "Schulnummer: 164523\nSchulname: GS Am Park"),
    "html without personal data": (
        ("PERSON", "DATE_OF_BIRTH"), "<tr><th>Schuljahr</th><th>Anzahl</th></tr>\n<tr><td>2023/24</td><td>412</td></tr>"),
    "table of counts in Markdown": (
        ("PERSON", "STUDENT_ID", "PHONE_NUMBER"),
        "| Stadtteil | Kinder | Quote |\n|---|---|---|\n| Lindenau | 1 204 | 93,1 % |\n| Grünau | 2 311 | 88,4 % |"),
}


@pytest.mark.parametrize("marked", FOUND.values(), ids=FOUND.keys())
def test_found(gate, marked: str) -> None:
    assert missing(gate, marked) == []


@pytest.mark.parametrize(("kinds", "text"), NOT_FOUND.values(), ids=NOT_FOUND.keys())
def test_not_found(gate, kinds: tuple[str, ...], text: str) -> None:
    found = spans(gate, text)
    assert [f for f in found if f[0] in kinds] == []


@pytest.mark.parametrize("marked", FOUND.values(), ids=FOUND.keys())
def test_nothing_more(gate, marked: str) -> None:
    """Precision: no span beyond the marked ones (a span inside a marked one of the same type counts as wrong)."""
    text, expected = unmark(marked)
    assert [f for f in spans(gate, text) if f not in expected] == []
