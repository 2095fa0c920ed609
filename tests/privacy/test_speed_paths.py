"""The gate's fast paths find exactly what the slower reference paths find.

The analyzer replaces Presidio's ``AnalyzerEngine`` call; these tests hold it to the engine's
findings (type, offsets, score, order) on texts written for this file.
"""

from __future__ import annotations

import functools
import json
import re

import pytest

from assistant import PROJECT_ROOT

EXAMPLES = [
    "Herr Baltasar Quintero-Möhle, wohnhaft Lindenallee 7b, 34117 Kassel, Tel. 0561 4471902.",
    "Die Mutter von Ilvy (geb. 14.02.2015) ist erreichbar unter ilvy.mama@posteo.de.",
    "Bitte überweisen Sie den Beitrag auf DE02 1203 0000 0000 2020 51 (Kontoinhaberin T. Aydın).",
    "Schülernummer 2024-1187 gehört zu Jonte Kaczmarek aus der 6c.",
    "Mit freundlichen Grüßen\nR. Oyelaran-Berg\nSchulsozialarbeit Nordstadt",
    "notiz: fr. wenzel ruft zurück wg. hr. adebayo, rückruf bis do.",
    "| Name | Geburtsdatum | Klasse |\n|---|---|---|\n| Smilla Ostrowski | 09.11.2016 | 2b |",
    "Kontakt über Handy 01521 7730418 oder per Fax 0231 99 44 01, Steuer-ID 57 549 285 017.",
    "Die Übergangsquote auf das Gymnasium lag 2023 bei 38,4 Prozent.",
    "Письмо от Олена Коваленко (Olena Kovalenko) an die Klassenleitung.",
    '{"snr": "88123", "vorname": "Tiago", "nachname": "Ferreira", "tel": "0176-2281940"}',
    "Gestern berichtete Ngozi Abiodun-Lehmann im Ausschuss über die Kita Sonnenblume.",
    "Anschrift: Kirchgasse 3\n99084 Erfurt",
    "",
    "   ",
]


@pytest.fixture(scope="module")
def analyzers():
    from assistant.privacy.text.engine import build_analyzer

    return build_analyzer(), build_analyzer(reference=True)


def findings(analyzer, text: str) -> list[tuple[str, int, int, float]]:
    return [(r.entity_type, r.start, r.end, r.score)
            for r in analyzer.analyze(text, language="de", score_threshold=0.4)]


@pytest.mark.parametrize("text", EXAMPLES)
def test_analyzer_finds_what_presidios_engine_finds(analyzers, text) -> None:
    fast, reference = analyzers
    assert findings(fast, text) == findings(reference, text)


def test_the_examples_cover_every_kind_of_finding(analyzers) -> None:
    """The comparison above means something only if the examples hold findings of every type."""
    fast, _ = analyzers
    kinds = {kind for text in EXAMPLES for kind, *_ in findings(fast, text)}
    assert kinds >= {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
                     "IBAN_CODE", "STUDENT_ID", "DE_TAX_ID"}


def test_analyzer_refuses_another_language(analyzers) -> None:
    fast, _ = analyzers
    with pytest.raises(ValueError):
        fast.analyze("Lea Schmidt", language="en", score_threshold=0.4)


PATTERN_TEXTS = EXAMPLES + [
    "Geboren am 30.02.2014? Nein: geb. 28.02.2014, Tel. 12.03.2024 ist ein Datum.",
    "Rückruf unter +49 (0) 351 4471-902 oder 0049 30 2291 774, Hotline 116 111.",
    "Aktenzeichen 0351-2025-0017, Steuer-ID 12 345 678 901, Handy 0172.55 12 384",
]


def pattern_recognizers():
    from assistant.privacy.names import load_lexicon
    from assistant.privacy.text.recognizers import german_recognizers
    from assistant.privacy.text.recognizers.precheck import PrecheckedPatternRecognizer

    return [r for r in german_recognizers(load_lexicon())
            if isinstance(r, PrecheckedPatternRecognizer)]


@pytest.mark.parametrize("text", PATTERN_TEXTS)
def test_pattern_stage_finds_what_presidios_pattern_recognizer_finds(text) -> None:
    """Our pattern loop (no per-pattern timeout) against Presidio's own, pattern by pattern."""
    from presidio_analyzer import PatternRecognizer

    from assistant.privacy.text.recognizers.precheck import analyze_patterns

    def described(results) -> list[tuple]:
        return [(r.entity_type, r.start, r.end, r.score, r.recognition_metadata,
                 r.analysis_explanation.pattern_name, r.analysis_explanation.score,
                 r.analysis_explanation.validation_result) for r in results]

    recognizers = pattern_recognizers()
    assert {r.name for r in recognizers} >= {"GermanPhoneRecognizer", "GermanDateOfBirthRecognizer"}
    for recognizer in recognizers:
        ours = analyze_patterns(recognizer, text)
        presidios = PatternRecognizer.analyze(recognizer, text, recognizer.supported_entities)
        assert described(ours) == described(presidios), recognizer.name


# --- the person model: weights read from the file, marginals computed here ---------------------

LINES = [
    "Gestern rief Frau Okafor-Lindqvist an und bat um einen Rückruf wegen ihrer Tochter Maren.",
    "Dr. Jelena Wróblewska (Schulpsychologin) kommt am Dienstag in die 4b.",
    "Name | Vorname | Klasse | Förderbedarf",
    "Brückner | Timo | 7c | ja",
    "z.B. hat Hr. Szymański-Ott die Liste am 03.05.2024 an die Schulleitung geschickt.",
    "ok", "Ahmadi", "…", "- - -",
    "MIT FREUNDLICHEN GRÜSSEN, i. A. K. Brandstetter",
    "Laut Mbeki fehlen 300 Plätze, sagte der Sprecher des Jugendamts, Frederik Ohlsen, am Montag.",
    "Письмо родителям: Олена Коваленко просит перезвонить.",
    " ".join(["Die Kinder der Kita Regenbogen und ihre Eltern Amani, Lotta, Behrens."] * 12),
]


@pytest.fixture(scope="module")
def person_model():
    from assistant.privacy.names import load_lexicon
    from assistant.privacy.text.ner_model import load_model

    return load_model(), load_lexicon()


def crfsuite_marginals(model, xseq) -> list[tuple[float, float]]:
    model._tagger.set(xseq)
    return [(model._tagger.marginal("B-PER", i), model._tagger.marginal("I-PER", i))
            for i in range(len(xseq))]


@pytest.mark.parametrize("line", LINES)
def test_person_model_marginals_are_crfsuites(person_model, line) -> None:
    from assistant.privacy.text.ner_features import feature_weights, featurize, sequences
    from assistant.privacy.text.ner_model import marginals

    model, lexicon = person_model
    state, transitions = model._weights
    for tokens in sequences(line):
        ours = marginals(feature_weights(tokens, lexicon, state), transitions)
        theirs = crfsuite_marginals(model, featurize(tokens, lexicon))
        assert len(ours) == len(theirs) == len(tokens)
        for (b, i), (b_ref, i_ref) in zip(ours, theirs):
            assert b == pytest.approx(b_ref, abs=1e-12) and i == pytest.approx(i_ref, abs=1e-12)


@pytest.mark.parametrize("line", LINES)
@pytest.mark.parametrize("threshold", [0.12, 0.3, 0.5])
def test_person_model_spans_are_crfsuites(person_model, line, threshold) -> None:
    from assistant.privacy.text.ner_features import featurize, sequences

    model, lexicon = person_model
    for tokens in sequences(line):
        ours = model.token_spans(tokens, lexicon, threshold)
        theirs = model.spans(featurize(tokens, lexicon), threshold)
        assert [(i, j) for i, j, _ in ours] == [(i, j) for i, j, _ in theirs]
        for (*_, p), (*_, p_ref) in zip(ours, theirs):  # sums in another order: last bits differ
            assert p == pytest.approx(p_ref, abs=1e-12)


@pytest.fixture(scope="module")
def ner_recognizer(person_model):
    from assistant.privacy.text.recognizers.ner_person import NerPersonRecognizer

    model, lexicon = person_model
    return NerPersonRecognizer(lexicon, model)


@pytest.mark.parametrize("word, spoils", [
    ("B17", True), ("Gruppe4", True), ("K2a", True),  # a digit
    ("und", True), ("weil", True), ("oder", True),  # lower-case ordinary words
    ("Kunden-Nr", True), ("Tel.", True), ("Fax-Nr.", True),  # labels, abbreviations
    ("JuLeiCa", True), ("WiSoG", True), ("IServ", True),  # acronyms in mixed case
    ("Schulhof", True), ("Mittagessen", True), ("Elternabend", True),  # ordinary nouns
    ("Okonkwo", False), ("Marlene", False), ("Zyprian", False), ("Brandt", False),  # names
    ("von", False), ("Dr.", False), ("Frau", False),  # particles and titles: trimmed off a span
])
def test_words_that_spoil_every_span_are_no_candidates(ner_recognizer, word, spoils) -> None:
    assert ner_recognizer._spoils_span(word) is spoils
    if spoils:
        assert not ner_recognizer._could_be_name(word)


def test_lines_skipped_for_spoiling_words_yield_nothing(person_model, monkeypatch) -> None:
    """The person recognizer skips the model for a line whose only candidates spoil every span;
    without that skip it finds the same in the repo's corpora, from the gate's threshold up
    (below it, a span of words that are no candidates, "Apfel" in a menu, was never looked for in
    every line: the skip of lines without candidates has always left those out)."""
    from assistant.privacy.text.recognizers.ner_person import ACCEPT_SCORE, NerPersonRecognizer

    def accepted(found: list[tuple[int, int, float]]) -> list[tuple[int, int, float]]:
        return [f for f in found if f[2] >= ACCEPT_SCORE]

    model, lexicon = person_model
    texts = LINES + [json.loads(line)["text"] for path in sorted(
        (PROJECT_ROOT / "tests" / "data").glob("privacy*/corpus*.jsonl"))
        for line in path.read_text(encoding="utf-8").splitlines()[:60] if line.strip()]
    fast = NerPersonRecognizer(lexicon, model)
    ours = [accepted(fast.find(text)) for text in texts]
    monkeypatch.setattr(NerPersonRecognizer, "_spoils_span", lambda self, word: False)
    slow = NerPersonRecognizer(lexicon, model)
    assert ours == [accepted(slow.find(text)) for text in texts]
    assert sum(map(bool, ours)) >= 50


def test_person_model_finds_names_at_all(person_model) -> None:
    """The comparisons above mean something only if the model finds persons in these lines."""
    from assistant.privacy.text.ner_features import sequences

    model, lexicon = person_model
    found = [line for line in LINES for tokens in sequences(line)
             if model.token_spans(tokens, lexicon, 0.3)]
    assert len(found) >= 5


def test_weights_reader_refuses_a_file_that_is_no_model(tmp_path) -> None:
    from assistant.privacy.text.crf_weights import read_crf_weights

    path = tmp_path / "x.crfsuite"
    path.write_bytes(b"lCRF" + bytes(60))
    with pytest.raises(ValueError):
        read_crf_weights(path)


def test_a_model_with_other_labels_is_tagged_by_crfsuite(tmp_path, person_model) -> None:
    """The weight path is written for O/B-PER/I-PER; another label set goes through crfsuite."""
    import pycrfsuite

    from assistant.privacy.text.ner_features import featurize, sequences
    from assistant.privacy.text.ner_model import PersonModel

    _, lexicon = person_model
    trainer = pycrfsuite.Trainer(verbose=False)
    for line, labels in [("Frau Okafor kommt morgen.", ["O", "B-PER", "O", "O", "O"]),
                         ("Heute fehlt Timo.", ["O", "O", "B-PER", "O"])]:
        (tokens,) = sequences(line)
        trainer.append(featurize(tokens, lexicon), labels)
    trainer.set_params({"max_iterations": 20})
    trainer.train(str(tmp_path / "two.crfsuite"))
    model = PersonModel(tmp_path / "two.crfsuite")
    assert model._weights is None and model.labels == ("B-PER",)
    (tokens,) = sequences("Morgen kommt Frau Okafor.")
    # the fallback tags with crfsuite itself: the person after "Frau" is found (token 3)
    found = model.token_spans(tokens, lexicon, 0.3)
    assert [(i, j) for i, j, _ in found] == [(3, 4)], found


@pytest.mark.parametrize("text", EXAMPLES + PATTERN_TEXTS[-3:] + [
    "Tel.: 0351/4471902 (Fr. Dr. Ohlsen), wohnhaft in der Bahnhofstr. 4a; geb. am 3. Mai 2016.",
    "Kontakt per E-Mail oder telefonisch; Anschrift siehe oben.\n\nIBAN-Nr. bitte nachreichen!"])
def test_nlp_artifacts_are_the_pipelines(text) -> None:
    """Tokenizer and lemma table alone give what the whole spaCy pipeline gives the enhancer."""
    from assistant.privacy.text.nlp import BlankSpacyNlpEngine

    engine = BlankSpacyNlpEngine()
    engine.load()
    ours, reference = engine.process_text_now(text, "de"), engine.process_text_pipeline(text, "de")
    assert [t.text for t in ours.tokens] == [t.text for t in reference.tokens]
    assert ours.tokens_indices == reference.tokens_indices
    assert ours.lemmas == reference.lemmas
    assert ours.keywords == reference.keywords
    assert list(ours.entities) == list(reference.entities) and ours.scores == reference.scores
    if "Tel." in text:
        assert "telefon" in ours.lemmas  # the lemma table is used, not just the token text


CONTEXT_TEXTS = EXAMPLES + PATTERN_TEXTS[-3:] + [
    "Rückruf erbeten, Nummer 0351 4471902; Kontakt sonst über die Zentrale 0351 44710.",
    "Meldeadresse: Am Anger 12, 07743 Jena. Wohnhaft seit 2019 in der Schillerstraße 3.",
    "Lastschrift vom Konto DE44 5001 0517 5407 3249 31 (Überweisung bitte bis Freitag).",
    "Finanzamt Jena, Steuer-Identifikationsnummer 81 872 495 633, Kontakt per Mail: k.b@jena.de",
]


@pytest.mark.parametrize("text", CONTEXT_TEXTS)
def test_context_step_scores_as_presidios_enhancer(analyzers, text) -> None:
    """Our context step against Presidio's own lemma enhancer on the whole spaCy pipeline."""
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    fast, _ = analyzers
    raw = [r for rec in fast.recognizers
           for r in rec.analyze(text=text, entities=fast._entities, nlp_artifacts=None) or ()]
    for r in raw:
        r.recognition_metadata.setdefault("recognizer_identifier", "?")
    ours = fast.context_aware_enhancer.enhance_using_context(
        text=text, raw_results=raw, nlp_artifacts=fast.nlp_engine.process_text(text, "de"),
        recognizers=fast.recognizers)
    presidio = LemmaContextAwareEnhancer(context_prefix_count=5, context_suffix_count=2)
    theirs = presidio.enhance_using_context(
        text=text, raw_results=raw,
        nlp_artifacts=fast.nlp_engine.process_text_pipeline(text, "de"), recognizers=fast.recognizers)
    assert [(r.entity_type, r.start, r.end, r.score) for r in ours] == [
        (r.entity_type, r.start, r.end, r.score) for r in theirs]


STREET_START_TEXTS = [
    "Umzug zum 1. Mai in die Gartenstraße 9, 39104 Magdeburg.",
    "Ab sofort gilt: Holunderstraße 14a\n06110 Halle (Saale)",
    "Die Familie Nnamdi zieht  Kastanienstraße 2, 24103 Kiel (ab Juli).",
    "Schwanenstraße 7 in 42551 Velbert ist seit März die neue Bleibe.",
]


@pytest.mark.parametrize("text", STREET_START_TEXTS)
def test_context_word_at_a_findings_start_raises_as_presidio_without_spacy(
        analyzers, text, monkeypatch) -> None:
    """A street finding whose first word holds a context word ('…straße'): score and context
    word as Presidio's enhancer gives them on the whole pipeline, without a spaCy run."""
    from presidio_analyzer.context_aware_enhancers import LemmaContextAwareEnhancer

    from assistant.privacy.text.nlp import BlankSpacyNlpEngine

    fast, _ = analyzers
    raw = [r for rec in fast.recognizers
           for r in rec.analyze(text=text, entities=fast._entities, nlp_artifacts=None) or ()]
    for r in raw:
        r.recognition_metadata.setdefault("recognizer_identifier", "?")
    presidio = LemmaContextAwareEnhancer(context_prefix_count=5, context_suffix_count=2)
    theirs = presidio.enhance_using_context(
        text=text, raw_results=raw,
        nlp_artifacts=fast.nlp_engine.process_text_pipeline(text, "de"), recognizers=fast.recognizers)
    runs: list[str] = []
    real = BlankSpacyNlpEngine.process_text_now
    monkeypatch.setattr(BlankSpacyNlpEngine, "process_text_now",
                        lambda self, t, lang: runs.append(t) or real(self, t, lang))
    ours = fast.context_aware_enhancer.enhance_using_context(
        text=text, raw_results=raw, nlp_artifacts=fast.nlp_engine.process_text(text, "de"),
        recognizers=fast.recognizers)

    def scored(results):  # noqa: ANN001, ANN202
        return [(r.entity_type, r.start, r.end, r.score,
                 r.analysis_explanation.supportive_context_word) for r in results]

    assert scored(ours) == scored(theirs)
    assert any(word == "straße" for *_, word in scored(ours))
    assert runs == []


@pytest.mark.parametrize("text", STREET_START_TEXTS + EXAMPLES[:3] + [
    "(Birkenstraße 4) Gartenstraße, z.B. Tel.: 0345/12 34 oder Fax. Hauptstr. 5 - Ring-Str.",
    "d.h. Adresse:Lindenweg usw. \u00a0Mühlenstraße\t3 zum Bahnhof und wg. Hr. Okafor's Post",
])
def test_a_chunks_keyword_is_its_token_in_the_text(text) -> None:
    """Where a whitespace-free word is one token alone, it is that token in the text, and its
    keyword is the one Presidio's artifacts list for it."""
    from assistant.privacy.text.nlp import BlankSpacyNlpEngine

    engine = BlankSpacyNlpEngine()
    engine.load()
    reference = engine.process_text_pipeline(text, "de")
    tokens = {t.idx: (t.text, lemma.lower()) for t, lemma in zip(reference.tokens, reference.lemmas)}
    decided = 0
    for m in re.finditer(r"\S+", text):
        keyword = engine.chunk_keyword(m.group())
        if keyword is not None:
            decided += 1
            assert tokens[m.start()] == (m.group(), keyword)
            assert keyword in reference.keywords
    assert decided >= 3


def test_context_words_raise_scores_in_these_texts(analyzers) -> None:
    """The comparison above means something only if context words raise some scores there."""
    fast, reference = analyzers
    raised = 0
    for text in CONTEXT_TEXTS:
        raw = [r for rec in fast.recognizers
               for r in rec.analyze(text=text, entities=fast._entities, nlp_artifacts=None) or ()]
        for r in raw:
            r.recognition_metadata.setdefault("recognizer_identifier", "?")
        before = [r.score for r in raw]
        after = fast.context_aware_enhancer.enhance_using_context(
            text=text, raw_results=raw, nlp_artifacts=fast.nlp_engine.process_text(text, "de"),
            recognizers=fast.recognizers)
        raised += sum(a.score > b for a, b in zip(after, before))
        assert [r.score for r in raw] == before  # the findings handed in are not changed
    assert raised >= 3


def test_cached_word_lookups_are_spacys() -> None:
    from assistant.privacy.text.nlp import BlankSpacyNlpEngine

    engine = BlankSpacyNlpEngine()
    engine.load()
    vocab = engine.nlp["de"].vocab
    words = ("und", "Und", "der", "Telefon", "telefon", ".", "-", "…", "geboren", "wohnen", ":",
             "ÜBER", "Aber", "„", "—", "§", "Quastenflosser", "sowie", "Sowie", "'s", "¿")
    new = [word for word in words if word not in vocab]
    assert len(new) >= 5  # the words no lexeme exists for yet take the other path
    for word in words:
        assert engine.is_stopword(word, "de") == vocab[word].is_stop
        assert engine.is_punct(word, "de") == vocab[word].is_punct
    for word in words:  # now every one has a lexeme
        engine._lexical.clear()
        assert engine.is_stopword(word, "de") == vocab[word].is_stop
        assert engine.is_punct(word, "de") == vocab[word].is_punct


ADDRESS_LINES = [
    "Neue Anschrift der Familie:\nZwischen den Alten Höfen 3, 45127 Essen\nTel. 0201 55 66 77",
    "Termin\nTreffpunkt Straße des 17. Juni 5 um 9 Uhr; danach Am Kleinen Anger 12 →",
    "ul. Nowy Świat Dolny 5\tWarszawa\n\nRue Victor Hugo 8, 1000 Bruxelles",
    "Die Familie wohnt jetzt in der Ebereschenstr.14a und vorher Karl-Marx-Str. 5-7.",
    "Schüler aus Raum 12 und Klasse 5 gehen heute zum Sportplatz.\nwohnt jetzt birkenweg 3",
    "Q5, 12 68161 Mannheim\n   Lindenhof 7, 33602 Bielefeld   \nTALSTR. 5      35394 GIESSEN",
    "Notiz:\neins zwei drei vier fünf sechs sieben acht neun zehn Obere Mühlenbergstraße 101 b",
]


@pytest.mark.parametrize("text", ADDRESS_LINES)
def test_address_line_scan_finds_what_the_whole_text_scan_finds(text) -> None:
    from assistant.privacy.text.recognizers import address

    for pattern in (address._STREET, address._ANY):
        whole = [(m.span(), m.groupdict()) for m in pattern.finditer(text)]
        assert [(m.span(), m.groupdict()) for m in address._line_matches(pattern, text)] == whole
    assert address._line_matches(address._STREET, text)  # each example holds a street


WEAK_STREET_TEXTS = [
    "Wir treffen uns am Marktplatz 3, danach Lindenhof 12 und Kirchberg 4a.",
    "Am Schwarzen Graben 5\nHinter dem Mühlenfeld  7 →",
    "Die Kinder spielen am Sportplatz; Raum 12 ist frei.",  # a weak word, but no number after it
    "Sonnenhang 7, 12345 Musterdorf; Im Jahr 2023 zog die Familie um.",
    # a street word, a lower-case street or only the kinds without one right before the number
    "Abholung an der Bushaltestelle Am Bahnsteig 3 oder Flugsteig 7, Raum 12.",
    "neue adresse: obere kirchgasse 3 bzw. hauptstr 5 oder breite str.12",
    "Treffpunkt Alt-Moabit 12 und danach Straße der 17. Brigade 4, nicht in Klasse 5.",
    "Sie wohnt in der Promenade 2a; die Chaussee  14 ist gesperrt; Hamburger Str. 8.",
    "Rue de la Loi 16 und ul. Długa 15/3, C 4, 12 in Mannheim.",
]


@pytest.mark.parametrize("text", ADDRESS_LINES + WEAK_STREET_TEXTS)
def test_street_pattern_without_weak_words_is_chosen_only_where_it_finds_the_same(text) -> None:
    from assistant.privacy.text.recognizers import address

    full = [(m.span(), m.groupdict()) for m in address._STREET.finditer(text)]
    assert [(m.span(), m.groupdict()) for m in address._street_for(text).finditer(text)] == full


def test_street_pattern_choice_keeps_weak_streets() -> None:
    from assistant.privacy.text.recognizers import address

    with_weak_word = [address._STREETS[(True, strong, lower)] for strong in (False, True) for lower in (False, True)]
    assert address._street_for(WEAK_STREET_TEXTS[0]) in with_weak_word
    assert address._street_for(WEAK_STREET_TEXTS[2]) is address._STREETS[(False, False, False)]
    assert address._street_for("Sie wohnen an der Karl-Marx-Allee 4.") is address._STREETS[(False, True, False)]
    assert address._street_for("wohnt jetzt birkenweg 3") is address._STREETS[(False, True, True)]
    found = [m.group() for m in address._STREET.finditer(WEAK_STREET_TEXTS[0])]
    assert found == ["Marktplatz 3", "Lindenhof 12", "Kirchberg 4a"]


# --- warm-up at build time ------------------------------------------------------------------------

def test_warm_up_texts_take_every_recognizer_through_a_finding(analyzers) -> None:
    """The warm-up builds what the recognizers build at first use only if each of them finds
    something in its texts."""
    from assistant.privacy.text.engine import WARM_UP_TEXTS

    fast, _ = analyzers
    kinds = {kind for text in WARM_UP_TEXTS for kind, *_ in findings(fast, text)}
    assert kinds >= {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS",
                     "IBAN_CODE", "STUDENT_ID", "DE_TAX_ID"}


def test_warm_up_leaves_nothing_in_the_users_session(gate) -> None:
    """The warm-up runs in a session of its own: its names are no known names of the user's
    session, so a later bare surname of the warm-up texts is not propagated."""
    assert not gate.pseudonyms.known_name_words()
    assert gate.redact("Beispiel").entities == []
    assert gate.redact("Die Akte liegt bei Muster im Büro.").text == "Die Akte liegt bei Muster im Büro."


# --- pre-checks searched in the lower-cased text ------------------------------------------------

PRECHECK_TEXTS = [
    "GEB. 03.05.2011", "Geburtsdatum: 1.2.2013", "DOB 2011-05-03", "Née Martin", "nee martin",
    "Mit freundlichen GRÜSSEN", "i.A. Berger", "I. V. Schulz", "Doğum tarihi", "DOĞUM TARİHİ",
    "Дата рождения", "ДАТА РОЖДЕНИЯ", "ΗΜΕΡΟΜΗΝΙΑ ΓΈΝΝΗΣΗΣ", "ημερομηνία γέννησησ",
    "HR. MÜLLER → FR. KAYA", "Hr.Weber", "herr ſchmidt", "Frau Yılmaz", "İLKNUR ARSLAN",
    "Kind ½ Jahr, µ-Wert", "x² geb", "Vertritt: Anna", '"snr": "4711"', "sid=4712", "<b>",
    "Name:Ida", "ÄÖÜ äöü ẞ ß", "„Zitat“ – geb. · € →", "Unterschrift\u2028gez. Meier", "",
]


@pytest.mark.parametrize("text", PRECHECK_TEXTS)
def test_prechecks_searched_lower_cased_find_what_the_patterns_find(analyzers, text) -> None:
    from assistant.privacy.text.recognizers.notes import _CONTEXT_PRECHECK, _NOTE_PRECHECK
    from assistant.privacy.text.recognizers.precheck import precheck_search

    patterns = [r.PRECHECK for r in analyzers[0].recognizers if hasattr(r, "PRECHECK")]
    for pattern in [*patterns, _NOTE_PRECHECK, _CONTEXT_PRECHECK]:
        for variant in (text, text.lower(), text.upper(), f"x {text} y"):
            assert (precheck_search(pattern)(variant) is None) == (pattern.search(variant) is None), \
                (pattern.pattern[:40], variant)


def test_precheck_search_keeps_patterns_it_cannot_lower() -> None:
    import regex

    from assistant.privacy.text.recognizers.precheck import precheck_search

    for pattern in (regex.compile(r"\p{Lu}x", regex.IGNORECASE), regex.compile(r"(?-i:Ab)c", regex.IGNORECASE),
                    regex.compile(r"abc"), regex.compile(r"[[:alpha:]]x", regex.IGNORECASE),
                    regex.compile(r"(?P<x>ab)", regex.IGNORECASE)):
        assert precheck_search(pattern) == pattern.search
    assert precheck_search(regex.compile(r"geb|grü(?:ß|ss)", regex.IGNORECASE))("GRÜSS") is not None


#: (case-sensitive pattern, texts): a pattern whose matches start beyond ASCII is skipped for texts
#: whose highest character lies below that start, and finds the same.
FLOOR_CASES = [
    ("[\u0370-\u03ff\u0400-\u04ff]", ["Γιώργος", "Иван", "Müller µ-Wert", "ÿ", "a\u036f", ""]),
    ("(?:ж|ü)a", ["üa", "жa", "üb", "Kürbis", "ua", "z" * 40]),
    ("[\u3040-\u9fff]+(?: [a-z])?", ["李明 a", "ひらがな", "ÄÖÜ ẞ", "plain ascii"]),
]


@pytest.mark.parametrize("pattern, texts", FLOOR_CASES)
def test_prechecks_beyond_ascii_skip_lower_texts_and_find_the_same(pattern, texts) -> None:
    import regex

    from assistant.privacy.text.recognizers.precheck import precheck_search

    compiled = regex.compile(pattern)
    search = precheck_search(compiled)
    assert search != compiled.search
    for text in texts:
        assert (search(text) is None) == (compiled.search(text) is None), text


def test_lowered_text_is_kept_for_one_text_only(gate) -> None:
    from assistant.privacy.text.recognizers import precheck

    first, second = "Hr. Weber ruft AN", "".join(["Hr. Weber ", "ruft AN"])
    assert precheck.lowered_text(first) == "hr. weber ruft an"
    assert precheck.lowered_text(second) == "hr. weber ruft an"
    assert precheck.lowered_text("İLKNUR") is None  # lower-casing changes its length: not lowered
    gate.analyze("Frau Nowak (geb. 03.05.2011) kommt.")
    assert precheck._last == (None, None)  # no text outlives its analysis


#: (pattern, texts): the look-ahead for a match's first characters finds what the pattern finds.
FIRST_CHAR_CASES = [
    (r"\b(?:hr|frau)\b|gr[üu](?:ß|ss)|danke", ["hr. weber", "xhr y", "grüße", "grussformel", "undanke", "nix"]),
    (r"^\d|str\.\d|[ \t]\d", ["5 kinder", "hauptstr.12", "nr\t7", "a5", "\n3", "zwölf"]),
    (r"(?:ab)?c|x{2,3}y|z*q", ["c", "abc", "xxy", "xy", "zzq", "q", "ab"]),
    (r"née?\b|[*✱]|рожд", ["née", "nee martin", "neex", "*1.2.13", "✱", "дата рождения", "geb"]),
    (r"\bm(?:fg|it)\b|\d{2,}", ["mfg", "mit", "emit", "42", "4", ""]),
]


@pytest.mark.parametrize("pattern, texts", FIRST_CHAR_CASES)
def test_first_char_look_ahead_keeps_the_matches(pattern, texts) -> None:
    from assistant.privacy.text.recognizers.precheck import _with_first_chars

    for flags in (0, re.MULTILINE):
        faster = re.compile(_with_first_chars(pattern, flags), flags)
        assert faster.pattern.startswith("(?=[")
        for text in texts:
            assert [m.span() for m in faster.finditer(text)] == [m.span() for m in re.finditer(pattern, text, flags)]


@pytest.mark.parametrize("pattern", [r"a*", r"x?|y", r"[^\n:]{1,9}:|b", r".b", r"(?=a)ab", r"\b$"])
def test_first_char_look_ahead_left_out_where_any_start_or_empty_match(pattern) -> None:
    from assistant.privacy.text.recognizers.precheck import _with_first_chars

    assert _with_first_chars(pattern, 0) == pattern


def test_analyzer_marks_findings_with_presidios_metadata_keys() -> None:
    from presidio_analyzer import RecognizerResult

    from assistant.privacy.text import engine

    assert (engine._ID_KEY, engine._NAME_KEY) == (RecognizerResult.RECOGNIZER_IDENTIFIER_KEY,
                                                  RecognizerResult.RECOGNIZER_NAME_KEY)


def test_gate_finds_the_same_in_one_window_as_in_several(gate) -> None:
    text = EXAMPLES[0] + "\n" + EXAMPLES[6] + "\n" + EXAMPLES[10]
    one = gate.analyze(text)
    small = gate.new_session()
    small.chunk_chars, small.overlap_chars = len(text) - 1, len(text)
    assert small.analyze(text) == one


@pytest.mark.parametrize("line", [
    "  Frau Dr. Okafor-Lindqvist\tz.B. 03.05.2011 (Kl. 4b) …",
    "\u00a0Jana\u2003K.  ruft an:\u3000李明, Иван", "LG, mika r. ", "", "   ", "St. Martin.. usw.",
    "e-mail: a_b@c.de; Tel.:0201/123-45", "O’Neill’s Anna-Lena.",
])
def test_person_tokenizer_gives_the_match_by_match_tokens(line) -> None:
    """tokenize_line counts offsets along blanks and tokens: the same tokens as one match each."""
    from assistant.privacy.text.ner_features import _TOKEN, Tok, _keeps_period, tokenize_line

    reference = []
    for m in _TOKEN.finditer(line):
        word, (start, end) = m.group(), (m.start() + 5, m.end() + 5)
        if word[-1] == "." and len(word) > 1 and not _keeps_period(word[:-1]):
            reference += [Tok(word[:-1], start, end - 1), Tok(".", end - 1, end)]
        else:
            reference.append(Tok(word, start, end))
    assert tokenize_line(line, 5) == reference


#: Texts with names and no digit, in the layouts the date rules read: a row, a record, an apposition.
NO_DIGIT_TEXTS = [
    ("Name;Geburtsdatum;Klasse\nKorte, Mila;dritter Mai;fünf", "Korte, Mila"),
    ('{"name": "Ida Brenner", "gd": "zweiter Juni"}', "Ida Brenner"),
    ("Tom Reschke (geboren im Mai) kommt morgen.", "Tom Reschke"),
]


@pytest.mark.parametrize("text, name", NO_DIGIT_TEXTS)
def test_date_rules_find_nothing_without_a_digit(text, name) -> None:
    """What lets structural_spans skip the date rules for such a text: each finds nothing."""
    from assistant.privacy.text import structure

    start = text.index(name)
    people = [(start, start + len(name))]
    assert structure._row_dates(text, people, set()) == []
    assert structure._record_dates(text, people, set()) == []
    assert structure._apposition_dates(text, people, set()) == []


def test_date_rules_still_run_where_a_digit_stands() -> None:
    from assistant.privacy.text.structure import structural_spans

    text = "Lina Voss, 04.09.2013 – Eintrag vom 12.03.2025"
    found = structural_spans(text, [("PERSON", 0, 9, 0.9)])
    assert [(kind, text[s:e]) for kind, s, e, _ in found] == [("DATE_OF_BIRTH", "04.09.2013")]


@functools.cache
def _corpus_texts() -> tuple[str, ...]:
    """Every text of the repo's privacy corpora (tests/data/privacy*/*.jsonl), read once."""
    return tuple(json.loads(line)["text"] for path in sorted((PROJECT_ROOT / "tests/data").glob("privacy*/*.jsonl"))
                 for line in path.open(encoding="utf-8") if line.strip())


#: One text per form of a pupil-number label (own examples, different layouts and spellings).
PUPIL_LABEL_TEXTS = [
    "Schülerinnen-ID 4471", "Schueler-Nr. 5512", "die schuelernr ist 90", "Stud. Nr 3318", "Pupil number 7",
    "SuS-Nr. 9", "Kita-Kind-Nr K-11", "Kinder_ID 12", "Lernenden-Kennung 2", "ID des Kindes: 3",
    "Kennziffer der Lernenden 44", "Nr. Schülerin (ASV): 3", "Schüler (Nr.): 4", "Identnummer Schüler/in 5",
    "Nummer im Schülerverzeichnis 6", "SNr. 7", "S-Nr. 8", "Sch.-Nr. 9", "Schül.-Nr. 10", "Sn 11 fehlt",
    "SN: 12", "SID 13", "ASV-ID 14", "LUSD-Nr. 15", "Schild-NRW-Nummer 16", "DaNiS-Nr. 17", "Magellan ID 18",
    "SaxSVS-Nr 19", "SVP-ID 20", "WebbSchule Nr 21", "KitaPlus-ID 22", "Kita-Navigator-Nummer 23",
    "Elternportal ID 24", "Little Bird Nr 25", "Schülerakte 4711", "Schülerdatensatz-Nr 3", "SCHÜLERAUSWEIS 8",
    "Student-ID 2219", "Studentin Nr. 33",
]


@pytest.mark.parametrize("text", PUPIL_LABEL_TEXTS)
def test_pupil_label_hint_is_found_where_a_label_stands(text) -> None:
    from assistant.privacy.text.recognizers.student_id import _LABEL_RE, label_possible

    assert _LABEL_RE.search(text) is not None  # the example holds a label
    assert label_possible(text)


def test_pupil_label_hint_holds_for_every_label_in_the_corpora() -> None:
    """Wherever the label pattern matches in a text of the privacy corpora, the cheap hint does too;
    the hint also rules out most texts (else it would save nothing)."""
    from assistant.privacy.text.recognizers.student_id import _LABEL_RE, label_possible

    texts = _corpus_texts()
    sentences = [s for t in texts for s in t.split("\n")]
    with_label = [s for s in sentences if _LABEL_RE.search(s)]
    assert with_label and all(label_possible(s) for s in with_label)
    assert sum(not label_possible(s) for s in sentences) > len(sentences) / 2


@pytest.mark.parametrize("text", ["Schüler-Nr. ſ 12", "Schülerİn-ID 7"])
def test_pupil_label_hint_leaves_unlowerable_texts_to_the_pattern(text) -> None:
    from assistant.privacy.text.recognizers.student_id import label_possible

    assert label_possible(text)


@pytest.mark.parametrize("text", [
    "Konto DE89 3704 0044 0532 0130 00 bei der Sparkasse", "IBAN: at611904300234573201", "NL91-ABNA-0417-1643-00",
    "Überweisung an DE 12 5001 0517 5407 3249 31", "FR14.2004.1010.0505.0001.3M02.606", "ch9300762011623852957"])
def test_iban_hint_stands_where_an_iban_pattern_matches(text) -> None:
    from assistant.privacy.text.recognizers.iban import CANDIDATE, HINT, HYPHENATED, LOOSE

    assert any(p.search(text) for p in (CANDIDATE, HYPHENATED, LOOSE))
    assert HINT.search(text) is not None


def test_iban_hint_holds_in_the_corpora() -> None:
    """Every text of the privacy corpora where an IBAN pattern matches holds the hint."""
    from assistant.privacy.text.recognizers.iban import CANDIDATE, HINT, HYPHENATED, LOOSE

    texts = _corpus_texts()
    matched = [t for t in texts if any(p.search(t) for p in (CANDIDATE, HYPHENATED, LOOSE))]
    assert matched and all(HINT.search(t) for t in matched)


@pytest.mark.parametrize("text", [
    "Viele Grüße\nOkafor, 14.10.2025", "Sobczak / Brandauer, KL", "Danke!\nPetrović (SL)", "Pfau, 3.4.",
    "Bassey, 03.04.25", "Gesehen:\n  Lorentzen,  AB)"])
def test_last_line_hint_stands_where_a_last_line_matches(text) -> None:
    from assistant.privacy.text.recognizers.signature import LAST_LINE, _may_end_in_last_line

    start = max(0, len(text) - 80)
    assert LAST_LINE.search(text, start) is not None
    assert _may_end_in_last_line(text, start)


def test_last_line_hint_holds_in_the_corpora() -> None:
    """Every line end of the privacy corpora where LAST_LINE matches passes the hint, and most
    texts do not (else it saves nothing)."""
    from assistant.privacy.text.recognizers.signature import LAST_LINE, _may_end_in_last_line

    texts = _corpus_texts()
    ends = [t[:i].rstrip() for t in texts for i in [len(t), *(k for k, ch in enumerate(t) if ch == "\n")]]
    ends = [e for e in ends if e]
    matched = [e for e in ends if LAST_LINE.search(e, max(0, len(e) - 80))]
    assert matched and all(_may_end_in_last_line(e, max(0, len(e) - 80)) for e in matched)
    assert sum(not _may_end_in_last_line(e, max(0, len(e) - 80)) for e in ends) > len(ends) / 2
