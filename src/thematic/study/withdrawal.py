"""Withdrawal: a participant leaves the study, and everything of theirs leaves with them.

:meth:`WithdrawalMixin.withdrawal_preview` lists exactly what would go; :meth:`withdraw`
deletes it in one transaction (documents and their translations, codings, speaker turns,
memos only about them, attribute values, consent records, pinned quotes, decisions, framework
summaries, assignments, de-identification records), removes their entries from the pseudonym
key once that transaction has committed, keeps a record that *a* withdrawal happened, when and
how much went (not who), and then purges the deleted text from the full-text index, free pages
and the file (:func:`thematic.store.purge.purge_deleted_text`).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import sqlalchemy as sa

from thematic.core import deidentify as deid
from thematic.core.models import Withdrawal, WithdrawalPreview
from thematic.errors import Conflict, Invalid
from thematic.store.schema import (
    assignments,
    attribute_defs,
    codings,
    consents,
    decisions,
    deid_proposals,
    documents,
    framework_summaries,
    memos,
    participant_values,
    participants,
    pinned_quotes,
    turns,
    users,
    withdrawals,
)
from thematic.study._base import new_id, utcnow
from thematic.study.deidentify import DeidentifyMixin
from thematic.study.keyfile import KeyFile
from thematic.study.pseudonyms import _KEY_ID_SETTING


@dataclass(frozen=True)
class _Theirs:
    """What belongs to one participant: their id, documents (translations too) and memos."""

    label: str
    participant_id: int
    documents: list[int]
    memos: Sequence[Any]  # rows: id, title, body

    @property
    def memo_ids(self) -> list[int]:
        return [int(row.id) for row in self.memos]

    def proposals(self) -> sa.ColumnElement[bool]:
        """Their de-identification records: in their documents or their memos."""
        return deid_proposals.c.document_id.in_(self.documents) | deid_proposals.c.memo_id.in_(
            self.memo_ids
        )


class WithdrawalMixin(DeidentifyMixin):
    """Previewing and carrying out a participant's withdrawal; the withdrawal records."""

    def withdrawal_preview(
        self, label: str, *, key_passphrase: str | None = None
    ) -> WithdrawalPreview:
        """Everything :meth:`withdraw` would delete for participant ``label`` (owner only).
        Without the key passphrase the key entries are not counted (None)."""
        self._require("manage")
        with self._read() as connection:
            theirs = self._theirs(connection, label)
            return self._withdrawal_plan(
                connection, theirs, self._maybe_key(connection, key_passphrase)
            )

    def withdraw(
        self,
        label: str,
        *,
        key_passphrase: str | None = None,
        expected: Mapping[str, int] | None = None,
    ) -> Withdrawal:
        """Delete everything of participant ``label`` in one transaction (owner only).

        ``expected`` is the preview's :meth:`~WithdrawalPreview.counts`: when given and the
        counts changed since the preview, nothing is deleted (Conflict). When the study has a
        pseudonym key, its passphrase is needed, because the key's entries go too: the new
        key is written beside the old one before the transaction commits and put in place
        right after, so a failed transaction leaves the key as it was.
        """
        self._require("manage")
        staged = None
        with self._key_held():
            with self._tx() as connection:
                key = self._maybe_key(connection, key_passphrase)
                if key is None and self._setting(connection, _KEY_ID_SETTING):
                    raise Invalid(
                        f"{label}'s entries in the pseudonym key must go too: "
                        "give the key passphrase"
                    )
                theirs = self._theirs(connection, label)
                counts = self._withdrawal_plan(connection, theirs, key).counts()
                if expected is not None and dict(expected) != counts:
                    raise Conflict(f"{label}'s data changed since the preview: preview again")
                if key is not None:
                    key.pseudonyms = self._forgettable(connection, key, theirs)[0].state()
                    key.forget_participant(label)
                    staged = key.stage(key_passphrase or "")
                try:
                    self._delete(connection, theirs)
                    stamp = utcnow()
                    record_id = new_id(
                        connection,
                        withdrawals.insert().values(
                            at=stamp, recorded_by=self.actor, deleted=counts
                        ),
                    )
                    self._audit(
                        connection, "participant.withdraw", f"withdrawal {record_id}", **counts
                    )
                except BaseException:
                    if staged is not None:
                        staged.unlink(missing_ok=True)
                    raise
            if key is not None and staged is not None:
                key.install(staged)
        self._purge_after(f"{label}'s data is deleted")
        return Withdrawal(record_id, stamp, self.actor, counts)

    def withdrawals(self) -> list[Withdrawal]:
        """The withdrawal records, oldest first: when, who recorded it, how much was deleted."""
        self._require("read")
        with self._read() as connection:
            rows = connection.execute(sa.select(withdrawals).order_by(withdrawals.c.id))
            return [Withdrawal(r.id, r.at, r.recorded_by, dict(r.deleted)) for r in rows]

    # -- what belongs to a participant -------------------------------------------------------
    def _maybe_key(self, connection: sa.Connection, passphrase: str | None) -> KeyFile | None:
        if not passphrase:
            return None
        path = self._key_path(connection)
        if path is None or (not path.exists() and not self._setting(connection, _KEY_ID_SETTING)):
            return None  # no key yet: nothing of theirs in it
        return self._key(connection, passphrase)  # a moved key is an error, not "no key"

    def _theirs(self, connection: sa.Connection, label: str) -> _Theirs:
        pid = self._participant_id(connection, label)
        doc_ids = self._their_documents(connection, pid)
        return _Theirs(label, pid, doc_ids, self._their_memos(connection, pid, doc_ids))

    def _their_documents(self, connection: sa.Connection, participant_id: int) -> list[int]:
        """Their documents and every translation of one of them (a translation need not be
        linked to the participant itself)."""
        found = {
            int(i)
            for i in connection.execute(
                sa.select(documents.c.id).where(documents.c.participant_id == participant_id)
            ).scalars()
        }
        while True:
            more = {
                int(i)
                for i in connection.execute(
                    sa.select(documents.c.id).where(documents.c.translation_of.in_(found))
                ).scalars()
            } - found
            if not more:
                return sorted(found)
            found |= more

    def _their_memos(
        self, connection: sa.Connection, participant_id: int, doc_ids: list[int]
    ) -> Sequence[Any]:
        coding_ids = sa.select(codings.c.id).where(codings.c.document_id.in_(doc_ids))
        return connection.execute(
            sa.select(memos.c.id, memos.c.title, memos.c.body)
            .where(
                ((memos.c.link_type == "participant") & (memos.c.link_id == participant_id))
                | ((memos.c.link_type == "document") & memos.c.link_id.in_(doc_ids))
                | ((memos.c.link_type == "coding") & memos.c.link_id.in_(coding_ids))
            )
            .order_by(memos.c.id)
        ).all()

    def _withdrawal_plan(
        self, connection: sa.Connection, theirs: _Theirs, key: KeyFile | None
    ) -> WithdrawalPreview:
        doc_ids, pid = theirs.documents, theirs.participant_id
        docs = connection.execute(
            sa.select(documents.c.title, sa.func.length(documents.c.text))
            .where(documents.c.id.in_(doc_ids))
            .order_by(documents.c.position)
        ).all()
        per_coder = connection.execute(
            sa.select(users.c.name, sa.func.count(codings.c.id))
            .join(users, users.c.id == codings.c.coder_id)
            .where(codings.c.document_id.in_(doc_ids))
            .group_by(users.c.name)
            .order_by(users.c.name)
        ).all()
        values = connection.execute(
            sa.select(attribute_defs.c.name, participant_values.c.value)
            .join(attribute_defs, attribute_defs.c.id == participant_values.c.attribute_id)
            .where(participant_values.c.participant_id == pid)
            .order_by(attribute_defs.c.position)
        ).all()

        def count(table: sa.Table, clause: sa.ColumnElement[bool]) -> int:
            query = sa.select(sa.func.count()).select_from(table).where(clause)
            return int(connection.execute(query).scalar_one())

        key_entries = None
        if key is not None:
            terms = sum(1 for t in key.terms if t.participant == theirs.label)
            replaced = sum(1 for r in key.replacements if r.participant == theirs.label)
            key_entries = terms + replaced + self._forgettable(connection, key, theirs)[1]
        return WithdrawalPreview(
            participant=theirs.label,
            documents=tuple(r.title for r in docs),
            characters=sum(int(r[1] or 0) for r in docs),
            codings={r.name: int(r[1]) for r in per_coder},
            memos=tuple(_memo_title(r) for r in theirs.memos),
            attributes={r.name: "" if r.value is None else str(r.value) for r in values},
            consents=count(consents, consents.c.participant_id == pid),
            pinned_quotes=count(pinned_quotes, pinned_quotes.c.document_id.in_(doc_ids)),
            decisions=count(decisions, decisions.c.document_id.in_(doc_ids)),
            framework_summaries=count(
                framework_summaries, framework_summaries.c.participant_id == pid
            ),
            assignments=count(assignments, assignments.c.document_id.in_(doc_ids)),
            proposals=count(deid_proposals, theirs.proposals()),
            key_entries=key_entries,
            turns=count(turns, turns.c.document_id.in_(doc_ids)),
        )

    def _identifiers(
        self, connection: sa.Connection, key: KeyFile, theirs: _Theirs
    ) -> tuple[set[tuple[str, str]], set[tuple[str, str]]]:
        """The identifiers (kind, text) found in their texts, and those found elsewhere."""
        label = theirs.label
        mine = {(r.kind, r.original) for r in key.replacements if r.participant == label}
        others = {(r.kind, r.original) for r in key.replacements if r.participant != label}
        rows = connection.execute(
            sa.select(
                deid_proposals.c.kind,
                deid_proposals.c.original,
                theirs.proposals().label("theirs"),
            ).where(deid_proposals.c.original.is_not(None))
        )
        for row in rows:
            (mine if row.theirs else others).add((row.kind, row.original))
        mine |= {(t.kind, t.term) for t in key.terms if t.participant == label}
        others |= {(t.kind, t.term) for t in key.terms if t.participant != label}
        return mine, others

    def _forgettable(
        self, connection: sa.Connection, key: KeyFile, theirs: _Theirs
    ) -> tuple[deid.Pseudonymizer, int]:
        """The key's pseudonyms with the identifiers only this participant had forgotten, and
        how many those were."""
        pseudonyms = self._pseudonymizer(connection, key)
        mine, others = self._identifiers(connection, key, theirs)
        forgotten = pseudonyms.forget(mine, keep=others)
        return pseudonyms, forgotten

    def _delete(self, connection: sa.Connection, theirs: _Theirs) -> None:
        connection.execute(memos.delete().where(memos.c.id.in_(theirs.memo_ids)))
        # Translations first: they point at their originals.
        connection.execute(
            documents.update()
            .where(documents.c.id.in_(theirs.documents))
            .values(translation_of=None)
        )
        connection.execute(documents.delete().where(documents.c.id.in_(theirs.documents)))
        connection.execute(participants.delete().where(participants.c.id == theirs.participant_id))


def _memo_title(row: sa.Row[Any]) -> str:
    if row.title:
        return str(row.title)
    words = str(row.body).split()
    return " ".join(words[:8]) + (" …" if len(words) > 8 else "")
