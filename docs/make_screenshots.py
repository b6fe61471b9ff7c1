"""Screenshots of the main pages of the web app on the demo study, for the user guide.

Run: python docs/make_screenshots.py   (needs /usr/bin/chromium; writes docs/screenshots/*.png)
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

from playwright.sync_api import sync_playwright

from thematic.demo import build_demo
from thematic.web import create_app

ROOT = Path(__file__).parents[1]
sys.path.insert(0, str(ROOT))
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS  # noqa: E402
from tests.live import LiveServer, free_port  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
PASSWORD = "demo password"


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as folder:
        study = build_demo(Path(folder) / "demo.thematic")
        study.set_password("amina", PASSWORD)
        urdu = next(d for d in study.documents() if d.language == "ur")
        english = study.documents()[0]
        pages = {
            "dashboard": "/",
            "participants": "/participants",
            "documents": "/documents",
            "workspace": f"/documents/{english.id}/code",
            "workspace-urdu": f"/documents/{urdu.id}/code",
            "codebook": "/codebook",
            "memos": "/memos",
            "query-search": "/queries/search?q=%22power+cuts%22+OR+load*",
            "query-coding": "/queries/coding?code=Personal%2FTrust&and=Technological",
            "query-matrix": "/queries/matrix?rows=subtheme&columns=site&count=participants",
            "framework": "/queries/framework",
            "figures": "/figures",
            "quotes": "/quotes",
            "report": "/report",
            "saturation": "/saturation",
            "codebook-history": "/codebook/history",
            "map": "/map",
        }
        with (
            LiveServer(create_app(study, secret_key="shots"), free_port()) as server,
            sync_playwright() as playwright,
        ):
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1366, "height": 860})
            page.goto(f"{server.url}/login")
            page.fill("input[name=name]", "amina")
            page.fill("input[name=password]", PASSWORD)
            page.click("button[type=submit]")
            page.wait_for_url(f"{server.url}/")
            for name, path in pages.items():
                page.goto(server.url + path)
                page.wait_for_load_state("networkidle")
                if name == "workspace":
                    # Show coded passages: scroll to the first highlight, open its panel.
                    page.locator(".hl").nth(3).scroll_into_view_if_needed()
                    page.mouse.wheel(0, 120)
                    page.locator(".hl").nth(3).click()
                page.screenshot(path=OUT / f"{name}.png")
                print(f"wrote docs/screenshots/{name}.png")
            privacy_pages(page, server.url, study, Path(folder))
            browser.close()
        study.close()


def privacy_pages(page, url: str, study, folder: Path) -> None:  # type: ignore[no-untyped-def]
    """The owner's privacy pages: a withdrawal preview; a scan with some proposals decided and
    one transcript's applied (so the report shows); an Urdu original's proposals; the log."""

    def shot(name: str, path: str, *, full: bool = False) -> None:
        page.goto(url + path)
        page.wait_for_load_state("networkidle")
        page.screenshot(path=OUT / f"{name}.png", full_page=full)
        print(f"wrote docs/screenshots/{name}.png")

    shot("withdraw", "/participants/P08/withdraw")
    study.set_key_file(folder / "demo.key")
    study.scan_identifiers(key_passphrase=PASSWORD, model=None)
    study.decide_proposals([p.id for p in study.proposals(document="P02 interview")], "accept")
    study.apply_deidentification(key_passphrase=PASSWORD)
    first = study.proposals(document="P01 interview", context=False)
    study.decide_proposals([first[0].id], "accept")
    study.decide_proposals([first[-1].id], "reject")
    shot("deidentify", "/deidentify?where=P01+interview", full=True)
    shot("deidentify-urdu", "/deidentify?where=P08+interview+%28Urdu+original%29#review")
    shot("audit", "/audit")


if __name__ == "__main__":
    main()
