"""The pseudonym key file, the study's own list of identifying terms, and the pseudonym scheme.

The key (pseudonym -> real identity) lives in a separate encrypted file
(:mod:`thematic.study.keyfile`); the study stores only where it is and its id, so the key of
another study is refused. Inside a transaction, settings are read on that transaction's own
connection: a second connection would wait for the write lock a large transaction holds
("database is locked").
"""

from __future__ import annotations

from collections.abc import Mapping
from contextlib import AbstractContextManager, nullcontext
from pathlib import Path

import sqlalchemy as sa

from thematic.core import deidentify as deid
from thematic.core.spans import nfc
from thematic.errors import Conflict, Invalid, NotFound
from thematic.study.keyfile import KeyFile, KeyTerm, key_lock
from thematic.study.setup import SetupMixin

_KEY_SETTING = "privacy.key_file"
_KEY_ID_SETTING = "privacy.key_id"
_SCHEME_SETTING = "privacy.pseudonym_scheme"


class PseudonymKeyMixin(SetupMixin):
    """Where the key is, reading and writing it, the study's list, the labels' scheme."""

    # -- the key file ------------------------------------------------------------------------
    def has_key(self) -> bool:
        """True once the study has a pseudonym key (its passphrase is then needed to withdraw
        a participant, because their entries in it go too)."""
        return bool(self.setting(_KEY_ID_SETTING))

    def key_file(self) -> Path | None:
        """Where this study's pseudonym key lives (None for a database study not yet told)."""
        with self._read() as connection:
            return self._key_path(connection)

    # Inside a transaction, settings are read on its own connection: a second connection would
    # wait for the write lock that a large transaction holds ("database is locked").
    def _key_path(self, connection: sa.Connection) -> Path | None:
        configured = self._setting(connection, _KEY_SETTING)
        if configured:
            return Path(configured)
        if "://" in self.location:
            return None
        return Path(f"{self.location}.key")

    def set_key_file(self, path: str | Path) -> Path:
        """Keep the pseudonym key at ``path`` (move the file there yourself; owner only)."""
        self._require("manage")
        target = Path(path).expanduser().resolve()
        with self._tx() as connection:
            self._put_setting(connection, _KEY_SETTING, str(target))
            self._audit(connection, "deidentify.key_file", target.name)
        return target

    def _key_held(self) -> AbstractContextManager[None]:
        """Hold the key file for a read-modify-write (see :func:`key_lock`); taken before the
        study's transaction so two writers wait for each other rather than deadlock."""
        path = self.key_file()
        return key_lock(path) if path is not None else nullcontext()

    def _key(self, connection: sa.Connection, passphrase: str, *, create: bool = False) -> KeyFile:
        path = self._key_path(connection)
        if path is None:
            raise NotFound(
                "this study has no key file yet: choose where it goes "
                "(thematic deidentify key --path FILE, or set_key_file)"
            )
        if not passphrase:
            raise Invalid(f"{path}: give the key passphrase (--key-passphrase)")
        expected = self._setting(connection, _KEY_ID_SETTING)
        if not path.exists():
            if expected:
                raise NotFound(f"{path}: the study's pseudonym key is not there (was it moved?)")
            if not create:
                raise NotFound(f"{path}: no pseudonym key yet (run a scan first)")
            return KeyFile.new(path)
        key = KeyFile.load(path, passphrase)
        if expected and key.key_id != expected:
            raise Invalid(f"{path}: this key file belongs to another study")
        return key

    def _save_key(self, connection: sa.Connection, key: KeyFile, passphrase: str) -> None:
        """Write the key (before the study's transaction commits: a key with an entry too many
        is harmless, a replacement the key does not know could never be reversed)."""
        key.save(passphrase)
        if self._setting(connection, _KEY_ID_SETTING) != key.key_id:
            self._put_setting(connection, _KEY_ID_SETTING, key.key_id)

    # -- the study's own list ----------------------------------------------------------------
    def identifying_terms(self, *, key_passphrase: str) -> list[KeyTerm]:
        """The study's own list of identifying terms (kept in the encrypted key; owner only)."""
        self._require("manage")
        with self._read() as connection:
            return list(self._key(connection, key_passphrase, create=True).terms)

    def add_identifying_term(
        self,
        term: str,
        kind: str = "person",
        *,
        participant: str | None = None,
        key_passphrase: str,
    ) -> KeyTerm:
        """Add a term (a participant's real name, a colleague, a village) to find everywhere;
        tie it to a participant so their withdrawal removes it. Owner only."""
        self._require("manage")
        term = nfc(term.strip())
        if not term:
            raise Invalid("an identifying term cannot be empty")
        if kind not in deid.KINDS:
            raise Invalid(f"kind must be one of {', '.join(deid.KINDS)} (got {kind!r})")
        with self._key_held(), self._tx() as connection:
            if participant is not None:
                self._participant_id(connection, participant)
            key = self._key(connection, key_passphrase, create=True)
            if any(t.term == term for t in key.terms):
                raise Conflict("that term is already on the study's list")
            added = KeyTerm(term, kind, participant)
            key.terms.append(added)
            self._save_key(connection, key, key_passphrase)
            self._audit(connection, "deidentify.term_add", "", kind=kind)
        return added

    def remove_identifying_term(self, term: str, *, key_passphrase: str) -> None:
        """Take a term off the study's list. Owner only."""
        self._require("manage")
        with self._key_held(), self._tx() as connection:
            key = self._key(connection, key_passphrase)
            kept = [t for t in key.terms if t.term != nfc(term.strip())]
            if len(kept) == len(key.terms):
                raise NotFound("that term is not on the study's list")
            key.terms = kept
            self._save_key(connection, key, key_passphrase)
            self._audit(connection, "deidentify.term_remove", "")

    # -- pseudonym scheme --------------------------------------------------------------------
    def pseudonym_scheme(self) -> dict[str, str]:
        """The labels used for each kind ("[Doctor {letter}]", ...): defaults plus the study's."""
        return deid.Pseudonymizer(self.setting(_SCHEME_SETTING) or {}).templates

    def _pseudonymizer(self, connection: sa.Connection, key: KeyFile) -> deid.Pseudonymizer:
        """The study's pseudonymizer, carrying on from the key's state."""
        pseudonyms = deid.Pseudonymizer(self._setting(connection, _SCHEME_SETTING) or {})
        if key.pseudonyms:
            pseudonyms.restore(key.pseudonyms)
        return pseudonyms

    def set_pseudonym_scheme(self, scheme: Mapping[str, str]) -> dict[str, str]:
        """Choose the labels for some kinds, e.g. ``{"person": "Participant-{n}"}``. Owner only."""
        self._require("manage")
        deid.Pseudonymizer(scheme)  # checks the kinds and templates
        with self._tx() as connection:
            merged = {**(self._setting(connection, _SCHEME_SETTING) or {}), **dict(scheme)}
            self._put_setting(connection, _SCHEME_SETTING, merged)
            self._audit(connection, "deidentify.scheme", "", kinds=sorted(scheme))
        return self.pseudonym_scheme()
