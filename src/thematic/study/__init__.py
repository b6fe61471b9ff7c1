"""The Study API: the one place where the faces (Python, CLI, web) change a study.

Each public method is one transaction, checks the acting user's role, writes an audit event,
and returns core dataclasses. No face touches SQL.
"""

from __future__ import annotations

from pathlib import Path

from thematic import __version__
from thematic.store.engine import FORMAT_MARK, connect, is_url
from thematic.study._base import CONSENSUS, ROLES, utcnow
from thematic.study.accounts import AccountsMixin
from thematic.study.development import DevelopmentMixin
from thematic.study.documents import AUTO, KINDS
from thematic.study.encryption import decrypt_study, encrypt_study, is_encrypted_study
from thematic.study.exporting import ExportMixin
from thematic.study.memos import LINK_TYPES, MEMO_KINDS, MemosMixin
from thematic.study.phases import PhasesMixin
from thematic.study.reliability import ReliabilityMixin
from thematic.study.saturation import SaturationMixin

__all__ = [
    "AUTO",
    "CONSENSUS",
    "KINDS",
    "LINK_TYPES",
    "MEMO_KINDS",
    "ROLES",
    "Study",
    "create_study",
    "decrypt_study",
    "encrypt_study",
    "is_encrypted_study",
    "open_study",
]


class Study(
    SaturationMixin,
    DevelopmentMixin,
    PhasesMixin,
    ReliabilityMixin,
    ExportMixin,
    MemosMixin,
    AccountsMixin,
):
    """An open study. Get one with :func:`thematic.open` or :func:`thematic.create`."""


def open_study(
    target: str | Path, *, user: str | None = None, passphrase: str | None = None
) -> Study:
    """Open an existing study file or database URL, upgrading an older schema first.

    ``passphrase`` opens an encrypted study file.
    """
    location = str(target)
    return Study(connect(location, passphrase=passphrase), location, user)


def create_study(
    target: str | Path,
    *,
    title: str = "",
    template: str | None = None,
    owner: str | None = None,
    passphrase: str | None = None,
) -> Study:
    """Create a new, empty study (optionally set up from a template) and open it.

    With ``passphrase`` the new study file is encrypted (SQLCipher) from its first byte.
    """
    location = str(target)
    engine = connect(location, create=True, passphrase=passphrase)
    study = Study(engine, location)
    with study._tx() as connection:
        study._put_setting(connection, "format", FORMAT_MARK)
        study._put_setting(connection, "created", utcnow().isoformat(timespec="seconds"))
        study._put_setting(connection, "created_with", f"thematic {__version__}")
        if title:
            study._put_setting(connection, "title", title)
        study._audit(connection, "study.create", location, template=template)
    if owner is not None:
        study.add_coder(owner, role="owner")
    if template is not None:
        applied = False
        try:
            study.apply_template(template)
            applied = True
        finally:
            if not applied:
                study.close()
                _remove_new_file(location)
    return study


def _remove_new_file(location: str) -> None:
    """Do not leave a half-set-up study behind when its template fails."""
    if not is_url(location):
        Path(location).unlink(missing_ok=True)
