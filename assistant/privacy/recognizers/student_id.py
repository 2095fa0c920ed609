"""STUDENT_ID: pupil numbers after their label ("Schülernummer 2023-04711", "Schüler-ID: S-4711",
"Schüler-Nr. 12345"). Only the number is the entity; without a label no digit string is one."""

from __future__ import annotations

from presidio_analyzer import Pattern, PatternRecognizer

LABEL = (r"(?:sch[üu]e?ler(?:innen|in)?[\s-]*(?:nummer|nr\.?|id|ident(?:ifikations)?(?:nummer|-nr\.?)?|"
         r"kennung|kennziffer|ausweis(?:nummer|-nr\.?|nr\.?)?)|sch[üu]e?lernr\.?|sus[\s-]*(?:nr\.?|id)|"
         r"sch[üu]e?ler-?id|asv-?(?:id|nr\.?)|lusd-?(?:id|nr\.?)|schild-?(?:id|nr\.?))")
ID = r"(?=[A-Za-z0-9/-]*\d)[A-Za-z0-9](?:[A-Za-z0-9/-]*[A-Za-z0-9])?"
PATTERN = rf"(?<=\b{LABEL}\s*(?:[:#]|nummer)?\s*){ID}"


class StudentIdRecognizer(PatternRecognizer):
    PATTERNS = [Pattern("number after a pupil-number label", PATTERN, 0.9)]
    CONTEXT = ["schülernummer", "schüler"]

    def __init__(self, supported_language: str = "de") -> None:
        super().__init__(supported_entity="STUDENT_ID", patterns=self.PATTERNS, context=self.CONTEXT,
                         supported_language=supported_language, name="StudentIdRecognizer")

    def validate_result(self, pattern_text: str) -> bool | None:
        return None if 3 <= len(pattern_text) <= 24 else False
