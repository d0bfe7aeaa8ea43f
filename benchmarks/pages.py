"""How fast the pages answer for a user with 2,000 applications.

    .venv/bin/python benchmarks/pages.py [--applications 2000] [--repeat 30]

Seeds one user through the services (as if they had recorded it all): applications
spread over the past 400 days, most of the older ones closed, the recent ones
applied, interviewing or offered, with their plans. Then times, server-side with
Django's test client, the median of --repeat requests of Today, the board, the
table, an application's page and Settings, and the median of running the SQL that
fetches the same rows straight on the database cursor. Prints one JSON object; the
ratio is page / raw SQL. Beside it, the page against its own SQL: every statement the
page ran (the session, the user, the counts in the layout too), run again straight
on the cursor.

Beside the pages, the framework's floor: what any signed-in request costs before a
page does anything (sessions, authentication, CSRF, the security headers, the
login lockout), as a view that answers an empty response, and as an empty page in
the site's layout (its navigation and the outbox's count). A page whose rows cost
less than the floor cannot be within a few times their SQL; the report says so.

Page and SQL are timed in turns, so that a busy machine slows both alike.

Runs on the embedded SQLite in a temporary data directory, or on PostgreSQL when
DATABASE_URL names it: in a scratch database made beside the one it names (its
name with _benchmark_ and the process id), dropped at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urlsplit, urlunsplit

ZONE = "Europe/London"


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 3)


def timed(action: Callable[[], object], repeat: int) -> list[float]:
    return timed_in_turns([action], repeat)[0]


def timed_in_turns(actions: list[Callable[[], object]], repeat: int) -> list[list[float]]:
    """Each action's durations, running them one after the other `repeat` times."""
    for action in actions:
        action()  # warm caches: templates, the playbook, the holidays
    samples: list[list[float]] = [[] for _ in actions]
    for _ in range(repeat):
        for action, durations in zip(actions, samples, strict=True):
            started = time.perf_counter()
            action()
            durations.append(time.perf_counter() - started)
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


def seed(applications: int, name: str = "heavy") -> Any:
    """One user with `applications` applications, recorded through the services."""
    from django.db import transaction

    from nextsteps.playbook import Event, EventKind
    from nextsteps.tracker import services

    user, profile = london_user(name)
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
    from django.db import connection
    from django.db.models import Count, F, OuterRef, Q, Subquery
    from django.test import Client, override_settings
    from django.test.utils import setup_test_environment

    from nextsteps.accounts.models import Profile
    from nextsteps.playbook.timeline import Stage
    from nextsteps.reminders.models import CalendarFeed
    from nextsteps.staticfiles import collect_static_files
    from nextsteps.tracker.models import Application, Contact, Event, NextStep
    from nextsteps.tracker.services.agenda import overdue_at
    from nextsteps.web.cards import COMING_UP_LINES, OVERDUE_CARDS, TODAY_CARDS
    from nextsteps.web.views.pipeline import CLOSED_LIMIT, COLUMN_LIMIT, TABLE_PAGE
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
    from zoneinfo import ZoneInfo

    zone = ZoneInfo(ZONE)
    now = datetime.now(zone)
    until = datetime.combine(today + timedelta(days=1 + COMING_UP_DAYS), datetime.min.time(), zone)
    tomorrow = datetime.combine(today + timedelta(days=1), datetime.min.time(), zone)
    open_steps = NextStep.objects.filter(owner=user, state=NextStep.State.OPEN)
    # Today shows the latest overdue steps, the first for today and the first to
    # come, and counts each group.
    agenda = open_steps.filter(not_before__lt=until)
    overdue = overdue_at(now)
    today_rows = [
        agenda.filter(overdue)
        .select_related("application__company")
        .order_by("-due", "-id")[:OVERDUE_CARDS],
        agenda.exclude(overdue)
        .filter(not_before__lt=tomorrow)
        .select_related("application__company")
        .order_by("due", "id")[:TODAY_CARDS],
        agenda.exclude(overdue)
        .filter(not_before__gte=tomorrow)
        .select_related("application__company")
        .order_by("due", "id")[:COMING_UP_LINES],
        agenda.values("owner").annotate(
            overdue=Count("id", filter=overdue),
            today=Count("id", filter=~overdue & Q(not_before__lt=tomorrow)),
            every=Count("id"),
        ),
    ]
    # The board shows each stage's latest applications with their next steps, and
    # counts each stage; the table the first page in next-step order, and counts all.
    mine = Application.objects.filter(owner=user)
    latest = Q()
    for stage in Stage:
        limit = CLOSED_LIMIT if stage == Stage.CLOSED else COLUMN_LIMIT
        latest |= Q(id__in=mine.filter(stage=stage).order_by("-id").values("id")[:limit])
    on_board = Application.objects.filter(latest).select_related("company").order_by("-id")
    first = NextStep.objects.to_do(now).filter(application=OuterRef("pk"))
    in_table = (
        mine.select_related("company")
        .annotate(next_due=Subquery(first.order_by("due", "id").values("due")[:1]))
        .order_by(F("next_due").asc(nulls_last=True), "-id")[:TABLE_PAGE]
    )

    def steps_of(applications: Any) -> Any:
        ids = [application.id for application in applications]
        return (
            NextStep.objects.to_do(now)
            .filter(owner=user, application_id__in=ids)
            .only("application_id", "kind", "attempt", "not_before", "due", "all_day")
            .order_by("due", "id")
        )

    board_rows = [
        mine.order_by().values("stage").annotate(Count("id")),
        on_board,
        steps_of(on_board),
    ]
    table_rows = [
        mine.order_by().values("owner").annotate(Count("id")),
        in_table,
        steps_of(in_table),
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
        "today": ("/", today_rows),
        "board": ("/pipeline/", board_rows),
        "table": ("/pipeline/table/", table_rows),
        "application": (f"/applications/{interviewed.pk}/", application_rows),
        "settings": ("/settings/", settings_rows),
    }
    report: dict[str, Any] = {
        "database": connection.vendor,
        "applications": Application.objects.filter(owner=user).count(),
        "open_steps": open_steps.count(),
        "agenda_steps": agenda.count(),
        "today_rows": sum(len(rows) for rows in today_rows[:3]),
        "seed_seconds": round(seed_seconds, 1),
        "repeat": repeat,
        # Other work on the machine slows every figure: its load while timing.
        "load_average_before": round(os.getloadavg()[0], 1),
    }
    with override_settings(ROOT_URLCONF=with_floor()):
        for name, url in FLOOR.items():
            report[name] = {
                "page_ms": median_ms(timed(lambda url=url: client.get(url), repeat)),
                "queries": len(page_statements(client, url)[1]),
            }
    floor_ms = report["floor"]["page_ms"]
    for name, (url, querysets) in pages.items():
        response, statements = page_statements(client, url)
        sql = raw([qs.query.sql_with_params() for qs in querysets])
        own_sql = raw([(statement, None) for statement in statements])
        page, rows, own = timed_in_turns([lambda url=url: client.get(url), sql, own_sql], repeat)
        report[name] = {
            "page_ms": median_ms(page),
            "raw_sql_ms": median_ms(rows),
            "page_per_raw_sql": round(statistics.median(page) / statistics.median(rows), 1),
            "floor_per_raw_sql": round(floor_ms / median_ms(rows), 1),
            "own_sql_ms": median_ms(own),
            "page_per_own_sql": round(statistics.median(page) / statistics.median(own), 1),
            "queries": len(statements),
            "html_kib": round(len(response.content) / 1024, 1),
        }
    report["load_average_after"] = round(os.getloadavg()[0], 1)
    return report


# The floor: a signed-in request that does nothing, and an empty page in the layout.
FLOOR = {"floor": "/benchmark/floor/", "floor_layout": "/benchmark/layout/"}


def with_floor() -> ModuleType:
    """The site's URLs and the floor's two views."""
    from django.contrib.auth.decorators import login_required
    from django.http import HttpRequest, HttpResponse
    from django.shortcuts import render
    from django.urls import include, path

    def nothing(request: HttpRequest) -> HttpResponse:
        return HttpResponse(b"")

    def layout(request: HttpRequest) -> HttpResponse:
        return render(request, "web/base.html")

    urls = ModuleType("benchmark_urls")
    urls.urlpatterns = [  # type: ignore[attr-defined]
        path("benchmark/floor/", login_required(nothing)),
        path("benchmark/layout/", login_required(layout)),
        path("", include("nextsteps.urls")),
    ]
    return urls


def page_statements(client: Any, url: str) -> tuple[Any, list[str]]:
    """The page's response and every SQL statement it runs, its values written in."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    client.get(url)  # a first visit may write what later ones read (the calendar feed)
    reset_queries()  # a request clears the log; count from an empty one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    return response, [query["sql"] for query in queries.captured_queries]


def print_report(bench: Callable[[], dict[str, Any]]) -> None:
    """Run a benchmark on a scratch data directory (or a scratch PostgreSQL database
    beside DATABASE_URL's) and print its JSON."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextsteps.settings")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    with tempfile.TemporaryDirectory() as data_dir, scratch_database():
        os.environ.setdefault("NEXTSTEPS_DATA_DIR", data_dir)
        report = bench()
    print(json.dumps(report, indent=2))


@contextmanager
def scratch_database() -> Iterator[None]:
    """When DATABASE_URL names PostgreSQL, point it to a new database on the same
    server for the benchmark's time, so that runs start alike and leave nothing."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        yield
        return
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = f"{parts.path.lstrip('/') or 'nextsteps'}_benchmark_{os.getpid()}"
    server = urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(server, autocommit=True) as admin:
        admin.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    os.environ["DATABASE_URL"] = urlunsplit(parts._replace(path=f"/{name}"))
    try:
        yield
    finally:
        os.environ["DATABASE_URL"] = url
        from django.db import connections

        connections.close_all()
        with psycopg.connect(server, autocommit=True) as admin:
            admin.execute(sql.SQL("DROP DATABASE {} WITH (FORCE)").format(sql.Identifier(name)))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    print_report(lambda: bench(args.applications, args.repeat))


if __name__ == "__main__":
    main()
