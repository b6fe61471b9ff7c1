"""thematic: qualitative interview studies from recruitment to published results.

The public Python API::

    import thematic
    study = thematic.open("demo.thematic")          # or "postgresql://host/db"
    study.participants(); study.documents(); study.codes(); study.codings()
"""

from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

from thematic.core.models import (
    AttributeDef,
    AuditEvent,
    Code,
    Coder,
    Coding,
    Consent,
    Criterion,
    Document,
    GuideQuestion,
    Memo,
    Participant,
    PinnedQuote,
    Screening,
    Turn,
)
from thematic.errors import (
    Conflict,
    Forbidden,
    Invalid,
    NotFound,
    PurgeFailed,
    ThematicError,
    UnreadableFile,
)
from thematic.study import (
    Study,
    create_study,
    decrypt_study,
    encrypt_study,
    is_encrypted_study,
    open_study,
)

__all__ = [
    "Assignment",
    "AttributeDef",
    "AuditEvent",
    "Code",
    "Coder",
    "Coding",
    "Conflict",
    "Consent",
    "Criterion",
    "Document",
    "Forbidden",
    "GuideQuestion",
    "Invalid",
    "Memo",
    "NotFound",
    "Participant",
    "PinnedQuote",
    "PurgeFailed",
    "Screening",
    "Study",
    "ThematicError",
    "Turn",
    "UnreadableFile",
    "__version__",
    "create",
    "decrypt",
    "encrypt",
    "is_encrypted",
    "open",
]


def open(target: str | Path, *, user: str | None = None, passphrase: str | None = None) -> Study:
    """Open a study: a ``.thematic`` file path or a ``postgresql://`` URL.

    ``user`` is the acting member (their role limits what they may change); without it the
    caller acts as the study's owner, as a researcher does on their own file. ``passphrase``
    opens an encrypted study file.
    """
    return open_study(target, user=user, passphrase=passphrase)


def create(
    target: str | Path,
    *,
    title: str = "",
    template: str | None = None,
    owner: str | None = None,
    passphrase: str | None = None,
) -> Study:
    """Create a new study file (or initialise an empty PostgreSQL database) and open it.

    With ``passphrase`` the file is encrypted with SQLCipher from the start.
    """
    return create_study(target, title=title, template=template, owner=owner, passphrase=passphrase)


def encrypt(target: str | Path, passphrase: str, *, user: str | None = None) -> list[Path]:
    """Encrypt a plain study file in place with ``passphrase`` (SQLCipher, AES-256).

    Returns the unencrypted upgrade backups (``<file>.bak-<revision>``) found beside it.
    """
    return encrypt_study(target, passphrase, user=user)


def is_encrypted(target: str | Path) -> bool:
    """True when ``target`` is an existing, encrypted study file (False for URLs)."""
    return is_encrypted_study(target)


def decrypt(target: str | Path, passphrase: str, *, user: str | None = None) -> None:
    """Decrypt an encrypted study file in place (it opens with ``passphrase``)."""
    decrypt_study(target, passphrase, user=user)
