"""How long the worker's digest pass takes when every user's digest falls due at once.

    .venv/bin/python benchmarks/digest.py [--users 1000] [--heavy-applications 500]
        [--repeat 30]

The clock is pinned (time_machine) to Monday 23 November 2026, a working day in
England whose digest carries the review of the week before. At 06:00 London time
--users users are seeded through the services (as if they had recorded it all):
each with a mail account and a handful of live applications, some interviewed,
so that each digest holds overdue steps, steps for today and last week's review;
and among them, one heavy user with --heavy-applications applications over the
past 400 days (the seeding of benchmarks/pages.py). At 07:00 each profile's
digest is planned for 08:00 through the settings service, and at 08:00 the pass
is timed: `queue_due_digests` called as the worker calls it, a batch at a time,
until every digest is claimed, composed and put in the outbox. Nothing is sent
(the worker sends between batches; that is not measured).

Then the median of --repeat compositions (with the body rendered) of one light
user's digest and of the heavy user's, with their query counts: one digest's
cost must depend on its own steps, not on the other users' data, and its query
count on neither. The light user's digest is also measured right after it was
seeded, before anyone else was. Prints one JSON object.

Runs on the embedded SQLite in a temporary data directory, or on the database
DATABASE_URL names (its tables are created; use a scratch database).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date, datetime, timedelta
from datetime import time as clock
from typing import Any
from zoneinfo import ZoneInfo

from pages import ZONE, london_user, median_ms, print_report, timed
from pages import seed as seed_heavy

MONDAY = date(2026, 11, 23)


def local(day: date, hour: int) -> datetime:
    return datetime.combine(day, clock(hour), tzinfo=ZoneInfo(ZONE))


SEED_AT = local(MONDAY, 6)
PLAN_AT = local(MONDAY, 7)
DIGEST_AT = local(MONDAY, 8)

# A light user's applications: (applied, days before Monday), then the event
# logged on it, if any: (kind, days before Monday, hour). They give Monday's
# digest overdue thank-yous and notes, a follow-up and a check-in for today, an
# interview this afternoon, and a week with applications and interviews to review.
LIGHT = (
    (21, ("INTERVIEW_HELD", 7, 10)),
    (7, None),
    (11, ("INTERVIEW_HELD", 3, 10)),
    (5, ("INTERVIEW_SCHEDULED", 0, 14)),
    (3, None),
)


@contextmanager
def at(moment: datetime) -> Iterator[None]:
    import time_machine

    with time_machine.travel(moment, tick=False):
        yield


def mail_account(user: Any) -> None:
    from nextsteps.outreach.services import AccountSettings, set_mail_account

    address = f"{user.username.title()} <{user.username}@example.com>"
    settings = AccountSettings(host="127.0.0.1", port=2525, security="none", from_address=address)
    set_mail_account(user, settings)


def seed_light(name: str) -> Any:
    """A user with a mail account and the applications of LIGHT, recorded through
    the services."""
    from django.db import transaction

    from nextsteps.playbook import Event, EventKind
    from nextsteps.tracker import services

    with transaction.atomic():
        user, profile = london_user(name)
        mail_account(user)
        workdays = profile.workdays()
        for n, (applied, event) in enumerate(LIGHT):
            application = services.add_application(
                user, f"Company {n}", f"Role {n}", applied_on=MONDAY - timedelta(days=applied)
            )
            if event is not None:
                kind, days_before, hour = event
                moment = workdays.at(MONDAY - timedelta(days=days_before), clock(hour))
                services.record_event(application, Event(EventKind[kind], moment))
    return user


def analyze() -> None:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


@contextmanager
def counting_queries() -> Iterator[list[int]]:
    """Counts the statements sent (savepoints included) at less cost than
    CaptureQueriesContext, which keeps each one's SQL and time."""
    from django.db import connection

    count = [0]

    def count_one(execute: Callable[..., Any], *args: Any) -> Any:
        count[0] += 1
        return execute(*args)

    with connection.execute_wrapper(count_one):
        yield count


def digest_pass() -> tuple[int, list[float]]:
    """What the worker's loop does with the digests due now, a batch at a time,
    without the sending it does between batches. Returns the turns taken and the
    seconds per turn of each full batch, in order."""
    from django.utils import timezone

    from nextsteps.reminders.digests import queue_due_digests
    from nextsteps.worker import DIGESTS_AT_A_TIME

    turns = 0
    per_turn: list[float] = []
    while True:
        started = time.perf_counter()
        taken = queue_due_digests(timezone.now(), DIGESTS_AT_A_TIME)
        turns += taken
        if taken:
            per_turn.append((time.perf_counter() - started) / taken)
        if taken < DIGESTS_AT_A_TIME:
            return turns, per_turn


def measure_compose(user: Any, repeat: int) -> dict[str, Any]:
    """One user's Monday digest: its size, its queries and the median time to
    compose it and render its body (what the pass does for it besides the claim
    and the outbox row)."""
    from django.db import connection, reset_queries
    from django.test.utils import CaptureQueriesContext

    from nextsteps.accounts.services import profile_of
    from nextsteps.reminders.digests import compose
    from nextsteps.tracker.models import Application, NextStep

    profile = profile_of(user)

    def digest_body() -> str:
        return compose(user, profile, MONDAY, DIGEST_AT).body

    with at(DIGEST_AT):
        digest_body()  # warm caches: templates, the playbook, the holidays
        reset_queries()
        with CaptureQueriesContext(connection) as queries:
            digest = compose(user, profile, MONDAY, DIGEST_AT)
        body = digest.body
        samples = timed(digest_body, repeat)
    return {
        "applications": Application.objects.filter(owner=user).count(),
        "open_steps": NextStep.objects.filter(owner=user, state=NextStep.State.OPEN).count(),
        "overdue": len(digest.overdue),
        "today": len(digest.today),
        "review": digest.review is not None,
        "subject": digest.subject,
        "body_kib": round(len(body.encode()) / 1024, 1),
        "queries": len(queries),
        "compose_ms": median_ms(samples),
        "_seconds": statistics.median(samples),
    }


def bench(users: int, heavy_applications: int, repeat: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection, transaction

    from nextsteps.accounts.models import Profile
    from nextsteps.accounts.services import change_profile
    from nextsteps.outreach.models import DIGEST, Message
    from nextsteps.tracker.models import Application, Event, NextStep

    if users < 2:
        raise SystemExit("--users counts the heavy user and at least one light one")
    call_command("migrate", verbosity=0)
    with at(SEED_AT):
        started = time.perf_counter()
        light = seed_light("light0")
        analyze()
        alone = measure_compose(light, repeat)
        # The others around the heavy user, so no one's rows are one neat block.
        for n in range(1, users // 2):
            seed_light(f"light{n}")
        heavy, _ = seed_heavy(heavy_applications)
        mail_account(heavy)
        for n in range(users // 2, users - 1):
            seed_light(f"light{n}")
        seed_seconds = time.perf_counter() - started
    analyze()

    with at(PLAN_AT), transaction.atomic():
        for profile in Profile.objects.select_for_update():
            change_profile(profile, "digest_time", "08:00")
    due = Profile.objects.filter(next_digest_at=DIGEST_AT).count()
    assert due == users, (due, users)

    with at(DIGEST_AT), counting_queries() as queries:
        started = time.perf_counter()
        turns, per_turn = digest_pass()
        pass_seconds = time.perf_counter() - started
    digests = Message.objects.filter(kind=DIGEST)
    queued = digests.count()
    assert turns == queued == users, (turns, queued, users)
    reviewed = digests.filter(subject__endswith="last week's review").count()
    assert reviewed == users, (reviewed, users)

    light_report = measure_compose(light, repeat)
    heavy_report = measure_compose(heavy, repeat)
    light_seconds = light_report.pop("_seconds")
    heavy_seconds = heavy_report.pop("_seconds")
    alone.pop("_seconds")
    return {
        "database": connection.vendor,
        "monday": MONDAY.isoformat(),
        "users": users,
        "applications": Application.objects.count(),
        "events": Event.objects.count(),
        "open_steps": NextStep.objects.filter(state=NextStep.State.OPEN).count(),
        "seed_seconds": round(seed_seconds, 1),
        "pass": {
            "seconds": round(pass_seconds, 2),
            "turns": turns,
            "digests_queued": queued,
            "ms_per_digest": round(pass_seconds / queued * 1000, 3),
            # Whether a digest costs more late in the pass than early on.
            "ms_per_digest_first_tenth": median_ms(per_turn[: max(1, len(per_turn) // 10)]),
            "ms_per_digest_last_tenth": median_ms(per_turn[-max(1, len(per_turn) // 10) :]),
            "queries": queries[0],
            "queries_per_digest": round(queries[0] / queued, 2),
        },
        "repeat": repeat,
        "light_user": light_report,
        "light_user_seeded_alone": alone,
        "heavy_user": heavy_report,
        "heavy_per_light_compose": round(heavy_seconds / light_seconds, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=1000, help="the heavy user included")
    parser.add_argument("--heavy-applications", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    print_report(lambda: bench(args.users, args.heavy_applications, args.repeat))


if __name__ == "__main__":
    main()
