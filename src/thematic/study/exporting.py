"""What leaves the study: the de-identified view every export and report is made from.

``study.for_export("report")`` checks that no identifier found by de-identification is still
waiting in a text (proposed or accepted but not yet replaced) and, once a study has been
scanned, that no document came in after the last scan; records the export in the audit log;
and returns a view of the study that leaves identifying attributes out of participants,
queries, tables and figures. ``identified=True`` (owner only, recorded as such) exports
everything, for the team's own archive.
"""

from __future__ import annotations

from typing import Self

from thematic.errors import Conflict
from thematic.study.withdrawal import WithdrawalMixin


class ExportMixin(WithdrawalMixin):
    """The gate every export passes."""

    def for_export(self, purpose: str, *, identified: bool = False) -> Self:
        """A view of the study for an export (``purpose``: "report", "tables", ...).

        De-identified (the default): refuses while identifiers wait to be replaced, and hides
        identifying attributes. ``identified=True`` is for owners only. Either way the export
        is written to the audit log.
        """
        self._require("read")
        if identified:
            self._require("manage")
        else:
            unscanned = self.unscanned_documents()
            if unscanned:
                more = f" and {len(unscanned) - 1} more" if len(unscanned) > 1 else ""
                raise Conflict(
                    f"{unscanned[0]!r}{more} came in after the last de-identification scan: "
                    "scan again (thematic deidentify scan), or export --identified (owner only)"
                )
            pending = self.pending_identifiers()
            if pending:
                first = next(iter(pending))
                more = f" and {len(pending) - 1} more texts" if len(pending) > 1 else ""
                raise Conflict(
                    f"{sum(pending.values())} identifiers found in {first!r}{more} are not "
                    "replaced yet: review and apply them (thematic deidentify), or export "
                    "--identified (owner only)"
                )
        with self._tx() as connection:
            self._audit(connection, "export", purpose, identified=identified)
        view = type(self)(self._engine, self.location, self._user, owns_engine=False)
        view._hide_identifying = not identified
        return view

    @property
    def deidentified(self) -> bool:
        """True for a view made by :meth:`for_export` that hides identifying attributes."""
        return self._hide_identifying
