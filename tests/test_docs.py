"""The documentation names every public method of the Study API."""

from __future__ import annotations

import inspect
from pathlib import Path

import thematic

DOCS = Path(__file__).parents[1] / "docs"


def test_every_public_study_method_is_documented() -> None:
    text = (DOCS / "python-api.md").read_text(encoding="utf-8")
    public = [n for n, _ in inspect.getmembers(thematic.Study, inspect.isfunction) if n[0] != "_"]
    missing = [name for name in public if f"`{name}(" not in text and f"/ `{name}(" not in text]
    assert missing == []
