"""The rooms and their arrows: each stage imports only stages below it, and nothing imports in a circle.

Read from the source (every ``import`` statement, also the lazy ones inside functions), so a
cycle hidden behind a function-level import is found too.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from assistant import PROJECT_ROOT

PACKAGE = PROJECT_ROOT / "assistant"


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PROJECT_ROOT).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def _is_type_checking(node: ast.If) -> bool:
    test = node.test
    return (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING") or (
        isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")


def _imports(path: Path, *, with_type_only: bool) -> set[str]:
    """Modules of ``assistant`` that ``path`` imports (a name imported from a package that is
    itself a submodule counts as that submodule)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    skip: set[int] = set()
    if not with_type_only:
        for node in ast.walk(tree):
            if isinstance(node, ast.If) and _is_type_checking(node):
                skip.update(id(n) for child in node.body for n in ast.walk(child))
    found: set[str] = set()
    for node in ast.walk(tree):
        if id(node) in skip:
            continue
        if isinstance(node, ast.Import):
            found.update(a.name for a in node.names if a.name.startswith("assistant"))
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0 \
                and node.module.startswith("assistant"):
            for alias in node.names:
                sub = f"{node.module}.{alias.name}"
                is_sub = (PROJECT_ROOT / sub.replace(".", "/")).with_suffix(".py").exists() or \
                    (PROJECT_ROOT / sub.replace(".", "/") / "__init__.py").exists()
                found.add(sub if is_sub else node.module)
    return found


def _graph(with_type_only: bool = True) -> dict[str, set[str]]:
    modules = {_module_name(p): p for p in PACKAGE.rglob("*.py")}
    return {name: {m for m in _imports(path, with_type_only=with_type_only) if m in modules} - {name}
            for name, path in modules.items()}


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


def _without_package_inits(graph: dict[str, set[str]]) -> dict[str, set[str]]:
    """A package's ``__init__`` re-exporting its submodules is no cycle of substance: drop the
    edges from a package to its own submodules."""
    return {m: {t for t in targets if not t.startswith(m + ".")} for m, targets in graph.items()}


def test_no_import_cycles_between_modules():
    assert _cycles(_without_package_inits(_graph())) == []


def test_the_cycles_named_in_the_review_are_gone():
    graph = _graph()
    assert "assistant.doctor" not in graph["assistant.catalogue.schema"] | set().union(
        *(graph[m] for m in graph if m.startswith("assistant.retrieval")))
    assert "assistant.catalogue.schema" not in graph["assistant.catalogue.render"]


@pytest.mark.parametrize("room, forbidden", [
    # retrieval returns passages: it knows neither answers, models, prompts nor the privacy gate
    ("assistant.retrieval", ("assistant.answers", "assistant.llm", "assistant.prompts",
                             "assistant.privacy", "assistant.doctor", "assistant.service",
                             "assistant.cli")),
    # the gate sits first in the flow
    ("assistant.privacy", ("assistant.retrieval", "assistant.answers", "assistant.llm",
                           "assistant.prompts", "assistant.service", "assistant.cli")),
    ("assistant.answers", ("assistant.service", "assistant.cli", "assistant.doctor")),
    ("assistant.llm", ("assistant.retrieval", "assistant.answers", "assistant.privacy",
                       "assistant.service", "assistant.cli")),
    ("assistant.catalogue", ("assistant.retrieval", "assistant.answers", "assistant.llm",
                             "assistant.privacy", "assistant.service", "assistant.cli")),
])
def test_arrows_point_down_the_flow(room, forbidden):
    graph = _graph()
    wrong = sorted(f"{m} -> {t}" for m, targets in graph.items()
                   if m == room or m.startswith(room + ".")
                   for t in targets if any(t == f or t.startswith(f + ".") for f in forbidden))
    assert wrong == []


def test_the_cli_reaches_the_rooms_only_through_the_service():
    """The command line parses, calls :class:`assistant.service.Lotse` and formats; type imports
    (under ``TYPE_CHECKING``) are allowed."""
    rooms = ("assistant.privacy", "assistant.retrieval", "assistant.catalogue", "assistant.llm",
             "assistant.answers")
    wrong = []
    for path in (PACKAGE / "cli").rglob("*.py"):
        for target in _imports(path, with_type_only=False):
            if any(target == r or target.startswith(r + ".") for r in rooms):
                wrong.append(f"{path.name} -> {target}")
    assert sorted(wrong) == []


def test_ner_training_and_corpus_evaluation_are_not_shipped():
    names = {_module_name(p) for p in PACKAGE.rglob("*.py")}
    assert not any("evaluation" in n or "train" in n for n in names if n.startswith("assistant.privacy"))
    assert (PROJECT_ROOT / "scripts" / "train_ner.py").exists()
    assert (PROJECT_ROOT / "scripts" / "privacy_evaluation.py").exists()
