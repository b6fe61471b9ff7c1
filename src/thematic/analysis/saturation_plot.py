"""The saturation figure: codes discovered interview by interview, against random orders.

Split from :mod:`thematic.analysis.figures` (which holds the shared style) to keep modules
small; it follows the same conventions: its own Figure, no pyplot, fonts of 8 pt or more,
Okabe-Ito colours, greyscale-safe.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from thematic.analysis.figures import (
    _LABEL,
    LABEL_PT,
    OKABE_ITO,
    SMALL_PT,
    TITLE_PT,
    _new_figure,
    _numeric,
    _plural,
)
from thematic.errors import Invalid

__all__ = ["SaturationData", "saturation_curve"]


class SaturationData(Protocol):
    """What :func:`saturation_curve` reads from a saturation report
    (:class:`thematic.study.saturation.SaturationReport` has all of it)."""

    @property
    def at(self) -> int | None: ...
    @property
    def mark(self) -> str | None: ...
    @property
    def noun(self) -> str: ...
    @property
    def method_label(self) -> str: ...
    @property
    def order(self) -> str: ...
    def to_dataframe(self) -> pd.DataFrame: ...


_BAND: dict[str, Any] = {"color": "0.86", "linewidth": 0.0}  # light grey: reads the same in print


def _check_saturation(frame: pd.DataFrame) -> np.ndarray:
    missing = {"new", "cumulative"} - set(frame.columns)
    if missing:
        raise Invalid(f"the saturation table needs the columns {', '.join(sorted(missing))}")
    if frame.empty:
        raise Invalid("no interviews to plot")
    return _numeric(frame[["new", "cumulative"]], "saturation table")


def _draw_band(ax: Axes, x: np.ndarray, frame: pd.DataFrame) -> list[Any]:
    """The random-order median and 95% band, behind the observed curve."""
    if not {"band_low", "band_high", "band_median"} <= set(frame.columns):
        return []
    band = ax.fill_between(
        x, frame["band_low"], frame["band_high"], step=None, zorder=1, label="_band", **_BAND
    )
    band.set_gid("band")
    (median,) = ax.plot(
        x, frame["band_median"], color="0.35", linestyle="--", linewidth=1.2, zorder=2
    )
    median.set_gid("band-median")
    band.set_label("95% of random interview orders")
    median.set_label("Median of random orders")
    return [median, band]


def _mark_saturation(axes: Sequence[Axes], at: int, mark: str, n: int) -> None:
    """A vertical line at the interview the method marks, labelled on the top panel (on
    its left when the line is near the right edge)."""
    left = at > 0.8 * n
    for ax in axes:
        ax.axvline(at, color=OKABE_ITO[2], linewidth=1.4, linestyle=(0, (4, 2)), zorder=3)
    top = axes[0]
    label = top.annotate(
        f"saturation\n{mark}",
        xy=(at, 1.0),
        xycoords=("data", "axes fraction"),
        xytext=(-4 if left else 4, -4),
        textcoords="offset points",
        ha="right" if left else "left",
        va="top",
        color="black",
        fontsize=LABEL_PT,
        fontweight="bold",
    )
    label.set_gid("saturation-label")


def saturation_curve(
    data: SaturationData | pd.DataFrame,
    *,
    at: int | None = None,
    mark: str | None = None,
    noun: str = "code",
    method: str = "",
    order: str = "",
    title: str = "Thematic saturation",
) -> Figure:
    """Codes discovered interview by interview, with the saturation point.

    ``data`` is a saturation report (``Study.saturation(...)``), or a table with one row per
    interview in order and the columns ``new`` and ``cumulative`` (optionally
    ``band_median``, ``band_low`` and ``band_high``: the curve over random orders). With a
    table, ``at`` and ``mark`` place and label the saturation point (e.g. 18 and "18+2"),
    ``noun`` names what is counted, ``method`` and ``order`` go into the subtitle and the
    axis label.

    Top panel: cumulative unique codes (line with markers) over the random-order median
    (dashed) and 95% band (light grey, dotted); bottom panel: new codes per interview (bars).
    A dashed vertical line marks the saturation point in both.
    """
    if isinstance(data, pd.DataFrame):
        frame = data
    else:
        frame, at, mark = data.to_dataframe(), data.at, data.mark
        noun, method, order = data.noun, data.method_label, data.order
    values = _check_saturation(frame)
    n = len(frame)
    x = np.arange(1, n + 1)
    figure = _new_figure(max(6.5, min(12.0, 3.0 + 0.18 * n)), 5.6)
    curve, bars = figure.subplots(2, 1, sharex=True, height_ratios=[3, 1.3])
    curve.set_label("cumulative")
    bars.set_label("new")
    handles = _draw_band(curve, x, frame)
    (line,) = curve.plot(
        x, values[:, 1], color=OKABE_ITO[0], marker="o", markersize=4, linewidth=1.8, zorder=4
    )
    line.set_gid("cumulative")
    line.set_label("This study's order")
    drawn = bars.bar(x, values[:, 0], width=0.7, color=OKABE_ITO[1], hatch="//", **_BAR_V)
    for patch in drawn:
        patch.set_gid("new")
    if at and mark:
        _mark_saturation([curve, bars], at, mark, n)
    plural = f"{noun}s"
    curve.set_ylabel(f"Unique {plural} (cumulative)", **_LABEL)
    bars.set_ylabel(f"New {plural}", **_LABEL)
    where = "in import order" if order in ("", "import order") else f"by {order}"
    bars.set_xlabel(f"Interview ({where.replace('_', ' ')})", **_LABEL)
    top = max(float(values[:, 1].max()), float(frame.get("band_high", pd.Series([0])).max()))
    curve.set_ylim(0, top * 1.12 + 1)
    # Above the plot, where neither the curve nor the saturation line can run under it.
    curve.legend(
        handles=[line, *handles],
        loc="lower left",
        bbox_to_anchor=(0, 1.0),
        ncols=3,
        frameon=False,
        fontsize=SMALL_PT,
        borderaxespad=0.3,
    )
    for ax in (curve, bars):
        ax.tick_params(labelsize=SMALL_PT)
        ax.spines[["top", "right"]].set_visible(False)
        ax.grid(axis="y", color="0.9", linewidth=0.6)
        ax.set_axisbelow(True)
        ax.yaxis.set_major_locator(MaxNLocator(nbins=5, integer=True))
    bars.xaxis.set_major_locator(MaxNLocator(nbins=min(n, 20), integer=True))
    bars.set_xlim(0.4, n + 0.6)
    bars.set_ylim(0, max(1.0, float(values[:, 0].max())) * 1.15)
    verdict = f"saturation at {mark}" if mark else "saturation not reached"
    subtitle = f"n = {_plural(n, 'interview')}; {_plural(int(values[-1, 1]), noun)}; {verdict}"
    if method:
        subtitle += f"\n{method}"
    figure.suptitle(f"{title}\n{subtitle}", fontsize=TITLE_PT)
    return figure


_BAR_V: dict[str, Any] = {"hatchcolor": "black", "edgecolor": "black", "lw": 0.8}
