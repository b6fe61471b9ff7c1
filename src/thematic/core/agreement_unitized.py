"""Krippendorff's alpha for unitized text: coders choose their own spans of a continuum.

Two generations of the coefficient, which give different numbers on the same data:

* :func:`unitized_alpha` is alpha-U of Krippendorff (1995) as restated in Krippendorff
  (2004, Content Analysis, 2nd ed., section 11.6) and implemented by DKPro Statistics
  (``KrippendorffAlphaUnitizingAgreement``). Disagreement between two coders' sections is
  the squared distance of their boundaries, so it measures how well coders agree on *where*
  units begin and end.
* :func:`u_alpha_binary` (|uα), :func:`cu_alpha` (cuα), :func:`cu_alpha_by_category`
  ((k)uα) and :func:`Cu_alpha` (Cuα) are the family of Krippendorff, Mathet, Bouvry and
  Widlöcher (2016, "On the reliability of unitizing textual continua: Further
  developments", Quality & Quantity 50: 2347-2364) and Krippendorff (2019, Content
  Analysis, 4th ed., section 12.6), the coefficients ATLAS.ti reports. They count coincident
  *lengths* (characters) in a coincidence matrix, like the alpha for coded units.

Every coder's spans are half-open code point offsets ``(start, end)`` into one text of
``length`` code points. Spans of one coder with one code that share characters are merged
into one unit (each character counts once); spans that only touch stay separate units, as
in Krippendorff's (1995) example B, where one coder marks adjacent units. A coder who coded
nothing must still be passed, with an empty list: their empty continuum is data. The
conventions for a code nobody used (1.0) and for too little data (NaN) are those of
:mod:`thematic.core.agreement`.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Mapping, Sequence
from itertools import combinations
from typing import NamedTuple

import numpy as np
from numpy.typing import NDArray

from thematic.core.agreement import span_array

__all__ = [
    "Cu_alpha",
    "cu_alpha",
    "cu_alpha_by_category",
    "u_alpha_binary",
    "unitized_alpha",
    "unitized_disagreement",
]

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
Span = tuple[int, int]
Coding = tuple[int, int, Hashable]


def _check_coders(by_coder: Mapping[str, object]) -> None:
    if len(by_coder) < 2:
        raise ValueError(
            f"agreement needs at least two coders, got {len(by_coder)}; a coder who coded "
            "nothing is still a coder: pass them with an empty list"
        )


def _units(spans: Sequence[Span] | IntArray, length: int) -> tuple[IntArray, IntArray]:
    """One coder's units for one code: sorted, overlaps merged, touching spans kept apart."""
    array = span_array(spans, length)
    if len(array) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy()
    array = array[np.lexsort((array[:, 1], array[:, 0]))]
    starts, ends = array[:, 0], array[:, 1]
    reach = np.maximum.accumulate(ends)
    first = np.ones(len(starts), dtype=bool)
    first[1:] = starts[1:] >= reach[:-1]
    heads = np.flatnonzero(first)
    return starts[heads], np.maximum.reduceat(ends, heads)


def _alpha(observed: float, expected: float) -> float:
    """1 - D_o / D_e with the module's conventions for D_e = 0."""
    if expected <= 0.0:
        return 1.0 if observed == 0.0 else math.nan
    return 1.0 - observed / expected


# --------------------------------------------------------------------------------------
# alpha-U: Krippendorff 1995 / 2004, as DKPro Statistics computes it
# --------------------------------------------------------------------------------------


def _overlapping(
    starts1: IntArray, ends1: IntArray, starts2: IntArray, ends2: IntArray
) -> tuple[IntArray, IntArray, IntArray]:
    """Index pairs of overlapping units of two sorted disjoint lists, and overlaps per unit 1."""
    first = np.searchsorted(ends2, starts1, side="right")  # units of 2 ending before
    stop = np.searchsorted(starts2, ends1, side="left")  # units of 2 starting before the end
    counts = np.maximum(stop - first, 0)
    index1 = np.repeat(np.arange(len(starts1)), counts)
    offsets = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
    index2 = np.repeat(first, counts) + offsets
    return index1, index2, counts


def _pair_squared_distances(
    units1: tuple[IntArray, IntArray], units2: tuple[IntArray, IntArray]
) -> int:
    """Sum of delta^2 over all pairs of sections of two coders (Krippendorff 2004, 11.6).

    Two overlapping units: (b_i - b_j)^2 + (e_i - e_j)^2. A unit lying wholly inside a gap of
    the other coder: its length squared. A unit overlapping a gap only partly, and two gaps:
    0. A unit overlaps no unit of the other coder exactly when it lies inside one of their
    gaps, so the gap sections need not be built.
    """
    starts1, ends1 = units1
    starts2, ends2 = units2
    index1, index2, counts1 = _overlapping(starts1, ends1, starts2, ends2)
    total = int(
        ((starts1[index1] - starts2[index2]) ** 2 + (ends1[index1] - ends2[index2]) ** 2).sum()
    )
    total += int(((ends1 - starts1) ** 2)[counts1 == 0].sum())
    _, _, counts2 = _overlapping(starts2, ends2, starts1, ends1)
    total += int(((ends2 - starts2) ** 2)[counts2 == 0].sum())
    return total


def _gaps(units: tuple[IntArray, IntArray], length: int) -> IntArray:
    """Lengths of the uncoded stretches between (and around) one coder's units."""
    starts, ends = units
    edges_from = np.concatenate([[0], ends])
    edges_to = np.concatenate([starts, [length]])
    sizes = edges_to - edges_from
    return sizes[sizes > 0]


def unitized_disagreement(
    spans_by_coder: Mapping[str, Sequence[Span]], length: int
) -> tuple[float, float]:
    """Observed and expected disagreement (D_o, D_e) of alpha-U for one code on one text.

    With m coders, a continuum of L characters, N units in all (every coder's), unit lengths
    l and every coder's gap lengths g (Krippendorff 2004, section 11.6; DKPro Statistics):

    * D_o = sum over ordered pairs of coders of sum over their sections of delta^2,
      divided by m (m - 1) L^2 (see :func:`unitized_alpha` for delta^2);
    * D_e = (2 / L) * sum over units of [(N - 1) (2 l^3 - 3 l^2 + l) / 3
      + l^2 * sum over gaps g >= l of (g - l + 1)], divided by
      m L (m L - 1) - sum over units of l (l - 1).
    """
    _check_coders(spans_by_coder)
    units = [_units(spans, length) for spans in spans_by_coder.values()]
    coders = len(units)
    if length == 0:
        return 0.0, 0.0
    observed = sum(_pair_squared_distances(u1, u2) for u1, u2 in combinations(units, 2))
    d_o = 2.0 * observed / (coders * (coders - 1) * float(length) ** 2)

    lengths = np.concatenate([ends - starts for starts, ends in units]).astype(np.float64)
    gaps = np.sort(np.concatenate([_gaps(u, length) for u in units])).astype(np.float64)
    # For each unit: the sum over gaps at least as long of (g - l + 1), from suffix sums.
    from_here = np.searchsorted(gaps, lengths, side="left")
    suffix = np.concatenate([np.cumsum(gaps[::-1])[::-1], [0.0]])
    fitting = suffix[from_here] - (len(gaps) - from_here) * (lengths - 1.0)
    placements = (len(lengths) - 1) * (2 * lengths**3 - 3 * lengths**2 + lengths) / 3.0
    numerator = float((placements + lengths**2 * fitting).sum())
    pairable = coders * length * (coders * length - 1.0) - float((lengths * (lengths - 1)).sum())
    d_e = 2.0 / length * numerator / pairable
    return d_o, d_e


def unitized_alpha(spans_by_coder: Mapping[str, Sequence[Span]], length: int) -> float:
    """Krippendorff's alpha-U for one code (category) on one text of ``length`` characters.

    ``spans_by_coder`` maps each coder to the half-open spans they coded with this code.
    Each coder's continuum is cut into sections: their units and the gaps between them. For
    two coders' overlapping sections the difference is
    delta^2 = (b_i - b_j)^2 + (e_i - e_j)^2 for two units (beginnings b, ends e), the unit's
    length squared for a unit lying wholly inside the other coder's gap, and 0 otherwise.
    alpha-U = 1 - D_o / D_e, with D_o and D_e from :func:`unitized_disagreement`.

    Sources: Krippendorff, K. 1995. "On the reliability of unitizing continuous data."
    Sociological Methodology 25: 47-76; Krippendorff, K. 2004. Content Analysis, 2nd ed.,
    section 11.6 (this form of D_e); DKPro Statistics' ``KrippendorffAlphaUnitizingAgreement``
    (Meyer, Mieskes, Stab and Gurevych 2014), whose published test figures ours reproduce.

    Krippendorff et al. (2016) report that this definition behaves unexpectedly with more
    than two coders and replace it with the family of :func:`u_alpha_binary`; on the same
    data the two give different numbers. Any number of coders >= 2 is accepted.

    A code nobody used gives 1.0 (DKPro reports NaN or 0.0 there); when D_o = D_e the result
    is 0.0. Raises ValueError for fewer than two coders or a span outside the text.
    """
    observed, expected = unitized_disagreement(spans_by_coder, length)
    return _alpha(observed, expected)


# --------------------------------------------------------------------------------------
# The 2016 family: |uα, cuα, (k)uα and Cuα
# --------------------------------------------------------------------------------------


class _Layout(NamedTuple):
    """All coders' units on the intervals between consecutive unit boundaries."""

    values: list[Hashable]  # the categories, in first-seen order
    coder: IntArray  # per unit
    value: IntArray  # per unit
    first: IntArray  # per unit: index of its first interval
    stop: IntArray  # per unit: index after its last interval
    lengths: IntArray  # per unit
    widths: FloatArray  # per interval
    marks: FloatArray  # coders x values x intervals: 1 where the coder applied the value


def _layout(
    codings_by_coder: Mapping[str, Sequence[Coding]], length: int, *, exclusive: bool
) -> _Layout:
    _check_coders(codings_by_coder)
    values: dict[Hashable, int] = {}
    blocks: list[tuple[int, int, IntArray, IntArray]] = []
    for position, codings in enumerate(codings_by_coder.values()):
        by_value: dict[int, list[Span]] = {}
        for start, end, category in codings:
            by_value.setdefault(values.setdefault(category, len(values)), []).append((start, end))
        blocks.extend(
            (position, index, *_units(spans, length)) for index, spans in by_value.items()
        )
    sizes = [len(block[2]) for block in blocks]
    coder = np.repeat(np.array([b[0] for b in blocks], dtype=np.int64), sizes)
    value = np.repeat(np.array([b[1] for b in blocks], dtype=np.int64), sizes)
    starts = np.concatenate([np.zeros(0, dtype=np.int64), *(b[2] for b in blocks)])
    ends = np.concatenate([np.zeros(0, dtype=np.int64), *(b[3] for b in blocks)])
    breakpoints = np.unique(np.concatenate([[0, length], starts, ends]))
    first = np.searchsorted(breakpoints, starts)
    stop = np.searchsorted(breakpoints, ends)
    coders, n_values, slots = len(codings_by_coder), max(len(values), 1), len(breakpoints)
    cell = (coder * n_values + value) * slots
    delta = np.bincount(cell + first, minlength=coders * n_values * slots) - np.bincount(
        cell + stop, minlength=coders * n_values * slots
    )
    marks = np.cumsum(delta.reshape(coders, n_values, slots), axis=2)[:, :, :-1]
    if exclusive and np.any(marks.sum(axis=1) > 1):
        who = list(codings_by_coder)[int(np.argmax((marks.sum(axis=1) > 1).any(axis=1)))]
        raise ValueError(
            f"coder {who!r} applied two categories of one domain to the same characters; "
            "cuα needs the categories of a domain to be mutually exclusive"
        )
    return _Layout(
        values=list(values),
        coder=coder,
        value=value,
        first=first,
        stop=stop,
        lengths=ends - starts,
        widths=np.diff(breakpoints).astype(np.float64),
        marks=marks.astype(np.float64),
    )


def _coincidences(marks: FloatArray, widths: FloatArray) -> FloatArray:
    """l_ck: characters valued c by one coder and k by another, over ordered pairs / (m - 1)."""
    coders = marks.shape[0]
    totals = marks.sum(axis=0)
    same_coder = np.einsum("ict,ikt,t->ck", marks, marks, widths)
    return ((totals * widths) @ totals.T - same_coder) / (coders - 1)


def _off_diagonal(matrix: FloatArray) -> float:
    """Sum of the cells off the diagonal (summed directly, so an exact 0 stays 0)."""
    return float(matrix[~np.eye(len(matrix), dtype=bool)].sum())


def u_alpha_binary(spans_by_coder: Mapping[str, Sequence[Span]], length: int) -> float:
    """|uα: do coders agree on which characters are relevant to one code (coded or not)?

    The binary member of the family of Krippendorff, Mathet, Bouvry and Widlöcher (2016,
    Quality & Quantity 50, section 5.2; Krippendorff 2019, Content Analysis 4th ed., section
    12.6.4). Every coder's continuum is cut into units valued c and gaps valued ∅. The
    observed coincidences are l_ck = sum over ordered pairs of coders (i, j) of the number
    of characters i valued c and j valued k, divided by m - 1 (their total is l.. = m L).
    Expected coincidences correct for a unit not pairing with itself:
    e_ck = l.. (l_c. l_.k - [c = k] S_c) / (l..^2 - S), where S_c is the sum of the squared
    lengths of the units valued c, S_∅ the total length of the gaps (a gap is not a unit,
    so each of its characters stands alone) and S = S_c + S_∅.
    |uα = 1 - (l_c∅ + l_∅c) / (e_c∅ + e_∅c).

    ``spans_by_coder`` maps each coder to the spans they coded with the one code; for a
    domain of codes, pass the union of the domain's spans. This is a different coefficient
    from :func:`unitized_alpha` (alpha-U of 1995/2004), and gives a different number on the
    same data: it compares lengths, not boundary distances. A code nobody used gives 1.0.
    """
    layout = _layout(
        {coder: [(s, e, 0) for s, e in spans] for coder, spans in spans_by_coder.items()},
        length,
        exclusive=True,
    )
    if len(layout.lengths) == 0 or length == 0:
        return 1.0
    coders = layout.marks.shape[0]
    gaps = 1.0 - layout.marks.sum(axis=1, keepdims=True)
    observed = _coincidences(np.concatenate([layout.marks, gaps], axis=1), layout.widths)
    margins = observed.sum(axis=1)
    total = float(coders * length)
    self_pairs = np.array(
        [float((layout.lengths**2).sum()), float((gaps[:, 0, :] @ layout.widths).sum())]
    )
    expected = total * (np.outer(margins, margins) - np.diag(self_pairs))
    expected /= total * total - self_pairs.sum()
    return _alpha(_off_diagonal(observed), _off_diagonal(expected))


def _cu_matrices(layout: _Layout) -> tuple[FloatArray, FloatArray]:
    """Observed and expected coincidences among coded characters only (2016, section 5.3)."""
    coders = layout.marks.shape[0]
    observed = _coincidences(layout.marks, layout.widths)
    total = float(observed.sum())
    if total == 0.0:
        return observed, np.zeros_like(observed)
    # Each unit's share of the coincidences: the part of it every other coder also coded,
    # summed over those coders and divided by m - 1. Its square is the unit's pairing with
    # itself, which chance cannot produce, as a whole unit's l^2 is in |uα. For two coders
    # this is the paper's (length of the unit's intersections)^2; for more coders the share
    # keeps the denominator positive where summing squared pairwise overlaps does not.
    covered = np.concatenate(
        [np.zeros((coders, 1)), np.cumsum(layout.marks.sum(axis=1) * layout.widths, axis=1)],
        axis=1,
    )
    shared = covered[:, layout.stop] - covered[:, layout.first]  # coders x units
    shared[layout.coder, np.arange(len(layout.coder))] = 0.0
    share = shared.sum(axis=0) / (coders - 1)
    self_pairs = np.bincount(layout.value, weights=share**2, minlength=observed.shape[0])
    margins = observed.sum(axis=1)
    expected = np.outer(margins, margins) - np.diag(self_pairs)
    expected /= total - self_pairs.sum() / total
    return observed, expected


def cu_alpha(codings_by_coder: Mapping[str, Sequence[Coding]], length: int) -> float:
    """cuα: do coders agree on which category of one domain they gave the matter they both coded?

    ``codings_by_coder`` maps each coder to ``(start, end, category)`` codings whose
    categories form one semantic domain (ATLAS.ti's term; a variable whose values are
    mutually exclusive: no coder may give one character two categories of the domain).
    The member of the family of Krippendorff, Mathet, Bouvry and Widlöcher (2016, Quality &
    Quantity 50, section 5.3; Krippendorff 2019, section 12.6.5) that ignores unitizing:
    only the coincidences l*_ck between characters two coders both coded (c, k not ∅)
    count. Expected coincidences e*_ck = (l*_c. l*_.k - [c = k] S*_c) / (l*.. - S* / l*..),
    where S*_c sums, over every unit valued c, the square of its share of the coincidences
    (the length of it the other coders also coded, summed over them, / (m - 1); for two
    coders simply the length of its intersection with the other coder's coding).
    cuα = 1 - D_o / D_e with the nominal difference (D = the off-diagonal sum).

    cuα is defined for a domain, not for a single category (one category has nothing to
    disagree about once unitizing is ignored); per category see :func:`cu_alpha_by_category`.
    It differs from :func:`u_alpha_binary` and :func:`unitized_alpha` on the same data.

    A domain nobody used gives 1.0; coders who used it but never coded the same characters
    give NaN (nothing pairable). Raises ValueError for overlapping categories of one coder.
    """
    layout = _layout(codings_by_coder, length, exclusive=True)
    if len(layout.lengths) == 0:
        return 1.0
    observed, expected = _cu_matrices(layout)
    if observed.sum() == 0.0:
        return math.nan
    return _alpha(_off_diagonal(observed), _off_diagonal(expected))


def cu_alpha_by_category(
    codings_by_coder: Mapping[str, Sequence[Coding]], length: int
) -> dict[Hashable, float]:
    """(k)uα for each category of one domain: the per-category member of the cuα family.

    For category k, with the matrices of :func:`cu_alpha`: (k)uα = 1 - (l*_k. - l*_kk) /
    l*_k. divided by (e*_k. - e*_kk) / e*_k., the share of k's coded coincidences that
    disagree, observed over expected (Krippendorff et al. 2016, section 5.4; Krippendorff
    2019, section 12.6.6). Returns one entry per category that some coder used: NaN for a
    category no two coders' codings ever met on, 1.0 where nothing disagrees.
    """
    layout = _layout(codings_by_coder, length, exclusive=True)
    if len(layout.lengths) == 0:
        return {}
    observed, expected = _cu_matrices(layout)
    result: dict[Hashable, float] = {}
    for index, category in enumerate(layout.values):
        row, row_expected = observed[index].sum(), expected[index].sum()
        if row == 0.0:
            result[category] = math.nan
            continue
        disagreeing = (row - observed[index, index]) / row
        chance = (row_expected - expected[index, index]) / row_expected if row_expected else 0.0
        result[category] = _alpha(float(disagreeing), float(chance))
    return result


def Cu_alpha(  # the coefficient's published name, capital C and all
    codings_by_coder: Mapping[str, Sequence[Coding]],
    domain_of: Mapping[Hashable, Hashable],
    length: int,
) -> float:
    """Cuα: cuα across several semantic domains at once.

    ATLAS.ti reports cu-α for each semantic domain and Cu-α for all domains together. We
    compute Cuα by pooling the domains: 1 - sum over domains of D_o(d) / sum over domains of
    D_e(d), with D_o(d) and D_e(d) the observed and expected disagreements (off-diagonal
    coincidence sums) of :func:`cu_alpha` within domain d. It is the coefficient of one
    coincidence matrix holding every domain's block, so domains with more coded matter
    weigh more, and it is not the mean of the domains' cuα. ``domain_of`` maps every
    category to its domain. Categories of one domain must be mutually exclusive within a
    coder; categories of different domains may overlap (one passage, codes from two
    domains). No formula or worked figure of ATLAS.ti's Cu-α was available to check this
    against: treat agreement with ATLAS.ti's number as unverified.

    A coding nobody made gives 1.0; domains used but never on the same characters by two
    coders give NaN. Raises ValueError for a category missing from ``domain_of``.
    """
    missing = {c for codings in codings_by_coder.values() for _, _, c in codings} - set(domain_of)
    if missing:
        raise ValueError(f"no domain given for categories {sorted(map(str, missing))}")
    domains = dict.fromkeys(domain_of[c] for rows in codings_by_coder.values() for *_, c in rows)
    if not domains:
        _check_coders(codings_by_coder)
        return 1.0
    observed = expected = 0.0
    pairable = False
    for domain in domains:
        layout = _layout(
            {
                coder: [row for row in codings if domain_of[row[2]] == domain]
                for coder, codings in codings_by_coder.items()
            },
            length,
            exclusive=True,
        )
        coincidences, chance = _cu_matrices(layout)
        if coincidences.sum() > 0.0:
            pairable = True
            observed += _off_diagonal(coincidences)
            expected += _off_diagonal(chance)
    return _alpha(observed, expected) if pairable else math.nan
