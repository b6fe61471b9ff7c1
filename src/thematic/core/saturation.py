"""Thematic saturation: when do further interviews stop adding codes? Pure functions.

Every function takes one collection of code identifiers per interview, in the order the
interviews were done (or analysed); an interview with no codes is allowed. Interviews are
numbered from 1 in every result and message, as a methods section numbers them.
:func:`guest_saturation` (Guest, Namey and Chen 2020) and :func:`francis_saturation` (Francis
et al. 2010) apply the two published rules; :func:`discovery_curve` gives new and cumulative
codes; :func:`random_order_curves` and the ``*_over_orders`` functions repeat all that over
random orders, so a report can say how much the verdict owes to the order the interviews came
in; :func:`chao2` and :func:`estimate_undiscovered` estimate the codes not met yet.

Too few interviews is not an error: the result says so (``reached=False`` and a ``label`` or
``reason``). Bad parameters (a base of 0, a threshold above 1) raise ``Invalid``.
"""

from __future__ import annotations

import itertools
import math
from collections.abc import Hashable, Iterable, Sequence
from dataclasses import dataclass
from statistics import NormalDist
from typing import Literal

import numpy as np
from numpy.typing import NDArray

from thematic.errors import Invalid

__all__ = [
    "Curve",
    "FrancisResult",
    "GuestResult",
    "GuestRun",
    "OrderBand",
    "OrderSaturation",
    "RichnessEstimate",
    "Undiscovered",
    "chao2",
    "discovery_curve",
    "estimate_undiscovered",
    "francis_saturation",
    "francis_saturation_over_orders",
    "guest_saturation",
    "guest_saturation_over_orders",
    "random_order_curves",
    "random_orders",
]

IntArray = NDArray[np.int64]
FloatArray = NDArray[np.float64]
Interviews = Sequence[Iterable[Hashable]]

# Ratios of two code counts differ by at least 1 / (codes in the base), far more than this;
# the tolerance only absorbs floating-point error, so that 1/20 counts as "5% or less" even if
# the threshold was computed (0.1 / 2) rather than typed.
_TOLERANCE = 1e-12
# Orderings are processed in chunks so that orderings x incidences stays under this many cells.
_CHUNK_CELLS = 1 << 24


# -- plain data in -------------------------------------------------------------------------------
def _interviews(codes_per_interview: Interviews) -> list[frozenset[Hashable]]:
    interviews = []
    for number, codes in enumerate(codes_per_interview, start=1):
        # A string is iterable, but its characters are not codes: "trust" is one code.
        if isinstance(codes, str | bytes):
            raise Invalid(f"interview {number}: give a collection of codes, not the text {codes!r}")
        interviews.append(frozenset(codes))
    return interviews


def _incidence(interviews: Sequence[frozenset[Hashable]]) -> tuple[IntArray, IntArray]:
    """The interviews x codes incidence in a compressed layout, one segment per code.

    Code ``c``'s interviews (0-based, increasing) are ``rows[offsets[c]:offsets[c + 1]]``.
    Codes are numbered in order of first appearance; every code has at least one interview.
    """
    members: dict[Hashable, list[int]] = {}
    for index, codes in enumerate(interviews):
        for code in codes:
            members.setdefault(code, []).append(index)
    offsets = np.zeros(len(members) + 1, dtype=np.int64)
    np.cumsum([len(found) for found in members.values()], out=offsets[1:])
    rows = np.fromiter(itertools.chain.from_iterable(members.values()), dtype=np.int64)
    return rows, offsets


def _require(condition: bool, message: str) -> None:
    if not condition:
        raise Invalid(message)


def _percent(fraction: float) -> str:
    return f"{fraction * 100:.4g}%"


def _new_codes(count: int) -> str:
    return f"{count} new code" + ("" if count == 1 else "s")


def _not_reached(label: str, interviews: int) -> str:
    return f"not reached in {interviews} interviews: {label.removeprefix('not reached: ')}"


# -- discovery curve -----------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class Curve:
    """Codes discovered interview by interview, in the order given.

    ``new[k]`` is the number of codes first seen in interview ``k + 1``; ``cumulative[k]`` the
    number of unique codes in interviews 1 to ``k + 1``.
    """

    new: IntArray
    cumulative: IntArray

    @property
    def interviews(self) -> int:
        return len(self.new)

    @property
    def total(self) -> int:
        """Unique codes over all interviews."""
        return int(self.cumulative[-1]) if len(self.cumulative) else 0


def discovery_curve(codes_per_interview: Interviews) -> Curve:
    """New codes per interview and the cumulative number of unique codes."""
    interviews = _interviews(codes_per_interview)
    rows, offsets = _incidence(interviews)
    new = np.bincount(rows[offsets[:-1]], minlength=len(interviews)).astype(np.int64)
    return Curve(new=new, cumulative=np.cumsum(new))


# -- Guest, Namey and Chen (2020) ----------------------------------------------------------------
@dataclass(frozen=True)
class GuestRun:
    """Interviews ``start`` to ``end`` (inclusive): ``new`` codes seen in no earlier interview,
    ``ratio`` = ``new`` / the base's unique codes (NaN when the base holds no code)."""

    start: int
    end: int
    new: int
    ratio: float


@dataclass(frozen=True)
class GuestResult:
    """Saturation by Guest, Namey and Chen (2020); see :func:`guest_saturation`."""

    interviews: int
    base: int
    run: int
    threshold: float
    base_unique: int
    runs: tuple[GuestRun, ...]
    reached: bool
    at: int | None
    label: str

    def statement(self) -> str:
        """Two sentences for a methods or results section."""
        method = (
            f"Saturation was assessed with the method of Guest, Namey and Chen (2020): a base "
            f"of {self.base} interviews, runs of {self.run} interviews and a new-information "
            f"threshold of {_percent(self.threshold)} or less."
        )
        if self.at is None:
            return f"{method} Saturation was {_not_reached(self.label, self.interviews)}."
        found = self.runs[self.at - self.base]
        return (
            f"{method} The base held {self.base_unique} unique codes. Saturation was reached at "
            f"{self.label}: the {self.run} interviews after interview {self.at} added "
            f"{_new_codes(found.new)} ({_percent(found.ratio)} of the base)."
        )


def _guest_run_new(cumulative: IntArray, base: int, run: int) -> IntArray:
    """New codes in each run along the last axis: cumulative at the run's end minus before it.

    Run ``s`` (0-based) covers 0-based interviews ``base + s`` to ``base + s + run - 1``.
    """
    interviews = cumulative.shape[-1]
    return cumulative[..., base + run - 1 :] - cumulative[..., base - 1 : interviews - run]


def _first_at_or_below(ratios: FloatArray, threshold: float) -> IntArray:
    """Per row, the 0-based index of the first ratio <= threshold, or -1 (NaN never counts)."""
    with np.errstate(invalid="ignore"):
        low = ratios <= threshold + _TOLERANCE
    return np.where(low.any(axis=-1), low.argmax(axis=-1), -1)


def _check_guest(base: int, run: int, threshold: float) -> None:
    _require(base >= 1, f"the base must hold at least 1 interview, not {base}")
    _require(run >= 1, f"a run must hold at least 1 interview, not {run}")
    _require(0 <= threshold <= 1, f"the threshold is a share between 0 and 1, not {threshold}")


def _guest_shortfall(interviews: int, base: int, run: int, base_unique: int) -> str:
    """Why the rule cannot be applied at all, or ""."""
    if interviews < base + run:
        return f"only {interviews} interviews, fewer than the base of {base} plus a run of {run}"
    if base_unique == 0:
        return (
            f"the first {base} interviews hold no codes, so the new-information ratio "
            f"(new codes over codes in the base) is undefined"
        )
    return ""


def _guest_first(cumulative: IntArray, base: int, run: int, threshold: float) -> IntArray:
    """Per ordering (row of cumulative counts), the saturation interview X, or 0."""
    base_unique = cumulative[:, base - 1 : base].astype(np.float64)
    with np.errstate(divide="ignore", invalid="ignore"):
        ratios = _guest_run_new(cumulative, base, run) / base_unique
    ratios[base_unique[:, 0] == 0] = math.nan
    first = _first_at_or_below(ratios, threshold)
    return np.where(first >= 0, base + first, 0).astype(np.int64)


def _guest_label(shortfall: str, at: int, base: int, run: int, threshold: float) -> str:
    if shortfall:
        return f"not reached: {shortfall}"
    if at:
        return f"{at}+{run}"
    amount = "no new codes" if threshold == 0 else f"{_percent(threshold)} or less new codes"
    return f"not reached: no run of {run} interviews added {amount} after interview {base}"


def guest_saturation(
    codes_per_interview: Interviews, base: int = 4, run: int = 2, threshold: float = 0.05
) -> GuestResult:
    """Thematic saturation as defined by Guest, Namey and Chen (2020).

    Guest G, Namey E, Chen M (2020). "A simple method to assess and report thematic
    saturation in qualitative research." PLoS One 15(5): e0232076.

    * The **base** is the first ``base`` interviews (default 4); its number of unique codes
      (themes) is the denominator of every ratio and does not change as runs move on.
    * A **run** is ``run`` consecutive interviews (default 2). The first run is interviews
      ``base + 1`` to ``base + run``; runs then slide forward one interview at a time, so
      consecutive runs overlap and a code can count in two of them.
    * A run's **new information** is the number of unique codes in the run that appear in no
      earlier interview (neither the base nor any interview between the base and the run).
      Its ratio is new information over the base's unique codes.
    * Saturation is reached at the **first run whose ratio is at most** ``threshold``
      (default 0.05). We use "<=", not "<", because the paper states its thresholds as
      "≤5%" and "0%" (no new information): "<" would make a 0% threshold impossible to meet.
    * It is reported as the paper does, "X+Y": X is the last interview before that run
      (``base`` + the run's offset), Y is the run length. "4+2" means saturation at interview
      4, confirmed by the 2 interviews after it adding at most the threshold.

    Fewer than ``base + run`` interviews, or a base with no codes (the ratio is 0/0), give
    ``reached=False`` and a ``label`` that says why. Every run is returned, also those after
    the saturation point, so a figure can show the whole sequence.
    """
    _check_guest(base, run, threshold)
    curve = discovery_curve(codes_per_interview)
    interviews = curve.interviews
    base_unique = int(curve.cumulative[base - 1]) if interviews >= base else curve.total
    runs: tuple[GuestRun, ...] = ()
    if interviews >= base + run:
        new = _guest_run_new(curve.cumulative, base, run)
        ratios = new / base_unique if base_unique else np.full(len(new), math.nan)
        runs = tuple(
            GuestRun(base + s + 1, base + s + run, int(count), float(ratio))
            for s, (count, ratio) in enumerate(zip(new, ratios, strict=True))
        )
    shortfall = _guest_shortfall(interviews, base, run, base_unique)
    at = 0 if shortfall else int(_guest_first(curve.cumulative[None, :], base, run, threshold)[0])
    label = _guest_label(shortfall, at, base, run, threshold)
    return GuestResult(
        interviews, base, run, threshold, base_unique, runs, at > 0, at or None, label
    )


# -- Francis et al. (2010) -----------------------------------------------------------------------
@dataclass(frozen=True)
class FrancisResult:
    """Saturation by the stopping criterion of Francis et al. (2010).

    ``new_per_interview[k]`` is the number of codes first seen in interview ``k + 1``.
    ``stopped_at`` is the interview at which the stopping criterion is met; ``last_new`` the
    last interview up to then that added a code (None if none did).
    """

    interviews: int
    initial: int
    stop: int
    new_per_interview: tuple[int, ...]
    reached: bool
    stopped_at: int | None
    last_new: int | None
    label: str

    def statement(self) -> str:
        """Two sentences for a methods or results section."""
        method = (
            f"Saturation was assessed with the stopping criterion of Francis et al. (2010): an "
            f"initial analysis sample of {self.initial} interviews, then {self.stop} "
            f"consecutive interviews without new codes."
        )
        if not self.reached:
            return f"{method} Saturation was {_not_reached(self.label, self.interviews)}."
        last = f"the last new code came in interview {self.last_new}"
        last = last if self.last_new else "no earlier interview added a code"
        return f"{method} It was met at interview {self.stopped_at}; {last}."


def _francis_stop(new: IntArray, initial: int, stop: int) -> IntArray:
    """Per row, the interview (from 1) at which ``stop`` consecutive interviews after the
    initial sample added nothing, or 0 where that never happens."""
    quiet = np.cumsum(new[..., initial:] == 0, axis=-1)
    padded = np.concatenate([np.zeros((*quiet.shape[:-1], 1), dtype=quiet.dtype), quiet], axis=-1)
    met = (padded[..., stop:] - padded[..., :-stop]) == stop
    return np.where(met.any(axis=-1), initial + met.argmax(axis=-1) + stop, 0)


def _check_francis(initial: int, stop: int) -> None:
    _require(initial >= 1, f"the initial sample must hold at least 1 interview, not {initial}")
    _require(stop >= 1, f"the stopping criterion must be at least 1 interview, not {stop}")


def _francis_shortfall(interviews: int, initial: int, stop: int, total: int) -> str:
    """Why the rule cannot be applied at all, or ""."""
    if interviews < initial + stop:
        return (
            f"only {interviews} interviews, fewer than the initial sample of {initial} "
            f"plus {stop} for the stopping criterion"
        )
    return "" if total else "no interview holds any code"


def francis_saturation(
    codes_per_interview: Interviews, initial: int = 10, stop: int = 3
) -> FrancisResult:
    """Data saturation by the stopping criterion of Francis et al. (2010).

    Francis JJ, Johnston M, Robertson C, Glidewell L, Entwistle V, Eccles MP, Grimshaw JM
    (2010). "What is an adequate sample size? Operationalising data saturation for
    theory-based interview studies." Psychology & Health 25(10): 1229-1245.

    An **initial analysis sample** of ``initial`` interviews (default 10) is analysed first;
    the **stopping criterion** is then ``stop`` consecutive further interviews (default 3)
    that add no new code. Only interviews after the initial sample count towards the run of
    ``stop``: quiet interviews inside the initial sample do not. The result gives the
    interview at which the criterion is met (``stopped_at``) and the last interview up to
    then that added a code (``last_new``). Fewer than ``initial + stop`` interviews, or no
    code at all, give ``reached=False`` and a ``label`` that says why.
    """
    _check_francis(initial, stop)
    curve = discovery_curve(codes_per_interview)
    new = curve.new
    shortfall = _francis_shortfall(curve.interviews, initial, stop, curve.total)
    stopped = 0 if shortfall else int(_francis_stop(new, initial, stop))
    if shortfall or not stopped:
        quiet = f"no {stop} consecutive interviews without new codes after interview {initial}"
        label = f"not reached: {shortfall or quiet}"
    else:
        label = f"stopping criterion met at interview {stopped}"
    adding = np.flatnonzero(new[:stopped]) + 1
    last_new = int(adding[-1]) if stopped and len(adding) else None
    counts = tuple(int(count) for count in new)
    return FrancisResult(
        curve.interviews, initial, stop, counts, bool(stopped), stopped or None, last_new, label
    )


# -- random orders -------------------------------------------------------------------------------
def random_orders(interviews: int, orderings: int = 1000, seed: int = 0) -> IntArray:
    """Random orders of ``interviews`` interviews, one per row: row ``o`` lists the 0-based
    interviews in the order of ordering ``o``. The same seed gives the same orders; every
    function here that takes ``orderings`` and ``seed`` uses exactly these."""
    _require(orderings >= 1, f"at least 1 ordering is needed, not {orderings}")
    generator = np.random.default_rng(seed)
    orders = np.tile(np.arange(interviews, dtype=np.int64), (orderings, 1))
    return generator.permuted(orders, axis=1)


def _new_over_orders(
    codes_per_interview: Interviews, orderings: int, seed: int
) -> tuple[int, IntArray]:
    """The number of interviews, and new codes at each position of each random order."""
    interviews = _interviews(codes_per_interview)
    orders = random_orders(len(interviews), orderings, seed)
    return len(interviews), _first_seen_counts(interviews, orders)


def _first_seen_counts(interviews: Sequence[frozenset[Hashable]], orders: IntArray) -> IntArray:
    """New codes at each position of each ordering (orderings x interviews).

    A code is first met at the smallest position any of its interviews takes in the ordering.
    With ``ranks[o, i]`` the position of interview ``i`` in ordering ``o``, that is one
    ``np.minimum.reduceat`` over the code segments of the incidence; a bincount of those
    first positions gives the new codes per position.
    """
    count, length = orders.shape
    new = np.zeros((count, length), dtype=np.int64)
    rows, offsets = _incidence(interviews)
    if len(rows) == 0:
        return new
    ranks = np.empty_like(orders)
    np.put_along_axis(ranks, orders, np.broadcast_to(np.arange(length), orders.shape), axis=1)
    chunk = max(1, _CHUNK_CELLS // len(rows))
    for start in range(0, count, chunk):
        part = ranks[start : start + chunk]
        first = np.minimum.reduceat(part[:, rows], offsets[:-1], axis=1)
        first += (np.arange(len(part)) * length)[:, None]
        new[start : start + chunk] = np.bincount(first.ravel(), minlength=part.size).reshape(
            part.shape
        )
    return new


@dataclass(frozen=True, eq=False)
class OrderBand:
    """Cumulative unique codes at each position over random orders of the interviews.

    ``median``, ``low`` (2.5th percentile) and ``high`` (97.5th) have one value per position
    (``[k]`` for the first ``k + 1`` interviews).
    """

    median: FloatArray
    low: FloatArray
    high: FloatArray
    orderings: int
    seed: int

    @property
    def interviews(self) -> int:
        return len(self.median)


def random_order_curves(
    codes_per_interview: Interviews, orderings: int = 1000, seed: int = 0
) -> OrderBand:
    """The discovery curve over ``orderings`` random orders: median and 95% band per position.

    Vectorised (one reduceat per chunk of orderings), so 1,000 orders of 1,000 interviews
    take well under a second.
    """
    interviews, new = _new_over_orders(codes_per_interview, orderings, seed)
    if not interviews:
        empty = np.zeros(0)
        return OrderBand(empty, empty, empty, orderings, seed)
    low, median, high = np.percentile(np.cumsum(new, axis=1), [2.5, 50, 97.5], axis=0)
    return OrderBand(median=median, low=low, high=high, orderings=orderings, seed=seed)


@dataclass(frozen=True, eq=False)
class OrderSaturation:
    """How often, and where, a saturation rule is met over random orders of the interviews.

    ``at[o]`` is the saturation interview in ordering ``o`` (Guest: X of "X+Y"; Francis: the
    interview at which the stopping criterion is met), 0 where it is not reached. ``reason``
    is empty, or says why no ordering can reach saturation (too few interviews, no codes).
    """

    method: str
    orderings: int
    seed: int
    at: IntArray
    reason: str

    @property
    def reached(self) -> NDArray[np.bool_]:
        return self.at > 0

    @property
    def share_reached(self) -> float:
        return float(self.reached.mean())

    @property
    def median_at(self) -> float | None:
        found = self.at[self.reached]
        return float(np.median(found)) if len(found) else None

    @property
    def range_at(self) -> tuple[float, float] | None:
        """The 2.5th and 97.5th percentiles of ``at`` over the orders that reach saturation,
        taken as observed interview numbers (inverted-CDF percentiles), not interpolated."""
        found = self.at[self.reached]
        if not len(found):
            return None
        low, high = np.percentile(found, [2.5, 97.5], method="inverted_cdf")
        return float(low), float(high)

    def statement(self) -> str:
        """One sentence for a results section."""
        orders = f"In {self.orderings:,} random orders of the interviews"
        if self.reason:
            return f"{orders}, saturation ({self.method}) could not be reached: {self.reason}."
        if self.range_at is None:
            return f"{orders}, saturation ({self.method}) was reached in none."
        low, high = self.range_at
        return (
            f"{orders}, saturation ({self.method}) was reached in "
            f"{_percent(self.share_reached)} of orders, at a median of interview "
            f"{self.median_at:g} (95% range {low:g} to {high:g})."
        )


def guest_saturation_over_orders(
    codes_per_interview: Interviews,
    base: int = 4,
    run: int = 2,
    threshold: float = 0.05,
    orderings: int = 1000,
    seed: int = 0,
) -> OrderSaturation:
    """:func:`guest_saturation` on each of the :func:`random_orders`, vectorised.

    ``at[o]`` equals ``guest_saturation([codes[i] for i in orders[o]], ...).at`` (0 for None).
    """
    _check_guest(base, run, threshold)
    interviews, new = _new_over_orders(codes_per_interview, orderings, seed)
    method = f"Guest et al. 2020, base {base}, run {run}, ≤{_percent(threshold)}"
    # Only "no code at all" stops every order; an empty base in some orders just fails there.
    reason = _guest_shortfall(interviews, base, run, int(new.sum()) // orderings)
    if reason:
        return OrderSaturation(method, orderings, seed, np.zeros(orderings, np.int64), reason)
    at = _guest_first(np.cumsum(new, axis=1), base, run, threshold)
    return OrderSaturation(method, orderings, seed, at, "")


def francis_saturation_over_orders(
    codes_per_interview: Interviews,
    initial: int = 10,
    stop: int = 3,
    orderings: int = 1000,
    seed: int = 0,
) -> OrderSaturation:
    """:func:`francis_saturation` on each of the :func:`random_orders`, vectorised.

    ``at[o]`` is the interview at which the stopping criterion is met in ordering ``o``.
    """
    _check_francis(initial, stop)
    interviews, new = _new_over_orders(codes_per_interview, orderings, seed)
    method = f"Francis et al. 2010, initial sample {initial}, stopping criterion {stop}"
    reason = _francis_shortfall(interviews, initial, stop, int(new.sum()))
    if reason:
        return OrderSaturation(method, orderings, seed, np.zeros(orderings, np.int64), reason)
    at = _francis_stop(new, initial, stop).astype(np.int64)
    return OrderSaturation(method, orderings, seed, at, "")


# -- richness: Chao2 -----------------------------------------------------------------------------
Formula = Literal["classic", "bias-corrected", "observed", "not estimable"]


@dataclass(frozen=True)
class RichnessEstimate:
    """The Chao2 estimate of how many codes the study's population of interviews holds.

    ``observed`` is S_obs, ``singletons`` Q1 (codes in exactly one interview), ``doubletons``
    Q2 (in exactly two), ``interviews`` m. ``lower`` and ``upper`` bound the ``confidence``
    interval. ``formula`` names the branch used; ``reason`` says why there is no estimate.
    """

    interviews: int
    observed: int
    singletons: int
    doubletons: int
    estimate: float
    variance: float
    lower: float
    upper: float
    confidence: float
    formula: Formula
    reason: str = ""

    @property
    def estimable(self) -> bool:
        return self.formula != "not estimable"

    def statement(self) -> str:
        """One sentence for a results section."""
        if not self.estimable:
            return f"The number of codes could not be estimated: {self.reason}."
        return (
            f"The {self.interviews} interviews hold {self.observed} codes; the incidence-based "
            f"Chao2 estimator (Chao 1987, {self.formula} form) puts the total at "
            f"{self.estimate:.1f} ({_percent(self.confidence)} CI {self.lower:.1f} to "
            f"{self.upper:.1f})."
        )


def _log_normal_interval(
    observed: int, estimate: float, variance: float, z: float
) -> tuple[float, float]:
    """Chao (1987): log(estimate - observed) is taken as normal; the bounds never go below
    the observed count."""
    undetected = estimate - observed
    factor = math.exp(z * math.sqrt(math.log(1 + variance / undetected**2)))
    return observed + undetected / factor, observed + undetected * factor


def _observed_branch(frequencies: IntArray, m: int, z: float) -> tuple[float, float, float]:
    """No singletons to extrapolate from (Q1 = 0, or Q1 = 1 with Q2 = 0): the estimate is
    S_obs, with the variance and upper bound of SpadeR (SpecInciChao2). Its lower bound,
    max(S_obs, S_obs/(1-P) - z sd/(1-P)), can exceed the estimate when the variance is near
    zero (every code in every interview), so we take S_obs, the hard floor, instead."""
    observed = len(frequencies)
    unseen = np.exp(-frequencies.astype(np.float64))
    variance = float(np.sum(unseen - unseen**2) - np.sum(frequencies * unseen) ** 2 / m)
    variance = max(variance, 0.0)
    scale = 1 - float(unseen.sum()) / observed
    return variance, float(observed), (observed + z * math.sqrt(variance)) / scale


def _chao2_point(s_obs: int, q1: int, q2: int, m: int) -> tuple[Formula, float, float]:
    """Estimate and variance of the classic or bias-corrected Chao2 (needs q1 > 1 or q2 > 0)."""
    a = (m - 1) / m
    if q2 > 0:
        r = q1 / q2
        estimate = s_obs + a * q1**2 / (2 * q2)
        variance = q2 * (a * r**2 / 2 + a**2 * r**3 + a**2 * r**4 / 4)
        return "classic", estimate, variance
    estimate = s_obs + a * q1 * (q1 - 1) / 2
    variance = a * q1 * (q1 - 1) / 2 + a**2 * q1 * (2 * q1 - 1) ** 2 / 4
    variance -= a**2 * q1**4 / (4 * estimate)
    return "bias-corrected", estimate, max(variance, 0.0)


def chao2(codes_per_interview: Interviews, confidence: float = 0.95) -> RichnessEstimate:
    """Incidence-based Chao2 estimate of the total number of codes (Chao 1987).

    Chao A (1987). "Estimating the population size for capture-recapture data with unequal
    catchability." Biometrics 43(4): 783-791. Variance and interval as in Colwell RK,
    EstimateS User's Guide (Appendix B), and Chao's SpadeR package (SpecInciChao2).

    Why Chao2 and not Chao1: Chao1 needs abundances (how often each code was applied), but a
    saturation analysis has incidence (whether a code occurs in an interview; a code applied
    ten times in one talkative interview must not look common). For presence/absence per
    sampling unit the estimator is Chao2: Chao1's form with "in exactly one / two interviews"
    for "seen once / twice" and the factor (m - 1)/m.

    With m interviews, S_obs codes, Q1 codes in exactly one interview, Q2 in exactly two,
    A = (m - 1)/m and z the normal quantile for ``confidence``:

    * Q1 > 0 and Q2 > 0, classic: S = S_obs + A Q1² / (2 Q2);
      var = Q2 [A/2 (Q1/Q2)² + A² (Q1/Q2)³ + A²/4 (Q1/Q2)⁴].
    * Q2 = 0 and Q1 > 1, bias-corrected: S = S_obs + A Q1 (Q1 - 1) / 2;
      var = A Q1(Q1-1)/2 + A² Q1 (2Q1-1)²/4 - A² Q1⁴ / (4 S).
    * In both, the log-normal interval (Chao 1987) with T = S - S_obs and
      K = exp(z sqrt(ln(1 + var/T²))) is [S_obs + T/K, S_obs + T K].
    * Otherwise (Q1 = 0, or Q1 = 1 and Q2 = 0) nothing is extrapolated: S = S_obs;
      var = Σ_k Q_k (e^-k - e^-2k) - (Σ_k k e^-k Q_k)² / m and, with P = Σ_k Q_k e^-k / S_obs,
      the interval is [S_obs, (S_obs + z sd)/(1-P)] (see ``_observed_branch``).

    Fewer than 2 interviews give ``formula="not estimable"``, NaN figures and a ``reason``.
    """
    _require(0 < confidence < 1, f"the confidence level is between 0 and 1, not {confidence}")
    interviews = _interviews(codes_per_interview)
    m = len(interviews)
    _, offsets = _incidence(interviews)
    frequencies = np.diff(offsets)
    s_obs = len(frequencies)
    q1, q2 = int(np.sum(frequencies == 1)), int(np.sum(frequencies == 2))
    counts = (m, s_obs, q1, q2)
    if m < 2:
        nan = math.nan
        reason = f"Chao2 needs at least 2 interviews, and there {'is' if m == 1 else 'are'} {m}"
        return RichnessEstimate(*counts, nan, nan, nan, nan, confidence, "not estimable", reason)
    if s_obs == 0:
        return RichnessEstimate(*counts, 0.0, 0.0, 0.0, 0.0, confidence, "observed")
    z = NormalDist().inv_cdf(0.5 + confidence / 2)
    if (q1 > 0 and q2 > 0) or q1 > 1:
        formula, estimate, variance = _chao2_point(s_obs, q1, q2, m)
        lower, upper = _log_normal_interval(s_obs, estimate, variance, z)
        return RichnessEstimate(*counts, estimate, variance, lower, upper, confidence, formula)
    variance, lower, upper = _observed_branch(frequencies, m, z)
    return RichnessEstimate(*counts, float(s_obs), variance, lower, upper, confidence, "observed")


@dataclass(frozen=True)
class Undiscovered:
    """Codes probably not met yet: Chao2 minus the observed count, with its interval."""

    estimate: float
    lower: float
    upper: float
    richness: RichnessEstimate

    def statement(self) -> str:
        """One sentence for a results section."""
        if not self.richness.estimable:
            return self.richness.statement()
        return (
            f"An estimated {self.estimate:.1f} further codes "
            f"({_percent(self.richness.confidence)} CI {self.lower:.1f} to {self.upper:.1f}) "
            f"remain undiscovered (Chao2, Chao 1987)."
        )


def estimate_undiscovered(
    codes_per_interview: Interviews, confidence: float = 0.95
) -> Undiscovered:
    """How many codes the interviews have probably not revealed: :func:`chao2` - S_obs.

    The interval is Chao2's interval shifted by S_obs (for the log-normal interval that is
    [T/K, T K]); NaN when Chao2 is not estimable.
    """
    richness = chao2(codes_per_interview, confidence)
    observed = richness.observed
    return Undiscovered(
        richness.estimate - observed, richness.lower - observed, richness.upper - observed, richness
    )
