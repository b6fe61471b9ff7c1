"""Comparing coders: the documents they double-coded and where their codings differ."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from thematic.core.discrepancies import Discrepancy, find_discrepancies
from thematic.core.models import Coding
from thematic.errors import Invalid
from thematic.study.assignments import AssignmentsMixin


@dataclass(frozen=True, slots=True)
class DiscrepancyRow:
    """A discrepancy placed in its document, with the words and codes a team discusses."""

    document_id: int
    document: str
    participant: str | None
    kind: str
    code: str  # path
    start: int
    end: int
    text: str
    spans: dict[str, tuple[tuple[int, int], ...]]
    other_codes: dict[str, tuple[str, ...]]


class AgreementMixin(AssignmentsMixin):
    """Double-coded documents and discrepancies between coders."""

    def double_coded(
        self, coders: Sequence[str], documents: Sequence[int | str] | None = None
    ) -> list[int]:
        """Documents every one of ``coders`` has coded (optionally within ``documents``)."""
        wanted = _check_coders(coders)
        by_coder: dict[str, set[int]] = {name: set() for name in wanted}
        for name in wanted:
            by_coder[name] = {c.document_id for c in self.codings(coder=name)}
        shared = set.intersection(*by_coder.values())
        if documents is not None:
            shared &= {self.document(ref).id for ref in documents}
        return sorted(shared)

    def discrepancies(
        self,
        coders: Sequence[str],
        documents: Sequence[int | str] | None = None,
        code: int | str | None = None,
    ) -> list[DiscrepancyRow]:
        """Every place the coders differ, by document and position: only one coder applied a
        code, both applied it with different boundaries, or they applied different codes to
        the same passage. ``code`` limits it to a code and its subtree."""
        wanted = _check_coders(coders)
        paths = {c.id: c.path for c in self.codes()}
        subtree = None
        if code is not None:
            root = self.code_by(code).path
            subtree = {i for i, p in paths.items() if p == root or p.startswith(root + "/")}
        rows: list[DiscrepancyRow] = []
        for document_id in self.double_coded(wanted, documents):
            document = self.document(document_id)
            codings = [c for c in self.codings(document=document_id) if c.coder in wanted]
            for item in find_discrepancies(_tuples(codings), wanted):
                if subtree is None or item.code in subtree:
                    rows.append(
                        _row(
                            document.id,
                            document.title,
                            document.participant,
                            document.text,
                            item,
                            paths,
                        )
                    )
        return rows


def _check_coders(coders: Sequence[str]) -> tuple[str, ...]:
    wanted = tuple(dict.fromkeys(coders))
    if len(wanted) < 2:
        raise Invalid("comparing coders needs at least two different coders")
    return wanted


def _tuples(codings: Sequence[Coding]) -> list[tuple[str, int, int, int]]:
    return [(c.coder, c.code_id, c.start, c.end) for c in codings]


def _row(
    document_id: int,
    title: str,
    participant: str | None,
    text: str,
    item: Discrepancy,
    paths: dict[int, str],
) -> DiscrepancyRow:
    return DiscrepancyRow(
        document_id=document_id,
        document=title,
        participant=participant,
        kind=item.kind,
        code=paths[item.code],
        start=item.start,
        end=item.end,
        text=text[item.start : item.end],
        spans=item.spans,
        other_codes={c: tuple(paths[i] for i in ids) for c, ids in item.other_codes.items()},
    )
