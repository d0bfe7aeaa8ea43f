"""What holds for every timeline, not just the articles' examples."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from hypothesis import given, settings
from hypothesis import strategies as st

from nextsteps.playbook import (
    OUTCOMES,
    PLAYBOOK_NAMES,
    Channel,
    Culture,
    Event,
    EventKind,
    Playbook,
    Step,
    StepKind,
    Timeline,
    Workdays,
    load_playbook,
    next_step,
    plan,
    public_holidays,
    sources,
)
from nextsteps.playbook.cadence import current_round, interview_end
from nextsteps.playbook.timeline import ASKS_FOR_CONTACT
from nextsteps.playbook.workdays import MORNING

CALENDARS = [
    Workdays(ZoneInfo("UTC")),
    Workdays(ZoneInfo("America/Los_Angeles"), holidays=public_holidays("US", "CA")),
    Workdays(ZoneInfo("Europe/London"), holidays=public_holidays("GB", "ENG")),
    Workdays(ZoneInfo("Asia/Jerusalem"), working_days=frozenset({6, 0, 1, 2, 3})),
    Workdays(ZoneInfo("Pacific/Auckland"), holidays=public_holidays("NZ")),
]
OPEN_KINDS = sorted(set(EventKind) - OUTCOMES)
# Mostly interviews, answers and follow-ups, so plans get long before an outcome.
COMMON_KINDS = [
    EventKind.INTERVIEW_HELD,
    EventKind.INTERVIEW_SCHEDULED,
    EventKind.FOLLOW_UP_SENT,
    EventKind.FOLLOW_UP_SENT,
    EventKind.EMPLOYER_REPLIED,
    EventKind.APPLIED,
]


@st.composite
def events(draw: st.DrawFn, at: datetime, workdays: Workdays) -> Event:
    roll = draw(st.integers(0, 19))
    if roll == 0:
        kind = draw(st.sampled_from(sorted(OUTCOMES)))
    elif roll < 10:
        kind = draw(st.sampled_from(COMMON_KINDS))
    else:
        kind = draw(st.sampled_from(OPEN_KINDS))
    # Mostly on the user's clock, as the shell passes them; sometimes in UTC.
    at = at.astimezone(draw(st.sampled_from([workdays.timezone, workdays.timezone, UTC])))
    later_day = st.integers(0, 30).map(lambda n: at.date() + timedelta(days=n))
    later_moment = st.integers(1, 60 * 24 * 5).map(lambda n: at + timedelta(minutes=n))
    wait_until = draw(st.none() | st.none() | later_day)
    contact_on = None
    if kind in ASKS_FOR_CONTACT and draw(st.integers(0, 3)) == 0:
        contact_on = max(draw(later_day), wait_until or at.date())
    return Event(
        kind=kind,
        at=at,
        end=draw(st.none() | later_moment),
        decision_by=draw(st.none() | st.none() | later_day),
        wait_until=wait_until,
        due=draw(st.none() | later_moment),
        channel=draw(st.none() | st.sampled_from(Channel)),
        official=draw(st.booleans()),
        contact_on=contact_on,
    )


@st.composite
def cases(draw: st.DrawFn) -> tuple[Timeline, Playbook, Workdays]:
    workdays = draw(st.sampled_from(CALENDARS))
    at = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=draw(st.integers(0, 60 * 24 * 400)))
    happened = []
    for _ in range(draw(st.integers(0, 10))):
        # Strictly increasing times: the order of events never depends on input order.
        at += timedelta(minutes=draw(st.integers(1, 60 * 24 * 12)))
        happened.append(draw(events(at, workdays)))
    timeline = Timeline(tuple(happened), culture=draw(st.sampled_from(Culture)))
    return timeline, load_playbook(draw(st.sampled_from(PLAYBOOK_NAMES))), workdays


def _follow_ups(steps: list[Step]) -> list[Step]:
    return [s for s in steps if s.kind == StepKind.FOLLOW_UP]


def _latest(values: list[date | None]) -> date | None:
    stated = [v for v in values if v is not None]
    return stated[-1] if stated else None


def _asked_for(timeline: Timeline, workdays: Workdays) -> set[date]:
    """The days the employer asked you to get in touch, as working days."""
    return {workdays.on_or_after(e.contact_on) for e in timeline.events if e.contact_on}


@settings(max_examples=200)
@given(cases())
def test_no_follow_up_before_their_decision_date_or_their_wait_date(
    case: tuple[Timeline, Playbook, Workdays],
) -> None:
    timeline, playbook, workdays = case
    decision = _latest([e.decision_by for e in timeline.events])
    wait = _latest([e.wait_until for e in timeline.events])

    for step in plan(timeline, playbook, workdays):
        if step.kind not in {StepKind.FOLLOW_UP, StepKind.CHECK_IN, StepKind.MOVE_ON}:
            continue
        day = workdays.local_date(step.due)
        assert workdays.is_working_day(day)
        if step.kind == StepKind.FOLLOW_UP and day in _asked_for(timeline, workdays):
            continue  # 001: "unless they specifically asked you to"
        assert decision is None or day > decision
        assert wait is None or day >= wait
        assert workdays.is_working_day(day)


@settings(max_examples=200)
@given(cases())
def test_not_one_day_earlier_than_seven_days_without_a_date_of_theirs(
    case: tuple[Timeline, Playbook, Workdays],
) -> None:
    timeline, playbook, workdays = case
    round_ = current_round(timeline)
    if round_ is None or any(e.decision_by or e.contact_on for e in timeline.events):
        return
    earliest = workdays.local_date(round_.start.at) + timedelta(days=playbook.follow_up_after_days)

    for step in _follow_ups(plan(timeline, playbook, workdays)):
        assert workdays.local_date(step.due) >= earliest


OUTCOME_STEPS = {StepKind.REPLY_TO_REJECTION, StepKind.ASK_FOR_WRITTEN_OFFER, StepKind.ANSWER_OFFER}


@settings(max_examples=200)
@given(cases())
def test_no_follow_up_after_an_outcome_only_the_outcomes_own_steps(
    case: tuple[Timeline, Playbook, Workdays],
) -> None:
    timeline, playbook, workdays = case
    kinds = [s.kind for s in plan(timeline, playbook, workdays)]

    if timeline.outcome is not None:
        assert set(kinds) <= OUTCOME_STEPS
        assert len(kinds) <= 1
    else:
        assert not set(kinds) & OUTCOME_STEPS


@settings(max_examples=200)
@given(cases(), st.integers(0, 60 * 24 * 90))
def test_no_step_stays_overdue_past_its_window(
    case: tuple[Timeline, Playbook, Workdays], minutes: int
) -> None:
    """A step still shown at `now` is overdue by at most its playbook window; a step
    with no window is one the playbook says never lapses."""
    timeline, playbook, workdays = case
    steps = plan(timeline, playbook, workdays)
    now = (timeline.events[0].at if timeline.events else workdays.at(date(2026, 1, 1))) + timedelta(
        minutes=minutes
    )

    for step in steps:
        window = playbook.lapse_window(step.kind)
        if window is None:
            assert step.lapses is None
            continue
        assert step.lapses is not None
        if step.lapsed(now):
            continue
        # Still shown: its due day (a step for a day is due all day) plus its window.
        due = workdays.at(workdays.local_date(step.due), time(23, 59)) if step.all_day else step.due
        assert now.timestamp() < (due + window).timestamp() + 60


@settings(max_examples=200)
@given(cases(), st.integers(0, 60 * 24 * 90))
def test_an_applications_next_step_is_always_one_still_worth_doing(
    case: tuple[Timeline, Playbook, Workdays], minutes: int
) -> None:
    timeline, playbook, workdays = case
    steps = plan(timeline, playbook, workdays)
    now = (timeline.events[0].at if timeline.events else workdays.at(date(2026, 1, 1))) + timedelta(
        minutes=minutes
    )

    step = next_step(steps, now)
    worth_doing = [s for s in steps if not s.lapsed(now)]
    if step is None:
        assert worth_doing == []
    else:
        assert not step.lapsed(now)
        assert step.due.timestamp() == min(s.due.timestamp() for s in worth_doing)


@settings(max_examples=200)
@given(cases())
def test_never_more_follow_ups_than_the_playbook_allows(
    case: tuple[Timeline, Playbook, Workdays],
) -> None:
    timeline, playbook, workdays = case
    follow_ups = _follow_ups(plan(timeline, playbook, workdays))

    assert len(follow_ups) <= 1
    for step in follow_ups:
        assert step.attempt is not None
        assert step.attempt >= 1
        limit = playbook.follow_up_attempts
        asked = workdays.local_date(step.due) in _asked_for(timeline, workdays)
        assert limit is None or step.attempt <= limit or asked


@settings(max_examples=150)
@given(cases(), st.lists(st.sampled_from(["reply", "reply with a date", "nothing"]), max_size=6))
def test_following_the_plan_sends_at_most_the_playbooks_count_per_round(
    case: tuple[Timeline, Playbook, Workdays], answers: list[str]
) -> None:
    """004: follow up seven days after the interview, "follow up again in another seven
    days", and "If they haven't decided by then, don't follow up again." Whatever they
    answer in between, unless they ask to hear from you."""
    timeline, playbook, workdays = case
    if playbook.follow_up_attempts is None or any(e.contact_on for e in timeline.events):
        return
    events = [e for e in timeline.events if e.kind not in OUTCOMES]
    after_all = max([workdays.local_date(e.at) for e in events], default=date(2026, 1, 1))
    interview = Event(EventKind.INTERVIEW_HELD, workdays.at(after_all + timedelta(days=1)))
    events.append(interview)
    for answer in [*answers, "nothing", "nothing"]:
        steps = _follow_ups(plan(Timeline(tuple(events)), playbook, workdays))
        if not steps:
            break
        sent = steps[0].due
        events.append(Event(EventKind.FOLLOW_UP_SENT, sent))
        if answer != "nothing":
            said = workdays.local_date(sent) + timedelta(days=3)
            decision = said + timedelta(days=4) if answer == "reply with a date" else None
            events.append(
                Event(EventKind.EMPLOYER_REPLIED, workdays.at(said), decision_by=decision)
            )

    sent_in_round = [
        e for e in events if e.kind == EventKind.FOLLOW_UP_SENT and e.at > interview.at
    ]
    assert len(sent_in_round) <= playbook.follow_up_attempts


@settings(max_examples=200)
@given(cases())
def test_every_step_says_why_and_cites_an_article(
    case: tuple[Timeline, Playbook, Workdays],
) -> None:
    for step in plan(*case):
        assert step.why.strip()
        assert step.sources
        assert set(step.sources) <= set(sources.ALL)


@settings(max_examples=200)
@given(cases())
def test_a_thank_you_is_due_within_24_hours_of_its_interviews_end(
    case: tuple[Timeline, Playbook, Workdays],
) -> None:
    timeline, playbook, workdays = case
    ends = {
        interview_end(e, playbook).timestamp() for e in timeline.of_kind(EventKind.INTERVIEW_HELD)
    }

    for step in plan(timeline, playbook, workdays):
        if step.kind == StepKind.THANK_YOU:
            assert step.not_before.timestamp() in ends
            assert (
                step.due.timestamp() - step.not_before.timestamp()
                == playbook.thank_you_hours * 3600
            )


@settings(max_examples=200)
@given(cases())
def test_plan_is_deterministic_sorted_and_never_due_before_it_may_be_done(
    case: tuple[Timeline, Playbook, Workdays],
) -> None:
    timeline, playbook, workdays = case
    steps = plan(timeline, playbook, workdays)

    assert steps == plan(timeline, playbook, workdays)
    shuffled = Timeline(tuple(reversed(timeline.events)), timeline.culture)
    assert steps == plan(shuffled, playbook, workdays)
    order = [(s.due.timestamp(), s.kind.value) for s in steps]
    assert order == sorted(order)
    for step in steps:
        assert step.due.timestamp() >= step.not_before.timestamp()
        if step.all_day:
            assert step.due.astimezone(workdays.timezone).time() == MORNING
