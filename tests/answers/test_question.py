"""Question understanding: kind and topic of a question, and what retrieval learns from them."""

from __future__ import annotations

import pytest

from assistant.answers.question import focus_for, understand


@pytest.mark.parametrize(("question", "kind"), [
    ("Wie berechne ich die Betreuungsquote der unter Dreijährigen?", "berechnung"),
    ("Was kommt bei der Wiederholerquote in den Zähler und was in den Nenner?", "berechnung"),
    ("Was ist eine Darunter-Position?", "definition"),
    ("Was bedeuten die Sonderzeichen in einer CSV der Regionaldatenbank?", "definition"),
    ("Wofür steht der Buchstabe I im Raster?", "definition"),
    ("Darf ich eine Klassenliste mit Namen in ChatGPT kopieren?", "darf_ich"),
    ("Dürfen wir veröffentlichen, dass eine Schule zwei Abgänger ohne Abschluss hatte?", "darf_ich"),
    ("Müssen unsere Beschäftigten im Umgang mit KI geschult werden?", "darf_ich"),
    ("Ist es erlaubt, Förderbedarfe je Schule zu zeigen?", "darf_ich"),
    ("Kann ich die Schülerliste mit Geburtsdaten in ein Online-Tool hochladen?", "darf_ich"),
    ("Woher kommen die Daten für die Schulabgänger ohne Abschluss?", "datenquelle"),
    ("Aus welcher Statistik stammt die Zahl der Auszubildenden?", "datenquelle"),
    ("Ab welcher Fallzahl muss ein Tabellenfeld gesperrt werden?", "schwelle"),
    ("Um wie viel weicht ein Wert bei der 5er-Rundung höchstens ab?", "schwelle"),
    ("Seit wann gilt die Pflicht zur KI-Kompetenz?", "schwelle"),
    ("Wie fange ich mit einem Bildungsmonitoring an?", "vorgehen"),
    ("Welche Schritte brauche ich für den ersten Bericht?", "vorgehen"),
    ("Wie lese ich mit Lotse eine Tabelle ein?", "vorgehen"),
    # process and starting-point phrasings ask for steps too
    ("Wie läuft die Abstimmung eines Berichts mit den Ämtern ab?", "vorgehen"),
    ("Wo beginne ich, wenn die Zeit für alle Themen nicht reicht?", "vorgehen"),
    ("Was gilt es zu beachten, wenn wir Zahlen für Stadtteile zeigen?", "vorgehen"),
    # advice, not permission: no data protection in sight; how to go about a task
    ("Sollten wir KI im Team erst einmal ausprobieren?", "vorgehen"),
    # the question as asked is the first sentence with a question mark
    ("Ich habe die Stelle neu übernommen. Womit beginne ich? Muss ich alle Bereiche abdecken?",
     "vorgehen"),
    ("Der Amtsleiter ist unsicher. Sollten wir wegen des Datenschutzes keine Schülerdaten "
     "auswerten?", "darf_ich"),
    ("Herr Kaya fragt, wie die Übergangsquote gerechnet wird.", "berechnung"),
    ("Wie kommt die Studienanfängerquote zustande?", "berechnung"),
    ("In welcher GENESIS-Tabelle stehen die Einschulungen?", "datenquelle"),
    ("Wie ordne ich einen auffällig hohen Wert im Bericht ein?", "vorgehen"),
    ("Wenn ich die Namen durch Nummern ersetze, ist das dann anonym und ich darf die Liste "
     "weitergeben?", "darf_ich"),
    # compute cues win over "wie viele …": the question asks how to divide
    ("Wie viele Kinder gehen in die Musikschule, als Anteil? Teile ich durch alle Einwohner?",
     "berechnung"),
    ("Für den Kreis brauche ich den Altenquotienten. Welche Gruppen setze ich ins Verhältnis?",
     "berechnung"),
    ("Wie bilde ich aus den Ausleihen der Stadtbibliothek eine Kennzahl je Einwohner?",
     "berechnung"),
    ("Ab wie vielen Fällen im Nenner zeige ich eine Quote?", "schwelle"),
    # source cues, also after "Was ist …"
    ("Wo kommen die Zahlen zu den neuen Ausbildungsverträgen her?", "datenquelle"),
    ("Was ist der Mikrozensus, und aus welchen Erhebungen speist er sich?", "datenquelle"),
    ("Welche Daten aus dem Gesundheitsamt kann man für den Bericht nutzen?", "datenquelle"),
    # dates and periods
    ("Von wann ist der Anwendungsleitfaden?", "schwelle"),
    ("Seit welchem Jahr gibt es die Kita-Statistik in dieser Form?", "schwelle"),
    ("Wie weit kann ein 3er-gerundeter Wert vom wahren Wert liegen?", "schwelle"),
    # "wie weit unsere Kommune ist": how to assess, not a number
    ("Wie können wir einschätzen, wie weit unser Bildungsbüro mit der Datenbasierung ist?",
     "vorgehen"),
    # how to go about it
    ("Die Leitung will Zahlen je Stadtteil. Worauf sollte ich dabei achten?", "vorgehen"),
    ("Ich übernehme das Monitoring und weiß nicht, wo ich anfangen soll. Gibt es eine Liste?",
     "vorgehen"),
    # letting an AI system do a task is a permission question
    ("Könnten wir eine KI entscheiden lassen, welche Schulen zuerst saniert werden?", "darf_ich"),
])
def test_kind_of_question(question, kind):
    assert understand(question).kind == kind


def test_topics_name_what_the_question_is_about():
    assert {"datenschutz", "ki"} <= set(understand("Darf ich eine Klassenliste mit Namen in "
                                                   "einen Online-Chatbot kopieren?").topics)
    assert "sonderzeichen" in understand("Was heißt der Punkt in der Tabelle?").topics
    assert understand("Wie berechne ich die Betreuungsquote?").topics == ()


def test_focus_prefers_privacy_sections_for_may_i_and_keeps_the_entry_behind():
    focus = focus_for(understand("Darf ich die Klassenliste mit Namen in einen Chatbot geben, "
                                 "damit er die Wiederholerquote rechnet?"))
    assert not focus.entry_leads
    assert "personenbez" in focus.section_words


def test_focus_of_an_indicator_question_lets_the_entry_lead_and_prefers_no_section():
    focus = focus_for(understand("Wie berechne ich die Wiederholerquote?"))
    assert focus.entry_leads and focus.section_words == ()


def test_may_i_without_topic_prefers_privacy_and_confidentiality():
    focus = focus_for(understand("Darf ich das so machen?"))
    assert "datenschutz" in focus.section_words and "geheimhaltung" in focus.section_words


def test_symbol_question_focuses_on_the_symbol_sections_only():
    focus = focus_for(understand("Was bedeuten die Sonderzeichen in einer CSV der Regionaldatenbank?"))
    assert "sonderzeichen" in focus.section_words
    assert "regionaldatenbank" not in focus.section_words


def test_may_i_searches_without_the_purpose_clause_unless_it_names_the_topic():
    from assistant.answers.question import core

    asked = understand("Darf ich die Schülerliste mit Namen in einen Chatbot laden, damit er mir "
                       "die Übergangsquote ausrechnet?")
    assert core(asked) == "Darf ich die Schülerliste mit Namen in einen Chatbot laden?"
    # here the clause carries the topic (AI): it stays
    duty = understand("Muss das Amt etwas tun, damit die Kolleginnen KI-Werkzeuge nutzen dürfen?")
    assert core(duty) == duty.text


def test_licence_questions_prefer_the_licence_sections():
    focus = focus_for(understand("Dürfen wir Karten mit Zahlen aus GENESIS in der Broschüre "
                                 "abdrucken?"))
    assert "lizenz" in focus.section_words


def test_how_to_questions_prefer_step_by_step_sections_a_little():
    assert focus_for(understand("Wie baue ich ein Bildungsmonitoring auf?")).prefer_words
    assert not focus_for(understand("Was ist ein Bildungsmonitoring?")).prefer_words


def test_headings_on_school_and_social_data_law_fit_a_data_protection_question():
    focus = focus_for(understand("Darf das Schulamt Schülerdaten mit Namen an das Bildungsbüro geben?"))
    assert {"sozialdaten", "schuldaten", "sgb"} <= set(focus.section_words)


@pytest.mark.parametrize(("question", "kind"), [
    # a question word that asks for a number or a limit wins over "darf"
    ("Ab wie vielen Schülern darf eine Klasse im Bericht einzeln ausgewiesen werden?", "schwelle"),
    ("Welche Grenze gilt für die Zahl der Fälle in einer Zelle?", "schwelle"),
    ("Wie hoch darf die Abweichung durch die Rundung höchstens sein?", "schwelle"),
    # must-questions without a modal verb first
    ("Ist die Namensnennung bei Daten aus GENESIS Pflicht?", "darf_ich"),
    ("Sind wir verpflichtet, ein Verzeichnis der Verarbeitungen zu führen?", "darf_ich"),
    ("Falls wir die Werte runden, müssen wir die Tabelle dann noch sperren?", "darf_ich"),
    # "Geht das …", "Kann ich … einfach …" on personal data
    ("Geht das, dass wir die Adressliste der Eltern an eine Druckerei geben?", "darf_ich"),
    ("Kann ich die Förderbedarfe einzelner Kinder einfach in Copilot eingeben?", "darf_ich"),
    # the condition's commas do not hide the main clause
    ("Wenn wir die Namen durch Kürzel X, Y, Z ersetzen, gilt dann die DSGVO nicht mehr und wir "
     "können die Datei frei verschicken?", "darf_ich"),
    # "z. B." does not end the question; the question word asks for a source
    ("Wo bekomme ich Zahlen zu Musikschulen her, z. B. Schüler pro Einwohner?", "datenquelle"),
    ("Welchen Stichtag nehme ich für die Einwohner, wenn ich die Quote ausrechne?", "datenquelle"),
    # compute words win over an embedded "wie viele"
    ("Frau Kaya will wissen, wie man ausrechnet, wie viele Kinder zurückgestellt werden. Was "
     "steht im Nenner?", "berechnung"),
    ("Wie kommt man auf die Ganztagsquote? Worauf wird sie bezogen?", "berechnung"),
    # advice on a task, also after a dash and as a yes/no question
    ("Wir starten mit dem Monitoring – sollen wir zuerst alle Indikatoren sammeln?", "vorgehen"),
    ("Mit welchen Nachbarstädten sollten wir unsere Quoten vergleichen?", "vorgehen"),
    ("Wie sollen die Ergebnisse im Jugendhilfeausschuss vorgestellt werden?", "vorgehen"),
    ("Ich bin neu im Schulamt – wie komme ich an die Ansprechpartner der anderen Kreise?",
     "vorgehen"),
    # "Wie kann …?" asking why something is possible is no task
    ("Wie kann eine Quote über hundert Prozent liegen?", "definition"),
])
def test_kind_of_more_question_forms(question, kind):
    assert understand(question).kind == kind


@pytest.mark.parametrize(("question", "clause", "condition"), [
    ("Wenn ich in der Tabelle die Namen durch Kürzel A, B, C ersetze, gilt die DSGVO dann nicht "
     "mehr?", "gilt die DSGVO dann nicht mehr?",
     "Wenn ich in der Tabelle die Namen durch Kürzel A, B, C ersetze"),
    # the object clause belongs to the main clause: it is what would be published
    ("Dürfen wir im Bericht erwähnen, dass an der Förderschule Ost ein Kind zurückgestellt wurde?",
     "Dürfen wir im Bericht erwähnen, dass an der Förderschule Ost ein Kind zurückgestellt wurde?",
     ""),
])
def test_main_clause_and_condition_of_a_yes_no_question(question, clause, condition):
    from assistant.answers.question import condition as condition_of
    from assistant.answers.question import main_clause

    assert main_clause(question) == clause
    assert condition_of(question) == condition


def test_a_small_count_of_people_is_a_confidentiality_topic():
    assert "geheimhaltung" in understand("Dürfen wir melden, dass ein Kind der Schule Nord "
                                         "sitzengeblieben ist?").topics
    focus = focus_for(understand("Ab wie vielen Kindern darf ich einen Wert für ein Quartier "
                                 "zeigen?"))
    assert "fallzahl" in focus.section_words
