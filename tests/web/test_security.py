from __future__ import annotations

from django.urls import reverse

from tests.web.base import WebTestCase


class HeadersTestCase(WebTestCase):
    def test_every_page_carries_a_content_security_policy_without_inline_code(self) -> None:
        response = self.client.get(reverse("today"))
        policy = response["Content-Security-Policy"]
        self.assertIn("default-src 'self'", policy)
        self.assertIn("script-src 'self'", policy)
        self.assertNotIn("unsafe-inline", policy)
        self.assertIn("frame-ancestors 'none'", policy)
        self.assertNotContains(response, "<script>")
        self.assertNotContains(response, " style=")

    def test_other_protective_headers(self) -> None:
        response = self.client.get(reverse("login"))
        self.assertEqual(response["X-Frame-Options"], "DENY")
        self.assertEqual(response["X-Content-Type-Options"], "nosniff")
        self.assertEqual(response["Referrer-Policy"], "same-origin")

    def test_the_session_cookie_is_out_of_reach_of_scripts(self) -> None:
        client = self.client_for(None)
        response = self.post_as(
            client, reverse("login"), {"username": "alice", "password": "a-long-password"}
        )
        self.assertTrue(response.cookies["sessionid"]["httponly"])
        self.assertEqual(response.cookies["sessionid"]["samesite"], "Lax")
