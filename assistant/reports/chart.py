"""The report chart (matplotlib, Agg backend: no display needed).

A time series when the region has values in several years, otherwise bars across the region, the
comparison regions and the Land and Bund rows. German labels, decimal comma, the source line under
the chart; suppressed values are not drawn but marked "gesperrt".
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

from assistant.reports.facts import Measure, Row, short_name
from assistant.reports.numbers import fmt

MAIN = "#1f4e79"
OTHER = "#7f9fbf"
CONTEXT = "#bfbfbf"


def _label(row: Row) -> str:
    if row.role == "bund":
        return "Deutschland"
    if row.role == "land":
        return f"{row.name} (Land)"
    return short_name(row.name)


def _value(row: Row, column: str) -> float:
    value = row.values.get(column, math.nan)
    return math.nan if row.suppressed or value is None else value


def draw_chart(rows: Sequence[Row], measure: Measure, *, title: str, source_line: str,
               path: Path, breaks: Sequence[int] = ()) -> Path:
    """``breaks``: years from which values are not comparable with earlier ones; a time series
    is drawn in separate pieces with a dashed line "Zeitreihenbruch" between them."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.ticker import FuncFormatter

    years = sorted({r.year for r in rows if r.role == "region"})
    fig, ax = plt.subplots(figsize=(7.5, 4.2), dpi=150)
    axis_label = measure.axis or measure.label
    if measure.unit == "%" and "%" not in axis_label:
        axis_label += " (in %)"
    if len(years) > 1:
        _series(ax, rows, measure, years, [b for b in breaks if years[0] < b <= years[-1]])
        ax.set_xlabel("Jahr")
    else:
        _bars(ax, rows, measure)
    ax.set_ylabel(axis_label)
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: fmt(v, measure.decimals if
                                                                measure.decimals and v % 1 else 0)))
    ax.set_title(title, fontsize=10, loc="left", wrap=True)
    ax.spines[["top", "right"]].set_visible(False)
    fig.text(0.01, 0.01, source_line, fontsize=7, color="#404040", ha="left", va="bottom")
    fig.tight_layout(rect=(0, 0.05, 1, 1))
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, format="png")
    plt.close(fig)
    return path


def _bars(ax, rows: Sequence[Row], measure: Measure) -> None:
    year = max(r.year for r in rows if r.role == "region")
    shown = [r for r in rows if r.year == year]
    labels = [_label(r) for r in shown]
    values = [_value(r, measure.column) for r in shown]
    colours = [MAIN if r.role == "region" else OTHER if r.role == "compare" else CONTEXT
               for r in shown]
    heights = [0 if math.isnan(v) else v for v in values]
    bars = ax.bar(range(len(shown)), heights, color=colours)
    top = max((v for v in values if not math.isnan(v)), default=1.0)
    for bar, value in zip(bars, values):
        text = "gesperrt" if math.isnan(value) else measure.show(value)
        ax.text(bar.get_x() + bar.get_width() / 2, (0 if math.isnan(value) else value) + top * 0.01,
                text, ha="center", va="bottom", fontsize=8)
    ax.set_xticks(range(len(shown)), labels, rotation=0 if len(shown) <= 5 else 30,
                  ha="center" if len(shown) <= 5 else "right", fontsize=8)
    ax.set_ylim(0, top * 1.15)


def _series(ax, rows: Sequence[Row], measure: Measure, years: list[int],
            breaks: Sequence[int]) -> None:
    keys = list(dict.fromkeys(r.key for r in rows))
    cuts = sorted(set(breaks))
    for key in keys:
        own = sorted((r for r in rows if r.key == key), key=lambda r: r.year)
        role = own[0].role
        colour = None
        for piece in range(len(cuts) + 1):
            low = cuts[piece - 1] if piece else -10**6
            high = cuts[piece] if piece < len(cuts) else 10**6
            part = [r for r in own if low <= r.year < high]
            if not part:
                continue
            line, = ax.plot([r.year for r in part], [_value(r, measure.column) for r in part],
                            marker="o", linewidth=2.2 if role == "region" else 1.2,
                            color=MAIN if role == "region" else colour,
                            label=_label(own[0]) if colour is None else None)
            colour = line.get_color()
    for year in cuts:
        before = max((y for y in years if y < year), default=year - 1)
        after = min((y for y in years if y >= year), default=year)
        x = (before + after) / 2
        ax.axvline(x, linestyle="--", color="#808080", linewidth=1)
        ax.text(x, ax.get_ylim()[1], " Zeitreihenbruch", fontsize=7, color="#606060",
                va="top", ha="left")
    ax.set_xticks(years, [str(y) for y in years], fontsize=8)
    ax.legend(fontsize=8, frameon=False)
