"""Each list costs the same number of queries however much the account holds."""

from __future__ import annotations

from datetime import date

from django.db import connection
from django.test.utils import CaptureQueriesContext

from nextsteps.outreach.models import Message
from nextsteps.playbook import EventKind
from nextsteps.playbook.drafting import MessageKind
from nextsteps.tracker import services
from tests.api.base import ApiTestCase


class ListQueriesTest(ApiTestCase):
    def grow(self, company: str) -> None:
        """One more application, interviewed, with two contacts, events, steps and a
        message in the outbox."""
        application = self.interviewed(company)
        for name in ("Jane", "John"):
            services.add_contact(self.alice, services.ContactDetails(name), "", application)
        Message.objects.create(
            owner=self.alice,
            application=application,
            kind=MessageKind.THANK_YOU,
            to_address="jane@example.test",
            subject="Thank you",
            body="Thank you.",
            state=Message.State.CANCELLED,
            scheduled_at=self.now,
            send_at=self.now,
            send_by=self.now,
        )

    def queries(self, url: str) -> int:
        with CaptureQueriesContext(connection) as context:
            response = self.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(context.captured_queries)

    def test_lists_cost_the_same_for_one_object_or_many(self) -> None:
        self.grow("Acme")
        first = self.interviewed("Initech", day=date(2026, 11, 13))
        urls = [
            "/api/applications",
            "/api/steps",
            "/api/contacts",
            "/api/messages",
            f"/api/applications/{first.id}/events",
            f"/api/applications/{first.id}/steps",
        ]
        self.get(urls[0])  # the token's first use is written once
        few = {url: self.queries(url) for url in urls}
        for company in ("Globex", "Hooli", "Umbrella", "Wonka"):
            self.grow(company)
        for step in first.steps.filter(state="open"):
            services.skip_step(step, "Done another way", self.now)
        self.log(first, EventKind.EMPLOYER_REPLIED, self.now)
        many = {url: self.queries(url) for url in urls}
        self.assertEqual(many, few)
        # The token, the count and the page; the applications' contacts, or the
        # application the list is of.
        self.assertEqual(many, {url: 4 if "applications" in url else 3 for url in urls})
