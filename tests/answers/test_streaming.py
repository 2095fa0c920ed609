from assistant.answers.streaming import restore_stream

MAPPING = {"<PERSON_1>": "Aylin Yılmaz", "<EMAIL_ADDRESS_1>": "a.y@example.org"}


def restore(text: str) -> str:
    for placeholder, original in MAPPING.items():
        text = text.replace(placeholder, original)
    return text


def test_placeholder_split_over_pieces_is_restored():
    pieces = ["Frau <PER", "SON_", "1> schreibt an <EMAIL_ADDRESS", "_1>."]
    assert "".join(restore_stream(pieces, restore)) == "Frau Aylin Yılmaz schreibt an a.y@example.org."


def test_plain_angle_brackets_are_not_held_back_forever():
    pieces = ["a < b", " und c <", "d"]
    assert "".join(restore_stream(pieces, restore)) == "a < b und c <d"
    first = next(restore_stream(iter(["Wert < 3 ist klein"]), restore))
    assert first == "Wert < 3 ist klein"


def test_repeated_sentence_ends_the_stream():
    from assistant.answers.streaming import stop_on_repetition

    pieces = ["Ein Bericht zeigt ", "die Lage. Es ist ein Bericht über Kinder. ",
              "Es ist ein Bericht über Kinder. ", "Es ist ein Bericht über Kinder."]
    out = "".join(stop_on_repetition(pieces))
    assert out.strip() == "Ein Bericht zeigt die Lage. Es ist ein Bericht über Kinder."


def test_text_without_repetition_passes_unchanged():
    from assistant.answers.streaming import stop_on_repetition

    text = "Ein Satz. Noch ein Satz! Und eine Frage? Ende ohne Punkt"
    pieces = [text[i:i + 4] for i in range(0, len(text), 4)]
    assert "".join(stop_on_repetition(pieces)) == text


def test_drift_into_another_script_ends_the_stream():
    from assistant.answers.streaming import stop_on_foreign_script

    out = "".join(stop_on_foreign_script(["Eine Kita betreut Kinder. ", "に通い", "user"]))
    assert out == "Eine Kita betreut Kinder. "
