"""The memos page and API: writing, links, filters, safe Markdown, who may change what."""

from __future__ import annotations

import pytest

import thematic

from .conftest import Client, client_for


@pytest.mark.parametrize("name", ["amina", "bilal", "guest"])
def test_page_renders_for_every_role(app, web_study, name: str) -> None:  # type: ignore[no-untyped-def]
    web_study.add_memo("# A heading\n\nTrust comes up **often**.", title="Trust")
    page = client_for(app, name).get("/memos")
    assert page.status_code == 200 and page.text.count("<h1") == 1
    assert "<strong>often</strong>" in page.text and "<h4>A heading</h4>" in page.text
    assert ('id="memo-form"' in page.text) == (name != "guest")


def test_markdown_in_memos_is_safe(as_owner: Client) -> None:
    body = (
        'Note <script>alert("x")</script> and <img src=x onerror=alert(1)> [a](javascript:alert(1))'
    )
    created = as_owner.post("/api/memos", json={"body": body})
    assert created.status_code == 201
    page = as_owner.get("/memos").text
    assert "&lt;script&gt;alert" in page and "<script>alert" not in page
    assert "<img" not in page and 'href="javascript:' not in page
    preview = as_owner.post("/api/memos/preview", json={"body": body}).json()["html"]
    assert "&lt;script&gt;" in preview and "<script>" not in preview


def test_link_prefills_the_form_and_filters(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    trust = web_study.code_by("Personal/Trust")
    coding = web_study.code(1, 0, 11, trust.id, "amina")
    web_study.add_memo("About the study")
    for link, label in [
        (f"coding:{coding.id}", "Personal/Trust in P01 interview"),
        ("document:1", "P01 interview"),
        (f"code:{trust.id}", "Personal/Trust"),
        ("code:Personal/Trust", "Personal/Trust"),
        ("participant:P01", "P01"),
    ]:
        page = as_owner.get("/memos", params={"link": link})
        assert page.status_code == 200 and page.text.count("<h1") == 1
        assert "Memos about" in page.text and label in page.text
        assert "About the study" not in page.text  # filtered to this thing
        ref = link if link != "code:Personal/Trust" else f"code:{trust.id}"
        assert f'<option value="{ref}" selected>' in page.text, link
    missing = as_owner.get("/memos?link=coding:999")
    assert missing.status_code == 404 and "no coding 999" in missing.text
    assert as_owner.get("/memos?link=nonsense").status_code == 400


def test_write_through_the_form_and_return_where_you_were(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    trust = web_study.code_by("Personal/Trust")
    data = {
        "title": "Trust and the human touch",
        "kind": "reflexive",
        "link": f"code:{trust.id}",
        "back": f"code:{trust.id}",
        "body": "Patients *want* to see the doctor.",
    }
    preview = as_owner.post("/memos", data={**data, "preview": "1"})
    assert preview.status_code == 200 and "<em>want</em>" in preview.text
    assert web_study.memos() == []  # a preview saves nothing
    saved = as_owner.post("/memos", data=data, follow_redirects=False)
    assert saved.status_code == 303
    assert saved.headers["location"] == f"/memos?link=code%3A{trust.id}"
    memo = web_study.memos()[0]
    assert (memo.kind, memo.link_type, memo.link_id) == ("reflexive", "code", trust.id)
    assert memo.author == "amina"
    edited = as_owner.post(
        f"/memos/{memo.id}", data={"title": "Trust", "body": "Changed."}, follow_redirects=False
    )
    assert edited.status_code == 303 and web_study.memo(memo.id).body == "Changed."
    empty = as_owner.post("/memos", data={**data, "body": "  "})
    assert empty.status_code == 400 and "a memo needs a body" in empty.text
    deleted = as_owner.post(f"/memos/{memo.id}/delete", data={}, follow_redirects=False)
    assert deleted.status_code == 303 and web_study.memos() == []


def test_api_write_list_filter_edit_delete(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    a = as_owner.post(
        "/api/memos", json={"body": "On P01", "kind": "field_note", "link": "participant:P01"}
    ).json()
    assert a["link"] == "participant:P01" and a["link_label"] == "P01" and a["author"] == "amina"
    b = as_owner.post("/api/memos", json={"body": "On trust", "link": "code:Personal/Trust"}).json()
    assert b["link_type"] == "code" and b["link_label"] == "Personal/Trust"
    by_link = as_owner.get("/api/memos", params={"link": b["link"]}).json()
    assert [m["id"] for m in by_link] == [b["id"]]
    by_kind = as_owner.get("/api/memos?kind=field_note").json()
    assert [m["id"] for m in by_kind] == [a["id"]]
    changed = as_owner.patch(f"/api/memos/{a['id']}", json={"title": "P01 at home"})
    assert changed.json()["title"] == "P01 at home" and changed.json()["body"] == "On P01"
    assert as_owner.get(f"/api/memos/{a['id']}").json()["title"] == "P01 at home"
    assert as_owner.delete(f"/api/memos/{a['id']}").status_code == 204
    assert as_owner.get(f"/api/memos/{a['id']}").status_code == 404


def test_api_refuses_bad_memos(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    cases = [
        ({"title": "No body"}, 400),
        ({"body": "x", "kind": "diary"}, 400),
        ({"body": "x", "link": "code"}, 400),
        ({"body": "x", "link": "coding:twelve"}, 400),
        ({"body": "x", "link": "planet:Mars"}, 400),
        ({"body": "x", "link": "participant:P99"}, 404),
        ({"body": "x", "title": "t" * 301}, 400),
        ({"body": ["x"]}, 400),
    ]
    for body, status in cases:
        response = as_owner.post("/api/memos", json=body)
        assert response.status_code == status, body
        assert response.json()["error"]["message"]
    assert web_study.memos() == []


def test_coders_change_only_their_own_memos(app, web_study) -> None:  # type: ignore[no-untyped-def]
    bilal, sana = client_for(app, "bilal"), client_for(app, "sana")
    amina = client_for(app, "amina")
    memo = bilal.post("/api/memos", json={"body": "Bilal's thought"}).json()
    assert sana.patch(f"/api/memos/{memo['id']}", json={"body": "no"}).status_code == 403
    assert sana.delete(f"/api/memos/{memo['id']}").status_code == 403
    form = sana.post(f"/memos/{memo['id']}/delete", data={})
    assert form.status_code == 403 and "may not change memos of bilal" in form.text
    assert f'id="edit-memo-{memo["id"]}"' not in sana.get("/memos").text
    assert f'id="edit-memo-{memo["id"]}"' in bilal.get("/memos").text
    assert bilal.patch(f"/api/memos/{memo['id']}", json={"body": "Mine"}).status_code == 200
    assert amina.delete(f"/api/memos/{memo['id']}").status_code == 204  # the owner may
    assert web_study.memos() == []


def test_viewer_cannot_write_memos(app, web_study) -> None:  # type: ignore[no-untyped-def]
    memo = web_study.add_memo("The owner's")
    guest = client_for(app, "guest")
    assert guest.post("/api/memos", json={"body": "x"}).status_code == 403
    assert guest.patch(f"/api/memos/{memo.id}", json={"body": "x"}).status_code == 403
    assert guest.delete(f"/api/memos/{memo.id}").status_code == 403
    form = guest.post("/memos", data={"body": "x", "kind": "analytic"})
    assert form.status_code == 403 and "may not write memos" in form.text
    assert [m.body for m in web_study.memos()] == ["The owner's"]


def test_changes_need_the_csrf_token(as_owner: Client, web_study: thematic.Study) -> None:
    bare = Client(as_owner.app)
    bare.cookies = as_owner.cookies
    assert bare.post("/api/memos", json={"body": "x"}).status_code == 403
    assert bare.post("/memos", data={"body": "x"}).status_code == 403
    assert web_study.memos() == []
