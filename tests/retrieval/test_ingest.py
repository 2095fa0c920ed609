from pathlib import Path

from assistant.retrieval.hybrid import HybridRetriever
from assistant.retrieval.index import KnowledgeIndex

from .docs import make_docx, make_pdf


def _index(settings, embedder) -> KnowledgeIndex:
    return KnowledgeIndex(settings, embedder=embedder, progress=False, status=lambda m: None)


def test_knowledge_is_indexed_on_first_use_and_incrementally(rsettings, bow):
    index = _index(rsettings, bow)
    first = index.ensure_knowledge()
    assert sorted(first.added) == ["geheimhaltung.md", "stichtage.md"]
    records = index.store.records()
    assert index.store.count() == sum(r.chunks for r in records.values())
    # A second process finds everything unchanged and embeds nothing.
    bow.calls = 0
    again = _index(rsettings, bow).ensure_knowledge()
    assert sorted(again.unchanged) == ["geheimhaltung.md", "stichtage.md"] and bow.calls == 0
    # An edited guidance file replaces its old chunks; a deleted one disappears.
    guide = rsettings.paths.knowledge_dir / "guidance" / "stichtage.md"
    guide.write_text("# Stichtage\n\n## Neu\n\nDie Schulstatistik zählt im Oktober.\n", encoding="utf-8")
    (rsettings.paths.knowledge_dir / "guidance" / "geheimhaltung.md").unlink()
    third = _index(rsettings, bow)
    report = third.ensure_knowledge()
    assert report.added == ["stichtage.md"] and report.removed == ["geheimhaltung.md"]
    chunks = third.chunks()
    assert [c.section for c in chunks] == ["Neu"] and third.store.count() == 1


def test_pdf_and_docx_are_ingested_and_retrieved(rsettings, e5, tmp_path: Path):
    pdf = make_pdf(tmp_path / "Anwendungsleitfaden.pdf", [
        ["Der Anwendungsleitfaden beschreibt das Indikatorenraster."],
        ["Die Übergangsquote zeigt, wie viele Kinder nach der Grundschule",
         "auf ein Gymnasium wechseln. Sie wird jährlich für jede Schule berechnet."]],
        title="Anwendungsleitfaden Bildungsmonitoring")
    docx = make_docx(tmp_path / "Schulnetzplan.docx", "Schulnetzplan der Stadt", {
        "Grundschulen": ["Die Stadt betreibt zwölf Grundschulen in vier Bezirken."],
        "Sanierung": ["Die Turnhalle der Nordschule wird bis 2027 saniert."]})
    index = _index(rsettings, e5)
    index.ensure_knowledge()
    report = index.ingest([pdf, docx])
    assert report.errors == [] and report.added == ["Anwendungsleitfaden.pdf", "Schulnetzplan.docx"]
    retriever = HybridRetriever(index, k=3)
    top = retriever.retrieve("Wie viele Kinder wechseln aufs Gymnasium?")[0]
    assert (top.source, top.page, top.title) == ("Anwendungsleitfaden.pdf", 2,
                                                 "Anwendungsleitfaden Bildungsmonitoring")
    assert "Übergangsquote" in top.text
    top = retriever.retrieve("Wann wird die Sporthalle renoviert?")[0]
    assert (top.source, top.section) == ("Schulnetzplan.docx", "Sanierung")


def test_bad_files_get_german_messages_and_the_rest_is_ingested(rsettings, bow, tmp_path: Path):
    folder = tmp_path / "eingang"
    folder.mkdir()
    (folder / "gut.md").write_text("# Gut\n\n## Teil\n\nDieser Text ist in Ordnung.\n", encoding="utf-8")
    (folder / "kaputt.docx").write_text("kein zip")
    make_pdf(folder / "scan.pdf", [[]])
    empty = tmp_path / "leer"
    empty.mkdir()
    rsettings.retrieval.max_file_mb = 0.001
    (folder / "gross.txt").write_text("x" * 5000)
    index = _index(rsettings, bow)
    report = index.ingest([folder, empty, tmp_path / "gibtsnicht.pdf"])
    assert report.added == ["gut.md"]
    messages = dict(report.errors)
    assert "keine gültige Word-Datei" in messages[str(folder / "kaputt.docx")]
    assert "keinen auslesbaren Text" in messages[str(folder / "scan.pdf")]
    assert "erlaubt sind 0 MB" in messages[str(folder / "gross.txt")]
    assert "enthält keine lesbaren Dokumente" in messages[str(empty)]
    assert "gibt es nicht" in messages[str(tmp_path / "gibtsnicht.pdf")]
    assert set(index.store.records()) == {"gut.md"} and index.store.count() == 1


def test_file_vanishing_mid_ingest(rsettings, bow, tmp_path: Path):
    a = tmp_path / "a.md"
    b = tmp_path / "b.md"
    a.write_text("# A\n\nText A über Kitas.\n", encoding="utf-8")
    b.write_text("# B\n\nText B über Schulen.\n", encoding="utf-8")
    index = _index(rsettings, bow)
    report = index.ingest([a, b], on_file=lambda source: b.unlink())
    assert report.added == ["a.md"]
    assert "gibt es nicht" in report.errors[0][1]
    assert set(index.store.records()) == {"a.md"}
    assert index.store.repair() == []


def test_remove_a_source_by_name_or_path(rsettings, bow, tmp_path: Path):
    doc = tmp_path / "notiz.txt"
    doc.write_text("Die Steuerungsgruppe tagt quartalsweise.", encoding="utf-8")
    index = _index(rsettings, bow)
    index.ingest([doc])
    assert index.remove("gibt-es-nicht.pdf") is None
    assert index.remove(str(doc)) == "notiz.txt"
    assert "notiz.txt" not in index.store.records()
    assert all(c.source != "notiz.txt" for c in index.chunks())


def test_same_file_name_from_another_folder_gets_its_own_source(rsettings, bow, tmp_path: Path):
    for town in ("chemnitz", "leipzig"):
        (tmp_path / town).mkdir()
        (tmp_path / town / "plan.txt").write_text(f"Plan der Stadt {town}.", encoding="utf-8")
    index = _index(rsettings, bow)
    report = index.ingest([tmp_path / "chemnitz" / "plan.txt", tmp_path / "leipzig" / "plan.txt"])
    assert report.added == ["plan.txt", "leipzig/plan.txt"]
