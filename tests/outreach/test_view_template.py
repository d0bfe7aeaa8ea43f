"""The user's own wording for each kind of message."""

from __future__ import annotations

from django.urls import reverse

from nextsteps.outreach.models import MessageTemplate
from tests.outreach.views import ViewTestCase


class TemplatePageTestCase(ViewTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.url = reverse("message-template", args=["thank_you"])

    def test_shows_the_shipped_wording_and_the_names(self) -> None:
        response = self.owner.get(self.url)
        self.assertContains(response, "Thank you for the interview")
        self.assertContains(response, "<code>greeting_name</code>")

    def test_saves_and_resets_the_users_wording(self) -> None:
        self.post(self.owner, self.url, {"subject": "Thanks!", "body": "Hi {{ greeting_name }}"})
        self.assertEqual(MessageTemplate.objects.get(owner=self.alice).subject, "Thanks!")
        self.post(self.owner, self.url, {"action": "reset"})
        self.assertFalse(MessageTemplate.objects.exists())

    def test_a_template_that_breaks_the_sandbox_rules_is_refused(self) -> None:
        response = self.post(self.owner, self.url, {"subject": "x", "body": "{{ 'a' * 9 }}"})
        self.assertContains(response, "not allowed", status_code=400)
        self.assertFalse(MessageTemplate.objects.exists())

    def test_an_unknown_kind_is_404(self) -> None:
        url = reverse("message-template", args=["love_letter"])
        self.assertEqual(self.owner.get(url).status_code, 404)

    def test_the_outsider_never_sees_the_owners_wording(self) -> None:
        self.post(self.owner, self.url, {"subject": "Alice's own", "body": "Hi"})
        self.assertNotContains(self.stranger.get(self.url), "Alice&#x27;s own")

    def test_csrf_is_enforced(self) -> None:
        self.assert_csrf_enforced(self.url, {"subject": "x", "body": "y"})
        self.assertFalse(MessageTemplate.objects.exists())
