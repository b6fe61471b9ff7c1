"""The study dashboard: documents coded, coders, participants, recent activity."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import Response

from thematic.web.deps import MemberStudy
from thematic.web.render import page

router = APIRouter()


@router.get("/", include_in_schema=False)
def dashboard(request: Request, study: MemberStudy) -> Response:
    summary = study.summary()
    return page(
        request,
        study,
        "dashboard.html",
        summary=summary,
        transcripts=summary["documents_by_kind"].get("transcript", 0),
        coded=summary["transcripts_coded"],
        activity=study.log(limit=15),
    )


@router.get("/api/study", tags=["study"])
def api_study(study: MemberStudy) -> dict[str, object]:
    """What the study holds: counts of participants, documents, codes, codings per coder."""
    return study.summary()
