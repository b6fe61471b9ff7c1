"""What a query looks at: which documents, whose codings, and at which level of the codebook.

Every analysis query (search, coding, matrix, co-occurrence, framework) takes the same three
choices, resolved here once:

- ``where``: participant attributes, e.g. ``{"role": "nurse", "site": ["Karachi", "Lahore"]}``
  (values compared without regard to case; a list means any of them). Documents of other
  participants, and documents without a participant, drop out.
- ``coder``: whose codings. ``None`` means the consensus layer when it has codings, else the
  only coder who has coded, else every coder's codings together; ``"all"`` means every coder;
  a name means that coder. Blind coding still applies (a coder does not see others' codings
  on documents they have not finished).
- ``level``: ``"theme"`` (top of the tree), ``"subtheme"`` (second level) or ``"code"`` (each
  code as it is). A coding counts for its ancestor at that level; a coding applied higher up
  than the level (say, to a whole theme when counting subthemes) is left out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import sqlalchemy as sa

from thematic.core.attributes import canonical
from thematic.core.models import Code
from thematic.errors import Invalid
from thematic.store.schema import codings, documents, participants, turns, users
from thematic.study import counting
from thematic.study._base import CONSENSUS
from thematic.study.assignments import AssignmentsMixin

LEVELS = ("theme", "subtheme", "code")
_CODES = 1 << 20  # packing: code ids stay below this
_OFFSETS = 1 << 31  # packing: offsets stay below this (2 billion code points)
Where = Mapping[str, str | Sequence[str]]


@dataclass(frozen=True)
class DocumentInfo:
    id: int
    title: str
    kind: str
    language: str | None
    participant: str | None
    position: int


@dataclass
class Scope:
    """The documents in a query's scope and the coders whose codings it reads."""

    documents: dict[int, DocumentInfo]
    attributes: dict[str, dict[str, str]]  # participant label -> attribute name -> value
    layer: str  # "consensus", a coder's name, or "all coders"
    coder_ids: list[int]
    blind: list[int] = field(default_factory=list)  # documents where only own codings count
    self_id: int | None = None
    everything: bool = False  # every document of the study is in scope

    def participant_of(self, document_id: int) -> str | None:
        return self.documents[document_id].participant


@dataclass(frozen=True)
class Turns:
    """Speaker turns as parallel arrays, sorted by (document, start)."""

    document: np.ndarray
    start: np.ndarray
    end: np.ndarray
    ids: np.ndarray
    names: Callable[[list[int]], dict[int, str | None]]  # turn ids -> speakers, on demand

    def index(self, document: np.ndarray, position: np.ndarray) -> np.ndarray:
        """The turn holding each (document, position); -1 outside every turn."""
        return counting.turn_of(document, position, self.document, self.start, self.end)

    def speakers(self, document: np.ndarray, position: np.ndarray) -> list[str | None]:
        """The speaker of the turn holding each (document, position), None outside turns;
        only the names needed are read."""
        found = self.index(document, position)
        wanted = self.ids[found[found >= 0]]
        names = self.names(np.unique(wanted).tolist()) if len(wanted) else {}
        return [names.get(int(self.ids[k])) if k >= 0 else None for k in found.tolist()]

    def units(self, document: np.ndarray, start: np.ndarray) -> np.ndarray:
        return counting.turn_units(document, start, self.document, self.start, self.end)


@dataclass(frozen=True)
class Spans:
    """Codings in a scope as parallel numpy arrays (sorted by document, start, end)."""

    coding: np.ndarray
    document: np.ndarray
    code: np.ndarray
    coder: np.ndarray
    start: np.ndarray
    end: np.ndarray

    def __len__(self) -> int:
        return len(self.coding)

    def take(self, mask: np.ndarray) -> Spans:
        return Spans(*(a[mask] for a in self._arrays()))

    def _arrays(self) -> tuple[np.ndarray, ...]:
        return (self.coding, self.document, self.code, self.coder, self.start, self.end)


class ScopeMixin(AssignmentsMixin):
    """Resolves the scope of a query; used by the query, matrix and quote mixins."""

    def _scope(
        self,
        connection: sa.Connection,
        *,
        where: Where | None = None,
        coder: str | None = None,
        documents_: Iterable[int | str] | None = None,
        kinds: Iterable[str] | None = None,
    ) -> Scope:
        self._require("read")
        attributes = self._attribute_table(connection)
        docs = self._document_infos(connection)
        if documents_ is not None:
            wanted = {self._document_id(connection, ref) for ref in documents_}
            docs = {i: d for i, d in docs.items() if i in wanted}
        if kinds is not None:
            kept_kinds = set(kinds)
            docs = {i: d for i, d in docs.items() if d.kind in kept_kinds}
        if where:
            chosen = _matching(attributes, where)
            docs = {i: d for i, d in docs.items() if d.participant in chosen}
        layer, coder_ids = self._layer(connection, coder)
        everything = documents_ is None and kinds is None and not where
        return Scope(
            everything=everything,
            documents=docs,
            attributes=attributes,
            layer=layer,
            coder_ids=coder_ids,
            blind=self._blind_documents(connection),
            self_id=self._find_coder(connection, self.actor),
        )

    def _attribute_table(self, connection: sa.Connection) -> dict[str, dict[str, str]]:
        table: dict[str, dict[str, str]] = {}
        for participant in self._participants(connection):
            table[participant.label] = {
                name: canonical(value) or ""
                for name, value in participant.attributes.items()
                if value is not None
            }
        return table

    def _document_infos(self, connection: sa.Connection) -> dict[int, DocumentInfo]:
        query = sa.select(
            documents.c.id,
            documents.c.title,
            documents.c.kind,
            documents.c.language,
            documents.c.position,
            participants.c.label,
        ).outerjoin(participants, participants.c.id == documents.c.participant_id)
        rows = connection.execute(query.order_by(documents.c.position, documents.c.id))
        return {
            r.id: DocumentInfo(r.id, r.title, r.kind, r.language, r.label, r.position) for r in rows
        }

    def _layer(self, connection: sa.Connection, coder: str | None) -> tuple[str, list[int]]:
        """The coders whose codings a query reads, and how to describe them."""
        if coder is not None and coder != "all":
            return coder, [self._coder_id(connection, coder)]
        coded = connection.execute(
            sa.select(users.c.id, users.c.name)
            .where(users.c.id.in_(sa.select(codings.c.coder_id).distinct()))
            .order_by(users.c.name)
        ).all()
        if coder is None:
            consensus = [r.id for r in coded if r.name == CONSENSUS]
            if consensus:
                return CONSENSUS, consensus
            if len(coded) == 1:
                return str(coded[0].name), [int(coded[0].id)]
        return "all coders", [int(r.id) for r in coded]

    def _coding_filter(self, scope: Scope) -> sa.ColumnElement[bool]:
        """The WHERE clause selecting the scope's codings."""
        condition: sa.ColumnElement[bool] = codings.c.coder_id.in_(scope.coder_ids)
        if not scope.everything:
            condition &= codings.c.document_id.in_(list(scope.documents))
        if scope.blind:
            condition &= codings.c.document_id.not_in(scope.blind) | (
                codings.c.coder_id == (scope.self_id or -1)
            )
        return condition

    def _spans(
        self,
        connection: sa.Connection,
        scope: Scope,
        code_ids: Iterable[int] | None = None,
        *,
        full: bool = True,
    ) -> Spans:
        """The scope's codings (optionally of some codes) as numpy arrays, in one query,
        sorted by document, start, end. ``full=False`` reads only document, code, start and
        end (a third less to read); coding ids and coders are then zero."""
        if not full:
            return self._packed_spans(connection, scope, code_ids)
        columns = [
            codings.c.document_id,
            codings.c.code_id,
            codings.c.start,
            codings.c.end,
            codings.c.id,
            codings.c.coder_id,
        ]
        query = sa.select(*columns).where(self._coding_filter(scope))
        if code_ids is not None:
            query = query.where(codings.c.code_id.in_(list(code_ids)))
        array = _fetch_ints(connection, query, len(columns))
        array = array[np.lexsort((array[:, 3], array[:, 2], array[:, 0]))]
        document, code, start, end, coding, coder = (
            np.ascontiguousarray(array[:, i]) for i in range(6)
        )
        return Spans(coding, document, code, coder, start, end)

    def _packed_spans(
        self, connection: sa.Connection, scope: Scope, code_ids: Iterable[int] | None
    ) -> Spans:
        """Document, code, start and end packed two to an integer by the database: reading
        half as many values from the driver is what makes 500,000 codings fast."""
        big = sa.BigInteger()
        query = sa.select(
            sa.cast(codings.c.document_id, big) * _CODES + codings.c.code_id,
            sa.cast(codings.c.start, big) * _OFFSETS + codings.c.end,
        ).where(self._coding_filter(scope))
        if code_ids is not None:
            query = query.where(codings.c.code_id.in_(list(code_ids)))
        array = _fetch_ints(connection, query, 2)
        document, code = array[:, 0] // _CODES, array[:, 0] % _CODES
        start, end = array[:, 1] // _OFFSETS, array[:, 1] % _OFFSETS
        order = np.lexsort((end, start, document))
        zeros = np.zeros(len(array), dtype=np.int64)
        return Spans(zeros, document[order], code[order], zeros, start[order], end[order])

    def _coding_counts(
        self, connection: sa.Connection, scope: Scope, code_ids: Iterable[int]
    ) -> np.ndarray:
        """(code, document, codings) for every code and document with codings in scope."""
        query = (
            sa.select(codings.c.code_id, codings.c.document_id, sa.func.count())
            .where(self._coding_filter(scope) & codings.c.code_id.in_(list(code_ids)))
            .group_by(codings.c.code_id, codings.c.document_id)
        )
        return _fetch_ints(connection, query, 3)

    def _texts(self, connection: sa.Connection, ids: Iterable[int]) -> dict[int, str]:
        wanted = sorted(set(ids))
        texts: dict[int, str] = {}
        for chunk in range(0, len(wanted), 500):
            rows = connection.execute(
                sa.select(documents.c.id, documents.c.text).where(
                    documents.c.id.in_(wanted[chunk : chunk + 500])
                )
            )
            texts.update({int(i): str(t) for i, t in rows})
        return texts

    def _turn_table(self, connection: sa.Connection, ids: Iterable[int]) -> Turns:
        """Speaker turns of some documents, sorted by document and start; speakers' names
        are read when asked for, and only those asked for (the connection must still be
        open then)."""
        wanted = sorted(set(ids))
        query = sa.select(turns.c.document_id, turns.c.start, turns.c.end, turns.c.id)
        if len(wanted) < len(self._document_infos(connection)):
            query = query.where(turns.c.document_id.in_(wanted))
        array = _fetch_ints(connection, query, 4)
        array = array[np.lexsort((array[:, 1], array[:, 0]))]

        def names(turn_ids: list[int]) -> dict[int, str | None]:
            # One query for the documents holding these turns: far quicker than asking for
            # tens of thousands of turn ids by name.
            holding = np.unique(array[np.isin(array[:, 3], turn_ids), 0]).tolist()
            query = sa.select(turns.c.id, turns.c.speaker).where(turns.c.document_id.in_(holding))
            wanted = set(turn_ids)
            return {int(i): who for i, who in _fetch_rows(connection, query) if int(i) in wanted}

        document, start, end, turn_ids = (np.ascontiguousarray(array[:, i]) for i in range(4))
        return Turns(document, start, end, turn_ids, names)

    # -- the codebook at a level ----------------------------------------------------------------
    def _level_map(
        self, connection: sa.Connection, level: str, codes_: Sequence[int | str] | None = None
    ) -> tuple[dict[int, int], list[Code]]:
        """Each code id -> the id of the row it counts for; and those rows' codes, in order.

        With ``codes_`` the rows are those codes (each with its subtree); otherwise every code
        at ``level``.
        """
        all_codes = self._codes(connection)
        if codes_:
            rows = [self._code(connection, ref) for ref in codes_]
        elif check_level(level) == "code":
            # Leaf codes, each counting its own codings.
            parents = {c.parent_id for c in all_codes}
            rows = [c for c in all_codes if c.id not in parents]
            return {c.id: c.id for c in rows}, rows
        else:
            rows = [c for c in all_codes if c.depth == LEVELS.index(level)]
        mapping: dict[int, int] = {}
        for row in rows:
            for code in all_codes:
                if code.id == row.id or code.path.startswith(row.path + "/"):
                    mapping.setdefault(code.id, row.id)
        return mapping, rows

    def _subtree_ids(self, connection: sa.Connection, ref: int | str) -> set[int]:
        root = self._code(connection, ref)
        return {
            c.id
            for c in self._codes(connection)
            if c.id == root.id or c.path.startswith(root.path + "/")
        }


def check_level(level: str) -> str:
    if level not in LEVELS:
        raise Invalid(f"level must be one of {', '.join(LEVELS)}, not {level!r}")
    return level


def _matching(attributes: Mapping[str, Mapping[str, str]], where: Where) -> set[str]:
    """Participants whose attributes match every condition of ``where``."""
    wanted: dict[str, set[str]] = {}
    for name, value in where.items():
        values = [value] if isinstance(value, str) else list(value)
        wanted[name] = {str(v).casefold() for v in values}
    known = {name for values in attributes.values() for name in values}
    unknown = sorted(set(wanted) - known)
    if unknown and attributes:
        raise Invalid(
            f"no participant attribute {unknown[0]!r} (known: {', '.join(sorted(known))})"
        )
    return {
        label
        for label, values in attributes.items()
        if all(values.get(name, "").casefold() in options for name, options in wanted.items())
    }


def attribute_columns(scope: Scope) -> list[str]:
    """The attribute names participants in the scope have, in first-seen order."""
    names: dict[str, None] = {}
    for values in scope.attributes.values():
        for name in values:
            names.setdefault(name)
    return list(names)


def _fetch_rows(connection: sa.Connection, query: sa.Select) -> list[tuple[Any, ...]]:
    """The rows of a query with only integer parameters, as the driver's plain tuples.

    Hundreds of thousands of rows are read at once, so this skips SQLAlchemy's Row objects
    (and numpy's probing of them, which costs seconds) and the driver's parameter handling
    of long IN lists: the integer parameters are rendered inline.
    """
    sql = str(query.compile(connection, compile_kwargs={"literal_binds": True}))
    cursor = connection.connection.driver_connection.cursor()  # type: ignore[union-attr]
    try:
        cursor.execute(sql)
        return list(cursor.fetchall())
    finally:
        cursor.close()


def _fetch_ints(connection: sa.Connection, query: sa.Select, width: int) -> np.ndarray:
    """The rows of an all-integer query as an (n, width) int64 array."""
    rows = _fetch_rows(connection, query)
    if not rows:
        return np.zeros((0, width), dtype=np.int64)
    return np.array(rows, dtype=np.int64)
