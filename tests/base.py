"""The base test case: every test has an owner with a calendar, and an outsider
who must never see the owner's things."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import time_machine
from django.contrib.auth.models import User
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.test import Client, TestCase
from django.utils import timezone

from nextsteps.accounts.services import profile_of
from nextsteps.playbook import Event, EventKind
from nextsteps.tracker import services
from nextsteps.tracker.models import Application

LONDON = ZoneInfo("Europe/London")
INTERVIEW_DAY = date(2026, 11, 6)  # a Friday


def csrf_client(user: User | None) -> Client:
    """A browser for `user` (None: signed out): CSRF enforced, its token cookie set."""
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    request = HttpRequest()
    client.csrf_token = get_token(request)  # type: ignore[attr-defined]
    client.cookies["csrftoken"] = request.META["CSRF_COOKIE"]
    return client


class BaseTestCase(TestCase):
    def setUp(self) -> None:
        super().setUp()
        self.alice = User.objects.create_user("alice", password="a-long-password")
        self.profile = profile_of(self.alice)
        self.profile.timezone = "Europe/London"
        self.profile.country = "GB"
        self.profile.subdivision = "ENG"
        self.profile.save()
        self.outsider = User.objects.create_user("bob", password="another-password")

    def pin_clock(self, moment: datetime, tick: bool = True) -> None:
        """Set the clock to `moment` for the test, running on from there unless `tick`
        is False: what is still worth doing, and so what is shown, depends on it."""
        traveller = time_machine.travel(moment, tick=tick)
        traveller.start()
        self.addCleanup(traveller.stop)

    def local(self, day: date, hour: int = 9, minute: int = 0) -> datetime:
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)

    def add(
        self, company: str = "Acme", role: str = "Data Analyst", **kwargs: object
    ) -> Application:
        applied_on = kwargs.get("applied_on")
        moment = self.local(applied_on) if isinstance(applied_on, date) else None
        with once_it_happened(moment):
            return services.add_application(self.alice, company, role, **kwargs)  # type: ignore[arg-type]

    def application_interviewed(self) -> Application:
        """An application sent on Monday 26 October, its interview held on INTERVIEW_DAY
        from 10:00 to 11:00."""
        application = self.add(applied_on=date(2026, 10, 26))
        self.log(
            application,
            EventKind.INTERVIEW_HELD,
            self.local(INTERVIEW_DAY, 10),
            end=self.local(INTERVIEW_DAY, 11),
        )
        return application

    def log(
        self, application: Application, kind: EventKind, at: datetime, **kwargs: object
    ) -> services.Recorded:
        """Record the event as the user would: once it has happened (a booked
        interview is recorded ahead of it)."""
        event = Event(kind, at, **kwargs)  # type: ignore[arg-type]
        with once_it_happened(None if kind == EventKind.INTERVIEW_SCHEDULED else at):
            return services.record_event(application, event)


@contextmanager
def once_it_happened(moment: datetime | None) -> Iterator[None]:
    """The clock moved on to just after `moment` when the test's clock is before it:
    nextsteps records nothing in the future, and plans from the moment it records."""
    if moment is None or moment < timezone.now():
        yield
        return
    with time_machine.travel(moment + timedelta(minutes=1), tick=False):
        yield
