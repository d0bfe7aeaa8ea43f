"""The cases of careless and hostile input an outside test found (issue 12), each
named after what it protects: one clear answer, nothing lost, nobody else affected."""

from __future__ import annotations

import io
import logging
from datetime import date, datetime, timedelta

import time_machine
from django.http import HttpResponse
from django.test import Client, override_settings
from django.urls import reverse

from nextsteps import worker
from nextsteps.accounts.models import Profile
from nextsteps.logs import SecretHidingFormatter
from nextsteps.outreach import services as outreach
from nextsteps.outreach.models import MailAccount, Message, MessageTemplate
from nextsteps.playbook import EventKind
from nextsteps.reminders.services import feed_of
from nextsteps.tracker.models import Contact, Event, NextStep
from tests.outreach.base import INTERVIEW_DAY
from tests.outreach.views import ViewTestCase
from tests.tracker.upgrade import upgraded
from tests.web.base import MONDAY, WebTestCase

FRIDAY_MORNING = datetime(2026, 11, 6, 9, 0)
CRLF_NAME = "Jane\r\nBcc: x@example.com"


class LineBreakInAHeaderFieldTestCase(ViewTestCase):
    """Issue 12, case 1: a line break in a contact's name or in the From address."""

    def test_a_contact_name_with_a_line_break_is_refused_where_it_is_typed(self) -> None:
        response = self.post(self.owner, reverse("contacts"), {"name": CRLF_NAME})
        self.assertContains(response, "must be one line, without a line break", status_code=400)
        self.assertFalse(Contact.objects.filter(name__contains="Bcc").exists())

    def test_a_from_address_with_a_line_break_is_refused_where_it_is_typed(self) -> None:
        form = {
            "host": "127.0.0.1",
            "port": "2525",
            "security": "none",
            "from_address": "Alice <alice@example.com>\r\nBcc: x@example.com",
            "daily_cap": "20",
        }
        response = self.post(self.owner, reverse("mail-account"), form)
        self.assertContains(response, "must be one line, without a line break", status_code=400)
        self.assertFalse(MailAccount.objects.exists())

    def test_a_message_to_a_name_stored_with_a_line_break_is_refused_before_any_claim(
        self,
    ) -> None:
        self.mail_account(2525)
        Contact.objects.filter(owner=self.alice).update(name=CRLF_NAME)  # stored before the rule
        with self.assertRaisesRegex(outreach.Refused, "must be one line"):
            self.schedule()
        self.assertFalse(Message.objects.exists())

    def test_a_message_that_cannot_be_built_fails_with_its_reason_never_uncertain(
        self,
    ) -> None:
        self.mail_account(2525)  # nothing listens: a message that got that far would retry
        message = self.schedule()
        Message.objects.filter(pk=message.pk).update(to_name=CRLF_NAME)
        with time_machine.travel(FRIDAY_MORNING, tick=True):
            worker.run_once()
        message.refresh_from_db()
        self.assertEqual(message.state, Message.State.FAILED)
        self.assertIn("must be one line", message.reason)

    def test_the_eml_download_of_such_a_message_answers_with_a_sentence_not_a_500(
        self,
    ) -> None:
        Contact.objects.filter(owner=self.alice).update(name=CRLF_NAME)
        with time_machine.travel(self.local(INTERVIEW_DAY, 15), tick=False):
            response = self.owner.get(reverse("message-eml", args=[self.step().id]))
        self.assertContains(response, "must be one line", status_code=400)

    def test_an_edited_subject_with_a_line_break_is_refused_by_the_eml_download(self) -> None:
        url = reverse("message-eml", args=[self.step().id])
        edited = {"subject": "Thanks\r\nBcc: x@example.com", "body": "Hi", "when": "best"}
        with time_machine.travel(self.local(INTERVIEW_DAY, 15), tick=False):
            response = self.post(self.owner, url, edited)
        self.assertContains(response, "must be one line", status_code=400)


class FarFutureDateTestCase(WebTestCase):
    """Issue 12, case 2: one far-future date broke the calendar feed for good."""

    def test_waiting_until_9999_is_refused_on_the_interview_form(self) -> None:
        application = self.add(applied_on=date(2026, 11, 2))
        url = reverse("log", args=[application.id, "interview"])
        response = self.post(
            url,
            {
                "interview-day": "2026-11-16",
                "interview-time": "09:00",
                "interview-wait_until": "9999-12-31",
            },
        )
        self.assertContains(response, "within two years from today", status_code=400)
        self.assertFalse(application.events.filter(kind=EventKind.INTERVIEW_HELD).exists())

    def test_a_date_stored_at_the_end_of_the_calendar_is_brought_within_it_for_the_feed(
        self,
    ) -> None:
        application = self.interviewed()
        far = datetime(9999, 12, 31, 12, 0, tzinfo=self.local(MONDAY).tzinfo)
        application.steps.filter(state=NextStep.State.OPEN, kind="follow_up").update(
            due=far, not_before=far, all_day=True
        )
        Event.objects.filter(application=application).update(wait_until=date(9999, 12, 31))
        upgraded()
        response = self.client.get(f"/calendar/{feed_of(self.alice).token}.ics")
        self.assertEqual(response.status_code, 200)
        self.assertIn(b"Follow up", response.content)
        self.assertIn(b"Thank", response.content)


class PasswordInClearTextTestCase(ViewTestCase):
    """Issue 12, case 8: `--security none` with a password sent it in clear text."""

    def details(self, host: str) -> outreach.AccountSettings:
        return outreach.AccountSettings(host, 25, "none", "Alice <alice@example.com>", "alice")

    def test_no_password_goes_in_clear_text_to_another_machine(self) -> None:
        with self.assertRaisesRegex(outreach.Refused, "would cross the network in clear text"):
            outreach.set_mail_account(self.alice, self.details("smtp.example.com"), "secret")
        self.assertFalse(MailAccount.objects.exists())

    def test_a_server_on_this_computer_may_go_without(self) -> None:
        for host in ("127.0.0.1", "localhost", "::1"):
            outreach.set_mail_account(self.alice, self.details(host), "secret")

    def test_a_stored_password_cannot_be_moved_into_the_clear_either(self) -> None:
        outreach.set_mail_account(self.alice, self.details("127.0.0.1"), "secret")
        with self.assertRaisesRegex(outreach.Refused, "clear text"):
            outreach.set_mail_account(self.alice, self.details("smtp.example.com"))

    def test_the_web_form_says_why(self) -> None:
        form = {
            "host": "smtp.example.com",
            "port": "25",
            "security": "none",
            "from_address": "Alice <alice@example.com>",
            "username": "alice",
            "password": "secret",
            "daily_cap": "20",
        }
        response = self.post(self.owner, reverse("mail-account"), form)
        self.assertContains(response, "would cross the network in clear text", status_code=400)


NESTED_LOOPS = "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}"


class TemplateBurningTheServerTestCase(ViewTestCase):
    """Issue 12, case 3: a user's own template could burn CPU without limit."""

    def test_nested_loops_are_refused_when_the_template_is_saved(self) -> None:
        url = reverse("message-template", args=["thank_you"])
        response = self.post(self.owner, url, {"subject": "Thanks", "body": NESTED_LOOPS})
        self.assertContains(response, "runs more than 20,000 loop steps", status_code=400)
        self.assertFalse(MessageTemplate.objects.exists())

    def test_a_stored_template_over_its_budget_is_a_sentence_on_the_editor(self) -> None:
        MessageTemplate.objects.create(
            owner=self.alice, kind="thank_you", subject="Thanks", body=NESTED_LOOPS
        )
        for url in (
            reverse("message-editor", args=[self.step().id]),
            reverse("message-eml", args=[self.step().id]),
        ):
            with self.subTest(url=url):
                response = self.owner.get(url)
                self.assertContains(response, "runs more than 20,000", status_code=400)


@override_settings(AXES_FAILURE_LIMIT=3, LOGIN_FAILURE_LIMIT_PER_ADDRESS=8)
class LoginLockoutTestCase(WebTestCase):
    """Issue 12, case 6: the lockout counted by address alone, so one account's
    flood locked every other user of that address out, while a flood from one
    address against many accounts was never slowed."""

    def sign_in(
        self, username: str, password: str, address: str = "10.0.0.7", **headers: str
    ) -> HttpResponse:
        client = self.client_for(None)
        form = {"username": username, "password": password}
        return self.post_as(client, reverse("login"), form, REMOTE_ADDR=address, **headers)

    def guess_accounts(self, count: int, **where: str) -> None:
        """`count` wrong passwords, each for another account, none locked by itself."""
        for guess in range(count):
            self.sign_in(f"user{guess}", "guessing", **where)

    def test_a_flood_against_one_account_locks_that_account_at_that_address(self) -> None:
        for _ in range(3):
            self.sign_in("alice", "guessing")
        response = self.sign_in("alice", "a-long-password")
        self.assertContains(
            response,
            "Too many wrong passwords were tried from here: wait a quarter of an hour",
            status_code=429,
        )

    def test_another_user_at_the_same_address_still_signs_in(self) -> None:
        for _ in range(5):
            self.sign_in("alice", "guessing")
        self.assertRedirects(self.sign_in("bob", "another-password"), reverse("today"))

    def test_the_account_still_signs_in_from_its_owners_address(self) -> None:
        for _ in range(5):
            self.sign_in("alice", "guessing", address="203.0.113.9")
        response = self.sign_in("alice", "a-long-password", address="10.0.0.7")
        self.assertRedirects(response, reverse("today"))

    def test_a_flood_against_many_accounts_from_one_address_locks_that_address(self) -> None:
        self.guess_accounts(7)
        self.assertRedirects(self.sign_in("alice", "a-long-password"), reverse("today"))
        self.guess_accounts(8)
        self.assertEqual(self.sign_in("bob", "another-password").status_code, 429)
        response = self.sign_in("alice", "a-long-password", address="203.0.113.9")
        self.assertRedirects(response, reverse("today"))

    def test_the_address_signs_in_again_once_its_failures_are_a_quarter_of_an_hour_old(
        self,
    ) -> None:
        self.guess_accounts(8)
        with time_machine.travel(self.now + timedelta(minutes=14), tick=False):
            self.assertEqual(self.sign_in("alice", "a-long-password").status_code, 429)
        with time_machine.travel(self.now + timedelta(minutes=16), tick=False):
            self.assertRedirects(self.sign_in("bob", "another-password"), reverse("today"))

    def test_without_trusted_proxies_a_forwarded_address_is_not_believed(self) -> None:
        for spoofed in range(8):
            self.sign_in(f"user{spoofed}", "guessing", HTTP_X_FORWARDED_FOR=f"192.0.2.{spoofed}")
        self.assertEqual(self.sign_in("alice", "a-long-password").status_code, 429)

    @override_settings(TRUSTED_PROXIES=1)
    def test_behind_a_proxy_each_visitor_is_counted_at_the_address_the_proxy_saw(self) -> None:
        proxy = {"address": "10.0.0.1"}
        flood = {**proxy, "HTTP_X_FORWARDED_FOR": "198.51.100.1, 203.0.113.66"}
        self.guess_accounts(8, **flood)
        self.assertEqual(self.sign_in("bob", "another-password", **flood).status_code, 429)
        # Another visitor through the same proxy, whatever the flood wrote before it.
        visitor = {**proxy, "HTTP_X_FORWARDED_FOR": "203.0.113.20"}
        self.assertRedirects(self.sign_in("alice", "a-long-password", **visitor), reverse("today"))
        # What the flood wrote before the proxy's entry was never counted.
        response = self.sign_in("bob", "another-password", address="198.51.100.1")
        self.assertRedirects(response, reverse("today"))


class SignedInPagesAreNotStoredTestCase(WebTestCase):
    """Issue 12, case 10: Settings shows the secret calendar address."""

    def test_every_signed_in_page_says_no_store(self) -> None:
        for name in ("today", "settings", "board", "contacts", "add-application"):
            with self.subTest(page=name):
                self.assertIn("no-store", self.client.get(reverse(name))["Cache-Control"])

    def test_the_calendar_feed_says_no_store(self) -> None:
        response = self.client_for(None).get(f"/calendar/{feed_of(self.alice).token}.ics")
        self.assertEqual(response["Cache-Control"], "no-store")


class NoSecretInTheLogTestCase(WebTestCase):
    """Issue 12, case 2: the server's error line carried the secret feed token."""

    def test_an_error_on_the_calendar_feed_is_logged_without_its_token(self) -> None:
        token = feed_of(self.alice).token
        # A timezone stored before timezones were checked: the feed cannot be made.
        Profile.objects.filter(user=self.alice).update(timezone="Mars/Olympus")
        handler = next(
            h
            for h in logging.getLogger("django.request").handlers
            if isinstance(h, logging.StreamHandler)
            and isinstance(h.formatter, SecretHidingFormatter)
        )
        written = io.StringIO()
        previous = handler.setStream(written)
        try:
            client = Client(raise_request_exception=False)
            self.assertEqual(client.get(f"/calendar/{token}.ics").status_code, 500)
        finally:
            handler.setStream(previous)
        logged = written.getvalue()
        self.assertIn("Internal Server Error: /calendar/[hidden].ics", logged)
        self.assertIn("Traceback", logged)
        self.assertNotIn(token, logged)


class BackToWhereTheFormCameFromTestCase(WebTestCase):
    """Found by the fuzz test: a `next` that is not a path of this site was taken for
    a view's name (a 500), and a line break in it would have ended the redirect."""

    def test_a_next_that_is_not_a_path_leads_to_today(self) -> None:
        application = self.interviewed()
        for target in ("Acme\x1b]0;owned", "today", "/applications/\r\nSet-Cookie: a=b"):
            with self.subTest(target=target):
                step = application.steps.get(kind="reflect", state=NextStep.State.OPEN)
                response = self.post(reverse("step-skip", args=[step.id]),
                                     {"reason": "Done already", "next": target})  # fmt: skip
                self.assertRedirects(response, reverse("today"), fetch_redirect_response=False)
                step.state = NextStep.State.OPEN
                step.save()
