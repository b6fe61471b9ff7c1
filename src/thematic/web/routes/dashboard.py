"""The study dashboard: the phase (the owner moves it), progress and what is left, documents
coded, coders, participants, recent activity."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response

from thematic.core.phases import PHASES
from thematic.study.phases import StudyStatus
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.render import page

router = APIRouter()


def _bar(done: int, whole: int) -> dict[str, int]:
    return {"done": done, "whole": whole, "percent": round(100 * done / whole) if whole else 0}


@router.get("/", include_in_schema=False)
def dashboard(request: Request, study: MemberStudy) -> Response:
    summary = study.summary()
    status = study.status()
    return page(
        request,
        study,
        "dashboard.html",
        summary=summary,
        transcripts=summary["documents_by_kind"].get("transcript", 0),
        coded=summary["transcripts_coded"],
        activity=study.log(limit=15) if study.role == "owner" else None,  # owner only
        status=status,
        phases=PHASES,
        history=study.phase_history()[-5:],
        bars=[
            (
                "Transcripts coded (consensus layer)",
                _bar(status.coded_consensus, status.transcripts),
            ),
            ("Double coding completed", _bar(status.double_coded, status.double_coding)),
            (
                "Discrepancies reconciled",
                _bar(status.reconciled, status.reconciled + status.open_discrepancies),
            ),
        ],
        flash=request.session.pop("flash", None),
    )


@router.post("/phase", include_in_schema=False, dependencies=[CSRF])
def set_phase_form(
    request: Request,
    study: MemberStudy,
    phase: Annotated[int, Form()],
    note: Annotated[str, Form()] = "",
) -> Response:
    current = study.set_phase(phase, note)
    request.session["flash"] = f"The study is now in phase {current.number}: {current.name}."
    return RedirectResponse("/", status_code=303)


@router.get("/api/study", tags=["study"])
def api_study(study: MemberStudy) -> dict[str, object]:
    """What the study holds: counts of participants, documents, codes, codings per coder."""
    return study.summary()


@router.get("/api/status", tags=["study"])
def api_status(study: MemberStudy) -> StudyStatus:
    """The phase, transcripts coded, double coding, reconciliation, memos per phase, and
    what is left, as sentences."""
    return study.status()
