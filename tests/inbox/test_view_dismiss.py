"""Dismiss on a matched mail: nothing is recorded; the outsider gets 404."""

from __future__ import annotations

from django.urls import reverse

from nextsteps.inbox.models import MatchedMail
from nextsteps.tracker.models import Event
from tests.inbox.web import InboxWebTestCase


class DismissTests(InboxWebTestCase):
    def test_dismiss_leaves_the_timeline_as_it_was(self) -> None:
        row = self.invitation()
        events = Event.objects.count()
        response = self.post(reverse("mail-dismiss", args=[row.id]), follow=True)
        self.assertContains(response, "dismissed, nothing changed.")
        self.assertEqual(Event.objects.count(), events)
        row.refresh_from_db()
        self.assertEqual(row.state, MatchedMail.State.DISMISSED)

    def test_the_outsider_gets_404_and_changes_nothing(self) -> None:
        row = self.invitation()
        bob = self.client_for(self.outsider)
        self.assertEqual(self.post_as(bob, reverse("mail-dismiss", args=[row.id])).status_code, 404)
        row.refresh_from_db()
        self.assertEqual(row.state, MatchedMail.State.WAITING)
