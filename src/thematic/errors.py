"""The one exception tree of thematic.

Every face translates these once: the CLI prints one red line and exits with code 1; the web
app maps each class to an HTTP status. Messages are written for a researcher, name the file or
record concerned, and fit on one line.
"""

from __future__ import annotations

__all__ = [
    "Conflict",
    "Forbidden",
    "Invalid",
    "NotFound",
    "ThematicError",
    "UnreadableFile",
]


class ThematicError(Exception):
    """Base class of every error thematic raises on purpose."""


class NotFound(ThematicError):
    """A participant, document, code, coder, coding or memo that does not exist."""


class Invalid(ThematicError):
    """Input that breaks a rule: a span outside the text, a value not allowed, a bad name."""


class UnreadableFile(Invalid):
    """A file that cannot be imported: corrupt, wrong type, undecodable. Names the file."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        self.reason = reason
        super().__init__(f"{path}: {reason}")


class Conflict(ThematicError):
    """A change that collides with the study's state: a duplicate name, a cycle, a stale edit."""


class PurgeFailed(Conflict):
    """A deletion landed, but removing its traces from the search index and the file failed;
    running the purge again (``Study.purge_deleted``, ``thematic purge``) finishes it."""


class Forbidden(ThematicError):
    """The acting user's role does not allow the change."""
