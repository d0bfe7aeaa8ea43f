"""The first visit to a laptop install sets the command line's user's password, so
the browser shows what the command line recorded; only from this computer, once."""

from __future__ import annotations

from datetime import date

from django.contrib.auth.models import User
from django.test import override_settings
from django.urls import reverse

from nextsteps.accounts.services import profile_of
from nextsteps.tracker import services
from tests.web.base import WebTestCase

PASSWORD = "a sturdy passphrase"


@override_settings(LISTENING_ON="http://127.0.0.1:8101")
class FirstVisitTestCase(WebTestCase):
    url = "/welcome/"

    def setUp(self) -> None:
        super().setUp()
        self.me = User.objects.create_user("me")  # as the command line makes it
        profile_of(self.me)
        services.add_application(self.me, "Acme", "Data Analyst", applied_on=date(2026, 11, 2))
        self.visitor = self.client_for(None)

    def form(self, password: str = PASSWORD) -> dict[str, str]:
        return {"new_password1": password, "new_password2": password}

    def test_the_front_door_offers_it_on_this_computer(self) -> None:
        response = self.visitor.get(reverse("today"))
        self.assertRedirects(response, self.url)
        self.assertContains(self.visitor.get(self.url), "the user <strong>me</strong>")

    def test_setting_it_signs_in_and_shows_the_command_lines_applications(self) -> None:
        response = self.post_as(self.visitor, self.url, self.form())
        self.assertRedirects(response, reverse("today"), fetch_redirect_response=False)
        self.assertContains(self.visitor.get(reverse("board")), "Acme")
        self.assertTrue(User.objects.get(username="me").check_password(PASSWORD))

    def test_it_is_offered_once(self) -> None:
        self.post_as(self.visitor, self.url, self.form())
        stranger = self.client_for(None)
        self.assertEqual(stranger.get(self.url).status_code, 404)
        self.assertEqual(
            self.post_as(stranger, self.url, self.form("another one!")).status_code, 404
        )
        self.assertRedirects(stranger.get(reverse("today")), reverse("login"))

    def test_never_from_another_computer(self) -> None:
        remote = {"REMOTE_ADDR": "192.0.2.10"}
        self.assertEqual(self.visitor.get(self.url, **remote).status_code, 404)
        response = self.post_as(self.visitor, self.url, self.form(), **remote)
        self.assertEqual(response.status_code, 404)
        self.assertFalse(User.objects.get(username="me").has_usable_password())

    def test_never_through_a_proxy_on_this_computer(self) -> None:
        for header in ("HTTP_X_FORWARDED_FOR", "HTTP_FORWARDED", "HTTP_X_REAL_IP"):
            with self.subTest(header):
                self.assertEqual(self.visitor.get(self.url, **{header: "x"}).status_code, 404)
                response = self.post_as(self.visitor, self.url, self.form(), **{header: "x"})
                self.assertEqual(response.status_code, 404)
        self.assertFalse(User.objects.get(username="me").has_usable_password())

    def test_never_when_the_server_is_not_serve_on_a_loopback_address(self) -> None:
        for listening_on in ("", "http://0.0.0.0:8000", "http://192.0.2.1:8000"):
            with self.subTest(listening_on), override_settings(LISTENING_ON=listening_on):
                self.assertEqual(self.visitor.get(self.url).status_code, 404)
                self.assertRedirects(self.visitor.get(reverse("today")), reverse("login"))

    def test_a_weak_password_is_refused_in_words(self) -> None:
        response = self.post_as(self.visitor, self.url, self.form("123"))
        self.assertContains(response, "This password is too short.", status_code=400)
        self.assertFalse(User.objects.get(username="me").has_usable_password())

    def test_a_signed_in_outsider_cannot_take_it_once_set(self) -> None:
        self.me.set_password(PASSWORD)
        self.me.save()
        outsider = self.client_for(self.outsider)
        self.assertRedirects(outsider.get(self.url), reverse("today"))
        self.assertEqual(self.post_as(outsider, self.url, self.form("mine now!")).status_code, 302)
        self.assertTrue(User.objects.get(username="me").check_password(PASSWORD))

    @override_settings(CLI_USERNAME="sam")
    def test_it_is_the_user_the_command_line_acts_for(self) -> None:
        self.assertEqual(self.visitor.get(self.url).status_code, 404)

    def test_csrf_is_enforced(self) -> None:
        response = self.visitor.post(self.url, self.form())
        self.assertEqual(response.status_code, 403)
        self.assertFalse(User.objects.get(username="me").has_usable_password())
