"""The activities page: learning, networking and temporary work, kept with their days;
and Today, where one that is due shows like any step."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from nextsteps.activities.models import Activity, ActivityDone
from nextsteps.activities.services import add_activity, complete_activity
from tests.web.base import MONDAY, WebTestCase

URL = reverse("activities")


class ActivitiesPageTestCase(WebTestCase):
    def test_adding_one_lists_it_with_its_days(self) -> None:
        response = self.post(
            URL, {"kind": "networking", "what": "Jane Doe, recruiter", "due": "", "every": "14"}
        )
        self.assertRedirects(response, URL)
        page = self.client.get(URL)
        self.assertContains(page, "Networking: Jane Doe, recruiter")
        self.assertContains(page, "every 14 days, next today")
        self.assertContains(page, "Not done yet")
        self.assertContains(page, "now is the time to step things up")

    def test_bad_input_is_one_sentence_and_nothing_is_saved(self) -> None:
        for data, sentence in (
            ({"kind": "learning", "what": " "}, "Say in a few words what you do."),
            ({"kind": "cooking", "what": "Bread"}, "Select a valid choice."),
            ({"kind": "learning", "what": "SQL", "every": "0"}, "from 1 to 365, not 0."),
            ({"kind": "learning", "what": "SQL", "due": "2029-01-01"}, "within two years"),
        ):
            response = self.post(URL, data)
            self.assertContains(response, sentence, status_code=400)
        self.assertFalse(Activity.objects.exists())

    def test_done_logs_it_and_plans_the_next(self) -> None:
        course = add_activity(self.alice, "learning", "SQL course", every_days=7)
        response = self.post(reverse("activity-done", args=[course.id]))
        self.assertRedirects(response, URL)
        course.refresh_from_db()
        self.assertEqual(course.due, date(2026, 11, 23))
        self.assertEqual(list(ActivityDone.objects.values_list("on", flat=True)), [MONDAY])
        self.assertContains(self.client.get(URL), "Done once")

    def test_remove_keeps_what_was_done_for_the_report(self) -> None:
        course = add_activity(self.alice, "learning", "SQL course", every_days=7)
        complete_activity(course)
        never = add_activity(self.alice, "temporary-work", "Cover at Temps Ltd")
        for activity in (course, never):
            self.assertRedirects(self.post(reverse("activity-remove", args=[activity.id])), URL)
        self.assertNotContains(self.client.get(URL), "SQL course")
        self.assertEqual(ActivityDone.objects.get().activity.what, "SQL course")
        self.assertFalse(Activity.objects.filter(what="Cover at Temps Ltd").exists())

    def test_the_outsider_gets_404_and_changes_nothing(self) -> None:
        course = add_activity(self.alice, "learning", "SQL course", every_days=7)
        bob = self.client_for(self.outsider)
        self.assertNotContains(bob.get(URL), "SQL course")
        for name in ("activity-done", "activity-remove"):
            self.assertEqual(self.post_as(bob, reverse(name, args=[course.id])).status_code, 404)
        course.refresh_from_db()
        self.assertEqual((course.due, course.removed), (MONDAY, False))

    def test_what_the_user_typed_is_escaped(self) -> None:
        add_activity(self.alice, "learning", "<script>alert(1)</script>")
        page = self.client.get(URL)
        self.assertNotContains(page, "<script>alert(1)</script>")
        self.assertContains(page, "&lt;script&gt;alert(1)&lt;/script&gt;")


class TodayTestCase(WebTestCase):
    def test_an_activity_due_shows_on_today_with_its_done_button(self) -> None:
        due = add_activity(self.alice, "networking", "Coffee with Jane", every_days=14)
        add_activity(self.alice, "learning", "SQL course", due=date(2026, 11, 17))  # tomorrow
        add_activity(self.outsider, "learning", "Bob's course")
        page = self.client.get(reverse("today"))
        self.assertContains(page, "Keep your momentum")
        self.assertContains(page, "Networking: Coffee with Jane")
        self.assertContains(page, reverse("activity-done", args=[due.id]))
        self.assertNotContains(page, "SQL course")
        self.assertNotContains(page, "Bob&#x27;s course")
        response = self.post(reverse("activity-done", args=[due.id]), {"next": reverse("today")})
        self.assertRedirects(response, reverse("today"), fetch_redirect_response=False)
        self.assertNotContains(self.client.get(reverse("today")), "Keep your momentum")
