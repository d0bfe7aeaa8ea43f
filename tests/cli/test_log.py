from __future__ import annotations

import pytest

from tests.cli.conftest import Run, as_json, calling_it_1, new_id


@pytest.fixture
def interviewed(nextsteps: Run) -> Run:
    """Application 1 (as the tests call it) has had its interview."""
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26"))
    nextsteps(
        "log", application, "interview", "--at", "2026-11-06 10:00", "--end", "2026-11-06 11:00"
    )
    return calling_it_1(nextsteps, application)


def steps(nextsteps: Run) -> dict[str, dict]:
    return {s["kind"]: s for s in as_json(nextsteps("next", "1", "--json"))}


def test_interview_on_the_6th_follow_up_on_the_13th(interviewed: Run) -> None:
    planned = steps(interviewed)
    assert planned["thank_you"]["due"] == "2026-11-07T11:00:00+00:00"
    assert planned["follow_up"]["due"] == "2026-11-13T09:00:00+00:00"
    assert planned["follow_up"]["attempt"] == 1
    assert any("Follow Up" in source for source in planned["follow_up"]["sources"])


def test_the_thank_you_leaves_the_plan_once_sent(interviewed: Run) -> None:
    interviewed("log", "1", "thank-you", "--at", "2026-11-06 16:00")
    assert "thank_you" not in steps(interviewed)


def test_a_reflection_with_the_web_forms_fields_fills_the_thank_you(interviewed: Run) -> None:
    recorded = interviewed(
        "log", "1", "reflection", "--at", "2026-11-06 12:00",
        "--strength", "the SQL exercise", "--strength", "the stakeholder story",
        "--improve", "the salary question", "--topic", "their warehouse move",
    )  # fmt: skip
    assert recorded.stdout.startswith(
        "Recorded for Data Analyst at Acme: Noted how the interview went, today 12:00."
    )
    assert "Reflect" not in recorded.stdout
    shown = interviewed("show", "1").stdout
    assert "Strong points: the SQL exercise; the stakeholder story" in shown
    assert "To improve: the salary question" in shown
    thanks = interviewed("draft", "1", "thank_you")
    assert "our conversation about their warehouse move." in thanks.stdout
    assert "I believe the SQL exercise and the stakeholder story would" in thanks.stdout
    assert "[[a topic you discussed]]" not in thanks.stdout


def test_reflection_fields_belong_to_a_reflection(interviewed: Run) -> None:
    result = interviewed("log", "1", "reply", "--topic", "salary", check=False)
    assert (result.returncode, result.stderr) == (
        2,
        "error: --strength, --improve and --topic are for a reflection.\n",
    )


def test_we_will_decide_by_friday(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Analyst", "--applied", "2026-10-26"))
    nextsteps(
        "log", application, "interview", "--at", "2026-11-16 10:00", "--decision-by", "2026-11-20"
    )
    (follow_up,) = [
        s for s in as_json(nextsteps("next", application, "--json")) if s["kind"] == "follow_up"
    ]
    assert follow_up["due"] == "2026-11-23T09:00:00+00:00"


def test_an_early_follow_up_is_recorded_with_a_warning(interviewed: Run) -> None:
    result = interviewed("log", "1", "follow-up", "--at", "2026-11-09 10:00")
    assert result.returncode == 0
    assert result.stderr.startswith("warning: ")
    assert "2026-11-13" in result.stderr
    assert steps(interviewed)["follow_up"]["attempt"] == 2


@pytest.mark.parametrize(
    ("args", "says"),
    [
        (("log", "99", "reply"), "no application 99"),
        (("log", "1", "party"), "Unknown event 'party'"),
        (("log", "1", "reply", "--at", "13/11/2026"), "--at must look like"),
        (("log", "1", "reply", "--decision-by", "soon"), "--decision-by must be a date"),
        (
            ("log", "1", "interview", "--at", "2026-11-20 10:00", "--end", "2026-11-20 09:00"),
            "end must be after the start",
        ),
        (
            ("log", "1", "interview", "--at", "2026-11-20 10:00", "--wait-until", "2026-11-19"),
            "wait until 2026-11-19",
        ),
        (("log", "1", "thank-you", "--channel", "pigeon"), "pigeon"),
    ],
    ids=[
        "unknown id",
        "unknown event",
        "malformed date",
        "malformed decision date",
        "end before start",
        "wait date before the interview",
        "unknown channel",
    ],
)
def test_bad_input_is_one_line_exit_2_and_nothing_written(
    interviewed: Run, args: tuple[str, ...], says: str
) -> None:
    before = interviewed("show", "1").stdout
    result = interviewed(*args, check=False)
    assert result.returncode == 2
    assert result.stderr.startswith("error: ")
    assert says in result.stderr
    assert result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr
    assert interviewed("show", "1").stdout == before


def test_they_asked_you_to_call_sooner(nextsteps: Run) -> None:
    """001: don't call the next day "unless they specifically asked you to"."""
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26"))
    nextsteps(
        "log", application, "interview", "--at", "2026-11-06 10:00", "--contact-on", "2026-11-09"
    )
    follow_ups = [
        s for s in as_json(nextsteps("next", application, "--json")) if s["kind"] == "follow_up"
    ]
    assert [s["due"] for s in follow_ups] == ["2026-11-09T09:00:00+00:00"]
    assert "they asked you to get in touch on" in nextsteps("show", application).stdout


def test_only_an_interview_or_a_reply_can_ask_for_a_call(nextsteps: Run) -> None:
    application = new_id(nextsteps("add", "Acme", "Data Analyst", "--applied", "2026-10-26"))
    result = nextsteps(
        "log", application, "follow-up", "--at", "2026-11-06 10:00", "--contact-on", "2026-11-09",
        check=False,
    )  # fmt: skip
    assert result.returncode == 2
    assert result.stderr == (
        "error: Only an interview or a reply can ask you to get in touch on a day.\n"
    )
