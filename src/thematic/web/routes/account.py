"""Set-up of the first owner, log-in and log-out, and the owner's page of members."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import RedirectResponse, Response
from pydantic import BaseModel

from thematic.errors import Forbidden, ThematicError
from thematic.study import ROLES
from thematic.web.deps import CSRF, MemberStudy, RootStudy
from thematic.web.errors import status_of
from thematic.web.render import page, safe_path

router = APIRouter()


def _bare(request: Request, template: str, status: int = 200, **context: object) -> Response:
    templates = request.app.state.templates
    return templates.TemplateResponse(request, template, context, status_code=status)


@router.get("/setup", include_in_schema=False)
def setup_form(request: Request, study: RootStudy) -> Response:
    if study.has_accounts():
        return RedirectResponse("/login", status_code=303)
    return _bare(request, "setup.html", title=study.setting("title", ""))


@router.post("/setup", include_in_schema=False, dependencies=[CSRF])
def setup(
    request: Request,
    study: RootStudy,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
) -> Response:
    try:
        owner = study.create_first_owner(name, password)
    except ThematicError as error:
        return _bare(request, "setup.html", status_of(error), error=str(error), name=name)
    request.session["user"] = owner.name
    return RedirectResponse("/", status_code=303)


@router.get("/login", include_in_schema=False)
def login_form(request: Request, study: RootStudy, next: str = "/") -> Response:
    if not study.has_accounts():
        return RedirectResponse("/setup", status_code=303)
    return _bare(request, "login.html", next=safe_path(next), title=study.setting("title", ""))


@router.post("/login", include_in_schema=False, dependencies=[CSRF])
def login(
    request: Request,
    study: RootStudy,
    name: Annotated[str, Form()],
    password: Annotated[str, Form()],
    next: Annotated[str, Form()] = "/",
) -> Response:
    address = request.client.host if request.client else "?"
    limiter = request.app.state.login_limiter
    wait = limiter.wait_seconds(address, name)
    if wait:
        message = f"too many failed log-ins; try again in {wait // 60 + 1} minutes"
        return _bare(request, "login.html", 429, error=message, name=name, next=next)
    try:
        member = study.authenticate(name, password)
    except Forbidden as error:
        limiter.failed(address, name)
        return _bare(request, "login.html", 401, error=str(error), name=name, next=next)
    limiter.succeeded(address, name)
    request.session.clear()  # a fresh session (and CSRF token) for the logged-in member
    request.session["user"] = member.name
    return RedirectResponse(safe_path(next), status_code=303)


@router.post("/logout", include_in_schema=False, dependencies=[CSRF])
def logout(request: Request) -> Response:
    request.session.clear()
    return RedirectResponse("/login", status_code=303)


@router.get("/members", include_in_schema=False)
def members_page(request: Request, study: MemberStudy) -> Response:
    return page(request, study, "members.html", members=study.coders(), roles=ROLES[:3])


@router.post("/members", include_in_schema=False, dependencies=[CSRF])
def add_member(
    request: Request,
    study: MemberStudy,
    name: Annotated[str, Form()],
    role: Annotated[str, Form()],
    password: Annotated[str, Form()] = "",
) -> Response:
    known = {c.name for c in study.coders()}
    if name not in known:
        study.add_coder(name, role)
    if password:
        study.set_password(name, password)
    return RedirectResponse("/members", status_code=303)


class MemberIn(BaseModel):
    """A member to add through the API."""

    name: str
    role: str = "coder"
    password: str | None = None


@router.get("/api/members", tags=["members"])
def api_members(study: MemberStudy) -> list[dict[str, object]]:
    """The study's members and their roles."""
    return [{"id": c.id, "name": c.name, "role": c.role} for c in study.coders()]


@router.post("/api/members", tags=["members"], status_code=201, dependencies=[CSRF])
def api_add_member(body: MemberIn, study: MemberStudy) -> dict[str, object]:
    """Add a member (owner only); with a password they can log in."""
    coder = study.add_coder(body.name, body.role)
    if body.password:
        study.set_password(body.name, body.password)
    return {"id": coder.id, "name": coder.name, "role": coder.role}
