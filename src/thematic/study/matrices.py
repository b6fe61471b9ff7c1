"""Counting queries as DataFrames: code frequencies, matrix coding, co-occurrence, framework.

Counts, in every query and figure:

- ``references``: codings (coded passages);
- ``documents``: documents with at least one coding;
- ``participants``: participants with at least one coding in one of their documents;
- ``characters``: characters coded, each character once per row even where codings overlap.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd
import sqlalchemy as sa

from thematic.core.models import Code
from thematic.errors import Invalid, NotFound
from thematic.store.schema import framework_summaries
from thematic.store.schema import participants as participants_t
from thematic.study._base import utcnow
from thematic.study.queries import NEAR, QueriesMixin, _turn_index
from thematic.study.scope import Scope, Spans, Where, check_level

COUNTS = ("references", "participants", "documents", "characters")
_BIG = 1 << 40  # larger than any offset: keys of (group, offset) pairs stay ordered


class MatricesMixin(QueriesMixin):
    """Code frequencies, matrix coding queries, co-occurrence and the framework matrix."""

    # -- frequencies ----------------------------------------------------------------------------
    def code_frequencies(
        self,
        level: str = "theme",
        *,
        where: Where | None = None,
        coder: str | None = None,
        documents: Iterable[int | str] | None = None,
    ) -> pd.DataFrame:
        """Per code at ``level``: references, documents, participants and characters.

        Index: code path. Columns: ``name``, ``theme``, ``definition`` and the four counts.
        Codes never applied have zeros.
        """
        with self._read() as connection:
            scope = self._scope(connection, where=where, coder=coder, documents_=documents)
            mapping, rows = self._level_map(connection, check_level(level))
            spans = self._rows_of(self._spans(connection, scope, mapping), mapping)
        table = pd.DataFrame(
            {
                "name": [c.name for c in rows],
                "theme": [c.path.split("/")[0] for c in rows],
                "definition": [c.definition for c in rows],
            },
            index=pd.Index([c.path for c in rows], name="code"),
        )
        keys = np.array([c.id for c in rows], dtype=np.int64)
        for count in COUNTS:
            table[count] = _count(spans, scope, count, np.zeros(len(spans), dtype=np.int64), keys)[
                :, 0
            ]
        table.attrs.update(level=level, layer=scope.layer, participants=_people(scope))
        return table

    # -- matrix coding ---------------------------------------------------------------------------
    def matrix(
        self,
        rows: str = "subtheme",
        columns: str = "participant",
        *,
        count: str = "references",
        codes: Sequence[int | str] | None = None,
        where: Where | None = None,
        coder: str | None = None,
        documents: Iterable[int | str] | None = None,
    ) -> pd.DataFrame:
        """A matrix coding query: codes (rows) by attribute values, participants or documents.

        ``rows`` is a level (theme, subtheme, code) or, with ``codes``, those codes each with
        its subtree. ``columns`` is a participant attribute (``"site"``), ``"participant"`` or
        ``"document"``. ``count`` is references, participants, documents or characters.
        """
        if count not in COUNTS:
            raise Invalid(f"count must be one of {', '.join(COUNTS)}, not {count!r}")
        with self._read() as connection:
            scope = self._scope(connection, where=where, coder=coder, documents_=documents)
            mapping, row_codes = self._level_map(connection, check_level(rows), codes)
            spans = self._rows_of(self._spans(connection, scope, mapping), mapping)
        labels, column_of = _columns(scope, columns)
        values = _count(
            spans, scope, count, column_of[_document_index(scope, spans.document)], None
        )
        keys = np.array([c.id for c in row_codes], dtype=np.int64)
        grid = _grid(values, keys, len(labels))
        frame = pd.DataFrame(
            grid,
            index=pd.Index([c.path for c in row_codes], name="code"),
            columns=pd.Index(labels, name=columns),
        )
        frame.attrs.update(count=count, columns=columns, layer=scope.layer)
        return frame

    def _rows_of(self, spans: Spans, mapping: dict[int, int]) -> Spans:
        """The spans with each code replaced by the row it counts for."""
        lookup = np.vectorize(mapping.__getitem__, otypes=[np.int64])
        rows = lookup(spans.code) if len(spans) else spans.code
        return Spans(spans.coding, spans.document, rows, spans.coder, spans.start, spans.end)

    # -- co-occurrence --------------------------------------------------------------------------
    def cooccurrence(
        self,
        level: str = "subtheme",
        *,
        near: str = "overlap",
        codes: Sequence[int | str] | None = None,
        where: Where | None = None,
        coder: str | None = None,
        documents: Iterable[int | str] | None = None,
    ) -> pd.DataFrame:
        """Which codes occur together: one row per pair ``a``, ``b`` (in codebook order).

        ``near="overlap"``: ``count`` is the number of pairs of overlapping codings;
        ``near="turn"``: the number of speaker turns in which both were coded (a coding
        belongs to the turn where it starts); ``near="document"``: documents with both.
        ``documents`` and ``participants`` say across how many each pair was found.
        """
        if near not in NEAR:
            raise Invalid(f"near must be one of {', '.join(NEAR)}, not {near!r}")
        with self._read() as connection:
            scope = self._scope(connection, where=where, coder=coder, documents_=documents)
            mapping, row_codes = self._level_map(connection, check_level(level), codes)
            spans = self._rows_of(self._spans(connection, scope, mapping), mapping)
            turn_table = (
                self._turn_table(connection, set(spans.document.tolist())) if near == "turn" else {}
            )
        if near == "overlap":
            first, second = _overlap_pairs(spans)
            units = spans.document[first]
        else:
            unit = _turn_index(spans, turn_table) if near == "turn" else spans.document.copy()
            first, second, units = _unit_pairs(unit, spans)
        frame = _pair_table(spans, scope, row_codes, first, second, units, near)
        frame.attrs.update(level=level, near=near, layer=scope.layer)
        return frame

    # -- the framework matrix ----------------------------------------------------------------
    def framework(
        self,
        theme: int | str | None = None,
        *,
        where: Where | None = None,
        coder: str | None = None,
    ) -> pd.DataFrame:
        """The framework matrix (Gale et al. 2013): participants by subthemes.

        One row per participant and subtheme (of ``theme``, or of every theme), with the
        coded passages and the analyst's summary: ``participant``, ``theme``, ``subtheme``,
        ``references``, ``passages`` (the coded text, passages separated by blank lines)
        and ``summary``.
        """
        with self._read() as connection:
            scope = self._scope(connection, where=where, coder=coder)
            mapping, subthemes = self._level_map(connection, "subtheme")
            if theme is not None:
                root = self._code(connection, theme)
                subthemes = [c for c in subthemes if c.path.startswith(root.path + "/")]
                mapping = {k: v for k, v in mapping.items() if v in {c.id for c in subthemes}}
            spans = self._rows_of(self._spans(connection, scope, mapping), mapping)
            texts = self._texts(connection, set(spans.document.tolist()))
            summaries = self._summaries(connection)
        passages: dict[tuple[str, int], list[str]] = {}
        for i in range(len(spans)):
            person = scope.participant_of(int(spans.document[i]))
            if person is not None:
                text = texts[int(spans.document[i])][int(spans.start[i]) : int(spans.end[i])]
                passages.setdefault((person, int(spans.code[i])), []).append(text.strip())
        rows = [
            [
                person,
                code.path.split("/")[0],
                code.path,
                len(passages.get((person, code.id), [])),
                "\n\n".join(passages.get((person, code.id), [])),
                summaries.get((person, code.id), ""),
            ]
            for person in _people(scope)
            for code in subthemes
        ]
        frame = pd.DataFrame(
            rows,
            columns=["participant", "theme", "subtheme", "references", "passages", "summary"],
        )
        frame.attrs.update(layer=scope.layer)
        return frame

    def _summaries(self, connection: sa.Connection) -> dict[tuple[str, int], str]:
        rows = connection.execute(
            sa.select(
                participants_t.c.label, framework_summaries.c.code_id, framework_summaries.c.summary
            ).join(participants_t, participants_t.c.id == framework_summaries.c.participant_id)
        )
        return {(r.label, r.code_id): r.summary for r in rows}

    def set_framework_summary(self, participant: str, code: int | str, summary: str) -> None:
        """Write (or, with an empty text, clear) the analyst's summary of one matrix cell."""
        self._require("memo")
        summary = summary.strip()
        with self._tx() as connection:
            participant_id = self._participant_id(connection, participant)
            code_obj = self._code(connection, code)
            cell = (framework_summaries.c.participant_id == participant_id) & (
                framework_summaries.c.code_id == code_obj.id
            )
            connection.execute(framework_summaries.delete().where(cell))
            if summary:
                connection.execute(
                    framework_summaries.insert().values(
                        participant_id=participant_id,
                        code_id=code_obj.id,
                        summary=summary,
                        updated_by=self.actor,
                        updated_at=utcnow(),
                    )
                )
            self._audit(
                connection,
                "framework.summary",
                f"{participant} / {code_obj.path}",
                cleared=not summary,
            )

    def framework_summary(self, participant: str, code: int | str) -> str:
        """The analyst's summary of one cell ("" if none)."""
        with self._read() as connection:
            participant_id = self._participant_id(connection, participant)
            code_id = self._code(connection, code).id
            found = connection.execute(
                sa.select(framework_summaries.c.summary).where(
                    (framework_summaries.c.participant_id == participant_id)
                    & (framework_summaries.c.code_id == code_id)
                )
            ).scalar_one_or_none()
        return found or ""


# -- counting helpers -----------------------------------------------------------------------------
def _people(scope: Scope) -> list[str]:
    """Participants with at least one document in the scope, by label."""
    return sorted({d.participant for d in scope.documents.values() if d.participant})


def _document_index(scope: Scope, document_ids: np.ndarray) -> np.ndarray:
    ids = np.array(sorted(scope.documents), dtype=np.int64)
    return np.searchsorted(ids, document_ids)


def _columns(scope: Scope, columns: str) -> tuple[list[str], np.ndarray]:
    """The matrix's column labels, and each scope document's column (-1: none)."""
    ordered = sorted(scope.documents)
    infos = [scope.documents[i] for i in ordered]
    keys: list[str | None]
    if columns == "document":
        labels = [d.title for d in sorted(infos, key=lambda d: (d.position, d.id))]
        keys = [d.title for d in infos]
    elif columns == "participant":
        labels = _people(scope)
        keys = [d.participant for d in infos]
    else:
        known = {name for values in scope.attributes.values() for name in values}
        if columns not in known:
            raise NotFound(
                f"no participant attribute {columns!r}: use participant, document or one of "
                + ", ".join(sorted(known))
            )
        keys = [
            scope.attributes.get(d.participant, {}).get(columns) if d.participant else None
            for d in infos
        ]
        labels = sorted({k for k in keys if k})
    position = {label: i for i, label in enumerate(labels)}
    return labels, np.array([position.get(k, -1) if k else -1 for k in keys], dtype=np.int64)


def _count(
    spans: Spans, scope: Scope, count: str, column: np.ndarray, keys: np.ndarray | None
) -> np.ndarray:
    """Per span: its contribution to (row, column) cells, as (row, column, value) triples.

    With ``keys`` (one column), returns an array of one value per key instead.
    """
    keep = column >= 0
    rows, cols = spans.code[keep], column[keep]
    if count == "references":
        value = np.ones(len(rows), dtype=np.int64)
        triples = np.stack([rows, cols, value], axis=1)
    elif count == "characters":
        triples = _union_lengths(spans.take(keep), cols)
    else:
        if count == "documents":
            unit = spans.document[keep]
        else:
            unit = _person_index(scope, spans.document[keep])
            rows, cols, unit = rows[unit >= 0], cols[unit >= 0], unit[unit >= 0]
        distinct = np.unique(np.stack([rows, cols, unit], axis=1), axis=0)
        triples = np.column_stack(
            [distinct[:, 0], distinct[:, 1], np.ones(len(distinct), dtype=np.int64)]
        ).reshape(-1, 3)
    if keys is None:
        return triples
    return _grid(triples, keys, 1)


def _person_index(scope: Scope, document_ids: np.ndarray) -> np.ndarray:
    """Each document's participant as an index into _people(scope); -1 for none."""
    index = {p: i for i, p in enumerate(_people(scope))}
    per_document = np.array(
        [index.get(scope.documents[d].participant or "", -1) for d in sorted(scope.documents)],
        dtype=np.int64,
    )
    return per_document[_document_index(scope, document_ids)]


def _grid(triples: np.ndarray, keys: np.ndarray, width: int) -> np.ndarray:
    """Sum (row key, column, value) triples into a len(keys) x width integer grid."""
    grid = np.zeros((len(keys), max(width, 1)), dtype=np.int64)
    if len(triples) and len(keys):
        order = np.argsort(keys)
        where = np.searchsorted(keys[order], triples[:, 0])
        where = np.clip(where, 0, len(keys) - 1)
        known = keys[order][where] == triples[:, 0]
        np.add.at(grid, (order[where[known]], triples[known, 1]), triples[known, 2])
    return grid[:, :width] if width else grid[:, :0]


def _union_lengths(spans: Spans, cols: np.ndarray) -> np.ndarray:
    """Characters coded per (row, column), overlapping spans of one row counted once.

    Spans are grouped by (row, document); within a group, sorted by start, a span adds the
    part of it beyond the furthest end reached so far. Offsetting every position by
    group x _BIG lets one running maximum serve all groups at once.
    """
    if not len(spans):
        return np.zeros((0, 3), dtype=np.int64)
    group = np.unique(np.stack([spans.code, spans.document], axis=1), axis=0, return_inverse=True)[
        1
    ].ravel()
    order = np.lexsort((spans.start, group))
    base = group[order] * _BIG
    starts, ends = base + spans.start[order], base + spans.end[order]
    reached = np.maximum.accumulate(ends)
    before = np.concatenate([[0], reached[:-1]])
    before = np.maximum(before, base)  # a new group starts from its own origin
    added = np.maximum(0, ends - np.maximum(starts, before))
    return np.stack([spans.code[order], cols[order], added], axis=1)


# -- co-occurrence helpers -----------------------------------------------------------------------
def _overlap_pairs(spans: Spans) -> tuple[np.ndarray, np.ndarray]:
    """Indices (i, j) of every pair of spans in one document that share a character."""
    order = np.lexsort((spans.start, spans.document))
    key = spans.document[order] * _BIG + spans.start[order]
    stop = np.searchsorted(key, spans.document[order] * _BIG + spans.end[order], side="left")
    return _ranges(order, np.arange(len(order)), stop)


def _unit_pairs(unit: np.ndarray, spans: Spans) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One (i, j) pair per unit (turn or document) and pair of distinct rows coded in it."""
    distinct, first_index = np.unique(
        np.stack([unit, spans.code], axis=1), axis=0, return_index=True
    )
    stop = np.searchsorted(distinct[:, 0], distinct[:, 0], side="right")
    first, second = _ranges(first_index, np.arange(len(distinct)), stop)
    position = {int(v): k for k, v in enumerate(first_index.tolist())}
    units = distinct[[position[int(i)] for i in first.tolist()], 0] if len(first) else first
    return first, second, units


def _ranges(
    order: np.ndarray, positions: np.ndarray, stop: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (order[p], order[q]) for every p and every q with p < q < stop[p]."""
    counts = np.maximum(stop - positions - 1, 0)
    total = int(counts.sum())
    left = np.repeat(positions, counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    right = left + 1 + offsets
    return order[left], order[right]


def _pair_table(
    spans: Spans,
    scope: Scope,
    row_codes: list[Code],
    first: np.ndarray,
    second: np.ndarray,
    units: np.ndarray,
    near: str,
) -> pd.DataFrame:
    rank = {c.id: i for i, c in enumerate(row_codes)}
    a, b = spans.code[first], spans.code[second]
    different = a != b
    a, b, first, units = a[different], b[different], first[different], units[different]
    ra = np.array([rank[int(x)] for x in a], dtype=np.int64)
    rb = np.array([rank[int(x)] for x in b], dtype=np.int64)
    low, high = np.minimum(ra, rb), np.maximum(ra, rb)
    documents = spans.document[first]
    people = [scope.participant_of(int(d)) or "" for d in documents.tolist()]
    frame = pd.DataFrame(
        {"low": low, "high": high, "unit": units, "document": documents, "person": people}
    )
    columns = ["a", "b", "count", "documents", "participants"]
    if frame.empty:
        return pd.DataFrame(columns=columns)
    grouped = frame.groupby(["low", "high"])
    table = pd.DataFrame(
        {
            "count": grouped.size() if near == "overlap" else grouped["unit"].nunique(),
            "documents": grouped["document"].nunique(),
            "participants": grouped["person"].agg(lambda s: len({p for p in s if p})),
        }
    ).reset_index()
    table.insert(0, "a", [row_codes[i].path for i in table.pop("low")])
    table.insert(1, "b", [row_codes[i].path for i in table.pop("high")])
    return table.sort_values(["count", "a", "b"], ascending=[False, True, True]).reset_index(
        drop=True
    )[columns]
