"""The query pages an NVivo user expects: text search, word frequency, coding query, matrix
coding query and co-occurrence. Each page is a GET form, so a result has an address that can
be bookmarked or sent to a colleague; the same address with ``format=csv`` or ``format=xlsx``
downloads the whole result, and the matrix and co-occurrence pages show their figure from an
image address with the same parameters."""

from __future__ import annotations

import unicodedata
from typing import Annotated, Any

import pandas as pd
from fastapi import APIRouter, Query, Request
from fastapi.responses import RedirectResponse, Response

from thematic.analysis import figures as plots
from thematic.errors import Invalid, NotFound
from thematic.study import Study
from thematic.web.deps import MemberStudy
from thematic.web.routes.analysis import (
    NEAR_WORDS,
    Count,
    DownloadParam,
    ImageFormat,
    Level,
    Near,
    QueryScope,
    Scope,
    analysis_page,
    attribute_label,
    figure_response,
    figure_study,
    images,
    link,
    paged,
    params_of,
    scope_context,
    table_download,
    workspace_link,
)

router = APIRouter()

WIDTH = 50  # characters of context either side of a search hit
SHOWN = 200  # rows shown on a page (the pager shows the rest); downloads hold every row
Page = Annotated[int, Query(ge=1)]
COUNT_WORDS = {
    "references": "coded passages",
    "participants": "participants with a coded passage",
    "documents": "documents with a coded passage",
    "characters": "characters coded",
}
Codes = Annotated[list[str] | None, Query()]


def _about(frame: pd.DataFrame, scope: QueryScope, **asked: Any) -> dict[str, Any]:
    """What was asked, for the About sheet of a download."""
    return {**asked, **dict(frame.attrs), "coder": scope.coder or "default layer"}


def _codes(study: Study) -> list[str]:
    return [c.path for c in study.codes()]


@router.get("/queries", include_in_schema=False)
def queries_home() -> Response:
    return RedirectResponse("/queries/search", status_code=303)


# -- text search -------------------------------------------------------------------------------
@router.get("/queries/search", include_in_schema=False)
def search_page(
    request: Request,
    study: MemberStudy,
    scope: Scope,
    q: str = "",
    page: Page = 1,
    fmt: DownloadParam = None,
) -> Response:
    if fmt:
        if not q.strip():
            raise Invalid("type something to search for first")
        study = study.for_export("query search")
        frame = study.search(q, where=scope.where, width=WIDTH)
        return table_download({"Search": frame}, "search", fmt, _about(frame, scope))
    frame, error = None, None
    if q.strip():
        try:
            frame = study.search(q, where=scope.where, width=WIDTH)
        except Invalid as problem:
            error = str(problem)
    shown, pager = paged(request, frame if frame is not None else pd.DataFrame(), page, SHOWN)
    hits = shown.to_dict("records")
    for hit in hits:
        hit["href"] = workspace_link(hit["document_id"], hit["start"], hit["end"])
        hit["rtl"] = right_to_left(f"{hit['match']} {hit['left']}")
    return analysis_page(
        request,
        study,
        "query_search.html",
        "search",
        **scope_context(study, scope),
        q=q,
        error=error,
        hits=hits,
        pager=pager,
        documents=0 if frame is None else frame.attrs.get("documents", 0),
    )


def right_to_left(text: str) -> bool:
    """Whether the first letter of ``text`` is written right to left (Urdu, Arabic, ...).

    A hit in an Urdu transcript reads from right to left across its row: the words before
    it go on its right and the words after it on its left.
    """
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind in ("R", "AL"):
            return True
        if kind == "L":
            return False
    return False


# -- word frequency ----------------------------------------------------------------------------
@router.get("/queries/words", include_in_schema=False)
def words_page(
    request: Request,
    study: MemberStudy,
    scope: Scope,
    limit: Annotated[int, Query(ge=1, le=5000)] = 100,
    min_length: Annotated[int, Query(ge=1, le=30)] = 2,
    all_words: bool = False,
    fmt: DownloadParam = None,
) -> Response:
    if fmt:
        study = study.for_export("query words")
    frame = study.word_frequencies(
        where=scope.where, limit=limit, stop_words=not all_words, min_length=min_length
    )
    if fmt:
        about = _about(frame, scope, limit=limit, min_length=min_length, stop_words=not all_words)
        return table_download({"Words": frame}, "word-frequency", fmt, about)
    search = [*scope.params]
    return analysis_page(
        request,
        study,
        "query_words.html",
        "words",
        **scope_context(study, scope),
        rows=frame.to_dict("records"),
        note=frame.attrs.get("scope", ""),
        limit=limit,
        min_length=min_length,
        all_words=all_words,
        search_link=lambda word: link("/queries/search", [("q", word), *search]),
    )


# -- coding query ------------------------------------------------------------------------------
def _run_coding(study: Study, scope: QueryScope, code: str, combine: dict[str, Any]) -> Any:
    return study.coding_query(
        code,
        all_of=combine["all_of"],
        any_of=combine["any_of"],
        none_of=combine["none_of"],
        near=combine["near"],
        where=scope.where,
        coder=scope.coder,
    )


def _passages(
    frame: pd.DataFrame, pinned: set[tuple[int, int, int]], shown: list[str]
) -> list[dict[str, Any]]:
    """Rows of a coding query as the page shows them, with the participant's attributes."""
    names = [n for n in shown if n in frame.columns]
    rows = []
    for row in frame.to_dict("records"):
        key = (int(row["document_id"]), int(row["start"]), int(row["end"]))
        row["attributes"] = [(n, attribute_label(n, row[n])) for n in names if row[n]]
        row["href"] = workspace_link(*key)
        row["pinned"] = key in pinned
        rows.append(row)
    return rows


@router.get("/queries/coding", include_in_schema=False)
def coding_page(
    request: Request,
    study: MemberStudy,
    scope: Scope,
    code: str = "",
    all_of: Annotated[list[str] | None, Query(alias="and")] = None,
    any_of: Annotated[list[str] | None, Query(alias="or")] = None,
    none_of: Annotated[list[str] | None, Query(alias="not")] = None,
    near: Near = "overlap",
    page: Page = 1,
    fmt: DownloadParam = None,
) -> Response:
    combine = {
        "all_of": [c for c in all_of or [] if c],
        "any_of": [c for c in any_of or [] if c],
        "none_of": [c for c in none_of or [] if c],
        "near": near,
    }
    if fmt:
        if not code:
            raise Invalid("choose a code to query first")
        study = study.for_export("query coding")
        frame = _run_coding(study, scope, code, combine)
        return table_download({"Coding query": frame}, "coding-query", fmt, _about(frame, scope))
    context = scope_context(study, scope)
    frame, error, rows, pager = None, None, [], None
    if code:
        try:
            frame = _run_coding(study, scope, code, combine)
            pinned = {(q.document_id, q.start, q.end) for q in study.pinned_quotes(code)}
            shown, pager = paged(request, frame, page, SHOWN)
            names = [c.name for c in context["choices"]]
            rows = _passages(shown, pinned, names)
        except (Invalid, NotFound) as problem:
            error = str(problem)
    return analysis_page(
        request,
        study,
        "query_coding.html",
        "coding",
        **context,
        codes=_codes(study),
        code=code,
        combine=combine,
        near_words=NEAR_WORDS,
        error=error,
        rows=rows,
        pager=pager,
        people=0 if frame is None else frame["participant"].replace("", pd.NA).nunique(),
        document_count=0 if frame is None else frame["document_id"].nunique(),
        layer=frame.attrs.get("layer", "") if frame is not None else "",
        back=link(request.url.path, params_of(request)),
    )


# -- matrix coding query -----------------------------------------------------------------------
def _column_choices(study: Study) -> list[str]:
    names = {n for p in study.participants() for n in p.attributes}
    ordered = [a.name for a in study.attributes() if a.name in names]
    return ["participant", "document", *ordered, *sorted(names - set(ordered))]


def _matrix(study: Study, scope: QueryScope, rows: str, columns: str, count: str) -> pd.DataFrame:
    return study.matrix(rows, columns, count=count, where=scope.where, coder=scope.coder)


@router.get("/queries/matrix", include_in_schema=False)
def matrix_page(
    request: Request,
    study: MemberStudy,
    scope: Scope,
    rows: Level = "subtheme",
    columns: str = "participant",
    count: Count = "references",
    fmt: DownloadParam = None,
) -> Response:
    if fmt:
        study = study.for_export("query matrix")
        frame = _matrix(study, scope, rows, columns, count)
        about = _about(frame, scope, rows=rows)
        return table_download({"Matrix": frame}, f"matrix-{rows}-by-{columns}", fmt, about)
    frame, error = None, None
    try:
        frame = _matrix(study, scope, rows, columns, count)
    except (Invalid, NotFound) as problem:
        error = str(problem)
    drawable = frame is not None and frame.shape[0] > 0 and frame.shape[1] > 0
    return analysis_page(
        request,
        study,
        "query_matrix.html",
        "matrix",
        **scope_context(study, scope),
        rows=rows,
        columns=columns,
        count=count,
        counts=COUNT_WORDS,
        column_choices=_column_choices(study),
        frame=frame,
        error=error,
        images=images(request, "/queries/matrix") if drawable else None,
    )


@router.get("/queries/matrix.{fmt}", include_in_schema=False)
def matrix_image(
    study: MemberStudy,
    scope: Scope,
    fmt: ImageFormat,
    rows: Level = "subtheme",
    columns: str = "participant",
    count: Count = "references",
    download: bool = False,
) -> Response:
    study = figure_study(study, "matrix", fmt, download)
    frame = _matrix(study, scope, rows, columns, count)
    title = f"{rows.capitalize()}s by {columns}"
    figure = plots.matrix_heatmap(frame, value=COUNT_WORDS[count], title=title)
    return figure_response(figure, fmt, f"matrix-{rows}-by-{columns}", download)


# -- co-occurrence -----------------------------------------------------------------------------
def _labels(paths: list[str], names: list[str]) -> list[str]:
    """Short names for the figure; the path after the theme where a name is used twice."""
    twice = {n for n in names if names.count(n) > 1}
    return [p.split("/", 1)[-1] if n in twice else n for p, n in zip(paths, names, strict=True)]


def _network(
    study: Study, scope: QueryScope, level: str, near: str
) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Nodes and edges of the co-occurrence figure at any level of the codebook."""
    frequencies = study.code_frequencies(level, where=scope.where, coder=scope.coder)
    paths = [str(p) for p in frequencies.index]
    labels = _labels(paths, [str(n) for n in frequencies["name"]])
    nodes = pd.DataFrame(
        {
            "theme": frequencies["theme"].to_numpy(),
            "references": frequencies["references"].to_numpy(),
        },
        index=pd.Index(labels),
    )
    label_of = dict(zip(paths, labels, strict=True))
    pairs = study.cooccurrence(level, near=near, where=scope.where, coder=scope.coder)
    edges = pd.DataFrame(
        {
            "a": [label_of[a] for a in pairs["a"]],
            "b": [label_of[b] for b in pairs["b"]],
            "count": pairs["count"].astype(int).to_numpy(),
        }
    )
    return nodes, edges


@router.get("/queries/cooccurrence", include_in_schema=False)
def cooccurrence_page(
    request: Request,
    study: MemberStudy,
    scope: Scope,
    level: Level = "subtheme",
    near: Near = "overlap",
    fmt: DownloadParam = None,
) -> Response:
    if fmt:
        study = study.for_export("query cooccurrence")
    frame = study.cooccurrence(level, near=near, where=scope.where, coder=scope.coder)
    if fmt:
        about = _about(frame, scope)
        return table_download({"Co-occurrence": frame}, f"cooccurrence-{level}", fmt, about)
    coded = study.code_frequencies(level, where=scope.where, coder=scope.coder)
    drawable = len(coded) > 0 and int(coded["references"].sum()) > 0
    return analysis_page(
        request,
        study,
        "query_cooccurrence.html",
        "cooccurrence",
        **scope_context(study, scope),
        level=level,
        near=near,
        near_words=NEAR_WORDS,
        pairs=frame.to_dict("records"),
        images=images(request, "/queries/cooccurrence") if drawable else None,
    )


@router.get("/queries/cooccurrence.{fmt}", include_in_schema=False)
def cooccurrence_image(
    study: MemberStudy,
    scope: Scope,
    fmt: ImageFormat,
    level: Level = "subtheme",
    near: Near = "overlap",
    download: bool = False,
) -> Response:
    study = figure_study(study, "cooccurrence", fmt, download)
    nodes, edges = _network(study, scope, level, near)
    figure = plots.cooccurrence_network(nodes, edges, title=f"Co-occurrence of {level}s")
    return figure_response(figure, fmt, f"cooccurrence-{level}", download)
