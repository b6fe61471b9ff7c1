"""Study-level agreement, checked on a study small enough to count by hand (both backends)."""

from __future__ import annotations

import math

import pytest

import thematic


@pytest.fixture
def pair(new_study: thematic.Study) -> thematic.Study:
    new_study.add_attribute("site", "category", ["Lahore", "Karachi"])
    new_study.add_participant("P01", site="Lahore")
    new_study.add_participant("P02", site="Karachi")
    for name in ("bilal", "sana"):
        new_study.add_coder(name)
    new_study.add_code("Personal/Trust")
    new_study.add_code("Technological/Glitches")
    first = new_study.add_document("one", "abcdefghij", participant="P01")  # 10 characters
    second = new_study.add_document("two", "0123456789", participant="P02")
    new_study.code_many(
        [
            (first.id, 0, 6, "Personal/Trust", "bilal"),
            (first.id, 2, 8, "Personal/Trust", "sana"),
            (second.id, 0, 5, "Technological/Glitches", "bilal"),
            (second.id, 0, 5, "Technological/Glitches", "sana"),
        ]
    )
    return new_study


def test_counts_worked_by_hand(pair: thematic.Study) -> None:
    report = pair.agreement(["bilal", "sana"])
    rows = {r.code: r for r in report.rows}
    trust = rows["Personal/Trust"]
    # 20 characters in the two documents. Trust: both coded 2-6 (4), bilal only 0-2 (2),
    # sana only 6-8 (2), neither 12. p_o = 16/20; p_e = .3 x .3 + .7 x .7 = .58.
    assert trust.units == 20 and trust.coded == {"bilal": 6, "sana": 6}
    assert trust.agreement == pytest.approx(80.0)
    assert trust.kappa == pytest.approx((0.8 - 0.58) / (1 - 0.58))
    # alpha: n = 40, n_coded = 2x4 + 4 = 12, n_uncoded = 2x12 + 4 = 28.
    assert trust.alpha == pytest.approx(1 - 39 * 4 / (12 * 28))
    assert rows["Technological/Glitches"].kappa == pytest.approx(1.0)
    # A bootstrap interval over the two documents brackets alpha.
    assert trust.alpha_low <= trust.alpha <= trust.alpha_high
    # A theme counts its subtree: Personal is Trust here.
    assert rows["Personal"].kappa == pytest.approx(trust.kappa)
    overall = report.rows[-1]
    assert overall.code == "(all codes)"
    assert overall.kappa == pytest.approx((trust.kappa + 1.0) / 2)


def test_coded_only_and_filters(pair: thematic.Study) -> None:
    report = pair.agreement(["bilal", "sana"], coded_only=True, code="Personal")
    trust = next(r for r in report.rows if r.code == "Personal/Trust")
    assert trust.units == 8 and trust.agreement == pytest.approx(50.0)
    lahore = pair.agreement(["bilal", "sana"], where={"site": "Lahore"})
    assert lahore.documents == (pair.document("one").id,)
    unused = next(r for r in lahore.rows if r.code == "Technological/Glitches")
    assert unused.agreement == 100.0 and unused.kappa == 1.0  # nobody used it there
    empty = pair.agreement(["bilal", "sana"], where={"site": "Lahore"}, coded_only=True)
    assert math.isnan(next(r for r in empty.rows if r.code == "Technological/Glitches").kappa)


def test_dataframe_and_errors(pair: thematic.Study) -> None:
    frame = pair.agreement(["bilal", "sana"]).to_dataframe()
    assert {"kappa", "alpha", "alpha_u", "u_alpha", "coded_bilal", "coded_sana"} <= set(frame)
    assert frame.loc["Personal/Trust", "coded_sana"] == 6
    pair.add_coder("omar")
    with pytest.raises(thematic.Invalid, match="no document in common"):
        pair.agreement(["bilal", "omar"])


def test_cu_alpha_needs_codes_that_do_not_overlap(pair: thematic.Study) -> None:
    report = pair.agreement(["bilal", "sana"])
    assert [d.domain for d in report.domains] == ["Personal", "Technological"]
    document = pair.document("one")
    pair.add_code("Personal/Fear")
    pair.code(document.id, 1, 4, "Personal/Fear", "bilal")  # overlaps bilal's Trust
    personal = pair.agreement(["bilal", "sana"]).domains[0]
    assert math.isnan(personal.cu_alpha) and "mutually exclusive" in personal.note
