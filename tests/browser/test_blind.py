"""Blind coding in a real browser: a coder sees only their own codings on an assigned
document until they mark it complete; the agreement page works for the owner."""

from __future__ import annotations

from tests.browser.conftest import log_in
from tests.live import LiveServer


def test_blind_coding_hides_the_other_coder(page, live: LiveServer, browser_study) -> None:  # type: ignore[no-untyped-def]
    document = browser_study.documents()[0]
    start = document.text.index("We lose the notes")
    browser_study.assign(document.id, ["bilal", "sana"])
    browser_study.set_blind_coding(True)
    sanas = browser_study.code(document.id, start, start + 17, "Personal/Trust", "sana")
    log_in(page, live, "bilal")
    page.goto(f"{live.url}/documents/{document.id}/code")
    page.locator("#doc-text").wait_for()
    assert page.locator(f'[data-coding-ids~="{sanas.id}"]').count() == 0
    assert page.locator('#layers input.layer[data-coder="sana"]').count() == 0
    hidden = page.evaluate(
        "async (id) => (await thematic.api('GET', `/api/documents/${id}/codings`)).length",
        document.id,
    )
    assert hidden == 0  # the API hides it too
    page.goto(f"{live.url}/agreement/assignments")
    page.locator("text=Mark complete").first.click()
    page.wait_for_url(f"{live.url}/agreement/assignments")
    page.goto(f"{live.url}/documents/{document.id}/code")
    page.locator(f'.hl[data-coding-ids~="{sanas.id}"]').first.wait_for()


def test_owner_sees_the_agreement_table(page, live: LiveServer, browser_study) -> None:  # type: ignore[no-untyped-def]
    document = browser_study.documents()[0]
    start = document.text.index("Nobody showed us")
    browser_study.code(document.id, start, start + 25, "Organizational/Lack of training", "bilal")
    browser_study.code(document.id, start, start + 16, "Organizational/Lack of training", "sana")
    log_in(page, live, "amina")
    page.goto(f"{live.url}/agreement?coder=bilal&coder=sana")
    table = page.locator("#agreement-table")
    table.wait_for()
    assert "Organizational/Lack of training" in table.inner_text()
    page.click("text=Review discrepancies")
    page.locator("article.discrepancy").first.wait_for()
    page.locator("article.discrepancy button[value=accept]").first.click()
    page.locator("#flash").wait_for()
    assert len(browser_study.codings(coder="consensus")) == 1
