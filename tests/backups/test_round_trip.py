"""Property: whatever a user did through the services (applications, events in any
order, people, steps done or skipped, messages drafted, scheduled and cancelled,
mail taken in, activities, wordings, settings), backing the account up, restoring
it into a database without it, and backing it up again gives the same backup."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.auth.models import User
from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from nextsteps.accounts.services import change_profile, profile_of
from nextsteps.activities import services as activities
from nextsteps.fields import FieldRefused
from nextsteps.inbox.parsing import incoming_mail
from nextsteps.inbox.services import take_in
from nextsteps.outreach import services as outreach
from nextsteps.outreach.templating import TemplateRefused
from nextsteps.playbook import Event, EventKind, InvalidEvent, StepKind
from nextsteps.playbook.drafting import PLACEHOLDER, MessageKind, message_kind_of_step
from nextsteps.playbook.habits import ActivityKind
from nextsteps.reminders.services import feed_of
from nextsteps.tracker import services
from nextsteps.tracker.models import Application, NextStep
from tests.backups.roundtrip import round_trip
from tests.inbox import mails

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 11, 20, 12, 0, tzinfo=LONDON)  # a Friday
COMPANIES = ["Acme", "Globex", "Ünïcode GmbH", '=HYPERLINK("x")']
# What the services refuse is part of what a user does: nothing is kept of it.
REFUSALS = (
    FieldRefused,
    InvalidEvent,
    services.StepRefused,
    outreach.Refused,
    TemplateRefused,
    ValueError,
)
# Text of every script, emoji and quote; what a field refuses (control characters)
# now and then, as a user might paste it.
words = st.one_of(
    st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs"]), max_size=25),
    st.text(max_size=5),
)
ago = st.integers(min_value=0, max_value=30)
which = st.integers(min_value=0, max_value=5)

applications = st.tuples(
    st.just("add"), st.sampled_from(COMPANIES), words, st.none() | ago, st.booleans()
)
# Interviews and replies more often than the rest: they make the steps with messages.
event_kinds = st.sampled_from([EventKind.INTERVIEW_HELD, EventKind.EMPLOYER_REPLIED, *EventKind])
actions = st.one_of(
    applications,
    st.tuples(st.just("event"), which, event_kinds, ago, words),
    st.tuples(st.just("contact"), words, st.emails() | st.just(""), which),
    st.tuples(st.just("skip"), which, words),
    st.tuples(st.just("done"), which),
    st.tuples(st.just("draft"), which, words, words),
    st.tuples(st.just("schedule"), which),
    st.tuples(st.just("cancel"), which),
    st.tuples(st.just("mail"), which, words),
    st.tuples(st.just("activity"), st.sampled_from(list(ActivityKind)), words, st.booleans()),
    st.tuples(st.just("template"), st.sampled_from(list(MessageKind)), words, words),
    st.tuples(
        st.just("setting"),
        st.sampled_from(["name", "weekly_target", "digest_time", "playbook"]),
        st.sampled_from(["Sam Seeker", "3", "07:30", "off", "persistent", "Zoë «O'Neil»"]),
    ),
)


def nth(rows: list[Any], index: int) -> Any:
    return rows[index % len(rows)] if rows else None


class Account:
    """The user, and what the drawn actions do through the services."""

    def __init__(self, user: User) -> None:
        self.user = user
        self.profile = profile_of(user)
        change_profile(self.profile, "timezone", "Europe/London")
        change_profile(self.profile, "country", "GB")
        settings_ = outreach.AccountSettings("127.0.0.1", 2525, "none", "Me <me@example.com>", "me")
        outreach.set_mail_account(user, settings_, "a password")
        feed_of(user)

    def applications(self) -> list[Application]:
        return list(Application.objects.filter(owner=self.user).order_by("id"))

    def open_step(self, index: int) -> NextStep | None:
        application = nth(self.applications(), index)
        return application and application.steps.filter(state="open").order_by("due").first()

    def do(self, action: tuple[Any, ...]) -> None:
        name, *args = action
        with contextlib.suppress(REFUSALS):
            getattr(self, f"do_{name}")(*args)

    def do_add(self, company: str, role: str, days_ago: int | None, temporary: bool) -> None:
        applied = None if days_ago is None else (NOW - timedelta(days=days_ago)).date()
        n = len(self.applications())
        services.add_application(
            self.user,
            company,
            role or "Analyst",
            applied_on=applied,
            temporary=temporary,
            contact=services.ContactDetails(f"Jane {n}", f"jane{n}@company.example"),
        )

    def do_event(self, index: int, kind: EventKind, days_ago: int, note: str) -> None:
        application = nth(self.applications(), index)
        if application is not None:
            event = Event(kind, NOW - timedelta(days=days_ago, hours=1))
            services.record_event(application, event, note=note)

    def do_contact(self, name: str, email: str, index: int) -> None:
        contact = services.add_contact(self.user, services.ContactDetails(name, email), "Acme")
        application = nth(self.applications(), index)
        if application is not None:
            services.link_contact(application, contact)

    def do_skip(self, index: int, reason: str) -> None:
        step = self.open_step(index)
        if step is not None:
            services.skip_step(step, reason, NOW)

    def do_done(self, index: int) -> None:
        step = self.open_step(index)
        if step is not None:
            services.complete_step(step, NOW)

    def message_kind(self, index: int) -> tuple[NextStep, MessageKind] | None:
        step = self.open_step(index)
        kind = step and message_kind_of_step(StepKind(step.kind), step.attempt)
        return (step, kind) if step and kind else None

    def do_draft(self, index: int, subject: str, body: str) -> None:
        if found := self.message_kind(index):
            outreach.save_draft(self.user, *found, subject, body, NOW)

    def do_schedule(self, index: int) -> None:
        if found := self.message_kind(index):
            step, kind = found
            draft = outreach.draft(self.user, step, kind, NOW)
            subject, body = (PLACEHOLDER.sub("Sam", text) for text in (draft.subject, draft.body))
            outreach.schedule_message(self.user, step, kind, subject, body, now=NOW)

    def do_cancel(self, index: int) -> None:
        message = nth(list(outreach.outbox_of(self.user)), index)
        if message is not None:
            outreach.cancel_message(self.user, message.pk)

    def do_mail(self, index: int, words: str) -> None:
        application = nth(self.applications(), index)
        contact = application and application.contacts.exclude(email="").first()
        if contact is not None:
            raw = mails.reply(
                message_id=f"<{index}-{len(words)}@example.com>",
                sender=f"Them <{contact.email}>",
                date="Thu, 19 Nov 2026 10:30:00 +0000",
                body=f"Thanks. {words} We will decide by Friday 27 November.",
            )
            take_in(self.user, incoming_mail(raw), NOW)

    def do_activity(self, kind: ActivityKind, what: str, done: bool) -> None:
        activity = activities.add_activity(self.user, kind, what or "Read", every_days=7)
        if done:
            activities.complete_activity(activity)

    def do_template(self, kind: MessageKind, subject: str, body: str) -> None:
        outreach.save_template(self.user, kind, subject, body)

    def do_setting(self, key: str, value: str) -> None:
        change_profile(self.profile, key, value)


class RoundTripPropertyTest(TestCase):
    @settings(
        max_examples=40,
        deadline=None,
        database=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
    @given(st.lists(applications, min_size=1, max_size=3), st.lists(actions, max_size=20))
    def test_restoring_a_backup_gives_back_the_same_account(
        self, first: list[Any], then: list[Any]
    ) -> None:
        with time_machine.travel(NOW, tick=False):
            account = Account(User.objects.create_user("seeker"))
            for action in [*first, *then]:
                account.do(action)
            before, after, _ = round_trip(account.user)
        self.assertEqual(before, after)
        for table in ("applications", "events", "steps", "messages", "mails", "saved_drafts"):
            event(f"{table}: {'some' if after[table] else 'none'}")
