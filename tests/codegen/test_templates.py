"""Code templates: schema, rendering with StrictUndefined, user folder, `lotse templates`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from assistant import PROJECT_ROOT
from assistant.codegen.templates import CodeTemplateLibrary, load_code_template
from assistant.errors import ConfigError

BUILTIN = PROJECT_ROOT / "prompts" / "code"
ANALYSES = {"anteil_gruppe", "anteil_gepoolt", "rangfolge", "differenz", "veraenderung",
            "vergleich_land_bund", "quote_altersjahre"}


def test_builtin_library_has_indicator_analysis_and_loader_templates():
    library = CodeTemplateLibrary(BUILTIN)
    ids = {t.id for t in library.all()}
    assert {"indikator_pandas", "indikator_r", "lesen_genesis_pandas", "lesen_genesis_r"} <= ids
    assert ANALYSES <= {t.id for t in library.analyses("pandas")}
    assert {"anteil_gruppe_r", "anteil_gepoolt_r", "rangfolge_r", "differenz_r"} <= {t.id for t in library.analyses("r")}
    for template in library.all():
        assert template.version >= 1 and template.purpose and template.variables
        if template.kind == "analysis":
            assert template.key_columns() and template.keywords


def test_render_fails_on_a_missing_variable_instead_of_leaving_a_hole():
    template = CodeTemplateLibrary(BUILTIN).get("differenz")
    with pytest.raises(ConfigError, match="braucht Werte für"):
        template.render(lesen="df = None")
    with pytest.raises(ConfigError, match="lässt sich nicht"):
        template.model_copy(update={"code": "{{ lesen }} {{ nicht_da }}", "variables": []}).render(lesen="x")


def test_sandboxed_environment_blocks_attribute_tricks():
    template = CodeTemplateLibrary(BUILTIN).get("differenz")
    evil = template.model_copy(update={"code": "{{ lesen.__class__.__mro__ }}", "variables": []})
    with pytest.raises(ConfigError):
        evil.render(lesen="x")


def test_user_template_is_loaded_and_validated(tmp_path):
    good = (BUILTIN / "differenz.yaml").read_text(encoding="utf-8").replace("id: differenz", "id: meine_differenz")
    (tmp_path / "meine_differenz.yaml").write_text(good, encoding="utf-8")
    library = CodeTemplateLibrary(BUILTIN, tmp_path)
    assert library.get("meine_differenz").origin.endswith("meine_differenz.yaml")
    (tmp_path / "kaputt.yaml").write_text("id: kaputt\nversion: 1\nkind: analysis\nlanguage: pandas\n"
                                          "purpose: Eine kaputte Vorlage ohne Code\nfarbe: rot\n", encoding="utf-8")
    with pytest.raises(ConfigError) as err:
        CodeTemplateLibrary(BUILTIN, tmp_path).all()
    assert "kaputt.yaml" in err.value.message
    assert "Feld 'code' fehlt" in err.value.message or "Feld 'farbe' ist unbekannt" in err.value.message


def test_template_with_bad_jinja_names_file_and_line(tmp_path):
    path = tmp_path / "schief.yaml"
    path.write_text("id: schief\nversion: 1\nkind: analysis\nlanguage: pandas\npurpose: Jinja-Fehler zeigen\n"
                    "code: |\n  x = 1\n  {% if %}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=r"schief.yaml.*Feld 'code', Zeile 2"):
        load_code_template(path)


def test_cli_templates_list_and_show(settings, monkeypatch):
    from assistant.cli.main import cli

    monkeypatch.setenv("LOTSE_PATHS__DATA_DIR", str(settings.paths.data_dir))
    listed = CliRunner().invoke(cli, ["templates", "list", "--json"], catch_exceptions=False)
    assert listed.exit_code == 0
    ids = {t["id"] for t in json.loads(listed.output)}
    assert ANALYSES <= ids and {"code_repair", "code_explain", "chat", "ask"} <= ids
    shown = CliRunner().invoke(cli, ["templates", "show", "indikator_r"], catch_exceptions=False)
    assert shown.exit_code == 0 and "ergebnis <- compute(df)" in shown.output


def test_user_templates_dir_from_settings(settings, tmp_path):
    from assistant.service import Lotse
    from assistant.settings import load_settings

    folder = tmp_path / "vorlagen"
    folder.mkdir()
    text = (BUILTIN / "rangfolge.yaml").read_text(encoding="utf-8").replace("id: rangfolge", "id: top_kreise")
    (folder / "top_kreise.yaml").write_text(text, encoding="utf-8")
    custom = load_settings(paths={"data_dir": settings.paths.data_dir}, llm={"backend": "fake"},
                           codegen={"templates_dir": str(folder)})
    assert Lotse(custom).code_templates.get("top_kreise").kind == "analysis"
