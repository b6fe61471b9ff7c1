"""The hand-counted study of tests/tiny_study.py, on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from tests.tiny_study import build_tiny

import thematic


@pytest.fixture
def tiny(new_study: thematic.Study) -> thematic.Study:
    return build_tiny(new_study)
