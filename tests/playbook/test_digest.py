"""When the daily digest goes out, and the review of last week."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextsteps.playbook import Workdays, public_holidays
from nextsteps.playbook.digest import (
    WeekReview,
    digest_subject,
    digest_turn,
    is_review_day,
    next_digest,
    parse_digest_time,
    replan_digest,
    review_week,
)

from .timelines import ENGLAND, LONDON, LOS_ANGELES, moment, nov

EIGHT = time(8, 0)
AMERICA = Workdays(LOS_ANGELES, holidays=public_holidays("US"))


@pytest.mark.parametrize(
    ("due", "now", "sent_on", "send_for", "look_again_at"),
    [
        pytest.param(
            moment(nov(24), "08:00"),
            moment(nov(24), "08:00"),
            None,
            nov(24),
            moment(nov(25), "08:00"),
            id="Tue 08:00 as planned -> sent, next Wed 08:00",
        ),
        pytest.param(
            moment(nov(24), "08:00"),
            moment(nov(24), "10:15"),
            nov(23),
            nov(24),
            moment(nov(25), "08:00"),
            id="laptop opened at 10:15 -> today's digest still goes",
        ),
        pytest.param(
            moment(nov(20), "08:00"),
            moment(nov(23), "07:00"),
            nov(19),
            None,
            moment(nov(23), "08:00"),
            id="off since Friday, back Monday 07:00 -> no catching up, Monday 08:00",
        ),
        pytest.param(
            moment(nov(20), "08:00"),
            moment(nov(23), "23:30"),
            nov(19),
            nov(23),
            moment(nov(24), "08:00"),
            id="off since Friday, back Monday night -> Monday's digest, late",
        ),
        pytest.param(
            moment(nov(20), "08:00"),
            moment(nov(21), "08:00"),
            nov(20),
            None,
            moment(nov(23), "08:00"),
            id="Saturday -> nothing, Monday 08:00",
        ),
    ],
)
def test_digest_turn(
    due: datetime,
    now: datetime,
    sent_on: date | None,
    send_for: date | None,
    look_again_at: datetime,
) -> None:
    turn = digest_turn(due, now, EIGHT, ENGLAND, sent_on)
    assert turn.send_for == send_for
    assert turn.look_again_at == look_again_at


def test_moving_the_hour_later_after_the_digest_went_does_not_send_it_twice() -> None:
    ten = time(10)
    turn = digest_turn(moment(nov(24), "10:00"), moment(nov(24), "10:00"), ten, ENGLAND, nov(24))
    assert turn.send_for is None
    assert turn.look_again_at == moment(nov(25), "10:00")


def test_a_digest_planned_for_later_today_is_not_sent_early() -> None:
    # The user moved their digest to 10:00 at 09:00, before that day's had gone.
    turn = digest_turn(moment(nov(24), "10:00"), moment(nov(24), "09:30"), time(10), ENGLAND, None)
    assert turn.send_for is None
    assert turn.look_again_at == moment(nov(24), "10:00")


def test_the_digest_keeps_its_local_hour_across_the_clock_change() -> None:
    # London leaves summer time on Sun 25 Oct 2026: 08:00 is 07:00 UTC on Friday,
    # 08:00 UTC on Monday.
    friday = digest_turn(
        moment(nov(23, 10), "08:00"), moment(nov(23, 10), "08:00"), EIGHT, ENGLAND, None
    )
    monday = friday.look_again_at
    assert monday == moment(nov(26, 10), "08:00")
    assert monday.astimezone(UTC).hour == 8
    assert moment(nov(23, 10), "08:00").astimezone(UTC).hour == 7


@pytest.mark.parametrize(
    ("pending", "now", "clock", "sent_on", "planned"),
    [
        pytest.param(
            moment(nov(24), "08:00"),
            moment(nov(24), "07:50"),
            time(7, 45),
            nov(23),
            moment(nov(24), "07:45"),
            id="07:50, 08:00 moved to 07:45 -> today's goes at once, not tomorrow",
        ),
        pytest.param(
            moment(nov(24), "08:00"),
            moment(nov(24), "07:50"),
            time(9),
            nov(23),
            moment(nov(24), "09:00"),
            id="07:50, 08:00 moved to 09:00 -> today 09:00",
        ),
        pytest.param(
            moment(nov(25), "08:00"),
            moment(nov(24), "14:00"),
            time(7),
            nov(24),
            moment(nov(25), "07:00"),
            id="today's went; moved to 07:00 -> tomorrow 07:00",
        ),
        pytest.param(
            None,
            moment(nov(24), "14:00"),
            EIGHT,
            None,
            moment(nov(25), "08:00"),
            id="turned on at 14:00 -> tomorrow, not at once",
        ),
    ],
)
def test_replan_digest(
    pending: datetime | None, now: datetime, clock: time, sent_on: date | None, planned: datetime
) -> None:
    assert replan_digest(pending, now, clock, ENGLAND, sent_on) == planned


@pytest.mark.parametrize(
    ("after", "expected"),
    [
        pytest.param(
            moment(nov(25), "09:00", LOS_ANGELES),
            moment(nov(27), "08:00", LOS_ANGELES),
            id="US Thanksgiving: Wednesday -> Friday",
        ),
        pytest.param(
            moment(nov(30, 10), "12:00", LOS_ANGELES),
            moment(nov(2), "08:00", LOS_ANGELES),
            id="Los Angeles across its clock change: Friday -> Monday 08:00 PST",
        ),
    ],
)
def test_next_digest(after: datetime, expected: datetime) -> None:
    assert next_digest(after, EIGHT, AMERICA, None) == expected


@pytest.mark.parametrize(
    ("day", "review"),
    [
        pytest.param(nov(23), True, id="a Monday"),
        pytest.param(nov(24), False, id="a Tuesday"),
        pytest.param(nov(6, 4), False, id="Easter Monday 2026 is a bank holiday"),
        pytest.param(nov(7, 4), True, id="-> the review is on Tuesday"),
    ],
)
def test_review_day(day: date, review: bool) -> None:
    assert is_review_day(day, ENGLAND) is review


def test_the_review_covers_monday_to_sunday_of_the_week_before() -> None:
    assert review_week(nov(24)) == (nov(16), nov(22))
    assert review_week(nov(23)) == (nov(16), nov(22))


@pytest.mark.parametrize(
    ("applications", "target", "verdict"),
    [
        (2, 5, "3 short of your target of 5"),
        (5, 5, "You met your target of 5"),
        (0, 0, "You have no weekly target"),
    ],
)
def test_the_review_weighs_applications_against_the_target(
    applications: int, target: int, verdict: str
) -> None:
    review = WeekReview(nov(16), nov(22), applications, target, 0, 0, 0)
    assert verdict in review.verdict()
    assert "Don't Assume You Got the Job!" in review.verdict()


def test_the_subject_says_what_waits() -> None:
    assert digest_subject(nov(24), 1, 2, False) == "nextsteps Tue 24 Nov: 1 overdue, 2 for today"
    assert digest_subject(nov(23), 0, 0, True) == "nextsteps Mon 23 Nov: last week's review"


@pytest.mark.parametrize(
    ("text", "clock"),
    [("08:00", time(8)), (" 7:30 ", time(7, 30)), ("off", None), ("OFF", None)],
)
def test_parse_digest_time(text: str, clock: time | None) -> None:
    assert parse_digest_time(text) == clock


@pytest.mark.parametrize("text", ["25:00", "8am", "08:60", "08"])
def test_a_digest_time_that_is_no_time_is_refused_in_one_sentence(text: str) -> None:
    with pytest.raises(ValueError, match="The digest time must be a time like 08:00"):
        parse_digest_time(text)


# The worker looks every so often (at most `gap` apart) over three weeks.
START = moment(nov(19, 10), "00:00")


@st.composite
def polls(draw: st.DrawFn) -> tuple[time, list[datetime]]:
    clock = time(draw(st.integers(5, 21)), draw(st.sampled_from([0, 15, 30, 45])))
    gaps = draw(st.lists(st.integers(1, 6 * 60), min_size=1, max_size=120))
    moments, at = [], START
    for minutes in gaps:
        at += timedelta(minutes=minutes)
        moments.append(at)
    return clock, moments


def run_worker(clock: time, moments: list[datetime]) -> list[datetime]:
    """What a worker polling at `moments` sends: the moment of each digest."""
    due, sent_on, sent = next_digest(START, clock, ENGLAND, None), None, []
    for now in moments:
        if due.timestamp() > now.timestamp():
            continue
        turn = digest_turn(due, now, clock, ENGLAND, sent_on)
        if turn.send_for is not None:
            sent.append(now)
        due, sent_on = turn.look_again_at, turn.send_for or sent_on
    return sent


@settings(max_examples=300)
@given(polls())
def test_one_digest_on_each_working_day_the_worker_ran_after_the_hour(
    case: tuple[time, list[datetime]],
) -> None:
    clock, moments = case
    sent = run_worker(clock, moments)
    days = [m.astimezone(LONDON).date() for m in sent]
    assert len(days) == len(set(days)), "never two on one day"
    for at in sent:
        local = at.astimezone(LONDON)
        assert ENGLAND.is_working_day(local.date())
        assert local.time() >= clock, "never before the chosen hour"
    expected = {
        m.astimezone(LONDON).date()
        for m in moments
        if ENGLAND.is_working_day(m.astimezone(LONDON).date())
        and m.astimezone(LONDON).time() >= clock
    }
    assert set(days) == expected, "and none lost"
    for at in sent:
        first_poll = min(
            m
            for m in moments
            if m.astimezone(LONDON).date() == at.astimezone(LONDON).date()
            and m.astimezone(LONDON).time() >= clock
        )
        assert at == first_poll, "sent at the first look after the hour"
