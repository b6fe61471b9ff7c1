"""Logging in and out in a real browser."""

from __future__ import annotations

from tests.browser.conftest import PASSWORD, log_in
from tests.live import LiveServer


def test_log_in_see_dashboard_log_out(page, live: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(live.url + "/")
    assert page.url.startswith(f"{live.url}/login")
    log_in(page, live, "amina")
    assert page.locator("h1").inner_text() == "Browser study"
    assert "amina" in page.locator(".whoami").inner_text()
    page.click("text=Log out")
    page.wait_for_url(f"{live.url}/login")


def test_wrong_password_shows_one_clear_line(page, live: LiveServer) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live.url}/login")
    page.fill("input[name=name]", "amina")
    page.fill("input[name=password]", PASSWORD + "x")
    page.click("button[type=submit]")
    assert page.locator(".error").inner_text() == "wrong name or password"
