"""The guide conversation as a pure state machine (a fake ``ask``), and the saved learner state."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest

from assistant.errors import PrivacyError
from assistant.guide import Conversation, GuideSession, LearnerState, StateStore


@dataclass
class FakeCitation:
    n: int
    source: str
    section: str | None
    text: str
    title: str = "Titel"

    def label(self) -> str:
        return f"[{self.n}] {self.title}, Abschnitt „{self.section}“ ({self.source})"


@dataclass
class FakeAnswer:
    question_anonymized: str
    answer: str
    citations: list[FakeCitation] = field(default_factory=list)


STICHTAG = FakeCitation(1, "datenquellen-stichtage.md", "Kinder- und Jugendhilfestatistik: Stichtag 1.3.",
                        "Die Kinder- und Jugendhilfestatistik zählt die Kinder in Kitas am Stichtag 1. März.")


class FakeAsk:
    """Answers from one passage when the question shares its words; records what it was asked."""

    def __init__(self, citation: FakeCitation = STICHTAG, fail: bool = False) -> None:
        self.citation = citation
        self.fail = fail
        self.asked: list[str] = []

    def __call__(self, question: str) -> FakeAnswer:
        self.asked.append(question)
        if self.fail:
            raise PrivacyError("Der Datenschutzfilter konnte nicht gestartet werden.", "lotse doctor")
        return FakeAnswer(question.replace("Petra Schulz", "<PERSON_1>"),
                          f"{self.citation.text} [1]", [self.citation])


@pytest.fixture
def talk(guide):
    ask = FakeAsk()
    conv = Conversation(guide, ask)
    state = {"s": LearnerState()}

    def say(text: str | None = None):
        if text is None:
            state["s"], turn = conv.open(state["s"])
        else:
            state["s"], turn = conv.handle(state["s"], text)
        return turn

    say.state = lambda: state["s"]
    say.ask = ask
    return say


def test_start_shows_overview_and_weiter_opens_the_first_module(talk):
    turn = talk()
    assert turn.kind == "overview" and "1. DKBM und seine Ziele" in turn.text
    turn = talk("weiter")
    assert turn.kind == "step"
    assert "Modul 1 „DKBM und seine Ziele“ · Schritt 1 von 5 · Einleitung" in turn.text
    assert "Quellen:\n  [1] Datenbasiertes kommunales Bildungsmanagement (DKBM), Abschnitt" in turn.text


def test_progress_counts_exercises_not_reading(talk, guide):
    talk()
    module = guide.module("dkbm")
    for _ in range(len(module.steps) + 1):  # the first 'weiter' opens the module
        talk("weiter")  # read every page, answer nothing
    end = talk.state()
    assert end.step == len(module.steps)
    assert end.solved == {}
    last = talk("nochmal")
    assert last.kind == "module-end" and "0 von 3 Übungen gelöst" in last.text
    assert "Noch offen: Prüffragen in Schritt 1, 3, 5" in last.text


def test_right_and_wrong_answers(talk, guide):
    talk()
    talk("weiter")
    wrong = talk("A")
    assert wrong.kind == "wrong" and "A stimmt nicht" in wrong.text
    assert talk.state().solved == {}
    right = talk("b")
    assert right.kind == "correct" and right.text.startswith("Richtig!")
    assert talk.state().solved == {"dkbm": [0]}
    assert "1/3 Übungen" in right.text
    assert talk("b").kind == "correct"  # answering again does not count twice
    assert talk.state().solved == {"dkbm": [0]}


def test_a_whole_module_with_all_exercises_is_complete(talk, guide):
    talk("Modul 1")
    module = guide.module("dkbm")
    for step in module.steps:
        if step.exercise is not None:
            assert talk("ABCDE"[step.exercise.answer - 1]).kind == "correct"
        turn = talk("weiter")
    assert turn.kind == "module-end" and "Modul abgeschlossen ✓" in turn.text
    nxt = talk("weiter")
    assert "Modul 2 „Bildungsmanagement und Bildungsmonitoring“ · Schritt 1" in nxt.text
    overview = talk("Übersicht")
    assert "DKBM und seine Ziele" in overview.text and "[3/3 Übungen ✓]" in overview.text


def test_moving_on_with_an_open_exercise_says_so(talk):
    talk("Modul 1")
    turn = talk("weiter")
    assert "Die Prüffrage in Schritt 1 bleibt offen" in turn.text
    assert talk("zurück").text.startswith("Modul 1 „DKBM und seine Ziele“ · Schritt 1")
    assert "Sie sind schon am Anfang" in talk("zurück").text
    assert talk("").kind == "remind"  # Enter with an open check question


@pytest.mark.parametrize("text,number", [("Modul 4", 4), ("4", 4), ("datenschutz", 6),
                                         ("Der erste Bildungsbericht", 5), ("generative ki", 7)])
def test_module_by_number_or_name(talk, text, number):
    talk()
    turn = talk(text)
    assert turn.kind == "step" and f"Modul {number} " in turn.text


def test_unknown_module_suggests_the_closest(talk):
    talk()
    turn = talk("Modul Datenshutz")
    assert turn.kind == "unknown-module"
    assert "Meinten Sie Modul 6 „Datenschutz und statistische Geheimhaltung“?" in turn.text
    assert talk("Modul 12").kind == "unknown-module"


def test_a_digit_answers_the_open_question_not_the_module(talk):
    talk("Modul 1")
    assert talk("2").kind == "correct"
    assert talk("weiter").kind == "step"
    assert "Modul 2 " in talk("2").text  # no exercise on this step: a module number


def test_free_question_is_answered_with_citations_and_offers_the_module(talk):
    talk("Modul 1")
    before = talk.state()
    turn = talk("Welcher Stichtag gilt für die Kita-Statistik?")
    assert turn.kind == "answer"
    assert turn.citations == (STICHTAG.label(),)
    assert "Quellen:\n  [1]" in turn.text
    assert "Mehr dazu in Modul 4 „Datenquellen und Stichtage“" in turn.text
    assert "Sie sind weiterhin in Modul 1" in turn.text
    assert talk.state() == before  # a question does not move the learner
    assert talk.ask.asked == ["Welcher Stichtag gilt für die Kita-Statistik?"]


def test_question_the_guidance_does_not_cover(talk):
    talk("Modul 2")
    turn = talk("Wie backe ich einen Apfelkuchen?")
    assert turn.kind == "not-covered"
    assert turn.text.startswith("Dazu steht im Leitfaden nichts.")
    assert not turn.citations


def test_not_covered_offers_the_closest_module(guide):
    other = FakeCitation(1, "glossar.md", "Altenquotient", "Der Altenquotient setzt Ältere ins Verhältnis.")
    conv = Conversation(guide, FakeAsk(other))
    _, turn = conv.handle(LearnerState(), "Welche Pseudonymisierung verlangt die DSGVO für Schülerlisten?")
    assert turn.kind == "not-covered"
    assert "Am nächsten kommt Modul 6 „Datenschutz und statistische Geheimhaltung“" in turn.text


def test_a_failing_privacy_gate_stops_the_question(guide):
    conv = Conversation(guide, FakeAsk(fail=True))
    state = LearnerState(module="dkbm", step=1)
    new, turn = conv.handle(state, "Was ist ein Indikator?")
    assert turn.kind == "error" and "Datenschutzfilter" in turn.text
    assert new == state


def test_handle_does_not_change_the_state_it_was_given(guide):
    conv = Conversation(guide, FakeAsk())
    state = LearnerState(module="dkbm", step=0)
    conv.handle(state, "b")
    assert state.solved == {}


def test_kompass_inside_the_guide(talk):
    talk("Modul 3")
    assert talk("kompass").kind == "kompass-question"
    for letter in "bca":
        talk(letter)
    assert talk("zurück").text.startswith("DKBM-Kompass · Frage 3 von 7")
    assert talk("x").kind == "kompass-unclear"
    back = talk("abbrechen")
    assert back.kind == "step" and "Modul 3 " in back.text
    assert talk.state().kompass == [2, 3]
    assert "Frage 3 von 7" in talk("kompass").text
    for letter in "abbac":
        turn = talk(letter)
    assert turn.kind == "kompass-result"
    assert "Datenbasierung: Typ III" in turn.text and "Gesamtprofil:" in turn.text
    assert talk.state().mode == "guide" and talk.state().kompass == [2, 3, 1, 2, 2, 1, 3]


def test_end_finishes(talk):
    talk()
    assert talk("ende").finished


# saved state ------------------------------------------------------------------------------------
def test_session_resumes_where_the_learner_stopped(guide, tmp_path):
    ask = FakeAsk()
    first = GuideSession(guide, StateStore(tmp_path), ask)
    first.start("indikatoren")
    first.send("weiter")
    first.send("D")
    first.send("Was sagt Petra Schulz zum Stichtag der Kita-Statistik?")
    saved = json.loads((tmp_path / "lernstand.json").read_text(encoding="utf-8"))
    assert saved["module"] == "indikatoren" and saved["step"] == 1 and saved["solved"] == {"indikatoren": [1]}
    assert "Petra" not in (tmp_path / "lernstand.json").read_text(encoding="utf-8")
    again = GuideSession(guide, StateStore(tmp_path), ask).start()
    assert again.text.startswith("Willkommen zurück!")
    assert "Modul 3 „Prozess-Kontext-Modell und Indikatoren“ · Schritt 2" in again.text


def test_a_broken_state_file_is_set_aside(guide, tmp_path):
    (tmp_path / "lernstand.json").write_text("{kaputt", encoding="utf-8")
    turn = GuideSession(guide, StateStore(tmp_path), FakeAsk()).start()
    assert "nicht lesbar" in turn.text and turn.kind == "overview"
    assert (tmp_path / "lernstand.defekt").read_text(encoding="utf-8") == "{kaputt"


def test_jumping_to_an_unknown_module_fails_with_a_suggestion(guide, tmp_path):
    from assistant.errors import InputError

    with pytest.raises(InputError) as err:
        GuideSession(guide, StateStore(tmp_path), FakeAsk()).start("Bildungsberich")
    assert "Meinten Sie Modul 5 „Der erste Bildungsbericht“?" in str(err.value)
