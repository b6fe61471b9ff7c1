"""The pseudonym key: a separate, encrypted file mapping pseudonyms back to real identities.

Ethics boards ask for the re-identification key to be kept apart from the data. The key file
lives outside the study (by default beside a study file, as ``<study>.key``; anywhere the
team chooses, for instance on an encrypted drive) and is encrypted with its own passphrase:
AES-256-GCM under a key derived with scrypt (the ``cryptography`` package). It holds:

* the study's own list of identifying terms (participants' real names, colleagues, local
  places), each optionally tied to a participant so withdrawal can remove it;
* the pseudonymizer's state, so an identifier keeps its label in every later scan;
* every applied replacement: label, kind, original text, document and participant.

Nothing in it is ever exported; the study itself stores only the key's id, so a key of
another study is refused.
"""

from __future__ import annotations

import json
import os
import secrets
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

from thematic.errors import Invalid, NotFound

try:  # POSIX: a lock other processes see too
    import fcntl
except ImportError:  # pragma: no cover - Windows: the thread lock only
    fcntl = None  # type: ignore[assignment]

__all__ = ["KeyFile", "KeyTerm", "Replacement", "key_lock"]

_THREAD_LOCKS: dict[str, threading.Lock] = {}

_MAGIC = b"THEMATIC-KEY-1\n"
_SALT = 16
_NONCE = 12


# scrypt cost (OWASP's recommendation, N=2^17, r=8: 128 MiB and about 0.3 s here): an attacker
# with the file pays it for every guess. The test suite lowers it, as it does for argon2.
def _scrypt_cost() -> int:
    """log2 of scrypt's N for new key files."""
    return 14 if os.environ.get("THEMATIC_PASSWORD_HASH") == "cheapest" else 17


@dataclass
class KeyTerm:
    """A term on the study's own list: a real name or place to replace wherever it appears."""

    term: str
    kind: str
    participant: str | None = None


@dataclass
class Replacement:
    """One applied replacement: which identifier became which label, in which document."""

    label: str
    kind: str
    original: str
    where: str  # "document 12" or "memo 3"
    participant: str | None
    at: str


@dataclass
class KeyFile:
    """The decrypted contents of a key file. Load with :meth:`load`, write with :meth:`save`."""

    path: Path
    key_id: str
    terms: list[KeyTerm] = field(default_factory=list)
    pseudonyms: dict[str, Any] = field(default_factory=dict)
    replacements: list[Replacement] = field(default_factory=list)

    @classmethod
    def new(cls, path: Path) -> KeyFile:
        """A new, empty key with a fresh id."""
        return cls(path=path, key_id=secrets.token_hex(16))

    @classmethod
    def load(cls, path: Path, passphrase: str) -> KeyFile:
        """Decrypt and read ``path``; a wrong passphrase or a damaged file is one clear error."""
        try:
            blob = path.read_bytes()
        except FileNotFoundError:
            raise NotFound(f"{path}: no such key file") from None
        except OSError as error:
            raise Invalid(f"{path}: cannot read the key file ({error.strerror})") from None
        if not blob.startswith(_MAGIC) or len(blob) < len(_MAGIC) + 1 + _SALT + _NONCE + 16:
            raise Invalid(f"{path}: not a thematic pseudonym key file")
        # After the magic: log2 of scrypt's N (so the cost can change), salt, nonce, sealed.
        header = blob[: len(_MAGIC) + 1]
        cost = header[-1]
        if not 10 <= cost <= 24:
            raise Invalid(f"{path}: not a thematic pseudonym key file (bad cost {cost})")
        body = blob[len(header) :]
        salt, nonce, sealed = body[:_SALT], body[_SALT : _SALT + _NONCE], body[_SALT + _NONCE :]
        try:
            plain = AESGCM(_derive(passphrase, salt, cost)).decrypt(nonce, sealed, header)
        except InvalidTag:
            raise Invalid(f"{path}: wrong key passphrase (or a damaged key file)") from None
        try:
            data = json.loads(plain.decode("utf-8"))
            return cls(
                path=path,
                key_id=str(data["key_id"]),
                terms=[KeyTerm(**t) for t in data["terms"]],
                pseudonyms=dict(data["pseudonyms"]),
                replacements=[Replacement(**r) for r in data["replacements"]],
            )
        except (ValueError, KeyError, TypeError) as error:
            raise Invalid(f"{path}: the key file's contents are damaged ({error})") from None

    def save(self, passphrase: str) -> None:
        """Encrypt and write atomically (a temporary file, then a rename): never half-written."""
        self.install(self.stage(passphrase))

    def stage(self, passphrase: str) -> Path:
        """Encrypt into a temporary file beside the key and return it; :meth:`install` puts it
        in place. Staging first lets a caller write the key only once its study transaction
        has committed, and still find any error (a full disk) before committing."""
        if not passphrase:
            raise Invalid("the key passphrase must not be empty")
        data = {
            "format": "thematic-pseudonym-key",
            "key_id": self.key_id,
            "terms": [vars(t) for t in self.terms],
            "pseudonyms": self.pseudonyms,
            "replacements": [vars(r) for r in self.replacements],
        }
        plain = json.dumps(data, ensure_ascii=False).encode("utf-8")
        salt, nonce, cost = os.urandom(_SALT), os.urandom(_NONCE), _scrypt_cost()
        header = _MAGIC + bytes([cost])
        sealed = AESGCM(_derive(passphrase, salt, cost)).encrypt(nonce, plain, header)
        if not self.path.parent.exists():
            raise NotFound(f"{self.path.parent}: no such folder for the key file")
        staged = self.path.with_name(f".{self.path.name}.{secrets.token_hex(4)}.tmp")
        try:
            # Readable by its owner only, from the first byte.
            descriptor = os.open(staged, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(descriptor, "wb") as handle:
                handle.write(header + salt + nonce + sealed)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as error:
            staged.unlink(missing_ok=True)
            raise Invalid(f"{self.path}: cannot write the key file ({error.strerror})") from None
        return staged

    def install(self, staged: Path) -> None:
        """Put a staged key file in place (an atomic rename) and make the rename durable."""
        os.replace(staged, self.path)
        if hasattr(os, "O_DIRECTORY"):
            folder = os.open(self.path.parent, os.O_RDONLY | os.O_DIRECTORY)
            try:
                os.fsync(folder)
            finally:
                os.close(folder)

    # -- the study's list ------------------------------------------------------------------
    def term_map(self) -> dict[str, str]:
        """Term -> kind, for :func:`thematic.core.deidentify.detect`."""
        return {t.term: t.kind for t in self.terms}

    def forget_participant(self, label: str) -> tuple[int, int]:
        """Remove a withdrawn participant's terms and replacements; return how many went."""
        before_terms, before_replacements = len(self.terms), len(self.replacements)
        self.terms = [t for t in self.terms if t.participant != label]
        self.replacements = [r for r in self.replacements if r.participant != label]
        return before_terms - len(self.terms), before_replacements - len(self.replacements)


@contextmanager
def key_lock(path: Path) -> Iterator[None]:
    """Hold the key for a read-modify-write: one thread and one process at a time (two
    browser tabs applying at once must not overwrite each other's entries)."""
    with _THREAD_LOCKS.setdefault(str(path), threading.Lock()):
        if fcntl is None or not path.parent.exists():
            yield
            return
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            fcntl.flock(folder, fcntl.LOCK_EX)
            yield
        finally:
            fcntl.flock(folder, fcntl.LOCK_UN)
            os.close(folder)


def _derive(passphrase: str, salt: bytes, cost: int) -> bytes:
    scrypt = Scrypt(salt=salt, length=32, n=2**cost, r=8, p=1)
    return scrypt.derive(passphrase.encode("utf-8"))
