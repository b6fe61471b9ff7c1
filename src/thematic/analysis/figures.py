"""Publication figures drawn from the analysis DataFrames.

Pure plotting: every function takes pandas DataFrames and returns a
:class:`matplotlib.figure.Figure`; nothing here reads the study. Figures are built with the
object-oriented API on their own Agg canvas, never through ``pyplot``, so they need no display
and share no state: the web app can draw them from several threads at once. For the same
reason nothing changes ``rcParams``: sizes, colours and hatches are set on each artist.

Every figure states its title and n, labels its axes, and reads in black-and-white print and
for colour-blind readers: heat maps use one hue whose lightness falls with the value and print
each number in black or white, whichever contrasts more with its cell; categories use the
Okabe–Ito palette *and* a hatch pattern or marker shape, so colour is never the only cue.
Names are wrapped and figures sized from the data, so with constrained layout no label is cut
off or overlaps another. No text is smaller than 8 pt.
"""

from __future__ import annotations

import io
import math
import textwrap
from collections.abc import Hashable, Iterable, Sequence
from pathlib import Path
from typing import Any

import networkx as nx
import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.collections import LineCollection
from matplotlib.colors import BoundaryNorm, ListedColormap, Normalize, to_rgb
from matplotlib.figure import Figure
from matplotlib.legend import Legend
from matplotlib.lines import Line2D
from matplotlib.text import Text
from matplotlib.ticker import MaxNLocator
from matplotlib.transforms import offset_copy

from thematic.errors import Invalid

__all__ = [
    "cooccurrence_network",
    "matrix_heatmap",
    "png_bytes",
    "save_figure",
    "subthemes_by_participant",
    "svg_text",
    "theme_frequency",
]

# Okabe & Ito (2008), "Color universal design": distinguishable with every common colour
# vision deficiency. Ordered so the first four also differ in grey level (blue 87, orange 162,
# vermillion 119, yellow 214); black is left out, as it would hide black text and hatching.
OKABE_ITO = ("#0072B2", "#E69F00", "#D55E00", "#F0E442", "#56B4E9", "#009E73", "#CC79A7")
MARKERS = ("o", "s", "^", "D", "v", "p", "h")
HATCHES = ("//", "..", "xx", "\\\\", "oo", "++", "--")
# Heat maps: one hue whose lightness falls steadily with the value (more ink, more
# references), so it reads in greyscale and with any colour vision. The palest 15% is cut so
# the smallest count stays distinct from a blank cell.
HEAT_CMAP = ListedColormap(colormaps["Blues"](np.linspace(0.15, 1.0, 256)), name="thematic")

TITLE_PT, LABEL_PT, SMALL_PT = 11.0, 9.0, 8.0  # SMALL_PT is the floor
CHAR_EM = 0.55  # average character width of the default sans-serif font, in ems
EMPTY = "no coded passages to plot"
SAVE_FORMATS = ("png", "svg", "pdf")

_RULE: dict[str, Any] = {"color": "black", "linewidth": 1.0}
_CENTRED: dict[str, Any] = {"ha": "center", "va": "center", "fontsize": SMALL_PT}
_LABEL: dict[str, Any] = {"fontsize": LABEL_PT}
_BOLD: dict[str, Any] = {"fontsize": LABEL_PT, "fontweight": "bold"}
_BAR: dict[str, Any] = {"height": 0.6, "hatchcolor": "black", "edgecolor": "black", "lw": 0.8}
_NODE: dict[str, Any] = {"edgecolors": "black", "linewidths": 0.8, "zorder": 2}
_LEGEND: dict[str, Any] = {"loc": "upper left", "frameon": False, "fontsize": SMALL_PT}
_LEGEND |= {"borderaxespad": 0, "title_fontproperties": {"size": LABEL_PT, "weight": "bold"}}

Run = tuple[str, int, int]  # a value and the first and last position of its run


def _new_figure(width: float, height: float) -> Figure:
    """A figure on its own Agg canvas (no pyplot), sized in inches, with constrained layout."""
    figure = Figure(figsize=(width, height), layout="constrained")
    FigureCanvasAgg(figure)
    return figure


def _wrap(text: object, width: int) -> str:
    """Wrap a name at word boundaries; a single long word is kept whole rather than split."""
    return textwrap.fill(str(text), width=max(width, 8), break_long_words=False)


def _inches(text: str, points: float) -> tuple[float, float]:
    """Rough (width, height) in inches of a wrapped label, used to size figures."""
    lines = text.splitlines() or [""]
    return max(map(len, lines)) * CHAR_EM * points / 72, len(lines) * 1.25 * points / 72


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _number(value: float) -> str:
    return f"{value:.0f}" if float(value).is_integer() else f"{value:.1f}"


def _runs(values: Iterable[Hashable]) -> list[Run]:
    """(value, first, last) for each run of equal neighbours, e.g. a theme's columns."""
    runs: list[Run] = []
    for position, value in enumerate(values):
        if runs and runs[-1][0] == str(value):
            runs[-1] = (runs[-1][0], runs[-1][1], position)
        else:
            runs.append((str(value), position, position))
    return runs


def _numeric(frame: pd.DataFrame, what: str) -> np.ndarray:
    """The frame's values as floats, or Invalid naming what was not a count."""
    try:
        values = frame.to_numpy(dtype=float)
    except (TypeError, ValueError) as error:
        raise Invalid(f"{what} must hold numbers only: {error}") from error
    if np.any(values[~np.isnan(values)] < 0):
        raise Invalid(f"{what} cannot hold negative counts")
    return values


def _contrast_text(rgb: Sequence[float]) -> str:
    """Black or white, whichever contrasts more with a cell colour (WCAG relative luminance:
    the two contrasts are equal at 0.179)."""
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in rgb[:3]]
    luminance = 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]
    return "black" if luminance > 0.179 else "white"


def _colour_scale(values: np.ndarray, low: int) -> Normalize:
    """One colour step per count for small whole counts, so the colour bar says "this shade
    is 3" rather than suggest fractions; a continuous scale otherwise."""
    finite = values[~np.isnan(values)]
    top = max(float(finite.max()), low + 1.0)
    if np.all(finite == np.round(finite)) and top - low <= 12:
        return BoundaryNorm(np.arange(low - 0.5, top + 1.0), HEAT_CMAP.N)
    return Normalize(vmin=low, vmax=top)


def _draw_cells(ax: Axes, values: np.ndarray, *, blank_zero: bool, norm: Normalize) -> None:
    """Colour a rows × columns grid and print each value in a contrasting colour.

    ``pcolormesh`` rather than ``imshow`` keeps SVG and PDF output vector (an embedded image
    is resampled, and blurred, by some viewers). Missing values, and zeros when
    ``blank_zero``, are left white and unlabelled.
    """
    rows, columns = values.shape
    hidden = np.isnan(values) | ((values == 0) if blank_zero else False)
    x, y = np.arange(columns + 1) - 0.5, np.arange(rows + 1) - 0.5
    ax.pcolormesh(x, y, np.ma.masked_array(values, mask=hidden), cmap=HEAT_CMAP, norm=norm)
    ax.set_xlim(-0.5, columns - 0.5)
    ax.set_ylim(rows - 0.5, -0.5)  # first row at the top, as in a table
    for row, column in zip(*np.nonzero(~hidden), strict=True):
        value = float(values[row, column])
        colour = _contrast_text(to_rgb(HEAT_CMAP(norm(value))))
        ax.text(column, row, _number(value), color=colour, **_CENTRED)
    ax.set_xticks(x, minor=True)  # a light grid, so blank cells still read as cells
    ax.set_yticks(y, minor=True)
    ax.grid(which="minor", color="0.82", linewidth=0.5)
    ax.tick_params(which="both", length=0, labelsize=SMALL_PT)
    for spine in ax.spines.values():
        spine.set_color("0.5")


def _add_colorbar(figure: Figure, ax: Axes, norm: Normalize, label: str) -> None:
    bar = figure.colorbar(ax.collections[0], ax=ax, location="bottom", shrink=0.6, aspect=30)
    bar.set_label(label, **_LABEL)
    bar.ax.tick_params(labelsize=SMALL_PT)
    if isinstance(norm, BoundaryNorm):  # a tick in the middle of each step
        steps = norm.boundaries[:-1] + 0.5
        every = 1 if len(steps) <= 8 else 2  # two-digit labels would touch
        bar.set_ticks(list(steps[::every]))
        bar.ax.set_xticklabels([_number(v) for v in steps[::every]])
        bar.ax.tick_params(length=0)
    else:
        bar.ax.xaxis.set_major_locator(MaxNLocator(integer=True))


# 1. Subthemes by participant
def _check_counts(counts: pd.DataFrame) -> pd.DataFrame:
    """Validate the counts and put the columns in theme groups (themes in first-seen order)."""
    if counts.shape[0] == 0 or counts.shape[1] == 0:
        raise Invalid(f"{EMPTY}: there are no participants or no subthemes")
    if not isinstance(counts.columns, pd.MultiIndex) or counts.columns.nlevels != 2:
        raise Invalid("counts needs (theme, subtheme) columns, as a two-level MultiIndex")
    if np.nansum(_numeric(counts, "counts")) == 0:
        raise Invalid(f"{EMPTY}: no participant raised any subtheme")
    themes = list(dict.fromkeys(counts.columns.get_level_values(0)))
    order = sorted(range(counts.shape[1]), key=lambda i: themes.index(counts.columns[i][0]))
    return counts.iloc[:, order].fillna(0)


def _order_rows(
    counts: pd.DataFrame, participants: pd.DataFrame | None, order_by: str | None
) -> tuple[pd.DataFrame, list[Run]]:
    """Rows sorted by the attribute then label, and the runs of each attribute value."""
    if order_by is None:
        return counts, []
    if participants is None or order_by not in participants.columns:
        raise Invalid(f"cannot order by {order_by!r}: it is not a participant attribute")
    keys = participants[order_by].reindex(counts.index).astype("string")
    keys = keys.fillna("(not recorded)")
    order = sorted(range(len(counts)), key=lambda i: (keys.iloc[i], str(counts.index[i])))
    return counts.iloc[order], _runs(keys.iloc[order])


def _cell_width(spans: list[Run]) -> float:
    """Column width in inches: 0.42, or wider where a theme's longest word needs the room."""
    em = 1.1 * CHAR_EM * LABEL_PT / 72  # bold
    return max(0.42, *(max(map(len, t.split() or [""])) * em / (b - a + 1) for t, a, b in spans))


def _draw_theme_header(header: Axes, spans: list[Run], cell_w: float) -> None:
    """Theme names centred over their subthemes, each above a rule spanning its columns."""
    for theme, first, last in spans:
        header.plot([first - 0.42, last + 0.42], [0.05, 0.05], **_RULE)
        text = _wrap(theme, int((last - first + 1) * cell_w * 72 / (CHAR_EM * LABEL_PT)))
        header.text((first + last) / 2, 0.15, text, ha="center", va="bottom", **_BOLD)
    header.set_ylim(0, 1)
    header.set_axis_off()


def _draw_row_groups(ax: Axes, figure: Figure, groups: list[Run], order_by: str) -> None:
    """Separators between participant groups; each group bracketed and named at the right."""
    for _, first, _ in groups[1:]:
        ax.axhline(first - 0.5, color="black", linewidth=1.2)
    side = ax.secondary_yaxis("right")
    centres = [(first + last) / 2 for _, first, last in groups]
    side.set_ticks(centres, labels=[_wrap(value, 16) for value, _, _ in groups])
    side.tick_params(length=0, pad=10, labelsize=LABEL_PT)
    side.set_ylabel(order_by.replace("_", " ").capitalize(), **_LABEL)
    # brackets 4 pt right of the cells, in points so they never reach the labels (10 pt out)
    beside = offset_copy(ax.get_yaxis_transform(), figure, x=4, units="points")
    for _, first, last in groups:
        ax.plot([1, 1], [first - 0.35, last + 0.35], transform=beside, clip_on=False, **_RULE)


def subthemes_by_participant(
    counts: pd.DataFrame,
    participants: pd.DataFrame | None = None,
    *,
    order_by: str | None = None,
    title: str = "Subthemes raised by each participant",
) -> Figure:
    """A heat map of participants (rows) by subthemes (columns), grouped by theme.

    ``counts`` has participant labels as its index, a two-level ``(theme, subtheme)`` column
    MultiIndex, and the number of coded references in each cell (0: not raised, left blank).
    Theme names head their groups of columns, with a separator between groups. With
    ``order_by``, an attribute column of ``participants`` (index: the same labels), rows are
    sorted by that attribute then label, and each group is separated and named at the side.

    Raises :class:`~thematic.errors.Invalid` when there is nothing coded to plot.
    """
    counts, groups = _order_rows(_check_counts(counts), participants, order_by)
    values = _numeric(counts, "counts")
    rows, columns = values.shape
    subthemes = [_wrap(name, 26) for name in counts.columns.get_level_values(1)]
    spans = _runs(counts.columns.get_level_values(0))
    top = max(_inches(name, SMALL_PT)[0] for name in subthemes)  # the labels stand upright
    left = max(_inches(str(label), SMALL_PT)[0] for label in counts.index) + 0.6
    right = max([_inches(_wrap(v, 16), LABEL_PT)[0] + 0.7 for v, _, _ in groups] or [0])
    cell_w, cell_h, header_h = _cell_width(spans), 0.24, 0.5
    width = max(left + columns * cell_w + right + 0.4, 5.0)
    figure = _new_figure(width, 1.9 + header_h + top + rows * cell_h)
    grid = figure.add_gridspec(2, 1, height_ratios=[header_h, rows * cell_h])
    cells = figure.add_subplot(grid[1], label="cells")
    header = figure.add_subplot(grid[0], sharex=cells, label="themes")
    norm = _colour_scale(np.where(values == 0, np.nan, values), low=1)
    _draw_cells(cells, values, blank_zero=True, norm=norm)
    cells.xaxis.tick_top()
    cells.set_xticks(range(columns), labels=subthemes, rotation=90, ha="center", va="bottom")
    cells.set_yticks(range(rows), labels=[str(label) for label in counts.index])
    cells.set_ylabel("Participant", **_LABEL)
    for _, first, _ in spans[1:]:
        cells.axvline(first - 0.5, color="black", linewidth=1.2)
    _draw_theme_header(header, spans, cell_w)
    if order_by is not None:
        _draw_row_groups(cells, figure, groups, order_by)
    _add_colorbar(figure, cells, norm, "Coded references (blank: not raised)")
    n = f"n = {_plural(rows, 'participant')}, {_plural(columns, 'subtheme')}"
    figure.suptitle(f"{title}\n{n} in {_plural(len(spans), 'theme')}", fontsize=TITLE_PT)
    return figure


# 2. Theme frequency
def _check_themes(themes: pd.DataFrame, n_participants: int) -> np.ndarray:
    missing = {"references", "participants"} - set(themes.columns)
    if missing:
        raise Invalid(f"themes needs the columns {', '.join(sorted(missing))}")
    if themes.empty:
        raise Invalid(f"{EMPTY}: there are no themes")
    if n_participants < 1:
        raise Invalid("n_participants must be at least 1")
    values = _numeric(themes[["references", "participants"]].fillna(0), "themes")
    if values.sum() == 0:
        raise Invalid(f"{EMPTY}: no theme has a coded reference")
    if values[:, 1].max() > n_participants:
        raise Invalid(f"a theme has more participants than n_participants ({n_participants})")
    return values


def _bar_panel(
    ax: Axes, counts: np.ndarray, style: int, labels: list[str], out_of: float | None = None
) -> None:
    """One panel of hatched Okabe–Ito bars, each labelled with its value.

    With ``out_of`` each bar lies on a pale track of that length (the whole: every
    participant) with the label at the track's end, so the share reads at a glance.
    """
    rows = range(len(counts))
    ends = None
    if out_of is not None:
        ends = ax.barh(rows, out_of, height=0.6, color="0.93", edgecolor="0.55", linewidth=0.6)
        for patch in ends:
            patch.set_gid("out-of")
    bars = ax.barh(rows, counts, color=OKABE_ITO[style], hatch=HATCHES[style], **_BAR)
    for patch in bars:
        patch.set_gid("count")
    ax.bar_label(ends or bars, labels=labels, padding=3, fontsize=SMALL_PT)
    widest = out_of if out_of is not None else float(counts.max())
    ax.set_xlim(0, widest * 1.3 + 1)  # room for the labels
    ticks = MaxNLocator(nbins=5, steps=[1, 2, 5, 10], integer=True).tick_values(0, widest)
    if out_of is not None:  # the scale stops at the whole, itself a tick
        ticks = [*(t for t in ticks if t <= 0.85 * out_of), out_of]
    ax.set_xticks(ticks)
    ax.tick_params(labelsize=SMALL_PT)
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="0.88", linewidth=0.6)
    ax.set_axisbelow(True)


def theme_frequency(
    themes: pd.DataFrame, *, n_participants: int, title: str = "Frequency of main themes"
) -> Figure:
    """Two bar panels per theme: coded references, and participants who raised the theme.

    ``themes`` has theme names as its index and the columns ``references`` and
    ``participants``; rows are drawn top to bottom in the frame's order. Each participants
    bar lies on a track of length ``n_participants`` and is labelled with its share of n.
    """
    values = _check_themes(themes, n_participants)
    names = [_wrap(name, 22) for name in themes.index]
    left = max(_inches(name, LABEL_PT)[0] for name in names)
    height = 1.6 + sum(max(0.5, _inches(name, LABEL_PT)[1] + 0.15) for name in names)
    figure = _new_figure(max(7.5, left + 6.5), height)
    refs, people = figure.subplots(1, 2, sharey=True)
    refs.set_label("references")
    people.set_label("participants")
    references, raised = values[:, 0], values[:, 1]
    _bar_panel(refs, references, 0, [_number(v) for v in references])
    shares = [f"{_number(v)} ({100 * v / n_participants:.0f}%)" for v in raised]
    _bar_panel(people, raised, 1, shares, out_of=n_participants)
    refs.set_yticks(range(len(names)), labels=names, **_LABEL)
    refs.set_ylim(len(names) - 0.5, -0.5)
    refs.set_ylabel("Theme", **_LABEL)
    refs.set_xlabel("Coded references", **_LABEL)
    people.set_xlabel(f"Participants who raised it (of n = {n_participants})", **_LABEL)
    people.tick_params(axis="y", left=False)
    figure.suptitle(f"{title}\nn = {_plural(n_participants, 'participant')}", fontsize=TITLE_PT)
    return figure


# 3. Co-occurrence network
def _check_network(
    nodes: pd.DataFrame, edges: pd.DataFrame, min_count: int
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Validate nodes and edges; keep the edges coded together at least ``min_count`` times."""
    if nodes.empty:
        raise Invalid(f"{EMPTY}: there are no subthemes")
    missing = ({"theme", "references"} - set(nodes.columns)) | (
        {"a", "b", "count"} - set(edges.columns)
    )
    if missing:
        raise Invalid(f"the network needs the columns {', '.join(sorted(missing))}")
    _numeric(nodes[["references"]], "node references")
    _numeric(edges[["count"]], "edge counts")
    unknown = (set(edges["a"]) | set(edges["b"])) - set(nodes.index)
    if unknown:
        raise Invalid(f"edges name subthemes that are not nodes: {', '.join(map(str, unknown))}")
    kept = edges[(edges["count"] >= min_count) & (edges["a"] != edges["b"])]
    return nodes, kept.sort_values("count", kind="stable")  # thin edges drawn first


def _layout(nodes: pd.DataFrame, edges: pd.DataFrame, seed: int) -> dict[str, np.ndarray]:
    """Node positions: a seeded spring layout refined by Kamada–Kawai.

    Kamada–Kawai spaces small graphs evenly, with few crossings; it depends on where it
    starts, so starting from the seeded spring layout makes it reproducible. Every edge gets
    the same length: lengths weighted by count pulled frequent pairs on top of each other,
    and the count is shown by the edge's width, tone and label anyway.
    """
    graph = nx.Graph()
    graph.add_nodes_from(str(name) for name in nodes.index)
    graph.add_edges_from((str(a), str(b)) for a, b in edges[["a", "b"]].itertuples(index=False))
    pos = nx.spring_layout(graph, seed=seed)
    if graph.number_of_nodes() > 2:
        pos = nx.kamada_kawai_layout(graph, pos=pos, weight=None)
    return {str(name): np.asarray(xy, dtype=float) for name, xy in pos.items()}


def _edge_styles(counts: np.ndarray) -> tuple[np.ndarray, list[Any]]:
    """Widths (1 to 7 pt) and greys (light to dark) growing with the count: the two agree."""
    low, high = float(counts.min()), float(counts.max())
    share = np.full(len(counts), 0.4) if high == low else (counts - low) / (high - low)
    return 1.0 + 6.0 * share, [colormaps["Greys"](0.4 + 0.5 * s) for s in share]


def _draw_edges(ax: Axes, edges: pd.DataFrame, pos: dict[str, np.ndarray]) -> list[Line2D]:
    """Edges, thin and light first, thick and dark on top; returns the width legend."""
    counts = edges["count"].to_numpy(dtype=float)
    widths, greys = _edge_styles(counts)
    ends = [(pos[str(a)], pos[str(b)]) for a, b in edges[["a", "b"]].itertuples(index=False)]
    lines = LineCollection([list(pair) for pair in ends], linewidths=widths, colors=greys)
    lines.set(zorder=1, capstyle="round", gid="cooccurrence-edges")
    ax.add_collection(lines)
    box = {"boxstyle": "round,pad=0.15", "fc": "white", "ec": "0.6", "lw": 0.5}
    if len(edges) <= 15:  # more count labels clutter more than they inform
        for (a, b), count in zip(ends, counts, strict=True):
            x, y = (a + b) / 2
            ax.text(x, y, _number(count), gid="count", bbox=box, zorder=3, **_CENTRED)
    picks = sorted({int(i) for i in np.linspace(0, len(counts) - 1, min(3, len(counts)))})
    return [Line2D([], [], c=greys[i], lw=widths[i], label=_number(counts[i])) for i in picks]


def _node_area(references: np.ndarray, top: float) -> np.ndarray:
    """Marker area in points², growing with the references (area, not radius, carries it)."""
    return 120.0 + 900.0 * references / max(top, 1.0)


def _marker(shape: str, size: float, colour: str, label: str) -> Line2D:
    """A legend entry showing one marker."""
    return Line2D([], [], ls="", marker=shape, ms=size, c=colour, mec="black", label=label)


def _draw_nodes(ax: Axes, nodes: pd.DataFrame, pos: dict[str, np.ndarray]) -> list[Line2D]:
    """One scatter per theme, with its own colour and marker shape; returns the legend."""
    handles = []
    references = nodes["references"].to_numpy(dtype=float)
    area = pd.Series(_node_area(references, float(references.max())), index=nodes.index)
    for i, theme in enumerate(dict.fromkeys(nodes["theme"])):
        members = nodes.index[nodes["theme"] == theme]
        colour, marker = OKABE_ITO[i % len(OKABE_ITO)], MARKERS[i % len(MARKERS)]
        x, y = np.array([pos[str(name)] for name in members]).T
        ax.scatter(x, y, s=area[members], c=colour, marker=marker, gid=f"nodes:{theme}", **_NODE)
        handles.append(_marker(marker, 9, colour, _wrap(theme, 24)))
    return handles


def _size_legend(references: np.ndarray) -> list[Line2D]:
    """Legend markers for the smallest and the largest node."""
    top = float(references.max())
    picks = sorted({int(references.min()), round(top)})
    areas = _node_area(np.array(picks, dtype=float), top)
    return [_marker("o", math.sqrt(a), "0.85", str(v)) for v, a in zip(picks, areas, strict=True)]


def _overlap(box: np.ndarray, others: list[np.ndarray], inside: np.ndarray) -> float:
    """Area by which a display box [x0, y0, x1, y1] covers the others or leaves ``inside``."""

    def shared(a: np.ndarray, b: np.ndarray) -> float:
        width, height = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
        return max(width, 0.0) * max(height, 0.0)

    outside = (box[2] - box[0]) * (box[3] - box[1]) - shared(box, inside)
    return outside + sum(shared(box, other) for other in others)


def _obstacles(
    ax: Axes, radii: np.ndarray, pos: dict[str, np.ndarray], edges: pd.DataFrame
) -> list[np.ndarray]:
    """Display boxes a node label should not cover: nodes, edge counts, and edge lines."""
    scale = ax.figure.dpi / 72
    boxes = []
    for xy, radius in zip(pos.values(), radii * scale, strict=True):
        centre = ax.transData.transform(xy)
        boxes.append(np.r_[centre - radius, centre + radius])
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes += [np.asarray(t.get_window_extent(renderer).extents) for t in ax.texts]
    for a, b in edges[["a", "b"]].itertuples(index=False):  # each edge as a row of dots
        for t in np.linspace(0.1, 0.9, 12):
            point = ax.transData.transform(pos[str(a)] * (1 - t) + pos[str(b)] * t)
            boxes.append(np.r_[point - 2 * scale, point + 2 * scale])
    return boxes


# Where a node's label may go, as a direction from the node: below, above, right, left, then
# the diagonals. The first free spot wins, else the least crowded.
_LABEL_SPOTS = ((0, -1), (0, 1), (1, 0), (-1, 0), (1, -1), (-1, -1), (1, 1), (-1, 1))
_ALIGN = {-1: ("right", "top"), 0: ("center", "center"), 1: ("left", "bottom")}  # ha, va
_NODE_LABEL: dict[str, Any] = {
    "textcoords": "offset points",
    "fontsize": SMALL_PT,
    "zorder": 4,
    "bbox": {"boxstyle": "round,pad=0.1", "fc": "white", "ec": "none", "alpha": 0.85},
}


def _node_label(ax: Axes, name: str, xy: np.ndarray, spot: tuple[int, int], gap: float) -> Text:
    """A node's wrapped name, ``gap`` points from its centre in the direction ``spot``."""
    dx, dy = spot
    reach = gap / math.sqrt(2) if dx and dy else gap
    offset: dict[str, Any] = {
        "xytext": (dx * reach, dy * reach),
        "ha": _ALIGN[dx][0],
        "va": _ALIGN[dy][1],
    }
    return ax.annotate(_wrap(name, 20), (float(xy[0]), float(xy[1])), **offset, **_NODE_LABEL)


def _place_labels(
    ax: Axes, nodes: pd.DataFrame, pos: dict[str, np.ndarray], edges: pd.DataFrame
) -> None:
    """Name each node beside it, on the side that covers least of the nodes, edges and
    labels already there. Run once the layout is settled: it works in display space."""
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    references = nodes["references"].to_numpy(dtype=float)
    # 0.6 of the marker's size in points: diamonds and triangles reach past a circle's radius
    gaps = np.sqrt(_node_area(references, float(references.max()))) * 0.6 + 2.0
    taken = _obstacles(ax, gaps - 1.0, pos, edges)
    inside = np.asarray(ax.get_window_extent(renderer).extents)
    for name, gap in zip(pos, gaps, strict=True):
        crowding: list[float] = []
        for spot in _LABEL_SPOTS:
            label = _node_label(ax, name, pos[name], spot, gap)
            box = np.asarray(label.get_window_extent(renderer).extents)
            crowding.append(_overlap(box, taken, inside))
            label.remove()
            if crowding[-1] == 0:
                break
        label = _node_label(ax, name, pos[name], _LABEL_SPOTS[int(np.argmin(crowding))], gap)
        label.set_in_layout(False)  # placed in the settled layout; must not move it again
        taken.append(np.asarray(label.get_window_extent(renderer).extents))


def _stack_legends(key: Axes, sections: list[tuple[str, list[Line2D]]]) -> float:
    """Titled legends stacked down the key axes; returns the free height left below them.

    One legend per section, so each has its own row spacing: the node-size markers need tall
    rows and would overlap their neighbours in a shared legend. Run once the layout is
    settled: each legend is measured to place the next.
    """
    renderer = key.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    top = 1.0
    for heading, handles in (section for section in sections if section[1]):
        tallest = max(handle.get_markersize() or handle.get_linewidth() for handle in handles)
        labels = [str(handle.get_label()) for handle in handles]
        spacing = max(0.6, tallest / SMALL_PT - 0.4)
        legend = Legend(
            key,
            handles,
            labels,
            title=heading,
            labelspacing=spacing,
            handlelength=max(2.5, spacing + 1.0),
            bbox_to_anchor=(0.0, top),
            alignment="left",
            **_LEGEND,
        )
        legend.set_in_layout(False)  # the key axes is sized for it; do not move the plot
        key.add_artist(legend)
        top = legend.get_window_extent(renderer).transformed(key.transAxes.inverted()).y0 - 0.05
    key.set_axis_off()
    return top


def _fit_limits(ax: Axes, pos: dict[str, np.ndarray]) -> None:
    """Axes limits with room for labels around the outermost nodes (more room sideways)."""
    xy = np.array(list(pos.values()))
    room = np.maximum(np.ptp(xy, axis=0), 0.5) * (0.22, 0.12)
    ax.set_xlim(xy[:, 0].min() - room[0], xy[:, 0].max() + room[0])
    ax.set_ylim(xy[:, 1].min() - room[1], xy[:, 1].max() + room[1])
    ax.set_axis_off()


def cooccurrence_network(
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
    *,
    title: str = "Co-occurrence of subthemes",
    seed: int = 7,
    min_count: int = 1,
) -> Figure:
    """A network of subthemes, two joined when passages were coded with both.

    ``nodes`` has subtheme names as its index and the columns ``theme`` and ``references``;
    ``edges`` has the columns ``a``, ``b`` (subtheme names) and ``count`` (passages coded with
    both; other columns such as ``participants`` are ignored). Edges below ``min_count`` are
    dropped. Node area grows with references; colour and marker shape show the theme; edge
    width and darkness grow with the count, which is printed on the edge when there are at
    most 15 edges. The layout is the same for the same ``seed``.
    """
    nodes, edges = _check_network(nodes, edges, min_count)
    pos = _layout(nodes, edges, seed)
    longest = max(_inches(_wrap(name, 20), SMALL_PT)[0] for name in nodes.index)
    side = max(4.5, 1.4 * math.sqrt(len(nodes)) + longest)
    figure = _new_figure(side * 1.3 + longest + 2.2, side + 0.8)
    grid = figure.add_gridspec(1, 2, width_ratios=[side * 1.3 + longest, 2.2])
    ax = figure.add_subplot(grid[0], label="network")
    key = figure.add_subplot(grid[1], label="key")
    widths = _draw_edges(ax, edges, pos) if len(edges) else []
    themes = _draw_nodes(ax, nodes, pos)
    _fit_limits(ax, pos)
    n = f"n = {_plural(len(nodes), 'subtheme')}, {_plural(len(edges), 'pair')}"
    together = f"coded together on at least {_plural(min_count, 'passage')}"
    figure.suptitle(f"{title}\n{n} {together}", fontsize=TITLE_PT)
    figure.draw_without_rendering()  # settle the layout: the labels and keys are placed in it
    sizes = _size_legend(nodes["references"].to_numpy(dtype=float))
    sections = [("Theme", themes), ("References (node size)", sizes)]
    top = _stack_legends(key, [*sections, ("Passages coded with both\n(edge width)", widths)])
    if edges.empty:  # say so where the edge key would be
        note = f"No two subthemes were {together}."
        note = _wrap(note, 28)
        key.text(0, top, note, transform=key.transAxes, va="top", style="italic", **_LABEL)
    _place_labels(ax, nodes, pos, edges)
    return figure


# 4. Matrix coding query
def matrix_heatmap(
    matrix: pd.DataFrame,
    *,
    value: str = "references",
    title: str = "Matrix coding query",
    n_participants: int | None = None,
) -> Figure:
    """A heat map of any rows × columns of counts, with the number printed in each cell.

    Rows are usually codes and columns attribute values (or participants); the index and
    column names, when set, label the axes. ``value`` names what the cells count and labels
    the colour bar; ``n_participants``, when given, is stated in the title. Missing cells are
    left blank; zeros are printed, since in a matrix query "none" is a finding.
    """
    if matrix.shape[0] == 0 or matrix.shape[1] == 0:
        raise Invalid(f"{EMPTY}: the matrix has no rows or no columns")
    values = _numeric(matrix, "matrix")
    if np.all(np.isnan(values)):
        raise Invalid(f"{EMPTY}: every cell of the matrix is empty")
    rows, columns = values.shape
    row_labels = [_wrap(label, 32) for label in matrix.index]
    column_labels = [_wrap(label, 14) for label in matrix.columns]
    left = max(_inches(label, SMALL_PT)[0] for label in row_labels) + 0.5
    top = max(_inches(label, SMALL_PT)[1] for label in column_labels) + 0.3
    cell_w = max(0.45, max(_inches(label, SMALL_PT)[0] for label in column_labels) + 0.1)
    cell_h = max(0.28, max(_inches(label, SMALL_PT)[1] for label in row_labels) + 0.06)
    figure = _new_figure(max(left + columns * cell_w + 0.5, 5.0), top + rows * cell_h + 2.0)
    ax = figure.add_subplot(label="cells")
    norm = _colour_scale(values, low=0)
    _draw_cells(ax, values, blank_zero=False, norm=norm)
    ax.xaxis.tick_top()
    ax.xaxis.set_label_position("top")
    ax.set_xticks(range(columns), labels=column_labels)
    ax.set_yticks(range(rows), labels=row_labels)
    ax.set_xlabel(str(matrix.columns.name or "Attribute value"), **_LABEL)
    ax.set_ylabel(str(matrix.index.name or "Code"), **_LABEL)
    value = value.replace("_", " ")
    _add_colorbar(figure, ax, norm, value.capitalize())
    subtitle = f"{_plural(rows, 'row')} × {_plural(columns, 'column')}; cells: {value}"
    if n_participants is not None:
        subtitle = f"n = {_plural(n_participants, 'participant')}; {subtitle}"
    figure.suptitle(f"{title}\n{subtitle}", fontsize=TITLE_PT)
    return figure


# 5. Output
def save_figure(
    figure: Figure, stem: Path, formats: Sequence[str] = ("png", "svg"), dpi: int = 200
) -> list[Path]:
    """Write ``stem.png`` and ``stem.svg`` (or the formats asked); return the paths written.

    The suffix is added to the stem's whole name, so a stem like ``fig.v2`` keeps its dot.
    SVG and PDF carry no creation date.
    """
    unknown = [fmt for fmt in formats if fmt not in SAVE_FORMATS]
    if unknown:
        raise Invalid(f"cannot save a figure as {', '.join(unknown)}; use png, svg or pdf")
    stem.parent.mkdir(parents=True, exist_ok=True)
    written = []
    for fmt in formats:
        path = stem.with_name(f"{stem.name}.{fmt}")
        metadata = {"Date": None} if fmt in ("svg", "pdf") else None
        figure.savefig(path, format=fmt, dpi=dpi, metadata=metadata, facecolor="white")
        written.append(path)
    return written


def png_bytes(figure: Figure, dpi: int = 150) -> bytes:
    """The figure as PNG bytes, e.g. for a web response or a DOCX report."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png", dpi=dpi, facecolor="white")
    return buffer.getvalue()


def svg_text(figure: Figure) -> str:
    """The figure as SVG markup, e.g. to inline in an HTML report."""
    buffer = io.BytesIO()
    figure.savefig(buffer, format="svg", metadata={"Date": None}, facecolor="white")
    return buffer.getvalue().decode("utf-8")
