"""Inter-coder agreement for coded units and coded characters: pure functions.

Two kinds of data come in here.

* Coded units: two (or more) coders each give a label to the same units (a yes/no per
  paragraph, a category per turn). :func:`percent_agreement`, :func:`cohen_kappa`,
  :func:`fleiss_kappa` and :func:`krippendorff_alpha` take those.
* Coded characters: each coder marks half-open spans ``[start, end)`` of a text with a code,
  in thematic's one offset convention (code points over NFC text, see ``core.spans``).
  :func:`character_units`, :func:`nvivo_comparison` and :func:`character_agreement_table`
  compare two coders character by character, as NVivo's coding comparison does. The unitized
  coefficients (Krippendorff's alpha-U and the |uα / cuα / Cuα family that ATLAS.ti reports)
  live in :mod:`thematic.core.agreement_unitized`.

Conventions shared by every function of both modules
----------------------------------------------------
* **A code nobody used** (every coder left every unit or character uncoded) is total
  agreement with no variation: observed and expected disagreement are both zero, and we
  return **1.0** (and 100 % agreement). NVivo reports kappa 1 in that case too. Statistically
  the chance-corrected coefficient is 0/0; Krippendorff (2011) calls alpha undefined there.
  We follow NVivo because a comparison table with one row per code should read "the coders
  agree this code does not apply", not "unknown". More generally: no variation and no
  disagreement gives 1.0.
* **Too little data to pair** (no unit coded by two coders, nothing to compare) gives
  **NaN**: that is not agreement, it is an absence of reliability data.
* Unequal lengths, bad spans and malformed tables raise ``ValueError`` with a message.
"""

from __future__ import annotations

import math
from collections.abc import Hashable, Iterable, Mapping, Sequence
from typing import Any, Literal, TypedDict

import krippendorff
import numpy as np
from numpy.typing import ArrayLike, NDArray

__all__ = [
    "CharacterAgreement",
    "CharacterAgreementTable",
    "CoderComparison",
    "Level",
    "alpha_from_counts",
    "bootstrap_alpha",
    "character_agreement_table",
    "character_units",
    "cohen_kappa",
    "compare_coders",
    "comparison_from_counts",
    "fleiss_kappa",
    "krippendorff_alpha",
    "nvivo_comparison",
    "percent_agreement",
    "span_array",
]

Level = Literal["nominal", "ordinal", "interval", "ratio"]
LEVELS: tuple[Level, ...] = ("nominal", "ordinal", "interval", "ratio")

IntArray = NDArray[np.int64]


# --------------------------------------------------------------------------------------
# Coded units: percent agreement and Cohen's kappa
# --------------------------------------------------------------------------------------


def _as_labels(values: Sequence[Hashable] | NDArray[Any], name: str) -> NDArray[Any]:
    """A 1-D array of labels; lists become object arrays so tuples stay single labels."""
    if isinstance(values, np.ndarray):
        if values.ndim != 1:
            raise ValueError(f"{name} must be one-dimensional, got shape {values.shape}")
        return values
    labels = np.empty(len(values), dtype=object)
    labels[:] = list(values)
    return labels


def _paired_codes(
    a: Sequence[Hashable] | NDArray[Any], b: Sequence[Hashable] | NDArray[Any]
) -> tuple[IntArray, IntArray, int]:
    """Integer codes 0..K-1 for the labels of two coders, and K."""
    first = _as_labels(a, "a")
    second = _as_labels(b, "b")
    if len(first) != len(second):
        raise ValueError(
            f"the two coders labelled different numbers of units ({len(first)} and "
            f"{len(second)}); agreement needs one label from each coder per unit"
        )
    if len(first) == 0:
        raise ValueError("there are no units to compare")
    numeric = [array.dtype.kind in "biuf" for array in (first, second)]
    if first.dtype != object and second.dtype != object and numeric[0] == numeric[1]:
        # Fast path for numeric, boolean and string arrays (not a mix of the two).
        _, inverse = np.unique(np.concatenate([first, second]), return_inverse=True)
        codes = inverse.astype(np.int64).ravel()
        n_labels = int(codes.max()) + 1
    else:
        index: dict[Hashable, int] = {}
        codes = np.fromiter(
            (index.setdefault(label, len(index)) for label in (*first, *second)),
            dtype=np.int64,
            count=2 * len(first),
        )
        n_labels = len(index)
    return codes[: len(first)], codes[len(first) :], n_labels


def percent_agreement(
    a: Sequence[Hashable] | NDArray[Any], b: Sequence[Hashable] | NDArray[Any]
) -> float:
    """Share of units to which two coders gave the same label, from 0.0 to 1.0.

    ``a[i]`` and ``b[i]`` are the labels the two coders gave unit ``i``: any hashable values,
    or booleans for "coded / not coded". This is the proportion of observed agreement p_o of
    Cohen (1960); it ignores agreement by chance (use :func:`cohen_kappa`).

    Raises ValueError when the sequences differ in length or are empty.
    """
    codes_a, codes_b, _ = _paired_codes(a, b)
    return float(np.count_nonzero(codes_a == codes_b)) / len(codes_a)


def _kappa_from_confusion(confusion: IntArray) -> float:
    """Cohen's kappa of a K x K table of counts (rows coder A, columns coder B)."""
    n = int(confusion.sum())
    observed = int(np.trace(confusion))
    # sum_k rows_k * cols_k is n^2 times the expected agreement p_e; integers keep it exact.
    chance = int(confusion.sum(axis=1) @ confusion.sum(axis=0))
    denominator = n * n - chance
    if denominator == 0:
        # p_e = 1: both coders used one and the same label throughout, so p_o = 1 too.
        return 1.0
    return (n * observed - chance) / denominator


def cohen_kappa(
    a: Sequence[Hashable] | NDArray[Any], b: Sequence[Hashable] | NDArray[Any]
) -> float:
    """Cohen's kappa for two coders who labelled the same units.

    kappa = (p_o - p_e) / (1 - p_e), where p_o is the proportion of units given the same
    label and p_e = sum_k p_A(k) p_B(k) the agreement expected from each coder's own label
    frequencies (Cohen, J. 1960. "A coefficient of agreement for nominal scales."
    Educational and Psychological Measurement 20(1): 37-46).

    When p_e = 1 (both coders gave every unit one and the same label, e.g. neither applied a
    code anywhere) the formula is 0/0; we return 1.0, as NVivo does for total agreement. p_e
    = 1 forces p_o = 1, so there is no case of p_e = 1 with disagreement.

    Raises ValueError when the sequences differ in length or are empty.
    """
    codes_a, codes_b, n_labels = _paired_codes(a, b)
    confusion = np.bincount(codes_a * n_labels + codes_b, minlength=n_labels * n_labels)
    return _kappa_from_confusion(confusion.reshape(n_labels, n_labels).astype(np.int64))


# --------------------------------------------------------------------------------------
# Fleiss' kappa
# --------------------------------------------------------------------------------------


def fleiss_kappa(table: ArrayLike) -> float:
    """Fleiss' kappa for a subjects x categories table of counts.

    ``table[i, j]`` is how many raters put subject ``i`` in category ``j``; every subject must
    be rated by the same number n >= 2 of raters. With N subjects,
    P_i = (sum_j n_ij^2 - n) / (n (n - 1)), P-bar = mean_i P_i, p_j = sum_i n_ij / (N n),
    P-bar_e = sum_j p_j^2 and kappa = (P-bar - P-bar_e) / (1 - P-bar_e)
    (Fleiss, J. L. 1971. "Measuring nominal scale agreement among many raters."
    Psychological Bulletin 76(5): 378-382).

    When every rating falls in one category P-bar_e = 1 = P-bar and we return 1.0 (see the
    module's conventions).

    Raises ValueError for a table that is not 2-D, has negative or fractional counts, no
    subjects, fewer than two raters, or unequal numbers of raters per subject.
    """
    counts = np.asarray(table)
    if counts.ndim != 2 or counts.shape[0] == 0 or counts.shape[1] == 0:
        raise ValueError(f"expected a subjects x categories table, got shape {counts.shape}")
    if not np.issubdtype(counts.dtype, np.number) or np.any(counts != np.round(counts)):
        raise ValueError("the table must hold whole-number counts of raters")
    counts = counts.astype(np.int64)
    if np.any(counts < 0):
        raise ValueError("the table has a negative count")
    raters = counts.sum(axis=1)
    if np.any(raters != raters[0]):
        raise ValueError(
            "Fleiss' kappa needs the same number of raters for every subject; rows sum to "
            f"{sorted(set(raters.tolist()))}"
        )
    n = int(raters[0])
    if n < 2:
        raise ValueError(f"Fleiss' kappa needs at least two raters per subject, got {n}")
    subjects = counts.shape[0]
    agreeing_pairs = (counts * (counts - 1)).sum(axis=1)  # n_ij (n_ij - 1) summed over j
    p_bar = float(agreeing_pairs.sum()) / (subjects * n * (n - 1))
    totals = counts.sum(axis=0)
    all_ratings = subjects * n
    chance_numerator = int(totals @ totals)
    if chance_numerator == all_ratings * all_ratings:
        return 1.0  # every rating in one category
    p_e = chance_numerator / (all_ratings * all_ratings)
    return (p_bar - p_e) / (1.0 - p_e)


# --------------------------------------------------------------------------------------
# Krippendorff's alpha (through the krippendorff package)
# --------------------------------------------------------------------------------------


def _is_missing(value: object) -> bool:
    if value is None:
        return True
    return isinstance(value, float | np.floating) and math.isnan(value)


def _reliability_matrix(data: ArrayLike | Sequence[Sequence[Any]], level: Level) -> NDArray:
    """Coders x units as floats with NaN for missing; nominal labels mapped to integers."""
    rows = [list(row) for row in data]  # type: ignore[union-attr, arg-type]
    if not rows or any(len(row) != len(rows[0]) for row in rows):
        raise ValueError("expected a coders x units matrix with the same number of units per coder")
    if len(rows) < 2:
        raise ValueError("Krippendorff's alpha needs at least two coders")
    matrix = np.full((len(rows), len(rows[0])), np.nan)
    index: dict[Hashable, int] = {}
    for i, row in enumerate(rows):
        for j, value in enumerate(row):
            if _is_missing(value):
                continue
            if level == "nominal":
                matrix[i, j] = index.setdefault(value, len(index))
            elif isinstance(value, bool | str) or not isinstance(value, int | float | np.number):
                raise ValueError(
                    f"{level} alpha needs numbers; got {value!r} (only nominal data may use "
                    "labels that are not numbers)"
                )
            else:
                matrix[i, j] = float(value)
    return matrix


def krippendorff_alpha(
    data: ArrayLike | Sequence[Sequence[Any]], level: Level = "nominal"
) -> float:
    """Krippendorff's alpha for a coders x units matrix, with missing values allowed.

    ``data[i][u]`` is the value coder ``i`` gave unit ``u``; None or NaN means the coder did
    not code the unit. alpha = 1 - D_o / D_e, observed over expected disagreement in the
    coincidence matrix of pairable values, with the difference function of the level of
    measurement: nominal, ordinal, interval or ratio (Krippendorff, K. 2011. "Computing
    Krippendorff's Alpha-Reliability." Annenberg School for Communication, University of
    Pennsylvania, https://repository.upenn.edu/asc_papers/43; Krippendorff 2004, Content
    Analysis, 2nd ed., ch. 11). The computation is the ``krippendorff`` package's.

    Nominal data may use any hashable labels (strings, booleans); they are mapped to
    integers first. The other levels need numbers.

    Returns NaN when no unit has values from two coders (nothing is pairable), and 1.0 when
    all pairable values are the same (no variation, no disagreement; see the module's
    conventions). Raises ValueError for an unknown level, fewer than two coders, rows of
    unequal length, or labels that are not numbers at a level other than nominal.
    """
    if level not in LEVELS:
        raise ValueError(f"unknown level of measurement {level!r}; use one of {LEVELS}")
    matrix = _reliability_matrix(data, level)
    pairable = matrix[:, np.count_nonzero(~np.isnan(matrix), axis=0) >= 2]
    if pairable.shape[1] == 0:
        return math.nan
    values = np.unique(pairable[~np.isnan(pairable)])
    if len(values) == 1:
        return 1.0
    return float(
        krippendorff.alpha(
            reliability_data=pairable, value_domain=values, level_of_measurement=level
        )
    )


# --------------------------------------------------------------------------------------
# Coded characters: NVivo's coding comparison
# --------------------------------------------------------------------------------------


def span_array(spans: Iterable[tuple[int, int]] | ArrayLike, length: int) -> IntArray:
    """Half-open spans as an (n, 2) int64 array, checked against a text of ``length``.

    Raises ValueError for a span that is empty, reversed, starts before 0 or ends after
    ``length`` (the rules of ``core.spans.check_span``).
    """
    if isinstance(length, bool) or not isinstance(length, int | np.integer) or length < 0:
        raise ValueError(f"the text length must be a whole number >= 0, got {length!r}")
    array = np.asarray(spans if isinstance(spans, np.ndarray) else list(spans))  # type: ignore[arg-type]
    if array.size == 0:
        return np.zeros((0, 2), dtype=np.int64)
    if array.ndim != 2 or array.shape[1] != 2:
        raise ValueError("spans must be (start, end) pairs")
    if not np.issubdtype(array.dtype, np.integer) or array.dtype == np.bool_:
        raise ValueError("span ends must be whole numbers")
    array = array.astype(np.int64)
    starts, ends = array[:, 0], array[:, 1]
    bad = (starts < 0) | (ends > length) | (ends <= starts)
    if np.any(bad):
        start, end = array[np.argmax(bad)]
        raise ValueError(
            f"span {start}-{end} does not fit a text of {length} code points "
            "(spans are half-open, non-empty and inside the text)"
        )
    return array


def character_units(spans: Iterable[tuple[int, int]] | ArrayLike, length: int) -> NDArray:
    """Which characters of a text one coder coded with one code, as a boolean array.

    ``spans`` are half-open ``(start, end)`` code point offsets into a text of ``length``
    code points. Overlapping spans of the same coder count each character once. Built from
    a +1/-1 at every span boundary and a cumulative sum, with no loop over characters.
    """
    array = span_array(spans, length)
    boundaries = np.bincount(array[:, 0], minlength=length + 1) - np.bincount(
        array[:, 1], minlength=length + 1
    )
    return np.cumsum(boundaries[:length]) > 0


class CharacterAgreement(TypedDict):
    """One row of a coding comparison: one code, one text, two coders A and B.

    ``units`` is the number of characters compared; ``agreement`` is a percentage (0-100) of
    them coded by both or by neither; ``kappa`` is Cohen's kappa over those characters.
    """

    units: int
    both: int
    a_only: int
    b_only: int
    neither: int
    agreement: float
    kappa: float


def _two_by_two(both: int, a_only: int, b_only: int, neither: int) -> CharacterAgreement:
    units = both + a_only + b_only + neither
    if units == 0:
        # Nothing to compare (an empty text, or coded_only and nobody used the code):
        # total agreement by the module's convention.
        return CharacterAgreement(
            units=0, both=0, a_only=0, b_only=0, neither=0, agreement=100.0, kappa=1.0
        )
    confusion = np.array([[both, a_only], [b_only, neither]], dtype=np.int64)
    return CharacterAgreement(
        units=units,
        both=both,
        a_only=a_only,
        b_only=b_only,
        neither=neither,
        agreement=100.0 * (both + neither) / units,
        kappa=_kappa_from_confusion(confusion),
    )


def nvivo_comparison(
    spans_a: Iterable[tuple[int, int]] | ArrayLike,
    spans_b: Iterable[tuple[int, int]] | ArrayLike,
    length: int,
    *,
    coded_only: bool = False,
) -> CharacterAgreement:
    """Coding comparison of two coders for one code on one text, character by character.

    As NVivo's Coding Comparison query does it, every character is a unit labelled "coded"
    or "not coded" by each coder. Returns the characters coded by both, by A only, by B only
    and by neither, the agreement percentage ((both + neither) / characters * 100) and
    Cohen's kappa over the characters (see :func:`cohen_kappa`; a code neither coder used
    gives 100 % and kappa 1.0, as in NVivo).

    With ``coded_only=True`` the same figures are computed over only the characters that at
    least one coder coded (``neither`` is then 0); this removes the large uncoded remainder
    of a long transcript that inflates NVivo's agreement percentage. Kappa over coded-only
    characters is usually low or negative, since "neither" is the category kappa's chance
    model relies on; report it with that caution.
    """
    # The same counts as comparing character_units(spans_a) with character_units(spans_b),
    # taken from the span boundaries so the cost does not grow with the text's length.
    a = span_array(spans_a, length)
    b = span_array(spans_b, length)
    both, a_only, b_only = (int(x[0]) for x in _overlap_counts(a, b, np.array([0, length])))
    neither = 0 if coded_only else length - both - a_only - b_only
    return _two_by_two(both, a_only, b_only, neither)


class CharacterAgreementTable(TypedDict):
    """Per-text coding comparison figures as arrays, one element per text."""

    units: IntArray
    both: IntArray
    a_only: IntArray
    b_only: IntArray
    neither: IntArray
    agreement: NDArray[np.float64]
    kappa: NDArray[np.float64]


def _text_spans(spans: ArrayLike, lengths: IntArray, offsets: IntArray) -> IntArray:
    """(text, start, end) rows checked per text and moved onto one long continuum."""
    array = np.asarray(spans)
    if array.size == 0:
        return np.zeros((0, 2), dtype=np.int64)
    if array.ndim != 2 or array.shape[1] != 3 or not np.issubdtype(array.dtype, np.integer):
        raise ValueError("spans must be whole-number rows of (text index, start, end)")
    text, start, end = array[:, 0], array[:, 1], array[:, 2]
    if np.any((text < 0) | (text >= len(lengths))):
        raise ValueError(f"a span names a text outside 0..{len(lengths) - 1}")
    bad = (start < 0) | (end > lengths[text]) | (end <= start)
    if np.any(bad):
        row = array[np.argmax(bad)]
        raise ValueError(
            f"span {row[1]}-{row[2]} does not fit text {row[0]} of {lengths[row[0]]} code points"
        )
    return np.column_stack([offsets[text] + start, offsets[text] + end]).astype(np.int64)


def _coverage(spans: IntArray, breakpoints: IntArray) -> NDArray[np.bool_]:
    """For each interval between consecutive breakpoints: is it inside some span?"""
    size = len(breakpoints)
    delta = np.bincount(np.searchsorted(breakpoints, spans[:, 0]), minlength=size) - np.bincount(
        np.searchsorted(breakpoints, spans[:, 1]), minlength=size
    )
    return np.cumsum(delta)[:-1] > 0


def _overlap_counts(
    a: IntArray, b: IntArray, offsets: IntArray
) -> tuple[IntArray, IntArray, IntArray]:
    """Characters coded by both, by A only and by B only, per text, from span boundaries.

    ``a`` and ``b`` are (start, end) rows on one continuum on which text ``t`` occupies
    ``offsets[t]:offsets[t + 1]``. Between consecutive boundaries coverage is constant, so
    one cumulative sum over the boundaries replaces one over the characters.
    """
    # Text boundaries are breakpoints too, so no interval straddles two texts.
    breakpoints = np.unique(np.concatenate([offsets, a.ravel(), b.ravel()]))
    widths = np.diff(breakpoints)
    text_of = np.searchsorted(offsets, breakpoints[:-1], side="right") - 1
    in_a = _coverage(a, breakpoints)
    in_b = _coverage(b, breakpoints)
    texts = len(offsets) - 1

    def per_text(mask: NDArray[np.bool_]) -> IntArray:
        return np.bincount(text_of[mask], weights=widths[mask], minlength=texts).astype(np.int64)

    return per_text(in_a & in_b), per_text(in_a & ~in_b), per_text(~in_a & in_b)


def character_agreement_table(
    spans_a: ArrayLike,
    spans_b: ArrayLike,
    lengths: ArrayLike,
    *,
    coded_only: bool = False,
) -> CharacterAgreementTable:
    """:func:`nvivo_comparison` for one code over many texts in one numpy pass.

    ``spans_a`` and ``spans_b`` are integer arrays of rows ``(text index, start, end)``: all
    the spans coder A (B) coded with this code, in any order, with offsets inside their
    text; ``lengths[t]`` is the length of text ``t`` in code points. Returns one array per
    figure with one element per text, equal to calling :func:`nvivo_comparison` text by
    text. The work is on span boundaries only (sorting and cumulative sums over the
    intervals between them), so it does not grow with the length of the texts.
    """
    sizes = np.asarray(lengths, dtype=np.int64)
    if sizes.ndim != 1 or np.any(sizes < 0):
        raise ValueError("lengths must be a 1-D array of text lengths >= 0")
    offsets = np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64)
    a = _text_spans(spans_a, sizes, offsets)
    b = _text_spans(spans_b, sizes, offsets)
    both, a_only, b_only = _overlap_counts(a, b, offsets)
    neither = np.zeros_like(both) if coded_only else sizes - both - a_only - b_only
    units = both + a_only + b_only + neither
    coded_by_a = both + a_only
    coded_by_b = both + b_only
    chance = coded_by_a * coded_by_b + (units - coded_by_a) * (units - coded_by_b)
    denominator = units * units - chance
    numerator = units * (both + neither) - chance
    with np.errstate(divide="ignore", invalid="ignore"):
        kappa = np.where(
            denominator == 0, 1.0, numerator / np.where(denominator == 0, 1, denominator)
        )
        agreement = np.where(units == 0, 100.0, 100.0 * (both + neither) / np.maximum(units, 1))
    return CharacterAgreementTable(
        units=units,
        both=both,
        a_only=a_only,
        b_only=b_only,
        neither=neither,
        agreement=agreement.astype(np.float64),
        kappa=kappa.astype(np.float64),
    )


def comparison_from_counts(both: int, a_only: int, b_only: int, neither: int) -> CharacterAgreement:
    """Percent agreement and Cohen's kappa from a 2x2 table of character counts, e.g. counts
    pooled over all the texts two coders both coded (as :func:`nvivo_comparison` gives them
    for one text)."""
    return _two_by_two(int(both), int(a_only), int(b_only), int(neither))


def alpha_from_counts(both: int, a_only: int, b_only: int, neither: int) -> float:
    """Krippendorff's alpha (nominal) for two coders and binary units (coded or not), from the
    same 2x2 counts, without building the reliability matrix.

    With N units there are n = 2N pairable values; the coincidences are o_11 = 2·both,
    o_00 = 2·neither and o_01 = o_10 = a_only + b_only, so (Krippendorff 2011, eq. for
    nominal data) alpha = 1 - (n - 1) · (a_only + b_only) / (n_0 · n_1), with
    n_1 = 2·both + a_only + b_only and n_0 = 2·neither + a_only + b_only. When every value is
    the same (nobody coded, or everyone coded everything) it returns 1.0, as elsewhere here.
    """
    units = both + a_only + b_only + neither
    if units == 0:
        raise ValueError("no units to compare")
    n = 2 * units
    n_coded = 2 * both + a_only + b_only
    n_uncoded = 2 * neither + a_only + b_only
    if n_coded == 0 or n_uncoded == 0:
        return 1.0
    return float(1 - (n - 1) * (a_only + b_only) / (n_coded * n_uncoded))


class CoderComparison(TypedDict):
    """The figures of one code between coders (see :func:`compare_coders`)."""

    units: int
    agreement: float
    kappa: float
    alpha: float
    fleiss: float
    alpha_u: float
    u_alpha: float


def compare_coders(
    spans_by_coder: Mapping[str, Sequence[tuple[int, int]]],
    length: int,
    *,
    coded_only: bool = False,
) -> CoderComparison:
    """Every agreement figure for one code on one continuum of ``length`` characters.

    Character units (NVivo's coding comparison): percent agreement and Cohen's kappa (two
    coders), Krippendorff's alpha (nominal) and Fleiss' kappa. With two coders all four come
    from the 2x2 counts taken at span boundaries, so the cost grows with the number of spans,
    not with the length of the text; with more coders a characters x coders matrix is built.
    Then alpha-U (Krippendorff 2004) and |u-alpha (Krippendorff et al. 2016) on the spans.
    ``coded_only`` counts only the characters at least one coder coded. Units: NaN figures
    when nothing is left to compare.
    """
    # Imported here: agreement_unitized builds on this module's span_array.
    from thematic.core.agreement_unitized import u_alpha_binary, unitized_alpha

    coders = list(spans_by_coder)
    if len(coders) < 2:
        raise ValueError("comparing coders needs at least two coders")
    nan = float("nan")
    if len(coders) == 2:
        counts = nvivo_comparison(
            spans_by_coder[coders[0]], spans_by_coder[coders[1]], length, coded_only=coded_only
        )
        units = counts["units"]
        both, a_only, b_only, neither = (counts[k] for k in ("both", "a_only", "b_only", "neither"))
        agreement, kappa = counts["agreement"], counts["kappa"]
        alpha = alpha_from_counts(both, a_only, b_only, neither) if units else nan
        fleiss = _fleiss_two(both, a_only + b_only, neither) if units else nan
    else:
        matrix = np.vstack([character_units(spans_by_coder[c], length) for c in coders])
        if coded_only:
            matrix = matrix[:, matrix.any(axis=0)]
        units = int(matrix.shape[1])
        agreement = kappa = nan
        yes = matrix.sum(axis=0)
        alpha = krippendorff_alpha(matrix.astype(int)) if units else nan
        fleiss = fleiss_kappa(np.column_stack([len(coders) - yes, yes])) if units else nan
    if units == 0:
        return CoderComparison(
            units=0, agreement=nan, kappa=nan, alpha=nan, fleiss=nan, alpha_u=nan, u_alpha=nan
        )
    return CoderComparison(
        units=units,
        agreement=agreement,
        kappa=kappa,
        alpha=alpha,
        fleiss=fleiss,
        alpha_u=unitized_alpha(spans_by_coder, length),
        u_alpha=u_alpha_binary(spans_by_coder, length),
    )


def _fleiss_two(agree_coded: int, disagree: int, agree_uncoded: int) -> float:
    """Fleiss' kappa for two raters and two categories from the counts of units both coded,
    one coded, and neither coded (Fleiss 1971, with P_i = 1 for agreeing units, else 0)."""
    units = agree_coded + disagree + agree_uncoded
    observed = (agree_coded + agree_uncoded) / units
    p_coded = (2 * agree_coded + disagree) / (2 * units)
    expected = p_coded**2 + (1 - p_coded) ** 2
    if expected == 1:
        return 1.0
    return float((observed - expected) / (1 - expected))


def bootstrap_alpha(
    counts: ArrayLike,
    *,
    resamples: int = 1000,
    level: float = 0.95,
    seed: int = 0,
) -> tuple[float, float]:
    """A percentile bootstrap interval for two coders' alpha on binary character units.

    ``counts`` has one row per text: ``(both, a_only, b_only, neither)`` (as
    :func:`character_agreement_table` gives them). Texts are resampled with replacement —
    characters of one text are not independent, texts are the sampling unit — and alpha is
    recomputed from the summed counts of each resample (:func:`alpha_from_counts`, vectorised).
    Reproducible with ``seed``. Returns ``(low, high)``; NaN when there are fewer than two
    texts.
    """
    table = np.asarray(counts, dtype=np.float64)
    if table.ndim != 2 or table.shape[1] != 4:
        raise ValueError("counts must have one row of (both, a_only, b_only, neither) per text")
    if not 0 < level < 1:
        raise ValueError("the level must be between 0 and 1")
    texts = table.shape[0]
    if texts < 2:
        return float("nan"), float("nan")
    rng = np.random.default_rng(seed)
    weights = rng.multinomial(texts, np.full(texts, 1 / texts), size=resamples)
    both, a_only, b_only, neither = (weights @ table).T
    n = 2 * (both + a_only + b_only + neither)
    n_coded = 2 * both + a_only + b_only
    n_uncoded = 2 * neither + a_only + b_only
    with np.errstate(divide="ignore", invalid="ignore"):
        alphas = 1 - (n - 1) * (a_only + b_only) / (n_coded * n_uncoded)
    alphas = np.where((n_coded == 0) | (n_uncoded == 0), 1.0, alphas)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(alphas, [tail, 100 - tail])
    return float(low), float(high)
