"""Capturing postings in a real browser: on a phone, from the Add page, an address
fetched from a real server; on a laptop, the bookmarklet clicked on a posting's
page, which opens nextsteps filled in, and the application saved. Each page fits
its window and axe finds nothing serious; the screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any
from urllib.parse import unquote

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from nextsteps.tracker.models import Application
from tests.capture.conftest import site_address
from tests.e2e.conftest import log_in, serious_violations, sideways_scroll

PASSWORD = "a sturdy passphrase"


def problems_on(page: Page, name: str, width: int, artifacts: Path) -> list[str]:
    page.screenshot(path=artifacts / f"capture-{name}-{width}.png", full_page=True)
    problems = [f"{name}: {p}" for p in serious_violations(page)]
    if overflow := sideways_scroll(page):
        problems.append(f"{name}: {overflow} px wider than the window")
    return problems


def fetch_an_address(page: Page, width: int, artifacts: Path) -> list[str]:
    page.goto("/applications/new/")
    page.get_by_role("link", name="Capture it").click()
    problems = problems_on(page, "form", width, artifacts)
    page.get_by_label("The posting's web address:").fill(f"{site_address()}/greenhouse.html")
    page.get_by_role("button", name="Read the posting").click()
    expect(page.get_by_label("Company:")).to_have_value("Lindenfield Robotics")
    expect(page.get_by_label("Location:")).to_have_value("Austin, TX, US")
    return problems + problems_on(page, "filled", width, artifacts)


def use_the_bookmarklet(page: Page, width: int, artifacts: Path) -> list[str]:
    page.goto("/applications/capture/")
    link = page.get_by_role("link", name="Capture in nextsteps")
    code = unquote(link.get_attribute("href") or "").removeprefix("javascript:")
    page.goto(f"{site_address()}/lever.html")
    with page.context.expect_page() as opened:
        page.evaluate(code.rstrip(";"))
    capture = opened.value
    capture.wait_for_load_state()
    expect(capture.get_by_label("Role:")).to_have_value("Senior R&D Chemist")
    expect(capture.get_by_label("Salary:")).to_have_value("GBP 52,000 to 61,000 a year")
    problems = problems_on(capture, "bookmarklet", width, artifacts)
    capture.get_by_role("button", name="Save the application").click()
    expect(capture.get_by_text("Added Senior R&D Chemist at Harrow & Finch.")).to_be_visible()
    return problems


def test_a_posting_captured_from_its_address_and_with_the_bookmarklet(
    browser: Any,
    live_server: Any,
    axe_script: str,
    transactional_db: None,
    artifacts: Path,
    settings: Any,
) -> None:
    settings.CAPTURE_PRIVATE_NETWORK = True  # the postings are served on loopback
    User.objects.create_user("sam", password=PASSWORD)
    problems = []
    for width, height in ((390, 844), (1280, 800)):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": height}
        )
        context.add_init_script(axe_script)
        page = context.new_page()
        log_in(page, live_server.url, "sam", PASSWORD)
        if width == 390:
            problems += fetch_an_address(page, width, artifacts)
        else:
            problems += use_the_bookmarklet(page, width, artifacts)
        context.close()
    assert problems == []
    saved = Application.objects.get()
    assert saved.posting_url == f"{site_address()}/lever.html"
