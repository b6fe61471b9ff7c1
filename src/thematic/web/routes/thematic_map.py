"""The thematic map: the figure of themes, subthemes and the relations the team drew, the
list of relations with their memos, and forms to add and remove relations (owner, coders)."""

from __future__ import annotations

import datetime as dt
import zlib
from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from thematic.analysis.thematic_map import map_data, thematic_map
from thematic.study.phases import Relation
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.render import page
from thematic.web.routes.analysis import ImageFormat, back_to, figure_response

router = APIRouter()


@router.get("/map", include_in_schema=False)
def map_page(request: Request, study: MemberStudy) -> Response:
    relations = study.relations()
    memo_ids = {r.memo_id for r in relations if r.memo_id is not None}
    memos = {m.id: m for m in study.memos() if m.id in memo_ids}
    choices = [c for c in study.codes() if c.depth <= 1]
    return page(
        request,
        study,
        "thematic_map.html",
        relations=relations,
        memos=memos,
        choices=choices,
        has_themes=any(c.depth == 0 for c in choices),
        can_write=study.role in ("owner", "coder"),
        # The image's address changes with the relations, so a browser never shows a stale map.
        version=zlib.crc32(repr([(r.id, r.source, r.target) for r in relations]).encode()),
        flash=request.session.pop("flash", None),
    )


@router.get("/map.{fmt}", include_in_schema=False)
def map_image(study: MemberStudy, fmt: ImageFormat, download: bool = Query(False)) -> Response:
    themes, relations = map_data(study)
    figure = thematic_map(themes, relations, title=_title(study))
    return figure_response(figure, fmt, "thematic-map", download)


def _title(study: MemberStudy) -> str:
    title = str(study.setting("title", "") or "")
    return f"Thematic map: {title}" if title else "Thematic map"


@router.post("/map/relations", include_in_schema=False, dependencies=[CSRF])
def relate_form(
    request: Request,
    study: MemberStudy,
    source: Annotated[int, Form()],
    target: Annotated[int, Form()],
    label: Annotated[str, Form()],
    memo: Annotated[str, Form()] = "",
) -> Response:
    made = study.relate(source, target, label, memo=memo or None)
    return back_to("/map", f"Added: {made.source} {made.label} {made.target}.", request)


@router.post("/map/relations/{relation_id}/remove", include_in_schema=False, dependencies=[CSRF])
def unrelate_form(request: Request, study: MemberStudy, relation_id: int) -> Response:
    study.unrelate(relation_id)
    return back_to("/map", "Removed the relation (its memo stays).", request)


# -- the JSON API ------------------------------------------------------------------------------
class RelationIn(BaseModel):
    """A relation to draw from one theme or subtheme to another."""

    source: int | str = Field(description="a code id or path")
    target: int | str = Field(description="a code id or path")
    label: str = Field(min_length=1, max_length=300)
    memo: int | str | None = Field(None, description="a memo id, or a new memo's text")


class RelationOut(BaseModel):
    id: int
    source_id: int
    source: str
    target_id: int
    target: str
    label: str
    memo_id: int | None
    created_by: str
    created_at: dt.datetime


def _out(relation: Relation) -> RelationOut:
    return RelationOut(
        id=relation.id,
        source_id=relation.source_id,
        source=relation.source,
        target_id=relation.target_id,
        target=relation.target,
        label=relation.label,
        memo_id=relation.memo_id,
        created_by=relation.created_by,
        created_at=relation.created_at,
    )


@router.get("/api/relations", tags=["analysis"])
def api_relations(study: MemberStudy) -> list[RelationOut]:
    """The relations on the thematic map, in the order they were drawn."""
    return [_out(r) for r in study.relations()]


@router.post("/api/relations", tags=["analysis"], status_code=201, dependencies=[CSRF])
def api_relate(body: RelationIn, study: MemberStudy) -> RelationOut:
    """Draw a relation on the thematic map."""
    return _out(study.relate(body.source, body.target, body.label, memo=body.memo))


@router.delete(
    "/api/relations/{relation_id}", tags=["analysis"], status_code=204, dependencies=[CSRF]
)
def api_unrelate(relation_id: int, study: MemberStudy) -> Response:
    """Remove a relation from the thematic map (its memo stays)."""
    study.unrelate(relation_id)
    return Response(status_code=204)
