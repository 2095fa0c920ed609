"""A mistyped Steuer-ID is still personal data when the text says it is one."""

from assistant.privacy.text.recognizers.tax_id import tax_id_valid


def test_invalid_tax_id_in_context_is_masked(gate):
    assert tax_id_valid("86 095 742 719") and not tax_id_valid("86 095 742 718")  # the check digit mistyped
    red = gate.redact("Bitte die Steuer-ID 86 095 742 718 der Mutter nachreichen.")
    assert [e.type for e in red.entities] == ["DE_TAX_ID"]
    assert "742" not in red.text


def test_eleven_digits_without_context_stay(gate):
    red = gate.redact("Vorgang 12345678903 wurde am Montag abgeschlossen.")
    assert "DE_TAX_ID" not in {e.type for e in red.entities}
