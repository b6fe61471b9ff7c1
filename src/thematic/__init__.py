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
    ThematicError,
    UnreadableFile,
)
from thematic.study import Study, create_study, open_study

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
    "Screening",
    "Study",
    "ThematicError",
    "Turn",
    "UnreadableFile",
    "__version__",
    "create",
    "open",
]


def open(target: str | Path, *, user: str | None = None) -> Study:
    """Open a study: a ``.thematic`` file path or a ``postgresql://`` URL.

    ``user`` is the acting member (their role limits what they may change); without it the
    caller acts as the study's owner, as a researcher does on their own file.
    """
    return open_study(target, user=user)


def create(
    target: str | Path, *, title: str = "", template: str | None = None, owner: str | None = None
) -> Study:
    """Create a new study file (or initialise an empty PostgreSQL database) and open it."""
    return create_study(target, title=title, template=template, owner=owner)
