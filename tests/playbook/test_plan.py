"""The planner as a whole: outcomes end the plan, order, the user's calendar, and
the nudge to keep searching."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from nextsteps.playbook import (
    Event,
    EventKind,
    Step,
    StepKind,
    Timeline,
    Workdays,
    keep_searching,
    load_playbook,
    plan,
    sources,
)

from .timelines import (
    CALIFORNIA,
    ENGLAND,
    LONDON,
    LOS_ANGELES,
    event,
    followed_up,
    held,
    moment,
    nov,
    only,
    scheduled,
    steps_for,
)

BUSY = [
    held(nov(6)),
    event(EventKind.MATERIALS_REQUESTED, nov(6), "11:30"),
    followed_up(nov(13)),
    scheduled(nov(20)),
]


@pytest.mark.parametrize(
    ("kind", "left"),
    [
        pytest.param(
            EventKind.OFFER_RECEIVED,
            [StepKind.ASK_FOR_WRITTEN_OFFER],
            id="000 a spoken offer -> only: get it in writing",
        ),
        pytest.param(
            EventKind.OFFER_ACCEPTED,
            [StepKind.ASK_FOR_WRITTEN_OFFER],
            id="000 said yes to a spoken offer -> only: get it in writing",
        ),
        pytest.param(EventKind.OFFER_DECLINED, [], id="declined -> nothing"),
        pytest.param(EventKind.WITHDRAWN, [], id="withdrawn -> nothing"),
        pytest.param(EventKind.CLOSED_NO_RESPONSE, [], id="004 assumed it's a no -> nothing"),
    ],
)
def test_an_outcome_ends_every_follow_up(kind: EventKind, left: list[StepKind]) -> None:
    assert [s.kind for s in steps_for(*BUSY, event(kind, nov(16)))] == left


def test_rejection_plans_a_gracious_reply_within_two_days_and_nothing_else() -> None:
    steps = steps_for(*BUSY, event(EventKind.REJECTED, nov(16), "14:00"))

    (step,) = steps
    assert step.kind == StepKind.REPLY_TO_REJECTION
    # Days, not the clock time they called at: from the 16th to the 18th.
    assert step.all_day
    assert (step.not_before, step.due) == (ENGLAND.at(nov(16)), ENGLAND.at(nov(18)))
    assert "keep your resume on file" in step.why
    assert step.sources == (sources.BEST_PRACTICES,)


DEC_1 = nov(1, month=12)


@pytest.mark.parametrize(
    ("events", "kind", "clock"),
    [
        ([held(DEC_1, "02:35", end=moment(DEC_1, "03:35"))], StepKind.THANK_YOU, "03:35"),
        ([held(DEC_1, "02:35", end=moment(DEC_1, "03:35"))], StepKind.REFLECT, None),
        ([held(DEC_1, "02:35"), event(EventKind.REJECTED, DEC_1, "03:35")],
         StepKind.REPLY_TO_REJECTION, None),
        ([scheduled(nov(3, month=12), "14:00")], StepKind.PREPARE_INTERVIEW, "14:00"),
    ],
    ids=[
        "interview ended at 03:35 -> thank-you by 03:35 the next day",
        "interview ended at 03:35 -> reflect that day, at no hour",
        "rejected at 03:35 -> reply within two days, at no hour",
        "interview booked for 14:00 -> prepared by 14:00",
    ],
)  # fmt: skip
def test_a_clock_time_only_where_the_rule_computes_one(
    events: list[Event], kind: StepKind, clock: str | None
) -> None:
    step = only(kind, steps_for(*events))
    local = step.due.astimezone(LONDON)
    assert step.all_day is (clock is None)
    if clock is not None:
        assert f"{local:%H:%M}" == clock


def test_rejection_answered_leaves_nothing() -> None:
    steps = steps_for(
        event(EventKind.REJECTED, nov(16)), event(EventKind.REJECTION_ANSWERED, nov(17))
    )

    assert steps == []


def test_a_later_outcome_replaces_the_rejection() -> None:
    # Their first choice fell through and they came back with an offer.
    steps = steps_for(event(EventKind.REJECTED, nov(16)), event(EventKind.OFFER_RECEIVED, nov(30)))

    assert [s.kind for s in steps] == [StepKind.ASK_FOR_WRITTEN_OFFER]


def test_steps_are_sorted_by_due_then_kind() -> None:
    steps = steps_for(held(nov(6)), event(EventKind.MATERIALS_REQUESTED, nov(6), "11:30"))

    assert [s.kind for s in steps] == [
        StepKind.REFLECT,
        StepKind.THANK_YOU,
        StepKind.SEND_MATERIALS,
        StepKind.FOLLOW_UP,
    ]
    assert steps == sorted(steps, key=lambda s: (s.due.timestamp(), s.kind.value))


def test_the_same_timeline_in_any_order_gives_the_same_plan() -> None:
    playbook, events = load_playbook("seven-day"), [*BUSY, held(nov(20), "10:30")]

    forwards = plan(Timeline(tuple(events)), playbook, ENGLAND)
    backwards = plan(Timeline(tuple(reversed(events))), playbook, ENGLAND)

    assert forwards == backwards


class TestTheUsersCalendar:
    def test_late_evening_interview_counts_on_the_users_day_not_utcs(self) -> None:
        # 23:30 on Fri 6 Nov in Los Angeles is 07:30 on Sat 7 Nov in UTC: "we'll
        # decide today" means Friday, so follow up on Monday.
        late = datetime(2026, 11, 6, 23, 30, tzinfo=LOS_ANGELES)
        steps = plan(
            Timeline((Event(EventKind.INTERVIEW_HELD, late, decision_by=nov(6)),)),
            load_playbook("seven-day"),
            CALIFORNIA,
        )

        follow_up = only(StepKind.FOLLOW_UP, steps)
        assert follow_up.due == datetime(2026, 11, 9, 9, 0, tzinfo=LOS_ANGELES)
        assert only(StepKind.REFLECT, steps).due.date() == nov(7)

    def test_late_evening_interview_stored_in_utc_is_followed_up_on_the_13th(self) -> None:
        late = datetime(2026, 11, 7, 7, 30, tzinfo=UTC)
        steps = plan(
            Timeline((Event(EventKind.INTERVIEW_HELD, late),)),
            load_playbook("seven-day"),
            CALIFORNIA,
        )

        assert only(StepKind.FOLLOW_UP, steps).due == datetime(2026, 11, 13, 9, tzinfo=LOS_ANGELES)

    @pytest.mark.parametrize(
        ("workdays", "interview", "follow_up_utc"),
        [
            pytest.param(
                CALIFORNIA,
                datetime(2026, 10, 30, 10, tzinfo=LOS_ANGELES),
                datetime(2026, 11, 6, 17, tzinfo=UTC),
                id="Los Angeles falls back on 1 Nov -> still 09:00 local, now 17:00 UTC",
            ),
            pytest.param(
                ENGLAND,
                datetime(2026, 10, 23, 10, tzinfo=LONDON),
                datetime(2026, 10, 30, 9, tzinfo=UTC),
                id="London falls back on 25 Oct -> 09:00 GMT",
            ),
            pytest.param(
                ENGLAND,
                datetime(2026, 3, 27, 10, tzinfo=LONDON),
                datetime(2026, 4, 7, 8, tzinfo=UTC),
                id="London springs forward on 29 Mar, then Easter -> Tue 7 Apr at 09:00 BST",
            ),
        ],
    )
    def test_seven_days_across_a_clock_change_is_still_09_00_local(
        self, workdays: Workdays, interview: datetime, follow_up_utc: datetime
    ) -> None:
        steps = plan(
            Timeline((Event(EventKind.INTERVIEW_HELD, interview),)),
            load_playbook("seven-day"),
            workdays,
        )

        assert only(StepKind.FOLLOW_UP, steps).due == follow_up_utc


def _nudge(
    last_applied: date | None,
    today: date,
    active: int = 1,
    search_over: bool = False,
    workdays: Workdays = ENGLAND,
) -> Step | None:
    return keep_searching(
        active_applications=active,
        search_over=search_over,
        last_applied=last_applied,
        today=today,
        playbook=load_playbook("seven-day"),
        workdays=workdays,
    )


class TestKeepSearching:
    def test_a_week_without_applying_while_waiting(self) -> None:
        step = _nudge(last_applied=nov(2), today=nov(12))

        assert step is not None
        assert step.kind == StepKind.KEEP_SEARCHING
        assert step.all_day
        assert step.due == ENGLAND.at(nov(9))
        assert "since Mon 2 Nov" in step.why
        assert set(step.sources) == {
            sources.DID_I_GET_THE_JOB,
            sources.FOUR_THINGS,
            sources.DONT_ASSUME,
        }

    @pytest.mark.parametrize(
        ("today", "expected"),
        [
            pytest.param(nov(8), None, id="applied six days ago -> nothing yet"),
            pytest.param(nov(9), nov(9), id="applied a week ago today -> today"),
            pytest.param(nov(20), nov(9), id="ignored for days -> still dated when it ran out"),
        ],
    )
    def test_appears_once_the_week_has_passed(self, today: date, expected: date | None) -> None:
        step = _nudge(last_applied=nov(2), today=today)

        assert (step and ENGLAND.local_date(step.due)) == expected

    def test_a_week_ending_on_a_weekend_lands_on_monday(self) -> None:
        step = _nudge(last_applied=nov(7), today=nov(15))

        assert step is not None
        assert ENGLAND.local_date(step.due) == nov(16)

    def test_no_application_dated_yet_means_today(self) -> None:
        step = _nudge(last_applied=None, today=nov(12))

        assert step is not None
        assert step.due == ENGLAND.at(nov(12))

    @pytest.mark.parametrize(
        ("active", "search_over"),
        [
            pytest.param(0, False, id="nothing in progress -> no nudge"),
            pytest.param(3, True, id="an official offer accepted -> the search is over"),
        ],
    )
    def test_not_while_nothing_is_pending_or_after_the_search(
        self, active: int, search_over: bool
    ) -> None:
        assert _nudge(None, nov(12), active=active, search_over=search_over) is None

    def test_reads_the_same_whichever_day_it_is_computed(self) -> None:
        days = [nov(9) + timedelta(days=n) for n in range(10)]

        assert len({_nudge(last_applied=nov(2), today=day) for day in days}) == 1
