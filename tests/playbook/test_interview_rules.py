"""Around the interview: get ready, debrief, say thank you, send what they asked for."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime

import pytest

from nextsteps.playbook import Culture, Event, EventKind, StepKind, Timeline, load_playbook, sources
from nextsteps.playbook.rules import prepare_interview
from nextsteps.playbook.timeline import Channel

from .timelines import (
    CALIFORNIA,
    ENGLAND,
    LONDON,
    LOS_ANGELES,
    event,
    held,
    moment,
    nov,
    of_kind,
    only,
    scheduled,
    steps_for,
    thanked,
)


class TestPrepareInterview:
    def test_from_the_morning_before_until_it_starts(self) -> None:
        step = only(StepKind.PREPARE_INTERVIEW, steps_for(scheduled(nov(10), "14:00")))

        assert step.not_before == moment(nov(9), "09:00")
        assert step.due == moment(nov(10), "14:00")
        assert not step.all_day

    def test_checklist_says_want_the_job_next_steps_and_names(self) -> None:
        step = only(StepKind.PREPARE_INTERVIEW, steps_for(scheduled(nov(10), "14:00")))

        assert step.why.startswith("Your interview is on Tue 10 Nov at 14:00.")
        for point in (
            "thank them for inviting you in",  # 001
            "you want the job",  # 001
            "next steps are (instead of whether you got the job)",  # 000
            "when you can expect",  # 001
            "when you should follow up",  # 002
            "e-mail address",
        ):
            assert point in step.why
        assert set(step.sources) == {
            sources.BEST_PRACTICES,
            sources.DID_I_GET_THE_JOB,
            sources.FOUR_THINGS,
        }

    def test_never_starts_after_the_interview(self) -> None:
        same_day = dataclasses.replace(load_playbook("seven-day"), prepare_days_before=0)
        timeline = Timeline((scheduled(nov(10), "08:00"),))

        (step,) = prepare_interview(timeline, same_day, ENGLAND)

        assert step.not_before == step.due == moment(nov(10), "08:00")

    def test_done_once_the_interview_is_held(self) -> None:
        steps = steps_for(scheduled(nov(10), "14:00"), held(nov(10), "14:05"))

        assert of_kind(StepKind.PREPARE_INTERVIEW, steps) == []

    def test_one_per_interview_ahead(self) -> None:
        steps = steps_for(scheduled(nov(10)), scheduled(nov(17)))

        assert [s.due.day for s in of_kind(StepKind.PREPARE_INTERVIEW, steps)] == [10, 17]


class TestReflect:
    def test_right_after_the_interview_the_same_day(self) -> None:
        step = only(StepKind.REFLECT, steps_for(held(nov(6), end=moment(nov(6), "11:30"))))

        # A step for the day: no clock time of its own, and none borrowed from the interview.
        assert step.all_day
        assert step.not_before == step.due == ENGLAND.at(nov(6))
        assert "strong points" in step.why
        assert "improve" in step.why
        assert step.sources == (sources.FOUR_THINGS,)

    def test_an_interview_ending_just_before_midnight_is_reflected_on_that_day(self) -> None:
        end = moment(nov(6), "23:59:30")
        step = only(StepKind.REFLECT, steps_for(held(nov(6), "23:00", end=end)))

        assert (step.all_day, step.due.date()) == (True, nov(6))

    def test_only_for_the_latest_interview(self) -> None:
        steps = steps_for(held(nov(6)), held(nov(20)))

        assert only(StepKind.REFLECT, steps).not_before.day == 20

    def test_done_once_reflected(self) -> None:
        steps = steps_for(held(nov(6)), event(EventKind.REFLECTED, nov(6), "12:00"))

        assert of_kind(StepKind.REFLECT, steps) == []


class TestThankYou:
    @pytest.mark.parametrize(
        ("interview", "not_before", "due"),
        [
            pytest.param(
                held(nov(6), "10:00", end=moment(nov(6), "11:30")),
                moment(nov(6), "11:30"),
                moment(nov(7), "11:30"),
                id="interview ends 11:30 -> thank-you by 11:30 the next day",
            ),
            pytest.param(
                held(nov(6), "10:00"),
                moment(nov(6), "11:00"),
                moment(nov(7), "11:00"),
                id="no end logged -> the playbook's 60 minutes",
            ),
        ],
    )
    def test_within_24_hours_of_the_end(
        self, interview: Event, not_before: datetime, due: datetime
    ) -> None:
        step = only(StepKind.THANK_YOU, steps_for(interview))

        assert (step.not_before, step.due) == (not_before, due)
        assert "within 24 hours" in step.why
        assert set(step.sources) == {sources.BEST_PRACTICES, sources.FOUR_THINGS}

    def test_24_real_hours_across_the_clock_change(self) -> None:
        # Clocks go back in Los Angeles at 02:00 on Sun 1 Nov 2026.
        interview = held(nov(31, month=10), "10:00", zone=LOS_ANGELES)
        step = only(StepKind.THANK_YOU, steps_for(interview, workdays=CALIFORNIA))

        assert step.due.timestamp() - step.not_before.timestamp() == 24 * 3600
        assert step.due.astimezone(LOS_ANGELES).hour == 10

    @pytest.mark.parametrize(
        ("sent", "still_open"),
        [
            pytest.param([thanked(nov(6))], [20], id="thanked for the first -> the second is open"),
            pytest.param(
                [thanked(nov(6), channel=Channel.CARD)],
                [20],
                id="002 Send a Thank You Email/Card -> a card is the thank-you too",
            ),
            pytest.param(
                [thanked(nov(20))], [6], id="a thank-you after the second interview is for it"
            ),
            pytest.param([thanked(nov(6)), thanked(nov(20))], [], id="one for each -> done"),
        ],
    )
    def test_one_for_each_interview(self, sent: list[Event], still_open: list[int]) -> None:
        steps = steps_for(held(nov(6)), held(nov(20), "09:00"), *sent)

        assert [s.not_before.day for s in of_kind(StepKind.THANK_YOU, steps)] == still_open


class TestHandwrittenNote:
    def test_traditional_company_gets_a_note_between_days_two_and_four(self) -> None:
        steps = steps_for(held(nov(6)), culture=Culture.TRADITIONAL)

        note = only(StepKind.HANDWRITTEN_NOTE, steps)
        assert note.all_day
        assert (ENGLAND.local_date(note.not_before), ENGLAND.local_date(note.due)) == (
            nov(8),
            nov(10),
        )
        assert note.sources == (sources.BEST_PRACTICES,)
        assert only(StepKind.THANK_YOU, steps)

    def test_modern_company_gets_none(self) -> None:
        assert of_kind(StepKind.HANDWRITTEN_NOTE, steps_for(held(nov(6)))) == []

    def test_posted_card_is_the_note_and_the_thank_you(self) -> None:
        """002: "Send a Thank You Email/Card"."""
        steps = steps_for(
            held(nov(6)), thanked(nov(7), channel=Channel.CARD), culture=Culture.TRADITIONAL
        )

        assert of_kind(StepKind.HANDWRITTEN_NOTE, steps) == []
        assert of_kind(StepKind.THANK_YOU, steps) == []

    def test_the_email_is_not_the_note(self) -> None:
        """001: "consider sending both a thank-you email and a handwritten note"."""
        steps = steps_for(held(nov(6)), thanked(nov(6)), culture=Culture.TRADITIONAL)

        assert only(StepKind.HANDWRITTEN_NOTE, steps)

    @pytest.mark.parametrize("channel", [Channel.EMAIL, Channel.CARD, None])
    def test_a_second_thank_you_is_the_note_whichever_its_channel(
        self, channel: Channel | None
    ) -> None:
        steps = steps_for(
            held(nov(6)),
            thanked(nov(6)),
            event(EventKind.THANK_YOU_SENT, nov(9), channel=channel),
            culture=Culture.TRADITIONAL,
        )

        assert of_kind(StepKind.HANDWRITTEN_NOTE, steps) == []


def _asked(day: date, clock: str = "16:00", **fields: object) -> Event:
    return event(EventKind.MATERIALS_REQUESTED, day, clock, **fields)


class TestSendMaterials:
    @pytest.mark.parametrize(
        ("request_", "due"),
        [
            pytest.param(
                _asked(nov(10)), moment(nov(11), "09:00"), id="references by tomorrow morning"
            ),
            pytest.param(
                _asked(nov(13)), moment(nov(16), "09:00"), id="asked on Friday -> by Monday morning"
            ),
            pytest.param(
                _asked(nov(24, month=12)),
                moment(nov(29, month=12), "09:00"),
                id="asked on Christmas Eve -> after Christmas, Boxing Day and the weekend",
            ),
            pytest.param(
                _asked(nov(10), due=moment(nov(12), "17:00")),
                moment(nov(12), "17:00"),
                id="by the time you promised",
            ),
        ],
    )
    def test_on_time(self, request_: Event, due: datetime) -> None:
        step = only(StepKind.SEND_MATERIALS, steps_for(request_))

        assert step.not_before == request_.at
        assert step.due == due
        assert not step.all_day
        assert step.sources == (sources.BEST_PRACTICES,)

    def test_done_once_sent(self) -> None:
        steps = steps_for(_asked(nov(10)), event(EventKind.MATERIALS_SENT, nov(10), "20:00"))

        assert of_kind(StepKind.SEND_MATERIALS, steps) == []

    def test_a_new_request_after_sending_is_open_again(self) -> None:
        steps = steps_for(
            _asked(nov(10)), event(EventKind.MATERIALS_SENT, nov(10), "20:00"), _asked(nov(12))
        )

        assert only(StepKind.SEND_MATERIALS, steps).not_before == moment(nov(12), "16:00")


def test_timed_steps_are_in_the_users_timezone() -> None:
    interview = held(nov(6), "18:00", zone=LONDON)
    step = only(StepKind.THANK_YOU, steps_for(interview, workdays=CALIFORNIA))

    assert step.due.tzinfo == LOS_ANGELES
    assert "ended at 11:00" in step.why
