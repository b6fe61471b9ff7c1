"""Documents: transcripts, field notes and others, their speaker turns and translations."""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from pathlib import Path

import sqlalchemy as sa

from thematic.core.models import Document, Turn
from thematic.core.spans import check_span, nfc
from thematic.errors import Conflict, Invalid, NotFound, UnreadableFile
from thematic.formats.transcripts import ParsedTranscript, parse_transcript
from thematic.store.schema import documents, participants, turns
from thematic.study._base import StudyBase, new_id, utcnow

KINDS = ("transcript", "field_note", "other")
AUTO = "auto"

Progress = Callable[[Path], None]


class DocumentsMixin(StudyBase):
    """Import, list, link and remove documents."""

    def import_file(
        self,
        path: str | Path,
        participant: str | None = None,
        kind: str | None = None,
        language: str | None = None,
        *,
        title: str | None = None,
        encoding: str | None = None,
        translation_of: int | str | None = None,
    ) -> Document:
        """Import one transcript or note (.txt, .md, .docx, .vtt, .srt) as a document.

        ``participant="auto"`` links the document to the participant whose label appears in
        the file name (``P07_interview.docx`` -> P07).
        """
        return self.import_files(
            [path],
            participant=participant,
            kind=kind,
            language=language,
            title=title,
            encoding=encoding,
            translation_of=translation_of,
        )[0]

    def import_files(
        self,
        paths: Sequence[str | Path],
        participant: str | None = None,
        kind: str | None = None,
        language: str | None = None,
        *,
        title: str | None = None,
        encoding: str | None = None,
        translation_of: int | str | None = None,
        progress: Progress | None = None,
    ) -> list[Document]:
        """Import several files in one transaction: all land, or none does.

        Every file is read and parsed first; if any cannot be read, the error names each bad
        file with its reason and nothing is stored.
        """
        self._require("manage")
        files = [Path(p) for p in paths]
        if title is not None and len(files) > 1:
            raise Invalid("a title can be given only when importing a single file")
        parsed = self._parse_all(files, encoding, progress)
        kind = _check_kind(kind or "transcript")
        with self._tx() as connection:
            ids = []
            for path, transcript in zip(files, parsed, strict=True):
                label = self._link_label(connection, participant, path)
                ids.append(
                    self._insert_document(
                        connection,
                        title=title or path.stem,
                        transcript=transcript,
                        kind=kind,
                        language=language,
                        participant=label,
                        source_name=path.name,
                        translation_of=translation_of,
                    )
                )
            self._audit(connection, "document.import", f"{len(ids)} files", ids=ids)
        return [self.document(i) for i in ids]

    def _parse_all(
        self, files: list[Path], encoding: str | None, progress: Progress | None
    ) -> list[ParsedTranscript]:
        parsed, problems = [], []
        for path in files:
            try:
                data = path.read_bytes()
                parsed.append(parse_transcript(data, str(path), encoding))
            except OSError as error:
                problems.append(f"{path}: {error.strerror or error}")
            except UnreadableFile as error:
                problems.append(str(error))
            if progress is not None:
                progress(path)
        if len(problems) == 1:
            raise UnreadableFile(*problems[0].split(": ", 1))
        if problems:
            listed = "; ".join(problems)
            raise Invalid(f"{len(problems)} files cannot be imported, nothing was stored: {listed}")
        return parsed

    def _link_label(
        self, connection: sa.Connection, participant: str | None, path: Path
    ) -> str | None:
        if participant != AUTO:
            return participant
        labels = connection.execute(sa.select(participants.c.label)).scalars().all()
        # Longest first, so "P1" does not claim "P12_interview.docx".
        for label in sorted(labels, key=len, reverse=True):
            if re.search(rf"(?<![A-Za-z0-9]){re.escape(label)}(?![A-Za-z0-9])", path.stem, re.I):
                return label
        raise NotFound(f"{path}: no participant label found in the file name")

    def add_document(
        self,
        title: str,
        text: str,
        kind: str = "transcript",
        language: str | None = None,
        participant: str | None = None,
        *,
        turns: Iterable[Turn] = (),
        translation_of: int | str | None = None,
    ) -> Document:
        """Add a document from text (NFC-normalised on the way in)."""
        self._require("manage")
        text = nfc(text.replace("\r\n", "\n").replace("\r", "\n"))
        transcript = ParsedTranscript(
            text=text, turns=tuple(_parsed(t) for t in turns), source_format="text"
        )
        with self._tx() as connection:
            document_id = self._insert_document(
                connection,
                title=title,
                transcript=transcript,
                kind=_check_kind(kind),
                language=language,
                participant=participant,
                source_name="",
                translation_of=translation_of,
            )
            self._audit(connection, "document.add", title, id=document_id)
        return self.document(document_id)

    def _insert_document(
        self,
        connection: sa.Connection,
        *,
        title: str,
        transcript: ParsedTranscript,
        kind: str,
        language: str | None,
        participant: str | None,
        source_name: str,
        translation_of: int | str | None,
    ) -> int:
        title = _check_title(title)
        if not transcript.text.strip():
            raise Invalid(f"document {title!r} has no text")
        clash = connection.execute(
            sa.select(documents.c.id).where(documents.c.title == title)
        ).scalar_one_or_none()
        if clash is not None:
            raise Conflict(f"a document titled {title!r} already exists (id {clash})")
        participant_id = self._participant_id(connection, participant) if participant else None
        original = self._document_id(connection, translation_of) if translation_of else None
        position = connection.execute(
            sa.select(sa.func.count()).select_from(documents)
        ).scalar_one()
        document_id = new_id(
            connection,
            documents.insert().values(
                title=title,
                kind=kind,
                language=_check_language(language),
                participant_id=participant_id,
                translation_of=original,
                text=transcript.text,
                source_name=source_name,
                source_format=transcript.source_format,
                sha256=hashlib.sha256(transcript.text.encode()).hexdigest(),
                position=position,
                imported_at=utcnow(),
            ),
        )
        rows = []
        for turn in transcript.turns:
            reason = check_span(turn.start, turn.end, len(transcript.text))
            if reason:
                raise Invalid(f"document {title!r}: speaker turn {reason}")
            rows.append(
                {
                    "document_id": document_id,
                    "start": turn.start,
                    "end": turn.end,
                    "speaker": turn.speaker,
                    "time_start": turn.time_start,
                    "time_end": turn.time_end,
                }
            )
        if rows:
            connection.execute(turns.insert(), rows)
        return int(document_id)

    # -- reading -----------------------------------------------------------------------------
    def documents(self, kind: str | None = None, participant: str | None = None) -> list[Document]:
        """Documents in import order, optionally of one kind or one participant."""
        query = sa.select(documents, participants.c.label).outerjoin(participants)
        if kind is not None:
            query = query.where(documents.c.kind == _check_kind(kind))
        if participant is not None:
            query = query.where(participants.c.label == participant)
        with self._read() as connection:
            rows = connection.execute(query.order_by(documents.c.position, documents.c.id)).all()
            by_document = self._turns(connection, [r.id for r in rows])
        return [self._shown(_document(r, by_document.get(r.id, ()))) for r in rows]

    def document(self, ref: int | str) -> Document:
        """One document by id or title."""
        with self._read() as connection:
            document_id = self._document_id(connection, ref)
            row = connection.execute(
                sa.select(documents, participants.c.label)
                .outerjoin(participants)
                .where(documents.c.id == document_id)
            ).one()
            found = _document(row, self._turns(connection, [document_id]).get(document_id, ()))
            return self._shown(found)

    def _shown(self, document: Document) -> Document:
        """In an export's view (see ``for_export``) the original file name is left out: it
        is often a participant's name ("Nasreen_Akhtar.docx")."""
        if self._hide_identifying and document.source_name:
            return replace(document, source_name="")
        return document

    def _turns(self, connection: sa.Connection, ids: list[int]) -> dict[int, tuple[Turn, ...]]:
        found: dict[int, list[Turn]] = {}
        if not ids:
            return {}
        query = sa.select(turns).order_by(turns.c.document_id, turns.c.start)
        if len(ids) < 500:
            query = query.where(turns.c.document_id.in_(ids))
        for r in connection.execute(query):
            found.setdefault(r.document_id, []).append(
                Turn(r.start, r.end, r.speaker, r.time_start, r.time_end)
            )
        return {k: tuple(v) for k, v in found.items()}

    # -- changing ----------------------------------------------------------------------------
    def update_document(
        self,
        ref: int | str,
        *,
        title: str | None = None,
        kind: str | None = None,
        language: str | None = None,
        participant: str | None = None,
        translation_of: int | str | None = None,
    ) -> Document:
        """Change a document's title, kind, language, participant link or original.

        ``participant=""`` unlinks the participant and ``translation_of=""`` the original.
        The text itself never changes here, so codings keep their offsets.
        """
        self._require("manage")
        with self._tx() as connection:
            document_id = self._document_id(connection, ref)
            values: dict[str, object] = {}
            if title is not None:
                values["title"] = _check_title(title)
            if kind is not None:
                values["kind"] = _check_kind(kind)
            if language is not None:
                values["language"] = _check_language(language)
            if participant is not None:
                values["participant_id"] = (
                    self._participant_id(connection, participant) if participant else None
                )
            if translation_of == "":
                values["translation_of"] = None
            elif translation_of is not None:
                original = self._document_id(connection, translation_of)
                if original == document_id:
                    raise Invalid("a document cannot be a translation of itself")
                values["translation_of"] = original
            if values:
                try:
                    connection.execute(
                        documents.update().where(documents.c.id == document_id).values(**values)
                    )
                except sa.exc.IntegrityError:
                    raise Conflict(f"a document titled {title!r} already exists") from None
                self._audit(connection, "document.update", str(document_id), fields=sorted(values))
        return self.document(document_id)

    def delete_document(self, ref: int | str) -> None:
        """Delete a document with its turns and codings."""
        self._require("manage")
        with self._tx() as connection:
            document_id = self._document_id(connection, ref)
            connection.execute(documents.delete().where(documents.c.id == document_id))
            self._audit(connection, "document.delete", str(document_id))


def _check_title(title: str) -> str:
    title = title.strip()
    if not title:
        raise Invalid("a document needs a title")
    if len(title) > 300:
        raise Invalid(f"a document title is at most 300 characters ({title[:40]}...)")
    return title


def _check_language(language: str | None) -> str | None:
    code = (language or "").strip().lower()
    if len(code) > 20:
        raise Invalid(f"language {code[:40]!r} is too long: give a code such as en or ur")
    return code or None


def _check_kind(kind: str) -> str:
    kind = kind.strip().lower().replace("-", "_").replace(" ", "_")
    if kind == "fieldnote":
        kind = "field_note"
    if kind not in KINDS:
        raise Invalid(f"document kind must be one of {', '.join(KINDS)} (got {kind!r})")
    return kind


def _parsed(turn: Turn):  # type: ignore[no-untyped-def]
    from thematic.formats.transcripts import ParsedTurn

    return ParsedTurn(turn.start, turn.end, turn.speaker, turn.time_start, turn.time_end)


def _document(row: sa.Row, doc_turns: tuple[Turn, ...]) -> Document:
    return Document(
        id=row.id,
        title=row.title,
        kind=row.kind,
        language=row.language,
        participant=row.label,
        text=row.text,
        source_format=row.source_format,
        source_name=row.source_name,
        translation_of=row.translation_of,
        turns=doc_turns,
    )
