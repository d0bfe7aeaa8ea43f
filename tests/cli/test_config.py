from __future__ import annotations

import pytest

from tests.cli.conftest import Run, as_json, new_id


def test_config_show_and_set(nextsteps: Run) -> None:
    assert "timezone = Europe/London" in nextsteps("config", "show").stdout
    assert nextsteps("config", "set", "working_days", "Mon,Tue,Wed").stdout.strip() == (
        "working_days = mon,tue,wed"
    )
    nextsteps("config", "set", "playbook", "persistent")
    nextsteps("config", "set", "weekly_target", "8")
    shown = nextsteps("config", "show").stdout
    assert "playbook = persistent" in shown
    assert "weekly_target = 8" in shown


def test_the_users_name(nextsteps: Run) -> None:
    assert nextsteps("config", "set", "name", "  Sam   Seeker ").stdout == "name = Sam Seeker\n"
    assert nextsteps("config", "show").stdout.startswith("name = Sam Seeker\n")
    refused = nextsteps("config", "set", "name", "Sam\nBcc: x@example.com", check=False)
    assert refused.returncode == 2
    assert "one line" in refused.stderr


def test_the_users_timezone_places_the_steps(nextsteps: Run) -> None:
    nextsteps("config", "set", "timezone", "America/Los_Angeles")
    nextsteps("config", "set", "country", "US")
    application = new_id(nextsteps("add", "Acme", "Analyst", "--applied", "2026-11-19"))
    (check_in,) = as_json(nextsteps("next", application, "--json"))
    # The 26th is Thanksgiving, a public holiday: the check-in moves to Friday.
    assert check_in["due"] == "2026-11-27T09:00:00-08:00"


@pytest.mark.parametrize(
    "args",
    [
        ("config", "set", "timezone", "Mars/Olympus"),
        ("config", "set", "country", "XX"),
        ("config", "set", "working_days", "mon,funday"),
        ("config", "set", "playbook", "aggressive"),
        ("config", "set", "weekly_target", "lots"),
        ("config", "set", "shoe_size", "9"),
    ],
    ids=["timezone", "country", "working days", "playbook", "target", "unknown key"],
)
def test_bad_settings_are_refused(nextsteps: Run, args: tuple[str, ...]) -> None:
    before = nextsteps("config", "show").stdout
    result = nextsteps(*args, check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert result.stderr.count("\n") == 1
    assert nextsteps("config", "show").stdout == before


def test_new_working_days_replan_from_the_command_line(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Analyst", "--applied", "2026-11-02"))
    nextsteps("config", "set", "working_days", "tue,wed,thu,fri")
    (check_in,) = as_json(nextsteps("next", application, "--json"))
    assert check_in["due"] == "2026-11-10T09:00:00+00:00"
