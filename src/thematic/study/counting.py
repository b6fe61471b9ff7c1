"""Vectorised counting behind the matrix, frequency and co-occurrence queries.

Everything here works on integer numpy arrays (row, column, document position, participant
position, offsets), so a study of 500,000 codings is counted in a few numpy calls instead of
a Python loop. Rows are codebook rows (after rolling codes up to a level), columns the
matrix's columns.
"""

from __future__ import annotations

import numpy as np


def lookup_table(mapping: dict[int, int], rows: list[int]) -> np.ndarray:
    """An array taking a code id to its row index (-1: the code counts for no row)."""
    index = {code_id: i for i, code_id in enumerate(rows)}
    size = max([*mapping, 0]) + 1
    table = np.full(size, -1, dtype=np.int64)
    for code_id, row in mapping.items():
        table[code_id] = index[row]
    return table


def rows_of(table: np.ndarray, code_ids: np.ndarray) -> np.ndarray:
    inside = code_ids < len(table)
    result = np.full(len(code_ids), -1, dtype=np.int64)
    result[inside] = table[code_ids[inside]]
    return result


def positions(sorted_ids: np.ndarray, ids: np.ndarray) -> np.ndarray:
    """Each id's position in ``sorted_ids`` (-1 if absent)."""
    if not len(sorted_ids):
        return np.full(len(ids), -1, dtype=np.int64)
    found = np.clip(np.searchsorted(sorted_ids, ids), 0, len(sorted_ids) - 1)
    return np.where(sorted_ids[found] == ids, found, -1)


def grid(cell: np.ndarray, weights: np.ndarray, n_rows: int, width: int) -> np.ndarray:
    """Sum weights into an n_rows x width grid; ``cell`` is row * width + column."""
    total = np.bincount(cell, weights=weights, minlength=n_rows * width)
    return np.rint(total[: n_rows * width]).astype(np.int64).reshape(n_rows, width)


def distinct_units(cell: np.ndarray, unit: np.ndarray, n_rows: int, width: int) -> np.ndarray:
    """How many different units (documents, participants) each cell holds."""
    keep = unit >= 0
    cell, unit = cell[keep], unit[keep]
    span = int(unit.max()) + 1 if len(unit) else 1
    cells = np.unique(cell * span + unit) // span
    return grid(cells, np.ones(len(cells)), n_rows, width)


def union_lengths(
    row: np.ndarray, document: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Per span, the characters it adds to its (row, document) group, so that characters
    coded by overlapping spans of one row count once.

    Within a group sorted by start, a span adds the part of it beyond the furthest end
    reached so far. Offsetting every position by group x (longest end + 1) lets one running
    maximum serve every group at once. Returned in the input's order.
    """
    if not len(row):
        return np.zeros(0, dtype=np.int64)
    width = int(end.max()) + 1
    group = row * (int(document.max()) + 1) + document
    order = np.lexsort((start, group))
    base = group[order] * width
    starts, ends = base + start[order], base + end[order]
    reached = np.maximum.accumulate(ends)
    before = np.maximum(np.concatenate([[0], reached[:-1]]), base)
    added = np.empty(len(row), dtype=np.int64)
    added[order] = np.maximum(0, ends - np.maximum(starts, before))
    return added


def overlap_pairs(
    document: np.ndarray, start: np.ndarray, end: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Indices (i, j) of every pair of spans in one document that share a character.

    Sorted by (document, start), the spans overlapping span p and starting after it are
    those from p + 1 up to the first one starting at or after p's end.
    """
    if not len(document):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty
    width = int(end.max()) + 1
    order = np.lexsort((start, document))
    key = document[order] * width + start[order]
    stop = np.searchsorted(key, document[order] * width + end[order], side="left")
    return ranges(order, np.arange(len(order)), stop)


def unit_pairs(unit: np.ndarray, row: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """For each unit (a turn or document) and pair of distinct rows coded in it: the index
    of one span of each row, and the unit."""
    if not len(unit):
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty, empty
    span = int(row.max()) + 1
    keys, first_index = np.unique(unit * span + row, return_index=True)
    units = keys // span
    stop = np.searchsorted(units, units, side="right")
    left, right = ranges(np.arange(len(keys)), np.arange(len(keys)), stop)
    return first_index[left], first_index[right], units[left]


def ranges(
    order: np.ndarray, positions_: np.ndarray, stop: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Pairs (order[p], order[q]) for every p and every q with p < q < stop[p]."""
    counts = np.maximum(stop - positions_ - 1, 0)
    total = int(counts.sum())
    left = np.repeat(positions_, counts)
    offsets = np.arange(total) - np.repeat(np.cumsum(counts) - counts, counts)
    return order[left], order[left + 1 + offsets]


def turn_of(
    document: np.ndarray,
    position: np.ndarray,
    turn_document: np.ndarray,
    turn_start: np.ndarray,
    turn_end: np.ndarray,
) -> np.ndarray:
    """The index of the turn holding each position (-1 outside every turn); the turns must
    be sorted by (document, start)."""
    if not len(turn_document) or not len(document):
        return np.full(len(document), -1, dtype=np.int64)
    width = int(max(position.max(), turn_end.max())) + 1
    found = (
        np.searchsorted(
            turn_document * width + turn_start, document * width + position, side="right"
        )
        - 1
    )
    inside = found >= 0
    ok = np.zeros(len(found), dtype=bool)
    k = found[inside]
    ok[inside] = (turn_document[k] == document[inside]) & (position[inside] < turn_end[k])
    return np.where(ok, found, -1)


def turn_units(
    document: np.ndarray,
    start: np.ndarray,
    turn_document: np.ndarray,
    turn_start: np.ndarray,
    turn_end: np.ndarray,
) -> np.ndarray:
    """Each span's speaker turn (the turn its start lies in) as a number unique across
    documents; a span outside every turn gets a number of its own."""
    unit = turn_of(document, start, turn_document, turn_start, turn_end)
    same = unit >= 0
    outside = np.flatnonzero(~same)
    unit[outside] = -2 - outside  # never equal to another span's turn
    return unit
