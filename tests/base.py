"""The base test case: every test has an owner with a calendar, and an outsider
who must never see the owner's things."""

from __future__ import annotations

from datetime import date, datetime
from zoneinfo import ZoneInfo

from django.contrib.auth.models import User
from django.http import HttpRequest
from django.middleware.csrf import get_token
from django.test import Client, TestCase

from nextsteps.accounts.services import profile_of
from nextsteps.playbook import Event, EventKind
from nextsteps.tracker import services
from nextsteps.tracker.models import Application

LONDON = ZoneInfo("Europe/London")


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

    def local(self, day: date, hour: int = 9, minute: int = 0) -> datetime:
        return datetime(day.year, day.month, day.day, hour, minute, tzinfo=LONDON)

    def add(
        self, company: str = "Acme", role: str = "Data Analyst", **kwargs: object
    ) -> Application:
        return services.add_application(self.alice, company, role, **kwargs)  # type: ignore[arg-type]

    def log(
        self, application: Application, kind: EventKind, at: datetime, **kwargs: object
    ) -> services.Recorded:
        return services.record_event(application, Event(kind, at, **kwargs))  # type: ignore[arg-type]
