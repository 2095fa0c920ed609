"""``Lotse.ingest``, ``sources`` and ``remove_source``, and ``lotse ingest`` against them."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from assistant.cli.main import AppContext, cli
from assistant.errors import InputError
from assistant.llm.fake import FakeBackend
from assistant.retrieval.index import KnowledgeIndex
from assistant.service import Lotse


@pytest.fixture
def lotse(rsettings, bow) -> Lotse:
    index = KnowledgeIndex(rsettings, embedder=bow, progress=False, status=lambda m: None)
    return Lotse(rsettings, backend=FakeBackend(kind="base"), index=index, status=lambda _: None)


def test_ingest_lists_and_removes_own_documents(lotse, tmp_path):
    doc = tmp_path / "schulnetzplan.md"
    doc.write_text("# Schulnetzplan\n\nDie Grundschule am Park hat vier Züge.\n", encoding="utf-8")
    done: list[str] = []
    result = lotse.ingest([doc, tmp_path / "fehlt.pdf"], remove=["gibt-es-nicht.md"], on_file=done.append)
    assert result.added == ("schulnetzplan.md",) and done == ["schulnetzplan.md"]
    assert result.chunks >= 1 and not result.ok
    assert {e.path for e in result.errors} == {str(tmp_path / "fehlt.pdf"), "gibt-es-nicht.md"}
    again = lotse.ingest([doc])
    assert again.unchanged == ("schulnetzplan.md",) and again.ok
    sources = lotse.sources()
    assert sources[0].source == "schulnetzplan.md" and sources[0].origin == "user"
    assert any(s.origin == "knowledge" for s in sources)
    assert lotse.remove_source("schulnetzplan.md") == "schulnetzplan.md"
    with pytest.raises(InputError, match="nicht im Index"):
        lotse.remove_source("schulnetzplan.md")


def test_cli_ingest_reports_problems_and_fails_with_input_error(lotse, tmp_path):
    doc = tmp_path / "notiz.txt"
    doc.write_text("Die Kita Sonnenschein hat 60 Plätze.", encoding="utf-8")
    result = CliRunner().invoke(cli, ["ingest", "--json", str(doc), "--remove", "weg.md"],
                                obj=AppContext.of(lotse))
    data = json.loads(result.stdout)
    assert data["added"] == ["notiz.txt"] and data["errors"][0]["path"] == "weg.md"
    assert isinstance(result.exception, InputError)
    listed = CliRunner().invoke(cli, ["sources", "--json"], obj=AppContext.of(lotse))
    assert "notiz.txt" in [r["source"] for r in json.loads(listed.stdout)]
