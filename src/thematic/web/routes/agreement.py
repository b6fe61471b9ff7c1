"""Double coding in the browser: the owner's assignments page and the discrepancy review the
team opens in its reconciliation meeting (accept, reject or adjust each discrepancy, side by
side with the text). Blind coding is enforced by the Study API underneath every page."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from thematic.core.spans import snippet
from thematic.study import Study
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.render import page, safe_path

router = APIRouter()
KIND_WORDS = {
    "only_one": "Only some coders applied it",
    "boundaries": "Different boundaries",
    "different_codes": "Different codes on this passage",
}


def _coders(study: Study, chosen: list[str] | None) -> tuple[list[str], list[str]]:
    """Everyone who codes, and the ones to compare (default: every coder, not the layers)."""
    people = [c.name for c in study.coders() if c.role in ("coder", "owner")]
    coding = study.summary()["codings_by_coder"]
    available = [name for name in people if name in coding]
    return available, chosen or available[:2]


def _done(request: Request, message: str, target: str) -> RedirectResponse:
    request.session["flash"] = message
    return RedirectResponse(target, status_code=303)


@router.get("/agreement", include_in_schema=False)
def agreement_page(
    request: Request,
    study: MemberStudy,
    coder: Annotated[list[str] | None, Query()] = None,
    code: str | None = None,
    where: str | None = None,
    coded_only: bool = False,
) -> Response:
    available, chosen = _coders(study, coder)
    filters = dict([where.split("=", 1)]) if where and "=" in where else None
    report = None
    if len(chosen) > 1 and study.double_coded(chosen):
        report = study.agreement(chosen, code=code or None, where=filters, coded_only=coded_only)
    return page(
        request,
        study,
        "agreement.html",
        title="Agreement",
        report=report,
        available=available,
        chosen=chosen,
        code=code or "",
        where=where or "",
        coded_only=coded_only,
        codes=[c.path for c in study.codes() if c.depth < 2],
    )


@router.get("/api/agreement", tags=["agreement"])
def api_agreement(
    study: MemberStudy,
    coder: Annotated[list[str], Query(min_length=2)],
    code: str | None = None,
    coded_only: bool = False,
) -> dict[str, Any]:
    """Agreement per code and overall between the coders on the documents they all coded."""
    report = study.agreement(coder, code=code, coded_only=coded_only)
    return {
        "coders": report.coders,
        "documents": report.documents,
        "coded_only": report.coded_only,
        "rows": report.records(),
    }


@router.get("/agreement/discrepancies", include_in_schema=False)
def review_page(
    request: Request,
    study: MemberStudy,
    coder: Annotated[list[str] | None, Query()] = None,
    document: int | None = None,
) -> Response:
    available, chosen = _coders(study, coder)
    rows = study.discrepancies(chosen, [document] if document else None) if len(chosen) > 1 else []
    texts = {r.document_id: study.document(r.document_id).text for r in rows}
    colours = {c.path: c.colour for c in study.codes()}
    items = [
        {
            "row": r,
            "words": KIND_WORDS[r.kind],
            "context": snippet(texts[r.document_id], r.start, r.end, 80),
            "colour": colours.get(r.code, "#999999"),
            "by_coder": {
                name: [texts[r.document_id][s:e] for s, e in spans]
                for name, spans in r.spans.items()
            },
        }
        for r in rows
    ]
    return page(
        request,
        study,
        "discrepancies.html",
        title="Discrepancy review",
        items=items,
        available=available,
        chosen=chosen,
        document=document,
        flash=request.session.pop("flash", None),
        open_count=sum(1 for r in rows if r.decision is None),
    )


@router.post("/agreement/decide", include_in_schema=False, dependencies=[CSRF])
def decide_form(
    request: Request,
    study: MemberStudy,
    document: Annotated[int, Form()],
    code: Annotated[str, Form()],
    start: Annotated[int, Form()],
    end: Annotated[int, Form()],
    decision: Annotated[str, Form()],
    back: Annotated[str, Form()] = "/agreement/discrepancies",
    span_start: Annotated[int | None, Form()] = None,
    span_end: Annotated[int | None, Form()] = None,
    note: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "",
) -> Response:
    span = (
        (span_start, span_end)
        if decision == "adjust" and span_start is not None and span_end is not None
        else None
    )
    made = study.decide(document, code, start, end, decision, span=span, note=note, kind=kind)
    return _done(request, f"{made.decision.capitalize()}ed: {made.code}.", safe_path(back))


@router.post("/agreement/adopt", include_in_schema=False, dependencies=[CSRF])
def adopt_form(
    request: Request, study: MemberStudy, coders: Annotated[list[str], Form()]
) -> Response:
    added = study.adopt_agreed(coders)
    query = "&".join(f"coder={c}" for c in coders)
    return _done(
        request,
        f"Added {added} agreed codings to the consensus layer.",
        f"/agreement/discrepancies?{query}",
    )


@router.get("/agreement/assignments", include_in_schema=False)
def assignments_page(request: Request, study: MemberStudy) -> Response:
    titles = {d.id: d.title for d in study.documents()}
    attributes = [a.name for a in study.attributes() if a.type == "category"]
    return page(
        request,
        study,
        "assignments.html",
        title="Double coding",
        assignments=study.assignments(),
        titles=titles,
        attributes=attributes,
        coders=[c.name for c in study.coders() if c.role == "coder"],
        blind=study.blind_coding,
        flash=request.session.pop("flash", None),
    )


@router.post("/agreement/assignments/draw", include_in_schema=False, dependencies=[CSRF])
def draw_form(
    request: Request,
    study: MemberStudy,
    coders: Annotated[list[str], Form()],
    fraction: Annotated[float, Form(gt=0, le=1)] = 0.25,
    stratify_by: Annotated[str, Form()] = "",
    seed: Annotated[int | None, Form()] = None,
) -> Response:
    made = study.draw_double_coding(coders, fraction, stratify_by=stratify_by or None, seed=seed)
    documents = len({a.document_id for a in made})
    return _done(
        request, f"Assigned {documents} documents to {', '.join(coders)}.", "/agreement/assignments"
    )


@router.post("/agreement/assignments/complete", include_in_schema=False, dependencies=[CSRF])
def complete_form(
    request: Request,
    study: MemberStudy,
    document: Annotated[int, Form()],
    coder: Annotated[str, Form()] = "",
) -> Response:
    done = study.complete_assignment(document, coder or None)
    return _done(
        request, f"{done.coder} finished document {done.document_id}.", "/agreement/assignments"
    )


@router.post("/agreement/blind", include_in_schema=False, dependencies=[CSRF])
def blind_form(
    request: Request, study: MemberStudy, on: Annotated[bool, Form()] = False
) -> Response:
    study.set_blind_coding(on)
    return _done(request, f"Blind coding is {'on' if on else 'off'}.", "/agreement/assignments")


class DecisionIn(BaseModel):
    """The team's decision on one discrepancy."""

    document_id: int = Field(ge=1)
    code: str
    start: int = Field(ge=0)
    end: int = Field(ge=1)
    decision: str
    span: tuple[int, int] | None = None
    note: str = ""


@router.get("/api/discrepancies", tags=["agreement"])
def api_discrepancies(
    study: MemberStudy,
    coder: Annotated[list[str], Query(min_length=2)],
    document: Annotated[list[int] | None, Query()] = None,
    code: str | None = None,
) -> list[dict[str, Any]]:
    """Every place the coders differ, with the team's decision where one was made."""
    rows = study.discrepancies(coder, document, code)
    return [
        {
            "document_id": r.document_id,
            "document": r.document,
            "participant": r.participant,
            "kind": r.kind,
            "code": r.code,
            "start": r.start,
            "end": r.end,
            "text": r.text,
            "spans": {k: [list(s) for s in v] for k, v in r.spans.items()},
            "other_codes": {k: list(v) for k, v in r.other_codes.items()},
            "decision": r.decision,
            "note": r.note,
        }
        for r in rows
    ]


@router.post("/api/decisions", tags=["agreement"], status_code=201, dependencies=[CSRF])
def api_decide(body: DecisionIn, study: MemberStudy) -> dict[str, Any]:
    """Accept, reject or adjust a discrepancy; the consensus layer changes with it."""
    made = study.decide(
        body.document_id,
        body.code,
        body.start,
        body.end,
        body.decision,
        span=body.span,
        note=body.note,
    )
    return {
        "id": made.id,
        "decision": made.decision,
        "code": made.code,
        "result": list(made.result) if made.result else None,
    }


@router.get("/api/assignments", tags=["agreement"])
def api_assignments(study: MemberStudy, coder: str | None = None) -> list[dict[str, Any]]:
    """Double-coding assignments and whether each is complete."""
    return [
        {
            "document_id": a.document_id,
            "coder": a.coder,
            "complete": a.complete,
            "completed_at": a.completed_at.isoformat() if a.completed_at else None,
        }
        for a in study.assignments(coder=coder)
    ]
