"""`nextsteps activity add|list|done|remove`: article 003's other habits, kept with
their own days."""

from __future__ import annotations

from tests.cli.conftest import Run, as_json


def test_a_repeated_activity_is_planned_again_once_done(nextsteps: Run) -> None:
    """003: "now is the time to step things up" in networking."""
    added = nextsteps("activity", "add", "networking", "Jane Doe, recruiter", "--every", "14")
    assert added.stdout == (
        "Saved activity 1: Networking: Jane Doe, recruiter, every 14 days, next today.\n"
    )
    done = nextsteps("activity", "done", "1")
    # Done on Friday 6 November: a fortnight on is Friday the 20th.
    assert done.stdout == "Done: Networking: Jane Doe, recruiter; every 14 days, next Fri 20 Nov.\n"
    [row] = as_json(nextsteps("activity", "list", "--json"))
    assert row == {
        "id": 1,
        "kind": "networking",
        "what": "Jane Doe, recruiter",
        "every_days": 14,
        "due": "2026-11-20",
        "times_done": 1,
        "last_done": "2026-11-06",
    }


def test_a_one_off_is_over_once_done_and_the_list_shows_those_due_first(nextsteps: Run) -> None:
    nextsteps("activity", "add", "temporary-work", "Cover at Temps Ltd", "--at", "2026-11-09")
    nextsteps("activity", "add", "learning", "SQL course", "--at", "2026-11-04", "--every", "7")
    nextsteps("activity", "done", "1", "--at", "2026-11-05")
    assert nextsteps("activity", "list").stdout == (
        "   2  Learning: SQL course · every 7 days, next Wed 4 Nov (late) · not done yet\n"
        "   1  Temporary work: Cover at Temps Ltd · done yesterday · done once\n"
    )
    again = nextsteps("activity", "done", "1", check=False)
    assert (again.returncode, again.stderr) == (
        2,
        "error: You did 'Cover at Temps Ltd' already; it was for once.\n",
    )


def test_remove_stops_keeping_it(nextsteps: Run) -> None:
    nextsteps("activity", "add", "learning", "SQL course")
    assert (
        nextsteps("activity", "remove", "1").stdout == "Removed activity 1: Learning: SQL course.\n"
    )
    assert as_json(nextsteps("activity", "list", "--json")) == []
    gone = nextsteps("activity", "done", "1", check=False)
    assert (gone.returncode, gone.stderr) == (2, "error: There is no activity 1.\n")


def test_bad_input_is_one_sentence_and_nothing_is_saved(nextsteps: Run) -> None:
    for args, message in (
        (("add", "cooking", "Bread"), "'cooking' is not one of 'learning', 'networking', "),
        (("add", "learning", " "), "error: Say in a few words what you do.\n"),
        (("add", "learning", "x", "--every", "0"), "between two times must be a whole number"),
        (("add", "learning", "x", "--at", "6/11"), "error: --at must be a date like 2026-11-13"),
        (("add", "learning", "x", "--at", "2029-01-01"), "within two years from today"),
        (("add", "learning", "x" * 201), "at most 200 characters long, not 201.\n"),
        (("add", "learning", "a\nb"), "error: What you do must be one line"),
        (("done", "7"), "error: There is no activity 7.\n"),
    ):
        result = nextsteps("activity", *args, check=False)
        assert result.returncode == 2, args
        assert message in result.stderr, result.stderr
        assert result.stderr.count("\n") == 1
    assert as_json(nextsteps("activity", "list", "--json")) == []
    nextsteps("activity", "add", "learning", "SQL course")
    ahead = nextsteps("activity", "done", "1", "--at", "2026-11-07", check=False)
    assert (ahead.returncode, ahead.stderr) == (
        2,
        "error: The day you did it cannot be in the future.\n",
    )
    assert as_json(nextsteps("activity", "list", "--json"))[0]["times_done"] == 0
