"""The application page's checkbox: temporary or contract work keeps the search going
after a yes (003: "taking temporary assignments in the meantime")."""

from __future__ import annotations

from django.urls import reverse

from nextsteps.playbook import EventKind
from nextsteps.tracker.models import Application
from tests.web.base import MONDAY, WebTestCase


class TemporaryTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.application = self.interviewed()
        self.log(
            self.application, EventKind.OFFER_RECEIVED, self.local(MONDAY, 9, 50), official=True
        )
        self.log(self.application, EventKind.OFFER_ACCEPTED, self.local(MONDAY, 9, 55))
        self.url = reverse("application-temporary", args=[self.application.id])

    def test_ticking_it_keeps_the_search_going_and_unticking_ends_it(self) -> None:
        self.application.refresh_from_db()
        self.assertTrue(self.application.ends_search)
        response = self.post(self.url, {"temporary": "on"})
        self.assertRedirects(response, reverse("application", args=[self.application.id]))
        self.application.refresh_from_db()
        self.assertEqual(self.application.kind, Application.Kind.TEMPORARY)
        self.assertFalse(self.application.ends_search)
        page = self.client.get(reverse("application", args=[self.application.id]))
        self.assertContains(page, 'name="temporary" checked')
        self.post(self.url, {})
        self.application.refresh_from_db()
        self.assertEqual(self.application.kind, Application.Kind.PERMANENT)
        self.assertTrue(self.application.ends_search)

    def test_the_outsider_gets_404_and_changes_nothing(self) -> None:
        outsider = self.client_for(self.outsider)
        response = self.post_as(outsider, self.url, {"temporary": "on"})
        self.assertEqual(response.status_code, 404)
        self.application.refresh_from_db()
        self.assertEqual(self.application.kind, Application.Kind.PERMANENT)

    def test_only_a_post_changes_it(self) -> None:
        self.assertEqual(self.client.get(self.url).status_code, 405)
