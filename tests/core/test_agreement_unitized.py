"""Unitized agreement: alpha-U (1995/2004) and the |uα, cuα, (k)uα, Cuα family (2016).

Published figures reproduced for alpha-U (the values are those DKPro Statistics' unit tests
assert for its KrippendorffAlphaUnitizingAgreement, which cite the same examples):

* Krippendorff, K. 2004. Content Analysis, 2nd ed., Sage, p. 254: two observers on a
  continuum from 150 to 450; category c: D_o = 0.0144, D_e = 0.0532, alpha = 0.7286;
  category k: D_o = 0, alpha = 1 (DKPro Krippendorff2004Test).
* Krippendorff, K. 1995. "On the reliability of unitizing continuous data." Sociological
  Methodology 25: 47-76, p. 57: examples A-D on 24 units; D_o = 0.03125, 2.26736, 0.02777,
  0.38715; alpha for the continuous case (stretched 50 times) 0.553, -0.926, 0.679, 0.066
  within 0.02, as DKPro's Krippendorff1995Test allows (it notes a small error in the paper's
  D_e); and at half scale D_e(C) = 0.05494, alpha(C) = 0.494.
* DKPro Statistics' UnitizingAgreementTest: D_o = 0.9100, D_e = 0.5351, alpha = -0.7003 for
  a 10-unit example, and 0.0 for one 1-unit span among three coders.

No worked figure of Krippendorff, Mathet, Bouvry and Widlöcher (2016) could be found through
our reference search, so the 2016 family is checked on small examples worked by hand below
and on its properties.
"""

from __future__ import annotations

import math
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from thematic.core.agreement_unitized import (
    Cu_alpha,
    cu_alpha,
    cu_alpha_by_category,
    u_alpha_binary,
    unitized_alpha,
    unitized_disagreement,
)

# ---------------------------------------------------------------------------------------
# alpha-U against the published examples
# ---------------------------------------------------------------------------------------


def shifted(spans: list[tuple[int, int]], by: int = 150) -> list[tuple[int, int]]:
    """Krippendorff (2004) puts the continuum at 150-450; ours starts at 0."""
    return [(start - by, end - by) for start, end in spans]


def test_krippendorff_2004_example() -> None:
    # Observer i coded c at 225-295 and 370-400; observer j at 220-300, 355-375, 400-420.
    c = {"i": shifted([(225, 295), (370, 400)]), "j": shifted([(220, 300), (355, 375), (400, 420)])}
    observed, expected = unitized_disagreement(c, 300)
    assert observed == pytest.approx(0.0144, abs=1e-4)
    assert expected == pytest.approx(0.0532, abs=1e-4)
    assert unitized_alpha(c, 300) == pytest.approx(0.7286, abs=1e-4)
    # Both coded k at 180-240 and 300-350: no observed disagreement.
    k = {"i": shifted([(180, 240), (300, 350)]), "j": shifted([(180, 240), (300, 350)])}
    assert unitized_disagreement(k, 300) == (0.0, pytest.approx(0.0490, abs=1e-4))
    assert unitized_alpha(k, 300) == 1.0


def krippendorff_1995(example: str, stretch: float) -> tuple[dict[str, list[tuple[int, int]]], int]:
    """Krippendorff (1995, p. 57) examples as (offset, length) units, stretched like DKPro."""
    units = {
        # A Bertha: 0 0|1 1 1 1 1 1 1 1|0 0 0 0|1 1 1 1 1 1|0 0 0 0
        #   Bill:   0 0 0 0|1 1 1 1|0 0 0 0 0 0 0|1 1|0 0 0 0 0 0 0
        "A": ([(2, 8), (14, 6)], [(4, 4), (15, 2)]),
        # B John:   1 x 18 | 0 x 6;  Jill: 1 1|1|1|1|1|1 1 1|1| 0 x 14 (adjacent units)
        "B": ([(0, 18)], [(0, 2), (2, 1), (3, 1), (4, 1), (5, 1), (6, 3), (9, 1)]),
        # C Gerret: 0 0|1 1 1 1 1 1|0 0|1 1|0 0|1 1 1 1|0 0|1 1|0 0
        #   Gill:   1 1|0 0|1 1 1 1|0 0|1 1 1 1|0 0|1 1|0 0|1 1|0 0
        "C": ([(2, 6), (10, 2), (14, 4), (20, 2)], [(0, 2), (4, 4), (10, 4), (16, 2), (20, 2)]),
        # D Heather and Hill cut the whole continuum into different units.
        "D": (
            [(0, 2), (2, 8), (10, 4), (14, 6), (20, 4)],
            [(0, 4), (4, 4), (8, 7), (15, 2), (17, 7)],
        ),
    }[example]

    def spans(pairs: list[tuple[int, int]]) -> list[tuple[int, int]]:
        return [(int(o * stretch), int(o * stretch) + int(n * stretch)) for o, n in pairs]

    return {"first": spans(units[0]), "second": spans(units[1])}, int(24 * stretch)


@pytest.mark.parametrize(
    ("example", "observed", "alpha"),
    [("A", 0.03125, 0.553), ("B", 2.26736, -0.926), ("C", 0.02777, 0.679), ("D", 0.38715, 0.066)],
)
def test_krippendorff_1995_examples(example: str, observed: float, alpha: float) -> None:
    data, length = krippendorff_1995(example, 1)
    assert unitized_disagreement(data, length)[0] == pytest.approx(observed, abs=1e-5)
    data, length = krippendorff_1995(example, 50)
    assert unitized_alpha(data, length) == pytest.approx(alpha, abs=0.02)


def test_krippendorff_1995_example_c_at_half_scale() -> None:
    data, length = krippendorff_1995("C", 0.5)
    observed, expected = unitized_disagreement(data, length)
    assert (observed, expected) == (
        pytest.approx(0.02777, abs=1e-5),
        pytest.approx(0.05494, abs=1e-5),
    )
    assert unitized_alpha(data, length) == pytest.approx(0.494, abs=0.001)


def test_dkpro_unitizing_examples() -> None:
    # r0: -11111111-   r1: --1-1-1---
    data = {"r0": [(1, 9)], "r1": [(2, 3), (4, 5), (6, 7)]}
    observed, expected = unitized_disagreement(data, 10)
    assert (observed, expected) == (
        pytest.approx(0.9100, abs=1e-4),
        pytest.approx(0.5351, abs=1e-4),
    )
    assert unitized_alpha(data, 10) == pytest.approx(-0.7003, abs=1e-4)
    # One coder of three marks one character: D_o = D_e = 1/600, alpha 0.
    assert unitized_alpha({"a": [(0, 1)], "b": [], "c": []}, 20) == pytest.approx(0.0, abs=1e-12)


# ---------------------------------------------------------------------------------------
# alpha-U edge cases and properties
# ---------------------------------------------------------------------------------------


def test_alpha_u_edge_cases() -> None:
    assert unitized_alpha({"a": [], "b": []}, 30) == 1.0  # a code nobody used
    assert unitized_alpha({"a": [(3, 9), (12, 20)], "b": [(3, 9), (12, 20)]}, 30) == 1.0
    assert unitized_alpha({"a": [(3, 9)], "b": []}, 30) < 0.5  # a coder who coded nothing
    assert unitized_alpha({"a": [(4, 5)], "b": [(4, 5)], "c": [(4, 5)]}, 9) == 1.0  # 1 char
    with pytest.raises(ValueError, match="at least two coders"):
        unitized_alpha({"a": [(0, 2)]}, 5)
    with pytest.raises(ValueError, match="does not fit"):
        unitized_alpha({"a": [(0, 6)], "b": []}, 5)


def test_overlapping_spans_of_one_coder_are_merged_but_touching_spans_are_not() -> None:
    merged = unitized_alpha({"a": [(2, 8)], "b": [(3, 9)]}, 20)
    assert unitized_alpha({"a": [(2, 6), (4, 8), (5, 7)], "b": [(3, 9)]}, 20) == merged
    # Two units that touch are two units (Krippendorff 1995, example B), not one.
    assert unitized_alpha({"a": [(2, 5), (5, 8)], "b": [(3, 9)]}, 20) != merged


def test_offsets_from_urdu_and_emoji_text() -> None:
    text = "مریض نے کہا 😀 کہ ڈاکٹر 👩🏽‍⚕️ نے بات سنی"
    start = text.index("ڈاکٹر")
    span = (start, start + len("ڈاکٹر"))
    assert unitized_alpha({"a": [span], "b": [span]}, len(text)) == 1.0
    assert -1.0 < unitized_alpha({"a": [span], "b": [(span[0] + 1, span[1])]}, len(text)) < 1.0


coder_spans = st.lists(st.tuples(st.integers(0, 29), st.integers(1, 8)), max_size=4).map(
    lambda pairs: [(s, min(30, s + w)) for s, w in pairs]
)


@given(st.lists(coder_spans, min_size=2, max_size=4))
def test_alpha_u_is_at_most_one_and_symmetric(codings: list[list[tuple[int, int]]]) -> None:
    forwards = {f"coder{i}": spans for i, spans in enumerate(codings)}
    backwards = dict(reversed(list(forwards.items())))
    alpha = unitized_alpha(forwards, 30)
    assert alpha <= 1.0 + 1e-12
    assert alpha == pytest.approx(unitized_alpha(backwards, 30))


def test_alpha_u_decreases_as_boundaries_diverge() -> None:
    alphas = [unitized_alpha({"a": [(20, 40)], "b": [(20 + k, 40 + k)]}, 100) for k in range(12)]
    assert alphas[0] == 1.0
    assert all(later < earlier for earlier, later in pairwise(alphas))


# ---------------------------------------------------------------------------------------
# The 2016 family
# ---------------------------------------------------------------------------------------


def test_binary_u_alpha_worked_by_hand() -> None:
    # L = 10, A coded 2-6, B coded 3-7:  A ..cccc....   B ...cccc...
    # Coincidences (m = 2, so / (m - 1) = / 1), counting both orders of each pair:
    #   l_cc = 2 * 3 (characters 3, 4, 5),  l_∅∅ = 2 * 5,  l_c∅ = l_∅c = 2 (chars 2 and 6)
    #   margins l_c. = 8, l_∅. = 12, l.. = m L = 20
    # Self-pairings: S_c = 4^2 + 4^2 = 32 (units), S_∅ = 12 (gap characters), S = 44
    # e_c∅ = e_∅c = l.. * l_c. * l_∅. / (l..^2 - S) = 20 * 8 * 12 / 356 = 1920 / 356
    # |uα = 1 - (2 + 2) / (2 * 1920 / 356) = 1 - 1424 / 3840 = 151 / 240
    assert u_alpha_binary({"A": [(2, 6)], "B": [(3, 7)]}, 10) == pytest.approx(151 / 240)


def test_cu_alpha_worked_by_hand() -> None:
    # L = 10, domain {x, y}. A: x on 0-6.  B: x on 0-3, y on 3-6.
    # Coincidences among coded characters: l*_xx = 2 * 3, l*_xy = l*_yx = 3, l*_yy = 0;
    #   margins l*_x = 9, l*_y = 3, l*.. = 12
    # Self-pairings, (the part of each unit the other coder also coded)^2:
    #   A's x unit: 6^2 = 36; B's x unit: 3^2 = 9; B's y unit: 3^2 = 9
    #   S*_x = 45, S*_y = 9, S* = 54
    # e*_xy = e*_yx = l*_x l*_y / (l*.. - S* / l*..) = 27 / (12 - 4.5) = 3.6
    # cuα = 1 - (3 + 3) / (3.6 + 3.6) = 1 / 6
    codings = {"A": [(0, 6, "x")], "B": [(0, 3, "x"), (3, 6, "y")]}
    assert cu_alpha(codings, 10) == pytest.approx(1 / 6)
    # (k)uα: x disagrees on 3 of its 9 coincidences, 3.6 of 8.4 expected (e*_xx = 36 / 7.5):
    #   1 - (3 / 9) / (3.6 / 8.4) = 2 / 9;  y: 1 - (3 / 3) / (3.6 / 3.6) = 0
    by_category = cu_alpha_by_category(codings, 10)
    assert by_category == {"x": pytest.approx(2 / 9), "y": pytest.approx(0.0, abs=1e-12)}
    # Cuα with x and y in different domains is the same computation over domains.
    # Cuα over a single domain is cuα; with x and y in two domains nothing disagrees:
    # A's x meets only B's x in domain one, and only B used domain two.
    assert Cu_alpha(codings, {"x": "one", "y": "one"}, 10) == pytest.approx(1 / 6)
    assert Cu_alpha(codings, {"x": "one", "y": "two"}, 10) == 1.0


def test_Cu_alpha_pools_domains_worked_by_hand() -> None:
    # Domain one {x, y} as in test_cu_alpha_worked_by_hand: D_o = 6, D_e = 7.2 (cuα 1/6).
    # Domain two {p, q} on the same characters 0-4 (domains may overlap): A p, B q.
    #   l*_pq = l*_qp = 4, l*.. = 8, margins 4 and 4; S* = 4^2 + 4^2 = 32
    #   e*_pq = e*_qp = 16 / (8 - 32 / 8) = 4, so D_o = 8, D_e = 8 (cuα 0)
    # Cuα = 1 - (6 + 8) / (7.2 + 8) = 1.2 / 15.2, not the mean of 1/6 and 0.
    codings = {
        "A": [(0, 6, "x"), (0, 4, "p")],
        "B": [(0, 3, "x"), (3, 6, "y"), (0, 4, "q")],
    }
    domains = {"x": "one", "y": "one", "p": "two", "q": "two"}
    assert Cu_alpha(codings, domains, 10) == pytest.approx(1.2 / 15.2)
    two = {coder: [row for row in rows if row[2] in "pq"] for coder, rows in codings.items()}
    assert cu_alpha(two, 10) == pytest.approx(0.0, abs=1e-12)


def test_cu_alpha_with_a_third_coder_who_coded_nothing() -> None:
    # Only characters 8-9 are coded by two coders: y by one, x by the other. With m = 3,
    # l*_xy = l*_yx = 2 / (m - 1) = 1; each unit's share is 2 / (m - 1) = 1, so S* = 2 and
    # e*_xy = e*_yx = 1 * 1 / (2 - 2 / 2) = 1: D_o = D_e = 2 and cuα = 0, as alpha is for
    # one unit given two different values.
    codings = {"c0": [], "c1": [(5, 7, "y"), (7, 10, "y")], "c2": [(2, 4, "x"), (8, 10, "x")]}
    assert cu_alpha(codings, 10) == pytest.approx(0.0, abs=1e-12)


def test_the_two_generations_give_different_numbers_on_the_same_data() -> None:
    data = {"A": [(2, 6)], "B": [(3, 7)]}
    assert unitized_alpha(data, 10) != pytest.approx(u_alpha_binary(data, 10), abs=0.01)


def test_family_edge_cases() -> None:
    assert u_alpha_binary({"a": [], "b": []}, 20) == 1.0  # nobody used the code
    assert cu_alpha({"a": [], "b": []}, 20) == 1.0
    assert Cu_alpha({"a": [], "b": []}, {}, 20) == 1.0
    assert cu_alpha_by_category({"a": [], "b": []}, 20) == {}
    identical = {"a": [(1, 4, "x"), (6, 9, "y")], "b": [(1, 4, "x"), (6, 9, "y")]}
    assert cu_alpha(identical, 12) == 1.0
    assert u_alpha_binary({"a": [(1, 4)], "b": [(1, 4)]}, 12) == 1.0
    assert u_alpha_binary({"a": [(0, 12)], "b": [(0, 12)]}, 12) == 1.0  # all coded, no variation
    assert u_alpha_binary({"a": [(3, 9)], "b": []}, 20) < 0  # a coder who coded nothing
    assert u_alpha_binary({"a": [(4, 5)], "b": [(4, 5)], "c": [(4, 5)]}, 9) == 1.0  # 1 char
    # Coders who used the domain but never on the same characters: nothing to pair.
    assert math.isnan(cu_alpha({"a": [(0, 3, "x")], "b": [(5, 8, "y")]}, 10))
    assert math.isnan(cu_alpha_by_category({"a": [(0, 3, "x")], "b": [(5, 8, "x")]}, 10)["x"])


def test_family_refusals() -> None:
    with pytest.raises(ValueError, match="mutually exclusive"):
        cu_alpha({"a": [(0, 5, "x"), (3, 8, "y")], "b": []}, 10)
    with pytest.raises(ValueError, match="no domain given"):
        Cu_alpha({"a": [(0, 5, "x")], "b": []}, {}, 10)
    with pytest.raises(ValueError, match="at least two coders"):
        u_alpha_binary({"a": [(0, 5)]}, 10)


def test_overlapping_spans_of_one_category_count_once_in_the_family() -> None:
    merged = {"a": [(0, 6, "x")], "b": [(0, 3, "x"), (3, 6, "y")]}
    overlapping = {"a": [(0, 4, "x"), (2, 6, "x")], "b": [(0, 3, "x"), (3, 6, "y")]}
    assert cu_alpha(overlapping, 10) == cu_alpha(merged, 10)
    assert u_alpha_binary({"a": [(0, 4), (2, 6)], "b": [(1, 6)]}, 10) == u_alpha_binary(
        {"a": [(0, 6)], "b": [(1, 6)]}, 10
    )


def test_domains_may_overlap_in_cu_alpha_across_domains() -> None:
    # A coder may give one passage codes from two domains; identical codings still agree.
    codings = {
        "a": [(0, 10, "fear"), (0, 10, "cost"), (12, 20, "trust")],
        "b": [(0, 10, "fear"), (0, 10, "cost"), (12, 20, "trust")],
    }
    domains = {"fear": "emotion", "trust": "emotion", "cost": "barrier"}
    assert Cu_alpha(codings, domains, 20) == 1.0


def test_more_than_two_coders_and_urdu_offsets() -> None:
    text = "ہم نے 😀 آن لائن ملاقات کی اور 🩺 ڈاکٹر نے سنا"
    first = text.index("آن لائن")
    second = text.index("ڈاکٹر")
    a = (first, first + len("آن لائن"))
    b = (second, second + len("ڈاکٹر"))
    codings = {"x": [(*a, "access"), (*b, "care")], "y": [(*a, "access"), (*b, "care")]}
    codings["z"] = [(*a, "access"), (*b, "access")]
    assert 0.0 < cu_alpha(codings, len(text)) < 1.0
    assert (
        u_alpha_binary({c: [(s, e) for s, e, _ in v] for c, v in codings.items()}, len(text)) == 1.0
    )


family_codings = st.lists(
    st.tuples(st.integers(0, 29), st.integers(1, 8), st.sampled_from("xy")), max_size=4
).map(lambda rows: _exclusive([(s, min(30, s + w), c) for s, w, c in rows]))


def _exclusive(rows: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Drop codings that would give a character two categories of the domain."""
    kept: list[tuple[int, int, str]] = []
    for start, end, category in rows:
        if all(end <= s or e <= start or category == c for s, e, c in kept):
            kept.append((start, end, category))
    return kept


@given(st.lists(family_codings, min_size=2, max_size=4))
def test_family_is_at_most_one_and_symmetric(codings: list[list[tuple[int, int, str]]]) -> None:
    forwards = {f"coder{i}": rows for i, rows in enumerate(codings)}
    backwards = dict(reversed(list(forwards.items())))
    for function in (
        lambda data: cu_alpha(data, 30),
        lambda data: Cu_alpha(data, {"x": "d1", "y": "d2"}, 30),
        lambda data: u_alpha_binary(
            {coder: [(s, e) for s, e, c in rows if c == "x"] for coder, rows in data.items()}, 30
        ),
    ):
        value, swapped = function(forwards), function(backwards)
        assert math.isnan(value) == math.isnan(swapped)
        if not math.isnan(value):
            assert value <= 1.0 + 1e-9
            assert value == pytest.approx(swapped, abs=1e-9)
    same = {coder: forwards["coder0"] for coder in forwards}
    assert u_alpha_binary({c: [(s, e) for s, e, _ in v] for c, v in same.items()}, 30) == 1.0
    if forwards["coder0"]:
        assert cu_alpha(same, 30) == 1.0


def test_binary_u_alpha_decreases_as_boundaries_diverge() -> None:
    alphas = [u_alpha_binary({"a": [(20, 40)], "b": [(20 + k, 40 + k)]}, 100) for k in range(12)]
    assert alphas[0] == 1.0
    assert all(later < earlier for earlier, later in pairwise(alphas))


def test_cu_alpha_decreases_as_more_shared_matter_gets_other_categories() -> None:
    # Unitizing is the same throughout; B recodes a growing stretch of A's x as y.
    alphas = [
        cu_alpha(
            {"a": [(0, 10, "x"), (10, 20, "y")], "b": [(0, 10 - k, "x"), (10 - k, 20, "y")]}, 20
        )
        for k in range(6)
    ]
    assert alphas[0] == 1.0
    assert all(later < earlier for earlier, later in pairwise(alphas))
