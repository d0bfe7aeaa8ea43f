"""An owner whose thank-you went out through a real SMTP server on loopback, with
its Message-ID, and a way to take in a mail from raw bytes as the sync does."""

from __future__ import annotations

from datetime import date, datetime

import time_machine

from nextsteps import worker
from nextsteps.inbox import services
from nextsteps.inbox.models import MatchedMail
from nextsteps.inbox.parsing import incoming_mail
from nextsteps.outreach.models import Message
from nextsteps.playbook import StepKind
from tests.outreach.base import OutreachTestCase

FRIDAY = date(2026, 11, 6)
MONDAY = date(2026, 11, 9)
THURSDAY = date(2026, 11, 12)


class InboxTestCase(OutreachTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.sink = self.start_sink()
        self.thank_you = self.schedule()
        with time_machine.travel(self.local(FRIDAY, 9, 0), tick=False):
            worker.run_once()
        self.thank_you.refresh_from_db()
        assert self.thank_you.state == Message.State.SENT

    def take_in(self, raw: bytes, now: datetime) -> MatchedMail | None:
        with time_machine.travel(now, tick=False):
            return services.take_in(self.alice, incoming_mail(raw), now)

    def follow_up(self) -> Message:
        """The first follow-up, scheduled on Friday for Thursday the 12th at 09:00."""
        return self.schedule(StepKind.FOLLOW_UP, now=self.local(FRIDAY, 10))

    def run_worker_at(self, moment: datetime) -> int:
        with time_machine.travel(moment, tick=True):
            return worker.run_once()
