"""The memos page and API: Markdown memos linked to what they are about.

Other pages send people here "from where they are" with ``/memos?link=code:12`` (or
``document:3``, ``participant:P07``, ``coding:5``): the list shows the memos about that thing and
the new memo is linked to it. Bodies are rendered with the safe ``markdown`` filter.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Any
from urllib.parse import quote

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from markupsafe import Markup
from pydantic import BaseModel, Field

from thematic import Invalid, Memo, ThematicError
from thematic.study import MEMO_KINDS, Study
from thematic.study.memos import LinkTarget
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.errors import status_of
from thematic.web.render import markdown, page
from thematic.web.routes.documents import RowId

router = APIRouter()

KIND_NAMES = {"analytic": "Analytic", "reflexive": "Reflexive", "field_note": "Field note"}
FormText = Annotated[str, Form()]


def memo_html(body: str) -> Markup:
    """A memo body through the safe ``markdown`` filter, its headings moved below the page's.

    A memo's ``# Heading`` must not become a second ``<h1>`` on the page: h1 -> h4, h2 -> h5,
    deeper -> h6. Only markdown-it's own tags are touched (raw HTML in a memo is escaped).
    """
    html = str(markdown(body))
    shifted = re.sub(r"<(/?)h([1-6])>", lambda m: f"<{m[1]}h{min(int(m[2]) + 3, 6)}>", html)
    return Markup(shifted)  # safe: markdown() escaped every raw HTML tag already


def parse_link(text: str | None) -> tuple[str, str] | None:
    """``code:12``, ``participant:P07``, ``study``: a link as the Study API takes it."""
    if not text or not text.strip():
        return None
    kind, sep, ref = text.strip().partition(":")
    if kind == "study":
        return ("study", "")
    if not sep or not ref.strip():
        raise Invalid(f"write a link as kind:reference, e.g. code:12 or participant:P07 ({text!r})")
    return kind, ref.strip()


class MemoIn(BaseModel):
    """A memo to write: Markdown body, optional title, kind and link."""

    body: str = Field(min_length=1)
    title: str = ""
    kind: str = Field("analytic", description="analytic, reflexive or field_note")
    link: str | None = Field(
        None,
        examples=["code:Personal/Trust"],
        description="What it is about: document:ID, code:ID-or-PATH, participant:LABEL, "
        "coding:ID or study (the default)",
    )


class MemoChange(BaseModel):
    """Fields of a memo to change."""

    body: str | None = None
    title: str | None = None


class MemoOut(BaseModel):
    """A memo with what it is linked to (``link`` can be passed back as a filter)."""

    id: int
    kind: str
    title: str
    body: str
    author: str
    link: str
    link_label: str
    link_type: str
    link_id: int | None
    created_at: dt.datetime
    updated_at: dt.datetime


class PreviewIn(BaseModel):
    """Markdown to preview."""

    body: str


class PreviewOut(BaseModel):
    """The Markdown as safe HTML (raw HTML in the source is escaped)."""

    html: str


def _out(memo: Memo, target: LinkTarget) -> MemoOut:
    return MemoOut(
        id=memo.id,
        kind=memo.kind,
        title=memo.title,
        body=memo.body,
        author=memo.author,
        link=target.ref,
        link_label=target.label,
        link_type=memo.link_type,
        link_id=memo.link_id,
        created_at=memo.created_at,
        updated_at=memo.updated_at,
    )


def _link_choices(study: Study, current: LinkTarget | None) -> list[tuple[str, list[LinkTarget]]]:
    """What a new memo can be linked to, grouped for the form's select."""
    groups = [
        ("Documents", [LinkTarget("document", d.id, d.title, d.id) for d in study.documents()]),
        ("Codes", [LinkTarget("code", c.id, c.path) for c in study.codes()]),
        ("Participants", [LinkTarget("participant", p.id, p.label) for p in study.participants()]),
    ]
    if current is not None and current.type == "coding":
        groups.insert(0, ("Coding", [current]))
    return groups


# -- the page ------------------------------------------------------------------------------
def _page(
    request: Request, study: Study, link: str = "", kind: str = "", status: int = 200, **extra: Any
) -> Response:
    try:
        wanted = parse_link(link)
        target = study.memo_link(wanted) if wanted else None
    except ThematicError as error:
        extra.setdefault("link_error", str(error))
        wanted, target, status = None, None, status_of(error)
    everything = study.memos()
    targets = study.memo_links(everything)
    shown = study.memos(link=wanted, kind=kind or None) if wanted or kind else everything
    linked = {targets[(m.link_type, m.link_id)] for m in everything}
    filters = sorted((t for t in linked if t.exists), key=lambda t: (t.type, t.label))
    return page(
        request,
        study,
        "memos.html",
        status,
        memos=list(reversed(shown)),
        memo_html=memo_html,
        total=len(everything),
        targets=targets,
        target=target,
        link_filters=filters,
        link_choices=_link_choices(study, target),
        kind=kind,
        kinds=MEMO_KINDS,
        kind_names=KIND_NAMES,
        flash=request.session.pop("flash", None),
        **extra,
    )


def _done(request: Request, message: str, link: str = "") -> RedirectResponse:
    request.session["flash"] = message
    query = f"?link={quote(link)}" if link else ""
    return RedirectResponse(f"/memos{query}", status_code=303)


@router.get("/memos", include_in_schema=False)
def memos_page(request: Request, study: MemberStudy, link: str = "", kind: str = "") -> Response:
    return _page(request, study, link, kind)


@router.post("/memos", include_in_schema=False, dependencies=[CSRF])
def add_form(
    request: Request,
    study: MemberStudy,
    body: FormText = "",
    title: FormText = "",
    kind: FormText = "analytic",
    link: FormText = "",
    back: FormText = "",
    preview: FormText = "",
) -> Response:
    draft = {"body": body, "title": title, "kind": kind, "link": link}
    if preview:
        return _page(request, study, back, draft=draft, preview=memo_html(body))
    try:
        memo = study.add_memo(body, title=title, kind=kind, link=parse_link(link))
    except ThematicError as error:
        return _page(request, study, back, status=status_of(error), draft=draft, error=str(error))
    return _done(request, f"Saved the memo “{memo.title or 'untitled'}”.", back)


@router.post("/memos/{memo_id}", include_in_schema=False, dependencies=[CSRF])
def edit_form(
    request: Request,
    study: MemberStudy,
    memo_id: RowId,
    body: FormText = "",
    title: FormText = "",
    back: FormText = "",
) -> Response:
    try:
        memo = study.update_memo(memo_id, body=body, title=title)
    except ThematicError as error:
        return _page(request, study, back, status=status_of(error), error=str(error))
    return _done(request, f"Saved the memo “{memo.title or 'untitled'}”.", back)


@router.post("/memos/{memo_id}/delete", include_in_schema=False, dependencies=[CSRF])
def delete_form(
    request: Request, study: MemberStudy, memo_id: RowId, back: FormText = ""
) -> Response:
    try:
        study.delete_memo(memo_id)
    except ThematicError as error:
        return _page(request, study, back, status=status_of(error), error=str(error))
    return _done(request, "Deleted the memo.", back)


# -- the API -------------------------------------------------------------------------------
@router.get("/api/memos", tags=["memos"])
def api_memos(
    study: MemberStudy, link: str | None = None, kind: str | None = None
) -> list[MemoOut]:
    """Memos, oldest first; only those linked to ``link`` (``code:12``) or of ``kind``."""
    found = study.memos(link=parse_link(link), kind=kind or None)
    targets = study.memo_links(found)
    return [_out(m, targets[(m.link_type, m.link_id)]) for m in found]


@router.get("/api/memos/{memo_id}", tags=["memos"])
def api_memo(study: MemberStudy, memo_id: RowId) -> MemoOut:
    """One memo."""
    memo = study.memo(memo_id)
    return _out(memo, study.memo_links([memo])[(memo.link_type, memo.link_id)])


@router.post("/api/memos", tags=["memos"], status_code=201, dependencies=[CSRF])
def api_add(study: MemberStudy, body: MemoIn) -> MemoOut:
    """Write a memo (owner and coders), linked to the study or to one thing in it."""
    memo = study.add_memo(body.body, title=body.title, kind=body.kind, link=parse_link(body.link))
    return _out(memo, study.memo_links([memo])[(memo.link_type, memo.link_id)])


@router.post("/api/memos/preview", tags=["memos"])
def api_preview(study: MemberStudy, body: PreviewIn) -> PreviewOut:
    """Render Markdown as a memo shows it (safe HTML: raw HTML is escaped). Changes nothing."""
    return PreviewOut(html=str(memo_html(body.body)))


@router.patch("/api/memos/{memo_id}", tags=["memos"], dependencies=[CSRF])
def api_update(study: MemberStudy, memo_id: RowId, body: MemoChange) -> MemoOut:
    """Edit a memo's body or title (a coder only their own; the owner any)."""
    memo = study.update_memo(memo_id, body=body.body, title=body.title)
    return _out(memo, study.memo_links([memo])[(memo.link_type, memo.link_id)])


@router.delete("/api/memos/{memo_id}", tags=["memos"], status_code=204, dependencies=[CSRF])
def api_delete(study: MemberStudy, memo_id: RowId) -> Response:
    """Delete a memo (a coder only their own; the owner any)."""
    study.delete_memo(memo_id)
    return Response(status_code=204)
