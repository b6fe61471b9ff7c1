"""The thematic map figure, read back from its artists: boxes, tree lines, arrows, labels."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch
from matplotlib.text import Text

from thematic.analysis.figures import png_bytes, save_figure, svg_text
from thematic.analysis.thematic_map import map_data, thematic_map
from thematic.errors import Invalid

THEMES = [
    ("Systemic", ["Systemic/Policy ambiguity", "Systemic/Inconsistent funding"]),
    (
        "Organizational",
        ["Organizational/Lack of training", "Organizational/Weak administrative and IT support"],
    ),
    ("Personal", ["Personal/Trust", "Personal/Emotional resistance and loss of the human touch"]),
]
RELATIONS = [
    ("Systemic", "Organizational", "systemic inertia fuels organizational inadequacies"),
    (
        "Systemic/Inconsistent funding",
        "Organizational/Weak administrative and IT support",
        "starves",
    ),
    ("Organizational/Lack of training", "Personal/Trust", "erodes"),
    ("Personal/Trust", "Organizational/Lack of training", "rebuilds"),
]


def _texts(figure: Figure, gid: str) -> list[Text]:
    ax = figure.axes[0]
    return [t for t in ax.texts if (t.get_gid() or "").startswith(gid)]


def _arrows(figure: Figure) -> list[FancyArrowPatch]:
    return [p for p in figure.axes[0].patches if p.get_gid() == "relation"]


def test_boxes_tree_and_labelled_arrows() -> None:
    figure = thematic_map(THEMES, RELATIONS, title="Barriers")
    assert [t.get_text() for t in _texts(figure, "theme:")] == [
        "Systemic",
        "Organizational",
        "Personal",
    ]
    subthemes = [t.get_text().replace("\n", " ") for t in _texts(figure, "subtheme:")]
    assert "Emotional resistance and loss of the human touch" in subthemes
    assert len(subthemes) == 6
    tree = [line for line in figure.axes[0].lines if line.get_gid() == "tree"]
    assert len(tree) == 6
    assert len(_arrows(figure)) == len(RELATIONS)
    labels = [t.get_text().replace("\n", " ") for t in _texts(figure, "relation-label")]
    assert labels == [label for _, _, label in RELATIONS]
    title = figure.get_suptitle()
    assert title.startswith("Barriers") and "3 themes, 6 subthemes, 4 relations" in title


def test_nothing_overlaps_and_everything_is_inside() -> None:
    figure = thematic_map(THEMES, RELATIONS)
    figure.canvas.draw()  # type: ignore[attr-defined]
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    boxes = [
        t.get_bbox_patch().get_window_extent(renderer)  # type: ignore[union-attr]
        for t in figure.axes[0].texts
    ]
    whole = figure.bbox
    for i, box in enumerate(boxes):
        assert whole.x0 <= box.x0 and box.x1 <= whole.x1 and whole.y0 <= box.y0
        for other in boxes[i + 1 :]:
            assert not box.overlaps(other), "two boxes or labels overlap"


def test_arrows_curve_and_point_from_source_to_target() -> None:
    figure = thematic_map(THEMES, RELATIONS[2:])  # a pair related both ways
    there, back = _arrows(figure)
    assert there.get_connectionstyle().rad != 0  # type: ignore[attr-defined]
    figure.canvas.draw()  # type: ignore[attr-defined]
    # The two arrows of the pair do not lie on top of each other (paths in inches).
    a, b = (np.asarray(p.get_path().vertices).mean(axis=0) for p in (there, back))
    assert np.hypot(*(a - b)) > 0.3


def test_the_layout_is_deterministic() -> None:
    def positions() -> list[tuple[float, float]]:
        return [tuple(t.get_position()) for t in thematic_map(THEMES, RELATIONS).axes[0].texts]

    assert positions() == positions()


def test_invalid_maps() -> None:
    with pytest.raises(Invalid, match="at least one theme"):
        thematic_map([], [])
    with pytest.raises(Invalid, match="not on the map"):
        thematic_map(THEMES, [("Systemic", "Nowhere", "x")])
    with pytest.raises(Invalid, match="two different"):
        thematic_map(THEMES, [("Systemic", "Systemic", "x")])


def test_a_theme_without_subthemes_and_no_relations() -> None:
    figure = thematic_map([("Only", [])])
    assert [t.get_text() for t in _texts(figure, "theme:")] == ["Only"]
    assert _arrows(figure) == []


def test_output_formats(tmp_path: Path) -> None:
    figure = thematic_map(THEMES, RELATIONS)
    assert png_bytes(figure).startswith(b"\x89PNG")
    assert "systemic inertia fuels" in svg_text(figure)
    written = save_figure(figure, tmp_path / "map", formats=("png", "svg"))
    assert [p.name for p in written] == ["map.png", "map.svg"]


def test_map_data_from_a_study(tmp_path: Path) -> None:
    import thematic

    with thematic.create(tmp_path / "s.thematic") as study:
        for path in ("Systemic/Funding/Grants", "Technological/Internet"):
            study.add_code(path)
        study.relate("Systemic/Funding", "Technological", "starves")
        themes, relations = map_data(study)
    assert themes == [
        ("Systemic", ["Systemic/Funding"]),
        ("Technological", ["Technological/Internet"]),
    ]
    assert relations == [("Systemic/Funding", "Technological", "starves")]
