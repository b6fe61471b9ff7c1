"""The six phases as a light workflow, the study's progress, and the thematic map (issue 6).

Braun and Clarke's (2006) phases are not a gate: the owner records which phase the team is
in, with a dated note, and memos can be linked to a phase (``link=("phase", 3)``). The
status adds up what is done and what is left from the study's own records. The thematic map
is the team's drawn relations between themes and subthemes ("systemic inertia fuels
organizational inadequacies"), each with a label and, optionally, the memo that argues it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

import sqlalchemy as sa

from thematic.core.models import Code
from thematic.core.phases import PHASES, is_phase, phase_name
from thematic.errors import Conflict, Invalid, NotFound
from thematic.store.schema import (
    assignments,
    code_relations,
    codings,
    decisions,
    documents,
    memos,
    phase_changes,
    users,
)
from thematic.study._base import CONSENSUS, new_id, utcnow
from thematic.study.agreement import AgreementMixin
from thematic.study.memos import MemosMixin
from thematic.study.quotes import QuotesMixin

LABEL_LENGTH = 300  # code_relations.label


@dataclass(frozen=True, slots=True)
class Phase:
    """The phase a study is in: its number (1 to 6), name, and who moved it there when."""

    number: int
    name: str
    description: str
    since: dt.datetime | None = None  # None: phase 1, never recorded
    by: str | None = None
    note: str = ""


@dataclass(frozen=True, slots=True)
class PhaseChange:
    """One recorded move to a phase (or a further dated note on the current one)."""

    id: int
    phase: int
    name: str
    at: dt.datetime
    actor: str
    note: str


@dataclass(frozen=True, slots=True)
class StudyStatus:
    """Progress: the phase, transcripts coded, double coding, reconciliation, memos, and the
    sentences saying what is left. A transcript is an interview: its translations count
    with it (a translation coded counts as the interview coded)."""

    phase: Phase
    transcripts: int  # interviews: transcripts that are not translations
    coded_consensus: int  # ... with a coding in the consensus layer
    coded_any: int  # ... with a coding by anyone
    double_coding: int  # documents assigned for double coding
    double_coded: int  # ... of which every assigned coder has marked theirs complete
    reconciled: int  # decisions on those double-coded documents
    open_discrepancies: int  # discrepancies there without a decision
    documents_with_open: int  # double-coded documents with at least one open discrepancy
    memos_by_phase: dict[int, int]
    relations: int  # relations on the thematic map
    left: tuple[str, ...]  # what is left, as sentences


@dataclass(frozen=True, slots=True)
class Relation:
    """A relation drawn on the thematic map from one theme or subtheme to another."""

    id: int
    source_id: int
    source: str  # path
    target_id: int
    target: str  # path
    label: str
    memo_id: int | None
    created_by: str
    created_at: dt.datetime


class PhasesMixin(QuotesMixin, AgreementMixin, MemosMixin):
    """The six phases, the study's status, and the relations of the thematic map."""

    # -- phases ----------------------------------------------------------------------------
    def set_phase(self, phase: int, note: str = "") -> Phase:
        """Record that the study is now in ``phase`` (1 to 6), with a dated note (owner).

        Recording the current phase again adds a dated note to it."""
        self._require("manage")
        if not is_phase(phase):
            raise Invalid(f"a phase is a number from 1 to {len(PHASES)} (got {phase!r})")
        with self._tx() as connection:
            connection.execute(
                phase_changes.insert().values(
                    phase=phase, at=utcnow(), actor=self.actor, note=note.strip()
                )
            )
            self._audit(connection, "phase.set", str(phase), name=phase_name(phase), note=note)
        return self.phase()

    def phase(self) -> Phase:
        """The current phase: the last recorded, or phase 1 before any was recorded."""
        with self._read() as connection:
            return self._phase(connection)

    def _phase(self, connection: sa.Connection) -> Phase:
        row = connection.execute(
            sa.select(phase_changes)
            .order_by(phase_changes.c.at.desc(), phase_changes.c.id.desc())
            .limit(1)
        ).one_or_none()
        if row is None:
            return Phase(1, phase_name(1), PHASES[0][2])
        return Phase(
            row.phase, phase_name(row.phase), PHASES[row.phase - 1][2], row.at, row.actor, row.note
        )

    def phase_history(self) -> list[PhaseChange]:
        """Every recorded phase change, oldest first."""
        with self._read() as connection:
            rows = connection.execute(
                sa.select(phase_changes).order_by(phase_changes.c.at, phase_changes.c.id)
            )
            return [
                PhaseChange(r.id, r.phase, phase_name(r.phase), r.at, r.actor, r.note) for r in rows
            ]

    # -- status ----------------------------------------------------------------------------
    def status(self) -> StudyStatus:
        """Where the study stands: the phase, transcripts coded (by the consensus layer, by
        anyone), double coding completed, discrepancies reconciled and open, memos per
        phase, relations on the map, and what is left."""
        with self._read() as connection:
            current = self._phase(connection)
            interviews, coded_any, coded_consensus = self._coded_interviews(connection)
            teams = self._double_coding_teams(connection)
            memo_counts = dict.fromkeys(range(1, len(PHASES) + 1), 0)
            for number, count in connection.execute(
                sa.select(memos.c.link_id, sa.func.count())
                .where(memos.c.link_type == "phase")
                .group_by(memos.c.link_id)
            ):
                memo_counts[int(number)] = int(count)
            relations = int(
                connection.execute(
                    sa.select(sa.func.count()).select_from(code_relations)
                ).scalar_one()
            )
            # A team: someone codes besides the owner (who may not be a member row at all).
            roles = [r for (r,) in connection.execute(sa.select(users.c.role))]
            team = "coder" in roles or roles.count("owner") >= 2
            has_consensus = self._find_coder(connection, CONSENSUS) is not None
        done = {doc: coders for doc, (coders, complete) in teams.items() if complete}
        reconciled, open_count, with_open = self._reconciliation(done)
        status = StudyStatus(
            phase=current,
            transcripts=interviews,
            coded_consensus=coded_consensus,
            coded_any=coded_any,
            double_coding=len(teams),
            double_coded=len(done),
            reconciled=reconciled,
            open_discrepancies=open_count,
            documents_with_open=with_open,
            memos_by_phase=memo_counts,
            relations=relations,
            left=(),
        )
        return _with_left(status, has_consensus=has_consensus, team=team)

    def _coded_interviews(self, connection: sa.Connection) -> tuple[int, int, int]:
        """Interviews, those coded by anyone, those coded in the consensus layer."""
        original = (documents.c.kind == "transcript") & documents.c.translation_of.is_(None)
        interview_ids = sa.select(documents.c.id).where(original)
        total = connection.execute(
            sa.select(sa.func.count()).select_from(documents).where(original)
        ).scalar_one()
        interview = sa.func.coalesce(documents.c.translation_of, documents.c.id)
        coded = (
            sa.select(sa.func.count(sa.distinct(interview)))
            .select_from(codings.join(documents, documents.c.id == codings.c.document_id))
            .where((documents.c.kind == "transcript") & interview.in_(interview_ids))
        )
        consensus_id = self._find_coder(connection, CONSENSUS)
        by_anyone = connection.execute(coded).scalar_one()
        by_consensus = (
            0
            if consensus_id is None
            else connection.execute(coded.where(codings.c.coder_id == consensus_id)).scalar_one()
        )
        return int(total), int(by_anyone), int(by_consensus)

    def _double_coding_teams(
        self, connection: sa.Connection
    ) -> dict[int, tuple[tuple[str, ...], bool]]:
        """Per assigned document: its coders, and whether every one has completed it."""
        rows = connection.execute(
            sa.select(assignments.c.document_id, users.c.name, assignments.c.completed_at)
            .join(users, users.c.id == assignments.c.coder_id)
            .order_by(assignments.c.document_id, users.c.name)
        )
        teams: dict[int, tuple[tuple[str, ...], bool]] = {}
        for document_id, name, completed_at in rows:
            coders, complete = teams.get(document_id, ((), True))
            teams[document_id] = ((*coders, name), complete and completed_at is not None)
        # Teams that double-code without assignments (the demo does): a document two or more
        # coders (not the consensus layer) have coded counts as double-coded and complete.
        coded = connection.execute(
            sa.select(codings.c.document_id, users.c.name)
            .join(users, users.c.id == codings.c.coder_id)
            .where(users.c.role != CONSENSUS)
            .group_by(codings.c.document_id, users.c.name)
            .order_by(codings.c.document_id, users.c.name)
        )
        unassigned: dict[int, tuple[str, ...]] = {}
        for document_id, name in coded:
            if document_id not in teams:
                unassigned[document_id] = (*unassigned.get(document_id, ()), name)
        teams.update({d: (c, True) for d, c in unassigned.items() if len(c) >= 2})
        return teams

    def _reconciliation(self, done: dict[int, tuple[str, ...]]) -> tuple[int, int, int]:
        """Decisions made, open discrepancies, and documents with any open, on the documents
        every assigned coder completed: one discrepancy query per team of coders."""
        by_team: dict[tuple[str, ...], list[int | str]] = {}
        for document_id, coders in done.items():
            if len(coders) >= 2:
                by_team.setdefault(coders, []).append(document_id)
        open_count, with_open = 0, set()
        for coders, ids in by_team.items():
            for row in self.discrepancies(coders, ids):
                if row.decision is None:
                    open_count += 1
                    with_open.add(row.document_id)
        if not done:
            return 0, open_count, len(with_open)
        with self._read() as connection:
            reconciled = connection.execute(
                sa.select(sa.func.count()).where(decisions.c.document_id.in_(list(done)))
            ).scalar_one()
        return int(reconciled), open_count, len(with_open)

    # -- the thematic map ------------------------------------------------------------------
    def relate(
        self,
        source: int | str,
        target: int | str,
        label: str,
        *,
        memo: int | str | None = None,
    ) -> Relation:
        """Draw a relation on the thematic map from one theme or subtheme to another (codes
        by id or path), labelled (``"fuels"``). ``memo`` is the id of the memo that supports
        it, or a text: a new analytic memo linked to the source code."""
        self._require("codebook")
        label = " ".join(label.split())
        if not label:
            raise Invalid("a relation needs a label, e.g. 'fuels' or 'undermines'")
        if len(label) > LABEL_LENGTH:
            raise Invalid(f"a relation's label is at most {LABEL_LENGTH} characters")
        if isinstance(memo, str) and not memo.strip():
            memo = None
        with self._tx() as connection:
            start, end = self._map_code(connection, source), self._map_code(connection, target)
            if start.id == end.id:
                raise Invalid(f"a theme cannot be related to itself ({start.path})")
            self._refuse_duplicate(connection, start, end, label)
            memo_id = self._relation_memo(connection, memo, start, end, label)
            relation_id = new_id(
                connection,
                code_relations.insert().values(
                    source_id=start.id,
                    target_id=end.id,
                    label=label,
                    memo_id=memo_id,
                    created_by=self.actor,
                    created_at=utcnow(),
                ),
            )
            self._audit(
                connection,
                "relation.add",
                str(relation_id),
                from_code=start.path,
                to_code=end.path,
                label=label,
                memo=memo_id,
            )
        return next(r for r in self.relations() if r.id == relation_id)

    def _map_code(self, connection: sa.Connection, ref: int | str) -> Code:
        found = self._code(connection, ref)
        if found.depth > 1:
            raise Invalid(
                f"the thematic map relates themes and subthemes; {found.path!r} is a code "
                "below a subtheme"
            )
        return found

    def _refuse_duplicate(
        self, connection: sa.Connection, start: Code, end: Code, label: str
    ) -> None:
        same = connection.execute(
            sa.select(code_relations.c.id).where(
                (code_relations.c.source_id == start.id)
                & (code_relations.c.target_id == end.id)
                & (sa.func.lower(code_relations.c.label) == label.lower())
            )
        ).first()
        if same is not None:
            raise Conflict(
                f"the map already has {start.path} {label!r} {end.path} (relation {same[0]})"
            )

    def _relation_memo(
        self,
        connection: sa.Connection,
        memo: int | str | None,
        start: Code,
        end: Code,
        label: str,
    ) -> int | None:
        """The supporting memo's id: an existing memo, or a new one written from ``memo``."""
        if memo is None:
            return None
        if isinstance(memo, int):
            found = connection.execute(
                sa.select(memos.c.id).where(memos.c.id == memo)
            ).scalar_one_or_none()
            if found is None:
                raise NotFound(f"no memo {memo}")
            return int(found)
        self._require("memo")
        title = f"{start.name} {label} {end.name}"[:300]
        return self._insert_memo(connection, memo, title, "analytic", ("code", start.id))

    def relations(self) -> list[Relation]:
        """The relations on the thematic map, in the order they were drawn."""
        with self._read() as connection:
            paths = {c.id: c.path for c in self._codes(connection)}
            rows = connection.execute(sa.select(code_relations).order_by(code_relations.c.id)).all()
        return [
            Relation(
                r.id,
                r.source_id,
                paths[r.source_id],
                r.target_id,
                paths[r.target_id],
                r.label,
                r.memo_id,
                r.created_by,
                r.created_at,
            )
            for r in rows
        ]

    def unrelate(self, relation_id: int) -> None:
        """Remove a relation from the thematic map (its memo stays)."""
        self._require("codebook")
        with self._tx() as connection:
            row = connection.execute(
                sa.select(code_relations).where(code_relations.c.id == relation_id)
            ).one_or_none()
            if row is None:
                raise NotFound(f"no relation {relation_id} on the thematic map")
            connection.execute(code_relations.delete().where(code_relations.c.id == relation_id))
            self._audit(connection, "relation.remove", str(relation_id), label=row.label)


def _count(number: int, noun: str, plural: str | None = None) -> str:
    return f"{number} {noun if number == 1 else plural or noun + 's'}"


def _with_left(status: StudyStatus, *, has_consensus: bool, team: bool) -> StudyStatus:
    """The status with its "what is left" sentences filled in."""
    left: list[str] = []
    if uncoded := status.transcripts - status.coded_any:
        left.append(f"{_count(uncoded, 'transcript')} not yet coded")
    waiting = status.coded_any - status.coded_consensus
    if has_consensus and waiting > 0:
        left.append(f"{_count(waiting, 'transcript')} coded but not yet in the consensus layer")
    if status.double_coding == 0 and team:
        left.append("no transcripts assigned for double coding yet")
    if unfinished := status.double_coding - status.double_coded:
        left.append(
            f"{unfinished} of {_count(status.double_coding, 'document')} assigned for double "
            "coding not yet completed by every coder"
        )
    if status.open_discrepancies:
        have = "has" if status.documents_with_open == 1 else "have"
        left.append(
            f"{_count(status.documents_with_open, 'double-coded transcript')} {have} "
            f"{_count(status.open_discrepancies, 'open discrepancy', 'open discrepancies')}"
        )
    for number in range(1, status.phase.number + 1):
        if not status.memos_by_phase.get(number):
            left.append(f"phase {number} ({phase_name(number)}) has no memo yet")
    if status.phase.number >= 3 and status.relations == 0:
        left.append("the thematic map has no relations between themes yet")
    return replace(status, left=tuple(left))
