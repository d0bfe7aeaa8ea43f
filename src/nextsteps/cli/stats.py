"""`nextsteps stats`: the insights page in one screen of plain text, or as JSON.
It imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from nextsteps.cli.app import cli, current_user, json_option, now_in
from nextsteps.cli.terminal import say

if TYPE_CHECKING:
    from nextsteps.insights.services import Insights
    from nextsteps.insights.wording import Section

BAR = 20  # the longest week's bar, in characters


@cli.command()
@json_option
def stats(as_json: bool) -> None:
    """Your search in figures: applications per week against your target (and the
    learning, networking and temporary work done), the pipeline, the funnel, answers,
    follow-ups and thank-you notes."""
    from nextsteps.accounts.services import profile_of
    from nextsteps.cli import output
    from nextsteps.insights.services import insights_of

    user = current_user()
    profile = profile_of(user)
    found = insights_of(user, profile.weekly_target, now_in(profile.zone))
    if as_json:
        output.print_json(figures_json(found))
    else:
        print_figures(found, output.width())


def print_figures(found: Insights, columns: int) -> None:
    from nextsteps.insights import wording
    from nextsteps.playbook.insights import JOB_CRUSH

    figures = found.figures
    say(wording.this_week(figures))
    if done := wording.activities_this_week(figures):
        say(done)
    if streak := wording.streak(figures):
        say(streak)
    if found.crush is not None:
        say(wording.crush(found.crush.company.name, found.crush.role))
        say(f"  From {JOB_CRUSH.source}")
    say()
    say("Applications per week" + (f" (target {figures.target})" if figures.target else ""))
    top = max([w.applications for w in figures.weeks] + [figures.target, 1])
    for week in figures.weeks:
        bar = "#" * round(week.applications * BAR / top)
        line = f"  {wording.week_label(week.first_day):>6}  {week.applications:>3}  {bar:<{BAR}}"
        say(f"{line}  {wording.activities(week)}".rstrip())
    for section in wording.sections(figures):
        say()
        print_section(section, columns)


def print_section(section: Section, columns: int) -> None:
    """On one line when it fits, else a line for each figure."""
    one_line = f"{section.title}: " + " · ".join(
        f"{label} {value}" for label, value in section.rows
    )
    if len(one_line) <= columns:
        say(one_line)
    else:
        say(section.title)
        widest = max(len(label) for label, _ in section.rows)
        for label, value in section.rows:
            say(f"  {label:<{widest}}  {value}")
    for source in dict.fromkeys(cited.source for cited in section.cited):
        say(f"  From {source}")


def figures_json(found: Insights) -> dict[str, Any]:
    from nextsteps.playbook.insights import (
        CANDIDATES_SEND_THANK_YOUS,
        HIRING_MANAGERS_COUNT_THANK_YOUS,
    )

    figures = found.figures
    funnel, answers = figures.funnel, figures.responses
    follow, thanks = figures.follow_ups, figures.thank_yous
    crush = found.crush
    return {
        "target": figures.target,
        "streak": figures.streak,
        "weeks": [
            {
                "week_of": w.first_day.isoformat(),
                "applications": w.applications,
                "activities": dict(w.activities),
            }
            for w in figures.weeks
        ],
        "pipeline": {stage.value: count for stage, count in figures.pipeline},
        "funnel": {
            "applied": funnel.applied,
            "interviewed": funnel.interviewed,
            "offered": funnel.offered,
        },
        "answers": {
            "sent": answers.sent,
            "answered": answers.answered,
            "rate": answers.rate,
            "median_days_to_first_answer": answers.days_to_first_answer,
            "went_silent": answers.silent,
        },
        "follow_ups": {
            "sent": follow.sent,
            "answered_within_7_days": follow.answered,
            "still_in_their_week": follow.waiting,
            "answered_share": follow.answered_share,
        },
        "thank_you_notes": {
            "interviews": thanks.interviews,
            "thanked": thanks.sent,
            "thanked_within_24_hours": thanks.sent_in_time,
            "still_in_time": thanks.in_time_still,
            "thanked_share": thanks.sent_share,
            "within_24_hours_share": thanks.in_time_share,
            "candidates_who_send_one": CANDIDATES_SEND_THANK_YOUS.share,
            "hiring_managers_who_count_them": HIRING_MANAGERS_COUNT_THANK_YOUS.share,
            "source": CANDIDATES_SEND_THANK_YOUS.source,
        },
        "job_crush": crush
        and {"application_id": crush.id, "company": crush.company.name, "role": crush.role},
    }
