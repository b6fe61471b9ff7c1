"""Quotes pinned to codes: the team's own choice of exemplar quotes for the report."""

from __future__ import annotations

import sqlalchemy as sa

from thematic.core.models import PinnedQuote
from thematic.core.spans import check_span
from thematic.errors import Conflict, Invalid, NotFound
from thematic.store.schema import documents, participants, pinned_quotes
from thematic.study._base import new_id, utcnow
from thematic.study.matrices import MatricesMixin


class QuotesMixin(MatricesMixin):
    """Pin, list, reorder and unpin exemplar quotes."""

    def pin_quote(
        self, code: int | str, document: int | str, start: int, end: int, note: str = ""
    ) -> PinnedQuote:
        """Pin ``[start, end)`` of a document as an exemplar quote for ``code``.

        Pinned quotes come first, in their order, when the report picks quotes for the code.
        """
        self._require("memo")
        with self._tx() as connection:
            code_obj = self._code(connection, code)
            document_id = self._document_id(connection, document)
            length = self._length(connection, document_id)
            if reason := check_span(start, end, length):
                raise Invalid(f"document {document}: {reason}")
            taken = connection.execute(
                sa.select(pinned_quotes.c.id).where(
                    (pinned_quotes.c.code_id == code_obj.id)
                    & (pinned_quotes.c.document_id == document_id)
                    & (pinned_quotes.c.start == start)
                    & (pinned_quotes.c.end == end)
                )
            ).scalar_one_or_none()
            if taken is not None:
                raise Conflict(f"that passage is already pinned to {code_obj.path}")
            position = connection.execute(
                sa.select(sa.func.count()).where(pinned_quotes.c.code_id == code_obj.id)
            ).scalar_one()
            quote_id = new_id(
                connection,
                pinned_quotes.insert().values(
                    code_id=code_obj.id,
                    document_id=document_id,
                    start=start,
                    end=end,
                    note=note.strip(),
                    position=int(position),
                    pinned_by=self.actor,
                    pinned_at=utcnow(),
                ),
            )
            self._audit(
                connection, "quote.pin", code_obj.path, document=document_id, span=[start, end]
            )
            return self._pinned(connection, quote_id)

    def pinned_quotes(self, code: int | str | None = None) -> list[PinnedQuote]:
        """Pinned quotes (of one code, or all), by code then the team's order."""
        self._require("read")
        with self._read() as connection:
            query = self._pinned_query()
            if code is not None:
                query = query.where(pinned_quotes.c.code_id == self._code(connection, code).id)
            rows = connection.execute(
                query.order_by(pinned_quotes.c.code_id, pinned_quotes.c.position)
            ).all()
            paths = {c.id: c.path for c in self._codes(connection)}
            return [_quote(row, paths[row.code_id]) for row in rows]

    def unpin_quote(self, quote_id: int) -> None:
        """Remove a pinned quote (the passage and its codings are untouched)."""
        self._require("memo")
        with self._tx() as connection:
            quote = self._pinned(connection, quote_id)
            connection.execute(pinned_quotes.delete().where(pinned_quotes.c.id == quote_id))
            self._renumber(connection, quote.code_id, [])
            self._audit(connection, "quote.unpin", quote.code, id=quote_id)

    def move_pinned_quote(self, quote_id: int, position: int) -> list[PinnedQuote]:
        """Move a pinned quote to ``position`` (0 = first) among its code's quotes."""
        self._require("memo")
        with self._tx() as connection:
            quote = self._pinned(connection, quote_id)
            others = [
                int(i)
                for i in connection.execute(
                    sa.select(pinned_quotes.c.id)
                    .where(
                        (pinned_quotes.c.code_id == quote.code_id)
                        & (pinned_quotes.c.id != quote_id)
                    )
                    .order_by(pinned_quotes.c.position)
                ).scalars()
            ]
            others.insert(max(0, min(position, len(others))), quote_id)
            self._renumber(connection, quote.code_id, others)
            self._audit(connection, "quote.move", quote.code, id=quote_id, position=position)
        return self.pinned_quotes(quote.code_id)

    def _renumber(self, connection: sa.Connection, code_id: int, order: list[int]) -> None:
        if not order:
            order = [
                int(i)
                for i in connection.execute(
                    sa.select(pinned_quotes.c.id)
                    .where(pinned_quotes.c.code_id == code_id)
                    .order_by(pinned_quotes.c.position)
                ).scalars()
            ]
        for index, quote_id in enumerate(order):
            connection.execute(
                pinned_quotes.update().where(pinned_quotes.c.id == quote_id).values(position=index)
            )

    def _pinned_query(self) -> sa.Select:
        return (
            sa.select(
                pinned_quotes,
                documents.c.title,
                participants.c.label,
                sa.func.substr(
                    documents.c.text,
                    pinned_quotes.c.start + 1,
                    pinned_quotes.c.end - pinned_quotes.c.start,
                ).label("passage"),
            )
            .join(documents, documents.c.id == pinned_quotes.c.document_id)
            .outerjoin(participants, participants.c.id == documents.c.participant_id)
        )

    def _pinned(self, connection: sa.Connection, quote_id: int) -> PinnedQuote:
        row = connection.execute(
            self._pinned_query().where(pinned_quotes.c.id == quote_id)
        ).one_or_none()
        if row is None:
            raise NotFound(f"no pinned quote {quote_id}")
        return _quote(row, self._code(connection, row.code_id).path)


def _quote(row: sa.Row, path: str) -> PinnedQuote:
    return PinnedQuote(
        id=row.id,
        code_id=row.code_id,
        code=path,
        document_id=row.document_id,
        document=row.title,
        participant=row.label,
        start=row.start,
        end=row.end,
        text=row.passage,
        note=row.note,
        position=row.position,
        pinned_by=row.pinned_by,
    )
