"""De-identification in the Study API: scan, review, apply; the key file; the report.

The path a team walks (docs/privacy.md):

1. :meth:`scan_identifiers` runs the detectors of :mod:`thematic.core.deidentify` over every
   document (transcripts, translations, field notes) and memo, and stores one *proposal* per
   identifier with a consistent pseudonym ("[Doctor A]" in every transcript).
2. Reviewers accept, reject or edit proposals, or add ones the detectors missed. Nothing in the
   text changes yet.
3. :meth:`apply_deidentification` replaces every accepted identifier in one transaction and
   moves codings, speaker turns, discrepancy decisions, pinned quotes and the other pending
   proposals onto the new offsets; the full-text index follows through its triggers and is
   then purged so the old words are gone from it too.

The key (pseudonym -> real identity) and the study's own list of identifying terms live in a
separate encrypted file (:mod:`thematic.study.keyfile`, handled by
:mod:`thematic.study.pseudonyms`), never in the study.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from thematic.core import deidentify as deid
from thematic.core.models import Proposal, ScanResult
from thematic.core.spans import check_span, nfc, snippet
from thematic.errors import Conflict, Invalid, NotFound, PurgeFailed
from thematic.store.purge import purge_deleted_text
from thematic.store.schema import (
    codings,
    decisions,
    deid_proposals,
    documents,
    memos,
    participants,
    pinned_quotes,
    turns,
)
from thematic.study._base import new_id, utcnow
from thematic.study.encryption import upgrade_backups
from thematic.study.keyfile import KeyFile, Replacement
from thematic.study.memos import MemosMixin
from thematic.study.pseudonyms import PseudonymKeyMixin

STATUSES = ("proposed", "accepted", "rejected", "applied")
DECISIONS = ("accept", "reject")
_SCANNED_SETTING = "privacy.scanned_at"  # when every document was last scanned
_CONTEXT = 60  # code points of context either side, for review

# Tables holding spans of a document's text, with their span columns (start, end pairs).
_SPAN_TABLES: tuple[tuple[sa.Table, tuple[tuple[str, str], ...]], ...] = (
    (codings, (("start", "end"),)),
    (turns, (("start", "end"),)),
    (decisions, (("start", "end"), ("result_start", "result_end"))),
    (pinned_quotes, (("start", "end"),)),
)


class DeidentifyMixin(PseudonymKeyMixin, MemosMixin):
    """Finding identifiers, reviewing proposals, replacing them; the pseudonym key."""

    # -- scanning ----------------------------------------------------------------------------
    def scan_identifiers(
        self,
        *,
        key_passphrase: str,
        documents: Iterable[int | str] | None = None,
        memos: bool = True,
        places: bool = True,
        model: deid.Model | str | None = "auto",
    ) -> ScanResult:
        """Find identifiers and store them as proposals with their pseudonyms (owner only).

        ``documents`` limits the scan (titles or ids; default every document); ``memos``
        scans memo bodies too; ``places=False`` leaves the built-in city list out (when the
        city is a reported attribute); ``model`` is "auto" (a spaCy pipeline if one is
        installed), a pipeline name, a callable, or None. Proposals from an earlier scan that
        nobody decided on are replaced; decisions (accepted, rejected) are kept.
        """
        self._require("manage")
        model_callable, status = _resolve_model(model)
        with self._key_held(), self._tx() as connection:
            key = self._key(connection, key_passphrase, create=True)
            pseudonyms = self._pseudonymizer(connection, key)
            terms = key.term_map()
            targets = self._scan_targets(connection, documents, memos)
            found: Counter[str] = Counter()
            for target, text in targets:
                findings = deid.detect(text, terms=terms, places=places, model=model_callable)
                found.update(self._store_findings(connection, target, text, findings, pseudonyms))
            key.pseudonyms = pseudonyms.state()
            used = deid.detectors_used(terms=terms, places=places, model=model_callable)
            self._save_key(connection, key, key_passphrase)
            if documents is None:
                self._put_setting(connection, _SCANNED_SETTING, utcnow().isoformat())
            n_docs = sum(1 for t, _ in targets if t[0] == "document")
            self._audit(
                connection,
                "deidentify.scan",
                _count(n_docs, "document"),
                memos=len(targets) - n_docs,
                proposals=dict(found),
                detectors=list(used),
            )
        return ScanResult(n_docs, len(targets) - n_docs, dict(found), used, status)

    def _scan_targets(
        self, connection: sa.Connection, refs: Iterable[int | str] | None, with_memos: bool
    ) -> list[tuple[tuple[str, int], str]]:
        query = sa.select(documents.c.id, documents.c.text).order_by(documents.c.position)
        if refs is not None:
            ids = [self._document_id(connection, ref) for ref in refs]
            query = query.where(documents.c.id.in_(ids))
        targets = [(("document", int(r.id)), r.text) for r in connection.execute(query)]
        if with_memos and refs is None:
            rows = connection.execute(sa.select(memos.c.id, memos.c.body).order_by(memos.c.id))
            targets += [(("memo", int(r.id)), nfc(r.body)) for r in rows]
        return targets

    def _store_findings(
        self,
        connection: sa.Connection,
        target: tuple[str, int],
        text: str,
        findings: Sequence[deid.Finding],
        pseudonyms: deid.Pseudonymizer,
    ) -> Counter[str]:
        where = _target_clause(target)
        connection.execute(
            deid_proposals.delete().where(where & (deid_proposals.c.status == "proposed"))
        )
        kept = connection.execute(
            sa.select(
                deid_proposals.c.start,
                deid_proposals.c.end,
                deid_proposals.c.status,
                deid_proposals.c.original,
            ).where(where)
        ).all()
        stored: Counter[str] = Counter()
        rows = []
        for finding in findings:
            if any(_blocks(row, finding) for row in kept):
                continue
            rows.append(
                {
                    "document_id": target[1] if target[0] == "document" else None,
                    "memo_id": target[1] if target[0] == "memo" else None,
                    "start": finding.start,
                    "end": finding.end,
                    "kind": finding.kind,
                    "original": finding.text,
                    "replacement": pseudonyms.label(finding.kind, finding.text),
                    "source": finding.source,
                    "confidence": finding.confidence,
                    "status": "proposed",
                }
            )
            stored[finding.kind] += 1
        if rows:
            connection.execute(deid_proposals.insert(), rows)
        return stored

    # -- reviewing ---------------------------------------------------------------------------
    def proposals(
        self,
        *,
        status: str | None = None,
        document: int | str | None = None,
        kind: str | None = None,
        context: bool = True,
    ) -> list[Proposal]:
        """Proposals in text order, with the passage around each for review. Owner only:
        pending proposals show the identifiers themselves."""
        self._require("manage")
        if status is not None and status not in STATUSES:
            raise Invalid(f"status must be one of {', '.join(STATUSES)}")
        with self._read() as connection:
            query = sa.select(deid_proposals)
            if status is not None:
                query = query.where(deid_proposals.c.status == status)
            if kind is not None:
                query = query.where(deid_proposals.c.kind == kind)
            if document is not None:
                doc_id = self._document_id(connection, document)
                query = query.where(deid_proposals.c.document_id == doc_id)
            rows = connection.execute(
                query.order_by(
                    deid_proposals.c.document_id,
                    deid_proposals.c.memo_id,
                    deid_proposals.c.start,
                )
            ).all()
            texts = self._proposal_texts(connection, rows) if context else {}
            titles = self._proposal_titles(connection, rows)
        return [_proposal(r, titles, texts) for r in rows]

    def proposal(self, proposal_id: int) -> Proposal:
        """One proposal by id (owner only)."""
        self._require("manage")
        with self._read() as connection:
            row = self._proposal_row(connection, proposal_id)
            return _proposal(
                row,
                self._proposal_titles(connection, [row]),
                self._proposal_texts(connection, [row]),
            )

    def decide_proposals(self, ids: Iterable[int], decision: str, *, note: str = "") -> int:
        """Accept or reject proposals (not yet applied ones); return how many changed."""
        self._require("manage")
        if decision not in DECISIONS:
            raise Invalid(f"a decision is one of {', '.join(DECISIONS)}")
        wanted = sorted(set(ids))
        if not wanted:
            return 0
        with self._tx() as connection:
            rows = [self._proposal_row(connection, proposal_id) for proposal_id in wanted]
            for row in rows:
                if row.status == "applied":
                    raise Conflict(f"proposal {row.id} is already applied")
            if decision == "accept":
                self._check_no_overlap(connection, rows)
            connection.execute(
                deid_proposals.update()
                .where(deid_proposals.c.id.in_(wanted))
                .values(
                    status="accepted" if decision == "accept" else "rejected",
                    decided_by=self.actor,
                    decided_at=utcnow(),
                )
            )
            self._audit(connection, f"deidentify.{decision}", _count(len(wanted), "proposal"))
        return len(wanted)

    def decide_undecided(
        self, decision: str, *, kind: str | None = None, min_confidence: float = 0.0
    ) -> int:
        """Accept or reject every proposal nobody has decided on yet (of one ``kind``, at
        least ``min_confidence`` sure); return how many changed."""
        undecided = self.proposals(status="proposed", kind=kind, context=False)
        return self.decide_proposals(
            [p.id for p in undecided if p.confidence >= min_confidence], decision
        )

    def edit_proposal(
        self,
        proposal_id: int,
        *,
        replacement: str | None = None,
        start: int | None = None,
        end: int | None = None,
    ) -> Proposal:
        """Change a proposal's replacement and/or its extent; an edited proposal is accepted."""
        self._require("manage")
        with self._tx() as connection:
            row = self._proposal_row(connection, proposal_id)
            if row.status == "applied":
                raise Conflict(f"proposal {proposal_id} is already applied")
            text = self._target_text(connection, _row_target(row))
            new_start = row.start if start is None else start
            new_end = row.end if end is None else end
            values: dict[str, Any] = self._checked_span(
                connection, _row_target(row), text, new_start, new_end, exclude=proposal_id
            )
            if replacement is not None:
                values["replacement"] = _check_replacement(replacement)
            values.update(status="accepted", decided_by=self.actor, decided_at=utcnow())
            connection.execute(
                deid_proposals.update().where(deid_proposals.c.id == proposal_id).values(**values)
            )
            self._audit(connection, "deidentify.edit", str(proposal_id))
        return self.proposal(proposal_id)

    def add_proposal(
        self,
        document: int | str,
        start: int,
        end: int,
        kind: str,
        replacement: str | None = None,
        *,
        key_passphrase: str,
    ) -> Proposal:
        """Mark an identifier the detectors missed (accepted at once). Without a replacement it
        gets the study's pseudonym for it."""
        self._require("manage")
        if kind not in deid.KINDS:
            raise Invalid(f"kind must be one of {', '.join(deid.KINDS)} (got {kind!r})")
        with self._key_held(), self._tx() as connection:
            doc_id = self._document_id(connection, document)
            target = ("document", doc_id)
            text = self._target_text(connection, target)
            values = self._checked_span(connection, target, text, start, end)
            if replacement is None:
                key = self._key(connection, key_passphrase, create=True)
                pseudonyms = self._pseudonymizer(connection, key)
                replacement = pseudonyms.label(kind, values["original"])
                key.pseudonyms = pseudonyms.state()
                self._save_key(connection, key, key_passphrase)
            proposal_id = new_id(
                connection,
                deid_proposals.insert().values(
                    document_id=doc_id,
                    kind=kind,
                    replacement=_check_replacement(replacement),
                    source="reviewer",
                    confidence=1.0,
                    status="accepted",
                    decided_by=self.actor,
                    decided_at=utcnow(),
                    **values,
                ),
            )
            self._audit(connection, "deidentify.add", str(proposal_id), kind=kind)
        return self.proposal(proposal_id)

    def _check_no_overlap(self, connection: sa.Connection, rows: Sequence[sa.Row[Any]]) -> None:
        """Accepted proposals may not overlap one another (or an applied one): apply could not
        replace both. A rejected one accepted again can, so it is checked here: per text, one
        sweep over the spans in order (accepting 16,000 proposals at once takes milliseconds)."""
        chosen = {row.id for row in rows}
        by_target: dict[tuple[str, int], list[Any]] = {}
        for row in rows:
            by_target.setdefault(_row_target(row), []).append(row)
        for target, mine in by_target.items():
            decided = connection.execute(
                sa.select(deid_proposals.c.id, deid_proposals.c.start, deid_proposals.c.end).where(
                    _target_clause(target) & deid_proposals.c.status.in_(("accepted", "applied"))
                )
            ).all()
            spans = sorted(
                [(r.start, r.end, r.id) for r in mine]
                + [(r.start, r.end, r.id) for r in decided if r.id not in chosen]
            )
            reach = (-1, -1, 0)  # the span reaching furthest right so far
            for span in spans:
                if span[0] < reach[1]:
                    first, second = (reach, span) if reach[2] in chosen else (span, reach)
                    raise Conflict(
                        f"proposal {first[2]} ({first[0]}-{first[1]}) overlaps proposal "
                        f"{second[2]} ({second[0]}-{second[1]}): accept only one of them"
                    )
                if span[1] > reach[1]:
                    reach = span

    def _checked_span(
        self,
        connection: sa.Connection,
        target: tuple[str, int],
        text: str,
        start: int,
        end: int,
        exclude: int | None = None,
    ) -> dict[str, Any]:
        reason = check_span(start, end, len(text))
        if reason:
            raise Invalid(reason)
        others = connection.execute(
            sa.select(deid_proposals.c.id, deid_proposals.c.start, deid_proposals.c.end).where(
                _target_clause(target)
                & (deid_proposals.c.status.in_(("accepted", "applied", "proposed")))
                & (deid_proposals.c.id != (exclude or 0))
            )
        ).all()
        for other in others:
            if other.start < end and start < other.end:
                raise Conflict(
                    f"{start}-{end} overlaps proposal {other.id} ({other.start}-{other.end}): "
                    "edit or reject that one first"
                )
        return {"start": start, "end": end, "original": text[start:end]}

    # -- applying ----------------------------------------------------------------------------
    def apply_deidentification(self, *, key_passphrase: str) -> dict[str, int]:
        """Replace every accepted identifier, in one transaction; return replacements by kind.

        Codings, speaker turns, decisions, pinned quotes and other proposals move to the new
        offsets (a coding that started, ended or sat inside a replaced name now starts, ends
        or covers its pseudonym); the originals go into the encrypted key, and the full-text
        index is purged of them afterwards.
        """
        self._require("manage")
        applied: Counter[str] = Counter()
        with self._key_held(), self._tx() as connection:
            accepted = connection.execute(
                sa.select(deid_proposals).where(deid_proposals.c.status == "accepted")
            ).all()
            key = self._key(connection, key_passphrase, create=True)
            if not accepted and not key.terms:
                return {}
            by_target: dict[tuple[str, int], list[sa.Row[Any]]] = {}
            for row in accepted:
                by_target.setdefault(_row_target(row), []).append(row)
            owners = self._text_owners(connection, by_target)
            stamp = utcnow()
            for target, rows in by_target.items():
                self._apply_one(connection, target, rows, stamp)
                for row in rows:
                    applied[row.kind] += 1
                    key.replacements.append(
                        Replacement(
                            label=row.replacement,
                            kind=row.kind,
                            original=row.original,
                            where=f"{target[0]} {target[1]}",
                            participant=owners.get(target),
                            at=stamp.isoformat(timespec="seconds"),
                        )
                    )
            speakers = self._deidentify_speakers(connection, key)
            self._save_key(connection, key, key_passphrase)
            self._audit(
                connection,
                "deidentify.apply",
                _count(len(by_target), "text"),
                replacements=dict(applied),
                speaker_turns=speakers,
            )
        self._purge_after(f"{sum(applied.values())} identifiers are replaced")
        return dict(applied)

    def _apply_one(
        self,
        connection: sa.Connection,
        target: tuple[str, int],
        rows: Sequence[sa.Row[Any]],
        stamp: Any,
    ) -> None:
        text = self._target_text(connection, target)
        for row in rows:
            if text[row.start : row.end] != row.original:
                raise Conflict(
                    f"proposal {row.id}: the text at {row.start}-{row.end} changed since the scan"
                )
        new_text, remap = deid.apply(text, [(r.start, r.end, r.replacement) for r in rows])
        if target[0] == "document":
            connection.execute(
                documents.update().where(documents.c.id == target[1]).values(text=new_text)
            )
            for table, columns in _SPAN_TABLES:
                _remap_table(connection, table, target[1], remap, columns)
        else:
            connection.execute(memos.update().where(memos.c.id == target[1]).values(body=new_text))
        accepted_ids = {r.id for r in rows}
        others = connection.execute(
            sa.select(deid_proposals.c.id, deid_proposals.c.start, deid_proposals.c.end).where(
                _target_clause(target)
            )
        ).all()
        moved: dict[bool, list[dict[str, Any]]] = {True: [], False: []}
        for other in others:
            new_start, new_end = remap.remap_span(other.start, other.end)
            moved[other.id in accepted_ids].append(
                {"key": other.id, "new_start": new_start, "new_end": new_end}
            )
        # Two statements for all of them (executemany), not one per proposal.
        by_key = deid_proposals.c.id == sa.bindparam("key")
        span: dict[str, Any] = {"start": sa.bindparam("new_start"), "end": sa.bindparam("new_end")}
        if moved[True]:
            connection.execute(
                deid_proposals.update()
                .where(by_key)
                .values(**span, status="applied", original=None, applied_at=stamp),
                moved[True],
            )
        if moved[False]:
            connection.execute(deid_proposals.update().where(by_key).values(**span), moved[False])

    def _deidentify_speakers(self, connection: sa.Connection, key: KeyFile) -> int:
        """Speaker labels take the same pseudonyms: every identifier replaced anywhere and every
        term on the study's list (a name that is only a VTT voice tag, never in the text).
        Returns how many speaker turns changed."""
        pseudonyms = self._pseudonymizer(connection, key)
        mapping = {r.original: r.label for r in key.replacements}
        for term in key.terms:
            mapping.setdefault(term.term, pseudonyms.label(term.kind, term.term))
        key.pseudonyms = pseudonyms.state()
        changed = []
        rows = connection.execute(
            sa.select(turns.c.id, turns.c.speaker).where(turns.c.speaker.is_not(None))
        )
        for row in rows:
            new = deid.replace_terms(row.speaker, mapping)
            if new != row.speaker:
                changed.append({"key": row.id, "new_speaker": new[:200]})
        if changed:
            connection.execute(
                turns.update()
                .where(turns.c.id == sa.bindparam("key"))
                .values(speaker=sa.bindparam("new_speaker")),
                changed,
            )
        return len(changed)

    def upgrade_backups(self) -> list[Path]:
        """Copies of a study file made before schema upgrades (``<file>.bak-<revision>``): they
        still hold everything a withdrawal or de-identification removed since. Delete them."""
        if "://" in self.location:
            return []
        return upgrade_backups(Path(self.location))

    # -- purging -----------------------------------------------------------------------------
    def purge_deleted(self) -> None:
        """Remove deleted text from the full-text index, free pages and the file (owner only).

        Withdrawal and applying de-identification do this themselves; run it again if that
        step was interrupted (the error says so)."""
        self._require("manage")
        self._purge_after("")
        with self._tx() as connection:
            self._audit(connection, "study.purge", "")

    def _purge_after(self, done: str) -> None:
        try:
            purge_deleted_text(self._engine)
        except sa.exc.DBAPIError as error:
            reason = str(error.orig).splitlines()[0]
            prefix = f"{done}, but" if done else "the purge failed:"
            raise PurgeFailed(
                f"{prefix} purging the search index and the file failed ({reason}); close other "
                "programs using the study and run 'thematic purge'"
            ) from None

    # -- the report --------------------------------------------------------------------------
    def deidentification_report(self) -> list[dict[str, Any]]:
        """What was replaced where, by kind, without the original values: one row per
        document or memo and kind, with the labels used and when. Owner only."""
        self._require("manage")
        with self._read() as connection:
            rows = connection.execute(
                sa.select(deid_proposals).where(deid_proposals.c.status == "applied")
            ).all()
            titles = self._proposal_titles(connection, rows)
        grouped: dict[tuple[str, str], dict[str, Any]] = {}
        for row in rows:
            where = titles[_row_target(row)]
            entry = grouped.setdefault(
                (where, row.kind),
                {"where": where, "kind": row.kind, "replacements": 0, "labels": set(), "at": None},
            )
            entry["replacements"] += 1
            entry["labels"].add(row.replacement)
            if entry["at"] is None or row.applied_at > entry["at"]:
                entry["at"] = row.applied_at
        report = []
        for (where, kind), entry in sorted(grouped.items()):
            report.append(
                {
                    "where": where,
                    "kind": kind,
                    "replacements": entry["replacements"],
                    "labels": ", ".join(sorted(entry["labels"])),
                    "applied": entry["at"],
                }
            )
        return report

    def pending_identifiers(self) -> dict[str, int]:
        """Texts with identifiers found but not yet replaced (proposed or accepted): title ->
        how many. Exports refuse to run while this is not empty (see ``for_export``)."""
        with self._read() as connection:
            rows = connection.execute(
                sa.select(deid_proposals).where(
                    deid_proposals.c.status.in_(("proposed", "accepted"))
                )
            ).all()
            titles = self._proposal_titles(connection, rows)
        return dict(Counter(titles[_row_target(r)] for r in rows))

    def unscanned_documents(self) -> list[str]:
        """Documents imported since the last scan of the whole study (none if it was never
        scanned): exports refuse to run while this is not empty (see ``for_export``)."""
        scanned = self.setting(_SCANNED_SETTING)
        if not scanned:
            return []
        with self._read() as connection:
            return list(
                connection.execute(
                    sa.select(documents.c.title)
                    .where(documents.c.imported_at > dt.datetime.fromisoformat(scanned))
                    .order_by(documents.c.position)
                ).scalars()
            )

    # -- shared lookups ----------------------------------------------------------------------
    def _proposal_row(self, connection: sa.Connection, proposal_id: int) -> sa.Row[Any]:
        row = connection.execute(
            sa.select(deid_proposals).where(deid_proposals.c.id == proposal_id)
        ).one_or_none()
        if row is None:
            raise NotFound(f"no de-identification proposal {proposal_id}")
        return row

    def _target_text(self, connection: sa.Connection, target: tuple[str, int]) -> str:
        if target[0] == "document":
            text = connection.execute(
                sa.select(documents.c.text).where(documents.c.id == target[1])
            ).scalar_one()
            return str(text)
        body = connection.execute(
            sa.select(memos.c.body).where(memos.c.id == target[1])
        ).scalar_one()
        return nfc(str(body))

    def _proposal_texts(
        self, connection: sa.Connection, rows: Sequence[sa.Row[Any]]
    ) -> dict[tuple[str, int], str]:
        return {t: self._target_text(connection, t) for t in {_row_target(r) for r in rows}}

    def _proposal_titles(
        self, connection: sa.Connection, rows: Sequence[sa.Row[Any]]
    ) -> dict[tuple[str, int], str]:
        doc_ids = {r.document_id for r in rows if r.document_id is not None}
        titles: dict[tuple[str, int], str] = {}
        if doc_ids:
            for r in connection.execute(
                sa.select(documents.c.id, documents.c.title).where(documents.c.id.in_(doc_ids))
            ):
                titles[("document", int(r.id))] = r.title
        for row in rows:
            if row.memo_id is not None:
                titles[("memo", int(row.memo_id))] = f"memo {row.memo_id}"
        return titles

    def _text_owners(
        self, connection: sa.Connection, targets: Iterable[tuple[str, int]]
    ) -> dict[tuple[str, int], str | None]:
        """The participant each text belongs to: a document's participant (a translation:
        its original's, however many steps back), a memo's through what it is linked to."""
        labels = dict(connection.execute(sa.select(participants.c.id, participants.c.label)).all())
        docs = {
            int(r.id): (r.participant_id, r.translation_of)
            for r in connection.execute(
                sa.select(documents.c.id, documents.c.participant_id, documents.c.translation_of)
            )
        }

        def document_owner(doc_id: int | None) -> str | None:
            seen: set[int] = set()
            while doc_id is not None and doc_id in docs and doc_id not in seen:
                seen.add(doc_id)
                participant_id, original = docs[doc_id]
                if participant_id is not None:
                    return str(labels[participant_id])
                doc_id = original
            return None

        owners: dict[tuple[str, int], str | None] = {}
        for target in targets:
            if target[0] == "document":
                owners[target] = document_owner(target[1])
                continue
            link = connection.execute(
                sa.select(memos.c.link_type, memos.c.link_id).where(memos.c.id == target[1])
            ).one()
            if link.link_type == "participant":
                owners[target] = labels.get(link.link_id)
            elif link.link_type == "document":
                owners[target] = document_owner(link.link_id)
            elif link.link_type == "coding":
                doc_id = connection.execute(
                    sa.select(codings.c.document_id).where(codings.c.id == link.link_id)
                ).scalar_one_or_none()
                owners[target] = document_owner(doc_id)
            else:
                owners[target] = None
        return owners


# ---------------------------------------------------------------------------------------------


def _resolve_model(model: deid.Model | str | None) -> tuple[deid.Model | None, str]:
    """The named-entity model to use and a sentence saying what was used."""
    if model is None:
        return None, "no named-entity model (not asked for)"
    if callable(model):
        return model, f"model: {getattr(model, '__name__', type(model).__name__)}"
    from thematic.study import ner

    if model == "auto":
        loaded = ner.load_model()
        return loaded, ner.model_status() if loaded is None else f"model: {loaded.__name__}"
    loaded = ner.load_model(model)
    return loaded, f"model: {loaded.__name__}" if loaded is not None else ner.model_status()


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _target_clause(target: tuple[str, int]) -> sa.ColumnElement[bool]:
    if target[0] == "document":
        return deid_proposals.c.document_id == target[1]
    return deid_proposals.c.memo_id == target[1]


def _row_target(row: sa.Row[Any]) -> tuple[str, int]:
    if row.document_id is not None:
        return ("document", int(row.document_id))
    return ("memo", int(row.memo_id))


def _blocks(row: Any, finding: deid.Finding) -> bool:
    """A decided proposal keeps a new finding out: it overlaps an accepted or applied one
    (a pseudonym such as "[Doctor A]" is not an identifier), or a reviewer rejected exactly it."""
    overlaps = row.start < finding.end and finding.start < row.end
    if row.status == "rejected":
        return (row.start, row.end, row.original) == (finding.start, finding.end, finding.text)
    return overlaps


def _check_replacement(replacement: str) -> str:
    replacement = replacement.strip()
    if not replacement:
        raise Invalid("a replacement cannot be empty (it would lose the codings on it)")
    if len(replacement) > 200:
        raise Invalid("a replacement is at most 200 characters")
    return nfc(replacement)


def _remap_table(
    connection: sa.Connection,
    table: sa.Table,
    document_id: int,
    remap: deid.Remap,
    columns: tuple[tuple[str, str], ...],
) -> None:
    """Move every span of one document in ``table``; rows that now coincide (two codings inside
    one replaced name) become one. Rows are deleted and put back with their ids, because
    updating one at a time could collide with a unique constraint half-way."""
    query = sa.select(table).where(table.c.document_id == document_id).order_by(table.c.id)
    rows = [dict(r._mapping) for r in connection.execute(query)]
    if not rows:
        return
    for row in rows:
        for start, end in columns:
            if row[start] is not None and row[end] is not None:
                row[start], row[end] = remap.remap_span(row[start], row[end])
    merged: dict[int, int] = {}  # a row that now coincides with an earlier one -> that row
    for constraint in table.constraints:
        if not isinstance(constraint, sa.UniqueConstraint):
            continue
        names = [column.name for column in constraint.columns]
        first: dict[tuple[Any, ...], int] = {}
        for row in rows:
            if row["id"] not in merged:
                merged_into = first.setdefault(tuple(row[n] for n in names), row["id"])
                if merged_into != row["id"]:
                    merged[row["id"]] = merged_into
    kept = [row for row in rows if row["id"] not in merged]
    connection.execute(table.delete().where(table.c.document_id == document_id))
    connection.execute(table.insert(), kept)
    if table is codings:
        for gone, survivor in merged.items():
            connection.execute(
                memos.update()
                .where((memos.c.link_type == "coding") & (memos.c.link_id == gone))
                .values(link_id=survivor)
            )


def _proposal(
    row: sa.Row[Any], titles: Mapping[tuple[str, int], str], texts: Mapping[tuple[str, int], str]
) -> Proposal:
    target = _row_target(row)
    text = texts.get(target)
    context = ""
    if text is not None and row.status != "applied":
        context = snippet(text, row.start, row.end, _CONTEXT)
    return Proposal(
        id=row.id,
        document_id=row.document_id,
        memo_id=row.memo_id,
        where=titles.get(target, ""),
        start=row.start,
        end=row.end,
        kind=row.kind,
        original=row.original,
        replacement=row.replacement,
        source=row.source,
        confidence=row.confidence,
        status=row.status,
        decided_by=row.decided_by,
        decided_at=row.decided_at,
        context=context,
    )
