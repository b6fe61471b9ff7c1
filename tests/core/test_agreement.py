"""Agreement on coded units and coded characters, against published worked examples.

Sources of the figures reproduced here:

* Cohen, J. 1960. "A coefficient of agreement for nominal scales." Educational and
  Psychological Measurement 20(1): 37-46, the 200-unit, three-category table on p. 45
  (p_o = 0.70, p_e = 0.41, kappa = 0.492), as also used by DKPro Statistics' Cohen1960Test.
* Fleiss, J. L. 1971. "Measuring nominal scale agreement among many raters." Psychological
  Bulletin 76(5): 378-382, the 30 patients x 6 psychiatrists example on p. 379
  (kappa = 0.430), as in DKPro Statistics' Fleiss1971Test.
* Wikipedia, "Fleiss' kappa", worked example: 10 subjects x 5 categories, 14 raters
  (P-bar = 0.378, P-bar_e = 0.213, kappa = 0.210). It is Wikipedia's, not Fleiss's.
* Krippendorff, K. 2011. "Computing Krippendorff's Alpha-Reliability", the 4 coders x 12
  units example with missing values (nominal 0.743, ordinal 0.815, interval 0.849,
  ratio 0.797).
* Krippendorff, K. 1995. "On the reliability of unitizing continuous data." Sociological
  Methodology 25: 47-76, p. 57: the 24-character examples A and C read character by
  character give Cohen's kappa 0.385 and 0.314 (DKPro's Krippendorff1995Test).
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given
from hypothesis import strategies as st

from thematic.core.agreement import (
    alpha_from_counts,
    bootstrap_alpha,
    character_agreement_table,
    character_units,
    cohen_kappa,
    compare_coders,
    comparison_from_counts,
    fleiss_kappa,
    krippendorff_alpha,
    nvivo_comparison,
    percent_agreement,
    span_array,
)

# ---------------------------------------------------------------------------------------
# Percent agreement and Cohen's kappa
# ---------------------------------------------------------------------------------------


def cohen_1960_table() -> tuple[list[int], list[int]]:
    """Cohen (1960, p. 45): rows judge A, columns judge B, 200 units in three categories."""
    cells = {
        (1, 1): 88, (1, 2): 14, (1, 3): 18,
        (2, 1): 10, (2, 2): 40, (2, 3): 10,
        (3, 1): 2, (3, 2): 6, (3, 3): 12,
    }  # fmt: skip
    a: list[int] = []
    b: list[int] = []
    for (row, column), count in cells.items():
        a += [row] * count
        b += [column] * count
    return a, b


def test_cohen_1960_worked_example() -> None:
    a, b = cohen_1960_table()
    assert percent_agreement(a, b) == pytest.approx(0.70)
    assert cohen_kappa(a, b) == pytest.approx(0.492, abs=5e-4)
    # The same from numpy arrays (the fast path) and from string labels.
    assert cohen_kappa(np.array(a), np.array(b)) == pytest.approx(cohen_kappa(a, b))
    assert cohen_kappa([str(x) for x in a], [str(x) for x in b]) == pytest.approx(0.4915, 1e-4)


def test_kappa_by_hand_for_booleans() -> None:
    # 10 units: both coded 2, A only 1, B only 2, neither 5.
    a = [True, True, True, False, False, False, False, False, False, False]
    b = [True, True, False, True, True, False, False, False, False, False]
    # p_o = 7/10; p_e = 0.3 * 0.4 + 0.7 * 0.6 = 0.54; kappa = 0.16 / 0.46
    assert percent_agreement(a, b) == pytest.approx(0.7)
    assert cohen_kappa(a, b) == pytest.approx(0.16 / 0.46)


def test_labels_may_be_any_hashable() -> None:
    a = [("theme", 1), None, "x", ("theme", 1)]
    b = [("theme", 1), None, "y", ("theme", 1)]
    assert percent_agreement(a, b) == 0.75
    assert cohen_kappa(a, b) == pytest.approx(cohen_kappa([0, 1, 2, 0], [0, 1, 3, 0]))


def test_kappa_when_both_coders_are_constant_and_identical_is_one() -> None:
    # Expected agreement is 1: kappa is 0/0, and we return 1.0 as NVivo does.
    assert cohen_kappa([False] * 5, [False] * 5) == 1.0
    assert cohen_kappa(np.zeros(5, dtype=bool), np.zeros(5, dtype=bool)) == 1.0
    assert percent_agreement(["a"] * 3, ["a"] * 3) == 1.0


def test_kappa_when_coders_are_constant_but_differ_is_zero() -> None:
    assert cohen_kappa([True] * 4, [False] * 4) == 0.0


@pytest.mark.parametrize("function", [percent_agreement, cohen_kappa])
def test_unequal_lengths_are_refused_with_a_clear_message(function) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match=r"different numbers of units \(3 and 2\)"):
        function([1, 2, 3], [1, 2])
    with pytest.raises(ValueError, match="no units"):
        function([], [])


labels = st.lists(st.tuples(st.sampled_from("abc"), st.sampled_from("abc")), min_size=1)


@given(labels)
def test_kappa_is_at_most_one_and_symmetric(pairs: list[tuple[str, str]]) -> None:
    a = [x for x, _ in pairs]
    b = [y for _, y in pairs]
    kappa = cohen_kappa(a, b)
    assert kappa <= 1.0 + 1e-12
    assert kappa == pytest.approx(cohen_kappa(b, a))
    assert percent_agreement(a, b) == percent_agreement(b, a)
    assert cohen_kappa(a, a) == 1.0


# ---------------------------------------------------------------------------------------
# Fleiss' kappa
# ---------------------------------------------------------------------------------------

FLEISS_1971_RATINGS = [
    (4, 4, 4, 4, 4, 4), (2, 2, 2, 5, 5, 5), (2, 3, 3, 3, 3, 5), (5, 5, 5, 5, 5, 5),
    (2, 2, 2, 4, 4, 4), (1, 1, 3, 3, 3, 3), (3, 3, 3, 3, 5, 5), (1, 1, 3, 3, 3, 4),
    (1, 1, 4, 4, 4, 4), (5, 5, 5, 5, 5, 5), (1, 4, 4, 4, 4, 4), (1, 2, 4, 4, 4, 4),
    (2, 2, 2, 3, 3, 3), (1, 4, 4, 4, 4, 4), (2, 2, 4, 4, 4, 5), (3, 3, 3, 3, 3, 5),
    (1, 1, 1, 4, 5, 5), (1, 1, 1, 1, 1, 2), (2, 2, 4, 4, 4, 4), (1, 3, 3, 5, 5, 5),
    (5, 5, 5, 5, 5, 5), (2, 4, 4, 4, 4, 4), (2, 2, 4, 5, 5, 5), (1, 1, 4, 4, 4, 4),
    (1, 4, 4, 4, 4, 5), (2, 2, 2, 2, 2, 4), (1, 1, 1, 1, 5, 5), (2, 2, 4, 4, 4, 4),
    (1, 3, 3, 3, 3, 3), (5, 5, 5, 5, 5, 5),
]  # fmt: skip

WIKIPEDIA_FLEISS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]  # fmt: skip


def test_fleiss_1971_worked_example() -> None:
    table = np.zeros((30, 5), dtype=int)
    for subject, ratings in enumerate(FLEISS_1971_RATINGS):
        for category in ratings:
            table[subject, category - 1] += 1
    assert fleiss_kappa(table) == pytest.approx(0.430, abs=5e-4)


def test_fleiss_wikipedia_worked_example() -> None:
    assert fleiss_kappa(WIKIPEDIA_FLEISS) == pytest.approx(0.210, abs=5e-4)


def test_fleiss_with_two_raters_equals_scotts_pi_by_hand() -> None:
    # 4 subjects, 2 raters: agree on 3 (two "yes", one "no"), split on 1.
    # P-bar = 3/4; p_yes = 5/8, p_no = 3/8; P_e = 34/64; kappa = (3/4 - 34/64) / (30/64)
    assert fleiss_kappa([[2, 0], [2, 0], [0, 2], [1, 1]]) == pytest.approx((48 - 34) / 30)


def test_fleiss_total_agreement_in_one_category_is_one() -> None:
    assert fleiss_kappa([[3, 0], [3, 0]]) == 1.0
    assert fleiss_kappa([[3, 0], [0, 3]]) == 1.0


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ([[2, 1], [1, 1]], "same number of raters"),
        ([[1, 0], [0, 1]], "at least two raters"),
        ([[3, -1], [1, 1]], "negative"),
        ([1, 2, 3], "subjects x categories"),
        ([[1.5, 0.5], [1, 1]], "whole-number"),
    ],
)
def test_fleiss_refuses_malformed_tables(table: object, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        fleiss_kappa(table)  # type: ignore[arg-type]


@given(
    st.integers(2, 6).flatmap(
        lambda raters: st.lists(
            st.lists(st.integers(0, 2), min_size=raters, max_size=raters), min_size=1
        )
    )
)
def test_fleiss_kappa_is_at_most_one(ratings: list[list[int]]) -> None:
    table = np.array([[row.count(c) for c in range(3)] for row in ratings])
    assert fleiss_kappa(table) <= 1.0 + 1e-12


# ---------------------------------------------------------------------------------------
# Krippendorff's alpha
# ---------------------------------------------------------------------------------------

NAN = float("nan")
KRIPPENDORFF_2011 = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, None, None, None],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, None, 3],
    [None, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, None],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, NAN],
]


@pytest.mark.parametrize(
    ("level", "published"),
    [("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)],
)
def test_krippendorff_2011_worked_example(level, published) -> None:  # type: ignore[no-untyped-def]
    assert krippendorff_alpha(KRIPPENDORFF_2011, level) == pytest.approx(published, abs=5e-4)


def test_nominal_alpha_takes_labels_that_are_not_numbers() -> None:
    names = {1: "very low", 2: "low", 3: "mid", 4: "high", 5: "very high"}
    words = [[None if _missing(v) else names[v] for v in row] for row in KRIPPENDORFF_2011]
    assert krippendorff_alpha(words) == pytest.approx(0.743, abs=5e-4)
    booleans = [[True, False, True, None], [True, False, False, True]]
    assert krippendorff_alpha(booleans) == pytest.approx(
        krippendorff_alpha([[1, 0, 1, None], [1, 0, 0, 1]])
    )


def _missing(value: object) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value))


def test_alpha_with_numpy_input_and_nan() -> None:
    data = np.array([[1.0, 2.0, np.nan], [1.0, 2.0, 2.0]])
    assert krippendorff_alpha(data, "interval") == 1.0  # both pairable units agree


def test_alpha_edge_cases() -> None:
    # Nobody used the code: every value "not coded", no variation -> 1.0.
    assert krippendorff_alpha([[0, 0, 0], [0, 0, 0]]) == 1.0
    # No unit was coded by two coders: nothing is pairable -> NaN.
    assert math.isnan(krippendorff_alpha([[1, None], [None, 2]]))
    # Three coders, perfect agreement with missing values.
    assert krippendorff_alpha([[1, 2, None], [1, 2, 3], [None, 2, 3]]) == 1.0


def test_alpha_refuses_bad_input() -> None:
    with pytest.raises(ValueError, match="unknown level"):
        krippendorff_alpha([[1], [1]], "circular")  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="needs numbers"):
        krippendorff_alpha([["a", "b"], ["a", "b"]], "interval")
    with pytest.raises(ValueError, match="at least two coders"):
        krippendorff_alpha([[1, 2]])
    with pytest.raises(ValueError, match="same number of units"):
        krippendorff_alpha([[1, 2], [1]])


@given(st.lists(st.lists(st.sampled_from([0, 1, 2, None]), min_size=2, max_size=2), min_size=1))
def test_alpha_is_at_most_one_and_symmetric_in_coders(units: list[list[int | None]]) -> None:
    data = [[unit[0] for unit in units], [unit[1] for unit in units]]
    for level in ("nominal", "interval"):
        alpha = krippendorff_alpha(data, level)  # type: ignore[arg-type]
        swapped = krippendorff_alpha(data[::-1], level)  # type: ignore[arg-type]
        assert math.isnan(alpha) == math.isnan(swapped)
        if not math.isnan(alpha):
            assert alpha <= 1.0 + 1e-9
            assert alpha == pytest.approx(swapped)


# ---------------------------------------------------------------------------------------
# Coded characters
# ---------------------------------------------------------------------------------------


def test_character_units() -> None:
    units = character_units([(1, 3), (5, 6)], 8)
    assert units.tolist() == [False, True, True, False, False, True, False, False]
    assert character_units([], 3).tolist() == [False, False, False]
    assert character_units(np.array([[0, 3]]), 3).all()


def test_overlapping_spans_of_one_coder_count_each_character_once() -> None:
    units = character_units([(0, 4), (2, 6), (3, 5), (2, 6)], 8)
    assert int(units.sum()) == 6
    result = nvivo_comparison([(0, 4), (2, 6)], [(0, 6)], 8)
    assert (result["both"], result["a_only"], result["b_only"]) == (6, 0, 0)


@pytest.mark.parametrize("span", [(-1, 2), (2, 9), (3, 3), (4, 2)])
def test_bad_spans_are_refused(span: tuple[int, int]) -> None:
    with pytest.raises(ValueError, match="does not fit a text of 8"):
        character_units([span], 8)


def test_span_array_refuses_non_integers() -> None:
    with pytest.raises(ValueError, match="whole numbers"):
        span_array([(0.5, 2.0)], 8)  # type: ignore[list-item]
    with pytest.raises(ValueError, match="length"):
        span_array([], -1)


def test_krippendorff_1995_examples_read_character_by_character() -> None:
    # Example A: Bertha 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
    #            Bill   0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
    a = nvivo_comparison([(2, 10), (14, 20)], [(4, 8), (15, 17)], 24)
    assert (a["both"], a["a_only"], a["b_only"], a["neither"]) == (6, 8, 0, 10)
    assert a["kappa"] == pytest.approx(0.385, abs=5e-4)
    # Example C: Gerret 0 0|1 1 1 1 1 1|0 0|1 1|0 0|1 1 1 1|0 0|1 1|0 0
    #            Gill   1 1|0 0|1 1 1 1|0 0|1 1 1 1|0 0|1 1|0 0|1 1|0 0
    c = nvivo_comparison(
        [(2, 8), (10, 12), (14, 18), (20, 22)], [(0, 2), (4, 8), (10, 14), (16, 18), (20, 22)], 24
    )
    assert c["kappa"] == pytest.approx(0.314, abs=5e-4)
    assert c["agreement"] == pytest.approx(100 * 16 / 24)


def test_nvivo_comparison_edge_cases() -> None:
    nobody = nvivo_comparison([], [], 50)
    assert (nobody["neither"], nobody["agreement"], nobody["kappa"]) == (50, 100.0, 1.0)
    nobody_coded_only = nvivo_comparison([], [], 50, coded_only=True)
    assert (nobody_coded_only["units"], nobody_coded_only["kappa"]) == (0, 1.0)
    same = nvivo_comparison([(3, 9)], [(3, 9)], 20)
    assert (same["agreement"], same["kappa"]) == (100.0, 1.0)
    # A coder who coded nothing: 4 of 20 characters disagree, and kappa is 0.
    silent = nvivo_comparison([(0, 4)], [], 20)
    assert (silent["a_only"], silent["agreement"], silent["kappa"]) == (4, 80.0, 0.0)
    # One-character spans.
    one = nvivo_comparison([(5, 6)], [(5, 6), (7, 8)], 10)
    assert (one["both"], one["b_only"], one["neither"]) == (1, 1, 8)
    assert nvivo_comparison([], [], 0)["kappa"] == 1.0


def test_coded_only_drops_the_characters_nobody_coded() -> None:
    # Coded by both 6, by A only 8, by B only 0; 10 characters nobody coded are left out.
    result = nvivo_comparison([(2, 10), (14, 20)], [(4, 8), (15, 17)], 24, coded_only=True)
    assert (result["units"], result["neither"]) == (14, 0)
    assert result["agreement"] == pytest.approx(100 * 6 / 14)
    # With no "neither" kappa is 0 here: p_o = 6/14 = p_e (B coded only inside A).
    assert result["kappa"] == pytest.approx(0.0, abs=1e-12)


def test_urdu_and_emoji_offsets_are_python_string_indices() -> None:
    text = "ڈاکٹر نے کہا 😀 کہ ویڈیو کال 👩🏽‍⚕️ اچھی تھی"
    word = "ویڈیو کال"
    start = text.index(word)
    span = (start, start + len(word))
    units = character_units([span], len(text))
    assert "".join(np.array(list(text))[units]) == word
    emoji = text.index("👩🏽‍⚕️")
    result = nvivo_comparison([span, (emoji, emoji + 1)], [span], len(text))
    assert (result["both"], result["a_only"]) == (len(word), 1)  # one code point, not two


spans = st.lists(st.tuples(st.integers(0, 39), st.integers(1, 12)), max_size=6).map(
    lambda pairs: [(s, min(40, s + w)) for s, w in pairs]
)


@given(spans, spans, st.booleans())
def test_nvivo_comparison_counts_what_character_units_show(a, b, coded_only) -> None:  # type: ignore[no-untyped-def]
    result = nvivo_comparison(a, b, 40, coded_only=coded_only)
    in_a, in_b = character_units(a, 40), character_units(b, 40)
    assert result["both"] == np.sum(in_a & in_b)
    assert result["a_only"] == np.sum(in_a & ~in_b)
    assert result["b_only"] == np.sum(~in_a & in_b)
    if not coded_only:
        assert result["neither"] == np.sum(~in_a & ~in_b)
        assert result["kappa"] == pytest.approx(cohen_kappa(in_a, in_b))
    swapped = nvivo_comparison(b, a, 40, coded_only=coded_only)
    assert result["kappa"] <= 1.0 + 1e-12
    assert swapped["kappa"] == pytest.approx(result["kappa"])
    assert swapped["agreement"] == pytest.approx(result["agreement"])


def test_character_agreement_table_equals_per_text_comparisons() -> None:
    rng = np.random.default_rng(7)
    lengths = np.array([30, 0, 1, 200, 45])
    rows_a, rows_b = [], []
    for text, length in enumerate(lengths):
        for rows in (rows_a, rows_b):
            for _ in range(rng.integers(0, 4) if length else 0):
                start = int(rng.integers(0, length))
                rows.append((text, start, int(rng.integers(start + 1, length + 1))))
    for coded_only in (False, True):
        table = character_agreement_table(
            np.array(rows_a), np.array(rows_b), lengths, coded_only=coded_only
        )
        for text, length in enumerate(lengths):
            one = nvivo_comparison(
                [(s, e) for t, s, e in rows_a if t == text],
                [(s, e) for t, s, e in rows_b if t == text],
                int(length),
                coded_only=coded_only,
            )
            for key, value in one.items():
                assert table[key][text] == pytest.approx(value), (key, text)  # type: ignore[literal-required]


def test_character_agreement_table_refuses_bad_rows() -> None:
    with pytest.raises(ValueError, match="outside"):
        character_agreement_table(np.array([[3, 0, 1]]), np.zeros((0, 3), int), [5, 5])
    with pytest.raises(ValueError, match="does not fit text 1"):
        character_agreement_table(np.array([[1, 0, 6]]), np.zeros((0, 3), int), [5, 5])
    with pytest.raises(ValueError, match="text index, start, end"):
        character_agreement_table(np.array([[0, 1]]), np.zeros((0, 3), int), [5])


def test_alpha_from_counts_matches_the_krippendorff_package():
    """The 2x2 shortcut equals Krippendorff's alpha on the full reliability matrix."""
    rng = np.random.default_rng(4)
    for _ in range(20):
        a = rng.random(500) < 0.3
        b = np.where(rng.random(500) < 0.8, a, ~a)
        both = int(np.sum(a & b))
        a_only = int(np.sum(a & ~b))
        b_only = int(np.sum(~a & b))
        neither = int(np.sum(~a & ~b))
        expected = krippendorff_alpha(np.vstack([a, b]).astype(int))
        assert alpha_from_counts(both, a_only, b_only, neither) == pytest.approx(expected)


def test_comparison_from_counts_equals_the_per_text_comparison():
    direct = nvivo_comparison([(0, 10), (20, 30)], [(5, 25)], 100)
    pooled = comparison_from_counts(
        direct["both"], direct["a_only"], direct["b_only"], direct["neither"]
    )
    assert pooled == direct
    assert alpha_from_counts(0, 0, 0, 50) == 1.0


def test_compare_coders_two_coder_shortcuts_match_the_full_matrices():
    spans = {"a": [(0, 30), (50, 60)], "b": [(10, 40), (55, 70)]}
    figures = compare_coders(spans, 100)
    a = character_units(spans["a"], 100)
    b = character_units(spans["b"], 100)
    yes = a.astype(int) + b.astype(int)
    assert figures["fleiss"] == pytest.approx(fleiss_kappa(np.column_stack([2 - yes, yes])))
    assert figures["alpha"] == pytest.approx(krippendorff_alpha(np.vstack([a, b]).astype(int)))
    assert figures["kappa"] == pytest.approx(cohen_kappa(a, b))
    assert figures["units"] == 100


def test_compare_coders_three_coders_and_nothing_coded():
    spans = {"a": [(0, 10)], "b": [(0, 10)], "c": [(0, 8)]}
    figures = compare_coders(spans, 20)
    assert math.isnan(figures["kappa"]) and 0 < figures["fleiss"] < 1
    empty = compare_coders({"a": [], "b": []}, 20, coded_only=True)
    assert empty["units"] == 0 and math.isnan(empty["alpha"])
    with pytest.raises(ValueError, match="at least two"):
        compare_coders({"a": []}, 20)


def test_bootstrap_alpha_brackets_the_estimate_and_is_reproducible():
    rng = np.random.default_rng(9)
    rows = []
    for _ in range(30):
        a = rng.random(400) < 0.25
        b = np.where(rng.random(400) < 0.85, a, ~a)
        rows.append([np.sum(a & b), np.sum(a & ~b), np.sum(~a & b), np.sum(~a & ~b)])
    counts = np.array(rows)
    estimate = alpha_from_counts(*counts.sum(axis=0).tolist())
    low, high = bootstrap_alpha(counts, seed=1)
    assert low < estimate < high and high - low < 0.3
    assert bootstrap_alpha(counts, seed=1) == (low, high)
    wide = bootstrap_alpha(counts[:3], seed=1)
    assert wide[1] - wide[0] > high - low  # fewer texts, less certainty
    assert all(math.isnan(v) for v in bootstrap_alpha(counts[:1]))
    with pytest.raises(ValueError, match="one row of"):
        bootstrap_alpha([[1, 2, 3]])
