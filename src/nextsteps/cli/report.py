"""`nextsteps report`: the record of your job search that benefit offices ask for, as
CSV or PDF. It imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

import click

from nextsteps.cli.app import choice_of, cli, current_user, now_in
from nextsteps.cli.data import write
from nextsteps.cli.terminal import say


@cli.command()
@click.option("--from", "first", required=True, help="The first day (YYYY-MM-DD).")
@click.option("--to", "last", help="The last day (YYYY-MM-DD; default: today).")
@click.option(
    "--format",
    "kind",
    type=choice_of("nextsteps.playbook.worksearch.FORMATS"),
    help="pdf to print or attach, csv for a spreadsheet (default: --out's ending, else pdf).",
)
@click.option(
    "--out",
    type=click.Path(dir_okay=False, allow_dash=True),
    help="The file to write (- for standard output; default: work-search-FROM-to-TO.pdf "
    "here for a PDF, standard output for CSV).",
)
def report(first: str, last: str | None, kind: str | None, out: str | None) -> None:
    """Every work-search activity from one day to another (applications, interviews,
    thank-you notes, follow-ups, learning, networking, temporary work) with its date,
    employer, position, contact, method and result, as unemployment offices ask for."""
    from nextsteps.accounts.services import profile_of
    from nextsteps.insights.report import work_search_record
    from nextsteps.insights.report_files import as_file, file_name

    user = current_user()
    profile = profile_of(user)
    now = now_in(profile.zone)
    kind = kind or ("csv" if out and out.lower().endswith(".csv") else "pdf")
    record = work_search_record(user, profile, first, last or now.date(), now)
    target = out or ("-" if kind == "csv" else file_name(record, kind))
    if target != "-":
        say(f"{len(record.entries)} entries from {record.first} to {record.last}.")
    write(target, as_file(record, kind))
