from __future__ import annotations

from django.urls import reverse

from nextsteps.api.models import ApiToken
from nextsteps.api.tokens import create_token, owner_of
from tests.web.base import WebTestCase


class TokensPageTest(WebTestCase):
    url = reverse("api-tokens")

    def test_settings_links_to_it(self) -> None:
        self.assertContains(self.client.get(reverse("settings")), f'href="{self.url}"')

    def test_a_new_token_is_shown_once(self) -> None:
        response = self.post(self.url, {"name": "My spreadsheet"})
        self.assertEqual(response.status_code, 200)
        secret = response.context["made"].secret
        self.assertContains(response, f'value="{secret}"')
        self.assertEqual(owner_of(secret, self.now), self.alice)
        again = self.client.get(self.url)
        self.assertContains(again, "My spreadsheet")
        self.assertNotContains(again, secret)

    def test_the_list_says_when_each_was_last_used(self) -> None:
        made = create_token(self.alice, "Script")
        self.assertContains(self.client.get(self.url), "never")
        owner_of(made.secret, self.now)
        self.assertContains(self.client.get(self.url), made.token.prefix)

    def test_a_token_needs_a_name(self) -> None:
        response = self.post(self.url, {"name": "  "})
        self.assertContains(response, "name cannot be empty.", status_code=400)
        self.assertFalse(ApiToken.objects.exists())

    def test_revoking_it(self) -> None:
        made = create_token(self.alice, "Script")
        response = self.post(reverse("api-token-revoke", args=[made.token.id]))
        self.assertRedirects(response, self.url)
        self.assertIsNone(owner_of(made.secret, self.now))

    def test_the_outsider_sees_only_his_own_and_cannot_revoke_hers(self) -> None:
        made = create_token(self.alice, "Alice's script")
        bob = self.client_for(self.outsider)
        self.assertNotContains(bob.get(self.url), "Alice&#x27;s script")
        response = self.post_as(bob, reverse("api-token-revoke", args=[made.token.id]))
        self.assertEqual(response.status_code, 404)
        self.assertTrue(ApiToken.objects.filter(pk=made.token.pk).exists())

    def test_no_token_is_made_without_the_csrf_token(self) -> None:
        response = self.client.post(self.url, {"name": "Forged"})
        self.assertEqual(response.status_code, 403)
        self.assertFalse(ApiToken.objects.exists())

    def test_the_anonymous_visitor_is_sent_to_log_in(self) -> None:
        response = self.client_for(None).get(self.url)
        self.assertTrue(response["Location"].startswith(reverse("login")))
