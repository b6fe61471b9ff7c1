"""Memos: analytic, reflexive and field-note memos in Markdown, linked to one thing."""

from __future__ import annotations

import sqlalchemy as sa

from thematic.core.models import Memo
from thematic.errors import Invalid, NotFound
from thematic.store.schema import codings, memos, users
from thematic.study._base import new_id, utcnow
from thematic.study.codebook import CodebookMixin

MEMO_KINDS = ("analytic", "reflexive", "field_note")
LINK_TYPES = ("study", "document", "code", "participant", "coding")


class MemosMixin(CodebookMixin):
    """Write, list, edit and delete memos."""

    def add_memo(
        self,
        body: str,
        *,
        title: str = "",
        kind: str = "analytic",
        link: tuple[str, int | str] | None = None,
    ) -> Memo:
        """Write a memo, linked to the study (default) or to a document, code, participant or
        coding: ``link=("code", "Technological/Interoperability")``, ``link=("participant",
        "P07")``, ``link=("document", 3)``."""
        self._require("memo")
        kind = kind.replace("-", "_")
        if kind not in MEMO_KINDS:
            raise Invalid(f"memo kind must be one of {', '.join(MEMO_KINDS)}")
        if not body.strip():
            raise Invalid("a memo needs a body")
        with self._tx() as connection:
            link_type, link_id = self._resolve_link(connection, link)
            now = utcnow()
            memo_id = new_id(
                connection,
                memos.insert().values(
                    kind=kind,
                    title=title.strip(),
                    body=body,
                    author_id=self._find_coder(connection, self.actor),
                    link_type=link_type,
                    link_id=link_id,
                    created_at=now,
                    updated_at=now,
                ),
            )
            self._audit(connection, "memo.add", str(memo_id), link=f"{link_type}:{link_id}")
        return self.memo(int(memo_id))

    def _resolve_link(
        self, connection: sa.Connection, link: tuple[str, int | str] | None
    ) -> tuple[str, int | None]:
        if link is None:
            return "study", None
        link_type, ref = link
        if link_type not in LINK_TYPES:
            raise Invalid(f"a memo links to one of {', '.join(LINK_TYPES)}")
        if link_type == "study":
            return "study", None
        if link_type == "document":
            return link_type, self._document_id(connection, ref)
        if link_type == "code":
            return link_type, self._code(connection, ref).id
        if link_type == "participant":
            return link_type, self._participant_id(connection, str(ref))
        found = connection.execute(
            sa.select(codings.c.id).where(codings.c.id == int(ref))
        ).scalar_one_or_none()
        if found is None:
            raise NotFound(f"no coding {ref}")
        return link_type, int(found)

    def memos(
        self, link: tuple[str, int | str] | None = None, kind: str | None = None
    ) -> list[Memo]:
        """Memos, newest last; only those linked to ``link`` or of ``kind`` when given."""
        query = sa.select(memos, users.c.name.label("author")).outerjoin(
            users, users.c.id == memos.c.author_id
        )
        with self._read() as connection:
            if link is not None:
                link_type, link_id = self._resolve_link(connection, link)
                query = query.where(memos.c.link_type == link_type)
                query = query.where(
                    memos.c.link_id.is_(None) if link_id is None else memos.c.link_id == link_id
                )
            if kind is not None:
                query = query.where(memos.c.kind == kind.replace("-", "_"))
            rows = connection.execute(query.order_by(memos.c.created_at, memos.c.id))
            return [_memo(r) for r in rows]

    def memo(self, memo_id: int) -> Memo:
        """One memo by id."""
        with self._read() as connection:
            row = connection.execute(
                sa.select(memos, users.c.name.label("author"))
                .outerjoin(users, users.c.id == memos.c.author_id)
                .where(memos.c.id == memo_id)
            ).one_or_none()
        if row is None:
            raise NotFound(f"no memo {memo_id}")
        return _memo(row)

    def update_memo(
        self, memo_id: int, *, body: str | None = None, title: str | None = None
    ) -> Memo:
        """Edit a memo's body or title (a coder may edit only their own)."""
        self._require("memo")
        current = self.memo(memo_id)
        self._require_own(current.author, "memos")
        values: dict[str, object] = {"updated_at": utcnow()}
        if body is not None:
            if not body.strip():
                raise Invalid("a memo needs a body")
            values["body"] = body
        if title is not None:
            values["title"] = title.strip()
        with self._tx() as connection:
            connection.execute(memos.update().where(memos.c.id == memo_id).values(**values))
            self._audit(connection, "memo.update", str(memo_id))
        return self.memo(memo_id)

    def delete_memo(self, memo_id: int) -> None:
        """Delete a memo (a coder may delete only their own)."""
        self._require("memo")
        current = self.memo(memo_id)
        self._require_own(current.author, "memos")
        with self._tx() as connection:
            connection.execute(memos.delete().where(memos.c.id == memo_id))
            self._audit(connection, "memo.delete", str(memo_id))


def _memo(row: sa.Row) -> Memo:
    return Memo(
        id=row.id,
        kind=row.kind,
        title=row.title,
        body=row.body,
        author=row.author or "",
        link_type=row.link_type,
        link_id=row.link_id,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )
