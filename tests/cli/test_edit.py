"""`nextsteps edit ID --temporary`: temporary or contract work keeps the search going."""

from __future__ import annotations

from tests.cli.conftest import Run, as_json, new_id


def accept_official_offer(nextsteps: Run, application: str) -> None:
    nextsteps("log", application, "offer", "--at", "2026-11-06 11:00", "--official")
    nextsteps("log", application, "accepted", "--at", "2026-11-06 11:30")


def keeps_searching(nextsteps: Run, day: str = "2026-11-20") -> bool:
    rows = as_json(nextsteps("today", "--on", day, "--json"))
    return any(r["kind"] == "keep_searching" for r in rows)


def test_accepting_a_permanent_job_ends_the_search(nextsteps: Run) -> None:
    """000: "You can give up the search once an offer of employment is official." """
    application = new_id(nextsteps("add", "Acme", "Analyst", "--applied", "2026-11-02"))
    accept_official_offer(nextsteps, application)
    assert not keeps_searching(nextsteps)


def test_add_temporary_keeps_the_search_after_a_yes(nextsteps: Run) -> None:
    """003: "keep working and earning by taking temporary assignments in the meantime"."""
    application = new_id(
        nextsteps("add", "Temps Ltd", "Cover", "--applied", "2026-11-02", "--temporary")
    )
    accept_official_offer(nextsteps, application)
    assert keeps_searching(nextsteps)


def test_edit_marks_it_temporary_or_permanent_and_replans(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Analyst", "--applied", "2026-11-02"))
    accept_official_offer(nextsteps, application)
    result = nextsteps("edit", application, "--temporary")
    assert result.stdout == "Analyst at Acme is temporary work.\n"
    assert keeps_searching(nextsteps)
    nextsteps("edit", application, "--permanent")
    assert not keeps_searching(nextsteps)


def test_edit_needs_something_to_change_and_an_application_of_yours(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Analyst"))
    for args, message in (
        (("edit", application), "error: Say what to change: --temporary or --permanent.\n"),
        (("edit", "999", "--temporary"), "error: There is no application 999.\n"),
    ):
        result = nextsteps(*args, check=False)
        assert (result.returncode, result.stderr) == (2, message)
