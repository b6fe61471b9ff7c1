"""segments(): cutting a text at coding boundaries, each piece with the codings over it."""

from __future__ import annotations

import random
from itertools import pairwise

from thematic.core.spans import Segment, segments


def test_empty_document_has_no_segments() -> None:
    assert segments(0, []) == []
    assert segments(0, [(0, 3)], cuts=[1]) == []


def test_no_spans_is_one_uncovered_segment() -> None:
    assert segments(10, []) == [Segment(0, 10, ())]


def test_overlapping_spans() -> None:
    assert segments(10, [(2, 6), (4, 8)]) == [
        Segment(0, 2, ()),
        Segment(2, 4, (0,)),
        Segment(4, 6, (0, 1)),
        Segment(6, 8, (1,)),
        Segment(8, 10, ()),
    ]


def test_touching_spans_do_not_overlap() -> None:
    assert segments(6, [(0, 3), (3, 6)]) == [Segment(0, 3, (0,)), Segment(3, 6, (1,))]


def test_spans_at_the_ends_of_the_text_and_identical_spans() -> None:
    assert segments(5, [(0, 5), (0, 5), (4, 5)]) == [
        Segment(0, 4, (0, 1)),
        Segment(4, 5, (0, 1, 2)),
    ]


def test_nested_spans_and_cuts() -> None:
    result = segments(12, [(1, 11), (3, 5)], cuts=[0, 8, 8, 12, 40, -2])
    assert [(s.start, s.end) for s in result] == [(0, 1), (1, 3), (3, 5), (5, 8), (8, 11), (11, 12)]
    assert [s.covering for s in result] == [(), (0,), (0, 1), (0,), (0,), ()]


def test_spans_are_clipped_and_empty_ones_ignored() -> None:
    assert segments(4, [(-3, 2), (3, 9), (2, 2)]) == [
        Segment(0, 2, (0,)),
        Segment(2, 3, ()),
        Segment(3, 4, (1,)),
    ]


def test_pieces_tile_the_text_and_rebuild_every_span() -> None:
    rng = random.Random(7)
    for _ in range(200):
        length = rng.randint(1, 60)
        spans = []
        for _ in range(rng.randint(0, 12)):
            start = rng.randint(0, length - 1)
            spans.append((start, rng.randint(start + 1, length)))
        cuts = [rng.randint(0, length) for _ in range(rng.randint(0, 4))]
        pieces = segments(length, spans, cuts)
        assert pieces[0].start == 0 and pieces[-1].end == length
        assert all(a.end == b.start for a, b in pairwise(pieces))
        assert all(p.start < p.end for p in pieces)
        for index, (start, end) in enumerate(spans):
            covered = [(p.start, p.end) for p in pieces if index in p.covering]
            assert covered[0][0] == start and covered[-1][1] == end
            assert sum(e - s for s, e in covered) == end - start
        for piece in pieces:
            expected = tuple(i for i, (s, e) in enumerate(spans) if s <= piece.start < e)
            assert piece.covering == expected
