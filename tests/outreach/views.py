"""The base of the message pages' tests: the owner signed in through a client that
enforces CSRF like a browser, and an outsider signed in through another."""

from __future__ import annotations

from typing import Any

from django.http import HttpResponse
from django.test import Client

from tests.base import csrf_client
from tests.outreach.base import OutreachTestCase


class ViewTestCase(OutreachTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.owner = csrf_client(self.alice)
        self.stranger = csrf_client(self.outsider)

    @staticmethod
    def post(client: Client, url: str, data: dict[str, Any] | None = None, **extra: Any) -> Any:
        token = client.csrf_token  # type: ignore[attr-defined]
        return client.post(url, {**(data or {}), "csrfmiddlewaretoken": token}, **extra)

    def assert_csrf_enforced(self, url: str, data: dict[str, Any] | None = None) -> None:
        response: HttpResponse = self.owner.post(url, data or {})
        self.assertEqual(response.status_code, 403)
