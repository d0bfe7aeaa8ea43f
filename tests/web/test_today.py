from __future__ import annotations

from datetime import date, timedelta

from django.contrib.auth.models import User
from django.test import override_settings
from django.urls import reverse

from nextsteps.activities.services import add_activity
from nextsteps.outreach import services as outreach
from nextsteps.outreach.models import Message
from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.drafting import MessageKind
from nextsteps.tracker.services import ContactDetails
from nextsteps.web.cards import OVERDUE_CARDS, TODAY_CARDS
from tests.web.base import MONDAY, WebTestCase


class TodayTestCase(WebTestCase):
    def test_an_interview_this_morning_brings_a_thank_you_for_today_and_a_follow_up_later(
        self,
    ) -> None:
        self.interviewed(day=MONDAY)
        response = self.client.get(reverse("today"))
        self.assertEqual(response.status_code, 200)
        day = response.context["day"]
        self.assertEqual([c.step.kind for c in day.today], [StepKind.REFLECT, StepKind.THANK_YOU])
        (follow_up,) = day.coming_up
        self.assertEqual(follow_up.title, "Follow up with Acme about Data Analyst")
        self.assertEqual(follow_up.when, "Mon 23 Nov")
        self.assertEqual(day.today[1].due, "due tomorrow 09:45")
        self.assertContains(response, "Thank-you sent")
        self.assertContains(response, "Four Things to Do After Your Job Interview")

    def test_a_step_left_undone_is_overdue(self) -> None:
        self.add("Late Ltd", applied_on=date(2026, 11, 2))  # check in on the 9th
        response = self.client.get(reverse("today"))
        (late,) = response.context["day"].overdue
        self.assertEqual(late.step.kind, StepKind.CHECK_IN)
        self.assertEqual(late.due, "was due Mon 9 Nov")
        self.assertContains(response, "Overdue")

    def test_a_week_without_applying_shows_the_nudge_to_keep_applying(self) -> None:
        self.add(applied_on=date(2026, 11, 2))
        response = self.client.get(reverse("today"))
        nudge = response.context["day"].nudge
        self.assertIsNotNone(nudge)
        self.assertContains(response, "Keep applying")
        self.assertContains(response, reverse("add-application"))

    def test_overdue_steps_come_latest_first_and_a_long_list_is_cut(self) -> None:
        for n in range(OVERDUE_CARDS + 2):
            self.add(f"Late {n}", applied_on=date(2026, 10, 20) + timedelta(days=n))
        response = self.client.get(reverse("today"))
        day = response.context["day"]
        self.assertEqual(len(day.overdue), OVERDUE_CARDS)
        self.assertEqual(day.overdue_more, 2)
        self.assertEqual(day.overdue[0].due, "was due Mon 9 Nov")  # applied on Sat 31 Oct
        self.assertContains(response, "2 more overdue, missed earlier")

    def test_the_weekly_target_counts_this_weeks_applications(self) -> None:
        self.add("Old", applied_on=date(2026, 11, 13))  # last week
        self.add("New", applied_on=MONDAY)
        response = self.client.get(reverse("today"))
        self.assertContains(response, "1 application this week, of your target of 5: 4 more to go.")

    def test_nothing_to_do_says_how_to_start(self) -> None:
        response = self.client.get(reverse("today"))
        self.assertTrue(response.context["day"].empty)
        self.assertContains(response, "Add an application")

    def test_the_outsiders_steps_never_show(self) -> None:
        self.theirs()
        response = self.client.get(reverse("today"))
        self.assertTrue(response.context["day"].empty)
        self.assertNotContains(response, "Globex")

    def test_what_the_user_typed_is_escaped(self) -> None:
        self.interviewed("<script>alert(1)</script>")
        response = self.client.get(reverse("today"))
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_a_step_that_cannot_start_yet_has_no_done_button(self) -> None:
        application = self.add(applied_on=date(2026, 11, 2))
        self.log(application, EventKind.INTERVIEW_HELD, self.local(MONDAY, 9, 30))
        response = self.client.get(reverse("today"))
        thank_you = next(c for c in response.context["day"].today if c.step.kind == "thank_you")
        self.assertEqual(thank_you.done_label, "")
        self.assertEqual(thank_you.starts, "from today 10:30")

    def test_a_step_whose_message_is_scheduled_says_when_nextsteps_sends_it(self) -> None:
        application = self.interviewed(contact=ContactDetails("Jane", "jane@acme.test"))
        outreach.set_mail_account(
            self.alice, outreach.AccountSettings("127.0.0.1", 2525, "none", "a@example.com")
        )
        step = self.open_step(application, StepKind.THANK_YOU)
        outreach.schedule_message(
            self.alice, step, MessageKind.THANK_YOU, "Thank you", "Dear Jane, thank you.\n"
        )
        # 001: within 24 hours, at the earliest working moment after the interview: now.
        sending = "nextsteps sends your message today 10:00."
        for url in (reverse("today"), reverse("application", args=[application.id])):
            response = self.client.get(url)
            self.assertContains(response, sending, count=1)
            self.assertContains(response, "Cancel the message", count=1)
            self.assertNotContains(response, "Write the thank-you")
            self.assertNotContains(response, "Thank-you sent</button>")  # it would go twice

    def test_a_message_step_opens_its_draft(self) -> None:
        application = self.interviewed()
        step = self.open_step(application, StepKind.THANK_YOU)
        response = self.client.get(reverse("today"))
        editor = reverse("message-editor", args=[step.id])
        self.assertContains(response, f'<a class="button primary" href="{editor}?next=/">')
        self.assertContains(response, "Write the thank-you</a>")

    def test_a_failed_message_is_said_in_words_with_what_to_do(self) -> None:
        application = self.interviewed(contact=ContactDetails("Jane", "jane@acme.test"))
        outreach.set_mail_account(
            self.alice, outreach.AccountSettings("127.0.0.1", 2525, "none", "a@example.com")
        )
        step = self.open_step(application, StepKind.THANK_YOU)
        message = outreach.schedule_message(
            self.alice, step, MessageKind.THANK_YOU, "Thank you", "Dear Jane, thank you.\n"
        )
        refused = (
            "Not sent: the server refused the address jane@acme.test (550 no such user). "
            "Check the address it goes to, then retry it, or send it yourself."
        )
        Message.objects.filter(pk=message.pk).update(state="failed", reason=refused)
        for url in (reverse("today"), reverse("application", args=[application.id])):
            response = self.client.get(url)
            self.assertContains(response, refused)
            self.assertContains(response, reverse("message-retry", args=[message.id]))
            self.assertContains(response, "Write it again")
            self.assertContains(response, "Thank-you sent</button>")  # sent it by hand
        self.assertEqual(self.client.get(reverse("today")).context["outbox_needs_you"], 1)

    def test_the_number_of_queries_does_not_grow_with_applications(self) -> None:
        self.interviewed("First")
        add_activity(self.alice, "networking", "Jane", every_days=14)
        self.client.get(reverse("today"))  # warms the playbook cache
        with self.assertNumQueries(15):
            self.client.get(reverse("today"))
        for n in range(19):
            self.interviewed(f"Company {n}")
            add_activity(self.alice, "networking", f"Person {n}", every_days=14)
        with self.assertNumQueries(15):
            response = self.client.get(reverse("today"))
        self.assertEqual(len(response.context["day"].today), TODAY_CARDS)
        self.assertEqual(response.context["day"].today_more, 40 - TODAY_CARDS)


class FrontDoorTestCase(WebTestCase):
    def test_the_first_visit_offers_to_create_the_account(self) -> None:
        User.objects.all().delete()
        response = self.client_for(None).get(reverse("today"))
        self.assertRedirects(response, reverse("signup"))

    @override_settings(LISTENING_ON="http://127.0.0.1:8000")
    def test_the_command_lines_account_is_offered_its_password(self) -> None:
        User.objects.all().delete()
        User.objects.create_user("me")  # unusable password, as the CLI makes it
        response = self.client_for(None).get(reverse("today"))
        self.assertRedirects(response, reverse("first-visit"))

    def test_another_account_without_a_password_does_not_count(self) -> None:
        User.objects.all().delete()
        User.objects.create_user("someone")
        response = self.client_for(None).get(reverse("today"))
        self.assertRedirects(response, reverse("signup"))

    def test_later_visits_sign_in(self) -> None:
        response = self.client_for(None).get(reverse("today"))
        self.assertRedirects(response, reverse("login"))

    @override_settings(SIGNUP_OPEN=False)
    def test_with_sign_up_closed_the_first_visit_signs_in(self) -> None:
        User.objects.all().delete()
        response = self.client_for(None).get(reverse("today"))
        self.assertRedirects(response, reverse("login"))
