"""Thematic saturation, against sequences worked out by hand.

Sources of the rules:

* Guest, Namey and Chen (2020), PLoS One 15(5): e0232076: base, run, new-information
  threshold, reported as "X+Y".
* Francis et al. (2010), Psychology & Health 25(10): 1229-1245: initial analysis sample and
  stopping criterion.
* Chao (1987), Biometrics 43: 783-791, with the variance and interval of EstimateS and SpadeR:
  the incidence-based Chao2 estimator.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from thematic.core.saturation import (
    chao2,
    discovery_curve,
    estimate_undiscovered,
    francis_saturation,
    francis_saturation_over_orders,
    guest_saturation,
    guest_saturation_over_orders,
    random_order_curves,
    random_orders,
)
from thematic.errors import Invalid


def codes(prefix: str, first: int, last: int) -> set[str]:
    """{"c1", ..., "c8"} for codes("c", 1, 8)."""
    return {f"{prefix}{number}" for number in range(first, last + 1)}


# Ten interviews. The base (interviews 1-4) holds c1..c20: 20 unique codes.
#   1: c1..c8                 8 new                    cumulative  8
#   2: c1..c4, c9..c14        6 new (c9..c14)                     14
#   3: c2, c15..c18           4 new                               18
#   4: c1, c19, c20           2 new                               20  <- base unique = 20
#   5: c3, n1, n2             2 new (n1, n2)                      22
#   6: c5, n3                 1 new                               23
#   7: c9, n4                 1 new                               24
#   8: c1                     0                                   24
#   9: c2                     0                                   24
#  10: n5                     1 new                               25
# Runs of 2, sliding by one; ratio = new in run / 20:
#   5-6: 2 + 1 = 3 -> 15%      6-7: 1 + 1 = 2 -> 10%      7-8: 1 + 0 = 1 -> 5%  (first <= 5%)
#   8-9: 0 + 0 = 0 -> 0%       9-10: 0 + 1 = 1 -> 5%
# So saturation at interview 6 (the last before run 7-8), confirmed by 2: "6+2".
TEN = [
    codes("c", 1, 8),
    codes("c", 1, 4) | codes("c", 9, 14),
    {"c2"} | codes("c", 15, 18),
    {"c1", "c19", "c20"},
    {"c3", "n1", "n2"},
    {"c5", "n3"},
    {"c9", "n4"},
    {"c1"},
    {"c2"},
    {"n5"},
]


# -- discovery curve -----------------------------------------------------------------------------
def test_discovery_curve_of_the_ten_interviews() -> None:
    curve = discovery_curve(TEN)
    assert curve.new.tolist() == [8, 6, 4, 2, 2, 1, 1, 0, 0, 1]
    assert curve.cumulative.tolist() == [8, 14, 18, 20, 22, 23, 24, 24, 24, 25]
    assert (curve.interviews, curve.total) == (10, 25)


def test_discovery_curve_allows_empty_interviews_and_no_interviews() -> None:
    assert discovery_curve([set(), {"a"}, set(), {"a", "b"}]).new.tolist() == [0, 1, 0, 1]
    empty = discovery_curve([])
    assert (empty.interviews, empty.total, empty.cumulative.tolist()) == (0, 0, [])


def test_a_string_is_not_a_collection_of_codes() -> None:
    with pytest.raises(Invalid, match="interview 2"):
        discovery_curve([{"trust"}, "trust"])


# -- Guest, Namey and Chen (2020) ----------------------------------------------------------------
def test_guest_on_the_ten_interviews_reaches_saturation_at_6_plus_2() -> None:
    result = guest_saturation(TEN)
    assert result.base_unique == 20
    assert [(r.start, r.end, r.new) for r in result.runs] == [
        (5, 6, 3),
        (6, 7, 2),
        (7, 8, 1),
        (8, 9, 0),
        (9, 10, 1),
    ]
    assert [r.ratio for r in result.runs] == pytest.approx([0.15, 0.10, 0.05, 0.0, 0.05])
    assert (result.reached, result.at, result.label) == (True, 6, "6+2")
    assert (result.base, result.run, result.threshold, result.interviews) == (4, 2, 0.05, 10)
    statement = result.statement()
    assert "Guest, Namey and Chen (2020)" in statement
    assert "reached at 6+2" in statement
    assert "added 1 new code (5% of the base)" in statement


def test_a_ratio_exactly_at_the_threshold_counts_because_the_rule_is_at_most() -> None:
    # 1/20 is exactly 5%: "<=" takes run 7-8. Just below 5% (or at 0%) the first run that
    # qualifies is 8-9 with 0 new codes, so saturation moves to "7+2".
    assert guest_saturation(TEN, threshold=0.05).label == "6+2"
    assert guest_saturation(TEN, threshold=0.1 / 2).label == "6+2"  # computed, not typed
    assert guest_saturation(TEN, threshold=0.0499).label == "7+2"
    assert guest_saturation(TEN, threshold=0).label == "7+2"
    # 10%: run 6-7 (2/20) is the first at or under it, so "5+2".
    assert guest_saturation(TEN, threshold=0.10).label == "5+2"


def test_all_codes_in_the_first_interview_saturate_at_the_first_run() -> None:
    # Base unique 3; run 5-6 adds nothing: 0/3 = 0% -> saturation at interview 4, "4+2".
    interviews = [{"a", "b", "c"}, {"a"}, {"b"}, set(), {"c"}, {"a", "b"}]
    result = guest_saturation(interviews)
    assert (result.reached, result.at, result.label) == (True, 4, "4+2")
    assert [(r.start, r.end, r.new, r.ratio) for r in result.runs] == [(5, 6, 0, 0.0)]


def test_a_run_that_reaches_the_last_interview() -> None:
    # Base as in TEN (20 codes). Runs: 5-6: 2 + 1 = 3 (15%), 6-7: 1 + 1 = 2 (10%),
    # 7-8: 1 + 0 = 1 (5%). The qualifying run ends at interview 8, the last one: "6+2".
    result = guest_saturation([*TEN[:7], {"c1"}])
    assert result.label == "6+2"
    assert (result.runs[-1].start, result.runs[-1].end) == (7, 8)


def test_not_reached_says_which_runs_were_tried() -> None:
    # Every interview after the base adds 2 new codes: every run adds 4/20 = 20%.
    interviews = [*TEN[:4], *({f"x{k}", f"y{k}"} for k in range(4))]
    result = guest_saturation(interviews)
    assert (result.reached, result.at) == (False, None)
    assert [r.ratio for r in result.runs] == pytest.approx([0.2, 0.2, 0.2])
    assert result.label == (
        "not reached: no run of 2 interviews added 5% or less new codes after interview 4"
    )
    assert "not reached in 8 interviews: no run of 2" in result.statement()
    zero = guest_saturation(interviews, threshold=0)
    assert zero.label.endswith("added no new codes after interview 4")


def test_fewer_interviews_than_base_plus_run() -> None:
    result = guest_saturation(TEN[:5])
    assert (result.reached, result.at, result.runs) == (False, None, ())
    assert (
        result.label == "not reached: only 5 interviews, fewer than the base of 4 plus a run of 2"
    )
    assert "not reached in 5 interviews" in result.statement()
    assert guest_saturation([]).label.startswith("not reached: only 0 interviews")


def test_a_base_without_codes_makes_the_ratio_undefined() -> None:
    result = guest_saturation([set()] * 6)
    assert (result.reached, result.base_unique) == (False, 0)
    assert all(math.isnan(r.ratio) for r in result.runs)
    assert "the first 4 interviews hold no codes" in result.label
    assert "undefined" in result.label
    # Codes after an empty base do not rescue it: the denominator is still 0.
    later = guest_saturation([set(), set(), set(), set(), {"a"}, set(), set()])
    assert (later.reached, [r.new for r in later.runs]) == (False, [1, 0])


def test_other_base_and_run_lengths() -> None:
    # Base 6 (c1..c20 and n1..n3: 23 codes), runs of 3: 7-9 adds 1 (n4): 1/23 = 4.3% -> "6+3".
    result = guest_saturation(TEN, base=6, run=3)
    assert result.base_unique == 23
    assert [(r.start, r.end, r.new) for r in result.runs] == [(7, 9, 1), (8, 10, 1)]
    assert result.label == "6+3"


@pytest.mark.parametrize(
    ("base", "run", "threshold"), [(0, 2, 0.05), (4, 0, 0.05), (4, 2, -0.1), (4, 2, 1.5)]
)
def test_guest_rejects_impossible_parameters(base: int, run: int, threshold: float) -> None:
    with pytest.raises(Invalid):
        guest_saturation(TEN, base=base, run=run, threshold=threshold)


# -- Francis et al. (2010) -----------------------------------------------------------------------
# Sixteen interviews; "+" marks an interview with a new code.
#   1-9: each adds a new code (interviews 4, 6 add none)   10: nothing
#   11, 12, 13: nothing   14: a new code   15, 16: nothing
# Interviews 10-12 are three quiet interviews in a row, but 10 lies in the initial sample of
# 10 and does not count: the criterion (3 quiet interviews after interview 10) is met at 13.
# The last interview up to 13 that added a code is 9.
SIXTEEN = [
    {"a"},
    {"a", "b"},
    {"c"},
    {"a"},
    {"d"},
    {"b", "c"},
    {"e"},
    {"f"},
    {"g"},
    {"a"},
    {"b"},
    set(),
    {"c", "d"},
    {"h"},
    {"a"},
    {"b"},
]


def test_francis_stopping_criterion_met_at_interview_13() -> None:
    result = francis_saturation(SIXTEEN)
    assert result.new_per_interview == (1, 1, 1, 0, 1, 0, 1, 1, 1, 0, 0, 0, 0, 1, 0, 0)
    assert (result.reached, result.stopped_at, result.last_new) == (True, 13, 9)
    assert result.label == "stopping criterion met at interview 13"
    statement = result.statement()
    assert "Francis et al. (2010)" in statement
    assert "met at interview 13; the last new code came in interview 9." in statement


def test_francis_a_new_code_restarts_the_count() -> None:
    # A new code in interview 11: the 3 quiet interviews are then 12, 13, 14 -> met at 14.
    interviews = [*SIXTEEN[:10], {"new"}, *SIXTEEN[11:]]
    interviews[13] = {"a"}  # interview 14 quiet too
    result = francis_saturation(interviews)
    assert (result.stopped_at, result.last_new) == (14, 11)
    # With a stopping criterion of 1, the first quiet interview after 10 is enough.
    assert francis_saturation(SIXTEEN, stop=1).stopped_at == 11


def test_francis_not_reached_and_too_few() -> None:
    every_one_new = [{f"code {k}"} for k in range(14)]
    result = francis_saturation(every_one_new)
    assert (result.reached, result.stopped_at, result.last_new) == (False, None, None)
    assert result.label == (
        "not reached: no 3 consecutive interviews without new codes after interview 10"
    )
    short = francis_saturation(SIXTEEN[:12])
    assert short.label == (
        "not reached: only 12 interviews, fewer than the initial sample of 10 plus 3 for the "
        "stopping criterion"
    )
    assert "not reached in 12 interviews" in short.statement()
    assert francis_saturation([set()] * 13).label == "not reached: no interview holds any code"
    with pytest.raises(Invalid):
        francis_saturation(SIXTEEN, initial=0)
    with pytest.raises(Invalid):
        francis_saturation(SIXTEEN, stop=0)


# -- random orders -------------------------------------------------------------------------------
def test_random_orders_are_permutations_and_reproducible() -> None:
    orders = random_orders(10, orderings=50, seed=7)
    assert orders.shape == (50, 10)
    assert all(sorted(row) == list(range(10)) for row in orders.tolist())
    assert np.array_equal(orders, random_orders(10, orderings=50, seed=7))
    assert not np.array_equal(orders, random_orders(10, orderings=50, seed=8))
    with pytest.raises(Invalid):
        random_orders(10, orderings=0)


def test_random_order_band_is_reproducible_and_holds_the_observed_end() -> None:
    band = random_order_curves(TEN, orderings=50, seed=3)
    again = random_order_curves(TEN, orderings=50, seed=3)
    assert np.array_equal(band.median, again.median)
    assert np.array_equal(band.low, again.low)
    assert np.array_equal(band.high, again.high)
    assert (band.interviews, band.orderings, band.seed) == (10, 50, 3)
    assert np.all(band.low <= band.median) and np.all(band.median <= band.high)
    observed_end = discovery_curve(TEN).cumulative[-1]
    assert band.low[-1] <= observed_end <= band.high[-1]
    assert band.median[-1] == observed_end == 25  # every order ends with every code


def test_random_order_band_matches_the_curve_of_each_order() -> None:
    orders = random_orders(len(TEN), orderings=50, seed=0)
    curves = np.array(
        [discovery_curve([TEN[i] for i in order]).cumulative for order in orders.tolist()]
    )
    band = random_order_curves(TEN, orderings=50, seed=0)
    assert np.array_equal(band.median, np.median(curves, axis=0))
    assert np.array_equal(band.low, np.percentile(curves, 2.5, axis=0))


def test_guest_over_orders_agrees_with_guest_on_each_order() -> None:
    over = guest_saturation_over_orders(TEN, orderings=50, seed=0)
    orders = random_orders(len(TEN), orderings=50, seed=0)
    expected = [guest_saturation([TEN[i] for i in order]).at or 0 for order in orders.tolist()]
    assert over.at.tolist() == expected
    assert over.share_reached == pytest.approx(np.mean(np.array(expected) > 0))
    assert over.median_at == np.median([at for at in expected if at])
    low, high = over.range_at or (0, 0)
    assert 4 <= low <= high <= 8
    assert over.statement().startswith("In 50 random orders of the interviews, saturation")


def test_francis_over_orders_agrees_with_francis_on_each_order() -> None:
    over = francis_saturation_over_orders(SIXTEEN, orderings=50, seed=1)
    orders = random_orders(len(SIXTEEN), orderings=50, seed=1)
    expected = [
        francis_saturation([SIXTEEN[i] for i in order]).stopped_at or 0 for order in orders.tolist()
    ]
    assert over.at.tolist() == expected
    assert (over.orderings, over.seed, over.reason) == (50, 1, "")


def test_over_orders_with_too_few_interviews_or_no_codes() -> None:
    short = guest_saturation_over_orders(TEN[:5], orderings=50)
    assert (short.share_reached, short.median_at, short.range_at) == (0.0, None, None)
    assert "could not be reached: only 5 interviews" in short.statement()
    nothing = francis_saturation_over_orders([set()] * 13, orderings=50)
    assert nothing.reason == "no interview holds any code"
    assert guest_saturation_over_orders([set()] * 6, orderings=50).share_reached == 0.0
    band = random_order_curves([set()] * 3, orderings=50)
    assert band.median.tolist() == [0, 0, 0]


# -- Chao2 ---------------------------------------------------------------------------------------
# Five interviews; a in 5 interviews, b in 3, c and d in 2, e, f, g in 1.
#   m = 5, S_obs = 7, Q1 = 3 (e, f, g), Q2 = 2 (c, d), A = (m - 1)/m = 0.8
#   Chao2 = 7 + 0.8 * 3² / (2 * 2) = 7 + 1.8 = 8.8
#   var = Q2 [A/2 (Q1/Q2)² + A² (Q1/Q2)³ + A²/4 (Q1/Q2)⁴],  Q1/Q2 = 1.5
#       = 2 [0.4 * 2.25 + 0.64 * 3.375 + 0.16 * 5.0625] = 2 [0.9 + 2.16 + 0.81] = 7.74
#   T = 1.8; K = exp(1.96 sqrt(ln(1 + 7.74 / 3.24))) = exp(1.96 sqrt(1.22049)) = 8.7177
#   95% CI = [7 + 1.8 / 8.7177, 7 + 1.8 * 8.7177] = [7.2065, 22.691]
FIVE = [{"a", "b", "c", "e"}, {"a", "b", "d", "f"}, {"a", "b", "c"}, {"a", "d", "g"}, {"a"}]


def test_chao2_classic_worked_example() -> None:
    result = chao2(FIVE)
    counts = (result.interviews, result.observed, result.singletons, result.doubletons)
    assert counts == (5, 7, 3, 2)
    assert result.formula == "classic"
    assert result.estimate == pytest.approx(8.8)
    assert result.variance == pytest.approx(7.74)
    assert result.lower == pytest.approx(7.2065, abs=1e-4)
    assert result.upper == pytest.approx(22.691, abs=1e-3)
    assert "Chao2" in result.statement()


def test_chao2_bias_corrected_when_no_code_is_in_exactly_two_interviews() -> None:
    # m = 4; a in all 4; b, c, d in one each: S_obs = 4, Q1 = 3, Q2 = 0, A = 0.75.
    #   Chao2 = 4 + 0.75 * 3 * 2 / 2 = 6.25
    #   var = A Q1(Q1-1)/2 + A² Q1 (2Q1-1)²/4 - A² Q1⁴/(4 Chao2)
    #       = 2.25 + 0.5625 * 3 * 25 / 4 - 0.5625 * 81 / 25 = 2.25 + 10.546875 - 1.8225
    #       = 10.974375
    #   T = 2.25; K = exp(1.96 sqrt(ln(1 + 10.974375 / 5.0625))) = exp(1.96 * 1.07379) = 8.2036
    #   95% CI = [4 + 2.25 / 8.2036, 4 + 2.25 * 8.2036] = [4.2743, 22.458]
    result = chao2([{"a", "b"}, {"a", "c"}, {"a", "d"}, {"a"}])
    assert (result.formula, result.singletons, result.doubletons) == ("bias-corrected", 3, 0)
    assert result.estimate == pytest.approx(6.25)
    assert result.variance == pytest.approx(10.974375)
    assert result.lower == pytest.approx(4.2743, abs=1e-4)
    assert result.upper == pytest.approx(22.458, abs=1e-3)


def test_chao2_without_singletons_is_the_observed_count() -> None:
    # m = 3; a in 3 interviews, b in 2: S_obs = 2, Q1 = 0. Nothing to extrapolate.
    #   var = Σ (e^-f - e^-2f) - (Σ f e^-f)² / m over f = 3, 2
    #       = (0.049787 - 0.002479) + (0.135335 - 0.018316) - (0.149361 + 0.270671)² / 3
    #       = 0.164328 - 0.058809 = 0.105519
    #   P = (e^-3 + e^-2) / 2 = 0.092561; 1 - P = 0.907439
    #   upper = 2 / 0.907439 + 1.96 * sqrt(0.105519) / 0.907439 = 2.20401 + 0.70160 = 2.9056
    #   lower = S_obs = 2 (SpadeR's max(2, 2.20401 - 0.70160) is 2 here too)
    result = chao2([{"a", "b"}, {"a", "b"}, {"a"}])
    assert (result.formula, result.estimate) == ("observed", 2.0)
    assert result.variance == pytest.approx(0.105519, abs=1e-6)
    assert (result.lower, result.upper) == (2.0, pytest.approx(2.9056, abs=1e-4))


def test_chao2_too_few_interviews_and_no_codes() -> None:
    one = chao2([{"a", "b"}])
    assert (one.estimable, one.formula) == (False, "not estimable")
    assert math.isnan(one.estimate)
    assert one.reason == "Chao2 needs at least 2 interviews, and there is 1"
    assert "could not be estimated" in one.statement()
    assert chao2([]).reason.endswith("there are 0")
    none = chao2([set(), set()])
    assert (none.estimable, none.estimate, none.lower, none.upper) == (True, 0.0, 0.0, 0.0)
    with pytest.raises(Invalid):
        chao2(FIVE, confidence=1.0)


def test_estimate_undiscovered_is_chao2_minus_observed() -> None:
    # From the worked example: 8.8 - 7 = 1.8, interval [1.8 / K, 1.8 K] = [0.2065, 15.691].
    undiscovered = estimate_undiscovered(FIVE)
    assert undiscovered.estimate == pytest.approx(1.8)
    assert undiscovered.lower == pytest.approx(0.2065, abs=1e-4)
    assert undiscovered.upper == pytest.approx(15.691, abs=1e-3)
    assert undiscovered.richness.observed == 7
    assert "1.8 further codes" in undiscovered.statement()
    assert math.isnan(estimate_undiscovered([{"a"}]).estimate)


def test_a_wider_confidence_level_widens_the_interval() -> None:
    narrow, wide = chao2(FIVE, confidence=0.8), chao2(FIVE, confidence=0.99)
    assert wide.lower < narrow.lower < narrow.estimate < narrow.upper < wide.upper


# -- properties ----------------------------------------------------------------------------------
interview_lists = st.lists(st.frozensets(st.integers(0, 12), max_size=5), max_size=15)


@given(interview_lists)
def test_cumulative_curve_rises_to_the_number_of_distinct_codes(
    interviews: list[frozenset[int]],
) -> None:
    curve = discovery_curve(interviews)
    assert np.all(np.diff(curve.cumulative) >= 0)
    assert curve.total == len(set().union(*interviews))
    assert int(curve.new.sum()) == curve.total


@given(st.data())
def test_permuting_interviews_does_not_change_chao2(data: st.DataObject) -> None:
    interviews = data.draw(interview_lists)
    shuffled = data.draw(st.permutations(interviews))
    before, after = chao2(interviews), chao2(shuffled)
    assert before.formula == after.formula
    for field in ("estimate", "variance", "lower", "upper"):
        assert getattr(before, field) == pytest.approx(getattr(after, field), nan_ok=True)
    if before.estimable:
        assert before.lower <= before.estimate <= before.upper
        assert before.estimate >= before.observed
