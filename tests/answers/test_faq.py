"""The curated FAQ: valid data, citations that exist, German schema errors, matching."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from assistant.answers.faq import FaqEntry, FaqMatcher, FaqSource, load_faq, overlap
from assistant.errors import CatalogueError
from assistant import SHIPPED_ROOT

KNOWLEDGE = SHIPPED_ROOT / "knowledge"


def _headings(path: Path) -> set[str]:
    return {line[3:].strip() for line in path.read_text(encoding="utf-8").splitlines()
            if line.startswith("## ")}


def test_shipped_faq_has_30_entries_of_every_kind():
    entries = load_faq(KNOWLEDGE / "faq")
    assert len(entries) >= 30
    assert {e.kind for e in entries} == {"berechnung", "definition", "darf_ich", "datenquelle",
                                         "schwelle", "vorgehen"}


def test_every_faq_citation_names_an_existing_guidance_section():
    for entry in load_faq(KNOWLEDGE / "faq"):
        for src in entry.sources:
            path = KNOWLEDGE / "guidance" / src.file
            assert path.is_file(), f"{entry.id}: {src.file} fehlt"
            assert src.section in _headings(path), f"{entry.id}: Abschnitt '{src.section}' fehlt"


def test_yes_no_faq_answers_start_with_their_verdict():
    for entry in load_faq(KNOWLEDGE / "faq"):
        if entry.kind == "darf_ich":
            first = entry.answer.split(",")[0].split(".")[0]
            assert re.match(r"(Ja|Nein)\b", first), entry.id


def test_unknown_field_is_refused_in_german_naming_file_and_field(tmp_path: Path):
    (tmp_path / "kaputt.yaml").write_text(
        "entries:\n  - id: x-1\n    kind: definition\n    question: Was ist eine Kennzahl?\n"
        "    answer: Eine Kennzahl ist eine absolute Zahl ohne Bezugsgröße.\n"
        "    sources: [{file: glossar.md, section: Kennzahl}]\n    quelle: falsch\n",
        encoding="utf-8")
    with pytest.raises(CatalogueError) as err:
        load_faq(tmp_path)
    assert "kaputt.yaml" in err.value.message and "quelle" in err.value.message


def test_unknown_kind_and_duplicate_ids_are_refused(tmp_path: Path):
    entry = ("  - id: x-1\n    kind: {kind}\n    question: Was ist eine Kennzahl?\n"
             "    answer: Eine Kennzahl ist eine absolute Zahl ohne Bezugsgröße.\n"
             "    sources: [{{file: glossar.md, section: Kennzahl}}]\n")
    (tmp_path / "a.yaml").write_text("entries:\n" + entry.format(kind="frage"), encoding="utf-8")
    with pytest.raises(CatalogueError, match="Feld 'kind'"):
        load_faq(tmp_path)
    (tmp_path / "a.yaml").write_text("entries:\n" + entry.format(kind="definition"), encoding="utf-8")
    (tmp_path / "b.yaml").write_text("entries:\n" + entry.format(kind="definition"), encoding="utf-8")
    with pytest.raises(CatalogueError, match="doppelt"):
        load_faq(tmp_path)


class _Vectors:
    """Embeds by a table of known texts (unknown texts get their own direction)."""

    def __init__(self, table: dict[str, list[float]]) -> None:
        self.table = table

    def embed_queries(self, texts):
        return np.array([self.table.get(t, [0.0, 0.0, 1.0]) for t in texts], dtype=np.float32)


def test_match_needs_close_vectors_and_shared_words():
    entries = load_faq(KNOWLEDGE / "faq")
    target = next(e for e in entries if e.id == "mindestfallzahl")
    table = {p: [1.0, 0.0, 0.0] for p in target.phrasings()}
    table["Ab welcher Fallzahl darf ein Wert veröffentlicht werden?"] = [1.0, 0.05, 0.0]
    table["Wie hängen Bildungsmanagement und Bildungsmonitoring zusammen?"] = [1.0, 0.05, 0.0]
    matcher = FaqMatcher([target], _Vectors(table))
    assert matcher.match("Ab welcher Fallzahl darf ein Wert veröffentlicht werden?").entry is target
    # close in the vector space but no words in common: not the FAQ's question
    assert matcher.match("Wie hängen Bildungsmanagement und Bildungsmonitoring zusammen?") is None
    assert matcher.match("Wie wird das Wetter?") is None


def test_a_question_for_a_number_is_not_answered_by_a_yes_no_entry():
    def entry(kind: str, question: str, answer: str) -> FaqEntry:
        return FaqEntry(id=kind.replace("_", "-"), kind=kind, question=question, answer=answer,
                        sources=[FaqSource(file="dkbm.md", section="x")])

    verdict = entry("darf_ich", "Dauert die Bestandsaufnahme aller Bildungsbereiche lange?",
                    "Ja: darum beginnt man modular mit einzelnen Bereichen.")
    duration = entry("schwelle", "Wie lange dauert eine Bestandsaufnahme aller Bildungsbereiche?",
                     "Eine vollständige Bestandsaufnahme dauert etwa zwei Jahre.")
    asked = "Wie lange dauert die Bestandsaufnahme aller Bildungsbereiche?"
    table = {verdict.question: [1.0, 0.0, 0.0], duration.question: [1.0, 0.1, 0.0],
             asked: [1.0, 0.01, 0.0]}
    # the yes/no entry lies closest, yet the question asks for a duration
    assert FaqMatcher([verdict], _Vectors(table)).match(asked) is None
    assert FaqMatcher([verdict, duration], _Vectors(table)).match(asked).entry is duration
    assert FaqMatcher([verdict], _Vectors(table)).match(verdict.question).entry is verdict


def test_word_overlap_counts_parts_of_compounds():
    assert overlap("Warum passen die Teilsummen nicht?", "Warum passen die Summen nicht?") == 1.0
    assert overlap("Wer hat den Anwendungsleitfaden herausgegeben?",
                   "Wie fangen wir mit dem Monitoring an?") == 0.0


def test_match_for_other_rooms_uses_the_shipped_faq_and_the_real_model():
    from assistant.answers import faq

    found = faq.match("Ab welcher Fallzahl darf ein Wert in einer Tabelle veröffentlicht werden?")
    assert found is not None and found.entry.id == "mindestfallzahl"
    assert faq.match("Wie wird das Wetter morgen in Flensburg?") is None


def test_a_long_question_that_wraps_the_stored_phrasing_in_context_matches():
    entry = FaqEntry(id="kernindikatoren", kind="definition",
                     question="Was sind Kernindikatoren?", answer="Kernindikatoren werden regelmäßig dargestellt.",
                     sources=[FaqSource(file="dkbm.md", section="x")])
    wrapped = ("Unsere neue Kollegin im Bildungsbüro fragt, was eigentlich Kernindikatoren sind, "
               "weil sie den Begriff im Entwurf für den Bericht gelesen hat.")
    elsewhere = ("Unsere neue Kollegin im Bildungsbüro fragt, wie sie den Bericht gliedern soll, "
                 "weil sie den Entwurf gelesen hat.")
    table = {entry.question: [1.0, 0.0, 0.0], wrapped: [1.0, 0.2, 0.0], elsewhere: [1.0, 0.2, 0.0]}
    matcher = FaqMatcher([entry], _Vectors(table))
    # few of the long question's words are in the phrasing, but all of the phrasing's are in it
    assert overlap(wrapped, entry.question) < 0.55
    assert matcher.match(wrapped).entry is entry
    # as close in the vector space, but the phrasing's term is missing: no match
    assert matcher.match(elsewhere) is None
    # and a wrapped question that lies less close does not match either
    table[wrapped] = [1.0, 0.5, 0.0]
    assert FaqMatcher([entry], _Vectors(table)).match(wrapped) is None


def test_a_may_i_question_is_not_answered_by_a_how_to_entry():
    def entry(kind: str, question: str, answer: str) -> FaqEntry:
        return FaqEntry(id=kind.replace("_", "-"), kind=kind, question=question, answer=answer,
                        sources=[FaqSource(file="dkbm.md", section="x")])

    how = entry("vorgehen", "Wie stellen wir die Tabellen unseres Jahresberichts als offene Daten bereit?",
                "Stellen Sie nur aggregierte Tabellen auf ein Open-Data-Portal.")
    may = entry("darf_ich", "Dürfen wir Tabellen aus GENESIS in unseren Jahresbericht übernehmen?",
                "Ja, mit Quellenangabe: Die Tabellen stehen unter einer offenen Lizenz.")
    asked = "Ist es erlaubt, die Tabellen aus GENESIS in unseren Jahresbericht abzudrucken?"
    table = {how.question: [1.0, 0.0, 0.0], may.question: [1.0, 0.1, 0.0], asked: [1.0, 0.01, 0.0]}
    # the how-to entry lies closest and shares the words, yet the question asks whether it may
    assert FaqMatcher([how], _Vectors(table)).match(asked) is None
    assert FaqMatcher([how], _Vectors(table)).match(how.question).entry is how
