from __future__ import annotations

from tests.cli.conftest import Run, new_id


def test_the_digest_for_a_day_as_it_would_be_mailed(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-11-02"))
    nextsteps("log", application, "interview", "--at", "2026-11-06 10:00")
    result = nextsteps("digest", "--on", "2026-11-09")
    # The reflection lapsed on Sunday (002: "immediately after the interview").
    assert result.stdout.startswith("Subject: nextsteps Mon 9 Nov: 1 overdue, 1 for today")
    assert "Note how the Acme interview went" not in result.stdout
    assert "- Thank Acme for the Data Analyst interview (was due Sat 7 Nov 11:00)" in result.stdout
    assert (
        "LAST WEEK (Mon 2 Nov to Sun 8 Nov)\n- Applications sent: 1 (your target: 5)"
        in result.stdout
    )
    assert "There is no mail account to send your digest with" in result.stderr


def test_a_day_with_nothing_to_do_says_so(nextsteps: Run) -> None:
    result = nextsteps("digest", "--on", "2026-11-10")
    assert result.stdout.startswith("Nothing to send for Tue 10 Nov")


def test_the_digest_hour_is_a_setting(nextsteps: Run) -> None:
    assert nextsteps("config", "set", "digest_time", "7:30").stdout.strip() == "digest_time = 07:30"
    assert nextsteps("config", "set", "digest_time", "OFF").stdout.strip() == "digest_time = off"
    result = nextsteps("config", "set", "digest_time", "noon", check=False)
    assert result.returncode == 2
    assert (
        result.stderr == "error: The digest time must be a time like 08:00, or off; not 'noon'.\n"
    )


def test_a_new_calendar_replans_from_the_command_line_too(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Analyst", "--applied", "2026-11-19"))
    nextsteps("config", "set", "timezone", "America/Los_Angeles")
    nextsteps("config", "set", "country", "US")
    # The check-in of Thu 26 Nov moves off Thanksgiving, on the user's new clock.
    assert "Fri 27 Nov" in nextsteps("next", application).stdout
