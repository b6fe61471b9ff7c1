"""The dashboard's phase, progress and what is left; the thematic map page and its forms."""

from __future__ import annotations

import pytest

import thematic
from tests.web.conftest import Client, client_for


@pytest.mark.parametrize("name", ["amina", "bilal", "guest"])
def test_dashboard_shows_phase_progress_and_what_is_left(app, web_study, name: str) -> None:  # type: ignore[no-untyped-def]
    web_study.add_memo("Read it twice.", link=("phase", 1))
    page = client_for(app, name).get("/")
    assert page.status_code == 200 and page.text.count("<h1") == 1
    assert "Phase 1 of 6: Familiarising yourself with the data" in page.text
    assert "Transcripts coded (consensus layer)" in page.text
    assert '<progress max="1" value="0"' in page.text  # one transcript, none coded
    assert "1 transcript not yet coded" in page.text
    assert 'href="/memos?link=phase:1"' in page.text and "(1 memo)" in page.text
    assert ('id="phase-form"' in page.text) == (name == "amina")


def test_the_owner_moves_the_phase_with_a_note(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    moved = as_owner.post(
        "/phase",
        data={"phase": "3", "note": "Candidate themes"},
        follow_redirects=False,
    )
    assert moved.status_code == 303 and moved.headers["location"] == "/"
    page = as_owner.get("/").text
    assert "Phase 3 of 6: Searching for themes" in page
    assert "now in phase 3" in page and "Candidate themes" in page
    history = web_study.phase_history()
    assert [(c.phase, c.actor, c.note) for c in history] == [(3, "amina", "Candidate themes")]
    bad = as_owner.post("/phase", data={"phase": "9"})
    assert bad.status_code == 400 and web_study.phase().number == 3


def test_phase_form_needs_csrf_and_the_owner(app, as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    as_owner.csrf = ""  # the client stops sending the token
    assert as_owner.post("/phase", data={"phase": "2"}).status_code == 403
    coder = client_for(app, "bilal")
    assert coder.post("/phase", data={"phase": "2"}).status_code == 403
    assert web_study.phase_history() == []


def test_status_api(as_owner: Client) -> None:
    status = as_owner.get("/api/status").json()
    assert status["phase"]["number"] == 1 and status["transcripts"] == 1
    assert status["left"][0] == "1 transcript not yet coded"


@pytest.mark.parametrize("name", ["amina", "bilal", "guest"])
def test_map_page_renders_for_every_role(app, web_study, name: str) -> None:  # type: ignore[no-untyped-def]
    web_study.relate("Technological", "Personal", "undermines", memo="**Glitches** cost trust.")
    page = client_for(app, name).get("/map")
    assert page.status_code == 200 and page.text.count("<h1") == 1
    assert "<strong>Glitches</strong> cost trust." in page.text
    assert "undermines" in page.text and 'id="map-image"' in page.text
    assert ('id="relation-form"' in page.text) == (name != "guest")
    assert ("/remove" in page.text) == (name != "guest")
    image = client_for(app, name).get("/map.png")
    assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
    assert image.headers["content-disposition"].startswith("inline")
    svg = client_for(app, name).get("/map.svg")
    assert svg.status_code == 200 and "undermines" in svg.text
    assert (
        client_for(app, name)
        .get("/map.png?download=1")
        .headers["content-disposition"]
        .startswith("attachment")
    )


def test_add_and_remove_a_relation_through_the_forms(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    source = web_study.code_by("Technological/Usability and glitches")
    target = web_study.code_by("Personal/Trust")
    form = {"source": source.id, "target": target.id, "label": "erodes", "memo": "Freezes hurt."}
    added = as_owner.post("/map/relations", data=form, follow_redirects=False)
    assert added.status_code == 303 and added.headers["location"] == "/map"
    (relation,) = web_study.relations()
    assert (relation.source, relation.label, relation.target) == (
        source.path,
        "erodes",
        target.path,
    )
    assert web_study.memo(relation.memo_id or 0).body == "Freezes hurt."
    page = as_owner.get("/map").text
    assert "Added: Technological/Usability and glitches erodes Personal/Trust." in page
    assert as_owner.post("/map/relations", data=form).status_code == 409  # a duplicate
    itself = {**form, "target": source.id, "label": "is"}
    assert as_owner.post("/map/relations", data=itself).status_code == 400
    removed = as_owner.post(f"/map/relations/{relation.id}/remove", follow_redirects=False)
    assert removed.status_code == 303 and web_study.relations() == []


def test_map_forms_need_csrf_and_a_writer(app, web_study: thematic.Study) -> None:  # type: ignore[no-untyped-def]
    made = web_study.relate("Technological", "Personal", "undermines")
    guest = client_for(app, "guest")
    assert guest.post(f"/map/relations/{made.id}/remove").status_code == 403
    coder = client_for(app, "bilal")
    coder.csrf = ""
    assert coder.post(f"/map/relations/{made.id}/remove").status_code == 403
    assert len(web_study.relations()) == 1


def test_relations_api(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    created = as_owner.post(
        "/api/relations",
        json={"source": "Technological", "target": "Personal", "label": "undermines"},
    )
    assert created.status_code == 201 and created.json()["source"] == "Technological"
    listed = as_owner.get("/api/relations").json()
    assert [r["label"] for r in listed] == ["undermines"]
    assert as_owner.delete(f"/api/relations/{listed[0]['id']}").status_code == 204
    assert as_owner.get("/api/relations").json() == []


def test_map_without_themes(study_target: str) -> None:
    from tests.web.conftest import PASSWORD, login
    from thematic.web import create_app

    with thematic.create(study_target) as study:
        study.create_first_owner("amina", PASSWORD)
        client = login(Client(create_app(study, secret_key="k")), "amina")
        page = client.get("/map")
        assert page.status_code == 200 and "no themes yet" in page.text
        assert 'id="relation-form"' not in page.text
        assert client.get("/map.png").status_code == 400
