"""`nextsteps activity`: learning, networking and temporary work kept as activities,
and `nextsteps report`, the record of the job search for a benefit office. Each
command imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

import click

from nextsteps.cli.app import choice_of, cli, current_user, json_option
from nextsteps.cli.parse import parse_day
from nextsteps.cli.terminal import say, visible

activity_id = click.argument("activity_id", metavar="N", type=int)


@cli.group()
def activity() -> None:
    """Learning, networking and temporary work: the habits to keep while you wait."""


@activity.command(name="add")
@click.argument("kind", type=choice_of("nextsteps.playbook.habits.ActivityKind"))
@click.argument("what")
@click.option("--at", help="The day it is for (YYYY-MM-DD; default: today).")
@click.option("--every", help="Due again this many days after each time you do it.")
def activity_add(kind: str, what: str, at: str | None, every: str | None) -> None:
    """Keep an activity: a course, a person to stay in touch with, temporary work."""
    from nextsteps.activities import services
    from nextsteps.playbook.habits import plan_label

    due = parse_day(at, "--at") if at is not None else None
    user = current_user()
    added = services.add_activity(user, kind, what, due=due, every_days=every)
    today = services.today_of(user)
    when = plan_label(added.due, added.every_days, None, today)
    say(f"Saved activity {added.id}: {visible(str(added))}, {when}.")


@activity.command(name="list")
@json_option
def activity_list(as_json: bool) -> None:
    """Your activities, those due first."""
    from nextsteps.activities import services
    from nextsteps.cli import output
    from nextsteps.playbook.habits import plan_label

    user = current_user()
    kept = services.kept_activities(user)
    if as_json:
        output.print_json([activity_row(k) for k in kept])
        return
    if not kept:
        say("No activities yet: nextsteps activity add learning|networking|temporary-work TEXT")
        return
    today = services.today_of(user)
    for each in kept:
        a = each.activity
        when = plan_label(a.due, a.every_days, each.last_done, today)
        times = {0: "not done yet", 1: "done once"}.get(
            each.times_done, f"done {each.times_done} times"
        )
        say(f"{a.id:>4}  {visible(str(a))} · {when} · {times}")


def activity_row(kept: object) -> dict[str, object]:
    from nextsteps.activities.services import Kept

    assert isinstance(kept, Kept)
    a = kept.activity
    return {
        "id": a.id,
        "kind": a.kind,
        "what": a.what,
        "every_days": a.every_days,
        "due": a.due.isoformat() if a.due else None,
        "times_done": kept.times_done,
        "last_done": kept.last_done.isoformat() if kept.last_done else None,
    }


@activity.command(name="done")
@activity_id
@click.option("--at", help="The day you did it (YYYY-MM-DD; default: today).")
def activity_done(activity_id: int, at: str | None) -> None:
    """Log that you did it; a repeated activity is planned again."""
    from nextsteps.activities import services
    from nextsteps.playbook.habits import plan_label

    day = parse_day(at, "--at") if at is not None else None
    user = current_user()
    chosen = services.activity_of(user, activity_id)
    done = services.complete_activity(chosen, day)
    today = services.today_of(user)
    when = plan_label(chosen.due, chosen.every_days, done.on, today)
    say(f"Done: {visible(str(chosen))}; {when}.")


@activity.command(name="remove")
@activity_id
def activity_remove(activity_id: int) -> None:
    """Stop keeping an activity; what you did stays in your report."""
    from nextsteps.activities import services

    chosen = services.activity_of(current_user(), activity_id)
    services.remove_activity(chosen)
    say(f"Removed activity {activity_id}: {visible(str(chosen))}.")
