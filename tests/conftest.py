"""Shared fixtures: real SQLite files and the real PostgreSQL server.

Every test that takes ``new_study`` or ``study_target`` runs twice: on a SQLite file in
tmp_path and on PostgreSQL (a fresh schema in the database named by THEMATIC_TEST_POSTGRES,
default postgresql://postgres@127.0.0.1:5432/test). When the server cannot be reached the
PostgreSQL run is skipped, unless THEMATIC_NO_SKIP=1 (set by .ci/run), which turns every skip
into a failure so CI cannot pass without PostgreSQL.
"""

from __future__ import annotations

import os
import uuid

# Real argon2, with its cheapest parameters: hashing at production cost takes ~0.6 s here.
os.environ.setdefault("THEMATIC_PASSWORD_HASH", "cheapest")
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

import thematic

POSTGRES = os.environ.get("THEMATIC_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo[None]):  # type: ignore[no-untyped-def]
    outcome = yield
    report = outcome.get_result()
    if report.skipped and os.environ.get("THEMATIC_NO_SKIP") == "1":
        report.outcome = "failed"
        reason = report.longrepr[-1] if isinstance(report.longrepr, tuple) else report.longrepr
        report.longrepr = f"skipped, but THEMATIC_NO_SKIP=1 forbids skips: {reason}"


def _postgres_engine() -> sa.Engine:
    url = sa.make_url(POSTGRES).set(drivername="postgresql+psycopg")
    engine = sa.create_engine(url)
    try:
        with engine.connect():
            pass
    except sa.exc.OperationalError as error:
        engine.dispose()
        pytest.skip(f"PostgreSQL not reachable at {POSTGRES}: {error.orig}")
    return engine


@pytest.fixture
def postgres_url() -> Iterator[str]:
    """A URL to a fresh, empty schema on the PostgreSQL server, dropped afterwards."""
    engine = _postgres_engine()
    schema = f"t_{uuid.uuid4().hex[:12]}"
    with engine.begin() as connection:
        connection.execute(sa.text(f'CREATE SCHEMA "{schema}"'))
    url = sa.make_url(POSTGRES).update_query_dict({"options": f"-csearch_path={schema}"})
    try:
        yield url.render_as_string(hide_password=False)
    finally:
        with engine.begin() as connection:
            connection.execute(sa.text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def study_target(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a new study goes: a SQLite file path, or a PostgreSQL URL."""
    if request.param == "sqlite":
        return str(tmp_path / "study.thematic")
    return str(request.getfixturevalue("postgres_url"))


@pytest.fixture
def new_study(study_target: str) -> Iterator[thematic.Study]:
    """An empty study on each backend."""
    study = thematic.create(study_target, title="Test study")
    try:
        yield study
    finally:
        study.close()


@pytest.fixture
def tele_study(study_target: str) -> Iterator[thematic.Study]:
    """A study set up from the telemedicine-barriers template, on each backend."""
    study = thematic.create(study_target, template="telemedicine-barriers")
    try:
        yield study
    finally:
        study.close()
