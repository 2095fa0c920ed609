"""PERSON forms of the fifth round (issue 10): running text, letters, mails and chats. Own
examples, written for these tests."""

from __future__ import annotations

from tests.privacy.conftest import spans


def _persons(gate, text: str) -> list[str]:
    return [s for t, s in spans(gate, text) if t == "PERSON"]


def test_an_initial_before_a_surname_that_is_also_a_given_name(gate) -> None:
    persons = _persons(gate, "Gesehen: K. Brandt · M. Stein · J. Rosa")
    assert {"K. Brandt", "M. Stein", "J. Rosa"} <= set(persons)


def test_an_article_after_a_first_name_is_no_name_particle(gate) -> None:
    persons = _persons(gate, "Auf dem Hof sah Frau Ilg, wie Dustin den Stein über den Zaun warf.")
    assert "Dustin" in persons
    assert not any("Stein" in p for p in persons)


def test_particles_of_names_stay_in_the_name(gate) -> None:
    persons = _persons(gate, "Es kamen Ursula von der Heydt, Frau Van der Linden und Graf Karl zu Welsperg.")
    assert {"Ursula von der Heydt", "Van der Linden", "Karl zu Welsperg"} <= set(persons)


def test_ich_bin_before_a_name_is_no_arabic_particle(gate) -> None:
    persons = _persons(gate, "Guten Tag, ich bin Ola Wiśniewska, die Mutter von Kacper.")
    assert "Ola Wiśniewska" in persons
    assert not any(p.startswith("bin") for p in persons)


def test_an_english_closing_is_no_name(gate) -> None:
    text = "Dear Mr Adjei, thank you for the forms.\nKind regards,\nBest wishes from the office, Hanna Lütke"
    persons = _persons(gate, text)
    assert {"Adjei", "Hanna Lütke"} <= set(persons)
    assert not {"Kind", "Best"} & set(persons)


def test_greetings_of_other_languages_are_no_names(gate) -> None:
    for text in ("Hola / Hallo,\nich schicke Ihnen die Bescheinigung für Mateo.",
                 "Teşekkürler, yarın görüşürüz. Grüße von Selin",
                 "Subject: Re: Ausflug\nFrom: Tamar Beridze\nDanke für die Info!"):
        persons = _persons(gate, text)
        assert not {"Hola", "Teşekkürler", "Subject"} & set(persons), persons


def test_an_accented_greeting_is_no_name_but_the_plain_given_name_is(gate) -> None:
    persons = _persons(gate, "Olá / Guten Tag,\nanbei das Attest. Ola Jankowska hat es unterschrieben.")
    assert "Olá" not in persons
    assert "Ola Jankowska" in persons


def test_a_name_after_a_compound_institution_word_names_the_institution(gate) -> None:
    text = ("Die Kooperation mit der Musikschule „Johann Crüger“ und der Volkshochschule "
            "Hannah Arendt geht weiter; Ansprechpartnerin ist Frau Ehlert.")
    persons = _persons(gate, text)
    assert persons == ["Ehlert"]


def test_a_part_of_town_is_no_person(gate) -> None:
    persons = _persons(gate, "Die Familie wohnt jetzt im Ortsteil Brambauer, Frau Yıldız meldet sich.")
    assert "Brambauer" not in persons
    assert "Yıldız" in persons


def test_a_lower_case_double_surname_after_a_form_of_address(gate) -> None:
    persons = _persons(gate, "tel mit fr. schröder-mensah, emil bleibt bis fr. zu hause")
    assert "schröder-mensah" in persons


def test_a_lower_case_compound_after_a_form_of_address_is_no_name(gate) -> None:
    persons = _persons(gate, "bitte hr. sozial-pädagoge informieren, termin steht")
    assert not any("sozial" in p for p in persons)


def test_well_known_fictional_characters_are_no_persons(gate) -> None:
    text = ("In der Lese-AG lesen wir Tom Sawyer und Harry Potter; die 2b spielt Hänsel und Gretel, "
            "die 3a Frau Holle. Die AG leitet Frau Brückner.")
    persons = _persons(gate, text)
    assert persons == ["Brückner"]


def test_a_real_person_with_a_fictional_given_name_stays_a_person(gate) -> None:
    persons = _persons(gate, "Harry Krüger und Gretel Baumann haben die Kostüme genäht.")
    assert {"Harry Krüger", "Gretel Baumann"} <= set(persons)


# -- other scripts ------------------------------------------------------------------------------

def test_an_arabic_form_of_address_and_a_possessive_kinship_word(gate) -> None:
    text = ("Sehr geehrte Frau Khalil,\nحضرة السيدة سلمى خليل المحترمة،\n"
            "ابنكم كريم سيبدأ الدراسة في الصف الأول.")
    persons = _persons(gate, text)
    assert {"Khalil", "سلمى خليل", "كريم"} <= set(persons)
    assert not any("المحترمة" in p for p in persons)


def test_an_arabic_heading_after_a_german_heading_is_no_name(gate) -> None:
    text = "Information für die Eltern / معلومات لأولياء الأمور\nDer Elternabend ist am Dienstag."
    assert _persons(gate, text) == []


def test_a_cyrillic_kinship_word_before_a_full_name_is_no_part_of_it(gate) -> None:
    persons = _persons(gate, "Бабушка Галина Петровна Шевченко забирает детей, Богдан рад.")
    assert "Галина Петровна Шевченко" in persons
    assert not any(p.startswith("Бабушка") for p in persons)


def test_a_role_noun_before_a_transliterated_name_is_no_part_of_it(gate) -> None:
    persons = _persons(gate, "Sprachmittlerin Oksana Tkachenko (Оксана Ткаченко) übersetzt.")
    assert {"Oksana Tkachenko", "Оксана Ткаченко"} <= set(persons)


def test_a_chinese_name_alone_in_a_german_sentence(gate) -> None:
    persons = _persons(gate, "Die Vollmacht ist da. 谢谢! 刘洋 darf heute mit Jonas nach Hause gehen.")
    assert "刘洋" in persons
    assert "谢谢" not in persons


def test_chinese_running_text_is_not_cut_into_names(gate) -> None:
    persons = _persons(gate, "家长会通知：我们学校下周二举行家长会，请准时参加。")
    assert persons == []


# -- letters, minutes, quotations ---------------------------------------------------------------

def test_a_german_closing_word_before_the_writer_is_no_surname(gate) -> None:
    persons = _persons(gate, "Bis Donnerstag dann!\nHerzlichst, Ebru")
    assert persons == ["Ebru"]


def test_a_name_opening_a_quoted_sentence(gate) -> None:
    persons = _persons(gate, 'Laut Protokoll sagte die Zeugin: „Malte hat Greta geschubst.“')
    assert {"Malte", "Greta"} <= set(persons)


def test_a_quoted_title_still_is_no_person(gate) -> None:
    persons = _persons(gate, "Die 4a führt „Lotta aus der Krachmacherstraße“ auf, Regie: Frau Özkan.")
    assert "Lotta" not in persons
    assert "Özkan" in persons


def test_a_given_name_that_is_also_a_word_beside_another_given_name(gate) -> None:
    persons = _persons(gate, "Mai und Thanh kommen ab Mai in die Igelgruppe, Rosa, Finn und Ida in die Bären.")
    assert {"Mai", "Thanh", "Rosa", "Finn", "Ida"} <= set(persons)
    assert persons.count("Mai") == 1


def test_two_surnames_in_one_bullet_of_a_list(gate) -> None:
    text = ("Anwesende:\n- Frau Dr. Lindemann (Schulamt)\n- Herr Aydemir (Jugendamt)\n"
            "- Bauer, Fischer (Elternvertretung)")
    persons = _persons(gate, text)
    assert {"Lindemann", "Aydemir", "Bauer", "Fischer"} <= set(persons)


def test_a_double_surname_ending_like_a_building_after_a_title(gate) -> None:
    persons = _persons(gate, "Anwesend: Fr. Pieper-Niehaus, Hr. Brinkmann-Oppenheim; Ort: Kinderheim Sonnenhof")
    assert {"Pieper-Niehaus", "Brinkmann-Oppenheim"} <= set(persons)
    assert not any("Kinderheim" in p or "Sonnenhof" in p for p in persons)


def test_an_ambiguous_given_name_with_a_particle_surname(gate) -> None:
    persons = _persons(gate, "Referentin: Rosa Elena Cárdenas de la Fuente, Universität Bremen")
    assert "Rosa Elena Cárdenas de la Fuente" in persons


def test_a_surname_used_as_a_noun_after_an_article_and_an_adjective(gate) -> None:
    text = ("Anwesend: Erzieher Tobias Fuchs, Frau Lang.\nIm Stück spielt der schlaue Fuchs die "
            "Hauptrolle; die Kinder reden nur vom „Fuchs“. Fuchs (der Erzieher) näht die Maske.")
    persons = _persons(gate, text)
    assert persons.count("Fuchs") == 1  # the educator after the play, not the fox
    assert "Tobias Fuchs" in persons


def test_a_latin_school_name_is_no_person(gate) -> None:
    persons = _persons(gate, "Sie besuchte bis 2023 das Carolinum Osnabrück, jetzt die Gesamtschule.")
    assert persons == []


def test_a_participle_opening_a_report_is_no_name(gate) -> None:
    persons = _persons(gate, "Gezählt wurden 412 Kinder in 23 Kitas; Gemeldet haben sich 17 Träger.")
    assert persons == []


def test_a_chat_yes_is_no_name(gate) -> None:
    persons = _persons(gate, "sven: kannst du morgen?\nmelek: jo. hab mit nuri gesprochen")
    assert "jo" not in persons
    assert {"sven", "melek", "nuri"} <= set(persons)


def test_a_surname_that_is_a_word_after_a_given_name_closing_an_entry(gate) -> None:
    text = ("Teilnehmende: Beigeordnete Ingrid Fröhliche, Ratsherr Wilfried Backhaus (SPD), "
            "Stadtrat Enno Brüggemann")
    persons = _persons(gate, text)
    assert {"Ingrid Fröhliche", "Wilfried Backhaus", "Enno Brüggemann"} <= set(persons)


def test_an_initial_before_a_particle_surname(gate) -> None:
    persons = _persons(gate, "Unterschrieben von: K. Lindner, P. de Boer, M. van den Heuvel")
    assert {"K. Lindner", "P. de Boer", "M. van den Heuvel"} <= set(persons)


def test_a_later_mention_of_a_surname_with_an_umlaut_that_is_also_a_word(gate) -> None:
    text = "In der Sache Bäcker ./. Bäcker schreibt Herr Jörg Bäcker, der Vater."
    persons = _persons(gate, text)
    assert persons.count("Bäcker") == 2


def test_english_months_that_are_given_names(gate) -> None:
    text = ("Dear June, my number is valid until end of May, we move in August 2026. "
            "Best regards, April Johnson")
    persons = _persons(gate, text)
    assert {"June", "April Johnson"} <= set(persons)
    assert "May" not in persons and "August" not in persons
