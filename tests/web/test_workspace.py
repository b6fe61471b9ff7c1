"""The coding workspace page and the codings API: offsets in code points, roles, errors."""

from __future__ import annotations

import html
import json
import re

import pytest

import thematic
from thematic import Turn
from thematic.web.routes.workspace import blocks_of, clock, paint, paragraph_spans

from .conftest import Client, client_for

USABILITY = "Technological/Usability and glitches"
PIECE = re.compile(r'<span data-start="(\d+)"([^>]*)>([^<]*)</span>')


def pieces(page: str) -> list[tuple[int, str, str]]:
    """(data-start, attributes, text) of every rendered piece of the document text."""
    return [(int(s), attrs, html.unescape(body)) for s, attrs, body in PIECE.findall(page)]


def doc_of(study: thematic.Study) -> thematic.Document:
    return study.document("P01 interview")


def code_here(study: thematic.Study, word: str, code: str, coder: str) -> thematic.Coding:
    text = doc_of(study).text
    start = text.index(word)
    return study.code(doc_of(study).id, start, start + len(word), code, coder)


# -- the page --------------------------------------------------------------------------------
def test_page_shows_codings_as_highlights(web_study: thematic.Study, as_owner: Client) -> None:
    trust = code_here(web_study, "freezes", "Personal/Trust", "bilal")
    glitch = code_here(web_study, "it freezes", USABILITY, "sana")
    page = as_owner.get(f"/documents/{doc_of(web_study).id}/code")
    assert page.status_code == 200
    assert 'id="doc-text"' in page.text and 'id="code-input"' in page.text
    found = {text: attrs for _, attrs, text in pieces(page.text)}
    assert f'data-coding-ids="{glitch.id}"' in found["it "]
    both = found["freezes"]
    assert (
        'class="hl"' in both and f'data-coding-ids="{glitch.id} {trust.id}"' in both
    )  # by position
    colours = {c.path: c.colour for c in web_study.codes()}
    assert colours["Personal/Trust"] in both and colours[USABILITY] in both
    assert 'id="coding-panel"' in page.text and 'id="stripes"' in page.text


def test_pieces_start_at_code_points_after_urdu_and_emoji(
    web_study: thematic.Study, as_owner: Client
) -> None:
    text = doc_of(web_study).text
    code_here(web_study, "every day", "Personal/Trust", "bilal")
    page = as_owner.get(f"/documents/{doc_of(web_study).id}/code").text
    rendered = pieces(page)
    for start, _, body in rendered:
        assert text[start : start + len(body)] == body
    [after_emoji] = [(s, a) for s, a, body in rendered if body == "every day"]
    assert after_emoji[0] == text.index("every day")
    # The emoji is one code point here, two UTF-16 units in the browser.
    assert len(text[: after_emoji[0]].encode("utf-16-le")) // 2 == after_emoji[0] + 1
    assert 'class="hl"' in after_emoji[1]


def test_applying_through_the_api_stores_code_points(
    web_study: thematic.Study, as_owner: Client
) -> None:
    doc = doc_of(web_study)
    start = doc.text.index("😀")
    response = as_owner.post(
        "/api/codings",
        json={"document_id": doc.id, "start": start, "end": start + 7, "code": USABILITY},
    )
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["text"] == "😀 every" and body["coder"] == "amina"
    assert body["code_path"] == USABILITY and re.match(r"^#[0-9A-Fa-f]{6}$", body["colour"])
    assert set(body) >= {"id", "document_id", "start", "end", "code_id", "created_at"}
    [stored] = web_study.codings(document=doc.id)
    assert (stored.start, stored.end, stored.coder) == (start, start + 7, "amina")
    page = as_owner.get(f"/documents/{doc.id}/code").text
    assert (start, "😀 every") in [(s, t) for s, a, t in pieces(page) if "hl" in a]


def test_apply_by_code_id_and_for_the_consensus_layer(
    web_study: thematic.Study, as_owner: Client
) -> None:
    web_study.add_coder("consensus", "consensus")
    doc = doc_of(web_study)
    trust = web_study.code_by("Personal/Trust")
    response = as_owner.post(
        "/api/codings",
        json={"document_id": doc.id, "start": 0, "end": 11, "code": trust.id, "coder": "consensus"},
    )
    assert response.status_code == 201
    assert (response.json()["coder"], response.json()["code_id"]) == ("consensus", trust.id)
    page = as_owner.get(f"/documents/{doc.id}/code").text
    assert 'data-coder="consensus"' in page and 'id="code-as"' in page


def test_adjust_and_remove(web_study: thematic.Study, as_owner: Client) -> None:
    coding = code_here(web_study, "freezes", "Personal/Trust", "amina")
    text = doc_of(web_study).text
    start = text.index("it freezes")
    moved = as_owner.patch(f"/api/codings/{coding.id}", json={"start": start, "end": start + 10})
    assert moved.status_code == 200
    assert (moved.json()["start"], moved.json()["text"]) == (start, "it freezes")
    assert web_study.codings()[0].start == start
    assert as_owner.delete(f"/api/codings/{coding.id}").status_code == 204
    assert web_study.codings() == []
    assert as_owner.delete(f"/api/codings/{coding.id}").status_code == 404
    actions = [e.action for e in web_study.log(limit=3)]
    assert actions[:2] == ["coding.remove", "coding.adjust"]


def test_codings_list_and_view(web_study: thematic.Study, as_owner: Client) -> None:
    code_here(web_study, "freezes", "Personal/Trust", "bilal")
    code_here(web_study, "every", USABILITY, "sana")
    doc = doc_of(web_study)
    listed = as_owner.get(f"/api/documents/{doc.id}/codings").json()
    assert [(c["text"], c["coder"]) for c in listed] == [("freezes", "bilal"), ("every", "sana")]
    only = as_owner.get(f"/api/documents/{doc.id}/codings", params={"coder": "sana"}).json()
    assert [c["code_path"] for c in only] == [USABILITY]
    assert as_owner.get(f"/api/documents/{doc.id}/codings?coder=nobody").status_code == 404
    view = as_owner.get(f"/api/documents/{doc.id}/view").json()
    assert view["text"] == doc.text and len(view["codings"]) == 2
    assert {c["path"] for c in view["codes"]} >= {"Personal/Trust", USABILITY}
    assert view["turns"] == [] and view["title"] == "P01 interview"


def test_the_api_is_documented(as_owner: Client) -> None:
    paths = as_owner.get("/api/openapi.json").json()["paths"]
    assert {"post", "get"} <= set(paths["/api/codings"]) | {"get"}
    assert {"patch", "delete"} <= set(paths["/api/codings/{coding_id}"])
    assert "/api/documents/{document_id}/codings" in paths
    assert "/api/documents/{document_id}/view" in paths


# -- roles -----------------------------------------------------------------------------------
def test_a_viewer_reads_but_cannot_code(web_study: thematic.Study, app) -> None:  # type: ignore[no-untyped-def]
    guest = client_for(app, "guest")
    doc = doc_of(web_study)
    response = guest.post(
        "/api/codings", json={"document_id": doc.id, "start": 0, "end": 5, "code": USABILITY}
    )
    assert response.status_code == 403 and response.json()["error"]["type"] == "Forbidden"
    page = guest.get(f"/documents/{doc.id}/code")
    assert page.status_code == 200 and 'id="code-input"' not in page.text


def test_coders_change_only_their_own_codings(web_study: thematic.Study, app) -> None:  # type: ignore[no-untyped-def]
    theirs = code_here(web_study, "freezes", "Personal/Trust", "sana")
    bilal = client_for(app, "bilal")
    assert bilal.delete(f"/api/codings/{theirs.id}").status_code == 403
    patched = bilal.patch(f"/api/codings/{theirs.id}", json={"start": 0, "end": 3})
    assert patched.status_code == 403
    as_other = bilal.post(
        "/api/codings",
        json={"document_id": theirs.document_id, "start": 0, "end": 3, "code": USABILITY,
              "coder": "sana"},
    )  # fmt: skip
    assert as_other.status_code == 403
    assert [(c.start, c.coder) for c in web_study.codings()] == [(theirs.start, "sana")]
    owner = client_for(app, "amina")
    assert owner.patch(f"/api/codings/{theirs.id}", json={"start": 0, "end": 3}).status_code == 200
    assert owner.delete(f"/api/codings/{theirs.id}").status_code == 204


# -- bad requests: 4xx with a message, never a 500 -------------------------------------------
def test_unknown_document(as_owner: Client) -> None:
    assert as_owner.get("/documents/999/code").status_code == 404
    response = as_owner.get("/api/documents/999/view")
    assert response.status_code == 404 and "no document" in response.json()["error"]["message"]
    assert as_owner.get("/api/documents/999/codings").status_code == 404
    assert as_owner.get("/documents/abc/code").status_code == 400


@pytest.mark.parametrize(
    ("change", "status", "message"),
    [
        ({"end": 10_000}, 400, "after the text ends"),
        ({"start": -1}, 400, "before the text begins"),
        ({"start": 9, "end": 3}, 400, "reversed"),
        ({"start": 4, "end": 4}, 400, "empty"),
        ({"start": 1.5}, 400, "start"),
        ({"start": True}, 400, "start"),
        ({"document_id": 999}, 404, "no document 999"),
        ({"code": "Personal/Hope"}, 404, "no code"),
        ({"code": 999}, 404, "no code"),
        ({"coder": "nobody"}, 404, "no coder"),
    ],
)
def test_bad_codings_are_refused(
    web_study: thematic.Study,
    as_owner: Client,
    change: dict[str, object],
    status: int,
    message: str,
) -> None:
    body = {"document_id": doc_of(web_study).id, "start": 0, "end": 5, "code": USABILITY} | change
    response = as_owner.post("/api/codings", json=body)
    assert response.status_code == status, response.text
    assert message in response.json()["error"]["message"]
    assert web_study.codings() == []


def test_missing_fields_are_400(web_study: thematic.Study, as_owner: Client) -> None:
    response = as_owner.post("/api/codings", json={"document_id": doc_of(web_study).id})
    assert response.status_code == 400
    message = response.json()["error"]["message"]
    assert "start" in message and "code" in message
    assert as_owner.post("/api/codings", content=b"not json").status_code == 400
    coding = code_here(web_study, "freezes", "Personal/Trust", "amina")
    assert as_owner.patch(f"/api/codings/{coding.id}", json={"start": 1}).status_code == 400
    bad = as_owner.patch(f"/api/codings/{coding.id}", json={"start": 9, "end": 3})
    assert bad.status_code == 400 and "reversed" in bad.json()["error"]["message"]
    assert as_owner.patch("/api/codings/999", json={"start": 0, "end": 3}).status_code == 404


def test_changes_need_the_csrf_token(web_study: thematic.Study, as_owner: Client) -> None:
    coding = code_here(web_study, "freezes", "Personal/Trust", "amina")
    body = {"document_id": coding.document_id, "start": 0, "end": 5, "code": USABILITY}
    wrong = {"X-CSRF-Token": "wrong"}
    bare = Client(as_owner.app)
    bare.cookies = as_owner.cookies
    for client, headers in ((as_owner, wrong), (bare, {})):
        post = client.post("/api/codings", json=body, headers=headers)
        assert post.status_code == 403 and "CSRF" in post.json()["error"]["message"]
        patch = client.patch(
            f"/api/codings/{coding.id}", json={"start": 0, "end": 3}, headers=headers
        )
        assert patch.status_code == 403
        assert client.delete(f"/api/codings/{coding.id}", headers=headers).status_code == 403
    assert [(c.id, c.start) for c in web_study.codings()] == [(coding.id, coding.start)]


def test_the_api_needs_a_login(web_study: thematic.Study, client: Client) -> None:
    assert client.get(f"/api/documents/{doc_of(web_study).id}/view").status_code == 401
    page = client.get(f"/documents/{doc_of(web_study).id}/code", follow_redirects=False)
    assert page.status_code == 303


# -- what the page offers --------------------------------------------------------------------
def test_right_to_left_documents(web_study: thematic.Study, as_owner: Client) -> None:
    urdu = web_study.add_document(
        "P01 urdu", "پہلا پیراگراف ہے۔\n\nدوسرا 😀 پیراگراف۔", language="ur"
    )
    page = as_owner.get(f"/documents/{urdu.id}/code").text
    assert re.search(r'id="doc-text"[^>]*lang="ur" dir="rtl"', page)
    assert page.count('<p class="para" dir="auto">') == 2
    english = as_owner.get(f"/documents/{doc_of(web_study).id}/code").text
    assert 'dir="rtl"' not in english and '<p class="para" dir="auto">' in english


def test_turns_have_speaker_and_time_in_the_gutter(
    web_study: thematic.Study, as_owner: Client
) -> None:
    text = "Interviewer: How is it?\n\nP01: ڈاکٹر 😀 fine."
    turns = [Turn(13, 23, "Interviewer", 5.0), Turn(text.index("ڈ"), len(text), "P01", 3725.0)]
    doc = web_study.add_document("With turns", text, turns=turns)
    web_study.code(doc.id, 0, len(text), "Personal/Trust", "amina")  # labels too: hidden
    page = as_owner.get(f"/documents/{doc.id}/code").text
    gutter = r'<span class="speaker" dir="auto">{}</span><time>{}</time>'
    assert re.search(gutter.format("Interviewer", "00:05"), page)
    assert re.search(gutter.format("P01", "1:02:05"), page)
    shown = pieces(page)
    assert [(s, t) for s, _, t in shown] == [
        (13, "How is it?"),
        (text.index("ڈ"), "ڈاکٹر 😀 fine."),
    ]
    assert all("hl" in attrs for _, attrs, _ in shown)
    data = re.search(r'id="workspace-data">([^<]*)</script>', page)
    assert data and json.loads(data.group(1))["text"] == text and "ڈاکٹر" in data.group(1)


def test_layers_per_coder(web_study: thematic.Study, app) -> None:  # type: ignore[no-untyped-def]
    web_study.add_coder("consensus", "consensus")
    code_here(web_study, "freezes", "Personal/Trust", "sana")
    code_here(web_study, "every", "Personal/Trust", "amina")
    page = client_for(app, "bilal").get(f"/documents/{doc_of(web_study).id}/code").text
    layers = re.findall(r'<input type="checkbox" class="layer" data-coder="([^"]+)" checked>', page)
    assert layers == ["bilal", "amina", "sana", "consensus"]  # you first, consensus last
    assert 'data-layer-count="sana">1<' in page


def test_frequent_codes_bar(web_study: thematic.Study, app) -> None:  # type: ignore[no-untyped-def]
    web_study.add_code("Personal/Fear")
    for word in ("freezes", "every", "day"):
        code_here(web_study, word, "Personal/Fear", "bilal")
    code_here(web_study, "video", USABILITY, "bilal")
    for word in ("freezes", "every", "day", "video"):
        code_here(web_study, word, "Personal/Trust", "sana")  # not bilal's: not on his bar
    page = client_for(app, "bilal").get(f"/documents/{doc_of(web_study).id}/code").text
    bar = page[page.index('id="frequent-codes"') : page.index('id="layers"')]
    pins = re.findall(r'class="pin" data-key="(\d)" data-code-id="\d+" title="([^"]+) \(key', bar)
    assert pins == [("1", "Personal/Fear"), ("2", USABILITY)]


def test_codebook_side_panel_counts_this_documents_codings(
    web_study: thematic.Study, as_owner: Client
) -> None:
    code_here(web_study, "freezes", "Personal/Trust", "sana")
    code_here(web_study, "every", "Personal/Trust", "bilal")
    trust = web_study.code_by("Personal/Trust")
    page = as_owner.get(f"/documents/{doc_of(web_study).id}/code").text
    assert f'data-count-for="{trust.id}">2<' in page
    assert page.count('class="code-link"') == len(web_study.codes())


def test_text_and_names_are_escaped(web_study: thematic.Study, as_owner: Client) -> None:
    web_study.add_code("<b>Bold</b> & co")
    doc = web_study.add_document("Markup", 'He typed <script>alert("x")</script> & left.')
    web_study.code(doc.id, 3, 20, "<b>Bold</b> & co", "amina")
    page = as_owner.get(f"/documents/{doc.id}/code").text
    assert "<script>alert" not in page and "<b>Bold" not in page
    assert "&lt;script&gt;" in page
    assert "".join(t for _, _, t in pieces(page)) == doc.text


# -- layout helpers --------------------------------------------------------------------------
def test_turns_show_their_utterance_and_keep_notes_between_them() -> None:
    text = "Interview P01, 3 March\n\nInterviewer: How?\n\nP01:\nBadly.\n\n[end of tape]"
    turns = [
        Turn(text.index("How?"), text.index("How?") + 4, "Interviewer", 5.0),
        Turn(text.index("Badly."), text.index("Badly.") + 6, "P01", 3725.0),
    ]
    blocks = blocks_of(text, turns)
    shown = [(b.kind, b.speaker, b.clock, text[b.start : b.end]) for b in blocks]
    assert shown == [
        ("note", None, "", "Interview P01, 3 March"),
        ("turn", "Interviewer", "00:05", "How?"),
        ("turn", "P01", "1:02:05", "Badly."),
        ("note", None, "", "[end of tape]"),
    ]


def test_documents_without_turns_are_split_at_blank_lines() -> None:
    text = "  First line\nsecond line\n \n\nSecond para.  \n\n\n"
    assert [text[s:e] for s, e in paragraph_spans(text, 0, len(text))] == [
        "First line\nsecond line",
        "Second para.",
    ]
    assert [(b.kind, b.start) for b in blocks_of(text, ())] == [("para", 2), ("para", 28)]
    assert paragraph_spans("", 0, 0) == [] and blocks_of("", ()) == []


def test_clock_and_paint() -> None:
    assert [clock(None), clock(0), clock(65.9), clock(3600)] == ["", "00:00", "01:05", "1:00:00"]
    style = paint(("#E69F00", "#56B4E9"))
    assert "linear-gradient(#E69F0040" in style and "inset 0 -4px 0 0 #56B4E9" in style
