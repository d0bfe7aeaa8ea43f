"""When to follow up, how often, and when to stop: the articles' own examples."""

from __future__ import annotations

from datetime import date

import pytest

from nextsteps.playbook import Event, EventKind, StepKind, sources
from nextsteps.playbook.workdays import Workdays

from .timelines import (
    ENGLAND,
    UNITED_STATES,
    applied,
    event,
    followed_up,
    held,
    local_day,
    nov,
    of_kind,
    only,
    replied,
    scheduled,
    steps_for,
)

SEVEN_DAY_CASES = [
    pytest.param([held(nov(6))], nov(13), 1, id="interview on the 6th -> follow up on the 13th"),
    pytest.param(
        [held(nov(10), decision_by=nov(13))],
        nov(16),
        1,
        id="we'll decide by Friday -> the next Monday",
    ),
    pytest.param(
        [held(nov(6), decision_by=nov(27))],
        nov(30),
        1,
        id="they'll decide in three weeks -> the working day after their date",
    ),
    pytest.param(
        [held(nov(6), wait_until=nov(20))],
        nov(20),
        1,
        id="wait two weeks before following up -> respect their wishes",
    ),
    pytest.param(
        [held(nov(6), wait_until=nov(21))],
        nov(23),
        1,
        id="wait until a Saturday -> the Monday after",
    ),
    pytest.param(
        [held(nov(6)), replied(nov(9), wait_until=nov(18))],
        nov(18),
        1,
        id="wait a week, said in a later reply -> seven days from the reply is too soon",
    ),
    pytest.param(
        [held(nov(7))],
        nov(16),
        1,
        id="interview on a Saturday -> a week later is Saturday, so Monday",
    ),
    pytest.param(
        [held(nov(6)), followed_up(nov(13))],
        nov(20),
        2,
        id="no answer to the first follow-up -> once more seven days later",
    ),
    pytest.param(
        [held(nov(6)), followed_up(nov(16))],
        nov(23),
        2,
        id="first follow-up sent late -> the second counts from when you sent it",
    ),
    pytest.param(
        [held(nov(6)), followed_up(nov(13), decision_by=nov(25))],
        nov(26),
        2,
        id="they gave a new date during the first follow-up -> the day after it",
    ),
    pytest.param(
        [held(nov(6)), followed_up(nov(13), decision_by=nov(16))],
        nov(20),
        2,
        id="their new date is sooner than a week -> still seven days after the follow-up",
    ),
    pytest.param(
        [held(nov(6)), followed_up(nov(13)), replied(nov(16))],
        nov(23),
        1,
        id="the employer replies -> the cadence starts again from the reply",
    ),
    pytest.param(
        [
            held(nov(6)),
            followed_up(nov(13)),
            followed_up(nov(20)),
            scheduled(nov(25)),
            held(nov(25)),
        ],
        nov(2, month=12),
        1,
        id="second interview -> a new cadence, two more follow-ups allowed",
    ),
    pytest.param(
        [
            held(nov(6), decision_by=nov(20)),
            event(EventKind.MATERIALS_REQUESTED, nov(6), "15:00"),
        ],
        nov(23),
        1,
        id="references asked for after the interview -> their decision date still stands",
    ),
    pytest.param(
        [held(nov(6), decision_by=nov(27)), replied(nov(10), decision_by=nov(13))],
        nov(16),
        1,
        id="they bring their date forward -> their latest word counts",
    ),
    pytest.param(
        [held(nov(6), decision_by=nov(6))],
        nov(9),
        1,
        id="they'd decide the same day -> the next working day",
    ),
]


@pytest.mark.parametrize(("events", "day", "attempt"), SEVEN_DAY_CASES)
def test_seven_day_follow_up(events: list[Event], day: date, attempt: int) -> None:
    step = only(StepKind.FOLLOW_UP, steps_for(*events))

    assert (local_day(step), step.attempt) == (day, attempt)
    assert step.all_day
    assert step.due == ENGLAND.at(day)


HOLIDAY_CASES = [
    pytest.param(
        [held(nov(19))],
        UNITED_STATES,
        nov(27),
        id="interview on the 19th -> the 26th is Thanksgiving -> the 27th",
    ),
    pytest.param(
        [held(nov(24, month=8))],
        ENGLAND,
        nov(1, month=9),
        id="a week later is the August bank holiday -> the Tuesday",
    ),
    pytest.param(
        [held(nov(18, month=12))],
        ENGLAND,
        nov(29, month=12),
        id="a week later is Christmas -> past Boxing Day and the weekend",
    ),
    pytest.param(
        [held(nov(6))],
        Workdays(ENGLAND.timezone, working_days=frozenset({6, 0, 1, 2, 3})),
        nov(15),
        id="a Sunday-to-Thursday week -> Friday the 13th is a day off -> Sunday",
    ),
]


@pytest.mark.parametrize(("events", "workdays", "day"), HOLIDAY_CASES)
def test_public_holidays_move_the_follow_up(
    events: list[Event], workdays: Workdays, day: date
) -> None:
    step = only(StepKind.FOLLOW_UP, steps_for(*events, workdays=workdays))

    assert local_day(step, workdays) == day


def test_two_follow_ups_then_stop_and_move_on() -> None:
    steps = steps_for(held(nov(6)), followed_up(nov(13)), followed_up(nov(20)))

    assert of_kind(StepKind.FOLLOW_UP, steps) == []
    move_on = only(StepKind.MOVE_ON, steps)
    assert local_day(move_on) == nov(27)
    assert "assume it's a no" in move_on.why.lower()
    assert move_on.sources == (sources.HOW_TO_FOLLOW_UP,)


def test_move_on_waits_for_a_date_they_gave_at_the_last_follow_up() -> None:
    steps = steps_for(
        held(nov(6)), followed_up(nov(13)), followed_up(nov(20), decision_by=nov(4, month=12))
    )

    assert local_day(only(StepKind.MOVE_ON, steps)) == nov(7, month=12)


def test_a_third_follow_up_you_sent_anyway_does_not_plan_a_fourth() -> None:
    steps = steps_for(held(nov(6)), *(followed_up(nov(d)) for d in (13, 20, 27)))

    assert of_kind(StepKind.FOLLOW_UP, steps) == []
    assert local_day(only(StepKind.MOVE_ON, steps)) == nov(4, month=12)


@pytest.mark.parametrize(
    ("sent", "day", "attempt"),
    [
        pytest.param([], nov(13), 1, id="a week after the interview"),
        pytest.param([13], nov(20), 2, id="a week after the first"),
        pytest.param([13, 20], nov(27), 3, id="a week after the second: keep going"),
        pytest.param([13, 20, 27, 4], nov(11, month=12), 5, id="still weekly a month on"),
    ],
)
def test_persistent_playbook_checks_back_every_week(
    sent: list[int], day: date, attempt: int
) -> None:
    sent_on = [nov(d) if d > 5 else nov(d, month=12) for d in sent]
    steps = steps_for(held(nov(6)), *map(followed_up, sent_on), playbook="persistent")

    step = only(StepKind.FOLLOW_UP, steps)
    assert (local_day(step), step.attempt) == (day, attempt)
    assert of_kind(StepKind.MOVE_ON, steps) == []
    assert "call them and drop a note in the mail" in step.why
    assert sources.DONT_ASSUME in step.sources


def test_seven_day_why_names_the_interview_and_the_question() -> None:
    step = only(StepKind.FOLLOW_UP, steps_for(held(nov(6))))

    assert step.why.startswith(
        "7 days after your interview on Fri 6 Nov, if they haven't got back to you, "
        "e-mail or call them to ask whether they have made a decision."
    )
    assert step.sources[0] == sources.HOW_TO_FOLLOW_UP


def test_second_follow_up_asks_when_they_will_know_and_is_the_last() -> None:
    step = only(StepKind.FOLLOW_UP, steps_for(held(nov(6)), followed_up(nov(13))))

    assert "when they think they will know" in step.why
    assert "last follow-up" in step.why


def test_why_says_it_is_their_date_that_moved_the_follow_up() -> None:
    step = only(StepKind.FOLLOW_UP, steps_for(held(nov(10), decision_by=nov(13))))

    assert step.why.startswith("They said they would decide by Fri 13 Nov")


def test_no_follow_up_while_another_interview_is_ahead() -> None:
    steps = steps_for(held(nov(6)), scheduled(nov(17), "14:00"))

    assert of_kind(StepKind.FOLLOW_UP, steps) == []
    assert of_kind(StepKind.MOVE_ON, steps) == []
    assert only(StepKind.PREPARE_INTERVIEW, steps).due.day == 17


def test_no_follow_up_before_anything_happened_with_the_employer() -> None:
    assert of_kind(StepKind.FOLLOW_UP, steps_for(applied(nov(2)))) == []


CHECK_IN_CASES = [
    pytest.param(
        [applied(nov(2))], [(nov(9), 1)], id="applied on Monday -> check in the Monday after"
    ),
    pytest.param(
        [applied(nov(7))], [(nov(16), 1)], id="applied on a Saturday -> the Monday after next"
    ),
    pytest.param([applied(nov(2)), followed_up(nov(9))], [], id="checked in once -> nothing more"),
    pytest.param(
        [applied(nov(2)), replied(nov(5))],
        [],
        id="they answered -> no check-in, the cadence instead",
    ),
    pytest.param(
        [followed_up(nov(1)), applied(nov(2))],
        [(nov(9), 1)],
        id="a message before you applied is not the check-in",
    ),
]


@pytest.mark.parametrize(("events", "expected"), CHECK_IN_CASES)
def test_check_in_once_after_applying(
    events: list[Event], expected: list[tuple[date, int]]
) -> None:
    steps = of_kind(StepKind.CHECK_IN, steps_for(*events))

    assert [(local_day(s), s.attempt) for s in steps] == expected
    for step in steps:
        assert step.sources == (sources.DONT_ASSUME,)
        assert "once" in step.why.lower()


def test_an_answer_after_applying_plans_a_follow_up_not_a_check_in() -> None:
    steps = steps_for(applied(nov(2)), replied(nov(5)))

    assert local_day(only(StepKind.FOLLOW_UP, steps)) == nov(12)
    assert of_kind(StepKind.CHECK_IN, steps) == []
