"""The analysis pages in a real browser: a search hit opens the workspace at the passage
(offsets in code points, past Urdu and an emoji); a passage found by a coding query is pinned
and shows on the Quotes page; the figures load."""

from __future__ import annotations

import thematic
from tests.browser.conftest import TRANSCRIPT, log_in
from tests.live import LiveServer

# The rectangle of the first occurrence of a text in the transcript, as the browser lays it out.
TEXT_BOX = """
(needle) => {
  const root = document.getElementById("doc-text");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const box = range.getBoundingClientRect();
    return {left: box.left, top: box.top, right: box.right, bottom: box.bottom};
  }
  throw new Error("not on the page: " + needle);
}
"""


def _code(study: thematic.Study) -> int:
    document = study.documents()[0]
    for passage, code in (
        ("Honestly it freezes every day.", "Technological/Usability and glitches"),
        ("We lose the notes when it crashes.", "Technological/Usability and glitches"),
        ("We lose the notes when it crashes.", "Personal/Trust"),
        ("Nobody showed us anything; we learned from each other.", "Organizational"),
    ):
        start = TRANSCRIPT.index(passage)
        study.code(document.id, start, start + len(passage), code, "amina")
    return document.id


def test_a_search_hit_opens_the_workspace_at_the_passage(
    page, live: LiveServer, browser_study: thematic.Study
) -> None:  # type: ignore[no-untyped-def]
    document_id = _code(browser_study)
    log_in(page, live, "guest")
    page.click("nav.mainnav >> text=Analysis")
    page.fill("#search-q", "crash*")
    page.keyboard.press("Enter")
    page.locator("#result-count").wait_for()
    assert "1 hit in 1 document" in page.inner_text("#result-count")
    start = TRANSCRIPT.index("crashes")  # code points: the Urdu and the emoji come before
    page.click("#search-results a.hit")
    page.wait_for_url(f"{live.url}/documents/{document_id}/code?at={start}-{start + 7}")
    mark = page.locator(".jump-mark").first
    mark.wait_for()
    assert page.get_attribute("#doc-text", "data-at") == f"{start}-{start + 7}"
    marked = mark.bounding_box()
    word = page.evaluate(TEXT_BOX, "crashes")
    assert abs(marked["x"] + 1 - word["left"]) < 3 and abs(marked["y"] + 1 - word["top"]) < 3
    assert abs(marked["width"] - 2 - (word["right"] - word["left"])) < 3
    assert 0 <= word["top"] < page.viewport_size["height"]  # scrolled into view
    page.keyboard.press("Escape")
    assert page.locator(".jump-mark").count() == 0


def test_pin_from_a_coding_query_then_quotes_and_figures(
    page, live: LiveServer, browser_study: thematic.Study
) -> None:  # type: ignore[no-untyped-def]
    _code(browser_study)
    log_in(page, live, "bilal")
    page.goto(f"{live.url}/queries/coding")
    page.select_option("#coding-code", "Technological")
    page.select_option("#coding-not", ["Personal"])
    page.click("#coding-form button[type=submit]")
    passages = page.locator("#coding-results li.passage")
    passages.first.wait_for()
    assert passages.count() == 1  # the crash passage is also coded Personal/Trust
    assert "it freezes every day" in passages.first.inner_text()
    passages.first.locator("text=Pin as quote").click()
    passages.first.locator(".badge.pinned").wait_for()
    assert "Pinned to Technological" in page.inner_text("#toast")
    [quote] = browser_study.pinned_quotes()
    assert quote.text == "Honestly it freezes every day." and quote.pinned_by == "bilal"

    page.click("nav.analysis-tabs >> text=Quotes")
    pinned = page.locator(f"#quote-{quote.id}")
    pinned.wait_for()
    assert "Honestly it freezes every day." in pinned.inner_text()
    assert "P01" in pinned.inner_text()

    page.click("nav.analysis-tabs >> text=Figures")
    images = page.locator("img[data-figure]")
    assert images.count() == 3
    for index in range(3):
        image = images.nth(index)
        image.scroll_into_view_if_needed()
        page.wait_for_function(
            "(img) => img.complete && img.naturalWidth > 0", arg=image.element_handle()
        )
        assert image.get_attribute("alt")
