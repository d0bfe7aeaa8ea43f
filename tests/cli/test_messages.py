"""The message commands, as a user types them: mail-account set, draft, send, outbox,
worker, and the working_hours setting."""

from __future__ import annotations

import shutil
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import Run, as_json, run_in
from tests.outreach.processes import environment
from tests.outreach.processes import nextsteps as run_with
from tests.outreach.smtpd import running_sink

PASSWORD = "not-in-any-output-7f3a"


@pytest.fixture(scope="session")
def interviewed_data_dir(migrated_data_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An interview that ended an hour ago, with every hour a working hour, so the
    thank-you can go now whatever the time of the test run. Made once, copied per test."""
    data_dir = tmp_path_factory.mktemp("interviewed")
    copy_data_dir(migrated_data_dir, data_dir)
    ended = datetime.now().astimezone() - timedelta(hours=1)
    clock = "%Y-%m-%d %H:%M"
    for args in (
        ("config", "set", "working_days", "mon,tue,wed,thu,fri,sat,sun"),
        ("config", "set", "working_hours", "00:00-23:59"),
        ("add", "Acme", "Data Analyst", "--contact", "Jane Doe <jane@acme.example>"),
        ("log", "1", "interview", "--at", (ended - timedelta(hours=1)).strftime(clock),
         "--end", ended.strftime(clock)),
        ("log", "1", "reflection", "--note",
         "Strong points: the SQL exercise\nTopics to mention: their warehouse move"),
    ):  # fmt: skip
        run_in(data_dir, *args)
    return data_dir


def copy_data_dir(source: Path, target: Path) -> None:
    for item in source.iterdir():
        shutil.copy(item, target / item.name)


@pytest.fixture
def interviewed(interviewed_data_dir: Path, tmp_path: Path) -> Run:
    copy_data_dir(interviewed_data_dir, tmp_path)

    def run(*args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        return run_in(tmp_path, *args, check=check)

    return run


def account(tmp_path: Path, port: int, *extra: str) -> str:
    """`mail-account set` with the password on standard input, as a script would."""
    return run_with(
        environment(tmp_path),
        "mail-account", "set", "--host", "127.0.0.1", "--port", str(port),
        "--security", "none", "--from", "Alice Smith <alice@example.com>",
        "--username", "alice", "--password-stdin", *extra,
        stdin=PASSWORD + "\n",
    )  # fmt: skip


def test_config_set_working_hours(nextsteps: Run) -> None:
    assert nextsteps("config", "set", "working_hours", "8:30-16:00").stdout == (
        "working_hours = 08:30-16:00\n"
    )
    refused = nextsteps("config", "set", "working_hours", "nine to five", check=False)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1
    assert "working_hours = 08:30-16:00" in nextsteps("config", "show").stdout


def test_mail_account_set_never_shows_the_password(nextsteps: Run, tmp_path: Path) -> None:
    shown = account(tmp_path, 2525, "--daily-cap", "5")
    assert "password = set" in shown
    assert "daily_cap = 5" in shown
    assert PASSWORD not in shown
    assert PASSWORD not in nextsteps("mail-account", "show").stdout
    assert PASSWORD.encode() not in (tmp_path / "nextsteps.sqlite3").read_bytes()


@pytest.mark.parametrize(
    "args",
    [
        ("--security", "ssl"),
        ("--security", "none", "--port", "0"),
        ("--security", "none", "--from", "alice"),
        ("--security", "none", "--daily-cap", "0"),
        ("--security", "none", "--password-stdin"),
    ],
    ids=["security", "port", "from", "cap", "password without username"],
)
def test_bad_mail_account_settings_write_nothing(nextsteps: Run, args: tuple[str, ...]) -> None:
    base = {"--host": "smtp.example.com", "--port": "587", "--from": "a@example.com"}
    for option, value in zip(args[::2], args[1::2], strict=False):
        base[option] = value
    flags = [a for a in args if a == "--password-stdin"]
    typed = [part for option, value in base.items() for part in (option, value)]
    result = nextsteps("mail-account", "set", *typed, "--security", base.get("--security", "none"),
                       *flags, check=False)  # fmt: skip
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert result.stderr.count("\n") == 1
    assert "No mail account yet" in nextsteps("mail-account", "show").stdout


def test_draft_prints_subject_and_body(interviewed: Run) -> None:
    result = interviewed("draft", "1", "thank_you")
    assert result.stdout.startswith("Subject: Thank you for the interview: Data Analyst\n\n")
    assert "Dear Jane," in result.stdout
    assert "their warehouse move" in result.stdout
    assert "fill in: [[your name]]" in result.stderr


def test_draft_refuses_an_unknown_kind_or_a_step_that_is_not_open(interviewed: Run) -> None:
    for args in (("draft", "1", "love-letter"), ("draft", "1", "reply_to_rejection")):
        result = interviewed(*args, check=False)
        assert result.returncode == 2
        assert result.stderr.count("\n") == 1


def test_send_schedules_once_and_the_outbox_says_so(interviewed: Run, tmp_path: Path) -> None:
    account(tmp_path, 2525)
    assert "is scheduled for" in interviewed("send", "1", "thank-you").stdout
    (row,) = as_json(interviewed("outbox", "--json"))
    assert set(row) == {
        "id", "application_id", "kind", "state", "send_at", "message_id", "reason"
    }  # fmt: skip
    assert (row["application_id"], row["kind"], row["state"]) == (1, "thank_you", "scheduled")
    again = interviewed("send", "1", "thank_you", check=False)
    assert again.returncode == 2
    assert "already has a message" in again.stderr
    assert len(as_json(interviewed("outbox", "--json"))) == 1


def test_send_at_a_bad_time_writes_nothing(interviewed: Run, tmp_path: Path) -> None:
    account(tmp_path, 2525)
    interviewed("config", "set", "working_hours", "09:00-17:00")
    follow_up_day = datetime.now().date() + timedelta(days=7)
    for when in (f"{follow_up_day} 20:00", f"{follow_up_day - timedelta(days=2)} 10:00", "soon"):
        result = interviewed("send", "1", "follow_up", "--at", when, check=False)
        assert result.returncode == 2, when
        assert result.stderr.count("\n") == 1
    assert as_json(interviewed("outbox", "--json")) == []


def test_send_without_a_mail_account_is_refused(interviewed: Run) -> None:
    result = interviewed("send", "1", "thank_you", check=False)
    assert result.returncode == 2
    assert "mail account" in result.stderr


def test_worker_once_sends_what_is_due(interviewed: Run, tmp_path: Path) -> None:
    with running_sink() as (sink, port):
        account(tmp_path, port)
        interviewed("send", "1", "thank_you", "--now")
        worked = interviewed("worker", "--once")
    assert worked.stdout == "1 message handled.\n"
    assert PASSWORD not in worked.stdout + worked.stderr
    (row,) = as_json(interviewed("outbox", "--json"))
    assert row["state"] == "sent"
    assert sink.message_ids() == [row["message_id"]]
    assert sink.logins == [("alice", PASSWORD)]
    assert "thank_you" not in interviewed("next", "1", "--json").stdout
    assert interviewed("worker", "--once").stdout == "0 messages handled.\n"


def test_cancel_a_scheduled_message(interviewed: Run, tmp_path: Path) -> None:
    account(tmp_path, 2525)
    interviewed("send", "1", "thank_you")
    assert interviewed("cancel", "1").stdout == "Message 1 is cancelled.\n"
    assert interviewed("cancel", "1", check=False).returncode == 2


def test_the_second_follow_up_is_still_called_follow_up(interviewed: Run, tmp_path: Path) -> None:
    """004: the second follow-up asks "when do you think you will know?"."""
    account(tmp_path, 2525)
    interviewed("log", "1", "follow-up")
    assert "when do you think you will know?" in interviewed("draft", "1", "follow_up").stdout
    interviewed("send", "1", "follow_up")
    (row,) = as_json(interviewed("outbox", "--json"))
    assert (row["kind"], row["state"]) == ("follow_up", "scheduled")
