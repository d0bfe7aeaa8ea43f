"""Four worker processes race for 400 due messages: the server receives each
Message-ID exactly once, and none before its time. On SQLite, and on PostgreSQL
(where the claim also uses FOR UPDATE SKIP LOCKED)."""

from __future__ import annotations

import time
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

MESSAGES = 400
WORKERS = 4
# The messages fall due over these seconds, so workers claim while others are
# still in flight, and an early send would show.
SPREAD_SECONDS = 3.0


def race(env: dict[str, str], logs: Path) -> None:
    nextsteps(env, "migrate")
    with running_sink() as (sink, port):
        start = time.time() + 2
        seed(env, "fill", f"--messages={MESSAGES}", f"--port={port}", f"--start={start}",
             f"--spread={SPREAD_SECONDS}")  # fmt: skip
        race_workers(env, logs, WORKERS, lambda: len(sink.received) >= MESSAGES)
        received = list(sink.received)
    report = outbox_report(env)
    assert report["states"] == {"sent": MESSAGES}, report["states"]
    counts = Counter(r.message_id for r in received)
    assert len(counts) == MESSAGES
    assert max(counts.values()) == 1, [mid for mid, n in counts.items() if n > 1][:5]
    assert set(counts) == set(report["send_at"])
    early = [r.message_id for r in received if r.at < report["send_at"][r.message_id]]
    assert early == []


def test_four_workers_on_sqlite(tmp_path: Path) -> None:
    race(environment(tmp_path, NEXTSTEPS_WORKER_POLL_SECONDS="1"), tmp_path)


@pytest.mark.skipif(not SERVER_URL, reason="needs TEST_DATABASE_URL or CI=true for PostgreSQL")
def test_four_workers_on_postgresql(tmp_path: Path) -> None:
    with postgres_database("nextsteps_outbox_race") as url:
        race(environment(tmp_path, url, NEXTSTEPS_WORKER_POLL_SECONDS="1"), tmp_path)
