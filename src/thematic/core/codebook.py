"""Codebook tree operations on plain data: names, paths, cycle checks.

A code's path joins the names from its theme down with "/", e.g.
``Technological/Interoperability``. Names therefore may not contain "/".
"""

from __future__ import annotations

from collections.abc import Mapping

__all__ = ["SEPARATOR", "build_paths", "check_name", "split_path", "would_cycle"]

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
