"""The participants page and API: the table, adding one, importing a sheet, roles."""

from __future__ import annotations

import tempfile
from pathlib import Path

import openpyxl
import pytest

import thematic

from .conftest import Client, client_for

SHEET = "label,site,years\nP02,Karachi,4\nP03,lahore,0\n"


@pytest.fixture
def with_attributes(web_study: thematic.Study) -> thematic.Study:
    web_study.add_attribute("site", "category", ["Lahore", "Karachi"])
    web_study.add_attribute("years", "number")
    web_study.add_criterion("At least a year in post", "years", ">=", 1)
    web_study.set_attributes("P01", site="Lahore", years=3)
    web_study.add_consent("P01", "2024-10-01", "v1.1")
    return web_study


def one_h1(html: str) -> bool:
    return html.count("<h1") == 1


@pytest.mark.parametrize("name", ["amina", "bilal", "guest"])
def test_page_renders_for_every_role(app, with_attributes, name: str) -> None:  # type: ignore[no-untyped-def]
    page = client_for(app, name).get("/participants")
    assert page.status_code == 200 and one_h1(page.text)
    assert 'id="participants-table"' in page.text and 'id="participant-filter"' in page.text
    assert 'id="filter-site"' in page.text  # a select filter for the category attribute
    assert "2024-10-01" in page.text and "eligible" in page.text
    owner_forms = 'id="import-form"' in page.text and 'id="add-participant-form"' in page.text
    assert owner_forms == (name == "amina")


def test_ineligible_participant_shows_why(as_owner: Client, with_attributes) -> None:  # type: ignore[no-untyped-def]
    as_owner.post("/api/participants", json={"label": "P09", "attributes": {"years": 0}})
    page = as_owner.get("/participants").text
    assert "not eligible" in page
    assert "At least a year in post: years is 0" in page


def test_add_form_and_its_error(as_owner: Client, with_attributes) -> None:  # type: ignore[no-untyped-def]
    response = as_owner.post(
        "/participants",
        data={"label": " P07 ", "attr.site": "karachi", "attr.years": "5", "attr.unused": ""},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = as_owner.get("/participants").text
    assert "Added participant P07." in page and 'id="participant-P07"' in page
    bad = as_owner.post("/participants", data={"label": "P08", "attr.site": "Lahor"})
    assert bad.status_code == 400 and one_h1(bad.text)
    assert "participant P08: site must be one of Lahore, Karachi" in bad.text
    assert 'value="P08"' in bad.text  # the form keeps what was typed
    assert "P08" not in [p.label for p in with_attributes.participants()]


def test_api_lists_and_adds(as_owner: Client, with_attributes) -> None:  # type: ignore[no-untyped-def]
    created = as_owner.post(
        "/api/participants", json={"label": "P04", "attributes": {"site": "Karachi", "years": 2}}
    )
    assert created.status_code == 201
    assert created.json()["attributes"] == {"site": "Karachi", "years": 2}
    listed = {p["label"]: p for p in as_owner.get("/api/participants").json()}
    assert listed["P01"]["consent"] == {"date": "2024-10-01", "form_version": "v1.1", "note": ""}
    assert listed["P04"]["eligible"] is True and listed["P04"]["failed_criteria"] == []


def test_api_refuses_bad_requests(as_owner: Client, with_attributes) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ({"attributes": {}}, 400, "label"),
        ({"label": "P05", "attributes": "site"}, 400, "attributes"),
        ({"label": "P05", "attributes": {"salary": 3}}, 404, "no attribute 'salary'"),
        ({"label": "P01"}, 409, "already exists"),
    ]
    for body, status, words in cases:
        response = as_owner.post("/api/participants", json=body)
        assert response.status_code == status, body
        assert words in response.json()["error"]["message"]
    assert as_owner.post("/api/participants", content=b"{not json").status_code == 400


def test_import_sheet_through_the_form(
    as_owner: Client, with_attributes, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    uploads = tmp_path / "uploads"
    uploads.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(uploads))
    response = as_owner.post(
        "/participants/import",
        files={"file": ("recruits.csv", SHEET.encode(), "text/csv")},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = as_owner.get("/participants").text
    assert "Imported 2 participants from recruits.csv: P02, P03." in page
    labels = {p.label: p for p in with_attributes.participants()}
    assert labels["P03"].attributes["site"] == "Lahore" and not labels["P03"].eligible
    assert list(uploads.iterdir()) == []  # the temporary copy is gone


def test_import_sheet_bad_row_stores_nothing(as_owner: Client, with_attributes) -> None:  # type: ignore[no-untyped-def]
    sheet = b"label,site\nP02,Karachi\nP03,Lahor\n"
    page = as_owner.post("/participants/import", files={"file": ("recruits.csv", sheet)})
    assert page.status_code == 400 and one_h1(page.text)
    assert "recruits.csv row 3: site must be one of Lahore, Karachi" in page.text
    assert "thematic-upload" not in page.text  # no temporary path in the message
    assert [p.label for p in with_attributes.participants()] == ["P01"]
    api = as_owner.post("/api/participants/import", files={"file": ("recruits.csv", sheet)})
    assert api.status_code == 400
    assert api.json()["error"]["message"].startswith("recruits.csv row 3: site must be one of")


def test_import_xlsx_through_the_api(as_owner: Client, with_attributes, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    for row in (["Participant ID", "site", "years"], ["P10", "Karachi", 7]):
        sheet.append(row)
    path = tmp_path / "sheet.xlsx"
    book.save(path)
    response = as_owner.post(
        "/api/participants/import", files={"file": ("s.xlsx", path.read_bytes())}
    )
    assert response.status_code == 201
    assert [p["label"] for p in response.json()] == ["P10"]
    wrong = as_owner.post("/api/participants/import", files={"file": ("s.pdf", b"%PDF-1.4")})
    assert wrong.status_code == 415 and "s.pdf" in wrong.json()["error"]["message"]
    empty = as_owner.post("/participants/import", files={"file": ("", b"")})
    assert empty.status_code in (400, 415)


def test_viewer_and_coder_cannot_change_participants(app, with_attributes) -> None:  # type: ignore[no-untyped-def]
    for name in ("guest", "bilal"):
        member = client_for(app, name)
        api = member.post("/api/participants", json={"label": "P20"})
        assert api.status_code == 403 and api.json()["error"]["type"] == "Forbidden"
        form = member.post("/participants", data={"label": "P20"})
        assert form.status_code == 403 and "may not manage the study" in form.text
        sheet = member.post("/api/participants/import", files={"file": ("a.csv", SHEET.encode())})
        assert sheet.status_code == 403
    assert [p.label for p in with_attributes.participants()] == ["P01"]


def test_changes_need_the_csrf_token(as_owner: Client, with_attributes) -> None:  # type: ignore[no-untyped-def]
    bare = Client(as_owner.app)
    bare.cookies = as_owner.cookies
    assert bare.post("/api/participants", json={"label": "P30"}).status_code == 403
    form = bare.post("/participants", data={"label": "P30"})
    assert form.status_code == 403 and "CSRF" in form.text
    sheet = bare.post("/participants/import", files={"file": ("a.csv", SHEET.encode())})
    assert sheet.status_code == 403
    assert "P30" not in [p.label for p in with_attributes.participants()]


def test_api_needs_login(client: Client) -> None:
    assert client.get("/api/participants").status_code == 401
