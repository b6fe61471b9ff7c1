"""Double-coding assignments and blind coding.

In the reference study "two researchers independently coded a subset of transcripts". The
owner draws that subset (a reproducible random sample, stratified by a participant attribute
such as site) and assigns it to the coders. With blind coding on, a coder working on an
assigned document cannot read other coders' codings on it (nor the consensus layer) until
they mark their own assignment complete; the rule lives in ``codings()``, so every face
inherits it.
"""

from __future__ import annotations

import random
import secrets
from collections.abc import Sequence

import sqlalchemy as sa

from thematic.core.models import Assignment
from thematic.errors import Conflict, Invalid, NotFound
from thematic.store.schema import assignments, users
from thematic.study._base import new_id, utcnow
from thematic.study.documents import DocumentsMixin
from thematic.study.setup import SetupMixin

BLIND = "blind_coding"


class AssignmentsMixin(SetupMixin, DocumentsMixin):
    """Assign documents for independent double coding; blind coding on or off."""

    def set_blind_coding(self, on: bool) -> None:
        """Turn blind coding on or off for the whole study (owner only)."""
        self.set_setting(BLIND, bool(on))

    @property
    def blind_coding(self) -> bool:
        """Whether coders are blind to each other's codings on assigned documents."""
        return bool(self.setting(BLIND, False))

    def assign(self, document: int | str, coders: Sequence[str]) -> list[Assignment]:
        """Assign a document to coders for independent coding (existing ones are kept)."""
        self._require("manage")
        with self._tx() as connection:
            document_id = self._document_id(connection, document)
            made = [self._assign(connection, document_id, name) for name in coders]
            self._audit(connection, "assignment.add", str(document_id), coders=list(coders))
        return [a for a in made if a is not None] or self.assignments(document=document_id)

    def _assign(self, connection: sa.Connection, document_id: int, name: str) -> Assignment | None:
        coder_id = self._coder_id(connection, name)
        exists = connection.execute(
            sa.select(assignments.c.id).where(
                (assignments.c.document_id == document_id) & (assignments.c.coder_id == coder_id)
            )
        ).scalar_one_or_none()
        if exists is not None:
            return None
        now = utcnow()
        assignment_id = new_id(
            connection,
            assignments.insert().values(document_id=document_id, coder_id=coder_id, created_at=now),
        )
        return Assignment(assignment_id, document_id, name, now)

    def draw_double_coding(
        self,
        coders: Sequence[str],
        fraction: float = 0.25,
        *,
        stratify_by: str | None = "site",
        seed: int | None = None,
        kind: str = "transcript",
    ) -> list[Assignment]:
        """Draw a random share of documents, per stratum of a participant attribute, and
        assign each drawn document to every coder named.

        Each stratum (e.g. each site) contributes round(fraction x its documents), at least
        one. The seed is recorded in the audit log, so the same draw can be made again.
        """
        self._require("manage")
        if not 0 < fraction <= 1:
            raise Invalid("the share to double-code must be above 0 and at most 1")
        if len(set(coders)) < 2:
            raise Invalid("double coding needs at least two different coders")
        seed = secrets.randbelow(2**31) if seed is None else seed
        strata = self._strata(kind, stratify_by)
        rng = random.Random(seed)
        chosen = []
        for key in sorted(strata, key=str):
            ids = sorted(strata[key])
            chosen += rng.sample(ids, max(1, round(fraction * len(ids))))
        with self._tx() as connection:
            made = [
                a
                for document_id in sorted(chosen)
                for name in coders
                if (a := self._assign(connection, document_id, name)) is not None
            ]
            self._audit(
                connection,
                "assignment.draw",
                f"{len(chosen)} documents",
                seed=seed,
                fraction=fraction,
                stratify_by=stratify_by,
                coders=list(coders),
                documents=sorted(chosen),
            )
        return made

    def _strata(self, kind: str, attribute: str | None) -> dict[object, list[int]]:
        people = {p.label: p for p in self.participants()}
        if attribute is not None and attribute not in {a.name for a in self.attributes()}:
            raise NotFound(f"no attribute {attribute!r} to stratify by")
        strata: dict[object, list[int]] = {}
        for doc in self.documents(kind=kind):
            person = people.get(doc.participant) if doc.participant else None
            key = person.attributes.get(attribute) if person and attribute else None
            strata.setdefault(key, []).append(doc.id)
        if not strata:
            raise Conflict(f"no {kind} documents to draw from")
        return strata

    def assignments(
        self, coder: str | None = None, document: int | str | None = None
    ) -> list[Assignment]:
        """Assignments, by document then coder."""
        query = sa.select(assignments, users.c.name).join(
            users, users.c.id == assignments.c.coder_id
        )
        with self._read() as connection:
            if coder is not None:
                query = query.where(assignments.c.coder_id == self._coder_id(connection, coder))
            if document is not None:
                query = query.where(
                    assignments.c.document_id == self._document_id(connection, document)
                )
            rows = connection.execute(query.order_by(assignments.c.document_id, users.c.name))
            return [
                Assignment(r.id, r.document_id, r.name, r.created_at, r.completed_at) for r in rows
            ]

    def complete_assignment(self, document: int | str, coder: str | None = None) -> Assignment:
        """Mark a coder's independent coding of a document finished (their own, or any for
        the owner). From then on they see the other coders' codings there."""
        name = coder or self.actor
        self._require_own(name, "assignments")
        with self._tx() as connection:
            document_id = self._document_id(connection, document)
            coder_id = self._coder_id(connection, name)
            row = connection.execute(
                sa.select(assignments).where(
                    (assignments.c.document_id == document_id)
                    & (assignments.c.coder_id == coder_id)
                )
            ).one_or_none()
            if row is None:
                raise NotFound(f"document {document_id} is not assigned to {name}")
            now = row.completed_at or utcnow()
            connection.execute(
                assignments.update().where(assignments.c.id == row.id).values(completed_at=now)
            )
            self._audit(connection, "assignment.complete", str(document_id), coder=name)
        return Assignment(row.id, document_id, name, row.created_at, now)

    def unassign(self, document: int | str, coder: str) -> None:
        """Remove a coder's assignment on a document (owner)."""
        self._require("manage")
        with self._tx() as connection:
            document_id = self._document_id(connection, document)
            deleted = connection.execute(
                assignments.delete().where(
                    (assignments.c.document_id == document_id)
                    & (assignments.c.coder_id == self._coder_id(connection, coder))
                )
            )
            if deleted.rowcount == 0:
                raise NotFound(f"document {document_id} is not assigned to {coder}")
            self._audit(connection, "assignment.remove", str(document_id), coder=coder)
