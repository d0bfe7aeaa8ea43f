"""The figures in words, once: the insights page and `nextsteps stats` both say them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from nextsteps.playbook.humandates import MONTHS
from nextsteps.playbook.insights import (
    CANDIDATES_SEND_THANK_YOUS,
    HIRING_MANAGERS_COUNT_THANK_YOUS,
    Cited,
    Figures,
    Week,
    against_target,
)

NOTHING_YET = "none yet"


def percent(share: float | None) -> str:
    return NOTHING_YET if share is None else f"{round(share * 100)}%"


def out_of(part: int, whole: int, share: float | None) -> str:
    """`3 of 10 (30%)`."""
    return NOTHING_YET if share is None else f"{part} of {whole} ({percent(share)})"


def days(value: float | None) -> str:
    if value is None:
        return NOTHING_YET
    rounded = round(value, 1)
    number = f"{rounded:g}"
    return f"{number} day" if rounded == 1 else f"{number} days"


def week_label(first_day: date) -> str:
    """`16 Nov`: the Monday a week starts on."""
    return f"{first_day.day} {MONTHS[first_day.month - 1][:3]}"


def this_week(found: Figures) -> str:
    return against_target(found.weeks[-1].applications, found.target)


def activities(week: Week) -> str:
    """`Learning 2, Networking 1`: the week's other work-search activities; empty for none."""
    return ", ".join(f"{name} {count}" for name, count in sorted(week.activities.items()))


def activities_this_week(found: Figures) -> str | None:
    """Said only when there were some: learning, networking and temporary work count
    in the search as well as applications."""
    done = activities(found.weeks[-1])
    return f"Also this week: {done}." if done else None


def streak(found: Figures) -> str | None:
    """Said only when there is a streak: a week under target is a fresh start, not news."""
    if found.streak <= 0:
        return None
    if found.streak == 1:
        return "One week at your target so far."
    return f"{found.streak} weeks in a row at your target."


def crush(company: str, role: str) -> str:
    return (
        f"Everything you did in the last two weeks was for {role} at {company}. "
        "Until an offer is in writing, keep applying elsewhere too."
    )


@dataclass(frozen=True)
class Section:
    title: str
    rows: list[tuple[str, str]]
    cited: tuple[Cited, ...] = ()


def sections(found: Figures) -> list[Section]:
    funnel, answers = found.funnel, found.responses
    follow, thanks = found.follow_ups, found.thank_yous
    return [
        Section(
            "Active pipeline",
            [(stage.value.capitalize(), str(count)) for stage, count in found.pipeline],
        ),
        Section(
            "Funnel",
            [
                ("Applied", str(funnel.applied)),
                ("Interviewed", out_of(funnel.interviewed, funnel.applied, funnel.interview_share)),
                ("Offered", out_of(funnel.offered, funnel.interviewed, funnel.offer_share)),
            ],
        ),
        Section(
            "Answers",
            [
                ("Answered", out_of(answers.answered, answers.sent, answers.rate)),
                ("Time to first answer (median)", days(answers.days_to_first_answer)),
                ("Went silent (closed as no response)", str(answers.silent)),
                (
                    "Follow-ups answered within 7 days",
                    out_of(follow.answered, follow.sent - follow.waiting, follow.answered_share),
                ),
                ("Follow-ups still in their week", str(follow.waiting)),
            ],
        ),
        Section(
            "Thank-you notes",
            [
                ("Interviews thanked", out_of(thanks.sent, thanks.counted, thanks.sent_share)),
                (
                    "Thanked within 24 hours",
                    out_of(thanks.sent_in_time, thanks.counted, thanks.in_time_share),
                ),
                ("Candidates who send one", percent(CANDIDATES_SEND_THANK_YOUS.share)),
                ("Hiring managers who count them", percent(HIRING_MANAGERS_COUNT_THANK_YOUS.share)),
            ],
            (HIRING_MANAGERS_COUNT_THANK_YOUS, CANDIDATES_SEND_THANK_YOUS),
        ),
    ]
