"""The de-identification review page (owner only): scan the texts for identifiers; accept,
reject or edit each proposal, or mark one the detectors missed; apply the accepted ones; the
report of what was replaced, without the original values (CSV or XLSX).

The key passphrase is typed into each form that opens the pseudonym key (scan, apply, add)
and is never kept: a session is a signed cookie, not an encrypted one. The Study API checks
the owner's role, so everyone else gets the 403 page.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from typing import Annotated, Any, Literal

import pandas as pd
from fastapi import APIRouter, Form, Request
from fastapi.responses import Response

from thematic.core.deidentify import KINDS
from thematic.core.models import Document, Proposal
from thematic.core.spans import nfc
from thematic.errors import Invalid, NotFound, ThematicError
from thematic.study import Study
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.errors import status_of
from thematic.web.render import page
from thematic.web.routes.analysis import TableFormat, back_to, table_download
from thematic.web.routes.queries import right_to_left
from thematic.web.routes.workspace import RTL_LANGUAGES

router = APIRouter()

STATUSES = ("proposed", "accepted", "rejected", "applied")
WIDTH = 60  # code points of context either side of an identifier
Status = Literal["", "proposed", "accepted", "rejected", "applied"]
Passphrase = Annotated[str, Form()]
Back = Annotated[str, Form()]


def _context(text: str, start: int, end: int) -> dict[str, str]:
    """The identifier (or, once applied, its replacement) with the words around it."""
    left, right = max(0, start - WIDTH), min(len(text), end + WIDTH)
    return {
        "before": ("…" if left else "") + text[left:start],
        "mark": text[start:end],
        "after": text[end:right] + ("…" if right < len(text) else ""),
    }


def _rtl(document: Document | None) -> bool:
    return bool(document and (document.language or "").split("-")[0] in RTL_LANGUAGES)


def _groups(
    proposals: Sequence[Proposal], documents: dict[int, Document], memos: dict[int, str]
) -> list[dict[str, Any]]:
    """Proposals by document (or memo) in text order, each with its passage in context."""
    groups: dict[str, dict[str, Any]] = {}
    for proposal in proposals:
        document = documents.get(proposal.document_id or 0)
        text = document.text if document else memos.get(proposal.memo_id or 0, "")
        group = groups.setdefault(
            proposal.where, {"where": proposal.where, "document": document, "rows": []}
        )
        context = _context(text, proposal.start, proposal.end)
        rtl = _rtl(document) or right_to_left(context["mark"])
        group["rows"].append({"p": proposal, **context, "rtl": rtl})
    return list(groups.values())


def _pieces(text: str, proposals: Sequence[Proposal]) -> list[dict[str, Any]]:
    """A document cut at its proposals, for the passage view (one piece per run of text)."""
    marked = sorted(
        (p for p in proposals if p.status != "rejected"), key=lambda p: (p.start, p.end)
    )
    pieces, at = [], 0
    for proposal in marked:
        if proposal.start < at:
            continue
        if proposal.start > at:
            pieces.append({"start": at, "text": text[at : proposal.start], "p": None})
        pieces.append(
            {"start": proposal.start, "text": text[proposal.start : proposal.end], "p": proposal}
        )
        at = proposal.end
    if at < len(text):
        pieces.append({"start": at, "text": text[at:], "p": None})
    return pieces


def _page(
    request: Request,
    study: Study,
    status_code: int = 200,
    *,
    status: str = "",
    kind: str = "",
    where: str = "",
    passage: int | None = None,
    error: str | None = None,
) -> Response:
    everything = study.proposals(context=False)  # owner only: the others get Forbidden here
    documents = {d.id: d for d in study.documents()}
    memos = {m.id: nfc(m.body) for m in study.memos()} if any(p.memo_id for p in everything) else {}
    shown = [
        p
        for p in everything
        if (not status or p.status == status)
        and (not kind or p.kind == kind)
        and (not where or p.where == where)
    ]
    if passage is not None and passage not in documents:
        raise NotFound(f"no document {passage}")
    key_file = study.key_file()
    return page(
        request,
        study,
        "deidentify.html",
        status_code,
        groups=_groups(shown, documents, memos),
        shown=len(shown),
        counts=dict(Counter(p.status for p in everything)),
        statuses=STATUSES,
        kinds=KINDS,
        found_kinds=sorted({p.kind for p in everything}),
        wheres=list(dict.fromkeys(p.where for p in everything)),
        filters={"status": status, "kind": kind, "where": where},
        documents=list(documents.values()),
        passage=documents.get(passage or 0),
        passage_rtl=_rtl(documents.get(passage or 0)),
        pieces=_pieces(documents[passage].text, [p for p in everything if p.document_id == passage])
        if passage is not None
        else [],
        key_file=key_file,
        key_exists=bool(key_file and key_file.exists()),
        has_key=study.has_key(),
        report=study.deidentification_report(),
        error=error,
        flash=request.session.pop("flash", None),
    )


def _failed(request: Request, study: Study, error: ThematicError) -> Response:
    """The page again with what went wrong (the passphrase is never echoed back)."""
    return _page(request, study, status_of(error), error=str(error))


@router.get("/deidentify", include_in_schema=False)
def deidentify_page(
    request: Request,
    study: MemberStudy,
    status: Status = "",
    kind: str = "",
    where: str = "",
    passage: int | None = None,
) -> Response:
    return _page(request, study, status=status, kind=kind, where=where, passage=passage)


@router.post("/deidentify/scan", include_in_schema=False, dependencies=[CSRF])
def scan_form(
    request: Request,
    study: MemberStudy,
    key_passphrase: Passphrase,
    memos: Annotated[bool, Form()] = False,
    places: Annotated[bool, Form()] = False,
    model: Annotated[Literal["auto", "none"], Form()] = "auto",
) -> Response:
    try:
        result = study.scan_identifiers(
            key_passphrase=key_passphrase,
            memos=memos,
            places=places,
            model=None if model == "none" else "auto",
        )
    except ThematicError as error:
        return _failed(request, study, error)
    found = sum(result.proposals.values())
    by_kind = ", ".join(f"{n} {k}" for k, n in sorted(result.proposals.items()))
    return back_to(
        "/deidentify#review",
        f"Scanned {result.documents} documents and {result.memos} memos: {found} new proposals"
        f"{f' ({by_kind})' if by_kind else ''}. Looked with {', '.join(result.detectors)}; "
        f"{result.model_status}.",
        request,
    )


@router.post("/deidentify/{proposal_id}/decide", include_in_schema=False, dependencies=[CSRF])
def decide_form(
    request: Request,
    study: MemberStudy,
    proposal_id: int,
    decision: Annotated[Literal["accept", "reject"], Form()],
    back: Back = "/deidentify",
) -> Response:
    study.decide_proposals([proposal_id], decision)
    word = "Accepted" if decision == "accept" else "Rejected"
    return back_to(f"{back}#proposal-{proposal_id}", f"{word} proposal {proposal_id}.", request)


def _optional_int(value: str, name: str) -> int | None:
    if not value.strip():
        return None
    try:
        return int(value)
    except ValueError:
        raise Invalid(f"{name} must be a whole number (got {value!r})") from None


@router.post("/deidentify/{proposal_id}/edit", include_in_schema=False, dependencies=[CSRF])
def edit_form(
    request: Request,
    study: MemberStudy,
    proposal_id: int,
    replacement: Annotated[str, Form()] = "",
    start: Annotated[str, Form()] = "",
    end: Annotated[str, Form()] = "",
    back: Back = "/deidentify",
) -> Response:
    try:
        edited = study.edit_proposal(
            proposal_id,
            replacement=replacement if replacement.strip() else None,
            start=_optional_int(start, "start"),
            end=_optional_int(end, "end"),
        )
    except ThematicError as error:
        return _failed(request, study, error)
    return back_to(
        f"{back}#proposal-{proposal_id}",
        f"Proposal {proposal_id} edited and accepted: {edited.replacement}.",
        request,
    )


@router.post("/deidentify/bulk", include_in_schema=False, dependencies=[CSRF])
def bulk_form(
    request: Request,
    study: MemberStudy,
    decision: Annotated[Literal["accept", "reject"], Form()],
    kind: Annotated[str, Form()] = "",
    back: Back = "/deidentify",
) -> Response:
    """Every proposal still undecided (of one kind, or all) accepted or rejected at once."""
    changed = study.decide_undecided(decision, kind=kind or None)
    word = "Accepted" if decision == "accept" else "Rejected"
    what = f" {kind}" if kind else ""
    return back_to(back, f"{word} {changed} undecided{what} proposals.", request)


@router.post("/deidentify/add", include_in_schema=False, dependencies=[CSRF])
def add_form(
    request: Request,
    study: MemberStudy,
    document: Annotated[int, Form()],
    start: Annotated[int, Form(ge=0)],
    end: Annotated[int, Form(ge=0)],
    kind: Annotated[str, Form()],
    replacement: Annotated[str, Form()] = "",
    key_passphrase: Passphrase = "",
) -> Response:
    try:
        added = study.add_proposal(
            document,
            start,
            end,
            kind,
            replacement.strip() or None,
            key_passphrase=key_passphrase,
        )
    except ThematicError as error:
        return _failed(request, study, error)
    return back_to(
        f"/deidentify?passage={document}#proposal-{added.id}",
        f"Marked {end - start} characters as {kind}, to become {added.replacement} (accepted).",
        request,
    )


@router.post("/deidentify/apply", include_in_schema=False, dependencies=[CSRF])
def apply_form(
    request: Request,
    study: MemberStudy,
    key_passphrase: Passphrase,
    confirm: Annotated[bool, Form()] = False,
) -> Response:
    try:
        if not confirm:
            raise Invalid("tick the box to confirm: replacing the identifiers cannot be undone")
        applied = study.apply_deidentification(key_passphrase=key_passphrase)
    except ThematicError as error:
        return _failed(request, study, error)
    if not applied:
        return back_to("/deidentify", "Nothing to apply: accept some proposals first.", request)
    by_kind = ", ".join(f"{n} {k}" for k, n in sorted(applied.items()))
    return back_to(
        "/deidentify#report",
        f"Replaced {sum(applied.values())} identifiers ({by_kind}); codings moved with them.",
        request,
    )


@router.get("/deidentify/report.{fmt}", include_in_schema=False)
def report_download(study: MemberStudy, fmt: TableFormat) -> Response:
    """What was replaced where, by kind, with the labels used: never the original values."""
    rows = study.deidentification_report()
    frame = pd.DataFrame(rows, columns=["where", "kind", "replacements", "labels", "applied"])
    frame["applied"] = [f"{v:%Y-%m-%d %H:%M}" if v is not None else "" for v in frame["applied"]]
    about = {"study": study.setting("title", "") or "", "what": "de-identification report"}
    return table_download({"De-identification": frame}, "deidentification-report", fmt, about)
