"""The shared machinery of the Study API: transactions, the acting user, roles, audit."""

from __future__ import annotations

import datetime as dt
import getpass
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any, Self

import sqlalchemy as sa

from thematic.errors import Forbidden, NotFound
from thematic.store.schema import audit_log, documents, participants, users

ROLES = ("owner", "coder", "viewer", "consensus")
CONSENSUS = "consensus"

# What each role may do. "own" means: only on things the acting user created.
_ALLOWED: dict[str, frozenset[str]] = {
    "owner": frozenset({"read", "code", "memo", "codebook", "manage"}),
    "coder": frozenset({"read", "code", "memo", "codebook"}),
    "viewer": frozenset({"read"}),
    "consensus": frozenset({"read", "code", "memo"}),
}


def utcnow() -> dt.datetime:
    """Now, in UTC, without tzinfo (the form stored in the database)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def new_id(connection: sa.Connection, statement: sa.Insert) -> int:
    """Run an INSERT and return the new row's id."""
    key = connection.execute(statement).inserted_primary_key
    assert key is not None
    return int(key[0])


class StudyBase:
    """Holds the engine and the acting user; every public write is one transaction."""

    def __init__(
        self, engine: sa.Engine, location: str, user: str | None = None, *, owns_engine: bool = True
    ) -> None:
        self._engine = engine
        self._owns_engine = owns_engine
        self.location = location
        self._user = user
        self.actor = user or _local_user()
        self._role = "owner" if user is None else self._role_of(user)
        # Set on the view for_export() returns: identifying attributes are left out.
        self._hide_identifying = False

    def as_user(self, name: str) -> Self:
        """The same study, acting as member ``name`` (sharing this study's connections)."""
        return type(self)(self._engine, self.location, name, owns_engine=False)

    # -- lifecycle -------------------------------------------------------------------------
    def close(self) -> None:
        """Release the database connections (a study made by as_user() leaves them open)."""
        if self._owns_engine:
            self._engine.dispose()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<Study {self.location} as {self.actor} ({self._role})>"

    # -- transactions and audit -------------------------------------------------------------
    @contextmanager
    def _tx(self) -> Iterator[sa.Connection]:
        """One transaction: everything inside lands together or not at all."""
        with self._engine.begin() as connection:
            yield connection

    @contextmanager
    def _read(self) -> Iterator[sa.Connection]:
        with self._engine.connect() as connection:
            yield connection

    def _audit(
        self, connection: sa.Connection, action: str, target: str = "", **detail: Any
    ) -> None:
        connection.execute(
            audit_log.insert().values(
                at=utcnow(), actor=self.actor, action=action, target=target, detail=detail
            )
        )

    # -- lookups shared by every part of the API ------------------------------------------------
    def _participant_id(self, connection: sa.Connection, label: str) -> int:
        found = connection.execute(
            sa.select(participants.c.id).where(participants.c.label == label)
        ).scalar_one_or_none()
        if found is None:
            raise NotFound(f"no participant {label!r}")
        return int(found)

    def _document_id(self, connection: sa.Connection, ref: int | str) -> int:
        column = documents.c.id if isinstance(ref, int) else documents.c.title
        found = connection.execute(
            sa.select(documents.c.id).where(column == ref)
        ).scalar_one_or_none()
        if found is None and isinstance(ref, str) and ref.isdigit():
            found = connection.execute(
                sa.select(documents.c.id).where(documents.c.id == int(ref))
            ).scalar_one_or_none()
        if found is None:
            raise NotFound(f"no document {ref!r}")
        return int(found)

    def _coder_id(self, connection: sa.Connection, name: str) -> int:
        found = self._find_coder(connection, name)
        if found is None:
            raise NotFound(f"no coder {name!r} (add the coder first)")
        return found

    def _find_coder(self, connection: sa.Connection, name: str) -> int | None:
        found = connection.execute(
            sa.select(users.c.id).where(users.c.name == name)
        ).scalar_one_or_none()
        return None if found is None else int(found)

    # -- roles -----------------------------------------------------------------------------
    @property
    def role(self) -> str:
        """The acting user's role: owner, coder or viewer (local use without a user: owner)."""
        return self._role

    def _role_of(self, name: str) -> str:
        with self._read() as connection:
            role = connection.execute(
                sa.select(users.c.role).where(users.c.name == name)
            ).scalar_one_or_none()
        if role is None:
            raise NotFound(f"user {name!r} is not a member of this study")
        return str(role)

    def _require(self, permission: str) -> None:
        if permission not in _ALLOWED[self._role]:
            raise Forbidden(f"{self.actor} ({self._role}) may not {_VERBS[permission]}")

    def _require_own(self, owner_name: str | None, what: str) -> None:
        if self._role != "owner" and owner_name != self.actor:
            raise Forbidden(f"{self.actor} ({self._role}) may not change {what} of {owner_name}")


_VERBS = {
    "read": "read this study",
    "code": "code documents",
    "memo": "write memos",
    "codebook": "change the codebook",
    "manage": "manage the study (participants, documents, users, settings)",
}


def _local_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "owner"
