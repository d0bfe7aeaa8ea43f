"""When a message may go out: on the due date at the start of the user's working
hours, only on working days, never early, and a thank-you only within 24 hours."""

from __future__ import annotations

from datetime import datetime, time, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from nextsteps.playbook.sending import (
    CannotSchedule,
    Recheck,
    SendingCalendar,
    StepWindow,
    WorkingHours,
    best_sending_time,
    check_requested_time,
    next_day_opening,
    recheck,
    retry_delay,
    sending_note,
    sending_window_end,
)

from .timelines import ENGLAND, moment, nov

NINE_TO_FIVE = SendingCalendar(ENGLAND, WorkingHours())


def follow_up_on(day: int) -> StepWindow:
    return StepWindow(moment(nov(day), "09:00"), moment(nov(day), "09:00"), all_day=True)


def thank_you_after(end: datetime) -> StepWindow:
    deadline = end + timedelta(hours=24)
    return StepWindow(end, deadline, deadline=deadline)


class TestWorkingHours:
    def test_parse_and_show(self) -> None:
        hours = WorkingHours.parse(" 8:30 - 16:00 ")
        assert (hours.start, hours.end) == (time(8, 30), time(16))
        assert str(hours) == "08:30-16:00"

    @pytest.mark.parametrize("text", ["9-5", "17:00-09:00", "09:00-25:00", "", "nine to five"])
    def test_refuses_what_is_not_a_range_of_the_day(self, text: str) -> None:
        with pytest.raises(ValueError, match="09:00-17:00"):
            WorkingHours.parse(text)


@pytest.mark.parametrize(
    ("window", "now", "expected"),
    [
        (follow_up_on(13), moment(nov(9)), moment(nov(13), "09:00")),
        (follow_up_on(13), moment(nov(13), "11:20"), moment(nov(13), "11:20")),
        (follow_up_on(13), moment(nov(13), "18:00"), moment(nov(16), "09:00")),
        (follow_up_on(13), moment(nov(17), "07:00"), moment(nov(17), "09:00")),
        (
            thank_you_after(moment(nov(5), "11:00")),
            moment(nov(5), "11:00"),
            moment(nov(5), "11:00"),
        ),
        (
            thank_you_after(moment(nov(5), "16:30")),
            moment(nov(5), "16:30"),
            moment(nov(5), "16:30"),
        ),
        (
            thank_you_after(moment(nov(5), "17:30")),
            moment(nov(5), "17:30"),
            moment(nov(6), "09:00"),
        ),
        (
            thank_you_after(moment(nov(6), "11:00")),
            moment(nov(6), "11:00"),
            moment(nov(6), "11:00"),
        ),
        (
            thank_you_after(moment(nov(6), "11:00")),
            moment(nov(6), "12:30"),
            moment(nov(6), "12:30"),
        ),
    ],
    ids=[
        "004 interview on the 6th -> the 13th at 09:00",
        "the day itself, later on: now",
        "the evening of the day: the next working morning (Monday)",
        "overdue, before work: this morning at 09:00",
        "001 Thursday's interview ends 11:00: right away, the earliest working moment",
        "002 within the next 24 hours: ends 16:30, still inside working hours -> now",
        "001 Thursday's interview ends 17:30: Friday 09:00 is within 24 hours",
        "001 Friday's interview: Saturday is no working day, so Friday right away",
        "001 Friday's interview, deciding at lunch: now",
    ],
)
def test_best_sending_time(window: StepWindow, now: datetime, expected: datetime) -> None:
    assert best_sending_time(window, now, NINE_TO_FIVE) == expected


THANK_YOU_EVENING_CASES = [
    pytest.param(
        moment(nov(6), "17:00"),
        moment(nov(6), "17:00"),
        moment(nov(6), "18:00"),
        id="001 within 24 hours: Friday's interview ends 17:00 -> 18:00 the same evening",
    ),
    pytest.param(
        moment(nov(6), "17:00"),
        moment(nov(6), "21:15"),
        moment(nov(6), "21:15"),
        id="002 deciding at 21:15 that Friday -> now, not refused",
    ),
    pytest.param(
        moment(nov(6), "17:00"),
        moment(nov(7), "16:59"),
        moment(nov(7), "16:59"),
        id="002 Saturday a minute before the 24 hours run out -> now",
    ),
]


@pytest.mark.parametrize(("end", "now", "expected"), THANK_YOU_EVENING_CASES)
def test_the_24_hours_come_before_the_working_hours(
    end: datetime, now: datetime, expected: datetime
) -> None:
    window = thank_you_after(end)

    assert best_sending_time(window, now, NINE_TO_FIVE) == expected
    assert sending_note(window, expected, NINE_TO_FIVE).endswith("the 24 hours come first.")


def test_in_working_hours_there_is_nothing_to_explain() -> None:
    window = thank_you_after(moment(nov(5), "11:00"))
    assert sending_note(window, moment(nov(5), "11:00"), NINE_TO_FIVE) == ""
    assert sending_note(follow_up_on(13), moment(nov(13), "18:00"), NINE_TO_FIVE) == ""


def test_a_thank_you_past_its_24_hours_is_refused() -> None:
    """001: "try to send one within 24 hours of the interview" -- or the user decides."""
    window = thank_you_after(moment(nov(6), "17:00"))
    with pytest.raises(CannotSchedule, match="no longer go out within 24 hours"):
        best_sending_time(window, moment(nov(7), "17:01"), NINE_TO_FIVE)


def test_a_chosen_evening_inside_the_24_hours_is_fine_for_a_thank_you() -> None:
    """`send` never refuses a thank-you inside its 24 hours."""
    window = thank_you_after(moment(nov(6), "17:00"))
    check_requested_time(moment(nov(6), "20:00"), window, moment(nov(6), "17:05"), NINE_TO_FIVE)
    check_requested_time(moment(nov(7), "10:00"), window, moment(nov(6), "17:05"), NINE_TO_FIVE)
    with pytest.raises(CannotSchedule, match="within 24 hours"):
        check_requested_time(moment(nov(7), "17:30"), window, moment(nov(6), "17:05"), NINE_TO_FIVE)


def test_a_holiday_is_not_a_working_day() -> None:
    window = StepWindow(moment(nov(25, 12), "09:00"), moment(nov(25, 12), "09:00"), all_day=True)
    # 25 and 26 December (and the weekend after) are not working days in England.
    assert best_sending_time(window, moment(nov(20, 12)), NINE_TO_FIVE) == moment(
        nov(29, 12), "09:00"
    )


@pytest.mark.parametrize(
    ("send_at", "reason"),
    [
        (moment(nov(12), "10:00"), "before the playbook's date"),
        (moment(nov(14), "10:00"), "not one of your working days"),
        (moment(nov(13), "18:00"), "outside your working hours"),
        (moment(nov(2), "10:00"), "already passed"),
    ],
    ids=["004 early", "a Saturday", "the evening", "the past"],
)
def test_a_chosen_time_is_checked(send_at: datetime, reason: str) -> None:
    with pytest.raises(CannotSchedule, match=reason):
        check_requested_time(send_at, follow_up_on(13), moment(nov(9)), NINE_TO_FIVE)


def test_a_chosen_time_on_the_day_is_fine() -> None:
    check_requested_time(moment(nov(13), "14:30"), follow_up_on(13), moment(nov(9)), NINE_TO_FIVE)


def test_the_sending_window_is_a_day_or_the_thank_you_deadline() -> None:
    send_at = moment(nov(13), "09:00")
    assert sending_window_end(send_at, None) == send_at + timedelta(hours=24)
    assert sending_window_end(send_at, send_at + timedelta(hours=2)) == send_at + timedelta(hours=2)


def test_retries_wait_longer_each_time_up_to_an_hour() -> None:
    waits = [retry_delay(n) for n in range(1, 9)]
    assert waits[:3] == [timedelta(minutes=1), timedelta(minutes=2), timedelta(minutes=4)]
    assert waits[-1] == timedelta(hours=1)


def test_the_cap_moves_a_message_to_the_next_working_morning() -> None:
    assert next_day_opening(moment(nov(13), "15:00"), NINE_TO_FIVE) == moment(nov(16), "09:00")


def facts(now: datetime, **fields: object) -> Recheck:
    send_at = moment(nov(13), "09:00")
    defaults: dict[str, object] = {
        "now": now,
        "send_at": send_at,
        "send_by": send_at + timedelta(hours=24),
        "within_hours": True,
        "calendar": NINE_TO_FIVE,
        "step_not_before": send_at,
        "step_all_day": True,
    }
    return Recheck(**{**defaults, **fields})  # type: ignore[arg-type]


class TestRecheck:
    def test_due_and_nothing_changed_sends(self) -> None:
        assert recheck(facts(moment(nov(13), "09:00"))).send

    def test_never_early(self) -> None:
        verdict = recheck(facts(moment(nov(13), "08:59")))
        assert not verdict.send
        assert verdict.defer_to == moment(nov(13), "09:00")

    def test_a_reply_since_scheduling_cancels(self) -> None:
        verdict = recheck(facts(moment(nov(13), "09:00"), answered_at=moment(nov(12), "15:00")))
        assert "they answered" in verdict.cancel

    def test_a_closed_step_cancels(self) -> None:
        assert "no longer open" in recheck(facts(moment(nov(13), "09:00"), step_open=False)).cancel

    def test_a_step_the_plan_moved_later_cancels(self) -> None:
        moved = facts(moment(nov(13), "09:00"), step_not_before=moment(nov(23), "09:00"))
        assert "moved this step to Mon 23 Nov" in recheck(moved).cancel

    def test_a_thank_you_past_its_24_hours_cancels(self) -> None:
        late = facts(moment(nov(13), "10:00"), deadline=moment(nov(13), "09:30"))
        assert "within 24 hours" in recheck(late).cancel

    def test_after_hours_waits_for_the_next_morning_inside_the_window(self) -> None:
        send_at = moment(nov(12), "16:00")
        late = facts(
            moment(nov(12), "20:00"),
            send_at=send_at,
            send_by=send_at + timedelta(hours=24),
            step_not_before=None,
        )
        assert recheck(late).defer_to == moment(nov(13), "09:00")

    def test_after_hours_past_the_window_cancels(self) -> None:
        assert "window closed" in recheck(facts(moment(nov(13), "20:00"))).cancel

    def test_send_now_ignores_working_hours(self) -> None:
        assert recheck(facts(moment(nov(13), "20:00"), within_hours=False)).send

    def test_a_missed_window_cancels_and_says_so(self) -> None:
        verdict = recheck(facts(moment(nov(16), "10:00")))
        assert "window closed Sat 14 Nov 09:00" in verdict.cancel


FRIDAY_NINE = moment(nov(13), "09:00")


@pytest.mark.parametrize(
    ("fields", "sends"),
    [
        ({"inbox_read_at": FRIDAY_NINE - timedelta(minutes=5)}, True),
        ({"inbox_read_at": FRIDAY_NINE - timedelta(hours=23)}, True),
        ({"inbox_read_at": FRIDAY_NINE - timedelta(hours=25)}, False),
        ({"inbox_read_at": None}, False),
        ({"inbox_read_at": None, "chases_an_answer": False}, True),
        ({"inbox_read_at": None, "reads_inbox": False}, True),
    ],
    ids=[
        "inbox read 5 minutes ago -> the follow-up goes",
        "read 23 hours ago -> it goes",
        "read 25 hours ago -> it waits",
        "never read -> it waits",
        "a thank-you chases no answer -> it goes",
        "an inbox nextsteps does not read -> it goes",
    ],
)
def test_a_follow_up_waits_while_the_inbox_is_unread_for_a_day(
    fields: dict[str, object], sends: bool
) -> None:
    verdict = recheck(
        facts(FRIDAY_NINE, **{"chases_an_answer": True, "reads_inbox": True, **fields})
    )
    assert verdict.send is sends
    if not sends:
        assert verdict.defer_to == FRIDAY_NINE + timedelta(minutes=30)
        assert verdict.waiting.startswith("Waiting: nextsteps could not read your inbox")


def test_an_inbox_unread_to_the_end_of_the_window_gives_the_follow_up_up() -> None:
    stale = {
        "chases_an_answer": True,
        "reads_inbox": True,
        "inbox_read_at": moment(nov(10), "09:00"),
    }
    verdict = recheck(facts(moment(nov(14), "08:45"), within_hours=False, **stale))
    assert verdict.cancel == (
        "Not sent: nextsteps could not read your inbox since Tue 10 Nov, so it cannot tell "
        "whether they answered. Check your mail account."
    )


@given(
    now=st.datetimes(min_value=datetime(2026, 11, 13, 9), max_value=datetime(2026, 11, 15, 9)),
    read_ago=st.one_of(st.none(), st.timedeltas(timedelta(0), timedelta(days=30))),
    within_hours=st.booleans(),
)
def test_no_follow_up_goes_on_an_inbox_unread_for_more_than_a_day(
    now: datetime, read_ago: timedelta | None, within_hours: bool
) -> None:
    now = now.replace(tzinfo=ENGLAND.timezone)
    read_at = None if read_ago is None else now - read_ago
    verdict = recheck(
        facts(now, within_hours=within_hours, chases_an_answer=True, reads_inbox=True,
              inbox_read_at=read_at)
    )  # fmt: skip
    if read_at is None or now - read_at > timedelta(days=1):
        assert not verdict.send
