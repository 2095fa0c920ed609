"""What a definition of an indicator and a threshold answer carry beyond their first sentence:
the indicator's delimitations (its caveats), and the sentence that qualifies a number."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.answers.candidates import similar
from assistant.answers.coverage import qualifiers
from assistant.answers.extractive import caveats
from tests.answers.conftest import extractive_run

ENTRY = """Studienanfängerquote (F7.2)
Auch: SAQ

Vorsicht:
  - Kann über 100 % liegen
  - Ohne Verwaltungsfachhochschulen.

Vergleichswerte aus den Quellen:
  - 2022: 56 %
"""


def test_caveats_of_a_rendered_entry_in_order():
    assert caveats(ENTRY) == ["Kann über 100 % liegen.", "Ohne Verwaltungsfachhochschulen."]
    assert caveats("Studienanfängerquote (F7.2)\nFormel: …") == []


@dataclass(eq=False)
class Placed:
    text: str
    n: int
    position: int
    rank: int = 0
    score: float = 1.0
    lexical: float = 0.0
    terms: set[str] = field(default_factory=set)


def _placed(text: str, position: int, **kw) -> Placed:
    return Placed(text, 1, position, terms={w.lower() for w in text.split()}, **kw)


def test_the_sentence_that_qualifies_a_number_follows_it():
    rule = _placed("In einem Feld müssen mindestens 3 Fälle stehen.", 0)
    more = _placed("Bei sehr fein gegliederten Tabellen kann die Schwelle höher liegen.", 1)
    other = _placed("Die Dominanzregel schützt große Betriebe.", 2)
    out = qualifiers([rule], [rule, more, other], lambda c: any(ch.isdigit() for ch in c.text),
                     extra=2, similar=similar)
    assert out == [rule, more]


def test_no_qualification_for_a_sentence_without_a_number_or_from_a_far_passage():
    plain = _placed("Die Mindestfallzahl schützt Einzelne.", 0)
    far = _placed("Dort gelten mindestens 100 Personen im Nenner.", 5, rank=4)
    after = [_placed("Bei kleinen Tabellen gilt mehr.", 1), _placed("Bei großen weniger.", 6, rank=4)]
    numbered = lambda c: any(ch.isdigit() for ch in c.text)  # noqa: E731
    assert qualifiers([plain, far], [plain, far, *after], numbered, extra=2,
                      similar=similar) == [plain, far]


def test_definition_of_an_indicator_names_what_it_leaves_out(lotse):
    run = extractive_run(lotse)
    _, pieces = run("Was ist die Studienanfängerquote?")
    text = " ".join(pieces)
    assert pieces[0].startswith("Studienanfängerquote (F7.2):")  # the entry still leads
    assert "Verwaltungsfachhochschulen" in text
    # a how-to question keeps the formula right behind the definition
    _, how = run("Wie berechnet man die Studienanfängerquote?")
    assert how[1].startswith("So wird F7.2 berechnet:")
