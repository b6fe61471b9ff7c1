"""Accounts for the web app: passwords (argon2), the first owner, acting as another member."""

from __future__ import annotations

import os

import sqlalchemy as sa
from argon2 import PasswordHasher, profiles
from argon2.exceptions import InvalidHashError, VerifyMismatchError

from thematic.core.models import Coder
from thematic.errors import Conflict, Forbidden, Invalid
from thematic.store.schema import users
from thematic.study._base import StudyBase, new_id, utcnow


def _hasher() -> PasswordHasher:
    """argon2id with RFC 9106's recommended parameters; THEMATIC_PASSWORD_HASH=cheapest
    selects argon2's cheapest profile, for test suites only (a hash records its own
    parameters, so either kind verifies)."""
    if os.environ.get("THEMATIC_PASSWORD_HASH") == "cheapest":
        return PasswordHasher.from_parameters(profiles.CHEAPEST)
    return PasswordHasher()


_HASHER = _hasher()
MIN_PASSWORD = 8
# Verifying against this when the name is unknown keeps the time the same for both failures.
_DUMMY_HASH = _HASHER.hash("not a real password")


class AccountsMixin(StudyBase):
    """Passwords and log-in; the web app authenticates through these methods only."""

    def has_accounts(self) -> bool:
        """True once any member has a password (the web app then asks to log in)."""
        with self._read() as connection:
            found = connection.execute(
                sa.select(users.c.id).where(users.c.password_hash.is_not(None)).limit(1)
            ).first()
        return found is not None

    def create_first_owner(self, name: str, password: str) -> Coder:
        """Make ``name`` the owner with a password; only while no member has a password."""
        _check_password(password)
        name = name.strip()
        if not name or len(name) > 100:
            raise Invalid("a user needs a name of 1 to 100 characters")
        with self._tx() as connection:
            taken = connection.execute(
                sa.select(users.c.id).where(users.c.password_hash.is_not(None)).limit(1)
            ).first()
            if taken is not None:
                raise Conflict("this study already has accounts; ask its owner to add you")
            hashed = _HASHER.hash(password)
            existing = self._find_coder(connection, name)
            if existing is None:
                user_id = new_id(
                    connection,
                    users.insert().values(
                        name=name, role="owner", created_at=utcnow(), password_hash=hashed
                    ),
                )
            else:
                user_id = existing
                connection.execute(
                    users.update()
                    .where(users.c.id == existing)
                    .values(role="owner", password_hash=hashed)
                )
            self._audit(connection, "user.first_owner", name)
        return Coder(user_id, name, "owner")

    def set_password(self, name: str, password: str) -> None:
        """Set a member's password: the owner for anyone, a member for themself."""
        if self.role != "owner" and name != self.actor:
            raise Forbidden(f"{self.actor} ({self.role}) may not set another member's password")
        _check_password(password)
        with self._tx() as connection:
            user_id = self._coder_id(connection, name)
            connection.execute(
                users.update()
                .where(users.c.id == user_id)
                .values(password_hash=_HASHER.hash(password))
            )
            self._audit(connection, "user.password", name)

    def authenticate(self, name: str, password: str) -> Coder:
        """The member with this name and password; Forbidden (one message) otherwise."""
        with self._read() as connection:
            row = connection.execute(sa.select(users).where(users.c.name == name)).one_or_none()
        stored = row.password_hash if row is not None else None
        try:
            _HASHER.verify(stored or _DUMMY_HASH, password)
            ok = stored is not None
        except (VerifyMismatchError, InvalidHashError):
            ok = False
        with self._tx() as connection:
            self._audit(connection, "user.login" if ok else "user.login_failed", name)
        if not ok or row is None:
            raise Forbidden("wrong name or password")
        return Coder(row.id, row.name, row.role)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise Invalid(f"a password needs at least {MIN_PASSWORD} characters")
