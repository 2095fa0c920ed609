"""Definition answers: the sentence that says what the asked term is leads, also after a FAQ."""

from __future__ import annotations

from assistant.answers.compose import defining_first
from assistant.answers.question import understand
from assistant.retrieval.models import Passage

CURATED = ["Die Cell-Key-Methode schützt die Ergebnisse des Zensus, indem sie Werte leicht "
           "verändert.", "Summen aus Teilwerten stimmen deshalb nicht exakt."]
GLOSSARY = Passage(
    text="Die Cell-Key-Methode ist das Geheimhaltungsverfahren des Zensus 2022, bei dem "
         "Tabellenwerte mit einem kleinen Zufallsrauschen überlagert werden. Wegen der "
         "Cell-Key-Methode stimmen Summen nicht exakt.",
    source="glossar.md", title="Glossar", section="Cell-Key-Methode", page=None, n=2)


def test_a_defining_sentence_leads_when_the_faq_answer_does_not_define():
    question = "In den Tabellen steht was von Cell-Key-Methode. Was bedeutet das?"
    found = defining_first(question, understand(question), CURATED, [], [GLOSSARY])
    assert found is not None
    assert found[0].startswith("Die Cell-Key-Methode ist das Geheimhaltungsverfahren")
    assert found[1] == 2


def test_no_defining_lead_when_the_faq_answer_defines_or_the_question_asks_no_definition():
    defined = ["Die Cell-Key-Methode ist ein Verfahren, das Werte leicht verändert."]
    question = "Was ist die Cell-Key-Methode?"
    assert defining_first(question, understand(question), defined, [], [GLOSSARY]) is None
    how = "Wie gehe ich vor, wenn die Summen wegen der Cell-Key-Methode nicht stimmen?"
    assert understand(how).kind != "definition"
    assert defining_first(how, understand(how), CURATED, [], [GLOSSARY]) is None


def test_a_list_of_terms_is_quoted_with_the_line_that_announces_it():
    from assistant.answers.candidates import with_lists

    text = ("Ein Modell lässt sich in vier Bausteine gliedern:\n- strategische Ziele,\n"
            "- Datenbasierung,\n- interne Kooperation,\n- öffentlicher Diskurs.\n"
            "Die Bausteine greifen ineinander.")
    sentences = [s for s, _ in with_lists(text)]
    assert sentences[0] == ("Ein Modell lässt sich in vier Bausteine gliedern: strategische Ziele, "
                            "Datenbasierung, interne Kooperation, öffentlicher Diskurs.")
    assert "Datenbasierung," not in sentences


def test_a_list_of_long_items_stays_a_list():
    from assistant.answers.candidates import with_lists

    long_item = "die Gremienarbeit ergebnisorientiert begleiten und die Beteiligten regelmäßig informieren"
    text = f"Aufgaben sind:\n- {long_item},\n- Öffentlichkeitsarbeit leisten."
    pairs = with_lists(text)
    assert (f"{long_item},", 1) in pairs


def test_a_term_named_in_front_of_was_heisst_das_is_the_asked_term():
    from assistant.answers.defining import asked_terms, defines

    terms = asked_terms("dkbm – was heißt das genau und welche bausteine gehören dazu?")
    assert defines("DKBM steht für datenbasiertes kommunales Bildungsmanagement.", terms)
    assert not defines("Die Bausteine greifen ineinander: ohne Daten keine Ziele.", terms)
