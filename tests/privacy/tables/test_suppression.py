"""Small-cell suppression: primary 1-2, secondary so that no hidden value can be recomputed.

The attacks below only see the published table (with '.') and the margins a reader may know;
they must not pin down any primarily suppressed cell.
"""

from __future__ import annotations

import random

import numpy as np
import pandas as pd
import pytest

from assistant.privacy.tables.suppression import SYMBOL, suppress

KITA = pd.DataFrame({
    "Kita": ["Sonnenschein", "Regenbogen", "Pusteblume", "Löwenzahn", "Insgesamt"],
    "unter 3": ["5", "2", "7", "9", "23"],
    "3 bis 6": ["20", "15", "0", "31", "66"],
    "Schulkinder": ["4", "6", "1", "12", "23"],
    "Insgesamt": ["29", "23", "8", "52", "112"],
})
COUNTS = ["unter 3", "3 bis 6", "Schulkinder", "Insgesamt"]


def hidden_mask(frame: pd.DataFrame, counts: list[str]) -> np.ndarray:
    return (frame[counts].astype(str) == SYMBOL).to_numpy()


def equations(n_rows: int, n_cols: int, total_row: bool, total_col: bool):
    """Row and column sum equations over the grid (coefficient dicts: cell -> +1/-1)."""
    eqs = []
    parts_r = range(n_rows - 1) if total_row else range(n_rows)
    parts_c = range(n_cols - 1) if total_col else range(n_cols)
    for r in range(n_rows):
        eq = {(r, c): 1 for c in parts_c}
        if total_col:
            eq[(r, n_cols - 1)] = -1
        eqs.append((eq, 0 if total_col else None))
    for c in range(n_cols):
        eq = {(r, c): 1 for r in parts_r}
        if total_row:
            eq[(n_rows - 1, c)] = -1
        eqs.append((eq, 0 if total_row else None))
    return eqs


def iterative_attack(published: np.ndarray, truth: np.ndarray, eqs) -> dict:
    """Solve equations with one unknown, repeatedly. Margins without a total cell are known."""
    known = {(r, c): float(published[r, c]) for r in range(published.shape[0])
             for c in range(published.shape[1]) if published[r, c] != SYMBOL}
    solved = {}
    changed = True
    while changed:
        changed = False
        for eq, rhs in eqs:
            if rhs is None:  # external margin: the reader knows the true sum
                rhs = sum(coef * truth[cell] for cell, coef in eq.items())
            unknown = [cell for cell in eq if cell not in known]
            if len(unknown) == 1:
                cell = unknown[0]
                rest = sum(coef * known[c] for c, coef in eq.items() if c != cell)
                known[cell] = solved[cell] = (rhs - rest) / eq[cell]
                changed = True
    return solved


def lp_interval(published: np.ndarray, truth: np.ndarray, eqs, cell) -> tuple[float, float]:
    optimize = pytest.importorskip("scipy.optimize")
    hidden = [(r, c) for r in range(published.shape[0]) for c in range(published.shape[1])
              if published[r, c] == SYMBOL]
    index = {h: i for i, h in enumerate(hidden)}
    a_eq, b_eq = [], []
    for eq, rhs in eqs:
        if rhs is None:
            rhs = sum(coef * truth[c] for c, coef in eq.items())
        row = np.zeros(len(hidden))
        const = 0.0
        for c, coef in eq.items():
            if c in index:
                row[index[c]] += coef
            else:
                const += coef * float(published[c])
        if row.any():
            a_eq.append(row)
            b_eq.append(rhs - const)
    goal = np.zeros(len(hidden))
    goal[index[cell]] = 1
    low = optimize.linprog(goal, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    high = optimize.linprog(-goal, A_eq=a_eq, b_eq=b_eq, bounds=(0, None), method="highs")
    assert low.status == 0 and high.status == 0
    return low.fun, -high.fun


def test_primary_and_secondary_on_kita_table():
    result = suppress(KITA, ["Kita"], COUNTS, min_count=3)
    out = result.frame
    assert out.loc[1, "unter 3"] == SYMBOL         # 2 children: primary
    assert out.loc[2, "Schulkinder"] == SYMBOL     # 1 child: primary
    assert out.loc[2, "3 bis 6"] == "0"            # 0 stays visible
    assert result.primary == 2
    assert result.secondary >= 2
    assert result.zeros_visible == 1
    assert "0 bleibt sichtbar" in result.rule
    assert result.totals_used > 0
    # every row and column with a hidden cell has at least two
    mask = hidden_mask(out, COUNTS)
    assert all(n != 1 for n in mask.sum(axis=0)) and all(n != 1 for n in mask.sum(axis=1))


def test_recomputation_attack_fails_on_kita_table():
    result = suppress(KITA, ["Kita"], COUNTS)
    published = result.frame[COUNTS].to_numpy(dtype=object)
    truth = KITA[COUNTS].astype(int).to_numpy()
    eqs = equations(*truth.shape, total_row=True, total_col=True)
    solved = iterative_attack(published, truth, eqs)
    primaries = [(1, 0), (2, 2)]
    assert not set(solved) & set(primaries)
    for cell in primaries:
        low, high = lp_interval(published, truth, eqs, cell)
        assert high - low >= 1, f"cell {cell} pinned to {low}..{high}"


def test_without_secondary_suppression_the_attack_would_succeed():
    """The attacker is real: with primary suppression only, it recomputes the hidden value."""
    published = KITA[COUNTS].to_numpy(dtype=object).copy()
    published[1, 0] = SYMBOL
    truth = KITA[COUNTS].astype(int).to_numpy()
    solved = iterative_attack(published, truth, equations(*truth.shape, True, True))
    assert solved[(1, 0)] == 2


def random_table(rng: random.Random, with_totals: bool) -> pd.DataFrame:
    n_rows, n_cols = rng.randint(2, 6), rng.randint(2, 5)
    grid = [[rng.choice([0, 1, 2, 3, 4, 5, 8, 12, 20]) for _ in range(n_cols)]
            for _ in range(n_rows)]
    cols = [f"Gruppe {c}" for c in range(n_cols)]
    frame = pd.DataFrame(grid, columns=cols)
    frame.insert(0, "Einrichtung", [f"Kita {r}" for r in range(n_rows)])
    if with_totals:
        frame["Insgesamt"] = frame[cols].sum(axis=1)
        total = {"Einrichtung": "Summe", **{c: frame[c].sum() for c in cols + ["Insgesamt"]}}
        frame = pd.concat([frame, pd.DataFrame([total])], ignore_index=True)
    return frame.astype(str)


@pytest.mark.parametrize("seed", range(40))
@pytest.mark.parametrize("with_totals", [True, False])
def test_random_tables_resist_recomputation(seed, with_totals):
    frame = random_table(random.Random(seed), with_totals)
    counts = [c for c in frame.columns if c != "Einrichtung"]
    result = suppress(frame, ["Einrichtung"], counts)
    published = result.frame[counts].to_numpy(dtype=object)
    truth = frame[counts].astype(int).to_numpy()
    eqs = equations(*truth.shape, total_row=with_totals, total_col=with_totals)
    # external margins are only equations when a line has at least two cells
    eqs = [(eq, rhs) for eq, rhs in eqs if len(eq) >= 2]
    primaries = [(r, c) for r in range(truth.shape[0]) for c in range(truth.shape[1])
                 if 1 <= truth[r, c] <= 2]
    assert result.primary == len(primaries)
    for r, c in primaries:
        assert published[r, c] == SYMBOL
    visible = published != SYMBOL
    assert (published[visible].astype(int) == truth[visible]).all()  # nothing else altered
    solved = iterative_attack(published, truth, eqs)
    assert not set(solved) & set(primaries)
    for cell in primaries:
        low, high = lp_interval(published, truth, eqs, cell)
        assert high - low >= 1, f"seed {seed}: cell {cell} pinned to {low}..{high}"


def test_long_format_with_two_keys_and_subtotals():
    rows = []
    for raum, kitas in {"Nord": [("A", 5, 2), ("B", 7, 9)], "Süd": [("C", 4, 6), ("D", 10, 3)]}.items():
        for kita, u3, ue3 in kitas:
            rows += [(raum, kita, "unter 3", u3), (raum, kita, "über 3", ue3)]
    frame = pd.DataFrame(rows, columns=["Sozialraum", "Kita", "Alter", "Anzahl"]).astype(str)
    result = suppress(frame, ["Sozialraum", "Kita", "Alter"], ["Anzahl"])
    out = result.frame
    hidden = out[out["Anzahl"] == SYMBOL]
    assert ("A", "über 3") in set(zip(hidden["Kita"], hidden["Alter"]))
    assert result.primary == 1
    # the Kita A line (unter 3 + über 3) has a second hidden cell
    assert (hidden["Kita"] == "A").sum() == 2
    # the 'über 3' cells of Sozialraum Nord hide two as well
    nord = hidden[(hidden["Sozialraum"] == "Nord") & (hidden["Alter"] == "über 3")]
    assert len(nord) == 2


def test_existing_dots_are_protected_and_not_counted_again():
    frame = pd.DataFrame({"Schule": ["A", "B", "C", "Insgesamt"], "Anzahl": [".", "14", "20", "36"]})
    result = suppress(frame, ["Schule"], ["Anzahl"])
    assert result.already_hidden == 1
    assert result.primary == 0 and result.secondary == 1
    assert result.frame["Anzahl"].tolist() == [".", ".", "20", "36"]


def test_non_additive_total_is_treated_as_plain_cell():
    frame = pd.DataFrame({"Schule": ["A", "B", "Insgesamt"], "Anzahl": ["10", "20", "33"]})
    result = suppress(frame, ["Schule"], ["Anzahl"])
    assert any("stimmt nicht" in w for w in result.warnings)
    assert result.primary == 0 and result.secondary == 0


def test_bridge_between_two_suppression_cycles_is_closed_by_the_audit():
    """Every line has two hidden cells, yet the cell joining both rectangles is recomputable
    (sum of rows 0-1 minus columns 0-1); the linear audit must add a complement."""
    truth = np.array([[5, 6, 7, 8], [4, 9, 1, 10], [11, 12, 5, 6], [13, 14, 7, 8]])
    shown = truth.astype(object).astype(str)
    for cell in [(0, 0), (0, 1), (1, 0), (1, 1), (2, 2), (2, 3), (3, 2), (3, 3)]:
        shown[cell] = SYMBOL
    cols = ["a", "b", "c", "d"]
    frame = pd.DataFrame(shown, columns=cols)
    frame.insert(0, "Schule", ["S1", "S2", "S3", "S4"])
    result = suppress(frame, ["Schule"], cols)
    published = result.frame[cols].to_numpy(dtype=object)
    assert published[1, 2] == SYMBOL
    eqs = equations(4, 4, total_row=False, total_col=False)
    low, high = lp_interval(published, truth, eqs, (1, 2))
    assert high - low >= 1
    assert result.secondary >= 1
