"""The command as a process: what a shell sees (exit codes, one line of error), and
what answering --help or a mistyped command costs (nothing of Django, no file)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import process

# Runs main() and says which of the heavy modules it loaded, whatever it exited with.
LOADED = """
import sys
from nextsteps.cli import main
try:
    main(sys.argv[1:])
finally:
    heavy = ("django", "nextsteps.settings", "nextsteps.tracker", "nextsteps.cli.output",
             "holidays", "nextsteps.playbook.habits", "nextsteps.playbook.worksearch",
             "nextsteps.imports")
    print("loaded:", *sorted(m for m in heavy if m in sys.modules), file=sys.stderr)
"""


@pytest.mark.processes
@pytest.mark.parametrize(
    ("args", "exit_code"),
    [(["--help"], 0), (["next", "--help"], 0), (["next", "one"], 2), (["nope"], 2)],
    ids=["help", "command help", "usage error", "unknown command"],
)
def test_help_and_usage_errors_load_nothing_and_write_nothing(
    args: list[str], exit_code: int, tmp_path: Path
) -> None:
    data_dir = tmp_path / "data"
    done = subprocess.run(
        [sys.executable, "-c", LOADED, *args],
        env={"NEXTSTEPS_DATA_DIR": str(data_dir), "PATH": "/usr/bin:/bin"},
        capture_output=True, text=True, timeout=60, check=False,
    )  # fmt: skip
    assert done.returncode == exit_code, done.stderr
    assert done.stderr.endswith("loaded:\n"), done.stderr
    assert not data_dir.exists()


@pytest.mark.processes
def test_the_first_command_makes_the_database(tmp_path: Path) -> None:
    listed = process(tmp_path, "list", "--json")
    assert (listed.returncode, listed.stdout, listed.stderr) == (0, "[]\n", "")
    assert (tmp_path / "nextsteps.sqlite3").exists()


@pytest.mark.processes
@pytest.mark.parametrize(
    ("args", "says"),
    [
        (["log", "99", "reply"], "error: There is no application 99.\n"),
        (["today", "--on", "soon"], "error: --on must be a date like 2026-11-13, not 'soon'.\n"),
        (["next", "one"], "error: Invalid value for 'ID': 'one' is not a valid integer.\n"),
    ],
    ids=["refused by a service", "refused by the command", "usage error"],
)
def test_bad_input_exits_2_with_one_line(args: list[str], says: str, tmp_path: Path) -> None:
    done = process(tmp_path, *args)
    assert (done.returncode, done.stdout, done.stderr) == (2, "", says)


def test_every_refusal_the_command_line_reports_exists() -> None:
    """A renamed error of the services would otherwise end in a traceback."""
    import importlib

    from nextsteps.cli.app import REFUSALS

    for module, name in REFUSALS:
        assert issubclass(getattr(importlib.import_module(module), name), Exception), name
