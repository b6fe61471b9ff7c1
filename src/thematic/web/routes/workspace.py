"""The coding workspace: a transcript with its codings, and the JSON API to change codings.

Offsets everywhere are code points over the NFC text (``thematic.core.spans``). The page is
rendered here, in Python, as ``<span data-start="N">`` pieces cut at every coding and turn
boundary, so the browser never counts characters itself: workspace.js adds the number of code
points before the caret within a piece to that piece's ``data-start``. JavaScript strings are
UTF-16 (an emoji counts 2 there, 1 here), which is why the count is done with Array.from.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from fastapi import APIRouter, Request, Response
from markupsafe import Markup, escape
from pydantic import BaseModel, ConfigDict, Field, StrictInt, StrictStr

from thematic.core.models import Code, Coder, Coding, Document, Turn
from thematic.core.spans import segments
from thematic.study import CONSENSUS, Study
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.render import page

router = APIRouter()

DEFAULT_COLOUR = "#999999"
_COLOUR = re.compile(r"^#[0-9A-Fa-f]{6}$")
_BLANK_LINES = re.compile(r"\n[^\S\n]*\n\s*")
RTL_LANGUAGES = frozenset({"ar", "ckb", "dv", "fa", "he", "ps", "sd", "ug", "ur", "yi"})


# -- layout: blocks (turns, paragraphs) cut into pieces --------------------------------------
@dataclass(slots=True)
class Block:
    """A paragraph of the page: a speaker turn, or a paragraph of text outside any turn."""

    start: int
    end: int
    kind: str = "para"  # turn | note (text between turns) | para (a document without turns)
    speaker: str | None = None
    clock: str = ""
    html: Markup = field(default_factory=Markup)


def clock(seconds: float | None) -> str:
    """A time in a recording as m:ss (mm:ss) or h:mm:ss; empty when unknown."""
    if seconds is None or seconds < 0:
        return ""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


def paragraph_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Paragraphs of ``text[start:end]`` (split at blank lines), without surrounding space."""
    spans = []
    position = start
    for blank in [*_BLANK_LINES.finditer(text, start, end), None]:
        stop = blank.start() if blank else end
        piece = text[position:stop]
        lead = len(piece) - len(piece.lstrip())
        trail = len(piece.rstrip())
        if trail > lead:
            spans.append((position + lead, position + trail))
        position = blank.end() if blank else end
    return spans


def blocks_of(text: str, turns: Sequence[Turn]) -> list[Block]:
    """The paragraphs a document is shown as.

    With turns: one block per turn. The text between turns holds the next turn's label
    ("Interviewer: ") on its last line, which the gutter shows instead; anything before that
    line (a heading, a transcriber's note) is kept as plain paragraphs, so nothing is lost.
    """
    if not turns:
        return [Block(s, e) for s, e in paragraph_spans(text, 0, len(text))]
    blocks: list[Block] = []
    position = 0
    for turn in turns:
        if turn.start < position:  # overlapping turns: show the text once
            continue
        label_line = text[position : turn.start].rstrip().rfind("\n") + 1
        notes = paragraph_spans(text, position, position + label_line)
        blocks += [Block(s, e, "note") for s, e in notes]
        blocks.append(Block(turn.start, turn.end, "turn", turn.speaker, clock(turn.time_start)))
        position = turn.end
    blocks += [Block(s, e, "note") for s, e in paragraph_spans(text, position, len(text))]
    return blocks


def colour_of(code: Code | None) -> str:
    """The code's colour, or grey: only #RRGGBB ever reaches a style attribute."""
    colour = code.colour if code else ""
    return colour if _COLOUR.match(colour or "") else DEFAULT_COLOUR


@lru_cache(maxsize=4096)
def paint(colours: tuple[str, ...]) -> str:
    """Inline style of a piece under these codings: stacked tints and one underline each.

    workspace.js has the same function (paint) for codings added without a reload.
    """
    tints = ",".join(f"linear-gradient({c}40,{c}40)" for c in colours)
    lines = ",".join(f"inset 0 -{2 * (n + 1)}px 0 0 {c}" for n, c in enumerate(colours))
    return f"background-image:{tints};box-shadow:{lines}"


def layout(document: Document, codings: Sequence[Coding], codes: dict[int, Code]) -> list[Block]:
    """The blocks of a document, each with its HTML of ``<span data-start>`` pieces."""
    text = document.text
    blocks = blocks_of(text, document.turns)
    cuts = [b.start for b in blocks] + [b.end for b in blocks]
    pieces = segments(len(text), [(c.start, c.end) for c in codings], cuts)
    ids = [str(c.id) for c in codings]
    colours = [colour_of(codes.get(c.code_id)) for c in codings]
    attributes: dict[tuple[int, ...], str] = {(): ""}  # pieces at turn ends share their codings

    def attributes_of(covering: tuple[int, ...]) -> str:
        found = attributes.get(covering)
        if found is None:
            style = paint(tuple([colours[i] for i in covering]))
            listed = " ".join([ids[i] for i in covering])
            found = attributes[covering] = f' class="hl" data-coding-ids="{listed}" style="{style}"'
        return found

    index = 0
    for block in blocks:
        while pieces[index].start < block.start:
            index += 1
        html = []
        while index < len(pieces) and pieces[index].end <= block.end:
            start, end, covering = pieces[index]
            body = escape(text[start:end])
            html.append(f'<span data-start="{start}"{attributes_of(covering)}>{body}</span>')
            index += 1
        block.html = Markup("".join(html))
    return blocks


# -- JSON shapes -----------------------------------------------------------------------------
class CodingIn(BaseModel):
    """A code to apply: ``code`` is a code id or path; ``coder`` defaults to you."""

    document_id: StrictInt
    start: StrictInt = Field(description="first code point of the span (0-based)")
    end: StrictInt = Field(description="the code point after the span's last one")
    code: StrictInt | StrictStr = Field(description="a code id or path")
    coder: StrictStr | None = Field(None, description="whose coding it is; default: you")


class SpanIn(BaseModel):
    """New boundaries of a coding, in code points over the NFC text."""

    start: StrictInt
    end: StrictInt


class CodingOut(BaseModel):
    """A coding with what a page needs to show it."""

    id: int
    document_id: int
    start: int
    end: int
    code_id: int
    code_path: str
    colour: str
    coder: str
    text: str
    created_at: dt.datetime | None = None


class Layer(NamedTuple):
    coder: str
    codings: int


class TurnOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    start: int
    end: int
    speaker: str | None
    time_start: float | None
    time_end: float | None


class CodeOut(BaseModel):
    id: int
    name: str
    path: str
    parent_id: int | None
    colour: str
    depth: int


class DocumentView(BaseModel):
    """Everything the coding page shows for one document."""

    id: int
    title: str
    language: str | None
    participant: str | None
    text: str
    turns: list[TurnOut]
    codings: list[CodingOut]
    codes: list[CodeOut]


def coding_fields(
    coding: Coding, codes: dict[int, Code], text: str | None, created: dt.datetime | None
) -> dict[str, Any]:
    """A coding as the API and the page show it (``text`` None: leave the passage out)."""
    code = codes.get(coding.code_id)
    fields: dict[str, Any] = {
        "id": coding.id,
        "document_id": coding.document_id,
        "start": coding.start,
        "end": coding.end,
        "code_id": coding.code_id,
        "code_path": code.path if code else "",
        "colour": colour_of(code),
        "coder": coding.coder,
        "created_at": created,
    }
    if text is not None:
        fields["text"] = text[coding.start : coding.end]
    return fields


def coding_out(
    coding: Coding, codes: dict[int, Code], text: str, created: dt.datetime | None = None
) -> CodingOut:
    return CodingOut(**coding_fields(coding, codes, text, created))


def script_json(value: Any) -> Markup:
    """JSON to put inside <script type="application/json">: UTF-8 as is, and nothing that
    could close the element (jinja's tojson escapes every non-ASCII character, which makes an
    Urdu transcript six times longer)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), default=_iso)
    for char, escaped in (("<", "\\u003c"), (">", "\\u003e"), ("&", "\\u0026"), ("'", "\\u0027")):
        text = text.replace(char, escaped)
    return Markup(text)


def codes_out(codes: Iterable[Code]) -> list[CodeOut]:
    return [
        CodeOut(
            id=c.id,
            name=c.name,
            path=c.path,
            parent_id=c.parent_id,
            colour=colour_of(c),
            depth=c.depth,
        )
        for c in codes
    ]


def _one(study: Study, coding: Coding) -> CodingOut:
    """One changed coding in the API's shape (reads its code and document text)."""
    codes = {c.id: c for c in study.codes()}
    text = study.document(coding.document_id).text
    return coding_out(coding, codes, text, study.coding_times(coding.document_id).get(coding.id))


def layers_of(study: Study, codings: Sequence[Coding], members: Sequence[Coder]) -> list[Layer]:
    """The coders whose codings can be shown, with their counts: you first, consensus last."""
    counts = Counter(c.coder for c in codings)
    names = set(counts) | {m.name for m in members if m.role == CONSENSUS}
    if study.role != "viewer":
        names.add(study.actor)
    ordered = sorted(names, key=lambda n: (n != study.actor, n == CONSENSUS, n.lower()))
    return [Layer(name, counts[name]) for name in ordered]


# -- the page --------------------------------------------------------------------------------
def _iso(value: object) -> str:
    return value.isoformat() if isinstance(value, dt.datetime) else str(value)


def page_data(
    study: Study, document: Document, tree: list[Code], codings: list[Coding]
) -> dict[str, Any]:
    """What workspace.js starts from (it takes each coding's passage from ``text``)."""
    codes = {c.id: c for c in tree}
    times = study.coding_times(document.id)
    return {
        "document_id": document.id,
        "user": study.actor,
        "role": study.role,
        "text": document.text,
        "codes": [c.model_dump() for c in codes_out(tree)],
        "codings": [coding_fields(c, codes, None, times.get(c.id)) for c in codings],
    }


@router.get("/documents/{document_id}/code", include_in_schema=False)
def coding_page(request: Request, study: MemberStudy, document_id: int) -> Response:
    document = study.document(document_id)
    tree = study.codes()
    codings = study.codings(document=document_id)
    members = study.coders()
    can_code = study.role != "viewer"
    data = page_data(study, document, tree, codings)
    language = (document.language or "").lower()
    return page(
        request,
        study,
        "workspace.html",
        title=document.title,
        document=document,
        language=language,
        rtl=language.split("-")[0] in RTL_LANGUAGES,
        blocks=layout(document, codings, {c.id: c for c in tree}),
        codes=data["codes"],
        counts=Counter(c.code_id for c in codings),
        layers=layers_of(study, codings, members),
        can_code=can_code,
        frequent=codes_out(study.frequent_codes()) if can_code else [],
        code_as=[study.actor, CONSENSUS]
        if study.role == "owner" and any(m.role == CONSENSUS for m in members)
        else [],
        data=script_json(data),
    )


# -- the API ---------------------------------------------------------------------------------
@router.get("/api/documents/{document_id}/view", tags=["coding"])
def api_document_view(study: MemberStudy, document_id: int) -> DocumentView:
    """A document as the coding page shows it: text, turns, codings, and the codebook."""
    document = study.document(document_id)
    tree = study.codes()
    codes = {c.id: c for c in tree}
    times = study.coding_times(document_id)
    return DocumentView(
        id=document.id,
        title=document.title,
        language=document.language,
        participant=document.participant,
        text=document.text,
        turns=[TurnOut.model_validate(t) for t in document.turns],
        codings=[
            coding_out(c, codes, document.text, times.get(c.id))
            for c in study.codings(document=document_id)
        ],
        codes=codes_out(tree),
    )


@router.get("/api/documents/{document_id}/codings", tags=["coding"])
def api_document_codings(
    study: MemberStudy, document_id: int, coder: str | None = None
) -> list[CodingOut]:
    """A document's codings by position, optionally of one coder only."""
    text = study.document(document_id).text
    codes = {c.id: c for c in study.codes()}
    times = study.coding_times(document_id)
    return [
        coding_out(c, codes, text, times.get(c.id))
        for c in study.codings(document=document_id, coder=coder)
    ]


@router.post("/api/codings", tags=["coding"], status_code=201, dependencies=[CSRF])
def api_code(body: CodingIn, study: MemberStudy) -> CodingOut:
    """Apply a code to a span of a document (offsets in code points), as you or ``coder``."""
    coding = study.code(body.document_id, body.start, body.end, body.code, body.coder)
    return _one(study, coding)


@router.patch("/api/codings/{coding_id}", tags=["coding"], dependencies=[CSRF])
def api_recode(coding_id: int, body: SpanIn, study: MemberStudy) -> CodingOut:
    """Move a coding's boundaries (your own, or anyone's as the owner)."""
    return _one(study, study.recode(coding_id, body.start, body.end))


@router.delete("/api/codings/{coding_id}", tags=["coding"], status_code=204, dependencies=[CSRF])
def api_uncode(coding_id: int, study: MemberStudy) -> Response:
    """Remove a coding (your own, or anyone's as the owner)."""
    study.uncode(coding_id)
    return Response(status_code=204)
