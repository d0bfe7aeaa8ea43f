"""A newcomer's first minutes, in a real browser: create the account, add an
application, log an interview held today, see the thank-you due tomorrow and the
follow-up a week later on Today, mark the thank-you sent and see it leave; then
find the calendar address and the digest in Settings."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from nextsteps.playbook import EventKind, Workdays
from nextsteps.playbook.humandates import say_day
from nextsteps.tracker.models import Event

PASSWORD = "a sturdy passphrase"


def midday_zone() -> str:
    """A fixed-offset zone where it is now late morning or early afternoon, so an
    interview "held today" ended an hour ago, today, whenever the test runs."""
    hour = datetime.now(UTC).hour
    offset = next(o for o in range(-12, 15) if 11 <= (hour + o) % 24 < 15)
    if offset == 0:
        return "Etc/GMT"
    return f"Etc/GMT{'-' if offset > 0 else '+'}{abs(offset)}"


def journey(page: Page, base: str, zone: str, artifacts: Path, label: str, js: bool) -> None:
    now = datetime.now(ZoneInfo(zone))
    today = now.date()

    page.goto(base)
    expect(page).to_have_url(f"{base}/signup/")
    page.get_by_label("Username:", exact=True).fill("newcomer")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password confirmation:", exact=True).fill(PASSWORD)
    if js:  # the page picked the browser's timezone by itself
        expect(page.get_by_label("Timezone:", exact=True)).to_have_value(zone)
    else:
        page.get_by_label("Timezone:", exact=True).select_option(zone)
    page.get_by_role("button", name="Create the account").click()

    expect(page).to_have_url(f"{base}/applications/new/")
    page.get_by_label("Company:", exact=True).fill("Acme")
    page.get_by_label("Role:", exact=True).fill("Data Analyst")
    page.get_by_label("Date applied:", exact=True).fill(today.isoformat())
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_contain_text("Data Analyst")

    interview = page.locator("#form-interview")
    interview.locator("summary").click()
    interview.get_by_label("Day:", exact=True).fill(today.isoformat())
    interview.get_by_label("Started at:", exact=True).fill(f"{now - timedelta(hours=2):%H:%M}")
    interview.get_by_label("Ended at:", exact=True).fill(f"{now - timedelta(hours=1):%H:%M}")
    interview.get_by_role("button", name="Record").click()
    expect(page.locator(".messages")).to_contain_text("Recorded: Interview held.")
    page.screenshot(path=artifacts / f"application-{label}.png", full_page=True)

    page.get_by_role("link", name="Today", exact=True).click()
    thank_you = page.locator(".card", has_text="Thank Acme for the Data Analyst interview")
    expect(thank_you).to_contain_text("due tomorrow")
    follow_up_day = Workdays(ZoneInfo(zone)).on_or_after(today + timedelta(days=7))
    coming_up = page.locator("section", has=page.get_by_role("heading", name="Coming up"))
    follow_up = coming_up.locator("li", has_text="Follow up with Acme")
    expect(follow_up).to_contain_text(say_day(follow_up_day, today))
    page.screenshot(path=artifacts / f"today-{label}.png", full_page=True)

    thank_you.get_by_role("button", name="Thank-you sent").click()
    expect(page.locator(".messages")).to_contain_text("Thank-you sent: recorded")
    expect(thank_you).to_have_count(0)
    expect(follow_up).to_have_count(1)

    page.get_by_role("link", name="Pipeline").click()
    expect(page.locator(".column", has_text="Interviewing")).to_contain_text("Acme")
    page.screenshot(path=artifacts / f"board-{label}.png", full_page=True)

    page.get_by_role("link", name="Settings").click()
    expect(page.locator("#digest + p")).to_contain_text("no mail account to send your digest")
    address = page.get_by_label("Your calendar address")
    old_address = address.input_value()
    assert old_address.startswith("http://127.0.0.1:8000/calendar/")
    page.get_by_role("button", name="Replace the address").click()
    expect(page.locator(".messages")).to_contain_text("the old one no longer works")
    expect(address).not_to_have_value(old_address)
    page.screenshot(path=artifacts / f"settings-{label}.png", full_page=True)


@pytest.mark.parametrize(
    ("label", "viewport", "js"),
    [
        ("desktop", {"width": 1280, "height": 900}, True),
        ("390px", {"width": 390, "height": 844}, True),
        ("no-javascript", {"width": 1280, "height": 900}, False),
    ],
)
def test_a_newcomers_first_interview(
    browser: Any,
    live_server: Any,
    transactional_db: None,
    artifacts: Path,
    label: str,
    viewport: dict[str, int],
    js: bool,
) -> None:
    zone = midday_zone()
    context = browser.new_context(viewport=viewport, timezone_id=zone, java_script_enabled=js)
    page = context.new_page()
    problems: list[str] = []
    page.on(
        "console",
        lambda m: problems.append(f"{page.url} {m.text[:60]}") if m.type == "error" else None,
    )
    page.on("pageerror", lambda e: problems.append(str(e)))
    try:
        journey(page, live_server.url, zone, artifacts, label, js)
    finally:
        context.close()
    assert problems == []  # no script error, nothing refused by the content policy
    sent = Event.objects.get(kind=EventKind.THANK_YOU_SENT)
    assert sent.application.owner.username == "newcomer"
