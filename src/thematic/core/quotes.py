"""Exemplar quotes: cutting a coded passage into a quotable excerpt, and choosing a few.

A coder's span rarely makes a good quote as it stands: it starts mid-sentence, runs over two
minutes of talk, or begins with "P07:". :func:`excerpt` turns it into whole sentences of a
readable length; :func:`choose_exemplars` picks a handful that show the range of voices
(different participants, roles and sites) rather than the three longest quotes of one
talkative nurse; :func:`attribution` writes the "(P07, nurse, Karachi, public)" line.

Positions are code-point offsets into NFC text, end exclusive (see :mod:`thematic.core.spans`).
Pure functions: no I/O, nothing but the standard library and ``thematic.core``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from thematic.core.spans import check_span

__all__ = [
    "Candidate",
    "attribution",
    "choose_exemplars",
    "excerpt",
    "quote_text",
    "sentence_spans",
]

# Sentence ends: Latin punctuation, the ellipsis character, and the Urdu full stop (U+06D4)
# and question mark (U+061F). Closing quotes and brackets right after one belong to the
# sentence they close.
_TERMINATORS = frozenset(".!?…۔؟")
_CLOSERS = frozenset("\"'”’)]»›")
_OPENERS = "\"'“‘([«‹"

# A "." after these words does not end a sentence ("Dr. Khan", "e.g. the clinic"). "etc." and
# "no." are left out on purpose: in speech they end sentences far more often than "No. 5".
_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "sr", "jr", "st", "vs", "e.g", "i.e", "approx"}
)

_LINE = re.compile(r"[^\n\r\u2028\u2029]+")

# Speaker labels at the start of a line: short codes ("P07:", "R:", "HCW-12:"), the usual
# role words with an optional number or name ("Interviewer:", "Participant 3:"), and a title
# with a name ("Dr. Khan:"). Deliberately narrow, so that "Honestly: it was bad" keeps its
# first word.
_LABEL = re.compile(
    r"(?:[A-Z]{1,4}[-_ ]?\d{0,4}"
    r"|(?i:interviewer|interviewee|participant|respondent|moderator|facilitator|researcher"
    r"|speaker)(?:[ _-]?\w{1,8})?"
    r"|(?i:dr|mr|mrs|ms|prof)\.? [^\W\d_][\w'’-]*)"
    r"[ \t]*:[ \t]*"
)

_SHORT = 40  # characters: below this a quote rarely stands on its own


# --------------------------------------------------------------------------------------------
# Sentences


def sentence_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The sentences of ``text[start:end]``, as spans without surrounding whitespace.

    A sentence ends at ``.``, ``!``, ``?``, ``…``, the Urdu full stop ``۔`` or question mark
    ``؟`` (a run of them, with any closing quotes or brackets) when followed by whitespace or
    the end of the range, and at every line break. A "." after a known abbreviation ("Dr.",
    "Mr.", "e.g.", ...) or a single capital letter (an initial, "A. Khan") does not end one.
    A range that starts or ends mid-sentence yields that fragment as its first or last span.
    """
    _check(text, start, end)
    spans: list[tuple[int, int]] = []
    for line in _LINE.finditer(text, start, end):
        spans.extend(_split_line(text, line.start(), line.end()))
    return spans


def _split_line(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    begin = i = lo
    while i < hi:
        if text[i] not in _TERMINATORS:
            i += 1
            continue
        j = i + 1
        while j < hi and (text[j] in _TERMINATORS or text[j] in _CLOSERS):
            j += 1
        ends = j == hi or text[j].isspace()
        if ends and not (text[i:j].rstrip("".join(_CLOSERS)) == "." and _abbreviated(text, lo, i)):
            spans.extend(_stripped(text, begin, j))
            begin = j
        i = j
    spans.extend(_stripped(text, begin, hi))
    return spans


def _abbreviated(text: str, lo: int, dot: int) -> bool:
    """True when the word before the "." at ``dot`` is an abbreviation or an initial."""
    k = dot
    while k > lo and not text[k - 1].isspace():
        k -= 1
    word = text[k:dot].lstrip(_OPENERS)
    if len(word) == 1 and word.isalpha() and word.isupper():
        return True
    return word.casefold() in _ABBREVIATIONS


def _stripped(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """``[(start, end)]`` without leading and trailing whitespace, or ``[]`` if blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return [(start, end)] if start < end else []


def _check(text: str, start: int, end: int) -> None:
    problem = check_span(start, end, len(text))
    if problem is not None:
        raise ValueError(problem)


# --------------------------------------------------------------------------------------------
# Excerpts


def excerpt(
    text: str,
    start: int,
    end: int,
    *,
    min_chars: int = 60,
    max_chars: int = 400,
    turn: tuple[int, int] | None = None,
) -> tuple[int, int]:
    """A quotable span ``(start, end)`` of ``text`` for the coded passage ``[start, end)``.

    The rules, in order:

    1. Bounds. The excerpt stays inside the speaker ``turn`` when one is given and overlaps
       the passage (the passage is clipped to it); otherwise inside the lines the passage
       touches, since transcripts put one turn per paragraph.
    2. Sentences. The bounds are cut into sentences (:func:`sentence_spans`); a speaker label
       at the start of a line ("P07:", "Interviewer:", "R:") is not part of its sentence, so a
       leading label is always dropped.
    3. Snap outward. The sentences the passage touches (for a blank passage: the next one),
       from the start of the first to the end of the last, when that is at most
       ``max_chars``.
    4. Too long: keep the leading whole sentences that fit in ``max_chars`` (the most
       complete thought), starting from the first touched sentence (outward) or, if that
       sentence alone is too long, from the first sentence that starts inside the passage
       (inward).
    5. Too short: while under ``min_chars`` (capped at ``max_chars``), add the next sentence
       within the bounds, else the previous one, as long as the excerpt stays within
       ``max_chars``.
    6. No whole sentence fits (one very long sentence): the passage itself, widened to whole
       words and cut at the last word boundary within ``max_chars``; the caller marks the
       cut with "…" (:func:`quote_text` does).

    The result never starts or ends with whitespace.
    """
    _check(text, start, end)
    if max_chars < 1:
        raise ValueError(f"max_chars must be at least 1, got {max_chars}")
    min_chars = min(min_chars, max_chars)
    lo, hi = _bounds(text, start, end, turn)
    start, end = max(start, lo), min(end, hi)
    sentences = [_without_label(text, span) for span in sentence_spans(text, lo, hi)]
    sentences = [(s, e) for s, e in sentences if s < e]
    touched = _touched(sentences, start, end)
    chosen = _snap(sentences, touched, start, max_chars) if touched else None
    if chosen is None:
        return _word_cut(text, start, end, (lo, hi), max_chars)
    first, last = _lengthen(sentences, chosen, min_chars, max_chars)
    return sentences[first][0], sentences[last][1]


def _bounds(text: str, start: int, end: int, turn: tuple[int, int] | None) -> tuple[int, int]:
    """The turn if it overlaps the passage, else the lines the passage touches."""
    if turn is not None and turn[0] < end and start < turn[1]:
        return max(0, turn[0]), min(len(text), turn[1])
    lo = max(text.rfind("\n", 0, start), text.rfind("\r", 0, start)) + 1
    breaks = [i for i in (text.find("\n", end), text.find("\r", end)) if i >= 0]
    return lo, min(breaks) if breaks else len(text)


def _without_label(text: str, span: tuple[int, int]) -> tuple[int, int]:
    """The span past a speaker label, when the span starts a line with one."""
    start, end = span
    if start > 0 and text[start - 1] not in "\n\r\u2028\u2029":
        return span
    match = _LABEL.match(text, start, end)
    if match is None or match.end() == start:
        return span
    return match.end(), end


def _touched(sentences: list[tuple[int, int]], start: int, end: int) -> list[int]:
    """Indexes of the sentences the passage overlaps; for a blank passage, the next one."""
    touched = [i for i, (s, e) in enumerate(sentences) if s < end and e > start]
    if touched or not sentences:
        return touched
    following = [i for i, (s, _) in enumerate(sentences) if s >= start]
    return following[:1] or [len(sentences) - 1]


def _snap(
    sentences: list[tuple[int, int]], touched: list[int], start: int, max_chars: int
) -> tuple[int, int] | None:
    """Indexes (first, last) of the sentences to quote, or None if none fits (rules 3–4)."""
    first, last = touched[0], touched[-1]
    if sentences[last][1] - sentences[first][0] <= max_chars:
        return first, last
    inward = first if sentences[first][0] >= start else first + 1
    for begin in (first, inward):
        if begin > last:
            break
        stop = begin
        while stop + 1 <= last and sentences[stop + 1][1] - sentences[begin][0] <= max_chars:
            stop += 1
        if sentences[stop][1] - sentences[begin][0] <= max_chars:
            return begin, stop
    return None


def _lengthen(
    sentences: list[tuple[int, int]], chosen: tuple[int, int], min_chars: int, max_chars: int
) -> tuple[int, int]:
    """Add neighbouring sentences, next first, until ``min_chars`` is reached (rule 5)."""
    first, last = chosen
    while sentences[last][1] - sentences[first][0] < min_chars:
        if last + 1 < len(sentences) and sentences[last + 1][1] - sentences[first][0] <= max_chars:
            last += 1
        elif first > 0 and sentences[last][1] - sentences[first - 1][0] <= max_chars:
            first -= 1
        else:
            break
    return first, last


def _word_cut(
    text: str, start: int, end: int, bounds: tuple[int, int], max_chars: int
) -> tuple[int, int]:
    """The passage widened to whole words, cut at a word boundary within ``max_chars``."""
    lo, hi = bounds
    if not text[start:end].strip():  # a blank passage: quote the word after it, or before
        start, end = _nearest_word(text, start, end, bounds)
    while start > lo and _in_word(text, start):
        start -= 1
    while end < hi and _in_word(text, end):
        end += 1
    past_label = _without_label(text, (start, end))[0]
    if past_label < end:  # a passage inside a label keeps it: there is nothing else to quote
        start = past_label
    start, end = (_stripped(text, start, end) or [(start, end)])[0]
    if end - start > max_chars:
        limit = start + max_chars
        cut = max(text.rfind(" ", start, limit + 1), text.rfind("\n", start, limit + 1))
        end = cut if cut > start else limit
        while end > start and (text[end - 1].isspace() or text[end - 1] in ",;:–—-"):
            end -= 1
    return start, end


def _nearest_word(text: str, start: int, end: int, bounds: tuple[int, int]) -> tuple[int, int]:
    lo, hi = bounds
    after = end
    while after < hi and text[after].isspace():
        after += 1
    if after < hi:
        return after, after + 1  # widened to the whole word by the caller
    before = start
    while before > lo and text[before - 1].isspace():
        before -= 1
    return (before - 1, before) if before > lo else (start, end)


def _in_word(text: str, position: int) -> bool:
    """True when ``position`` falls between two characters of one word."""
    return _word_char(text[position - 1]) and _word_char(text[position])


def _word_char(char: str) -> bool:
    # Urdu diacritics (zer, zabar, ...) are combining marks, not alphanumerics.
    return char.isalnum() or char in "'’" or unicodedata.category(char).startswith("M")


def quote_text(text: str, start: int, end: int) -> str:
    """``text[start:end]`` as printed: whitespace runs collapsed, cuts marked with "…".

    A leading "…" when the excerpt starts mid-sentence, a trailing one when it stops before a
    sentence ends (see :func:`excerpt`, rule 6).
    """
    _check(text, start, end)
    body = " ".join(text[start:end].split())
    prefix = "" if _starts_sentence(text, start) else "…"
    suffix = "" if _ends_sentence(text, end) else "…"
    return f"{prefix}{body}{suffix}"


def _starts_sentence(text: str, start: int) -> bool:
    k = start
    while k > 0 and text[k - 1] in " \t":
        k -= 1
    if k == 0 or text[k - 1] in "\n\r\u2028\u2029:":
        return True
    while k > 0 and text[k - 1] in _CLOSERS:
        k -= 1
    return k > 0 and text[k - 1] in _TERMINATORS


def _ends_sentence(text: str, end: int) -> bool:
    rest = text[end:].lstrip(" \t")
    if not rest or rest[0] in "\n\r\u2028\u2029":
        return True
    k = end
    while k > 0 and text[k - 1] in _CLOSERS:
        k -= 1
    return k > 0 and text[k - 1] in _TERMINATORS


# --------------------------------------------------------------------------------------------
# Choosing exemplars


@dataclass(frozen=True)
class Candidate:
    """A possible exemplar quote: an excerpt of a document and who said it."""

    document_id: int
    start: int  # code points of the excerpt in the document's NFC text
    end: int
    text: str  # the excerpt as printed
    participant: str  # label, e.g. "P07"
    attributes: Mapping[str, str] = field(default_factory=dict, hash=False)  # role, site, ...


def choose_exemplars(
    candidates: Sequence[Candidate],
    k: int = 3,
    *,
    pinned: Sequence[Candidate] = (),
    diversify: Sequence[str] = ("role", "site"),
    ideal: tuple[int, int] = (100, 300),
    quoted_elsewhere: Mapping[str, int] | None = None,
) -> list[Candidate]:
    """Up to ``k`` exemplar quotes: the team's pinned ones, then a varied, readable choice.

    Pinned quotes come first, in the order given (at most ``k``). The rest are chosen one at
    a time, greedily:

    * Participants: a participant already quoted is passed over while any candidate from
      another participant remains.
    * Overlaps: a candidate overlapping a chosen quote in the same document is never chosen
      (one passage coded twice is one quote).
    * Score, highest wins: for each attribute in ``diversify`` (in order) whose value is not
      yet among the chosen quotes, add ``2 ** (n - i)`` (with the defaults: role 4, site 2),
      so a new role outweighs a new site and any length; missing values add nothing. Add a
      length score: 1 inside ``ideal``; rising from 0 at 40 characters to 1 at ``ideal[0]``;
      falling from 1 at ``ideal[1]`` to 0 at twice ``ideal[1]``; a quote under 40 characters
      gets ``-2 ** (n + 1)`` (-8), so it is chosen only when nothing longer is left.
    * Spread across a report: each time a participant was already quoted elsewhere
      (``quoted_elsewhere``, e.g. under other subthemes) costs 0.5, so one talkative
      participant does not supply every quote.
    * Near-duplicates: a candidate sharing 60% or more of the words of the shorter of it and
      a chosen quote (the overlap coefficient) is passed over while anything else is left
      (interviews repeat stock phrases).
    * Ties go to the lowest (document_id, start, end), so the choice is deterministic.
    """
    if k <= 0:
        return []
    chosen: list[Candidate] = []
    for candidate in pinned:
        if len(chosen) < k and not _overlaps_any(candidate, chosen):
            chosen.append(candidate)
    pool = sorted(
        (c for c in candidates if not _overlaps_any(c, chosen)),
        key=lambda c: (c.document_id, c.start, c.end),
    )
    elsewhere = quoted_elsewhere or {}
    while len(chosen) < k and pool:
        fresh = [c for c in pool if not any(_similar(c, q) for q in chosen)] or pool
        best = _best(fresh, chosen, diversify, ideal, elsewhere)
        chosen.append(best)
        pool = [c for c in pool if not _overlaps_any(c, [best])]
    return chosen


def _words(text: str) -> set[str]:
    return {w.casefold() for w in re.findall(r"\w+", text)}


def _similar(a: Candidate, b: Candidate, limit: float = 0.6) -> bool:
    """Whether two quotes share most words of the shorter (overlap coefficient >= limit)."""
    first, second = _words(a.text), _words(b.text)
    smaller = min(len(first), len(second))
    return smaller > 0 and len(first & second) / smaller >= limit


def _overlaps_any(candidate: Candidate, chosen: Iterable[Candidate]) -> bool:
    return any(
        c.document_id == candidate.document_id
        and c.start < candidate.end
        and candidate.start < c.end
        for c in chosen
    )


def _best(
    pool: list[Candidate],
    chosen: list[Candidate],
    diversify: Sequence[str],
    ideal: tuple[int, int],
    elsewhere: Mapping[str, int],
) -> Candidate:
    quoted = {c.participant for c in chosen}
    fresh = [c for c in pool if c.participant not in quoted] or pool
    represented = {key: {_value(c, key) for c in chosen} for key in diversify}
    return min(
        fresh,
        key=lambda c: (
            -_score(c, represented, diversify, ideal) + 0.5 * elsewhere.get(c.participant, 0),
            c.document_id,
            c.start,
            c.end,
        ),
    )


def _value(candidate: Candidate, key: str) -> str:
    return (candidate.attributes.get(key) or "").strip()


def _score(
    candidate: Candidate,
    represented: Mapping[str, set[str]],
    diversify: Sequence[str],
    ideal: tuple[int, int],
) -> float:
    n = len(diversify)
    score = 0.0
    for i, key in enumerate(diversify):
        value = _value(candidate, key)
        if value and value not in represented[key]:
            score += 2.0 ** (n - i)
    length = len(candidate.text)
    if length < _SHORT:
        return score - 2.0 ** (n + 1)
    return score + _length_score(length, ideal)


def _length_score(length: int, ideal: tuple[int, int]) -> float:
    low, high = ideal
    if length < low:
        return (length - _SHORT) / (low - _SHORT) if low > _SHORT else 1.0
    if length <= high:
        return 1.0
    return max(0.0, 1.0 - (length - high) / max(high, 1))


def attribution(
    participant: str,
    attributes: Mapping[str, str],
    keys: Sequence[str] = ("role", "site", "facility"),
) -> str:
    """ "P07, nurse, Karachi, public": the label, then each attribute in ``keys`` that has a value.

    Values are printed as stored (no case changes: "ICU nurse" and "Lady Health Worker" keep
    their capitals); missing and blank values are skipped.
    """
    parts = [participant.strip()]
    parts.extend(value for key in keys if (value := (attributes.get(key) or "").strip()))
    return ", ".join(part for part in parts if part)


# --------------------------------------------------------------------------------------------
# The original words of a translated quote


def aligned_original(
    translation: str,
    translation_turns: Sequence[tuple[int, int]],
    original: str,
    original_turns: Sequence[tuple[int, int]],
    start: int,
    end: int,
) -> tuple[int, int] | None:
    """The span of ``original`` that says what ``[start, end)`` of ``translation`` says.

    Translations keep the interview's speaker turns one for one, and a careful translation
    keeps a turn's sentences one for one too. So: the quote's turn (by index), then the
    sentences the quote touches (by index within the turn). When the two documents do not
    have the same number of turns, or that turn not the same number of sentences, there is
    no reliable alignment and the answer is None (better no original than a wrong one).
    """
    if len(translation_turns) != len(original_turns) or not translation_turns:
        return None
    index = next((k for k, (lo, hi) in enumerate(translation_turns) if lo <= start < hi), None)
    if index is None:
        return None
    ours = _turn_sentences(translation, translation_turns[index])
    theirs = _turn_sentences(original, original_turns[index])
    if len(ours) != len(theirs) or not ours:
        return None
    touched = [k for k, (lo, hi) in enumerate(ours) if lo < end and start < hi]
    if not touched:
        return None
    return theirs[touched[0]][0], theirs[touched[-1]][1]


def _turn_sentences(text: str, turn: tuple[int, int]) -> list[tuple[int, int]]:
    spans = [_without_label(text, span) for span in sentence_spans(text, *turn)]
    return [(s, e) for s, e in spans if s < e]
