"""How fast the inbox sync reads a mailbox, the first time and then what is new.

    .venv/bin/python benchmarks/inbox_sync.py [--mails 10000] [--small 1000] [--repeat 5]

Starts the tests' dovecot (tests/dovecot.py) and seeds, through the services, one
user per mailbox with 100 applications, each with a contact at the company's
domain. Each mailbox gets its mails APPENDed over the last 59 days: one in 200 is a
reply from a contact (a strong match: it records the reply and stops the
follow-ups), the rest newsletters that match nothing. Then, per mailbox:

- the first sync (the last 60 days, every mail handed to take_in), timed once,
  with the share of it spent in take_in and the parser (the mails' meaning);
- --repeat times, the two mailboxes in turns: 10 new mails APPENDed to each (one a
  reply), and the sync that reads them; then a sync with nothing new; and the
  server's floor, a bare login and EXAMINE INBOX, which any sync pays.

Both mailboxes (--mails and --small) are measured, so that the report shows whether
a later sync's cost grows with the mailbox: `incremental_ratio` is the large one's
median over the small one's, and `incremental_ratio_above_floor` the same once the
server's floor is taken off (dovecot's maildir lists its folder on every EXAMINE
after a change: that part grows with the mailbox on the server, not in nextsteps).
SQL queries are counted. Prints one JSON object. Runs on SQLite in a temporary
data directory, or on a scratch PostgreSQL database when DATABASE_URL names one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from pages import london_user, median_ms, print_report  # noqa: E402

APPLICATIONS = 100
REPLY_EVERY = 200
APPEND_AT_ONCE = 250
FILLER = "We thought you might like these offers.\r\n" * 40  # about 1.6 KB


def mail(number: int, arrived: datetime, reply: bool) -> bytes:
    company = number % APPLICATIONS
    sender = f"jane{company}@company{company}.example" if reply else f"news@shop{number}.example"
    words = "Thanks for your note, we will be in touch next week." if reply else FILLER
    return (
        f"From: {sender}\r\nTo: reader@example.com\r\nSubject: Mail {number}\r\n"
        f"Date: {arrived.strftime('%a, %d %b %Y %H:%M:%S %z')}\r\n"
        f"Message-ID: <mail-{number}@bench.example>\r\nMIME-Version: 1.0\r\n"
        f"Content-Type: text/plain; charset=utf-8\r\n\r\n{words}\r\n"
    ).encode()


def fill(mailbox: Any, mails: int, first: int, now: datetime, spread: timedelta) -> None:
    """`mails` mails numbered from `first`, arriving evenly over `spread` before now."""
    with mailbox.client() as client:
        for start in range(first, first + mails, APPEND_AT_ONCE):
            batch = []
            for number in range(start, min(start + APPEND_AT_ONCE, first + mails)):
                arrived = now - spread * (first + mails - number) / mails
                batch.append({"msg": mail(number, arrived, number % REPLY_EVERY == 0),
                              "date": arrived})  # fmt: skip
            client.multiappend("INBOX", batch)


def reader(name: str, mailbox: Any, now: datetime) -> Any:
    from django.db import transaction

    from nextsteps.outreach import services
    from nextsteps.tracker.services import ContactDetails, add_application

    user, _ = london_user(name)
    with transaction.atomic():
        for n in range(APPLICATIONS):
            contact = ContactDetails(f"Jane {n}", f"jane{n}@company{n}.example")
            add_application(user, f"Company {n}", "Data Analyst", contact=contact)
    sending = services.AccountSettings("127.0.0.1", 25, "none", "reader@example.com")
    inbox = services.InboxSettings(
        "localhost", mailbox.server.tls_port, "tls", mailbox.username, mailbox.password
    )
    return services.set_mail_account(user, sending, inbox=inbox)


def timed_sync(account: Any, now: datetime) -> tuple[float, Any, int]:
    from django.db import connection

    from nextsteps.inbox.sync import sync_account

    queries = [0]

    def counted(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        queries[0] += 1
        return execute(sql, params, many, context)

    with connection.execute_wrapper(counted):
        started = time.perf_counter()
        synced = sync_account(account, now)
        seconds = time.perf_counter() - started
    return seconds, synced, queries[0]


def floor(mailbox: Any) -> float:
    """What the server takes to let a client in and open INBOX, for any sync."""
    started = time.perf_counter()
    with mailbox.client() as client:
        client.select_folder("INBOX", readonly=True)
    return time.perf_counter() - started


def first_sync(account: Any, now: datetime) -> dict[str, Any]:
    """The first sync, with the time spent in the mails' meaning measured apart."""
    from nextsteps.inbox import sync

    meaning = [0.0]
    take_in_many, incoming_mail = sync.take_in_many, sync.incoming_mail

    def timed(function: Any) -> Any:
        def run(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                meaning[0] += time.perf_counter() - started

        return run

    sync.take_in_many, sync.incoming_mail = timed(take_in_many), timed(incoming_mail)
    try:
        seconds, synced, queries = timed_sync(account, now)
    finally:
        sync.take_in_many, sync.incoming_mail = take_in_many, incoming_mail
    return {
        "seconds": round(seconds, 2),
        "mails_read": synced.read,
        "matched": synced.matched,
        "mails_per_second": round(synced.read / seconds),
        "queries": queries,
        "take_in_and_parsing_share": round(meaning[0] / seconds, 2),
    }


def bench(mails: int, small: int, repeat: int) -> dict[str, Any]:
    import django

    django.setup()
    from django.core.management import call_command
    from django.utils import timezone
    from tests.dovecot import running_dovecot

    call_command("migrate", verbosity=0)
    now = timezone.now()
    sizes = {"large": mails, "small": small}
    report: dict[str, Any] = {}
    with running_dovecot() as dovecot:
        os.environ["SSL_CERT_FILE"] = str(dovecot.certificate)
        boxes = {name: dovecot.add_user() for name in sizes}
        accounts = {}
        for name, size in sizes.items():
            started = time.perf_counter()
            fill(boxes[name], size, 0, now - timedelta(minutes=1), timedelta(days=59))
            filled = time.perf_counter() - started
            accounts[name] = reader(name, boxes[name], now)
            report[name] = {"mails": size, "append_seconds": round(filled, 1)}
            report[name]["first_sync"] = first_sync(accounts[name], now)
        samples: dict[str, dict[str, list[float]]] = {
            name: {"new": [], "queries": [], "nothing": [], "floor": []} for name in sizes
        }
        for turn in range(repeat):
            moment = now + timedelta(minutes=5 * (turn + 1))
            for name, size in sizes.items():
                fill(boxes[name], 10, size + 10 * turn, moment, timedelta(minutes=4))
            for name in sizes:
                seconds, synced, queries = timed_sync(accounts[name], moment)
                assert synced.read == 10, synced
                samples[name]["new"].append(seconds)
                samples[name]["queries"].append(queries)
                later = moment + timedelta(seconds=30)
                samples[name]["nothing"].append(timed_sync(accounts[name], later)[0])
                samples[name]["floor"].append(floor(boxes[name]))
    for name, taken in samples.items():
        report[name]["after_10_new"] = {
            "median_ms": median_ms(taken["new"]),
            "queries": statistics.median(taken["queries"]),
        }
        report[name]["nothing_new_median_ms"] = median_ms(taken["nothing"])
        report[name]["server_floor_median_ms"] = median_ms(taken["floor"])
    large, small_ = report["large"], report["small"]

    def above_floor(box: dict[str, Any]) -> float:
        return float(box["after_10_new"]["median_ms"] - box["server_floor_median_ms"])

    report["incremental_ratio"] = round(
        large["after_10_new"]["median_ms"] / small_["after_10_new"]["median_ms"], 2
    )
    # About 1: a later sync costs nextsteps what is new, whatever the mailbox holds.
    report["incremental_ratio_above_floor"] = round(above_floor(large) / above_floor(small_), 2)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--mails", type=int, default=10_000)
    parser.add_argument("--small", type=int, default=1_000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    print_report(lambda: bench(args.mails, args.small, args.repeat))


if __name__ == "__main__":
    main()
