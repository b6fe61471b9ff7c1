"""The codebook as YAML (nested, human-editable) and CSV (one row per code, with its path).

Both carry every field of a code: name, colour, definition, inclusion, exclusion, example.
YAML: ``codes: [{name, colour, ..., children: [...]}]``. CSV columns: path, colour,
definition, inclusion, exclusion, example (path levels joined by "/").
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from thematic.errors import Invalid, UnreadableFile
from thematic.formats.tables import read_table, write_table

__all__ = ["FIELDS", "read_codebook", "write_codebook"]

FIELDS = ("colour", "definition", "inclusion", "exclusion", "example")


def read_codebook(path: Path) -> list[dict[str, Any]]:
    """A codebook file (.yaml/.yml or .csv/.xlsx) as nested ``{name, ..., children}`` nodes."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        try:
            data = yaml.safe_load(path.read_text(encoding="utf-8-sig"))
        except (yaml.YAMLError, UnicodeDecodeError, OSError) as error:
            raise UnreadableFile(str(path), f"not a readable YAML codebook ({error})") from None
        nodes = data.get("codes", data.get("codebook")) if isinstance(data, dict) else data
        if not isinstance(nodes, list):
            raise UnreadableFile(str(path), "expected a list of codes under 'codes'")
        _check_nodes(nodes, str(path))
        return nodes
    if suffix in (".csv", ".xlsx", ".tsv"):
        return _tree_from_rows(path)
    raise UnreadableFile(str(path), f"unsupported codebook type {suffix!r}; use .yaml or .csv")


def _check_nodes(nodes: list[Any], where: str) -> None:
    for node in nodes:
        if not isinstance(node, dict) or not str(node.get("name") or "").strip():
            raise Invalid(f"{where}: every code needs a name")
        children = node.get("children") or []
        if not isinstance(children, list):
            raise Invalid(f"{where}: children of {node['name']!r} must be a list")
        _check_nodes(children, where)


def _tree_from_rows(path: Path) -> list[dict[str, Any]]:
    header, records = read_table(path)
    columns = {c.casefold(): c for c in header}
    if "path" not in columns:
        raise UnreadableFile(str(path), "a CSV codebook needs a 'path' column")
    roots: list[dict[str, Any]] = []
    index: dict[tuple[str, ...], dict[str, Any]] = {}
    for number, record in enumerate(records, start=2):
        levels = tuple(p.strip() for p in str(record[columns["path"]]).split("/"))
        if any(not level for level in levels):
            raise Invalid(f"{path} row {number}: the path has an empty level")
        for depth in range(1, len(levels) + 1):
            key = levels[:depth]
            if key not in index:
                node: dict[str, Any] = {"name": key[-1]}
                index[key] = node
                siblings = roots if depth == 1 else index[key[:-1]].setdefault("children", [])
                siblings.append(node)
        leaf = index[levels]
        for field in FIELDS:
            value = str(record.get(columns.get(field, ""), "") or "").strip()
            if value:
                leaf[field] = value
    return roots


def write_codebook(tree: list[dict[str, Any]], path: Path) -> None:
    """Write nested nodes as YAML or as CSV/XLSX rows with paths."""
    suffix = path.suffix.lower()
    if suffix in (".yaml", ".yml"):
        path.write_text(
            yaml.safe_dump({"codes": tree}, allow_unicode=True, sort_keys=False, width=100),
            encoding="utf-8",
        )
        return
    if suffix not in (".csv", ".xlsx"):
        raise Invalid(f"{path}: write the codebook as .yaml, .csv or .xlsx")
    rows: list[list[str]] = []

    def walk(nodes: list[dict[str, Any]], prefix: str) -> None:
        for node in nodes:
            node_path = f"{prefix}{node['name']}"
            rows.append([node_path, *(str(node.get(f, "")) for f in FIELDS)])
            walk(node.get("children") or [], node_path + "/")

    walk(tree, "")
    write_table(path, ["path", *FIELDS], rows)
