"""Worker processes on a database of their own: the real `nextsteps` command in
subprocesses, for the tests that kill workers or race them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tests.cli.conftest import NEXTSTEPS

REPO = Path(__file__).resolve().parents[2]
SERVER_URL = os.environ.get("TEST_DATABASE_URL") or (
    "postgres://postgres@127.0.0.1:5432/nextsteps" if os.environ.get("CI") == "true" else ""
)


def environment(data_dir: Path, database_url: str = "", **settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"DATABASE_URL", "NEXTSTEPS_USER"}}
    env.update(NEXTSTEPS_DATA_DIR=str(data_dir), COLUMNS="200", **settings)
    if database_url:
        env["DATABASE_URL"] = database_url
    return env


def nextsteps(env: dict[str, str], *args: str, stdin: str = "") -> str:
    result = subprocess.run(
        [NEXTSTEPS, *args], env=env, input=stdin, capture_output=True, text=True, timeout=120
    )
    if result.returncode != 0:
        raise AssertionError(f"nextsteps {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def seed(env: dict[str, str], *args: str) -> str:
    result = subprocess.run(
        [sys.executable, "-m", "tests.outreach.seed", *args],
        env=env,
        cwd=REPO,
        capture_output=True,
        text=True,
        timeout=300,
    )
    if result.returncode != 0:
        raise AssertionError(f"seed {' '.join(args)} failed:\n{result.stderr}")
    return result.stdout


def outbox_report(env: dict[str, str]) -> dict[str, Any]:
    report: dict[str, Any] = json.loads(seed(env, "report"))
    return report


def start_worker(env: dict[str, str], log: Path, *args: str) -> subprocess.Popen[str]:
    """A worker writing its log to a file: a pipe nobody reads would fill and stop it."""
    with log.open("a") as output:
        return subprocess.Popen(
            [NEXTSTEPS, "worker", *args], env=env, stdout=output, stderr=output, text=True
        )


def race_workers(
    env: dict[str, str], logs: Path, workers: int, done: Callable[[], bool], settle: float = 0
) -> None:
    """Run `workers` worker processes until `done()` (or a worker dies, or 150 s pass),
    then `settle` seconds more, and stop them with SIGTERM; each must exit cleanly."""
    processes = [start_worker(env, logs / f"worker{n}.log") for n in range(workers)]
    try:
        deadline = time.time() + 150
        while not done() and time.time() < deadline:
            if any(p.poll() is not None for p in processes):
                break
            time.sleep(0.2)
        time.sleep(settle)
    finally:
        for process in processes:
            process.send_signal(signal.SIGTERM)
        exits = [process.wait(timeout=60) for process in processes]
    assert exits == [0] * workers, [log.read_text()[-2000:] for log in logs.glob("*.log")]


@contextmanager
def postgres_database(name: str) -> Iterator[str]:
    """A database of its own on the test server, dropped afterwards."""
    import psycopg

    server = SERVER_URL.rsplit("/", 1)[0]
    with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
        admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.execute(f"CREATE DATABASE {name}")
    try:
        yield f"{server}/{name}"
    finally:
        with psycopg.connect(f"{server}/postgres", autocommit=True) as admin:
            admin.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
