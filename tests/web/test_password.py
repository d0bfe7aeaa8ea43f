from __future__ import annotations

from django.urls import reverse

from tests.web.base import WebTestCase

URL = reverse("password")


class PasswordTestCase(WebTestCase):
    def test_changing_the_password_keeps_the_user_signed_in(self) -> None:
        response = self.post(
            URL,
            {
                "old_password": "a-long-password",
                "new_password1": "correct horse battery staple",
                "new_password2": "correct horse battery staple",
            },
        )
        self.assertRedirects(response, reverse("settings"))
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password("correct horse battery staple"))
        self.assertEqual(self.client.get(reverse("today")).status_code, 200)

    def test_a_wrong_old_password_changes_nothing(self) -> None:
        response = self.post(
            URL,
            {
                "old_password": "guess",
                "new_password1": "correct horse battery staple",
                "new_password2": "correct horse battery staple",
            },
        )
        self.assertEqual(response.status_code, 400)
        self.alice.refresh_from_db()
        self.assertTrue(self.alice.check_password("a-long-password"))

    def test_a_weak_new_password_is_refused(self) -> None:
        response = self.post(
            URL,
            {"old_password": "a-long-password", "new_password1": "123", "new_password2": "123"},
        )
        self.assertContains(response, "This password is too short.", status_code=400)
