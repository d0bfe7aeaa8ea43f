"""Fill an outbox with due messages, or report on it, in the database named by the
environment (NEXTSTEPS_DATA_DIR's SQLite file, or DATABASE_URL). Used by the race
test and by benchmarks/outbox.py, each with worker processes of its own.

    python -m tests.outreach.seed fill --messages 1000 --port 2525 --start EPOCH --spread 3
    python -m tests.outreach.seed digests --users 200 --port 2525
    python -m tests.outreach.seed report
"""

from __future__ import annotations

import argparse
import json
import os
import random
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

MESSAGES_PER_APPLICATION = 10
APPLICATIONS_PER_USER = 10


def seeker(number: int, port: int) -> Any:
    """A user with a profile and a mail account on the loopback server at `port`."""
    from django.contrib.auth.models import User

    from nextsteps.accounts.services import profile_of
    from nextsteps.outreach import services

    user = User.objects.create(username=f"seeker{number}")
    profile_of(user)
    details = services.AccountSettings(
        host="127.0.0.1",
        port=port,
        security="none",
        from_address=f"Seeker {number} <seeker{number}@example.com>",
    )
    services.set_mail_account(user, details)
    return user


def fill(messages: int, port: int, start: float, spread: float) -> None:
    """`messages` follow-ups, due at random moments in [start, start + spread]."""
    from nextsteps.outreach.models import MailAccount, Message
    from nextsteps.tracker.services import ContactDetails, add_application

    rng = random.Random(4)
    first = datetime.fromtimestamp(start, UTC)
    users = -(-messages // (MESSAGES_PER_APPLICATION * APPLICATIONS_PER_USER))
    rows = []
    for number in range(users):
        user = seeker(number, port)
        MailAccount.objects.filter(owner=user).update(daily_cap=100_000)
        for index in range(APPLICATIONS_PER_USER):
            contact = ContactDetails(f"Contact {index}", f"contact{index}@employer{number}.test")
            application = add_application(user, f"Employer {index}", "Analyst", contact=contact)
            for _ in range(MESSAGES_PER_APPLICATION):
                send_at = first + timedelta(seconds=rng.uniform(0, spread))
                rows.append(
                    Message(
                        owner=user,
                        application=application,
                        kind="follow_up",
                        to_name=contact.name,
                        to_address=contact.email,
                        subject="Following up",
                        body="Have you made a decision?\n",
                        scheduled_at=first - timedelta(minutes=5),
                        send_at=send_at,
                        send_by=send_at + timedelta(hours=1),
                        within_hours=False,
                    )
                )
    Message.objects.bulk_create(rows[:messages], batch_size=500)


def digests(users: int, port: int) -> None:
    """`users` seekers whose digest is due this minute, each with something to do.

    Each one's clock is a fixed-offset zone in which it is now around noon, and every
    day is a working day, so the digest is due whatever the day and hour of the run.
    """
    from nextsteps.accounts.services import change_profile, profile_of
    from nextsteps.playbook import Event, EventKind
    from nextsteps.tracker.services import add_application, record_event

    now = datetime.now(UTC)
    offset = 12 - now.hour  # hours east of UTC where it is now 12:xx
    zone = f"Etc/GMT{-offset:+d}" if offset else "UTC"  # Etc/ names count westwards
    local = now.astimezone(ZoneInfo(zone))
    for number in range(users):
        user = seeker(number, port)
        profile = profile_of(user)
        for key, text in [
            ("timezone", zone),
            ("working_days", "mon,tue,wed,thu,fri,sat,sun"),
            ("digest_time", f"{local:%H:%M}"),
        ]:
            change_profile(profile, key, text)
        application = add_application(user, "Employer", "Analyst", applied_on=local.date())
        record_event(application, Event(EventKind.INTERVIEW_HELD, local - timedelta(hours=1)))
        # Planned a minute from now by the settings; due now, as at the digest hour.
        type(profile).objects.filter(pk=profile.pk).update(
            next_digest_at=local.replace(second=0, microsecond=0)
        )


def report() -> dict[str, object]:
    from django.db.models import Count

    from nextsteps.outreach.models import Message

    states = dict(Message.objects.values_list("state").annotate(n=Count("id")).order_by())
    send_at = {
        message_id: moment.timestamp()
        for message_id, moment in Message.objects.exclude(message_id=None).values_list(
            "message_id", "send_at"
        )
    }
    return {"states": states, "send_at": send_at}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("action", choices=["fill", "digests", "report"])
    parser.add_argument("--messages", type=int, default=1000)
    parser.add_argument("--port", type=int, default=2525)
    parser.add_argument("--start", type=float, default=0.0)
    parser.add_argument("--spread", type=float, default=0.0)
    parser.add_argument("--users", type=int, default=200)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "nextsteps.settings")
    import django

    django.setup()
    if args.action == "fill":
        fill(args.messages, args.port, args.start, args.spread)
    elif args.action == "digests":
        digests(args.users, args.port)
    else:
        print(json.dumps(report()))


if __name__ == "__main__":
    main()
