"""Quotes: the passages pinned to each theme and subtheme, in the team's order, next to the
exemplar quotes the report would print (pinned ones first, then thematic's own choice).

Passages are pinned from the coding query page ("Pin as quote"); here they are moved up or
down and unpinned. Coders and the owner change pins; viewers read."""

from __future__ import annotations

from collections import Counter
from typing import Annotated, Any

from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from thematic.analysis import gather
from thematic.core.models import Code, Document, PinnedQuote
from thematic.study import Study
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.routes.analysis import analysis_page, back_to, workspace_link

router = APIRouter()
EXEMPLARS = 3  # quotes per subtheme, as the report prints by default


def _pinned(quote: PinnedQuote, count: int) -> dict[str, Any]:
    return {
        "quote": quote,
        "href": workspace_link(quote.document_id, quote.start, quote.end),
        "first": quote.position == 0,
        "last": quote.position >= count - 1,
    }


def _sections(study: Study, only: str) -> list[dict[str, Any]]:
    """Per theme, its subthemes: pinned quotes (with those of deeper codes) and exemplars.

    Exemplars are chosen in the report's order with its bookkeeping (a participant quoted
    already is chosen less), so the page shows the quotes the report would print.
    """
    codes = study.codes()
    pins: dict[int, list[PinnedQuote]] = {}
    for quote in study.pinned_quotes():
        pins.setdefault(quote.code_id, []).append(quote)
    cache: dict[int, Document] = {}
    quoted: Counter[str] = Counter()

    def entry(code: Code, exemplars: bool) -> dict[str, Any]:
        below = [c for c in codes if c.path.startswith(code.path + "/")]
        own = pins.get(code.id, [])
        return {
            "code": code,
            "pinned": [_pinned(q, len(own)) for q in own],
            "deeper": [
                (c, [_pinned(q, len(pins[c.id])) for q in pins[c.id]])
                for c in below
                if c.depth > 1 and c.id in pins
            ],
            "exemplars": [
                {"quote": q, "href": workspace_link(q.document_id, q.start, q.end)}
                for q in gather.exemplar_quotes(
                    study, code.path, k=EXEMPLARS, cache=cache, quoted=quoted
                )
            ]
            if exemplars
            else [],
        }

    sections = []
    for theme in (c for c in codes if c.depth == 0):
        subthemes = [c for c in codes if c.depth == 1 and c.path.startswith(theme.path + "/")]
        section = {
            "theme": entry(theme, exemplars=False),
            "subthemes": [entry(s, exemplars=not only or only == theme.path) for s in subthemes],
            "shown": not only or only == theme.path,
        }
        sections.append(section)
    return sections


@router.get("/quotes", include_in_schema=False)
def quotes_page(request: Request, study: MemberStudy, theme: str = "") -> Response:
    return analysis_page(
        request,
        study,
        "quotes.html",
        "quotes",
        sections=_sections(study, theme),
        theme=theme,
        themes=[c.path for c in study.codes() if c.depth == 0],
        exemplars=EXEMPLARS,
    )


@router.post("/quotes/pin", include_in_schema=False, dependencies=[CSRF])
def pin_form(
    request: Request,
    study: MemberStudy,
    code: Annotated[str, Form()],
    document: Annotated[int, Form()],
    start: Annotated[int, Form()],
    end: Annotated[int, Form()],
    note: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "/quotes",
) -> Response:
    quote = study.pin_quote(code, document, start, end, note)
    return back_to(
        back, f"Pinned a quote of {quote.participant or quote.document} to {quote.code}.", request
    )


@router.post("/quotes/{quote_id}/move", include_in_schema=False, dependencies=[CSRF])
def move_form(
    request: Request,
    study: MemberStudy,
    quote_id: int,
    position: Annotated[int, Form(ge=0)],
    back: Annotated[str, Form()] = "/quotes",
) -> Response:
    moved = next(q for q in study.move_pinned_quote(quote_id, position) if q.id == quote_id)
    return back_to(
        f"{back}#quote-{quote_id}",
        f"Moved the quote to place {moved.position + 1} under {moved.code}.",
        request,
    )


@router.post("/quotes/{quote_id}/unpin", include_in_schema=False, dependencies=[CSRF])
def unpin_form(
    request: Request,
    study: MemberStudy,
    quote_id: int,
    back: Annotated[str, Form()] = "/quotes",
) -> Response:
    study.unpin_quote(quote_id)
    return back_to(back, "Unpinned the quote (its codings are untouched).", request)


# -- the JSON API ------------------------------------------------------------------------------
class PinIn(BaseModel):
    """A passage to pin as an exemplar quote for a code."""

    code: int | str = Field(description="a code id or path")
    document_id: int = Field(ge=1)
    start: int = Field(ge=0)
    end: int = Field(ge=1)
    note: str = ""


class PinnedOut(BaseModel):
    id: int
    code: str
    document_id: int
    document: str
    participant: str | None
    start: int
    end: int
    text: str
    note: str
    position: int


def _out(quote: PinnedQuote) -> PinnedOut:
    return PinnedOut(
        id=quote.id,
        code=quote.code,
        document_id=quote.document_id,
        document=quote.document,
        participant=quote.participant,
        start=quote.start,
        end=quote.end,
        text=quote.text,
        note=quote.note,
        position=quote.position,
    )


@router.get("/api/quotes", tags=["analysis"])
def api_quotes(study: MemberStudy, code: str | None = None) -> list[PinnedOut]:
    """Pinned quotes (of one code, or all), by code then the team's order."""
    return [_out(q) for q in study.pinned_quotes(code)]


@router.post("/api/quotes", tags=["analysis"], status_code=201, dependencies=[CSRF])
def api_pin(body: PinIn, study: MemberStudy) -> PinnedOut:
    """Pin a passage as an exemplar quote; the report uses pinned quotes first."""
    return _out(study.pin_quote(body.code, body.document_id, body.start, body.end, body.note))


@router.delete("/api/quotes/{quote_id}", tags=["analysis"], status_code=204, dependencies=[CSRF])
def api_unpin(quote_id: int, study: MemberStudy) -> Response:
    """Unpin a quote (its passage and codings are untouched)."""
    study.unpin_quote(quote_id)
    return Response(status_code=204)
