"""What the analysis pages share, and two of them: Figures and Report.

The queries (``queries.py``), the framework matrix (``framework.py``) and the quotes
(``quotes.py``) use the helpers here: the scope every query takes (participant attributes as
``where=site=Karachi``, repeated, and the coding layer as ``coder``), downloads of any result
as CSV or XLSX (the page's own address plus ``format=csv|xlsx``), and figures as PNG or SVG.
"""

from __future__ import annotations

import re
import tempfile
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import urlencode

import pandas as pd
from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import RedirectResponse, Response
from matplotlib.figure import Figure

from thematic.analysis import exports, gather
from thematic.analysis import figures as plots
from thematic.errors import Invalid, NotFound
from thematic.formats.frames import write_frames
from thematic.study import Study
from thematic.web.deps import MemberStudy
from thematic.web.render import page, safe_path

router = APIRouter()

TableFormat = Literal["csv", "xlsx"]
ImageFormat = Literal["png", "svg"]
Near = Literal["overlap", "turn", "document"]
Level = Literal["theme", "subtheme", "code"]
Count = Literal["references", "participants", "documents", "characters"]
DownloadParam = Annotated[TableFormat | None, Query(alias="format")]
MEDIA = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "png": "image/png",
    "svg": "image/svg+xml",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "html": "text/html; charset=utf-8",
    "zip": "application/zip",
}
NEAR_WORDS = {
    "overlap": "the passages overlap",
    "turn": "in the same speaker turn",
    "document": "in the same document",
}
FEW_VALUES = 12  # an attribute of undeclared type with more values gets no filter


# -- the scope of a query ----------------------------------------------------------------------
@dataclass(frozen=True)
class QueryScope:
    """Which participants (``where``) and whose codings (``coder``) a query reads."""

    where: dict[str, str | list[str]] | None = None
    coder: str | None = None
    chosen: frozenset[str] = frozenset()  # the "name=value" filters, to mark them selected
    params: list[tuple[str, str]] = field(default_factory=list)  # to repeat in links

    @property
    def coder_value(self) -> str:
        return self.coder or ""


def parse_where(items: Sequence[str]) -> dict[str, str | list[str]] | None:
    """``["site=Karachi", "site=Lahore", "role=nurse"]`` to the Study API's ``where``."""
    where: dict[str, list[str]] = {}
    for item in items:
        if not item.strip():
            continue
        name, sep, value = item.partition("=")
        if not sep or not name.strip() or not value.strip():
            raise Invalid(f"write a filter as attribute=value, e.g. site=Karachi (not {item!r})")
        where.setdefault(name.strip(), []).append(value.strip())
    return {k: v[0] if len(v) == 1 else v for k, v in where.items()} or None


def query_scope(
    where: Annotated[list[str] | None, Query(description="attribute=value, repeatable")] = None,
    coder: Annotated[str, Query(description="a coder, 'all', or empty for the default")] = "",
) -> QueryScope:
    items = [w for w in where or [] if w.strip()]
    params = [("where", w) for w in items] + ([("coder", coder)] if coder else [])
    return QueryScope(parse_where(items), coder or None, frozenset(items), params)


Scope = Annotated[QueryScope, Depends(query_scope)]


@dataclass(frozen=True)
class Choice:
    """A participant attribute a query can be filtered by, with its values."""

    name: str
    values: list[str]


def attribute_choices(study: Study) -> list[Choice]:
    """Filters built from the participants' category attributes (in their own order).

    Numbers and dates (age, interview date) make no useful list; an attribute imported
    without a declared type gets a filter when it has a few values only.
    """
    seen: dict[str, set[str]] = {}
    for person in study.participants():
        for name, value in person.attributes.items():
            if value is not None and str(value).strip():
                seen.setdefault(name, set()).add(str(value))
    declared = {a.name: a for a in study.attributes()}
    choices = []
    for name, values in seen.items():
        kind = declared[name].type if name in declared else "text"
        if kind != "category" and (kind != "text" or len(values) > FEW_VALUES):
            continue
        order = [str(v) for v in declared[name].allowed] if name in declared else []
        known = [v for v in order if v in values]
        choices.append(Choice(name, known + sorted(values - set(known))))
    return choices


def attribute_label(name: str, value: object) -> str:
    """An attribute value as a label: "site" needs no name, "clinical responsibility" does."""
    text = str(value)
    plain = text.lower() in ("yes", "no", "true", "false") or text.replace(".", "").isdigit()
    return f"{name.replace('_', ' ')}: {text}" if plain else text


def layer_choices(study: Study) -> list[tuple[str, str]]:
    """The coding layers a query can read: (value, label)."""
    coded = study.summary()["codings_by_coder"]
    names = [c.name for c in study.coders() if c.name in coded]
    return [
        ("", "default layer (consensus when there is one)"),
        ("all", "all coders together"),
        *((name, name) for name in names),
    ]


def scope_context(study: Study, scope: QueryScope) -> dict[str, Any]:
    """What the filter form of every query page needs."""
    return {
        "choices": attribute_choices(study),
        "layers": layer_choices(study),
        "scope": scope,
    }


def analysis_page(
    request: Request, study: Study, template: str, tab: str, **context: Any
) -> Response:
    """Render an analysis page: its tab, the flash message and download links."""
    return page(
        request,
        study,
        template,
        tab=tab,
        flash=request.session.pop("flash", None),
        can_write=study.role in ("owner", "coder"),
        downloads=download_links(request),
        **context,
    )


# -- links -------------------------------------------------------------------------------------
def params_of(request: Request, drop: Sequence[str] = ("format",)) -> list[tuple[str, str]]:
    return [(k, v) for k, v in request.query_params.multi_items() if k not in drop]


def link(path: str, params: Sequence[tuple[str, Any]]) -> str:
    """A same-site address with a query string."""
    query = urlencode([(k, str(v)) for k, v in params])
    return f"{path}?{query}" if query else path


def download_links(request: Request) -> dict[str, str]:
    """This page's result as CSV and as XLSX: the same address with ``format``."""
    params = params_of(request)
    return {fmt: link(request.url.path, [*params, ("format", fmt)]) for fmt in ("csv", "xlsx")}


def images(request: Request, stem: str) -> dict[str, str]:
    """A figure of this page's result: shown (png), and downloads (png, svg)."""
    params = params_of(request)
    return {
        "src": link(f"{stem}.png", params),
        "png": link(f"{stem}.png", [*params, ("download", "1")]),
        "svg": link(f"{stem}.svg", params),
    }


@dataclass(frozen=True)
class Pager:
    """Which rows of a long result a page shows, and links to the pages before and after."""

    first: int  # 1-based number of the first row shown
    last: int
    total: int
    previous: str | None
    next: str | None


def paged(
    request: Request, frame: pd.DataFrame, number: int, size: int
) -> tuple[pd.DataFrame, Pager]:
    """Rows ``(number - 1) * size`` on of ``frame`` and the pager for them."""
    pages = max(1, -(-len(frame) // size))
    number = min(max(number, 1), pages)
    params = params_of(request, drop=("format", "page"))

    def to(n: int) -> str:
        return link(request.url.path, [*params, ("page", n)])

    start = (number - 1) * size
    shown = frame.iloc[start : start + size]
    pager = Pager(
        first=start + 1,
        last=start + len(shown),
        total=len(frame),
        previous=to(number - 1) if number > 1 else None,
        next=to(number + 1) if number < pages else None,
    )
    return shown, pager


def workspace_link(document_id: int, start: int, end: int) -> str:
    """The coding workspace opened at a passage (static/jump.js scrolls to it)."""
    return f"/documents/{int(document_id)}/code?at={int(start)}-{int(end)}"


def back_to(target: str, message: str, request: Request) -> RedirectResponse:
    request.session["flash"] = message
    return RedirectResponse(safe_path(target), status_code=303)


# -- downloads ---------------------------------------------------------------------------------
def file_name(stem: str, suffix: str) -> str:
    """A plain ASCII file name (it goes into a header)."""
    clean = re.sub(r"[^A-Za-z0-9._-]+", "-", stem).strip("-.") or "result"
    return f"{clean[:80]}.{suffix}"


def attachment(data: bytes, name: str, media: str, *, inline: bool = False) -> Response:
    disposition = "inline" if inline else "attachment"
    return Response(
        data,
        media_type=media,
        headers={"Content-Disposition": f'{disposition}; filename="{name}"'},
    )


def table_download(
    sheets: Mapping[str, pd.DataFrame],
    stem: str,
    fmt: TableFormat,
    about: Mapping[str, Any] | None = None,
) -> Response:
    """Tables as one XLSX (a sheet each) or, for one table, CSV (UTF-8 with BOM, for Excel)."""
    if fmt == "csv" and len(sheets) != 1:
        raise Invalid("CSV holds one table; download XLSX for several")
    with tempfile.TemporaryDirectory() as folder:
        target = Path(folder) / file_name(stem, fmt)
        write_frames(target, sheets, about=_plain_about(about or {}))
        data = target.read_bytes()
    return attachment(data, target.name, MEDIA[fmt])


def _plain_about(about: Mapping[str, Any]) -> dict[str, Any]:
    return {str(k): v for k, v in about.items() if v not in (None, "", [], {})}


def figure_study(study: Study, name: str, fmt: ImageFormat, download: bool) -> Study:
    """The study to draw figure ``name`` from: a PNG shown in the page stays in the app; a
    download or an SVG (always a download) leaves the study, so it is drawn from the
    de-identified view and recorded (Study.for_export)."""
    if download or fmt != "png":
        return study.for_export(f"figure {name}")
    return study


def figure_response(figure: Figure, fmt: ImageFormat, stem: str, download: bool) -> Response:
    """A figure as PNG (shown in the page) or SVG (always a download: it is a document)."""
    if fmt == "png":
        return attachment(
            plots.png_bytes(figure), file_name(stem, "png"), MEDIA["png"], inline=not download
        )
    return attachment(plots.svg_text(figure).encode("utf-8"), file_name(stem, "svg"), MEDIA["svg"])


# -- figures -----------------------------------------------------------------------------------
FIGURES = {
    "subthemes-by-participant": "Subthemes raised by each participant",
    "frequency-of-main-themes": "Frequency of main themes",
    "cooccurrence-of-subthemes": "Co-occurrence of subthemes",
}


def draw_figure(
    study: Study, name: str, scope: QueryScope, order_by: str | None, near: str
) -> Figure:
    """One of the report's figures for this scope (Invalid when there is nothing to draw)."""
    if name == "subthemes-by-participant":
        counts, people = gather.subthemes_by_participant_data(
            study, coder=scope.coder, where=scope.where
        )
        return plots.subthemes_by_participant(counts, people, order_by=order_by)
    if name == "frequency-of-main-themes":
        table, n = gather.theme_frequency_data(study, coder=scope.coder, where=scope.where)
        return plots.theme_frequency(table, n_participants=n)
    if name == "cooccurrence-of-subthemes":
        nodes, edges = gather.network_data(study, coder=scope.coder, where=scope.where, near=near)
        return plots.cooccurrence_network(nodes, edges)
    raise NotFound(f"no figure {name!r}: choose one of {', '.join(FIGURES)}")


def coded_counts(study: Study, scope: QueryScope) -> dict[str, int]:
    """References at the theme and subtheme levels and participants: can figures be drawn?"""
    themes = study.code_frequencies("theme", where=scope.where, coder=scope.coder)
    subthemes = study.code_frequencies("subtheme", where=scope.where, coder=scope.coder)
    return {
        "themes": int(themes["references"].sum()),
        "subthemes": int(subthemes["references"].sum()),
        "participants": len(themes.attrs.get("participants", [])),
    }


@router.get("/figures", include_in_schema=False)
def figures_page(
    request: Request,
    study: MemberStudy,
    scope: Scope,
    order_by: str | None = None,
    near: Near = "overlap",
) -> Response:
    choices = attribute_choices(study)
    order = gather.default_order(study.participants()) if order_by is None else order_by
    params = [*scope.params, ("order_by", order or ""), ("near", near)]
    counts = coded_counts(study, scope)
    return analysis_page(
        request,
        study,
        "figures.html",
        "figures",
        **scope_context(study, scope),
        order_by=order or "",
        near=near,
        order_choices=[c.name for c in choices],
        figures=FIGURES,
        counts=counts,
        images={
            name: {
                "src": link(f"/figures/{name}.png", params),
                "png": link(f"/figures/{name}.png", [*params, ("download", "1")]),
                "svg": link(f"/figures/{name}.svg", params),
            }
            for name in FIGURES
        },
    )


@router.get("/figures/{name}.{fmt}", include_in_schema=False)
def figure_image(
    study: MemberStudy,
    name: str,
    fmt: ImageFormat,
    scope: Scope,
    order_by: str = "",
    near: Near = "overlap",
    download: bool = False,
) -> Response:
    figure = draw_figure(
        figure_study(study, name, fmt, download), name, scope, order_by or None, near
    )
    return figure_response(figure, fmt, name, download)


# -- the report --------------------------------------------------------------------------------
REPORT_MEDIA = {"docx": MEDIA["docx"], "html": MEDIA["html"], "md": MEDIA["zip"]}


@router.get("/report", include_in_schema=False)
def report_page(request: Request, study: MemberStudy) -> Response:
    choices = attribute_choices(study)
    return analysis_page(
        request,
        study,
        "report.html",
        "report",
        order_choices=[c.name for c in choices],
        default_order=gather.default_order(study.participants()) or "",
        layers=layer_choices(study),
        themes=[c.path for c in study.codes() if c.depth == 0],
    )


@router.get("/report/download", include_in_schema=False)
def report_download(
    study: MemberStudy,
    fmt: Annotated[Literal["docx", "html", "md"], Query(alias="format")] = "docx",
    quotes: Annotated[int, Query(ge=0, le=10)] = 3,
    order_by: str = "",
    coder: str = "",
    figures: bool = True,
    identified: bool = False,
) -> Response:
    """The results report: DOCX for Word, one HTML file, or Markdown with its figures (zip).
    De-identified unless ``identified`` (owners only); refused while identifiers wait."""
    data, name = exports.report_bytes(
        study.for_export("report", identified=identified),
        fmt,
        coder=coder or None,
        quotes=quotes,
        order_by=order_by or None,
        include_figures=figures,
    )
    return attachment(data, name, REPORT_MEDIA[fmt])


@router.get("/report/tables.xlsx", include_in_schema=False)
def tables_download(study: MemberStudy, identified: bool = False) -> Response:
    """Participants, documents, codebook and every coding: a sheet each."""
    study = study.for_export("tables", identified=identified)
    about = {"study": study.setting("title", "") or "", "generated by": "thematic"}
    return table_download(exports.study_tables(study), "study-tables", "xlsx", about)


@router.get("/report/codings", include_in_schema=False)
def codings_download(
    study: MemberStudy,
    scope: Scope,
    fmt: Annotated[TableFormat, Query(alias="format")] = "xlsx",
    identified: bool = False,
) -> Response:
    """Every coding with its passage, participant attributes, code and coder."""
    study = study.for_export("codings", identified=identified)
    frame = study.codings_table(coder=scope.coder or "all", where=scope.where)
    return table_download({"Codings": frame}, "codings", fmt, dict(frame.attrs))
