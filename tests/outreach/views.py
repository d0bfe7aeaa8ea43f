"""The base of the message pages' tests: the owner signed in through a client that
enforces CSRF like a browser, and an outsider signed in through another."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.test import Client, override_settings

from tests.outreach.base import OutreachTestCase


def browser(user: User | None) -> Client:
    client = Client(enforce_csrf_checks=True)
    if user is not None:
        client.force_login(user)
    request = HttpRequest()
    client.csrf_token = get_token(request)  # type: ignore[attr-defined]
    client.cookies["csrftoken"] = request.META["CSRF_COOKIE"]
    return client


@override_settings(ROOT_URLCONF="tests.outreach.urls")
class ViewTestCase(OutreachTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.owner = browser(self.alice)
        self.stranger = browser(self.outsider)

    @staticmethod
    def post(client: Client, url: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
        token = client.csrf_token  # type: ignore[attr-defined]
        return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token}, **extra)

    def assert_csrf_enforced(self, url: str, data: dict[str, Any] | None = None) -> None:
        response: HttpResponse = self.owner.post(url, data or {})
        self.assertEqual(response.status_code, 403)
