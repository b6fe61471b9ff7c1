"""Request dependencies: the logged-in member's view of the study, and CSRF protection.

Sessions are Starlette's signed cookies (itsdangerous), HttpOnly and SameSite=Lax. Every
request that changes something must carry the session's CSRF token, as the ``X-CSRF-Token``
header (the JavaScript and API clients) or a ``csrf_token`` form field (HTML forms).
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request

from thematic.errors import Forbidden, NotFound
from thematic.study import Study
from thematic.web.errors import LoginRequired, SetupRequired

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def csrf_token(request: Request) -> str:
    """The session's CSRF token, made on first use."""
    token = request.session.get("csrf")
    if not token:
        token = secrets.token_urlsafe(32)
        request.session["csrf"] = token
    return str(token)


async def check_csrf(request: Request) -> None:
    """Refuse a change that does not carry the session's CSRF token (403)."""
    if request.method in SAFE_METHODS:
        return
    expected = request.session.get("csrf")
    sent = request.headers.get("x-csrf-token")
    if sent is None and request.headers.get("content-type", "").startswith(
        ("application/x-www-form-urlencoded", "multipart/form-data")
    ):
        form = await request.form()
        value = form.get("csrf_token")
        sent = value if isinstance(value, str) else None
    if not expected or not sent or not hmac.compare_digest(str(expected), sent):
        raise Forbidden("missing or wrong CSRF token; reload the page and try again")


def root_study(request: Request) -> Study:
    """The study as the server opened it (owner rights): only for log-in and set-up."""
    study: Study = request.app.state.study
    return study


def member_study(request: Request) -> Iterator[Study]:
    """The study as the logged-in member; pages redirect to log-in without one."""
    root = root_study(request)
    name = request.session.get("user")
    if not name:
        if not root.has_accounts():
            raise SetupRequired()
        raise LoginRequired()
    try:
        study = root.as_user(str(name))
    except NotFound:  # the member was removed since logging in
        request.session.clear()
        raise LoginRequired() from None
    yield study


MemberStudy = Annotated[Study, Depends(member_study)]
RootStudy = Annotated[Study, Depends(root_study)]
CSRF = Depends(check_csrf)
