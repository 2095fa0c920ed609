"""German recognizers of the privacy gate, one small module per entity family."""

from __future__ import annotations

from presidio_analyzer import EntityRecognizer

from typing import TYPE_CHECKING

from assistant.privacy.names import NameLexicon

if TYPE_CHECKING:
    from assistant.privacy.text.ner_model import PersonModel

ENTITY_TYPES = ("PERSON", "DATE_OF_BIRTH", "ADDRESS", "PHONE_NUMBER", "EMAIL_ADDRESS", "IBAN_CODE",
                "DE_TAX_ID", "STUDENT_ID")


def german_recognizers(lexicon: NameLexicon, language: str = "de",
                       person_model: "PersonModel | None" = None) -> list[EntityRecognizer]:
    """All recognizers; the statistical person recognizer only when a model is handed in."""
    from assistant.privacy.text.recognizers.address import GermanAddressRecognizer
    from assistant.privacy.text.recognizers.birth_date import DateOfBirthRecognizer
    from assistant.privacy.text.recognizers.email import german_email_recognizer
    from assistant.privacy.text.recognizers.iban import GermanIbanRecognizer
    from assistant.privacy.text.recognizers.keyvalue import KeyValueRecognizer
    from assistant.privacy.text.recognizers.notes import NotePersonRecognizer
    from assistant.privacy.text.recognizers.person import PersonRecognizer
    from assistant.privacy.text.recognizers.person_predicates import PredicatePersonRecognizer
    from assistant.privacy.text.recognizers.other_scripts import OtherScriptPersonRecognizer
    from assistant.privacy.text.recognizers.phone import GermanPhoneRecognizer
    from assistant.privacy.text.recognizers.signature import SignatureRecognizer
    from assistant.privacy.text.recognizers.sql import SqlInsertRecognizer
    from assistant.privacy.text.recognizers.student_id import StudentIdRecognizer
    from assistant.privacy.text.recognizers.tax_id import GermanTaxIdRecognizer
    from assistant.privacy.text.recognizers.timetable import TimetablePersonRecognizer

    recognizers: list[EntityRecognizer] = [
        PersonRecognizer(lexicon, language),
        SignatureRecognizer(lexicon, language),
        NotePersonRecognizer(lexicon, language),
        DateOfBirthRecognizer(language),
        GermanAddressRecognizer(language),
        GermanPhoneRecognizer(language),
        german_email_recognizer(language),
        GermanIbanRecognizer(language),
        GermanTaxIdRecognizer(language),
        StudentIdRecognizer(language),
        KeyValueRecognizer(lexicon, language),
        SqlInsertRecognizer(lexicon, language),
        OtherScriptPersonRecognizer(language, lexicon),
        TimetablePersonRecognizer(lexicon, language),
        PredicatePersonRecognizer(lexicon, language),
    ]
    if person_model is not None:
        from assistant.privacy.text.recognizers.ner_person import NerPersonRecognizer

        recognizers.append(NerPersonRecognizer(lexicon, person_model, language))
    return recognizers
