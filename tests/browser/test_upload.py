"""Uploading a transcript in a real browser, then opening it to code."""

from __future__ import annotations

from pathlib import Path

from tests.browser.conftest import log_in
from tests.live import LiveServer

ZOOM_VTT = """WEBVTT

1
00:00:01.000 --> 00:00:04.000
Interviewer: How did the video clinic go this week?

2
00:00:04.500 --> 00:00:09.000
P01: It dropped twice, ڈاکٹر صاحب, and the patient gave up 😀.
"""


def test_upload_a_transcript_then_code_it(
    page, live: LiveServer, browser_study, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "P01_zoom.vtt"
    path.write_text(ZOOM_VTT, encoding="utf-8")
    log_in(page, live, "amina")
    page.goto(f"{live.url}/documents")
    page.set_input_files("#upload-files", str(path))
    page.select_option("#upload-participant", "auto")
    page.click("#upload-submit")
    page.wait_for_url("**/documents?imported=1")
    document = next(d for d in browser_study.documents() if d.source_name == "P01_zoom.vtt")
    assert document.participant == "P01"
    assert [t.speaker for t in document.turns] == ["Interviewer", "P01"]
    assert "ڈاکٹر صاحب" in document.text and "😀" in document.text
    page.click(f"#document-{document.id} a")
    page.wait_for_url(f"**/documents/{document.id}/code")
    assert "ڈاکٹر صاحب" in page.locator("#doc-text").inner_text()


def test_a_bad_file_is_named_and_nothing_lands(
    page, live: LiveServer, browser_study, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    bad = tmp_path / "notes.pdf"
    bad.write_bytes(b"%PDF-1.4 not a transcript")
    log_in(page, live, "amina")
    page.goto(f"{live.url}/documents")
    before = len(browser_study.documents())
    page.set_input_files("#upload-files", str(bad))
    page.click("#upload-submit")
    error = page.locator("#upload-error")
    error.wait_for(state="visible")
    assert "notes.pdf" in error.inner_text() and "Nothing was uploaded" in error.inner_text()
    assert len(browser_study.documents()) == before
