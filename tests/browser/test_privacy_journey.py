"""The owner's privacy journey in a real browser: scan for identifiers with the key passphrase,
accept one with a click, edit one, mark a missed one by selecting it (offsets in code points,
past an emoji), apply, read the report; then withdraw a participant from the participants
page, through the preview and the typed confirmation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

import thematic
from tests.browser.conftest import PASSWORD, log_in
from tests.live import LiveServer, free_port
from tests.privacy_study import KEY_PASS, P07_TEXT, build_privacy
from thematic.web import create_app

# Drag the mouse across the first occurrence of a text in the passage view.
TEXT_BOX = """
(needle) => {
  const root = document.getElementById("passage-text");
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    const at = node.data.indexOf(needle);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + needle.length);
    const box = range.getBoundingClientRect();
    return {x1: box.left + 1, x2: box.right - 1, y: box.top + box.height / 2};
  }
  throw new Error("not on the page: " + needle);
}
"""


@pytest.fixture
def private(tmp_path: Path) -> Iterator[thematic.Study]:
    study = thematic.create(tmp_path / "private.thematic", title="Privacy journey")
    build_privacy(study, tmp_path / "private.key")
    study.create_first_owner("amina", PASSWORD)
    yield study
    study.close()


@pytest.fixture
def private_live(private: thematic.Study) -> Iterator[LiveServer]:
    with LiveServer(create_app(private, secret_key="browser-test"), free_port()) as server:
        yield server


@pytest.fixture
def tab(chromium):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def row(study: thematic.Study, original: str) -> str:
    return "#proposal-" + str(next(p.id for p in study.proposals() if p.original == original))


def test_deidentify_then_withdraw(tab, private_live: LiveServer, private: thematic.Study) -> None:  # type: ignore[no-untyped-def]
    page, live = tab, private_live
    log_in(page, live, "amina")
    page.click("nav.mainnav >> text=Privacy")
    page.wait_for_url(f"{live.url}/deidentify")
    page.fill("#scan-passphrase", KEY_PASS)
    page.select_option("#scan-model", "none")
    page.click("#scan-submit")
    page.locator("#flash").wait_for()
    assert "6 new proposals" in page.inner_text("#flash")

    doctor = row(private, "Dr. Ayesha Khan")
    page.click(f"{doctor} button.accept")
    page.wait_for_selector(f"{doctor} .badge.status-accepted")
    assert "Accepted proposal" in page.inner_text("#flash")

    saima = row(private, "Saima")
    page.click(f"{saima} details.edit summary")
    page.fill(f"{saima} input[name=replacement]", "[Colleague]")
    page.click(f"{saima} .edit-form button[type=submit]")
    page.wait_for_selector(f"{saima} .badge.status-accepted")
    assert page.inner_text(f"{saima} td.replacement") == "[Colleague]"

    # A missed identifier, selected with the mouse after the emoji (2 UTF-16 units, 1 here).
    document = private.document("P07 interview")
    page.goto(f"{live.url}/deidentify?passage={document.id}#passage")
    box = page.evaluate(TEXT_BOX, "internet")
    page.mouse.move(box["x1"], box["y"])
    page.mouse.down()
    page.mouse.move(box["x2"], box["y"], steps=4)
    page.mouse.up()
    start = P07_TEXT.index("internet")
    page.wait_for_function(f"document.getElementById('add-start').value === '{start}'")
    assert page.input_value("#add-end") == str(start + len("internet"))
    page.select_option("#add-kind", "custom")
    page.fill("#add-replacement", "[Network]")
    page.click("#add-submit")
    page.locator("#flash").wait_for()
    assert "to become [Network]" in page.inner_text("#flash")
    assert any(p.original == "internet" for p in private.proposals(status="accepted"))

    page.select_option("#bulk-kind", "")
    page.click("#bulk-accept")
    page.locator("#flash").wait_for()
    page.fill("#apply-passphrase", KEY_PASS)
    page.check("#apply-confirm")
    page.click("#apply-submit")
    page.locator("#report-table").wait_for()
    report = page.inner_text("#report-table")
    assert "[Doctor A]" in report and "[Colleague]" in report and "Ayesha" not in report
    assert "Replaced 7 identifiers" in page.inner_text("#flash")
    new = private.document("P07 interview").text
    assert new.startswith(
        "I: Who helps you?\nP07: [Doctor A] at [Hospital 1] helps, and [Colleague]"
    )

    page.click("nav.mainnav >> text=Participants")
    page.click("#participant-P07 a.withdraw")
    page.wait_for_url(f"{live.url}/participants/P07/withdraw")
    assert "P07 interview (Urdu)" in page.inner_text("#preview-documents")
    page.fill("#preview-passphrase", KEY_PASS)
    page.click("#key-preview-submit")
    page.locator("#withdraw-form").wait_for()
    page.fill("#withdraw-passphrase", KEY_PASS)
    page.fill("#withdraw-confirm", "P7")  # a slip: nothing happens
    page.click("#withdraw-submit")
    page.locator("#withdraw-error").wait_for()
    assert "Nothing was deleted" in page.inner_text("#withdraw-error")
    page.fill("#withdraw-passphrase", KEY_PASS)
    page.fill("#withdraw-confirm", "P07")
    page.click("#withdraw-submit")
    page.wait_for_url(f"{live.url}/participants")
    assert "Withdrawal 1 recorded" in page.inner_text("#flash")
    assert page.locator("#participant-P07").count() == 0
    assert [p.label for p in private.participants()] == ["P08"]
