"""Encrypting an existing study file with a passphrase, and decrypting it again.

A conversion writes a converted copy beside the study, checks it (it opens with the new key,
holds the same schema objects, rows and revision), records the audit event in the copy, and
then puts the copy in the study's place in one atomic rename. Until that rename the original
is untouched; on any failure the copy is removed.

The rename does not wipe the disk blocks that held the plain file: the filesystem (and an
SSD's wear levelling) may keep them. Studies that must never be on disk in plain text are
created encrypted from the start.
"""

from __future__ import annotations

from pathlib import Path

from thematic.errors import Invalid, NotFound
from thematic.store.encryption import export_copy, replace
from thematic.store.engine import check_passphrase, connect, is_encrypted, study_path
from thematic.study._base import StudyBase

__all__ = [
    "decrypt_study",
    "encrypt_study",
    "is_encrypted_study",
    "plain_backups",
    "study_file",
    "upgrade_backups",
]


def is_encrypted_study(target: str | Path) -> bool:
    """True for an existing study file that is encrypted; False otherwise (and for URLs)."""
    path = study_path(str(target))
    return path is not None and path.is_file() and is_encrypted(path)


def encrypt_study(target: str | Path, passphrase: str, *, user: str | None = None) -> list[Path]:
    """Encrypt the plain study file ``target`` with ``passphrase``, in place.

    Returns the plain-text upgrade backups (``<file>.bak-<revision>``) left beside it, which
    still hold the study unencrypted: remove them once the encrypted study opens.
    """
    path = study_file(target)
    check_passphrase(passphrase)
    if is_encrypted(path):
        raise Invalid(f"{path} is already encrypted")
    _convert(path, None, passphrase, "study.encrypt", user)
    return plain_backups(path)


def decrypt_study(target: str | Path, passphrase: str, *, user: str | None = None) -> None:
    """Decrypt the encrypted study file ``target`` (opened with ``passphrase``), in place."""
    path = study_file(target)
    if not is_encrypted(path):
        raise Invalid(f"{path} is not encrypted")
    _convert(path, passphrase, None, "study.decrypt", user)


def upgrade_backups(path: Path) -> list[Path]:
    """Copies of the study beside it: the backups made before schema upgrades."""
    found = path.parent.glob(f"{_glob_escape(path.name)}.bak-*")
    return sorted(backup for backup in found if backup.is_file())


def plain_backups(path: Path) -> list[Path]:
    """Unencrypted copies of the study beside it: the backups made before schema upgrades."""
    return [backup for backup in upgrade_backups(path) if not is_encrypted(backup)]


def study_file(target: str | Path) -> Path:
    """The existing study file that ``target`` names; refuses PostgreSQL URLs."""
    location = str(target)
    path = study_path(location)
    if path is None:
        raise Invalid(
            f"{location}: encryption applies to study files; PostgreSQL encrypts its data at "
            "the server (storage or disk encryption)"
        )
    if not path.is_file():
        raise NotFound(f"{path}: no such study file")
    return path


def _convert(
    path: Path, passphrase: str | None, new_passphrase: str | None, action: str, user: str | None
) -> None:
    # Opening the original checks the passphrase and the caller's role, and upgrades an
    # older schema first, so the copy is written in the current one.
    with StudyBase(connect(str(path), passphrase=passphrase), str(path), user) as original:
        original._require("manage")
    copy = export_copy(path, passphrase=passphrase, new_passphrase=new_passphrase)
    try:
        engine = connect(str(copy), passphrase=new_passphrase)
        with StudyBase(engine, str(path), user) as converted, converted._tx() as connection:
            converted._audit(connection, action, path.name)
        replace(copy, path)
    finally:
        copy.unlink(missing_ok=True)


def _glob_escape(name: str) -> str:
    return "".join(f"[{c}]" if c in "*?[" else c for c in name)
