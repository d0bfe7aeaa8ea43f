from __future__ import annotations

from django.contrib.auth.models import User
from django.test import override_settings
from django.urls import reverse

from nextsteps.accounts.services import profile_of
from tests.web.base import WebTestCase

URL = reverse("signup")
GOOD = {
    "username": "carol",
    "password1": "a sturdy passphrase",
    "password2": "a sturdy passphrase",
    "timezone": "America/New_York",
    "name": "Carol Jones",
}


class SignupTestCase(WebTestCase):
    def setUp(self) -> None:
        super().setUp()
        self.client = self.client_for(None)

    def test_the_form_asks_for_the_name_and_the_timezone_and_guesses_it_in_the_browser(
        self,
    ) -> None:
        response = self.client.get(URL)
        self.assertContains(response, "Your name")
        self.assertContains(response, "data-browser-timezone")
        self.assertContains(response, '<option value="UTC" selected>UTC</option>', html=True)

    @override_settings(PASSWORD_HASHERS=["django.contrib.auth.hashers.Argon2PasswordHasher"])
    def test_signing_up_creates_the_account_on_the_users_clock_and_signs_in(self) -> None:
        response = self.post(URL, GOOD)
        self.assertRedirects(response, reverse("add-application"))
        carol = User.objects.get(username="carol")
        self.assertTrue(carol.password.startswith("argon2"))
        self.assertEqual(profile_of(carol).timezone, "America/New_York")
        self.assertEqual(profile_of(carol).name, "Carol Jones")
        self.assertEqual(self.client.get(reverse("today")).status_code, 200)

    def test_a_taken_name_is_refused(self) -> None:
        response = self.post(URL, {**GOOD, "username": "alice"})
        self.assertContains(response, "already exists", status_code=400)

    def test_a_weak_password_is_refused(self) -> None:
        response = self.post(URL, {**GOOD, "password1": "password", "password2": "password"})
        self.assertContains(response, "This password is too common.", status_code=400)
        self.assertFalse(User.objects.filter(username="carol").exists())

    def test_an_unknown_timezone_is_refused(self) -> None:
        response = self.post(URL, {**GOOD, "timezone": "Mars/Olympus"})
        self.assertEqual(response.status_code, 400)
        self.assertFalse(User.objects.filter(username="carol").exists())

    @override_settings(SIGNUP_OPEN=False)
    def test_sign_up_can_be_turned_off(self) -> None:
        self.assertEqual(self.client.get(URL).status_code, 404)
        self.assertEqual(self.post(URL, GOOD).status_code, 404)
        self.assertFalse(User.objects.filter(username="carol").exists())
        self.assertNotContains(self.client.get(reverse("login")), URL)

    def test_a_signed_in_user_goes_to_today(self) -> None:
        response = self.client_for(self.alice).get(URL)
        self.assertRedirects(response, reverse("today"))
