"""The documents page and API: listing, uploads (formats, limits, all-or-nothing), links."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import docx
import pytest

import thematic

from .conftest import Client, client_for

DATA = Path(__file__).parents[1] / "data" / "transcripts"
URDU = (
    "Interviewer: آپ ویڈیو کال کیسے کرتے ہیں؟\n\nP01: ڈاکٹر صاحب، انٹرنیٹ اکثر بند ہو جاتا ہے۔ 😀\n"
)


def docx_bytes(*turns: tuple[str, str]) -> bytes:
    document = docx.Document()
    for speaker, words in turns:
        paragraph = document.add_paragraph()
        paragraph.add_run(speaker + ":").bold = True
        paragraph.add_run(" " + words)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def titles(study: thematic.Study) -> list[str]:
    return [d.title for d in study.documents()]


def one_h1(html: str) -> bool:
    return html.count("<h1") == 1


@pytest.mark.parametrize("name", ["amina", "bilal", "guest"])
def test_page_renders_for_every_role(app, name: str) -> None:  # type: ignore[no-untyped-def]
    page = client_for(app, name).get("/documents")
    assert page.status_code == 200 and one_h1(page.text)
    assert 'href="/documents/1/code"' in page.text and "P01 interview" in page.text
    assert ('id="upload-files"' in page.text) == (name == "amina")
    assert ('id="upload-progress"' in page.text) == (name == "amina")


def test_upload_vtt_and_docx_with_auto_participant(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    files = [
        ("files", ("P01_zoom.vtt", (DATA / "zoom.vtt").read_bytes(), "text/vtt")),
        (
            "files",
            ("P01_followup.docx", docx_bytes(("Interviewer", "Better now?"), ("P01", "Yes."))),
        ),
    ]
    response = as_owner.post(
        "/api/documents", files=files, data={"participant": "auto", "language": "en"}
    )
    assert response.status_code == 201, response.text
    vtt, word = response.json()
    assert vtt["title"] == "P01_zoom" and vtt["participant"] == "P01" and vtt["turns"] > 3
    assert vtt["source_format"] == "vtt" and vtt["language"] == "en"
    assert word["participant"] == "P01" and word["turns"] == 2 and word["kind"] == "transcript"
    detail = as_owner.get(f"/api/documents/{word['id']}").json()
    last = detail["turns"][-1]
    assert last["speaker"] == "P01" and detail["text"][last["start"] : last["end"]] == "Yes."
    listed = as_owner.get("/api/documents").json()
    assert [d["title"] for d in listed] == ["P01 interview", "P01_zoom", "P01_followup"]


def test_urdu_survives_upload_exactly(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    response = as_owner.post(
        "/api/documents",
        files={"files": ("P01 urdu.txt", URDU.encode("utf-8"), "text/plain")},
        data={"language": "ur", "participant": "P01", "kind": "transcript"},
    )
    assert response.status_code == 201
    document_id = response.json()[0]["id"]
    assert web_study.document(document_id).text == URDU
    assert as_owner.get(f"/api/documents/{document_id}").json()["text"] == URDU


def test_oversized_upload_is_refused_and_nothing_stored(app, as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    app.state.max_upload_bytes = 2000
    big = ("Interviewer: " + "words " * 1000).encode()
    response = as_owner.post("/api/documents", files={"files": ("P01_long.txt", big)})
    assert response.status_code == 413
    assert "larger than the limit of 2 KB" in response.json()["error"]["message"]
    assert titles(web_study) == ["P01 interview"]
    page = as_owner.post("/documents/upload", files={"files": ("P01_long.txt", big)})
    assert page.status_code == 413 and "larger than the limit" in page.text


def test_streamed_upload_without_length_is_cut_off(app, as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    app.state.max_upload_bytes = 2000
    boundary = "thematicboundary"

    def body() -> Iterator[bytes]:
        yield (
            f'--{boundary}\r\nContent-Disposition: form-data; name="files"; '
            'filename="P01_long.txt"\r\nContent-Type: text/plain\r\n\r\n'
        ).encode()
        for _ in range(50):
            yield b"Interviewer: more words and more words\n" * 5
        yield f"\r\n--{boundary}--\r\n".encode()

    response = as_owner.post(
        "/api/documents",
        content=body(),
        headers={"Content-Type": f"multipart/form-data; boundary={boundary}"},
    )
    assert response.status_code == 413
    assert titles(web_study) == ["P01 interview"]


def test_wrong_type_is_415_naming_the_file(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    response = as_owner.post("/api/documents", files={"files": ("P01 notes.pdf", b"%PDF-1.4 x")})
    assert response.status_code == 415
    error = response.json()["error"]
    assert error["type"] == "UnreadableFile" and error["message"].startswith("P01 notes.pdf: ")
    assert titles(web_study) == ["P01 interview"]


def test_batch_with_a_corrupt_docx_stores_nothing(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    files = [
        ("files", ("good.vtt", (DATA / "zoom.vtt").read_bytes())),
        ("files", ("broken.docx", b"PK\x03\x04 not really a zip")),
    ]
    response = as_owner.post("/api/documents", files=files)
    assert response.status_code == 415
    message = response.json()["error"]["message"]
    assert (
        message.startswith("broken.docx: not a readable Word") and "thematic-upload" not in message
    )
    assert titles(web_study) == ["P01 interview"]


def test_upload_form_without_javascript(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    response = as_owner.post(
        "/documents/upload",
        files={"files": ("field visit.md", b"Arrived at the clinic at nine.\n")},
        data={"kind": "field_note", "participant": ""},
        follow_redirects=False,
    )
    assert response.status_code == 303
    page = as_owner.get("/documents?kind=field_note").text
    assert "Imported 1 document." in page and "field visit" in page
    assert "P01 interview" not in page.split("<tbody>")[1].split("</tbody>")[0]
    failed = as_owner.post("/documents/upload", files={"files": ("x.pdf", b"%PDF")})
    assert failed.status_code == 415 and one_h1(failed.text) and "x.pdf:" in failed.text
    nothing = as_owner.post("/api/documents", files={"files": ("", b"")})
    assert nothing.status_code == 400


def test_link_translation_and_unlink(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    urdu = web_study.add_document("P01 اردو", URDU, language="ur")
    english = web_study.document("P01 interview")
    linked = as_owner.patch(f"/api/documents/{english.id}", json={"translation_of": urdu.id})
    assert linked.status_code == 200 and linked.json()["translation_of"] == urdu.id
    page = as_owner.get("/documents").text
    assert "translation of" in page and "translated as" in page
    unlink = as_owner.post(
        "/documents/link",
        data={"document": english.id, "translation_of": ""},
        follow_redirects=False,
    )
    assert unlink.status_code == 303 and web_study.document(english.id).translation_of is None
    form = as_owner.post(
        "/documents/link",
        data={"document": english.id, "translation_of": urdu.id},
        follow_redirects=False,
    )
    assert form.status_code == 303 and web_study.document(english.id).translation_of == urdu.id
    itself = as_owner.patch(f"/api/documents/{urdu.id}", json={"translation_of": urdu.id})
    assert itself.status_code == 400


def test_detail_and_bad_ids(as_owner: Client) -> None:
    detail = as_owner.get("/api/documents/1").json()
    assert set(detail) >= {"title", "kind", "language", "participant", "text", "turns"}
    assert detail["translation_of"] is None and detail["participant"] == "P01"
    assert detail["turns"] == []  # added from text, so no speaker turns
    assert as_owner.get("/api/documents/999").status_code == 404
    assert as_owner.get("/api/documents/abc").status_code == 400
    assert as_owner.get("/api/documents?kind=poem").status_code == 400
    assert as_owner.patch("/api/documents/1", json={"kind": 3}).status_code == 400
    assert as_owner.delete("/api/documents/999").status_code == 404


def test_coded_by_is_listed(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    web_study.code(1, 0, 11, "Personal/Trust", "bilal")
    listed = as_owner.get("/api/documents").json()
    assert listed[0]["coded_by"] == ["bilal"] and listed[0]["words"] > 5


def test_delete_through_api_and_form(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    note = web_study.add_document("Note", "A short note.", kind="field_note")
    assert as_owner.delete(f"/api/documents/{note.id}").status_code == 204
    response = as_owner.post("/documents/1/delete", follow_redirects=False)
    assert response.status_code == 303 and titles(web_study) == []
    assert "Deleted “P01 interview”" in as_owner.get("/documents").text


def test_members_other_than_the_owner_cannot_change_documents(app, web_study) -> None:  # type: ignore[no-untyped-def]
    for name in ("guest", "bilal"):
        member = client_for(app, name)
        upload = member.post("/api/documents", files={"files": ("a.txt", b"Interviewer: hi")})
        assert upload.status_code == 403
        assert member.patch("/api/documents/1", json={"language": "ur"}).status_code == 403
        assert member.delete("/api/documents/1").status_code == 403
        form = member.post("/documents/1/delete")
        assert form.status_code == 403 and "may not manage" in form.text
    assert titles(web_study) == ["P01 interview"]


def test_changes_need_the_csrf_token(as_owner: Client, web_study) -> None:  # type: ignore[no-untyped-def]
    bare = Client(as_owner.app)
    bare.cookies = as_owner.cookies
    upload = bare.post("/api/documents", files={"files": ("a.txt", b"Interviewer: hi")})
    assert upload.status_code == 403 and "CSRF" in upload.json()["error"]["message"]
    assert bare.delete("/api/documents/1").status_code == 403
    assert bare.post("/documents/upload", files={"files": ("a.txt", b"I: hi")}).status_code == 403
    assert titles(web_study) == ["P01 interview"]


def test_openapi_lists_the_document_api(as_owner: Client) -> None:
    paths = as_owner.get("/api/openapi.json").json()["paths"]
    assert {"get", "post"} <= set(paths["/api/documents"])
    assert {"get", "patch", "delete"} <= set(paths["/api/documents/{document_id}"])


def test_numbers_beyond_any_id_are_4xx(as_owner: Client) -> None:
    big = "9" * 25
    for method, url, body in [
        ("get", f"/api/documents/{big}", None),
        ("delete", f"/api/documents/{big}", None),
        ("patch", "/api/documents/1", {"translation_of": int(big)}),
        ("get", f"/api/codes/{big}", None),
        ("patch", "/api/codes/1", {"parent": int(big)}),
        ("get", f"/api/memos/{big}", None),
        ("get", f"/api/memos?link=document:{big}", None),
        ("post", "/api/memos", {"body": "x", "link": f"coding:{big}"}),
    ]:
        response = as_owner.request(method, url, json=body)
        assert 400 <= response.status_code < 500, url
        assert response.json()["error"]["message"]
