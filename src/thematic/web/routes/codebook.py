"""The codebook page and API: the tree of themes, subthemes and codes; add, edit, move, delete;
theme development (merge, split, retire, each with a reason) and the codebook history."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections import Counter
from pathlib import Path
from typing import Annotated, Any, Literal
from urllib.parse import quote

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel, Field

from thematic import Code, ThematicError
from thematic.study import Study
from thematic.study.development import describe
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.errors import status_of
from thematic.web.render import page
from thematic.web.routes.analysis import MEDIA, attachment, file_name
from thematic.web.routes.documents import MAX_ID, RowId

router = APIRouter()

FormText = Annotated[str, Form()]


class CodeIn(BaseModel):
    """A code to add: a name, or a path whose missing levels are created too."""

    path: str = Field(min_length=1, examples=["Technological/Interoperability"])
    parent: int | str | None = Field(None, description="Id or path of the parent code")
    colour: str | None = Field(None, examples=["#E69F00"], description="#RRGGBB")
    definition: str = ""
    inclusion: str = ""
    exclusion: str = ""
    example: str = ""


class CodeChange(BaseModel):
    """Fields to change. Giving ``parent`` moves the code there (``null``: to the top level)."""

    name: str | None = None
    parent: int | str | None = None
    colour: str | None = None
    definition: str | None = None
    inclusion: str | None = None
    exclusion: str | None = None
    example: str | None = None


class CodeOut(BaseModel):
    """A node of the codebook tree with the number of codings made with it."""

    id: int
    name: str
    path: str
    parent_id: int | None
    depth: int
    colour: str
    definition: str
    inclusion: str
    exclusion: str
    example: str
    retired: bool
    codings: int


def _out(code: Code, counts: Counter[int]) -> CodeOut:
    return CodeOut(
        id=code.id,
        name=code.name,
        path=code.path,
        parent_id=code.parent_id,
        depth=code.depth,
        colour=code.colour,
        definition=code.definition,
        inclusion=code.inclusion,
        exclusion=code.exclusion,
        example=code.example,
        retired=code.retired,
        codings=counts[code.id],
    )


def _counts(study: Study) -> Counter[int]:
    return Counter(c.code_id for c in study.codings())


# -- the page ------------------------------------------------------------------------------
def _page(request: Request, study: Study, status: int = 200, **context: Any) -> Response:
    codes = study.codes()
    children: dict[int | None, list[Code]] = {}
    for code in codes:
        children.setdefault(code.parent_id, []).append(code)
    return page(
        request,
        study,
        "codebook.html",
        status,
        codes=codes,
        children=children,
        counts=_counts(study),
        flash=request.session.pop("flash", None),
        **context,
    )


def _done(request: Request, message: str, code_id: int | None = None) -> RedirectResponse:
    request.session["flash"] = message
    anchor = f"#code-{code_id}" if code_id else ""
    return RedirectResponse(f"/codebook{anchor}", status_code=303)


@router.get("/codebook", include_in_schema=False)
def codebook_page(request: Request, study: MemberStudy) -> Response:
    return _page(request, study)


@router.post("/codebook", include_in_schema=False, dependencies=[CSRF])
def add_form(
    request: Request,
    study: MemberStudy,
    name: FormText,
    parent: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
    own_colour: Annotated[bool, Form()] = False,
    colour: FormText = "",
    definition: FormText = "",
    inclusion: FormText = "",
    exclusion: FormText = "",
    example: FormText = "",
) -> Response:
    fields = dict(definition=definition, inclusion=inclusion, exclusion=exclusion, example=example)
    if own_colour:
        fields["colour"] = colour
    try:
        code = study.add_code(name, parent, **fields)
    except ThematicError as error:
        refill = {"name": name, "parent": parent, **fields}
        return _page(request, study, status_of(error), add_error=str(error), form_values=refill)
    return _done(request, f"Added “{code.path}”.", code.id)


@router.post("/codebook/{code_id}", include_in_schema=False, dependencies=[CSRF])
def edit_form(
    request: Request,
    study: MemberStudy,
    code_id: RowId,
    name: FormText,
    parent: Annotated[int | None, Form(ge=1, le=MAX_ID)] = None,
    colour: FormText = "",
    definition: FormText = "",
    inclusion: FormText = "",
    exclusion: FormText = "",
    example: FormText = "",
    reason: FormText = "",
) -> Response:
    fields = dict(definition=definition, inclusion=inclusion, exclusion=exclusion, example=example)
    if colour:
        fields["colour"] = colour
    try:
        code = study.update_code(code_id, name=name.strip(), parent=parent, reason=reason, **fields)
    except ThematicError as error:
        return _page(request, study, status_of(error), edit_error=str(error), open_code=code_id)
    return _done(request, f"Saved “{code.path}”.", code.id)


@router.post("/codebook/{code_id}/delete", include_in_schema=False, dependencies=[CSRF])
def delete_form(
    request: Request,
    study: MemberStudy,
    code_id: RowId,
    force: Annotated[bool, Form()] = False,
    reason: FormText = "",
) -> Response:
    try:
        path = study.code_by(code_id).path
        study.delete_code(code_id, force=force, reason=reason)
    except ThematicError as error:
        return _page(request, study, status_of(error), edit_error=str(error), open_code=code_id)
    return _done(request, f"Deleted “{path}”.")


@router.post("/codebook/{code_id}/merge", include_in_schema=False, dependencies=[CSRF])
def merge_form(
    request: Request,
    study: MemberStudy,
    code_id: RowId,
    target: Annotated[int, Form(ge=1, le=MAX_ID)],
    reason: FormText = "",
) -> Response:
    try:
        path = study.code_by(code_id).path
        merged = study.merge_codes(code_id, target, reason=reason)
    except ThematicError as error:
        return _page(request, study, status_of(error), edit_error=str(error), open_code=code_id)
    return _done(request, f"Merged “{path}” into “{merged.path}”.", merged.id)


@router.post("/codebook/{code_id}/retire", include_in_schema=False, dependencies=[CSRF])
def retire_form(
    request: Request,
    study: MemberStudy,
    code_id: RowId,
    retire: Annotated[bool, Form()] = True,
    reason: FormText = "",
) -> Response:
    try:
        if retire:
            code = study.retire_code(code_id, reason=reason)
        else:
            code = study.unretire_code(code_id, reason=reason)
    except ThematicError as error:
        return _page(request, study, status_of(error), edit_error=str(error), open_code=code_id)
    verb = "Retired" if retire else "Brought back"
    return _done(request, f"{verb} “{code.path}”.", code.id)


# -- split: choose the passages that go to the new code ------------------------------------
def _split_page(
    request: Request, study: Study, code_id: int, status: int = 200, **context: Any
) -> Response:
    code = study.code_by(code_id)
    texts: dict[int, tuple[str, str]] = {}
    passages = []
    for coding in study.codings(code=code.id):
        if coding.document_id not in texts:
            document = study.document(coding.document_id)
            texts[coding.document_id] = (document.title, document.text)
        title, text = texts[coding.document_id]
        passages.append(
            {"coding": coding, "document": title, "text": text[coding.start : coding.end]}
        )
    return page(
        request, study, "codebook_split.html", status, code=code, passages=passages, **context
    )


@router.get("/codebook/{code_id}/split", include_in_schema=False)
def split_page(request: Request, study: MemberStudy, code_id: RowId) -> Response:
    return _split_page(request, study, code_id)


@router.post("/codebook/{code_id}/split", include_in_schema=False, dependencies=[CSRF])
def split_form(
    request: Request,
    study: MemberStudy,
    code_id: RowId,
    name: FormText,
    coding: Annotated[list[int], Form(default_factory=list)],
    definition: FormText = "",
    reason: FormText = "",
) -> Response:
    try:
        made = study.split_code(code_id, name.strip(), coding, reason=reason, definition=definition)
    except ThematicError as error:
        refill = {"name": name, "definition": definition, "reason": reason, "chosen": coding}
        return _split_page(
            request, study, code_id, status_of(error), error=str(error), form_values=refill
        )
    moved = len(set(coding))
    return _done(request, f"Made “{made.path}” with {moved} passages.", made.id)


# -- the codebook history ------------------------------------------------------------------
@router.get("/codebook/history", include_in_schema=False)
def history_page(
    request: Request,
    study: MemberStudy,
    code: Annotated[str, Query(max_length=1000)] = "",
    fmt: Annotated[Literal["html", "csv", "xlsx"], Query(alias="format")] = "html",
) -> Response:
    ref = code.strip() or None
    if fmt != "html":
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / file_name("codebook-history", fmt)
            study.export_codebook_history(target, ref)
            return attachment(target.read_bytes(), target.name, MEDIA[fmt])
    return _history_page(request, study, ref)


def _history_page(
    request: Request, study: Study, ref: str | None, status: int = 200, **context: Any
) -> Response:
    changes = study.codebook_history(ref)
    query = f"&code={quote(ref)}" if ref else ""
    return page(
        request,
        study,
        "codebook_history.html",
        status,
        rows=[(c, describe(c)) for c in reversed(changes)],
        codes=study.codes(),
        chosen=ref or "",
        downloads={f: f"/codebook/history?format={f}{query}" for f in ("csv", "xlsx")},
        today=dt.date.today().isoformat(),
        **context,
    )


@router.get("/codebook/history/codebook", include_in_schema=False)
def codebook_then(
    request: Request,
    study: MemberStudy,
    at: Annotated[str, Query(min_length=1, max_length=40)],
    fmt: Annotated[Literal["yaml", "csv", "xlsx"], Query(alias="format")] = "yaml",
) -> Response:
    """The codebook as it stood at the end of a date, as a download."""
    try:
        with tempfile.TemporaryDirectory() as folder:
            target = Path(folder) / file_name(f"codebook-{at}", fmt)
            study.export_codebook_at(target, at)
            data = target.read_bytes()
    except ThematicError as error:
        return _history_page(request, study, None, status_of(error), at_error=str(error), at=at)
    return attachment(data, target.name, MEDIA.get(fmt, "application/yaml"))


# -- the API -------------------------------------------------------------------------------
@router.get("/api/codes", tags=["codebook"])
def api_codes(study: MemberStudy) -> list[CodeOut]:
    """Every code in tree order (a theme, then its subthemes and codes, depth first)."""
    counts = _counts(study)
    return [_out(c, counts) for c in study.codes()]


@router.get("/api/codes/{code_id}", tags=["codebook"])
def api_code(study: MemberStudy, code_id: RowId) -> CodeOut:
    """One code."""
    return _out(study.code_by(code_id), _counts(study))


@router.post("/api/codes", tags=["codebook"], status_code=201, dependencies=[CSRF])
def api_add(study: MemberStudy, body: CodeIn) -> CodeOut:
    """Add a code (owner and coders); a path creates its missing levels. Duplicates are 409."""
    fields = body.model_dump(exclude={"path", "parent"}, exclude_none=True)
    return _out(study.add_code(body.path, body.parent, **fields), Counter())


@router.patch("/api/codes/{code_id}", tags=["codebook"], dependencies=[CSRF])
def api_update(study: MemberStudy, code_id: RowId, body: CodeChange) -> CodeOut:
    """Rename a code, change its fields, or move it under ``parent`` (a cycle is 409)."""
    fields = body.model_dump(exclude_unset=True)
    name = fields.pop("name", None)
    parent = fields.pop("parent", ...)
    changes = {k: v for k, v in fields.items() if v is not None}
    code = study.update_code(code_id, name=name, parent=parent, **changes)
    return _out(code, _counts(study))


@router.delete("/api/codes/{code_id}", tags=["codebook"], status_code=204, dependencies=[CSRF])
def api_delete(study: MemberStudy, code_id: RowId, force: bool = False) -> Response:
    """Delete a code. With children or codings it needs ``force=true``, and they go too (409
    otherwise)."""
    study.delete_code(code_id, force=force)
    return Response(status_code=204)
