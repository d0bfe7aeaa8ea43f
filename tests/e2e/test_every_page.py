"""Every page, in a real browser, at a phone's and a laptop's width: no page is wider
than the window (nothing scrolls sideways from 320 to 1,440 px), and axe-core, the
accessibility engine, finds nothing serious or critical on any of them. One test per
width walks them all, on the demo's three weeks of a job search with messages
scheduled, sent, failed and perhaps sent, and names too long for a phone's line."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import User
from django.urls import reverse
from django.utils import timezone

from nextsteps.api.tokens import create_token, owner_of
from nextsteps.outreach import services as outreach
from nextsteps.outreach.models import Message
from nextsteps.playbook import Event, EventKind, StepKind
from nextsteps.playbook.drafting import PLACEHOLDER, MessageKind, message_kind_of_step
from nextsteps.tracker import services as tracker
from nextsteps.tracker.models import Contact, NextStep
from nextsteps.web.demo import create_demo
from nextsteps.web.event_forms import EVENT_FORMS
from tests.e2e.conftest import log_in, serious_violations, sideways_scroll

# (width, height, whether axe runs there): axe looks at the phone's layout and the
# laptop's; the narrowest phone only has to fit.
WIDTHS = [(320, 640, False), (390, 844, True), (1440, 900, True)]
MISSING = "/no-such-page/"  # the page that says so
POSTING = "https://jobs.example.com/postings/5521"
POSTING_TAGS = (
    '<meta property="og:title" content="Copperleaf Foods hiring Supply Planner in Leeds">'
)


@dataclass(frozen=True)
class Search:
    user: User
    password: str
    pages: list[str]  # the signed-in user's pages, as paths


def step(user: User, company: str, kind: StepKind) -> NextStep:
    return NextStep.objects.get(
        application__owner=user, application__company__name=company, kind=kind, state="open"
    )


def schedule(user: User, open_step: NextStep) -> Message:
    """The step's message with its blanks filled, at the best time."""
    kind = message_kind_of_step(StepKind(open_step.kind), open_step.attempt)
    assert kind is not None
    draft = outreach.draft(user, open_step, kind, timezone.now())
    subject, body = (PLACEHOLDER.sub("Sam Seeker", text) for text in (draft.subject, draft.body))
    return outreach.schedule_message(user, open_step, kind, subject, body)


def stuck(user: User, open_step: NextStep, state: str, reason: str) -> Message:
    """A message the worker could not deliver, or cannot tell whether it did."""
    moment = timezone.now() - timedelta(hours=1)
    return Message.objects.create(
        owner=user,
        application=open_step.application,
        step=open_step,
        kind=message_kind_of_step(StepKind(open_step.kind), open_step.attempt),
        to_name="Hiring team",
        to_address="jobs@example.com",
        subject="Following up",
        body="Hello,\n\nI am following up.\n",
        state=state,
        scheduled_at=moment,
        send_at=moment,
        send_by=moment + timedelta(days=1),
        attempts=1,
        reason=reason,
    )


def long_words(user: User) -> int:
    """An application whose names are single words wider than a phone, interviewed
    yesterday: on Today, the board, the table, its page and its contact's."""
    contact = tracker.ContactDetails(
        "Maximiliana Featherstonehaugh-Worthington",
        "maximiliana.featherstonehaugh@supercalifragilisticexpialidocious.example",
    )
    application = tracker.add_application(
        user,
        "Supercalifragilisticexpialidociousventures",
        "Principal-Data-Platform-Reliability-Engineering-Lead",
        applied_on=timezone.localdate() - timedelta(days=7),
        contact=contact,
    )
    held = timezone.now() - timedelta(days=1)
    tracker.record_event(
        application, Event(EventKind.INTERVIEW_HELD, held, end=held + timedelta(hours=1))
    )
    return application.id


def busy_search() -> Search:
    user, password = create_demo("sam", "Europe/London")
    wide = long_words(user)
    outreach.set_mail_account(
        user,
        outreach.AccountSettings(
            host="127.0.0.1", port=2525, security="none", from_address="sam@example.com"
        ),
        # The mail account page with its inbox connected: its status and Disconnect.
        inbox=outreach.InboxSettings("imap.example.com", username="sam@example.com"),
    )
    thank_you = step(user, "Copperleaf Foods", StepKind.THANK_YOU)
    scheduled = schedule(user, thank_you)
    sent = schedule(user, step(user, "Harbour Analytics", StepKind.FOLLOW_UP))
    Message.objects.filter(id=sent.id).update(
        state=Message.State.SENT, sent_at=timezone.now(), message_id="<1.sam@example.com>"
    )
    sent.refresh_from_db()
    outreach.record_sending(sent)
    failed = stuck(
        user,
        step(user, "Oakridge Health", StepKind.CHECK_IN),
        Message.State.FAILED,
        "The mail server refused the address: 550 No such user here.",
    )
    stuck(
        user,
        step(user, "Northgate Travel", StepKind.CHECK_IN),
        Message.State.UNCERTAIN,
        "The connection closed after the message was handed over.",
    )
    copperleaf = thank_you.application_id
    no_address = step(user, "Fernhill Bank", StepKind.FOLLOW_UP)
    owner_of(create_token(user, "My spreadsheet").secret, timezone.now())
    create_token(user, "A script never used yet")
    pages = [
        reverse("today"),
        reverse("board"),
        reverse("table"),
        reverse("table") + "?sort=-applied&stage=interviewing",
        reverse("application", args=[copperleaf]),
        reverse("application", args=[sent.application_id]),
        reverse("application", args=[wide]),
        reverse("add-application"),
        reverse("import"),
        reverse("capture"),
        # The form filled in, as the bookmarklet opens it.
        reverse("capture") + "?" + urlencode({"address": POSTING, "page": POSTING_TAGS}),
        *(reverse("log", args=[copperleaf, form]) for form in EVENT_FORMS),
        reverse("step-skip", args=[thank_you.id]),
        reverse("contacts"),
        reverse("contact", args=[Contact.objects.filter(owner=user).first().id]),  # type: ignore[union-attr]
        reverse("settings"),
        reverse("password"),
        reverse("api-tokens"),
        reverse("mail-account"),
        reverse("message-template", args=[MessageKind.THANK_YOU.value]),
        reverse("message-editor", args=[thank_you.id]),
        reverse("message-editor", args=[no_address.id]),
        reverse("message-editor", args=[no_address.id]) + "?kind=call_script",
        reverse("message-editor", args=[step(user, "Copperleaf Foods", "handwritten_note").id]),
        reverse("outbox"),
        reverse("insights"),
        reverse("activities"),
        reverse("message", args=[scheduled.id]),
        reverse("message", args=[sent.id]),
        reverse("message", args=[failed.id]),
        MISSING,
    ]
    return Search(user, password, pages)


@pytest.fixture
def search(transactional_db: None, settings: Any, live_server: Any) -> Search:
    # The command line's user, without a password: the first visit to `nextsteps
    # serve` on this computer offers to set one.
    settings.LISTENING_ON = live_server.url
    User.objects.create_user("me", password=None)
    return busy_search()


def look(page: Any, path: str, axe: bool) -> list[str]:
    """What is wrong with one page: sideways scrolling, and axe's serious findings."""
    response = page.goto(path)
    problems = []
    if response.status != (404 if path == MISSING else 200):
        problems.append(f"{path}: answered {response.status}")
    if overflow := sideways_scroll(page):
        problems.append(f"{path}: {overflow} px wider than the window")
    if axe:
        problems += [f"{path}: {found}" for found in serious_violations(page)]
    return problems


@pytest.mark.parametrize(("width", "height", "axe"), WIDTHS, ids=[f"{w}px" for w, _, _ in WIDTHS])
def test_every_page_fits_and_has_no_serious_accessibility_problem(
    browser: Any,
    live_server: Any,
    axe_script: str,
    search: Search,
    width: int,
    height: int,
    axe: bool,
) -> None:
    context = browser.new_context(
        base_url=live_server.url, viewport={"width": width, "height": height}
    )
    context.add_init_script(axe_script)
    page = context.new_page()
    problems: list[str] = []
    try:
        for path in (reverse("login"), reverse("signup"), reverse("first-visit")):
            problems += look(page, path, axe)
        log_in(page, live_server.url, search.user.username, search.password)
        for path in search.pages:
            problems += look(page, path, axe)
    finally:
        context.close()
    assert problems == []
