"""A worker killed with SIGKILL in the middle of a send: the message ends uncertain,
and no later run sends it again. And SIGTERM lets the message in hand finish."""

from __future__ import annotations

import json
import signal
import time
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.outreach.processes import environment, nextsteps, outbox_report, start_worker
from tests.outreach.smtpd import Sink, running_sink

pytestmark = [
    pytest.mark.processes,
    pytest.mark.skipif(not hasattr(signal, "SIGKILL"), reason="SIGKILL is a POSIX signal"),
]

# A short claim, so the test need not wait five minutes for it to run out.
LEASE_SECONDS = "4"


def scheduled_thank_you(env: dict[str, str], port: int) -> None:
    """One thank-you, due now, for an interview that ended an hour ago."""
    nextsteps(env, "config", "set", "working_days", "mon,tue,wed,thu,fri,sat,sun")
    nextsteps(env, "config", "set", "working_hours", "00:00-23:59")
    nextsteps(env, "add", "Acme", "Analyst", "--contact", "Jane Doe <jane@acme.example>")
    ended = datetime.now().astimezone() - timedelta(hours=1)
    nextsteps(env, "log", "1", "interview", "--at", f"{ended - timedelta(hours=1):%Y-%m-%d %H:%M}",
              "--end", f"{ended:%Y-%m-%d %H:%M}")  # fmt: skip
    nextsteps(env, "mail-account", "set", "--host", "127.0.0.1", "--port", str(port),
              "--security", "none", "--from", "Alice <alice@example.com>")  # fmt: skip
    # The reflection fills the draft's last placeholders.
    nextsteps(env, "log", "1", "reflection", "--note", "Strong: SQL\nTopics: the warehouse")
    nextsteps(env, "send", "1", "thank_you", "--now")


def wait_for(condition: Callable[[], bool], seconds: float) -> None:
    deadline = time.time() + seconds
    while not condition() and time.time() < deadline:
        time.sleep(0.05)


def test_killed_mid_send_the_message_is_uncertain_and_never_sent_again(tmp_path: Path) -> None:
    env = environment(
        tmp_path,
        NEXTSTEPS_SENDING_LEASE_SECONDS=LEASE_SECONDS,
        NEXTSTEPS_SMTP_TIMEOUT_SECONDS="1",
    )
    with running_sink(Sink(answers=["hold"])) as (sink, port):
        scheduled_thank_you(env, port)
        worker = start_worker(env, tmp_path / "worker.log")
        wait_for(sink.holding.is_set, 30)
        assert sink.holding.is_set(), (tmp_path / "worker.log").read_text()
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=10)
        sink.release.set()
        assert outbox_report(env)["states"] == {"sending": 1}
        time.sleep(int(LEASE_SECONDS) + 0.5)
        nextsteps(env, "worker", "--once")
        nextsteps(env, "worker", "--once")
        received = sink.message_ids()
    (row,) = json.loads(nextsteps(env, "outbox", "--json"))
    assert row["state"] == "uncertain"
    assert "may or may not have been delivered" in row["reason"]
    assert received == [row["message_id"]]


def test_sigterm_lets_the_message_in_hand_finish(tmp_path: Path) -> None:
    env = environment(tmp_path)
    with running_sink(Sink(answers=["hold"])) as (sink, port):
        scheduled_thank_you(env, port)
        worker = start_worker(env, tmp_path / "worker.log")
        wait_for(sink.holding.is_set, 30)
        worker.send_signal(signal.SIGTERM)
        time.sleep(0.3)
        assert worker.poll() is None  # still finishing its message
        sink.release.set()
        assert worker.wait(timeout=20) == 0
    assert outbox_report(env)["states"] == {"sent": 1}
