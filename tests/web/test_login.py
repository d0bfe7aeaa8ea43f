from __future__ import annotations

from django.test import override_settings
from django.urls import reverse

from tests.web.base import WebTestCase

URL = reverse("login")


class LoginTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client = self.client_for(None)

    def test_signing_in_leads_to_today(self) -> None:
        response = self.post(URL, {"username": "alice", "password": "a-long-password"})
        self.assertRedirects(response, reverse("today"))

    def test_it_goes_on_to_the_page_asked_for(self) -> None:
        response = self.client.get(reverse("board"))
        self.assertRedirects(response, f"{URL}?next=/pipeline/")
        data = {"username": "alice", "password": "a-long-password", "next": "/pipeline/"}
        self.assertRedirects(self.post(URL, data), reverse("board"))

    def test_a_wrong_password_says_so(self) -> None:
        response = self.post(URL, {"username": "alice", "password": "nope"})
        self.assertContains(response, "Please enter a correct username and password")

    def test_on_this_computer_it_names_the_command_lines_account(self) -> None:
        hint = "nextsteps account password"
        self.assertNotContains(self.client.get(URL), hint)  # not served by `nextsteps serve`
        with override_settings(LISTENING_ON="http://127.0.0.1:8000"):
            response = self.client.get(URL)
        self.assertContains(response, "Log in as <strong>me</strong>")
        self.assertContains(response, hint)

    def test_the_login_page_offers_sign_up(self) -> None:
        self.assertContains(self.client.get(URL), reverse("signup"))

    @override_settings(AXES_FAILURE_LIMIT=3)
    def test_repeated_failures_lock_the_username_out(self) -> None:
        for _ in range(2):
            self.post(URL, {"username": "alice", "password": "nope"})
        response = self.post(URL, {"username": "alice", "password": "nope"})
        self.assertContains(response, "Too many attempts", status_code=429)
        # Even the right password waits now.
        response = self.post(URL, {"username": "alice", "password": "a-long-password"})
        self.assertEqual(response.status_code, 429)


class LogoutTestCase(WebTestCase):
    def test_logging_out_takes_a_post(self) -> None:
        self.assertEqual(self.client.get(reverse("logout")).status_code, 405)
        response = self.post(reverse("logout"))
        self.assertRedirects(response, URL)
        self.assertRedirects(self.client.get(reverse("board")), f"{URL}?next=/pipeline/")
