"""Coders and codings: a coder applies a code to a span of a document."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import sqlalchemy as sa

from thematic.core.models import Code, Coder, Coding
from thematic.core.spans import check_span
from thematic.errors import Conflict, Invalid, NotFound
from thematic.store.schema import assignments, codings, documents, settings, users
from thematic.study._base import ROLES, new_id, utcnow
from thematic.study.codebook import CodebookMixin

CodingRequest = tuple[int, int, int, int | str, str]  # document, start, end, code, coder


class CodingMixin(CodebookMixin):
    """Coders (study members) and their codings."""

    # -- coders ------------------------------------------------------------------------------
    def add_coder(self, name: str, role: str = "coder") -> Coder:
        """Add a member of the study team: a coder (default), an owner or a viewer."""
        self._require("manage")
        name = name.strip()
        if not name or len(name) > 100:
            raise Invalid("a coder needs a name of 1 to 100 characters")
        if role not in ROLES:
            raise Invalid(f"role must be one of {', '.join(ROLES)}")
        with self._tx() as connection:
            if self._find_coder(connection, name) is not None:
                raise Conflict(f"coder {name!r} already exists")
            coder_id = new_id(
                connection, users.insert().values(name=name, role=role, created_at=utcnow())
            )
            self._audit(connection, "coder.add", name, role=role)
        return Coder(int(coder_id), name, role)

    def coders(self) -> list[Coder]:
        """Every member of the study, by name."""
        with self._read() as connection:
            rows = connection.execute(sa.select(users).order_by(users.c.name))
            return [Coder(r.id, r.name, r.role) for r in rows]

    # -- codings -----------------------------------------------------------------------------
    def code(
        self, document_id: int, start: int, end: int, code: int | str, coder: str | None = None
    ) -> Coding:
        """Apply ``code`` (id or path) to ``[start, end)`` of a document, as ``coder``.

        Offsets are code points over the document's NFC text. Applying the same code to the
        same span again by the same coder returns the existing coding.
        """
        return self.code_many([(document_id, start, end, code, coder or self.actor)])[0]

    def code_many(self, requests: Iterable[CodingRequest]) -> list[Coding]:
        """Apply many codings in one transaction: all are stored, or none."""
        self._require("code")
        with self._tx() as connection:
            lengths: dict[int, int] = {}
            code_ids: dict[int | str, int] = {}
            coder_ids: dict[str, int] = {}
            rows = []
            for document_id, start, end, code, coder in requests:
                self._require_own(coder, "codings")
                length = lengths.get(document_id)
                if length is None:
                    length = lengths[document_id] = self._length(connection, document_id)
                if reason := check_span(start, end, length):
                    raise Invalid(f"document {document_id}: {reason}")
                if code not in code_ids:
                    found = self._code(connection, code)
                    self._refuse_retired(connection, found)
                    code_ids[code] = found.id
                if coder not in coder_ids:
                    coder_ids[coder] = self._coder_id(connection, coder)
                rows.append((document_id, start, end, code_ids[code], coder_ids[coder], coder))
            result = [self._insert_coding(connection, *row) for row in rows]
            self._audit(
                connection, "coding.add", f"{len(result)} codings", ids=[c.id for c in result][:50]
            )
        return result

    def _length(self, connection: sa.Connection, document_id: int) -> int:
        length = connection.execute(
            sa.select(sa.func.length(documents.c.text)).where(documents.c.id == document_id)
        ).scalar_one_or_none()
        if length is None:
            raise NotFound(f"no document {document_id!r}")
        return int(length)

    def _insert_coding(
        self,
        connection: sa.Connection,
        document_id: int,
        start: int,
        end: int,
        code_id: int,
        coder_id: int,
        coder: str,
    ) -> Coding:
        key = (
            (codings.c.document_id == document_id)
            & (codings.c.code_id == code_id)
            & (codings.c.coder_id == coder_id)
            & (codings.c.start == start)
            & (codings.c.end == end)
        )
        existing = connection.execute(sa.select(codings.c.id).where(key)).scalar_one_or_none()
        if existing is None:
            existing = new_id(
                connection,
                codings.insert().values(
                    document_id=document_id,
                    code_id=code_id,
                    coder_id=coder_id,
                    start=start,
                    end=end,
                    created_at=utcnow(),
                ),
            )
        return Coding(int(existing), document_id, start, end, code_id, coder)

    def codings(
        self,
        document: int | str | None = None,
        coder: str | None = None,
        code: int | str | None = None,
    ) -> list[Coding]:
        """Codings, by document then position; filter by document, coder or code (exact)."""
        query = sa.select(codings, users.c.name.label("coder")).join(
            users, users.c.id == codings.c.coder_id
        )
        with self._read() as connection:
            if document is not None:
                query = query.where(
                    codings.c.document_id == self._document_id(connection, document)
                )
            if coder is not None:
                query = query.where(codings.c.coder_id == self._coder_id(connection, coder))
            if code is not None:
                query = query.where(codings.c.code_id == self._code(connection, code).id)
            blind = self._blind_documents(connection)
            if blind:
                # Blind coding: on documents still assigned to the acting coder, only their own
                # codings are readable.
                query = query.where(
                    codings.c.document_id.not_in(blind) | (users.c.name == self.actor)
                )
            rows = connection.execute(
                query.order_by(codings.c.document_id, codings.c.start, codings.c.end, codings.c.id)
            )
            return [Coding(r.id, r.document_id, r.start, r.end, r.code_id, r.coder) for r in rows]

    def _blind_documents(self, connection: sa.Connection) -> list[int]:
        """Documents whose other codings the acting user may not read yet (blind coding)."""
        if self.role != "coder":
            return []
        on = connection.execute(
            sa.select(settings.c.value).where(settings.c.key == "blind_coding")
        ).scalar_one_or_none()
        if not on:
            return []
        return list(
            connection.execute(
                sa.select(assignments.c.document_id)
                .join(users, users.c.id == assignments.c.coder_id)
                .where((users.c.name == self.actor) & assignments.c.completed_at.is_(None))
            ).scalars()
        )

    def coding_times(self, document: int | str) -> dict[int, dt.datetime]:
        """When each coding of a document was made (UTC), by coding id."""
        with self._read() as connection:
            document_id = self._document_id(connection, document)
            rows = connection.execute(
                sa.select(codings.c.id, codings.c.created_at).where(
                    codings.c.document_id == document_id
                )
            )
            return {int(r.id): r.created_at for r in rows}

    def frequent_codes(self, coder: str | None = None, limit: int = 9) -> list[Code]:
        """The codes ``coder`` (default: the acting user) applied most often in this study.

        Most used first; ties in codebook order. The web workspace pins these to keys 1-9.
        """
        with self._read() as connection:
            coder_id = self._find_coder(connection, coder or self.actor)
            if coder_id is None:
                return []
            uses = sa.func.count().label("uses")
            rows = connection.execute(
                sa.select(codings.c.code_id, uses)
                .where(codings.c.coder_id == coder_id)
                .group_by(codings.c.code_id)
            ).all()
            tree = self._codes(connection)
        order = {code.id: n for n, code in enumerate(tree)}
        counts = {int(r.code_id): int(r.uses) for r in rows}
        ranked = sorted(counts, key=lambda code_id: (-counts[code_id], order[code_id]))
        by_id = {code.id: code for code in tree}
        return [by_id[code_id] for code_id in ranked[: max(limit, 0)]]

    def recode(self, coding_id: int, start: int, end: int) -> Coding:
        """Move a coding's boundaries (a coder may adjust only their own)."""
        self._require("code")
        with self._tx() as connection:
            row = self._coding_row(connection, coding_id)
            self._require_own(row.coder, "codings")
            if reason := check_span(start, end, self._length(connection, row.document_id)):
                raise Invalid(f"document {row.document_id}: {reason}")
            try:
                connection.execute(
                    codings.update().where(codings.c.id == coding_id).values(start=start, end=end)
                )
            except sa.exc.IntegrityError:
                raise Conflict("the same code by the same coder already covers that span") from None
            self._audit(
                connection,
                "coding.adjust",
                str(coding_id),
                before=[row.start, row.end],
                after=[start, end],
            )
        return Coding(coding_id, row.document_id, start, end, row.code_id, row.coder)

    def _coding_row(self, connection: sa.Connection, coding_id: int) -> sa.Row:
        row = connection.execute(
            sa.select(codings, users.c.name.label("coder"))
            .join(users, users.c.id == codings.c.coder_id)
            .where(codings.c.id == coding_id)
        ).one_or_none()
        if row is None:
            raise NotFound(f"no coding {coding_id}")
        return row

    def uncode(self, coding_id: int) -> None:
        """Remove one coding (a coder may remove only their own)."""
        self._require("code")
        with self._tx() as connection:
            row = self._coding_row(connection, coding_id)
            self._require_own(row.coder, "codings")
            connection.execute(codings.delete().where(codings.c.id == coding_id))
            self._audit(
                connection,
                "coding.remove",
                str(coding_id),
                document=row.document_id,
                span=[row.start, row.end],
                code=row.code_id,
                coder=row.coder,
            )
