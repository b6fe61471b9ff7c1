"""Study.saturation on the hand-worked study of tests/saturation_study.py, and a sanity check
on the demo study."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from tests.saturation_study import build_saturation
from tests.tiny_study import build_tiny

import thematic
from thematic.demo import build_demo
from thematic.errors import Invalid


@pytest.fixture
def study(new_study: thematic.Study) -> thematic.Study:
    return build_saturation(new_study)


def test_interviews_in_date_order_with_translation_codes(study: thematic.Study) -> None:
    report = study.saturation()
    assert report.order == "interview_date"
    assert report.layer == "consensus"
    assert [i.participant for i in report.interviews] == [
        "P3", "P7", "P1", "P5", "P2", "P8", "P4", "P6"
    ]  # fmt: skip
    assert report.interviews[0].label == "P3 (2024-01-05)"
    # P1's D was coded on its English translation: it counts for P1's (one) interview.
    assert report.interviews[2].codes == ("T1/S1/A", "T2/S3/D")
    assert report.interviews[2].new_codes == ("T2/S3/D",)
    assert report.curve.new.tolist() == [2, 1, 1, 0, 0, 1, 0, 0]
    assert report.curve.cumulative.tolist() == [2, 3, 4, 4, 4, 5, 5, 5]
    assert report.curve.total == 5  # F is only on a field note (and bilal's layer)


def test_guest_label_and_statement(study: thematic.Study) -> None:
    report = study.saturation()
    assert report.reached and report.at == 6 and report.label == "6+2" and report.mark == "6+2"
    assert report.result.base_unique == 4
    assert [r.new for r in report.result.runs] == [1, 1, 0]
    text = report.statement()
    assert "Guest, Namey and Chen (2020)" in text
    assert "saturation was reached at 6+2" in text
    assert "the 2 interviews after interview 6 added no new code" in text
    assert "order they were conducted (interview date)" in text
    assert "1,000 random orders" in text and "Chao2" in text
    # Chao2 by hand: A, B, C in 3 interviews, D and E in one: Q1 = 2, Q2 = 0, m = 8,
    # bias-corrected S = 5 + (7/8) * 2 * 1 / 2 = 5.875.
    assert report.richness.estimate == pytest.approx(5.875)
    assert report.undiscovered.estimate == pytest.approx(0.875)
    assert "0.9 further codes" in text


def test_francis(study: thematic.Study) -> None:
    report = study.saturation("francis", initial=3, stop=2)
    assert report.reached and report.at == 5 and report.label == "interview 5"
    assert report.result.last_new == 3
    assert "Francis et al. (2010)" in report.statement()
    assert "reached at interview 5; the last new code came in interview 3" in report.statement()
    later = study.saturation("francis", initial=4, stop=3)
    assert not later.reached and later.mark is None
    assert "not reached in 8 interviews" in later.statement()


def test_import_order_without_dates(new_study: thematic.Study) -> None:
    report = build_saturation(new_study, dates=False).saturation()
    assert report.order == "import order"
    assert [i.participant for i in report.interviews] == [f"P{n}" for n in range(1, 9)]
    assert report.curve.new.tolist() == [2, 0, 1, 0, 1, 0, 0, 1]
    assert report.label == "5+2"  # base A, D, B; run 5-6 adds C (1/3); run 6-7 nothing
    assert "order their transcripts were imported" in report.statement()


def test_levels_and_coder(study: thematic.Study) -> None:
    themes = study.saturation(level="theme")
    assert themes.curve.new.tolist() == [1, 0, 1, 0, 0, 0, 0, 0]
    assert "themes are those of" in themes.statement()
    subthemes = study.saturation(level="subtheme")
    assert subthemes.curve.cumulative.tolist() == [1, 2, 3, 3, 3, 3, 3, 3]  # S1, S2, S3
    bilal = study.saturation(coder="bilal")
    assert bilal.layer == "bilal" and bilal.curve.new.tolist() == [0, 0, 0, 0, 0, 1, 0, 0]
    assert bilal.interviews[5].codes == ("T2/S4/F",)


def test_random_orders_are_repeatable(study: thematic.Study) -> None:
    one = study.saturation(orderings=200, seed=3)
    two = study.saturation(orderings=200, seed=3)
    assert one.over_orders.at.tolist() == two.over_orders.at.tolist()
    assert one.band.median.tolist() == two.band.median.tolist()
    assert one.band.high[-1] == one.band.low[-1] == 5  # every order ends with every code
    assert one.parameters == {"base": 4, "run": 2, "threshold": 0.05, "orderings": 200, "seed": 3}


def test_dataframe(study: thematic.Study) -> None:
    frame = study.saturation().to_dataframe()
    assert list(frame.columns) == [
        "position", "participant", "date", "document", "codes", "new", "cumulative",
        "band_median", "band_low", "band_high", "new_codes",
    ]  # fmt: skip
    assert frame["position"].tolist() == list(range(1, 9))
    assert frame["new"].tolist() == [2, 1, 1, 0, 0, 1, 0, 0]
    assert frame.loc[2, "date"] == "2024-01-20" and frame.loc[2, "new_codes"] == "T2/S3/D"
    assert (frame["band_low"] <= frame["band_median"]).all()
    assert (frame["band_median"] <= frame["band_high"]).all()
    assert frame.attrs["result"] == "6+2" and frame.attrs["order"] == "interview_date"


def test_too_few_interviews(new_study: thematic.Study) -> None:
    report = build_tiny(new_study).saturation()
    assert report.too_few and not report.reached
    assert report.statement() == (
        "Saturation could not be assessed with the method of Guest, Namey and Chen (2020): "
        "the study has 4 interviews (transcripts, not counting translations), fewer than the "
        "base of 4 plus a run of 2."
    )
    francis = new_study.saturation("francis")
    assert "initial sample of 10 plus 3 to stop" in francis.statement()


def test_no_interviews(new_study: thematic.Study) -> None:
    report = new_study.saturation()
    assert report.interviews == () and "the study has no interviews" in report.statement()
    assert report.to_dataframe().empty


def test_bad_parameters(study: thematic.Study) -> None:
    with pytest.raises(Invalid, match="guest or francis"):
        study.saturation("glaser")
    with pytest.raises(Invalid, match="level"):
        study.saturation(level="passage")
    with pytest.raises(Invalid, match="base"):
        study.saturation(base=0)
    with pytest.raises(Invalid, match="threshold"):
        study.saturation(threshold=2)


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[thematic.Study]:
    study = build_demo(Path(tmp_path_factory.mktemp("demo")) / "demo.thematic")
    yield study
    study.close()


def test_demo_sanity(demo: thematic.Study) -> None:
    report = demo.saturation()
    assert report.order == "interview_date" and report.layer == "consensus"
    assert len(report.interviews) == 34  # Urdu originals count once, with their translations
    found = report.curve.new.nonzero()[0]
    assert found[-1] + 1 <= 26  # the demo's design: every code is met by interview 26
    assert report.reached and report.at is not None and report.at <= 26
    assert report.curve.total == report.curve.cumulative[25]
    assert report.over_orders.share_reached > 0.9
    assert "Following Guest, Namey and Chen (2020)" in report.statement()
