from __future__ import annotations

from datetime import date
from typing import Any

from django.urls import reverse

from nextsteps.accounts.services import SETTINGS, profile_settings
from nextsteps.outreach import services
from nextsteps.playbook import StepKind
from nextsteps.reminders.services import feed_url
from nextsteps.web.settings_form import as_text
from tests.web.base import WebTestCase

URL = reverse("settings")


class SettingsTestCase(WebTestCase):
    def current(self) -> dict[str, Any]:
        """The form as the page fills it in, ready to send back."""
        response = self.client.get(URL)
        form = response.context["form"]
        return {key: form[key].value() for key in form.fields}

    def test_every_setting_has_a_field(self) -> None:
        response = self.client.get(URL)
        self.assertEqual(list(response.context["form"].fields), list(SETTINGS))
        self.assertContains(response, '<option value="Europe/London" selected>')
        self.assertContains(response, "United Kingdom (GB)")
        self.assertContains(response, "Seven days, twice, then move on")

    def test_the_number_of_queries_does_not_grow_with_applications(self) -> None:
        self.interviewed("First")
        self.client.get(URL)  # makes the calendar's secret address
        with self.assertNumQueries(6) as one:
            self.client.get(URL)
        for n in range(19):
            self.interviewed(f"Company {n}")
        with self.assertNumQueries(len(one.captured_queries)):
            self.client.get(URL)

    def test_saving_changes_only_what_changed(self) -> None:
        data = {**self.current(), "timezone": "Europe/Paris", "weekly_target": "8"}
        response = self.post(URL, data)
        self.assertRedirects(response, URL)
        self.profile.refresh_from_db()
        self.assertEqual((self.profile.timezone, self.profile.weekly_target), ("Europe/Paris", 8))
        self.assertEqual(self.profile.country, "GB")

    def test_the_name_that_signs_the_messages(self) -> None:
        response = self.client.get(URL)
        self.assertContains(response, "Your name")
        self.post(URL, {**self.current(), "name": "  Alice   Smith "})
        self.profile.refresh_from_db()
        self.assertEqual(self.profile.name, "Alice Smith")

    def test_working_days_are_checkboxes(self) -> None:
        data = {**self.current(), "working_days": ["mon", "tue", "sat"]}
        self.post(URL, data)
        self.profile.refresh_from_db()
        self.assertEqual(self.profile.working_days, "mon,tue,sat")

    def test_a_new_calendar_moves_the_planned_steps(self) -> None:
        # Interview on Fri 13 Nov: the follow-up on Fri 20 Nov; without Fridays, Mon 23.
        application = self.interviewed(day=date(2026, 11, 13))
        data = {**self.current(), "working_days": ["mon", "tue", "wed", "thu"]}
        self.post(URL, data)
        follow_up = self.open_step(application, StepKind.FOLLOW_UP)
        self.assertEqual(follow_up.due, self.local(date(2026, 11, 23)))

    def test_a_country_and_region_change_together(self) -> None:
        self.post(URL, {**self.current(), "country": "US", "subdivision": "CA"})
        self.profile.refresh_from_db()
        self.assertEqual((self.profile.country, self.profile.subdivision), ("US", "CA"))

    def test_a_region_the_country_lacks_is_refused_and_nothing_is_saved(self) -> None:
        before = profile_settings(self.profile)
        data = {**self.current(), "country": "US", "weekly_target": "9"}  # keeps ENG
        response = self.post(URL, data)
        self.assertContains(response, "knows no public holidays for", status_code=400)
        self.profile.refresh_from_db()
        self.assertEqual(profile_settings(self.profile), before)

    def test_a_weekly_target_that_is_no_number_gets_the_command_lines_sentence(self) -> None:
        for typed in ("²", "101"):
            with self.subTest(typed=typed):
                response = self.post(URL, {**self.current(), "weekly_target": typed})
                self.assertContains(
                    response,
                    "The weekly target must be a whole number from 0 to 100, not ",
                    status_code=400,
                )
        self.profile.refresh_from_db()
        self.assertEqual(self.profile.weekly_target, 5)

    def test_a_refused_form_shows_the_zone_and_country_the_user_picked(self) -> None:
        chosen = {"timezone": "America/Sao_Paulo", "country": "", "digest_time": "x"}
        data = {**self.current(), **chosen}
        response = self.post(URL, data)
        self.assertContains(
            response,
            '<option value="America/Sao_Paulo" selected>America/Sao Paulo</option>',
            status_code=400,
        )
        self.assertContains(response, '<option value="" selected>None: no public', status_code=400)
        self.assertContains(response, " selected>", count=3, status_code=400)  # and the playbook

    def test_no_working_day_at_all_is_refused(self) -> None:
        data = {**self.current(), "working_days": []}
        response = self.post(URL, data)
        self.assertEqual(response.status_code, 400)

    def test_texts_are_what_the_command_line_would_type(self) -> None:
        self.assertEqual(as_text(["mon", "fri"]), "mon,fri")
        self.assertEqual(as_text(5), "5")
        self.assertEqual(as_text(None), "")


class DigestAndCalendarSettingsTestCase(SettingsTestCase):
    def test_the_digest_hour_moves_the_next_digest(self) -> None:
        self.post(URL, {**self.current(), "digest_time": "07:30"})
        self.profile.refresh_from_db()
        self.assertEqual(self.profile.next_digest_at, self.local(date(2026, 11, 17), 7, 30))

    def test_a_digest_time_that_is_no_time_is_refused_and_nothing_is_saved(self) -> None:
        data = {**self.current(), "digest_time": "7pm", "weekly_target": "9"}
        response = self.post(URL, data)
        self.assertContains(response, "The digest time must be a time like 08:00", status_code=400)
        self.profile.refresh_from_db()
        self.assertEqual((self.profile.digest_time, self.profile.weekly_target), ("08:00", 5))

    def test_the_page_says_when_the_digest_goes_or_why_it_cannot(self) -> None:
        self.assertContains(self.client.get(URL), "no mail account to send your digest with")
        services.set_mail_account(
            self.alice,
            services.AccountSettings("smtp.example.com", 587, "starttls", "Ann <ann@example.com>"),
        )
        self.post(URL, {**self.current(), "digest_time": "07:30"})
        self.assertIn(
            "The next digest goes to ann@example.com on Tue 17 Nov at 07:30",
            self.client.get(URL).content.decode(),
        )
        services.set_sending_paused(self.alice, True)
        self.assertContains(self.client.get(URL), "Sending is paused in the outbox")
        self.post(URL, {**self.current(), "digest_time": "off"})
        self.assertContains(self.client.get(URL), "The daily digest is off.")

    def test_the_calendar_address_is_shown_and_replaced_from_here(self) -> None:
        old = feed_url(self.alice)
        self.assertContains(self.client.get(URL), old)
        page = self.post(reverse("calendar-rotate"), follow=True)
        self.assertRedirects(page, URL)
        self.assertNotContains(page, old)
        self.assertContains(page, feed_url(self.alice))
        self.assertContains(page, "the old one no longer works")
