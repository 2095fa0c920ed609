"""knowledge/eval/coverage_audit.md lists the facts of the sources and where knowledge/ states
each in one sentence; coverage_audit.py checks that the named place still carries the fact."""

from __future__ import annotations

import importlib.util
import pathlib
import sys

import pytest

from assistant import PROJECT_ROOT

SCRIPT = PROJECT_ROOT / "knowledge" / "eval" / "coverage_audit.py"
_spec = importlib.util.spec_from_file_location("coverage_audit", SCRIPT)
assert _spec and _spec.loader
audit = importlib.util.module_from_spec(_spec)
sys.modules["coverage_audit"] = audit  # dataclasses look their module up
_spec.loader.exec_module(audit)

INDEX = audit.places()
FACTS = audit.read_facts()


def test_the_audit_lists_facts_of_every_source() -> None:
    prefixes = {fact.id.split("-")[0] for fact in FACTS}
    assert {"0", "A", "C", "D", "E", "X", "G2", "K", "S0", "S1", "S2", "S3", "S4"} <= prefixes
    assert len({fact.id for fact in FACTS}) == len(FACTS)


@pytest.mark.parametrize("fact", FACTS, ids=[fact.id for fact in FACTS])
def test_the_named_place_states_the_fact_in_one_sentence(fact) -> None:
    assert audit.check(fact, INDEX), f"{fact.id}: {fact.keys} not in one sentence of {fact.file}"


KNOWLEDGE_MD = """# Titel

> Quelle(n): Statistikamt Nordland, Quote 9,9 % aus dem Jahr 2031
> Stand: 2026-11

## Mondscheinquote

Die Mondscheinquote lag 2031 bei 4,2 %. Sie betrifft nur Schulen am Deich.
Das Treffen der Lotsengruppe fand am 3. März 2031 statt. Der Stichtag ist der 1.3. Danach wird gezählt.
"""

KNOWLEDGE_FAQ = """entries:
  - id: deich-frage
    question: Wo gilt die Deichquote?
    answer: Die Deichquote gilt nur in Küstenkreisen. Sie liegt bei 7,7 %.
"""


def _audit_table(rows: list[str]) -> str:
    return "| Nr. | Quelle | Fakt | Schlüssel | Fundstelle |\n|---|---|---|---|---|\n" + "\n".join(rows)


@pytest.fixture
def tiny(tmp_path: pathlib.Path) -> dict[str, dict[str, list[str]]]:
    (tmp_path / "guidance").mkdir()
    (tmp_path / "faq").mkdir()
    (tmp_path / "guidance" / "mond.md").write_text(KNOWLEDGE_MD, encoding="utf-8")
    (tmp_path / "faq" / "deich.yaml").write_text(KNOWLEDGE_FAQ, encoding="utf-8")
    return audit.places(tmp_path)


CASES = [
    # (key words, place, stated?)
    (("Mondscheinquote", "4,2 %"), "`mond.md` § Mondscheinquote", True),
    (("Mondscheinquote", "Deich"), "`mond.md` § Mondscheinquote", False),  # "Sie" in the 2nd sentence
    (("Lotsengruppe", "3. März 2031"), "`mond.md`", True),  # a date's ordinal ends no sentence
    (("Statistikamt Nordland",), "`mond.md`", False),  # source lines are not quoted
    (("Deichquote", "Küstenkreisen"), "`deich.yaml` # deich-frage", True),
    (("Deichquote", "7,7 %"), "`deich.yaml` # deich-frage", False),
    (("Mondscheinquote", "4,2 %"), "`deich.yaml` # deich-frage", False),  # wrong place
]


@pytest.mark.parametrize(("keys", "place", "stated"), CASES, ids=[" + ".join(c[0]) for c in CASES])
def test_a_fact_counts_only_when_one_sentence_of_the_place_carries_it(
        tiny, tmp_path: pathlib.Path, keys: tuple[str, ...], place: str, stated: bool) -> None:
    table = tmp_path / "audit.md"
    cells = " · ".join(f"`{k}`" for k in keys)
    table.write_text(_audit_table([f"| T-01 | Test | Fakt | {cells} | {place} |"]), encoding="utf-8")
    (fact,) = audit.read_facts(table)
    assert audit.check(fact, tiny) is stated


def test_a_row_without_a_place_is_an_error(tmp_path: pathlib.Path) -> None:
    table = tmp_path / "audit.md"
    table.write_text(_audit_table(["| T-02 | Test | Fakt | `x` | fehlt |"]), encoding="utf-8")
    with pytest.raises(ValueError, match="T-02"):
        audit.read_facts(table)
