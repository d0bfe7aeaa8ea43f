"""How fast nextsteps plans, records and answers "what do I do today?".

    .venv/bin/python benchmarks/plan.py [--timelines 100000] [--sizes 1000,100000]
        [--databases sqlite,postgresql]

Prints one JSON object:
- plan: the pure planner over synthetic timelines, in process;
- for each database and each number of applications in it: the agenda (the
  user's "today") and record_event+replan, both as medians in milliseconds, and
  record_event+replan divided by a bare event INSERT.

The measured user always has the same 20 active applications; the rest of the
database is their own closed applications and other users' data, which the
agenda must not pay for. Each database size runs in a subprocess of its own.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, date, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

POSTGRES_ADMIN_URL = "postgres://postgres@127.0.0.1:5432/postgres"
POSTGRES_BENCH_DB = "nextsteps_bench"
ACTIVE = 20
REPEAT = 200
TODAY = date(2026, 11, 16)


def median_ms(samples: list[float]) -> float:
    return round(statistics.median(samples) * 1000, 4)


def synthetic_timeline(rng: random.Random, zone: ZoneInfo) -> Any:
    from nextsteps.playbook import Event, EventKind, Timeline
    from nextsteps.playbook.timeline import Culture

    at = datetime(2026, 1, 5, 9, tzinfo=zone) + timedelta(days=rng.randrange(300))
    events = [Event(EventKind.APPLIED, at)]
    for kind in rng.sample(
        [
            EventKind.INTERVIEW_HELD,
            EventKind.THANK_YOU_SENT,
            EventKind.FOLLOW_UP_SENT,
            EventKind.EMPLOYER_REPLIED,
            EventKind.FOLLOW_UP_SENT,
            EventKind.REJECTED,
        ],
        k=rng.randrange(6),
    ):
        at += timedelta(days=rng.randrange(1, 9), hours=rng.randrange(8))
        decision = at.date() + timedelta(days=rng.randrange(3, 10)) if rng.random() < 0.3 else None
        events.append(Event(kind, at, decision_by=decision))
    return Timeline(tuple(events), rng.choice(list(Culture)))


def bench_plan(count: int) -> dict[str, Any]:
    from nextsteps.playbook import Workdays, load_playbook, plan
    from nextsteps.playbook.workdays import public_holidays

    zone = ZoneInfo("Europe/London")
    workdays = Workdays(zone, holidays=public_holidays("GB", "ENG"))
    playbook = load_playbook("seven-day")
    rng = random.Random(6)
    timelines = [synthetic_timeline(rng, zone) for _ in range(count)]
    started = time.perf_counter()
    steps = sum(len(plan(t, playbook, workdays)) for t in timelines)
    elapsed = time.perf_counter() - started
    return {
        "timelines": count,
        "steps": steps,
        "seconds": round(elapsed, 3),
        "timelines_per_second": round(count / elapsed),
        "microseconds_per_timeline": round(elapsed / count * 1e6, 2),
    }


def seed(applications: int) -> Any:
    """The measured user with ACTIVE live applications; everything else is noise."""
    from django.contrib.auth.models import User

    from nextsteps.accounts.services import profile_of
    from nextsteps.playbook import Event as PlannedEvent
    from nextsteps.playbook import EventKind
    from nextsteps.tracker import services
    from nextsteps.tracker.models import Application, Company, Event, NextStep

    me = User.objects.create_user("me")
    profile = profile_of(me)
    profile.timezone, profile.country = "Europe/London", "GB"
    profile.save()
    zone = ZoneInfo("Europe/London")
    for n in range(ACTIVE):
        application = services.add_application(
            me, f"Live {n}", "Analyst", applied_on=date(2026, 10, 1)
        )
        services.record_event(
            application,
            PlannedEvent(EventKind.INTERVIEW_HELD, datetime(2026, 11, 2 + n % 10, 10, tzinfo=zone)),
        )

    others = [User.objects.create_user(f"other{n}") for n in range(100)]
    noise = applications - ACTIVE
    owners = [me if n % 2 else others[n % len(others)] for n in range(noise)]
    companies = {
        owner.pk: Company.objects.create(owner=owner, name="Noise Inc") for owner in {*owners}
    }
    at = datetime(2026, 9, 1, 9, tzinfo=UTC)
    batch = 5000
    for start in range(0, noise, batch):
        chunk = owners[start : start + batch]
        rows = Application.objects.bulk_create(
            Application(
                owner=owner,
                company=companies[owner.pk],
                role="Noise",
                stage="closed" if owner == me else "interviewing",
                applied_on=date(2026, 9, 1),
            )
            for owner in chunk
        )
        Event.objects.bulk_create(
            Event(application=a, kind=kind, at=at, timezone="UTC")
            for a in rows
            for kind in (EventKind.APPLIED, EventKind.INTERVIEW_HELD)
        )
        NextStep.objects.bulk_create(
            NextStep(
                owner=a.owner,
                application=a,
                kind=kind,
                attempt=1 if kind == "follow_up" else None,
                not_before=at,
                due=at + timedelta(days=7),
                why="noise",
                sources=["noise"],
                state="done" if a.owner == me else "open",
            )
            for a in rows
            for kind in ("thank_you", "follow_up")
        )
    return me


def bench_database(applications: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from nextsteps.playbook import Event as PlannedEvent
    from nextsteps.playbook import EventKind
    from nextsteps.tracker import services
    from nextsteps.tracker.models import Application, Event, NextStep

    call_command("migrate", verbosity=0)
    me = seed(applications)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")

    agenda_times = []
    for _ in range(REPEAT):
        started = time.perf_counter()
        agenda = services.agenda(me, TODAY)
        [step.application.company.name for step in agenda.steps]
        agenda_times.append(time.perf_counter() - started)

    query = NextStep.objects.filter(
        owner=me, state="open", not_before__lt=datetime(2026, 11, 17, tzinfo=UTC)
    )
    sql, params = query.query.sql_with_params()
    raw_times = []
    with connection.cursor() as cursor:
        for _ in range(REPEAT):
            started = time.perf_counter()
            cursor.execute(sql, params)
            cursor.fetchall()
            raw_times.append(time.perf_counter() - started)

    live = list(Application.objects.filter(owner=me, stage="interviewing").order_by("id"))
    zone = ZoneInfo("Europe/London")
    record_times, insert_times = [], []
    for n in range(REPEAT):
        application = live[n % len(live)]
        at = datetime(2026, 11, 16, 9, tzinfo=zone) + timedelta(minutes=n)
        started = time.perf_counter()
        services.record_event(application, PlannedEvent(EventKind.EMPLOYER_REPLIED, at))
        record_times.append(time.perf_counter() - started)
        started = time.perf_counter()
        Event.objects.create(
            application=application, kind=EventKind.REFLECTED, at=at, timezone="Europe/London"
        )
        insert_times.append(time.perf_counter() - started)

    return {
        "applications": Application.objects.count(),
        "open_steps_of_user": len(agenda.steps),
        "agenda_ms": median_ms(agenda_times),
        "agenda_step_query_raw_sql_ms": median_ms(raw_times),
        "record_event_replan_ms": median_ms(record_times),
        "bare_event_insert_ms": median_ms(insert_times),
        "record_event_replan_per_insert": round(
            statistics.median(record_times) / statistics.median(insert_times), 1
        ),
    }


def fresh_postgres_database() -> str:
    import psycopg

    with psycopg.connect(POSTGRES_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {POSTGRES_BENCH_DB}")
        admin.execute(f"CREATE DATABASE {POSTGRES_BENCH_DB}")
    return f"postgres://postgres@127.0.0.1:5432/{POSTGRES_BENCH_DB}"


def run_in_subprocess(database: str, applications: int) -> dict[str, Any]:
    with tempfile.TemporaryDirectory() as data_dir:
        env = dict(
            os.environ, NEXTSTEPS_DATA_DIR=data_dir, DJANGO_SETTINGS_MODULE="nextsteps.settings"
        )
        env.pop("DATABASE_URL", None)
        if database == "postgresql":
            env["DATABASE_URL"] = fresh_postgres_database()
        result = subprocess.run(
            [sys.executable, __file__, "--one", str(applications)],
            env=env,
            stdout=subprocess.PIPE,
            text=True,
            check=True,
        )
    return json.loads(result.stdout)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--timelines", type=int, default=100_000)
    parser.add_argument("--sizes", default="1000,100000")
    parser.add_argument("--databases", default="sqlite,postgresql")
    parser.add_argument("--one", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(bench_database(args.one)))
        return
    report: dict[str, Any] = {"plan": bench_plan(args.timelines)}
    for database in args.databases.split(","):
        report[database] = {
            size: run_in_subprocess(database, int(size)) for size in args.sizes.split(",")
        }
    print(json.dumps(report, indent=2))


if __name__ == "__main__":
    main()
