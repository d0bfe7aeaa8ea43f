"""Confirm on a matched mail: records what it was proposed as; the outsider gets 404."""

from __future__ import annotations

from django.urls import reverse

from nextsteps.inbox.models import MatchedMail
from nextsteps.playbook import EventKind
from tests.base import LONDON
from tests.inbox.web import InboxWebTestCase


class ConfirmTests(InboxWebTestCase):
    def test_an_invitation_is_booked_on_the_day_and_time_given(self) -> None:
        row = self.invitation()
        url = reverse("mail-confirm", args=[row.id])
        response = self.post(url, {"day": "2026-11-19", "time": "14:30", "next": "/"}, follow=True)
        self.assertRedirects(response, "/")
        self.assertContains(response, "You confirmed an interview on Thu 19 Nov.")
        booked = self.application.events.get(kind=EventKind.INTERVIEW_SCHEDULED)
        self.assertEqual(booked.at.astimezone(LONDON).isoformat(), "2026-11-19T14:30:00+00:00")
        row.refresh_from_db()
        self.assertEqual((row.state, row.event), (MatchedMail.State.CONFIRMED, booked))

    def test_a_second_click_says_it_is_settled_and_records_nothing_more(self) -> None:
        row = self.invitation()
        url = reverse("mail-confirm", args=[row.id])
        self.post(url, {"day": "2026-11-19"})
        response = self.post(url, {"day": "2026-11-19"}, follow=True)
        self.assertContains(response, f"Mail {row.id} waits for nothing: it is confirmed.")
        self.assertEqual(
            self.application.events.filter(kind=EventKind.INTERVIEW_SCHEDULED).count(), 1
        )

    def test_an_invitation_without_a_day_is_refused_in_one_sentence(self) -> None:
        row = self.invitation(body="We'd like to invite you in for a chat.")
        response = self.post(reverse("mail-confirm", args=[row.id]), {"day": ""})
        self.assertContains(response, "Say the interview&#x27;s day to confirm", status_code=400)
        bad = self.post(reverse("mail-confirm", args=[row.id]), {"day": "next week"})
        self.assertContains(bad, "The day must be a date like 2026-11-13.", status_code=400)
        self.assertFalse(
            self.application.events.filter(kind=EventKind.INTERVIEW_SCHEDULED).exists()
        )
        row.refresh_from_db()
        self.assertEqual(row.state, MatchedMail.State.WAITING)

    def test_get_is_not_allowed(self) -> None:
        row = self.invitation()
        self.assertEqual(self.client.get(reverse("mail-confirm", args=[row.id])).status_code, 405)

    def test_without_the_csrf_token_nothing_happens(self) -> None:
        row = self.invitation()
        response = self.client.post(reverse("mail-confirm", args=[row.id]), {"day": "2026-11-19"})
        self.assertEqual(response.status_code, 403)
        row.refresh_from_db()
        self.assertEqual(row.state, MatchedMail.State.WAITING)

    def test_the_outsider_gets_404_and_changes_nothing(self) -> None:
        row = self.invitation()
        bob = self.client_for(self.outsider)
        response = self.post_as(bob, reverse("mail-confirm", args=[row.id]), {"day": "2026-11-19"})
        self.assertEqual(response.status_code, 404)
        row.refresh_from_db()
        self.assertEqual(row.state, MatchedMail.State.WAITING)
        self.assertFalse(
            self.application.events.filter(kind=EventKind.INTERVIEW_SCHEDULED).exists()
        )
