"""One name lexicon for the text gate and the table gate."""

from __future__ import annotations

from assistant.privacy.names import load_lexicon, load_names
from assistant.privacy.tables.names import name_lexicon, token_in_lexicon


def test_cyrillic_names_in_german_spelling_are_known_to_both_gates():
    """Faker's Ukrainian/Russian names, transliterated the German way (Swjatoslaw, not only the
    passport's Sviatoslav), are names for the text gate as well as for the table gate."""
    text = load_lexicon()
    assert text.is_first_name("Swjatoslaw") and token_in_lexicon("Swjatoslaw")
    assert text.is_surname("Kowalenko") and token_in_lexicon("Kowalenko")


def test_the_table_view_is_the_shared_lexicon_minus_labels():
    first, surnames = load_names()
    tokens = name_lexicon()
    assert tokens <= first | surnames
    assert "insgesamt" not in tokens and "von" not in tokens  # label word, particle
    assert not token_in_lexicon("Insgesamt")
