"""Error translation for the web app, in one place: thematic's errors to HTTP statuses.

API requests (under /api/) get one JSON shape: ``{"error": {"type": ..., "message": ...}}``.
Pages get the error page with the same message. Never a stack trace.
"""

from __future__ import annotations

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from thematic.errors import Conflict, Forbidden, Invalid, NotFound, ThematicError, UnreadableFile

STATUS: dict[type[ThematicError], int] = {
    NotFound: 404,
    UnreadableFile: 415,
    Invalid: 400,
    Conflict: 409,
    Forbidden: 403,
}


class LoginRequired(Exception):
    """Raised by the page dependencies when nobody is logged in."""


class SetupRequired(Exception):
    """Raised while the study has no accounts: the first visitor creates the owner."""


def status_of(error: ThematicError) -> int:
    for kind in type(error).__mro__:
        if kind in STATUS:
            return STATUS[kind]  # type: ignore[index]
    return 400


def _is_api(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def error_response(request: Request, status: int, kind: str, message: str) -> Response:
    """The JSON error for the API, the rendered error page for everything else."""
    if _is_api(request):
        return JSONResponse({"error": {"type": kind, "message": message}}, status_code=status)
    templates = request.app.state.templates
    return templates.TemplateResponse(
        request, "error.html", {"status": status, "message": message}, status_code=status
    )


def install(app: FastAPI) -> None:
    """Register the handlers on ``app``."""

    @app.exception_handler(ThematicError)
    async def thematic_error(request: Request, error: ThematicError) -> Response:
        return error_response(request, status_of(error), type(error).__name__, str(error))

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, error: RequestValidationError) -> Response:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc'][1:]) or 'request'}: {e['msg']}"
            for e in error.errors()
        )
        return error_response(request, 400, "Invalid", problems or "invalid request")

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, error: StarletteHTTPException) -> Response:
        return error_response(request, error.status_code, "HTTPError", str(error.detail))

    @app.exception_handler(LoginRequired)
    async def login_required(request: Request, _error: LoginRequired) -> Response:
        if _is_api(request):
            return error_response(request, 401, "LoginRequired", "log in first")
        return RedirectResponse(f"/login?next={request.url.path}", status_code=303)

    @app.exception_handler(SetupRequired)
    async def setup_required(request: Request, _error: SetupRequired) -> Response:
        if _is_api(request):
            return error_response(request, 401, "SetupRequired", "create the owner account first")
        return RedirectResponse("/setup", status_code=303)
