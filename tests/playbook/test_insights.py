"""The figures of a job search: the articles' examples as tables, and what holds
for any search (shares between 0 and 1, a funnel that never widens)."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from nextsteps.playbook import EventKind, Stage, sources
from nextsteps.playbook.insights import (
    CANDIDATES_SEND_THANK_YOUS,
    HIRING_MANAGERS_COUNT_THANK_YOUS,
    JOB_CRUSH,
    Fact,
    against_target,
    by_application,
    figures,
    follow_ups,
    funnel,
    job_crush,
    responses,
    streak,
    thank_yous,
    weeks,
)

from .timelines import moment, nov

E = EventKind
NOW = moment(nov(16), "10:00")  # Monday 16 November


def facts(*rows: tuple[int, EventKind, date, str]) -> dict[int, list[Fact]]:
    return by_application(Fact(a, kind, moment(day, clock)) for a, kind, day, clock in rows)


def test_the_articles_figures_are_cited_with_their_sentences() -> None:
    assert HIRING_MANAGERS_COUNT_THANK_YOUS.share == 0.80
    assert "80% of Hiring Managers" in HIRING_MANAGERS_COUNT_THANK_YOUS.sentence
    assert CANDIDATES_SEND_THANK_YOUS.share == 0.57
    assert "57% of interviewees" in CANDIDATES_SEND_THANK_YOUS.sentence
    assert "job crush" in JOB_CRUSH.sentence
    assert JOB_CRUSH.source == sources.DONT_ASSUME
    assert HIRING_MANAGERS_COUNT_THANK_YOUS.source in sources.ALL


@pytest.mark.parametrize(
    ("applied", "target", "expected"),
    [
        pytest.param({nov(9): 5, nov(2): 5}, 5, 2, id="5 a week the last two weeks -> 2"),
        pytest.param(
            {nov(16): 5, nov(9): 5}, 5, 2, id="target reached this Monday already -> it counts"
        ),
        pytest.param({nov(16): 1, nov(9): 5}, 5, 1, id="a week under way does not break it"),
        pytest.param({nov(9): 4, nov(2): 5}, 5, 0, id="one short last week -> a fresh start"),
        pytest.param({nov(13): 3, nov(10): 2, nov(6): 5}, 5, 2, id="days add up to their week"),
        pytest.param({nov(9): 9}, 0, 0, id="no weekly target -> no streak"),
    ],
)
def test_the_streak_counts_weeks_at_the_target(
    applied: dict[date, int], target: int, expected: int
) -> None:
    assert streak(applied, nov(16), target) == expected


def test_weeks_run_monday_to_sunday_oldest_first() -> None:
    shown = weeks({nov(15): 2, nov(9): 1, nov(16): 3}, nov(18), 3)
    assert [(w.first_day, w.applications) for w in shown] == [
        (nov(2), 0),
        (nov(9), 3),
        (nov(16), 3),
    ]
    assert shown[1].last_day == nov(15)


def test_weeks_count_other_activities_by_kind() -> None:
    shown = weeks({}, nov(18), 1, {nov(16): {"learning": 1}, nov(17): {"learning": 2}})
    assert shown[0].activities == {"learning": 3}


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [(1, E.APPLIED, nov(2), "09:00"), (1, E.EMPLOYER_REPLIED, nov(5), "09:00")],
            (1, 1, 3.0, 0),
            id="applied on the 2nd, answered on the 5th -> 3 days",
        ),
        pytest.param(
            [
                (1, E.APPLIED, nov(2), "09:00"),
                (1, E.CLOSED_NO_RESPONSE, nov(13), "09:00"),
                (2, E.APPLIED, nov(2), "09:00"),
            ],
            (2, 0, None, 1),
            id="never heard back, closed as no response -> silent",
        ),
        pytest.param(
            [(1, E.APPLIED, nov(2), "09:00"), (1, E.FOLLOW_UP_SENT, nov(9), "09:00")],
            (1, 0, None, 0),
            id="our own follow-up is not an answer",
        ),
    ],
)
def test_responses(rows: list[tuple[int, EventKind, date, str]], expected: tuple) -> None:
    found = responses(facts(*rows))
    assert (found.sent, found.answered, found.days_to_first_answer, found.silent) == expected


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [(1, E.FOLLOW_UP_SENT, nov(2), "09:00"), (1, E.EMPLOYER_REPLIED, nov(6), "09:00")],
            (1, 1, 0),
            id="follow-up on the 2nd, reply on the 6th -> answered within 7 days",
        ),
        pytest.param(
            [(1, E.FOLLOW_UP_SENT, nov(2), "09:00"), (1, E.EMPLOYER_REPLIED, nov(10), "09:00")],
            (1, 0, 0),
            id="reply on the 10th -> not within 7 days",
        ),
        pytest.param(
            [(1, E.FOLLOW_UP_SENT, nov(13), "09:00")],
            (1, 0, 1),
            id="sent on Friday, no answer yet -> still waiting",
        ),
    ],
)
def test_follow_ups(rows: list[tuple[int, EventKind, date, str]], expected: tuple) -> None:
    found = follow_ups(facts(*rows), NOW)
    assert (found.sent, found.answered, found.waiting) == expected


def interview(application: int, day: date, start: str, end: str) -> Fact:
    return Fact(application, E.INTERVIEW_HELD, moment(day, start), moment(day, end))


@pytest.mark.parametrize(
    ("notes", "expected"),
    [
        pytest.param([moment(nov(6), "15:00")], (1, 1, 1, 0), id="note the same afternoon"),
        pytest.param([moment(nov(7), "10:30")], (1, 1, 1, 0), id="next morning -> within 24 h"),
        pytest.param([moment(nov(9), "09:00")], (1, 1, 0, 0), id="on Monday -> sent, late"),
        pytest.param([], (1, 0, 0, 0), id="no note"),
    ],
)
def test_thank_yous_within_24_hours_of_the_interviews_end(
    notes: list, expected: tuple[int, int, int, int]
) -> None:
    """002: "Just make sure you send it within the next 24 hours"."""
    held = [interview(1, nov(6), "10:00", "11:00")]
    sent = [Fact(1, E.THANK_YOU_SENT, at) for at in notes]
    found = thank_yous(by_application(held + sent), NOW)
    assert (found.interviews, found.sent, found.sent_in_time, found.in_time_still) == expected


def test_an_interview_this_morning_is_not_counted_yet() -> None:
    found = thank_yous(by_application([interview(1, nov(16), "08:00", "09:00")]), NOW)
    assert (found.interviews, found.in_time_still, found.sent_share) == (1, 1, None)


def test_one_note_thanks_one_interview() -> None:
    timeline = [
        interview(1, nov(2), "10:00", "11:00"),
        Fact(1, E.THANK_YOU_SENT, moment(nov(2), "15:00")),
        interview(1, nov(9), "10:00", "11:00"),
    ]
    found = thank_yous(by_application(timeline), NOW)
    assert (found.interviews, found.sent, found.sent_share) == (2, 1, 0.5)


@pytest.mark.parametrize(
    ("rows", "expected"),
    [
        pytest.param(
            [(1, E.APPLIED, nov(2), "09:00"), (1, E.INTERVIEW_HELD, nov(9), "10:00")],
            1,
            id="only Acme these two weeks, no offer yet -> job crush",
        ),
        pytest.param(
            [(1, E.INTERVIEW_HELD, nov(9), "10:00"), (2, E.APPLIED, nov(12), "09:00")],
            None,
            id="another application sent meanwhile -> no crush",
        ),
        pytest.param(
            [(1, E.INTERVIEW_HELD, nov(9), "10:00"), (1, E.OFFER_RECEIVED, nov(13), "09:00")],
            None,
            id="the offer came -> no crush",
        ),
        pytest.param(
            [(1, E.APPLIED, nov(1), "09:00"), (2, E.APPLIED, nov(1), "09:00")],
            None,
            id="nothing done in two weeks -> the weekly target speaks, not the crush",
        ),
    ],
)
def test_job_crush(rows: list[tuple[int, EventKind, date, str]], expected: int | None) -> None:
    assert job_crush(facts(*rows), NOW) == expected


def test_the_funnel_counts_how_far_each_application_got() -> None:
    found = funnel(
        facts(
            (1, E.APPLIED, nov(2), "09:00"),
            (2, E.APPLIED, nov(2), "09:00"),
            (2, E.INTERVIEW_HELD, nov(9), "10:00"),
            (3, E.OFFER_RECEIVED, nov(9), "10:00"),  # an offer straight away
        )
    )
    assert (found.applied, found.interviewed, found.offered) == (3, 2, 1)


def test_the_pipeline_leaves_closed_applications_out() -> None:
    found = figures({}, {"applied": 3, "closed": 9, "offer": 1}, [], 5, NOW)
    assert found.pipeline == [
        (Stage.SAVED, 0),
        (Stage.APPLIED, 3),
        (Stage.INTERVIEWING, 0),
        (Stage.OFFER, 1),
    ]


fact_strategy = st.builds(
    Fact,
    application=st.integers(1, 4),
    kind=st.sampled_from(EventKind),
    at=st.integers(0, 60 * 24).map(lambda hours: NOW - timedelta(hours=hours)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(fact_strategy, max_size=30))
def test_shares_stay_between_0_and_1_and_the_funnel_never_widens(found: list[Fact]) -> None:
    result = figures({}, {}, found, 5, NOW)
    shares = [
        result.funnel.interview_share,
        result.funnel.offer_share,
        result.responses.rate,
        result.follow_ups.answered_share,
        result.thank_yous.sent_share,
        result.thank_yous.in_time_share,
    ]
    assert all(s is None or 0 <= s <= 1 for s in shares)
    assert result.funnel.applied >= result.funnel.interviewed >= result.funnel.offered
    assert result.thank_yous.sent_in_time <= result.thank_yous.sent <= result.thank_yous.counted
    assert result.responses.silent <= len({f.application for f in found})
    if result.responses.days_to_first_answer is not None:
        assert result.responses.days_to_first_answer >= 0


@settings(max_examples=100, deadline=None)
@given(
    st.dictionaries(
        st.integers(0, 200).map(lambda n: nov(16) - timedelta(days=n)), st.integers(0, 9)
    ),
    st.integers(1, 10),
)
def test_the_streak_never_outruns_the_weeks_with_applications(
    applied: dict[date, int], target: int
) -> None:
    run = streak(applied, nov(16), target)
    weeks_at_target = {w.first_day for w in weeks(applied, nov(16), 40) if w.applications >= target}
    assert run <= len(weeks_at_target)


@pytest.mark.parametrize(
    ("applied", "target", "said"),
    [
        (1, 5, "1 application this week, of your target of 5: 4 more to go."),
        (0, 1, "0 applications this week, of your target of 1: 1 more to go."),
        (6, 5, "6 applications this week: your target of 5 is met."),
        (2, 0, "2 applications this week. You have no weekly target."),
    ],
)
def test_the_week_against_the_target(applied: int, target: int, said: str) -> None:
    assert against_target(applied, target) == said
