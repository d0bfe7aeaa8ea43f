"""How fast Insights and the work-search report answer for a user with 2,000
applications and 20,000 events.

    .venv/bin/python benchmarks/insights.py [--applications 2000] [--events 20000] [--repeat 20]

Seeds, through the services as benchmarks/pages.py does, two users: a heavy one with
--applications applications over the past 400 days, their interviews and outcomes,
topped up to --events events with follow-ups, thank-you notes, replies and material
sent (written straight to the table: only their reading is measured), and 300 times
an activity was done; and a light one with a tenth of each. Then, server-side with
Django's test client, the median of --repeat requests of:

- the Insights page, for both users: its time and its SQL queries, which must be the
  same number for both (the figures are summed by the database or computed from one
  read of the events, whatever their number);
- the report as CSV and as PDF, for the last two weeks (the form's default) and for the
  whole 400 days (every one of the heavy user's steps), with its queries and size.

Page and report are timed in turns, so that a busy machine slows both alike. Prints
one JSON object. Runs on SQLite in a temporary data directory, or on a scratch
PostgreSQL database when DATABASE_URL names one.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import (
    ZONE,
    median_ms,
    page_statements,
    print_report,
    seed,
    timed,
    timed_in_turns,
)

# The kinds the top-up adds, in turn, a few days after the application went.
TOP_UP = ("follow-up", "reply", "thank-you", "materials-sent", "follow-up", "reply")
ACTIVITIES_DONE = 300


def top_up(user: Any, events: int) -> None:
    """Events of the user's applications until there are `events`: each a few days
    after the last, never in the future."""
    from django.db.models import Max
    from django.utils import timezone

    from nextsteps.tracker.models import Application, Event

    now = timezone.now()
    latest = dict(
        Application.objects.filter(owner=user)
        .annotate(last=Max("events__at"))
        .values_list("id", "last")
    )
    missing = events - Event.objects.filter(application__owner=user).count()
    rows = []
    ids = [application_id for application_id, last in latest.items() if last is not None]
    for n in range(max(0, missing)):
        application_id = ids[n % len(ids)]
        at = min(latest[application_id] + timedelta(days=2), now - timedelta(minutes=n % 600))
        latest[application_id] = at
        kind = TOP_UP[n % len(TOP_UP)]
        rows.append(Event(application_id=application_id, kind=kind, at=at, timezone=ZONE))
    Event.objects.bulk_create(rows, batch_size=2000)


def done_activities(user: Any, times: int) -> None:
    """Learning and networking, done on `times` days of the past 400."""
    from nextsteps.activities.services import add_activity, complete_activity

    today = datetime.now().date()
    course = add_activity(user, "learning", "Data engineering course", every_days=1)
    people = add_activity(user, "networking", "Coffee with a former colleague", every_days=1)
    for n in range(times):
        complete_activity(course if n % 2 else people, today - timedelta(days=n % 400))


def seeded(name: str, applications: int, events: int) -> tuple[Any, float]:
    from django.db import transaction

    started = time.perf_counter()
    user, _ = seed(applications, name)
    with transaction.atomic():
        top_up(user, events)
        done_activities(user, ACTIVITIES_DONE * applications // 2000)
    return user, time.perf_counter() - started


def bench(applications: int, events: int, repeat: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment

    from nextsteps.staticfiles import collect_static_files
    from nextsteps.tracker.models import Application, Event

    setup_test_environment()  # lets the test client in (ALLOWED_HOSTS)
    call_command("migrate", verbosity=0)
    collect_static_files()
    heavy, heavy_seconds = seeded("heavy", applications, events)
    light, _ = seeded("light", applications // 10, events // 10)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    clients = {}
    for name, user in (("heavy", heavy), ("light", light)):
        clients[name] = Client()
        clients[name].force_login(user)

    def counted(user: Any) -> dict[str, int]:
        return {
            "applications": Application.objects.filter(owner=user).count(),
            "events": Event.objects.filter(application__owner=user).count(),
        }

    report: dict[str, Any] = {
        "database": connection.vendor,
        "heavy": counted(heavy),
        "light": counted(light),
        "seed_seconds": round(heavy_seconds, 1),
        "repeat": repeat,
        "load_average_before": round(os.getloadavg()[0], 1),
    }
    page = "/insights/"
    pages = timed_in_turns(
        [lambda: clients["heavy"].get(page), lambda: clients["light"].get(page)], repeat
    )
    report["insights_page"] = {
        name: {
            "page_ms": median_ms(samples),
            "queries": len(page_statements(clients[name], page)[1]),
            "html_kib": round(len(clients[name].get(page).content) / 1024, 1),
        }
        for name, samples in zip(("heavy", "light"), pages, strict=True)
    }
    today = datetime.now().date()
    ranges = {
        "two_weeks": (today - timedelta(days=today.weekday() + 7), today),
        "whole_search": (today - timedelta(days=401), today),
    }
    report["report"] = {}
    for label, (first, last) in ranges.items():
        for kind, runs in (("csv", repeat), ("pdf", max(3, repeat // 5))):
            url = f"/insights/report/?from={first}&to={last}&format={kind}"
            response, statements = page_statements(clients["heavy"], url)
            report["report"][f"{label}_{kind}"] = {
                "ms": median_ms(timed(lambda url=url: clients["heavy"].get(url), runs)),
                "queries": len(statements),
                "rows": response.content.count(b"\n") - 1 if kind == "csv" else None,
                "pages": pages_of(response.content) if kind == "pdf" else None,
                "kib": round(len(response.content) / 1024, 1),
            }
    report["load_average_after"] = round(os.getloadavg()[0], 1)
    return report


def pages_of(pdf: bytes) -> int:
    return pdf.count(b"/Type /Page") - pdf.count(b"/Type /Pages")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--applications", type=int, default=2000)
    parser.add_argument("--events", type=int, default=20_000)
    parser.add_argument("--repeat", type=int, default=20)
    args = parser.parse_args()
    print_report(lambda: bench(args.applications, args.events, args.repeat))


if __name__ == "__main__":
    main()
