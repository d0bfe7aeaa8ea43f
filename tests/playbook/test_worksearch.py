"""The record of a job search for a benefit office: what counts, what came of each
step, how it is said, and every week of the range shown, the empty ones too."""

from __future__ import annotations

from datetime import date

import pytest

from nextsteps.playbook import EventKind
from nextsteps.playbook.timeline import Channel
from nextsteps.playbook.worksearch import (
    NO_ANSWER_YET,
    RESULTS,
    WORK_SEARCH_STEPS,
    Entry,
    Happened,
    activity_entry,
    by_week,
    method,
    quiet_stretches,
    record_day,
    result,
    result_text,
    sorted_entries,
    step_entry,
    tally,
)

from .timelines import moment, nov

E = EventKind


def test_the_seekers_own_steps_count_and_the_employers_answers_are_results() -> None:
    assert {E.APPLIED, E.INTERVIEW_HELD, E.FOLLOW_UP_SENT, E.THANK_YOU_SENT} <= WORK_SEARCH_STEPS
    assert E.EMPLOYER_REPLIED not in WORK_SEARCH_STEPS
    # An interview is both: the seeker went, and it is what came of the application.
    assert {E.INTERVIEW_HELD} == WORK_SEARCH_STEPS & RESULTS
    assert E.OUT_OF_OFFICE not in RESULTS  # an automatic reply is no answer


@pytest.mark.parametrize(
    ("later", "expected"),
    [
        pytest.param([], (NO_ANSWER_YET, None), id="nothing since -> no answer yet"),
        pytest.param(
            [Happened(E.INTERVIEW_SCHEDULED, moment(nov(5))), Happened(E.REJECTED, moment(nov(9)))],
            ("Interview booked", nov(5)),
            id="an interview booked on the 5th, then a no -> the first answer",
        ),
        pytest.param(
            [Happened(E.OUT_OF_OFFICE, moment(nov(4))), Happened(E.FOLLOW_UP_SENT, moment(nov(9)))],
            (NO_ANSWER_YET, None),
            id="their out-of-office and my own follow-up -> no answer yet",
        ),
        pytest.param(
            [Happened(E.OFFER_RECEIVED, moment(nov(12)), official=True)],
            ("Offer (in writing)", nov(12)),
            id="an offer in writing",
        ),
        pytest.param(
            [Happened(E.CLOSED_NO_RESPONSE, moment(nov(30)))],
            ("Closed: no answer", nov(30)),
            id="closed without an answer -> says so",
        ),
        pytest.param(
            [Happened(E.EMPLOYER_REPLIED, moment(nov(2), "08:00"))],
            (NO_ANSWER_YET, None),
            id="an answer before the step is not its result",
        ),
    ],
)
def test_the_result_is_what_the_employer_did_next(
    later: list[Happened], expected: tuple[str, date | None]
) -> None:
    applied = Happened(E.APPLIED, moment(nov(2)))
    assert result(applied, [applied, *later]) == expected


@pytest.mark.parametrize(
    ("channel", "source", "said"),
    [
        (Channel.EMAIL, "", "E-mail"),
        (Channel.PHONE, "LinkedIn", "Phone"),
        (Channel.CARD, "", "Post"),
        (Channel.IN_PERSON, "", "In person"),
        (None, "LinkedIn", "via LinkedIn"),
        (None, "", ""),
    ],
)
def test_the_method_is_said_only_when_known(
    channel: Channel | None, source: str, said: str
) -> None:
    assert method(channel, source) == said


def test_a_step_is_a_line_with_its_employer_position_contact_and_result() -> None:
    applied = Happened(E.APPLIED, moment(nov(2)))
    follow_up = Happened(E.FOLLOW_UP_SENT, moment(nov(9)), Channel.EMAIL)
    replied = Happened(E.EMPLOYER_REPLIED, moment(nov(10)))
    timeline = [applied, follow_up, replied]
    line = step_entry(follow_up, timeline, "Acme", "Data Analyst", "Jane Doe", "LinkedIn")
    assert line == Entry(
        nov(9), "Followed up", "Acme", "Data Analyst", "Jane Doe", "E-mail", "They replied",
        nov(10), E.FOLLOW_UP_SENT,
    )  # fmt: skip
    first = step_entry(applied, timeline, "Acme", "Data Analyst", "", "LinkedIn")
    assert (first.method, first.result) == ("via LinkedIn", "They replied")
    assert result_text(first, record_day) == "They replied, Tue 10 Nov 2026"


def test_a_days_applications_come_before_its_other_activities() -> None:
    course = activity_entry(nov(9), "Learning", "SQL course")
    applied = step_entry(Happened(E.APPLIED, moment(nov(9))), [], "Acme", "Analyst", "")
    earlier = activity_entry(nov(6), "Networking", "Coffee with Jane")
    assert sorted_entries([course, applied, earlier]) == [earlier, applied, course]
    assert (course.activity, course.result) == ("Learning: SQL course", "Done")


def test_the_totals_name_each_kind_of_step() -> None:
    applied = step_entry(Happened(E.APPLIED, moment(nov(9))), [], "Acme", "Analyst", "")
    interview = step_entry(Happened(E.INTERVIEW_HELD, moment(nov(10))), [], "Acme", "Analyst", "")
    course = activity_entry(nov(9), "Learning", "SQL course")
    assert tally([applied, applied, interview, course]) == (
        "2 applications, 1 interview and 1 other activity"
    )
    assert tally([applied]) == "1 application"
    assert tally([]) == "nothing recorded"


def test_every_week_of_the_range_shows_and_empty_ones_are_said_together() -> None:
    """From Wednesday the 4th to Monday 30 November: the weeks cut to the range, the
    two weeks with nothing recorded said once."""
    first, second = (
        activity_entry(nov(5), "Learning", "a"),
        activity_entry(nov(30), "Learning", "b"),
    )
    outside = activity_entry(nov(3), "Learning", "before the range")
    weeks = by_week([outside, first, second], nov(4), nov(30))
    assert [(w.first_day, w.last_day, len(w.entries)) for w in weeks] == [
        (nov(4), nov(8), 1),
        (nov(9), nov(15), 0),
        (nov(16), nov(22), 0),
        (nov(23), nov(29), 0),
        (nov(30), nov(30), 1),
    ]
    shown = quiet_stretches(weeks)
    assert shown == [weeks[0], (nov(9), nov(29)), weeks[4]]


def test_a_long_range_is_counted_without_a_week_per_line() -> None:
    weeks = by_week([], date(1970, 1, 1), date(2028, 11, 16))
    assert len(weeks) > 3000
    assert quiet_stretches(weeks) == [(date(1970, 1, 1), date(2028, 11, 16))]
