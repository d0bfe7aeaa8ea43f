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
        nov(20),
        2,
        id="a reply that names no date -> still another seven days after the first",
    ),
    pytest.param(
        [held(nov(6)), followed_up(nov(13)), replied(nov(16), decision_by=nov(25))],
        nov(26),
        2,
        id="their reply names a date -> the working day after it, still follow-up 2",
    ),
    pytest.param(
        [held(nov(6)), replied(nov(9), decision_by=nov(11))],
        nov(12),
        1,
        id="they reply they'll decide by Wednesday -> Thursday, inside the seven days",
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


def test_seven_day_why_names_the_interview_and_004s_question() -> None:
    """004: "If they haven't made a decision, ask them 'when do you think you will know?'" """
    step = only(StepKind.FOLLOW_UP, steps_for(held(nov(6))))

    assert step.why.startswith(
        "7 days after your interview on Fri 6 Nov. If they haven't got back to you by then, "
        "e-mail or call them to ask whether they have made a decision and, if not, when "
        "they think they will know."
    )
    assert step.sources[0] == sources.HOW_TO_FOLLOW_UP


def test_no_need_to_ask_when_they_will_know_once_they_said() -> None:
    step = only(StepKind.FOLLOW_UP, steps_for(held(nov(10), decision_by=nov(13))))

    assert "when they think they will know" not in step.why


ROUND_CASES = [
    pytest.param(
        [held(nov(6)), followed_up(nov(13)), replied(nov(16)), followed_up(nov(20))],
        nov(27),
        id="004 whatever their answer to the first -> two follow-ups, then move on",
    ),
    pytest.param(
        [
            held(nov(6)),
            followed_up(nov(13)),
            replied(nov(16)),
            followed_up(nov(20)),
            replied(nov(23)),
        ],
        nov(27),
        id="004 a reply after the second without an outcome -> don't follow up again",
    ),
    pytest.param(
        [
            held(nov(6)),
            followed_up(nov(13)),
            event(EventKind.MATERIALS_REQUESTED, nov(16)),
            followed_up(nov(20)),
        ],
        nov(27),
        id="a request for references between the two -> still two per round",
    ),
    pytest.param(
        [
            held(nov(6)),
            followed_up(nov(13)),
            followed_up(nov(20)),
            replied(nov(23), decision_by=nov(4, month=12)),
        ],
        nov(7, month=12),
        id="a reply with their date after the second -> move on after their date",
    ),
]


@pytest.mark.parametrize(("events", "move_on_day"), ROUND_CASES)
def test_at_most_two_follow_ups_per_interview_round(events: list[Event], move_on_day: date) -> None:
    """004: "follow up again in another seven days" and "If they haven't decided by
    then, don't follow up again." """
    steps = steps_for(*events)

    assert of_kind(StepKind.FOLLOW_UP, steps) == []
    assert local_day(only(StepKind.MOVE_ON, steps)) == move_on_day


def test_a_new_interview_starts_a_new_round_even_without_an_invitation_logged() -> None:
    steps = steps_for(held(nov(6)), followed_up(nov(13)), followed_up(nov(20)), held(nov(25)))

    step = only(StepKind.FOLLOW_UP, steps)
    assert (local_day(step), step.attempt) == (nov(2, month=12), 1)
    assert of_kind(StepKind.MOVE_ON, steps) == []


CONTACT_ON_CASES = [
    pytest.param(
        [held(nov(6), contact_on=nov(9))],
        nov(9),
        1,
        id="001 unless they specifically asked you to: call me Monday -> Monday",
    ),
    pytest.param(
        [held(nov(6), contact_on=nov(9)), followed_up(nov(9))],
        nov(16),
        2,
        id="the call they asked for, then the usual count -> a week later",
    ),
    pytest.param(
        [held(nov(6)), followed_up(nov(13)), replied(nov(16), contact_on=nov(18))],
        nov(18),
        2,
        id="their reply asks you to call on Wednesday -> Wednesday, follow-up 2",
    ),
    pytest.param(
        [
            held(nov(6)),
            followed_up(nov(13)),
            followed_up(nov(20)),
            replied(nov(23), contact_on=nov(30)),
        ],
        nov(30),
        3,
        id="they ask for a call after the last follow-up -> that call, on their day",
    ),
    pytest.param(
        [held(nov(6), decision_by=nov(20), contact_on=nov(10))],
        nov(10),
        1,
        id="call me on Tuesday, we decide by the 20th -> Tuesday",
    ),
    pytest.param(
        [held(nov(6), contact_on=nov(7))],
        nov(9),
        1,
        id="call me on Saturday -> the next working day",
    ),
    pytest.param(
        [replied(nov(9), contact_on=nov(12)), replied(nov(10), decision_by=nov(20))],
        nov(23),
        1,
        id="asked to call, then told their date -> their latest word counts",
    ),
]


@pytest.mark.parametrize(("events", "day", "attempt"), CONTACT_ON_CASES)
def test_they_asked_you_to_call_sooner(events: list[Event], day: date, attempt: int) -> None:
    """001: "you shouldn't call your interviewer up the very next day to ask about the
    job — unless they specifically asked you to." """
    step = only(StepKind.FOLLOW_UP, steps_for(*events))

    assert (local_day(step), step.attempt) == (day, attempt)
    assert of_kind(StepKind.MOVE_ON, steps_for(*events)) == []


def test_the_call_they_asked_for_after_the_last_follow_up_is_the_last() -> None:
    steps = steps_for(
        held(nov(6)),
        followed_up(nov(13)),
        followed_up(nov(20)),
        replied(nov(23), contact_on=nov(30)),
        followed_up(nov(30)),
    )

    assert of_kind(StepKind.FOLLOW_UP, steps) == []
    assert local_day(only(StepKind.MOVE_ON, steps)) == nov(7, month=12)


# A day off moves the follow-up to the next working day, and its why says which.
MOVED_CASES = [
    pytest.param(
        [held(nov(19), zone=UNITED_STATES.timezone)],
        UNITED_STATES,
        nov(27),
        "7 days after your interview on Thu 19 Nov is Thanksgiving Day; the next working "
        "day is Fri 27 Nov",
        id="interview on the 19th -> the 26th is Thanksgiving -> the 27th",
    ),
    pytest.param(
        [held(nov(24, month=8))],
        ENGLAND,
        nov(1, month=9),
        "7 days after your interview on Mon 24 Aug is Late Summer Bank Holiday"
        "; the next working day is Tue 1 Sep",
        id="a week later is the August bank holiday -> the Tuesday",
    ),
    pytest.param(
        [held(nov(18, month=12))],
        ENGLAND,
        nov(29, month=12),
        "7 days after your interview on Fri 18 Dec is Christmas Day; the next working day "
        "is Tue 29 Dec",
        id="a week later is Christmas -> past Boxing Day and the weekend",
    ),
    pytest.param(
        [held(nov(6))],
        Workdays(ENGLAND.timezone, working_days=frozenset({6, 0, 1, 2, 3})),
        nov(15),
        "7 days after your interview on Fri 6 Nov is a Friday, not one of your working days"
        "; the next working day is Sun 15 Nov",
        id="a Sunday-to-Thursday week -> Friday the 13th is a day off -> Sunday",
    ),
    pytest.param(
        [held(nov(7))],
        ENGLAND,
        nov(16),
        "7 days after your interview on Sat 7 Nov is a Saturday; the next working day is "
        "Mon 16 Nov",
        id="a week after a Saturday interview -> the why says it is a Saturday",
    ),
    pytest.param(
        [held(nov(10), decision_by=nov(13))],
        ENGLAND,
        nov(16),
        "They said they would decide by Fri 13 Nov, and the day after is a Saturday"
        "; the next working day is Mon 16 Nov",
        id="their date is a Friday -> the why says the weekend moved it",
    ),
    pytest.param(
        [held(nov(11, month=12)), followed_up(nov(18, month=12))],
        ENGLAND,
        nov(29, month=12),
        "7 days after your follow-up on Fri 18 Dec is Christmas Day; the next working day "
        "is Tue 29 Dec",
        id="the second follow-up falls on Christmas Day -> the why says so",
    ),
    pytest.param(
        [held(nov(6), contact_on=nov(7))],
        ENGLAND,
        nov(9),
        "They asked you to get in touch on Sat 7 Nov, which is a Saturday"
        "; the next working day is Mon 9 Nov",
        id="they asked for a Saturday -> the why says it moved",
    ),
    pytest.param(
        [held(nov(6))],
        ENGLAND,
        nov(13),
        "7 days after your interview on Fri 6 Nov",
        id="a working day -> nothing about the calendar",
    ),
]


@pytest.mark.parametrize(("events", "workdays", "day", "lead"), MOVED_CASES)
def test_a_day_off_moves_the_follow_up_and_the_why_names_it(
    events: list[Event], workdays: Workdays, day: date, lead: str
) -> None:
    step = only(StepKind.FOLLOW_UP, steps_for(*events, workdays=workdays))

    assert local_day(step, workdays) == day
    assert step.why.startswith(f"{lead}. ")


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
