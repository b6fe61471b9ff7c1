"""Study templates: YAML files describing a study's set-up (attributes, eligibility criteria,
interview guide, codebook), shipped in the package or saved by users.

Built-in templates live in ``thematic/templates``; a user's own ones in
``$XDG_DATA_HOME/thematic/templates`` (``~/.local/share/thematic/templates``). A template can
also be named by its file path.
"""

from __future__ import annotations

import os
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from thematic.errors import Invalid, NotFound, UnreadableFile

__all__ = ["dump_template", "list_templates", "load_template", "user_template_dir"]

_SECTIONS = {"attributes": list, "criteria": list, "guide": list, "codebook": list}


def user_template_dir() -> Path:
    """Where ``thematic template save`` puts a user's templates."""
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "thematic" / "templates"


def list_templates() -> dict[str, str]:
    """Template name -> description, built-in ones first, then the user's."""
    found: dict[str, str] = {}
    for name, text in _builtin_texts().items():
        found[name] = _describe(yaml.safe_load(text))
    folder = user_template_dir()
    if folder.is_dir():
        for path in sorted(folder.glob("*.yaml")):
            try:
                found.setdefault(path.stem, _describe(load_template(str(path))))
            except Invalid:
                continue
    return found


def _describe(data: dict[str, Any]) -> str:
    return str(data.get("title") or data.get("description") or "").strip()


def _builtin_texts() -> dict[str, str]:
    folder = resources.files("thematic") / "templates"
    return {
        entry.name.removesuffix(".yaml"): entry.read_text(encoding="utf-8")
        for entry in folder.iterdir()
        if entry.name.endswith(".yaml")
    }


def load_template(name_or_path: str) -> dict[str, Any]:
    """A template by built-in name, user template name, or path to a YAML file."""
    builtin = _builtin_texts()
    if name_or_path in builtin:
        return _validate(yaml.safe_load(builtin[name_or_path]), name_or_path)
    path = Path(name_or_path)
    if not path.suffix:
        path = user_template_dir() / f"{name_or_path}.yaml"
    if not path.is_file():
        known = ", ".join(sorted(builtin))
        raise NotFound(f"no template {name_or_path!r} (built-in templates: {known})")
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        raise UnreadableFile(str(path), f"not a readable YAML template ({error})") from None
    return _validate(data, str(path))


def _validate(data: Any, where: str) -> dict[str, Any]:
    if not isinstance(data, dict):
        raise Invalid(f"{where}: a template is a YAML mapping")
    for key, kind in _SECTIONS.items():
        if key in data and not isinstance(data[key], kind):
            raise Invalid(f"{where}: '{key}' must be a list")
    for number, item in enumerate(data.get("attributes", []), start=1):
        if not isinstance(item, dict) or "name" not in item:
            raise Invalid(f"{where}: attribute {number} needs a name")
    for number, item in enumerate(data.get("criteria", []), start=1):
        missing = {"name", "attribute", "operator", "value"} - set(item or {})
        if missing:
            raise Invalid(f"{where}: criterion {number} lacks {', '.join(sorted(missing))}")
    for number, item in enumerate(data.get("guide", []), start=1):
        if not isinstance(item, dict) or "domain" not in item:
            raise Invalid(f"{where}: guide section {number} needs a domain")
    return data


def dump_template(data: dict[str, Any], path: Path) -> None:
    """Write a template as YAML (UTF-8, Unicode kept readable)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100), encoding="utf-8"
    )
