"""Scheduling: only what the user chose, at the right time, once per step."""

from __future__ import annotations

from datetime import date

from nextsteps.outreach import services
from nextsteps.outreach.models import Message
from nextsteps.playbook import StepKind
from nextsteps.playbook.drafting import MessageKind
from tests.outreach.base import INTERVIEW_DAY, OutreachTestCase


class ScheduleTestCase(OutreachTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.mail_account(2525)

    def test_the_thank_you_goes_at_the_earliest_working_moment(self) -> None:
        """001: "try to send one within 24 hours of the interview": not the next morning."""
        message = self.schedule()
        self.assertEqual(message.state, Message.State.SCHEDULED)
        self.assertEqual(message.send_at, self.local(INTERVIEW_DAY, 15))
        self.assertEqual(message.deadline, self.local(date(2026, 11, 6), 11))
        self.assertEqual(message.send_by, message.deadline)
        self.assertEqual(message.to_address, "jane@acme.example")
        self.assertIsNone(message.message_id)

    def test_the_follow_up_goes_on_the_13th_at_nine(self) -> None:
        """004: "If the day of the interview was the 6th, follow up on the 13th." """
        message = self.schedule(StepKind.FOLLOW_UP)
        self.assertEqual(message.send_at, self.local(date(2026, 11, 12), 9))

    def test_the_users_working_hours_move_the_best_time(self) -> None:
        self.profile.working_hours = "10:30-16:00"
        self.profile.save()
        message = self.schedule(StepKind.FOLLOW_UP)
        self.assertEqual(message.send_at, self.local(date(2026, 11, 12), 10, 30))

    def test_a_chosen_time_outside_working_hours_is_refused(self) -> None:
        with self.assertRaisesRegex(services.Refused, "outside your working hours"):
            self.schedule(StepKind.FOLLOW_UP, send_at=self.local(date(2026, 11, 12), 20))

    def test_a_chosen_time_before_the_playbooks_date_is_refused(self) -> None:
        with self.assertRaisesRegex(services.Refused, "never sends early"):
            self.schedule(StepKind.FOLLOW_UP, send_at=self.local(date(2026, 11, 10), 10))

    def test_a_thank_you_that_cannot_go_within_24_hours_asks_the_user(self) -> None:
        """Friday 6 November, 15:00: the 24 hours ran out at 11:00."""
        with self.assertRaisesRegex(services.Refused, "within 24 hours"):
            self.schedule(now=self.local(date(2026, 11, 6), 15))
        self.assertFalse(Message.objects.exists())

    def test_send_now_ignores_working_hours_but_not_the_playbook(self) -> None:
        evening = self.local(INTERVIEW_DAY, 20)
        message = self.schedule(now=evening, send_now=True)
        self.assertEqual(message.send_at, evening)
        self.assertFalse(message.within_hours)
        with self.assertRaisesRegex(services.Refused, "never sends early"):
            self.schedule(StepKind.FOLLOW_UP, now=evening, send_now=True)

    def test_one_live_message_per_step(self) -> None:
        self.schedule()
        with self.assertRaisesRegex(services.Refused, "already has a message"):
            self.schedule()
        self.assertEqual(Message.objects.count(), 1)

    def test_a_cancelled_message_frees_the_step(self) -> None:
        first = self.schedule()
        services.cancel_message(self.alice, first.id)
        self.assertEqual(self.schedule().state, Message.State.SCHEDULED)

    def test_placeholders_must_be_filled_in_first(self) -> None:
        with self.assertRaisesRegex(services.Refused, r"Fill in \[\[a topic"):
            services.schedule_message(
                self.alice,
                self.step(),
                MessageKind.THANK_YOU,
                "Thanks",
                "About [[a topic you discussed]].",
                now=self.local(INTERVIEW_DAY, 15),
            )

    def test_a_subject_is_one_line(self) -> None:
        with self.assertRaisesRegex(services.Refused, "one line"):
            services.schedule_message(
                self.alice,
                self.step(),
                MessageKind.THANK_YOU,
                "Thanks\nBcc: everyone@example.com",
                "Thank you.",
                now=self.local(INTERVIEW_DAY, 15),
            )

    def test_a_card_is_not_emailed(self) -> None:
        with self.assertRaisesRegex(services.Refused, "not sent by e-mail"):
            services.schedule_message(
                self.alice,
                self.step(),
                MessageKind.CALL_SCRIPT,
                "Call",
                "Hello",
                now=self.local(INTERVIEW_DAY, 15),
            )

    def test_nothing_is_sent_without_a_mail_account(self) -> None:
        self.alice.mail_account.delete()
        with self.assertRaisesRegex(services.Refused, "mail account"):
            self.schedule()

    def test_only_a_scheduled_message_can_be_cancelled(self) -> None:
        message = self.schedule()
        Message.objects.filter(pk=message.pk).update(state=Message.State.SENDING)
        with self.assertRaisesRegex(services.Refused, "this one is sending"):
            services.cancel_message(self.alice, message.id)

    def test_an_outsider_cannot_see_or_cancel_the_message(self) -> None:
        message = self.schedule()
        self.assertEqual(services.outbox_of(self.outsider), [])
        with self.assertRaises(services.NotFound):
            services.cancel_message(self.outsider, message.id)

    def test_another_users_step_is_not_found(self) -> None:
        with self.assertRaises(services.NotFound):
            services.schedule_message(
                self.outsider, self.step(), MessageKind.THANK_YOU, "Hi", "Hello"
            )

    def test_the_user_resolves_an_uncertain_message(self) -> None:
        message = self.schedule()
        Message.objects.filter(pk=message.pk).update(
            state=Message.State.UNCERTAIN, claimed_at=message.send_at
        )
        resolved = services.resolve_uncertain(self.alice, message.id, went_out=True)
        self.assertEqual(resolved.state, Message.State.SENT)
        self.assertEqual(self.application.steps.get(pk=message.step_id).state, "done")

    def test_pause_switch(self) -> None:
        self.assertTrue(services.set_sending_paused(self.alice, True).sending_paused)
        self.assertFalse(services.set_sending_paused(self.alice, False).sending_paused)


class MailAccountTestCase(OutreachTestCase):
    def settings(self, **changes: object) -> services.AccountSettings:
        fields: dict[str, object] = {
            "host": "smtp.example.com",
            "port": 587,
            "security": "starttls",
            "from_address": "Alice <alice@example.com>",
            "username": "alice",
        }
        return services.AccountSettings(**{**fields, **changes})  # type: ignore[arg-type]

    def test_the_password_is_stored_encrypted_and_kept_when_not_given(self) -> None:
        account = services.set_mail_account(self.alice, self.settings(), "s3cret-pass")
        self.assertNotIn("s3cret-pass", account.password_encrypted)
        self.assertNotIn("s3cret-pass", repr(account))
        stored = account.password_encrypted
        again = services.set_mail_account(self.alice, self.settings(daily_cap=5))
        self.assertEqual(again.password_encrypted, stored)
        self.assertEqual(again.daily_cap, 5)

    def test_bad_settings_are_refused(self) -> None:
        for changes, words in [
            ({"port": 0}, "port"),
            ({"security": "ssl"}, "Security"),
            ({"from_address": "alice"}, "From address"),
            ({"host": "smtp example"}, "host name"),
            ({"daily_cap": 0}, "daily cap"),
        ]:
            with self.subTest(changes=changes), self.assertRaisesRegex(services.Refused, words):
                services.set_mail_account(self.alice, self.settings(**changes))
