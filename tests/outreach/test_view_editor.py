"""The draft editor on a step: the draft, its tone flags, and the schedule controls."""

from __future__ import annotations

import time_machine
from django.http import HttpResponse
from django.test import Client
from django.urls import reverse

from nextsteps.outreach.models import Message, SavedDraft
from nextsteps.playbook import StepKind
from tests.outreach.base import INTERVIEW_DAY
from tests.outreach.views import ViewTestCase


class EditorTestCase(ViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        traveller = time_machine.travel(self.local(INTERVIEW_DAY, 15), tick=False)
        traveller.start()
        self.addCleanup(traveller.stop)
        self.url = reverse("message-editor", args=[self.step().id])

    def form(self, **changes: str) -> dict[str, str]:
        return {
            "subject": "Thank you for the interview",
            "body": "Dear Jane,\n\nThank you for meeting me today.\n\nAlice\n",
            "send_at": "",
            **changes,
        }

    def test_shows_the_draft_the_best_time_and_the_delivery_choices(self) -> None:
        self.mail_account(2525)
        response = self.owner.get(self.url)
        self.assertContains(response, "Dear Jane,")
        self.assertContains(response, "<h1>Thank-you to Jane Doe at Acme</h1>")
        self.assertContains(response, "Send at the best time (today 15:00)")
        self.assertContains(response, "mailto:jane@acme.example?subject=")
        self.assertContains(response, reverse("message-eml", args=[self.step().id]))
        self.assertContains(response, "Nothing the articles advise against.")

    def test_a_message_already_on_its_way_is_said_instead_of_send(self) -> None:
        self.mail_account(2525)
        message = self.schedule()
        response = self.owner.get(self.url)
        # 001: within 24 hours, at the earliest working moment after the interview.
        self.assertContains(response, "nextsteps sends your message today 15:00.")
        self.assertContains(response, f'href="{reverse("message", args=[message.id])}"')
        self.assertNotContains(response, "Send at the best time")

    def test_a_contact_without_an_address_is_asked_for_one(self) -> None:
        self.mail_account(2525)
        jane = self.application.contacts.get()
        jane.email = ""
        jane.save()
        response = self.owner.get(self.url)
        self.assertContains(response, "Jane Doe has no e-mail address.")
        self.assertContains(response, f"{reverse('contact', args=[jane.id])}?next=")
        self.assertNotContains(response, "Send at the best time")

    def test_an_application_with_nobody_named_asks_for_a_person(self) -> None:
        self.mail_account(2525)
        self.application.contacts.clear()
        response = self.owner.get(self.url)
        self.assertContains(response, "nobody yet: no one is named on this application.")
        self.assertContains(
            response, f"{reverse('application', args=[self.application.id])}#people"
        )

    def test_tone_flags_show_beside_the_text_with_their_article(self) -> None:
        body = "Sorry to bother you. Did I get the job?"
        response = self.post(self.owner, self.url, self.form(body=body, action="check"))
        self.assertContains(response, "<mark>Sorry to bother</mark>")
        self.assertContains(response, "<mark>Did I get the job</mark>")
        self.assertContains(response, "Did I Get the Job?</cite>")
        self.assertFalse(Message.objects.exists())

    def test_htmx_gets_the_flags_alone(self) -> None:
        response = self.post(
            self.owner, self.url, self.form(action="check"), HTTP_HX_REQUEST="true"
        )
        self.assertContains(response, '<aside id="flags"')
        self.assertNotContains(response, "<html")

    def test_schedule_at_the_best_time_and_go_back_where_the_user_came_from(self) -> None:
        self.mail_account(2525)
        response = self.post(self.owner, self.url, self.form(action="best", next="/"))
        self.assertRedirects(response, "/", fetch_redirect_response=False)
        message = Message.objects.get()
        self.assertEqual(message.send_at, self.local(INTERVIEW_DAY, 15))
        self.assertEqual(message.body.strip(), self.form()["body"].strip())

    def test_schedule_at_a_chosen_time_on_the_users_clock(self) -> None:
        self.mail_account(2525)
        chosen = self.form(action="at", send_at="2026-11-05T16:30")
        response = self.post(self.owner, self.url, chosen)
        application = reverse("application", args=[self.application.id])
        self.assertRedirects(response, application, fetch_redirect_response=False)
        self.assertEqual(Message.objects.get().send_at, self.local(INTERVIEW_DAY, 16, 30))

    def test_a_browsers_line_ends_are_stored_as_plain_newlines(self) -> None:
        self.mail_account(2525)
        body = "Dear Jane,\r\n\r\nThank you.\r\n"
        self.post(self.owner, self.url, self.form(action="best", body=body))
        self.assertEqual(Message.objects.get().body, "Dear Jane,\n\nThank you.\n")

    def test_a_refusal_is_shown_and_nothing_is_scheduled(self) -> None:
        self.mail_account(2525)
        too_late = self.form(action="at", send_at="2026-11-06T12:00")
        response = self.post(self.owner, self.url, too_late)
        self.assertContains(response, "within 24 hours of the interview", status_code=409)
        self.assertFalse(Message.objects.exists())

    def test_a_thank_you_in_the_evening_inside_its_24_hours_is_not_refused(self) -> None:
        """The 24 hours come first: the working hours are only our own rule."""
        self.mail_account(2525)
        evening = self.form(action="at", send_at="2026-11-05T21:00")
        self.post(self.owner, self.url, evening)
        message = Message.objects.get()
        self.assertEqual(message.send_at, self.local(INTERVIEW_DAY, 21))
        self.assertFalse(message.within_hours)

    def test_a_chosen_time_needs_its_day_and_time(self) -> None:
        self.mail_account(2525)
        response = self.post(self.owner, self.url, self.form(action="at"))
        self.assertContains(response, "Choose the day and time to send it.", status_code=400)
        self.assertFalse(Message.objects.exists())

    def test_send_now_goes_at_the_next_turn_of_the_worker(self) -> None:
        self.mail_account(2525)
        self.post(self.owner, self.url, self.form(action="now"))
        self.assertFalse(Message.objects.get().within_hours)

    def test_blanks_are_listed_to_fill_in(self) -> None:
        body = "Dear Jane,\n\nThank you.\n\n[[your name]]\n"
        response = self.post(self.owner, self.url, self.form(body=body, action="check"))
        self.assertContains(response, "<mark>[[your name]]</mark>")

    def test_without_a_mail_account_it_offers_to_set_one_up(self) -> None:
        self.assertContains(self.owner.get(self.url), reverse("mail-account"))

    def test_a_call_script_for_a_follow_up(self) -> None:
        url = reverse("message-editor", args=[self.step(StepKind.FOLLOW_UP).id])
        response = self.owner.get(url + "?kind=call_script")
        self.assertContains(response, "May I speak to Jane Doe, please?")
        self.assertNotContains(response, "Best time")

    def test_a_step_that_is_no_message_is_404(self) -> None:
        reflect = self.application.steps.filter(kind=StepKind.REFLECT).first()
        if reflect is not None:
            url = reverse("message-editor", args=[reflect.id])
            self.assertEqual(self.owner.get(url).status_code, 404)

    def test_the_outsider_gets_404(self) -> None:
        self.assertEqual(self.stranger.get(self.url).status_code, 404)
        response = self.post(self.stranger, self.url, self.form(action="best"))
        self.assertEqual(response.status_code, 404)

    def test_csrf_is_enforced(self) -> None:
        self.mail_account(2525)
        self.assert_csrf_enforced(self.url, self.form(action="best"))
        self.assertFalse(Message.objects.exists())


class SavedDraftTestCase(ViewTestCase):
    """Save the draft: the text kept for the step's message, without sending it."""

    BODY = "Dear Jane,\n\nThank you for the tour of the warehouse.\n\nAlice\n"

    def setUp(self) -> None:
        super().setUp()
        traveller = time_machine.travel(self.local(INTERVIEW_DAY, 15), tick=False)
        traveller.start()
        self.addCleanup(traveller.stop)
        self.url = reverse("message-editor", args=[self.step().id])

    def save(self, client: Client, **fields: str) -> HttpResponse:
        form = {"subject": "Thank you", "body": self.BODY, "action": "save", **fields}
        return self.post(client, self.url, form)

    def test_the_saved_text_is_shown_when_the_editor_opens_again(self) -> None:
        self.mail_account(2525)
        response = self.save(self.owner, next="/")
        self.assertRedirects(response, f"{self.url}?next=%2F", fetch_redirect_response=False)
        page = self.owner.get(self.url)
        self.assertContains(page, "Thank you for the tour of the warehouse.")
        self.assertContains(page, "This is the text you saved: sending sends it.")
        self.assertFalse(Message.objects.exists())

    def test_sending_then_sends_the_saved_text(self) -> None:
        self.mail_account(2525)
        self.save(self.owner)
        self.assertIn("the tour of the warehouse", self.schedule().body)

    def test_a_subject_with_a_line_break_is_not_saved(self) -> None:
        response = self.save(self.owner, subject="Thank you\r\nBcc: x@example.com")
        self.assertContains(response, "must be one line", status_code=400)
        self.assertFalse(SavedDraft.objects.exists())

    def test_discarding_brings_back_nextsteps_draft(self) -> None:
        self.save(self.owner)
        response = self.post(self.owner, self.url, {"action": "discard"})
        self.assertRedirects(response, self.url, fetch_redirect_response=False)
        page = self.owner.get(self.url)
        self.assertNotContains(page, "the tour of the warehouse")
        self.assertNotContains(page, "This is the text you saved")

    def test_the_outsider_gets_404_and_saves_or_discards_nothing(self) -> None:
        self.assertEqual(self.save(self.stranger).status_code, 404)
        self.assertFalse(SavedDraft.objects.exists())
        self.save(self.owner)
        response = self.post(self.stranger, self.url, {"action": "discard"})
        self.assertEqual(response.status_code, 404)
        self.assertTrue(SavedDraft.objects.exists())

    def test_csrf_is_enforced(self) -> None:
        self.assert_csrf_enforced(self.url, {"subject": "Hi", "body": "Hi", "action": "save"})
        self.assertFalse(SavedDraft.objects.exists())
