from __future__ import annotations

from datetime import date

from django.urls import reverse

from nextsteps.playbook import EventKind
from nextsteps.web.views.pipeline import COLUMN_LIMIT
from tests.web.base import MONDAY, WebTestCase


class BoardTestCase(WebTestCase):
    def column(self, response: object, stage: str) -> list[str]:
        columns = {c[0]: c[1] for c in response.context["columns"]}  # type: ignore[attr-defined]
        return [row.application.company.name for row in columns[stage]]

    def test_applications_sit_in_the_column_of_their_stage(self) -> None:
        self.add("Saved Co")
        self.add("Sent Co", applied_on=date(2026, 11, 10))
        self.interviewed("Talking Co")
        offered = self.interviewed("Offer Co")
        self.log(offered, EventKind.OFFER_RECEIVED, self.local(MONDAY, 9, 50))
        turned_down = self.interviewed("No Co")
        self.log(turned_down, EventKind.REJECTED, self.local(MONDAY, 9, 50))
        response = self.client.get(reverse("board"))
        self.assertEqual(response.status_code, 200)
        self.assertEqual(self.column(response, "saved"), ["Saved Co"])
        self.assertEqual(self.column(response, "applied"), ["Sent Co"])
        self.assertEqual(self.column(response, "interviewing"), ["Talking Co"])
        self.assertEqual(self.column(response, "offer"), ["Offer Co"])
        self.assertEqual(self.column(response, "closed"), ["No Co"])

    def test_a_card_names_the_next_step_and_when(self) -> None:
        self.interviewed()
        response = self.client.get(reverse("board"))
        self.assertContains(response, "Reflect, due today<")

    def test_the_offer_column_says_what_to_do_about_the_offer(self) -> None:
        """000: ask for a spoken offer in writing; answer the official one by their date."""
        spoken = self.interviewed("Spoken Co")
        self.log(spoken, EventKind.OFFER_RECEIVED, self.local(MONDAY, 9, 50))
        written = self.interviewed("Written Co")
        self.log(
            written,
            EventKind.OFFER_RECEIVED,
            self.local(MONDAY, 9, 50),
            official=True,
            decision_by=date(2026, 11, 20),
        )
        response = self.client.get(reverse("board"))
        self.assertContains(response, "Answer the offer, due Fri 20 Nov")
        self.assertContains(response, "Offer in writing, due tomorrow")

    def test_the_closed_pile_shows_its_latest_cards(self) -> None:
        for n in range(22):
            application = self.add(f"Closed {n}", applied_on=date(2026, 11, 2))
            self.log(application, EventKind.WITHDRAWN, self.local(date(2026, 11, 3)))
        response = self.client.get(reverse("board"))
        self.assertContains(response, "2 more in the table")
        self.assertContains(response, "Closed 21")
        self.assertNotContains(response, "Closed 1<")

    def test_a_long_column_sends_the_rest_to_the_table(self) -> None:
        for n in range(COLUMN_LIMIT + 1):
            self.add(f"Sent {n}", applied_on=date(2026, 11, 10))
        response = self.client.get(reverse("board"))
        self.assertEqual(len(self.column(response, "applied")), COLUMN_LIMIT)
        self.assertContains(response, "1 more in the table")
        self.assertContains(response, f'<span class="count">{COLUMN_LIMIT + 1}</span>', html=True)

    def test_only_the_users_own_applications(self) -> None:
        self.theirs()
        response = self.client.get(reverse("board"))
        self.assertNotContains(response, "Globex")
        self.assertContains(response, "No applications yet")

    def test_the_number_of_queries_does_not_grow_with_applications(self) -> None:
        self.interviewed("First")
        with self.assertNumQueries(7):
            self.client.get(reverse("board"))
        for n in range(19):
            self.interviewed(f"Company {n}")
        with self.assertNumQueries(7):
            response = self.client.get(reverse("board"))
        self.assertEqual(response.context["count"], 20)
