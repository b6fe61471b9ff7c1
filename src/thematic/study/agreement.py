"""Comparing coders: the documents they double-coded, where their codings differ, and the
team's reconciliation into the consensus layer (which analysis uses by default; each coder's
own layer stays as it was, so agreement before reconciliation stays reportable)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace

import sqlalchemy as sa

from thematic.core.discrepancies import Discrepancy, find_discrepancies
from thematic.core.models import Assignment, Coding
from thematic.core.spans import check_span
from thematic.errors import Invalid
from thematic.store.schema import codings, decisions, users
from thematic.study._base import CONSENSUS, new_id, utcnow
from thematic.study.assignments import AssignmentsMixin

DECISIONS = ("accept", "reject", "adjust")


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
    decision: str | None = None  # accept, reject or adjust, once the team has decided
    note: str = ""


@dataclass(frozen=True, slots=True)
class Decision:
    """The team's decision on one discrepancy, and what it put in the consensus layer."""

    id: int
    document_id: int
    code: str
    start: int
    end: int
    kind: str
    decision: str
    result: tuple[int, int] | None
    note: str
    decided_by: str
    decided_at: dt.datetime


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
        decided = {(d.document_id, d.code, d.start, d.end): d for d in self.decisions()}
        for document_id in self.double_coded(wanted, documents):
            document = self.document(document_id)
            codings_here = [c for c in self.codings(document=document_id) if c.coder in wanted]
            for item in find_discrepancies(_tuples(codings_here), wanted):
                if subtree is not None and item.code not in subtree:
                    continue
                row = _row(
                    document.id, document.title, document.participant, document.text, item, paths
                )
                made = decided.get((row.document_id, row.code, row.start, row.end))
                if made is not None:
                    row = replace(row, decision=made.decision, note=made.note)
                rows.append(row)
        return rows

    # -- reconciliation: the consensus layer ----------------------------------------------
    def adopt_agreed(self, coders: Sequence[str]) -> int:
        """Copy every coding all ``coders`` made identically (same code, same span) into the
        consensus layer; returns how many consensus codings were added. (This also happens
        by itself for a document once every coder assigned to it has marked it complete.)"""
        self._require("manage")
        wanted = _check_coders(coders)
        return self._adopt(self.double_coded(wanted), wanted)

    def _adopt(self, document_ids: Sequence[int], coders: tuple[str, ...]) -> int:
        """Identical codings of all ``coders`` on these documents into the consensus layer."""
        agreed: set[tuple[int, int, int, int]] = set()
        for document_id in document_ids:
            seen: dict[tuple[int, int, int], set[str]] = {}
            for c in self.codings(document=document_id):
                if c.coder in coders:
                    seen.setdefault((c.code_id, c.start, c.end), set()).add(c.coder)
            agreed |= {
                (document_id, code, s, e)
                for (code, s, e), who in seen.items()
                if len(who) == len(coders)
            }
        if not agreed:
            return 0
        self._ensure_consensus()
        with self._tx() as connection:
            consensus_id = self._coder_id(connection, CONSENSUS)
            before = connection.execute(
                sa.select(sa.func.count()).where(codings.c.coder_id == consensus_id)
            ).scalar_one()
            for document_id, code_id, start, end in sorted(agreed):
                self._insert_coding(
                    connection, document_id, start, end, code_id, consensus_id, CONSENSUS
                )
            after = connection.execute(
                sa.select(sa.func.count()).where(codings.c.coder_id == consensus_id)
            ).scalar_one()
            self._audit(
                connection,
                "consensus.adopt",
                f"{len(document_ids)} documents",
                coders=list(coders),
                added=int(after - before),
            )
        return int(after - before)

    def complete_assignment(self, document: int | str, coder: str | None = None) -> Assignment:
        """As AssignmentsMixin.complete_assignment; when every coder assigned to the document
        has finished, their identical codings go into the consensus layer by themselves."""
        done = super().complete_assignment(document, coder)
        team = self.assignments(document=done.document_id)
        if len(team) > 1 and all(a.complete for a in team):
            self._adopt([done.document_id], tuple(a.coder for a in team))
        return done

    def _ensure_consensus(self) -> None:
        """The consensus layer is a member of its own; made on first use, whoever's action
        needs it (the rule, not the acting user, creates it)."""
        with self._tx() as connection:
            if self._find_coder(connection, CONSENSUS) is None:
                connection.execute(
                    users.insert().values(name=CONSENSUS, role="consensus", created_at=utcnow())
                )
                self._audit(connection, "coder.add", CONSENSUS, role="consensus")

    def decide(
        self,
        document: int | str,
        code: int | str,
        start: int,
        end: int,
        decision: str,
        *,
        span: tuple[int, int] | None = None,
        note: str = "",
        kind: str = "",
    ) -> Decision:
        """Record the team's decision on the discrepancy of ``code`` at ``start``-``end`` and
        update the consensus layer in the same transaction: ``accept`` codes the passage
        (``span``, default the whole extent), ``reject`` leaves it uncoded, ``adjust`` codes
        the ``span`` the team agreed on. A new decision on the same place replaces the old."""
        self._require("manage")
        if decision not in DECISIONS:
            raise Invalid(f"a decision is one of {', '.join(DECISIONS)}")
        if decision == "adjust" and span is None:
            raise Invalid("an adjusted decision needs the agreed span")
        result = None if decision == "reject" else (span or (start, end))
        self._ensure_consensus()
        with self._tx() as connection:
            document_id = self._document_id(connection, document)
            found = self._code(connection, code)
            length = self._length(connection, document_id)
            for a, b in [(start, end), *([result] if result else [])]:
                if reason := check_span(a, b, length):
                    raise Invalid(f"document {document_id}: {reason}")
            consensus_id = self._coder_id(connection, CONSENSUS)
            connection.execute(
                codings.delete().where(
                    (codings.c.document_id == document_id)
                    & (codings.c.code_id == found.id)
                    & (codings.c.coder_id == consensus_id)
                    & (codings.c.start < end)
                    & (codings.c.end > start)
                )
            )
            if result is not None:
                self._insert_coding(
                    connection, document_id, *result, found.id, consensus_id, CONSENSUS
                )
            decision_id = self._record_decision(
                connection, document_id, found.id, (start, end), kind, decision, result, note
            )
            self._audit(
                connection,
                f"decision.{decision}",
                f"document {document_id}",
                code=found.path,
                span=[start, end],
                result=list(result or ()),
                note=note,
            )
        return next(d for d in self.decisions(document=document_id) if d.id == decision_id)

    def _record_decision(
        self,
        connection: sa.Connection,
        document_id: int,
        code_id: int,
        extent: tuple[int, int],
        kind: str,
        decision: str,
        result: tuple[int, int] | None,
        note: str,
    ) -> int:
        place = (
            (decisions.c.document_id == document_id)
            & (decisions.c.code_id == code_id)
            & (decisions.c.start == extent[0])
            & (decisions.c.end == extent[1])
        )
        connection.execute(decisions.delete().where(place))
        return new_id(
            connection,
            decisions.insert().values(
                document_id=document_id,
                code_id=code_id,
                start=extent[0],
                end=extent[1],
                kind=kind,
                decision=decision,
                result_start=result[0] if result else None,
                result_end=result[1] if result else None,
                note=note,
                decided_by=self.actor,
                decided_at=utcnow(),
            ),
        )

    def decisions(self, document: int | str | None = None) -> list[Decision]:
        """The team's decisions, oldest first."""
        paths = {c.id: c.path for c in self.codes()}
        query = sa.select(decisions).order_by(decisions.c.decided_at, decisions.c.id)
        with self._read() as connection:
            if document is not None:
                query = query.where(
                    decisions.c.document_id == self._document_id(connection, document)
                )
            return [
                Decision(
                    r.id,
                    r.document_id,
                    paths[r.code_id],
                    r.start,
                    r.end,
                    r.kind,
                    r.decision,
                    (r.result_start, r.result_end) if r.result_start is not None else None,
                    r.note,
                    r.decided_by,
                    r.decided_at,
                )
                for r in connection.execute(query)
            ]


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
