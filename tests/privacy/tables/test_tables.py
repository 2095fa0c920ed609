"""The table gate end to end: pupil lists, aggregates, k-anonymity, audit, fail closed."""

from __future__ import annotations

import json
import sqlite3

import pandas as pd
import pytest

from assistant.errors import PrivacyError
from assistant.privacy.tables import check as tables
from assistant.privacy.audit import AuditLog, audit_path
from assistant.privacy.tables.io import parse_csv_text, read_table
from assistant.privacy.tables.check import Pseudonymizer, check_table, check_table_file

PUPILS = pd.DataFrame({
    "Nachname": ["Yılmaz", "Müller", "Al-Hassan", "Kovalenko", "Schmidt", "Nowak", "Haddad",
                 "Bondarenko", "Çelik", "Wagner"],
    "Vorname": ["Elif", "Jonas", "Omar", "Oleksandr", "Anna", "Zofia", "Fatima", "Mykola",
                "Aylin", "Lukas"],
    "Geburtsdatum": ["03.05.2014", "12.11.2013", "01.01.2014", "22.02.2015", "17.07.2014",
                     "09.09.2013", "30.04.2014", "05.12.2013", "18.08.2014", "11.03.2014"],
    "E-Mail Eltern": ["yilmaz@example.org", "mueller@example.org", "hassan@example.org",
                      "k@example.org", "schmidt@example.org", "nowak@example.org",
                      "haddad@example.org", "bondar@example.org", "celik@example.org",
                      "wagner@example.org"],
    "Klasse": ["4a", "4a", "4b", "4b", "4a", "4b", "4a", "4b", "4a", "4a"],
    "Geschlecht": ["w", "m", "m", "m", "w", "w", "w", "m", "w", "m"],
    "Staatsangehörigkeit": ["türkisch", "deutsch", "syrisch", "ukrainisch", "deutsch",
                            "polnisch", "syrisch", "ukrainisch", "türkisch", "deutsch"],
    "Förderbedarf": ["nein", "nein", "ja", "nein", "nein", "nein", "nein", "ja", "nein", "nein"],
})
ORIGINALS = {v for col in ("Nachname", "Vorname", "Geburtsdatum", "E-Mail Eltern")
             for v in PUPILS[col]}


def test_pupil_list_is_pseudonymised_with_stable_placeholders():
    result = check_table(PUPILS)
    kinds = {c.column: (c.kind, c.role, c.action) for c in result.columns}
    assert kinds["Nachname"] == ("PERSON", "direct", "pseudonymize")
    assert kinds["Vorname"] == ("PERSON", "direct", "pseudonymize")
    assert kinds["E-Mail Eltern"] == ("EMAIL_ADDRESS", "direct", "pseudonymize")
    assert kinds["Geburtsdatum"] == ("DATE_OF_BIRTH", "direct", "birth_year")
    assert kinds["Förderbedarf"][:2] == ("SPECIAL_NEEDS", "quasi")
    cleaned = result.cleaned
    assert cleaned["Nachname"].str.fullmatch(r"<PERSON_\d+>").all()
    assert cleaned["E-Mail Eltern"].str.fullmatch(r"<EMAIL_ADDRESS_\d+>").all()
    assert cleaned["Geburtsjahr"].tolist()[:3] == ["2014", "2013", "2014"]
    assert "Geburtsdatum" not in cleaned.columns
    assert cleaned["Klasse"].tolist() == PUPILS["Klasse"].tolist()  # quasi-identifiers unchanged
    values = set(cleaned.astype(str).to_numpy().ravel())
    assert not values & ORIGINALS
    assert result.table_kind == "microdata"
    assert any("Art. 9" in w and "Förderbedarf" in w for w in result.warnings)


def test_same_value_gets_same_placeholder_across_tables_of_a_session():
    pseudo = Pseudonymizer()
    first = check_table(PUPILS, pseudonymizer=pseudo).cleaned
    second = check_table(PUPILS.iloc[::-1].reset_index(drop=True), pseudonymizer=pseudo).cleaned
    assert first["Nachname"].tolist() == second["Nachname"].tolist()[::-1]
    assert first["Nachname"].nunique() == PUPILS["Nachname"].nunique()


def test_drop_mode_and_full_birth_date_pseudonymisation():
    dropped = check_table(PUPILS, mode="drop").cleaned
    assert not {"Nachname", "Vorname", "Geburtsdatum", "E-Mail Eltern"} & set(dropped.columns)
    kept = check_table(PUPILS, birth_year=False).cleaned
    assert kept["Geburtsdatum"].str.fullmatch(r"<DATE_OF_BIRTH_\d+>").all()


def test_names_in_unnamed_column_are_found_by_values():
    frame = PUPILS[["Klasse"]].assign(Spalte3=PUPILS["Vorname"] + " " + PUPILS["Nachname"])
    result = check_table(frame)
    finding = next(c for c in result.columns if c.column == "Spalte3")
    assert (finding.kind, finding.evidence, finding.action) == ("PERSON", "values", "pseudonymize")
    assert not set(result.cleaned["Spalte3"]) & set(frame["Spalte3"])


def test_headerless_name_list_does_not_leak_the_first_name_as_column_name():
    text = "Elif Yılmaz;4a\nJonas Müller;4a\nOmar Al-Hassan;4b\nOleksandr Kovalenko;4b\n" \
           "Anna Schmidt;4a\nZofia Nowak;4b\nFatima Haddad;4a\nMykola Bondarenko;4b\n"
    result = check_table(parse_csv_text(text))
    assert list(result.cleaned.columns) == ["Spalte1", "Spalte2"]
    assert len(result.cleaned) == 8
    assert "Elif" not in json.dumps(result.to_dict(), ensure_ascii=False)


def test_k_anonymity_reports_small_groups_without_changing_them():
    result = check_table(PUPILS)
    assert result.k == 3
    by_cols = {tuple(f.columns): f for f in result.k_anonymity}
    full = next(f for f in result.k_anonymity if f.all_quasi)
    assert set(full.columns) == {"Klasse", "Geschlecht", "Staatsangehörigkeit", "Förderbedarf",
                                 "Geburtsjahr"}
    assert full.rows_at_risk == 10
    # "polnisch" is one pupil alone; "ukrainisch" two
    nationality = by_cols[("Staatsangehörigkeit",)]
    assert nationality.rows_at_risk == 1 + 2 + 2 + 2  # polnisch, ukrainisch, syrisch, türkisch
    assert nationality.smallest_group == 1
    assert "zusammenfassen" in nationality.suggestion
    assert ("Klasse",) not in by_cols  # 6 and 4 pupils: fine at k=3
    assert any("weniger als 3 Personen" in w for w in result.warnings)


def test_k_anonymity_passes_when_groups_are_large():
    frame = pd.DataFrame({"Geschlecht": ["w", "m"] * 30, "Klasse": ["5a", "5a", "5b", "5b"] * 15})
    result = check_table(frame, table_kind="microdata")
    assert result.k_anonymity == []


def test_kita_aggregate_is_detected_and_suppressed():
    frame = pd.DataFrame({
        "Kita": ["Sonnenschein", "Regenbogen", "Pusteblume", "Insgesamt"],
        "unter 3": ["5", "2", "7", "14"], "3 bis 6": ["20", "15", "0", "35"],
        "Insgesamt": ["25", "17", "7", "49"]})
    result = check_table(frame)
    assert result.table_kind == "aggregate"
    s = result.suppression
    assert (s.primary, s.secondary) == (1, 3)
    assert result.cleaned.loc[1, "unter 3"] == "."
    assert result.cleaned.loc[2, "3 bis 6"] == "0"
    assert result.to_dict()["suppression"]["primary"] == 1


def test_genesis_table_is_not_suppressed_again_unless_forced(shared_dir):
    path = shared_dir / "data" / "regionalstatistik" / "22541-01-01-4.csv"
    result = check_table(read_table(path))
    assert result.table_kind == "aggregate" and result.suppression is None
    assert not result.personal_columns
    assert any("amtliche Statistik" in n for n in result.notes)
    forced = check_table(read_table(path), table_kind="aggregate")
    assert forced.suppression.primary > 0
    assert (forced.cleaned["Tageseinrichtungen für Kinder | Kinderkrippen"] == ".").any()


def test_no_original_value_in_audit_or_json(settings, tmp_path):
    path = tmp_path / "liste.csv"
    PUPILS.to_csv(path, sep=";", index=False, encoding="utf-8")
    result = check_table_file(path, settings)
    dumped = json.dumps(result.to_dict(), ensure_ascii=False)
    db = audit_path(settings.paths.data_dir)
    with sqlite3.connect(db) as con:
        rows = con.execute("SELECT * FROM audit").fetchall()
    assert len(rows) == 1 and rows[0][2] == "check_table"
    audit_text = json.dumps(rows, ensure_ascii=False)
    assert '"PERSON": 20' in rows[0][3]
    for value in ORIGINALS | {"türkisch", "4a"}:
        assert value not in dumped, value
        assert value not in audit_text, value
    assert "Nachname" in audit_text  # column names are allowed


def test_fail_closed_when_analysis_breaks(monkeypatch):
    def broken(*_args, **_kwargs):
        raise ValueError("boom")

    monkeypatch.setattr(tables, "classify_column", broken)
    with pytest.raises(PrivacyError, match="nicht weitergegeben"):
        check_table(PUPILS)


def test_audit_is_written_even_for_clean_tables(data_dir):
    log = AuditLog(audit_path(data_dir))
    check_table(pd.DataFrame({"Jahr": ["2023", "2024"], "Quote": ["7,9", "8,1"]}), audit=log)
    assert log.entries()[0].action == "check_table"


def test_aggregate_with_id_and_contact_columns_is_still_suppressed():
    frame = pd.DataFrame({
        "ID": ["K01", "K02", "K03"], "Kita": ["Sonnenschein", "Regenbogen", "Pusteblume"],
        "Telefon": ["0221 1234567", "0221 7654321", "0221 1112223"],
        "Kinder unter 3": ["12", "1", "9"], "Kinder über 3": ["30", "25", "14"]})
    result = check_table(frame)
    assert result.table_kind == "aggregate"
    assert result.cleaned["Telefon"].str.fullmatch(r"<PHONE_NUMBER_\d+>").all()
    assert result.cleaned.loc[1, "Kinder unter 3"] == "."
    assert result.suppression.primary == 1 and result.suppression.secondary >= 1


def test_pupil_list_with_count_like_column_hints_at_aggregate_flag():
    frame = PUPILS[["Nachname", "Klasse"]].assign(Fehltage=["1", "0", "4", "2", "7", "3", "0",
                                                            "1", "5", "2"])
    assert check_table(frame).table_kind == "microdata"
    counted = PUPILS[["Nachname", "Klasse"]].assign(Anzahl=[str(n) for n in range(10)])
    assert any("--aggregate" in w for w in check_table(counted).warnings)


def test_a_pupil_gets_one_placeholder_in_the_text_and_the_table_of_a_session(gate):
    """One pseudonymiser per session: the text gate and the table gate draw from the same map."""
    letter = gate.redact("Elif Yılmaz aus der 4a fehlt seit Montag; Jonas Müller bringt die Hausaufgaben.")
    table = pd.DataFrame({"Name": ["Jonas Müller", "Anna Schmidt", "Elif Yılmaz"],
                          "Klasse": ["4a", "4a", "4a"], "Fehltage": [1, 0, 5]})
    cleaned = check_table(table, mode="pseudonymize",
                          pseudonymizer=Pseudonymizer(gate.pseudonyms)).cleaned
    in_text = {e.placeholder for e in letter.entities if e.type == "PERSON"}
    assert cleaned["Name"].tolist()[0] in in_text and cleaned["Name"].tolist()[2] in in_text
    assert cleaned["Name"].tolist()[0] != cleaned["Name"].tolist()[2]
    assert cleaned["Name"].tolist()[1] not in in_text  # Anna Schmidt is new in this session
    assert gate.restore(cleaned["Name"].tolist()[2]) == "Elif Yılmaz"


def test_separate_sessions_number_their_placeholders_separately(gate):
    gate.redact("Elif Yılmaz fehlt.")
    table = pd.DataFrame({"Name": ["Jonas Müller", "Anna Schmidt"], "Klasse": ["4a", "4b"]})
    assert check_table(table).cleaned["Name"].tolist() == ["<PERSON_1>", "<PERSON_2>"]
