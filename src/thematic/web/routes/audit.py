"""The audit log page (owner only): who did what, when, newest first; filtered by the start of
the action (``deidentify``, ``participant.withdraw``, ``export``, ``user.login`` ...).

Read-only, like the log itself: the database refuses to change or delete an entry."""

from __future__ import annotations

import json
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response

from thematic.web.deps import MemberStudy
from thematic.web.render import page

router = APIRouter()

LIMITS = (50, 200, 1000, 0)  # 0: every entry
# Starts of actions worth filtering by (suggestions; any prefix works).
ACTIONS = (
    "deidentify",
    "participant.withdraw",
    "export",
    "user.login",
    "user",
    "participant",
    "document",
    "coding",
    "code",
    "memo",
    "decision",
    "assignment",
    "phase",
    "setting",
    "study",
)


def compact(detail: dict[str, Any]) -> str:
    """An event's detail as ``key=value`` pairs on one line: a word as it is, anything else
    (text with spaces, numbers, lists, mappings) as JSON, so the pairs cannot run together."""
    parts = []
    for key, value in detail.items():
        plain = isinstance(value, str) and value and not any(c in value for c in ' ="')
        shown = value if plain else json.dumps(value, ensure_ascii=False)
        parts.append(f"{key}={shown}")
    return " ".join(parts)


@router.get("/audit", include_in_schema=False)
def audit_page(
    request: Request,
    study: MemberStudy,
    action: str = "",
    limit: Annotated[int, Query(ge=0, le=100_000)] = 200,
) -> Response:
    events = study.log(limit=limit or None, action=action.strip() or None)  # owner only
    return page(
        request,
        study,
        "audit.html",
        events=[(e, compact(e.detail)) for e in events],
        action=action.strip(),
        limit=limit,
        limits=LIMITS,
        actions=ACTIONS,
    )
