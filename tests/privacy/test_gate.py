"""The gate as the rest of Lotse uses it: placeholders, restore, offsets, fail-closed, audit."""

from __future__ import annotations

import pytest

from assistant.errors import PrivacyError
from assistant.privacy import Entity, PrivacyGate, Redaction
from tests.privacy.conftest import spans


def test_same_person_same_placeholder(gate) -> None:
    text = "Lea Schmidt fehlt. Frau Schmidt ruft an. LEA SCHMIDT, Klasse 3. Tom Meier nicht."
    red = gate.redact(text)
    persons = [(text[e.start:e.end], e.placeholder) for e in red.entities if e.type == "PERSON"]
    assert persons[:3] == [("Lea Schmidt", "<PERSON_1>"), ("Schmidt", "<PERSON_1>"),
                           ("LEA SCHMIDT", "<PERSON_1>")]
    assert ("Tom Meier", "<PERSON_2>") in persons
    assert "Schmidt" not in red.text and "Meier" not in red.text


def test_offsets_point_into_original(gate) -> None:
    text = "Kontakt: ayse@example.de, Tel. 0201 1234567"
    red = gate.redact(text)
    assert isinstance(red, Redaction) and red.original_length == len(text)
    assert all(isinstance(e, Entity) for e in red.entities)
    assert [text[e.start:e.end] for e in red.entities] == ["ayse@example.de", "0201 1234567"]
    assert red.text == "Kontakt: <EMAIL_ADDRESS_1>, Tel. <PHONE_NUMBER_1>"


def test_restore_across_turns(gate) -> None:
    gate.redact("Aylin Yılmaz, Mail aylin@example.de")
    second = gate.redact("Hat Yılmaz schon geantwortet?")
    assert second.text == "Hat <PERSON_1> schon geantwortet?"
    answer = "Schreiben Sie <PERSON_1> an <EMAIL_ADDRESS_1>; PERSON_1 wartet. <PERSON_9> bleibt."
    assert gate.restore(answer) == ("Schreiben Sie Aylin Yılmaz an aylin@example.de; "
                                    "Aylin Yılmaz wartet. <PERSON_9> bleibt.")


def test_sessions_do_not_share_mappings(settings) -> None:
    one, two = PrivacyGate.from_settings(settings), PrivacyGate.from_settings(settings)
    one.redact("Lea Schmidt")
    assert two.restore("<PERSON_1>") == "<PERSON_1>"


def test_empty_and_whitespace(gate) -> None:
    assert gate.redact("").text == ""
    assert gate.redact("  \n").entities == []


def test_not_text_fails_closed(gate) -> None:
    with pytest.raises(PrivacyError) as err:
        gate.redact(b"Lea Schmidt")  # type: ignore[arg-type]
    assert "erwartet Text" in err.value.message


def test_recognizer_crash_fails_closed(gate, monkeypatch) -> None:
    def boom(*args, **kwargs):
        raise RuntimeError("Lea Schmidt")  # even the message must not leak

    monkeypatch.setattr(gate._analyzer, "analyze", boom)
    with pytest.raises(PrivacyError) as err:
        gate.redact("Lea Schmidt fehlt.")
    assert "Datenschutzfilter" in err.value.message
    assert "Lea" not in str(err.value)


def test_engine_build_failure_fails_closed(settings, monkeypatch) -> None:
    from assistant.privacy.text import engine

    monkeypatch.setattr(engine, "_cache", {})
    def broken(*_args, **_kwargs):  # noqa: ANN202 - same call shape as build_analyzer
        raise OSError("kaputt")

    monkeypatch.setattr(engine, "build_analyzer", broken)
    with pytest.raises(PrivacyError) as err:
        PrivacyGate.from_settings(settings)
    assert "konnte nicht gestartet werden" in err.value.message


def test_too_long_is_refused_with_message(settings) -> None:
    from assistant.settings import load_settings

    small = load_settings(paths={"data_dir": settings.paths.data_dir},
                          privacy={"max_input_chars": 1000})
    with pytest.raises(PrivacyError) as err:
        PrivacyGate.from_settings(small).redact("x" * 1001)
    assert "zu lang" in err.value.message


def test_long_text_is_chunked_without_losing_entities(settings) -> None:
    from assistant.settings import load_settings

    small = load_settings(paths={"data_dir": settings.paths.data_dir}, privacy={"chunk_chars": 1000})
    gate = PrivacyGate.from_settings(small)
    line = "Kein Name in dieser Zeile, nur Statistik 12,5 %.\n"
    text = line * 30 + "Lea Schmidt, geb. 03.05.2011\n" + line * 30 + "Mail lea@example.de\n"
    red = gate.redact(text)
    assert sorted(e.type for e in red.entities) == ["DATE_OF_BIRTH", "EMAIL_ADDRESS", "PERSON"]
    assert "Schmidt" not in red.text and "lea@example.de" not in red.text


def test_audit_has_counts_not_values(gate, settings) -> None:
    from assistant.privacy.audit import AuditLog, audit_path

    gate.redact("Lea Schmidt, lea@example.de")
    entry = AuditLog(audit_path(settings.paths.data_dir)).entries()[0]
    assert entry.action == "redact_text"
    assert entry.entity_counts == {"EMAIL_ADDRESS": 1, "PERSON": 1}


def test_context_words_still_raise_scores(gate) -> None:
    """A bare 0176... number counts only next to a phone word, also an abbreviated one (lemma)."""
    assert [e.type for e in gate.redact("Tel. 01761234567").entities] == ["PHONE_NUMBER"]
    assert [e.type for e in gate.redact("Kontakt: 01761234567").entities] == ["PHONE_NUMBER"]
    assert gate.redact("Vorgang 01761234567").entities == []


def test_spacy_runs_only_when_a_context_word_can_matter(gate, monkeypatch) -> None:
    from assistant.privacy.text.nlp import BlankSpacyNlpEngine

    runs: list[str] = []
    real = BlankSpacyNlpEngine.process_text_now
    monkeypatch.setattr(BlankSpacyNlpEngine, "process_text_now",
                        lambda self, text, lang: runs.append(text) or real(self, text, lang))
    gate.redact("Lea Schmidt fehlt heute, Mail an lea@example.org.")
    gate.redact("Die Quote lag 2022 bei 41,3 Prozent.")
    assert runs == []
    gate.redact("Tel. 01761234567")
    assert runs == ["Tel. 01761234567"]


def test_later_mentions_of_earlier_names_in_the_session(gate) -> None:
    gate.redact("Lea Schmidt ist neu in der 5b.")
    red = gate.redact("Schmidt fehlt seit Montag.")
    assert red.text == "<PERSON_1> fehlt seit Montag."


def test_long_text_reports_progress_and_scales(gate) -> None:
    """A long text is checked window by window with progress; many repeated identifiers stay
    fast (an overlap scan over all findings once made this quadratic)."""
    block = ("Schmidt, Lea;5a;Schülernummer 2023-{n:05d};Tel. 0201 88{n:04d}\n")
    text = "".join(block.format(n=n) for n in range(1500)) * 2  # ~150 KB, every ID twice
    seen: list[tuple[int, int]] = []
    red = gate.redact(text, progress=lambda done, total: seen.append((done, total)))
    assert len(seen) > 5 and all(total == len(text) for _, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)
    assert sum(1 for e in red.entities if e.type == "STUDENT_ID") == 3000
    assert "2023-00042" not in red.text and "Lea" not in red.text


def test_a_long_table_keeps_its_header_in_every_window(gate):
    """A class list far longer than one analysis window: the rows after the first window are
    read under the table's header, so every birth date and pupil number is still masked."""
    rows = ["Nr;Klasse;Geburtsdatum;Schülernummer"]
    for i in range(2500):
        rows.append(f"{i + 1};{5 + i % 6}{'abc'[i % 3]};{1 + i % 28:02d}.{1 + i % 12:02d}."
                    f"{2008 + i % 9};SN-{10000 + i}")
    text = "Klassenliste, Stand 1.9.2025\n\n" + "\n".join(rows) + "\n"
    assert len(text) > 3 * gate.chunk_chars
    result = gate.redact(text)
    assert result.counts.get("DATE_OF_BIRTH") == 2500
    assert result.counts.get("STUDENT_ID") == 2500
    assert "1.9.2025" in result.text  # the Stichtag in the title stays


def test_an_international_number_is_a_phone_even_when_its_digits_pass_the_tax_id_check(gate):
    # 12 379 016 846 is a structurally valid Steuer-ID; after "+" it is a phone number.
    text = "Rückruf bitte an die Großmutter in Polen: +1 2379 016 846 oder per Post."
    assert spans(gate, text) == [("PHONE_NUMBER", "+1 2379 016 846")]
    text = "Die Steuer-ID des Kindes lautet 12 379 016 846."
    assert spans(gate, text) == [("DE_TAX_ID", "12 379 016 846")]


@pytest.mark.parametrize("text, name", [
    ("Hey Paula, übernimmst du am Freitag die Pausenaufsicht?", "Paula"),
    ("Hallo Dmytro, die Liste ist fertig.", "Dmytro"),
    ("Ich bringe morgen meinen Mann Yusuf zum Gespräch mit.", "Yusuf"),
])
def test_a_greeting_or_ordinary_word_in_front_stays_outside_the_name(gate, text, name):
    assert [s for k, s in spans(gate, text) if k == "PERSON"] == [name]


def test_a_phone_number_in_brackets_is_masked_without_the_brackets_and_its_area_code_is_no_pupil_number(gate):
    text = ("Kita-Kind-Nr. KK-2024-0312\n"
            "Rückfragen an das Büro, buero@kita-sonnenhof.de, (0351) 4418207")
    assert spans(gate, text) == [("STUDENT_ID", "KK-2024-0312"), ("EMAIL_ADDRESS", "buero@kita-sonnenhof.de"),
                                 ("PHONE_NUMBER", "(0351) 4418207")]
    text = "Der Vater wurde telefonisch (0152 44719023) erreicht und kommt am Montag."
    assert ("PHONE_NUMBER", "0152 44719023") in spans(gate, text)


def test_a_pupil_number_as_an_attribute_of_a_pupil_element_in_xml_is_masked(gate):
    text = ('<klasse name="6b" stichtag="2025-09-01">\n'
            '  <schuelerin nr="00417731" jahrgang="6"><name>Kaya</name></schuelerin>\n'
            '  <kind id="KK-22-019" gruppe="Igel"/>\n'
            '  <raum nr="A112"/>\n'
            '</klasse>')
    found = spans(gate, text)
    assert ("STUDENT_ID", "00417731") in found and ("STUDENT_ID", "KK-22-019") in found
    assert not any(s == "A112" for _, s in found)  # a room number stays
