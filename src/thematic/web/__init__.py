"""The web app: FastAPI + Jinja2 pages and a JSON API under /api/, on the Study API.

``create_app(target)`` serves one study (a .thematic file or a postgresql:// URL). Every page
and API call acts as the logged-in member, so the Study API's role checks and audit apply.
Routes live in ``thematic.web.routes``, one module per resource, each exposing ``router``;
adding a page is adding a module there (they are found and included in name order).
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import secrets
from pathlib import Path

from fastapi import FastAPI, Request
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.middleware.sessions import SessionMiddleware

import thematic
from thematic.study import Study
from thematic.web import errors
from thematic.web.deps import csrf_token
from thematic.web.ratelimit import LoginLimiter
from thematic.web.render import install_filters

__all__ = ["ROUTES", "create_app"]

HERE = Path(__file__).parent
ROUTES = tuple(sorted(m.name for m in pkgutil.iter_modules([str(HERE / "routes")])))
MAX_UPLOAD_BYTES = 20 * 1024 * 1024


def _secret(study: Study, given: str | None) -> str:
    """The key that signs session cookies: given, from the environment, or kept in the study."""
    if given:
        return given
    if env := os.environ.get("THEMATIC_SECRET_KEY"):
        return env
    stored = study.setting("web_secret")
    if not stored:
        stored = secrets.token_urlsafe(48)
        study.set_setting("web_secret", stored)
    return str(stored)


def create_app(
    target: str | Path | Study,
    *,
    secret_key: str | None = None,
    max_upload_bytes: int = MAX_UPLOAD_BYTES,
    secure_cookies: bool = False,
) -> FastAPI:
    """The web app serving one study."""
    study = target if isinstance(target, Study) else thematic.open(target)
    app = FastAPI(
        title="thematic",
        version=thematic.__version__,
        description="Code interview transcripts in the browser, alone or as a team.",
        docs_url="/api/docs",
        openapi_url="/api/openapi.json",
        redoc_url=None,
    )
    app.state.study = study
    app.state.max_upload_bytes = max_upload_bytes
    app.state.login_limiter = LoginLimiter()
    templates = Jinja2Templates(directory=HERE / "templates")
    templates.env.globals["csrf_token"] = csrf_token
    templates.env.globals["version"] = thematic.__version__
    install_filters(templates.env)
    app.state.templates = templates
    app.add_middleware(
        SessionMiddleware,
        secret_key=_secret(study, secret_key),
        session_cookie="thematic_session",
        same_site="lax",
        https_only=secure_cookies,
        max_age=14 * 24 * 3600,
    )
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    errors.install(app)
    for name in ROUTES:
        module = importlib.import_module(f"thematic.web.routes.{name}")
        app.include_router(module.router)

    @app.middleware("http")
    async def no_cache_for_pages(request: Request, call_next):  # type: ignore[no-untyped-def]
        response = await call_next(request)
        response.headers.setdefault("X-Content-Type-Options", "nosniff")
        response.headers.setdefault("X-Frame-Options", "DENY")
        response.headers.setdefault("Referrer-Policy", "same-origin")
        return response

    return app
