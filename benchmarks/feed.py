"""How fast the secret calendar feed answers for a user with 1,000 open steps.

    .venv/bin/python benchmarks/feed.py [--open-steps 1000] [--others 3] [--repeat 30]

Seeds, through the services (as if they had recorded it all), one user whose live
applications hold at least --open-steps open steps (applied over the past three
weeks, some interviewed, some with an interview coming up), behind a history of
closed applications; --others users with as much data of their own; and one small
user with a handful of open steps, whose query count shows whether the feed's
queries grow with its steps. Then times, server-side with Django's test client,
the median of --repeat requests of `/calendar/<token>.ics`: the full feed, and the
304 answer to a request that sends back the ETag it was given. For comparison,
the median of running the SQL that fetches the same open steps straight on the
database cursor. Prints one JSON object; the ratio is feed / raw SQL.

Runs on the embedded SQLite in a temporary data directory, or on the database
DATABASE_URL names (its tables are created; use a scratch database).
"""

from __future__ import annotations

import argparse
import statistics
import time
from datetime import datetime, timedelta
from datetime import time as clock
from typing import Any

from pages import london_user, median_ms, print_report, raw, timed

# Days over which the live applications were sent: recent enough that none is
# closed for lack of an answer, so each keeps its follow-up steps open.
LIVE_DAYS = 21
TEN = clock(10)


def seed_user(name: str, open_steps: int, closed: int) -> tuple[Any, int]:
    """A user with `closed` settled applications and live ones until they hold at
    least `open_steps` open steps. Returns the user and its number of open steps."""
    from django.db import transaction

    from nextsteps.playbook import Event, EventKind
    from nextsteps.tracker import services
    from nextsteps.tracker.models import NextStep

    user, profile = london_user(name)
    workdays = profile.workdays()
    today = datetime.now(workdays.timezone).date()
    outcomes = (EventKind.REJECTED, EventKind.WITHDRAWN, EventKind.CLOSED_NO_RESPONSE)
    with transaction.atomic():
        for n in range(closed):
            applied = today - timedelta(days=60 + 340 * n // max(closed, 1))
            application = services.add_application(
                user, f"Company {n % 300}", f"Old role {n}", applied_on=applied
            )
            if n % 4 == 0:
                held = workdays.at(applied + timedelta(days=7), TEN)
                services.record_event(application, Event(EventKind.INTERVIEW_HELD, held))
            ended = workdays.at(applied + timedelta(days=30), TEN)
            services.record_event(application, Event(outcomes[n % 3], ended))
        # A settled application can keep a step open (answering a rejection).
        count = NextStep.objects.filter(owner=user, state=NextStep.State.OPEN).count()
        n = 0
        while count < open_steps:
            applied = today - timedelta(days=n % LIVE_DAYS)
            application = services.add_application(
                user, f"Company {n % 300}", f"Role {n}", applied_on=applied
            )
            age = (today - applied).days
            if n % 4 == 0 and age >= 3:
                held = workdays.at(applied + timedelta(days=age // 2), TEN)
                services.record_event(application, Event(EventKind.INTERVIEW_HELD, held))
            elif n % 4 == 1:
                coming = workdays.at(today + timedelta(days=2 + n % 10), TEN)
                services.record_event(application, Event(EventKind.INTERVIEW_SCHEDULED, coming))
            count += len(services.open_steps(application))
            n += 1
    return user, count


def measure_feed(client: Any, url: str, repeat: int) -> dict[str, Any]:
    """The full feed, then the 304 answer to its ETag: medians, sizes, queries."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    reset_queries()  # a request clears the log; count from an empty one
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    full_queries = len(queries)
    etag = response["ETag"]
    body = response.content
    full = timed(lambda: client.get(url), repeat)

    reset_queries()
    with CaptureQueriesContext(connection) as queries:
        unchanged = client.get(url, HTTP_IF_NONE_MATCH=etag)
    assert unchanged.status_code == 304, (url, unchanged.status_code)
    cached_queries = len(queries)
    cached = timed(lambda: client.get(url, HTTP_IF_NONE_MATCH=etag), repeat)
    return {
        "vevents": body.count(b"BEGIN:VEVENT"),
        "full": {
            "status": response.status_code,
            "feed_ms": median_ms(full),
            "bytes": len(body),
            "queries": full_queries,
        },
        "not_modified": {
            "status": unchanged.status_code,
            "feed_ms": median_ms(cached),
            "queries": cached_queries,
        },
        "_full_seconds": statistics.median(full),
    }


def bench(open_steps: int, others: int, closed: int, repeat: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.contrib.auth.models import User
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from django.test.utils import setup_test_environment
    from django.urls import reverse

    from nextsteps.reminders.services import feed_of
    from nextsteps.tracker.models import Application, NextStep

    setup_test_environment()  # lets the test client in (ALLOWED_HOSTS)
    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    # The others first and around the user, so its rows are not one neat block.
    for n in range(others // 2):
        seed_user(f"other{n}", open_steps, closed)
    user, open_count = seed_user("heavy", open_steps, closed)
    for n in range(others // 2, others):
        seed_user(f"other{n}", open_steps, closed)
    small, small_count = seed_user("small", 10, 5)
    seed_seconds = time.perf_counter() - started
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")

    client = Client()  # no login: the token in the address is the only key
    url = reverse("calendar-feed", args=[feed_of(user).token])
    small_url = reverse("calendar-feed", args=[feed_of(small).token])
    steps = (
        NextStep.objects.filter(owner=user, state=NextStep.State.OPEN)
        .select_related("application__company")
        .order_by("due", "id")
    )
    assert steps.count() == open_count, (steps.count(), open_count)
    rows = timed(raw([steps.query.sql_with_params()]), repeat)

    heavy = measure_feed(client, url, repeat)
    light = measure_feed(client, small_url, repeat)
    full_seconds = heavy.pop("_full_seconds")
    light.pop("_full_seconds")
    return {
        "database": connection.vendor,
        "users": User.objects.count(),
        "all_open_steps": NextStep.objects.filter(state=NextStep.State.OPEN).count(),
        "all_steps": NextStep.objects.count(),
        "applications": Application.objects.filter(owner=user).count(),
        "open_steps": open_count,
        "steps": NextStep.objects.filter(owner=user).count(),
        "seed_seconds": round(seed_seconds, 1),
        "repeat": repeat,
        **heavy,
        "raw_sql_ms": median_ms(rows),
        "feed_per_raw_sql": round(full_seconds / statistics.median(rows), 1),
        "small_user": {"open_steps": small_count, **light},
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--open-steps", type=int, default=1000)
    parser.add_argument("--others", type=int, default=3)
    parser.add_argument("--closed", type=int, default=300, help="settled applications per user")
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    print_report(lambda: bench(args.open_steps, args.others, args.closed, args.repeat))


if __name__ == "__main__":
    main()
