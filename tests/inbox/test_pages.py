"""What the inbox matched, on Today and on the application page: what waits with its
Confirm and Dismiss, what nextsteps did on its own; never to another user."""

from __future__ import annotations

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.inbox import mails
from tests.inbox.web import MONDAY_MAIL, InboxWebTestCase


class TodayTests(InboxWebTestCase):
    def test_today_shows_what_waits_and_what_was_done(self) -> None:
        waiting = self.invitation()
        self.taken_in(mails.reply(date=MONDAY_MAIL))
        response = self.client.get(reverse("today"))
        self.assertContains(response, "From your inbox")
        self.assertContains(response, "An invitation to an interview on Thu 19 Nov?")
        self.assertContains(response, f'action="{reverse("mail-confirm", args=[waiting.id])}"')
        self.assertContains(response, f'action="{reverse("mail-dismiss", args=[waiting.id])}"')
        self.assertContains(response, 'value="2026-11-19" required')
        self.assertContains(response, "Recorded as their reply.")
        self.assertContains(
            response, "From <cite>Getting a Job – How to Follow Up After the Interview</cite>"
        )
        self.assertContains(
            response, "From <cite>Four Things to Do After Your Job Interview</cite>"
        )
        self.assertContains(response, "Jane Doe")
        self.assertContains(response, "Data Analyst at Acme")

    def test_a_reply_that_acted_and_asks_says_both(self) -> None:
        """Jane's invitation is her reply, recorded at once; the interview waits."""
        self.invitation_from_jane()
        response = self.client.get(reverse("today"))
        self.assertContains(response, '<p class="details">Recorded as their reply.</p>', html=True)
        self.assertContains(response, "An invitation to an interview on Thu 19 Nov?")

    def test_the_outsider_never_sees_the_owners_mail(self) -> None:
        self.invitation()
        bob = self.client_for(self.outsider)
        response = bob.get(reverse("today"))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, "From your inbox")
        self.assertNotContains(response, "Second interview")

    def test_today_reads_the_inbox_in_a_constant_number_of_queries(self) -> None:
        self.invitation()
        before = self._queries_for_today()
        for number in range(8):
            sender = "bob@acme.example" if number % 2 else "jane@acme.example"
            self.taken_in(
                mails.reply(
                    message_id=f"<more-{number}@acme.example>", sender=sender, date=MONDAY_MAIL
                )
            )
        self.assertEqual(self._queries_for_today(), before)

    def test_today_shows_five_and_counts_the_rest(self) -> None:
        for number in range(7):
            self.taken_in(
                mails.reply(
                    message_id=f"<bob-{number}@acme.example>",
                    sender="bob@acme.example",
                    date=f"Mon, 16 Nov 2026 09:{10 + number}:00 +0000",
                )
            )
        response = self.client.get(reverse("today"))
        self.assertEqual(len(response.context["mails_waiting"]), 5)
        self.assertContains(response, "2 more wait for you, each on its application's page.")
        self.assertContains(response, '<span class="count">7</span>')

    def invitation_from_jane(self) -> None:
        self.taken_in(
            mails.reply(
                date=MONDAY_MAIL, body="We would like to invite you to an interview on 19 November."
            )
        )

    def _queries_for_today(self) -> int:
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.client.get(reverse("today")).status_code, 200)
        return len(queries)


class ApplicationPageTests(InboxWebTestCase):
    def test_the_application_page_shows_its_mail(self) -> None:
        row = self.invitation()
        response = self.client.get(reverse("application", args=[self.application.id]))
        self.assertContains(response, "From your inbox")
        self.assertContains(response, "Second interview")
        self.assertContains(response, "from the company&#x27;s domain")
        self.assertContains(response, f'action="{reverse("mail-confirm", args=[row.id])}"')

    def test_the_outsider_gets_404(self) -> None:
        self.invitation()
        bob = self.client_for(self.outsider)
        response = bob.get(reverse("application", args=[self.application.id]))
        self.assertEqual(response.status_code, 404)


class BounceFlagTests(InboxWebTestCase):
    def bounce(self) -> None:
        self.taken_in(mails.bounce(original_id="<unknown@example.com>", date=MONDAY_MAIL))

    def test_the_contact_and_the_application_page_flag_the_address_until_it_changes(
        self,
    ) -> None:
        self.bounce()
        jane = self.application.contacts.get()
        flag = "Mail to this address bounced today: check it."
        self.assertContains(self.client.get(reverse("contact", args=[jane.id])), flag)
        page = self.client.get(reverse("application", args=[self.application.id]))
        self.assertContains(page, flag)
        self.post(
            reverse("contact", args=[jane.id]), {"name": "Jane Doe", "email": "jd@acme.example"}
        )
        self.assertNotContains(self.client.get(reverse("contact", args=[jane.id])), flag)

    def test_the_outsider_gets_404_for_the_flagged_contact(self) -> None:
        self.bounce()
        jane = self.application.contacts.get()
        bob = self.client_for(self.outsider)
        self.assertEqual(bob.get(reverse("contact", args=[jane.id])).status_code, 404)
