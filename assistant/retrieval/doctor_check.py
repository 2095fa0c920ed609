"""``lotse doctor`` check of the search index (called by ``assistant.doctor.run_checks``)."""

from __future__ import annotations

from assistant.doctor import Check
from assistant.errors import LotseError
from assistant.settings import Settings


def check_index(settings: Settings) -> Check:
    from assistant.retrieval.index import KnowledgeIndex, shipped_vector_files
    from assistant.retrieval.ingest import file_sha256, knowledge_files

    name = "Suchindex"
    try:
        index = KnowledgeIndex(settings, progress=False)
        records = index.store.records()
        chunks = index.store.count()
    except LotseError as exc:
        return Check(name, "fail", str(exc))
    except Exception as exc:  # noqa: BLE001 - report, do not crash the doctor
        return Check(name, "fail", f"Index lässt sich nicht öffnen ({type(exc).__name__}: {exc}); "
                     "löschen Sie den Ordner 'chroma' im Datenordner, Lotse baut ihn neu auf.")
    expected = {p.name: file_sha256(p) for p in knowledge_files(settings.paths.knowledge_dir)}
    indexed = {s: r.sha256 for s, r in records.items() if r.origin == "knowledge"}
    stale = sorted(s for s, sha in expected.items() if indexed.get(s) != sha)
    users = sum(r.origin == "user" for r in records.values())
    where = (f"Chroma-Server {settings.retrieval.chroma_host}:{settings.retrieval.chroma_port}"
             if settings.retrieval.chroma_mode == "http" else f"{settings.paths.data_dir / 'chroma'}")
    detail = (f"{len(indexed)} Leitfäden, {users} eigene Dokumente, {chunks} Abschnitte ({where}); "
              f"{len(shipped_vector_files(settings.paths.knowledge_dir))} mitgelieferte Vektordatei(en)")
    if index.repair_notes:
        detail += "; repariert: " + "; ".join(index.repair_notes)
    if stale:
        return Check(name, "warn", f"{detail}. Noch nicht (aktuell) eingelesen: {', '.join(stale[:5])}"
                     f"{' …' if len(stale) > 5 else ''} – geschieht automatisch beim nächsten "
                     "'lotse ask' oder 'lotse sources'.")
    return Check(name, "ok", detail)

