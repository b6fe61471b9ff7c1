"""The Saturation page on the hand-worked study of tests/saturation_study.py."""

from __future__ import annotations

import html
import io
from collections.abc import Iterator
from pathlib import Path

import pandas as pd
import pytest

import thematic
from tests.saturation_study import build_saturation
from tests.tiny_study import build_tiny
from thematic.web import create_app

from .conftest import PASSWORD, Client, client_for

PNG = b"\x89PNG\r\n\x1a\n"


def _study(path: Path, build) -> thematic.Study:  # type: ignore[no-untyped-def]
    study = thematic.create(path, title="Saturation study")
    study.create_first_owner("amina", PASSWORD)
    study.add_coder("guest", "viewer")
    study.set_password("guest", PASSWORD)
    return build(study)


@pytest.fixture
def viewer(tmp_path: Path) -> Iterator[Client]:
    study = _study(tmp_path / "s.thematic", build_saturation)
    with client_for(create_app(study, secret_key="test-secret"), "guest") as client:
        yield client
    study.close()


def test_page_shows_result_statement_table_and_figure(viewer: Client) -> None:
    response = viewer.get("/saturation", params={"orderings": 200})
    assert response.status_code == 200
    page = html.unescape(response.text)
    assert '<span id="saturation-label">6+2</span>' in page
    assert "saturation was reached at 6+2" in page
    assert 'href="/saturation"' in page and 'aria-current="page">Saturation' in page
    assert page.count('<tr><td class="num">') == 8  # one row per interview
    assert "P3</th><td>2024-01-05" in page
    assert 'src="/saturation.png?orderings=200"' in page
    image = viewer.get("/saturation.png", params={"orderings": 200})
    assert image.status_code == 200 and image.content.startswith(PNG)
    assert image.headers["content-type"] == "image/png"
    svg = viewer.get("/saturation.svg", params={"method": "francis", "initial": 3, "stop": 2})
    assert svg.status_code == 200 and b"<svg" in svg.content


def test_francis_and_levels(viewer: Client) -> None:
    page = html.unescape(
        viewer.get("/saturation", params={"method": "francis", "initial": 3, "stop": 2}).text
    )
    assert '<span id="saturation-label">interview 5</span>' in page
    themes = html.unescape(viewer.get("/saturation", params={"level": "theme"}).text)
    assert '<span id="saturation-label">4+2</span>' in themes


def test_downloads(viewer: Client) -> None:
    response = viewer.get("/saturation", params={"format": "csv", "orderings": 50})
    assert (
        response.status_code == 200 and "saturation.csv" in response.headers["content-disposition"]
    )
    frame = pd.read_csv(io.BytesIO(response.content), encoding="utf-8-sig")
    assert frame["new"].tolist() == [2, 1, 1, 0, 0, 1, 0, 0]
    xlsx = viewer.get("/saturation", params={"format": "xlsx"})
    assert xlsx.status_code == 200 and xlsx.content.startswith(b"PK")


def test_bad_parameters(viewer: Client) -> None:
    assert viewer.get("/saturation", params={"method": "glaser"}).status_code in (400, 422)
    assert viewer.get("/saturation", params={"base": 0}).status_code in (400, 422)


def test_too_few_interviews(tmp_path: Path) -> None:
    study = _study(tmp_path / "tiny.thematic", build_tiny)
    with client_for(create_app(study, secret_key="test-secret"), "amina") as client:
        page = html.unescape(client.get("/saturation").text)
        assert "Saturation could not be assessed" in page
        assert "the study has 4 interviews" in page
    study.close()
