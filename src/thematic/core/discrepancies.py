"""Where coders differ: the places a team discusses when it reconciles double coding.

For one document, each code's spans from every coder are grouped into clusters of
overlapping spans (a span of one coder and an overlapping span of another are about the same
passage). A cluster is a discrepancy unless every coder coded exactly the same characters:

* ``boundaries``: every coder applied the code there, with different start or end;
* ``different_codes``: some coders did not apply this code there but applied another code to
  an overlapping passage (they read the passage differently);
* ``only_one``: some coders applied the code and the others coded nothing of it there (one
  coder missed it, or the other over-coded).

Pure functions over plain tuples; offsets are code points, ends exclusive.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from thematic.core.spans import merge_spans, overlaps

__all__ = ["KINDS", "Discrepancy", "find_discrepancies"]

KINDS = ("only_one", "boundaries", "different_codes")
Span = tuple[int, int]
CodingTuple = tuple[str, int, int, int]  # coder, code, start, end


@dataclass(frozen=True, slots=True)
class Discrepancy:
    """One place where the coders' codings of one code differ."""

    kind: str
    code: int
    start: int  # the extent of the cluster, all coders together
    end: int
    spans: dict[str, tuple[Span, ...]]  # coder -> their spans of this code in the cluster
    other_codes: dict[str, tuple[int, ...]] = field(default_factory=dict)  # for different_codes


def _clusters(by_coder: dict[str, list[Span]]) -> list[dict[str, list[Span]]]:
    """Groups of overlapping spans across coders (each coder's spans merged first)."""
    marked = sorted(
        (start, end, coder) for coder, spans in by_coder.items() for start, end in spans
    )
    clusters: list[dict[str, list[Span]]] = []
    extent_end = -1
    for start, end, coder in marked:
        if not clusters or start >= extent_end:
            clusters.append({})
            extent_end = end
        else:
            extent_end = max(extent_end, end)
        clusters[-1].setdefault(coder, []).append((start, end))
    return clusters


def find_discrepancies(codings: Iterable[CodingTuple], coders: Sequence[str]) -> list[Discrepancy]:
    """Every discrepancy among ``coders`` in one document's codings, in text order."""
    wanted = tuple(dict.fromkeys(coders))
    if len(wanted) < 2:
        raise ValueError("comparing coders needs at least two different coders")
    spans: dict[int, dict[str, list[Span]]] = {}
    for coder, code, start, end in codings:
        if coder in wanted:
            spans.setdefault(code, {}).setdefault(coder, []).append((start, end))
    for per_coder in spans.values():
        for coder in per_coder:
            per_coder[coder] = merge_spans(per_coder[coder])
    found = []
    for code, per_coder in spans.items():
        for cluster in _clusters(per_coder):
            item = _judge(code, cluster, wanted, spans)
            if item is not None:
                found.append(item)
    return sorted(found, key=lambda d: (d.start, d.end, d.code))


def _judge(
    code: int,
    cluster: dict[str, list[Span]],
    coders: tuple[str, ...],
    spans: dict[int, dict[str, list[Span]]],
) -> Discrepancy | None:
    start = min(s for coded in cluster.values() for s, _ in coded)
    end = max(e for coded in cluster.values() for _, e in coded)
    shown = {coder: tuple(coded) for coder, coded in cluster.items()}
    absent = [coder for coder in coders if coder not in cluster]
    if not absent:
        if len({tuple(coded) for coded in cluster.values()}) == 1:
            return None
        return Discrepancy("boundaries", code, start, end, shown)
    others = {
        coder: tuple(
            sorted(
                other
                for other, per_coder in spans.items()
                if other != code
                and any(overlaps((start, end), span) for span in per_coder.get(coder, []))
            )
        )
        for coder in absent
    }
    others = {coder: codes for coder, codes in others.items() if codes}
    kind = "different_codes" if others else "only_one"
    return Discrepancy(kind, code, start, end, shown, others)
