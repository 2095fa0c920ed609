from pathlib import Path

import pytest

from assistant.errors import ConfigError
from assistant.settings import load_settings


@pytest.fixture(autouse=True)
def _clean_env(monkeypatch, tmp_path):
    import os

    for key in list(os.environ):
        if key.startswith("LOTSE_"):
            monkeypatch.delenv(key)
    monkeypatch.chdir(tmp_path)


def write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "lotse.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_defaults_use_embedded_model_and_loopback_only():
    s = load_settings()
    assert s.llm.backend == "llama_cpp"
    assert s.llm.model_path is None
    assert s.network.allowed_hosts == []
    assert s.config_file is None


def test_toml_in_working_directory_is_read(tmp_path):
    write(tmp_path, '[llm]\nmax_tokens = 99\n[network]\nallowed_hosts = ["ki.stadt.local"]\n')
    s = load_settings()
    assert s.llm.max_tokens == 99
    assert s.network.allowed_hosts == ["ki.stadt.local"]
    assert s.config_file == Path("lotse.toml")


def test_environment_beats_toml(tmp_path, monkeypatch):
    path = write(tmp_path, "[llm]\nmax_tokens = 99\ntemperature = 0.1\n")
    monkeypatch.setenv("LOTSE_LLM__MAX_TOKENS", "12")
    s = load_settings(path)
    assert s.llm.max_tokens == 12
    assert s.llm.temperature == 0.1


def test_wrong_type_names_field_in_german(tmp_path):
    path = write(tmp_path, '[llm]\nmax_tokens = "viele"\n')
    with pytest.raises(ConfigError) as info:
        load_settings(path)
    assert "llm.max_tokens" in info.value.message
    assert "fehlerhaft" in info.value.message


def test_unknown_setting_is_reported(tmp_path):
    path = write(tmp_path, "[llm]\nmodell = 1\n")
    with pytest.raises(ConfigError, match="unbekannte Einstellung 'llm.modell'"):
        load_settings(path)


def test_broken_toml_and_missing_file_and_directory(tmp_path):
    with pytest.raises(ConfigError, match="kein gültiges TOML"):
        load_settings(write(tmp_path, "[llm\nx=1"))
    with pytest.raises(ConfigError, match="nicht gefunden"):
        load_settings(tmp_path / "fehlt.toml")
    with pytest.raises(ConfigError, match="Ordner"):
        load_settings(tmp_path)


def test_unreadable_config_file(tmp_path, monkeypatch):
    path = write(tmp_path, "[llm]\n")
    real_open = Path.open

    def deny(self, *args, **kwargs):  # noqa: ANN001, ANN202 - root can read any file, so simulate
        if self == path:
            raise PermissionError(13, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(ConfigError, match="nicht lesbar"):
        load_settings(path)
