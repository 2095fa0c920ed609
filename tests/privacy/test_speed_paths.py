"""The gate's fast paths find exactly what the slower reference paths find.

The analyzer replaces Presidio's ``AnalyzerEngine`` call; these tests hold it to the engine's
findings (type, offsets, score, order) on texts written for this file.
"""

from __future__ import annotations

import pytest

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
                     "IBAN_CODE", "STUDENT_ID"}


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
