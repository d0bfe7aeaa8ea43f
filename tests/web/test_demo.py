from __future__ import annotations

import os
import re
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import time_machine
from django.contrib.auth import authenticate
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from nextsteps.outreach import services as outreach
from nextsteps.playbook import EventKind, StepKind
from nextsteps.playbook.drafting import MessageKind
from nextsteps.tracker.models import Application, Event, NextStep
from nextsteps.web.demo import AccountExists, create_demo
from tests.base import LONDON
from tests.web.base import WebTestCase

NEXTSTEPS = str(Path(sys.executable).with_name("nextsteps"))


class DemoTestCase(WebTestCase):
    def test_three_weeks_of_a_job_search(self) -> None:
        user, password = create_demo("demo", "Europe/London")
        request = RequestFactory().post("/login/")
        self.assertEqual(authenticate(request, username="demo", password=password), user)
        applications = Application.objects.filter(owner=user)
        self.assertEqual(applications.count(), 12)
        stages = set(applications.values_list("stage", flat=True))
        self.assertEqual(stages, {"saved", "applied", "interviewing", "offer", "closed"})
        events = Event.objects.filter(application__owner=user)
        self.assertEqual(events.filter(kind=EventKind.REJECTED).count(), 1)
        self.assertEqual(events.filter(kind=EventKind.OFFER_RECEIVED).count(), 1)
        self.assertGreaterEqual(events.filter(kind=EventKind.INTERVIEW_HELD).count(), 4)
        first = events.order_by("at").first()
        assert first is not None
        self.assertGreaterEqual((self.now - first.at).days, 20)
        open_kinds = set(
            NextStep.objects.filter(owner=user, state="open").values_list("kind", flat=True)
        )
        self.assertIn(StepKind.REPLY_TO_REJECTION, open_kinds)
        self.assertIn(StepKind.PREPARE_INTERVIEW, open_kinds)

    def test_its_thank_you_is_due_whatever_the_hour_or_the_day(self) -> None:
        # Opened on a Monday morning, a Tuesday afternoon or a Sunday night, the demo
        # has an interview whose thank-you can still go out within its 24 hours.
        moments = [(16, 8, 0), (17, 15, 5), (22, 23, 30), (23, 0, 30)]
        for day, hour, minute in moments:
            with (
                self.subTest(day=day, hour=hour),
                time_machine.travel(
                    datetime(2026, 11, day, hour, minute, tzinfo=LONDON), tick=False
                ),
            ):
                user, _ = create_demo(f"demo{day}", "Europe/London")
                outreach.set_mail_account(
                    user, outreach.AccountSettings("127.0.0.1", 2525, "none", "d@example.com")
                )
                thank_you = NextStep.objects.get(
                    owner=user, kind=StepKind.THANK_YOU, state=NextStep.State.OPEN
                )
                draft = outreach.draft(user, thank_you, MessageKind.THANK_YOU, timezone.now())
                message = outreach.schedule_message(
                    user, thank_you, MessageKind.THANK_YOU, draft.subject, "Thank you."
                )
                self.assertLessEqual(message.send_at, message.send_by)

    def test_it_keeps_the_articles_other_habits(self) -> None:
        """A person to call due today, a class done last week and today, temporary work:
        they show on Today, on Activities, in this week's insights and in the report."""
        user, _ = create_demo("demo", "Europe/London")
        client = self.client_for(user)
        call = "Networking: Call Priya Shah, Head of Analytics"
        today = client.get(reverse("today"))
        self.assertContains(today, "Keep your momentum")
        self.assertContains(today, call)
        kept = client.get(reverse("activities"))
        for activity in (call, "Learning: SQL evening class", "Temporary work: Cover at Temps Ltd"):
            self.assertContains(kept, activity)
        insights = client.get(reverse("insights"))
        self.assertContains(insights, "<p>Also this week: Learning 1.</p>", html=True)
        report = client.get(reverse("insights-report"), {"format": "csv"}).content.decode()
        self.assertIn("Learning: SQL evening class", report)

    def test_its_pages_render(self) -> None:
        user, _ = create_demo("demo", "Europe/London")
        client = self.client_for(user)
        pages = ("today", "board", "table", "contacts", "activities", "insights")
        for url in (reverse(page) for page in pages):
            self.assertEqual(client.get(url).status_code, 200, url)
        for application in Application.objects.filter(owner=user):
            url = reverse("application", args=[application.id])
            self.assertEqual(client.get(url).status_code, 200, url)

    def test_an_existing_account_is_left_alone(self) -> None:
        with self.assertRaisesMessage(AccountExists, "already an account called 'alice'"):
            create_demo("alice", "UTC")
        self.assertFalse(Application.objects.exists())


def test_the_demo_command_prints_how_to_log_in(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    env["NEXTSTEPS_DATA_DIR"] = str(tmp_path)
    run = [NEXTSTEPS, "demo", "--timezone", "Europe/Paris"]
    first = subprocess.run(run, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert first.returncode == 0, first.stderr
    assert "username: demo" in first.stdout
    assert re.search(r"password: \S{12,}", first.stdout)
    # What it says to see the demo on the command line does show it.
    assert "NEXTSTEPS_USER=demo nextsteps today" in first.stdout
    as_demo = {**env, "NEXTSTEPS_USER": "demo"}
    for command, shown in (("today", "was due"), ("list", "Copperleaf Foods")):
        result = subprocess.run(
            [NEXTSTEPS, command], env=as_demo, capture_output=True, text=True, timeout=120
        )
        assert shown in result.stdout, (command, result.stdout, result.stderr)
    again = subprocess.run(run, env=env, capture_output=True, text=True, timeout=120, check=False)
    assert again.returncode == 2
    assert "already an account called 'demo'" in again.stderr
