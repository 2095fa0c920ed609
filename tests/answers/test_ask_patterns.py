"""Regression tests for the patterns of issue 14 on the real knowledge base: the first sentence
answers the question as asked. Each pattern is checked twice: as the user sees it (curated FAQ
on) and on the extractive path alone (FAQ off), where question kind, section focus and sentence
selection have to find the deciding sentence in the guidance texts themselves."""

from __future__ import annotations

import re

import pytest

from assistant.answers.compose import extractive_pieces, gather
from assistant.answers.extractive import ExtractiveAnswerer
from assistant.answers.factory import build_retriever, load_catalogue_or_none
from tests.answers.conftest import first_of

CHATBOT = ("Darf ich die Klassenliste der 7b mit allen Namen in einen Online-Chatbot kopieren, "
           "damit er mir die Wiederholerquote ausrechnet?")
TWO_LEAVERS = ("Dürfen wir im Bildungsbericht schreiben, dass an der Realschule am Park zwei "
               "Jugendliche ohne Abschluss abgegangen sind?")
THRESHOLD = "Ab welcher Fallzahl muss ein Tabellenfeld geheim gehalten werden?"
SYMBOLS = "Was bedeuten die Sonderzeichen in einer CSV-Datei aus der Regionaldatenbank?"

#: question -> what its first sentence must say (all patterns must match)
FIRST = {
    CHATBOT: [r"[Pp]ersonenbezogen", r"\bnicht\b", r"KI-Dienst"],
    TWO_LEAVERS: [r"(weniger als (drei|3) Fällen|ein oder zwei)", r"nicht veröffentlicht"],
    THRESHOLD: [r"mindestens 3 Fälle"],
    SYMBOLS: [r"„[-.x/]“|Strich|Punkt", r"(nichts vorhanden|geheim|unbekannt|gesperrt)"],
}






@pytest.mark.parametrize("question", list(FIRST))
def test_first_sentence_answers_the_question_as_asked(lotse, question):
    answer = lotse.ask(question).result()
    first = first_of(answer.answer)
    for pattern in FIRST[question]:
        assert re.search(pattern, first), (pattern, first)
    # the first sentence is cited, and not from the indicator's catalogue entry
    head = re.match(r".*?\[([\d, ]+)\]", answer.answer).group(1)
    cited = {c.n: c for c in answer.citations}
    assert all(not cited[int(n)].source.startswith("katalog:") for n in head.split(","))


@pytest.mark.parametrize("question", list(FIRST))
def test_extractive_path_alone_finds_the_deciding_sentence(lotse, question):
    index = lotse.index
    index.ensure_knowledge()
    retriever = build_retriever(lotse.settings, index, load_catalogue_or_none(lotse.settings))
    gathered = gather(question, retriever, faq=None)
    pieces = extractive_pieces(question, gathered, ExtractiveAnswerer(index.embedder))
    first = first_of(" ".join(pieces))
    for pattern in FIRST[question]:
        assert re.search(pattern, first), (pattern, first)


def test_indicator_mentioned_in_passing_does_not_lead(lotse):
    answer = lotse.ask(CHATBOT).result()
    assert not answer.answer.startswith("Wiederholerquote")
    assert "So wird D13.1 berechnet" not in answer.answer


def test_indicator_how_to_keeps_formula_stichtag_and_tablefirst_of(lotse):
    answer = lotse.ask("Wie berechne ich die Betreuungsquote der unter Dreijährigen?").result()
    assert answer.citations[0].source == "katalog:C7.1"
    # the sentences before the first one cited from elsewhere are the catalogue entry's
    head = re.split(r"\[(?!1\])[\d, ]+\]", answer.answer)[0]
    for fact in ("× 100", "1.3.", "22543-03-01-4"):
        assert fact in head


def test_faq_answer_is_shown_with_the_sections_it_cites(lotse):
    answer = lotse.ask("Welche Mindestfallzahl gilt bei der statistischen Geheimhaltung?").result()
    assert answer.answer.startswith("In einem Tabellenfeld müssen in der Regel mindestens 3 Fälle")
    assert answer.citations[0].section == "Primäre Geheimhaltung: die Mindestfallzahl"
    assert answer.citations[0].source.endswith("statistische-geheimhaltung.md")
    assert answer.model == "faq:mindestfallzahl"


def test_named_indicator_stays_among_the_passages_of_a_number_question(lotse):
    """"Wie hoch ist …?" about a named indicator: its entry (with the comparison values) is one
    of the first passages, behind the best two, and does not lead the answer."""
    index = lotse.index
    index.ensure_knowledge()
    retriever = build_retriever(lotse.settings, index, load_catalogue_or_none(lotse.settings))
    gathered = gather("Wie hoch war die Wiederholerquote zuletzt in Deutschland?", retriever)
    assert gathered.question.kind == "schwelle"
    sources = [p.source for p in gathered.passages[:5]]
    assert sources[2] == "katalog:D13.1", sources
    assert not any(p.summary for p in gathered.passages)


def test_paraphrased_indicator_is_among_the_passages_without_leading(lotse):
    """"ganztags betreut" paraphrases the Ganztagsbetreuungsquote: its entry (with the hours and
    the targets) is one of the first five passages, but the answer does not start with it."""
    index = lotse.index
    index.ensure_knowledge()
    retriever = build_retriever(lotse.settings, index, load_catalogue_or_none(lotse.settings))
    gathered = gather("Ab welcher Betreuungszeit zählt ein Krippenkind als ganztags betreut?",
                      retriever)
    sources = [p.source for p in gathered.passages[:5]]
    assert "katalog:C7.3" in sources, sources
    assert not any(p.summary for p in gathered.passages)


def test_data_passed_between_offices_is_answered_from_the_law_not_from_ai_texts(lotse):
    # the school-law and social-data sections fit a data-protection question as much as the
    # sections on AI services that also cite the DSGVO, so the law decides
    answer = lotse.ask("Darf die Schule dem Bildungsbüro eine Liste aller Kinder mit "
                       "Förderbedarf samt Namen geben?").result()
    assert re.match(r"Nein\b", answer.answer), answer.answer
    first_three = [c.source for c in answer.citations[:3]]
    assert "rechtsgrundlagen-datenverarbeitung.md" in first_three
    assert not any("ki" in source.split(".")[0].split("-") for source in first_three), first_three
