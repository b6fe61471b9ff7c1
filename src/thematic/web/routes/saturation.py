"""The Saturation page: codes discovered interview by interview, the saturation point by
Guest et al. (2020) or Francis et al. (2010), the same over random interview orders, Chao2,
and a paragraph for the methods section. A GET form like the query pages: the address holds
the parameters, ``format=csv|xlsx`` downloads the interview table, and the figure comes from
``/saturation.png`` (or ``.svg``) with the same parameters."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Annotated, Any, Literal

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import Response

from thematic.analysis.saturation_plot import saturation_curve
from thematic.errors import Invalid, NotFound
from thematic.study import Study
from thematic.study.saturation import SaturationReport
from thematic.web.deps import MemberStudy
from thematic.web.routes.analysis import (
    DownloadParam,
    ImageFormat,
    Level,
    analysis_page,
    figure_response,
    figure_study,
    images,
    layer_choices,
    table_download,
)

router = APIRouter()

Method = Literal["guest", "francis"]
Small = Annotated[int, Query(ge=1, le=500)]


@dataclass(frozen=True)
class SaturationParams:
    """The form's choices, as the Study API takes them."""

    method: Method = "guest"
    level: Level = "code"
    coder: str = ""
    base: int = 4
    run: int = 2
    threshold: float = 0.05
    initial: int = 10
    stop: int = 3
    orderings: int = 1000
    seed: int = 0

    def report(self, study: Study) -> SaturationReport:
        asked = asdict(self)
        method = asked.pop("method")
        asked["coder"] = self.coder or None
        return study.saturation(method, **asked)


def saturation_params(
    method: Method = "guest",
    level: Level = "code",
    coder: str = "",
    base: Small = 4,
    run: Small = 2,
    threshold: Annotated[float, Query(ge=0, le=1)] = 0.05,
    initial: Small = 10,
    stop: Small = 3,
    orderings: Annotated[int, Query(ge=1, le=10_000)] = 1000,
    seed: Annotated[int, Query(ge=0)] = 0,
) -> SaturationParams:
    return SaturationParams(
        method, level, coder, base, run, threshold, initial, stop, orderings, seed
    )


Params = Annotated[SaturationParams, Depends(saturation_params)]


@router.get("/saturation", include_in_schema=False)
def saturation_page(
    request: Request, study: MemberStudy, params: Params, fmt: DownloadParam = None
) -> Response:
    if fmt:
        report = params.report(study.for_export("saturation"))
        frame = report.to_dataframe()
        about: dict[str, Any] = {**frame.attrs, "statement": report.statement()}
        return table_download({"Saturation": frame}, "saturation", fmt, about)
    report, error = None, None
    try:
        report = params.report(study)
    except (Invalid, NotFound) as problem:
        error = str(problem)
    return analysis_page(
        request,
        study,
        "saturation.html",
        "saturation",
        params=params,
        layers=layer_choices(study),
        report=report,
        rows=report.to_dataframe().to_dict("records") if report else [],
        error=error,
        images=images(request, "/saturation") if report and report.interviews else None,
    )


@router.get("/saturation.{fmt}", include_in_schema=False)
def saturation_image(
    study: MemberStudy, params: Params, fmt: ImageFormat, download: bool = False
) -> Response:
    report = params.report(figure_study(study, "saturation", fmt, download))
    if not report.interviews:
        raise NotFound("no interviews to plot: import transcripts first")
    figure = saturation_curve(report)
    return figure_response(figure, fmt, f"saturation-{report.method}-{report.level}", download)
