"""Inter-coder agreement over the documents coders both coded: per code and overall.

Character units as NVivo's coding comparison query counts them (every character of every
double-coded document is a unit, coded or not coded by each coder, per code), pooled over the
documents; optionally over only the characters at least one coder coded. Krippendorff's
alpha (nominal) on the same units; Fleiss' kappa for more than two coders; and the unitized
alphas over the documents laid end to end as one continuum: alpha-U (Krippendorff 2004, the
DKPro definition) and |u-alpha (Krippendorff et al. 2016, the family ATLAS.ti reports).
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Any

import numpy as np
import sqlalchemy as sa

from thematic.core import agreement as stats
from thematic.core import agreement_unitized as unitized
from thematic.core.models import Coding
from thematic.core.spans import merge_spans
from thematic.errors import Invalid
from thematic.store.schema import documents
from thematic.study.agreement import AgreementMixin, _check_coders

Span = tuple[int, int]


@dataclass(frozen=True, slots=True)
class AgreementRow:
    """Agreement on one code (or ``(all codes)``) between the coders compared."""

    code: str
    documents: int
    units: int  # characters compared
    coded: dict[str, int]  # characters each coder coded with this code
    agreement: float  # percent (two coders)
    kappa: float  # Cohen's kappa on characters, as NVivo (two coders)
    alpha: float  # Krippendorff's alpha, nominal, on characters
    fleiss: float  # Fleiss' kappa on characters (any number of coders)
    alpha_u: float  # Krippendorff's alpha-U (1995/2004, DKPro)
    u_alpha: float  # |u-alpha, binary (Krippendorff et al. 2016, ATLAS.ti)
    # A 95% bootstrap interval for alpha, resampling documents (two coders; else NaN).
    alpha_low: float = float("nan")
    alpha_high: float = float("nan")


@dataclass(frozen=True, slots=True)
class DomainRow:
    """cu-alpha for one semantic domain (a theme, whose codes are its categories), in the
    sense of Krippendorff et al. (2016) as ATLAS.ti reports it; NaN with a note when the
    definition does not apply (a coder's codes overlap inside the domain)."""

    domain: str
    cu_alpha: float
    note: str = ""


@dataclass(frozen=True, slots=True)
class AgreementReport:
    """Per-code rows and an overall row, with what was compared; per-theme cu-alpha and the
    Cu-alpha across all themes (the 2016 family)."""

    coders: tuple[str, ...]
    documents: tuple[int, ...]
    coded_only: bool
    rows: tuple[AgreementRow, ...]
    domains: tuple[DomainRow, ...] = ()
    Cu_alpha: float = float("nan")
    Cu_note: str = ""

    def records(self) -> list[dict[str, Any]]:
        """One flat mapping per row (coded characters as ``coded_<coder>`` columns)."""
        flat = []
        for row in self.rows:
            record = asdict(row)
            coded = record.pop("coded")
            flat.append(record | {f"coded_{name}": coded.get(name, 0) for name in self.coders})
        return flat

    def to_dataframe(self) -> Any:
        """The rows as a pandas DataFrame, one row per code."""
        import pandas as pd

        return pd.DataFrame.from_records(self.records()).set_index("code")


class ReliabilityMixin(AgreementMixin):
    """Agreement statistics between coders."""

    def agreement(
        self,
        coders: Sequence[str],
        *,
        documents: Sequence[int | str] | None = None,
        code: int | str | None = None,
        where: Mapping[str, Any] | None = None,
        coded_only: bool = False,
    ) -> AgreementReport:
        """Agreement between ``coders`` on the documents they all coded, per code and overall.

        ``documents`` limits the comparison to some documents; ``where`` to documents of
        participants with these attribute values (``{"site": "Karachi"}``); ``code`` to a
        code and its subtree. ``coded_only`` counts only characters at least one coder coded.
        """
        wanted = _check_coders(coders)
        # Each coder's codings are read once and serve both the choice of documents and the
        # comparison (on a large study the reading is most of the time).
        coded = {name: self.codings(coder=name) for name in wanted}
        shared = set.intersection(*({c.document_id for c in coded[n]} for n in wanted))
        if documents is not None:
            shared &= {self.document(ref).id for ref in documents}
        chosen = self._filtered(sorted(shared), where)
        if not chosen:
            raise Invalid(f"{', '.join(wanted)} have coded no document in common")
        lengths = self._lengths(chosen)
        offsets = dict(zip(chosen, np.cumsum([0, *[lengths[d] for d in chosen]]), strict=False))
        codes = self._codes_in(code)
        spans = _spans(coded, set(codes), offsets)
        total = int(sum(lengths.values()))
        bounds = np.array([int(offsets[d]) for d in chosen] + [total], dtype=np.int64)
        # A theme or subtheme counts the codings of its whole subtree, as NVivo's aggregated
        # nodes do; the overall row averages the codes at the bottom of the tree.
        rows, leaves = [], []
        for _code_id, path in codes.items():
            subtree = [i for i, p in codes.items() if p == path or p.startswith(path + "/")]
            gathered: dict[str, list[Span]] = {}
            for member in subtree:
                for coder, pieces in spans.get(member, {}).items():
                    gathered.setdefault(coder, []).extend(pieces)
            row = _row(path, len(chosen), gathered, wanted, bounds, coded_only)
            rows.append(row)
            if len(subtree) == 1:
                leaves.append(row)
        overall = _pooled(leaves, len(chosen), wanted)
        domains, cu_all, cu_note = _domains(spans, codes, wanted, total)
        return AgreementReport(
            wanted, tuple(chosen), coded_only, (*rows, overall), domains, cu_all, cu_note
        )

    def _lengths(self, chosen: list[int]) -> dict[int, int]:
        """Each document's length in code points, in one query (not loading the texts)."""
        with self._read() as connection:
            rows = connection.execute(
                sa.select(documents.c.id, sa.func.length(documents.c.text)).where(
                    documents.c.id.in_(chosen)
                )
            ).all()
        return {int(i): int(n) for i, n in rows}

    def _filtered(self, chosen: list[int], where: Mapping[str, Any] | None) -> list[int]:
        if not where:
            return chosen
        people = {p.label: p.attributes for p in self.participants()}
        kept = []
        for document_id in chosen:
            label = self.document(document_id).participant
            values = people.get(label or "", {})
            if all(
                str(values.get(k, "")).casefold() == str(v).casefold() for k, v in where.items()
            ):
                kept.append(document_id)
        return kept

    def _codes_in(self, code: int | str | None) -> dict[int, str]:
        all_codes = {c.id: c.path for c in self.codes()}
        if code is None:
            return all_codes
        root = self.code_by(code).path
        return {i: p for i, p in all_codes.items() if p == root or p.startswith(root + "/")}


def _spans(
    coded: Mapping[str, Sequence[Coding]], codes: set[int], offsets: Mapping[int, Any]
) -> dict[int, dict[str, list[Span]]]:
    """code -> coder -> spans on the continuum of the chosen documents end to end."""
    found: dict[int, dict[str, list[Span]]] = {}
    for coder, codings in coded.items():
        for c in codings:
            if c.document_id in offsets and c.code_id in codes:
                shift = int(offsets[c.document_id])
                found.setdefault(c.code_id, {}).setdefault(coder, []).append(
                    (c.start + shift, c.end + shift)
                )
    return found


def _row(
    path: str,
    documents: int,
    spans: Mapping[str, list[Span]],
    coders: tuple[str, ...],
    bounds: np.ndarray,
    coded_only: bool,
) -> AgreementRow:
    total = int(bounds[-1])
    merged = {name: merge_spans(spans.get(name, [])) for name in coders}
    coded = {name: int(sum(e - s for s, e in merged[name])) for name in coders}
    figures = stats.compare_coders(merged, total, coded_only=coded_only)
    low = high = float("nan")
    if len(coders) == 2 and figures["units"]:
        a, b = (_per_document(spans.get(name, []), bounds) for name in coders)
        table = stats.character_agreement_table(a, b, np.diff(bounds), coded_only=coded_only)
        counts = np.column_stack(
            [table["both"], table["a_only"], table["b_only"], table["neither"]]
        )
        low, high = stats.bootstrap_alpha(counts)
    return AgreementRow(path, documents, coded=coded, alpha_low=low, alpha_high=high, **figures)


def _per_document(spans: list[Span], bounds: np.ndarray) -> np.ndarray:
    """Continuum spans back to rows of (document index, start, end) inside that document."""
    if not spans:
        return np.zeros((0, 3), dtype=np.int64)
    array = np.asarray(spans, dtype=np.int64)
    index = np.searchsorted(bounds, array[:, 0], side="right") - 1
    local = array - bounds[index][:, None]
    return np.column_stack([index, local])


def _domains(
    spans: Mapping[int, Mapping[str, list[Span]]],
    codes: Mapping[int, str],
    coders: tuple[str, ...],
    total: int,
) -> tuple[tuple[DomainRow, ...], float, str]:
    """cu-alpha per theme over the codes that carry codings, and Cu-alpha across themes."""
    codings_by_coder: dict[str, list[tuple[int, int, str]]] = {name: [] for name in coders}
    for code_id, per_coder in spans.items():
        for name, coded in per_coder.items():
            codings_by_coder[name] += [(s, e, codes[code_id]) for s, e in merge_spans(coded)]
    themes = sorted({path.split("/")[0] for path in codes.values()})
    rows = []
    for theme in themes:
        inside = {
            name: [c for c in coded if c[2].split("/")[0] == theme]
            for name, coded in codings_by_coder.items()
        }
        rows.append(_domain_row(theme, inside, total))
    try:
        domain_of: dict[Hashable, Hashable] = {p: p.split("/")[0] for p in codes.values()}
        return tuple(rows), unitized.Cu_alpha(codings_by_coder, domain_of, total), ""
    except ValueError as error:
        return tuple(rows), float("nan"), str(error)


def _domain_row(
    theme: str, codings_by_coder: Mapping[str, list[tuple[int, int, str]]], total: int
) -> DomainRow:
    try:
        return DomainRow(theme, unitized.cu_alpha(codings_by_coder, total))
    except ValueError as error:
        return DomainRow(theme, float("nan"), str(error))


def _pooled(rows: list[AgreementRow], documents: int, coders: tuple[str, ...]) -> AgreementRow:
    """The overall row: each figure averaged over the codes at the bottom of the tree,
    weighted by the characters compared (NVivo users average a comparison the same way)."""
    units = sum(r.units for r in rows)
    coded = {name: sum(r.coded.get(name, 0) for r in rows) for name in coders}

    def mean(values: list[float]) -> float:
        kept = [v for v in values if not np.isnan(v)]
        return (
            float(
                np.average(
                    kept,
                    weights=[r.units for r, v in zip(rows, values, strict=True) if not np.isnan(v)],
                )
            )
            if kept
            else float("nan")
        )

    return AgreementRow(
        "(all codes)",
        documents,
        units,
        coded,
        mean([r.agreement for r in rows]),
        mean([r.kappa for r in rows]),
        mean([r.alpha for r in rows]),
        mean([r.fleiss for r in rows]),
        mean([r.alpha_u for r in rows]),
        mean([r.u_alpha for r in rows]),
    )
