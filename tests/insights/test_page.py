"""The insights page: the owner's own figures, charts with their text, the weekly
target and the job crush; an outsider sees only his own; in a constant number of
queries."""

from __future__ import annotations

from datetime import date

from django.urls import reverse

from nextsteps.activities.services import add_activity, complete_activity
from nextsteps.playbook import EventKind
from tests.web.base import MONDAY, WebTestCase

URL = reverse("insights")


class InsightsPageTestCase(WebTestCase):
    def test_the_owner_sees_her_figures(self) -> None:
        replied = self.add("Replied Co", applied_on=date(2026, 11, 2))
        self.log(replied, EventKind.EMPLOYER_REPLIED, self.local(date(2026, 11, 5)))
        self.add("Quiet Co", applied_on=date(2026, 11, 3))
        self.interviewed("Talking Co")
        response = self.client.get(URL)
        self.assertEqual(response.status_code, 200)
        funnel = response.context["figures"].funnel
        self.assertEqual((funnel.applied, funnel.interviewed, funnel.offered), (3, 1, 0))
        self.assertContains(
            response, '<th scope="row">Answered</th><td>2 of 3 (67%)</td>', html=True
        )
        self.assertContains(response, 'role="img"')
        self.assertContains(
            response,
            '<desc id="chart-funnel-summary">'
            "Applied 3, Interviewed 1 (33%), Offered 0 (0%).</desc>",
            html=True,
        )
        # The chart says what the table does: the table is there, folded, not said twice.
        self.assertContains(
            response, '<details class="as-table"><summary>Funnel as a table</summary>'
        )
        self.assertNotContains(response, "<summary>Answers as a table</summary>")  # no chart

    def test_the_week_against_the_target_and_the_streak(self) -> None:
        self.profile.weekly_target = 2
        self.profile.save()
        for n, day in enumerate([date(2026, 11, 9), date(2026, 11, 10), date(2026, 11, 16)]):
            self.add(f"Co {n}", applied_on=day)
        response = self.client.get(URL)
        self.assertContains(response, "1 application this week, of your target of 2: 1 more to go.")
        self.assertContains(response, "One week at your target so far.")
        self.assertContains(response, "your target is 2 a week")

    def test_learning_and_networking_count_in_their_weeks(self) -> None:
        course = add_activity(self.alice, "learning", "SQL course", every_days=1)
        complete_activity(course, date(2026, 11, 9))
        complete_activity(course, MONDAY)
        complete_activity(add_activity(self.alice, "networking", "Call Jane"), MONDAY)
        response = self.client.get(URL)
        self.assertContains(response, "<p>Also this week: Learning 1, Networking 1.</p>", html=True)
        self.assertContains(
            response,
            '<tr><th scope="row">9 Nov</th><td>0</td><td>5</td><td>Learning 1</td></tr>',
            html=True,
        )

    def test_no_streak_is_no_news(self) -> None:
        response = self.client.get(URL)
        self.assertContains(
            response, "0 applications this week, of your target of 5: 5 more to go."
        )
        self.assertNotContains(response, "in a row")
        self.assertNotContains(response, "at your target")

    def test_all_effort_on_one_application_is_a_job_crush(self) -> None:
        self.interviewed("Dream Co", day=date(2026, 11, 13))
        response = self.client.get(URL)
        self.assertContains(
            response, "Everything you did in the last two weeks was for Data Analyst at Dream Co."
        )
        self.assertContains(response, "job crush")
        self.assertContains(response, "<cite>Don't Assume You Got the Job!</cite>", html=True)

    def test_thank_you_notes_beside_the_articles_figures(self) -> None:
        application = self.interviewed(day=date(2026, 11, 12))
        self.log(application, EventKind.THANK_YOU_SENT, self.local(date(2026, 11, 12), 15))
        response = self.client.get(URL)
        self.assertContains(
            response,
            '<th scope="row">Thanked within 24 hours</th><td>1 of 1 (100%)</td>',
            html=True,
        )
        self.assertContains(
            response,
            '<desc id="chart-thank-yous-summary">You thanked 100% (1 of 1), Within 24 hours '
            "100% (1 of 1), Candidates who do 57%, Managers it sways 80%.</desc>",
            html=True,
        )
        self.assertContains(
            response, "80% of Hiring Managers consider a thank-you note influential"
        )
        self.assertContains(response, "only 57% of interviewees send that important follow-up")

    def test_the_report_is_offered_for_last_week_and_this(self) -> None:
        response = self.client.get(URL)
        self.assertContains(response, f'action="{reverse("insights-report")}#proof"')
        self.assertContains(
            response,
            '<input type="date" id="report-from" name="from" value="2026-11-09" required>',
            html=True,
        )
        self.assertContains(
            response,
            '<input type="date" id="report-to" name="to" value="2026-11-16" required>',
            html=True,
        )
        self.assertContains(response, 'name="format" value="csv"')

    def test_the_outsider_sees_only_his_own_figures(self) -> None:
        self.interviewed()
        self.theirs()
        response = self.client_for(self.outsider).get(URL)
        funnel = response.context["figures"].funnel
        self.assertEqual((funnel.applied, funnel.interviewed), (1, 1))
        self.assertNotContains(response, "Acme")

    def test_signed_out_goes_to_log_in(self) -> None:
        response = self.client_for(None).get(URL)
        self.assertRedirects(
            response, f"{reverse('login')}?next={URL}", fetch_redirect_response=False
        )

    def test_the_number_of_queries_does_not_grow_with_applications(self) -> None:
        """The session, the user, the profile, the outbox's badge, and four for the
        figures (one more names the application of a job crush)."""
        self.interviewed("First")
        self.interviewed("Second")
        complete_activity(add_activity(self.alice, "learning", "SQL course"), MONDAY)
        with self.assertNumQueries(8):
            self.client.get(URL)
        for n in range(5):
            application = self.interviewed(f"More {n}", day=MONDAY)
            self.log(application, EventKind.THANK_YOU_SENT, self.local(MONDAY, 11))
            complete_activity(add_activity(self.alice, "networking", f"Person {n}"), MONDAY)
        with self.assertNumQueries(8):
            self.client.get(URL)
