"""Theme development with an audit trail: merge, split, retire, history (issue 6).

Every change to the codebook writes one ``codebook_history`` row in its own transaction:
who, when, what (``detail``), why (``reason``) and the whole tree afterwards (``snapshot``),
so the codebook as it stood on any earlier date can be read back and exported.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from thematic.core.codebook import CodebookChange, end_of, subtree
from thematic.core.models import Code
from thematic.errors import Conflict, Invalid, NotFound
from thematic.formats.codebook import write_codebook
from thematic.formats.tables import write_table
from thematic.store.schema import (
    code_relations,
    codebook_history,
    codes,
    codings,
    decisions,
    framework_summaries,
    memos,
    pinned_quotes,
)
from thematic.study._base import utcnow
from thematic.study.quotes import QuotesMixin

HISTORY_COLUMNS = ("id", "at", "actor", "action", "code", "detail", "reason")
codings_table = codings  # split_code's argument ``codings`` hides the table's name there


class DevelopmentMixin(QuotesMixin):
    """Theme development with an audit trail: merge, split, retire, history (issue 6)."""

    # -- merge -------------------------------------------------------------------------------
    def merge_codes(self, source: int | str, target: int | str, *, reason: str = "") -> Code:
        """Merge ``source`` into ``target``: its codings (every coder's), sub-codes, memos,
        pinned quotes, framework summaries and relations go to ``target``; then it is deleted.

        A coding that ``target`` already has (same document, coder and span) is dropped, and
        memos on it move to the one kept. Returns ``target``.
        """
        self._require("codebook")
        with self._codebook_tx() as connection:
            old, new = self._code(connection, source), self._code(connection, target)
            tree = {c.id: c.parent_id for c in self._codes(connection)}
            if new.id in subtree(tree, old.id):
                what = "itself" if new.id == old.id else f"its own sub-code {new.path!r}"
                raise Invalid(f"cannot merge {old.path!r} into {what}")
            detail: dict[str, Any] = {"into": new.path}
            detail["children"] = self._adopt_children(connection, old, new)
            detail.update(self._merge_codings(connection, old.id, new.id))
            detail.update(self._merge_linked(connection, old.id, new.id))
            connection.execute(codes.delete().where(codes.c.id == old.id))
            merged = self._code(connection, new.id)
            self._audit(connection, "code.merge", old.path[-300:], **detail)
            self._record(connection, "merge", old.path, reason, **detail)
            return merged

    def _adopt_children(self, connection: sa.Connection, old: Code, new: Code) -> list[str]:
        children = [c for c in self._codes(connection) if c.parent_id == old.id]
        for child in children:
            if self._child(connection, new.id, child.name) is not None:
                raise Conflict(
                    f"{new.path!r} already has a code named {child.name!r}; "
                    f"merge or rename {child.path!r} first"
                )
            connection.execute(
                codes.update().where(codes.c.id == child.id).values(parent_id=new.id)
            )
        return [c.name for c in children]

    def _merge_codings(self, connection: sa.Connection, old: int, new: int) -> dict[str, int]:
        kept = codings.alias("kept")
        same = sa.select(codings.c.id, kept.c.id.label("kept")).join(
            kept,
            (kept.c.code_id == new)
            & (kept.c.document_id == codings.c.document_id)
            & (kept.c.coder_id == codings.c.coder_id)
            & (kept.c.start == codings.c.start)
            & (kept.c.end == codings.c.end),
        )
        duplicates = connection.execute(same.where(codings.c.code_id == old)).all()
        for dropped, kept_id in duplicates:
            connection.execute(
                memos.update()
                .where((memos.c.link_type == "coding") & (memos.c.link_id == dropped))
                .values(link_id=kept_id)
            )
        if duplicates:
            connection.execute(codings.delete().where(codings.c.id.in_([d[0] for d in duplicates])))
        moved = connection.execute(
            codings.update().where(codings.c.code_id == old).values(code_id=new)
        ).rowcount
        return {"codings_moved": int(moved), "duplicates_dropped": len(duplicates)}

    def _merge_linked(self, connection: sa.Connection, old: int, new: int) -> dict[str, int]:
        """Memos, decisions, pinned quotes, framework summaries and relations of a merge."""
        moved_memos = connection.execute(
            memos.update()
            .where((memos.c.link_type == "code") & (memos.c.link_id == old))
            .values(link_id=new)
        ).rowcount
        connection.execute(decisions.update().where(decisions.c.code_id == old).values(code_id=new))
        return {
            "memos_moved": int(moved_memos),
            "quotes_moved": self._merge_quotes(connection, old, new),
            "summaries_moved": self._merge_summaries(connection, old, new),
            "relations_moved": self._merge_relations(connection, old, new),
        }

    def _merge_quotes(self, connection: sa.Connection, old: int, new: int) -> int:
        at_target = connection.execute(
            sa.select(
                pinned_quotes.c.document_id, pinned_quotes.c.start, pinned_quotes.c.end
            ).where(pinned_quotes.c.code_id == new)
        ).all()
        taken = {tuple(r) for r in at_target}
        position = len(taken)
        moved = 0
        rows = connection.execute(
            sa.select(pinned_quotes)
            .where(pinned_quotes.c.code_id == old)
            .order_by(pinned_quotes.c.position)
        ).all()
        for row in rows:
            if (row.document_id, row.start, row.end) in taken:
                connection.execute(pinned_quotes.delete().where(pinned_quotes.c.id == row.id))
                continue
            connection.execute(
                pinned_quotes.update()
                .where(pinned_quotes.c.id == row.id)
                .values(code_id=new, position=position)
            )
            position += 1
            moved += 1
        return moved

    def _merge_summaries(self, connection: sa.Connection, old: int, new: int) -> int:
        """A participant summarised on both codes keeps both texts, the target's first."""
        table = framework_summaries
        rows = connection.execute(sa.select(table).where(table.c.code_id == old)).all()
        for row in rows:
            kept = connection.execute(
                sa.select(table).where(
                    (table.c.code_id == new) & (table.c.participant_id == row.participant_id)
                )
            ).first()
            if kept is None:
                connection.execute(table.update().where(table.c.id == row.id).values(code_id=new))
                continue
            connection.execute(table.delete().where(table.c.id == row.id))
            connection.execute(
                table.update()
                .where(table.c.id == kept.id)
                .values(
                    summary=f"{kept.summary}\n\n{row.summary}",
                    updated_by=self.actor,
                    updated_at=utcnow(),
                )
            )
        return len(rows)

    def _merge_relations(self, connection: sa.Connection, old: int, new: int) -> int:
        table = code_relations
        rows = connection.execute(
            sa.select(table).where((table.c.source_id == old) | (table.c.target_id == old))
        ).all()
        existing = {
            (r.source_id, r.target_id, r.label)
            for r in connection.execute(
                sa.select(table).where(table.c.id.not_in([r.id for r in rows]))
            )
        }
        moved = 0
        for row in rows:
            source = new if row.source_id == old else row.source_id
            target = new if row.target_id == old else row.target_id
            key = (source, target, row.label)
            # A relation between the two merged codes would point at itself: it goes.
            if source == target or key in existing:
                connection.execute(table.delete().where(table.c.id == row.id))
                continue
            existing.add(key)
            connection.execute(
                table.update()
                .where(table.c.id == row.id)
                .values(source_id=source, target_id=target)
            )
            moved += 1
        return moved

    # -- split -------------------------------------------------------------------------------
    def split_code(
        self,
        code: int | str,
        new_name_or_path: str,
        codings: Sequence[int],
        *,
        reason: str = "",
        definition: str = "",
    ) -> Code:
        """Make a new code and move the chosen codings of ``code`` to it.

        A bare name makes a sibling of ``code``; a path (``"Theme/New code"``) puts the new
        code there. Every coding id must be a coding with ``code`` (else Invalid).
        """
        self._require("codebook")
        wanted = sorted({int(i) for i in codings})
        if not wanted:
            raise Invalid("choose at least one coding to move to the new code")
        with self._codebook_tx() as connection:
            old = self._code(connection, code)
            self._check_codings_of(connection, old, wanted)
            parent = old.parent_id if "/" not in new_name_or_path else None
            fields = {"definition": definition} if definition else {}
            new = self._add_code(connection, new_name_or_path, parent, fields)
            connection.execute(
                codings_table.update().where(codings_table.c.id.in_(wanted)).values(code_id=new.id)
            )
            detail = {"new": new.path, "codings_moved": len(wanted), "codings": wanted}
            self._audit(connection, "code.split", old.path[-300:], **detail)
            self._record(connection, "split", old.path, reason, **detail)
            return new

    def _check_codings_of(self, connection: sa.Connection, code: Code, ids: list[int]) -> None:
        found = {
            int(r.id): int(r.code_id)
            for r in connection.execute(
                sa.select(codings_table.c.id, codings_table.c.code_id).where(
                    codings_table.c.id.in_(ids)
                )
            )
        }
        foreign = [i for i in ids if found.get(i) != code.id]
        if foreign:
            listed = ", ".join(str(i) for i in foreign[:10])
            raise Invalid(f"codings {listed} are not codings with {code.path!r}")

    # -- retire ------------------------------------------------------------------------------
    def retire_code(self, code: int | str, *, reason: str = "") -> Code:
        """Retire a code: it keeps its codings and stays in queries and reports, but it can no
        longer be applied. (Its sub-codes are not retired with it.)"""
        return self._set_retired(code, True, reason)

    def unretire_code(self, code: int | str, *, reason: str = "") -> Code:
        """Bring a retired code back into use."""
        return self._set_retired(code, False, reason)

    def _set_retired(self, ref: int | str, retire: bool, reason: str) -> Code:
        self._require("codebook")
        action = "retire" if retire else "unretire"
        with self._codebook_tx() as connection:
            code = self._code(connection, ref)
            if code.retired == retire:
                state = "already retired" if retire else "not retired"
                raise Conflict(f"code {code.path!r} is {state}")
            connection.execute(
                codes.update()
                .where(codes.c.id == code.id)
                .values(retired_at=utcnow() if retire else None)
            )
            self._audit(connection, f"code.{action}", code.path[-300:])
            self._record(connection, action, code.path, reason)
            return self._code(connection, code.id)

    # -- the history -------------------------------------------------------------------------
    def codebook_history(self, code: int | str | None = None) -> list[CodebookChange]:
        """Every change to the codebook, oldest first: who, when, what and why.

        Given ``code`` (id or path, current or former), only the changes to it, to codes
        beneath it, and merges and splits that fed it; earlier names are followed back
        through renames and moves.
        """
        self._require("read")
        with self._read() as connection:
            rows = connection.execute(
                sa.select(*(codebook_history.c[c] for c in HISTORY_COLUMNS)).order_by(
                    codebook_history.c.at, codebook_history.c.id
                )
            ).all()
            changes = [
                CodebookChange(r.id, r.at, r.actor, r.action, r.code, dict(r.detail), r.reason)
                for r in rows
            ]
            if code is None:
                return changes
            path = self._history_path(connection, code)
        return _about(changes, path)

    def _history_path(self, connection: sa.Connection, ref: int | str) -> str:
        try:
            return self._code(connection, ref).path
        except NotFound:
            if isinstance(ref, int) or ref.isdigit():
                raise
            return "/".join(p.strip() for p in ref.split("/"))

    def codebook_at(self, when: dt.datetime | dt.date | str) -> list[dict[str, Any]]:
        """The codebook tree as it stood at the end of ``when`` (a date means the whole day,
        in UTC), in the shape of :meth:`codebook_tree`.

        NotFound before the first recorded change (studies made before version 0.7 start
        their history at their first change after the upgrade).
        """
        self._require("read")
        try:
            moment = end_of(when)
        except ValueError as error:
            raise Invalid(str(error)) from None
        with self._read() as connection:
            row = connection.execute(
                sa.select(codebook_history.c.snapshot)
                .where(codebook_history.c.at <= moment)
                .order_by(codebook_history.c.at.desc(), codebook_history.c.id.desc())
                .limit(1)
            ).first()
            if row is not None:
                return list(row.snapshot)
            first = connection.execute(sa.select(sa.func.min(codebook_history.c.at))).scalar()
        if first is None:
            raise NotFound("no change to the codebook has been recorded yet")
        raise NotFound(
            f"the codebook history begins on {first:%Y-%m-%d %H:%M} (UTC); "
            f"there is no record of the codebook on {when}"
        )

    def export_codebook_at(self, path: str | Path, when: dt.datetime | dt.date | str) -> Path:
        """Write the codebook as it stood at ``when`` as YAML, CSV or XLSX."""
        target = Path(path)
        write_codebook(self.codebook_at(when), target)
        with self._tx() as connection:
            self._audit(connection, "codebook.export", target.name, at=str(when))
        return target

    def export_codebook_history(self, path: str | Path, code: int | str | None = None) -> Path:
        """Write the codebook history (one row per change) as CSV or XLSX."""
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx"):
            raise Invalid(f"{target.name}: write the history as .csv or .xlsx")
        rows = [history_row(c) for c in self.codebook_history(code)]
        write_table(target, ["at (UTC)", "who", "action", "code", "what", "why"], rows)
        with self._tx() as connection:
            self._audit(connection, "codebook.history_export", target.name)
        return target


def describe(change: CodebookChange) -> str:
    """What a change did, in words, for tables and the timeline."""
    d = change.detail
    match change.action:
        case "rename" | "move":
            return f"{d.get('from', change.code)} → {d.get('to', '')}"
        case "merge":
            return (
                f"merged into {d.get('into')}: {d.get('codings_moved', 0)} codings moved, "
                f"{d.get('duplicates_dropped', 0)} duplicates dropped"
            )
        case "split":
            return f"{d.get('codings_moved', 0)} codings moved to {d.get('new')}"
        case "delete":
            return f"deleted with {d.get('codes', 1)} codes and {d.get('codings', 0)} codings"
        case "import" | "baseline":
            return f"{d.get('codes', 0)} codes"
        case "update":
            return "changed " + ", ".join(sorted(d))
    return change.action


def history_row(change: CodebookChange) -> list[str]:
    """A change as a row of the history table."""
    return [
        change.at.isoformat(sep=" ", timespec="seconds"),
        change.actor,
        change.action,
        change.code,
        describe(change),
        change.reason,
    ]


def _about(changes: list[CodebookChange], path: str) -> list[CodebookChange]:
    """The changes that concern ``path``, following it back through renames and moves."""
    names = {path}
    wanted: list[CodebookChange] = []
    for change in reversed(changes):
        d = change.detail
        linked = [change.code, str(d.get("to", "")), str(d.get("into", "")), str(d.get("new", ""))]
        hit = any(_under(p, n) for p in linked if p for n in names)
        if change.action in ("rename", "move") and d.get("to") and d.get("from"):
            to, before = str(d["to"]), str(d["from"])
            earlier = {before + n[len(to) :] for n in names if _under(n, to)}
            hit = hit or bool(earlier)
            names |= earlier
        if hit:
            wanted.append(change)
    return wanted[::-1]


def _under(path: str, ancestor: str) -> bool:
    return path == ancestor or path.startswith(ancestor + "/")
