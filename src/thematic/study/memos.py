"""Memos: analytic, reflexive and field-note memos in Markdown, linked to one thing."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import sqlalchemy as sa

from thematic.core.models import Memo
from thematic.core.phases import PHASES, phase_name
from thematic.errors import Invalid, NotFound
from thematic.store.schema import codings, documents, memos, participants, users
from thematic.study._base import new_id, utcnow
from thematic.study.codebook import CodebookMixin

MEMO_KINDS = ("analytic", "reflexive", "field_note")
LINK_TYPES = ("study", "document", "code", "participant", "coding", "phase")
Link = tuple[str, int | None]  # (link_type, link_id) as a memo stores it


@dataclass(frozen=True, slots=True)
class LinkTarget:
    """What a memo is linked to, as people read it: ``Personal/Trust``, ``P01 interview``."""

    type: str  # study | document | code | participant | coding | phase
    id: int | None  # the linked row's id (a phase's number); None for the study
    label: str
    document_id: int | None = None  # the document of a document or coding link
    exists: bool = True  # False once the linked thing was deleted

    @property
    def ref(self) -> str:
        """The link as ``type:reference`` text (``code:12``, ``participant:P07``, ``study``)."""
        if self.type == "study":
            return "study"
        if self.type == "participant" and self.exists:
            return f"participant:{self.label}"
        return f"{self.type}:{self.id}"


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
        coding, or to one of the six phases: ``link=("code", "Technological/Interoperability")``,
        ``link=("participant", "P07")``, ``link=("document", 3)``, ``link=("phase", 3)``."""
        self._require("memo")
        kind = kind.replace("-", "_")
        if kind not in MEMO_KINDS:
            raise Invalid(f"memo kind must be one of {', '.join(MEMO_KINDS)}")
        if not body.strip():
            raise Invalid("a memo needs a body")
        title = _check_title(title)
        with self._tx() as connection:
            resolved = self._resolve_link(connection, link)
            memo_id = self._insert_memo(connection, body, title, kind, resolved)
        return self.memo(memo_id)

    def _insert_memo(
        self,
        connection: sa.Connection,
        body: str,
        title: str,
        kind: str,
        link: tuple[str, int | None],
    ) -> int:
        """Store a checked memo, linked to a resolved ``(link_type, link_id)``, with its audit
        event (inside the caller's transaction)."""
        link_type, link_id = link
        now = utcnow()
        memo_id = new_id(
            connection,
            memos.insert().values(
                kind=kind,
                title=title,
                body=body,
                author_id=self._find_coder(connection, self.actor),
                link_type=link_type,
                link_id=link_id,
                created_at=now,
                updated_at=now,
            ),
        )
        self._audit(connection, "memo.add", str(memo_id), link=f"{link_type}:{link_id}")
        return memo_id

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
        if link_type in ("document", "coding") and _beyond_ids(ref):
            raise NotFound(f"no {link_type} {ref}")
        if link_type == "document":
            return link_type, self._document_id(connection, ref)
        if link_type == "code":
            return link_type, self._code(connection, ref).id
        if link_type == "participant":
            return link_type, self._participant_id(connection, str(ref))
        if link_type == "phase":
            return link_type, _phase_number(ref)
        if not str(ref).strip().isdigit():
            raise Invalid(f"a coding is linked by its number (got {ref!r})")
        found = connection.execute(
            sa.select(codings.c.id).where(codings.c.id == int(ref))
        ).scalar_one_or_none()
        if found is None:
            raise NotFound(f"no coding {ref}")
        return link_type, int(found)

    def memo_link(self, link: tuple[str, int | str] | None) -> LinkTarget:
        """What ``link`` (as add_memo takes it) points to, with a label to show."""
        with self._read() as connection:
            resolved = self._resolve_link(connection, link)
            return self._describe_links(connection, [resolved])[resolved]

    def memo_links(self, found: Iterable[Memo]) -> dict[Link, LinkTarget]:
        """For memos, what each is linked to, by ``(link_type, link_id)``."""
        with self._read() as connection:
            return self._describe_links(connection, {(m.link_type, m.link_id) for m in found})

    def _describe_links(
        self, connection: sa.Connection, links: Iterable[Link]
    ) -> dict[Link, LinkTarget]:
        wanted: dict[str, set[int]] = {}
        for link_type, link_id in links:
            if link_id is not None:
                wanted.setdefault(link_type, set()).add(link_id)
        coded = self._coding_rows(connection, wanted.get("coding", set()))
        titles = self._id_labels(
            connection,
            documents.c.title,
            wanted.get("document", set()) | {d for d, _ in coded.values()},
        )
        labels = self._id_labels(connection, participants.c.label, wanted.get("participant", set()))
        paths = (
            {c.id: c.path for c in self._codes(connection)}
            if wanted.keys() & {"code", "coding"}
            else {}
        )
        result: dict[Link, LinkTarget] = {("study", None): LinkTarget("study", None, "the study")}
        for link_type, ids in wanted.items():
            for link_id in ids:
                result[(link_type, link_id)] = _target(
                    link_type, link_id, titles, labels, paths, coded.get(link_id)
                )
        return result

    def _coding_rows(self, connection: sa.Connection, ids: set[int]) -> dict[int, tuple[int, int]]:
        if not ids:
            return {}
        rows = connection.execute(
            sa.select(codings.c.id, codings.c.document_id, codings.c.code_id).where(
                codings.c.id.in_(ids)
            )
        )
        return {r.id: (r.document_id, r.code_id) for r in rows}

    def _id_labels(
        self, connection: sa.Connection, column: sa.Column[str], ids: set[int]
    ) -> dict[int, str]:
        if not ids:
            return {}
        table = column.table
        rows = connection.execute(sa.select(table.c.id, column).where(table.c.id.in_(ids)))
        return {int(r[0]): str(r[1]) for r in rows}

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
            values["title"] = _check_title(title)
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


def _beyond_ids(ref: int | str) -> bool:
    """A number too large to be a row id (the database driver could not even bind it)."""
    text = str(ref).strip()
    return text.isdigit() and int(text) > 2**31 - 1


def _phase_number(ref: int | str) -> int:
    """A phase link's number, 1 to 6 (``3`` or ``"3"``)."""
    text = str(ref).strip()
    if not text.isdigit() or not 1 <= int(text) <= len(PHASES):
        raise Invalid(f"a phase is a number from 1 to {len(PHASES)} (got {ref!r})")
    return int(text)


def _check_title(title: str) -> str:
    title = title.strip()
    if len(title) > 300:
        raise Invalid("a memo title is at most 300 characters")
    return title


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


def _target(
    link_type: str,
    link_id: int,
    titles: dict[int, str],
    labels: dict[int, str],
    paths: dict[int, str],
    coding: tuple[int, int] | None,
) -> LinkTarget:
    """One link described from the looked-up labels; a deleted thing says so."""
    found: str | None = None
    document_id = None
    if link_type == "document":
        found, document_id = titles.get(link_id), link_id
    elif link_type == "participant":
        found = labels.get(link_id)
    elif link_type == "code":
        found = paths.get(link_id)
    elif link_type == "phase" and 1 <= link_id <= len(PHASES):
        found = f"Phase {link_id}: {phase_name(link_id)}"
    elif link_type == "coding" and coding is not None:
        document_id, code_id = coding
        found = f"{paths.get(code_id, 'a code')} in {titles.get(document_id, 'a document')}"
    if found is None:
        return LinkTarget(link_type, link_id, f"deleted {link_type} {link_id}", None, False)
    return LinkTarget(link_type, link_id, found, document_id)
