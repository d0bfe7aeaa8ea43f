"""An owner with an interview behind them, a contact with an e-mail address, and
(when a test asks) a mail account on a real SMTP server on loopback."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import time_machine

from nextsteps.outreach import drafts, services
from nextsteps.outreach.models import Message
from nextsteps.playbook import Event, EventKind, StepKind
from nextsteps.playbook.drafting import MessageKind, message_kind_of_step
from nextsteps.tracker.models import NextStep
from nextsteps.tracker.services import ContactDetails, record_event
from tests.base import BaseTestCase
from tests.outreach.smtpd import Sink, running_sink

# Thursday 5 November 2026, 10:00-11:00 in London: the thank-you is due by Friday
# 11:00, the first follow-up is on Thursday the 12th.
INTERVIEW_DAY = date(2026, 11, 5)
PASSWORD = "correct horse battery staple"
REFLECTION = "Strong points: the SQL exercise\nTopics to mention: their warehouse move"


class OutreachTestCase(BaseTestCase):
    def setUp(self) -> None:
        super().setUp()
        # Recorded as it happened, so the thank-you is planned while it is still worth
        # doing; the tests then set the clock they need (the worker's runs freely).
        with time_machine.travel(self.local(INTERVIEW_DAY, 12), tick=False):
            self.application = self.add(
                applied_on=date(2026, 10, 26),
                contact=ContactDetails("Jane Doe", "jane@acme.example"),
            )
            self.log(
                self.application,
                EventKind.INTERVIEW_HELD,
                self.local(INTERVIEW_DAY, 10),
                end=self.local(INTERVIEW_DAY, 11),
            )
            record_event(
                self.application,
                Event(EventKind.REFLECTED, self.local(INTERVIEW_DAY, 12)),
                note=REFLECTION,
            )

    def start_sink(self, sink: Sink | None = None) -> Sink:
        sink, self.sink_port = self.enterContext(running_sink(sink))
        self.mail_account(self.sink_port)
        return sink

    def mail_account(self, port: int, **details: Any) -> None:
        details = {"from_address": "Alice Smith <alice@example.com>", **details}
        settings = services.AccountSettings(
            host="127.0.0.1", port=port, security="none", username="alice", **details
        )
        services.set_mail_account(self.alice, settings, PASSWORD)

    def step(self, kind: StepKind = StepKind.THANK_YOU) -> NextStep:
        return self.application.steps.get(kind=kind, state=NextStep.State.OPEN)

    def schedule(
        self, kind: StepKind = StepKind.THANK_YOU, now: datetime | None = None, **options: Any
    ) -> Message:
        """The drafted message for the step, scheduled as the user would."""
        now = now or self.local(INTERVIEW_DAY, 15)
        step = self.step(kind)
        message_kind = message_kind_of_step(StepKind(step.kind), step.attempt)
        assert message_kind is not None
        with time_machine.travel(now, tick=False):
            draft = drafts.draft_for_step(self.alice, step, message_kind, now)
            return services.schedule_message(
                self.alice, step, message_kind, draft.subject, draft.body, now=now, **options
            )

    def draft(self, kind: MessageKind, step_kind: StepKind = StepKind.THANK_YOU) -> drafts.Draft:
        return drafts.draft_for_step(
            self.alice, self.step(step_kind), kind, self.local(INTERVIEW_DAY, 15)
        )
