"""The statistical person recognizer: finds names in no list, fails closed, trains reproducibly."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from assistant import PROJECT_ROOT
from assistant.errors import PrivacyError
from tests.privacy.conftest import spans


@pytest.fixture(scope="module")
def recognizer():
    from assistant.privacy.names import load_lexicon
    from assistant.privacy.text.ner_model import load_model
    from assistant.privacy.text.recognizers.ner_person import NerPersonRecognizer

    return NerPersonRecognizer(load_lexicon(), load_model())


def found(recognizer, text: str) -> list[str]:
    return [text[start:end] for start, end, _ in recognizer.find(text)]


@pytest.mark.parametrize(("text", "name"), [
    ("Gestern rief Frau Okonkwo-Baptiste an und bat um Rückruf.", "Okonkwo-Baptiste"),
    ("Okonkwo-Baptiste kommt morgen zur Sprechstunde.", "Okonkwo-Baptiste"),
    ("Laut Mbeki-Sørensen fehlen in der Stadt 300 Kitaplätze.", "Mbeki-Sørensen"),
])
def test_ner_finds_a_name_that_is_in_no_list(recognizer, text, name):
    from assistant.privacy.names import load_lexicon

    lexicon = load_lexicon()
    first_part = name.split("-")[0]
    for word in (name, first_part):  # neither the name nor its first part is in a name list
        assert not (lexicon.is_first_name(word) or lexicon.is_surname(word))
    assert name in found(recognizer, text)


@pytest.mark.parametrize(("text", "names"), [
    # names of many origins, most in no name list
    ("Der Antrag von Oluwaseun Adebayo-Kraus wurde gestern bewilligt.", ["Oluwaseun Adebayo-Kraus"]),
    ("Laut Tchakounté fehlen der Grundschule noch zwei Lehrkräfte.", ["Tchakounté"]),
    ("Im Ausschuss berichtete Kwabena Asante über die Sprachkurse.", ["Kwabena Asante"]),
    ("Nach Rücksprache mit Herrn Abubakari wird der Fall neu bewertet.", ["Abubakari"]),
    # after titles and roles (the title is not part of the name)
    ("Dr. Sigríður Magnúsdóttir leitet das Projekt zur Sprachförderung.", ["Sigríður Magnúsdóttir"]),
    ("Prof. Okonjo-Mbeki stellte die Ergebnisse im Ausschuss vor.", ["Okonjo-Mbeki"]),
    ("Gestern hat Frau Oyelaran-Schütz die Unterlagen für die Anmeldung abgegeben.",
     ["Oyelaran-Schütz"]),
    # lower-case note
    ("termin mit fr. nowak am montag verschoben", ["nowak"]),
])
def test_shipped_model_finds_persons_in_new_sentences(recognizer, text, names):
    assert found(recognizer, text) == names


@pytest.mark.parametrize(("text", "names"), [
    # a role noun right before the name is cut off, not a reason to drop the name
    ("Die Schulsozialarbeiterin Ngozi Eze-Lindqvist betreut seit August die Klasse 5c.",
     ["Ngozi Eze-Lindqvist"]),
    ("Am Montag stellte Schulrat Tadeusz Wiśniewski den neuen Förderplan im Ausschuss vor.",
     ["Tadeusz Wiśniewski"]),
    # a name in the genitive before its noun stays a name, the noun is cut off
    ("Nach Adebayos Rückkehr aus der Elternzeit übernimmt sie die Klasse wieder.", ["Adebayos"]),
])
def test_names_next_to_ordinary_nouns_in_running_text(recognizer, text, names):
    assert found(recognizer, text) == names


@pytest.mark.parametrize("text", [
    "Der Soziale Dienst des Jugendamts meldet sich morgen bei der Schule.",
    "Der Ärztliche Dienst hat die Schuleingangsuntersuchung für Mittwoch angesetzt.",
    # a capital at the start of a sentence says nothing
    "Wer hilft beim Sommerfest? Bringt bitte Kuchen mit und tragt euch in die Liste ein.",
    "Abgabeorte sind das Sekretariat und die Bibliothek im Erdgeschoss.",
])
def test_ordinary_words_before_a_noun_or_at_a_sentence_start_are_no_names(recognizer, text):
    assert found(recognizer, text) == []


def test_short_unlisted_abbreviations_are_not_names(recognizer):
    for text in ("Std | Fach | Raum", "Jg. 5 bis 7, Ev. Religion", "SB: Zi. 12"):
        assert found(recognizer, text) == []


def test_labels_in_a_table_row_are_not_names(recognizer):
    # running text gets a lower model threshold than table rows and short lines
    for text in ("Betreuung | Wunschzeit | Abholberechtigt | Bemerkung",
                 "Gruppe;Kernzeit;Frühdienst;Mittagessen"):
        assert found(recognizer, text) == []


@pytest.mark.parametrize("text", [
    "Die Kita Sonnenschein in Essen hat noch Plätze frei.",
    "Der Koch der Mensa und ein Fischer aus Kiel kamen zum Sommerfest.",
    "Hinweis: Die Frist für die Anmeldung endet am 15.03.2025.",
    "Schüler-Nr.;Klasse;Geburtsdatum",
    "Tel. 0201 1234567, Fax 0201 1234568",
])
def test_ner_leaves_ordinary_words_alone(recognizer, text):
    assert found(recognizer, text) == []


UNLISTED = "Laut Mbeki-Sørensen fehlen in der Stadt 300 Kitaplätze."


def test_gate_redacts_a_name_only_the_model_knows(gate):
    assert spans(gate, UNLISTED) == [("PERSON", "Mbeki-Sørensen")]
    text = "Gestern rief Frau Okonkwo-Baptiste an. Okonkwo-Baptiste bittet um Rückruf."
    assert spans(gate, text) == [("PERSON", "Okonkwo-Baptiste"), ("PERSON", "Okonkwo-Baptiste")]


def test_missing_model_fails_closed(tmp_path):
    from assistant.privacy.text.ner_model import load_model

    with pytest.raises(PrivacyError) as info:
        load_model(tmp_path)
    assert "Personen-Erkennungsmodell fehlt" in info.value.message
    assert "train_ner.py" in info.value.hint


def test_model_of_another_feature_version_is_refused(tmp_path):
    from assistant.privacy.text.ner_model import META_FILE, MODEL_DIR, MODEL_FILE, load_model

    (tmp_path / MODEL_FILE).write_bytes((MODEL_DIR / MODEL_FILE).read_bytes())
    (tmp_path / META_FILE).write_text(json.dumps({"feature_version": -1}))
    with pytest.raises(PrivacyError, match="passt nicht zu dieser Lotse-Version"):
        load_model(tmp_path)


def test_broken_model_file_is_refused(tmp_path):
    from assistant.privacy.text.ner_features import FEATURE_VERSION
    from assistant.privacy.text.ner_model import META_FILE, MODEL_FILE, load_model

    (tmp_path / MODEL_FILE).write_bytes(b"not a crfsuite model")
    (tmp_path / META_FILE).write_text(json.dumps({"feature_version": FEATURE_VERSION}))
    with pytest.raises(PrivacyError, match="konnte nicht geladen werden"):
        load_model(tmp_path)


def test_gate_refuses_to_start_without_its_model(settings, tmp_path, monkeypatch):
    from assistant.privacy import PrivacyGate
    from assistant.privacy.text import engine
    from assistant.privacy.text import ner_model

    monkeypatch.setattr(ner_model, "MODEL_DIR", tmp_path)
    monkeypatch.setattr(ner_model.load_model, "__defaults__", (tmp_path,))
    monkeypatch.setattr(engine, "_cache", {})
    with pytest.raises(PrivacyError, match="Personen-Erkennungsmodell fehlt"):
        PrivacyGate.from_settings(settings)


def test_switching_the_model_off_is_explicit(settings, tmp_path, monkeypatch):
    from assistant.privacy import PrivacyGate
    from assistant.privacy.text import engine
    from assistant.privacy.text import ner_model

    monkeypatch.setattr(ner_model.load_model, "__defaults__", (tmp_path,))  # no model there
    monkeypatch.setattr(engine, "_cache", {})
    settings.privacy.ner_person = False
    gate = PrivacyGate.from_settings(settings)
    assert spans(gate, "Frau Lea Schmidt ruft an.") == [("PERSON", "Lea Schmidt")]
    # lists and rules alone miss a name with no listed part (a listed part, like "Sørensen" in
    # UNLISTED, makes a hyphenated word a double surname for the rules)
    assert spans(gate, "Laut Ndlovu-Brekkestad fehlen in der Stadt 300 Kitaplätze.") == []


@pytest.fixture
def germeval(shared_dir):
    path = shared_dir / "data" / "germeval2014" / "NER-de-dev.tsv"
    if not path.is_file():
        pytest.skip("GermEval 2014 not in shared/data")
    return path


def test_training_script_runs_on_a_tiny_subset(tmp_path, germeval):
    out = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "train_ner.py"), "--max-sentences", "50",
         "--synthetic", "50", "--germeval", str(germeval), "--out", str(tmp_path)],
        capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert "trained on all of NER-de-dev.tsv" in out.stdout
    meta = json.loads((tmp_path / "person_crf.json").read_text())
    assert meta["max_sentences"] == 50 and meta["germeval_folds"] == "all"

    from assistant.privacy.text.ner_model import load_model

    model = load_model(tmp_path)
    assert model.labels  # a working tagger with person labels
    assert model.token_threshold == meta["token_threshold"]


def test_shipped_model_is_the_training_recipe(tmp_path):
    """The shipped model's description records the options ``scripts/train_ner.py`` uses by
    default (the recipe ``scripts/cv_ner.py`` measures), on all of GermEval dev."""
    import argparse

    from scripts.train_ner import add_training_args
    from assistant.privacy.text.ner_features import FEATURE_VERSION
    from assistant.privacy.text.ner_model import META_FILE, MODEL_DIR

    parser = argparse.ArgumentParser()
    add_training_args(parser)
    defaults = parser.parse_args([])
    meta = json.loads((MODEL_DIR / META_FILE).read_text())
    assert meta["feature_version"] == FEATURE_VERSION
    assert meta["germeval_folds"] == "all" and meta["max_sentences"] is None
    for key in ("seed", "c1", "c2", "iterations", "dropout", "token_threshold", "synthetic"):
        assert meta[key] == getattr(defaults, key), key


def test_training_is_reproducible(tmp_path, germeval):
    def train(out):
        subprocess.run(
            [sys.executable, str(PROJECT_ROOT / "scripts" / "train_ner.py"), "--max-sentences", "40",
             "--synthetic", "40", "--iterations", "15", "--germeval", str(germeval), "--out", str(out)],
            capture_output=True, text=True, timeout=120, check=True)
        return (out / "person_crf.crfsuite").read_bytes()

    assert train(tmp_path / "a") == train(tmp_path / "b")


def test_cross_validation_script_runs_on_a_tiny_subset(germeval):
    out = subprocess.run(
        [sys.executable, str(PROJECT_ROOT / "scripts" / "cv_ner.py"), "--germeval", str(germeval),
         "--folds", "0", "3", "--max-sentences", "120", "--synthetic", "60", "--iterations", "20"],
        capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert lines[0].startswith("command: python scripts/cv_ner.py --germeval")
    folds = [line for line in lines if line.startswith("fold ")]
    assert [line.split(":")[0] for line in folds] == ["fold 0", "fold 3"]
    persons = [int(line.split("persons")[1].split()[0]) for line in folds]
    assert all(n > 0 for n in persons)  # 24 sentences per fold hold some names
    for key in ("P", "R", "F1", "R_new"):
        mean = next(line for line in lines if line.startswith(f"mean {key} "))
        value, sd = mean.split()[2], mean.split()[4]
        assert 0.0 <= float(value) <= 1.0 and float(sd) >= 0.0
