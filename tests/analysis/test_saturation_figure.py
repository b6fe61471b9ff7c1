"""The saturation figure, read back from its artists; and the report's saturation figure and
sentence (COREQ item 22) on the hand-worked study of tests/saturation_study.py."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text
from tests.saturation_study import build_saturation
from tests.tiny_study import build_tiny

import thematic
from thematic.analysis import figures, gather
from thematic.analysis.saturation_plot import saturation_curve
from thematic.errors import Invalid

PNG = b"\x89PNG\r\n\x1a\n"


def _axes(figure: Figure, label: str) -> Axes:
    return next(ax for ax in figure.axes if ax.get_label() == label)


def _texts(figure: Figure) -> list[str]:
    return [t.get_text() for t in figure.findobj(Text) if t.get_text()]


@pytest.fixture
def study(tmp_path: Path) -> thematic.Study:
    return build_saturation(thematic.create(tmp_path / "s.thematic"))


def test_curve_from_a_report(study: thematic.Study) -> None:
    figure = saturation_curve(study.saturation())
    curve, bars = _axes(figure, "cumulative"), _axes(figure, "new")
    (line,) = [x for x in curve.get_lines() if x.get_gid() == "cumulative"]
    assert line.get_xdata().tolist() == list(range(1, 9))
    assert line.get_ydata().tolist() == [2, 3, 4, 4, 4, 5, 5, 5]
    heights = [p.get_height() for p in bars.patches if p.get_gid() == "new"]
    assert heights == [2, 1, 1, 0, 0, 1, 0, 0]
    assert any(c.get_gid() == "band" for c in curve.collections)
    # The saturation point: a vertical line at interview 6 in both panels, labelled "6+2".
    for ax in (curve, bars):
        assert any(list(x.get_xdata()) == [6, 6] for x in ax.get_lines())
    texts = _texts(figure)
    assert "saturation\n6+2" in texts
    title = figure.get_suptitle()
    assert "n = 8 interviews" in title and "5 codes" in title and "saturation at 6+2" in title
    assert curve.get_ylabel() == "Unique codes (cumulative)"
    assert bars.get_xlabel() == "Interview (by interview date)"
    sizes = [t.get_fontsize() for t in figure.findobj(Text) if t.get_text()]
    assert min(sizes) >= figures.SMALL_PT
    assert figures.png_bytes(figure).startswith(PNG)


def test_curve_from_a_table_not_reached() -> None:
    table = pd.DataFrame({"new": [3, 2, 1], "cumulative": [3, 5, 6]})
    figure = saturation_curve(table, noun="theme")
    assert "saturation not reached" in figure.get_suptitle()
    assert "n = 3 interviews; 6 themes" in figure.get_suptitle()
    curve = _axes(figure, "cumulative")
    assert not curve.collections  # no random-order band without its columns
    assert _axes(figure, "new").get_xlabel() == "Interview (in import order)"
    marked = saturation_curve(table, at=2, mark="2+1")
    assert "saturation\n2+1" in _texts(marked)


def test_curve_refuses_empty_or_wrong_tables() -> None:
    with pytest.raises(Invalid, match="no interviews"):
        saturation_curve(pd.DataFrame({"new": [], "cumulative": []}))
    with pytest.raises(Invalid, match="cumulative"):
        saturation_curve(pd.DataFrame({"new": [1]}))


def test_label_moves_left_near_the_right_edge() -> None:
    n = 10
    table = pd.DataFrame({"new": np.ones(n, int), "cumulative": np.arange(1, n + 1)})
    figure = saturation_curve(table, at=9, mark="9+1")
    (label,) = [t for t in figure.findobj(Text) if t.get_gid() == "saturation-label"]
    assert label.get_ha() == "right"


def test_report_has_the_saturation_figure_and_sentence(study: thematic.Study) -> None:
    data = gather.report_data(study)
    assert "saturation" in [f.name for f in data.figures]
    (figure,) = [f for f in data.figures if f.name == "saturation"]
    assert figure.png.startswith(PNG) and "saturation: 6+2" in figure.caption
    assert "saturation was reached at 6+2" in data.methods
    (item,) = [i for i in data.coreq if i.number == 22]
    assert item.answer is not None and "Guest, Namey and Chen (2020)" in item.answer


def test_report_leaves_saturation_out_with_too_few_interviews(tmp_path: Path) -> None:
    study = build_tiny(thematic.create(tmp_path / "tiny.thematic"))
    data = gather.report_data(study)
    assert "saturation" not in [f.name for f in data.figures]
    assert "saturation" not in data.methods.lower()
    assert gather.saturation_statement(study) is None
