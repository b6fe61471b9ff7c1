"""The framework matrix (Gale et al. 2013) in the browser: participants down, the subthemes
of one theme across; each cell holds the coded passages (folded away) and the analyst's
summary, which coders and the owner write in place and viewers read. XLSX downloads lay it
out as Excel users expect, one sheet per theme."""

from __future__ import annotations

from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Form, Request
from fastapi.responses import Response
from pydantic import BaseModel, Field

from thematic.analysis import exports
from thematic.errors import Invalid
from thematic.study import Study
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.routes.analysis import (
    DownloadParam,
    QueryScope,
    Scope,
    analysis_page,
    attribute_choices,
    attribute_label,
    back_to,
    link,
    params_of,
    scope_context,
    table_download,
)

router = APIRouter()


def _grid(frame: pd.DataFrame, study: Study) -> dict[str, Any]:
    """The long framework frame as rows of cells, with each participant's attributes."""
    subthemes = list(dict.fromkeys(frame["subtheme"]))
    people = {p.label: p for p in study.participants()}
    cells: dict[str, dict[str, dict[str, Any]]] = {}
    for row in frame.to_dict("records"):
        passages = [p for p in str(row["passages"]).split("\n\n") if p.strip()]
        cells.setdefault(row["participant"], {})[row["subtheme"]] = {**row, "list": passages}
    names = [c.name for c in attribute_choices(study)]

    def attributes(label: str) -> list[str]:
        values = people[label].attributes if label in people else {}
        return [attribute_label(n, values[n]) for n in names if values.get(n) not in (None, "")]

    rows = [
        {
            "participant": label,
            "attributes": attributes(label),
            "cells": [by_subtheme[s] for s in subthemes],
        }
        for label, by_subtheme in cells.items()
    ]
    return {"subthemes": subthemes, "rows": rows}


def _framework(study: Study, scope: QueryScope, theme: str | None) -> pd.DataFrame:
    return study.framework(theme, where=scope.where, coder=scope.coder)


@router.get("/queries/framework", include_in_schema=False)
def framework_page(
    request: Request,
    study: MemberStudy,
    scope: Scope,
    theme: str = "",
    all_themes: bool = False,
    fmt: DownloadParam = None,
) -> Response:
    themes = [c.path for c in study.codes() if c.depth == 0]
    chosen = theme or (themes[0] if themes else "")
    if fmt:
        study = study.for_export("framework")
        frame = _framework(study, scope, None if all_themes or not chosen else chosen)
        if frame.empty:  # (exports.framework_sheets needs participants to lay it out)
            raise Invalid(
                "the framework matrix is empty: it needs subthemes and documents linked to "
                "participants"
            )
        about = {**frame.attrs, "coder": scope.coder or "default layer"}
        if fmt == "csv":
            return table_download({"Framework": frame}, "framework", fmt, about)
        sheets = exports.framework_sheets(frame, study)
        return table_download(sheets, "framework", fmt, about)
    frame = _framework(study, scope, chosen) if chosen else None
    params = params_of(request, drop=("format", "all_themes", "theme"))
    return analysis_page(
        request,
        study,
        "framework.html",
        "framework",
        **scope_context(study, scope),
        themes=themes,
        theme=chosen,
        grid=_grid(frame, study) if frame is not None else None,
        layer=frame.attrs.get("layer", "") if frame is not None else "",
        back=link(request.url.path, [*params, ("theme", chosen)]),
        every_theme=link(request.url.path, [*params, ("all_themes", "1"), ("format", "xlsx")]),
    )


@router.post("/queries/framework/summary", include_in_schema=False, dependencies=[CSRF])
def summary_form(
    request: Request,
    study: MemberStudy,
    participant: Annotated[str, Form()],
    code: Annotated[str, Form()],
    summary: Annotated[str, Form()] = "",
    back: Annotated[str, Form()] = "/queries/framework",
) -> Response:
    study.set_framework_summary(participant, code, summary)
    said = "Saved" if summary.strip() else "Cleared"
    return back_to(back, f"{said} the summary for {participant} / {code}.", request)


class SummaryIn(BaseModel):
    """The analyst's summary of one framework cell; an empty text clears it."""

    participant: str = Field(min_length=1)
    code: str = Field(min_length=1, description="the subtheme (id or path)")
    summary: str = ""


@router.put("/api/framework/summary", tags=["analysis"], dependencies=[CSRF])
def api_summary(body: SummaryIn, study: MemberStudy) -> dict[str, str]:
    """Write (or clear) the summary of a participant x subtheme cell of the framework."""
    study.set_framework_summary(body.participant, body.code, body.summary)
    return {
        "participant": body.participant,
        "code": body.code,
        "summary": study.framework_summary(body.participant, body.code),
    }
