"""The CLI tests run `nextsteps` in this process, through click's test runner (which
typer's runner is), on the test database, as the command line's user on London's
clock. The few that must watch a real process (its exit code, its standard input,
that --help loads nothing) run the installed command with `process()`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import time_machine
from click.testing import CliRunner

from nextsteps.cli import main, output

NEXTSTEPS = str(Path(sys.executable).with_name("nextsteps"))
PASSWORD = "not-in-any-output-7f3a"


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


Run = Callable[..., Result]
LONDON = ZoneInfo("Europe/London")


def run(*args: str, check: bool = True, stdin: str | None = None, columns: int = 200) -> Result:
    """`nextsteps ARGS` in this process, in a terminal `columns` wide: what it printed
    and the code it exited with."""
    output.width.cache_clear()  # a process of its own would measure the terminal anew
    with CliRunner().isolation(input=stdin, env={"COLUMNS": str(columns)}) as (out, err, _):
        try:
            main(list(args))
            returncode = 0
        except SystemExit as exit_:
            returncode = exit_.code if isinstance(exit_.code, int) else 1
        sys.stdout.flush()
        sys.stderr.flush()
        result = Result(returncode, out.getvalue().decode(), err.getvalue().decode())
    if check and returncode != 0:
        raise AssertionError(f"nextsteps {' '.join(args)} failed:\n{result.stderr}")
    return result


@pytest.fixture
def nextsteps(db: None) -> Iterator[Run]:
    """`nextsteps(*args)` on the test database, the user set to Europe/London, the
    clock at 08:00 on Fri 6 Nov 2026, the morning of the tests' interviews (what is
    still worth doing depends on it)."""
    with time_machine.travel(datetime(2026, 11, 6, 8, tzinfo=LONDON)):
        run("config", "set", "timezone", "Europe/London")
        run("config", "set", "country", "GB")
        yield as_it_happens


def as_it_happens(*args: str, **options: Any) -> Result:
    """`nextsteps log ... --at WHEN` (or `add --applied DAY`) run just after WHEN when the
    test's clock is before it, as the user records things once they happened."""
    moment = _happened_at(args)
    # Only a moment the tests replay (past for the world, ahead of the test's clock):
    # one in the real future stays refused, as the command refuses it.
    if moment is None or not datetime.now(LONDON) < moment < _really_now():
        return run(*args, **options)
    with time_machine.travel(moment + timedelta(minutes=1), tick=False):
        return run(*args, **options)


def _really_now() -> datetime:
    return datetime.fromtimestamp(time_machine.escape_hatch.time.time(), LONDON)


def _happened_at(args: tuple[str, ...]) -> datetime | None:
    option = {"log": "--at", "add": "--applied"}.get(args[0] if args else "")
    if option is None or option not in args or args.index(option) + 1 >= len(args):
        return None
    text = args[args.index(option) + 1]
    try:
        moment = datetime.fromisoformat(text if " " in text else f"{text} 09:00")
    except ValueError:
        return None  # the command refuses it itself
    return moment.replace(tzinfo=LONDON)


def process(data_dir: Path, *args: str, stdin: str = "", **env: str) -> Result:
    """The installed `nextsteps ARGS` in a process of its own, on the data directory."""
    environment = {
        k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "NEXTSTEPS_USER"}
    }
    environment.update(NEXTSTEPS_DATA_DIR=str(data_dir), COLUMNS="200", **env)
    done = subprocess.run(
        [NEXTSTEPS, *args], env=environment, input=stdin, capture_output=True, text=True,
        timeout=120, check=False,
    )  # fmt: skip
    return Result(done.returncode, done.stdout, done.stderr)


def as_json(result: Result) -> Any:
    return json.loads(result.stdout)


def new_id(result: Result) -> str:
    """The id `add` printed: "Saved application 12: ..." """
    return result.stdout.removeprefix("Saved application ").partition(":")[0]


def calling_it_1(nextsteps: Run, application: str) -> Run:
    """`nextsteps` with "1" in the arguments standing for `application`, so that a
    test reads as a user types on a new install."""

    def run(*args: str, **options: Any) -> Result:
        return nextsteps(*(application if arg == "1" else arg for arg in args), **options)

    return run


@pytest.fixture
def interviewed(nextsteps: Run) -> Run:
    """An interview that ended an hour ago, with every hour a working hour, so the
    thank-you can go now whatever the time of the test run. Application 1, as the
    tests call it."""
    ended = datetime.now().astimezone() - timedelta(hours=1)
    clock = "%Y-%m-%d %H:%M"
    nextsteps("config", "set", "working_days", "mon,tue,wed,thu,fri,sat,sun")
    nextsteps("config", "set", "working_hours", "00:00-23:59")
    application = new_id(
        nextsteps("add", "Acme", "Data Analyst", "--contact", "Jane Doe <jane@acme.example>")
    )
    for args in (
        ("log", application, "interview", "--at", (ended - timedelta(hours=1)).strftime(clock),
         "--end", ended.strftime(clock)),
        ("log", application, "reflection", "--note",
         "Strong points: the SQL exercise\nTopics to mention: their warehouse move"),
    ):  # fmt: skip
        nextsteps(*args)
    return calling_it_1(nextsteps, application)


def account(nextsteps: Run, port: int, *extra: str) -> str:
    """`mail-account set` with the password on standard input, as a script would."""
    return nextsteps(
        "mail-account", "set", "--host", "127.0.0.1", "--port", str(port),
        "--security", "none", "--from", "Alice Smith <alice@example.com>",
        "--username", "alice", "--password-stdin", *extra,
        stdin=PASSWORD + "\n",
    ).stdout  # fmt: skip
