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
from thematic.study import counting
from thematic.study._base import utcnow
from thematic.study.queries import NEAR, QueriesMixin
from thematic.study.scope import Scope, Where, check_level

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
        characters: bool = False,
    ) -> pd.DataFrame:
        """Per code at ``level``: references, participants and documents (and characters
        coded, with ``characters=True``: it reads every span, so it takes longer).

        Index: code path. Columns: ``name``, ``theme``, ``definition`` and the counts.
        Codes never applied have zeros.
        """
        with self._read() as connection:
            scope = self._scope(connection, where=where, coder=coder, documents_=documents)
            mapping, rows = self._level_map(connection, check_level(level))
            spans = self._spans(connection, scope, mapping, full=False) if characters else None
            if spans is None:
                counts = self._coding_counts(connection, scope, mapping)
            else:  # the spans hold the counts too: one read, not two
                counts = np.stack(
                    [spans.code, spans.document, np.ones(len(spans), dtype=np.int64)], axis=1
                )
        table = pd.DataFrame(
            {
                "name": [c.name for c in rows],
                "theme": [c.path.split("/")[0] for c in rows],
                "definition": [c.definition for c in rows],
            },
            index=pd.Index([c.path for c in rows], name="code"),
        )
        lookup = counting.lookup_table(mapping, [c.id for c in rows])
        row, index, n = counting.rows_of(lookup, counts[:, 0]), _DocumentIndex(scope), len(rows)
        keep = (row >= 0) & (index.position(counts[:, 1]) >= 0)
        cell, document = row[keep], counts[keep, 1]
        table["references"] = counting.grid(cell, counts[keep, 2], n, 1)[:, 0]
        table["participants"] = counting.distinct_units(cell, index.person(document), n, 1)[:, 0]
        table["documents"] = counting.distinct_units(cell, index.position(document), n, 1)[:, 0]
        if spans is not None:
            row = counting.rows_of(lookup, spans.code)
            keep = row >= 0
            added = counting.union_lengths(
                row[keep], spans.document[keep], spans.start[keep], spans.end[keep]
            )
            table["characters"] = counting.grid(row[keep], added, n, 1)[:, 0]
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
            labels, column_of = _columns(scope, columns)
            lookup = counting.lookup_table(mapping, [c.id for c in row_codes])
            index = _DocumentIndex(scope)
            width, n = max(len(labels), 1), len(row_codes)
            if count == "characters":
                spans = self._spans(connection, scope, mapping, full=False)
                row, document = counting.rows_of(lookup, spans.code), spans.document
                added = counting.union_lengths(np.maximum(row, 0), document, spans.start, spans.end)
            else:
                counts = self._coding_counts(connection, scope, mapping)
                row, document = counting.rows_of(lookup, counts[:, 0]), counts[:, 1]
                added = counts[:, 2]
        column = np.full(len(row), -1, dtype=np.int64)
        known = index.position(document)
        column[known >= 0] = column_of[known[known >= 0]]
        keep = (row >= 0) & (column >= 0)
        cell = row[keep] * width + column[keep]
        if count in ("references", "characters"):
            grid = counting.grid(cell, added[keep], n, width)
        elif count == "documents":
            grid = counting.distinct_units(cell, known[keep], n, width)
        else:
            grid = counting.distinct_units(cell, index.person(document[keep]), n, width)
        frame = pd.DataFrame(
            grid[:, : len(labels)],
            index=pd.Index([c.path for c in row_codes], name="code"),
            columns=pd.Index(labels, name=columns),
        )
        frame.attrs.update(count=count, columns=columns, layer=scope.layer)
        return frame

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
            spans = self._spans(connection, scope, mapping, full=False)
            turn_table = (
                self._turn_table(connection, np.unique(spans.document).tolist())
                if near == "turn"
                else None
            )
        row = counting.rows_of(
            counting.lookup_table(mapping, [c.id for c in row_codes]), spans.code
        )
        keep = row >= 0
        row, document = row[keep], spans.document[keep]
        start, end = spans.start[keep], spans.end[keep]
        if near == "overlap":
            first, second = counting.overlap_pairs(document, start, end)
        else:
            unit = turn_table.units(document, start) if turn_table is not None else document
            first, second, _ = counting.unit_pairs(unit, row)
        frame = _pair_table(row, document, scope, row_codes, first, second)
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
            spans = self._spans(connection, scope, mapping, full=False)
            texts = self._texts(connection, np.unique(spans.document).tolist())
            summaries = self._summaries(connection)
        passages: dict[tuple[str, int], list[str]] = {}
        for i in range(len(spans)):
            person = scope.participant_of(int(spans.document[i]))
            if person is not None:
                text = texts[int(spans.document[i])][int(spans.start[i]) : int(spans.end[i])]
                code_id = mapping[int(spans.code[i])]
                passages.setdefault((person, code_id), []).append(text.strip())
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


class _DocumentIndex:
    """Documents of a scope as positions 0..n-1, and each one's participant's position."""

    def __init__(self, scope: Scope) -> None:
        self.ids = np.array(sorted(scope.documents), dtype=np.int64)
        index = {p: i for i, p in enumerate(_people(scope))}
        self.people = np.array(
            [index.get(scope.documents[d].participant or "", -1) for d in self.ids.tolist()] + [-1],
            dtype=np.int64,
        )

    def position(self, document_ids: np.ndarray) -> np.ndarray:
        return counting.positions(self.ids, document_ids)

    def person(self, document_ids: np.ndarray) -> np.ndarray:
        return self.people[self.position(document_ids)]  # -1 picks the trailing -1


def _columns(scope: Scope, columns: str) -> tuple[list[str], np.ndarray]:
    """The matrix's column labels, and each scope document's column (-1: none), in the
    order of the document ids."""
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


def _pair_table(
    row: np.ndarray,
    document: np.ndarray,
    scope: Scope,
    row_codes: list[Code],
    first: np.ndarray,
    second: np.ndarray,
) -> pd.DataFrame:
    columns = ["a", "b", "count", "documents", "participants"]
    a, b = row[first], row[second]
    different = a != b
    low = np.minimum(a, b)[different]
    high = np.maximum(a, b)[different]
    documents = document[first][different]
    if not len(low):
        return pd.DataFrame(columns=columns)
    n = len(row_codes)
    pair = low * n + high
    index = _DocumentIndex(scope)
    # Each (unit, pair) occurs once for turns and documents; for overlaps each pair of
    # codings is one occurrence. So the count is a plain tally of pairs.
    count = np.bincount(pair, minlength=n * n)
    where = index.position(documents)
    width = len(index.ids) + 1
    pair_documents = np.unique(pair * width + where)
    spread = np.bincount(pair_documents // width, minlength=n * n)
    people = index.people[pair_documents % width]
    known = people >= 0
    persons = counting.distinct_units((pair_documents // width)[known], people[known], n * n, 1)[
        :, 0
    ]
    found = np.flatnonzero(count)
    table = pd.DataFrame(
        {
            "a": [row_codes[k // n].path for k in found],
            "b": [row_codes[k % n].path for k in found],
            "count": count[found],
            "documents": spread[found],
            "participants": persons[found],
        }
    )
    return table.sort_values(["count", "a", "b"], ascending=[False, True, True]).reset_index(
        drop=True
    )[columns]
