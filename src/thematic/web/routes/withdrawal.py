"""A participant's withdrawal (owner only): the preview of everything that would go, then the
deletion, confirmed by typing the participant's label; and the list of earlier withdrawals.

The confirmation carries the preview's counts (hidden ``expected.<what>`` fields): when the
study changed since the owner read the preview, the Study API deletes nothing (Conflict) and
the page shows the fresh preview. The key passphrase is typed, never kept.
"""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import RedirectResponse, Response

from thematic.errors import Conflict, Invalid, PurgeFailed
from thematic.study import Study
from thematic.web.deps import CSRF, MemberStudy
from thematic.web.errors import status_of
from thematic.web.render import page

router = APIRouter()


async def _expected(request: Request) -> dict[str, int]:
    """The preview's counts sent back with the confirmation (``expected.<what>`` fields)."""
    form = await request.form()
    counts: dict[str, int] = {}
    for key, value in form.multi_items():
        if key.startswith("expected.") and isinstance(value, str):
            try:
                counts[key.removeprefix("expected.")] = int(value)
            except ValueError:
                raise Invalid(f"{key} must be a whole number") from None
    if not counts:
        raise Invalid("the preview's counts are missing: open the withdrawal page again")
    return counts


Expected = Annotated[dict[str, int], Depends(_expected)]


def _page(
    request: Request,
    study: Study,
    label: str,
    status_code: int = 200,
    *,
    key_passphrase: str = "",
    **context: Any,
) -> Response:
    preview = study.withdrawal_preview(label, key_passphrase=key_passphrase or None)
    has_key = study.has_key()
    return page(
        request,
        study,
        "withdrawal.html",
        status_code,
        label=label,
        preview=preview,
        counts=preview.counts(),
        has_key=has_key,
        needs_key=has_key and preview.key_entries is None,
        withdrawals=study.withdrawals(),
        **context,
    )


def _again(
    request: Request, study: Study, label: str, status_code: int, error: str, key_passphrase: str
) -> Response:
    """The preview again, with the key when its passphrase is right, and what went wrong."""
    try:
        return _page(request, study, label, status_code, key_passphrase=key_passphrase, error=error)
    except Invalid as wrong_key:
        return _page(request, study, label, status_of(wrong_key), error=str(wrong_key))


@router.get("/participants/{label}/withdraw", include_in_schema=False)
def withdraw_page(request: Request, study: MemberStudy, label: str) -> Response:
    return _page(request, study, label)


@router.post("/participants/{label}/withdraw/preview", include_in_schema=False, dependencies=[CSRF])
def preview_form(
    request: Request, study: MemberStudy, label: str, key_passphrase: Annotated[str, Form()]
) -> Response:
    """The preview with the pseudonym key opened, so its entries about them are counted."""
    return _again(request, study, label, 200, "", key_passphrase)


@router.post("/participants/{label}/withdraw", include_in_schema=False, dependencies=[CSRF])
def withdraw_form(
    request: Request,
    study: MemberStudy,
    label: str,
    expected: Expected,
    confirm: Annotated[str, Form()] = "",
    key_passphrase: Annotated[str, Form()] = "",
) -> Response:
    if confirm.strip() != label:
        message = f"Type {label} exactly to confirm the withdrawal. Nothing was deleted."
        return _again(request, study, label, 400, message, key_passphrase)
    try:
        record = study.withdraw(label, key_passphrase=key_passphrase or None, expected=expected)
    except PurgeFailed as error:  # deleted; only the purge is left to do
        request.session["flash"] = f"{error}."
        return RedirectResponse("/participants", status_code=303)
    except (Conflict, Invalid) as error:
        message = f"{error}. Nothing was deleted."
        return _again(request, study, label, status_of(error), message, key_passphrase)
    deleted = ", ".join(f"{n} {what}" for what, n in record.deleted.items() if n)
    message = f"Withdrawal {record.id} recorded: deleted {deleted or 'nothing'}."
    if backups := study.upgrade_backups():
        message += (
            f" Older copies of the study still hold their data: "
            f"{', '.join(b.name for b in backups)} (beside the study file). Delete them."
        )
    request.session["flash"] = message
    return RedirectResponse("/participants", status_code=303)


@router.get("/withdrawals", include_in_schema=False)
def withdrawals_page(request: Request, study: MemberStudy) -> Response:
    """The withdrawal records: when, who recorded it, how much went (not who withdrew)."""
    return page(request, study, "withdrawal.html", label=None, withdrawals=study.withdrawals())
