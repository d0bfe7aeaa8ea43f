"""The figures of a job search, from plain values: applications per week against
the weekly target, the pipeline, the funnel, how employers answer, how the
follow-ups and thank-you notes went, and whether all the effort went into one
application.

Pure: the events come in as `Fact`s, the clock as `now` (on the user's clock).
"""

from __future__ import annotations

import statistics
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta

from nextsteps.playbook import sources
from nextsteps.playbook.timeline import EMPLOYER_ANSWERS, OUTCOMES, EventKind, Stage

# 004: "Mark in your calendar to follow-up seven days after the interview"; an
# answer within that week counts as an answer to the follow-up.
FOLLOW_UP_ANSWER_WINDOW = timedelta(days=7)
# 002: "Just make sure you send it within the next 24 hours".
THANK_YOU_WINDOW = timedelta(hours=24)
# "Recent" for the job crush: two weeks, a follow-up's week and the one before it.
CRUSH_WINDOW = timedelta(days=14)
# The active pipeline, in the order an application moves through it.
# The weeks the page and `nextsteps stats` show, this one included.
WEEKS_SHOWN = 8
ACTIVE_STAGES = (Stage.SAVED, Stage.APPLIED, Stage.INTERVIEWING, Stage.OFFER)
INTERVIEWS = frozenset({EventKind.INTERVIEW_SCHEDULED, EventKind.INTERVIEW_HELD})
OFFERED = frozenset({EventKind.OFFER_RECEIVED, EventKind.OFFER_ACCEPTED, EventKind.OFFER_DECLINED})


@dataclass(frozen=True)
class Cited:
    """A sentence of an article, with the article's title, and the share it gives."""

    sentence: str
    source: str
    share: float | None = None


HIRING_MANAGERS_COUNT_THANK_YOUS = Cited(
    "According to a recent survey, 80% of Hiring Managers consider a thank-you note "
    "influential when evaluating candidates.",
    sources.FOUR_THINGS,
    0.80,
)
CANDIDATES_SEND_THANK_YOUS = Cited(
    "If you take into account that, according to CareerBuilder, only 57% of interviewees "
    "send that important follow-up, simply taking a few minutes to reach out could put "
    "you ahead of your fellow candidates.",
    sources.FOUR_THINGS,
    0.57,
)
JOB_CRUSH = Cited(
    "Therefore, it\u2019s important not to get too wrapped up in a particular company until "
    "you have an offer of employment solidified. This is known as having a \u201cjob "
    "crush\u201d and it can be detrimental to your career.",
    sources.DONT_ASSUME,
)
KEEP_APPLYING = Cited(
    "While you should think positive thoughts, don\u2019t stop your job search, at least not yet.",
    sources.FOUR_THINGS,
)


@dataclass(frozen=True)
class Fact:
    """One event of an application, reduced to what the figures read. `end` is an
    interview's end."""

    application: int
    kind: EventKind
    at: datetime
    end: datetime | None = None


@dataclass(frozen=True)
class Week:
    """Monday to Sunday on the user's calendar; `activities` counts other work-search
    activity by kind (learning, networking...)."""

    first_day: date
    applications: int
    activities: Mapping[str, int] = field(default_factory=dict)

    @property
    def last_day(self) -> date:
        return self.first_day + timedelta(days=6)


def monday_of(day: date) -> date:
    return day - timedelta(days=day.weekday())


def weeks(
    applied_per_day: Mapping[date, int],
    today: date,
    count: int,
    activities_per_day: Mapping[date, Mapping[str, int]] | None = None,
) -> list[Week]:
    """The last `count` weeks, this one included, oldest first."""
    this_monday = monday_of(today)
    firsts = [this_monday - timedelta(weeks=n) for n in reversed(range(count))]
    applied: dict[date, int] = defaultdict(int)
    for day, number in applied_per_day.items():
        applied[monday_of(day)] += number
    activities: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for day, kinds in (activities_per_day or {}).items():
        for kind, number in kinds.items():
            activities[monday_of(day)][kind] += number
    return [Week(first, applied[first], dict(activities.get(first, {}))) for first in firsts]


def streak(applied_per_day: Mapping[date, int], today: date, target: int) -> int:
    """Weeks in a row at the weekly target, up to last week, and this week too once
    it reached the target: a week still under way does not break the streak.
    No target, no streak."""
    if target <= 0:
        return 0
    per_week: dict[date, int] = defaultdict(int)
    for day, number in applied_per_day.items():
        per_week[monday_of(day)] += number
    monday = monday_of(today)
    run = 1 if per_week[monday] >= target else 0
    week = monday - timedelta(weeks=1)
    while per_week.get(week, 0) >= target:
        run += 1
        week -= timedelta(weeks=1)
    return run


def against_target(applied: int, target: int) -> str:
    """This week's applications against the weekly target, in the words Today, Insights
    and `nextsteps stats` all use: `2 applications this week, of your target of 5: 3 more to go.`"""
    done = f"{applied} application" if applied == 1 else f"{applied} applications"
    if target <= 0:
        return f"{done} this week. You have no weekly target."
    if applied >= target:
        return f"{done} this week: your target of {target} is met."
    return f"{done} this week, of your target of {target}: {target - applied} more to go."


def active_pipeline(stage_counts: Mapping[str, int]) -> list[tuple[Stage, int]]:
    """The applications still in play, by stage; closed ones are not in the pipeline."""
    return [(stage, stage_counts.get(stage, 0)) for stage in ACTIVE_STAGES]


def share(part: int, whole: int) -> float | None:
    """`part` of `whole`, between 0 and 1; None when there is nothing to share out."""
    return part / whole if whole else None


@dataclass(frozen=True)
class Funnel:
    """Applications that got at least this far. An offer without an interview (it
    happens) still went through the interview's step of the funnel."""

    applied: int
    interviewed: int
    offered: int

    @property
    def interview_share(self) -> float | None:
        return share(self.interviewed, self.applied)

    @property
    def offer_share(self) -> float | None:
        return share(self.offered, self.interviewed)


@dataclass(frozen=True)
class Responses:
    """Of the applications sent, how many the employer answered, and how soon."""

    sent: int
    answered: int
    days_to_first_answer: float | None  # the median
    silent: int  # closed as no response

    @property
    def rate(self) -> float | None:
        return share(self.answered, self.sent)


@dataclass(frozen=True)
class FollowUps:
    """Follow-ups sent, and how many got an answer within the week after them;
    those sent less than a week ago and not yet answered are still waiting."""

    sent: int
    answered: int
    waiting: int

    @property
    def answered_share(self) -> float | None:
        return share(self.answered, self.sent - self.waiting)


@dataclass(frozen=True)
class ThankYous:
    """Interviews held, and how many had a thank-you note, and within 24 hours of
    the interview's end. Interviews that ended less than 24 hours ago without one
    are still in time, and not counted yet."""

    interviews: int
    sent: int
    sent_in_time: int
    in_time_still: int

    @property
    def counted(self) -> int:
        return self.interviews - self.in_time_still

    @property
    def sent_share(self) -> float | None:
        return share(self.sent, self.counted)

    @property
    def in_time_share(self) -> float | None:
        return share(self.sent_in_time, self.counted)


def by_application(facts: Iterable[Fact]) -> dict[int, list[Fact]]:
    """Each application's facts, in the order they happened."""
    grouped: dict[int, list[Fact]] = defaultdict(list)
    for fact in facts:
        grouped[fact.application].append(fact)
    for timeline in grouped.values():
        timeline.sort(key=lambda f: f.at)
    return grouped


def funnel(timelines: Mapping[int, list[Fact]]) -> Funnel:
    applied = interviewed = offered = 0
    for timeline in timelines.values():
        kinds = {f.kind for f in timeline}
        applied += 1
        if kinds & OFFERED:
            offered += 1
        if kinds & (INTERVIEWS | OFFERED):
            interviewed += 1
    return Funnel(applied, interviewed, offered)


def responses(timelines: Mapping[int, list[Fact]]) -> Responses:
    sent = answered = silent = 0
    waits: list[float] = []
    for timeline in timelines.values():
        outcomes = [f for f in timeline if f.kind in OUTCOMES]
        if outcomes and outcomes[-1].kind == EventKind.CLOSED_NO_RESPONSE:
            silent += 1
        applied = next((f for f in timeline if f.kind == EventKind.APPLIED), None)
        if applied is None:
            continue
        sent += 1
        answer = next(
            (f for f in timeline if f.kind in EMPLOYER_ANSWERS and f.at >= applied.at), None
        )
        if answer is not None:
            answered += 1
            waits.append((answer.at - applied.at) / timedelta(days=1))
    median = statistics.median(waits) if waits else None
    return Responses(sent, answered, median, silent)


def follow_ups(timelines: Mapping[int, list[Fact]], now: datetime) -> FollowUps:
    sent = answered = waiting = 0
    for timeline in timelines.values():
        answers = [f.at for f in timeline if f.kind in EMPLOYER_ANSWERS]
        for fact in timeline:
            if fact.kind != EventKind.FOLLOW_UP_SENT:
                continue
            sent += 1
            window_end = fact.at + FOLLOW_UP_ANSWER_WINDOW
            if any(fact.at < at <= window_end for at in answers):
                answered += 1
            elif now < window_end:
                waiting += 1
    return FollowUps(sent, answered, waiting)


def thank_yous(timelines: Mapping[int, list[Fact]], now: datetime) -> ThankYous:
    """A thank-you note answers the interview before it: one note per interview,
    sent after it ended (or began, for one whose end was not given) and before the
    next interview of the same application."""
    interviews = sent = sent_in_time = in_time_still = 0
    for timeline in timelines.values():
        held = [f for f in timeline if f.kind == EventKind.INTERVIEW_HELD]
        notes = [f.at for f in timeline if f.kind == EventKind.THANK_YOU_SENT]
        for n, interview in enumerate(held):
            interviews += 1
            ended = interview.end or interview.at
            until = held[n + 1].at if n + 1 < len(held) else None
            note = next(
                (at for at in notes if at >= interview.at and (until is None or at < until)),
                None,
            )
            if note is not None:
                sent += 1
                sent_in_time += note <= ended + THANK_YOU_WINDOW
            elif now < ended + THANK_YOU_WINDOW:
                in_time_still += 1
    return ThankYous(interviews, sent, sent_in_time, in_time_still)


def job_crush(timelines: Mapping[int, list[Fact]], now: datetime) -> int | None:
    """The application all of the last two weeks' activity was on, when it is still
    open: 003's "job crush". None when the effort went to more than one, or nowhere."""
    since = now - CRUSH_WINDOW
    recent = {a for a, timeline in timelines.items() if any(f.at >= since for f in timeline)}
    if len(recent) != 1:
        return None
    (only,) = recent
    if any(f.kind in OUTCOMES for f in timelines[only]):
        return None
    return only


@dataclass(frozen=True)
class Figures:
    weeks: list[Week]
    target: int
    streak: int
    pipeline: list[tuple[Stage, int]]
    funnel: Funnel
    responses: Responses
    follow_ups: FollowUps
    thank_yous: ThankYous
    crush: int | None  # the application of the job crush


def figures(
    applied_per_day: Mapping[date, int],
    stage_counts: Mapping[str, int],
    facts: Iterable[Fact],
    target: int,
    now: datetime,
    activities_per_day: Mapping[date, Mapping[str, int]] | None = None,
    week_count: int = WEEKS_SHOWN,
) -> Figures:
    """All the figures of the insights page and `nextsteps stats`. `activities_per_day`:
    the other work-search activities done each day (learning, networking...), by name."""
    timelines = by_application(facts)
    today = now.date()
    return Figures(
        weeks=weeks(applied_per_day, today, week_count, activities_per_day),
        target=target,
        streak=streak(applied_per_day, today, target),
        pipeline=active_pipeline(stage_counts),
        funnel=funnel(timelines),
        responses=responses(timelines),
        follow_ups=follow_ups(timelines, now),
        thank_yous=thank_yous(timelines, now),
        crush=job_crush(timelines, now),
    )
