"""Coding in a real browser: select with the mouse, type a code, press Enter; reload and see
the highlight; offsets stored as code points even with Urdu and emoji; roles enforced."""

from __future__ import annotations

import thematic
from tests.browser.conftest import log_in
from tests.live import LiveServer

SELECT = """
(needle) => {
  const root = document.getElementById("doc-text");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  const nodes = [];
  let all = "";
  while (walker.nextNode()) {
    nodes.push([walker.currentNode, all.length]);
    all += walker.currentNode.data;
  }
  const at = all.indexOf(needle);
  if (at < 0) throw new Error("not on the page: " + needle);
  const locate = (offset) => {
    for (let i = nodes.length - 1; i >= 0; i--) {
      if (nodes[i][1] <= offset) return [nodes[i][0], offset - nodes[i][1]];
    }
  };
  const range = document.createRange();
  range.setStart(...locate(at));
  range.setEnd(...locate(at + needle.length));
  const rects = range.getClientRects();
  const first = rects[0], last = rects[rects.length - 1];
  return {x1: first.left + 1, y1: first.top + first.height / 2,
          x2: last.right - 1, y2: last.top + last.height / 2};
}
"""


def select_with_mouse(page, needle: str) -> None:  # type: ignore[no-untyped-def]
    """Drag the mouse across ``needle`` in the transcript, as a person would."""
    box = page.evaluate(SELECT, needle)
    page.mouse.move(box["x1"], box["y1"])
    page.mouse.down()
    page.mouse.move((box["x1"] + box["x2"]) / 2, (box["y1"] + box["y2"]) / 2, steps=4)
    page.mouse.move(box["x2"], box["y2"], steps=4)
    page.mouse.up()


def apply_code(page, typed: str) -> None:  # type: ignore[no-untyped-def]
    page.locator("#code-input").fill(typed)
    page.locator("[role=option]").first.wait_for()
    page.keyboard.press("Enter")


def open_workspace(page, live: LiveServer, study: thematic.Study) -> int:  # type: ignore[no-untyped-def]
    document = study.documents()[0]
    page.goto(f"{live.url}/documents/{document.id}/code")
    page.locator("#doc-text").wait_for()
    return document.id


def test_select_and_code_then_reload(page, live: LiveServer, browser_study) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live, "bilal")
    document_id = open_workspace(page, live, browser_study)
    select_with_mouse(page, "Nobody showed us anything")
    apply_code(page, "lack of tr")
    page.locator(".hl").first.wait_for()
    [coding] = browser_study.codings(document=document_id)
    text = browser_study.document(document_id).text
    assert text[coding.start : coding.end] == "Nobody showed us anything"
    assert coding.coder == "bilal"
    assert browser_study.code_by(coding.code_id).path == "Organizational/Lack of training"
    page.reload()
    highlight = page.locator(f'.hl[data-coding-ids~="{coding.id}"]').first
    assert "Nobody" in highlight.inner_text()


def test_urdu_and_emoji_offsets_are_code_points(page, live: LiveServer, browser_study) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live, "sana")
    document_id = open_workspace(page, live, browser_study)
    needle = "ڈاکٹر صاحب نے کہا 😀 that the portal is slow"
    select_with_mouse(page, needle)
    apply_code(page, "usability")
    page.locator(".hl").first.wait_for()
    [coding] = browser_study.codings(document=document_id, coder="sana")
    text = browser_study.document(document_id).text
    assert (coding.start, coding.end) == (text.index(needle), text.index(needle) + len(needle))
    # JavaScript counts the emoji as two UTF-16 units; the stored span must not.
    assert len(needle.encode("utf-16-le")) // 2 == len(needle) + 1


def test_viewer_cannot_code(page, live: LiveServer, browser_study) -> None:  # type: ignore[no-untyped-def]
    log_in(page, live, "guest")
    document_id = open_workspace(page, live, browser_study)
    assert page.locator("#code-input").count() == 0  # no coding tools for a viewer
    # Even a request made by hand from the viewer's page is refused by the server.
    message = page.evaluate(
        """async (id) => {
             try { await thematic.api("POST", "/api/codings",
                                      {document_id: id, start: 0, end: 5, code: "Personal/Trust"});
                   return "stored"; }
             catch (error) { return error.message; } }""",
        document_id,
    )
    assert "may not code documents" in message
    assert browser_study.codings(document=document_id) == []


def test_coder_cannot_delete_another_coders_coding(page, live: LiveServer, browser_study) -> None:  # type: ignore[no-untyped-def]
    document = browser_study.documents()[0]
    start = document.text.index("We lose the notes")
    theirs = browser_study.code(document.id, start, start + 17, "Personal/Trust", "sana")
    log_in(page, live, "bilal")
    open_workspace(page, live, browser_study)
    page.locator(f'.hl[data-coding-ids~="{theirs.id}"]').first.click()
    panel = page.locator("#coding-panel")
    panel.wait_for()
    remove = panel.locator('[data-action="remove"]')
    if remove.count():
        remove.first.click()
        page.locator(".toast.error").wait_for()
    assert [c.id for c in browser_study.codings(document=document.id)] == [theirs.id]
