"""Rendering helpers shared by the pages: one call renders a template for a member."""

from __future__ import annotations

import datetime as dt
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from jinja2 import Environment
from markdown_it import MarkdownIt
from markupsafe import Markup

from thematic.study import Study

# Memos are Markdown written by team members: render it without raw HTML.
_MARKDOWN = MarkdownIt("commonmark", {"html": False, "linkify": False})


def markdown(text: str) -> Markup:
    """Markdown to safe HTML (raw HTML in the source is escaped, not passed through)."""
    return Markup(_MARKDOWN.render(text or ""))


def when(value: dt.datetime | None) -> str:
    """A timestamp as the pages show it (UTC)."""
    return value.strftime("%Y-%m-%d %H:%M") if value else ""


def install_filters(env: Environment) -> None:
    """Filters available in every template."""
    env.filters["markdown"] = markdown
    env.filters["when"] = when


def page(
    request: Request,
    study: Study,
    template: str,
    status_code: int = 200,
    **context: Any,
) -> HTMLResponse:
    """Render ``template`` for the member acting on ``study``."""
    templates = request.app.state.templates
    context.setdefault("title", study.setting("title", "") or "Study")
    return templates.TemplateResponse(
        request,
        template,
        {"study": study, "user": study.actor, "role": study.role, **context},
        status_code=status_code,
    )


def safe_path(target: str | None, default: str = "/") -> str:
    """Only same-site paths: never send a user off to another host after a form."""
    if target and target.startswith("/") and not target.startswith("//"):
        return target
    return default
