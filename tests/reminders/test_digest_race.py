"""Four worker processes take the digests of 120 users that fell due at once: each
user gets exactly one. On SQLite, and on PostgreSQL (SKIP LOCKED on the profile)."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from tests.outreach.processes import (
    SERVER_URL,
    environment,
    nextsteps,
    outbox_report,
    postgres_database,
    race_workers,
    seed,
)
from tests.outreach.smtpd import running_sink

pytestmark = pytest.mark.processes

USERS = 120
WORKERS = 4


def race(env: dict[str, str], logs: Path) -> None:
    nextsteps(env, "migrate")
    with running_sink() as (sink, port):
        seed(env, "digests", f"--users={USERS}", f"--port={port}")
        # Two seconds more: long enough for a second copy to arrive, if one were coming.
        race_workers(env, logs, WORKERS, lambda: len(sink.received) >= USERS, settle=2)
        received = list(sink.received)
    assert outbox_report(env)["states"] == {"sent": USERS}
    # No worker even tried a second digest (the database would refuse it, loudly).
    assert not [log.name for log in logs.glob("worker*.log") if "Traceback" in log.read_text()]
    recipients = Counter(address for r in received for address in r.rcpt_to)
    assert len(recipients) == USERS
    assert set(recipients.values()) == {1}
    assert all(r.message["Subject"].startswith("nextsteps ") for r in received)


def test_four_workers_on_sqlite(tmp_path: Path) -> None:
    race(environment(tmp_path, NEXTSTEPS_WORKER_POLL_SECONDS="1"), tmp_path)


@pytest.mark.skipif(not SERVER_URL, reason="needs TEST_DATABASE_URL or CI=true for PostgreSQL")
def test_four_workers_on_postgresql(tmp_path: Path) -> None:
    with postgres_database("nextsteps_digest_race") as url:
        race(environment(tmp_path, url, NEXTSTEPS_WORKER_POLL_SECONDS="1"), tmp_path)
