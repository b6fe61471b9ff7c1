"""The documents page and API: list, filter by kind, upload with progress, link translations.

Uploads are limited to ``app.state.max_upload_bytes`` by :class:`UploadRoute` (413 otherwise),
saved under their own names in a temporary folder, and imported in one call to
``Study.import_files``: the whole batch lands or none of it does.
"""

from __future__ import annotations

import dataclasses
import re
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Coroutine, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, Any, Literal

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi import Path as PathParam
from fastapi.exceptions import HTTPException
from fastapi.responses import RedirectResponse, Response
from fastapi.routing import APIRoute
from pydantic import BaseModel, Field
from starlette.types import Message, Receive

from thematic import Coding, Document, Invalid, ThematicError
from thematic.formats.transcripts import SUPPORTED_EXTENSIONS
from thematic.study import AUTO, KINDS, Study
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.errors import status_of
from thematic.web.render import page

__all__ = ["MAX_ID", "RowId", "UploadRoute", "router", "saved_uploads"]

# Row ids are 32-bit integers in the schema: a larger number is refused at the boundary (400)
# rather than reaching the database driver, which cannot bind it.
MAX_ID = 2**31 - 1
RowId = Annotated[int, PathParam(ge=1, le=MAX_ID)]
FormId = Annotated[int | None, Form(ge=1, le=MAX_ID)]


# -- uploads: size limit and temporary files (the participants page uses these too) ----------
def _size(limit: int) -> str:
    if limit >= 1024 * 1024:
        return f"{limit / (1024 * 1024):.0f} MB"
    return f"{limit / 1024:.0f} KB" if limit >= 1024 else f"{limit} bytes"


class UploadTooLarge(HTTPException):
    """413: the request body is over the app's upload limit."""

    def __init__(self, limit: int) -> None:
        super().__init__(
            413,
            f"the upload is larger than the limit of {_size(limit)}; "
            "upload fewer or smaller files at a time",
        )


def _counting(receive: Receive, limit: int) -> Receive:
    seen = 0

    async def counted() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise UploadTooLarge(limit)
        return message

    return counted


class UploadRoute(APIRoute):
    """A route whose request body may not exceed ``app.state.max_upload_bytes``.

    Checked twice: the declared Content-Length before anything is read, and the bytes as they
    stream in (a client may send no length, or a wrong one), so a large upload is refused
    before it fills the disk.
    """

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def limited(request: Request) -> Response:
            limit: int = request.app.state.max_upload_bytes
            declared = request.headers.get("content-length", "")
            if declared.isdigit() and int(declared) > limit:
                raise UploadTooLarge(limit)
            return await handler(Request(request.scope, _counting(request.receive, limit)))

        return limited


def upload_name(filename: str | None) -> str:
    """The file name the browser sent, without any folder part (so never a path elsewhere)."""
    name = re.split(r"[\\/]", filename or "")[-1].strip()
    if name in ("", ".", "..") or "\x00" in name:
        raise Invalid("an uploaded file has no usable name")
    if len(name.encode()) > 200:
        raise Invalid(f"the file name {name[:40]}... is too long; rename the file and retry")
    return name


@contextmanager
def saved_uploads(uploads: Sequence[UploadFile]) -> Iterator[list[Path]]:
    """The uploads saved under their own names in a temporary folder, removed afterwards.

    The Study API names a file by its path in errors; the temporary folder is cut from those
    messages so the researcher reads ``P07.docx: not a readable Word .docx file``.
    """
    with tempfile.TemporaryDirectory(prefix="thematic-upload-") as folder:
        paths = []
        for number, upload in enumerate(uploads):
            path = Path(folder, str(number), upload_name(upload.filename))
            path.parent.mkdir()
            with path.open("wb") as out:
                shutil.copyfileobj(upload.file, out)
            paths.append(path)
        try:
            yield paths
        except ThematicError as error:
            error.args = (re.sub(re.escape(folder) + r"[\\/]\d+[\\/]", "", str(error)),)
            raise


router = APIRouter(route_class=UploadRoute)


# -- JSON shapes ---------------------------------------------------------------------------
class DocumentBase(BaseModel):
    """What every view of a document says about it."""

    id: int
    title: str
    kind: str
    language: str | None
    participant: str | None
    translation_of: int | None
    source_format: str

    @staticmethod
    def fields_of(doc: Document) -> dict[str, object]:
        """The shared fields, taken from a Study API document."""
        return {name: getattr(doc, name) for name in DocumentBase.model_fields}


class DocumentSummary(DocumentBase):
    """A document as listed: no text."""

    words: int
    turns: int
    coded_by: list[str] = Field(default_factory=list)


class TurnOut(BaseModel):
    """A speaker turn: offsets (code points, end exclusive), speaker, times in seconds."""

    start: int
    end: int
    speaker: str | None
    time_start: float | None
    time_end: float | None


class DocumentDetail(DocumentBase):
    """One document with its text and speaker turns."""

    text: str
    turns: list[TurnOut]


class DocumentChange(BaseModel):
    """Fields to change; ``participant: ""`` and ``translation_of: ""`` remove the link."""

    title: str | None = None
    kind: str | None = None
    language: str | None = None
    participant: str | None = None
    translation_of: Annotated[int, Field(ge=1, le=MAX_ID)] | Literal[""] | None = None


def _summary(doc: Document, coded_by: dict[int, list[str]]) -> DocumentSummary:
    return DocumentSummary(
        **DocumentBase.fields_of(doc),
        words=len(doc.text.split()),
        turns=len(doc.turns),
        coded_by=coded_by.get(doc.id, []),
    )


def _coded_by(codings: list[Coding]) -> dict[int, list[str]]:
    pairs = Counter((c.document_id, c.coder) for c in codings)
    found: dict[int, list[str]] = {}
    for document_id, coder in sorted(pairs):
        found.setdefault(document_id, []).append(coder)
    return found


def _import(
    study: Study,
    uploads: list[UploadFile],
    participant: str,
    kind: str,
    language: str,
    translation_of: int | None,
) -> list[Document]:
    chosen = [u for u in uploads if u.filename]
    if not chosen:
        raise Invalid("choose one or more files to upload")
    with saved_uploads(chosen) as paths:
        return study.import_files(
            paths,
            participant=participant or None,
            kind=kind or None,
            language=language or None,
            translation_of=translation_of,
        )


# -- the page ------------------------------------------------------------------------------
def _page(request: Request, study: Study, status: int = 200, **context: Any) -> Response:
    documents = study.documents()
    kind = context.pop("kind", "")
    return page(
        request,
        study,
        "documents.html",
        status,
        documents=documents,
        shown=[d for d in documents if not kind or d.kind == kind],
        kind=kind,
        kinds=KINDS,
        auto=AUTO,
        coded_by=_coded_by(study.codings()),
        participants=[p.label for p in study.participants()],
        suffixes=SUPPORTED_EXTENSIONS,
        max_upload_bytes=request.app.state.max_upload_bytes,
        max_upload=_size(request.app.state.max_upload_bytes),
        flash=request.session.pop("flash", None),
        **context,
    )


def _done(request: Request, message: str) -> RedirectResponse:
    request.session["flash"] = message
    return RedirectResponse("/documents", status_code=303)


@router.get("/documents", include_in_schema=False)
def documents_page(
    request: Request, study: MemberStudy, kind: str = "", imported: int = 0
) -> Response:
    if imported > 0:  # pages.js comes back here after an upload through the API
        request.session["flash"] = f"Imported {_count(imported)}."
    return _page(request, study, kind=kind)


@router.post("/documents/upload", include_in_schema=False, dependencies=[CSRF])
def upload_form(
    request: Request,
    study: MemberStudy,
    files: Annotated[list[UploadFile], File()],
    participant: Annotated[str, Form()] = "",
    kind: Annotated[str, Form()] = "transcript",
    language: Annotated[str, Form()] = "",
    translation_of: FormId = None,
) -> Response:
    try:
        imported = _import(study, files, participant, kind, language, translation_of)
    except ThematicError as error:
        return _page(request, study, status_of(error), upload_error=str(error))
    return _done(request, f"Imported {_count(len(imported))}.")


@router.post("/documents/link", include_in_schema=False, dependencies=[CSRF])
def link_form(
    request: Request,
    study: MemberStudy,
    document: Annotated[int, Form(ge=1, le=MAX_ID)],
    translation_of: FormId = None,
) -> Response:
    try:
        doc = study.update_document(document, translation_of=translation_of or "")
    except ThematicError as error:
        return _page(request, study, status_of(error), link_error=str(error))
    if doc.translation_of is None:
        return _done(request, f"“{doc.title}” is no longer linked to an original.")
    return _done(request, f"“{doc.title}” is now linked to its original.")


@router.post("/documents/{document_id}/delete", include_in_schema=False, dependencies=[CSRF])
def delete_form(request: Request, study: MemberStudy, document_id: RowId) -> Response:
    try:
        title = study.document(document_id).title
        study.delete_document(document_id)
    except ThematicError as error:
        return _page(request, study, status_of(error), list_error=str(error))
    return _done(request, f"Deleted “{title}” and its codings.")


def _count(number: int) -> str:
    return "1 document" if number == 1 else f"{number} documents"


# -- the API -------------------------------------------------------------------------------
@router.get("/api/documents", tags=["documents"])
def api_documents(study: MemberStudy, kind: str | None = None) -> list[DocumentSummary]:
    """Documents in import order (optionally of one kind), with who has coded each."""
    coded_by = _coded_by(study.codings())
    return [_summary(d, coded_by) for d in study.documents(kind=kind or None)]


@router.get("/api/documents/{document_id}", tags=["documents"])
def api_document(study: MemberStudy, document_id: RowId) -> DocumentDetail:
    """One document with its text and speaker turns (offsets: code points, NFC text)."""
    doc = study.document(document_id)
    return DocumentDetail(
        **DocumentBase.fields_of(doc),
        text=doc.text,
        turns=[TurnOut(**dataclasses.asdict(t)) for t in doc.turns],
    )


@router.post("/api/documents", tags=["documents"], status_code=201, dependencies=[CSRF])
def api_upload(
    study: MemberStudy,
    files: Annotated[list[UploadFile], File(description="Files: .txt .md .docx .vtt .srt")],
    participant: Annotated[
        str, Form(description="A participant label, 'auto' (found in each file name) or empty")
    ] = "",
    kind: Annotated[str, Form(description="transcript, field_note or other")] = "transcript",
    language: Annotated[str, Form(description="A language code such as en or ur")] = "",
    translation_of: Annotated[
        int | None, Form(ge=1, le=MAX_ID, description="Id of the original")
    ] = None,
) -> list[DocumentSummary]:
    """Upload one or more documents. All are stored, or none is (the error names each bad file)."""
    imported = _import(study, files, participant, kind, language, translation_of)
    return [_summary(d, {}) for d in imported]


@router.patch("/api/documents/{document_id}", tags=["documents"], dependencies=[CSRF])
def api_update(study: MemberStudy, document_id: RowId, body: DocumentChange) -> DocumentSummary:
    """Change a document's title, kind, language, participant or original (never its text)."""
    doc = study.update_document(document_id, **body.model_dump(exclude_unset=True))
    return _summary(doc, _coded_by(study.codings(document=doc.id)))


@router.delete(
    "/api/documents/{document_id}", tags=["documents"], status_code=204, dependencies=[CSRF]
)
def api_delete(study: MemberStudy, document_id: RowId) -> Response:
    """Delete a document with its speaker turns and codings."""
    study.delete_document(document_id)
    return Response(status_code=204)
