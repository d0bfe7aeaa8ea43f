"""From step to done, in a real browser: the README's command-line walkthrough records
an application and an interview, the first visit sets the command line's password,
Today's thank-you card opens its draft, the blanks are filled, it is sent, a worker
delivers it to a real SMTP server, and the card and the timeline show it sent. Then
a server that answers 550: the failure is said in words and the step stays open."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from playwright.sync_api import Page, expect

from nextsteps import worker
from nextsteps.outreach.models import Message
from nextsteps.playbook.drafting import PLACEHOLDER
from nextsteps.tracker.models import Application
from tests.cli.conftest import run
from tests.e2e.conftest import sideways_scroll
from tests.e2e.test_journey import midday_zone
from tests.outreach.smtpd import Sink, running_sink

PASSWORD = "a sturdy passphrase"
VIEWPORTS = [("desktop", {"width": 1280, "height": 800}), ("390px", {"width": 390, "height": 844})]


def walkthrough(zone: str, smtp_port: int) -> int:
    """The README's walkthrough on today's dates: an application sent a week ago, an
    interview that ended an hour ago, and the mail account."""
    now = datetime.now(ZoneInfo(zone))
    run("config", "set", "timezone", zone)
    run(
        "add", "Acme", "Data Analyst", "--applied", f"{now - timedelta(days=7):%Y-%m-%d}",
        "--contact", "Jane Doe <jane@acme.example>",
    )  # fmt: skip
    application = str(Application.objects.get(role="Data Analyst").id)
    run(
        "log", application, "interview", "--at", f"{now - timedelta(hours=2):%Y-%m-%d %H:%M}",
        "--end", f"{now - timedelta(hours=1):%Y-%m-%d %H:%M}",
    )  # fmt: skip
    run(
        "mail-account", "set", "--host", "127.0.0.1", "--port", str(smtp_port),
        "--security", "none", "--from", "you@example.com", "--username", "you",
        "--password-stdin", stdin="secret\n",
    )  # fmt: skip
    return int(application)


def no_sideways_scroll(page: Page) -> None:
    assert sideways_scroll(page) == 0, f"{page.url} scrolls sideways"


def write_the_thank_you(page: Page, base: str, label: str, artifacts: Path) -> int:
    """From Today to a message on its way; returns the clicks it took."""
    page.goto(base)
    expect(page).to_have_url(f"{base}/welcome/")
    page.get_by_label("New password:", exact=True).fill(PASSWORD)
    page.get_by_label("New password confirmation:", exact=True).fill(PASSWORD)
    page.get_by_role("button", name="Set the password").click()
    expect(page).to_have_url(f"{base}/")
    no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"loop-today-{label}.png", full_page=True)

    clicks = 0
    card = page.locator(".card", has_text="Thank Acme for the Data Analyst interview")
    card.get_by_role("link", name="Write the thank-you").click()
    clicks += 1
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank-you to Jane Doe at Acme")
    no_sideways_scroll(page)
    body = page.get_by_label("Body:", exact=True)
    text = body.input_value()
    for blank in dict.fromkeys(PLACEHOLDER.findall(text)):
        text = text.replace(blank, "Sam Seeker" if "name" in blank else "the data warehouse")
    body.fill(text)  # typing, not clicking
    expect(page.locator("#flags")).to_contain_text("No blanks left to fill in.")
    page.screenshot(path=artifacts / f"loop-editor-{label}.png", full_page=True)
    page.get_by_role("button", name="Send now").click()
    clicks += 1
    expect(page.locator(".messages")).to_contain_text("Thank-you scheduled")
    expect(card).to_contain_text("nextsteps sends your message")
    return clicks


@dataclass(frozen=True)
class Seeker:
    """A job seeker's browser, in a timezone where it is midday, and the pages'
    address, served as `nextsteps serve` serves them."""

    page: Page
    base: str
    zone: str
    viewport: str


@pytest.fixture(params=VIEWPORTS, ids=[label for label, _ in VIEWPORTS])
def seeker(
    request: Any, browser: Any, live_server: Any, transactional_db: None, settings: Any
) -> Iterator[Seeker]:
    label, viewport = request.param
    zone = midday_zone()
    context = browser.new_context(viewport=viewport, timezone_id=zone)
    settings.LISTENING_ON = live_server.url
    try:
        yield Seeker(context.new_page(), live_server.url, zone, label)
    finally:
        context.close()


def test_a_thank_you_from_its_card_to_their_inbox(seeker: Seeker, artifacts: Path) -> None:
    page, base, label = seeker.page, seeker.base, seeker.viewport
    with running_sink() as (sink, port):
        application = walkthrough(seeker.zone, port)
        clicks = write_the_thank_you(page, base, label, artifacts)
        assert clicks <= 3
        worker.run_once()  # the thank-you (and the user's digest, if one is due)
        (received,) = [r for r in sink.received if r.rcpt_to == ["jane@acme.example"]]
        assert "Sam Seeker" in received.message.get_payload()

    page.goto(base)
    expect(page.locator(".card", has_text="Thank Acme")).to_have_count(0)
    page.goto(f"{base}/applications/{application}/")
    timeline = page.locator(".timeline li").first
    expect(timeline).to_contain_text("Thank-you sent")
    expect(timeline).to_contain_text("Sent by nextsteps.")
    no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"loop-application-{label}.png", full_page=True)
    timeline.get_by_role("link", name="Read the message").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Thank-you to Jane Doe")
    expect(page.locator(".letter")).to_contain_text("Sam Seeker")


def test_a_refused_message_is_said_in_words_and_the_step_stays_open(
    seeker: Seeker, artifacts: Path
) -> None:
    page, base, label = seeker.page, seeker.base, seeker.viewport
    with running_sink(Sink(answers=["550 5.1.1 No such user here"])) as (_, port):
        walkthrough(seeker.zone, port)
        write_the_thank_you(page, base, f"refused-{label}", artifacts)
        worker.run_once()
        assert Message.objects.get(kind="thank_you").state == Message.State.FAILED

    page.goto(base)
    card = page.locator(".card", has_text="Thank Acme for the Data Analyst interview")
    expect(card).to_contain_text("Not sent")
    expect(card).to_contain_text("No such user here")
    expect(card.get_by_role("button", name="Retry")).to_be_visible()
    expect(page.get_by_role("link", name="Outbox 1 needs you")).to_be_visible()
    page.get_by_role("link", name="Outbox 1 needs you").click()
    needs_you = page.locator("section", has=page.get_by_role("heading", name="Needs you"))
    expect(needs_you).to_contain_text("No such user here")
    no_sideways_scroll(page)
    page.screenshot(path=artifacts / f"loop-outbox-{label}.png", full_page=True)
