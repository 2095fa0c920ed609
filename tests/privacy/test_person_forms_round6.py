"""PERSON forms of the sixth round (issue 10): names in other scripts inside German sentences,
"Surname, Given name" entries in running text, East Asian, African, Balkan, Roma/Sinti and
Ukrainian names, initials in lower-case notes, names after prepositions; and words that only look
like names. Own examples, written for these tests (none from the dev sets)."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import spans, unmark


def _check(gate, marked: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(expected PERSON spans not found, PERSON spans found that were not expected)."""
    text, expected = unmark(marked)
    found = spans(gate, text)
    persons = [f for f in found if f[0] == "PERSON"]
    return [e for e in expected if e not in found], [p for p in persons if p not in expected]


IN_OTHER_SCRIPTS = [
    'Die Mutter heißt [[PERSON:فاطمة]].',
    'Unterschrieben von: [[PERSON:김민수]]',
    'Der Vater nennt sich [[PERSON:Олег]].',
    'Die Mutter heißt [[PERSON:مریم رضایی]].',
    '[[PERSON:علی احمدی]] hat heute angerufen.',
    '[[PERSON:Наталія Гончаренко]] ist die Tante von [[PERSON:Марко]].',
    'Gestern Elterngespräch. [[PERSON:فاطمة]] war sehr offen.',
    '[[PERSON:김서연]] kommt ab März in die Gruppe Sonnenblume.',
    'Viele Grüße\n[[PERSON:李明]]',
    'Die Unterschrift des Vaters ([[PERSON:رضا کریمی]]) fehlt noch.',
    'Auf dem Zettel stand nur [[PERSON:حسن]] und eine Telefonnummer.',
    'Die Mutter, [[PERSON:زینب موسوی]], war beim Elterngespräch.',
    '[[PERSON:Анастасия Лысенко]] kommt ab Montag in die Vorklasse.',
    'Die Oma [[PERSON:Ρένα]] spricht nur Griechisch.',
    'Wir haben [[PERSON:정수빈]] für die Sprachförderung angemeldet.',
    'Der Junge schreibt seinen Namen als [[PERSON:陈浩]] auf die Hefte.',
    'Von [[PERSON:Ігор Савчук]] fehlt noch die Unterschrift.',
    'Gespräch mit [[PERSON:أم خالد]] über die Hausaufgaben.',
    'Die Mutter hat ihren Namen auf Arabisch eingetragen: [[PERSON:فاطمة الزهراء]] – bitte ins Formular übernehmen.',
    'Laut Anmeldebogen heißt der Vater [[PERSON:محمد عبد الله]], er spricht kaum Deutsch.',
    'Unterschrieben hat die Großmutter, [[PERSON:Ольга Иваненко]], weil die Eltern verreist sind.',
    'Im Elternbrief stand als Absender nur [[PERSON:Дмитрий Коваленко]] und eine Handynummer.',
    'Die persische Unterschrift lautet [[PERSON:مریم رضایی]], die Dolmetscherin hat bestätigt.',
    'Der Onkel, [[PERSON:Γιώργος Παπαδόπουλος]], holt das Kind freitags ab.',
    'Auf dem Zettel der Kita stand [[PERSON:王芳]] als Abholberechtigte.',
    'Die Mutter schreibt sich [[PERSON:김민지]] und bittet um einen Rückruf.',
    'Als Notfallkontakt ist [[PERSON:田中 美咲]] eingetragen, die Tante des Kindes.',
    'Die Bescheinigung trägt die Unterschrift von [[PERSON:Αικατερίνη Νικολάου]].',
    'Heute rief [[PERSON:علی احمدی]] an und fragte nach dem Platz in der Ganztagsbetreuung.',
    'Am Telefon nannte sie sich [[PERSON:Наталья]], den Nachnamen wollte sie nicht sagen.',
    'Der Vater unterschreibt immer mit [[PERSON:Тарас Ткачук]], auch auf deutschen Formularen.',
    'Ihre Tochter [[PERSON:نرگس]] hat heute zum ersten Mal im Chor gesungen.',
    'Bitte [[PERSON:Ευαγγελία Ζαχαρίου]] nicht mit der Mutter verwechseln.',
    'Die Großeltern [[PERSON:박성호]] und [[PERSON:이영희]] holen den Jungen ab.',
    'Laut Pass heißt das Mädchen [[PERSON:さくら]], im Alltag [[PERSON:Sakura]].',
    'Der Antrag wurde von [[PERSON:يوسف الحسن]] gestellt und ist vollständig.',
]

SURNAME_FIRST = [
    'Ansprechpartner ist [[PERSON:UEDA, Kenji]] (Vater).',
    'In der Liste steht [[PERSON:Osei-Bonsu, Akua]] zweimal.',
    'Wir bitten [[PERSON:Kaya, Elif]] und [[PERSON:Demir, Can]] um Rückmeldung.',
    '[[PERSON:Bello, Amina]] hat den Antrag zurückgezogen.',
    'Bitte die Unterlagen von [[PERSON:Bakare, Tunde]] nachreichen.',
    'Nachmeldungen: [[PERSON:Horvat, Ana]], [[PERSON:Kaur, Simran]] und [[PERSON:Sousa, Rafael]]',
    'Es fehlen: [[PERSON:Ngata, Aroha]]; [[PERSON:Mwangi, Wanjiku]]',
    'Die Schülerin [[PERSON:Tsegay, Luwam]] hat den Kurs gewechselt.',
    'Gemeldet wurden [[PERSON:Rahimi, Mohammad]] und [[PERSON:Rahimi, Zahra]].',
    'Laut ASD betrifft das [[PERSON:Lungu, Ionut]], Klasse 7c.',
    'Teilnehmende: [[PERSON:Ueda, Kenji]]; [[PERSON:Nguyen, Thi Lan]]; [[PERSON:Okonkwo, Chidi]]',
    'Laut Liste fehlen heute [[PERSON:Haile, Tesfaye]] und [[PERSON:Kovačević, Mirela]].',
    '1. [[PERSON:Tran, Minh Duc]]\n2. [[PERSON:Adeyemi, Folake]]\n3. [[PERSON:Sato, Yuki]]',
    'Anwesend: [[PERSON:Mensah, Kwame]], [[PERSON:Popescu, Andreea]] und [[PERSON:Bajramović, Elvis]].',
    'Die Akte [[PERSON:Lee, Seo-yeon]] wurde an das Jugendamt weitergegeben.',
    'Aufnahmeliste Kita: [[PERSON:Hosseini, Parisa]] (3 J.), [[PERSON:Osei, Abena]] (4 J.)',
    'Rückmeldung fehlt von [[PERSON:Diallo, Mamadou]], bitte nachhaken.',
    '[[PERSON:Kowalczyk, Zofia]] – Förderbedarf Sprache\n[[PERSON:Yilmaz, Emre]] – Förderbedarf Mathematik',
    'Wir haben mit [[PERSON:Nguyen, Thi Lan]] gesprochen, die Mutter ist einverstanden.',
    'Abholberechtigt sind [[PERSON:Ueda, Kenji]] sowie [[PERSON:Ueda, Mariko]].',
    'Im Verteiler fehlten [[PERSON:Okonkwo, Chidi]] und [[PERSON:Asante, Kofi]].',
    'Ersatzweise übernimmt [[PERSON:Tesfaye, Selam]] die Leseförderung.',
]

EAST_ASIAN = [
    'Im Kurs sind [[PERSON:Zhou Ming]], [[PERSON:Xu Jia]] und [[PERSON:Sun Li]].',
    'Mit [[PERSON:Hoang Anh Tuan]] wurde ein Förderplan vereinbart.',
    '[[PERSON:Ryu Ji-hoon]] hat seinen Schülerausweis verloren.',
    'Bei [[PERSON:Nakamura Yuki]] bitte auf die Allergie achten.',
    'Am Elternabend sprach [[PERSON:Zhao Lei]] für die Klasse.',
    '[[PERSON:Vu Thi Thu]] und [[PERSON:Do Van Hung]] helfen beim Fest.',
    'Die Eltern von [[PERSON:Kang Min-seo]] sind umgezogen.',
    'Frau [[PERSON:Yamamoto]] bringt [[PERSON:Haruto]] morgen um acht.',
    '[[PERSON:Huynh Bao Ngoc]] hat eine Empfehlung fürs Gymnasium.',
    'Herr [[PERSON:Lin]] fragt, ob [[PERSON:Lin Yuxuan]] in die Nachmittagsbetreuung darf.',
    'Die Elternvertreterin [[PERSON:Wang Fang]] hat das Protokoll geschrieben.',
    '[[PERSON:Nguyen Van An]] ist seit Montag in der Klasse 4b.',
    'Im Gespräch waren [[PERSON:Park Ji-woo]] und seine Mutter.',
    'Für die Sprachförderung angemeldet: [[PERSON:Li Wei]], [[PERSON:Zhang Xiaoming]] und [[PERSON:Tran Thi Mai]].',
    'Das Kind [[PERSON:Kim Min-jun]] braucht eine Brille.',
    'Laut Jugendamt lebt [[PERSON:Chen Jing]] bei den Großeltern.',
    'Gestern war [[PERSON:Pham Quoc Bao]] krank, heute wieder da.',
    'Die Mutter von [[PERSON:Choi Yuna]] hat angerufen.',
    'Zur Elternversammlung kam [[PERSON:Nguyen Thi Hoa]] mit einer Dolmetscherin.',
    'Der Schüler [[PERSON:Liu Yang]] hat in Mathe aufgeholt.',
    '[[PERSON:Jung Ha-eun]] und [[PERSON:Yoon Seo-jun]] gehen in die Vorschulgruppe.',
    'Die Tagesmutter [[PERSON:Huang Mei]] betreut vier Kinder.',
]

AFRICAN = [
    '[[PERSON:Mariama Bah]] hat ihre Schwester [[PERSON:Kadiatou]] mitgebracht.',
    'Die Familie [[PERSON:Haile]] wartet noch auf den Bescheid.',
    '[[PERSON:Nana Akua Mensah]] ist die neue Elternvertreterin.',
    'Gespräch mit Herrn [[PERSON:Tekle]] über die Hausaufgabenhilfe.',
    '[[PERSON:Ikenna Obi]] spielt im Schulorchester Trompete.',
    '[[PERSON:Tesfaye Haile]] hat die Prüfung bestanden.',
    'Die Familie [[PERSON:Gebremedhin]] ist aus Eritrea zugezogen, Sohn [[PERSON:Yonas]] kommt in die 2a.',
    'Heute hat [[PERSON:Abebe Bekele]] das erste Mal mitgeturnt.',
    '[[PERSON:Chidinma Okafor]] und [[PERSON:Kofi Asante]] haben den Lesewettbewerb gewonnen.',
    'Beratung mit [[PERSON:Aminata Traoré]] wegen der Anmeldung.',
    'Der Vater [[PERSON:Oluwaseun Adebayo]] möchte einen Termin.',
    'Das Kind [[PERSON:Senait Tekle]] spricht Tigrinya und etwas Englisch.',
    '[[PERSON:Kwabena Owusu]] hat die Klassenfahrt bezahlt.',
    'Die Familie [[PERSON:Ndiaye]] bittet um einen Dolmetscher für Wolof.',
    '[[PERSON:Yohannes Gebreselassie]] ist neu in der Willkommensklasse.',
    'Heute hat [[PERSON:Fatoumata Camara]] ihr Zeugnis abgeholt.',
    '[[PERSON:Emeka Nwosu]] und [[PERSON:Ifeoma Nwosu]] sind Geschwister.',
]

BALKAN_ROMA_UKRAINIAN = [
    '[[PERSON:Aleksandar Jovanovic]] hat die Projektwoche organisiert.',
    'Die Mutter von [[PERSON:Lejla Begic]] ruft heute an.',
    '[[PERSON:Tetjana Hryschtschenko]] braucht eine Bescheinigung.',
    '[[PERSON:Sinisa Radovanovic]] fehlt seit Dienstag.',
    'Der Schulsozialarbeiter besucht Familie [[PERSON:Mirga]].',
    '[[PERSON:Oleh Kowaltschuk]] und [[PERSON:Iryna Kowaltschuk]] holen ab.',
    '[[PERSON:Dragan Petrovic]] hat sich für die AG angemeldet.',
    'Die Schulbegleitung von [[PERSON:Amela Hodzic]] ist ab März genehmigt.',
    'Frau [[PERSON:Jovanovic]] bittet um ein Gespräch.',
    '[[PERSON:Nikola Markovic]] und [[PERSON:Jasmina Kovacevic]] fehlen unentschuldigt.',
    'Die Familie [[PERSON:Rosenberg]] (Sinti) wohnt seit Jahren im Stadtteil; [[PERSON:Django]] geht in die 3b.',
    '[[PERSON:Romeo Weiß]] und seine Schwester [[PERSON:Esmeralda]] kommen aus einer Roma-Familie.',
    'Die Mutter, [[PERSON:Oksana Schewtschenko]], hat die Unterlagen gebracht.',
    '[[PERSON:Bohdan Melnyk]] ist aus Charkiw gekommen.',
    'Gespräch mit [[PERSON:Switlana Kowalenko]] über den Sprachkurs.',
    '[[PERSON:Mykola Bondarenko]] braucht einen Platz im Willkommensklassenangebot.',
    '[[PERSON:Halyna Tkatschenko]] fragt nach einem Hortplatz.',
    'Der Sohn von [[PERSON:Wolodymyr Schewtschuk]] heißt [[PERSON:Jurij]].',
    '[[PERSON:Milan Stojanovic]] wechselt zum Halbjahr.',
    '[[PERSON:Selma Mujkic]] und [[PERSON:Emir Hadzic]] machen beim Projekt mit.',
    '[[PERSON:Sandokan Reinhardt]] spielt Geige in der Musik-AG.',
    'Frau [[PERSON:Lakatos]] hat die Anmeldung für [[PERSON:Ramona]] abgegeben.',
]

NOTES_AND_CHATS = [
    '[[PERSON:mehmet y.]] hat wieder gefehlt',
    'ok, sag [[PERSON:Tarik]] bescheid',
    'sprich bitte mit fr. [[PERSON:okoro]]',
    'treffen mit [[PERSON:j. becker]] um 10',
    '[[PERSON:Mia S.]] war heute sehr still',
    'elterngespräch bei [[PERSON:a. nowak]] abgesagt',
    'an [[PERSON:Lukas W.]] denken wegen brille',
    'von [[PERSON:fatma]] kam keine rückmeldung',
    'für [[PERSON:lea]] und [[PERSON:finn]] nachschreibtermin',
    'kurz mit [[PERSON:s. yilmaz]] telefoniert, kommt do',
    'notiz: [[PERSON:a. kowalski]] holt ab, nicht der vater',
    'gespräch mit fr. [[PERSON:k.]] wegen hausaufgaben',
    'hab mit [[PERSON:anna k.]] gesprochen, passt',
    'termin bei frau [[PERSON:o.]] verschoben',
    '[[PERSON:J. Okafor]] kommt morgen später',
    'info an [[PERSON:m. schulz]] weitergeleitet',
    'für [[PERSON:tim b.]] noch kein attest',
    'gespräch von [[PERSON:Lena M.]] mit der Klassenleitung war gut',
    '[[PERSON:Ahmet Y.]] fehlt seit 3 tagen',
    'bei [[PERSON:k. nguyen]] nachfragen wegen kita-platz',
    'mit [[PERSON:leonie]] und [[PERSON:jonas]] geübt, klappt',
    'rückruf an hr. [[PERSON:demir]] erledigt',
    'termin für [[PERSON:tesfaye]] am mo',
    'hab [[PERSON:Kenji U.]] angerufen',
    'gespräch mit [[PERSON:Adaeze]] wegen sprachstand',
    'Termin bei [[PERSON:Ngozi Eze]] am Donnerstag',
    'Brief an [[PERSON:Tsegaye]] geht morgen raus',
    'Attest für [[PERSON:Dawit]] liegt vor',
    'Anruf von [[PERSON:Berhane]], kommt später',
    'Rückfrage bei [[PERSON:Vesna]] wegen der Fotos',
    'mit [[PERSON:Jelena]] und [[PERSON:Dragana]] gesprochen',
]

NO_PERSONS = [
    'Sehr geehrte Damen und Herren, anbei der Bericht.',
    'Die Kita Rasselbande nimmt ab Mai Kinder auf.',
    'Lesepaten gesucht: Bitte bei der Schulleitung melden.',
    'Das Fest steigt am Samstag im Park Sanssouci.',
    'Die Ergebnisse der Lernstandserhebung VERA 3 liegen vor.',
    'Der Sommer war heiß, der Winter mild.',
    'Rosen und Tulpen blühen im Schulgarten.',
    'Vorgang UV-2025-1187: Erstattung der Fahrtkosten.',
    'Die Kita Janusz Korczak feiert Jubiläum.',
    'Das Käthe-Kollwitz-Gymnasium und die Heinrich-Heine-Schule tauschen Lehrkräfte.',
    'Im Unterricht lasen wir Jim Knopf und Lukas der Lokomotivführer.',
    'Der Weg führt über die Mozartstraße zur Schule.',
    'Die Grundschule Astrid Lindgren bekommt eine neue Mensa.',
    'Die Figur Sams ist bei den Kindern beliebt.',
    'Bitte Frist, Betreff und Anlage beachten.',
    'Az. UV-2024-0117 bitte im Betreff angeben.',
    'Der Fall UV-23/445 wurde an die Wirtschaftliche Jugendhilfe abgegeben.',
    'Die Kita Astrid Lindgren hat ab August zwei neue Gruppen.',
    'Das Geschwister-Scholl-Gymnasium bietet Latein ab Klasse 6 an.',
    'Die Grundschule Anne Frank und die Kita Pippi Langstrumpf kooperieren.',
    'Im Theaterstück spielt die 3a Pumuckl und Meister Eder.',
    'Die Klasse liest Pippi Langstrumpf und Das Sams.',
    'Die Sporthalle liegt in der Goethestraße, der Eingang in der Friedrich-Ebert-Straße.',
    'Treffpunkt ist am Karl-Marx-Platz, nicht in der Bahnhofstraße.',
    'Die Erich-Kästner-Schule und die Albert-Schweitzer-Realschule nehmen teil.',
    'Zuständig ist das Bildungsbüro; die Vorlage geht an den Jugendhilfeausschuss.',
    'Bitte Anlage, Bescheid und Vollmacht mitbringen; Stand: Januar.',
    'Das Sams und Räuber Hotzenplotz waren die beliebtesten Bücher.',
    'Die Sophie-Scholl-Gesamtschule meldet 12 Anmeldungen mehr.',
    'Die Kita Regenbogen und die Kita Sonnenschein haben gemeldet.',
    'Die Kinder malten Benjamin Blümchen und Bibi Blocksberg.',
    'Die Musikschule Clara Schumann bietet Kurse an.',
    'Die Familie zieht in die Lessingstraße um.',
    'Antrag UV-1123 und UV-1124 wurden zusammengelegt.',
    'Verfahren UV 2025/07 ruht bis zur Klärung.',
    'Die Kinder spielten Räuber und Gendarm auf dem Hof.',
    'Der Antrag auf Hilfe zur Erziehung wurde bewilligt.',
    'Wir treffen uns in der Sophienstraße, Ecke Luisenstraße.',
    'Die Gruppe Sterntaler und die Gruppe Pusteblume gehen in den Wald.',
    'Aktenzeichen: UV-17-2024, Sachbearbeitung: Bildungsbüro',
    'Das Projekt Jim Knopf läuft an der Michael-Ende-Grundschule.',
    'Die 4a spielt Das Sams, die 4b Die kleine Hexe.',
    'Förderung nach Bildung und Teilhabe, Fall UV 88/24.',
    'Das Antragsformular liegt im Bürgerbüro aus.',
    'Der Elternbeirat tagt im Raum Kepler.',
    'Die Kita Pumuckl sucht Erzieherinnen.',
    'Im Stück tritt auch Pippi Langstrumpf auf.',
    'Er wohnt in der Hans-Böckler-Straße.',
    'Treffpunkt: Bertha-von-Suttner-Platz',
    'Wir fahren zur Gedenkstätte Anne Frank Zentrum.',
    'Fallnummer UV-2025-00931 (Jugendamt)',
]


@pytest.mark.parametrize("marked", IN_OTHER_SCRIPTS + SURNAME_FIRST + EAST_ASIAN + AFRICAN
                         + BALKAN_ROMA_UKRAINIAN + NOTES_AND_CHATS)
def test_names_of_many_origins(gate, marked: str) -> None:
    missed, extra = _check(gate, marked)
    assert (missed, extra) == ([], [])


@pytest.mark.parametrize("text", NO_PERSONS)
def test_words_that_look_like_names(gate, text: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON"] == []


@pytest.mark.parametrize("text", [
    "Die Broschüre gibt es auch auf Arabisch: كتيب للوالدين und auf Russisch.",
    "Die Kinder lernten das Wort 你好 und sagten es laut.",
    "Auf dem Plakat stand مرحبا بكم in großen Buchstaben.",
    "Im Morgenkreis heißt es شكرا bedeutet danke.",
    "كتيب للوالدين und Infos auf Deutsch liegen aus.",
    "Hallo zusammen, anbei Infos von 学校",
    "Die Kinder lernten 学校 zu schreiben.",
    "Infos für Eltern: معلومات لأولياء الأمور",
    "Die Lehrerin schrieb 안녕하세요 an die Tafel.",
    "Sie begrüßte uns mit добрый день und lächelte.",
])
def test_phrases_of_other_languages_in_a_sentence_are_no_names(gate, text: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON"] == []


def test_an_honorary_doctorate_is_no_initial(gate) -> None:
    persons = [s for t, s in spans(gate, "Für den Verein: Dr. h. c. Wilfried Ostermann, Vorsitz") if t == "PERSON"]
    assert persons == ["Wilfried Ostermann"]


def test_an_east_asian_surname_before_a_noun_is_no_entry(gate) -> None:
    persons = [s for t, s in spans(gate, "Pausenaufsicht: Hof – Fr. Jung, Mensa – Hr. Koch") if t == "PERSON"]
    assert persons == ["Jung", "Koch"]


def test_abbreviations_in_notes_are_no_initials(gate) -> None:
    persons = [s for t, s in spans(gate, "z. b. mit mama u. a. besprochen, s. unten") if t == "PERSON"]
    assert persons == []


def test_a_lower_case_name_in_no_list_after_a_preposition(gate) -> None:
    missed, extra = _check(gate, "mit [[PERSON:okonkwo]] wegen förderplan gesprochen")
    assert (missed, extra) == ([], [])


def test_a_greeting_of_another_script_before_a_name_is_no_name(gate) -> None:
    for text, name in (("Mutter ruft an: Здравствуйте, Оксана hier.", "Оксана"),
                       ("Спасибо, Марина! Bis morgen.", "Марина")):
        assert [s for t, s in spans(gate, text) if t == "PERSON"] == [name]


def test_enumerations_of_given_names_or_surnames_stay_single_names(gate) -> None:
    persons = [s for t, s in spans(gate, "Heute fehlten Lea, Mia, Tom und Paul; Aufsicht: Müller, Schmidt und Koch.")
               if t == "PERSON"]
    assert not any("," in p for p in persons)
    assert {"Lea", "Mia", "Tom", "Paul"} <= set(persons)


def test_a_lower_case_surname_first_entry_in_a_note(gate) -> None:
    missed, extra = _check(gate, "rückmeldung von [[PERSON:nguyen, thi lan]] fehlt")
    assert (missed, extra) == ([], [])


def test_a_role_noun_in_no_list_before_a_colon_is_a_label(gate) -> None:
    for text, names in (("Abholer: 王伟", ["王伟"]), ("Abholer: Jonas Weber", ["Jonas Weber"]),
                        ("Adaeze: ok, bis morgen", ["Adaeze"])):
        assert [s for t, s in spans(gate, text) if t == "PERSON"] == names
