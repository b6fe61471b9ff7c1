"""The thematic map: themes, their subthemes, and the relations the team draws between them.

Braun and Clarke (2006) draw the themes they found and how they relate as a map (their
figures 2 to 4). Here each theme is a large box with its subthemes around it, joined to it by
light grey lines; each relation the team recorded (``Study.relate``) is a dark, curved,
labelled arrow from one theme or subtheme to another. Like the other figures it is pure
plotting on its own Agg canvas (no pyplot, no rcParams), reads in greyscale (the tree is
light grey and thin, relations black and thick, themes in bold boxes; colour only repeats
what the layout says), and the layout is deterministic: themes on a grid in codebook order,
subthemes evenly around their theme. Save it with :func:`thematic.analysis.figures.save_figure`
or :func:`~thematic.analysis.figures.png_bytes`.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.colors import to_rgb
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text

from thematic.analysis.figures import OKABE_ITO
from thematic.errors import Invalid

if TYPE_CHECKING:
    from thematic.study import Study

__all__ = ["map_data", "thematic_map"]

ThemeSpec = tuple[str, Sequence[str]]  # a theme's path and its subthemes' paths
RelationSpec = tuple[str, str, str]  # source path, target path, label

TITLE_PT, THEME_PT, SUBTHEME_PT, RELATION_PT = 12.0, 10.0, 8.5, 8.5
CHAR_EM = 0.55  # average character width of the default sans-serif font, in ems
THEME_WRAP, SUBTHEME_WRAP, RELATION_WRAP = 16, 18, 22
TREE_GREY = "0.72"
ARROW_INK = "0.1"
MARGIN = 0.6  # inches round the outermost boxes
BEND = 0.22  # how far relation arrows curve (matplotlib's arc3 rad)


def _wrap(text: str, width: int) -> str:
    return textwrap.fill(text, width=width, break_long_words=False)


def _size(text: str, points: float) -> np.ndarray:
    """Rough (width, height) in inches of a wrapped label with its box padding."""
    lines = text.splitlines() or [""]
    width = max(map(len, lines)) * CHAR_EM * points / 72
    return np.array([width, len(lines) * 1.3 * points / 72]) + 2 * 0.45 * points / 72


def _name(path: str) -> str:
    return path.rsplit("/", 1)[-1]


def _tint(colour: str, share: float) -> tuple[float, float, float]:
    """``colour`` mixed with white: light fills keep black text readable."""
    r, g, b = to_rgb(colour)
    return (1 - share + share * r, 1 - share + share * g, 1 - share + share * b)


def _shade(colour: str) -> tuple[float, float, float]:
    """``colour`` darkened, so a thin edge of it shows (Okabe-Ito yellow alone does not)."""
    r, g, b = to_rgb(colour)
    return (0.7 * r, 0.7 * g, 0.7 * b)


def _check(
    themes: Sequence[ThemeSpec], relations: Sequence[RelationSpec]
) -> tuple[list[tuple[str, list[str]]], list[RelationSpec]]:
    """Validate and normalise: every relation joins two different nodes of the map."""
    if not themes:
        raise Invalid("the thematic map needs at least one theme")
    clean = [(str(theme), [str(s) for s in subthemes]) for theme, subthemes in themes]
    nodes = [name for theme, subs in clean for name in (theme, *subs)]
    if len(set(nodes)) != len(nodes):
        raise Invalid("a theme or subtheme appears twice on the map")
    unknown = {str(end) for s, t, _ in relations for end in (s, t)} - set(nodes)
    if unknown:
        raise Invalid(f"relations name what is not on the map: {', '.join(sorted(unknown))}")
    kept = [(str(s), str(t), str(label)) for s, t, label in relations]
    if any(s == t for s, t, _ in kept):
        raise Invalid("a relation joins two different themes or subthemes")
    return clean, kept


def _layout(
    themes: list[tuple[str, list[str]]], relations: Sequence[RelationSpec]
) -> tuple[dict[str, np.ndarray], dict[str, str], dict[str, np.ndarray]]:
    """Positions in inches: themes on a grid, each theme's subthemes on an ellipse round it,
    turned so that related subthemes face what they relate to.

    Returns the positions, each node's wrapped label, and its box's rough size."""
    labels: dict[str, str] = {}
    sizes: dict[str, np.ndarray] = {}
    for theme, subs in themes:
        labels[theme] = _wrap(_name(theme), THEME_WRAP)
        sizes[theme] = _size(labels[theme], THEME_PT)
        for sub in subs:
            labels[sub] = _wrap(_name(sub), SUBTHEME_WRAP)
            sizes[sub] = _size(labels[sub], SUBTHEME_PT)
    widest = max(s[0] for s in sizes.values())
    tallest = max(s[1] for s in sizes.values())
    most = max((len(subs) + 1 for _, subs in themes), default=0)
    # The ellipse leaves room for the theme's box and a subtheme box on each side, and
    # grows with the number of subthemes so neighbours on it do not touch.
    radii = np.array(
        [max(widest * 1.1, most * widest / math.pi * 0.75), max(tallest * 1.45, most * 0.3)]
    )
    cell = np.array([2 * radii[0] + widest + 1.3, 2 * radii[1] + tallest + 1.3])
    columns = math.ceil(math.sqrt(len(themes)))
    centres = {
        theme: np.array([index % columns * cell[0], -(index // columns) * cell[1]])
        for index, (theme, _) in enumerate(themes)
    }
    theme_of = {name: theme for theme, subs in themes for name in (theme, *subs)}
    pos: dict[str, np.ndarray] = dict(centres)
    # Twice: first aiming at the related themes' centres, then at where the related
    # subthemes are (as each ring is placed), so arrows between rings do not cross needlessly.
    for _ in range(2):
        placed = pos
        for theme, subs in themes:
            aims: dict[str, list[np.ndarray]] = {}
            for source, target, _ in relations:
                for here, there in ((source, target), (target, source)):
                    if theme_of[here] == theme and theme_of[there] != theme:
                        aim = placed.get(there, centres[theme_of[there]])
                        aims.setdefault(here, []).append(aim - centres[theme])
            angles = _ring(subs, aims, gap=aims.get(theme))
            for sub in subs:
                pos[sub] = centres[theme] + radii * (math.cos(angles[sub]), math.sin(angles[sub]))
    return pos, labels, sizes


def _heading(vectors: list[np.ndarray]) -> float:
    x, y = np.sum([v / max(float(np.hypot(*v)), 1e-9) for v in vectors], axis=0)
    return math.atan2(y, x)


def _ring(
    subs: list[str], aims: dict[str, list[np.ndarray]], gap: list[np.ndarray] | None
) -> dict[str, float]:
    """Angles round a theme for its subthemes, evenly spaced, clockwise.

    Subthemes with relations to other themes get the free slot nearest their direction;
    when the theme itself has such relations one slot is left empty for its arrows, the
    same way. The ring is turned to fit them best (unturned, the first subtheme is at the
    top). Deterministic: ties go to the first turn and slot."""
    slots = len(subs) + (1 if gap else 0)
    if slots == 0:
        return {}
    step = 2 * math.pi / slots
    wanting = sorted((s for s in subs if s in aims), key=lambda s: -len(aims[s]))
    wants = [("", gap)] if gap else []
    wants += [(s, aims[s]) for s in wanting]
    best: tuple[float, dict[str, float]] | None = None
    for turn in range(8):
        free = [math.pi / 2 - step * (i + turn / 8) for i in range(slots)]
        cost, chosen = 0.0, {}
        for name, vectors in wants:
            want = _heading(vectors)
            off = [abs((angle - want + math.pi) % (2 * math.pi) - math.pi) for angle in free]
            cost += min(off) ** 2
            chosen[name] = free.pop(int(np.argmin(off)))
        for sub in subs:
            if sub not in chosen:
                chosen[sub] = free.pop(0)
        if best is None or cost < best[0] - 1e-9:
            best = (cost, chosen)
    assert best is not None
    return best[1]


_THEME_BOX: dict[str, Any] = {"boxstyle": "round,pad=0.45", "ec": "black", "lw": 1.6}
_SUB_BOX: dict[str, Any] = {"boxstyle": "round,pad=0.45", "fc": "white", "lw": 1.0}


def _draw_nodes(
    ax: Axes,
    themes: list[tuple[str, list[str]]],
    pos: dict[str, np.ndarray],
    labels: dict[str, str],
) -> dict[str, Text]:
    """Theme boxes (bold, tinted), subtheme boxes (white, edged in the theme's colour) and
    the light grey lines joining them; returns each node's text, whose box arrows avoid."""
    texts: dict[str, Text] = {}
    for index, (theme, subs) in enumerate(themes):
        colour = OKABE_ITO[index % len(OKABE_ITO)]
        for sub in subs:
            xs, ys = zip(pos[theme], pos[sub], strict=True)
            ax.plot(xs, ys, color=TREE_GREY, lw=1.0, zorder=1, gid="tree", solid_capstyle="round")
        theme_box = {**_THEME_BOX, "fc": _tint(colour, 0.35)}
        texts[theme] = ax.text(
            float(pos[theme][0]),
            float(pos[theme][1]),
            labels[theme],
            ha="center",
            va="center",
            fontsize=THEME_PT,
            fontweight="bold",
            bbox=theme_box,
            zorder=4,
            gid=f"theme:{theme}",
        )
        for sub in subs:
            texts[sub] = ax.text(
                float(pos[sub][0]),
                float(pos[sub][1]),
                labels[sub],
                ha="center",
                va="center",
                fontsize=SUBTHEME_PT,
                bbox={**_SUB_BOX, "ec": _shade(colour)},
                zorder=4,
                gid=f"subtheme:{sub}",
            )
    return texts


def _box(artist: Any, ax: Axes) -> np.ndarray:
    """An artist's drawn extent in data units, as [x0, y0, x1, y1]."""
    renderer = ax.figure.canvas.get_renderer()  # type: ignore[attr-defined]
    extent = artist.get_window_extent(renderer).transformed(ax.transData.inverted())
    return np.asarray(extent.extents, dtype=float)


def _inside(points: np.ndarray, box: np.ndarray, pad: float) -> int:
    """How many points fall inside ``box`` grown by ``pad``."""
    x, y = points[:, 0], points[:, 1]
    hit = (x > box[0] - pad) & (x < box[2] + pad) & (y > box[1] - pad) & (y < box[3] + pad)
    return int(hit.sum())


def _shared(a: np.ndarray, b: np.ndarray) -> float:
    width, height = min(a[2], b[2]) - max(a[0], b[0]), min(a[3], b[3]) - max(a[1], b[1])
    return max(width, 0.0) * max(height, 0.0)


def _area(box: np.ndarray) -> float:
    return float((box[2] - box[0]) * (box[3] - box[1]))


def _curve(start: np.ndarray, end: np.ndarray, bend: float, n: int = 41) -> np.ndarray:
    """Points along matplotlib's arc3 connection: a quadratic Bézier whose control point
    is the chord's midpoint moved ``bend`` x the chord's length along its normal (equal
    aspect, so data units behave as display units)."""
    dx, dy = end - start
    control = (start + end) / 2 + bend * np.array([dy, -dx])
    t = np.linspace(0.0, 1.0, n)[:, None]
    return (1 - t) ** 2 * start + 2 * (1 - t) * t * control + t**2 * end


# Curvatures tried for each arrow, gentlest first: the first that crosses no box and whose
# label covers nothing wins, else the least crowded.
BENDS = (BEND, -BEND, 0.1, -0.1, 0.38, -0.38, 0.55, -0.55, 0.75, -0.75, 0.0)


def _route(
    start: np.ndarray,
    end: np.ndarray,
    label_size: np.ndarray,
    avoid: list[np.ndarray],
    drawn: list[np.ndarray],
    inside: np.ndarray,
) -> tuple[float, np.ndarray]:
    """The curvature of an arrow and where its label goes: crossing as few boxes (``avoid``:
    other nodes, other labels) as it can, with a label on no box and no arrow (``drawn``),
    all of it within the map (``inside``)."""
    best: tuple[float, float, np.ndarray] | None = None
    for rank, bend in enumerate(BENDS):
        points = _curve(start, end, bend)
        middle = points[len(points) // 2]
        label = np.r_[middle - label_size / 2, middle + label_size / 2]
        crossings = float(sum(_inside(points, box, 0.06) for box in avoid))
        crossings += 2 * (len(points) - _inside(points, inside, -0.05))
        crossings += 20 * (_area(label) - _shared(label, inside))
        covered = sum(_shared(label, box) for box in avoid)
        covered += sum(_inside(line, label, 0.02) for line in drawn) * 0.05
        score = crossings + 40 * covered + 0.01 * rank
        if best is None or score < best[0]:
            best = (score, bend, middle)
        if crossings == 0 and covered == 0:
            break
    assert best is not None
    return best[1], best[2]


def _draw_relations(
    ax: Axes,
    relations: Sequence[RelationSpec],
    pos: dict[str, np.ndarray],
    texts: dict[str, Text],
) -> None:
    """Dark curved arrows, clipped at the boxes, each labelled at the middle of its curve and
    bent, where it can, round the other boxes and labels."""
    boxes = {name: _box(text.get_bbox_patch(), ax) for name, text in texts.items()}
    labels: list[np.ndarray] = []
    drawn: list[np.ndarray] = []
    (x0, x1), (y0, y1) = ax.get_xlim(), ax.get_ylim()
    inside = np.array([x0, y0, x1, y1])
    for source, target, label in relations:
        start, end = pos[source], pos[target]
        wrapped = _wrap(label, RELATION_WRAP)
        size = _size(wrapped, RELATION_PT) * _units_per_inch(ax)
        others = [box for name, box in boxes.items() if name not in (source, target)]
        bend, middle = _route(start, end, size, others + labels, drawn, inside)
        arrow = FancyArrowPatch(
            tuple(start),
            tuple(end),
            arrowstyle="-|>,head_length=7,head_width=3.5",
            connectionstyle=f"arc3,rad={bend}",
            color=ARROW_INK,
            lw=1.8,
            zorder=3,
            patchA=texts[source].get_bbox_patch(),
            patchB=texts[target].get_bbox_patch(),
            shrinkA=2,
            shrinkB=3,
            gid="relation",
        )
        ax.add_patch(arrow)
        drawn.append(_curve(start, end, bend))
        ax.text(
            float(middle[0]),
            float(middle[1]),
            wrapped,
            ha="center",
            va="center",
            fontsize=RELATION_PT,
            fontstyle="italic",
            zorder=5,
            gid="relation-label",
            bbox={"boxstyle": "round,pad=0.25", "fc": "white", "ec": ARROW_INK, "lw": 0.6},
        )
        labels.append(np.r_[middle - size / 2, middle + size / 2])


def _units_per_inch(ax: Axes) -> float:
    """Data units per inch of the (equal-aspect) map axes."""
    (x0, _), (x1, _) = ax.transData.inverted().transform([(0, 0), (ax.figure.dpi, 0)])
    return float(abs(x1 - x0))


def thematic_map(
    themes: Sequence[ThemeSpec],
    relations: Sequence[RelationSpec] = (),
    *,
    title: str = "Thematic map",
) -> Figure:
    """The thematic map as a figure.

    ``themes`` lists each theme with its subthemes, as codebook paths
    (``("Systemic", ["Systemic/Policy ambiguity", ...])``); boxes show the last part of the
    path. ``relations`` are ``(source, target, label)`` with the same paths, drawn as
    labelled arrows from source to target. Invalid when there is no theme, or a relation
    names something not on the map or joins a node to itself.
    """
    clean, kept = _check(themes, relations)
    pos, labels, sizes = _layout(clean, kept)
    # A margin round the boxes, for arrows that go round the outside.
    low = np.min([pos[n] - sizes[n] / 2 for n in pos], axis=0) - MARGIN
    high = np.max([pos[n] + sizes[n] / 2 for n in pos], axis=0) + MARGIN
    extent = high - low
    figure = Figure(figsize=(max(extent[0], 5.5), max(extent[1], 3.5) + 0.7), layout="constrained")
    FigureCanvasAgg(figure)
    ax = figure.add_subplot(label="map")
    ax.set_xlim(low[0], high[0])
    ax.set_ylim(low[1], high[1])
    ax.set_aspect("equal", adjustable="box")
    ax.set_axis_off()
    texts = _draw_nodes(ax, clean, pos, labels)
    subthemes = sum(len(subs) for _, subs in clean)
    n = f"{_plural(len(clean), 'theme')}, {_plural(subthemes, 'subtheme')}"
    figure.suptitle(f"{title}\n{n}, {_plural(len(kept), 'relation')}", fontsize=TITLE_PT)
    # Settle the layout so the boxes have their final size: the arrows are clipped at them.
    figure.draw_without_rendering()
    _draw_relations(ax, kept, pos, texts)
    return figure


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def map_data(study: Study) -> tuple[list[ThemeSpec], list[RelationSpec]]:
    """A study's themes with their subthemes, and its relations, as thematic_map takes them.

    A relation on a code that has since moved below a subtheme is drawn from its subtheme.
    """
    codes = study.codes()
    themes: list[ThemeSpec] = [
        (c.path, [s.path for s in codes if s.depth == 1 and s.path.startswith(c.path + "/")])
        for c in codes
        if c.depth == 0
    ]
    relations = [
        (_shown(r.source), _shown(r.target), r.label)
        for r in study.relations()
        if _shown(r.source) != _shown(r.target)
    ]
    return themes, relations


def _shown(path: str) -> str:
    """The theme or subtheme a code is drawn as: its ancestor at most one level down."""
    return "/".join(path.split("/")[:2])
