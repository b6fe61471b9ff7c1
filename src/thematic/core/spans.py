"""The one offset convention of thematic.

Every position in thematic (database, Python API, CLI, REFI-QDA, browser) is a Unicode code
point offset into NFC-normalised text, counted from 0, with the end exclusive: ``text[start:end]``
is the span. Python ``str`` indexes are code points, so this is plain slicing here; the web app
and importers translate from UTF-16 (JavaScript, NVivo) at their boundary.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import NamedTuple

__all__ = [
    "Segment",
    "check_span",
    "is_nfc",
    "merge_spans",
    "nfc",
    "overlaps",
    "segments",
    "snippet",
]


def nfc(text: str) -> str:
    """Return ``text`` in Unicode Normalisation Form C."""
    return unicodedata.normalize("NFC", text)


def is_nfc(text: str) -> bool:
    """True when ``text`` is already NFC (cheap for the common case)."""
    return unicodedata.is_normalized("NFC", text)


def check_span(start: int, end: int, length: int) -> str | None:
    """Say what is wrong with the span ``[start, end)`` over a text of ``length`` code points.

    Returns None for a valid span, otherwise a short reason suitable for an error message.
    """
    if isinstance(start, bool) or isinstance(end, bool):
        return "span ends must be whole numbers"
    if not isinstance(start, int) or not isinstance(end, int):
        return "span ends must be whole numbers"
    if start < 0:
        return f"span starts at {start}, before the text begins"
    if end > length:
        return f"span ends at {end}, after the text ends at {length}"
    if end == start:
        return f"span {start}-{end} is empty"
    if end < start:
        return f"span {start}-{end} is reversed"
    return None


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two half-open spans share at least one code point."""
    return a[0] < b[1] and b[0] < a[1]


def merge_spans(spans: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """Union of half-open spans as a sorted list of disjoint spans (touching spans join)."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            if end > merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def snippet(text: str, start: int, end: int, width: int = 40) -> str:
    """The span with up to ``width`` code points of context either side, on one line."""
    left = max(0, start - width)
    right = min(len(text), end + width)
    body = text[left:right].replace("\n", " ")
    prefix = "…" if left > 0 else ""
    suffix = "…" if right < len(text) else ""
    return f"{prefix}{body}{suffix}"


class Segment(NamedTuple):
    """A piece ``[start, end)`` of a text and the spans covering all of it (their indexes)."""

    start: int
    end: int
    covering: tuple[int, ...]


def segments(
    length: int, spans: Sequence[tuple[int, int]], cuts: Iterable[int] = ()
) -> list[Segment]:
    """Cut ``[0, length)`` at every span end and every cut, and say which spans cover each piece.

    The pieces are in order and together cover the whole text; every span is the union of the
    pieces that list it (``covering`` holds indexes into ``spans``, ascending). Spans are
    clipped to the text, empty ones are ignored, and so are cuts outside ``(0, length)``. One
    sort over the boundaries, then a sweep: fast enough to cut a long transcript at hundreds of
    codings for every page view. This is how a highlighter draws overlapping codings: each
    piece has exactly one set of codings over it.
    """
    opening: dict[int, list[int]] = {}
    closing: dict[int, list[int]] = {}
    for index, (start, end) in enumerate(spans):
        start, end = max(start, 0), min(end, length)
        if start < end:
            opening.setdefault(start, []).append(index)
            closing.setdefault(end, []).append(index)
    bounds = sorted({0, length, *opening, *closing, *(c for c in cuts if 0 < c < length)})
    active: set[int] = set()
    pieces: list[Segment] = []
    for start, end in pairwise(bounds):
        active.difference_update(closing.get(start, ()))
        active.update(opening.get(start, ()))
        pieces.append(Segment(start, end, tuple(sorted(active))))
    return pieces
