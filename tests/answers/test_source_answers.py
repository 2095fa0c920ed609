"""Answers to "where do the data come from?" and "what is X?" questions, on small passages
written for these tests: the sentence that names the statistic and table leads even when it
shares no word with the question, a catalogue entry puts its data source and Stichtag first, a
curated answer on what X does does not answer what X is, and "1. Fachsemester" stays one
sentence."""

from __future__ import annotations

import re

from assistant.answers.extractive import ExtractiveAnswerer, sources_first
from assistant.answers.faq import FaqEntry, FaqMatch, FaqSource, defines_asked
from assistant.answers.sentences import split_sentences
from assistant.answers.shapes import names_source, repeats_source
from assistant.retrieval.models import Passage
from tests.answers.conftest import first_of
from tests.retrieval.conftest import BagOfWordsEmbedder


def _passage(n: int, text: str, section: str, summary: list[str] | None = None) -> Passage:
    return Passage(text=text, source="leitfaden.md", title="Leitfaden", section=section, page=None,
                   n=n, summary=tuple(summary or ()))


def _answer(question: str, passages: list[Passage]) -> str:
    return " ".join(ExtractiveAnswerer(BagOfWordsEmbedder()).compose(question, passages))


MUSIC = [
    _passage(1, "Die Schülerzahl der Musikschulen je 1.000 Einwohner zeigt, wie viele Kinder und "
                "Jugendliche ein Instrument lernen. Sie schwankt zwischen den Kreisen stark. "
                "Quelle ist der Jahresbericht des Verbands deutscher Musikschulen (VdM); die Werte "
                "werden zum 1.1. eines Jahres erhoben. Private Musiklehrkräfte fehlen darin.",
             "Musikschulen"),
    _passage(2, "Ein Bericht über Musikschulen sollte die Wartelisten nennen, wenn es sie gibt. "
                "Die Schülerzahl allein sagt wenig über die Nachfrage.", "Musikschulen im Bericht"),
]


def test_the_sentence_that_names_the_source_leads_even_without_a_shared_word():
    answer = _answer("Woher kommen die Schülerzahlen der Musikschulen?", MUSIC)
    first = first_of(answer)
    assert first.startswith("Quelle ist der Jahresbericht des Verbands deutscher Musikschulen"), first


def test_a_sentence_that_names_where_data_come_from_is_quoted_not_dropped_as_a_credit_line():
    answer = _answer("Welche Statistik liefert die Zahlen zu Musikschulen?", MUSIC)
    assert "Quelle ist der Jahresbericht" in answer


def test_a_source_sentence_needs_a_statistic_and_a_word_of_provenance_or_a_table_code():
    assert names_source("Die Daten stammen aus der Schulstatistik des Landesamts.")
    assert names_source("Die Werte stehen in Tabelle 21111-01-03-4.")
    assert names_source("Für Kreise taugt der Zensus 2022 mit der Tabelle 2000S-3070.")
    assert not names_source("Für den Ausschuss eignen sich kurze Vorlagen mit Quelle und Stichtag.")


SUMMARY = ["Ausbildungsquote (E7.3): Anteil der Auszubildenden an den Beschäftigten.",
           "So wird E7.3 berechnet: (Auszubildende) / (Beschäftigte) × 100, Einheit %.",
           "Stichtag: 31.12.",
           "Datenquelle: Beschäftigungsstatistik (Bundesagentur für Arbeit, kein Tabellencode belegt).",
           "Die Kennung E7.3 ist abgeleitet, nicht aus dem Anwendungsleitfaden belegt."]


def test_a_source_question_on_an_indicator_gets_its_data_source_and_stichtag_first():
    ordered = sources_first(SUMMARY)
    assert ordered[0] == ("Ausbildungsquote (E7.3) – Datenquelle: Beschäftigungsstatistik "
                          "(Bundesagentur für Arbeit, kein Tabellencode belegt).")
    assert ordered[1] == "Stichtag: 31.12."
    assert len(ordered) == len(SUMMARY) and ordered[2] == SUMMARY[0]


def test_the_answer_to_a_source_question_on_an_indicator_starts_with_the_statistic():
    entry = _passage(1, "Ausbildungsquote", "Ausbildungsquote (E7.3)", summary=SUMMARY)
    text = _passage(2, "Die Ausbildungsquote zeigt, wie stark Betriebe ausbilden. Quelle ist die "
                       "Beschäftigungsstatistik. Gezählt wird am Arbeitsort.", "Ausbildungsquote")
    answer = _answer("Aus welcher Statistik stammt die Ausbildungsquote?", [entry, text])
    assert first_of(answer).startswith("Ausbildungsquote (E7.3) – Datenquelle: Beschäftigungsstatistik")
    # the text's own source sentence only repeats the entry: left out
    assert "Quelle ist die Beschäftigungsstatistik" not in answer
    assert repeats_source("Quelle ist die Beschäftigungsstatistik.", SUMMARY)
    assert not repeats_source("Quelle ist die Tabelle 13211-02-05-4 der Regionaldatenbank.", SUMMARY)


def _match(question: str, answer: str, phrasing: str | None = None) -> FaqMatch:
    entry = FaqEntry(id="x", kind="definition", question=phrasing or question, answer=answer,
                     sources=[FaqSource(file="a.md", section="A")])
    return FaqMatch(entry, 0.95, phrasing or question)


def test_a_curated_answer_on_what_x_does_does_not_answer_what_x_is():
    asked = "Was versteht man unter einer kommunalen Bildungslandschaft und wer gehört dazu?"
    does = _match("Was bewirkt eine kommunale Bildungslandschaft?",
                  "Mit einer gemeinsamen Bildungslandschaft stimmen Kita, Schule und Jugendhilfe "
                  "ihre Angebote ab.")
    assert not defines_asked(asked, does)
    defines = _match("Was bewirkt eine kommunale Bildungslandschaft?",
                     "Eine kommunale Bildungslandschaft ist ein Netz aus Bildungsorten einer "
                     "Kommune, die zusammenarbeiten.")
    assert defines_asked(asked, defines)
    same = _match("Was ist eine Bildungslandschaft?", "Sie verbindet Bildungsorte.")
    assert defines_asked(asked, same)
    # other kinds of question are not held to this
    assert defines_asked("Wie baue ich eine Bildungslandschaft auf?", does)


def test_an_ordinal_before_a_compound_noun_does_not_end_the_sentence():
    text = ("Gezählt werden Studierende im 1. Fachsemester an der Hochschule. Im Kreis waren es "
            "zuletzt 12. Danach stieg die Zahl.")
    assert split_sentences(text) == [
        "Gezählt werden Studierende im 1. Fachsemester an der Hochschule.",
        "Im Kreis waren es zuletzt 12.", "Danach stieg die Zahl."]
    assert re.search(r"10\. Jahrgangsstufe", split_sentences("Ab der 10. Jahrgangsstufe gilt das.")[0])


KITA = [
    _passage(1, "Die Zahl der Horte ist seit 2015 gesunken. Gezählt werden die Kinder in "
                "Tageseinrichtungen zum Stichtag 1.3. eines Jahres; bis 2008 war es der 15.3. "
                "Die Horte reichen bis 2020 in der alten Tabelle.", "Kita-Statistik"),
]


def test_a_date_question_leads_with_the_sentence_that_gives_a_day():
    answer = _answer("Zu welchem Datum zählt die Statistik die Kinder in Tageseinrichtungen?", KITA)
    assert "1.3." in first_of(answer), answer


def test_a_sentence_on_how_two_terms_differ_defines_both():
    from assistant.answers.defining import asked_terms, strength

    terms = asked_terms("Was ist der Unterschied zwischen Inklusion und Integration?")
    assert strength("Inklusion und Integration unterscheiden sich im Anspruch.", terms) == 2


def test_a_curated_answer_must_use_the_short_name_a_question_asks_about():
    asked = "Was bedeutet ein x in einer Tabelle des Landesamts?"
    other = _match("Was bedeuten die Endungen -4 und -5 an einem Tabellencode?",
                   "Die Endung zeigt die regionale Tiefe: -4 steht für Kreise, -5 für Gemeinden.")
    assert not defines_asked(asked, other)
    symbols = _match("Was heißen die Zeichen . - x / in Tabellen?",
                     "Der Punkt heißt: geheim; ein x heißt: Aussage nicht sinnvoll.")
    assert defines_asked(asked, symbols)


COLUMNS = [
    _passage(1, "Die Spalte „Insgesamt“ der Schultabelle ist die Summe aller Schülerinnen und "
                "Schüler, mit und ohne Förderbedarf. Die Tabelle hat zwölf Spalten.",
             "Spalten der Schultabelle"),
    _passage(2, "Die Spalte „dar. mit Förderbedarf“ ist eine Darunter-Position: Sie ist in "
                "„Insgesamt“ schon enthalten.", "Darunter-Positionen"),
]


def test_a_quoted_term_is_the_term_a_definition_question_asks_about():
    answer = _answer("Was bedeutet die Spalte „dar. mit Förderbedarf“ in der Schultabelle?", COLUMNS)
    assert first_of(answer).startswith("Die Spalte „dar. mit Förderbedarf“ ist eine Darunter-Position")


def test_a_remark_in_brackets_after_a_date_stays_in_its_sentence():
    text = ("Früher galt der 15.3. (belegt im Landesbericht), davor der 31.12. (belegt in der "
            "alten Tabelle). Heute gilt der 1.3.")
    assert split_sentences(text) == [
        "Früher galt der 15.3. (belegt im Landesbericht), davor der 31.12. (belegt in der alten "
        "Tabelle).", "Heute gilt der 1.3."]


def test_a_source_answer_adds_the_table_and_the_stichtag_of_its_sections():
    passages = [_passage(1, "Die Zahlen zu Horten kommen aus der Kinder- und Jugendhilfestatistik "
                            "der Statistischen Ämter. Horte sind in vielen Ländern rückläufig, "
                            "weil Ganztagsschulen sie ersetzen. Die Horte stehen für Kreise in der "
                            "Tabelle 22541-01-04-4. Gezählt wird zum Stichtag 1.3. jedes Jahres.",
                         "Horte")]
    answer = _answer("Woher bekomme ich Zahlen zu Horten?", passages)
    assert "22541-01-04-4" in answer and "1.3." in answer
