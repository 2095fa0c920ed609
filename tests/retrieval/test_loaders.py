from pathlib import Path

import pytest

from assistant.errors import InputError
from assistant.retrieval.chunking import Chunker
from assistant.retrieval.loaders import load_document

from .docs import GUIDE_STICHTAGE, make_docx, make_pdf


def test_pdf_pages_keep_their_numbers(tmp_path: Path):
    pdf = make_pdf(tmp_path / "bericht.pdf", [["Erste Seite über Übergänge."], [],
                                              ["Dritte Seite: Stichtag 1. März."]], title="Bericht 2024")
    doc = load_document(pdf)
    assert doc.title == "Bericht 2024"
    assert [(s.page, s.text.strip()) for s in doc.sections] == [
        (1, "Erste Seite über Übergänge."), (3, "Dritte Seite: Stichtag 1. März.")]


def test_docx_sections_follow_headings(tmp_path: Path):
    path = make_docx(tmp_path / "plan.docx", "Schulnetzplan", {
        "Grundschulen": ["Die Stadt hat zwölf Grundschulen."],
        "Prognose": ["Bis 2030 steigen die Einschulungen um acht Prozent."]})
    doc = load_document(path)
    assert doc.title == "Schulnetzplan"
    assert [(s.section, s.text) for s in doc.sections] == [
        ("Grundschulen", "Die Stadt hat zwölf Grundschulen."),
        ("Prognose", "Bis 2030 steigen die Einschulungen um acht Prozent.")]


def test_markdown_chunks_carry_title_and_section(tmp_path: Path):
    path = tmp_path / "stichtage.md"
    path.write_text(GUIDE_STICHTAGE, encoding="utf-8")
    chunks = Chunker().split(load_document(path), "stichtage.md")
    sections = {c.section for c in chunks}
    assert {"Kinder- und Jugendhilfestatistik", "Schulstatistik"} <= sections
    assert all(c.title == "Stichtage der amtlichen Statistik" for c in chunks)
    kjh = next(c for c in chunks if c.section == "Kinder- und Jugendhilfestatistik")
    assert "1. März" in kjh.text and "##" not in kjh.text


def test_html_headings_become_sections(tmp_path: Path):
    path = tmp_path / "seite.html"
    path.write_text("<html><head><title>Bildungsbüro</title><script>x()</script></head><body>"
                    "<h2>Kontakt</h2><p>Das Bildungsbüro berät Schulen.</p></body></html>", encoding="utf-8")
    doc = load_document(path)
    chunks = Chunker().split(doc, "seite.html")
    assert doc.title == "Bildungsbüro"
    assert [(c.section, c.text) for c in chunks] == [("Kontakt", "Das Bildungsbüro berät Schulen.")]


def test_encrypted_pdf_is_refused_in_german(tmp_path: Path):
    from pypdf import PdfWriter

    plain = make_pdf(tmp_path / "plain.pdf", [["Geheimer Inhalt."]])
    writer = PdfWriter(clone_from=str(plain))
    writer.encrypt("geheim", algorithm="RC4-128")
    locked = tmp_path / "gesperrt.pdf"
    with locked.open("wb") as fh:
        writer.write(fh)
    with pytest.raises(InputError, match="passwortgeschützt") as err:
        load_document(locked)
    assert "ohne Kennwort" in err.value.hint


def test_image_only_pdf_asks_for_ocr(tmp_path: Path):
    scan = make_pdf(tmp_path / "scan.pdf", [[], []])
    with pytest.raises(InputError, match="keinen auslesbaren Text") as err:
        load_document(scan)
    assert "OCR" in err.value.hint


def test_docx_that_is_not_a_zip(tmp_path: Path):
    fake = tmp_path / "kaputt.docx"
    fake.write_text("Das ist gar kein Word-Dokument.")
    with pytest.raises(InputError, match="keine gültige Word-Datei"):
        load_document(fake)


def test_file_above_the_size_limit(tmp_path: Path):
    big = tmp_path / "riesig.txt"
    with big.open("wb") as fh:  # sparse file: 200 MB without writing them
        fh.seek(200 * 1024 * 1024 - 1)
        fh.write(b"\0")
    with pytest.raises(InputError, match="200 MB groß; erlaubt sind 50 MB") as err:
        load_document(big, max_mb=50)
    assert "retrieval.max_file_mb" in err.value.hint


def test_unsupported_type(tmp_path: Path):
    path = tmp_path / "tabelle.xlsx"
    path.write_bytes(b"PK")
    with pytest.raises(InputError, match="wird nicht unterstützt"):
        load_document(path)
