"""The web tests' base: the owner (alice) signed in through a client that enforces
CSRF like a browser does, an outsider (bob) with things of his own, and the clock
pinned to a Monday morning in London."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import time_machine
from django.http import HttpResponse
from django.test import Client

from nextsteps.playbook import Event as PlannedEvent
from nextsteps.playbook import EventKind
from nextsteps.tracker import services
from nextsteps.tracker.models import Application, NextStep
from tests.base import LONDON, BaseTestCase, csrf_client

MONDAY = date(2026, 11, 16)
NOW = datetime(2026, 11, 16, 10, 0, tzinfo=LONDON)


class WebTestCase(BaseTestCase):
    now = NOW

    def setUp(self) -> None:
        super().setUp()
        traveller = time_machine.travel(self.now, tick=False)
        traveller.start()
        self.addCleanup(traveller.stop)
        self.client = self.client_for(self.alice)

    client_for = staticmethod(csrf_client)

    def post(self, url: str, data: dict[str, Any] | None = None, **extra: Any) -> HttpResponse:
        return self.post_as(self.client, url, data, **extra)

    @staticmethod
    def post_as(
        client: Client, url: str, data: dict[str, Any] | None = None, **extra: Any
    ) -> HttpResponse:
        token = client.csrf_token  # type: ignore[attr-defined]
        return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token}, **extra)

    def interviewed(
        self, company: str = "Acme", day: date = MONDAY, hour: int = 9, **kwargs: Any
    ) -> Application:
        """An application sent a week before an interview held on `day`, 09:00-09:45."""
        application = self.add(company, applied_on=date(2026, 11, 2), **kwargs)
        self.log(
            application,
            EventKind.INTERVIEW_HELD,
            self.local(day, hour),
            end=self.local(day, hour, 45),
        )
        return application

    def open_step(self, application: Application, kind: str) -> NextStep:
        return application.steps.get(kind=kind, state=NextStep.State.OPEN)

    def theirs(self) -> Application:
        """The outsider's own application, interviewed, with steps and a contact."""
        application = services.add_application(
            self.outsider,
            "Globex",
            "Engineer",
            applied_on=date(2026, 11, 2),
            contact=services.ContactDetails("Hank Scorpio", "hank@globex.test"),
        )
        services.record_event(
            application, PlannedEvent(EventKind.INTERVIEW_HELD, self.local(MONDAY, 9))
        )
        return application
