"""Installation checks behind ``lotse doctor``: each returns a :class:`Check`.

The doctor sits above the rooms it checks (model, data dir, R, egress, search index) and imports
them lazily; nothing imports the doctor except the service layer."""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from dataclasses import asdict, dataclass
from typing import Callable, Literal

from assistant import egress
from assistant.errors import EgressBlocked, LotseError
from assistant.llm import GenerationOptions, LLMBackend, Message
from assistant.settings import Settings

Status = Literal["ok", "warn", "fail"]


@dataclass
class Check:
    name: str
    status: Status
    detail: str

    def as_dict(self) -> dict[str, str]:
        return asdict(self)


def check_config(settings: Settings) -> Check:
    where = str(settings.config_file) if settings.config_file else "keine Datei (Voreinstellungen)"
    return Check("Konfiguration", "ok", f"geladen aus {where}; LOTSE_*-Variablen berücksichtigt")


def check_model(backend_factory: Callable[[], LLMBackend]) -> tuple[list[Check], LLMBackend | None]:
    checks: list[Check] = []
    try:
        backend = backend_factory()
        options = GenerationOptions(max_tokens=48, temperature=0.0, seed=1)
        completion = backend.complete(
            [Message("user", "Nenne drei Bildungsbereiche einer Kommune.")], options)
    except LotseError as exc:
        return [Check("Sprachmodell", "fail", str(exc))], None
    checks.append(Check("Sprachmodell", "ok", f"{backend.name} geladen und antwortet"))
    profile = backend.profile
    if profile.is_instruct:
        checks.append(Check("Modellprofil", "ok",
                            "instruct: generative Antworten, Code- und Berichtsentwürfe aktiv "
                            "(immer hinter den Prüfungen)"))
    else:
        checks.append(Check(
            "Modellprofil", "warn",
            "base: Antworten kommen über die regelbasierten Wege (Indikatorkatalog, wörtlich "
            "zitierte Sätze aus den Leitfäden). Für mehr: ein Instruct-Modell in lotse.toml "
            "eintragen (llm.model_path und llm.profile = \"instruct\", siehe models/README.md)."))
    tokens = completion.completion_tokens or max(1, len(completion.text.split()))
    gen_time = completion.seconds - (completion.first_token_seconds or 0.0)
    rate = tokens / gen_time if gen_time > 0 else float("nan")
    ttft = completion.first_token_seconds
    checks.append(Check("Geschwindigkeit", "ok",
                        f"{rate:.1f} Token/s, erstes Token nach {ttft or 0:.2f} s ({tokens} Token)"))
    return checks, backend


def check_data_dir(settings: Settings) -> Check:
    directory = settings.paths.data_dir
    try:
        directory.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=directory, prefix=".doctor-", delete=True) as fh:
            fh.write(b"ok")
    except OSError as exc:
        return Check("Datenordner", "fail",
                     f"{directory} ist nicht beschreibbar ({exc.strerror}); setzen Sie "
                     "paths.data_dir auf einen beschreibbaren Ordner.")
    return Check("Datenordner", "ok", f"{directory} beschreibbar")


def check_r() -> Check:
    rscript = shutil.which("Rscript")
    if not rscript:
        return Check("R", "warn", "Rscript nicht gefunden: R-Code wird nicht geprüft. "
                     "Installation z. B.: apt-get install r-base-core r-cran-dplyr")
    try:
        out = subprocess.run([rscript, "--version"], capture_output=True, text=True, timeout=30)
        version = (out.stdout or out.stderr).strip().splitlines()[0]
    except (OSError, subprocess.TimeoutExpired) as exc:
        return Check("R", "warn", f"Rscript vorhanden, startet aber nicht ({exc}).")
    return Check("R", "ok", version)


def check_egress() -> Check:
    if not egress.installed():
        return Check("Netzwerkschutz", "fail", "Der Schutz gegen ausgehende Verbindungen ist nicht aktiv.")
    import socket

    probe = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    try:
        probe.settimeout(0.5)
        probe.connect(("192.0.2.1", 443))  # TEST-NET-1: the guard must refuse before any packet
    except EgressBlocked:
        blocked = True
    except OSError:
        blocked = False
    else:
        blocked = False
    finally:
        probe.close()
    telemetry = [k for k, v in egress.TELEMETRY_OFF.items() if os.environ.get(k) != v]
    if not blocked or telemetry:
        return Check("Netzwerkschutz", "fail",
                     "Externe Verbindungen werden nicht blockiert" if not blocked
                     else f"Telemetrie-Schalter nicht gesetzt: {', '.join(telemetry)}")
    hosts = ", ".join(egress.allowed_hosts()) or "keine"
    return Check("Netzwerkschutz", "ok",
                 f"nur Loopback und erlaubte Hosts ({hosts}); Telemetrie aus; Testverbindung "
                 "nach außen wurde blockiert")


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


def run_checks(settings: Settings, backend_factory: Callable[[], LLMBackend]) -> list[Check]:
    checks = [check_config(settings)]
    model_checks, _ = check_model(backend_factory)
    checks += model_checks
    checks += [check_data_dir(settings), check_r(), check_egress(), check_index(settings)]
    return checks
