"""The CLI tests run `nextsteps` in this process, through click's test runner (which
typer's runner is), on the test database, as the command line's user on London's
clock. The few that must watch a real process (its exit code, its standard input,
that --help loads nothing) run the installed command with `process()`."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from nextsteps.cli import main

NEXTSTEPS = str(Path(sys.executable).with_name("nextsteps"))


@dataclass(frozen=True)
class Result:
    returncode: int
    stdout: str
    stderr: str


Run = Callable[..., Result]


def run(*args: str, check: bool = True, stdin: str | None = None) -> Result:
    """`nextsteps ARGS` in this process: what it printed and the code it exited with."""
    with CliRunner().isolation(input=stdin, env={"COLUMNS": "200"}) as (out, err, _):
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
def nextsteps(db: None) -> Run:
    """`nextsteps(*args)` on the test database, the user set to Europe/London."""
    run("config", "set", "timezone", "Europe/London")
    run("config", "set", "country", "GB")
    return run


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
    """The id `add` printed."""
    return result.stdout.strip()


def calling_it_1(nextsteps: Run, application: str) -> Run:
    """`nextsteps` with "1" in the arguments standing for `application`, so that a
    test reads as a user types on a new install."""

    def run(*args: str, **options: Any) -> Result:
        return nextsteps(*(application if arg == "1" else arg for arg in args), **options)

    return run
