"""Read interview transcripts from the files researchers actually have, into text plus turns.

The result, ``ParsedTranscript``, is the text a study stores (NFC, "\\n" newlines) and the
speaker turns found in it, each a span of code-point offsets into that text covering the
utterance only (never the "Interviewer:" label, never surrounding whitespace).

Two families of input are treated differently:

* Written documents (.txt, .md, .docx) are kept as the transcriber wrote them, so that no note,
  heading or layout is lost; turns are found over that text (see ``_match_label``).
* Exports of speech tools (caption files .vtt/.srt, Otter.ai and Zoom caption text exports) are
  made of many small timed fragments. Their text is rebuilt as one paragraph per turn,
  ``Name: utterance``, with a blank line between turns; consecutive fragments of one speaker
  are merged into one turn that keeps the first start time.

Quirks of each tool are described at the function reading its format.
"""

from __future__ import annotations

import html
import io
import re
import unicodedata
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from itertools import pairwise
from pathlib import PurePath
from typing import NamedTuple

import docx
import webvtt
from docx.document import Document as DocxDocument
from docx.opc.exceptions import PackageNotFoundError
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.text.run import Run
from lxml import etree
from webvtt.errors import MalformedCaptionError, MalformedFileError

from thematic.errors import UnreadableFile
from thematic.formats.encoding import decode_text

__all__ = ["SUPPORTED_EXTENSIONS", "ParsedTranscript", "ParsedTurn", "parse_transcript"]

SUPPORTED_EXTENSIONS: tuple[str, ...] = (".txt", ".md", ".markdown", ".docx", ".vtt", ".srt")


@dataclass(frozen=True, slots=True)
class ParsedTurn:
    """One speaker turn: ``text[start:end]`` of its transcript is the utterance."""

    start: int  # code-point offset into ParsedTranscript.text, of the utterance (not the label)
    end: int  # exclusive
    speaker: str | None
    time_start: float | None = None  # seconds
    time_end: float | None = None


@dataclass(frozen=True, slots=True)
class ParsedTranscript:
    """The text to store and the turns found in it, sorted and not overlapping."""

    text: str  # NFC, "\n" newlines
    turns: tuple[ParsedTurn, ...]
    source_format: str  # "txt", "md", "docx", "vtt", "srt", "otter", "zoom-cc"


def parse_transcript(data: bytes, name: str, encoding: str | None = None) -> ParsedTranscript:
    """Parse the content of transcript file ``name``, choosing the format by its extension.

    ``encoding`` applies to text formats (not .docx) and overrides detection. Raises
    UnreadableFile for unsupported types, corrupt files and files without any text.
    """
    suffix = PurePath(name).suffix.lower()
    if suffix not in SUPPORTED_EXTENSIONS:
        raise UnreadableFile(name, _unsupported(suffix))
    if not data.strip():
        raise UnreadableFile(name, _NO_TEXT)
    if suffix == ".docx":
        return _parse_docx(data, name)
    text = decode_text(data, name, encoding)
    if not text.strip():
        raise UnreadableFile(name, _NO_TEXT)
    return _TEXT_PARSERS[suffix](text, name)


_NO_TEXT = "contains no text"


def _unsupported(suffix: str) -> str:
    shown = f"'{suffix}'" if suffix else "(no extension)"
    reason = f"unsupported file type {shown}; use .txt, .md, .docx, .vtt or .srt"
    if suffix == ".doc":
        reason += " (open the old Word .doc file in Word and save it as .docx)"
    return reason


# ---------------------------------------------------------------------------------------------
# Speaker labels in written text
# ---------------------------------------------------------------------------------------------


class _Label(NamedTuple):
    """A speaker label found at the start of a line (or caption)."""

    speaker: str
    after: int  # offset in the line just past the label and its colon
    time: float | None = None
    forced: bool = False  # marked up explicitly (bold): no frequency rule needed


_TIME = r"\d{1,2}(?::\d{2}){1,2}(?:[.,]\d{1,3})?"
# "Interviewer:", "Dr. Amina:", "P07:", also "[00:01:23] Name:" and Rev's "Speaker 1 (00:15):".
# The colon must not be followed by a digit or "/", which would be a clock time or a URL.
_LABEL_LINE = re.compile(
    rf"[ \t]*(?:[\[(](?P<lead>{_TIME})[\])][ \t]*)?"
    r"(?P<label>[^\W\d_][\w.'’()/&\- ]{0,59}?)"
    rf"(?:[ \t]*\((?P<trail>{_TIME})\))?"
    r"[ \t]*:(?![\d/])"
)
# Labels accepted even when they occur once: the usual roles of qualitative interviews,
# optionally numbered ("Participant 3", "P07", "Speaker 1", "R2").
_WELL_KNOWN = re.compile(
    r"(?:interviewer|interviewee|participant|respondent|moderator|facilitator|speaker"
    r"|int|resp|i|r|q|a|p)(?:[ ]?[-#]?[ ]?\d+[a-z]?)?"
)
# Words that start "Key: value" lines in transcript headers and notes, never speakers.
_NOT_SPEAKERS = frozenset(
    {
        "note", "notes", "nb", "date", "time", "location", "place", "duration", "length",
        "transcript", "transcriber", "title", "subject", "project", "study", "site", "setting",
        "recording", "file", "attendees", "present", "comment", "comments", "keywords",
        "summary", "topic", "age", "gender", "sex", "occupation", "re", "ps", "url", "email",
        "page", "source",
    }
)  # fmt: skip
_TITLE_WORD = re.compile(r"\(?[^\W\d_]{1,4}\.\)?")


def _label_shape_ok(label: str, max_words: int = 5, max_chars: int = 40) -> bool:
    """Short, name-like labels only; "." only closing a short title word ("Dr.", "Prof.")."""
    words = label.split()
    if not words or len(label) > max_chars or len(words) > max_words:
        return False
    if not label[0].isalpha() or ":" in label:
        return False
    if label.count("(") != label.count(")"):
        return False
    return all(
        "." not in word or (_TITLE_WORD.fullmatch(word) and word.lstrip("(")[0].isupper())
        for word in words
    )


def _seconds(stamp: str) -> float:
    """'1:02:03.5', '02:03,5' or '0:03' as seconds."""
    total = 0.0
    for part in stamp.replace(",", ".").split(":"):
        total = total * 60 + float(part)
    return total


def _match_label(line: str) -> _Label | None:
    """The label at the start of ``line`` if it has the shape of a speaker name."""
    match = _LABEL_LINE.match(line)
    if match is None or not _label_shape_ok(match["label"].strip()):
        return None
    stamp = match["lead"] or match["trail"]
    return _Label(match["label"].strip(), match.end(), _seconds(stamp) if stamp else None)


def _label_key(label: str) -> str:
    return " ".join(label.casefold().split())


def _keep_accepted(candidates: Sequence[_Label | None]) -> list[_Label | None]:
    """Keep the labels that are speakers: well-known, explicit, or at line start twice or more.

    Prose such as "Note: the tape stopped" has the shape of a label; requiring a second use
    keeps one-off occurrences out, and a stop list keeps out header fields like "Date:".
    """
    counts = Counter(_label_key(c.speaker) for c in candidates if c)
    forced = {_label_key(c.speaker) for c in candidates if c and c.forced}

    def accepted(label: _Label | None) -> bool:
        if label is None:
            return False
        key = _label_key(label.speaker)
        if key in _NOT_SPEAKERS:
            return False
        return key in forced or counts[key] >= 2 or bool(_WELL_KNOWN.fullmatch(key))

    return [c if accepted(c) else None for c in candidates]


def _trimmed(text: str, start: int, end: int) -> tuple[int, int] | None:
    """The span ``start:end`` of ``text`` without surrounding whitespace, or None if empty."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _linked_times(turns: list[ParsedTurn]) -> tuple[ParsedTurn, ...]:
    """Give turns without an end time the start time of the next turn, where both are known."""
    linked = list(turns)
    for i, (turn, following) in enumerate(pairwise(turns)):
        if turn.time_end is None and turn.time_start is not None:
            linked[i] = replace(turn, time_end=following.time_start)
    return tuple(linked)


def _dialogue(lines: list[str], labels: Sequence[_Label | None], fmt: str) -> ParsedTranscript:
    """Text made of ``lines`` with a turn from each labelled line to the next labelled one."""
    text = "\n".join(lines)
    offsets: list[int] = []
    position = 0
    for line in lines:
        offsets.append(position)
        position += len(line) + 1
    heads = [(i, label) for i, label in enumerate(labels) if label is not None]
    turns: list[ParsedTurn] = []
    for n, (i, label) in enumerate(heads):
        stop = offsets[heads[n + 1][0]] - 1 if n + 1 < len(heads) else len(text)
        span = _trimmed(text, offsets[i] + label.after, stop)
        if span is not None:
            turns.append(ParsedTurn(span[0], span[1], label.speaker, label.time))
    return ParsedTranscript(text, _linked_times(turns), fmt)


def _parse_plain(
    lines: list[str], fmt: str, hints: dict[int, _Label] | None = None
) -> ParsedTranscript:
    """Dialogue text where ``hints`` gives labels already known (from markup) per line index."""
    hints = hints or {}
    candidates = [hints.get(i) or _match_label(line) for i, line in enumerate(lines)]
    return _dialogue(lines, _keep_accepted(candidates), fmt)


# ---------------------------------------------------------------------------------------------
# .txt (plain dialogue, Otter.ai export, Zoom saved captions) and .md
# ---------------------------------------------------------------------------------------------

# Otter.ai's text export: "Amina Khan  0:03" (name, two or more spaces, m:ss or h:mm:ss), then
# the utterance as one line, then a blank line. Free accounts end the file with the line
# "Transcribed by https://otter.ai", which is not speech and is dropped.
_OTTER_HEAD = re.compile(r"(?P<name>\S.{0,59}?)[ \t]{2,}(?P<time>\d{1,2}:\d{2}(?::\d{2})?)[ \t]*")
_OTTER_FOOTER = re.compile(r"transcribed by https?://otter\.ai/?", re.IGNORECASE)
# Zoom's "Save captions" text: "[Amina Khan] 14:02:31" then the caption line(s), no blank
# lines. The time is hh:mm:ss as Zoom shows it (for live meetings, the clock time of day), and
# is taken as written: time_start counts seconds from 00:00:00, not from the meeting start.
_ZOOM_CC_HEAD = re.compile(r"\[(?P<name>[^\]\n]{1,80})\][ \t]+(?P<time>\d{1,2}:\d{2}:\d{2})[ \t]*")


@dataclass(slots=True)
class _Entry:
    """A fragment of speech from a tool's export, before merging."""

    speaker: str | None
    parts: list[str] = field(default_factory=list)
    start: float | None = None
    end: float | None = None


def _parse_txt(text: str, name: str) -> ParsedTranscript:
    """A .txt file: an Otter.ai or Zoom caption export if it starts like one, else dialogue."""
    lines = text.split("\n")
    first = next((line for line in lines if line.strip()), "")
    for head, fmt in ((_OTTER_HEAD, "otter"), (_ZOOM_CC_HEAD, "zoom-cc")):
        if head.fullmatch(first):
            entries = _headed_entries(lines, head)
            return _assemble(entries, fmt, name, end_from_next=True)
    return _parse_plain(lines, "txt")


def _headed_entries(lines: list[str], head: re.Pattern[str]) -> list[_Entry]:
    """Entries of an export where a header line (speaker and time) precedes each utterance."""
    entries: list[_Entry] = []
    for line in lines:
        match = head.fullmatch(line)
        if match:
            entries.append(_Entry(match["name"].strip(), start=_seconds(match["time"])))
        elif line.strip() and not _OTTER_FOOTER.fullmatch(line.strip()) and entries:
            entries[-1].parts.append(line)
    return entries


# Markdown bold labels: "**Name:**", "**Name**:", "__Name:__", "__Name__:".
_MD_BOLD_LABEL = re.compile(
    r"(?P<indent>[ \t]*)(?P<mark>\*\*|__)(?P<label>[^*_:\n]{1,60}?)[ \t]*"
    r"(?::(?P=mark)|(?P=mark)[ \t]*:)"
)


def _parse_md(text: str, name: str) -> ParsedTranscript:
    """Markdown dialogue; bold labels lose their ``**`` / ``__`` so the text reads "Name: ..."."""
    lines: list[str] = []
    hints: dict[int, _Label] = {}
    for i, line in enumerate(text.split("\n")):
        match = _MD_BOLD_LABEL.match(line)
        if match and _label_shape_ok(match["label"].strip()):
            label = match["label"].strip()
            head = f"{match['indent']}{label}:"
            line = head + line[match.end() :]
            hints[i] = _Label(label, len(head), forced=True)
        lines.append(line)
    return _parse_plain(lines, "md", hints)


# ---------------------------------------------------------------------------------------------
# Rebuilding text from timed fragments
# ---------------------------------------------------------------------------------------------


def _clean(text: str) -> str:
    """One line of speech: whitespace runs (also no-break spaces) as one space, NFC."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _merged(entries: list[_Entry]) -> list[tuple[str | None, str, _Entry]]:
    """Consecutive entries of one speaker as one (speaker, utterance, first entry)."""
    merged: list[tuple[str | None, str, _Entry]] = []
    for entry in entries:
        text = _clean(" ".join(entry.parts))
        if not text:
            continue
        if merged and merged[-1][0] == entry.speaker:
            speaker, previous, first = merged[-1]
            end = entry.end if entry.end is not None else first.end
            merged[-1] = (speaker, f"{previous} {text}", replace(first, end=end))
        else:
            merged.append((entry.speaker, text, entry))
    return merged


def _assemble(
    entries: list[_Entry], fmt: str, name: str, *, end_from_next: bool
) -> ParsedTranscript:
    """Text of "Name: utterance" paragraphs separated by blank lines, and its turns.

    ``end_from_next``: the format has no end times, so a turn ends where the next one starts.
    """
    merged = _merged(entries)
    if not merged:
        raise UnreadableFile(name, _NO_TEXT)
    pieces: list[str] = []
    turns: list[ParsedTurn] = []
    position = 0
    for speaker, utterance, first in merged:
        prefix = f"{_clean(speaker)}: " if speaker else ""
        separator = "\n\n" if pieces else ""
        pieces.append(separator + prefix + utterance)
        start = position + len(separator) + len(prefix)
        position = start + len(utterance)
        time_end = None if end_from_next else first.end
        turns.append(
            ParsedTurn(start, position, speaker and _clean(speaker), first.start, time_end)
        )
    return ParsedTranscript("".join(pieces), _linked_times(turns), fmt)


# ---------------------------------------------------------------------------------------------
# Caption files: .vtt and .srt
# ---------------------------------------------------------------------------------------------


@dataclass(slots=True)
class _Cue:
    """A caption cue: its times and its non-empty lines as (voice tag speaker, clean text)."""

    start: float
    end: float
    lines: list[tuple[str | None, str]]


_TAG = re.compile(r"<[^<>]*>")
_ASS_OVERRIDE = re.compile(r"\{\\[^{}]*\}")
_VOICE = re.compile(r"<v(?:\.[^\s>]+)*[ \t]+(?P<name>[^>]+)>")
# Sound annotations of captioners, never speakers even when written "[Laughter] yes".
_SOUNDS = frozenset(
    {
        "music", "laughter", "laughs", "laughing", "applause", "inaudible", "crosstalk",
        "silence", "pause", "noise", "background noise", "unintelligible", "foreign", "coughs",
        "sighs", "no audio", "blank_audio", "sound",
    }
)  # fmt: skip
_BRACKET_LABEL = re.compile(r"\[(?P<label>[^\]\n]{1,60})\][ \t]*(?=\S)")


def _caption_line(raw: str) -> str:
    """Caption text without markup: tags, ASS overrides ({\\an8}), entities, ">>" marks."""
    text = html.unescape(_TAG.sub("", _ASS_OVERRIDE.sub("", raw)))
    text = _clean(text)
    # ">>" marks a change of speaker in broadcast captions; any name follows it.
    return text[2:].lstrip() if text.startswith(">>") else text


def _caption_label(text: str) -> _Label | None:
    """A speaker prefix of a caption: "Name: text" (Zoom, SRT) or "[Name] text"."""
    bracket = _BRACKET_LABEL.match(text)
    if bracket:
        label = bracket["label"].strip()
        if (
            label[:1].isupper()
            and _label_key(label) not in _SOUNDS
            and _label_shape_ok(label, 8, 60)
        ):
            return _Label(label, bracket.end())
        return None
    match = _LABEL_LINE.match(text)
    if match is None or match["lead"] or match["trail"]:
        return None
    label = match["label"].strip()
    return _Label(label, match.end()) if _label_shape_ok(label, 8, 60) else None


def _is_rolling(cues: list[_Cue]) -> bool:
    """Roll-up captions (YouTube's automatic ones): each cue repeats the last line shown.

    YouTube shows two lines: a new cue holds the previous line again plus the words being
    added, and 10 ms cues in between hold just the finished line. Read naively every word would
    appear two or three times.
    """
    repeats = sum(
        1 for a, b in pairwise(cues) if a.lines and b.lines and b.lines[0][1] == a.lines[-1][1]
    )
    return repeats >= 2 and repeats * 2 >= len(cues) - 1


def _without_repeats(cues: list[_Cue]) -> list[_Cue]:
    """Drop from each cue the leading lines that the previous cue already showed."""
    result: list[_Cue] = []
    shown: list[str] = []
    for cue in cues:
        texts = [text for _, text in cue.lines]
        overlap = max(
            (k for k in range(1, min(len(shown), len(texts)) + 1) if shown[-k:] == texts[:k]),
            default=0,
        )
        result.append(replace(cue, lines=cue.lines[overlap:]))
        shown = texts or shown
    return result


def _caption_entries(cues: list[_Cue]) -> list[_Entry]:
    """Entries for captions: voice tag speakers, else accepted "Name:" prefixes, else None."""
    if _is_rolling(cues):
        cues = _without_repeats(cues)
    pieces: list[tuple[str | None, str, _Cue]] = []
    for cue in cues:
        for voice, text in cue.lines:
            if pieces and pieces[-1][2] is cue and pieces[-1][0] == voice:
                pieces[-1] = (voice, f"{pieces[-1][1]} {text}", cue)
            else:
                pieces.append((voice, text, cue))
    candidates = [None if voice else _caption_label(text) for voice, text, _ in pieces]
    if sum(c is not None for c in candidates) * 2 >= len(candidates):
        # Most cues start "Name:", as in Zoom's files: every such prefix is a speaker, even
        # one who speaks only once.
        candidates = [c._replace(forced=True) if c else None for c in candidates]
    labels = _keep_accepted(candidates)
    entries: list[_Entry] = []
    for (voice, text, cue), label in zip(pieces, labels, strict=True):
        speaker, utterance = (label.speaker, text[label.after :]) if label else (voice, text)
        entries.append(_Entry(speaker, [utterance], cue.start, cue.end))
    return entries


# A cue timing line as WebVTT allows it (hours optional), followed by optional cue settings.
_VTT_STAMP = r"(?:\d+:)?[0-5]?\d:[0-5]?\d\.\d{1,3}"
_VTT_TIMING = re.compile(rf"[ \t]*{_VTT_STAMP}[ \t]*-->[ \t]*{_VTT_STAMP}(?:[ \t].*)?")


def _parse_vtt(text: str, name: str) -> ParsedTranscript:
    """WebVTT from Zoom, Microsoft Teams or YouTube.

    * Zoom: numbered cues, "Amina Khan: text"; cues Zoom could not attribute have no name.
    * Teams: cue identifiers like "0b1c.../12-0" and voice tags "<v Amina Khan>text</v>"; one
      utterance is often split over several cues.
    * YouTube: a "Kind: captions" / "Language: en" header, cue settings "align:start
      position:0%", word timings "<00:00:01.500><c> word</c>" and roll-up repetition (see
      ``_is_rolling``).

    webvtt-py reads the cue blocks. It silently skips a cue whose timing line is malformed, so
    timing lines are checked here first, to refuse the file rather than lose speech.
    """
    lines = text.split("\n")
    if not lines[0].startswith("WEBVTT"):
        raise UnreadableFile(name, "not a valid WebVTT file (the first line must be WEBVTT)")
    for number, line in enumerate(lines, start=1):
        if "-->" in line and not _VTT_TIMING.fullmatch(line):
            reason = f"line {number}: expected a time range like 00:00:01.000 --> 00:00:04.000"
            raise UnreadableFile(name, f"not a valid WebVTT file ({reason})")
    try:
        captions = webvtt.WebVTT.from_string(text).captions
    except (MalformedFileError, MalformedCaptionError) as exc:
        raise UnreadableFile(name, f"not a valid WebVTT file ({exc})") from None
    if len(captions) != sum("-->" in line for line in lines):  # a cue webvtt-py skipped
        raise UnreadableFile(name, "not a valid WebVTT file (a cue could not be read)")
    cues = [
        _Cue(_seconds(caption.start), _seconds(caption.end), list(_voiced_lines(caption.lines)))
        for caption in captions
    ]
    return _assemble(_caption_entries(cues), "vtt", name, end_from_next=False)


def _voiced_lines(raw_lines: list[str]) -> Iterator[tuple[str | None, str]]:
    """Clean cue lines with the speaker of the voice span they are in ("<v Name>")."""
    voice: str | None = None
    for raw in raw_lines:
        spans = _VOICE.findall(raw)
        if spans:
            voice = _clean(spans[-1])
        text = _caption_line(raw)
        if text:
            yield voice, text
        if "</v>" in raw and raw.rfind("</v>") > raw.rfind("<v"):
            voice = None


_SRT_STAMP = r"\d{1,3}:[0-5]\d:[0-5]\d[,.]\d{1,3}"
_SRT_TIMING = re.compile(
    rf"[ \t]*(?P<start>{_SRT_STAMP})[ \t]*-->[ \t]*(?P<end>{_SRT_STAMP})(?:[ \t].*)?"
)
_SRT_EXAMPLE = "a time range like 00:00:01,000 --> 00:00:04,000"


def _blocks(lines: list[str]) -> Iterator[tuple[int, list[str]]]:
    """Runs of non-blank lines, each with the 1-based number of its first line."""
    block: list[str] = []
    first = 0
    for number, line in enumerate([*lines, ""], start=1):
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield first, block
            block = []


def _srt_cues(text: str, name: str) -> list[_Cue]:
    """Cues of SubRip text: blocks of a number, a time range line and text lines.

    Hand-edited files sometimes hold a blank line inside a subtitle's text; a block that starts
    with neither a number nor a time range continues the previous subtitle.
    """
    cues: list[_Cue] = []
    for number, block in _blocks(text.split("\n")):
        at = 1 if block[0].strip().isdigit() else 0
        timing = _SRT_TIMING.fullmatch(block[at]) if at < len(block) else None
        if timing is None and at == 0 and cues and "-->" not in block[0]:
            cues[-1].lines.extend((None, line) for line in map(_caption_line, block) if line)
            continue
        if timing is None:
            what = _SRT_EXAMPLE if at or cues else f"a subtitle number or {_SRT_EXAMPLE}"
            raise UnreadableFile(name, f"line {number + at}: expected {what}")
        lines: list[tuple[str | None, str]] = [
            (None, line) for line in map(_caption_line, block[at + 1 :]) if line
        ]
        cues.append(_Cue(_seconds(timing["start"]), _seconds(timing["end"]), lines))
    return cues


def _parse_srt(text: str, name: str) -> ParsedTranscript:
    """SubRip captions; speakers as "Name: text", "[Name] text" or ">> Name: text"."""
    return _assemble(_caption_entries(_srt_cues(text, name)), "srt", name, end_from_next=False)


# ---------------------------------------------------------------------------------------------
# .docx
# ---------------------------------------------------------------------------------------------


class _DocxLine(NamedTuple):
    """A paragraph (or table row) of a Word document and the bold label it may start with."""

    text: str
    label: str | None = None
    utterance: str = ""
    colon: bool = False


def _parse_docx(data: bytes, name: str) -> ParsedTranscript:
    """A Word document: paragraphs and table rows in order, one per line, empty ones kept.

    Transcribers mark speakers either as "Name:" or by making the name bold ("**Amina** Thanks
    for coming", with or without a colon). A bold label with a colon is taken as a speaker at
    once; without a colon it must pass the same frequency rule as plain labels, since bold is
    also used for emphasis. Accepted bold labels are stored as "Name: utterance".
    """
    document = _open_docx(data, name)
    rows: list[_DocxLine] = []
    for block in document.iter_inner_content():
        if isinstance(block, Paragraph):
            rows.append(_docx_paragraph(block))
        elif isinstance(block, Table):
            rows.extend(_docx_table(block))
    if not any(row.text.strip() for row in rows):
        raise UnreadableFile(name, _NO_TEXT)
    candidates = [
        _Label(row.label, 0, forced=row.colon) if row.label else _match_label(row.text)
        for row in rows
    ]
    lines: list[str] = []
    labels: list[_Label | None] = []
    for row, label in zip(rows, _keep_accepted(candidates), strict=True):
        if label is not None and row.label:
            head = f"{row.label}:"
            lines.append(f"{head} {row.utterance}" if row.utterance else head)
            labels.append(label._replace(after=len(head)))
        else:
            lines.append(row.text)
            labels.append(None if row.label else label)
    return _dialogue(lines, labels, "docx")


def _open_docx(data: bytes, name: str) -> DocxDocument:
    """Open with python-docx; every way a file can fail to be a .docx becomes UnreadableFile."""
    if data.startswith(b"\xd0\xcf\x11\xe0"):
        detail = "it is an old Word .doc file; save it as .docx in Word"
        raise UnreadableFile(name, f"not a readable Word .docx file ({detail})")
    try:
        return docx.Document(io.BytesIO(data))
    except (
        zipfile.BadZipFile,
        PackageNotFoundError,
        KeyError,
        ValueError,
        etree.XMLSyntaxError,
        zlib.error,
        EOFError,
    ) as exc:
        detail = str(exc).strip("'\"") or type(exc).__name__
        raise UnreadableFile(name, f"not a readable Word .docx file ({detail})") from None


def _docx_text(text: str) -> str:
    return unicodedata.normalize("NFC", text.replace("\r\n", "\n").replace("\r", "\n"))


def _is_bold(run: Run) -> bool:
    if run.bold is not None:
        return run.bold
    return run.style is not None and bool(run.style.font.bold)


def _docx_paragraph(paragraph: Paragraph) -> _DocxLine:
    """A paragraph, with its label if its leading run(s) are bold and name-like."""
    text = _docx_text(paragraph.text)
    prefix = ""
    for item in paragraph.iter_inner_content():
        if not isinstance(item, Run) or not (_is_bold(item) or not item.text.strip()):
            break
        prefix += _docx_text(item.text)
    if not prefix.strip() or not text.startswith(prefix):
        return _DocxLine(text)
    return _bold_line(text, prefix.strip(), text[len(prefix) :])


def _bold_line(text: str, bold: str, rest: str) -> _DocxLine:
    """Split a paragraph starting with bold text ``bold`` into label and utterance."""
    colon = ":" in bold
    if colon:
        bold, _, spill = bold.partition(":")
        rest = f"{spill} {rest}"
    elif rest.lstrip().startswith(":"):
        colon, rest = True, rest.lstrip()[1:]
    label, utterance = bold.strip(), rest.strip()
    if not _label_shape_ok(label) or not (colon or utterance):
        return _DocxLine(text)
    return _DocxLine(text, label, utterance, colon)


def _docx_table(table: Table) -> Iterator[_DocxLine]:
    """Table rows as lines; a two-column "speaker | utterance" row gives a label (not forced)."""
    for row in table.rows:
        cells: list[str] = []
        seen: set[int] = set()
        for cell in row.cells:  # a merged cell is repeated once per grid column
            if id(cell._tc) not in seen:
                seen.add(id(cell._tc))
                cells.append(_docx_text(cell.text).strip())
        cells = [cell for cell in cells if cell]
        if not cells:
            continue
        text = "\t".join(cells)
        label = cells[0].removesuffix(":").strip()
        if len(cells) == 2 and "\n" not in cells[0] and _label_shape_ok(label):
            yield _DocxLine(text, label, cells[1], False)
        else:
            yield _DocxLine(text)


_TEXT_PARSERS: dict[str, Callable[[str, str], ParsedTranscript]] = {
    ".txt": _parse_txt,
    ".md": _parse_md,
    ".markdown": _parse_md,
    ".vtt": _parse_vtt,
    ".srt": _parse_srt,
}
