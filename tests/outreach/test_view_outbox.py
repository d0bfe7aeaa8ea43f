"""The outbox: every message and its state; the ones that need the user first."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from nextsteps.outreach import services
from nextsteps.outreach.models import Message
from nextsteps.playbook import StepKind
from tests.outreach.views import ViewTestCase


class OutboxTestCase(ViewTestCase):
    url = "/outbox/"

    def test_lists_the_owners_messages_with_their_state(self) -> None:
        self.mail_account(2525)
        message = self.schedule()
        response = self.owner.get(reverse("outbox"))
        self.assertContains(response, message.subject)
        self.assertContains(response, "Thu 5 Nov 15:00")
        self.assertContains(response, "Pause all sending")
        self.assertContains(response, reverse("message-cancel", args=[message.id]))

    def test_an_uncertain_message_asks_the_user(self) -> None:
        self.mail_account(2525)
        message = self.schedule()
        Message.objects.filter(pk=message.pk).update(
            state=Message.State.UNCERTAIN, reason="Check your Sent folder."
        )
        response = self.owner.get(reverse("outbox"))
        self.assertContains(response, "Needs you")
        self.assertContains(response, "It went out")
        self.assertContains(response, 'Outbox <span class="badge">1')

    def test_a_failure_is_said_in_words_and_counted_in_the_navigation(self) -> None:
        self.mail_account(2525)
        message = self.schedule()
        refused = "Not sent: the server refused the address (550 no such user)."
        Message.objects.filter(pk=message.pk).update(state=Message.State.FAILED, reason=refused)
        response = self.owner.get(reverse("outbox"))
        self.assertContains(response, "Needs you")
        self.assertContains(response, refused)
        self.assertContains(response, "Write it again")
        self.assertContains(response, reverse("message-retry", args=[message.id]))
        self.assertContains(response, 'Outbox <span class="badge">1')
        # Done by hand: the failure no longer needs the user.
        step = message.step
        assert step is not None
        step.state = step.State.DONE
        step.save()
        response = self.owner.get(reverse("outbox"))
        self.assertNotContains(response, "Needs you")
        self.assertNotContains(response, 'class="badge"')

    def test_the_next_to_go_comes_first_then_the_latest_gone(self) -> None:
        self.mail_account(2525)
        for day in (2, 3):
            digest = services.queue_digest(
                self.alice, date(2026, 11, day), f"Digest {day}", "Steps", self.local(
                    date(2026, 11, day), 8), self.local(date(2026, 11, day), 20)
            )  # fmt: skip
            assert digest is not None
            Message.objects.filter(pk=digest.pk).update(state=Message.State.SENT)
        later = self.schedule(StepKind.FOLLOW_UP, send_at=self.local(date(2026, 11, 12), 10))
        sooner = self.schedule(StepKind.THANK_YOU)  # Thu 5 Nov 15:00
        page = self.owner.get(reverse("outbox")).content.decode()
        subjects = [sooner.subject, later.subject, "Digest 3", "Digest 2"]
        places = [page.index(subject) for subject in subjects]
        self.assertEqual(places, sorted(places), subjects)

    def test_nothing_yet_says_where_messages_come_from(self) -> None:
        response = self.owner.get(reverse("outbox"))
        self.assertContains(response, "Nothing here yet.")
        self.assertContains(response, f'<a href="{reverse("today")}">Today</a>')

    def test_the_outsider_sees_none_of_it(self) -> None:
        self.mail_account(2525)
        message = self.schedule()
        response = self.stranger.get(reverse("outbox"))
        self.assertEqual(response.status_code, 200)
        self.assertNotContains(response, message.subject)

    def test_signed_out_goes_to_login(self) -> None:
        response = self.client.get(reverse("outbox"))
        self.assertEqual(response.status_code, 302)
