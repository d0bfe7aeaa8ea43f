"""Importing in a real browser, from the Add page: a phone checks a Teal export and
reads the report; a laptop checks it again and imports. Each page fits its window
and axe finds nothing serious; the screenshots go to test-artifacts/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from nextsteps.accounts.services import change_profile, profile_of
from nextsteps.tracker.models import Application
from tests.e2e.conftest import log_in, serious_violations, sideways_scroll
from tests.imports.base import FILES

PASSWORD = "a sturdy passphrase"
SUMMARY = "A Teal export, 7 rows: 6 applications to create, 0 already in nextsteps, 1 row refused."


def check_the_file(page: Page, width: int, artifacts: Path) -> list[str]:
    page.goto("/applications/new/")
    page.get_by_role("link", name="Import them").click()
    page.screenshot(path=artifacts / f"import-form-{width}.png", full_page=True)
    problems = [f"form: {p}" for p in serious_violations(page)]
    page.get_by_label("The file:").set_input_files(FILES / "teal.csv")
    page.get_by_label("Exported from:").select_option("auto")
    page.get_by_role("button", name="Check the file").click()
    expect(page.get_by_text(SUMMARY)).to_be_visible()
    expect(page.get_by_role("cell", name="The company's name cannot be empty.")).to_be_visible()
    page.screenshot(path=artifacts / f"import-report-{width}.png", full_page=True)
    problems += [f"report: {p}" for p in serious_violations(page)]
    if overflow := sideways_scroll(page):
        problems.append(f"report: {overflow} px wider than the window")
    return problems


def test_a_teal_export_checked_on_a_phone_and_imported_on_a_laptop(
    browser: Any, live_server: Any, axe_script: str, transactional_db: None, artifacts: Path
) -> None:
    user = User.objects.create_user("sam", password=PASSWORD)
    change_profile(profile_of(user), "timezone", "Europe/London")
    problems = []
    for width, height in ((390, 844), (1280, 800)):
        context = browser.new_context(
            base_url=live_server.url, viewport={"width": width, "height": height}
        )
        context.add_init_script(axe_script)
        page = context.new_page()
        log_in(page, live_server.url, "sam", PASSWORD)
        problems += check_the_file(page, width, artifacts)
        if width == 1280:
            page.get_by_role("button", name="Import 6 applications").click()
            expect(page.get_by_text("Imported 6 applications from a Teal export")).to_be_visible()
            page.screenshot(path=artifacts / "import-done-1280.png", full_page=True)
        context.close()
    assert problems == []
    assert Application.objects.filter(owner=user).count() == 6
