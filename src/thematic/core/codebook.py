"""Codebook tree operations on plain data: names, paths, cycle checks.

A code's path joins the names from its theme down with "/", e.g.
``Technological/Interoperability``. Names therefore may not contain "/".
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

__all__ = [
    "SEPARATOR",
    "CodebookChange",
    "build_paths",
    "check_name",
    "end_of",
    "split_path",
    "subtree",
    "would_cycle",
]

SEPARATOR = "/"


def check_name(name: str) -> str | None:
    """None for a usable code name, else the reason it is not."""
    if not name or not name.strip():
        return "a code name cannot be empty"
    if SEPARATOR in name:
        return f"code name {name!r} contains '/', which separates levels of a path"
    if name != name.strip():
        return f"code name {name!r} has spaces at its start or end"
    if len(name) > 200:
        return "a code name is at most 200 characters"
    return None


def split_path(path: str) -> list[str]:
    """Split ``"A/B/C"`` into names, dropping spaces around each; refuses empty levels."""
    parts = [part.strip() for part in path.split(SEPARATOR)]
    if any(not part for part in parts):
        raise ValueError(f"code path {path!r} has an empty level")
    return parts


def build_paths(nodes: Mapping[int, tuple[str, int | None]]) -> dict[int, str]:
    """Paths for every node of ``{id: (name, parent_id)}``."""
    paths: dict[int, str] = {}

    def path_of(node_id: int, seen: frozenset[int] = frozenset()) -> str:
        if node_id in paths:
            return paths[node_id]
        if node_id in seen:
            raise ValueError(f"codebook has a cycle through code {node_id}")
        name, parent = nodes[node_id]
        path = name if parent is None else f"{path_of(parent, seen | {node_id})}/{name}"
        paths[node_id] = path
        return path

    for node_id in nodes:
        path_of(node_id)
    return paths


def would_cycle(nodes: Mapping[int, int | None], node_id: int, new_parent: int | None) -> bool:
    """True when moving ``node_id`` under ``new_parent`` would put it beneath itself."""
    current = new_parent
    while current is not None:
        if current == node_id:
            return True
        current = nodes.get(current)
    return False


def subtree(nodes: Mapping[int, int | None], node_id: int) -> set[int]:
    """``node_id`` and every node beneath it, from ``{id: parent_id}``."""
    found = {node_id}
    changed = True
    while changed:
        changed = False
        for child, parent in nodes.items():
            if parent in found and child not in found:
                found.add(child)
                changed = True
    return found


def end_of(when: dt.datetime | dt.date | str) -> dt.datetime:
    """The last moment ``when`` names, in UTC without tzinfo (as the database stores times).

    A date (``2025-03-01``) means the end of that day; a datetime means that instant (an
    aware one is converted to UTC). Strings are ISO 8601 dates or datetimes.
    """
    if isinstance(when, str):
        text = when.strip()
        try:
            when = (
                dt.date.fromisoformat(text) if len(text) == 10 else dt.datetime.fromisoformat(text)
            )
        except ValueError:
            raise ValueError(
                f"{text!r} is not a date (YYYY-MM-DD) or a date and time (YYYY-MM-DDTHH:MM)"
            ) from None
    if isinstance(when, dt.datetime):
        if when.tzinfo is not None:
            when = when.astimezone(dt.UTC).replace(tzinfo=None)
        return when
    return dt.datetime.combine(when, dt.time.max)


@dataclass(frozen=True, slots=True)
class CodebookChange:
    """One change to the codebook: who made it, when, what it did and why."""

    id: int
    at: dt.datetime
    actor: str
    action: str  # add, update, rename, move, delete, import, merge, split, retire, ...
    code: str  # the code's path when it happened
    detail: dict[str, Any] = field(default_factory=dict)
    reason: str = ""
