"""The site in a real browser: Debian's headless Chromium, driven by Playwright.

Skipped when Playwright or /usr/bin/chromium is absent (`.ci/run` installs chromium). The
screenshots go to $TRANSYNC_ARTIFACTS, or pytest's temporary folder, for a person to look at.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from transync.model import Report
from transync.report.dashboard import build_site
from transync.report.dashboard.view import SiteInfo

CHROMIUM = Path("/usr/bin/chromium")
ARGUMENTS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

sync_api = pytest.importorskip("playwright.sync_api")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is not installed", allow_module_level=True)


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGUMENTS)
        yield browser
        browser.close()


@pytest.fixture
def site(report: Report, info: SiteInfo, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("site")
    for name, data in build_site(report, info).items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_bytes(data)
    return folder


@pytest.fixture
def artifacts(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = Path(os.environ.get("TRANSYNC_ARTIFACTS") or tmp_path_factory.getbasetemp())
    folder = folder / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


class Page:
    """A browser tab that records every console error and uncaught exception."""

    def __init__(self, browser: Any, **options: Any) -> None:
        self.page = browser.new_page(**options)
        self.errors: list[str] = []
        self.page.on(
            "console",
            lambda message: self.errors.append(message.text) if message.type == "error" else None,
        )
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        # The repository holds a file named `<img src=x onerror=alert(1)>.md`: shown as text,
        # it never gets to open a dialog.
        self.page.on("dialog", lambda dialog: self.errors.append(f"dialog: {dialog.message}"))

    def open(self, path: Path) -> Any:
        self.page.goto(path.as_uri())
        return self.page

    def column(self, table: str, index: int) -> list[str]:
        rows = self.page.locator(f"#{table} tbody tr:visible")
        return [rows.nth(row).locator("th, td").nth(index).inner_text().strip()
                for row in range(rows.count())]  # fmt: skip


def test_the_index_sorts_and_filters_without_console_errors(
    browser: Any, site: Path, artifacts: Path
) -> None:
    tab = Page(browser, viewport={"width": 1280, "height": 900})
    page = tab.open(site / "index.html")
    assert tab.column("language-table", 0) == ["fr French", "ja Japanese"]
    fresh = page.locator("#language-table thead th", has_text="Fresh")
    fresh.click()
    assert fresh.get_attribute("aria-sort") == "ascending"
    assert tab.column("language-table", 2) == ["0.0%", "50.0%"]
    fresh.click()
    assert tab.column("language-table", 2) == ["50.0%", "0.0%"]
    page.locator("input[data-filter=language-table]").fill("japan")
    assert tab.column("language-table", 0) == ["ja Japanese"]
    page.locator("input[data-filter=language-table]").fill("")
    assert page.get_by_text("<img src=x onerror=alert(1)>.md").count() >= 1
    assert page.locator("details.folder[open]").count() == 2  # a small matrix is open
    page.screenshot(path=str(artifacts / "index.png"), full_page=True)
    assert tab.errors == []


def test_a_language_page_sorts_filters_and_reads_on_a_phone_in_the_dark(
    browser: Any, site: Path, artifacts: Path
) -> None:
    tab = Page(browser, viewport={"width": 390, "height": 844}, color_scheme="dark")
    page = tab.open(site / "ja.html")
    assert len(tab.column("missing-table", 0)) == 2
    page.locator("input[data-filter=missing-table]").fill("api")
    assert tab.column("missing-table", 0) == ["docs/api.md"]
    background = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert background == "rgb(13, 17, 23)"  # the dark scheme
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390  # no sideways scrolling of the whole page on a phone
    page.screenshot(path=str(artifacts / "ja-phone-dark.png"), full_page=True)
    assert tab.errors == []


def test_with_javascript_off_every_table_is_there_and_no_dead_filter_box(
    browser: Any, site: Path, artifacts: Path
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "index.html").as_uri())
    assert page.locator("#language-table tbody tr").count() == 2
    assert not page.locator("input[data-filter]").first.is_visible()
    page.screenshot(path=str(artifacts / "index-no-js.png"), full_page=True)
    context.close()
