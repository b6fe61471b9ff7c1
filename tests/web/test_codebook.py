"""The codebook page and API: the tree, adding, editing, moving, cycles, deleting, roles."""

from __future__ import annotations

import pytest

import thematic

from .conftest import Client, client_for


def paths(study: thematic.Study) -> list[str]:
    return [c.path for c in study.codes()]


def code_id(study: thematic.Study, path: str) -> int:
    return study.code_by(path).id


@pytest.mark.parametrize("name", ["amina", "bilal", "guest"])
def test_page_renders_for_every_role(app, web_study, name: str) -> None:  # type: ignore[no-untyped-def]
    web_study.update_code("Personal/Trust", inclusion="Faith in the doctor", example="I trust her")
    page = client_for(app, name).get("/codebook")
    assert page.status_code == 200 and page.text.count("<h1") == 1
    assert 'id="codebook-tree"' in page.text and "Usability and glitches" in page.text
    assert "Platform problems" in page.text and "Faith in the doctor" in page.text
    assert 'class="swatch"' in page.text
    assert ('id="add-code-form"' in page.text) == (name != "guest")


def test_api_create_edit_move_and_delete(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    created = as_owner.post(
        "/api/codes",
        json={
            "path": "Interoperability",
            "parent": "Technological",
            "colour": "#009E73",
            "definition": "Systems that do not exchange data",
            "inclusion": "Double entry",
            "exclusion": "Connection problems",
            "example": "I type everything twice",
        },
    )
    assert created.status_code == 201, created.text
    code = created.json()
    assert code["path"] == "Technological/Interoperability" and code["colour"] == "#009E73"
    assert code["depth"] == 1 and code["codings"] == 0
    edited = as_owner.patch(f"/api/codes/{code['id']}", json={"name": "Data exchange"})
    assert edited.json()["path"] == "Technological/Data exchange"
    assert edited.json()["definition"] == "Systems that do not exchange data"  # unchanged
    moved = as_owner.patch(f"/api/codes/{code['id']}", json={"parent": "Personal/Trust"})
    assert moved.json()["path"] == "Personal/Trust/Data exchange"
    top = as_owner.patch(f"/api/codes/{code['id']}", json={"parent": None})
    assert top.json()["path"] == "Data exchange" and top.json()["parent_id"] is None
    assert as_owner.delete(f"/api/codes/{code['id']}").status_code == 204
    assert "Data exchange" not in paths(web_study)


def test_api_refusals(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    theme = code_id(web_study, "Personal")
    cycle = as_owner.patch(f"/api/codes/{theme}", json={"parent": "Personal/Trust"})
    assert cycle.status_code == 409 and "beneath itself" in cycle.json()["error"]["message"]
    duplicate = as_owner.post("/api/codes", json={"path": "Personal/Trust"})
    assert duplicate.status_code == 409 and "already exists" in duplicate.json()["error"]["message"]
    assert as_owner.post("/api/codes", json={"path": "X", "colour": "red"}).status_code == 400
    assert as_owner.post("/api/codes", json={"colour": "#000000"}).status_code == 400
    assert as_owner.patch("/api/codes/999", json={"name": "Z"}).status_code == 404
    assert as_owner.patch(f"/api/codes/{theme}", json={"name": "A/B"}).status_code == 400
    assert as_owner.get("/api/codes/abc").status_code == 400
    assert paths(web_study) == [
        "Technological",
        "Technological/Usability and glitches",
        "Personal",
        "Personal/Trust",
    ]


def test_delete_with_codings_needs_force(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    web_study.code(1, 0, 11, "Personal/Trust", "amina")
    trust = code_id(web_study, "Personal/Trust")
    assert as_owner.get(f"/api/codes/{trust}").json()["codings"] == 1
    refused = as_owner.delete(f"/api/codes/{trust}")
    assert refused.status_code == 409 and "force" in refused.json()["error"]["message"]
    assert as_owner.delete(f"/api/codes/{trust}?force=true").status_code == 204
    assert "Personal/Trust" not in paths(web_study) and web_study.codings() == []


def test_forms_create_edit_move_and_delete(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    personal = code_id(web_study, "Personal")
    added = as_owner.post(
        "/codebook",
        data={"name": "Fear of error", "parent": personal, "colour": "#cc79a7", "own_colour": "on"},
        follow_redirects=False,
    )
    assert added.status_code == 303
    fear = web_study.code_by("Personal/Fear of error")
    assert fear.colour == "#cc79a7"
    assert "Added “Personal/Fear of error”." in as_owner.get("/codebook").text
    plain = as_owner.post("/codebook", data={"name": "Cost/Data bundles", "colour": "#000000"})
    assert plain.status_code == 200  # followed the redirect
    assert web_study.code_by("Cost/Data bundles").colour != "#000000"  # no own colour asked
    edit = {
        "name": "Fear of mistakes",
        "parent": code_id(web_study, "Personal/Trust"),
        "colour": "#cc79a7",
        "definition": "Worry about missing a sign",
        "inclusion": "",
        "exclusion": "",
        "example": "",
    }
    moved = as_owner.post(f"/codebook/{fear.id}", data=edit, follow_redirects=False)
    assert moved.status_code == 303
    after = web_study.code_by(fear.id)
    assert after.path == "Personal/Trust/Fear of mistakes"
    assert after.definition == "Worry about missing a sign"
    trust = code_id(web_study, "Personal/Trust")
    kept = as_owner.post(f"/codebook/{trust}/delete", data={})
    assert kept.status_code == 409 and kept.text.count('role="alert"') == 1
    assert "delete them too with force" in kept.text
    gone = as_owner.post(
        f"/codebook/{trust}/delete", data={"force": "true"}, follow_redirects=False
    )
    assert gone.status_code == 303 and "Personal/Trust" not in paths(web_study)


def test_form_errors_are_one_line_on_the_page(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    personal = code_id(web_study, "Personal")
    trust = code_id(web_study, "Personal/Trust")
    cycle = as_owner.post(f"/codebook/{personal}", data={"name": "Personal", "parent": trust})
    assert cycle.status_code == 409 and cycle.text.count("<h1") == 1
    assert "cannot move &#39;Personal&#39; beneath itself" in cycle.text
    assert f'id="edit-code-{personal}"' in cycle.text
    duplicate = as_owner.post("/codebook", data={"name": "Trust", "parent": personal})
    assert duplicate.status_code == 409 and "already exists" in duplicate.text
    assert 'value="Trust"' in duplicate.text  # the form keeps what was typed
    assert paths(web_study)[-2:] == ["Personal", "Personal/Trust"]


def test_coders_may_edit_the_codebook(app, web_study) -> None:  # type: ignore[no-untyped-def]
    bilal = client_for(app, "bilal")
    assert bilal.post("/api/codes", json={"path": "Personal/Hope"}).status_code == 201
    assert "Personal/Hope" in paths(web_study)


def test_viewer_cannot_change_the_codebook(app, web_study) -> None:  # type: ignore[no-untyped-def]
    guest = client_for(app, "guest")
    trust = code_id(web_study, "Personal/Trust")
    assert guest.post("/api/codes", json={"path": "X"}).status_code == 403
    assert guest.patch(f"/api/codes/{trust}", json={"name": "Y"}).status_code == 403
    assert guest.delete(f"/api/codes/{trust}?force=true").status_code == 403
    form = guest.post("/codebook", data={"name": "X"})
    assert form.status_code == 403 and "may not change the codebook" in form.text
    assert guest.post(f"/codebook/{trust}/delete", data={"force": "true"}).status_code == 403
    assert len(paths(web_study)) == 4


def test_changes_need_the_csrf_token(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    bare = Client(as_owner.app)
    bare.cookies = as_owner.cookies
    assert bare.post("/api/codes", json={"path": "X"}).status_code == 403
    assert bare.post("/codebook", data={"name": "X"}).status_code == 403
    assert len(paths(web_study)) == 4


def test_api_lists_codes_in_tree_order_with_counts(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    web_study.code(1, 0, 11, "Technological/Usability and glitches", "bilal")
    listed = as_owner.get("/api/codes").json()
    assert [c["path"] for c in listed] == paths(web_study)
    assert [c["codings"] for c in listed] == [0, 1, 0, 0]
