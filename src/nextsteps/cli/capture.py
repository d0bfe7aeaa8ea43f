"""`nextsteps capture`: what a job posting's page says, and with --save the
application it makes. Imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

from nextsteps.cli.app import cli, current_user, now_in
from nextsteps.cli.parse import BadInput, parse_day, read_input
from nextsteps.cli.terminal import say

if TYPE_CHECKING:
    from nextsteps.capture.posting import Posting


@cli.command()
@click.argument("source", metavar="URL|FILE|-")
@click.option("--save", is_flag=True, help="Add it as an application.")
@click.option(
    "--applied",
    help="With --save: the day you sent the application (YYYY-MM-DD); its location, "
    "salary and posting day are kept with it.",
)
def capture(source: str, save: bool, applied: str | None) -> None:
    """Read a job posting: the company, the role, the location, the salary and the
    day it was posted, from the page at URL, a saved page FILE, or standard input (-).

    nextsteps reads the page's schema.org JobPosting, then its OpenGraph tags.
    """
    from nextsteps.accounts.services import profile_of
    from nextsteps.capture import services
    from nextsteps.cli import output
    from nextsteps.tracker.services import open_steps

    applied_on = parse_day(applied, "--applied") if applied is not None else None
    if applied_on is not None and not save:
        raise BadInput("--applied goes with --save: nextsteps capture URL --save --applied DAY.")
    if "://" in source:  # an address, refused in its own words unless http or https
        posting = services.posting_at(source)
    else:
        posting = services.posting_in(read_input(source).decode("utf-8", errors="replace"))
    if not posting:
        raise BadInput(f"{services.NOTHING_FOUND} Add it with nextsteps add COMPANY ROLE.")
    for line in _found(posting):
        say(line)
    if not save:
        say("Nothing was saved: run it again with --save to add it.")
        return
    named = (("company", posting.company), ("role", posting.role))
    if missing := next((name for name, value in named if not value), None):
        raise BadInput(f"The posting names no {missing}: add it with nextsteps add COMPANY ROLE.")
    application = services.add_captured(
        current_user(),
        posting.company,
        posting.role,
        location=posting.location,
        salary=posting.salary,
        posted_on=posting.posted_on,
        posting_url=posting.url,
        applied_on=applied_on,
    )
    application.refresh_from_db()
    zone = profile_of(application.owner).zone
    now = now_in(zone)
    say(output.saved_application(application, now.date()))
    steps = open_steps(application)
    say(output.first_step(application, steps[0] if steps else None, zone, now))


def _found(posting: Posting) -> list[str]:
    lines = [f"Found in the posting's {' and '.join(posting.found_in)}:"]
    rows = (
        ("Company", posting.company),
        ("Role", posting.role),
        ("Location", posting.location),
        ("Salary", posting.salary),
        ("Posted on", posting.posted_on.isoformat() if posting.posted_on else ""),
        ("Posting", posting.url),
    )
    return lines + [f"  {name:<10} {value}" for name, value in rows if value]
