"""PERSON forms of round 18p (issue 10): names written only in another script (in sentences, after
roles, in lists, cells, signatures and chat lines), "Surname, Given" entries with several
surname words, capitals or particles, and particles at the edges of a surname. Own examples,
written for these tests (none from the dev sets)."""

from __future__ import annotations

import pytest

from tests.privacy.conftest import spans, unmark


def _check(gate, marked: str) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """(expected PERSON spans not found, PERSON spans found that were not expected)."""
    text, expected = unmark(marked)
    found = spans(gate, text)
    persons = [f for f in found if f[0] == "PERSON"]
    return [e for e in expected if e[0] == "PERSON" and e not in found], [p for p in persons if p not in expected]


# -- names only in another script ------------------------------------------------------------------

IN_SENTENCES = [
    "Der Vater, [[PERSON:كريم الزين]], hat heute angerufen.",
    "Gestern hat [[PERSON:Ольга Сидоренко]] das Formular abgegeben.",
    "Bitte geben Sie [[PERSON:陈晓东]] die Unterlagen mit.",
    "Als Ansprechpartnerin ist [[PERSON:Σοφία Καραγιάννη]] eingetragen.",
    "Die Großmutter [[PERSON:김순자]] holt das Kind ab.",
    "Der Vater [[PERSON:אבי כהן]] kommt um 14 Uhr zum Gespräch.",
    "Die Mutter [[PERSON:प्रिया शर्मा]] bittet um einen Rückruf.",
    "Die Tante [[PERSON:สมศรี]] holt die Kinder freitags ab.",
]

AFTER_ROLES = [
    "Vater: [[PERSON:王建国]]",
    "Oma: [[PERSON:Галина Бойко]]",
    "Dolmetscherin: [[PERSON:Мирослава Ткач]]",
    "Ansprechpartner: [[PERSON:山田 太郎]]",
    "Anruferin: [[PERSON:سارا رضایی]]",
    "Abholberechtigt: [[PERSON:林美玲]]",
    "Klassenlehrerin: [[PERSON:Ελένη Μαυρίδου]]",
]

IN_LISTS_AND_CELLS = [
    "Teilnehmende:\n- [[PERSON:Анна Коваль]]\n- [[PERSON:林美玲]]\n- [[PERSON:سارا رضایی]]",
    "Abholberechtigte Personen:\n1. [[PERSON:Галина Бойко]]\n2. [[PERSON:Игорь Бойко]]",
    "Anwesend: [[PERSON:Lena Brandt]], [[PERSON:Άννα Ρήγα]], [[PERSON:Tom Weber]]",
    "Name | Klasse\n[[PERSON:Анна Коваль]] | 3b\n[[PERSON:林美玲]] | 4a",
    "| 2 | [[PERSON:Jonas Weber]] | 3b |\n| 3 | [[PERSON:דניאל לוי]] | 3b |",
    "Nr;Name;Klasse\n1;[[PERSON:سارا رضایی]];2a\n2;[[PERSON:Mia Roth]];2a",
]

SIGNATURES_AND_CHATS = [
    "Mit freundlichen Grüßen\n[[PERSON:Мирослава Ткач]]",
    "Danke und liebe Grüße,\n[[PERSON:سارا رضایی]]",
    "Vielen Dank!\nLG [[PERSON:Ольга]]",
    "[08:12] [[PERSON:陈晓东]]: Kind ist heute krank\n[08:15] Kita Sonnenschein: Gute Besserung!",
    "[[PERSON:Мирослава]]: ok, danke\nFrau [[PERSON:Weber]]: Bis morgen",
    "19:02 - [[PERSON:سارا رضایی]]: Wir kommen später\n19:05 - Schulbüro: Danke für die Info",
]

IN_THEIR_OWN_LANGUAGE = [
    "老师好，我是[[PERSON:刘芳]]，[[PERSON:陈子墨]]的妈妈。",
    "您好！[[PERSON:赵雨萱]]的爸爸想请假。",
    "我是[[PERSON:孙磊]]，[[PERSON:孙一诺]]的爷爷。",
    "مرحبا، أنا [[PERSON:هدى الخطيب]] والدة [[PERSON:جود]].",
    "السلام عليكم، أنا [[PERSON:كريم ناصر]] والد [[PERSON:آدم]]، ابني مريض.",
    "مساء الخير، انا [[PERSON:ريم]] والدة [[PERSON:تالا]] من الصف الثاني.",
]

BESIDE_A_LATIN_NAME = [
    "Kind: [[PERSON:Haddad, Jana]]    / [[PERSON:جنى حداد]]",
    "Vater: [[PERSON:Petrenko, Ihor]]   / [[PERSON:Ігор Петренко]]",
    "Begleitung: Fr. [[PERSON:Ito]] ([[PERSON:Aiko Ito]], [[PERSON:伊藤愛子]]) kommt mit.",
    "Mutter ([[PERSON:Mei Lin]], [[PERSON:林美]]) ruft an.",
    # a Chinese word before the name is no part of it ("my daughter", "student")
    "我的女儿[[PERSON:周思远]]（[[PERSON:Zhou Siyuan]]）今天发烧。",
    "学生[[PERSON:何雨晴]]（[[PERSON:He Yuqing]]）请假一天。",
    "我的儿子[[PERSON:郭子豪]]（[[PERSON:Guo Zihao]]）明天不来。",
]


@pytest.mark.parametrize("marked", IN_SENTENCES + AFTER_ROLES + IN_LISTS_AND_CELLS + SIGNATURES_AND_CHATS
                         + IN_THEIR_OWN_LANGUAGE + BESIDE_A_LATIN_NAME)
def test_names_only_in_another_script(gate, marked: str) -> None:
    assert _check(gate, marked) == ([], [])


@pytest.mark.parametrize("text", [
    "Die Familie kommt aus Харків und wohnt seit 2022 in Kiel.",
    "Geburtsort: 北京\nStaatsangehörigkeit: chinesisch",
    "Muttersprache: العربية, Zweitsprache: Deutsch",
    "Auf dem Plakat steht „Ласкаво просимо“ über der Tür.",
    "Das Kind sagt oft 谢谢 und 你好 zu den Erzieherinnen.",
    "Sprache | Begrüßung\nArabisch | أهلا وسهلا\nPersisch | خوش آمدید",
    "Liebe Eltern,\nШановні батьки, наступного тижня у школі свято. Будь ласка, принесіть їжу.\nDanke!",
])
def test_words_and_places_of_another_script_are_no_names(gate, text: str) -> None:
    assert [s for t, s in spans(gate, text) if t == "PERSON"] == []


def test_a_translated_paragraph_marks_its_names_only(gate) -> None:
    text = ("Übersetzung des Elternbriefs:\n"
            "Шановні батьки! Ваша вчителька Олена Петрик запрошує вас на зустріч у вівторок.\n")
    assert [s for t, s in spans(gate, text) if t == "PERSON"] == ["Олена Петрик"]


# -- "Surname, Given" entries ---------------------------------------------------------------------

SURNAME_FIRST = [
    # two surname words
    "Die Akte [[PERSON:Gómez Herrera, Lucía]] liegt im Sekretariat.",
    "1. [[PERSON:Silva Pinto, Tiago]]\n2. [[PERSON:Rojas Medina, Camila]]",
    "Schüler: [[PERSON:Fernández Ruiz, Álvaro]]   Klasse 6a",
    # the surname in capitals, the given name not
    "Name: [[PERSON:HADDAD, Lina]]",
    "Es fehlen [[PERSON:OKAFOR, Chidera]] und [[PERSON:KOWALSKI, Piotr]].",
    "[[PERSON:BERGMANN, Ute]] | 5b | entschuldigt",
    # East Asian surnames
    "Kind: [[PERSON:Liu, Xinyi]]",
    "Teilnehmer: [[PERSON:Huang, Zimo]]; [[PERSON:Zhao, Ruoxi]]",
    "[[PERSON:Chen, Yuxuan]] (4b) hat den Antrag abgegeben.",
    # particles
    "Mutter: [[PERSON:da Costa, Beatriz]]",
    "Anmeldung [[PERSON:dos Santos, Lucas]], Klasse 1a",
    "3;[[PERSON:van den Broek, Sanne]];3c",
    "Vater: [[PERSON:de la Cruz, Marta]]",
    "Zuständig: [[PERSON:von Arnim, Clara]]",
]


@pytest.mark.parametrize("marked", SURNAME_FIRST)
def test_surname_first_entries_in_one_span(gate, marked: str) -> None:
    assert _check(gate, marked)[0] == []


# -- particles at the edges of a surname -----------------------------------------------------------

PARTICLES = [
    "Die Mutter [[PERSON:Siti Aminah binti Rahman]] kommt morgen.",
    "Der Vater [[PERSON:Ahmad Faiz bin Ismail]] hat unterschrieben.",
    "Gespräch mit [[PERSON:Omar ibn Said]] am Montag.",
    "Ansprechpartner ist [[PERSON:Yosef ben David]] vom Elternbeirat.",
    "Frau [[PERSON:Clara von Wedemeyer]] leitet die AG.",
    "Heute war Herr [[PERSON:von Wedel]] zu Besuch.",
    "Die Schülerin [[PERSON:Nour el-Sayed]] fehlt.",
    "Der Vater [[PERSON:Rami al-Khatib]] ruft zurück.",
    "Die Lehrerin [[PERSON:Lucía de la Vega]] übernimmt die 4a.",
    "Bitte [[PERSON:Ewan Mac Donald]] informieren.",
    "Die Mutter [[PERSON:Síle Ó Briain]] ist einverstanden.",
    "Vater: [[PERSON:Lucas dos Santos]], Mutter: [[PERSON:Beatriz da Costa]]",
    # a particle opening an item of a comma list of surnames, or a cell
    "Jury: [[PERSON:Lindqvist]], [[PERSON:Okafor]], [[PERSON:da Rocha]], [[PERSON:Wiegand]]",
    "Es fehlen [[PERSON:Okonjo]], [[PERSON:dos Anjos]] und [[PERSON:Kowalczyk]].",
    "Protokoll: [[PERSON:Hübner]], [[PERSON:van Rijn]] (Gast)",
    "7b\t[[PERSON:Da Cunha]]\t[[PERSON:Mateus]]\t2,3",
    "4;[[PERSON:De Angelis]];[[PERSON:Chiara]];3b",
]


@pytest.mark.parametrize("marked", PARTICLES)
def test_particles_belong_to_the_surname(gate, marked: str) -> None:
    assert _check(gate, marked)[0] == []


def test_da_after_a_comma_before_a_given_name_is_a_conjunction(gate) -> None:
    text = "Grüße an Tom, da Lea heute fehlt, kommt Ida mit."
    assert [s for t, s in spans(gate, text) if t == "PERSON"] == ["Tom", "Lea", "Ida"]
