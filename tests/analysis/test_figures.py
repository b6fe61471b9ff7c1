"""The figures, read back from their artists: numbers in cells, bar widths, edge widths."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from itertools import pairwise
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.collections import LineCollection, PathCollection
from matplotlib.figure import Figure
from matplotlib.text import Text

from thematic.analysis import figures
from thematic.errors import Invalid

SUBTHEMES = [
    ("Systemic", "Lack of government policy and regulation"),
    ("Systemic", "No reimbursement for remote consultations"),
    ("Systemic", "Unclear medico-legal liability"),
    ("Technological", "Inadequate digital infrastructure"),
    ("Technological", "Unreliable internet connectivity in rural areas"),
    ("Technological", "Poor usability of telemedicine platforms"),
]
LABELS = ["P01", "P02", "P03", "P04", "P05"]


@pytest.fixture
def counts() -> pd.DataFrame:
    values = [
        [1, 0, 2, 0, 0, 3],
        [0, 4, 0, 1, 0, 0],
        [5, 0, 0, 0, 2, 1],
        [0, 0, 1, 6, 0, 0],
        [2, 3, 0, 0, 1, 0],
    ]
    columns = pd.MultiIndex.from_tuples(SUBTHEMES, names=["theme", "subtheme"])
    return pd.DataFrame(values, index=LABELS, columns=columns)


@pytest.fixture
def participants() -> pd.DataFrame:
    roles = ["nurse", "doctor", "nurse", "administrator", "doctor"]
    return pd.DataFrame({"role": roles, "site": ["Karachi"] * 5}, index=LABELS)


@pytest.fixture
def nodes() -> pd.DataFrame:
    themes = [theme for theme, _ in SUBTHEMES]
    names = [name for _, name in SUBTHEMES]
    return pd.DataFrame({"theme": themes, "references": [8, 7, 3, 7, 3, 4]}, index=names)


@pytest.fixture
def edges() -> pd.DataFrame:
    names = [name for _, name in SUBTHEMES]
    pairs = [(0, 1, 4), (0, 3, 1), (3, 4, 7), (2, 5, 2)]
    return pd.DataFrame([(names[a], names[b], c) for a, b, c in pairs], columns=["a", "b", "count"])


def axes(figure: Figure, label: str) -> Axes:
    return next(ax for ax in figure.axes if ax.get_label() == label)


def cell_texts(ax: Axes) -> dict[tuple[int, int], str]:
    """The numbers printed in the cells, by (row, column)."""
    return {
        (round(t.get_position()[1]), round(t.get_position()[0])): t.get_text() for t in ax.texts
    }


def tick_labels(ax: Axes) -> list[str]:
    return [label.get_text() for label in ax.get_yticklabels()]


# subthemes_by_participant


def test_cells_show_the_counts_and_leave_zeros_blank(counts: pd.DataFrame) -> None:
    figure = figures.subthemes_by_participant(counts)
    printed = cell_texts(axes(figure, "cells"))
    expected = {
        (row, column): str(value)
        for (row, column), value in np.ndenumerate(counts.to_numpy())
        if value
    }
    assert printed == expected


def test_title_states_n(counts: pd.DataFrame) -> None:
    figure = figures.subthemes_by_participant(counts, title="Barriers")
    assert figure.get_suptitle().startswith("Barriers")
    assert "n = 5 participants" in figure.get_suptitle()


def test_theme_names_head_their_subthemes(counts: pd.DataFrame) -> None:
    header = axes(figure := figures.subthemes_by_participant(counts), "themes")
    centres = {t.get_text(): t.get_position()[0] for t in header.texts}
    assert centres == {"Systemic": 1.0, "Technological": 4.0}
    subthemes = [t.get_text().replace("\n", " ") for t in axes(figure, "cells").get_xticklabels()]
    assert subthemes == [name for _, name in SUBTHEMES]


def test_columns_are_grouped_by_theme(counts: pd.DataFrame) -> None:
    mixed = counts.iloc[:, [0, 3, 1, 4, 2, 5]]
    header = axes(figures.subthemes_by_participant(mixed), "themes")
    assert {t.get_text(): t.get_position()[0] for t in header.texts} == {
        "Systemic": 1.0,
        "Technological": 4.0,
    }


def test_rows_ordered_by_attribute_then_label(
    counts: pd.DataFrame, participants: pd.DataFrame
) -> None:
    figure = figures.subthemes_by_participant(counts, participants, order_by="role")
    cells = axes(figure, "cells")
    assert tick_labels(cells) == ["P04", "P02", "P05", "P01", "P03"]
    # the numbers move with their participant
    assert cell_texts(cells)[(0, 3)] == "6"  # P04, Inadequate digital infrastructure
    side = cells.child_axes[0]
    groups = {label.get_text(): label.get_position()[1] for label in side.get_yticklabels()}
    assert groups == {"administrator": 0.0, "doctor": 1.5, "nurse": 3.5}


def test_order_by_unknown_attribute_is_invalid(
    counts: pd.DataFrame, participants: pd.DataFrame
) -> None:
    with pytest.raises(Invalid, match="age"):
        figures.subthemes_by_participant(counts, participants, order_by="age")


def test_participant_without_the_attribute_is_grouped_as_not_recorded(
    counts: pd.DataFrame, participants: pd.DataFrame
) -> None:
    figure = figures.subthemes_by_participant(counts, participants.drop("P03"), order_by="role")
    side = axes(figure, "cells").child_axes[0]
    assert "(not recorded)" in [label.get_text() for label in side.get_yticklabels()]


def test_text_contrasts_with_its_cell(counts: pd.DataFrame) -> None:
    cells = axes(figures.subthemes_by_participant(counts), "cells")
    colour = {t.get_text(): t.get_color() for t in cells.texts}
    assert colour["1"] == "black"  # palest cell
    assert colour["6"] == "white"  # darkest cell


@pytest.mark.parametrize(
    "broken",
    [
        pd.DataFrame(),
        pd.DataFrame(
            0, index=LABELS, columns=pd.MultiIndex.from_tuples(SUBTHEMES[:2], names=["t", "s"])
        ),
    ],
    ids=["no participants", "nothing coded"],
)
def test_nothing_to_plot_is_invalid(broken: pd.DataFrame) -> None:
    with pytest.raises(Invalid, match="no coded passages to plot"):
        figures.subthemes_by_participant(broken)


def test_flat_columns_are_invalid(counts: pd.DataFrame) -> None:
    flat = counts.copy()
    flat.columns = [name for _, name in SUBTHEMES]
    with pytest.raises(Invalid, match="MultiIndex"):
        figures.subthemes_by_participant(flat)


# theme_frequency


@pytest.fixture
def themes() -> pd.DataFrame:
    return pd.DataFrame(
        {"references": [23, 41, 17], "participants": [12, 30, 9]},
        index=["Systemic", "Technological", "Organizational"],
    )


def bar_widths(ax: Axes, gid: str) -> list[float]:
    return [patch.get_width() for patch in ax.patches if patch.get_gid() == gid]


def test_bars_are_as_long_as_the_counts(themes: pd.DataFrame) -> None:
    figure = figures.theme_frequency(themes, n_participants=34)
    assert bar_widths(axes(figure, "references"), "count") == [23, 41, 17]
    people = axes(figure, "participants")
    assert bar_widths(people, "count") == [12, 30, 9]
    assert bar_widths(people, "out-of") == [34, 34, 34]
    labels = [t.get_text() for t in people.texts]
    assert labels == ["12 (35%)", "30 (88%)", "9 (26%)"]
    assert "n = 34 participants" in figure.get_suptitle()
    assert tick_labels(axes(figure, "references")) == list(themes.index)


def test_more_participants_than_n_is_invalid(themes: pd.DataFrame) -> None:
    with pytest.raises(Invalid, match="n_participants"):
        figures.theme_frequency(themes, n_participants=20)


def test_no_themes_is_invalid() -> None:
    empty = pd.DataFrame({"references": [], "participants": []})
    with pytest.raises(Invalid, match="no coded passages to plot"):
        figures.theme_frequency(empty, n_participants=34)


# cooccurrence_network


def edge_lines(figure: Figure) -> LineCollection:
    ax = axes(figure, "network")
    return next(c for c in ax.collections if c.get_gid() == "cooccurrence-edges")


def node_count(figure: Figure) -> int:
    ax = axes(figure, "network")
    return sum(
        len(c.get_offsets())
        for c in ax.collections
        if isinstance(c, PathCollection) and str(c.get_gid()).startswith("nodes:")
    )


def test_edges_widen_with_count(nodes: pd.DataFrame, edges: pd.DataFrame) -> None:
    figure = figures.cooccurrence_network(nodes, edges)
    widths = list(edge_lines(figure).get_linewidths())
    counts = [int(t.get_text()) for t in axes(figure, "network").texts if t.get_gid() == "count"]
    assert sorted(counts) == sorted(edges["count"])
    by_count = [width for _, width in sorted(zip(counts, widths, strict=True))]
    assert all(a < b for a, b in pairwise(by_count))
    assert node_count(figure) == len(nodes)
    assert "n = 6 subthemes" in figure.get_suptitle()


def test_every_node_is_labelled(nodes: pd.DataFrame, edges: pd.DataFrame) -> None:
    figure = figures.cooccurrence_network(nodes, edges)
    labels = [t.get_text().replace("\n", " ") for t in axes(figure, "network").texts]
    assert set(nodes.index) <= set(labels)


def test_edges_below_min_count_are_dropped(nodes: pd.DataFrame, edges: pd.DataFrame) -> None:
    figure = figures.cooccurrence_network(nodes, edges, min_count=3)
    assert len(edge_lines(figure).get_segments()) == 2
    assert node_count(figure) == len(nodes)


def test_no_edges_draws_the_nodes_and_says_so(nodes: pd.DataFrame, edges: pd.DataFrame) -> None:
    figure = figures.cooccurrence_network(nodes, edges, min_count=50)
    assert node_count(figure) == len(nodes)
    notes = " ".join(t.get_text() for t in axes(figure, "key").texts).replace("\n", " ")
    assert "No two subthemes were coded together" in notes
    assert figures.png_bytes(figure).startswith(b"\x89PNG")


def test_layout_is_reproducible(nodes: pd.DataFrame, edges: pd.DataFrame) -> None:
    def offsets(figure: Figure) -> list[np.ndarray]:
        return [c.get_offsets() for c in axes(figure, "network").collections[1:]]

    first = offsets(figures.cooccurrence_network(nodes, edges, seed=3))
    again = offsets(figures.cooccurrence_network(nodes, edges, seed=3))
    assert all(np.allclose(a, b) for a, b in zip(first, again, strict=True))


def test_edge_to_unknown_subtheme_is_invalid(nodes: pd.DataFrame, edges: pd.DataFrame) -> None:
    edges.loc[len(edges)] = ["Low digital literacy", nodes.index[0], 2]
    with pytest.raises(Invalid, match="Low digital literacy"):
        figures.cooccurrence_network(nodes, edges)


def test_no_nodes_is_invalid(edges: pd.DataFrame) -> None:
    with pytest.raises(Invalid, match="no coded passages to plot"):
        figures.cooccurrence_network(pd.DataFrame(columns=["theme", "references"]), edges)


# matrix_heatmap


def test_matrix_prints_every_number() -> None:
    matrix = pd.DataFrame(
        [[3, 0, 1], [2, 5, 0]],
        index=["Inadequate digital infrastructure", "Low digital literacy"],
        columns=pd.Index(["Karachi", "Lahore", "Islamabad"], name="Site"),
    )
    figure = figures.matrix_heatmap(matrix, value="participants", n_participants=34)
    ax = axes(figure, "cells")
    assert cell_texts(ax) == {
        (row, column): str(value) for (row, column), value in np.ndenumerate(matrix.to_numpy())
    }
    assert ax.get_xlabel() == "Site"
    bar = next(a for a in figure.axes if a.get_label() == "<colorbar>")
    assert bar.get_xlabel() == "Participants"
    assert "n = 34 participants" in figure.get_suptitle()


def test_matrix_wraps_long_labels_and_blanks_missing_cells() -> None:
    long = "Fear of misdiagnosis without physical examination among older patients"
    matrix = pd.DataFrame([[1.5, np.nan]], index=[long], columns=["A", "B"])
    ax = axes(figures.matrix_heatmap(matrix), "cells")
    assert "\n" in tick_labels(ax)[0]
    assert cell_texts(ax) == {(0, 0): "1.5"}


def test_empty_matrix_is_invalid() -> None:
    with pytest.raises(Invalid, match="no coded passages to plot"):
        figures.matrix_heatmap(pd.DataFrame())


def test_text_matrix_is_invalid() -> None:
    with pytest.raises(Invalid, match="numbers"):
        figures.matrix_heatmap(pd.DataFrame([["many"]]))


# every figure


@pytest.fixture
def every_figure(
    counts: pd.DataFrame,
    participants: pd.DataFrame,
    themes: pd.DataFrame,
    nodes: pd.DataFrame,
    edges: pd.DataFrame,
) -> list[Figure]:
    return [
        figures.subthemes_by_participant(counts, participants, order_by="role"),
        figures.theme_frequency(themes, n_participants=34),
        figures.cooccurrence_network(nodes, edges),
        figures.matrix_heatmap(counts.T),
    ]


def test_no_text_below_8_points(every_figure: list[Figure]) -> None:
    for figure in every_figure:
        figure.draw_without_rendering()
        texts = [t for t in figure.findobj(Text) if t.get_text() and t.get_visible()]
        assert texts
        assert min(t.get_fontsize() for t in texts) >= 8


def test_every_figure_has_a_title_with_n(every_figure: list[Figure]) -> None:
    for figure in every_figure:
        assert "n = " in figure.get_suptitle() or "×" in figure.get_suptitle()


# output


def test_save_figure_writes_png_and_svg(tmp_path: Path, counts: pd.DataFrame) -> None:
    figure = figures.subthemes_by_participant(counts)
    written = figures.save_figure(figure, tmp_path / "out" / "subthemes.v1")
    assert written == [tmp_path / "out" / "subthemes.v1.png", tmp_path / "out" / "subthemes.v1.svg"]
    assert written[0].read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    svg = written[1].read_text(encoding="utf-8")
    assert "<svg" in svg
    assert svg.rstrip().endswith("</svg>")


def test_save_figure_rejects_unknown_format(tmp_path: Path, counts: pd.DataFrame) -> None:
    with pytest.raises(Invalid, match="gif"):
        figures.save_figure(figures.subthemes_by_participant(counts), tmp_path / "f", ["gif"])


def test_png_bytes_and_svg_text(counts: pd.DataFrame) -> None:
    figure = figures.subthemes_by_participant(counts)
    assert figures.png_bytes(figure, dpi=72).startswith(b"\x89PNG")
    svg = figures.svg_text(figure)
    assert svg.lstrip().startswith("<?xml")
    assert "<svg" in svg
    assert "<dc:date>" not in svg  # undated, so a rebuilt report differs only where it changed


def test_figures_draw_in_threads(counts: pd.DataFrame, themes: pd.DataFrame) -> None:
    def draw(i: int) -> bytes:
        figure = (
            figures.subthemes_by_participant(counts)
            if i % 2
            else figures.theme_frequency(themes, n_participants=34)
        )
        return figures.png_bytes(figure, dpi=50)

    with ThreadPoolExecutor(max_workers=4) as pool:
        images = list(pool.map(draw, range(8)))
    assert all(image.startswith(b"\x89PNG") for image in images)
