"""`nextsteps import`: a spreadsheet or another tracker's export, checked first with
--dry-run. Imports what it uses in its body (see cli/app.py)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from typing import TYPE_CHECKING, Any

import click

from nextsteps.cli.app import choice_of, cli, current_user
from nextsteps.cli.parse import read_input
from nextsteps.cli.terminal import say

if TYPE_CHECKING:
    from collections.abc import Callable

    from nextsteps.imports.services import Report

# Fewer applications than this are written before a bar could show anything.
BAR_FROM = 50


@cli.command(name="import")
@click.argument("file", metavar="FILE")
@click.option(
    "--format",
    "chosen",
    type=choice_of("nextsteps.imports.columns.Format"),
    default="auto",
    show_default=True,
    help="Whose export FILE is; auto tells by its columns. generic: any CSV with a company "
    "and a role column (status, applied date, url, salary and notes are read too).",
)
@click.option("--dry-run", is_flag=True, help="Show what would be imported; write nothing.")
def import_file(file: str, chosen: str, dry_run: bool) -> None:
    """Import applications from FILE (- reads standard input): a CSV from Teal, Huntr,
    JobSync or a spreadsheet.

    Each row's dates and status become its events, and nextsteps plans from them. A
    row already in nextsteps (same company and role) is left alone, so importing the
    same file twice adds nothing.
    """
    from nextsteps.imports import services
    from nextsteps.imports.columns import Format

    data = read_input(file)
    user = current_user()
    if dry_run:
        report = services.preview(user, data, Format(chosen))
    else:
        with _progress_bar() as progress:
            report = services.run_import(user, data, Format(chosen), progress)
    for line in _report_lines(report):
        say(line)


@contextmanager
def _progress_bar() -> Iterator[Callable[[int, int], Any]]:
    """A progress callback that draws a bar on standard error, only on a terminal and
    only for an import long enough to need one."""
    with ExitStack() as stack:
        bar: Any = None

        def advance(done: int, total: int) -> None:
            nonlocal bar
            if total < BAR_FROM or not sys.stderr.isatty():
                return
            if bar is None:
                bar = stack.enter_context(
                    click.progressbar(length=total, label="Importing", file=sys.stderr)
                )
            bar.update(1)

        yield advance


def _report_lines(report: Report) -> list[str]:
    from nextsteps.imports import wording

    lines = [wording.summary(report), *wording.reading_notes(report)]
    if not report.imported and report.to_create:
        lines += ["", "To create:"]
        for candidate in report.to_create:
            title = wording.title(candidate.company, candidate.role)
            lines.append(
                f"  line {candidate.line}  {title}: {wording.events_said(candidate, report.today)}"
            )
            if candidate.left_out:
                lines.append(f"  {'':>{len(str(candidate.line)) + 5}}  {candidate.left_out}")
    if report.duplicates:
        lines += ["", "Already there, left alone:"]
        lines += [
            f"  line {d.line}  {wording.title(d.company, d.role)}: {wording.duplicate_of(d)}"
            for d in report.duplicates
        ]
    if report.refused:
        lines += ["", "Refused:"]
        lines += [f"  line {r.line}  {r.reason}" for r in report.refused]
    if not report.imported:
        lines += ["", "Nothing was written: run it again without --dry-run to import."]
    return lines
