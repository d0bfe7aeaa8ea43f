"""The message commands, as a user types them: mail-account set, draft, send, outbox,
worker, and the working_hours setting."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.cli.conftest import PASSWORD, Run, account, as_json, process
from tests.outreach.smtpd import Sink, running_sink


def test_config_set_working_hours(nextsteps: Run) -> None:
    assert nextsteps("config", "set", "working_hours", "8:30-16:00").stdout == (
        "working_hours = 08:30-16:00\n"
    )
    refused = nextsteps("config", "set", "working_hours", "nine to five", check=False)
    assert refused.returncode == 2
    assert refused.stderr.count("\n") == 1
    assert "working_hours = 08:30-16:00" in nextsteps("config", "show").stdout


def test_mail_account_set_never_shows_the_password(nextsteps: Run) -> None:
    shown = account(nextsteps, 2525, "--daily-cap", "5")
    assert "password = set" in shown
    assert "daily_cap = 5" in shown
    assert PASSWORD not in shown
    assert PASSWORD not in nextsteps("mail-account", "show").stdout


@pytest.mark.processes
def test_the_password_comes_on_standard_input_and_stays_encrypted(tmp_path: Path) -> None:
    """A real process, as a script pipes the password in; the database file on disk
    never holds it in the clear."""
    shown = process(
        tmp_path,
        "mail-account", "set", "--host", "127.0.0.1", "--port", "2525", "--security", "none",
        "--from", "alice@example.com", "--username", "alice", "--password-stdin",
        stdin=PASSWORD + "\n",
    )  # fmt: skip
    assert shown.returncode == 0, shown.stderr
    assert "password = set" in shown.stdout
    assert PASSWORD not in shown.stdout + shown.stderr
    assert PASSWORD.encode() not in (tmp_path / "nextsteps.sqlite3").read_bytes()
    empty = process(tmp_path, "mail-account", "set", "--host", "127.0.0.1", "--port", "2525",
                    "--security", "none", "--from", "alice@example.com", "--username", "alice",
                    "--password-stdin")  # fmt: skip
    assert (empty.returncode, empty.stderr) == (2, "error: No password on standard input.\n")


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


def test_send_schedules_once_and_the_outbox_says_so(interviewed: Run) -> None:
    account(interviewed, 2525)
    assert "is scheduled for" in interviewed("send", "1", "thank-you").stdout
    (row,) = as_json(interviewed("outbox", "--json"))
    assert set(row) == {
        "id", "application_id", "kind", "state", "send_at", "message_id", "reason"
    }  # fmt: skip
    assert (row["kind"], row["state"]) == ("thank_you", "scheduled")
    again = interviewed("send", "1", "thank_you", check=False)
    assert again.returncode == 2
    assert "already has a message" in again.stderr
    assert len(as_json(interviewed("outbox", "--json"))) == 1


def test_send_at_a_bad_time_writes_nothing(interviewed: Run) -> None:
    account(interviewed, 2525)
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


def test_worker_once_sends_what_is_due(interviewed: Run) -> None:
    with running_sink() as (sink, port):
        account(interviewed, port)
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


def test_cancel_a_scheduled_message(interviewed: Run) -> None:
    account(interviewed, 2525)
    interviewed("send", "1", "thank_you")
    (row,) = as_json(interviewed("outbox", "--json"))
    message = str(row["id"])
    assert interviewed("cancel", message).stdout == f"Message {message} is cancelled.\n"
    assert interviewed("cancel", message, check=False).returncode == 2


def test_the_second_follow_up_is_still_called_follow_up(interviewed: Run) -> None:
    """004: the second follow-up asks "when do you think you will know?"."""
    account(interviewed, 2525)
    interviewed("log", "1", "follow-up")
    assert "when do you think you will know?" in interviewed("draft", "1", "follow_up").stdout
    interviewed("send", "1", "follow_up")
    (row,) = as_json(interviewed("outbox", "--json"))
    assert (row["kind"], row["state"]) == ("follow_up", "scheduled")


def test_mail_account_test_logs_in_and_sends_nothing(nextsteps: Run) -> None:
    with running_sink() as (sink, port):
        account(nextsteps, port)
        checked = nextsteps("mail-account", "test")
    assert checked.stdout == (
        f"Connected to 127.0.0.1:{port} and logged in as alice: nextsteps can send from "
        "this account.\n"
    )
    assert sink.logins == [("alice", PASSWORD)]
    assert sink.received == []


def test_mail_account_test_says_what_is_wrong_and_exits_1(nextsteps: Run) -> None:
    with running_sink(Sink(refuse_logins=True)) as (_, port):
        account(nextsteps, port)
        checked = nextsteps("mail-account", "test", check=False)
    assert checked.returncode == 1
    assert "refused the login for alice (535" in checked.stdout
    assert checked.stdout.endswith("Check the username and the password.\n")
    assert PASSWORD not in checked.stdout + checked.stderr
    nextsteps("mail-account", "set", "--host", "smtp.nextsteps.invalid", "--port", "587",
              "--security", "starttls", "--from", "alice@example.com")  # fmt: skip
    unknown = nextsteps("mail-account", "test", check=False)
    assert (unknown.returncode, unknown.stdout) == (
        1,
        "The mail server smtp.nextsteps.invalid does not exist. Check the server's name.\n",
    )


def test_a_bare_from_address_and_the_users_name_are_enough_to_send(interviewed: Run) -> None:
    """The README's `mail-account set --from you@example.com`, then `config set name`."""
    with running_sink() as (sink, port):
        interviewed("mail-account", "set", "--host", "127.0.0.1", "--port", str(port),
                    "--security", "none", "--from", "you@example.com")  # fmt: skip
        refused = interviewed("send", "1", "thank_you", check=False)
        assert refused.returncode == 2
        assert "Fill in [[your name]]" in refused.stderr
        assert interviewed("config", "set", "name", "Sam Seeker").stdout == "name = Sam Seeker\n"
        interviewed("send", "1", "thank_you", "--now")
        interviewed("worker", "--once")
    (received,) = sink.received
    assert received.message["From"] == "Sam Seeker <you@example.com>"
    assert received.message.get_payload().rstrip().endswith("Sam Seeker")
