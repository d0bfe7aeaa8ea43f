"""The API tests' base: the owner (alice) with a personal token, a client that sends
it, and the outsider (bob) with a token and things of his own."""

from __future__ import annotations

import json
from typing import Any

from django.core.cache import cache
from django.http import HttpResponse
from django.test import Client

from nextsteps.api import tokens
from tests.web.base import WebTestCase


class ApiTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        # Each test's requests counted from none (RequestsPerMinute): a user's id comes
        # back in the next test, where the database forgets what the cache remembers.
        cache.clear()
        self.addCleanup(cache.clear)
        self.secret = tokens.create_token(self.alice, "tests").secret
        self.api = self.api_client(self.secret)
        self.bob = self.api_client(tokens.create_token(self.outsider, "bob's").secret)

    @staticmethod
    def api_client(secret: str) -> Client:
        # CSRF enforced as for a browser: the API must not need it.
        return Client(enforce_csrf_checks=True, HTTP_AUTHORIZATION=f"Bearer {secret}")

    @staticmethod
    def send(client: Client, method: str, url: str, data: Any = None) -> HttpResponse:
        body = json.dumps(data) if data is not None else ""
        call = getattr(client, method.lower())
        response: HttpResponse = call(url, body, content_type="application/json")
        return response

    def get(self, url: str, client: Client | None = None) -> HttpResponse:
        response: HttpResponse = (client or self.api).get(url)
        return response

    def post_json(self, url: str, data: Any = None, client: Client | None = None) -> HttpResponse:
        return self.send(client or self.api, "post", url, data if data is not None else {})

    def assertRefused(self, response: HttpResponse, status: int, sentence: str) -> None:
        self.assertEqual(response.status_code, status, response.content)
        self.assertEqual(response.json(), {"detail": sentence})
