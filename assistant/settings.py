"""One ``Settings`` object: defaults, then a TOML file, then ``LOTSE_*`` environment variables.

Loaded once by an entry point (CLI, UI, Python API) with :func:`load_settings` and handed down
through constructors; nothing here runs at import time.

Environment variables address nested fields with a double underscore, e.g.
``LOTSE_LLM__MODEL_PATH=/srv/models/qwen.gguf`` or ``LOTSE_NETWORK__ALLOWED_HOSTS='["ki.stadt.local"]'``.
"""

from __future__ import annotations

import os
import tomllib
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from pydantic_core import ErrorDetails
from pydantic_settings import BaseSettings, PydanticBaseSettingsSource, SettingsConfigDict

from assistant import SHIPPED_ROOT
from assistant.errors import ConfigError

DEFAULT_CONFIG_NAME = "lotse.toml"


def _default_data_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("lotse", appauthor=False))


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", validate_default=True)


class PathsSettings(Section):
    data_dir: Path = Field(default_factory=_default_data_dir)
    knowledge_dir: Path = SHIPPED_ROOT / "knowledge"
    prompts_dir: Path = SHIPPED_ROOT / "prompts"

    @property
    def models_cache(self) -> Path:
        return self.data_dir / "models"


class LLMSettings(Section):
    backend: Literal["llama_cpp", "openai_compat", "fake"] = "llama_cpp"
    #: A GGUF file; empty means the embedded default model from the pip package.
    model_path: Path | None = None
    #: Override the profile guessed from the model registry ("base" or "instruct").
    profile: Literal["base", "instruct"] | None = None
    chat_format: str | None = None
    n_ctx: int = Field(default=4096, ge=256, le=131072)
    #: CPU threads for llama.cpp; 1 measured steadier than 2 on a 2-core machine under load.
    n_threads: int = Field(default=1, ge=1, le=256)
    max_tokens: int = Field(default=256, ge=1, le=32768)
    temperature: float = Field(default=0.3, ge=0.0, le=2.0)
    #: Extra RAM cache of KV states for prompts that alternate, in MiB. llama.cpp already reuses
    #: the KV cache of the longest common prefix with the previous call (a repeated system
    #: prompt); the RAM cache added ~25 ms to every first token here, so it is off (0) by default.
    prompt_cache_mb: int = Field(default=0, ge=0)
    # openai_compat backend
    base_url: str | None = None
    api_key: str = "lokal"
    model_name: str | None = None
    request_timeout: float = Field(default=120.0, gt=0)


class NetworkSettings(Section):
    #: Hosts besides loopback that Lotse may connect to (your own on-premise servers).
    allowed_hosts: list[str] = Field(default_factory=list)


class PrivacySettings(Section):
    #: Minimum count shown in aggregate tables; smaller counts are suppressed (statistical practice: 3).
    min_cell_count: int = Field(default=3, ge=1)
    #: k for the quasi-identifier check in microdata.
    k_anonymity: int = Field(default=3, ge=2)
    #: Minimum recognizer score for an entity to be redacted.
    score_threshold: float = Field(default=0.4, ge=0.0, le=1.0)
    #: Long texts are analysed in windows of this many characters (overlapping, cut at line breaks).
    chunk_chars: int = Field(default=20_000, ge=1_000, le=1_000_000)
    #: Longest text the gate accepts in one call (10 MB of text fit); longer input is refused.
    max_input_chars: int = Field(default=12_000_000, ge=1_000)
    #: Statistical person recognizer (CRF, ships with the package) besides name lists and rules.
    #: If it is on and its model is missing or broken, the gate refuses to start (fail closed);
    #: switch it off explicitly to run on lists and rules only (lower person recall).
    ner_person: bool = True


class RetrievalSettings(Section):
    chroma_mode: Literal["persistent", "http"] = "persistent"
    chroma_host: str = "127.0.0.1"
    chroma_port: int = Field(default=8000, ge=1, le=65535)
    collection: str = Field(default="lotse-knowledge", min_length=3, max_length=512,
                            pattern=r"^[a-zA-Z0-9._-]+$")
    top_k: int = Field(default=5, ge=1, le=50)
    #: "auto": extractive with a base model, generative with an instruct model.
    answer_mode: Literal["auto", "extractive", "generative"] = "auto"
    #: "generative" with a base model is refused (it echoes its prompt and invents claims) unless
    #: this is true; generated answers are checked for faithfulness either way.
    force_generative: bool = False
    #: Files larger than this are refused by ``lotse ingest``.
    max_file_mb: float = Field(default=50.0, gt=0)
    #: Target chunk length in characters (langchain's RecursiveCharacterTextSplitter).
    chunk_chars: int = Field(default=900, ge=200, le=4000)
    chunk_overlap: int = Field(default=120, ge=0, le=1000)
    #: Candidates each of BM25 and dense search contribute before rank fusion.
    candidates: int = Field(default=30, ge=5, le=500)


class CodegenSettings(Section):
    #: A folder with the user's own code templates (YAML, same schema as prompts/code/).
    templates_dir: Path | None = None
    #: Seconds and MiB one sandbox run may use.
    timeout_s: float = Field(default=30.0, gt=0, le=600)
    memory_mb: int = Field(default=1024, ge=128, le=65536)
    #: Relative tolerance when a snippet's numbers are compared with the reference.
    rtol: float = Field(default=1e-6, gt=0, le=0.1)
    #: Repair rounds an instruct model gets for a snippet that failed a check.
    repair_rounds: int = Field(default=2, ge=0, le=5)


class UISettings(Section):
    """``lotse serve``: the web interface and the OpenAI-compatible API."""

    host: str = "127.0.0.1"
    port: int = Field(default=7860, ge=1, le=65535)
    #: Login for deployments without a reverse proxy: entries "name:hash", the hash made by
    #: ``lotse serve --passwort-hash``. Empty: no login (fine on loopback).
    users: list[str] = Field(default_factory=list)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix="LOTSE_",
        env_nested_delimiter="__",
        extra="forbid",
        validate_default=True,
    )

    paths: PathsSettings = Field(default_factory=PathsSettings)
    llm: LLMSettings = Field(default_factory=LLMSettings)
    network: NetworkSettings = Field(default_factory=NetworkSettings)
    privacy: PrivacySettings = Field(default_factory=PrivacySettings)
    retrieval: RetrievalSettings = Field(default_factory=RetrievalSettings)
    codegen: CodegenSettings = Field(default_factory=CodegenSettings)

    ui: UISettings = Field(default_factory=UISettings)
    #: Where the values came from (for ``lotse doctor``); not configurable.
    config_file: Path | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Environment beats the TOML file, which is handed in as init values.
        return (env_settings, init_settings)


def _read_toml(path: Path) -> dict[str, Any]:
    if path.is_dir():
        raise ConfigError(
            f"Die Konfiguration '{path}' ist ein Ordner, keine Datei.",
            "Geben Sie mit --config den Pfad einer TOML-Datei an.",
        )
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except FileNotFoundError:
        raise ConfigError(
            f"Die Konfigurationsdatei '{path}' wurde nicht gefunden.",
            "Prüfen Sie den Pfad hinter --config.",
        ) from None
    except PermissionError:
        raise ConfigError(
            f"Die Konfigurationsdatei '{path}' ist nicht lesbar (keine Berechtigung).",
            "Prüfen Sie die Dateirechte oder nutzen Sie eine andere Datei.",
        ) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise ConfigError(
            f"Die Konfigurationsdatei '{path}' ist kein gültiges TOML ({exc}).",
            "Korrigieren Sie die genannte Stelle; ein Beispiel steht in models/README.md.",
        ) from None


def _describe(error: ErrorDetails) -> str:
    where = ".".join(str(p) for p in error.get("loc", ()))
    value = error.get("input")
    kind = error.get("type", "")
    if kind == "extra_forbidden":
        return f"unbekannte Einstellung '{where}'"
    if kind == "missing":
        return f"Einstellung '{where}' fehlt"
    shown = repr(value) if not isinstance(value, dict) else "…"
    return f"'{where}' hat den ungültigen Wert {shown} ({error.get('msg', '')})"


def load_settings(config: str | os.PathLike[str] | None = None, **overrides: Any) -> Settings:
    """Build the settings: defaults, then ``config`` (or ./lotse.toml), then ``LOTSE_*`` variables.

    ``overrides`` (nested dicts per section) win over the file, not over the environment; tests use
    them to point ``paths.data_dir`` at a temporary folder.
    """
    path: Path | None = Path(config) if config else None
    if path is None and Path(DEFAULT_CONFIG_NAME).is_file():
        path = Path(DEFAULT_CONFIG_NAME)
    data: dict[str, Any] = _read_toml(path) if path else {}
    for section, values in overrides.items():
        if isinstance(values, dict):
            data.setdefault(section, {}).update(values)
        else:
            data[section] = values
    try:
        settings = Settings(**data)
    except ValidationError as exc:
        origin = f"in '{path}' oder in LOTSE_*-Variablen" if path else "in LOTSE_*-Variablen"
        details = "; ".join(_describe(e) for e in exc.errors()[:3])
        raise ConfigError(
            f"Die Konfiguration {origin} ist fehlerhaft: {details}.",
            "Korrigieren Sie den Wert; die gültigen Einstellungen stehen in models/README.md.",
        ) from None
    settings.config_file = path
    return settings
