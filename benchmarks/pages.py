"""How fast the pages answer for a user with 2,000 applications.

    .venv/bin/python benchmarks/pages.py [--applications 2000] [--repeat 30]

Seeds one user through the services (as if they had recorded it all): applications
spread over the past 400 days, most of the older ones closed, the recent ones
applied, interviewing or offered, with their plans. Then times, server-side with
Django's test client, the median of --repeat requests of Today, the board, the
table, an application's page and Settings, and the median of running the SQL that
fetches the same rows straight on the database cursor. Prints one JSON object; the
ratio is page / raw SQL.

Runs on the embedded SQLite in a temporary data directory, or on the database
DATABASE_URL names (its tables are created; use a scratch database).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

ZONE = "Europe/London"


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    action()  # warm caches: templates, the playbook, the holidays
    samples = []
    for _ in range(repeat):
        started = time.perf_counter()
        action()
        samples.append(time.perf_counter() - started)
    return samples


def london_user(name: str) -> tuple[Any, Any]:
    """A user (without a password: hashing one would be most of the seeding time) on
    London's clock and England's holidays, and their profile."""
    from django.contrib.auth.models import User

    from nextsteps.accounts.services import change_profile, profile_of

    user = User.objects.create_user(name, email=f"{name}@example.com")
    profile = profile_of(user)
    change_profile(profile, "timezone", ZONE)
    change_profile(profile, "country", "GB")
    return user, profile


def seed(applications: int) -> Any:
    """One user with `applications` applications, recorded through the services."""
    from django.db import transaction

    from nextsteps.playbook import Event, EventKind
    from nextsteps.tracker import services

    user, profile = london_user("heavy")
    workdays = profile.workdays()
    today = datetime.now(workdays.timezone).date()
    outcomes = (EventKind.REJECTED, EventKind.WITHDRAWN, EventKind.CLOSED_NO_RESPONSE)
    with transaction.atomic():
        for n in range(applications):
            applied = today - timedelta(days=400 * (applications - n) // applications)
            application = services.add_application(
                user, f"Company {n % 700}", f"Role {n}", applied_on=applied
            )
            age = (today - applied).days
            if n % 4 == 0 and age >= 3:
                interview = workdays.at(applied + timedelta(days=min(age - 1, 9)), _ten())
                services.record_event(application, Event(EventKind.INTERVIEW_HELD, interview))
            if age > 45 and n % 10:
                closed = workdays.at(applied + timedelta(days=30), _ten())
                services.record_event(application, Event(outcomes[n % 3], closed))
            elif n % 97 == 0 and age > 12:
                offered = workdays.at(applied + timedelta(days=12), _ten())
                services.record_event(application, Event(EventKind.OFFER_RECEIVED, offered))
    return user, today


def _ten() -> Any:
    from datetime import time as clock

    return clock(10)


def raw(sql_and_params: list[tuple[str, Any]]) -> Callable[[], object]:
    from django.db import connection

    def run() -> None:
        with connection.cursor() as cursor:
            for sql, params in sql_and_params:
                cursor.execute(sql, params)
                cursor.fetchall()

    return run


def bench(applications: int, repeat: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext, setup_test_environment

    from nextsteps.accounts.models import Profile
    from nextsteps.reminders.models import CalendarFeed
    from nextsteps.staticfiles import collect_static_files
    from nextsteps.tracker.models import Application, Contact, Event, NextStep
    from nextsteps.web.views.today import COMING_UP_DAYS

    setup_test_environment()  # lets the test client in (ALLOWED_HOSTS)
    call_command("migrate", verbosity=0)
    collect_static_files()  # the pages name the static files by their hashes
    started = time.perf_counter()
    user, today = seed(applications)
    seed_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    client = Client()
    client.force_login(user)
    zone_start = datetime.combine(today + timedelta(days=1 + COMING_UP_DAYS), datetime.min.time())
    from zoneinfo import ZoneInfo

    until = zone_start.replace(tzinfo=ZoneInfo(ZONE))
    open_steps = NextStep.objects.filter(owner=user, state=NextStep.State.OPEN)
    today_rows = (
        open_steps.filter(not_before__lt=until)
        .select_related("application__company")
        .order_by("due", "id")
    )
    board_rows = [
        Application.objects.filter(owner=user).select_related("company").order_by("-id"),
        open_steps.only(
            "application_id", "kind", "attempt", "not_before", "due", "all_day"
        ).order_by("due", "id"),
    ]
    # The application page of a live application with an interview behind it, and
    # what it shows: the application, its events and people, its steps.
    interviewed = (
        Application.objects.filter(owner=user, stage="interviewing").order_by("-id").first()
    )
    assert interviewed is not None
    application_rows = [
        Application.objects.filter(pk=interviewed.pk).select_related("company"),
        Event.objects.filter(application=interviewed).order_by("-at", "-id"),
        NextStep.objects.filter(application=interviewed).order_by("due", "id"),
        Contact.objects.filter(owner=user).order_by("name", "id"),
    ]
    settings_rows = [Profile.objects.filter(user=user), CalendarFeed.objects.filter(user=user)]
    pages = {
        "today": ("/", [today_rows]),
        "board": ("/pipeline/", board_rows),
        "table": ("/pipeline/table/", board_rows),
        "application": (f"/applications/{interviewed.pk}/", application_rows),
        "settings": ("/settings/", settings_rows),
    }
    report: dict[str, Any] = {
        "database": connection.vendor,
        "applications": Application.objects.filter(owner=user).count(),
        "open_steps": open_steps.count(),
        "today_rows": today_rows.count(),
        "seed_seconds": round(seed_seconds, 1),
        "repeat": repeat,
    }
    for name, (url, querysets) in pages.items():
        reset_queries()  # a request clears the log; count from an empty one
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        query_count = len(queries)
        page = timed(lambda url=url: client.get(url), repeat)
        sql = raw([qs.query.sql_with_params() for qs in querysets])
        rows = timed(sql, repeat)
        report[name] = {
            "page_ms": median_ms(page),
            "raw_sql_ms": median_ms(rows),
            "page_per_raw_sql": round(statistics.median(page) / statistics.median(rows), 1),
            "queries": query_count,
            "html_kib": round(len(response.content) / 1024, 1),
        }
    return report


def print_report(bench: Callable[[], dict[str, Any]]) -> None:
    """Run a benchmark on a scratch data directory (or DATABASE_URL) and print its JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextsteps.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    with tempfile.TemporaryDirectory() as data_dir:
        os.environ.setdefault("NEXTSTEPS_DATA_DIR", data_dir)
        report = bench()
    print(json.dumps(report, indent=2))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    print_report(lambda: bench(args.applications, args.repeat))


if __name__ == "__main__":
    main()
