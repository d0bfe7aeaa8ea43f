"""`nextsteps import FILE`: the dry run's report, the import, a second import that
adds nothing, and one line of error (exit 2) for a file it cannot read or place. A
progress bar on standard error, only on a terminal."""

from __future__ import annotations

import os
import pty
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from nextsteps.tracker.models import Application
from tests.cli.conftest import NEXTSTEPS, Run, process
from tests.imports.base import FILES


def test_the_dry_run_reports_and_the_import_does_it_once(nextsteps: Run) -> None:
    teal = str(FILES / "teal.csv")
    dry = nextsteps("import", teal, "--dry-run")
    assert dry.stdout.splitlines()[:6] == [
        "A Teal export, 7 rows: 6 applications to create, 0 already in nextsteps, 1 row refused.",
        "Columns not read: Deadline, Follow up, Excitement.",
        "",
        "To create:",
        "  line 2  Data Scientist at TechCorp: Applied Mon 5 Oct",
        "  line 3  Data Analyst at Acme: Applied Tue 6 Oct, Interview held Tue 6 Oct",
    ]
    assert "  line 6  The company's name cannot be empty." in dry.stdout
    assert dry.stdout.endswith("Nothing was written: run it again without --dry-run to import.\n")
    assert not Application.objects.exists()

    done = nextsteps("import", teal)
    assert done.stdout.splitlines()[0] == (
        "Imported 6 applications from a Teal export; 0 already in nextsteps, 1 row refused."
    )
    assert "To create:" not in done.stdout
    assert done.stderr == ""  # no bar when standard error is no terminal
    again = nextsteps("import", teal, "--format", "teal")
    assert again.stdout.splitlines()[0] == (
        "Imported 0 applications from a Teal export; 6 already in nextsteps, 1 row refused."
    )
    assert Application.objects.count() == 6


@pytest.mark.parametrize(
    ("content", "args", "said"),
    [
        (None, [], "error: nextsteps cannot read {path}: No such file or directory."),
        (b"a,b\n1,2\n", [], "error: nextsteps cannot tell which column holds the company and "
         "the role: the first row names a, b. Name them Company and Role."),
        (b"PK\x03\x04rest", [], "error: This is a spreadsheet workbook, not a CSV file: save "
         "it as CSV (comma-separated values) and import that."),
        ((FILES / "reactive_resume.json").read_bytes(), [], "error: This is a Reactive Resume "
         "résumé: it lists the jobs you have held, not the ones you applied for, so it holds "
         "nothing to import. Export your applications as CSV from your tracker or spreadsheet "
         "instead."),
        ((FILES / "jobsync.csv").read_bytes(), ["--format", "huntr"], "error: This file is not "
         "a Huntr export: that has the columns a List column beside the Employer or Company."),
        (b"Company,Role\n", ["--format", "lever"], "error: Invalid value for '--format': "
         "'lever' is not one of 'auto', 'teal', 'huntr', 'reactive-resume', 'jobsync', "
         "'generic'."),
    ],
    ids=["missing", "unknown format", "workbook", "resume", "wrong format", "unknown choice"],
)  # fmt: skip
def test_a_file_it_cannot_import_is_one_line_and_exit_2(
    nextsteps: Run, tmp_path: Path, content: bytes | None, args: list[str], said: str
) -> None:
    path = tmp_path / "file.csv"
    if content is not None:
        path.write_bytes(content)
    result = nextsteps("import", str(path), *args, check=False)
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == said.format(path=path) + "\n"
    assert not Application.objects.exists()


@pytest.mark.processes
def test_a_long_import_draws_a_bar_on_a_terminal(tmp_path: Path) -> None:
    applied = date.today() - timedelta(days=30)
    rows = "".join(f"Co {n},Analyst,applied,{applied}\n" for n in range(60))
    path = tmp_path / "long.csv"
    path.write_text("Company,Role,Status,Date applied\n" + rows)
    terminal, their_end = pty.openpty()
    environment = {k: v for k, v in os.environ.items() if k != "DATABASE_URL"}
    environment.update(NEXTSTEPS_DATA_DIR=str(tmp_path / "data"), COLUMNS="80")
    done = subprocess.run(
        [NEXTSTEPS, "import", str(path)], env=environment, stdout=subprocess.PIPE,
        stderr=their_end, timeout=120, check=False,
    )  # fmt: skip
    os.close(their_end)
    drawn = os.read(terminal, 65536).decode()
    os.close(terminal)
    assert done.returncode == 0
    assert done.stdout.decode().startswith("Imported 60 applications from a spreadsheet;")
    assert "Importing" in drawn
    assert "100%" in drawn
    listed = process(tmp_path / "data", "list", "--json")
    assert listed.stdout.count('"id"') == 60


def test_a_dash_reads_standard_input(nextsteps: Run) -> None:
    rows = "Company,Role,Status,Date applied\nAcme,Analyst,applied,2026-10-01\n"
    result = nextsteps("import", "-", stdin=rows)
    assert result.stdout.startswith("Imported 1 application from a spreadsheet;")
    assert Application.objects.get().applied_on == date(2026, 10, 1)
