"""Privacy gate for tables: nothing tabular reaches a model before it passed here.

``check_table`` finds personal columns (:mod:`table_detect`), pseudonymises or drops direct
identifiers, optionally generalises birth dates to the birth year, reports quasi-identifier
combinations that break k-anonymity (:mod:`table_kanon`), and for aggregate tables suppresses small
counts with secondary suppression (:mod:`suppression`). It fails closed: any internal failure
raises :class:`PrivacyError` and no table is returned. Results and the audit log carry column
names, kinds and counts, never a cell value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Literal

import numpy as np
import pandas as pd

from assistant.errors import LotseError, PrivacyError
from assistant.privacy.audit import AuditLog
from assistant.privacy.pseudonyms import PseudonymMap
from assistant.privacy.tables.suppression import SuppressionResult, suppress
from assistant.privacy.tables.detect import (ACTION_TEXT, ColumnFinding, classify_column, is_int,
                                            is_number, looks_like_name, parse_date, sample_values,
                                            share)
from assistant.privacy.tables.io import LoadedTable, read_table
from assistant.privacy.tables.kanon import KAnonFinding, k_anonymity

Mode = Literal["pseudonymize", "drop"]
TableKind = Literal["aggregate", "microdata"]
_NOT_COUNT = re.compile(r"jahr|^nr|nummer|^id$|_id$|code|schl(ü|ue)ssel|plz|kennzahl|kennziffer|"
                        r"^ags|^ars|alter|^age$|note|punkte|stichtag|datum", re.IGNORECASE)
_STATISTIC = re.compile(r"anzahl|summe|insgesamt|gesamt|fälle|faelle|count|total|kinder|"
                        r"schüler|schueler|plätze|plaetze|personen", re.IGNORECASE)
#: Columns that only exist in lists of individuals; they rule out an aggregate table.
_PERSON_LEVEL = {"PERSON", "DATE_OF_BIRTH", "ADDRESS", "FREE_TEXT"}


class Pseudonymizer:
    """Placeholders for table columns, drawn from a session's :class:`PseudonymMap`.

    Give it the map of the session's text gate (``PrivacyGate.pseudonyms``) and a pupil named in a
    letter and listed in a table of the same session gets the same ``<PERSON_n>`` in both. The
    mapping lives in memory only and is never written anywhere.
    """

    def __init__(self, pseudonyms: PseudonymMap | None = None) -> None:
        self.pseudonyms = PseudonymMap() if pseudonyms is None else pseudonyms

    def replace(self, kind: str, series: pd.Series) -> tuple[pd.Series, int]:
        codes, uniques = pd.factorize(series.astype(object))
        labels = np.empty(len(uniques) + 1, dtype=object)
        labels[-1] = None
        for n, value in enumerate(uniques):
            labels[n] = self.pseudonyms.placeholder(kind, " ".join(str(value).split()))
        return pd.Series(labels[codes], index=series.index, dtype=object), len(uniques)

    def __len__(self) -> int:
        return len(self.pseudonyms)


@dataclass
class ActionTaken:
    column: str
    action: str          # "pseudonymize", "drop", "birth_year"
    cells: int
    distinct: int = 0
    new_column: str | None = None

    def to_dict(self) -> dict:
        return {"column": self.column, "action": self.action, "cells": self.cells,
                "distinct_values": self.distinct, "new_column": self.new_column}


@dataclass
class TableCheck:
    table_kind: str
    table_kind_reason: str
    source_format: str
    rows: int
    columns: list[ColumnFinding]
    actions: list[ActionTaken]
    suppression: SuppressionResult | None
    k: int
    k_anonymity: list[KAnonFinding]
    cleaned: pd.DataFrame
    warnings: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    #: Column names that contained personal data and were replaced by the text gate's placeholders.
    headers_masked: int = 0

    @property
    def personal_columns(self) -> list[ColumnFinding]:
        return [c for c in self.columns if c.role == "direct"]

    def report_lines(self) -> list[str]:
        """The German report shown by the CLI and the web UI (no cell value of the table)."""
        lines: list[str] = []
        kind = "Aggregattabelle (Fallzahlen)" if self.table_kind == "aggregate" else "Einzeldaten"
        lines.append(f"Tabelle: {self.rows} Zeilen, {len(self.columns)} Spalten – {kind} "
                   f"({self.table_kind_reason}).")
        for note in self.notes:
            lines.append(f"  {note}")
        direct = [c for c in self.columns if c.role == "direct"]
        lines.append("\nPersonenbezogene Spalten:" if direct else "\nKeine personenbezogenen Spalten "
                   "gefunden.")
        for c in direct:
            share = f", {c.share:.0%} der geprüften Werte" if c.share is not None else ""
            lines.append(f"  - '{c.column}': {c.kind_text} (erkannt {c.evidence_text}"
                       f"{share}) -> {c.action_text}"
                       f"{f' (<{c.kind}_n>)' if c.action == 'pseudonymize' else ''}")
        quasi = [c for c in self.columns if c.role == "quasi"]
        if quasi:
            lines.append("\nQuasi-Identifikatoren (unverändert, nur gemeldet): " + ", ".join(
                f"'{c.column}' ({c.kind_text})" for c in quasi))
        if self.suppression is not None:
            s = self.suppression
            lines.append(f"\nGeheimhaltung: {s.primary} Felder primär gesperrt (1 bis {s.min_count - 1} "
                       f"Fälle), {s.secondary} Felder sekundär gesperrt, {s.zeros_visible} Nullen "
                       f"bleiben sichtbar; gesperrte Felder zeigen '.'.")
            lines.append(f"  Regel: {s.rule}")
        if self.table_kind == "microdata":
            if self.k_anonymity:
                lines.append(f"\nk-Anonymität (k = {self.k}): seltene Kombinationen gefunden.")
            elif any(c.role == "quasi" for c in self.columns):
                lines.append(f"\nk-Anonymität (k = {self.k}): jede Merkmalskombination umfasst "
                           f"mindestens {self.k} Zeilen.")
        if self.warnings:
            lines.append("\nHinweise:")
            for warning in self.warnings:
                lines.append(f"  - {warning}")
        return lines

    def to_dict(self) -> dict:
        """JSON-ready summary: names, kinds and counts; no cell value of the table."""
        return {
            "table_kind": self.table_kind, "table_kind_reason": self.table_kind_reason,
            "source_format": self.source_format, "rows": self.rows,
            "columns": [c.to_dict() for c in self.columns],
            "actions": [a.to_dict() for a in self.actions],
            "suppression": self.suppression.to_dict() if self.suppression else None,
            "k": self.k, "k_anonymity": [f.to_dict() for f in self.k_anonymity],
            "cleaned_columns": [str(c) for c in self.cleaned.columns],
            "cleaned_rows": len(self.cleaned), "warnings": self.warnings, "notes": self.notes,
        }


def check_table_file(path: str | Path, settings, **options) -> TableCheck:  # noqa: ANN001
    """Read ``path`` and check it with the privacy settings; audit into the data folder."""
    from assistant.privacy.audit import audit_path

    loaded = read_table(path)
    options.setdefault("audit", AuditLog(audit_path(settings.paths.data_dir)))
    if "header_gate" not in options:
        from assistant.privacy import PrivacyGate

        gate = PrivacyGate.from_settings(settings, audit=False)  # counted in the table's record
        options["header_gate"] = lambda text: gate.redact(text).text
    return check_table(loaded, min_cell_count=settings.privacy.min_cell_count,
                       k=settings.privacy.k_anonymity, **options)


def check_table(table: LoadedTable | pd.DataFrame, *, min_cell_count: int = 3, k: int = 3,
                mode: Mode = "pseudonymize", table_kind: TableKind | None = None,
                birth_year: bool = True, pseudonymizer: Pseudonymizer | None = None,
                audit: AuditLog | None = None,
                header_gate: Callable[[str], str] | None = None) -> TableCheck:
    """Run the table gate. Raises :class:`PrivacyError` instead of returning an unchecked table.

    ``header_gate`` (the text gate's redaction) checks the column names like any other text: a
    header such as ``Rückfragen an <name> <IBAN>`` keeps no personal data in the cleaned table.
    """
    if mode not in ("pseudonymize", "drop"):
        raise PrivacyError(f"Unbekannter Modus '{mode}'.", "Wählen Sie 'pseudonymize' oder 'drop'.")
    loaded = table if isinstance(table, LoadedTable) else LoadedTable(table.copy(), "dataframe")
    try:
        result = _check(loaded, min_cell_count, k, mode, table_kind, birth_year,
                        Pseudonymizer() if pseudonymizer is None else pseudonymizer, header_gate)
    except LotseError:
        raise
    except Exception as exc:  # noqa: BLE001 - fail closed on anything unexpected
        raise PrivacyError(
            f"Die Datenschutzprüfung der Tabelle ist fehlgeschlagen ({type(exc).__name__}); die "
            "Tabelle wird nicht weitergegeben.",
            "Prüfen Sie, ob die Tabelle eine Kopfzeile und gleichartige Spalten hat, und melden "
            "Sie den Fehler mit LOTSE_DEBUG=1, falls er bleibt.") from exc
    if audit is not None:
        _audit(audit, result, mode, min_cell_count, k)
    return result


def _check(loaded: LoadedTable, min_cell_count: int, k: int, mode: Mode,
           table_kind: TableKind | None, birth_year: bool, pseudo: Pseudonymizer,
           header_gate: Callable[[str], str] | None = None) -> TableCheck:
    frame = loaded.frame
    warnings: list[str] = []
    notes = list(loaded.notes)
    frame.columns = [str(c) for c in frame.columns]
    findings = [_classify(loaded, c, frame[c]) for c in frame.columns]
    if not loaded.is_official and _header_is_data(frame, findings):
        frame = _demote_header(frame)
        findings = [classify_column(c, frame[c]) for c in frame.columns]
        warnings.append("Die erste Zeile sah wie Daten aus (z. B. ein Name oder Datum), nicht wie "
                        "Spaltennamen; sie wurde als Datenzeile behandelt und die Spalten heißen "
                        "Spalte1, Spalte2, …")
    masked: list[str] = []
    if header_gate is not None:
        before = list(frame.columns)
        gated = _gate_header(before, header_gate)
        if gated != before:
            frame = frame.set_axis(gated, axis=1)
            for finding, name in zip(findings, gated):  # judged by the real name, shown masked
                finding.column = name
            masked = [g for g, c in zip(gated, before) if g != c]
            warnings.append("Spaltennamen enthielten personenbezogene Daten und wurden durch "
                            "Platzhalter ersetzt: " + ", ".join(f"'{g}'" for g in masked) + ".")
    kind, reason, counts, keys = _table_kind(loaded, frame, findings, table_kind)
    cleaned = frame.copy()
    actions: list[ActionTaken] = []
    quasi: dict[str, str] = {f.column: f.kind for f in findings if f.role == "quasi"}
    for f in findings:
        if f.role != "direct":
            continue
        col = cleaned[f.column]
        filled = int(col.notna().sum())
        if f.kind == "FREE_TEXT" or mode == "drop":
            cleaned = cleaned.drop(columns=[f.column])
            f.action = "drop"
            actions.append(ActionTaken(f.column, "drop", filled))
        elif f.kind == "DATE_OF_BIRTH" and birth_year:
            years, unparsed = _birth_years(col, pseudo)
            new = "Geburtsjahr" if "Geburtsjahr" not in cleaned.columns else f"{f.column}_Jahr"
            position = cleaned.columns.get_loc(f.column)
            cleaned = cleaned.drop(columns=[f.column])
            cleaned.insert(position, new, years)
            f.action = "birth_year"
            actions.append(ActionTaken(f.column, "birth_year", filled, new_column=new))
            quasi[new] = "BIRTH_YEAR"
            if unparsed:
                warnings.append(f"{unparsed} Werte in '{f.column}' waren kein lesbares Datum und "
                                "wurden pseudonymisiert.")
        else:
            cleaned[f.column], distinct = pseudo.replace(f.kind, col)
            f.action = "pseudonymize"
            actions.append(ActionTaken(f.column, "pseudonymize", filled, distinct))
        if f.kind == "FREE_TEXT":
            warnings.append(f"Freitextspalte '{f.column}' wurde entfernt: sie kann Namen und "
                            "Einzelangaben enthalten. Prüfen Sie Texte einzeln mit 'lotse anonymize'.")
    suppression = None
    kanon: list[KAnonFinding] = []
    if kind == "aggregate":
        if loaded.is_official and table_kind is None:
            notes.append("Veröffentlichte amtliche Statistik: die statistischen Ämter haben "
                         "kleine Fallzahlen bereits geheim gehalten ('.'); Lotse sperrt nichts "
                         "zusätzlich (mit --aggregate erzwingen).")
        elif counts:
            keys = [c for c in keys if c in cleaned.columns]
            suppression = suppress(cleaned, keys, counts, min_cell_count)
            cleaned = suppression.frame
            warnings.extend(suppression.warnings)
        else:
            warnings.append("Als Aggregattabelle behandelt, aber keine Spalte mit Fallzahlen "
                            "gefunden: es wurde nichts gesperrt.")
        decimals = [f.column for f in findings if f.role == "other" and f.column not in counts
                    and _mostly_decimal(frame[f.column])]
        if decimals and suppression and (suppression.primary or suppression.secondary):
            warnings.append("Die Spalten " + ", ".join(f"'{c}'" for c in decimals) + " enthalten "
                            "Anteile oder Kommazahlen und wurden nicht gesperrt: prüfen Sie, ob "
                            "sich gesperrte Fallzahlen daraus zurückrechnen lassen.")
    else:
        kanon = k_anonymity(cleaned, quasi, k)
        warnings.extend(f.message() for f in kanon)
        named = [c for c in counts if _STATISTIC.search(c)]
        if named and table_kind is None:
            warnings.append("Die Spalten " + ", ".join(f"'{c}'" for c in named) + " sehen wie "
                            "Fallzahlen aus, die Tabelle wurde aber als Einzeldaten behandelt. "
                            "Ist es eine Fallzahltabelle, prüfen Sie sie mit --aggregate.")
    for f in findings:
        if f.sensitive:
            warnings.append(f"Spalte '{f.column}' enthält besondere oder besonders schutzwürdige "
                            "Angaben (Art. 9 DSGVO bzw. Sozialdaten): nur aggregiert weitergeben.")
    if any(a.action == "pseudonymize" for a in actions):
        warnings.append("Pseudonymisierte Daten bleiben personenbezogen (Art. 4 Nr. 5 DSGVO); "
                        "die Zuordnung der Platzhalter liegt nur im Arbeitsspeicher dieser Sitzung.")
    return TableCheck(kind, reason, loaded.source_format, len(frame), findings, actions,
                      suppression, k, kanon, cleaned, warnings, notes, len(masked))


def _classify(loaded: LoadedTable, column: str, series: pd.Series) -> ColumnFinding:
    if column in loaded.meta.get("value_columns", ()):
        return ColumnFinding(column, "COUNT", "other", "name",
                             note="Wertspalte des GENESIS-Exports")
    return classify_column(column, series)


def _gate_header(columns: list[str], gate: Callable[[str], str]) -> list[str]:
    """Column names through the text gate; names made equal by it stay distinct."""
    out: list[str] = []
    for name in columns:
        gated = gate(name)
        while gated in out:
            gated += "_"
        out.append(gated)
    return out


def _header_is_data(frame: pd.DataFrame, findings: list[ColumnFinding]) -> bool:
    for name, f in zip(frame.columns, findings):
        if parse_date(name) or "@" in name or (f.kind == "PERSON" and f.evidence == "values"
                                               and looks_like_name(name)[1]):
            return True
    return False


def _demote_header(frame: pd.DataFrame) -> pd.DataFrame:
    header = pd.DataFrame([list(frame.columns)], columns=frame.columns, dtype=object)
    out = pd.concat([header, frame.astype(object)], ignore_index=True)
    out.columns = [f"Spalte{i}" for i in range(1, out.shape[1] + 1)]
    return out


def _count_columns(frame: pd.DataFrame, findings: list[ColumnFinding]) -> list[str]:
    out = []
    for f in findings:
        if f.role in ("direct", "quasi") or _NOT_COUNT.search(f.column):
            continue
        col = frame[f.column]
        if pd.api.types.is_integer_dtype(col.dtype):
            if (col.dropna() >= 0).all():
                out.append(f.column)
            continue
        sample = sample_values(col)
        if sample and share(lambda v: is_int(v) or v in ("-", "."), sample) >= 0.95 and not any(
                v.startswith("-") and v != "-" for v in sample):
            out.append(f.column)
    return out


def _table_kind(loaded: LoadedTable, frame: pd.DataFrame, findings: list[ColumnFinding],
                requested: TableKind | None) -> tuple[str, str, list[str], list[str]]:
    counts = _count_columns(frame, findings)
    keys = [f.column for f in findings if f.column not in counts and f.role != "direct"]
    if requested:
        return requested, "vom Nutzer angegeben", counts, keys
    if loaded.is_official:
        return "aggregate", "GENESIS/Regionaldatenbank-Export (amtliche Statistik)", counts, keys
    persons = [f.column for f in findings if f.kind in _PERSON_LEVEL]
    if counts:
        unique = not keys or not frame[keys].astype(object).duplicated().any()
        named = any(_STATISTIC.search(c) for c in counts)
        if (unique or named) and not persons:
            return ("aggregate", "Fallzahlspalten mit eindeutigen Merkmalskombinationen je Zeile",
                    counts, keys)
    if persons:
        return "microdata", "Spalten mit Namen, Geburtsdaten oder Anschriften", counts, keys
    return "microdata", "keine Fallzahlspalten mit eindeutigen Schlüsseln", counts, keys


def _mostly_decimal(series: pd.Series) -> bool:
    if pd.api.types.is_float_dtype(series.dtype):
        return True
    sample = sample_values(series)
    return bool(sample) and share(lambda v: is_number(v) and not is_int(v), sample) >= 0.5


def _birth_years(series: pd.Series, pseudo: Pseudonymizer) -> tuple[pd.Series, int]:
    codes, uniques = pd.factorize(series.astype(object))
    years = np.empty(len(uniques) + 1, dtype=object)
    years[-1] = None
    bad = []
    for n, value in enumerate(uniques):
        parsed = parse_date(str(value).strip())
        years[n] = str(parsed.year) if parsed else None
        if not parsed:
            bad.append(n)
    out = pd.Series(years[codes], index=series.index, dtype=object)
    if bad:
        mask = pd.Series(np.isin(codes, bad), index=series.index)
        out[mask], _ = pseudo.replace("DATE_OF_BIRTH", series[mask])
    return out, int(np.isin(codes, bad).sum())


def _audit(audit: AuditLog, result: TableCheck, mode: str, min_cell_count: int, k: int) -> None:
    counts: dict[str, int] = {}
    for f, a in ((f, a) for a in result.actions for f in result.columns if f.column == a.column):
        counts[f.kind] = counts.get(f.kind, 0) + a.cells
    if result.headers_masked:
        counts["HEADER_MASKED"] = result.headers_masked
    if result.suppression:
        counts["SUPPRESSED_PRIMARY"] = result.suppression.primary
        counts["SUPPRESSED_SECONDARY"] = result.suppression.secondary
    if result.k_anonymity:
        counts["ROWS_BELOW_K"] = max(f.rows_at_risk for f in result.k_anonymity)
    detail = "; ".join(f"{a.column}: {ACTION_TEXT[a.action]}" for a in result.actions)
    detail = f"{result.table_kind}, {result.rows} Zeilen" + (f"; {detail}" if detail else "")
    audit.record("check_table", counts,
                 rule=f"mode={mode}; min_cell_count={min_cell_count}; k={k}",
                 detail=detail[:480] + ("…" if len(detail) > 480 else ""))
