"""Browser tests: the real web app served by uvicorn on a free local port, driven by
Playwright in Debian's Chromium (/usr/bin/chromium; browsers are never downloaded).

Without Chromium the tests skip, which THEMATIC_NO_SKIP=1 (CI) turns into failures.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

import thematic
from tests.live import LiveServer, free_port
from thematic.web import create_app

CHROMIUM = os.environ.get("THEMATIC_CHROMIUM", "/usr/bin/chromium")
PASSWORD = "a good password"
# Flags for a sandboxed root CI box with no network but the loopback.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
]
TRANSCRIPT = (
    "Interviewer: How is the video app working for you?\n\n"
    "P01: Honestly it freezes every day. ڈاکٹر صاحب نے کہا 😀 that the portal is slow. "
    "We lose the notes when it crashes.\n\n"
    "Interviewer: And training?\n\n"
    "P01: Nobody showed us anything; we learned from each other."
)


@pytest.fixture
def browser_study(tmp_path: Path) -> Iterator[thematic.Study]:
    study = thematic.create(tmp_path / "browser.thematic", title="Browser study")
    study.create_first_owner("amina", PASSWORD)
    for name, role in (("bilal", "coder"), ("sana", "coder"), ("guest", "viewer")):
        study.add_coder(name, role)
        study.set_password(name, PASSWORD)
    study.add_code("Technological/Usability and glitches", colour="#E69F00")
    study.add_code("Organizational/Lack of training", colour="#009E73")
    study.add_code("Personal/Trust", colour="#CC79A7")
    study.add_participant("P01")
    study.add_document("P01 interview", TRANSCRIPT, participant="P01", language="en")
    yield study
    study.close()


@pytest.fixture
def live(browser_study: thematic.Study) -> Iterator[LiveServer]:
    app = create_app(browser_study, secret_key="browser-test")
    with LiveServer(app, free_port()) as server:
        yield server


@pytest.fixture(scope="session")
def chromium():  # type: ignore[no-untyped-def]
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.skip(f"Chromium not found at {CHROMIUM} (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live):  # type: ignore[no-untyped-def]
    context = chromium.new_context(viewport={"width": 1280, "height": 860})
    tab = context.new_page()
    tab.set_default_timeout(10_000)
    yield tab
    context.close()


def log_in(page, live: LiveServer, name: str, password: str = PASSWORD) -> None:  # type: ignore[no-untyped-def]
    page.goto(f"{live.url}/login")
    page.fill("input[name=name]", name)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{live.url}/")
