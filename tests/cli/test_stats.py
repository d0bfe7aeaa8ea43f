"""`nextsteps stats`: the figures of the search in one screen, or as JSON."""

from __future__ import annotations

from tests.cli.conftest import Run, as_json, new_id


def search(nextsteps: Run) -> None:
    """Three applications in the week of 26 October: one answered on the 29th, one
    interviewed on the 6th and thanked the same afternoon, one silent."""
    answered = new_id(nextsteps("add", "Replied Co", "Analyst", "--applied", "2026-10-26"))
    nextsteps("log", answered, "reply", "--at", "2026-10-29 09:00")
    talking = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-27"))
    nextsteps("log", talking, "interview", "--at", "2026-11-06 10:00")
    nextsteps("log", talking, "thank-you", "--at", "2026-11-06 15:00")
    new_id(nextsteps("add", "Quiet Co", "Analyst", "--applied", "2026-10-28"))


def test_stats_as_json(nextsteps: Run) -> None:
    search(nextsteps)
    found = as_json(nextsteps("stats", "--json"))
    assert found["funnel"] == {"applied": 3, "interviewed": 1, "offered": 0}
    assert found["answers"]["answered"] == 2
    assert found["answers"]["sent"] == 3
    assert found["thank_you_notes"]["thanked_within_24_hours"] == 1
    assert found["thank_you_notes"]["candidates_who_send_one"] == 0.57
    assert found["pipeline"] == {"saved": 0, "applied": 2, "interviewing": 1, "offer": 0}
    weeks = {w["week_of"]: w["applications"] for w in found["weeks"]}
    assert weeks["2026-10-26"] == 3
    assert weeks["2026-11-02"] == 0
    assert found["target"] == 5
    assert found["job_crush"] is None


def test_stats_in_one_screen(nextsteps: Run) -> None:
    search(nextsteps)
    text = nextsteps("stats").stdout
    assert "0 applications this week, of your target of 5: 5 more to go." in text
    assert "  26 Oct    3  ############" in text
    assert "Funnel: Applied 3 · Interviewed 1 of 3 (33%) · Offered 0 of 1 (0%)" in text
    assert "Thanked within 24 hours" in text
    assert "From Four Things to Do After Your Job Interview" in text
    assert len(text.splitlines()) <= 40


def test_a_job_crush_is_named(nextsteps: Run) -> None:
    talking = new_id(nextsteps("add", "Dream Co", "Data Analyst", "--applied", "2026-10-27"))
    nextsteps("log", talking, "interview", "--at", "2026-11-05 10:00")
    found = as_json(nextsteps("stats", "--json"))
    assert found["job_crush"]["company"] == "Dream Co"
    text = nextsteps("stats").stdout
    assert "Everything you did in the last two weeks was for Data Analyst at Dream Co." in text
    assert "From Don't Assume You Got the Job!" in text


def test_learning_and_networking_count_in_their_weeks(nextsteps: Run) -> None:
    search(nextsteps)
    nextsteps("activity", "add", "learning", "SQL course", "--at", "2026-10-27")
    nextsteps("activity", "done", "1", "--at", "2026-10-27")
    weeks = {w["week_of"]: w["activities"] for w in as_json(nextsteps("stats", "--json"))["weeks"]}
    assert weeks["2026-10-26"] == {"Learning": 1}
    assert weeks["2026-11-02"] == {}
    assert "  26 Oct    3  ############          Learning 1" in nextsteps("stats").stdout


def test_an_empty_search_says_none_yet(nextsteps: Run) -> None:
    text = nextsteps("stats").stdout
    assert "Answers: Answered none yet · Time to first answer (median) none yet" in text
