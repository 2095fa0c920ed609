"""Measure the support score of :mod:`assistant.answers.faithfulness` on labelled sentences.

Each example is one sentence with its cited passage (a section of the shipped guidance texts):
faithful ones restate the section in other words, as an instruct model would; unfaithful ones are
plausible claims on the same topic that the section does not make (other figures, other
facts, advice it does not give). Prints the scores, the accuracy for thresholds 0.3-0.9 and the
threshold that separates best.

    python benchmarks/bench_faithfulness.py
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # this checkout's package

from assistant.answers.faithfulness import SUPPORT_THRESHOLD, check, support
from assistant.retrieval.models import Passage

GUIDANCE = Path(__file__).resolve().parent.parent / "knowledge" / "guidance"

FAITHFUL = [
    ("datenquellen-stichtage.md", "Kinder- und Jugendhilfestatistik",
     "Die Kinder in Kitas werden heute zum Stichtag 1. März gezählt [1]."),
    ("datenquellen-stichtage.md", "Kinder- und Jugendhilfestatistik",
     "Früher lag der Stichtag anders, 2008 etwa am 15. März [1]."),
    ("datenquellen-stichtage.md", "Kinder- und Jugendhilfestatistik",
     "Für die Betreuungsquote werden die Kinder vom 1. März auf die gleichaltrige Bevölkerung "
     "vom 31. Dezember des Vorjahres bezogen [1]."),
    ("datenquellen-stichtage.md", "Kinder- und Jugendhilfestatistik",
     "Die Statistik erfasst Einrichtungen, Plätze, Personal und betreute Kinder [1]."),
    ("datenquellen-stichtage.md", "Schulstatistik",
     "Jedes Land legt den Stichtag der Schulstatistik selbst fest [1]."),
    ("datenquellen-stichtage.md", "Schulstatistik",
     "Gezählt wird in der Schulstatistik nach dem Schulort und nicht nach dem Wohnort [1]."),
    ("datenquellen-stichtage.md", "Schulstatistik",
     "Seit 2024 heißt es in der Tabelle 21111-02-06-4-B „ohne Ersten Schulabschluss“ [1]."),
    ("datenquellen-stichtage.md", "Berufsbildungsstatistik",
     "Die BIBB-Erhebung zählt die neuen Ausbildungsverträge zum 30. September [1]."),
    ("datenquellen-stichtage.md", "Berufsbildungsstatistik",
     "Die Berufsbildungsstatistik hat ihren Stichtag am 31. Dezember und beruht auf Meldungen "
     "der Kammern [1]."),
    ("statistische-geheimhaltung.md", "Primäre Geheimhaltung: die Mindestfallzahl",
     "Ein Tabellenfeld darf in der Regel erst ab 3 Fällen veröffentlicht werden [1]."),
    ("statistische-geheimhaltung.md", "Primäre Geheimhaltung: die Mindestfallzahl",
     "Bei zwei Fällen kann jeder der beiden den Wert des anderen ausrechnen [1]."),
    ("statistische-geheimhaltung.md", "Primäre Geheimhaltung: die Mindestfallzahl",
     "Für Quoten gelten teils strengere Schwellen, etwa mindestens 100 Personen im Nenner [1]."),
    ("statistische-geheimhaltung.md", "Rechtsgrundlage",
     "Die Geheimhaltung von Bundesstatistiken beruht auf § 16 BStatG [1]."),
    ("statistische-geheimhaltung.md", "Rechtsgrundlage",
     "Verstöße gegen das Statistikgeheimnis sind strafbar [1]."),
]

UNFAITHFUL = [
    ("datenquellen-stichtage.md", "Kinder- und Jugendhilfestatistik",
     "Die Kinder in Kitas werden jedes Jahr im Oktober zu Schuljahresbeginn gezählt [1]."),
    ("datenquellen-stichtage.md", "Kinder- und Jugendhilfestatistik",
     "Eltern müssen die Betreuung ihres Kindes beim Jugendamt online beantragen [1]."),
    ("datenquellen-stichtage.md", "Kinder- und Jugendhilfestatistik",
     "Die Stadt zahlt jedem Kind eine Bildungsprämie als Zuschuss zum Mittagessen [1]."),
    ("datenquellen-stichtage.md", "Kinder- und Jugendhilfestatistik",
     "Das Landesjugendamt veröffentlicht die Ergebnisse wöchentlich im Internet [1]."),
    ("datenquellen-stichtage.md", "Schulstatistik",
     "Die Schulstatistik wird vom Bundesministerium einheitlich für alle Länder erhoben [1]."),
    ("datenquellen-stichtage.md", "Schulstatistik",
     "Privatschulen melden ihre Noten und Zeugnisse direkt an das Kultusministerium [1]."),
    ("datenquellen-stichtage.md", "Schulstatistik",
     "Lehrkräfte werden über Arbeitszeitkonten und Befragungen der Gewerkschaft erfasst [1]."),
    ("datenquellen-stichtage.md", "Berufsbildungsstatistik",
     "Die Handwerkskammer vergibt Ausbildungsplätze nach einem Losverfahren [1]."),
    ("datenquellen-stichtage.md", "Berufsbildungsstatistik",
     "Jugendliche ohne Abschluss erhalten automatisch einen Studienplatz an der Hochschule [1]."),
    ("statistische-geheimhaltung.md", "Primäre Geheimhaltung: die Mindestfallzahl",
     "Kleine Schulen dürfen ihre Ergebnisse deshalb anonym im Amtsblatt drucken lassen [1]."),
    ("statistische-geheimhaltung.md", "Primäre Geheimhaltung: die Mindestfallzahl",
     "Die Datenschutzbeauftragte prüft jede Veröffentlichung vorab persönlich [1]."),
    ("statistische-geheimhaltung.md", "Primäre Geheimhaltung: die Mindestfallzahl",
     "Gemeinden mit weniger Einwohnern erhalten Fördermittel vom Landkreis [1]."),
    ("statistische-geheimhaltung.md", "Rechtsgrundlage",
     "Die Kommune darf Einzeldaten frei an Schulträger und Vereine weitergeben [1]."),
    ("statistische-geheimhaltung.md", "Rechtsgrundlage",
     "Das Schulamt löscht personenbezogene Angaben nach drei Monaten automatisch [1]."),
]


def section(file: str, heading: str) -> Passage:
    text = (GUIDANCE / file).read_text(encoding="utf-8")
    match = re.search(rf"^## ({re.escape(heading)}[^\n]*)\n(.*?)(?=^## |\Z)", text, re.M | re.S)
    assert match, (file, heading)
    return Passage(match.group(2).strip(), file, file, match.group(1), None, n=1)


def main() -> None:
    scored = []
    for label, examples in ((True, FAITHFUL), (False, UNFAITHFUL)):
        for file, heading, sentence in examples:
            passage = section(file, heading)
            scored.append((support(sentence, [passage]), label, sentence, passage))
    print(f"{'score':>6}  label  sentence")
    for score, label, sentence, _ in sorted(scored, key=lambda x: x[0]):
        print(f"{score:6.2f}  {'treu ' if label else 'FALSCH'}  {sentence[:90]}")
    print("\nthreshold  accuracy  faithful kept  unfaithful caught")
    best = (0.0, 0.0)
    for t in [x / 20 for x in range(6, 19)]:
        kept = sum(1 for s, lab, *_ in scored if lab and s >= t)
        caught = sum(1 for s, lab, *_ in scored if not lab and s < t)
        accuracy = (kept + caught) / len(scored)
        best = max(best, (accuracy, -t))
        print(f"{t:9.2f}  {accuracy:8.2f}  {kept:>5}/{len(FAITHFUL):<8} {caught:>5}/{len(UNFAITHFUL)}")
    print(f"\nbest threshold: {-best[1]:.2f} (accuracy {best[0]:.2f}); in use: {SUPPORT_THRESHOLD}")
    # The full check (numbers, placeholders, citations) on the same sentences.
    full_ok = sum(1 for _, lab, s, p in scored if lab and check(s, [p], question="").ok)
    full_caught = sum(1 for _, lab, s, p in scored if not lab and not check(s, [p], question="").ok)
    print(f"full check: {full_ok}/{len(FAITHFUL)} faithful pass, "
          f"{full_caught}/{len(UNFAITHFUL)} unfaithful refused")


if __name__ == "__main__":
    main()
