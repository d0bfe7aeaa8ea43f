"""An account's requests to the API are counted a minute at a time: past the limit,
a 429 with one sentence and Retry-After, for that account only, until the minute ends."""

from __future__ import annotations

from datetime import UTC, datetime

import time_machine
from django.test import override_settings

from tests.api.base import ApiTestCase

# Twenty seconds into a minute.
MOMENT = datetime(2026, 11, 16, 9, 30, 20, tzinfo=UTC)


@override_settings(API_REQUESTS_PER_MINUTE=3)
class RateTestCase(ApiTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.enterContext(time_machine.travel(MOMENT, tick=False))

    def test_past_the_limit_a_sentence_and_when_to_try_again(self) -> None:
        for _ in range(3):
            self.assertEqual(self.get("/api/applications").status_code, 200)
        response = self.get("/api/applications")
        self.assertRefused(
            response,
            429,
            "Too many requests: your account may make 3 a minute; try again in 40 seconds.",
        )
        self.assertEqual(response["Retry-After"], "40")

    def test_every_operation_counts_and_each_account_has_its_own(self) -> None:
        self.get("/api/applications")
        self.get("/api/contacts")
        self.post_json("/api/applications", {"company": "Acme", "role": "Analyst"})
        self.assertEqual(self.get("/api/messages").status_code, 429)
        self.assertEqual(self.get("/api/applications", client=self.bob).status_code, 200)

    def test_the_next_minute_starts_the_count_again(self) -> None:
        for _ in range(4):
            self.get("/api/applications")
        with time_machine.travel(datetime(2026, 11, 16, 9, 31, tzinfo=UTC), tick=False):
            self.assertEqual(self.get("/api/applications").status_code, 200)

    def test_a_request_without_a_valid_token_is_not_counted(self) -> None:
        for _ in range(5):
            self.assertEqual(
                self.get("/api/applications", self.api_client("wrong")).status_code, 401
            )
        self.assertEqual(self.get("/api/applications").status_code, 200)
