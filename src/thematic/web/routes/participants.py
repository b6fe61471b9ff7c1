"""The participants page and API: attributes, eligibility and consent; add one, import a sheet.

Sorting and filtering the table happen in the browser (static/pages.js) over the rendered rows.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from fastapi import APIRouter, Depends, File, Form, Request, UploadFile
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from thematic import Invalid, Participant, ThematicError
from thematic.study import Study
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.errors import status_of
from thematic.web.render import page
from thematic.web.routes.documents import UploadRoute, saved_uploads

router = APIRouter(route_class=UploadRoute)

AttributeValue = str | int | float | dt.date | None


class ParticipantIn(BaseModel):
    """A participant to add: a label and attribute values by attribute name."""

    label: str = Field(min_length=1, max_length=100, examples=["P07"])
    attributes: dict[str, str | int | float | None] = Field(
        default_factory=dict, examples=[{"site": "Karachi", "years_clinical_experience": 4}]
    )


class ConsentOut(BaseModel):
    """The latest consent record."""

    date: dt.date
    form_version: str
    note: str


class ParticipantOut(BaseModel):
    """A participant with typed attribute values and the outcome of screening."""

    id: int
    label: str
    attributes: dict[str, AttributeValue]
    eligible: bool
    failed_criteria: list[str]
    consent: ConsentOut | None


def _out(p: Participant) -> ParticipantOut:
    consent = p.consent
    return ParticipantOut(
        id=p.id,
        label=p.label,
        attributes=p.attributes,
        eligible=p.eligible,
        failed_criteria=list(p.failed_criteria),
        consent=ConsentOut(date=consent.date, form_version=consent.form_version, note=consent.note)
        if consent
        else None,
    )


def _import_sheet(study: Study, sheet: UploadFile) -> list[Participant]:
    if not sheet.filename:
        raise Invalid("choose a .csv or .xlsx sheet to import")
    with saved_uploads([sheet]) as paths:
        return study.import_participants(paths[0])


async def _attribute_fields(request: Request) -> dict[str, str]:
    """The add form's ``attr.<name>`` fields that were filled in."""
    form = await request.form()
    return {
        key.removeprefix("attr."): value.strip()
        for key, value in form.items()
        if key.startswith("attr.") and isinstance(value, str) and value.strip()
    }


AttributeFields = Annotated[dict[str, str], Depends(_attribute_fields)]


# -- the page ------------------------------------------------------------------------------
def _page(request: Request, study: Study, status: int = 200, **context: Any) -> Response:
    participants = study.participants()
    return page(
        request,
        study,
        "participants.html",
        status,
        participants=participants,
        eligible=sum(1 for p in participants if p.eligible),
        attributes=study.attributes(),
        criteria=study.criteria(),
        flash=request.session.pop("flash", None),
        **context,
    )


def _done(request: Request, message: str) -> RedirectResponse:
    request.session["flash"] = message
    return RedirectResponse("/participants", status_code=303)


@router.get("/participants", include_in_schema=False)
def participants_page(request: Request, study: MemberStudy) -> Response:
    return _page(request, study)


@router.post("/participants", include_in_schema=False, dependencies=[CSRF])
def add_form(
    request: Request, study: MemberStudy, label: Annotated[str, Form()], values: AttributeFields
) -> Response:
    try:
        added = study.add_participant(label, values)
    except ThematicError as error:
        return _page(
            request,
            study,
            status_of(error),
            add_error=str(error),
            form_label=label,
            form_values=values,
        )
    return _done(request, f"Added participant {added.label}.")


@router.post("/participants/import", include_in_schema=False, dependencies=[CSRF])
def import_form(
    request: Request, study: MemberStudy, file: Annotated[UploadFile, File()]
) -> Response:
    try:
        imported = _import_sheet(study, file)
    except ThematicError as error:
        return _page(request, study, status_of(error), import_error=str(error))
    labels = [p.label for p in imported]
    shown = ", ".join(labels[:12]) + (", ..." if len(labels) > 12 else "")
    count = "1 participant" if len(labels) == 1 else f"{len(labels)} participants"
    return _done(request, f"Imported {count} from {file.filename}: {shown}.")


# -- the API -------------------------------------------------------------------------------
@router.get("/api/participants", tags=["participants"])
def api_participants(study: MemberStudy) -> list[ParticipantOut]:
    """Every participant with attributes, eligibility (and why not) and latest consent."""
    return [_out(p) for p in study.participants()]


@router.post("/api/participants", tags=["participants"], status_code=201, dependencies=[CSRF])
def api_add(study: MemberStudy, body: ParticipantIn) -> ParticipantOut:
    """Add a participant (owner only); values are checked against the attribute types."""
    return _out(study.add_participant(body.label, body.attributes))


@router.post(
    "/api/participants/import", tags=["participants"], status_code=201, dependencies=[CSRF]
)
def api_import(
    study: MemberStudy,
    file: Annotated[UploadFile, File(description="A .csv or .xlsx sheet, one row per participant")],
) -> list[ParticipantOut]:
    """Import a participant sheet (owner only): every row lands, or none (the error names it)."""
    return [_out(p) for p in _import_sheet(study, file)]
