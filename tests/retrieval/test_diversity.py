"""Topic-aware diversity of the top passages: one source file does not fill all of them with
sections off the question's topic, unless it clearly dominates."""

from __future__ import annotations

from assistant.retrieval.hybrid import PER_SOURCE, diverse
from assistant.retrieval.models import Passage

TOPIC = ("geheimhaltung", "fallzahl", "mindestfallzahl")


def passage(source: str, section: str, score: float) -> Passage:
    return Passage(text=section, source=source, title=source, section=section, page=None,
                   score=score)


def test_a_file_off_the_topic_gives_way_after_three_passages():
    report = [passage("bericht.md", f"Berichtsteil {i}", 0.030 - i * 0.001) for i in range(5)]
    secrecy = passage("geheim.md", "Primäre Geheimhaltung: die Mindestfallzahl", 0.022)
    chosen = diverse([*report, secrecy], 5, TOPIC)
    assert secrecy in chosen
    assert sum(p.source == "bericht.md" for p in chosen) == PER_SOURCE + 1  # fills the rest


def test_sections_on_the_topic_stay_even_from_one_file():
    secrecy = [passage("geheim.md", f"Geheimhaltung Teil {i}", 0.030 - i * 0.001) for i in range(5)]
    other = passage("lizenz.md", "Lizenzen amtlicher Daten", 0.020)
    assert diverse([*secrecy, other], 5, TOPIC) == secrecy


def test_a_clearly_dominating_file_keeps_its_passages():
    report = [passage("bericht.md", f"Berichtsteil {i}", 0.033 - i * 0.001) for i in range(5)]
    weak = passage("geheim.md", "Rundung", 0.010)
    assert diverse([*report, weak], 5, TOPIC) == report


def test_order_and_count_without_other_files():
    only = [passage("a.md", f"Teil {i}", 0.03 - i * 0.001) for i in range(7)]
    assert diverse(only, 5, TOPIC) == only[:5]
