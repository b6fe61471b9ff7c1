"""Thematic saturation from the study's own coding (issue 6).

:meth:`SaturationMixin.saturation` turns the study into the input the pure functions of
:mod:`thematic.core.saturation` take (one set of codes per interview, in the order the
interviews were done) and runs them: the published rule (Guest, Namey and Chen 2020, or
Francis et al. 2010), the same rule over random orders of the interviews, and Chao2.

What counts as an interview: each transcript that is not a translation. A translation's
codings count for the interview it translates, because an Urdu interview is usually coded on
its English translation; the interview is still one interview, not two.

The order: by the participants' interview date when the study records one (an attribute of
type date named ``interview_date``, or another date attribute with "interview" in its name),
else the order the transcripts were imported. The report says which.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd
import sqlalchemy as sa

from thematic.core import saturation as sat
from thematic.errors import Invalid
from thematic.store.schema import documents as documents_t
from thematic.study.quotes import QuotesMixin
from thematic.study.scope import DocumentInfo, Scope, check_level

METHODS = ("guest", "francis")
IMPORT_ORDER = "import order"
_NOUNS = {"code": "code", "subtheme": "subtheme", "theme": "theme"}


@dataclass(frozen=True)
class Interview:
    """One interview as the saturation analysis counts it (``position`` from 1)."""

    position: int
    document_id: int
    document: str
    participant: str | None
    date: str | None
    codes: tuple[str, ...]  # code paths at the analysis level, in codebook order
    new_codes: tuple[str, ...]  # those not met in an earlier interview

    @property
    def label(self) -> str:
        who = self.participant or self.document
        return f"{who} ({self.date})" if self.date else who


@dataclass(frozen=True, eq=False)
class SaturationReport:
    """The saturation analysis of a study; see :meth:`SaturationMixin.saturation`."""

    method: str  # "guest" or "francis"
    level: str  # "code", "subtheme" or "theme"
    layer: str  # the coding layer read, e.g. "consensus"
    order: str  # the date attribute the interviews are ordered by, or "import order"
    parameters: dict[str, float]
    interviews: tuple[Interview, ...]
    curve: sat.Curve
    result: sat.GuestResult | sat.FrancisResult
    band: sat.OrderBand
    over_orders: sat.OrderSaturation
    richness: sat.RichnessEstimate
    undiscovered: sat.Undiscovered

    @property
    def reached(self) -> bool:
        return self.result.reached

    @property
    def at(self) -> int | None:
        """The interview the method marks: X of Guest's "X+Y", or where Francis stopped."""
        if isinstance(self.result, sat.GuestResult):
            return self.result.at
        return self.result.stopped_at

    @property
    def label(self) -> str:
        """ "18+2" (Guest), "interview 17" (Francis), or why it was not reached."""
        if isinstance(self.result, sat.FrancisResult) and self.result.stopped_at:
            return f"interview {self.result.stopped_at}"
        return self.result.label

    @property
    def mark(self) -> str | None:
        """How a figure labels the saturation point: "18+2" (Guest), "interview 17" (Francis),
        None when it was not reached."""
        if not self.reached:
            return None
        return self.result.label if self.method == "guest" else f"interview {self.at}"

    @property
    def method_label(self) -> str:
        """The method and its parameters in a few words, e.g. for a figure's subtitle."""
        return self.over_orders.method

    @property
    def needed(self) -> int:
        """The fewest interviews the method can work with."""
        p = self.parameters
        return int(p["base"] + p["run"] if self.method == "guest" else p["initial"] + p["stop"])

    @property
    def too_few(self) -> bool:
        return len(self.interviews) < self.needed

    @property
    def noun(self) -> str:
        return _NOUNS[self.level]

    def statement(self) -> str:
        """A paragraph for the methods or results section."""
        if self.too_few:
            return self._too_few()
        parts = [self._method_sentence(), self._order_sentence(), self._orders_sentence()]
        if self.richness.estimable and self.curve.total:
            parts.append(self._chao2_sentence())
        return " ".join(parts)

    def to_dataframe(self) -> pd.DataFrame:
        """One row per interview, in the order analysed."""
        band = self.band
        rows = [
            {
                "position": i.position,
                "participant": i.participant or "",
                "date": i.date or "",
                "document": i.document,
                "codes": len(i.codes),
                "new": int(self.curve.new[k]),
                "cumulative": int(self.curve.cumulative[k]),
                "band_median": float(band.median[k]),
                "band_low": float(band.low[k]),
                "band_high": float(band.high[k]),
                "new_codes": "; ".join(i.new_codes),
            }
            for k, i in enumerate(self.interviews)
        ]
        frame = pd.DataFrame(rows, columns=_COLUMNS)
        frame.attrs.update(
            method=self.method,
            level=self.level,
            layer=self.layer,
            order=self.order,
            result=self.label,
            **{k: v for k, v in self.parameters.items()},
        )
        return frame

    # -- the sentences ------------------------------------------------------------------------
    def _plural(self, count: float) -> str:
        return self.noun if count == 1 else f"{self.noun}s"

    def _method_name(self) -> str:
        if self.method == "guest":
            return "the method of Guest, Namey and Chen (2020)"
        return "the stopping criterion of Francis et al. (2010)"

    def _too_few(self) -> str:
        n = len(self.interviews)
        has = "no interviews" if n == 0 else _count(n, "interview")
        p = self.parameters
        if self.method == "guest":
            need = f"the base of {p['base']:g} plus a run of {p['run']:g}"
        else:
            need = f"the initial sample of {p['initial']:g} plus {p['stop']:g} to stop"
        return (
            f"Saturation could not be assessed with {self._method_name()}: the study has "
            f"{has} (transcripts, not counting translations), fewer than {need}."
        )

    def _method_sentence(self) -> str:
        result, noun = self.result, self.noun
        if isinstance(result, sat.GuestResult):
            start = (
                f"Following Guest, Namey and Chen (2020), with a base of {result.base} "
                f"interviews, runs of {result.run} and a new-information threshold of "
                f"{_percent(result.threshold)} or less, saturation was "
            )
            if result.at is None:
                return f"{start}not reached in {len(self.interviews)} interviews: {_why(result)}."
            found = result.runs[result.at - result.base]
            return (
                f"{start}reached at {result.label}: the {_count(result.run, 'interview')} "
                f"after interview {result.at} added {_new(found.new, noun)} "
                f"({_percent(found.ratio)} of the {_count(result.base_unique, noun)} "
                f"in the base)."
            )
        start = (
            f"Following Francis et al. (2010), with an initial analysis sample of "
            f"{result.initial} interviews and a stopping criterion of {result.stop} "
            f"consecutive interviews without a new {noun}, saturation was "
        )
        if not result.reached:
            return f"{start}not reached in {len(self.interviews)} interviews: {_why(result)}."
        last = (
            f"the last new {noun} came in interview {result.last_new}"
            if result.last_new
            else f"no interview added a {noun}"
        )
        return f"{start}reached at interview {result.stopped_at}; {last}."

    def _order_sentence(self) -> str:
        if self.order == IMPORT_ORDER:
            order = (
                "the order their transcripts were imported (the study records no interview date)"
            )
        else:
            order = f"the order they were conducted ({self.order.replace('_', ' ')})"
        return (
            f"The {len(self.interviews)} interviews were taken in {order}; "
            f"{self.noun}s are those of the {self.layer} coding layer, "
            f"{self.curve.total} in all."
        )

    def _orders_sentence(self) -> str:
        over = self.over_orders
        orders = f"In {over.orderings:,} random orders of the interviews"
        if over.range_at is None:
            return f"{orders} it was reached in none."
        low, high = over.range_at
        return (
            f"{orders} it was reached in {over.share_reached * 100:.0f}% of orders "
            f"(median interview {over.median_at:g}, 95% range {low:g} to {high:g})."
        )

    def _chao2_sentence(self) -> str:
        gone = self.undiscovered
        return (
            f"The Chao2 estimator (Chao 1987) suggests that {gone.estimate:.1f} further "
            f"{self._plural(gone.estimate)} (95% CI {gone.lower:.1f} to {gone.upper:.1f}) "
            f"remain undiscovered."
        )


_COLUMNS = [
    "position",
    "participant",
    "date",
    "document",
    "codes",
    "new",
    "cumulative",
    "band_median",
    "band_low",
    "band_high",
    "new_codes",
]


def _count(count: int, noun: str) -> str:
    return f"{count} {noun}" if count == 1 else f"{count} {noun}s"


def _new(count: int, noun: str) -> str:
    return f"no new {noun}" if count == 0 else _count(count, f"new {noun}")


def _percent(fraction: float) -> str:
    return "–" if math.isnan(fraction) else f"{fraction * 100:.4g}%"


def _why(result: sat.GuestResult | sat.FrancisResult) -> str:
    return result.label.removeprefix("not reached: ")


class SaturationMixin(QuotesMixin):
    """Thematic saturation from the study's own coding (issue 6)."""

    def saturation(
        self,
        method: str = "guest",
        *,
        level: str = "code",
        coder: str | None = None,
        base: int = 4,
        run: int = 2,
        threshold: float = 0.05,
        initial: int = 10,
        stop: int = 3,
        orderings: int = 1000,
        seed: int = 0,
    ) -> SaturationReport:
        """When did further interviews stop adding codes? A :class:`SaturationReport`.

        ``method`` is ``"guest"`` (Guest, Namey and Chen 2020: ``base``, ``run``,
        ``threshold``) or ``"francis"`` (Francis et al. 2010: ``initial``, ``stop``).
        ``level`` is ``"code"`` (leaf codes), ``"subtheme"`` or ``"theme"``; ``coder`` as in
        every query (None: the consensus layer when it has codings). The rule is also run
        on ``orderings`` random orders of the interviews (``seed`` makes them repeatable),
        and Chao2 estimates how many codes the interviews have not shown yet.
        """
        if method not in METHODS:
            raise Invalid(f"method must be guest or francis, not {method!r}")
        check_level(level)
        with self._read() as connection:
            scope = self._scope(connection, coder=coder)
            roots = self._translation_roots(connection)
            defined = [(a.name, a.type) for a in self._attribute_defs(connection)]
            order, chosen = _interview_order(scope, roots, defined)
            mapping, rows = self._level_map(connection, level)
            counts = self._coding_counts(connection, scope, mapping)
        index = {info.id: k for k, (info, _) in enumerate(chosen)}
        found: list[set[int]] = [set() for _ in chosen]
        for code_id, document_id, _ in counts.tolist():
            k = index.get(roots.get(document_id, document_id))
            if k is not None and code_id in mapping:
                found[k].add(mapping[code_id])
        rank = {c.id: n for n, c in enumerate(rows)}
        sets = [sorted(codes, key=rank.__getitem__) for codes in found]
        parameters: dict[str, float] = (
            {"base": base, "run": run, "threshold": threshold}
            if method == "guest"
            else {"initial": initial, "stop": stop}
        )
        parameters |= {"orderings": orderings, "seed": seed}
        interviews = _interviews(chosen, sets, {c.id: c.path for c in rows})
        return _analyse(method, level, scope.layer, order, parameters, interviews, sets)

    def _translation_roots(self, connection: sa.Connection) -> dict[int, int]:
        """Each translation -> the document it translates, followed to the original."""
        parent = {
            int(i): int(t)
            for i, t in connection.execute(
                sa.select(documents_t.c.id, documents_t.c.translation_of).where(
                    documents_t.c.translation_of.is_not(None)
                )
            )
        }
        roots = {}
        for document_id in parent:
            root, seen = document_id, {document_id}
            while root in parent and parent[root] not in seen:  # a cycle stops the walk
                root = parent[root]
                seen.add(root)
            roots[document_id] = root
        return roots


Chosen = list[tuple[DocumentInfo, str | None]]  # an interview's document and its date


def _interview_order(
    scope: Scope, roots: dict[int, int], defined: Sequence[tuple[str, str]]
) -> tuple[str, Chosen]:
    """The interviews (transcripts that are not translations) in order, with their dates,
    and how they were ordered: by the date attribute's name, or "import order"."""
    transcripts = [
        d for d in scope.documents.values() if d.kind == "transcript" and d.id not in roots
    ]
    attribute = _date_attribute(defined, scope)
    if attribute is None:
        return IMPORT_ORDER, [(d, None) for d in transcripts]
    dated = [
        (d, scope.attributes.get(d.participant or "", {}).get(attribute) or None)
        for d in transcripts
    ]
    # ISO dates sort as text; interviews without a date go last, in import order (the sort
    # is stable and the documents come in import order).
    dated.sort(key=lambda pair: (pair[1] is None, pair[1] or ""))
    return attribute, dated


def _date_attribute(defined: Sequence[tuple[str, str]], scope: Scope) -> str | None:
    """The participants' interview-date attribute, if the study has one with values."""
    dated = [name for name, kind in defined if kind == "date" and "interview" in name.lower()]
    dated.sort(key=lambda name: name.lower() != "interview_date")
    for name in dated:
        if any(values.get(name) for values in scope.attributes.values()):
            return name
    return None


def _interviews(
    chosen: Chosen, sets: Sequence[Sequence[int]], paths: dict[int, str]
) -> tuple[Interview, ...]:
    seen: set[int] = set()
    interviews = []
    for k, ((info, date), codes) in enumerate(zip(chosen, sets, strict=True)):
        new = [c for c in codes if c not in seen]
        seen.update(codes)
        interviews.append(
            Interview(
                position=k + 1,
                document_id=info.id,
                document=info.title,
                participant=info.participant,
                date=date,
                codes=tuple(paths[c] for c in codes),
                new_codes=tuple(paths[c] for c in new),
            )
        )
    return tuple(interviews)


def _analyse(
    method: str,
    level: str,
    layer: str,
    order: str,
    parameters: dict[str, float],
    interviews: tuple[Interview, ...],
    sets: Sequence[Sequence[int]],
) -> SaturationReport:
    """Run the pure functions on the code sets and build the report."""
    p, orderings, seed = parameters, int(parameters["orderings"]), int(parameters["seed"])
    result: sat.GuestResult | sat.FrancisResult
    if method == "guest":
        base, run, threshold = int(p["base"]), int(p["run"]), float(p["threshold"])
        result = sat.guest_saturation(sets, base, run, threshold)
        over = sat.guest_saturation_over_orders(sets, base, run, threshold, orderings, seed)
    else:
        initial, stop = int(p["initial"]), int(p["stop"])
        result = sat.francis_saturation(sets, initial, stop)
        over = sat.francis_saturation_over_orders(sets, initial, stop, orderings, seed)
    return SaturationReport(
        method=method,
        level=level,
        layer=layer,
        order=order,
        parameters=parameters,
        interviews=interviews,
        curve=sat.discovery_curve(sets),
        result=result,
        band=sat.random_order_curves(sets, orderings, seed),
        over_orders=over,
        richness=sat.chao2(sets),
        undiscovered=sat.estimate_undiscovered(sets),
    )


__all__ = ["Interview", "SaturationMixin", "SaturationReport"]
